r"""Unit 2 · numpy basics: sigmoid, reshaping, normalizing, softmax, losses, vectorization.

Shape convention of the kit: examples are **columns**. A data matrix ``X`` has shape
``(n_x, m)``: ``n_x`` features, ``m`` examples.

Run ``pytest exercises -m task2_1`` (and so on) to check one task.
"""

# Generated from solutions/numpy_basics.py by `python -m autograder.stubs`.
# Write your code in place of each `raise NotImplementedError(...)`.

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
    # TODO: Implement for Task 2.1.
    raise NotImplementedError("Task 2.1: implement basic_sigmoid")


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
    # TODO: Implement for Task 2.2.
    raise NotImplementedError("Task 2.2: implement sigmoid")


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
    # TODO: Implement for Task 2.3.
    raise NotImplementedError("Task 2.3: implement sigmoid_derivative")


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
    # TODO: Implement for Task 2.4.
    raise NotImplementedError("Task 2.4: implement image2vector")


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
    # TODO: Implement for Task 2.5.
    raise NotImplementedError("Task 2.5: implement normalize_rows")


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
    # TODO: Implement for Task 2.6.
    raise NotImplementedError("Task 2.6: implement softmax")


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
    # TODO: Implement for Task 2.7.
    raise NotImplementedError("Task 2.7: implement L1")


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
    # TODO: Implement for Task 2.8.
    raise NotImplementedError("Task 2.8: implement L2")


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
    # TODO: Implement for Task 2.9.
    raise NotImplementedError("Task 2.9: implement propagate_loops")


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
    # TODO: Implement for Task 2.10.
    raise NotImplementedError("Task 2.10: implement propagate_vectorized")
