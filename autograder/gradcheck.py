r"""Numeric gradient checks, CS231n style, in float64.

Centred differences :math:`\frac{f(x+h)-f(x-h)}{2h}` with ``h = 1e-5``, and the relative
error :math:`\max_i \frac{|a_i - n_i|}{\max(10^{-8}, |a_i| + |n_i|)}` (the floor makes the
0/0 case of two zero gradients a pass, not NaN). Thresholds are written so NaN fails.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from autograder.spec import CheckFailure

H = 1e-5
TOLERANCE = 1e-7


def rel_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """Return the max relative error between two arrays, with a ``1e-8`` floor.

    Args:
        analytic: gradient computed by the code under test.
        numeric: gradient from centred differences.

    Returns:
        The largest elementwise relative error; NaN if any entry is NaN.
    """
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    err = np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))
    if err.size == 0:
        return 0.0
    if np.isnan(err).any():
        return math.nan
    return float(err.max())


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = H) -> np.ndarray:
    r"""Centred-difference gradient of a scalar function of an array.

    Math:
        :math:`\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}`

    Args:
        f: scalar function of an array shaped like ``x``; called on copies.
        x: the point, any shape (not modified).
        h: the step.

    Returns:
        An array shaped like ``x``.
    """
    x = np.array(x, dtype=np.float64, copy=True)
    grad = np.zeros_like(x)
    for ix in np.ndindex(x.shape):
        old = x[ix]
        x[ix] = old + h
        fp = f(x.copy())
        x[ix] = old - h
        fm = f(x.copy())
        x[ix] = old
        grad[ix] = (fp - fm) / (2 * h)
    return grad


def numerical_gradient_array(
    f: Callable[[np.ndarray], np.ndarray], x: np.ndarray, dout: np.ndarray, h: float = H
) -> np.ndarray:
    r"""Centred-difference gradient of ``sum(f(x) * dout)`` (upstream-gradient form).

    Args:
        f: array function of an array shaped like ``x``.
        x: the point (not modified).
        dout: upstream gradient, shaped like ``f(x)``.
        h: the step.

    Returns:
        An array shaped like ``x``.
    """
    return numerical_gradient(lambda z: float(np.sum(f(z) * dout)), x, h)


def expect_gradient(
    name: str,
    analytic: np.ndarray,
    numeric: np.ndarray,
    tol: float = TOLERANCE,
    hint: str | None = None,
) -> str:
    """Compare an analytic gradient with a numeric one.

    Args:
        name: the gradient's name (``dW1``).
        analytic: the student's gradient.
        numeric: the centred-difference gradient.
        tol: the largest accepted relative error.
        hint: hint to give on failure.

    Returns:
        The CS231n-style line ``dW1 max relative error 3.4e-09 (ok < 1e-07)``.

    Raises:
        CheckFailure: when the error is not below ``tol`` (NaN included).
    """
    err = rel_error(analytic, numeric)
    if not (err <= tol):
        a = np.asarray(analytic, dtype=np.float64)
        n = np.asarray(numeric, dtype=np.float64)
        lines = [("error", f"{name} max relative error {err:.1e} (should be < {tol:.0e})")]
        if a.shape == n.shape and a.size:
            e = np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))
            e = np.where(np.isnan(e), np.inf, e)
            ix = np.unravel_index(int(np.argmax(e)), a.shape)
            at = f"{name}{[int(i) for i in ix]}" if a.ndim else name
            lines.insert(0, ("got", f"{at} = {float(a[ix])!r} (your gradient)"))
            lines.insert(1, ("expected", f"{at} = {float(n[ix])!r} (centred difference, h={H:g})"))
        raise CheckFailure(
            f"{name} does not match the numeric gradient.", lines=lines, hint=hint, kind="gradient"
        )
    return f"{name} max relative error {err:.1e} (ok < {tol:.0e})"
