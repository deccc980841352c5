r"""The course's ``dnn_utils``: activations that return a cache, and their backward steps.

``sigmoid(Z)`` and ``relu(Z)`` return ``(A, cache)`` with ``cache = Z``;
``sigmoid_backward(dA, cache)`` and ``relu_backward(dA, cache)`` return ``dZ``.
"""

from __future__ import annotations

import numpy as np


def sigmoid(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Sigmoid activation, $A = 1 / (1 + e^{-Z})$, elementwise, without overflow.

    Args:
        Z: pre-activations, any shape.

    Returns:
        ``(A, cache)``: ``A`` shaped like ``Z``; ``cache = Z``.
    """
    Z = np.asarray(Z, dtype=np.float64)
    e = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return A, Z


def relu(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""ReLU activation, $A = \max(0, Z)$, elementwise.

    Args:
        Z: pre-activations, any shape.

    Returns:
        ``(A, cache)``: ``A`` shaped like ``Z``; ``cache = Z``.
    """
    A = np.maximum(0, Z)
    return A, Z


def relu_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    r"""Backward step of a ReLU unit, $dZ = dA \cdot \mathbb{1}[Z > 0]$.

    Args:
        dA: gradient of the cost with respect to the activation.
        cache: ``Z`` as stored by :func:`relu`.

    Returns:
        ``dZ``, shaped like ``dA``.
    """
    Z = cache
    dZ = np.array(dA, dtype=np.float64, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    r"""Backward step of a sigmoid unit, $dZ = dA \cdot \sigma(Z)(1 - \sigma(Z))$.

    Args:
        dA: gradient of the cost with respect to the activation.
        cache: ``Z`` as stored by :func:`sigmoid`.

    Returns:
        ``dZ``, shaped like ``dA``.
    """
    s, _ = sigmoid(cache)
    return dA * s * (1 - s)
