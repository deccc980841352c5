"""Reusable check builders: shapes, visible and hidden values, mutation, loops, gradients.

Each builder returns a function ``check(ctx) -> str | None`` for :class:`autograder.spec.Check`.
Value comparisons are lenient about container types (a type check reports those), strict
about numbers: float64, explicit tolerances, NaN fails.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import dataclasses
import functools
import io
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple, NoReturn

import numpy as np

from autograder import codeload, precision, readable_calls
from autograder.asserts import (
    ATOL,
    RTOL,
    expect_array,
    expect_float,
    expect_keys,
    expect_tuple,
)
from autograder.context import Context, StudentRaised
from autograder.plain import Foreign, describe, same_plain, type_name
from autograder.source_hints import alike, called_name
from autograder.spec import WAITING_KIND, CheckFailure, Task
from autograder.submission import BUDGET, CRASH, StudentError, Submission

Args = tuple[Any, ...]
CheckFn = Callable[[Context], str | None]


#: Sigmoid inputs far from 0, where a clipped (``np.clip(s, 1e-4, 1 - 1e-4)``) or rounded
#: sigmoid shows; the textbook ``1 / (1 + np.exp(-z))`` is exact there (no overflow).
SIGMOID_WIDE = np.array([[-15.0, -9.5], [11.0, 20.0]])
#: The hint of a sigmoid's wrong values (the logistic and the activations' sigmoid tasks).
SIGMOID_HINT = "1 / (1 + np.exp(-z)) for every entry: mind the minus sign."


def stable_sigmoid(z: np.ndarray) -> np.ndarray:
    r"""The grader's own logistic function, $\sigma(z) = 1 / (1 + e^{-z})$, without overflow.

    The exponent is never positive: for $z < 0$ it computes $e^{z} / (1 + e^{z})$.
    """
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def numbers(value: Any, name: str) -> np.ndarray:
    """Return ``value`` as a float64 array for a value comparison.

    Raises:
        CheckFailure: (kind ``type``) if the value is not numeric at all.
    """
    if not (isinstance(value, Foreign) or value is None or isinstance(value, str | dict)):
        with contextlib.suppress(TypeError, ValueError):
            array = np.asarray(value)
            kind = array.dtype.kind
            if kind == "c":  # float64 would drop the imaginary part (red team 15 D)
                raise CheckFailure(
                    f"{name} holds complex numbers; the result is real: no 1j, no complex "
                    "dtype, no np.emath.",
                    lines=[("got", describe(value))],
                    kind="type",
                )
            if kind in "biuf":  # not strings of numbers, nor objects numpy would convert
                return np.asarray(array, dtype=np.float64)
    raise CheckFailure(
        f"{name} should be numeric but is {type_name(value)}.",
        lines=[("got", describe(value))],
        kind="type",
    )


def compare(
    got: Any,
    expected: Any,
    name: str,
    *,
    rtol: float = RTOL,
    atol: float = ATOL,
    hint: str | None = None,
    kind: str = "values",
    scale: float = 0.0,
) -> None:
    """Compare a student's plain value with an expected one, recursively.

    Dicts are compared key by key (exact key sets), tuples and lists item by item, numbers
    and arrays within ``rtol``/``atol`` (NaN fails). Arrays of equal size but different
    shape are compared element by element in C order, so a shape problem is reported by the
    shape check, not here.

    Args:
        got: the student's value.
        expected: the expected value.
        name: name of the value in the message.
        rtol: relative tolerance.
        atol: absolute tolerance.
        hint: hint to give on failure.
        kind: kind of failure to report for wrong numbers.
        scale: the largest entry of the whole value a part belongs to (set for a dict's or a
            tuple's parts): float32's rounding, where the course's tolerance is allowed, is
            relative to it (sweep 17 P1: a trained b3 of 2e-6 drifts with the weights' 0.5).

    Raises:
        CheckFailure: naming the first differing part, such as ``grads["dw"]``; for numbers,
            the first differing entry and how many differ.
    """
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            raise CheckFailure(f"{name} should be a dict but is {type_name(got)}.", kind="type")
        if set(got) != set(expected):
            raise CheckFailure(
                f"{name} has keys {sorted(map(str, got))} but should have "
                f"{sorted(map(str, expected))}.",
                kind="structure",
            )
        scale = max(scale, _largest(expected))
        for k in expected:
            compare(
                got[k],
                expected[k],
                f"{name}[{k!r}]",
                rtol=rtol,
                atol=atol,
                hint=hint,
                kind=kind,
                scale=scale,
            )
        return
    if isinstance(expected, tuple | list) and not _is_numeric_list(expected):
        if not isinstance(got, tuple | list) or len(got) != len(expected):
            raise CheckFailure(
                f"{name} should be a tuple of {len(expected)} values but is {describe(got)}.",
                kind="type",
            )
        scale = max(scale, _largest(expected))
        for i, (g, e) in enumerate(zip(got, expected)):
            compare(g, e, f"{name}[{i}]", rtol=rtol, atol=atol, hint=hint, kind=kind, scale=scale)
        return
    g = numbers(got, name)
    e = np.asarray(expected, dtype=np.float64)
    tol = f"(rtol {rtol:g}, atol {atol:g})"
    if g.size != e.size:
        raise CheckFailure(
            f"{name} has {g.size} entries (shape {g.shape}) but should have {e.size} "
            f"(shape {e.shape}); fix the shape first.",
            hint=hint,
            kind="shape",
        )
    if g.shape != e.shape:
        g = g.reshape(e.shape)
    ok = np.isclose(g, e, rtol=rtol, atol=atol)
    if bool(np.all(ok)) or precision.within_course_tolerance(g, e, name, scale, rtol):
        _expect_full_precision(got, g, e, name, kind)
        return
    if e.ndim == 0:
        lines = [("got", f"{name} = {g.item()!r}"), ("expected", f"{name} = {e.item()!r} {tol}")]
    else:
        bad = np.argwhere(~ok)
        # a nan or inf shown first, as it is (msg 18 §6: "1.0 (contains NaN)", "inf (contains
        # NaN)" named an entry that was neither)
        shown = next((b for b in bad if not np.isfinite(g[tuple(b)])), bad[0])
        idx = tuple(int(i) for i in shown)
        lines = [
            ("got", f"{name}{list(idx)} = {float(g[idx])!r}"),
            ("expected", f"{name}{list(idx)} = {float(e[idx])!r} {tol}"),
            ("mismatch", f"{len(bad)} of {e.size} entries differ"),
        ]
    raise CheckFailure(
        f"{name} does not match the expected values.", lines=lines, hint=hint, kind=kind
    )


def _expect_full_precision(got: Any, g: np.ndarray, e: np.ndarray, name: str, kind: str) -> None:
    """Fail a result within tolerance whose numbers are of less precision than float64.

    A float32 result has about 7 significant digits: it passes a check at ``rtol`` 1e-7 or
    not, by chance, and a correct caller then fails on the digits it lost (sweep 10, P10: a
    ``linear_forward`` returning float32 cost ``linear_activation_forward``). Numbers a float32
    holds exactly (0 and 1 predictions) pass, and so does a result of code that asks for the
    precision it has (:mod:`autograder.precision`).
    """
    dtype = getattr(got, "dtype", None)
    if not isinstance(got, np.ndarray | np.generic) or dtype is None or dtype.kind != "f":
        return
    if dtype.itemsize >= 8 or bool(np.array_equal(g, e)) or precision.reduced_result_allowed(name):
        return
    raise CheckFailure(
        f"{name} is {dtype.name}: about {np.finfo(dtype).precision} significant digits, where "
        "numpy's default float64 keeps 15; the next computations inherit the lost digits.",
        lines=[("got", f"{name}.dtype = {dtype.name}"), ("expected", f"{name}.dtype = float64")],
        hint=f"compute in float64, numpy's default: drop the astype(np.{dtype.name}) or "
        f"dtype=np.{dtype.name}.",
        kind=kind,
    )


def _is_numeric_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, int | float | np.floating | np.integer) for v in value
    )


def propagation_structure(
    args: Args, *, hints: tuple[str | None, str | None, str | None] = (None, None, None)
) -> CheckFn:
    """Check that a logistic-regression propagation returns ``({"dw", "db"}, cost)``.

    ``dw`` must be a float array shaped like ``w`` (the first argument), ``db`` and the cost
    numbers.

    Args:
        args: the arguments ``(w, b, X, Y)`` of the call.
        hints: the hints for a wrong ``dw``, ``db`` and cost.
    """

    def run(ctx: Context) -> str | None:
        grads, cost = expect_tuple(ctx.call(*args), f"{ctx.task.function}()", 2)
        expect_keys(grads, "grads", ("dw", "db"))
        dw, db, cost_hint = hints
        shape_text = "the shape of w, (n_x, 1)"
        expect_array(grads["dw"], 'grads["dw"]', np.shape(args[0]), shape_text=shape_text, hint=dw)
        expect_bias(ctx, grads["db"], 'grads["db"]', hint=db)
        expect_float(cost, "cost", hint=cost_shape_hint(cost, np.shape(args[2])[-1]) or cost_hint)
        return None

    return run


def cost_shape_hint(cost: Any, m: int | None = None) -> str | None:
    """The hint for a cost that is an array, by its shape (sweep 13 P4), or None.

    ``m``: the number of examples of the call: a cost of one value per example was summed
    over the wrong axis, or not at all (sweep 16 P5: ``np.sum(logprobs, axis=0)`` was told
    of np.dot's (1, 1)).
    """
    if isinstance(cost, np.ndarray) and m is not None and m > 1 and cost.size == m:
        if cost.shape == (m,):
            return (
                f"np.sum(..., axis=0) of a (1, m) row leaves its {m} columns, one value per "
                "example: sum every entry (no axis) for the one cost."
            )
        return f"the cost has one value per example ({m}): sum them (np.sum), then divide by m."
    shape = cost.shape if isinstance(cost, np.ndarray) and cost.size == 1 else None
    if shape == (1,):
        return (
            "np.sum(..., axis=1) of a (1, m) row leaves an array of shape (1,): sum every "
            "entry (no axis), or np.squeeze(cost)."
        )
    if shape == (1, 1):
        return (
            "np.dot(Y, np.log(A).T) is a (1, 1) array (so is a sum with keepdims=True): "
            "np.squeeze(cost)."
        )
    return None


def expect_bias(ctx: Context, value: Any, name: str, *, hint: str | None = None) -> float:
    """Check that a logistic regression's ``db`` or ``b`` is a number.

    In a course task a one-element float array (``np.sum(A - Y, axis=1) / m`` has shape
    ``(1,)``, with ``keepdims=True`` ``(1, 1)``) is accepted with advice: the 2017-2020
    notebooks assert only ``db.dtype == float``, which it passes, and the bias it makes trains
    and predicts as a number does.

    Args:
        ctx: the check's context.
        value: the returned value.
        name: how to call it in messages (``grads["db"]``).
        hint: hint on failure.

    Returns:
        The value as a Python float.
    """
    one = isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind == "f"
    if not (ctx.task.course and one and value.ndim in (1, 2)):
        return expect_float(value, name, hint=hint)
    ctx.advise(
        f"{name} is an array of shape {value.shape}, not a number: the 2017-2020 notebooks "
        "accepted it (their assert db.dtype == float passes), so it costs nothing; the 2021 "
        "course and the kit keep db and b numbers: db = np.sum(A - Y) / m."
    )
    return float(value.reshape(-1)[0])


def returns_number(
    args: Args, shown: str, *, hint: str | None = None, examples: int | None = None
) -> CheckFn:
    """Check that the task's function returns one real number (a float or numpy scalar).

    Args:
        args: the arguments of the call.
        shown: the arguments as the message shows them after the function's name (``(f, 2.0)``).
        hint: hint on failure.
        examples: for a cost, the call's number of examples: an array's shape then names how
            the sum went wrong (:func:`cost_shape_hint`).
    """

    def run(ctx: Context) -> str | None:
        value = ctx.call(*args)
        shaped = cost_shape_hint(value, examples) if examples is not None else None
        expect_float(value, f"{ctx.task.function}{shown}", hint=shaped or hint)
        return None

    run.__doc__ = "returns a single number"
    return run


def random_cases(
    draw: Callable[[np.random.Generator], Any], count: int = 3
) -> Callable[[np.random.Generator], list[Args]]:
    """``make_cases`` for :func:`hidden_values`: ``count`` calls of one argument ``draw(rng)``."""
    return lambda rng: [(draw(rng),) for _ in range(count)]


def same_shape_as_input(inputs: Sequence[Any], name: str = "the result") -> CheckFn:
    """Check that an elementwise function returns a float array shaped like its input."""

    def run(ctx: Context) -> str | None:
        for x in inputs:
            out = ctx.call(x)
            expect_array(out, name, np.shape(x), shape_text="the shape of the input")
        return None

    return run


def _largest(value: Any) -> float:
    """The largest magnitude of the numbers ``value`` holds (0 where none; NaN is skipped)."""
    if isinstance(value, dict):
        return max((_largest(v) for v in value.values()), default=0.0)
    if isinstance(value, tuple | list) and not _is_numeric_list(value):
        return max((_largest(v) for v in value), default=0.0)
    try:
        array = np.abs(np.asarray(value, dtype=np.float64))
    except (TypeError, ValueError):
        return 0.0
    return float(np.nanmax(array)) if array.size and not np.isnan(array).all() else 0.0


def compare_returned(
    got: Any, expected: Any, name: str, names: Sequence[str] | None = None, **options: Any
) -> None:
    """:func:`compare`, naming the items of a returned tuple as the course does.

    Args:
        got: the student's result.
        expected: the expected result.
        name: the result's name (``propagate()`` when ``names`` are given).
        names: the names of the returned tuple's items (``("grads", "cost")``), or None.
        **options: ``rtol``, ``atol``, ``hint``, ``kind`` for :func:`compare`; ``hint`` may be
            a dict of a hint per item name (a wrong ``grads`` is not told about the cost).
    """
    hints = options.pop("hint", None)
    if names is None:
        compare(got, expected, name, hint=None if isinstance(hints, dict) else hints, **options)
        return
    if not isinstance(got, tuple | list) or len(got) != len(names):
        raise CheckFailure(
            f"{name} should return a tuple ({', '.join(names)}) but returned {describe(got)}.",
            kind="type",
        )
    for g, e, item in zip(got, expected, names):
        hint = hints.get(item) if isinstance(hints, dict) else hints
        compare(g, e, item, hint=hint, **options)


def visible_calls(
    key: str,
    calls: Sequence[tuple[Args, dict[str, Any]]],
    *,
    function: str | None = None,
    name: str = "the result",
    names: Sequence[str] | None = None,
    **options: Any,
) -> CheckFn:
    """Compare the outputs of fixed calls, each with its own keyword arguments, with stored values.

    Args:
        key: key of the expected values in the unit's stored data.
        calls: ``(args, kwargs)`` of each call.
        function: the function to call (defaults to the task's).
        name: name of the output in messages.
        names: the names of a returned tuple's items (see :func:`compare_returned`).
        **options: ``rtol``, ``atol``, ``hint`` for :func:`compare`.
    """

    def run(ctx: Context) -> str | None:
        fn = function or ctx.task.function
        expected = ctx.expected(key, lambda ref: [ref(fn)(*a, **kw) for a, kw in calls])
        for (args, kw), exp in zip(calls, expected):
            got = ctx.call_fn(fn, *args, **kw)
            compare_returned(got, exp, name, names, **options)
        return None

    return run


def visible_values(
    key: str,
    cases: Sequence[Args],
    *,
    function: str | None = None,
    kwargs: dict[str, Any] | None = None,
    **options: Any,
) -> CheckFn:
    """Compare outputs on fixed visible inputs with stored expected values.

    :func:`visible_calls` with the same keyword arguments for every call.

    Args:
        key: key of the expected values in the unit's stored data.
        cases: argument tuples.
        function: the function to call (defaults to the task's).
        kwargs: keyword arguments of every call.
        **options: ``name``, ``names``, ``rtol``, ``atol``, ``hint`` for :func:`visible_calls`.
    """
    calls = [(args, dict(kwargs or {})) for args in cases]
    return visible_calls(key, calls, function=function, **options)


def hidden_values(
    make_cases: Callable[[np.random.Generator], Sequence[Args]],
    *,
    name: str = "the result",
    rtol: float = RTOL,
    atol: float = ATOL,
    hint: str | None = None,
    kwargs: dict[str, Any] | None = None,
    names: Sequence[str] | None = None,
) -> CheckFn:
    """Compare outputs with the reference on fresh random inputs drawn at grading time.

    Args:
        make_cases: draws the argument tuples from the check's generator.
        name: name of the output in messages.
        rtol: relative tolerance.
        atol: absolute tolerance.
        hint: hint on failure.
        kwargs: keyword arguments of every call.
        names: the names of a returned tuple's items (see :func:`compare_returned`).
    """
    kw = dict(kwargs or {})

    def run(ctx: Context) -> str | None:
        ref = ctx.ref()
        cases = make_cases(ctx.rng)
        for args in cases:
            exp = ref(*args, **kw)
            got = ctx.call(*args, **kw)
            compare_returned(got, exp, name, names, rtol=rtol, atol=atol, hint=hint, kind="hidden")
        return f"{len(cases)} random inputs"

    return run


@dataclasses.dataclass(frozen=True)
class Changed:
    """An argument a call changed in place.

    Attributes:
        function: the function called.
        name: the parameter's name.
        is_dict: the argument is a dict (else an array).
    """

    function: str
    name: str
    is_dict: bool

    def __str__(self) -> str:
        if self.is_dict:
            return f"{self.function}() changed the dict {self.name} it was given"
        return f"{self.function}() changed its argument {self.name} in place"


def changed_argument(ctx: Context, args: Args, names: Sequence[str]) -> Changed | None:
    """Call the task's function on ``args`` and find an array or dict argument it changed.

    Args:
        ctx: the check's context.
        args: the arguments (the call gets copies; what they became is compared).
        names: the parameter names, where the function's own are not known.

    Returns:
        The first changed argument, or None.

    Raises:
        StudentRaised: if the call raised.
    """
    out = ctx.outcome(ctx.task.function, args)
    if out.error is not None:
        ctx.call(*args)  # re-raise as a student error
    own = ctx.submission.params(ctx.task.function) or []
    if len(own) >= len(args):  # the student's own names (an older release's ``parameters``)
        names = own
    for pname, before, after in zip(names, args, out.args_after):
        if isinstance(before, np.ndarray) and not (
            isinstance(after, np.ndarray)
            and after.shape == before.shape
            and bool(np.array_equal(after, before, equal_nan=True))
        ):
            return Changed(ctx.task.function, pname, False)
        if isinstance(before, dict) and not same_plain(before, after, rtol=0, atol=0):
            return Changed(ctx.task.function, pname, True)
    return None


def expect_a_result(value: Any, call: str) -> None:
    """Fail a property check (no loops, no mutation...) of a call that returned None.

    Every task's function returns a value: one that returns None computes nothing yet, and a
    property of nothing earns no points (a body of ``pass`` kept its arguments unchanged).

    Raises:
        CheckFailure: ``value`` is None.
    """
    if value is None:
        raise CheckFailure(
            f"{call} returned None: the function computes nothing yet, so this check has "
            "nothing to judge.",
            hint="return the result (a function that ends without return gives None).",
            kind="type",
        )


def no_mutation(cases: Sequence[Args], names: Sequence[str]) -> CheckFn:
    """Check that the function leaves its array arguments unchanged (copies in, compare after).

    Args:
        cases: argument tuples.
        names: the parameter names, for messages.
    """

    def run(ctx: Context) -> str | None:
        for args in cases:
            expect_a_result(ctx.call(*args), f"{ctx.task.function}({', '.join(names)})")
            changed = changed_argument(ctx, args, names)
            if changed:
                raise CheckFailure(
                    f"{changed}.",
                    hint="build and return a new dict (or copy.deepcopy the input)."
                    if changed.is_dict
                    else "work on a new array (x = x / n, not x /= n), or copy first.",
                    kind="mutation",
                )
        return None

    run.__doc__ = "does not change its arguments in place"
    return run


def mutation_advice(
    args: Args | Callable[[Context], Args], names: Sequence[str], fix: str
) -> CheckFn:
    """Advice rule: the course accepts changing an argument in place; the kit advises against it.

    Args:
        args: the arguments of one call, or a function of the context that gives them.
        names: the parameter names.
        fix: what to do instead, one sentence.
    """

    def run(ctx: Context) -> str | None:
        changed = changed_argument(ctx, args(ctx) if callable(args) else args, names)
        return f"{changed}: the caller's data changes too. {fix}" if changed else None

    run.__doc__ = "does not change its arguments in place (the course accepts it)"
    return run


def threshold_advice(args: Args, rule: str, advice: str) -> CheckFn:
    """Advice rule: a prediction at exactly 0.5 is 0, which the course's tests never reach.

    Args:
        args: a call whose every output is exactly 0.5.
        rule: the rule, as the advice's description (``A = 0.5 exactly predicts 0``).
        advice: what to say where the call predicts 1 everywhere (``A >= 0.5``).
    """
    ones = np.ones((1, np.shape(args[-1])[1]))  # one per example: X, the last, is (n_x, m)

    def run(ctx: Context) -> str | None:
        if not task_passing(ctx):
            return None  # "accepted" only of a right predict: A > 0 gives 1 at 0.5 too (msg 18)
        out = ctx.outcome(ctx.task.function, args)
        return advice if out.error is None and same_plain(out.value, ones) else None

    run.__doc__ = rule
    return run


def extreme_inputs(
    args: Args,
    expected: Any,
    name: str,
    fix: str,
    *,
    ordinary: tuple[Args, Any],
    warnings: bool = True,
) -> CheckFn:
    """Advice rule: exact values (and, with ``warnings``, no warnings) at inputs such as ±1000.

    The course never asks for them, so a course function is not scored on them; the kit
    teaches the stable form as advice, to a function that is right on ordinary inputs (a
    wrong one has its failed checks to fix first).

    Args:
        args: the arguments of the extreme call.
        expected: its exact result.
        name: the call as the student would write it (``sigmoid([-1000, 0, 1000])``).
        fix: the stable form, one sentence.
        ordinary: ``(args, expected)`` of a call the function must get right first.
        warnings: also advise when the values are right but the call warns (overflow).
    """

    def run(ctx: Context) -> str | None:
        fn = ctx.task.function
        try:
            compare(ctx.call(*ordinary[0]), ordinary[1], name)
        except (CheckFailure, StudentRaised):
            return None
        out = ctx.outcome(fn, args)
        if out.error is not None:
            return None
        try:
            compare(out.value, expected, name, atol=1e-12)
        except CheckFailure:
            got, want = (
                " ".join(np.array2string(v, separator=", ").split())
                if isinstance(v, np.ndarray)
                else describe(v)
                for v in (out.value, np.asarray(expected))
            )
            return f"{name} gives {got}, not {want}. {fix}"
        if warnings and out.warnings:
            return f"{name} is exact but emits {out.warnings[0]!r}. {fix}"
        return None

    run.__doc__ = (
        f"{name} is exact and quiet (no overflow warning), where the course never asks about "
        "such inputs"
    )
    return run


LOOP_NODES = (
    ast.For,
    ast.While,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
    ast.AsyncFor,
)


#: Functions that run a Python function once per item: loops written as a call.
LOOP_CALLS = frozenset(
    {"map", "filter", "reduce", "starmap", "vectorize", "apply_along_axis", "frompyfunc"}
    | {"accumulate"}
)


#: Calls that run a function of the code once per item when given one as ``key``.
KEYED_CALLS = frozenset({"sorted", "sort", "min", "max"})


@dataclasses.dataclass(frozen=True)
class CodeValues:
    """Where the code read handles code as a value (:func:`code_values`).

    Attributes:
        names: the names of code: the functions read, the functions and lambdas they define,
            and the names given a value that holds code (``box = [step]``, ``s = get()``).
        giving: the functions read that return code (``def get(): return step``).
        plain: the ids of the calls that hand code to a function of the code read which only
            calls it (:func:`_plain_handing`).
        handing: whether code handed to a call is a loop (known once all the code is read).
        methods: the names of the methods of the classes read: ``walker.step`` handed over
            is code (red team, round 16: numpy's printer called it once per example).
    """

    names: AbstractSet[str] = frozenset()
    giving: AbstractSet[str] = frozenset()
    plain: AbstractSet[int] = frozenset()
    handing: bool = True
    methods: AbstractSet[str] = frozenset()


#: Before all the code is read: loops and looping calls only, no code handed yet.
UNREAD = CodeValues(handing=False)


def _loops_by_call(node: ast.AST, code: CodeValues) -> bool:
    """A loop written as a call: ``map(f, range(m))``, ``sorted(range(m), key=step)``.

    Any call handed code to run (:func:`_holds_code`) is one too: ``itertools.groupby(
    range(m), key=step)``, a lambda given itself to recurse (red team, round 10); a
    vectorized function hands numpy arrays, not code. But not a call of ``code.plain``:
    code handed to a function of the code read that only calls it.
    """
    if not isinstance(node, ast.Call):
        return False
    name = called_name(node)
    keyed = name in KEYED_CALLS and any(k.arg == "key" for k in node.keywords)
    given = [*node.args, *(k.value for k in node.keywords)]
    # code in what is handed over too: ``box[0](box, i + 1)`` with ``box = [step]``
    handed = code.handing and id(node) not in code.plain
    handed = handed and any(_holds_code(a, code) for a in given)
    return name in LOOP_CALLS or keyed or handed


def _holds_code(node: ast.AST, code: CodeValues) -> bool:
    """Whether ``node``'s value holds code.

    A lambda, a name of code not called there, what a function returning code returns; not
    what a plain handing returns (its function only calls what it is handed).
    """
    todo = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, ast.Lambda) or (isinstance(n, ast.Name) and n.id in code.names):
            return True
        if isinstance(n, ast.Attribute) and n.attr in code.methods:
            return True
        if isinstance(n, ast.Call):
            if isinstance(n.func, ast.Name | ast.Attribute) and called_name(n) in code.giving:
                return True
            if not isinstance(n.func, ast.Name | ast.Attribute):
                todo.append(n.func)  # ``box[0](...)`` holds what box holds
            elif isinstance(n.func, ast.Attribute) and not isinstance(n.func.value, ast.Name):
                todo.append(n.func.value)  # ``box[0].f(...)``; not ``Cls.f(z)`` (sweep 15)
            if id(n) not in code.plain:
                todo += [*n.args, *(k.value for k in n.keywords)]
            continue
        todo.extend(ast.iter_child_nodes(n))
    return False


def code_values(read: Sequence[OwnCode]) -> CodeValues:
    """Where ``read`` handles code as a value: see :class:`CodeValues`.

    A name given what holds code holds code, and so does a function returning it (red team:
    a helper returning the step that a call then gives itself), to the end. First with no
    call taken as a plain handing (more names of code: stricter), to find the plain handings;
    then again with those. Each pass follows what each name's value uses (a worklist), so a
    long chain of aliases costs no more than its length (red team, round 13).
    """
    defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    #: what may give each name code: ``(name, value)``, a def's returns under the def's name
    values: list[tuple[str, ast.AST, bool]] = []
    methods: set[str] = set()
    for tree in (c.code for c in read):
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                methods |= {  # a property's attribute is a value, not code
                    d.name
                    for d in node.body
                    if isinstance(d, ast.FunctionDef)
                    and not any("property" in ast.unparse(x) for x in d.decorator_list)
                }
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                defs.setdefault(node.name, []).append(node)
                local = _assigned_locals(node)
                values += [
                    (node.name, value, True)
                    for n in ast.walk(node)
                    if isinstance(n, ast.Return | ast.Yield | ast.YieldFrom) and n.value
                    for value in _returned_values(n.value, local)
                ]
                values += _parameter_defaults(node)  # def f(x, _f=_one): _f holds code
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                values += [(name, node.value, False) for name in names]
    functions = frozenset({c.name for c in read if not c.data} | defs.keys())
    strict = _grown(CodeValues(functions, methods=frozenset(methods)), values)
    calls = [n for c in read for n in ast.walk(c.code) if isinstance(n, ast.Call)]
    graph = {name: _calls_of(nodes, strict) for name, nodes in defs.items()}
    # each helper read once, however often it is called (red team, round 14: 30 s for 1,500)
    only_called = functools.cache(_only_called)
    plain = frozenset(id(n) for n in calls if _plain_handing(n, defs, strict, graph, only_called))
    return _grown(CodeValues(functions, plain=plain, methods=frozenset(methods)), values)


def _assigned_locals(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, list[ast.expr]]:
    """The names ``fn`` binds only by plain assignments (``s = ...``), with the values given.

    A name bound otherwise too (a parameter, a loop's target, unpacking, ``+=``, ``with ...
    as``, an import, a def, ``global``) is left out: what it holds is not read here.
    """
    values: dict[str, list[ast.expr]] = {}
    plain: set[int] = set()  # the Name targets of plain assignments
    for n in ast.walk(fn):
        if isinstance(n, ast.Assign):
            targets = n.targets
        elif isinstance(n, ast.AnnAssign) and n.value is not None:
            targets = [n.target]
        else:
            continue
        for t in targets:
            if isinstance(t, ast.Name):
                values.setdefault(t.id, []).append(n.value)
                plain.add(id(t))
    other = {a.arg for a in ast.walk(fn.args) if isinstance(a, ast.arg)}
    for n in ast.walk(fn):
        if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load) and id(n) not in plain:
            other.add(n.id)
        elif isinstance(n, ast.Global | ast.Nonlocal):
            other.update(n.names)
        elif isinstance(n, ast.alias):
            other.add((n.asname or n.name).split(".")[0])
        elif n is not fn and isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            other.add(n.name)
        elif isinstance(n, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and n.name:
            other.add(n.name)
        elif isinstance(n, ast.MatchMapping) and n.rest:
            other.add(n.rest)
    return {k: v for k, v in values.items() if k not in other}


def _returned_values(value: ast.expr, local: dict[str, list[ast.expr]]) -> list[ast.expr]:
    """What a ``return value`` gives: a local name's assigned values, else ``value``.

    The course's sigmoid ends ``s = 1 / (1 + np.exp(-x)); return s``: it returns no code,
    whatever another function binds to its own ``s`` (red team 17 F4: a lambda named ``s`` in
    propagate_vectorized made sigmoid "return code", and every call given its result a loop).
    """
    if isinstance(value, ast.Name) and value.id in local:
        return local[value.id]
    return [value]


def _parameter_defaults(
    fn: ast.FunctionDef | ast.AsyncFunctionDef,
) -> list[tuple[str, ast.AST, bool]]:
    """``(parameter, default, False)`` of each parameter of ``fn`` that has a default.

    A parameter whose default is code holds code when handed over, not only when called (red
    team, round 16: ``def f(..., _f=_one)`` handed ``_f`` to numpy's printer).
    """
    args = fn.args
    positional = [*args.posonlyargs, *args.args]
    pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults))
    pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
    return [(a.arg, d, False) for a, d in pairs]


def _grown(code: CodeValues, values: Sequence[tuple[str, ast.AST, bool]]) -> CodeValues:
    """``code`` with every name and function that ``values`` make hold code, to the end.

    ``values``: ``(name, value, returned)``, a value given a name, or returned by the def of
    that name.
    """
    uses: dict[str, list[int]] = {}  # name → the values that use it
    for i, (_, value, _) in enumerate(values):
        for n in ast.walk(value):
            if isinstance(n, ast.Name):
                uses.setdefault(n.id, []).append(i)
    names, giving = set(code.names), set(code.giving)
    now = CodeValues(names, giving, code.plain, methods=code.methods)  # its sets grow below
    todo = list(range(len(values)))
    while todo:
        name, value, returned = values[todo.pop()]
        grown = giving if returned else names
        if name not in grown and _holds_code(value, now):
            grown.add(name)
            todo += uses.get(name, ())
    return CodeValues(frozenset(names), frozenset(giving), code.plain, methods=code.methods)


def _plain_handing(
    call: ast.Call,
    defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]],
    code: CodeValues,
    graph: dict[str, set[str]],
    only_called: Callable[[ast.FunctionDef | ast.AsyncFunctionDef, int | str | None], bool],
) -> bool:
    """Whether ``call`` hands code to a function of the code read that only calls it.

    ``_layer(X, w, b, sigmoid)`` with ``def _layer(X, w, b, g): return g(w.T @ X + b)`` is
    vectorized code (red team, round 12, E): the function called is read and checked for
    loops itself; each of its parameters given code is only ever called there, never handed
    on or kept (``g(g, i)`` recurses); and what is handed is a plain function: it makes,
    keeps and hands on no code and cannot call the function back (``graph``: the names of
    code each function calls; ``only_called``: :func:`_only_called`, cached for the reading).
    """
    callee = call.func.id if isinstance(call.func, ast.Name) else None
    if callee not in defs or callee in LOOP_CALLS | KEYED_CALLS:
        return False
    given = [(i, a) for i, a in enumerate(call.args) if _holds_code(a, code)]
    given += [(k.arg, k.value) for k in call.keywords if _holds_code(k.value, code)]
    bodies: list[ast.AST] = []
    for _, value in given:
        if isinstance(value, ast.Name) and value.id in defs:
            bodies += defs[value.id]
        elif isinstance(value, ast.Lambda):
            bodies.append(value.body)
        else:
            return False
    return (
        bool(given)
        and all(only_called(fn, at) for fn in defs[callee] for at, _ in given)
        and all(_plain_function(body, code) for body in bodies)
        and callee not in _reached(graph, _calls_of(bodies, code))
    )


def _calls_of(nodes: Sequence[ast.AST], code: CodeValues) -> set[str]:
    """The names of code that ``nodes`` call."""
    return {
        n.func.id
        for node in nodes
        for n in ast.walk(node)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in code.names
    }


def _plain_function(body: ast.AST, code: CodeValues) -> bool:
    """Whether ``body`` makes no code (lambda, def, class) and uses code only by calling it."""
    funcs = {id(n.func) for n in ast.walk(body) if isinstance(n, ast.Call)}
    top = body.body if isinstance(body, ast.FunctionDef | ast.AsyncFunctionDef) else [body]
    return not any(
        isinstance(n, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        or (isinstance(n, ast.Name) and n.id in code.names and id(n) not in funcs)
        or (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in code.giving)
        for part in top
        for n in ast.walk(part)
    )


def _only_called(fn: ast.FunctionDef | ast.AsyncFunctionDef, at: int | str | None) -> bool:
    """Whether ``fn``'s parameter at ``at`` (a position or a keyword) is only called in it.

    Or tested: ``g is None``, ``callable(g)``.
    """
    named = [*fn.args.posonlyargs, *fn.args.args]
    if isinstance(at, int):
        param = named[at].arg if at < len(named) else None
    else:
        param = at if at in {a.arg for a in [*named, *fn.args.kwonlyargs]} else None
    if param is None:
        return False  # into *args or **kwargs
    funcs = {id(n.func) for n in ast.walk(fn) if isinstance(n, ast.Call)}
    # tested, not handed on: ``g is None``, ``callable(g)`` (red team, round 13, K)
    funcs |= {
        id(n.left)
        for n in ast.walk(fn)
        if isinstance(n, ast.Compare) and all(isinstance(o, ast.Is | ast.IsNot) for o in n.ops)
    }
    funcs |= {
        id(n.args[0])
        for n in ast.walk(fn)
        if isinstance(n, ast.Call) and called_name(n) == "callable" and len(n.args) == 1
    }
    return all(
        id(n) in funcs and isinstance(n.ctx, ast.Load)
        for n in ast.walk(fn)
        if isinstance(n, ast.Name) and n.id == param
    )


def _reached(edges: dict[str, set[str]], starts: Collection[str]) -> set[str]:
    """The names ``starts`` reach along ``edges``, ``starts`` with them."""
    todo, seen = list(starts), set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges.get(name, ()))
    return seen


def _recursion(read: Sequence[OwnCode]) -> tuple[str, ast.AST] | None:
    """A function of ``read`` that calls itself by name, directly or through others: a loop.

    A function given as a parameter's default counts as called (:func:`default_names`).

    By name only: an alias taken before a def of the same name (``_pv = propagate_vectorized``
    then a new ``def propagate_vectorized`` calling ``_pv``) is the earlier function.
    """
    functions = {code.name: code.code for code in read if not code.data}
    for code in (c for c in read if not c.data):  # and the defs inside them (red team 13)
        for node in ast.walk(code.code):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                functions.setdefault(node.name, node)
        functions = _lambdas_bound(code.code) | functions  # `_r = lambda i: ... _r(i + 1)`
    calls = {
        name: (called_names(tree) | default_names(tree)) & functions.keys()
        for name, tree in functions.items()
    }
    start = next((f for f in functions if f in _reached(calls, calls[f])), None)
    return None if start is None else (start, functions[start])


def _calls_itself(method: ast.AST) -> bool:
    """Whether a method calls its object: ``self(i + 1)`` runs ``__call__`` (red team 17 F2)."""
    args = method.args.posonlyargs + method.args.args if hasattr(method, "args") else []
    me = args[0].arg if args else None
    return me is not None and any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == me
        for n in ast.walk(method)
    )


def _lambdas_bound(tree: ast.AST) -> dict[str, ast.Lambda]:
    """The lambdas ``tree`` binds to a name (``_r = lambda i: ...``), by that name.

    A lambda calling the name it is bound to recurses as a def does (red team 17 F2: dw summed
    one example at a time by a local lambda calling itself).
    """
    out: dict[str, ast.Lambda] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.NamedExpr) and isinstance(
            node.value, ast.Lambda
        ):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for n in ast.walk(target):
                    if isinstance(n, ast.Name):
                        out.setdefault(n.id, node.value)
    return out


def _shifted(value: Any) -> Any:
    """``value`` with every float (and float array) in it moved by 1.37.

    More than 1: labels cast to ints (``.astype(int)``) change too (red team, round 12).
    """
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value + 1.37
    if isinstance(value, float):
        return value + 1.37
    if isinstance(value, dict):
        return {k: _shifted(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(_shifted(v) for v in value)
    return value


def shifted_block(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A stand-in for a block that returns ``fn``'s result with every float moved (by 1.37).

    A composite that uses what the block returns gives another result with it in place; one
    that calls the block and throws its result away (training inline) does not (red team 10).
    """

    def shifted(*args: Any, **kwargs: Any) -> Any:
        return _shifted(fn(*args, **kwargs))

    return shifted


def broken_block(function: str) -> Callable[..., Any]:
    """A stand-in for the block ``function`` that raises ``RuntimeError``, for a proxy.

    Bound through ``proxies={function: broken_block(function)}``, it shows that a composite
    (``nn_model``) really calls the block: the composite must then fail.
    """

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"{function} failed")

    return fail


#: Most items a loop may go through that walks only what the code writes out itself.
FEW_ITEMS = 8
#: Looping calls whose items are their arguments after the first (the function).
_ITEMS_AFTER_FUNCTION = frozenset({"map", "filter", "reduce", "starmap"})


def _fixed_names(tree: ast.AST) -> set[str]:
    """Names of dicts of few entries written out, only read: ``grads = {"dw": dw, "db": db}``.

    Bound only to such a display, and used only to be iterated, subscripted or read by
    ``.items()``/``.keys()``/``.values()``/``.get()``: no alias, no call given it, nothing
    added (red team, round 12: lists grown through another name or a helper).
    """
    parents = {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
    displays: dict[str, bool] = {}
    used_otherwise: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    ok = isinstance(node.value, ast.Dict) and _written_out(node.value, set())
                    displays[target.id] = displays.get(target.id, True) and ok
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            if not isinstance(parents.get(id(node)), ast.Assign):
                used_otherwise.add(node.id)  # a loop's or a with's target, del...
        elif isinstance(node, ast.Name):
            parent = parents.get(id(node))
            iterated = isinstance(parent, ast.For | ast.comprehension) and parent.iter is node
            read = isinstance(parent, ast.Subscript) and parent.value is node
            method = (
                isinstance(parent, ast.Attribute)
                and parent.attr in _READING_METHODS
                and isinstance(parents.get(id(parent)), ast.Call)
            )
            returned = isinstance(parent, ast.Return) or (
                isinstance(parent, ast.Tuple) and isinstance(parents.get(id(parent)), ast.Return)
            )
            if not (iterated or read or method or returned):
                used_otherwise.add(node.id)
        elif isinstance(node, ast.Subscript | ast.Attribute) and not isinstance(node.ctx, ast.Load):
            used_otherwise |= codeload.target_roots(node)  # grads["x"] = ...: added to
    return {name for name, ok in displays.items() if ok} - used_otherwise


#: Methods that read a dict without adding to it.
_READING_METHODS = frozenset({"items", "keys", "values", "get"})


def _written_out(node: ast.expr, fixed: set[str]) -> bool:
    """Whether ``node`` holds a few values the code writes out: a short display, a shape.

    Integer constants are not such values (``for i in (0, 1, 2, 3)`` walks examples).
    """
    if isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
        items = node.elts if not isinstance(node, ast.Dict) else node.keys
        return len(items) <= FEW_ITEMS and not any(
            e is None
            or isinstance(e, ast.Starred)
            or (isinstance(e, ast.Constant) and isinstance(e.value, int | float))
            for e in items
        )
    if isinstance(node, ast.Attribute) and node.attr == "shape":
        return isinstance(node.value, ast.Name)  # X.shape, not np.empty((1,) * m).shape
    if isinstance(node, ast.Name):
        return node.id in fixed
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in ("items", "keys", "values") and not node.args:
            return _written_out(node.func.value, fixed)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id in ("zip", "enumerate", "reversed") and node.args:
            return all(_written_out(a, fixed) for a in node.args)
    return False


def _over_written_items(node: ast.AST, fixed: set[str], nested: set[int], code: CodeValues) -> bool:
    """A loop, comprehension or looping call that goes only through values written out.

    ``for key in grads: print(key, grads[key].shape)``, ``{k: v / m for k, v in
    grads.items()}``, ``all(d > 0 for d in X.shape)``, ``map(lambda t: t / m, (dw, db))``
    walk a few values, never the examples or the features (sweep 13); not within or around
    another loop (``nested``: red team, round 12, four such loops walked 4,096 examples),
    nor around a call of the code read (red team, round 13: the inner loop in another
    function).
    """
    walks = isinstance(
        node, ast.For | ast.AsyncFor | ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp
    )
    walks = walks or (isinstance(node, ast.Call) and called_name(node) in _ITEMS_AFTER_FUNCTION)
    # only a loop's subtree is walked (the loops left are disjoint): walking every node's made
    # the grader's time grow with the square of an expression's depth (red team 17 F1)
    if (
        not walks
        or id(node) in nested
        or any(
            isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in code.names
            for n in ast.walk(node)
        )
    ):
        return False
    if isinstance(node, ast.For | ast.AsyncFor):
        return _written_out(node.iter, fixed)
    if isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
        return len(node.generators) == 1 and _written_out(node.generators[0].iter, fixed)
    if isinstance(node, ast.Call) and called_name(node) in _ITEMS_AFTER_FUNCTION:
        return len(node.args) > 1 and all(_written_out(a, fixed) for a in node.args[1:])
    return False


def _written_loops(tree: ast.AST, code: CodeValues) -> set[int]:
    """The ids of the loops of ``tree`` through values written out (:func:`_over_written_items`)."""
    fixed, nested = _fixed_names(tree), _nested_loops(tree, code)
    return {id(n) for n in ast.walk(tree) if _over_written_items(n, fixed, nested, code)}


def _nested_loops(tree: ast.AST, code: CodeValues) -> set[int]:
    """The ids of the loops within another loop or with another loop within them."""
    loops = [n for n in ast.walk(tree) if isinstance(n, LOOP_NODES) or _loops_by_call(n, code)]
    ids, nested = {id(n) for n in loops}, set()
    for outer in loops:
        inner = [n for n in ast.walk(outer) if n is not outer and id(n) in ids]
        if inner:
            nested.add(id(outer))
            nested |= {id(n) for n in inner}
    return nested


#: Methods that make a class's objects walk items: iterating one is a loop.
ITERATING_METHODS = frozenset({"__iter__", "__next__", "__getitem__", "__aiter__"})
#: Special methods that run once, when an object is made (not ``__repr__``/``__str__``:
#: ``str([obj] * m)`` calls them once per item, red team 15 H).
_ONCE_METHODS = frozenset({"__init__", "__post_init__", "__new__"})
_ONCE_METHODS |= {"__call__"}  # as a function's body, read; ``iter(obj, end)`` is refused


def _class_body(cls: ast.ClassDef) -> list[ast.stmt]:
    """The statements of a class body, those inside its blocks included (not methods')."""
    out: list[ast.stmt] = []
    todo = list(cls.body)
    while todo:
        stmt = todo.pop(0)
        out.append(stmt)
        if not isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            todo += [c for c in ast.iter_child_nodes(stmt) if isinstance(c, ast.stmt)]
            todo += [s for h in getattr(stmt, "handlers", []) for s in h.body]
    return out


#: Methods numpy's ufuncs call once per item of an array of Python objects: ``np.exp(a)``
#: calls each item's ``exp()`` (red team, round 15: the array made without ``dtype=object``,
#: from a list of objects or by ``np.full``).
UFUNC_METHODS = frozenset(
    alias for name, u in vars(np).items() if isinstance(u, np.ufunc) for alias in (name, u.__name__)
)


def _special(name: str) -> bool:
    """A method Python or numpy may call once per item (``__call__``, ``__eq__``, ``exp``...)."""
    dunder = name.startswith("__") and name.endswith("__")
    return (dunder and name not in _ONCE_METHODS) or name in UFUNC_METHODS


def _class_loop(tree: ast.AST) -> str | None:
    """A loop a class of the code read hides: iteration methods, methods calling themselves.

    Red team, round 12: a class whose ``__next__`` gives one example at a time, summed by
    ``sum()``; a method recursing through ``self.step(...)``.
    """
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        inside = _class_body(cls)  # in if/try blocks too (red team, round 14)
        methods = {
            m.name: m for m in inside if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        methods = {  # a lambda bound in the class body is a method too (red team 17 F2)
            name: fn
            for a in inside
            if isinstance(a, ast.Assign | ast.AnnAssign)
            for name, fn in _lambdas_bound(a).items()
        } | methods
        iterating = sorted(ITERATING_METHODS & methods.keys())
        if iterating:
            return f"the class {cls.name} defines {iterating[0]}(): iterating it is a loop"
        bound = {
            n.id
            for a in inside
            if isinstance(a, ast.Assign | ast.AnnAssign | ast.AugAssign)
            for t in (a.targets if isinstance(a, ast.Assign) else [a.target])
            for n in ast.walk(t)
            if isinstance(n, ast.Name)
        }
        special = sorted(n for n in methods.keys() | bound if _special(n))
        if special:  # called by Python once per item: list.count, iter(obj, end), sorted...
            by = "numpy" if special[0] in UFUNC_METHODS else "Python"
            return (
                f"the class {cls.name} defines {special[0]}, which {by} may call once per "
                "item: a loop"
            )
        calls = {  # methods and properties, by the attribute they are reached through
            name: {
                c.attr for c in ast.walk(body) if isinstance(c, ast.Attribute) and c.attr in methods
            }
            | ({"__call__"} if "__call__" in methods and _calls_itself(body) else set())
            for name, body in methods.items()
        }
        start = next((m for m in calls if m in _reached(calls, calls[m])), None)
        if start is not None:
            return f"the method {cls.name}.{start}() calls itself: a loop by recursion"
    return None


def _expect_no_loop(function: str, code: OwnCode, values: CodeValues) -> None:
    """Fail if ``code`` (read for ``function``) loops: a loop, a comprehension, a looping call.

    A loop through a few items the code writes out itself is not one
    (:func:`_over_written_items`), nor code handed to a function that only calls it
    (:func:`_plain_handing`).
    """
    written = _written_loops(code.code, values)
    loops = [
        n
        for n in ast.walk(code.code)
        if (isinstance(n, LOOP_NODES) or _loops_by_call(n, values)) and id(n) not in written
    ]
    if not loops:
        return
    first = loops[0]
    kind = type(first).__name__.replace("Comp", " comprehension").lower()
    if isinstance(first, ast.Call):
        kind = f"{called_name(first)}(), a loop by a call"
    raise CheckFailure(
        f"{function}(){code.reached(function)} contains a Python loop ({kind} on "
        f"{code.line(first.lineno)}); the vectorized version must not loop over "
        "examples or features.",
        hint="replace the loop with matrix operations: np.dot, X @ dZ.T, np.sum.",
        kind="vectorization",
    )


def expect_followed_calls(
    ctx: Context,
    function: str,
    read: Sequence[OwnCode],
    values: CodeValues,
    kind: str,
    refused: Collection[str] = (),
    *,
    loops: bool = False,
    own_methods: Collection[str] = (),
) -> None:
    """Fail if the code read for ``function`` makes a call the check cannot follow.

    See :mod:`autograder.readable_calls`: only numpy, ``math``, the course helpers, a few
    builtins, methods of values and the submission's own functions by name (red team,
    round 13: loops and np.tanh behind ``_M = map``, ``cProfile``, a dict of functions, a
    default argument, ``string.Formatter().get_field``).
    """
    cells = ctx.submission.source_cells()
    nodes = [n for c in read for n in ast.walk(c.code)]
    attributes = {n.attr for n in nodes if isinstance(n, ast.Attribute)}
    origins, aliases = readable_calls.import_origins(cells), module_aliases(ctx)
    names = {n.id for n in nodes if isinstance(n, ast.Name)}
    patch = module_patch(cells, origins, attributes, names)
    if patch is not None:
        raise CheckFailure(
            f"the submission changes a module the grader reads as it is: {patch[0]} "
            f"({patch[1]}). {function}() calls what that module runs, and this check credits "
            "only code it can read whole.",
            hint="leave numpy and math as they are: write your own functions under your own names.",
            kind=kind,
        )
    own = {name for name, source in codeload.function_sources(cells).items() if source}
    own |= {  # the submission's defs as it reports them too (a notebook's kernel: no cells)
        n.func.id
        for c in read
        for n in ast.walk(c.code)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Name)
        and n.func.id not in own
        and ctx.submission.source(n.func.id) is not None
    }
    trees = [tree for _, _, tree in codeload.trees(cells)]
    classes = {n.name for tree in trees for n in tree.body if isinstance(n, ast.ClassDef)}
    defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    for node in (n for c in read for n in ast.walk(c.code)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            defs.setdefault(node.name, []).append(node)
    for code in read:
        written = _written_loops(code.code, values)  # ``map`` over (dw, db) is followed
        found = readable_calls.unfollowed_call(
            [code.code],
            values.names | own,
            origins,
            refused,
            aliases=aliases,
            accepted=written,
            loops=loops,
            classes=classes,
            defs=defs,
            own_methods=own_methods,
        )
        if found is not None:
            node, what = found
            raise CheckFailure(
                f"{function}(){code.reached(function)} {what} ({code.line(node.lineno)}): "
                "the grader cannot read what that runs, and this check credits only code it "
                "can read whole.",
                hint="call numpy, math and your own functions by name.",
                kind=kind,
            )


#: Modules whose functions a source check reads as theirs: what they run must stay theirs.
#: (The worker gives the student's code builtins of its own: a patch of ``builtins`` never
#: reaches it, fault corpus B8.)
GUARDED_MODULES = ("numpy", "math", "scipy", "sys", *codeload.HELPER_MODULES)
#: Methods that change a module's namespace when called on ``vars(module)``.
_NAMESPACE_WRITES = frozenset({"update", "setdefault", "__setitem__", "pop", "popitem", "clear"})


def module_patch(
    cells: Sequence[str],
    origins: dict[str, set[str]],
    attributes: Collection[str],
    names: Collection[str],
) -> tuple[str, str] | None:
    """A statement of the submission that changes what the code read runs: ``np.dot = f``.

    A source check follows ``np.dot`` as numpy's; a top-level ``np.dot = _loop_dot`` makes
    every call of it run the student's loops, and the code read, run alone with numpy's own,
    computes the same numbers (red team 17 F8). Stores into an attribute or an item of a
    module of :data:`GUARDED_MODULES` (through its ``vars()``, ``__dict__``, or
    ``sys.modules``; of ``sys`` itself only ``sys.modules``: ``sys.argv = [""]`` is a
    notebook's), ``setattr``/``delattr`` on one, and the writing methods of its namespace,
    anywhere in the submission, where what is changed is a name the code read uses (an
    attribute or a name it reads: ``attributes``, ``names``), a module, or a name computed at
    run time. Reading them (``vars(np)``) changes nothing, and a
    patch of what the code read never names (``np.allclose``, against the grader) is not one.

    Args:
        cells: the submission's source cells.
        origins: what their imports bind each name to (:func:`readable_calls.import_origins`).
        attributes: the attributes the code read uses.
        names: the names it reads.

    Returns:
        ``(the statement's text, where it is)``, or None.
    """

    def guarded(node: ast.AST) -> bool:
        """Whether a store into ``node`` changes a guarded module."""
        chain = []
        while True:  # to the root: np.linalg.x, vars(np)['x'], sys.modules['numpy'].x
            if isinstance(node, ast.Attribute):
                chain.append(node.attr)
                node = node.value
            elif isinstance(node, ast.Subscript):
                node = node.value
            elif isinstance(node, ast.Call) and called_name(node) in ("vars", "getattr"):
                node = node.args[0] if node.args else node.func
            else:
                break
        modules = origins.get(node.id, ()) if isinstance(node, ast.Name) else ()
        return any(
            (o == m or o.startswith(m + ".")) and (m != "sys" or "modules" in chain)
            for o in modules
            for m in GUARDED_MODULES
        )

    used = {*attributes, *names}

    def reaches(changed: Collection[str | None]) -> bool:
        """Whether changing these names (None: one computed at run time) reaches the code."""
        return any(
            n is None or n in used or any(n == m or n.startswith(m + ".") for m in GUARDED_MODULES)
            for n in changed
        )

    def stores(target: ast.expr) -> Iterator[ast.expr]:
        if isinstance(target, ast.Tuple | ast.List):
            for item in target.elts:
                yield from stores(item)
        elif isinstance(target, ast.Starred):
            yield from stores(target.value)
        elif isinstance(target, ast.Attribute | ast.Subscript):
            yield target

    for index, _, tree in codeload.trees(list(cells)):
        for node in ast.walk(tree):
            changed: list[tuple[ast.expr, list[str | None]]] = []
            if isinstance(node, ast.Assign | ast.Delete | ast.AugAssign | ast.AnnAssign):
                targets = (
                    node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
                )
                changed = [(t, [_changed_name(t)]) for target in targets for t in stores(target)]
            elif isinstance(node, ast.Call) and called_name(node) in ("setattr", "delattr"):
                name = node.args[1] if len(node.args) > 1 else None
                constant = isinstance(name, ast.Constant) and isinstance(name.value, str)
                changed = [(node.args[0], [name.value if constant else None])] if node.args else []
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in _NAMESPACE_WRITES:
                    keys = [k.arg for k in node.keywords] if node.keywords else [None]
                    changed = [(node.func.value, keys if not node.args else [None])]
            for target, which in changed:
                if guarded(target) and reaches(which):
                    shown = node if isinstance(node, ast.Call) else target
                    cell = f" of cell {index + 1}" if len(cells) > 1 else ""
                    return ast.unparse(shown), f"line {node.lineno}{cell}"
    return None


def _changed_name(target: ast.expr) -> str | None:
    """The name a store into ``target`` changes: ``np.dot`` 'dot', ``vars(np)['exp']`` 'exp'."""
    if isinstance(target, ast.Attribute):
        return target.attr
    key = target.slice if isinstance(target, ast.Subscript) else None
    return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None


def no_python_loops(
    function: str | None = None, *, probe: Callable[[np.random.Generator], Sequence[Args]]
) -> CheckFn:
    """Check that a function has no ``for``/``while`` loop, comprehension or looping call.

    Functions of the submission that it calls are inspected too, so calling the loop
    version from the vectorized one does not pass; and the code read must be the code that
    runs (:func:`expect_runs_as_read`, on the arguments ``probe`` draws), computing its
    result from each array it is given.
    """

    def run(ctx: Context) -> str | None:
        fn = function or ctx.task.function
        read = []
        for code in own_code(ctx, fn, "vectorization"):
            read.append(code)
            name, tree = code.name, code.code
            if name == fn and _raises_not_implemented(tree):
                raise StudentRaised(fn, StudentError("NotImplementedError", "stub"), f"{fn}(...)")
            if name == fn and not _returns_a_value(tree):
                expect_a_result(None, f"{fn}(...), which has no return statement,")
            _expect_no_loop(fn, code, UNREAD)  # a loop found before what is read next
        values = code_values(read)  # code handed to a call is looped over: all of it read
        for code in read:
            _expect_no_loop(fn, code, values)
            hidden_loop = _class_loop(code.code)
            if hidden_loop is not None:
                raise CheckFailure(
                    f"{fn}(){code.reached(fn)} holds a loop ({hidden_loop}); the vectorized "
                    "version must not loop over examples or features.",
                    hint="replace the loop with matrix operations: np.dot, X @ dZ.T, np.sum.",
                    kind="vectorization",
                )
        recursion = _recursion(read)
        if recursion is not None:
            name = recursion[0]
            raise CheckFailure(
                f"{fn}() loops by recursion: {name}() calls itself"
                f"{'' if name == fn else f' (and {fn}() calls {name}())'}; the vectorized "
                "version must not loop over examples or features.",
                hint="replace the recursion with matrix operations: np.dot, X @ dZ.T, np.sum.",
                kind="vectorization",
            )
        expect_followed_calls(ctx, fn, read, values, "vectorization")
        calls = [(args, {}) for args in probe(ctx.rng)]
        # a vectorized computation uses each array it is given (red team 16 F)
        expect_runs_as_read(ctx, fn, read, calls, "vectorization", every_input=True)
        return None

    return runs_last(run)


def rekeyed(value: Any, keys: Sequence[str]) -> Any:
    """``value`` with each of ``keys`` it lacks read from the one key it spells alike.

    For the checks after a structure check: a dict whose keys are spelled otherwise (``'cost'``
    for ``'costs'``, ``'Y_test_prediction'``) loses that check, and its values are graded as
    they are (one bug, once). Anything else is returned as it is.
    """
    if not isinstance(value, dict) or all(k in value for k in keys):
        return value
    out = dict(value)
    extra = [k for k in value if isinstance(k, str) and k not in keys]
    for want in [k for k in keys if k not in value]:
        spelled = [k for k in extra if alike(k, want)]
        if len(spelled) == 1:
            out[want] = out.pop(spelled[0])
            extra.remove(spelled[0])
    return out


def unwrapped(value: Any, keys: Sequence[str]) -> Any:
    """``value``, or the one dict with ``keys`` it holds one level down.

    ``{"parameters": parameters, "costs": costs}`` or ``(parameters, costs)`` returned where
    ``parameters`` belongs loses the structure check only (one bug, once).
    """
    if not isinstance(value, dict | tuple | list):
        return value
    if isinstance(value, dict) and all(k in value for k in keys):
        return value
    inner = value.values() if isinstance(value, dict) else value
    found = [v for v in inner if isinstance(v, dict) and all(k in v for k in keys)]
    return found[0] if len(found) == 1 else value


class OwnCode(NamedTuple):
    """A piece of the code a function runs (see :func:`own_code`).

    Attributes:
        name: the function's name, or the global's it reads.
        code: its parsed code (for a global: the values it is given, anywhere).
        data: True for a global the code reads (a table of functions, say), not a function.
    """

    name: str
    code: ast.AST
    data: bool = False

    def line(self, number: int) -> str:
        """Where line ``number`` of this code is, for a message (numbered as the file is)."""
        return f"line {number}" + (f", which sets {self.name}" if self.data else "")

    def reached(self, function: str) -> str:
        """How ``function`` reaches this code, for a message: "" when it is its own."""
        if self.name == function:
            return ""
        return f" reads {self.name}, which" if self.data else f" calls {self.name}(), which"


def own_code(ctx: Context, function: str, kind: str) -> Iterator[OwnCode]:
    """``function``'s code, then that of each function and global of the submission it reads.

    Followed transitively, each once: the submission's functions it refers to (see
    :func:`referenced_functions`), and the globals it reads without binding them, as every
    value the submission gives them (:func:`global_values`: ``_L = {"impl": loop_version}``,
    ``_T.append(np.tanh)``), so that a table of functions hides none. A library's function
    (bound by an import) is not followed; a top-level alias without a source of its own is
    read as its expression (``LOG = np.log``, ``_t = lambda z: np.tanh(z)``).

    Args:
        ctx: the check's context.
        function: the function to start from.
        kind: the failure kind when a source cannot be read.

    Yields:
        :class:`OwnCode` items, ``function`` first.

    Raises:
        CheckFailure: a function's source could not be read or parsed.
    """
    aliases, values = module_aliases(ctx), global_values(ctx)
    todo, seen = [(function, False)], {function}
    while todo:
        name, data = todo.pop()
        if data:  # every value given to it, and the statements run to set it (read whole)
            setting = codeload.statements_setting(ctx.submission.source_cells(), name)
            tree: ast.AST = ast.Module([*setting, *(ast.Expr(v) for v in values[name])], [])
        elif (
            name != function
            and ctx.submission.source(name) is None
            and name in aliases
            and ctx.submission.rebound(name) is None
        ):
            tree = aliases[name]
        else:
            tree = parse_function(ctx, name, kind)
            if any(isinstance(node, ast.ClassDef) for node in tree.body):
                # what is set on a class outside its body runs with it (Act.tanh = np.tanh):
                # read too, as the code run alone has it (codeload.program_as_read)
                setting = codeload.statements_setting(ctx.submission.source_cells(), name)
                setting = [node for node in setting if _writes_to(node, name)]
                tree = ast.Module([*tree.body, *setting], [])
        construct = codeload.dynamic_construct(tree)
        if construct is not None:
            reached = OwnCode(name, tree, data).reached(function)
            raise CheckFailure(
                f"{function}(){reached} uses {construct}, which can change at run time which "
                "code runs: the grader cannot tell what it computes with, so this check cannot "
                "pass.",
                hint="call functions by their names (np.exp, your own helpers), not through "
                "code looked up or run at run time.",
                kind=kind,
            )
        yield OwnCode(name, tree, data)
        for helper in sorted(referenced_functions(ctx, tree) - seen, reverse=True):
            seen.add(helper)
            if not ctx.submission.imported(helper):  # a library's: not the student's own
                todo.append((helper, False))
        for read in sorted(free_globals(tree) - seen, reverse=True):
            if ctx.submission.has(read) or ctx.submission.imported(read):
                continue  # a function (followed above) or a library's
            seen.add(read)
            if values.get(read):
                todo.append((read, True))


#: Arguments and keyword arguments of one call.
Call = tuple[Args, dict[str, Any]]


def runs_last(check: CheckFn) -> CheckFn:
    """Mark a check to run after its task's other checks (:attr:`spec.Check.runs_last`).

    For the source checks: :func:`expect_runs_as_read` compares the code they read with the
    calls the other checks made, so those must have been made.
    """
    check.runs_last = True  # type: ignore[attr-defined]
    return check


#: Errors of a call that ran out of time or ended its process: no result to compare.
UNFINISHED = frozenset({BUDGET, CRASH, "TimeoutError"})


def _loaded_alone(ctx: Context, names: Collection[str]) -> Submission | None:
    """The code of ``names`` (with what it reads) loaded alone, afresh; None: a live module."""
    program = codeload.program_as_read(ctx.submission.source_cells(), names)
    return ctx.submission.as_read(program)


def blocks_alone(ctx: Context, blocks: Sequence[str]) -> Submission | None:
    """The submission's ``blocks`` (and what they read) loaded afresh, for a replay of them.

    A replay made there (``with ctx.calls_on(...)``) sees no state that the grader's earlier
    calls left in the student's process (red team, round 16). Blocks the submission does not
    define, or that the grader serves, are left out. None where there is no text to load
    (a live module: the student's own kernel).

    Raises:
        CheckFailure: a block's code cannot be read (then it cannot be loaded alone).
    """
    names: set[str] = set()
    for block in blocks:
        if ctx.submission.has(block) and block not in ctx.substitutes:
            names |= {code.name for code in own_code(ctx, block, "behaviour")}
    return _loaded_alone(ctx, names)


def _writes_to(node: ast.stmt, name: str) -> bool:
    """Whether ``node`` assigns or deletes an attribute or item of ``name``, or setattr()s it."""
    for n in ast.walk(node):
        if isinstance(n, ast.Assign | ast.Delete):
            targets = n.targets
        elif isinstance(n, ast.AugAssign | ast.AnnAssign):
            targets = [n.target]
        elif isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("setattr", "delattr"):
            targets = n.args[:1]
        else:
            continue
        if any(name in codeload.target_roots(t) for t in targets):
            return True
    return False


def expect_runs_as_read(
    ctx: Context,
    function: str,
    read: Sequence[OwnCode],
    calls: Sequence[Call],
    kind: str,
    *,
    every_input: bool = False,
    computed: bool = True,
) -> None:
    """Fail unless the code the grader read, run alone, computes what ``function`` computes.

    The code read (``read``, from :func:`own_code`: the function and what it follows, with
    the submission's imports) is loaded alone, in a fresh worker
    (:meth:`Submission.as_read`), and called as the task's other checks called the
    submission's ``function``: on the very calls they graded, compared with what those calls
    returned (:class:`autograder.submission.CallLog`; red team, round 10: the check's own
    probes were told apart by their seed), then both on ``calls``, inputs drawn from the
    course's secret. A source check credits code that computes the result: it fails where
    no call returned one, and where the function is right on every visible call but wrong on
    secret inputs (answers fitted to the visible cases; red team, round 11). Code elsewhere
    can make a name run other code than its def, or patch what the def calls; whatever the
    student's process reports about it (red team, rounds 8 and 9), two different results show
    it.

    Each call of the code read alone may take twice its graded call's time and a second
    (honest slow code is not failed for the grader's second run of it). With ``computed``
    False, a result that does not move with the input is not failed here (the caller checks
    what the result takes from elsewhere); ``every_input``: see :func:`_expect_computed`.

    Raises:
        CheckFailure: of ``kind``, where the results differ (an error on one side only, or
            other values), where no call returned a result, or (with the reference) where
            the result is right on every visible call but not on secret inputs.
    """
    names = {code.name for code in read}
    twin = _loaded_alone(ctx, names)
    if twin is None:  # a live module: no text to run alone
        return
    graded = [
        (c.args, c.kwargs, c.seed, c.proxies, c.outcome, c.secret)
        for c in ctx.submission.graded_calls.of(function)
    ]
    for args, kwargs in calls:
        seed = int(ctx.rng.integers(2**31))  # the same draws on both sides (a random start)
        mine = ctx.outcome(function, args, kwargs, seed=seed)
        graded.append((args, kwargs, seed, None, mine, True))
    for args, kwargs, seed, proxies, mine, secret in graded:
        limit = 2 * (mine.seconds or 0.0) + 1.0
        alone = ctx.outcome(
            function, args, kwargs, seed=seed, proxies=proxies, timeout=limit, on=twin
        )
        if mine.error is not None and alone.error is not None:
            if (mine.error.type, mine.error.message) == (alone.error.type, alone.error.message):
                continue  # the same failure: the values checks charge it
        elif mine.error is None and alone.error is None:
            if same_plain(mine.value, alone.value, rtol=1e-12, atol=1e-15):
                continue
        if not secret and alone.error is not None and alone.error.type in UNFINISHED:
            continue  # the second run of a slow call: nothing to compare
        _differs(ctx, function, names, mine, alone, kind)
    if all(g[4].error is not None for g in graded):
        error = graded[-1][4].error if graded else None
        raised = f" (it raised {error.type})" if error is not None else ""
        raise CheckFailure(
            f"{function}() returned no result on any call{raised}: this check credits code "
            "that computes the result, and there is none to credit yet.",
            hint=f"make {function}() return its result (its other checks say what goes wrong).",
            kind=WAITING_KIND,  # not "not vectorized": nothing says how it computes
        )
    if computed and not any(code.data for code in read):  # global data: the values' finding
        drawn = graded[len(graded) - len(calls) :]
        _expect_computed(ctx, function, calls, drawn, every_input=every_input)
    if ctx.reference is not None:
        _expect_not_fitted(ctx, function, graded, kind)


def _expect_computed(
    ctx: Context, function: str, calls: Sequence[Call], drawn: list, *, every_input: bool = False
) -> None:
    """Fail where the result does not depend on the values of the function's input.

    The first drawn call is made again with its first float array moved (``1.5 a + 0.25``):
    an unchanged result computes nothing to credit (red team 15 F: ``return zeros`` earned
    no_loops and own_implementation). With ``every_input``, each float array is moved in
    turn, and each must change the result (red team 16 F: ``{"dw": w * 1.0, ...}`` moved
    with w and computed nothing from X and Y). Not asked of code that reads global data: a
    function computing from the notebook's variables instead of its arguments is the values
    checks' finding (one bug, one charge).
    """
    if not calls or drawn[0][4].error is not None:
        return
    args, kwargs = calls[0]
    moved_at = [i for i, a in enumerate(args) if _float_array(a)]
    names = ctx.submission.params(function) or []
    for at in moved_at if every_input else moved_at[:1]:
        moved = (*args[:at], 1.5 * args[at] + 0.25, *args[at + 1 :])
        again = ctx.outcome(function, moved, kwargs, seed=drawn[0][2])
        if again.error is None and same_plain(again.value, drawn[0][4].value, rtol=0, atol=0):
            name = names[at] if at < len(names) else f"argument {at + 1}"
            which = f"its input {name}" if every_input else "its input"
            raise CheckFailure(
                f"{function}() gives {describe_outcome(again)} whatever the values of "
                f"{which}: this check credits code that computes the result from them, and "
                "there is none yet.",
                hint=f"compute the result from {function}()'s arguments (its other checks say "
                "what goes wrong).",
                kind=WAITING_KIND,
            )


def _float_array(value: Any) -> bool:
    return isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.size > 0


def _differs(
    ctx: Context, function: str, names: set[str], mine: Any, alone: Any, kind: str
) -> NoReturn:
    shown = sorted(names - {function})
    what = (
        f"{function}() and the code it reads ({', '.join(shown)})"
        if shown
        else (f"{function}()'s def")
    )
    raise CheckFailure(
        f"the code that runs as {function}() is not the code the grader read: run alone, "
        f"{what} gives {describe_outcome(alone)}, but the submission's {function}() gives "
        f"{describe_outcome(mine)} on the same inputs. Code elsewhere in the submission "
        "changes what it runs (it rebinds a name, patches a module or sets a global the code "
        "reads in a way the grader does not run alone), so this check cannot pass.",
        hint=f"let {function} be its def, and give the globals it reads plain top-level "
        "assignments: no rebinding or patching at run time.",
        kind=kind,
        specific=True,
    )


#: Kinds of the checks of a result's form: failing one says nothing of how it computes.
FORM_KINDS = frozenset({"type", "shape", "structure"})


def _expect_not_fitted(ctx: Context, function: str, graded: list, kind: str) -> None:
    """Fail where the values are right on every visible call but wrong on secret inputs.

    Answers fitted to the inputs the student can know (a table of the visible cases'
    results, red team, round 11; a size written as the visible example's) give that; code
    with a bug in its values shows it on a visible call too, and keeps the credit for how it
    computes (its values checks charge the bug). A check of the result's form
    (:data:`FORM_KINDS`) failed says nothing of that, and the visible calls are judged by
    their values alone: a (1, 1) db fails its structure check, which buys nothing here (red
    team, round 16: a table of the visible answers with a wrong form kept no_loops). Only
    once every visible check has run: before them, no call is logged.
    """
    visible = {c.name: c.kind for c in ctx.task.checks if not c.hidden and not c.runs_last}
    verdicts = ctx.submission.verdicts.get(ctx.task.id, {})
    if not visible.keys() <= verdicts.keys():  # run before them (a self-check's order, or -k)
        return
    if any(not verdicts[name] and kind not in FORM_KINDS for name, kind in visible.items()):
        return  # a visible check found a bug of its values or behaviour (a spy's, too)
    shown = [g for g in graded if not g[-1]]
    if not shown or not all(_right(ctx, function, *g[:2], g[4], form=False) for g in shown):
        return
    wrong = next((g for g in graded if g[-1] and not _right(ctx, function, *g[:2], g[4])), None)
    if wrong is None:
        return
    raise CheckFailure(
        f"{function}() gives the right result on the checks' inputs, but on inputs drawn at "
        f"grading it gives {describe_outcome(wrong[4])}, not the right result: it holds "
        "answers for the inputs it was shown, and this check credits code that computes them.",
        hint=f"compute the result from {function}()'s arguments, whatever they are.",
        kind=kind,
    )


def _right(
    ctx: Context, function: str, args: Args, kwargs: dict, mine: Any, *, form: bool = True
) -> bool:
    """Whether a call's outcome is the reference's result on its arguments.

    With ``form`` False, its numbers only: each part the reference returns, flattened (a
    (1, 1) array for a float is right).
    """
    if mine.error is not None:
        return False
    with contextlib.redirect_stdout(io.StringIO()):  # the reference's printing is not shown
        right = ctx.ref(function)(*args, **kwargs)  # the checked functions draw nothing
    got = mine.value
    if isinstance(got, dict) and isinstance(right, dict) and right.keys() <= got.keys():
        got = {k: got[k] for k in right}  # extra keys are the structure check's (advice)
    try:
        if not form:
            got, right = _flat_numbers(got, right), _flat_numbers(right, right)
        compare(got, right, f"{function}()", rtol=1e-6, atol=1e-9)
    except (CheckFailure, KeyError, IndexError, TypeError, ValueError):
        return False
    return True


def _flat_numbers(value: Any, like: Any) -> np.ndarray:
    """The numbers of ``value``, walked as ``like`` is (its keys, its items), in one array.

    Raises:
        KeyError, IndexError, TypeError, ValueError: ``value`` is not shaped like ``like``.
    """
    if isinstance(like, dict):
        parts = [_flat_numbers(value[k], like[k]) for k in like]
    elif isinstance(like, list | tuple):
        if len(value) != len(like):
            raise ValueError("another number of items")
        parts = [_flat_numbers(v, item) for v, item in zip(value, like, strict=True)]
    else:
        return numbers(value, "value").ravel()
    return np.concatenate(parts) if parts else np.zeros(0)


def describe_outcome(out: Any) -> str:
    """A call's outcome in a few words: its value, or the error it raised."""
    if out.error is not None:
        return f"an error ({out.error.type})"
    return describe(out.value)


def free_globals(tree: ast.AST) -> set[str]:
    """Names ``tree`` reads without binding them itself (parameters, assignments, imports).

    And the names it declares ``global`` or ``nonlocal``.
    """
    bound: set[str] = set()
    declared: set[str] = set()
    loaded: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.Global | ast.Nonlocal):
            declared |= set(node.names)
    # a global declared is read even where it is only set (``global N; N += 1``, sweep 15)
    return {n for n in (loaded - (bound - declared)) | declared if not hasattr(builtins, n)}


def global_values(ctx: Context) -> dict[str, list[ast.expr]]:
    """``{name: every value the submitted code gives the global name, or puts into it}``.

    Assignments to it or into it (``_L = {...}``, ``_L["impl"] = f``, ``+=``), a loop or
    ``with`` binding it, and method calls on it (``_L.append(f)``, ``_L.update(...)``),
    anywhere in the submission (a function's own local of that name too: the reading errs
    toward more code).
    """
    out: dict[str, list[ast.expr]] = {}
    for _, _, tree in codeload.trees(ctx.submission.source_cells()):
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                given = node.value, set().union(*(codeload.target_roots(t) for t in node.targets))
            elif isinstance(node, ast.AugAssign | ast.AnnAssign | ast.NamedExpr):
                given = node.value, codeload.target_roots(node.target)
            elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
                given = node.iter, codeload.target_roots(node.target)
            elif isinstance(node, ast.withitem):
                given = node.context_expr, codeload.target_roots(node.optional_vars)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                given = node, codeload.target_roots(node.func.value)
            else:
                continue
            value, names = given
            for name in names if value is not None else ():
                out.setdefault(name, []).append(value)
    return out


def module_aliases(ctx: Context) -> dict[str, ast.expr]:
    """``{name: value}`` of the submission's top-level ``name = value`` statements.

    A top-level ``from module import name as other`` counts as ``other = module.name``, and
    after ``from module import *`` (a module the grader has loaded: numpy) a name of that module
    not bound again since is the module's (``_t = tanh``).
    """
    out: dict[str, ast.expr] = {}
    bound, star = set(), None
    for _, _, tree in codeload.trees(ctx.submission.source_cells()):
        for node in _with_block_imports(tree.body):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                for name, value in readable_calls.pairs(node.targets[0], node.value):
                    if isinstance(value, ast.Name) and value.id not in bound and star:
                        if hasattr(sys.modules.get(star), value.id):
                            value = ast.parse(f"{star}.{value.id}", mode="eval").body
                    out[name] = value  # dot, log = np.dot, np.log: each its own (sweep 15)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    if a.name == "*":
                        star, bound = node.module, set()
                    else:
                        out[a.asname or a.name] = ast.parse(
                            f"{node.module}.{a.name}", mode="eval"
                        ).body
            bound |= {
                n.id
                for n in ast.walk(node)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
            }
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                bound.add(node.name)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return out


def _with_block_imports(body: Sequence[ast.stmt]) -> Iterator[ast.stmt]:
    """``body``'s statements, each ``try``/``if``/``with`` followed by the imports inside it.

    ``try: from numpy import tanh as _t`` binds ``_t`` as a top-level import does (red team,
    round 13: the alias was not resolved, and tanh through it passed).
    """
    for node in body:
        yield node
        if isinstance(node, ast.Try | ast.If | ast.With):
            yield from (n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom))


def resolve_alias(name: str, aliases: dict[str, ast.expr]) -> ast.expr | None:
    """What a top-level alias finally stands for (``_T = np.tanh`` → ``np.tanh``), or None."""
    value, seen = aliases.get(name), {name}
    while isinstance(value, ast.Name) and value.id in aliases and value.id not in seen:
        seen.add(value.id)
        value = aliases[value.id]
    return value


def referenced_functions(ctx: Context, tree: ast.AST) -> set[str]:
    """The submission's functions a function's code refers to, called or not.

    A call (``propagate_loops(...)``), a default argument (``_impl=propagate_loops``), a
    local or top-level alias (``f = propagate_loops``): any name that is, or stands for, one
    of the submission's own functions.
    """
    aliases = module_aliases(ctx)
    bound = codeload.function_sources(ctx.submission.source_cells())
    out: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)):
            continue
        if node.id not in bound:  # no statement binds it: a star import's (numpy's zeros,
            continue  # sweep 12); bound any other way, the code run alone lacks it
        value = resolve_alias(node.id, aliases)
        name = value.id if isinstance(value, ast.Name) else node.id
        if ctx.submission.has(node.id) and ctx.submission.source(node.id) is not None:
            name = node.id  # an alias read as the def it was taken from (``_pv = f``, then
            # a new ``def f`` calling ``_pv``: the earlier def, not the new one)
        if ctx.submission.has(name):
            out.add(name)
    return out


def parse_function(ctx: Context, name: str, kind: str = "vectorization") -> ast.AST:
    """The parsed source of the submission's function ``name``.

    Raises:
        CheckFailure: of ``kind``, when the source cannot be read or parsed.
    """
    src = ctx.submission.placed_source(name)  # its nodes numbered as the file's lines
    if src is None:
        unread = ctx.submission.unreadable(name)
        raise CheckFailure(unread or f"the source of {name}() could not be read.", kind=kind)
    try:
        return ast.parse(src)
    except SyntaxError:
        raise CheckFailure(f"the source of {name}() could not be parsed.", kind=kind) from None


def _returns_a_value(tree: ast.AST) -> bool:
    """Whether a function's code can return something: a ``return`` of a value, a lambda."""
    return any(
        isinstance(n, ast.Lambda | ast.Yield | ast.YieldFrom)
        or isinstance(n, ast.Return)
        and n.value is not None
        and not (isinstance(n.value, ast.Constant) and n.value.value is None)
        for n in ast.walk(tree)
    )


def _raises_not_implemented(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and target.id == "NotImplementedError":
                return True
    return False


# --------------------------------------------------------------------------- source reading

_JUMPS = (ast.Return, ast.Raise, ast.Continue, ast.Break)


class _Unreachable(ast.NodeTransformer):
    """Drop code that cannot run: ``if False:`` bodies, ``while False:``, code after a return."""

    def generic_visit(self, node: ast.AST) -> ast.AST:
        super().generic_visit(node)
        for name in ("body", "orelse", "finalbody"):
            stmts = getattr(node, name, None)
            if isinstance(stmts, list):
                jump = next((i for i, s in enumerate(stmts) if isinstance(s, _JUMPS)), None)
                if jump is not None:
                    del stmts[jump + 1 :]
        return node

    def visit_If(self, node: ast.If) -> Any:  # noqa: N802 - ast.NodeTransformer's naming
        node = self.generic_visit(node)
        if isinstance(node.test, ast.Constant):
            return node.body if node.test.value else node.orelse
        return node

    def visit_While(self, node: ast.While) -> Any:  # noqa: N802
        node = self.generic_visit(node)
        if isinstance(node.test, ast.Constant) and not node.test.value:
            return node.orelse
        return node


def reachable_tree(ctx: Context, function: str, kind: str = "structure") -> ast.AST:
    """The parsed source of a submitted function without the code that cannot run.

    Raises:
        StudentRaised: (not implemented) when the function is the untouched stub.
        CheckFailure: when its source cannot be read or parsed.
    """
    tree = parse_function(ctx, function, kind)
    if _raises_not_implemented(tree):
        raise StudentRaised(
            function, StudentError("NotImplementedError", "stub"), f"{function}(...)"
        )
    return _Unreachable().visit(tree)


def called_names(tree: ast.AST) -> set[str]:
    """Names of the plain functions called in ``tree`` (``optimize(...)``, not ``np.dot``)."""
    return {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }


def default_names(tree: ast.AST) -> set[str]:
    """Names given as whole default values in ``tree``.

    ``def f(z, g=sigmoid)``: a call of ``g`` is a call of ``sigmoid``.
    """
    out = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            defaults = [*n.args.defaults, *(d for d in n.args.kw_defaults if d is not None)]
            out |= {d.id for d in defaults if isinstance(d, ast.Name)}
    return out


def calls_building_blocks(
    required: Sequence[str],
    *,
    optional: Sequence[str] = (),
    hint: str = "",
    probe: Callable[[np.random.Generator], Sequence[Call]],
    uses: dict[str, Sequence[str]] | None = None,
) -> CheckFn:
    """Check that the task's function calls the functions it is built from, in code that runs.

    A function the submission does not define at all is left out: its own task's "not
    found" already charges it (a block renamed, and called under its new name, costs once).

    Args:
        required: functions it must call (a call under ``if False:`` or after ``return``
            does not count).
        optional: functions the course lets students inline: advice when not called.
        hint: what to call, for the failure.
        probe: draws the calls on which the code read must be the code that runs
            (:func:`expect_runs_as_read`).
        uses: for a block, the keys of the function's result that come from what the block
            returns: each must change when the block's results are moved (red team, round 13:
            a result made inline, the blocks' results in an extra key); without it, the
            whole result must change.
    """

    def run(ctx: Context) -> str | None:
        fn = ctx.task.function
        read = list(own_code(ctx, fn, "structure"))
        called = called_names(reachable_tree(ctx, fn))  # and through the code it reads: a
        for code in (c for c in read if not c.data and c.name != fn):  # class, a helper
            called |= called_names(_Unreachable().visit(code.code))
        missing = [f"{f}()" for f in required if f not in called and ctx.submission.has(f)]
        if missing:
            raise CheckFailure(
                f"{fn}() should be built from your functions, but it never calls "
                f"{', '.join(missing)} (in code that runs).",
                hint=hint or None,
                kind="structure",
            )
        probes = probe(ctx.rng)
        # what the result takes from the blocks is checked below, with the blocks moved: a
        # model that returns its initial w (a value bug) computes from its blocks all the
        # same, and its short probe records one cost, the same for any data (msg 17 M5)
        expect_runs_as_read(ctx, fn, read, probes, "structure", computed=False)
        args, kwargs = probes[0]
        plain = ctx.outcome(fn, args, kwargs)  # an error: the values checks charge it
        for block in [f for f in required if plain.error is None and ctx.submission.has(f)]:
            out = ctx.outcome(fn, args, kwargs, proxies={block: broken_block(block)})
            if out.error is None or not any(c.name == block for c in out.proxy_calls):
                raise CheckFailure(
                    f"{fn}() still ran when your {block}() was replaced by a version that "
                    f"raises: the code that runs does not call {block}() (a call in a branch "
                    "that never runs, or of a local function of that name, does not count).",
                    hint=hint or None,
                    kind="structure",
                )
            if ctx.reference is None:  # the student kit: no block of the grader's to shift
                continue
            out = ctx.outcome(fn, args, kwargs, proxies={block: shifted_block(ctx.ref(block))})
            same = _unchanged(out.value, plain.value, (uses or {}).get(block, ()))
            if out.error is None and same:
                raise CheckFailure(
                    f"{fn}() returned the same {same} when your {block}() was replaced by one "
                    f"whose results are all moved by 1.37: it calls {block}() but does not use "
                    "what it returns (it computes that again itself).",
                    hint=hint or None,
                    kind="structure",
                )
        for f in optional:
            if f not in called:
                ctx.advise(f"{fn}() does not call {f}(): calling it keeps one copy of that code.")
        return None

    return runs_last(run)


def _unchanged(got: Any, before: Any, keys: Sequence[str]) -> str:
    """What of a result stayed the same: the ``keys`` it has that did, or itself; else ""."""
    if isinstance(got, dict) and isinstance(before, dict) and set(keys) & before.keys():
        same = [k for k in keys if k in before and same_plain(got.get(k), before[k])]
        return f"result under {', '.join(map(repr, same))}" if same else ""
    return "result" if same_plain(got, before) else ""


#: Names and calls whose integer arguments are sizes that must come from the inputs' shapes.
SIZE_NAMES = ("m", "n", "n_x", "dim", "size", "length", "height", "depth", "num_px")
SIZE_CALLS = ("reshape", "zeros", "ones", "empty", "range", "initialize_with_zeros")


def fixed_sizes(
    ctx: Context,
    function: str,
    names: Sequence[str] = SIZE_NAMES,
    calls: Sequence[str] = SIZE_CALLS,
) -> list[str]:
    """Sizes written as numbers in a submitted function (``m = 3``, ``reshape(18, 1)``).

    Only integer constants above 1 count (``reshape(-1, 1)`` and ``np.zeros((1, m))`` do
    not); only code that can run is read.

    Args:
        ctx: the check's context.
        function: the submitted function.
        names: variable names that hold sizes.
        calls: functions and methods whose arguments are sizes.

    Returns:
        The statements or calls, as written (empty when none, or the source is unreadable).
    """
    try:
        tree = reachable_tree(ctx, function)
    except Exception:  # noqa: BLE001 - a hint is an extra: no source, no hint
        return []

    def fixed(node: ast.AST) -> bool:
        """An int constant above 1 in ``node``, not an index (``image.shape[2]``).

        Nor a factor of a formula of a variable (``num_px * num_px * 3``: a size computed,
        whatever the variable is; sweep 12 P6).
        """
        indices = {
            id(c) for s in ast.walk(node) if isinstance(s, ast.Subscript) for c in ast.walk(s.slice)
        }
        formulas = {
            id(c)
            for s in ast.walk(node)
            if isinstance(s, ast.BinOp) and any(isinstance(n, ast.Name) for n in ast.walk(s))
            for c in ast.walk(s)
        }
        skipped = indices | formulas
        return any(
            isinstance(c, ast.Constant) and type(c.value) is int and c.value > 1
            and id(c) not in skipped
            for c in ast.walk(node)
        )  # fmt: skip

    def sizes(call: ast.Call) -> list[ast.expr]:
        """The arguments that are sizes: range's stop only (not its start or step)."""
        if getattr(call.func, "id", "") == "range":
            return call.args[1:2] if len(call.args) > 1 else call.args[:1]
        return list(call.args)

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            if fixed(node.value) and any(
                isinstance(t, ast.Name) and t.id in names for t in node.targets
            ):
                found.append(ast.unparse(node))
        elif isinstance(node, ast.Call):
            if called_name(node) in calls and any(fixed(a) for a in sizes(node)):
                found.append(ast.unparse(node))
    return list(dict.fromkeys(found))


def fixed_size_hint(where: str) -> Callable[[Context], str | None]:
    """An ``explain`` for :func:`with_hint`: names the sizes the task's function writes as numbers.

    Args:
        where: where the sizes belong, for the hint (``X.shape``).
    """

    def explain(ctx: Context) -> str | None:
        fn = ctx.task.function
        sizes = fixed_sizes(ctx, fn)
        if not sizes:
            return None
        return (
            f"{fn}() writes a size as a number ({'; '.join(sizes[:2])}): it fits only inputs "
            f"of that size. Take sizes from the arguments ({where})."
        )

    return explain


def source_calls(ctx: Context, function: str) -> set[str]:
    """The calls in a submitted function's code that can run, as written (``np.dot``).

    Returns:
        Dotted names; empty when the source cannot be read.
    """
    try:
        tree = reachable_tree(ctx, function)
    except Exception:  # noqa: BLE001 - a hint is an extra: no source, no hint
        return set()
    return {
        ast.unparse(n.func)
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name | ast.Attribute)
    }


def elementwise_hint(ctx: Context) -> str | None:
    """An ``explain`` for an elementwise function whose source calls ``math.*`` or ``np.dot``."""
    fn = ctx.task.function
    divided = _divided_first(ctx, fn)
    if divided is not None:
        return divided
    calls = source_calls(ctx, fn)
    scalar = sorted(c for c in calls if c.startswith("math."))
    if scalar:
        return f"{fn}() calls {scalar[0]}, which takes one number: np.{scalar[0][5:]} takes arrays."
    if calls & {"np.dot", "numpy.dot", "np.matmul"}:
        return f"{fn}() uses np.dot, the matrix product: here the product is entry by entry (*)."
    return None


def scaled_at_random(ctx: Context, values: np.ndarray) -> np.ndarray:
    """``values`` with each entry scaled by a factor drawn at grading time (0.6 to 1.4).

    Signs are kept, and zeros. The visible inputs of a check are in the student kit, so a
    table of their answers passes them; a check without a hidden twin computes on these too
    (red team 17 F3).
    """
    return values * ctx.rng.uniform(0.6, 1.4, np.shape(values))


def task_passing(ctx: Context) -> bool:
    """Whether every check of the task run so far passed: advice calling code right needs it.

    msg 18: "(right, and the course accepts it)" and "(accepted)" were said of failing code.
    """
    return all(ctx.submission.verdicts.get(ctx.task.id, {}).values())


def precedence_hint(ctx: Context) -> str | None:
    """An ``explain`` for ``1 / 1 + np.exp(-z)`` in the task's function (:func:`_divided_first`).

    msg 18 n02, x10: basic_sigmoid was told to mind the minus sign, the planar sigmoid that
    its ratio is upside down.
    """
    return _divided_first(ctx, ctx.task.function)


def _divided_first(ctx: Context, function: str) -> str | None:
    """``1 / 1 + np.exp(-z)``: a number divided before the sum it was meant to divide by.

    Sweep 11, P7: the parentheses around ``1 + np.exp(-z)`` missing were told to mind the
    minus sign.
    """
    try:
        tree = reachable_tree(ctx, function)
    except Exception:  # noqa: BLE001 - a hint is an extra: no source, no hint
        return None
    for n in ast.walk(tree):
        if (
            isinstance(n, ast.BinOp)
            and isinstance(n.op, ast.Add | ast.Sub)
            and isinstance(n.left, ast.BinOp)
            and isinstance(n.left.op, ast.Div)
            and isinstance(n.left.left, ast.Constant)  # a number divided by a number: never
            and isinstance(n.left.right, ast.Constant)  # meant, where a sum follows
        ):
            whole = ast.unparse(n)
            wanted = f"{ast.unparse(n.left.left)} / ({ast.unparse(n.left.right)} "
            wanted += f"{'+' if isinstance(n.op, ast.Add) else '-'} {ast.unparse(n.right)})"
            return (
                f"{whole} divides by {ast.unparse(n.left.right)} alone, before the "
                f"{'sum' if isinstance(n.op, ast.Add) else 'difference'}: / binds tighter than "
                f"+ and -. Write {wanted}."
            )
    return None


def sum_axis_hint(ctx: Context) -> str | None:
    """An ``explain`` for ``np.sum(a, b)``: its second argument is the axis, not a term."""
    try:
        tree = reachable_tree(ctx, ctx.task.function)
    except Exception:  # noqa: BLE001 - a hint is an extra: no source, no hint
        return None
    for n in ast.walk(tree):
        if (
            isinstance(n, ast.Call)
            and ast.unparse(n.func) in ("np.sum", "numpy.sum", "np.mean")
            and len(n.args) > 1
            and not isinstance(n.args[1], ast.Constant)
        ):
            return (
                f"{ctx.task.function}() calls {ast.unparse(n.func)} with two arguments: the "
                "second one is the axis, not a term to add. Write a + inside: np.sum(a + b)."
            )
    return None


@contextlib.contextmanager
def _call_kept(ctx: Context) -> Iterator[None]:
    """Calls made inside (to find a hint) leave the failing call the one shown."""
    shown = ctx.shown_call
    try:
        yield
    finally:
        ctx.show_call(shown)


def ignored_argument_hint(
    variants: Sequence[tuple[str, Call, Call]],
) -> Callable[[Context], str | None]:
    """An ``explain`` for a check that a function uses its arguments: which one it ignores.

    A check of arguments (leaky relu's ``slope``, gradient descent's ``learning_rate``) fails
    for any wrong result; "use the argument" names the mistake only where the function returns
    the same whatever the argument is. Each variant is ``(argument, call, other)``: the check's
    call, and the same call with only that argument changed; the first variant whose two
    results are the same names its argument, or, where the reference is installed, the first
    item of a returned dict or tuple that stays the same where the reference's moves
    (``W1`` updated with a learning rate written in the code). Otherwise nothing is found, and
    the check's own hint (the function's formula, as its values check gives) stands.
    """

    def explain(ctx: Context) -> str | None:
        fn = ctx.task.function
        with _call_kept(ctx):
            for argument, (args, kw), (other_args, other_kw) in variants:
                try:
                    got = ctx.call(*args, **kw), ctx.call(*other_args, **other_kw)
                except StudentRaised:
                    return None
                right = None
                if ctx.reference is not None and not same_plain(*got):
                    ref = ctx.ref()
                    right = ref(*args, **kw), ref(*other_args, **other_kw)
                what = f"{fn}() returns" if same_plain(*got) else _unmoved_item(fn, got, right)
                if what is not None:
                    return (
                        f"{what} the same whatever its {argument} is (tried "
                        f"{_argument_value(argument, args, kw)} and "
                        f"{_argument_value(argument, other_args, other_kw)}): use the "
                        f"{argument} argument, not a number written in the code."
                    )
        return None

    return explain


def _unmoved_item(fn: str, got: tuple[Any, Any], right: tuple[Any, Any] | None) -> str | None:
    """``update_parameters()['W1'] is``: an item the same in both results where the right moves."""
    if right is None:
        return None
    items = [(k, repr(k)) for k in got[0]] if isinstance(got[0], dict) else []
    if isinstance(got[0], tuple | list):
        items = [(i, str(i)) for i in range(len(got[0]))]
    for key, shown in items:
        try:
            parts, moved = (got[0][key], got[1][key]), (right[0][key], right[1][key])
        except (KeyError, IndexError, TypeError):
            continue
        if same_plain(*parts) and not same_plain(*moved):
            return f"{fn}()[{shown}] is"
    return None


def argument_variants(call: Call, **others: Any) -> list[tuple[str, Call, Call]]:
    """The variants of :func:`ignored_argument_hint` for a call with keyword arguments.

    Args:
        call: the check's call.
        **others: for each keyword argument to try, the other value to try it with.
    """
    args, kw = call
    return [(k, call, (args, kw | {k: v})) for k, v in others.items()]


def _argument_value(argument: str, args: Args, kwargs: dict[str, Any]) -> str:
    """``slope=0.2``: the argument's value in a call (the last positional one if not a keyword)."""
    return f"{argument}={kwargs[argument] if argument in kwargs else args[-1]!r}"


def hint_when_passing(check: str, hint: str) -> Callable[[Context], str | None]:
    """An ``explain`` for a check of one case (huge inputs, a rate too large): ``hint``.

    The hint names the case's own mistake (an overflow, a stop when the cost grows) only where
    the function passes the task's check ``check`` on the ordinary calls; where it fails there
    too, the mistake is not the case's, and the check's own hint (the function's formula)
    stands.
    """

    def explain(ctx: Context) -> str | None:
        run = next(c.run for c in ctx.task.checks if c.name == check)
        with _call_kept(ctx):
            try:
                run(ctx)
            except (CheckFailure, StudentRaised):
                return None
        return hint

    return explain


def with_hint(run: CheckFn, explain: Callable[[Context], str | None]) -> CheckFn:
    """The check ``run``, whose failures get the hint ``explain(ctx)`` when it finds one."""

    def wrapped(ctx: Context) -> str | None:
        with explain_failure(ctx, explain):
            return run(ctx)

    wrapped.__doc__ = run.__doc__
    return wrapped


def explain_all(
    task: Task, explain: Callable[[Context], str | None], only: Sequence[str] = ()
) -> None:
    """Give the checks declared so far on ``task`` (or ``only`` those) the hints of ``explain``.

    See :func:`with_hint`.
    """
    task.checks = [
        dataclasses.replace(c, run=with_hint(c.run, explain)) if not only or c.name in only else c
        for c in task.checks
    ]


@contextlib.contextmanager
def explain_failure(ctx: Context, explain: Callable[[Context], str | None]):  # noqa: ANN201
    """Give a failure in the block the hint ``explain(ctx)`` finds, when it finds one.

    A student exception that ``explain`` can account for (a size written as a number that
    makes a reshape fail) becomes this check's failure with that hint instead of numpy's
    message alone; a stub, a time-out or a crash is left to the engine.
    """
    try:
        yield
    except CheckFailure as exc:
        found = None if exc.explained else explain(ctx)  # a check's own finding stands
        if found:  # read from the source or the result: before a relation the engine finds
            exc.hint, exc.explained = found, True
        raise
    except StudentRaised as exc:
        err = exc.error
        if err.not_implemented or err.type in UNFINISHED:
            raise
        hint = explain(ctx)
        if hint is None:
            raise
        raise CheckFailure(
            f"{exc.function}() raised {err}",
            lines=[("called", exc.call_text)],
            hint=hint,
            kind="raised an exception",
        ) from None


@contextlib.contextmanager
def restated(
    detail: str,
    hint: str,
    *,
    kind: str | None = None,
    lines: list[tuple[str, str]] | None = None,
) -> Iterator[None]:
    """Restate a failure in the block as ``detail``: what the case shows, with ``hint``.

    The failure's own lines (the differing value) are kept.

    Args:
        detail: the failure's sentence.
        hint: the failure's hint.
        kind: the failure's kind (default: the original failure's).
        lines: the lines to show when the original failure has none.
    """
    try:
        yield
    except CheckFailure as exc:
        raise CheckFailure(
            detail, lines=exc.lines or lines, hint=hint, kind=kind or exc.kind
        ) from None


# --------------------------------------------------------------------------- printed output

#: The headline of a failure about printed output.
PRINTED = "wrong printed output"
_NUMBER = re.compile(
    r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|(?<!\w)[-+]?(?:nan|inf)\b",
    re.I | re.ASCII,  # a number right after a word of another script is still a number
)


def printed_numbers(stdout: str, *words: str) -> list[tuple[str, list[str]]]:
    """The printed lines that contain every word (any case) and a number, with their numbers.

    Args:
        stdout: what a call printed.
        *words: words the line must contain (``"cost"``; ``"train", "accuracy"``).

    Returns:
        ``(line, number tokens as printed)`` per matching line.
    """
    out = []
    for line in stdout.splitlines():
        if all(w in line.lower() for w in words):
            tokens = _NUMBER.findall(line)
            if tokens:
                out.append((line.strip(), tokens))
    return out


def cost_lines(
    stdout: str, quiet: str = "", others: Sequence[float] = ()
) -> list[tuple[str, list[str]]]:
    """The cost lines a training call printed, with their numbers.

    The lines that name a cost (``"cost"``, any case); where none does (a line written in
    another language, ``Loss after iteration 100``), the lines with a number that the same
    call with ``print_cost=False`` did not print (``quiet``) and that do not end with one of
    ``others`` (values printed besides the costs, such as accuracies): those with an iteration
    and a cost where there are any, else all.
    """
    lines = printed_numbers(stdout, "cost")
    if lines:
        return lines
    unasked = Counter(line for line, _ in printed_numbers(quiet))
    out = []
    for line, tokens in printed_numbers(stdout):
        if unasked[line] > 0:
            unasked[line] -= 1
        elif not any(printed_close(tokens[-1], v) for v in others):
            out.append((line, tokens))
    return [(line, t) for line, t in out if len(t) > 1] or out


def printed_close(token: str, expected: float) -> bool:
    """True when ``token`` is ``expected`` as printed: rounded to the digits it shows.

    ``"0.693147"`` matches 0.69314718 (six decimals: within 5e-7); ``"99.0"`` matches 99.04;
    ``"nan"`` matches NaN and ``"inf"`` infinity (a cost that is not a number is printed
    right as it is: what makes it so is another check's failure, msg 17 M6).
    """
    try:
        value = float(token)
        if not math.isfinite(expected):
            return value == expected or (math.isnan(value) and math.isnan(expected))
        mantissa, _, exponent = token.lower().partition("e")
        decimals = len(mantissa.partition(".")[2])
        tol = 0.5 * 10.0 ** (int(exponent or 0) - decimals)
    except (ValueError, OverflowError):  # not a number, or one no float holds (1e99999)
        return False
    return bool(abs(value - expected) <= max(tol, 1e-9 * max(1.0, abs(expected))) * (1 + 1e-9))


def _printed_within_course(token: str, expected: float) -> bool:
    """Whether a printed cost is within the course's tolerance, where that is allowed.

    See :func:`autograder.precision.within_course_tolerance` (sweep 17 P1: a float32
    linear_forward printed 0.69312046 for 0.69312049).
    """
    try:
        value = float(token)
    except (ValueError, OverflowError):
        return False
    return precision.within_course_tolerance(value, expected, "the printed cost")


def number_list(value: Any) -> list[float] | None:
    """``value`` as a list of floats (a returned ``costs``), or None when it is not one."""
    try:
        return [float(v) for v in value]
    except (TypeError, ValueError):
        return None


#: The number a cost line gives as its iteration: ``iteration 100``, ``iter=100``, ``epoch 3``.
_ITERATION = re.compile(r"(?i)\b(?:iter(?:ation)?s?|epochs?|steps?)\b\s*[#:=]?\s*(\d+)\b")


def iteration_of(tokens: Sequence[str], line: str = "") -> int | None:
    """The iteration a cost line names, or None.

    The number after the word *iteration* (``Cost after 100 iteration 200: 0.02`` is
    iteration 200), else the first of two or more numbers.
    """
    named = _ITERATION.search(line)
    try:
        if named:
            return int(named.group(1))
        return int(float(tokens[0])) if len(tokens) > 1 else None
    except (ValueError, OverflowError):  # nan, inf, more digits than int() reads
        return None


def expect_printed_costs(
    stdout: str,
    costs: Sequence[float] | None,
    iterations: Sequence[int],
    call: str,
    hint: str | None = None,
    quiet: str = "",
    others: Sequence[float] = (),
    count_hint: str | None = None,
) -> None:
    """Check that a training call printed the cost at exactly ``iterations``, each one right.

    The course prints ``Cost after iteration 100: 0.692836``: per line the iteration (a line
    with the cost alone is read as the next one) and the cost, compared as printed
    (:func:`printed_close`). The lines are those of :func:`cost_lines`.

    Args:
        stdout: what the call printed.
        costs: the cost of each of ``iterations``, or None to check the iterations only.
        iterations: the iterations whose cost must be printed, in order.
        call: the call, for the message.
        hint: the hint of a wrong value.
        quiet: what the same call printed with ``print_cost=False``.
        others: values the call prints besides the costs.
        count_hint: the hint of missing or extra lines (default: how the course prints them).

    Raises:
        CheckFailure: naming the missing, extra or wrong lines.
    """
    lines = cost_lines(stdout, quiet, others)
    named = [iteration_of(tokens, line) for line, tokens in lines]
    if len(lines) != len(iterations) or any(
        n is not None and n != i for n, i in zip(named, iterations)
    ):
        at = ", ".join("?" if n is None else str(n) for n in named[:6])
        at += ", ..." if len(named) > 6 else ""
        raise CheckFailure(
            f"{call} printed {len(lines)} cost line(s){f' (iterations {at})' if lines else ''} "
            f"but should print {len(iterations)}: the cost at iterations "
            f"{', '.join(map(str, iterations))}.",
            lines=[("printed", line) for line, _ in lines[:3]] or [("printed", "no cost line")],
            hint=count_hint
            or 'print(f"Cost after iteration {i}: {cost}") when print_cost and i is one of them.',
            kind=PRINTED,
        )
    for (line, tokens), cost, i in zip(lines, costs if costs is not None else (), iterations):
        cost = float(cost)
        if not printed_close(tokens[-1], cost) and not _printed_within_course(tokens[-1], cost):
            raise CheckFailure(
                f"{call} printed a wrong cost at iteration {i}.",
                lines=[
                    ("printed", line),
                    ("expected", f"the cost after iteration {i}: {cost!r}"),
                ],
                hint=hint or "print the cost computed in that iteration, the one you record.",
                kind=PRINTED,
            )


def expect_quiet(ctx: Context, call: str, hint: str, **kwargs: Any) -> list[str]:
    """Check that the last call, made with ``print_cost=False``, printed no cost line itself.

    Lines its building blocks print (a debug ``print(cost)`` left in ``compute_cost``) are
    theirs, not the training function's: where the call printed cost lines, only what it
    prints with those blocks the grader's counts (:meth:`Context.printing_blocks`).

    Args:
        ctx: the check's context; its last call is the quiet one.
        call: the call, for the message.
        hint: what to do instead.
        **kwargs: :func:`expect_no_printed_costs`'s ``allowed`` and ``costs``.

    Returns:
        The blocks whose prints were left out: the same call with ``print_cost=True`` is
        then read without them too (:meth:`Context.stdout_without`).

    Raises:
        CheckFailure: naming the first cost line the function printed although not asked.
    """
    quiet = ctx.last
    assert quiet is not None
    try:
        expect_no_printed_costs(quiet.outcome.stdout, call, hint, **kwargs)
        return []
    except CheckFailure:
        printers = ctx.printing_blocks(quiet)
        if not printers:
            raise
    expect_no_printed_costs(ctx.stdout_without(printers, quiet), call, hint, **kwargs)
    return printers


def expect_no_printed_costs(
    stdout: str,
    call: str,
    hint: str,
    allowed: int | None = None,
    costs: Sequence[float] | None = None,
) -> None:
    """Check that a training call with ``print_cost=False`` printed no cost line.

    Args:
        stdout: what the call printed.
        call: the call, for the message.
        hint: what to do instead.
        allowed: an iteration whose cost line is accepted unasked (a course template's).
        costs: the costs the call recorded: where no line names a cost (a line written in
            another language), a line that ends with one of them, printed with two decimals
            or more, is a cost line (a whole number such as a shape's 0 is not).

    Raises:
        CheckFailure: naming the first cost line printed although it was not asked for.
    """
    lines = printed_numbers(stdout, "cost") or [
        (line, t)
        for line, t in printed_numbers(stdout)
        if len(t[-1].partition(".")[2]) >= 2 and any(printed_close(t[-1], c) for c in costs or ())
    ]
    lines = [(ln, t) for ln, t in lines if allowed is None or iteration_of(t, ln) != allowed]
    if lines:
        raise CheckFailure(
            f"{call} printed {len(lines)} cost line(s) although print_cost was False.",
            lines=[("printed", line) for line, _ in lines[:2]],
            hint=hint,
            kind=PRINTED,
        )


def expect_printed_value(
    stdout: str,
    words: Sequence[str],
    expected: float,
    call: str,
    label: str,
) -> bool:
    """Check the value a call printed on the first line holding ``words`` (its last number).

    Where no line holds the words (a line written in another language), a line that ends with
    the value is accepted.

    Args:
        stdout: what the call printed.
        words: words that identify the line (``("train", "accuracy")``).
        expected: the value, compared as printed (see :func:`printed_close`).
        call: the call, for the message.
        label: what the value is (``train accuracy (%)``).

    Returns:
        True when the line was printed with the value; False when no such line was printed.

    Raises:
        CheckFailure: when the line's number is another.
    """
    lines = printed_numbers(stdout, *words)
    want = ("expected", f"{label}: {expected!r}")
    if not lines:  # a line in another language: one that ends with the value
        return any(printed_close(tokens[-1], expected) for _, tokens in printed_numbers(stdout))
    line, tokens = lines[0]
    if not printed_close(tokens[-1], expected):
        raise CheckFailure(
            f"{call} printed a wrong {label}.", lines=[("printed", line), want], kind=PRINTED
        )
    return True
