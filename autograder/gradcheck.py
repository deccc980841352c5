r"""Numeric gradient checks, CS231n style, in float64.

Centred differences :math:`\frac{f(x+h)-f(x-h)}{2h}` with ``h = 1e-5``, and the relative
error :math:`\max_i \frac{|a_i - n_i|}{\max(10^{-8}, |a_i| + |n_i|)}` (the floor makes the
0/0 case of two zero gradients a pass, not NaN). Thresholds are written so NaN fails.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from autograder import precision
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


@dataclass(frozen=True)
class GradientComparison:
    """One analytic gradient compared with its centred-difference estimate (plain data).

    Attributes:
        name: the gradient's name (``dW1``).
        error: the largest relative error (NaN if any entry is NaN).
        tol: the largest accepted relative error.
        worst: index of the worst entry (``()`` for a number), None when not comparable.
        got: the analytic value there.
        expected: the numeric value there.
    """

    name: str
    error: float
    tol: float
    worst: tuple[int, ...] | None = None
    got: float | None = None
    expected: float | None = None
    course_tolerance: bool = False

    @property
    def ok(self) -> bool:
        """True when the error is below the tolerance (NaN fails).

        Or the code computes in float32 and the gradient is within the course's tolerance
        (:mod:`autograder.precision`).
        """
        return bool(self.error <= self.tol) or self.course_tolerance

    @property
    def at(self) -> str:
        """Where the worst entry is, as the student would write it (``dW1[0, 2]``, ``db``)."""
        if not self.worst:
            return self.name
        return f"{self.name}[{', '.join(str(i) for i in self.worst)}]"

    def note(self) -> str:
        """The CS231n-style line ``dW1 max relative error 3.4e-09 (ok < 1e-07)``."""
        if self.course_tolerance:
            return (
                f"{self.name} max relative error {self.error:.1e} (float32: the course's tolerance)"
            )
        verdict = "ok <" if self.ok else "should be <"
        return f"{self.name} max relative error {self.error:.1e} ({verdict} {self.tol:.0e})"

    def lines(self) -> list[tuple[str, str]]:
        """Message lines: the worst entry, got and expected, then the error."""
        out: list[tuple[str, str]] = []
        if self.got is not None and self.expected is not None:
            out.append(("got", f"{self.at} = {self.got!r} (your gradient)"))
            out.append(("expected", f"{self.at} = {self.expected!r} (centred difference, h={H:g})"))
        out.append(("error", self.note()))
        return out


def compare_gradient(
    name: str,
    analytic: np.ndarray,
    numeric: np.ndarray,
    tol: float = TOLERANCE,
    *,
    shape_text: str = "",
) -> GradientComparison:
    """Compare an analytic gradient with a numeric one, shape first.

    Args:
        name: the gradient's name (``dW1``).
        analytic: the student's gradient (any numeric array or number).
        numeric: the centred-difference gradient, in the expected shape.
        tol: the largest accepted relative error.
        shape_text: the expected shape in the course's symbols (``(n_h, n_x)``).

    Returns:
        The comparison.

    Raises:
        CheckFailure: (kind ``shape``) when the gradient has another shape: a shape problem,
            never a grader error.
    """
    n = np.asarray(numeric, dtype=np.float64)
    try:
        a = np.asarray(analytic, dtype=np.float64)
    except (TypeError, ValueError):
        raise CheckFailure(
            f"{name} should be a numeric array of shape {n.shape} but is not numeric.",
            kind="type",
        ) from None
    if a.shape != n.shape and not (a.size == n.size == 1):
        sym = f" = {shape_text}" if shape_text else ""
        raise CheckFailure(
            f"{name} has shape {a.shape} but should be {n.shape}{sym}, the shape of the "
            "variable it is the gradient of.",
            kind="shape",
        )
    a = a.reshape(n.shape)
    err = rel_error(a, n)
    if not a.size:
        return GradientComparison(name, err, tol)
    e = np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))
    e = np.where(np.isnan(e), np.inf, e)
    ix = np.unravel_index(int(np.argmax(e)), a.shape)
    worst = tuple(int(i) for i in ix) if a.ndim and a.size > 1 else ()
    course = not err <= tol and precision.within_course_tolerance(a, n, name)
    return GradientComparison(name, err, tol, worst, float(a[ix]), float(n[ix]), course)


def expect_gradient(
    name: str,
    analytic: np.ndarray,
    numeric: np.ndarray,
    tol: float = TOLERANCE,
    hint: str | None = None,
    *,
    shape_text: str = "",
) -> str:
    """Compare an analytic gradient with a numeric one (see :func:`compare_gradient`).

    Returns:
        The CS231n-style line ``dW1 max relative error 3.4e-09 (ok < 1e-07)``.

    Raises:
        CheckFailure: on a shape mismatch (kind ``shape``) or when the error is not below
            ``tol`` (NaN included; kind ``gradient``).
    """
    result = compare_gradient(name, analytic, numeric, tol, shape_text=shape_text)
    if not result.ok:
        raise CheckFailure(
            f"{name} does not match the numeric gradient.",
            lines=result.lines(),
            hint=hint,
            kind="gradient",
        )
    return result.note()


def expect_gradients(
    results: list[GradientComparison],
    *,
    hint: str | None = None,
    where: str = "",
    specific: bool = False,
) -> str:
    """Report several gradients at once: every one that fails, or the largest error.

    Args:
        results: comparisons, one per gradient (``dW1``, ``db1``...).
        hint: hint to give on failure.
        where: what was checked, appended to the failure's sentence (`` on a 3-layer net``).
        specific: the hint names what these results show (:class:`CheckFailure`).

    Returns:
        ``"max relative error 3.4e-09 (ok < 1e-07)"`` over all of them.

    Raises:
        CheckFailure: naming every gradient that does not match (kind ``gradient``).
    """
    bad = [r for r in results if not r.ok]
    if bad:
        names = ", ".join(r.name for r in bad)
        lines = bad[0].lines() + [("error", r.note()) for r in bad[1:]]
        verb = "does" if len(bad) == 1 else "do"
        raise CheckFailure(
            f"{names} {verb} not match the numeric gradient{where}.",
            lines=lines,
            hint=hint,
            kind="gradient",
            specific=specific,
        )
    worst = max(results, key=lambda r: r.error)
    return f"max relative error {worst.error:.1e} (ok < {worst.tol:.0e})"
