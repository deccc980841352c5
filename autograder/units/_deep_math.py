"""The grader's own network math for unit 5 (deep_network): grader-only, never in the bundle.

The course's forward pass, cost, backward pass and training loop (caches ``((A_prev, W, b), Z)``),
used to choose test networks away from ReLU kinks, to gradient-check against the true cost and to
train the expected models. It solves several tasks, so the student bundle leaves it out.
"""

from __future__ import annotations

import numpy as np

from autograder.checklib import stable_sigmoid as sigmoid
from autograder.gradcheck import numerical_gradient


def act(Z: np.ndarray, activation: str) -> np.ndarray:
    """``sigmoid(Z)`` or ``relu(Z)``."""
    return sigmoid(Z) if activation == "sigmoid" else np.maximum(0.0, Z)


def act_backward(dA: np.ndarray, Z: np.ndarray, activation: str) -> np.ndarray:
    """``dZ`` of a sigmoid or relu unit (numpy broadcasting, as the course's helpers)."""
    if activation == "sigmoid":
        s = sigmoid(Z)
        return dA * s * (1.0 - s)
    return dA * (Z > 0)


def depth(params: dict[str, np.ndarray]) -> int:
    """The number of layers L of a parameter dict ``W1, b1, ..., WL, bL``."""
    return len(params) // 2


def forward(X: np.ndarray, params: dict[str, np.ndarray], start: int = 1) -> tuple:
    """Run layers ``start..L`` from activations ``X``; return (AL, caches, activations)."""
    L = depth(params)
    A, caches, acts = X, [], [X]
    for layer in range(start, L + 1):
        W, b = params[f"W{layer}"], params[f"b{layer}"]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = act(Z, "sigmoid" if layer == L else "relu")
        acts.append(A)
    return A, caches, acts


def cost(AL: np.ndarray, Y: np.ndarray) -> float:
    r"""Cross-entropy :math:`-\frac{1}{m}\sum Y \log A + (1-Y)\log(1-A)`."""
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def backward(AL: np.ndarray, Y: np.ndarray, caches: list) -> dict[str, np.ndarray]:
    """The course's L_model_backward: ``dA0..dA{L-1}``, ``dW1..dWL``, ``db1..dbL``."""
    L, m = len(caches), AL.shape[1]
    grads = {}
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for layer in range(L, 0, -1):
        (A_prev, W, _), Z = caches[layer - 1]
        dZ = act_backward(dA, Z, "sigmoid" if layer == L else "relu")
        grads[f"dW{layer}"] = dZ @ A_prev.T / m
        grads[f"db{layer}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = grads[f"dA{layer - 1}"] = W.T @ dZ
    return grads


def train(
    X: np.ndarray, Y: np.ndarray, params: dict[str, np.ndarray], learning_rate: float, n: int
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Gradient descent from ``params``, as the course's models: (parameters, costs).

    ``costs`` holds the cost of iterations 0, 100, 200, ... (before that iteration's update).
    """
    costs = []
    for i in range(n):
        AL, caches, _ = forward(X, params)
        if i % 100 == 0:
            costs.append(cost(AL, Y))
        grads = backward(AL, Y, caches)
        params = {k: v - learning_rate * grads["d" + k] for k, v in params.items()}
    return params, costs


def point_quality(X: np.ndarray, params: dict[str, np.ndarray], margin: float) -> int:
    """0: some |z| <= margin (unusable); 1: away from kinks; 2: also lively.

    Lively: in every hidden layer, every example has an active relu and at least half the
    units are active for some example, so gradients reach every layer.
    """
    _, caches, _ = forward(X, params)
    if not all(float(np.min(np.abs(z))) > margin for (_, z) in caches):
        return 0
    lively = all(
        bool(np.all(np.any(z > 0, axis=0))) and 2 * int(np.sum(np.any(z > 0, axis=1))) >= len(z)
        for (_, z) in caches[:-1]
    )
    return 2 if lively else 1


def numeric_grads(X: np.ndarray, Y: np.ndarray, params: dict[str, np.ndarray]) -> dict:
    """Centred-difference gradients of the cost, in the course's grads convention.

    ``dW{l}``, ``db{l}`` are derivatives of the cost J; ``dA{l}`` are per-example
    derivatives, ``m`` times the derivative of J with respect to ``A{l}``.
    """
    L, m = depth(params), X.shape[1]
    acts = forward(X, params)[2]
    out = {}
    for key in params:
        out[f"d{key}"] = numerical_gradient(
            lambda v, key=key: cost(forward(X, {**params, key: v})[0], Y), params[key]
        )
    for layer in range(L):
        out[f"dA{layer}"] = m * numerical_gradient(
            lambda a, layer=layer: cost(forward(a, params, start=layer + 1)[0], Y), acts[layer]
        )
    return out
