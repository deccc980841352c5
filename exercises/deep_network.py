r"""Unit 5 · deep neural network, step by step, and its application to digit images.

Shape convention of the kit: examples are **columns**. A data matrix ``X`` has shape
``(n_x, m)``: ``n_x`` features, ``m`` examples. Layer ``l`` has ``n[l]`` units, so
``W{l}`` has shape ``(n[l], n[l-1])`` and ``b{l}`` has shape ``(n[l], 1)``; ``n[0] = n_x``.

The network is ``[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID``. Caches are exactly the
course's: ``linear_cache = (A_prev, W, b)``, ``activation_cache = Z`` and
``cache = (linear_cache, activation_cache)``.

The four helpers ``sigmoid``, ``relu``, ``sigmoid_backward`` and ``relu_backward`` are
provided (as in the course's ``dnn_utils``); they are not graded. Use them.

Run ``pytest exercises -m task5_1`` (and so on) to check one task, and
``autograder train deep_network`` to train your network on the digits data.
"""

# Generated from solutions/deep_network.py by `python -m autograder.stubs`.
# Write your code in place of each `raise NotImplementedError(...)`.

from __future__ import annotations

import numpy as np

# ## Provided helpers (not graded) — as in the course's dnn_utils


def sigmoid(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Sigmoid activation, computed without overflow.

    Math:
        $A = \sigma(Z) = \frac{1}{1 + e^{-Z}}$, elementwise.

    Args:
        Z: pre-activations, any shape (``(n[l], m)`` in a network).

    Returns:
        ``(A, cache)``: ``A`` of the shape of ``Z``; ``cache = Z`` (the activation cache).
    """
    e = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return A, Z


def relu(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""ReLU activation.

    Math:
        $A = \max(0, Z)$, elementwise.

    Args:
        Z: pre-activations, any shape (``(n[l], m)`` in a network).

    Returns:
        ``(A, cache)``: ``A`` of the shape of ``Z``; ``cache = Z`` (the activation cache).
    """
    A = np.maximum(0.0, Z)
    return A, Z


def relu_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    r"""Backward step of a ReLU unit.

    Math:
        $dZ = dA \cdot \mathbb{1}[Z > 0]$, elementwise.

    Args:
        dA: gradient of the cost with respect to the activation, shape ``(n[l], m)``.
        cache: ``Z``, the pre-activation stored by :func:`relu`, shape ``(n[l], m)``.

    Returns:
        ``dZ``, shape ``(n[l], m)``.
    """
    Z = cache
    dZ = np.array(dA, dtype=np.float64, copy=True)
    dZ[Z <= 0] = 0.0
    return dZ


def sigmoid_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    r"""Backward step of a sigmoid unit.

    Math:
        $dZ = dA \cdot \sigma(Z)\,(1 - \sigma(Z))$, elementwise.

    Args:
        dA: gradient of the cost with respect to the activation, shape ``(n[l], m)``.
        cache: ``Z``, the pre-activation stored by :func:`sigmoid`, shape ``(n[l], m)``.

    Returns:
        ``dZ``, shape ``(n[l], m)``.
    """
    s, _ = sigmoid(cache)
    return dA * s * (1.0 - s)


# ## Task 5.1 — initialize_parameters
def initialize_parameters(n_x: int, n_h: int, n_y: int) -> dict[str, np.ndarray]:
    r"""Initialize a 2-layer network: small random weights, zero biases.

    Math:
        $W^{[1]} = 0.01 \cdot \text{randn}(n_h, n_x)$, $b^{[1]} = 0$,
        $W^{[2]} = 0.01 \cdot \text{randn}(n_y, n_h)$, $b^{[2]} = 0$.

    Draw with ``np.random.randn`` from numpy's global generator, ``W1`` first, then ``W2``.
    Do **not** call ``np.random.seed`` here: the caller seeds (the course uses
    ``np.random.seed(1)``), so the same seed gives the same parameters.

    Args:
        n_x: size of the input layer.
        n_h: size of the hidden layer.
        n_y: size of the output layer.

    Returns:
        ``{"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}``, float64.

    Examples:
        >>> np.random.seed(1)
        >>> p = initialize_parameters(3, 2, 1)
        >>> p["W1"].shape, p["b2"].shape, round(float(p["W1"][0, 0]), 5)
        ((2, 3), (1, 1), 0.01624)

    Hint:
        ``np.random.randn(n_h, n_x) * 0.01`` and ``np.zeros((n_h, 1))``.
    """
    # TODO: Implement for Task 5.1.
    raise NotImplementedError("Task 5.1: implement initialize_parameters")


# ## Task 5.2 — initialize_parameters_deep
def initialize_parameters_deep(layer_dims: list[int]) -> dict[str, np.ndarray]:
    r"""Initialize an L-layer network, scaling each layer's weights by $1/\sqrt{n^{[l-1]}}$.

    Math:
        for $l = 1, \dots, L$:
        $W^{[l]} = \text{randn}(n^{[l]}, n^{[l-1]}) / \sqrt{n^{[l-1]}}$, $b^{[l]} = 0$.

    The scale is the **application's** $1/\sqrt{n^{[l-1]}}$. The step-by-step notebook's
    ``* 0.01`` is accepted too, but with it a deep ReLU network's activations shrink layer
    after layer and :func:`L_layer_model` barely learns. Every weight matrix must be random
    (no zeros, no copies of one row, both signs) with one of these standard deviations.

    Draw ``W1``, ``W2``, ... in order with ``np.random.randn`` from numpy's global generator.
    Do **not** call ``np.random.seed`` here: the caller seeds.

    Args:
        layer_dims: ``[n[0], n[1], ..., n[L]]``, the size of every layer (input first).

    Returns:
        ``{"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "WL": (n[L], n[L-1]), "bL": (n[L], 1)}``:
        exactly these ``2L`` keys, float64 arrays.

    Examples:
        >>> np.random.seed(3)
        >>> p = initialize_parameters_deep([5, 4, 3])
        >>> sorted(p), p["W2"].shape, round(float(p["W1"][0, 0]), 5)
        (['W1', 'W2', 'b1', 'b2'], (3, 4), 0.7999)

    Hint:
        Loop ``for l in range(1, len(layer_dims))`` and build the keys as ``"W" + str(l)``.
    """
    # TODO: Implement for Task 5.2.
    raise NotImplementedError("Task 5.2: implement initialize_parameters_deep")


# ## Task 5.3 — linear_forward
def linear_forward(
    A: np.ndarray, W: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    r"""The linear part of a layer's forward propagation.

    Math:
        $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$

    Args:
        A: activations of the previous layer (or the input), shape ``(n[l-1], m)``.
        W: weights, shape ``(n[l], n[l-1])``.
        b: bias, shape ``(n[l], 1)``.

    Returns:
        ``(Z, cache)``: ``Z`` of shape ``(n[l], m)``, and ``cache = (A, W, b)``, the
        inputs themselves, for the backward pass.

    Examples:
        >>> Z, cache = linear_forward(np.ones((2, 3)), np.array([[1.0, 2.0]]), np.array([[0.5]]))
        >>> Z, len(cache)
        (array([[3.5, 3.5, 3.5]]), 3)

    Hint:
        ``np.dot(W, A) + b``: ``b`` of shape ``(n[l], 1)`` broadcasts over the ``m`` columns.
    """
    # TODO: Implement for Task 5.3.
    raise NotImplementedError("Task 5.3: implement linear_forward")


# ## Task 5.4 — linear_activation_forward
def linear_activation_forward(
    A_prev: np.ndarray, W: np.ndarray, b: np.ndarray, activation: str
) -> tuple[np.ndarray, tuple]:
    r"""Forward propagation of one layer: LINEAR, then the activation.

    Math:
        $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ and $A^{[l]} = g(Z^{[l]})$, with
        $g = \sigma$ for ``"sigmoid"`` and $g = \max(0, \cdot)$ for ``"relu"``.

    Args:
        A_prev: activations of the previous layer, shape ``(n[l-1], m)``.
        W: weights, shape ``(n[l], n[l-1])``.
        b: bias, shape ``(n[l], 1)``.
        activation: ``"sigmoid"`` or ``"relu"``.

    Returns:
        ``(A, cache)``: ``A`` of shape ``(n[l], m)`` and
        ``cache = (linear_cache, activation_cache)`` with ``linear_cache = (A_prev, W, b)``
        from :func:`linear_forward` and ``activation_cache = Z`` from :func:`sigmoid` or
        :func:`relu`.

    Examples:
        >>> A, cache = linear_activation_forward(
        ...     np.ones((2, 1)), np.array([[1.0, -3.0]]), np.zeros((1, 1)), "relu")
        >>> A, cache[1]
        (array([[0.]]), array([[-2.]]))

    Hint:
        Call :func:`linear_forward`, then :func:`sigmoid` or :func:`relu`; each returns
        its own cache.
    """
    # TODO: Implement for Task 5.4.
    raise NotImplementedError("Task 5.4: implement linear_activation_forward")


# ## Task 5.5 — L_model_forward
def L_model_forward(X: np.ndarray, parameters: dict[str, np.ndarray]) -> tuple[np.ndarray, list]:
    r"""Forward propagation of the whole network: [LINEAR->RELU] x (L-1), LINEAR->SIGMOID.

    Math:
        $A^{[0]} = X$; $A^{[l]} = \text{relu}(W^{[l]} A^{[l-1]} + b^{[l]})$ for
        $l = 1, \dots, L-1$; $A^{[L]} = \sigma(W^{[L]} A^{[L-1]} + b^{[L]})$.

    The number of layers is ``L = len(parameters) // 2``. ``parameters`` must not be
    modified.

    Args:
        X: data, shape ``(n[0], m)``.
        parameters: ``{"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "bL": (n[L], 1)}``.

    Returns:
        ``(AL, caches)``: ``AL``, the sigmoid output of shape ``(1, m)``, and ``caches``, a
        **list** of the ``L`` caches of :func:`linear_activation_forward`, layer 1 first.

    Examples:
        >>> p = {"W1": np.ones((2, 3)), "b1": np.zeros((2, 1)),
        ...      "W2": np.ones((1, 2)), "b2": np.array([[-6.0]])}
        >>> AL, caches = L_model_forward(np.ones((3, 2)), p)
        >>> AL, len(caches)
        (array([[0.5, 0.5]]), 2)

    Hint:
        Loop ``for l in range(1, L)`` with ``"relu"``, then one last ``"sigmoid"`` layer;
        append every cache.
    """
    # TODO: Implement for Task 5.5.
    raise NotImplementedError("Task 5.5: implement L_model_forward")


# ## Task 5.6 — compute_cost
def compute_cost(AL: np.ndarray, Y: np.ndarray) -> float:
    r"""Binary cross-entropy cost, averaged over the m examples.

    Math:
        $J = -\frac{1}{m}\sum_{i=1}^{m}\big(y^{(i)}\log a^{[L](i)}
        + (1-y^{(i)})\log(1-a^{[L](i)})\big)$

    Args:
        AL: sigmoid outputs, shape ``(1, m)``, values in $(0, 1)$.
        Y: true labels, shape ``(1, m)``, values in {0, 1}.

    Returns:
        The cost as a number: a Python float or a 0-d array (``np.squeeze``), not a
        ``(1, 1)`` array.

    Examples:
        >>> round(float(compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))), 6)
        0.279777

    Hint:
        ``np.sum`` over both terms, times ``-1 / m``; ``np.squeeze`` (or ``float``) at the end.
    """
    # TODO: Implement for Task 5.6.
    raise NotImplementedError("Task 5.6: implement compute_cost")


# ## Task 5.7 — linear_backward
def linear_backward(
    dZ: np.ndarray, cache: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The linear part of a layer's backward propagation.

    Math:
        $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}$,
        $db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}$,
        $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$.

    ``dZ`` holds per-example gradients, so ``dW`` and ``db`` average over the ``m`` examples
    while ``dA_prev`` does not.

    Args:
        dZ: gradient of the cost with respect to ``Z`` of this layer, shape ``(n[l], m)``.
        cache: ``(A_prev, W, b)`` from :func:`linear_forward`: shapes ``(n[l-1], m)``,
            ``(n[l], n[l-1])``, ``(n[l], 1)``.

    Returns:
        ``(dA_prev, dW, db)`` of shapes ``(n[l-1], m)``, ``(n[l], n[l-1])`` and ``(n[l], 1)``
        (the shapes of ``A_prev``, ``W`` and ``b``).

    Examples:
        >>> cache = (np.ones((2, 2)), np.array([[2.0, -1.0]]), np.zeros((1, 1)))
        >>> dA_prev, dW, db = linear_backward(np.array([[1.0, 3.0]]), cache)
        >>> dA_prev.tolist(), dW.tolist(), db.tolist()
        ([[2.0, 6.0], [-1.0, -3.0]], [[2.0, 2.0]], [[2.0]])

    Hint:
        ``np.sum(dZ, axis=1, keepdims=True)`` keeps ``db`` a column.
    """
    # TODO: Implement for Task 5.7.
    raise NotImplementedError("Task 5.7: implement linear_backward")


# ## Task 5.8 — linear_activation_backward
def linear_activation_backward(
    dA: np.ndarray, cache: tuple, activation: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Backward propagation of one layer: the activation's backward step, then LINEAR.

    Math:
        $dZ^{[l]} = dA^{[l]} * g'(Z^{[l]})$, then :func:`linear_backward`.

    Args:
        dA: gradient of the cost with respect to this layer's activation, shape ``(n[l], m)``.
        cache: ``(linear_cache, activation_cache)`` from :func:`linear_activation_forward`.
        activation: ``"sigmoid"`` or ``"relu"``, the activation the layer used forward.

    Returns:
        ``(dA_prev, dW, db)`` of shapes ``(n[l-1], m)``, ``(n[l], n[l-1])`` and ``(n[l], 1)``.

    Examples:
        >>> A_prev = np.array([[1.0, 2.0], [0.5, -1.0]])  # m = 2 examples
        >>> linear_cache = (A_prev, np.array([[1.0, -3.0]]), np.zeros((1, 1)))
        >>> cache = (linear_cache, np.array([[-2.0, 1.5]]))
        >>> dA = np.array([[1.0, 3.0]])
        >>> [g.tolist() for g in linear_activation_backward(dA, cache, "relu")]
        [[[0.0, 3.0], [0.0, -9.0]], [[3.0, -1.5]], [[1.5]]]

    Hint:
        :func:`relu_backward` or :func:`sigmoid_backward` on the activation cache gives ``dZ``;
        then :func:`linear_backward` on the linear cache.
    """
    # TODO: Implement for Task 5.8.
    raise NotImplementedError("Task 5.8: implement linear_activation_backward")


# ## Task 5.9 — L_model_backward
def L_model_backward(AL: np.ndarray, Y: np.ndarray, caches: list) -> dict[str, np.ndarray]:
    r"""Backward propagation of the whole network, for any number of layers L.

    Math:
        $dA^{[L]} = -\big(\frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}}\big)$; layer $L$ is
        SIGMOID, then for $l = L-1, \dots, 1$ layer $l$ is RELU, each step taking
        $dA^{[l]}$ and giving $dA^{[l-1]}, dW^{[l]}, db^{[l]}$.

    Args:
        AL: output of :func:`L_model_forward`, shape ``(1, m)``.
        Y: true labels, shape ``(1, m)``.
        caches: the list of ``L`` caches from :func:`L_model_forward`.

    Returns:
        ``grads`` with exactly the keys ``"dA0", ..., "dA{L-1}"``, ``"dW1", ..., "dW{L}"`` and
        ``"db1", ..., "db{L}"``; ``grads["dA" + str(l)]`` has the shape of $A^{[l]}$,
        ``grads["dW" + str(l)]`` and ``grads["db" + str(l)]`` those of ``W{l}`` and ``b{l}``.

    Examples:
        >>> p = {"W1": np.ones((2, 3)), "b1": np.zeros((2, 1)),
        ...      "W2": np.ones((1, 2)), "b2": np.array([[-6.0]])}
        >>> AL, caches = L_model_forward(np.ones((3, 2)), p)
        >>> sorted(L_model_backward(AL, np.ones((1, 2)), caches))
        ['dA0', 'dA1', 'dW1', 'dW2', 'db1', 'db2']

    Hint:
        The loop ``for l in reversed(range(L - 1))`` uses ``caches[l]`` and the upstream
        gradient ``grads["dA" + str(l + 1)]``, with ``"relu"``: only layer L is sigmoid.
    """
    # TODO: Implement for Task 5.9.
    raise NotImplementedError("Task 5.9: implement L_model_backward")


# ## Task 5.10 — update_parameters
def update_parameters(
    params: dict[str, np.ndarray], grads: dict[str, np.ndarray], learning_rate: float
) -> dict[str, np.ndarray]:
    r"""One step of gradient descent on every layer.

    Math:
        $W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}$ and $b^{[l]} := b^{[l]} - \alpha\, db^{[l]}$
        for $l = 1, \dots, L$.

    Return a **new** dict; the caller's ``params`` and its arrays must stay unchanged.

    Args:
        params: ``{"W1": (n[1], n[0]), "b1": (n[1], 1), ..., "bL": (n[L], 1)}``.
        grads: from :func:`L_model_backward` (holds ``dW1..dWL``, ``db1..dbL`` and more).
        learning_rate: the step size $\alpha$.

    Returns:
        The updated parameters, a new dict with the same keys and shapes as ``params``.

    Examples:
        >>> p = update_parameters({"W1": np.ones((1, 1)), "b1": np.zeros((1, 1))},
        ...                       {"dW1": np.ones((1, 1)), "db1": np.ones((1, 1))}, 0.5)
        >>> p["W1"].tolist(), p["b1"].tolist()
        ([[0.5]], [[-0.5]])

    Hint:
        ``W = W - learning_rate * dW`` makes a new array; ``W -= ...`` would change the
        caller's array even in a copied dict.
    """
    # TODO: Implement for Task 5.10.
    raise NotImplementedError("Task 5.10: implement update_parameters")


# ## Task 5.11 — two_layer_model
def two_layer_model(
    X: np.ndarray,
    Y: np.ndarray,
    layers_dims: tuple[int, int, int],
    learning_rate: float = 0.0075,
    num_iterations: int = 3000,
    print_cost: bool = False,
) -> tuple[dict[str, np.ndarray], list[float]]:
    r"""Train a 2-layer network LINEAR -> RELU -> LINEAR -> SIGMOID by gradient descent.

    Math:
        each iteration: forward with :func:`linear_activation_forward` (``"relu"``, then
        ``"sigmoid"``), cost with :func:`compute_cost`,
        $dA^{[2]} = -\big(\frac{Y}{A^{[2]}} - \frac{1-Y}{1-A^{[2]}}\big)$, backward with
        :func:`linear_activation_backward` (``"sigmoid"``, then ``"relu"``), then
        :func:`update_parameters`.

    Start from ``initialize_parameters(n_x, n_h, n_y)``. Do **not** seed inside: the caller
    seeds (the course calls ``np.random.seed(1)`` first). Use every argument as given (no
    hard-coded sizes, rate or iteration count).

    Args:
        X: data, shape ``(n_x, m)``.
        Y: labels in {0, 1}, shape ``(1, m)``.
        layers_dims: ``(n_x, n_h, n_y)``.
        learning_rate: the gradient-descent step.
        num_iterations: the number of iterations.
        print_cost: print ``Cost after iteration i: cost`` every 100 iterations.

    Returns:
        ``(parameters, costs)``: the trained ``{"W1", "b1", "W2", "b2"}`` and ``costs``, a
        list of the cost (a number) at iterations 0, 100, 200, ... (``ceil(num_iterations /
        100)`` entries).

    Examples:
        >>> np.random.seed(1)
        >>> params, costs = two_layer_model(np.ones((2, 4)), np.ones((1, 4)), (2, 3, 1),
        ...                                 num_iterations=150)
        >>> sorted(params), len(costs), round(costs[0], 4)
        (['W1', 'W2', 'b1', 'b2'], 2, 0.6931)

    Hint:
        ``if i % 100 == 0: costs.append(cost)``; keep the grads in a dict with keys
        ``"dW1", "db1", "dW2", "db2"`` for :func:`update_parameters`.
    """
    # TODO: Implement for Task 5.11.
    raise NotImplementedError("Task 5.11: implement two_layer_model")


# ## Task 5.12 — L_layer_model
def L_layer_model(
    X: np.ndarray,
    Y: np.ndarray,
    layers_dims: list[int],
    learning_rate: float = 0.0075,
    num_iterations: int = 3000,
    print_cost: bool = False,
) -> tuple[dict[str, np.ndarray], list[float]]:
    r"""Train an L-layer network [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

    Math:
        each iteration: :func:`L_model_forward`, :func:`compute_cost`,
        :func:`L_model_backward`, :func:`update_parameters`.

    Start from ``initialize_parameters_deep(layers_dims)``. Do **not** seed inside: the
    caller seeds (the course calls ``np.random.seed(1)`` first). Use every argument as given.

    Args:
        X: data, shape ``(n[0], m)``.
        Y: labels in {0, 1}, shape ``(1, m)``.
        layers_dims: ``[n[0], n[1], ..., n[L]]`` with ``n[L] = 1``.
        learning_rate: the gradient-descent step.
        num_iterations: the number of iterations.
        print_cost: print ``Cost after iteration i: cost`` every 100 iterations.

    Returns:
        ``(parameters, costs)``: the trained ``{"W1", "b1", ..., "WL", "bL"}`` and ``costs``,
        a list of the cost (a number) at iterations 0, 100, 200, ... (``ceil(num_iterations
        / 100)`` entries).

    Examples:
        >>> np.random.seed(1)
        >>> params, costs = L_layer_model(np.ones((2, 4)), np.ones((1, 4)), [2, 3, 2, 1],
        ...                               num_iterations=150)
        >>> sorted(params), len(costs)
        (['W1', 'W2', 'W3', 'b1', 'b2', 'b3'], 2)

    Hint:
        Four calls per iteration; ``if i % 100 == 0: costs.append(cost)``.
    """
    # TODO: Implement for Task 5.12.
    raise NotImplementedError("Task 5.12: implement L_layer_model")
