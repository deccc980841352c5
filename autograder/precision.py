"""Numbers a submission computes in float32 on purpose: judged by the course's tolerance.

The kit compares in float64 at ``rtol`` 1e-7 (:data:`autograder.asserts.RTOL`). Code that
asks for less precision (``X.astype(np.float32)``, ``dtype="float32"``) loses digits past
that, and a correct caller inherits the drift, yet the course's own tests accept it: they
compare with ``np.allclose`` (``rtol`` 1e-5, ``atol`` 1e-8). Where the code graded asks for
a reduced-precision dtype (:func:`asks_for_reduced_precision`), a value within the course's
tolerance passes (:func:`within_course_tolerance`) and the task gets advice instead
(:data:`ADVICE`; sweep 16 P1). Code that does not ask is held to float64: a value off by
1e-6 there is a bug (a constant, an epsilon), not rounding.

The grading engine turns the allowance on around one check (:func:`allowed`); the
comparisons record what they let pass, so that the engine can advise.
"""

from __future__ import annotations

import ast
import contextlib
import contextvars
import functools
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from autograder.asserts import RTOL

#: The course's tolerance: ``np.allclose``'s defaults, which its ``*_test`` functions use.
COURSE_RTOL = 1e-5
COURSE_ATOL = 1e-8
#: float32's rounding at an array's scale: its epsilon (1.2e-7) times about eight.
FLOAT32_SCALE = 1e-6
#: numpy's names of floating types of less than double precision.
REDUCED_DTYPES = frozenset({"float32", "float16", "single", "half", "csingle", "complex64"})
#: Type codes of those types, as strings (``dtype="f4"``).
REDUCED_CODES = frozenset({"f", "e", "f2", "f4", "<f4", ">f4", "=f4", "<f2", "F", "c8"})

#: The advice a task gets when a value passed by the course's tolerance only.
ADVICE = (
    "this code computes in reduced precision (float32 or float16): its values passed within "
    "the course's tolerance (np.allclose: rtol 1e-5, atol 1e-8), not within the kit's "
    "float64 one (rtol 1e-7); numpy's default float64 keeps 15 significant digits, float32 "
    "about 7."
)

_PASSED: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "reduced_precision_passed", default=None
)


def asks_for_reduced_precision(sources: Iterable[str | None]) -> bool:
    """Whether any of the sources names a reduced-precision dtype (:func:`_names_reduced`)."""
    return any(_names_reduced(source) for source in sources if source)


@functools.lru_cache(maxsize=256)
def _names_reduced(source: str) -> bool:
    """Whether ``source`` asks for a reduced-precision dtype where a dtype is used.

    ``np.float32(x)`` called, or a reduced dtype (``np.float32``, ``"float32"``, ``"f4"``)
    where a dtype goes (:func:`_dtype_arguments`): ``x.astype(np.float32)``,
    ``dtype="float16"``. A name elsewhere asks for nothing (red team, round 16: a dead
    ``if x.dtype == "float16":`` or ``float32 = None`` turned the rule on); nor do comments
    or docstrings. A source that does not parse asks for none. Asked before every check:
    parsed once per source.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return any(_reduced(node) for node in _dtype_arguments(tree))


def _reduced(node: ast.AST) -> bool:
    """Whether ``node`` names a reduced-precision dtype (``np.float32``, ``"f4"``)."""
    if isinstance(node, ast.Attribute):
        return node.attr in REDUCED_DTYPES
    if isinstance(node, ast.Name):
        return node.id in REDUCED_DTYPES
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value in REDUCED_DTYPES | REDUCED_CODES
    return False


#: Calls whose positional arguments include a dtype (``x.astype("f4")``, ``np.zeros(n, "f")``).
_DTYPE_CALLS = frozenset(
    {"astype", "dtype", "view", "array", "asarray", "asanyarray", "ascontiguousarray"}
    | {"zeros", "ones", "empty", "full", "zeros_like", "ones_like", "empty_like", "full_like"}
    | {"arange", "frombuffer", "fromiter", "fromstring", "identity", "eye"}
)


def _dtype_arguments(tree: ast.AST) -> list[ast.AST]:
    """The expressions of ``tree`` that stand where a dtype goes, or are called as one.

    A ``dtype=`` keyword's value, a positional argument of a call named in
    :data:`_DTYPE_CALLS`, and the function of any call (``np.float32(x)``).
    """
    found: list[ast.AST] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        found += [func, *(k.value for k in node.keywords if k.arg == "dtype")]
        if name in _DTYPE_CALLS:
            found += node.args
    return found


@contextlib.contextmanager
def allowed(on: bool) -> Iterator[list[str]]:
    """Within the block, comparisons accept the course's tolerance if ``on``.

    Yields:
        The names of the values that passed by the course's tolerance only (filled as the
        block runs; empty when ``on`` is False).
    """
    passed: list[str] = []
    token = _PASSED.set(passed if on else None)
    try:
        yield passed
    finally:
        _PASSED.reset(token)


def within_course_tolerance(
    got: Any, expected: Any, name: str, scale: float = 0.0, rtol: float = RTOL
) -> bool:
    r"""True, and recorded, where reduced precision is allowed and ``got`` is within it.

    Math:
        $|g_i - e_i| \le 10^{-8} + 10^{-5} |e_i| + 10^{-6} \max_j |e_j|$ for every entry:
        ``np.allclose``'s tolerance, entry by entry, plus float32's rounding of the array's
        scale (about eight of its units in the last place: ``1 - s`` of an ``s`` near 1 keeps
        few digits of its own). Not the scale alone (red team, round 16: a sigmoid clipped at
        1e-5 passed where the right entry is 3e-7). The scale is that of the whole value
        ``got`` is part of, where ``scale`` gives it (a trained model's parameters drift
        with their largest). A check that already allows more than the kit's ``rtol`` for
        error that accumulates (a model trained many steps: ``rtol`` 1e-6) allows float32's
        rounding as many times more. ``got`` and ``expected`` have the same size; NaN fails.
    """
    passed = _PASSED.get()
    if passed is None:
        return False
    g, e = np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    scale = max(scale, float(np.max(np.abs(e))) if e.size else 0.0)
    rounding = FLOAT32_SCALE * max(1.0, rtol / RTOL) * scale
    bound = COURSE_ATOL + COURSE_RTOL * np.abs(e.ravel()) + rounding
    if not bool(np.all(np.abs(g.ravel() - e.ravel()) <= bound)):
        return False
    _record(passed, name)
    return True


def _record(passed: list[str], name: str) -> None:
    if name not in passed:
        passed.append(name)


def reduced_result_allowed(name: str) -> bool:
    """True, and recorded, where a result of reduced precision may pass (its values do)."""
    passed = _PASSED.get()
    if passed is None:
        return False
    _record(passed, name)
    return True
