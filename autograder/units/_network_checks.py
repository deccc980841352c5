"""Helpers shared by the checks of neural-network units: parameter dicts, gradients, symmetry.

Parameters are a dict of named arrays (``W1``, ``b1``, ...), gradients the same names prefixed
with ``d``. Student code is reached only through ``ctx``.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import numpy as np

from autograder.asserts import expect_array, expect_keys, expect_tuple
from autograder.checklib import compare, numbers
from autograder.context import Context, StudentRaised
from autograder.gradcheck import (
    TOLERANCE,
    H,
    compare_gradient,
    expect_gradients,
    numerical_gradient,
)
from autograder.plain import describe, type_name
from autograder.spec import CheckFailure

T = TypeVar("T")

#: ``{key: (shape, shape in the course's symbols)}`` describing a parameter or gradient dict.
ShapeSpec = Mapping[str, tuple[tuple[int, ...], str]]


def expect_arrays(
    value: Any,
    name: str,
    spec: ShapeSpec,
    *,
    reshape: bool = False,
    hints: Mapping[str, str] | None = None,
) -> dict[str, np.ndarray]:
    """Check that ``value`` is a dict with exactly the keys of ``spec``, each a float array.

    Args:
        value: plain data returned by student code.
        name: the dict's name in messages (``"parameters"``, ``"grads"``, ``"cache"``).
        spec: expected keys with their shapes and shapes in course symbols.
        reshape: reshape an array of the right size instead of failing (the shape check's).
        hints: optional hint per key for a shape mismatch.

    Returns:
        ``{key: float64 array of the expected shape}``.
    """
    d = expect_keys(value, name, list(spec))
    out = {}
    for key, (shape, text) in spec.items():
        label = f'{name}["{key}"]'
        if reshape:
            arr = expect_array(d[key], label, None, dtype_kind="fiu")
            if arr.size == int(np.prod(shape)):
                out[key] = np.asarray(arr, dtype=np.float64).reshape(shape)
                continue
        hint = (hints or {}).get(key) or _swapped_sizes_hint(label, d[key], key, spec)
        arr = expect_array(d[key], label, shape, shape_text=text, hint=hint)
        out[key] = np.asarray(arr, dtype=np.float64)
    return out


def _symbols(text: str) -> list[str]:
    """The course symbols of a spec's shape text: ``"(n_h, n_x), the shape of W1"`` → n_h, n_x."""
    inner = text.partition("(")[2].partition(")")[0]
    return [part.strip() for part in inner.split(",") if part.strip()]


def _swapped_sizes_hint(label: str, value: Any, key: str, spec: ShapeSpec) -> str | None:
    """The hint for a wrong shape made of sizes of other symbols, or None.

    The spec's shapes tell each course symbol's size in this call (``n_h`` = 5); where every
    size of ``got`` is one symbol's alone, ``got`` reads in symbols: W1 of shape (2, 3) is
    ``(n_y, n_x)``, not ``(n_h, n_x)``.
    """
    try:  # a ragged list has no shape: the structure check names it
        got = np.shape(value)
    except ValueError:
        return None
    want = _symbols(spec[key][1])
    if len(got) != len(want) or tuple(got) == spec[key][0]:
        return None
    sizes: dict[str, set[int]] = {}
    for shape, text in spec.values():
        for symbol, n in zip(_symbols(text), shape):
            if not symbol.isdigit():
                sizes.setdefault(symbol, set()).add(n)
    by_size: dict[int, list[str]] = {}  # the symbols of one size each in this call
    for symbol, ns in sizes.items():
        if len(ns) == 1:
            by_size.setdefault(next(iter(ns)), []).append(symbol)

    def read_size(n: int) -> str | None:
        """A size as a symbol: the one symbol of that size, or a written 1; else unknown."""
        names = by_size.get(n, [])
        if len(names) > 1:
            return None
        return "1" if n == 1 else (names[0] if names else None)

    read = [read_size(n) for n in got]
    if None in read or read == want:
        return None
    wrong = ", ".join(f"{r} where {w} belongs" for r, w in zip(read, want) if r != w)
    return f"{label} is ({', '.join(read)}) here, not ({', '.join(want)}): {wrong}."


def numerical_param_gradients(
    cost: Callable[[dict[str, np.ndarray]], float],
    parameters: Mapping[str, np.ndarray],
    h: float = H,
) -> dict[str, np.ndarray]:
    """Centred-difference gradients ``{"d" + name: ...}`` of ``cost`` (called on copies)."""
    base = {k: np.array(v, dtype=np.float64, copy=True) for k, v in parameters.items()}
    grads = {}
    for key in base:

        def f(x: np.ndarray, key: str = key) -> float:
            return float(cost({**base, key: x}))

        grads["d" + key] = numerical_gradient(f, base[key], h)
    return grads


def expect_own_math(ctx: Context, functions: Sequence[str]) -> None:
    """Stop a check that computes with the student's own ``functions`` where one fails.

    Without the grader's math (the student kit) a gradient check differentiates the cost of
    the student's own forward pass and cost, and a training check runs their own blocks: a
    failing one would be this function's failure, with a hint about its formulas (msg sweep
    16 M2). Graded with the reference, the grader's math is used and nothing is stopped.

    Raises:
        CheckFailure: naming the failing block and its task.
    """
    for name in functions:
        failure = ctx.block_failure(name)
        if failure:
            raise CheckFailure(
                f"this check computes with {failure}: fix that first. (Graded, it uses the "
                "grader's own maths instead.)",
                kind="waits for another task",
            )


def own_cost(
    ctx: Context,
    X: np.ndarray,
    Y: np.ndarray,
    parameters: dict[str, np.ndarray],
    forward: str = "forward_propagation",
    cost: str = "compute_cost",
) -> float:
    """The cost of a network by the student's own forward pass and cost function.

    ``forward(X, parameters)`` must return ``(output, cache)``, the output shaped like ``Y``;
    ``cost(output, Y)`` one number.

    Raises:
        CheckFailure: (kind ``type``) when either returns something else.
        StudentRaised: when either raises.
    """
    out = numbers(expect_tuple(ctx.call_fn(forward, X, parameters), f"{forward}()", 2)[0], "A")
    if out.shape != Y.shape:
        raise CheckFailure(
            f"{forward}() returned an output of shape {out.shape}, not {Y.shape} (that of Y).",
            kind="type",
        )
    value = numbers(ctx.call_fn(cost, out, Y), f"{cost}(A, Y)")
    if value.size != 1:
        raise CheckFailure(
            f"{cost}() should return one number but returned shape {value.shape}.",
            lines=[("got", describe(value))],
            kind="type",
        )
    return float(value.reshape(()))


def expect_param_gradients(
    got: Any,
    numeric: Mapping[str, np.ndarray],
    spec: ShapeSpec,
    *,
    where: str = "",
    hint: str | None = None,
) -> str:
    """Compare a student's gradient dict with numeric gradients, key by key, and report.

    An array with the right number of entries is compared in the expected shape (the shape
    check reports the shape). A failure lists every wrong gradient, then an ``ok`` line per
    right one: that ``dW2`` is right while ``dW1`` is wrong tells where the mistake is.

    Returns:
        ``"max relative error 3.4e-09 (ok < 1e-07)"`` over all of them.

    Raises:
        CheckFailure: wrong container, keys, type or shape, or (kind ``gradient``) a gradient
            that does not match.
    """
    d = expect_keys(got, "grads", list(spec))
    results = []
    for key, (shape, text) in spec.items():
        value = d[key]
        if isinstance(value, np.ndarray) and value.size == int(np.prod(shape)):
            value = value.reshape(shape)
        results.append(compare_gradient(key, value, numeric[key], TOLERANCE, shape_text=text))
    try:
        return expect_gradients(results, hint=hint, where=where)
    except CheckFailure as exc:
        exc.lines = [*exc.lines, *(("ok", r.note()) for r in results if r.ok)]
        raise


def distinct_rows(W: np.ndarray) -> int:
    """How many distinct rows a 2-d array has (entries rounded to 12 decimals).

    Each row is compared as one block of bytes: time and memory grow with the array's size,
    never with its number of columns alone (``np.unique(axis=0)`` makes a field per column).
    """
    R = np.ascontiguousarray(np.round(np.asarray(W, dtype=np.float64), 12) + 0.0)  # -0.0 is 0.0
    if R.size == 0:
        return min(R.shape[0], 1)
    return len(np.unique(R.view(np.dtype((np.void, R.itemsize * R.shape[1]))).ravel()))


def closest_rows(W: np.ndarray) -> tuple[float, int, int]:
    """``(distance, i, j)``, ``i < j``: the two closest rows of ``W`` (at least two rows)."""
    W = np.asarray(W, dtype=np.float64)
    diff = W[:, None, :] - W[None, :, :]
    dist = np.sqrt(np.sum(diff**2, axis=2))
    dist[np.tril_indices(W.shape[0])] = np.inf
    i, j = np.unravel_index(int(np.argmin(dist)), dist.shape)
    return float(dist[i, j]), int(i), int(j)


def rms(a: np.ndarray) -> float:
    """Root mean square of an array (NaN propagates)."""
    a = np.asarray(a, dtype=np.float64)
    return float(np.sqrt(np.mean(a**2)))


# --------------------------------------------------------------------- layered networks
#: Hints for a parameter of the wrong shape, by its letter (``b``: a flat one, then another).
LAYER_SHAPE_HINTS = {
    "W": "W{l} has one row per unit of layer l, one column per unit of layer l-1.",
    "b": "use np.zeros((n, 1)): a column, not a flat (n,) vector.",
    "b2d": "b{l} has one row per unit of layer l: np.zeros((layer_dims[l], 1)).",
}


def param_keys(L: int) -> list[str]:
    """``W1, b1, ..., WL, bL``: the parameter names of an L-layer network."""
    return [f"{p}{n}" for n in range(1, L + 1) for p in ("W", "b")]


def expect_layer_params(value: Any, dims: Sequence[int], name: str = "parameters") -> dict:
    """Exactly ``W1, b1, ..., WL, bL``, float arrays of the shapes that ``dims`` give.

    Raises:
        CheckFailure: wrong container, keys, type or shape (see :func:`expect_arrays`).
    """
    spec, at = {}, f" for layer_dims {list(dims)}"
    for n in range(1, len(dims)):
        spec[f"W{n}"] = ((dims[n], dims[n - 1]), f"(n[{n}], n[{n - 1}]){at}")
        spec[f"b{n}"] = ((dims[n], 1), f"(n[{n}], 1){at}")
    hints = {k: LAYER_SHAPE_HINTS[k[0]] for k in spec}
    for key in (k for k in spec if k[0] == "b" and isinstance(value, Mapping)):
        if _ndim(value.get(key)) != 1:  # a column of another size: say which size it has
            label = f'{name}["{key}"]'
            swapped = _swapped_sizes_hint(label, value.get(key), key, spec)
            hints[key] = swapped or LAYER_SHAPE_HINTS["b2d"]
    try:
        return expect_arrays(value, name, spec, hints=hints)
    except CheckFailure as failure:
        failure.hint = failure.hint or last_layer_hint(value, len(dims) - 1)
        raise


def last_layer_hint(params: Any, L: int) -> str | None:
    """The hint for parameters that lack exactly the last layer's ``W{L}, b{L}``, or None.

    ``L = len(layer_dims) - 1`` then ``for l in range(1, L)``: the loop stops a layer short
    (sweep 14 P5).
    """
    if not isinstance(params, Mapping) or L < 1:
        return None
    last = {f"W{L}", f"b{L}"}
    if last & params.keys() or any(k not in params for k in param_keys(L) if k not in last):
        return None
    return (
        f"the last layer's W{L} and b{L} are missing: the loop stops a layer short. With "
        "L = len(layer_dims) (the input layer counted), the layers are for l in range(1, L)."
    )


def _ndim(value: Any) -> int | None:
    """``np.ndim(value)``, or None for a value that has none (a ragged list)."""
    try:
        return np.ndim(value)
    except ValueError:
        return None


def layer_arrays(params: Any, L: int) -> list[tuple[np.ndarray, ...]]:
    """``[(W1, b1), ...]`` as float arrays, whatever their shapes (the structure check's)."""
    if not isinstance(params, dict):
        raise CheckFailure(
            f"the parameters should be a dict, not {type_name(params)}.", kind="type"
        )
    missing = [k for k in param_keys(L) if k not in params]
    if missing:
        raise CheckFailure(
            f'the parameters have no key "{missing[0]}".',
            hint=last_layer_hint(params, L),
            kind="structure",
        )
    return [tuple(numbers(params[k], k) for k in (f"W{n}", f"b{n}")) for n in range(1, L + 1)]


def param_gap(got: Any, params: Mapping[str, np.ndarray]) -> float:
    """Largest difference between a student's parameter dict and ``params`` (inf: unlike).

    An entry of another shape is unlike, never broadcast (a (2**20, 4, 1, 1) W1 against a
    (4, 5) one would take gigabytes of the grader's memory).
    """
    try:
        if any(np.shape(got[k]) != np.shape(v) for k, v in params.items()):
            return math.inf
        return max(float(np.max(np.abs(np.asarray(got[k], float) - v))) for k, v in params.items())
    except Exception:  # noqa: BLE001 - any odd value is simply not close
        return math.inf


def closest_params(
    got: Any, candidates: Iterable[T], of: Callable[[T], Mapping] = lambda c: c
) -> T:
    """The candidate whose parameters (``of(candidate)``) are most like ``got``.

    Most like: the most entries that pass a value comparison, then the smallest
    :func:`param_gap`; so that one wrong entry (random biases) leaves the form its right
    entries follow to name it.
    """

    def unlike(candidate: T) -> tuple[int, float]:
        params = of(candidate)
        same = isinstance(got, Mapping) and sum(
            passes_compare(got.get(k), v) for k, v in params.items()
        )
        return -int(same), param_gap(got, params)

    return min(candidates, key=unlike)


def passes_compare(got: Any, expected: Any, **tolerances: float) -> bool:
    """True if ``got`` passes a value comparison with ``expected`` (``checklib.compare``)."""
    try:
        compare(got, expected, "", **tolerances)
    except CheckFailure:
        return False
    return True


def ordinary(exc: StudentRaised) -> bool:
    """An exception of the student's code itself (not a stub, a crash or a budget stop)."""
    return not exc.error.not_implemented and isinstance(getattr(builtins, exc.error.type, 0), type)
