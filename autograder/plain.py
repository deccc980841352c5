"""Plain data: what may cross the seam between student code and the grader.

Everything a student function returns is converted here before any check looks at it:
numbers, strings, ``None``, base ``numpy.ndarray`` copies, numpy scalars, and tuples, lists
and dicts of those. Anything else (an object with a custom ``__eq__``, an ndarray subclass
such as ``np.matrix``, a generator...) becomes a :class:`Foreign` marker that names its type
and can never compare equal to an expected value. The same conversion is what a worker
process would send over a pipe, so the checks never hold a live student object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

_SCALARS = (bool, int, float, complex, str, type(None))
MAX_DEPTH = 8
#: Values (containers, numbers, strings, arrays) one conversion keeps at most; a larger value
#: becomes one marker. A student's honest result holds a few thousand at most. The worker's
#: twin is :data:`autograder.isolation.codec.MAX_NODES`.
MAX_NODES = 100_000
TOO_LARGE = "{} of over " + f"{MAX_NODES:,} values"


#: Characters that start a new line in a terminal, a file or a page, or reorder a line's text
#: (the bidirectional overrides).
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    r"""``text`` with its line breaks shown escaped (``\n``, ``\u2028``).

    For a student's text placed inside a line of a report (an exception's message): a line
    break there would start a line the student wrote, such as a forged grade.
    """
    return _LINE_BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


#: How :class:`Foreign` names a container found inside itself (``list that contains itself``).
SELF_CONTAINING = " that contains itself"


@dataclass(frozen=True, eq=False)
class Foreign:
    """A value of a type the grader does not accept, described by its type name.

    Two markers are equal when they name the same type and hold equal data; a marker never
    equals plain data.

    Attributes:
        type_name: the qualified type name of the original value (``numpy.matrix``).
        array: for ndarray subclasses, a base-class copy of the data (for messages only).
    """

    type_name: str
    array: np.ndarray | None = None

    def __eq__(self, other: object) -> bool:
        if type(other) is not Foreign or other.type_name != self.type_name:
            return False
        if self.array is None or other.array is None:
            return self.array is None and other.array is None
        a, b = self.array, other.array
        return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=True))

    def __hash__(self) -> int:
        return hash(self.type_name)

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"


def type_name(value: Any) -> str:
    """Return a readable type name, such as ``numpy.ndarray`` or ``float``.

    Args:
        value: any value (plain data or :class:`Foreign`).

    Returns:
        The name a student would recognise.
    """
    if isinstance(value, Foreign):
        return value.type_name
    t = type(value)
    module = t.__module__
    if module in ("builtins", None):
        return t.__qualname__
    if module.startswith("numpy"):
        module = "numpy"
    return f"{module}.{t.__qualname__}"


def to_plain(value: Any) -> Any:
    """Convert a value returned by student code into plain data.

    Containers nested deeper than :data:`MAX_DEPTH` and a container inside itself
    (``costs.append(costs)``) become :class:`Foreign` markers, and so does the whole value when
    it holds more than :data:`MAX_NODES` values: a list that holds itself twenty times would
    otherwise expand to twenty to the eighth lists, and ``[[0.5]] * 1_000_000`` costs the
    checks minutes.

    Args:
        value: anything.

    Returns:
        Plain data as described in the module docstring; never a live student object.
    """
    try:
        return _plain(value, 0, [MAX_NODES], set())
    except _TooLargeError:
        return Foreign(TOO_LARGE.format(type(value).__name__))


class _TooLargeError(Exception):
    """A value passed :data:`MAX_NODES`."""


def _plain(value: Any, depth: int, budget: list[int], open_: set[int]) -> Any:
    """:func:`to_plain` of ``value`` at ``depth``; ``open_``: the containers being converted."""
    budget[0] -= 1
    t = type(value)
    base = container(t)
    if budget[0] < 0 or (base is not None and base.__len__(value) > budget[0]):
        raise _TooLargeError
    if t in _SCALARS:
        return value
    if t is np.ndarray:
        if value.dtype.kind in "biufc":
            return np.array(value, copy=True)
        return Foreign(f"numpy.ndarray of dtype {value.dtype}")
    if isinstance(value, np.generic) and t.__module__ == "numpy":
        if value.dtype.kind in "biufc":
            return value.copy()
        return Foreign(f"numpy scalar of dtype {value.dtype}")
    if isinstance(value, np.ndarray):
        try:
            data = np.array(np.asarray(value), dtype=np.float64, copy=True)
        except (TypeError, ValueError):
            data = None
        return Foreign(_qualified(t), data)
    if base is None:
        return Foreign(_qualified(t))
    if depth >= MAX_DEPTH:
        return Foreign("too deeply nested container")
    if id(value) in open_:
        return Foreign(f"{base.__name__}{SELF_CONTAINING}")
    open_.add(id(value))
    try:
        if base is tuple:
            return tuple(_plain(v, depth + 1, budget, open_) for v in tuple.__iter__(value))
        if base is list:
            return [_plain(v, depth + 1, budget, open_) for v in list.__iter__(value)]
        out = {}
        for k, v in dict.items(value):
            # the worker's twin is isolation.codec._is_tuple_key (the worker imports no autograder)
            tuple_key = type(k) is tuple and len(k) <= 8 and all(type(e) in (str, int) for e in k)
            if type(k) not in (str, int) and not tuple_key:  # a student's object: its own hash
                return Foreign("dict with non-string keys")
            out[k] = _plain(v, depth + 1, budget, open_)
        return out
    finally:
        open_.discard(id(value))


def container(t: type) -> type | None:
    """The container type ``t`` is read as: tuple, list, dict, or None.

    Subclasses (a namedtuple, an OrderedDict, a defaultdict) are read through the base type's
    own methods, so that a subclass's code never runs.
    """
    for base in (tuple, list, dict):
        if issubclass(t, base):
            return base
    return None


def _qualified(t: type) -> str:
    module = getattr(t, "__module__", "") or ""
    if module.startswith("numpy"):
        module = "numpy"
    name = f"{module}.{t.__qualname__}" if module and module != "builtins" else t.__qualname__
    return one_line(str(name))  # a student's class may name itself anything


def describe(value: Any, max_elems: int = 12) -> str:
    """Describe a plain value briefly for a student-facing message.

    Arrays are shown by shape and dtype, with their values when they are small.

    Args:
        value: plain data.
        max_elems: show array values only up to this many elements.

    Returns:
        A one-line description, such as ``ndarray (2, 1) float64 [[0.5], [0.25]]``.
    """
    if isinstance(value, Foreign):  # a type (numpy.matrix) or a description (list of over ...)
        return value.type_name if " " in value.type_name else f"a {value.type_name} object"
    if isinstance(value, np.ndarray):
        head = f"ndarray of shape {value.shape}, dtype {value.dtype}"
        if value.size <= max_elems:
            with np.printoptions(precision=6, suppress=True):
                body = np.array2string(value, separator=", ").replace("\n", "")
            return f"{head}: {body}"
        return head
    if isinstance(value, np.generic):
        return f"{type_name(value)}({value.item()!r})"
    if isinstance(value, tuple):
        return "tuple(" + ", ".join(describe(v, 4) for v in value) + ")"
    if isinstance(value, list):
        if len(value) > 6:
            return f"list of {len(value)} items"
        return "[" + ", ".join(describe(v, 4) for v in value) + "]"
    if isinstance(value, dict):
        return "dict with keys " + repr(sorted(map(str, value)))
    if isinstance(value, float):
        return f"{value!r}"
    return repr(value)


def describe_args(args: tuple[Any, ...], kwargs: dict[str, Any] | None = None) -> str:
    """Describe call arguments by shape for the ``called:`` line of a message.

    Args:
        args: positional arguments.
        kwargs: keyword arguments.

    Returns:
        Something like ``w: (2, 1), b: 1.5, X: (2, 3)``.
    """
    parts = [_short(a) for a in args]
    parts += [f"{k}={_short(v)}" for k, v in (kwargs or {}).items()]
    return ", ".join(parts)


def _short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        if value.size <= 4:
            with np.printoptions(precision=4, suppress=True):
                return np.array2string(value, separator=", ").replace("\n", "")
        return f"array{value.shape}"
    if isinstance(value, float):
        text = repr(value)
        return text if len(text) <= 10 else f"{value:.6g}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_short(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple | list):
        if len(value) > 4:
            return f"{type(value).__name__} of {len(value)}"
        inner = ", ".join(_short(v) for v in value)
        if isinstance(value, list):
            return f"[{inner}]"
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def same_form(a: Any, b: Any) -> bool:
    """True if two plain values have the same form: container types, array dtype kinds.

    :func:`same_plain` compares numbers (a list and an array of the same values are alike);
    naming a known mistake from its output needs the form too: a relu that returns a list
    or integers is not the one that returns a flat vector of floats.
    """
    fa, fb = _form(a), _form(b)
    if fa != fb:
        return False
    if isinstance(a, dict):
        return all(same_form(a[k], b[k]) for k in a if k in b)
    if isinstance(a, tuple | list):
        return all(same_form(x, y) for x, y in zip(a, b))
    return True


def _form(x: Any) -> str:
    if isinstance(x, np.ndarray | np.generic):
        kind = "i" if x.dtype.kind == "u" else x.dtype.kind
        return ("array " if x.ndim else "number ") + kind  # a 0-d array is a number
    if isinstance(x, bool):
        return "number b"
    if isinstance(x, int):
        return "number i"
    if isinstance(x, float):
        return "number f"
    return type(x).__name__


def same_plain(a: Any, b: Any, rtol: float = 1e-9, atol: float = 1e-12) -> bool:
    """True if two plain values have the same structure and close numbers (NaN == NaN).

    Used to recognise a known mistake from its output; not used for grading verdicts.
    """
    if isinstance(a, Foreign) or isinstance(b, Foreign):  # never plain data's equal
        return isinstance(a, Foreign) and isinstance(b, Foreign) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_plain(a[k], b[k], rtol, atol) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(same_plain(x, y, rtol, atol) for x, y in zip(a, b))
    try:  # a ragged tuple ((dict, list)) against a non-sequence: iscomplexobj raises too
        dtype = np.complex128 if np.iscomplexobj(a) or np.iscomplexobj(b) else np.float64
        x = np.asarray(a, dtype=dtype)
        y = np.asarray(b, dtype=dtype)
    except (TypeError, ValueError):
        try:
            return bool(a == b)
        except (TypeError, ValueError):  # a dict against an array: no verdict, not the same
            return False
    if x.shape != y.shape:
        return False
    return bool(np.allclose(x, y, rtol=rtol, atol=atol, equal_nan=True))
