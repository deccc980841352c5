"""What a wrong value is, relative to the right one: the hint for a mistake no catalogue names.

When a student's result differs from the reference's on the same call, and the difference
is exact and simple, it names the mistake better than any generic hint: every entry has the
opposite sign (a ``+`` for a ``-``), every entry is ``k`` times the right one (a missing or
extra factor such as ``1/m``), the array is the right one transposed, or every entry is off
by the same constant. :func:`relation_hint` finds the first differing part of a result and
says which of these it is, or nothing.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from autograder.plain import same_plain

RTOL, ATOL = 1e-7, 1e-10


def _numbers(value: Any) -> np.ndarray | None:
    """``value`` as a float64 array, or None for what is not numeric."""
    if isinstance(value, bool | str | bytes | dict) or value is None or np.iscomplexobj(value):
        return None
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array if array.size and np.all(np.isfinite(array)) else None


def _whole(x: float) -> int | None:
    """``x`` as a whole number from 2 up (a factor such as m), or None."""
    n = round(x)
    return n if 2 <= n <= 10**6 and abs(x - n) <= 1e-6 * n else None


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))


def _relation(got: Any, right: Any, name: str) -> str | None:
    """How ``got`` relates to ``right`` (arrays or numbers), as a sentence about ``name``."""
    g, e = _numbers(got), _numbers(right)
    if g is None or e is None or not np.any(np.abs(e) > ATOL):
        return None
    if g.shape != e.shape:
        if g.ndim == e.ndim == 2 and g.shape == e.shape[::-1] and _close(g, e.T):
            return f"{name} is the right result transposed: a .T too many or too few."
        return None
    if _close(g, e):
        return None
    if _close(g, -e):
        return f"every entry of {name} has the wrong sign: a - for a + (or the reverse)?"
    if np.count_nonzero(np.abs(e) > ATOL) < 2:  # one number: any wrong one is some multiple
        return None
    k = float(np.sum(g * e) / np.sum(e * e))
    n = _whole(k), _whole(1 / k) if k else None
    if n[0] and _close(g, k * e):
        return (
            f"{name} is exactly {n[0]} times the right result: a factor {n[0]} too many, or a "
            f"division by {n[0]} missing (by m?)."
        )
    if n[1] and _close(g, k * e):
        return (
            f"{name} is exactly 1/{n[1]} of the right result: divided by {n[1]} once too often, "
            f"or a factor {n[1]} missing."
        )
    c = float(np.mean(g - e))
    if _close(g, e + c):
        return f"every entry of {name} is off by the same {c:.6g}: a constant term is wrong."
    return None


def relation_hint(got: Any, right: Any, name: str) -> str | None:
    """The hint for the first part of ``got`` that differs from ``right``, or None.

    Dicts are compared key by key and tuples and lists item by item, in order; the first
    differing part is related to the right one (:func:`_relation`).

    Args:
        got: the student's result, as plain data.
        right: the reference's result on the same call.
        name: how the result reads in the message (``sigmoid(z)``).
    """
    if isinstance(right, dict) and isinstance(got, dict):
        for key, value in right.items():
            if key in got and not same_plain(got[key], value, rtol=RTOL, atol=ATOL):
                return relation_hint(got[key], value, f"{name}[{key!r}]")
        return None
    if isinstance(right, tuple | list) and isinstance(got, tuple | list) and len(got) == len(right):
        if _numbers(right) is None or _numbers(got) is None:
            for i, (g, e) in enumerate(zip(got, right)):
                if not same_plain(g, e, rtol=RTOL, atol=ATOL):
                    return relation_hint(g, e, f"{name}[{i}]")
            return None
    return _relation(got, right, name)
