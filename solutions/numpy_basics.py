r"""Unit 2 · numpy basics: sigmoid, reshaping, normalizing, softmax, losses, vectorization.

Shape convention of the kit: examples are **columns**. A data matrix ``X`` has shape
``(n_x, m)``: ``n_x`` features, ``m`` examples.

Run ``pytest exercises -m task2_1`` (and so on) to check one task.
"""

from __future__ import annotations

import math

import numpy as np


# ## Task 2.1 — basic_sigmoid
def basic_sigmoid(x: float) -> float:
    r"""Compute the sigmoid of a real number with the ``math`` module.

    Math:
        $\sigma(x) = \frac{1}{1 + e^{-x}}$

    Args:
        x: a Python number.

    Returns:
        $\sigma(x)$ as a Python ``float`` (a ``numpy.float64``, which the course accepts, is
        accepted too).

    Examples:
        >>> round(basic_sigmoid(1.0), 6)
        0.731059

    Hint:
        Use ``math.exp``; ``np.exp`` would return a ``numpy.float64``, not a ``float``.
    """
    ### BEGIN SOLUTION
    return 1.0 / (1.0 + math.exp(-x))
    ### END SOLUTION


# ## Task 2.2 — sigmoid
def sigmoid(x: np.ndarray) -> np.ndarray:
    r"""Compute the sigmoid of every entry of an array, without overflow warnings.

    Math:
        $\sigma(x) = \frac{1}{1 + e^{-x}}$, applied elementwise.

    Large inputs (advice, not scored: the course never uses them): the textbook formula
    gives ``sigmoid(np.array([-1000.0, 1000.0]))`` exactly, ``[0.0, 1.0]``, but computes
    ``np.exp(1000)``, which overflows with a ``RuntimeWarning``. The stable form keeps the
    exponent negative (for $x < 0$, $\sigma(x) = \frac{e^{x}}{1 + e^{x}}$).

    Args:
        x: an array of any shape, ``(n,)``, ``(n, 1)`` or ``(n, m)``, or a number.

    Returns:
        An array of the same shape as ``x`` (a number for a number), values in $[0, 1]$.

    Examples:
        >>> sigmoid(np.array([1.0, 2.0, 3.0]))
        array([0.73105858, 0.88079708, 0.95257413])

    Hint:
        ``e = np.exp(-np.abs(x))`` is never larger than 1; combine it with ``np.where``.
    """
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return s[()] if s.ndim == 0 else s
    ### END SOLUTION


# ## Task 2.3 — sigmoid_derivative
def sigmoid_derivative(x: np.ndarray) -> np.ndarray:
    r"""Compute the derivative (slope) of the sigmoid at every entry of ``x``.

    Math:
        $\sigma'(x) = \sigma(x)\,(1 - \sigma(x))$

    Args:
        x: an array of any shape.

    Returns:
        An array of the same shape as ``x``.

    Examples:
        >>> sigmoid_derivative(np.array([1.0, 2.0, 3.0]))
        array([0.19661193, 0.10499359, 0.04517666])

    Hint:
        Compute ``s = sigmoid(x)`` once, then ``s * (1 - s)``; dividing by
        ``(1 + np.exp(-x)) ** 2`` overflows for very negative ``x``.
    """
    ### BEGIN SOLUTION
    s = sigmoid(x)
    return s * (1.0 - s)
    ### END SOLUTION


# ## Task 2.4 — image2vector
def image2vector(image: np.ndarray) -> np.ndarray:
    r"""Unroll an image into a column vector (C order).

    Math:
        an array of shape $(\text{length}, \text{height}, \text{depth})$ becomes a column of
        shape $(\text{length} \cdot \text{height} \cdot \text{depth}, 1)$.

    Args:
        image: an array of shape ``(length, height, depth)``.

    Returns:
        ``v`` of shape ``(length * height * depth, 1)``, entries in C (row-major) order.

    Examples:
        >>> image2vector(np.arange(12.0).reshape(2, 3, 2)).shape
        (12, 1)

    Hint:
        ``image.reshape(...)`` with the product of ``image.shape``; never hard-code the size.
    """
    ### BEGIN SOLUTION
    length, height, depth = image.shape
    return image.reshape(length * height * depth, 1)
    ### END SOLUTION


# ## Task 2.5 — normalize_rows
def normalize_rows(x: np.ndarray) -> np.ndarray:
    r"""Divide each row of a matrix by its Euclidean (L2) norm.

    Math:
        $\|x_i\| = \sqrt{\sum_j x_{ij}^2}$ and the result is $x_{ij} / \|x_i\|$.

    Return a new array: ``x /= x_norm`` would also change the caller's ``x`` (the course
    accepts it; the kit advises against it).

    Args:
        x: an array of shape ``(n, m)``; no row is all zeros.

    Returns:
        An array of shape ``(n, m)`` whose rows have norm 1.

    Examples:
        >>> normalize_rows(np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])).round(4)
        array([[0.    , 0.6   , 0.8   ],
               [0.1374, 0.8242, 0.5494]])

    Hint:
        ``np.linalg.norm(x, axis=1, keepdims=True)`` has shape ``(n, 1)`` and broadcasts.
    """
    ### BEGIN SOLUTION
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    return x / x_norm
    ### END SOLUTION


# ## Task 2.6 — softmax
def softmax(x: np.ndarray) -> np.ndarray:
    r"""Compute the softmax of each row of a matrix, stably.

    Math:
        $\text{softmax}(x)_{ij} = \frac{e^{x_{ij}}}{\sum_k e^{x_{ik}}}
        = \frac{e^{x_{ij} - \max_k x_{ik}}}{\sum_k e^{x_{ik} - \max_k x_{ik}}}$

    Large inputs (advice, not scored: the course never uses them): subtracting each row's
    maximum first changes nothing else and keeps ``softmax(np.array([[1000.0, 1000.0]]))``
    at ``[[0.5, 0.5]]`` instead of NaN.

    Args:
        x: an array of shape ``(m, n)``: ``m`` rows, each a vector of ``n`` scores.

    Returns:
        An array of shape ``(m, n)``; each row is positive and sums to 1.

    Examples:
        >>> softmax(np.array([[1.0, 1.0]]))
        array([[0.5, 0.5]])

    Hint:
        Sum with ``axis=1, keepdims=True`` so the ``(m, 1)`` sums broadcast over the rows.
    """
    ### BEGIN SOLUTION
    x_exp = np.exp(x - np.max(x, axis=1, keepdims=True))
    return x_exp / np.sum(x_exp, axis=1, keepdims=True)
    ### END SOLUTION


# ## Task 2.7 — L1
def L1(yhat: np.ndarray, y: np.ndarray) -> float:
    r"""L1 loss: the sum of absolute differences.

    Math:
        $L_1(\hat{y}, y) = \sum_{i=0}^{m-1} |y^{(i)} - \hat{y}^{(i)}|$

    Args:
        yhat: predictions, shape ``(m,)``.
        y: true labels, shape ``(m,)``.

    Returns:
        The loss as a number (a ``float`` or a numpy float scalar).

    Examples:
        >>> round(float(L1(np.array([0.9, 0.2]), np.array([1.0, 0.0]))), 6)
        0.3

    Hint:
        ``np.sum(np.abs(...))``: no loop needed.
    """
    ### BEGIN SOLUTION
    return float(np.sum(np.abs(y - yhat)))
    ### END SOLUTION


# ## Task 2.8 — L2
def L2(yhat: np.ndarray, y: np.ndarray) -> float:
    r"""L2 loss: the sum of squared differences.

    Math:
        $L_2(\hat{y}, y) = \sum_{i=0}^{m-1} (y^{(i)} - \hat{y}^{(i)})^2$

    Args:
        yhat: predictions, shape ``(m,)``.
        y: true labels, shape ``(m,)``.

    Returns:
        The loss as a number.

    Examples:
        >>> round(float(L2(np.array([0.9, 0.2]), np.array([1.0, 0.0]))), 6)
        0.05

    Hint:
        ``np.dot(v, v)`` is the sum of squares of ``v``.
    """
    ### BEGIN SOLUTION
    d = y - yhat
    return float(np.dot(d, d))
    ### END SOLUTION


# ## Task 2.9 — propagate_loops
def propagate_loops(
    w: np.ndarray, b: float, X: np.ndarray, Y: np.ndarray
) -> tuple[dict[str, np.ndarray | float], float]:
    r"""Logistic-regression cost and gradients with explicit loops (the lesson's first version).

    Math:
        for every example $i$: $z^{(i)} = w^T x^{(i)} + b$, $a^{(i)} = \sigma(z^{(i)})$,
        $J \mathrel{+}= -[y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log(1 - a^{(i)})]$,
        $dz^{(i)} = a^{(i)} - y^{(i)}$, and for every feature $j$:
        $dw_j \mathrel{+}= x_j^{(i)} dz^{(i)}$; $db \mathrel{+}= dz^{(i)}$.
        Finally divide $J$, $dw$ and $db$ by $m$.

    Args:
        w: weights, shape ``(n_x, 1)``.
        b: bias, a number.
        X: data, shape ``(n_x, m)``.
        Y: labels in {0, 1}, shape ``(1, m)``.

    Returns:
        ``(grads, cost)`` with ``grads = {"dw": array (n_x, 1), "db": float}`` and ``cost`` a
        float, exactly as :func:`propagate_vectorized` returns them.

    Examples:
        >>> X = np.array([[1.0, 2.0, -1.0, 0.5], [3.0, 0.5, -2.0, 1.0]])  # m = 4
        >>> Y = np.array([[1.0, 0.0, 1.0, 0.0]])
        >>> g, c = propagate_loops(np.array([[1.0], [-1.0]]), 0.5, X, Y)
        >>> round(c, 4), g["dw"].ravel().round(4).tolist(), round(g["db"], 4)
        (1.1807, [0.3441, -0.2869], 0.0952)

    Hint:
        Two nested loops: over the ``m`` examples (columns), then over the ``n_x`` features.
    """
    ### BEGIN SOLUTION
    n_x, m = X.shape
    cost = 0.0
    dw = np.zeros((n_x, 1))
    db = 0.0
    for i in range(m):
        z = b
        for j in range(n_x):
            z += w[j, 0] * X[j, i]
        a = float(sigmoid(z))
        cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        dz = a - Y[0, i]
        for j in range(n_x):
            dw[j, 0] += X[j, i] * dz
        db += dz
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
    ### END SOLUTION


# ## Task 2.10 — propagate_vectorized
def propagate_vectorized(
    w: np.ndarray, b: float, X: np.ndarray, Y: np.ndarray
) -> tuple[dict[str, np.ndarray | float], float]:
    r"""The same cost and gradients as :func:`propagate_loops`, with no Python loop.

    Math:
        $A = \sigma(w^T X + b)$,
        $J = -\frac{1}{m}\sum_i \big(Y \log A + (1 - Y) \log(1 - A)\big)$,
        $dZ = A - Y$, $dw = \frac{1}{m} X\, dZ^T$, $db = \frac{1}{m} \sum_i dZ$.

    Args:
        w: weights, shape ``(n_x, 1)``.
        b: bias, a number.
        X: data, shape ``(n_x, m)``.
        Y: labels in {0, 1}, shape ``(1, m)``.

    Returns:
        ``(grads, cost)`` with ``grads = {"dw": array (n_x, 1), "db": float}`` and ``cost`` a
        float.

    Examples:
        >>> X = np.array([[1.0, 2.0, -1.0, 0.5], [3.0, 0.5, -2.0, 1.0]])  # m = 4
        >>> Y = np.array([[1.0, 0.0, 1.0, 0.0]])
        >>> g, c = propagate_vectorized(np.array([[1.0], [-1.0]]), 0.5, X, Y)
        >>> round(c, 4), g["dw"].ravel().round(4).tolist(), round(g["db"], 4)
        (1.1807, [0.3441, -0.2869], 0.0952)

    Hint:
        No ``for``, ``while`` or comprehension: ``np.dot``, ``.T`` and ``np.sum`` do the work.
    """
    ### BEGIN SOLUTION
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    return {"dw": dw, "db": float(db)}, float(cost)
    ### END SOLUTION
