r"""The course's ``dnn_app_utils_v3``: the application notebook's ready-made building blocks.

The deep network application (``two_layer_model``, ``L_layer_model``) imports these instead
of the student's own step-by-step functions: ``[LINEAR -> RELU] x (L-1) -> LINEAR ->
SIGMOID``, caches ``((A_prev, W, b), Z)``, weights drawn after ``np.random.seed(1)`` and
scaled by $1/\sqrt{n^{[l-1]}}$ in ``initialize_parameters_deep``, gradients keyed
``dA{l-1}``, ``dW{l}``, ``db{l}``. The course's cat images (``load_data``) exist only on the
course's servers.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward

__all__ = [
    "L_model_backward",
    "L_model_forward",
    "compute_cost",
    "initialize_parameters",
    "initialize_parameters_deep",
    "linear_activation_backward",
    "linear_activation_forward",
    "linear_backward",
    "linear_forward",
    "load_data",
    "predict",
    "print_mislabeled_images",
    "relu",
    "relu_backward",
    "sigmoid",
    "sigmoid_backward",
    "update_parameters",
]


def load_data() -> Any:
    """The course's cat/non-cat images; they are only on the course's servers.

    Raises:
        FileNotFoundError: always, here.
    """
    raise FileNotFoundError("datasets/train_catvnoncat.h5 exists only on the course's servers")


def initialize_parameters(n_x: int, n_h: int, n_y: int) -> dict[str, np.ndarray]:
    """Small random weights for a 2-layer network, after ``np.random.seed(1)``."""
    np.random.seed(1)
    return {
        "W1": np.random.randn(n_h, n_x) * 0.01,
        "b1": np.zeros((n_h, 1)),
        "W2": np.random.randn(n_y, n_h) * 0.01,
        "b2": np.zeros((n_y, 1)),
    }


def initialize_parameters_deep(layer_dims: list[int]) -> dict[str, np.ndarray]:
    r"""Weights $W^{[l]} \sim N(0, 1)/\sqrt{n^{[l-1]}}$, zero biases, after a reseed to 1."""
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):  # noqa: E741 - the course's name
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(
            layer_dims[l - 1]
        )
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A: np.ndarray, W: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, tuple]:
    """``Z = W A + b``; cache ``(A, W, b)``."""
    return W.dot(A) + b, (A, W, b)


def linear_activation_forward(
    A_prev: np.ndarray, W: np.ndarray, b: np.ndarray, activation: str
) -> tuple[np.ndarray, tuple]:
    """One layer forward: ``activation`` is ``"sigmoid"`` or ``"relu"``; cache ``(linear, Z)``."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X: np.ndarray, parameters: dict[str, np.ndarray]) -> tuple[np.ndarray, list]:
    """``[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID``; returns ``(AL, caches)``."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):  # noqa: E741
        A, cache = linear_activation_forward(
            A, parameters["W" + str(l)], parameters["b" + str(l)], "relu"
        )
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid"
    )
    caches.append(cache)
    return AL, caches


def compute_cost(AL: np.ndarray, Y: np.ndarray) -> float:
    """Cross-entropy averaged over the ``m`` examples."""
    m = Y.shape[1]
    cost = (1.0 / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    return float(np.squeeze(cost))


def linear_backward(dZ: np.ndarray, cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients ``(dA_prev, dW, db)`` of one linear step."""
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = 1.0 / m * np.dot(dZ, A_prev.T)
    db = 1.0 / m * np.sum(dZ, axis=1, keepdims=True)
    return np.dot(W.T, dZ), dW, db


def linear_activation_backward(
    dA: np.ndarray, cache: tuple, activation: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One layer backward through ``activation`` then the linear step."""
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL: np.ndarray, Y: np.ndarray, caches: list) -> dict[str, np.ndarray]:
    """Gradients of every layer, keyed ``dA{l-1}``, ``dW{l}``, ``db{l}``."""
    grads: dict[str, np.ndarray] = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = (
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    )
    for l in reversed(range(L - 1)):  # noqa: E741
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


def update_parameters(
    parameters: dict[str, np.ndarray], grads: dict[str, np.ndarray], learning_rate: float
) -> dict[str, np.ndarray]:
    """One gradient-descent step on a copy of ``parameters``."""
    params = {k: np.array(v, copy=True) for k, v in parameters.items()}
    L = len(params) // 2
    for l in range(L):  # noqa: E741
        params["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        params["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return params


def predict(X: np.ndarray, y: np.ndarray, parameters: dict[str, np.ndarray]) -> np.ndarray:
    """0/1 predictions ``(1, m)`` of a trained network; prints the accuracy on ``y``."""
    probas, _ = L_model_forward(X, parameters)
    p = (probas > 0.5).astype(np.float64)
    print("Accuracy: " + str(np.sum(p == y) / X.shape[1]))
    return p


def print_mislabeled_images(classes: Any, X: np.ndarray, y: np.ndarray, p: np.ndarray) -> None:
    """Plot the images the network got wrong (needs matplotlib)."""
    import matplotlib.pyplot as plt

    wrong = np.asarray(np.where(p + y == 1))
    for i, index in enumerate(wrong[1]):
        plt.subplot(2, len(wrong[1]), i + 1)
        plt.imshow(X[:, index].reshape(64, 64, 3), interpolation="nearest")
        plt.axis("off")
