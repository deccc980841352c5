"""What a wrong value is, relative to the right one: the hint for a mistake no catalogue names.

When a student's result differs from the reference's on the same call, and the difference
is exact and simple, it names the mistake better than any generic hint: every entry has the
opposite sign (a ``+`` for a ``-``), every entry is ``k`` times the right one (a missing or
extra factor such as ``1/m``), the array is the right one transposed, or every entry is off
by the same constant. :func:`relation_hint` finds the first differing part of a result and
says which of these it is, or nothing. :func:`unchanged_hint` says when that part is what the
call was given, unchanged (an update that never ran for it); :func:`hard_coded_count_hint`
when it is ``m / N`` of the right one, ``N`` a number written in the code where the call's
number of examples ``m`` belongs; :func:`parts_hint` when the result is made of the right
one's parts (the right result inside a tuple, one item of it, some items left out), nothing
(``None``), or a function instead of its value; :func:`summed_hint` when its sum over an axis
is the right one (a sum over the examples missing, or over another axis); :func:`near_hint`
when it is within 0.1 % of the right one (an epsilon, a rounding).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from autograder.plain import Foreign, same_plain

RTOL, ATOL = 1e-7, 1e-10


def _numbers(value: Any) -> np.ndarray | None:
    """``value`` as a float64 array, or None for what is not numeric."""
    if isinstance(value, bool | str | bytes | dict) or value is None:
        return None
    try:  # a ragged tuple ((dict, list)) is not numbers: asarray raises ValueError
        if np.iscomplexobj(value):
            return None
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
    if np.all(np.abs(g) > ATOL) and np.all(np.abs(e) > ATOL) and _close(g, 1.0 / e):
        return f"every entry of {name} is 1 / the right one: a ratio upside down?"
    c = float(np.mean(g - e))
    if _close(g, e + c):
        return f"every entry of {name} is off by the same {c:.6g}: a constant term is wrong."
    return None


def relation_hint(got: Any, right: Any, name: str) -> str | None:
    """The hint for the first part of ``got`` that differs from ``right``, or None.

    The first differing part (:func:`_first_difference`) is related to the right one
    (:func:`_relation`).

    Args:
        got: the student's result, as plain data.
        right: the reference's result on the same call.
        name: how the result reads in the message (``sigmoid(z)``).
    """
    found = _first_difference(got, right)
    return None if found is None else _relation(found[1], found[2], _where(name, found[0]))


def _differences(got: Any, right: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any, Any]]:
    """Every ``(path, got part, right part)`` unlike ``right``.

    In :func:`_first_difference`'s order.
    """
    if isinstance(right, dict) and isinstance(got, dict):
        for key, value in right.items():
            if key in got and not same_plain(got[key], value, rtol=RTOL, atol=ATOL):
                yield from _differences(got[key], value, (*path, key))
        return
    if isinstance(right, tuple | list) and isinstance(got, tuple | list) and len(got) == len(right):
        if _numbers(right) is None or _numbers(got) is None:
            for i, (g, e) in enumerate(zip(got, right)):
                if not same_plain(g, e, rtol=RTOL, atol=ATOL):
                    yield from _differences(g, e, (*path, i))
            return
    if not same_plain(got, right, rtol=RTOL, atol=ATOL):
        yield (path, got, right)


def _first_difference(got: Any, right: Any, path: tuple = ()) -> tuple[tuple, Any, Any] | None:
    """``(path, got part, right part)`` of the first part of ``got`` unlike ``right``.

    Dicts are compared key by key and tuples and lists item by item, in order; a list of
    numbers is one part (an array).
    """
    if isinstance(right, dict) and isinstance(got, dict):
        for key, value in right.items():
            if key in got and not same_plain(got[key], value, rtol=RTOL, atol=ATOL):
                return _first_difference(got[key], value, (*path, key))
        return None
    if isinstance(right, tuple | list) and isinstance(got, tuple | list) and len(got) == len(right):
        if _numbers(right) is None or _numbers(got) is None:
            for i, (g, e) in enumerate(zip(got, right)):
                if not same_plain(g, e, rtol=RTOL, atol=ATOL):
                    return _first_difference(g, e, (*path, i))
            return None
    return (path, got, right) if not same_plain(got, right, rtol=RTOL, atol=ATOL) else None


def _differing_numbers(got: Any, right: Any) -> tuple[tuple, np.ndarray, np.ndarray] | None:
    """``(path, got part, right part)`` of the first differing part, as float64 arrays.

    None where that part is not numbers on both sides, or the right one is all zeros.
    """
    found = _first_difference(got, right)
    g, e = (None, None) if found is None else (_numbers(found[1]), _numbers(found[2]))
    if g is None or e is None or not np.any(np.abs(e) > ATOL):
        return None
    return found[0], g, e


def _where(name: str, path: tuple) -> str:
    """How the part at ``path`` of the result ``name`` reads: ``f()[0]['dw']``."""
    return name + "".join(f"[{k!r}]" for k in path)


def unchanged_hint(
    got: Any, right: Any, inputs: tuple[Any, ...], name: str, loops: bool = True
) -> str | None:
    """The hint for a first differing part of ``got`` that is an input's, unchanged, or None.

    ``update_parameters`` whose loop stops one layer short returns ``W3`` as it was given:
    the part of an argument under the same keys (or an argument itself) equals it exactly,
    and the right result differs from it.

    Args:
        got: the student's result, as plain data.
        right: the reference's result on the same call.
        inputs: the call's arguments, as given.
        name: how the result reads in the message.
        loops: whether the function has a loop (then one stopping short is the likely cause).
    """
    for i, (path, part, expected) in enumerate(_differences(got, right)):
        if i and not (path and isinstance(path[-1], str)):
            continue  # past the first, only named entries (params['b']), not positions
        if _numbers(part) is not None:  # the first part given back; a loop stopping short
            found = _unchanged_part(path, part, expected, inputs, name, loops and i == 0)
            if found:  # leaves the parts before it right, not wrong too
                return found
    return None


def _unchanged_part(
    path: tuple, part: Any, expected: Any, inputs: tuple[Any, ...], name: str, loops: bool
) -> str | None:
    """:func:`unchanged_hint` of one differing part.

    Any differing part, not only the first: optimize's ``b``, never updated, comes after its
    ``w``, which differs too (msg sweep 16 M8).
    """
    kept = [i for i, arg in enumerate(inputs) if _same_array(expected, arg)]
    if kept:  # the right result keeps an input there too (a cache): another input, in its place
        other = next((i for i, arg in enumerate(inputs) if _same_array(part, arg)), None)
        if other is None or other in kept:
            return None
        return (
            f"{_where(name, path)} is argument {other + 1} of the call, where argument "
            f"{kept[0] + 1} belongs: the right arrays, in another order?"
        )
    for arg in inputs:
        for key in path if path and isinstance(path[0], str) else ():
            arg = arg.get(key) if isinstance(arg, dict) else None
        if arg is not None and same_plain(part, arg, rtol=0, atol=0):
            why = " (a loop that stops one short?)" if loops else ""
            return (
                f"{_where(name, path)} is exactly what the call was given, unchanged: the step "
                f"that should change it never ran for it{why}."
            )
    return None


def _same_array(value: Any, arg: Any) -> bool:
    """Whether ``value`` is the array ``arg`` exactly (same shape, same entries)."""
    if not isinstance(arg, np.ndarray) or not isinstance(value, np.ndarray):
        return False
    return value.shape == arg.shape and bool(np.array_equal(value, arg))


def hard_coded_count_hint(
    got: Any, right: Any, inputs: tuple[Any, ...], written: set[int], name: str
) -> str | None:
    """The hint for a first differing part that is ``m / N`` of the right one, or None.

    ``m`` is the call's number of examples (the columns of an argument); ``N`` a whole number
    written in the student's code, such as the training set's 209 kept as ``m``.

    Args:
        got: the student's result, as plain data.
        right: the reference's result on the same call.
        inputs: the call's arguments.
        written: the whole numbers of the function's source
            (:func:`autograder.source_hints.integers`).
        name: how the result reads in the message.
    """
    found = _differing_numbers(got, right)
    if found is None or found[1].shape != found[2].shape or not np.all(np.abs(found[2]) > ATOL):
        return None
    path, g, e = found
    ratio = float((g / e).flat[0])
    if not np.allclose(g, ratio * e, rtol=1e-9, atol=0):
        return None
    columns = sorted({np.shape(a)[1] for a in inputs if np.ndim(a) == 2})
    pairs = [(m, n) for m in columns for n in sorted(written - {m})]
    for m, n in pairs:
        if math.isclose(ratio, m / n, rel_tol=1e-9):
            return (
                f"{_where(name, path)} is {m}/{n} of the right result: the code divides by "
                f"{n}, a number written in it, where this call's number of examples, m = {m}, "
                "belongs (m = Y.shape[1])."
            )
    return None


def summed_hint(got: Any, right: Any, name: str) -> str | None:
    """The hint for a first differing part whose sum over an axis (or all) is the right one.

    ``np.sum(logprobs, axis=0)`` of a ``(1, m)`` row leaves one value per example where the
    cost is one number; ``dZ`` left unsummed has ``m`` columns where ``db`` has one; and the
    other way round, ``np.sum(dZ)`` without an axis is one number, the sum of ``db``'s.

    Args:
        got: the student's result, as plain data.
        right: the reference's result on the same call.
        name: how the result reads in the message.
    """
    found = _differing_numbers(got, right)
    if found is None or found[1].size == found[2].size:
        return None
    path, g, e = found
    where = _where(name, path)
    if g.size == 1 and e.size > 1 and _close(g.ravel(), np.sum(e)):
        return (
            f"{where} is one number, the sum of the right result's {e.size} entries (shape "
            f"{e.shape}): the sum runs over every axis; sum over the examples only "
            "(np.sum(x, axis=1, keepdims=True))."
        )
    if g.size < e.size:
        return None
    if e.size == 1 and _close(np.sum(g), e.ravel()):
        return (
            f"{where} has {g.size} entries (shape {g.shape}) whose sum is the right result: "
            "the sum over the examples is missing, or runs over the wrong axis (np.sum(x, "
            "axis=0) of a (1, m) row leaves one value per example)."
        )
    for axis in range(g.ndim):
        total = np.sum(g, axis=axis)
        if total.size == e.size and _close(total.ravel(), e.ravel()):
            return (
                f"{where} has shape {g.shape}; summed over axis {axis} it is the right "
                f"result, shape {e.shape}: the sum over that axis is missing, or runs over "
                f"another (np.sum(x, axis={axis}, keepdims=True))."
            )
    return None


def near_hint(got: Any, right: Any, name: str) -> str | None:
    """The hint for a first differing part within 0.1 % of the right one, or None.

    A cost with ``np.log(A2 + 1e-5)`` is off by about 1e-5 of its size: the formula is right
    but for a small term, which the check's hint about the formula would not say.

    Args:
        got: the student's result, as plain data.
        right: the reference's result on the same call.
        name: how the result reads in the message.
    """
    found = _differing_numbers(got, right)
    if found is None or found[1].shape != found[2].shape:
        return None
    path, g, e = found
    off = float(np.max(np.abs(g - e)) / np.max(np.abs(e)))
    if not RTOL < off <= 1e-3:
        return None
    return (
        f"{_where(name, path)} is nearly right (off by {off:.1g} of its size): a small "
        "change somewhere, such as a small number added (np.log(A + 1e-5)), a constant or a "
        "result rounded, float32 numbers, another starting value or step size, or one step "
        "more or fewer in a loop."
    )


#: Types of a function object returned where its value belongs.
_FUNCTIONS = (
    "function",
    "builtin_function_or_method",
    "numpy.ufunc",
    "method",
    "functools.partial",
    "numpy._ArrayFunctionDispatcher",
)


def _kind(value: Any) -> str:
    """What ``value`` is, in a few words: ``a dict``, ``a list``, ``a number``, ``an array``."""
    if isinstance(value, dict | list):
        return f"a {type(value).__name__}"
    numbers = _numbers(value)
    if numbers is None:
        return "a value"
    return "a number" if numbers.ndim == 0 else "an array"


#: Most items of a returned tuple or list that :func:`parts_hint` searches one by one.
MAX_ITEMS = 16


def parts_hint(got: Any, right: Any, name: str) -> str | None:
    """The hint for a result assembled wrongly from the right one's parts, or None.

    Args:
        got: the student's result, as plain data.
        right: the reference's result on the same call.
        name: how the result reads in the message.
    """
    if isinstance(got, Foreign) and got.type_name in _FUNCTIONS:
        return (
            f"{name} returned a function, not a value: a call's parentheses are missing "
            "(np.sum instead of np.sum(...))?"
        )
    if got is None and right is not None:
        return (
            f"{name} returned None: the return statement is missing, or a path through the "
            "function ends without one."
        )

    def same(a: Any, b: Any) -> bool:
        return same_plain(a, b, rtol=RTOL, atol=ATOL)

    if same(got, right):  # the right result: the failure is about something else
        return None

    items = isinstance(got, tuple | list), isinstance(right, tuple | list)
    outer, inner = (got, right) if items[0] else (right, got)
    # one is a tuple, the other one of its items? (a result has a few items: a list of a
    # million numbers is searched by no one, it cost minutes of the grader's time)
    if items[0] != items[1] and len(outer) <= MAX_ITEMS:
        found = next((i for i, x in enumerate(outer) if same(x, inner)), None)
        if found is not None and items[0]:
            return (
                f"{name} returned a {type(got).__name__} of {len(got)} whose item {found} is "
                "the right result: return that alone, not the other items with it."
            )
        if found is not None:
            return (
                f"{name} returned only item {found} of the right result, a tuple of "
                f"{len(right)}: return all of them, in order."
            )
    if all(items) and len(got) == len(right) > 1:  # the right items in another order?
        order = [next((j for j, r in enumerate(right) if same(g, r)), None) for g in got]
        if None not in order and sorted(order) == list(range(len(right))):
            return (
                f"{name} returned the right items in another order: its items are the right "
                f"result's {tuple(order)}. Return them in the order of the docstring."
            )
    if all(items) and 0 < len(got) < len(right):
        kept, j = [], 0
        for g in got:
            while j < len(right) and not same(g, right[j]):
                j += 1
            if j == len(right):
                return None
            kept.append(j)
            j += 1
        missing = [i for i in range(len(right)) if i not in kept]
        what = ", ".join(f"{i} ({_kind(right[i])})" for i in missing)
        return (
            f"{name} returned {len(got)} of the right result's {len(right)} items: item "
            f"{what} is left out."
        )
    return None
