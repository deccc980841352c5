"""The grader's own maths for unit 4 (one hidden layer): forward pass, cost, training.

Grader-only: these are task solutions in all but name (``forward_propagation``,
``compute_cost``, ``backward_propagation`` + ``update_parameters``), so the student bundle
leaves this module out (``autograder/units/_*_math.py``). The checks in
:mod:`autograder.units.shallow_network` use it where it is installed and otherwise check
the student's functions against each other (see that module).
"""

from __future__ import annotations

import numpy as np

from autograder.checklib import stable_sigmoid as sigmoid


def forward(X: np.ndarray, p: dict[str, np.ndarray]) -> tuple[np.ndarray, dict]:
    """The course's forward pass (tanh hidden layer, sigmoid output): ``(A2, cache)``."""
    Z1 = p["W1"] @ X + p["b1"]
    A1 = np.tanh(Z1)
    Z2 = p["W2"] @ A1 + p["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def cost(p: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray) -> float:
    """The cross-entropy cost of the network ``p`` on ``(X, Y)``."""
    A2 = forward(X, p)[0]
    return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def train(p: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray, steps: int, lr: float) -> dict:
    """Plain gradient descent with the course's formulas (for the symmetry check)."""
    m = X.shape[1]
    p = {k: v.copy() for k, v in p.items()}
    for _ in range(steps):
        A2, c = forward(X, p)
        dZ2 = A2 - Y
        dZ1 = p["W2"].T @ dZ2 * (1 - c["A1"] ** 2)
        p["W2"] = p["W2"] - lr * dZ2 @ c["A1"].T / m
        p["b2"] = p["b2"] - lr * dZ2.sum(axis=1, keepdims=True) / m
        p["W1"] = p["W1"] - lr * dZ1 @ X.T / m
        p["b1"] = p["b1"] - lr * dZ1.sum(axis=1, keepdims=True) / m
    return p
