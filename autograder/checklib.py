"""Reusable check builders: shapes, visible and hidden values, mutation, loops, gradients.

Each builder returns a function ``check(ctx) -> str | None`` for :class:`autograder.spec.Check`.
Value comparisons are lenient about container types (a type check reports those), strict
about numbers: float64, explicit tolerances, NaN fails.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from autograder.asserts import ATOL, RTOL, expect_array, expect_close
from autograder.context import Context
from autograder.plain import Foreign, describe, type_name
from autograder.spec import CheckFailure

Args = tuple[Any, ...]
CheckFn = Callable[[Context], str | None]


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
    if isinstance(value, Foreign) or value is None or isinstance(value, str | dict):
        raise CheckFailure(
            f"{name} should be numeric but is {type_name(value)}.",
            lines=[("got", describe(value))],
            kind="type",
        )
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise CheckFailure(
            f"{name} should be numeric but is {type_name(value)}.",
            lines=[("got", describe(value))],
            kind="type",
        ) from None


def compare(
    got: Any,
    expected: Any,
    name: str,
    *,
    rtol: float = RTOL,
    atol: float = ATOL,
    hint: str | None = None,
    kind: str = "values",
) -> None:
    """Compare a student's plain value with an expected one, recursively.

    Dicts are compared key by key (exact key sets), tuples and lists item by item, numbers
    and arrays with :func:`autograder.asserts.expect_close`.

    Raises:
        CheckFailure: naming the first differing part, such as ``grads["dw"]``.
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
        for k in expected:
            compare(
                got[k], expected[k], f"{name}[{k!r}]", rtol=rtol, atol=atol, hint=hint, kind=kind
            )
        return
    if isinstance(expected, tuple | list) and not _is_numeric_list(expected):
        if not isinstance(got, tuple | list) or len(got) != len(expected):
            raise CheckFailure(
                f"{name} should be a tuple of {len(expected)} values but is {describe(got)}.",
                kind="type",
            )
        for i, (g, e) in enumerate(zip(got, expected)):
            compare(g, e, f"{name}[{i}]", rtol=rtol, atol=atol, hint=hint, kind=kind)
        return
    expect_close(numbers(got, name), expected, name, rtol=rtol, atol=atol, hint=hint, kind=kind)


def _is_numeric_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, int | float | np.floating | np.integer) for v in value
    )


def same_shape_as_input(inputs: Sequence[Any], name: str = "the result") -> CheckFn:
    """Check that an elementwise function returns a float array shaped like its input."""

    def run(ctx: Context) -> str | None:
        for x in inputs:
            out = ctx.call(x)
            expect_array(out, name, np.shape(x), shape_text="the shape of the input")
        return None

    return run


def visible_values(
    key: str,
    cases: Sequence[Args],
    *,
    function: str | None = None,
    name: str = "the result",
    rtol: float = RTOL,
    atol: float = ATOL,
    hint: str | None = None,
) -> CheckFn:
    """Compare outputs on fixed visible inputs with stored expected values.

    Args:
        key: key of the expected values in the unit's stored data.
        cases: argument tuples.
        function: the function to call (defaults to the task's).
        name: name of the output in messages.
        rtol: relative tolerance.
        atol: absolute tolerance.
        hint: hint on failure.
    """

    def run(ctx: Context) -> str | None:
        fn = function or ctx.task.function
        expected = ctx.expected(key, lambda ref: [ref(fn)(*args) for args in cases])
        for args, exp in zip(cases, expected):
            got = ctx.call_fn(fn, *args)
            compare(got, exp, name, rtol=rtol, atol=atol, hint=hint)
        return None

    return run


def hidden_values(
    make_cases: Callable[[np.random.Generator], Sequence[Args]],
    *,
    name: str = "the result",
    rtol: float = RTOL,
    atol: float = ATOL,
    hint: str | None = None,
) -> CheckFn:
    """Compare outputs with the reference on fresh random inputs drawn at grading time."""

    def run(ctx: Context) -> str | None:
        ref = ctx.ref()
        cases = make_cases(ctx.rng)
        for args in cases:
            exp = ref(*args)
            got = ctx.call(*args)
            compare(got, exp, name, rtol=rtol, atol=atol, hint=hint, kind="hidden")
        return f"{len(cases)} random inputs"

    return run


def no_mutation(cases: Sequence[Args], names: Sequence[str]) -> CheckFn:
    """Check that the function leaves its array arguments unchanged (copies in, compare after).

    Args:
        cases: argument tuples.
        names: the parameter names, for messages.
    """

    def run(ctx: Context) -> str | None:
        for args in cases:
            out = ctx.outcome(ctx.task.function, args)
            if out.error is not None:
                ctx.call(*args)  # re-raise as a student error
            for pname, before, after in zip(names, args, out.args_after):
                if isinstance(before, np.ndarray):
                    same = (
                        isinstance(after, np.ndarray)
                        and after.shape == before.shape
                        and bool(np.array_equal(after, before, equal_nan=True))
                    )
                    if not same:
                        raise CheckFailure(
                            f"{ctx.task.function}() changed its argument {pname} in place.",
                            hint="work on a new array (x = x / n, not x /= n), or copy first.",
                            kind="mutation",
                        )
                elif isinstance(before, dict):
                    from autograder.asserts import same_plain

                    if not same_plain(before, after, rtol=0, atol=0):
                        raise CheckFailure(
                            f"{ctx.task.function}() changed the dict {pname} it was given.",
                            hint="build and return a new dict (or copy.deepcopy the input).",
                            kind="mutation",
                        )
        return None

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


def no_python_loops(function: str | None = None) -> CheckFn:
    """Check that a function has no ``for``/``while`` loop or comprehension.

    Functions of the submission that it calls are inspected too, so calling the loop
    version from the vectorized one does not pass.
    """

    def run(ctx: Context) -> str | None:
        fn = function or ctx.task.function
        todo, seen = [fn], set()
        while todo:
            name = todo.pop()
            seen.add(name)
            tree = _parse_function(ctx, name)
            if name == fn and _raises_not_implemented(tree):
                from autograder.context import StudentRaised
                from autograder.submission import StudentError

                raise StudentRaised(fn, StudentError("NotImplementedError", "stub"), f"{fn}(...)")
            loops = [n for n in ast.walk(tree) if isinstance(n, LOOP_NODES)]
            if loops:
                first = loops[0]
                kind = type(first).__name__.replace("Comp", " comprehension").lower()
                where = "" if name == fn else f" calls {name}(), which"
                raise CheckFailure(
                    f"{fn}(){where} contains a Python loop ({kind} on line {first.lineno} of "
                    f"{name}()); the vectorized version must not loop over examples or features.",
                    hint="replace the loop with matrix operations: np.dot, X @ dZ.T, np.sum.",
                    kind="vectorization",
                )
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id not in seen
                    and ctx.submission.has(node.func.id)
                ):
                    todo.append(node.func.id)
        return None

    return run


def _parse_function(ctx: Context, name: str) -> ast.AST:
    src = ctx.submission.source(name)
    if src is None:
        raise CheckFailure(f"the source of {name}() could not be read.", kind="vectorization")
    try:
        return ast.parse(src)
    except SyntaxError:
        raise CheckFailure(
            f"the source of {name}() could not be parsed.", kind="vectorization"
        ) from None


def _raises_not_implemented(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name) and target.id == "NotImplementedError":
                return True
    return False


def no_warnings(cases: Sequence[Args], *, function: str | None = None) -> CheckFn:
    """Check that calls emit no warnings (overflow, divide by zero...)."""

    def run(ctx: Context) -> str | None:
        fn = function or ctx.task.function
        for args in cases:
            out = ctx.outcome(fn, args)
            if out.error is not None:
                ctx.call_fn(fn, *args)
            if out.warnings:
                raise CheckFailure(
                    f"{fn}() emitted a warning: {out.warnings[0]}",
                    kind="edge",
                )
        return None

    return run
