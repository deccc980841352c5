"""Type, shape and structure assertions used by checks; each raises :class:`CheckFailure`.

Values are compared by :func:`autograder.checklib.compare`, with the tolerances :data:`RTOL`
and :data:`ATOL` by default. All comparisons are in float64 with explicit tolerances and are
written so that NaN fails: ``if not (err <= tol)`` rather than ``if err > tol``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from autograder.plain import Foreign, describe, type_name
from autograder.spec import CheckFailure

RTOL = 1e-7
ATOL = 1e-10


def is_real_scalar(value: Any) -> bool:
    """True for a Python int/float or a numpy real scalar (not bool)."""
    if isinstance(value, bool | np.bool_):
        return False
    return isinstance(value, int | float | np.integer | np.floating)


def expect_float(value: Any, name: str, *, python_float: bool = False, hint: str | None = None):
    """Check that ``value`` is a real number.

    Args:
        value: plain data returned by student code.
        name: how to call the value in the message (``"cost"``).
        python_float: require exactly the Python ``float`` type (not a numpy scalar).
        hint: hint to give on failure.

    Returns:
        The value as a Python float.

    Raises:
        CheckFailure: if the value is not a number of the required type.
    """
    if python_float:
        if type(value) is not float:
            raise CheckFailure(
                f"{name} should be a Python float but is {type_name(value)}.",
                lines=[("got", describe(value))],
                hint=hint or "convert with float(...) before returning it.",
                kind="type",
            )
        return value
    if isinstance(value, np.ndarray) and value.size == 1 and value.ndim <= 2:
        if value.ndim != 0:
            raise CheckFailure(
                f"{name} should be a number (a float or 0-d array) but is an array of shape "
                f"{value.shape}.",
                hint=hint or "use np.squeeze(...) or float(...) to turn it into a number.",
                kind="type",
            )
        value = value[()]
    if not is_real_scalar(value):
        raise CheckFailure(
            f"{name} should be a number but is {type_name(value)}.",
            lines=[("got", describe(value))],
            hint=hint,
            kind="type",
        )
    return float(value)


def expect_array(
    value: Any,
    name: str,
    shape: tuple[int, ...] | None = None,
    *,
    shape_text: str = "",
    hint: str | None = None,
    dtype_kind: str = "f",
) -> np.ndarray:
    """Check that ``value`` is a base ``numpy.ndarray`` of the right shape and dtype.

    Args:
        value: plain data returned by student code.
        name: name of the value in the message (``"dw"``).
        shape: the expected shape, or None to skip the shape check.
        shape_text: the shape in the course's symbols, such as ``"(n_x, 1)"``.
        hint: hint for a shape mismatch.
        dtype_kind: numpy dtype kinds accepted (``"f"``: floating; ``"fiub"``: any number).

    Returns:
        The array.

    Raises:
        CheckFailure: wrong type (kind ``type``) or wrong shape (kind ``shape``).
    """
    if isinstance(value, Foreign) or not isinstance(value, np.ndarray):
        tname = type_name(value)
        extra = ""
        if isinstance(value, list):
            extra = " Wrap it with np.array(...)."
        elif "matrix" in tname:
            extra = " np.matrix is deprecated; use a plain np.ndarray."
        raise CheckFailure(
            f"{name} should be a numpy.ndarray but is {tname}.{extra}",
            lines=[("got", describe(value))],
            kind="type",
        )
    if value.dtype.kind not in dtype_kind:
        raise CheckFailure(
            f"{name} should hold floating-point numbers but has dtype {value.dtype}.",
            hint="a complex result has no place here: no 1j, no complex dtype, no np.emath."
            if value.dtype.kind == "c"
            else "integer arrays truncate results; compute in float64 (e.g. 1.0 * x).",
            kind="type",
        )
    if shape is not None and value.shape != tuple(shape):
        sym = f" = {shape_text}" if shape_text else ""
        raise CheckFailure(
            f"{name} has shape {value.shape} but should be {tuple(shape)}{sym}.",
            hint=hint,
            kind="shape",
        )
    return value


def expect_keys(value: Any, name: str, keys: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """Check that ``value`` is a dict with exactly ``keys``.

    Raises:
        CheckFailure: naming missing and extra keys.
    """
    if not isinstance(value, dict):
        raise CheckFailure(
            f"{name} should be a dict but is {type_name(value)}.",
            lines=[("got", describe(value))],
            kind="type",
        )
    missing = [k for k in keys if k not in value]
    extra = sorted((k for k in value if k not in keys), key=repr)
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing keys {missing}")
        if extra:
            parts.append(f"unexpected keys {extra}")
        pair = next((k for k in extra if isinstance(k, tuple) and k), None)
        hint = None
        cased = {k.lower(): k for k in extra if isinstance(k, str)}
        renamed = [(cased[k.lower()], k) for k in missing if k.lower() in cased]
        if renamed:  # "dW" for "dw" (msg sweep 16 M8)
            spelled = ", ".join(f"{k!r} where {right!r} belongs" for k, right in renamed)
            hint = f"keys match letter case exactly: {spelled}."
        if pair is not None:  # grads["db", str(l)]
            joined = "".join(map(str, pair))
            hint = (
                f"{name}[{pair[0]!r}, ...] makes the tuple key {pair!r}: join the strings, "
                f"{name}[{pair[0]!r} + str(l)] is {joined!r}."
            )
        raise CheckFailure(
            f"{name} should have exactly the keys {list(keys)}: " + ", ".join(parts) + ".",
            hint=hint,
            kind="structure",
        )
    return value


def expect_items(
    value: Any, call: str, keys: Sequence[str], listed: Sequence[str] | None = None
) -> dict[str, Any]:
    """The items ``keys`` of a returned dict (other keys are the structure check's business).

    Args:
        value: the returned value.
        call: the call, for the message (``model()``).
        keys: the keys to take.
        listed: the keys the message names (default: ``keys``).

    Returns:
        A dict of ``keys`` only.

    Raises:
        CheckFailure: (kind ``structure``) when ``value`` is not a dict holding ``keys``.
    """
    if not isinstance(value, dict) or not all(k in value for k in keys):
        raise CheckFailure(
            f"{call} should return a dict with the keys {list(listed or keys)} but returned "
            f"{describe(value)}.",
            kind="structure",
        )
    return {k: value[k] for k in keys}


def expect_list(value: Any, name: str, *, hint: str | None = None) -> list[Any]:
    """Check that ``value`` is a Python list (a recorded ``costs``).

    Raises:
        CheckFailure: (kind ``type``) naming what it is instead.
    """
    if not isinstance(value, list):
        raise CheckFailure(
            f"{name} should be a Python list but is {describe(value)}.", hint=hint, kind="type"
        )
    return value


def expect_tuple(value: Any, name: str, length: int) -> tuple[Any, ...]:
    """Check that ``value`` is a tuple (or list) of ``length`` items.

    Raises:
        CheckFailure: with kind ``type``.
    """
    if not isinstance(value, tuple | list) or len(value) != length:
        raise CheckFailure(
            f"{name} should return a tuple of {length} values but returned {describe(value)}.",
            kind="type",
        )
    return tuple(value)
