"""Checks of unit 1, derivatives: finite differences, a computation graph, gradient descent.

Functions given to student code (``f``, ``J``, ``dJ``) are
:class:`autograder.lesson_functions.LessonFunction` objects: callables that carry only a
name, never a live grader object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from autograder import checklib as cl
from autograder.asserts import expect_float, expect_keys, expect_tuple
from autograder.context import Context
from autograder.gradcheck import TOLERANCE, H, expect_gradient, rel_error
from autograder.lesson_functions import LessonFunction
from autograder.plain import describe
from autograder.spec import Check, CheckFailure, Task, Unit

TRIPLE = LessonFunction("triple")
SQUARE = LessonFunction("square")
CUBE = LessonFunction("cube")
BOWL = LessonFunction("bowl")
BOWL_SLOPE = LessonFunction("bowl_slope")
QUARTIC = LessonFunction("quartic")
QUARTIC_SLOPE = LessonFunction("quartic_slope")

#: Functions (and a safe range of points) for hidden finite-difference inputs.
SMOOTH = ("triple", "square", "cube", "log", "bowl", "quartic", "exp", "sine")

GRAPH_KEYS = ("dv", "du", "da", "db", "dc")
#: The lesson's graph at a = 5, b = 3, c = 2, and points that are not the lesson's.
GRAPH_POINTS = ((5.0, 3.0, 2.0), (-1.5, 0.25, 4.0), (0.0, -2.0, 0.5), (2.5, 7.0, -3.0))

Case = tuple[tuple[Any, ...], dict[str, Any]]


def _compare_cases(key: str, cases: Sequence[Case], name: str, hint: str | None = None):
    """Visible check: calls with positional and keyword arguments against stored values."""

    def run(ctx: Context) -> None:
        fn = ctx.task.function
        expected = ctx.expected(key, lambda ref: [ref(fn)(*a, **k) for a, k in cases])
        for (args, kwargs), exp in zip(cases, expected):
            cl.compare(ctx.call(*args, **kwargs), exp, name, hint=hint)

    return run


# ----------------------------------------------------------------- 1.1 and 1.2 differences


def _returns_number(ctx: Context) -> None:
    fn = ctx.task.function
    expect_float(
        ctx.call(SQUARE, 2.0),
        f"{fn}(f, 2.0)",
        hint="return the quotient itself, a number; np.diff returns an array.",
    )


def _difference_hidden_cases(rng: np.random.Generator) -> list[tuple[Any, ...]]:
    names = rng.choice(SMOOTH, size=4, replace=False)
    return [(LessonFunction(str(n)), float(rng.uniform(0.5, 3.0))) for n in names]


def _difference_task(task_id: str, function: str, title: str, values_hint: str) -> Task:
    name = f"{function}(f, a)"
    visible = [((TRIPLE, 2.0), {}), ((TRIPLE, 5.0), {}), ((SQUARE, 2.0), {}), ((SQUARE, 5.0), {})]
    nudges = [((SQUARE, 2.0), {"epsilon": 0.1}), ((CUBE, 1.0), {"epsilon": 0.5})]
    return Task(
        task_id,
        function,
        title,
        (
            Check(
                "returns_number",
                1,
                _returns_number,
                "type",
                "returns a single number, not an array or a list",
            ),
            Check(
                "values",
                2,
                _compare_cases(f"{function}/values", visible, name, hint=values_hint),
                "values",
                "the lesson's examples: f(a) = 3a at a = 2 and 5, f(a) = a^2 at a = 2 and 5",
            ),
            Check(
                "uses_epsilon",
                1,
                _compare_cases(
                    f"{function}/epsilon",
                    nudges,
                    f"{function}(f, a, epsilon)",
                    hint="nudge by the epsilon argument, not by a fixed 0.001.",
                ),
                "values",
                "uses its epsilon argument (epsilon = 0.1 and 0.5)",
            ),
            Check(
                "hidden",
                2,
                cl.hidden_values(
                    _difference_hidden_cases,
                    name=name,
                    hint="return the unrounded quotient.",
                ),
                "hidden",
                "matches the reference for other functions and points (default epsilon)",
                hidden=True,
            ),
        ),
    )


# ----------------------------------------------------------------- 1.3 graph_forward


def _graph_forward_type(ctx: Context) -> None:
    out = ctx.call(5.0, 3.0, 2.0)
    if not isinstance(out, tuple):
        raise CheckFailure(
            f"graph_forward() should return a tuple (u, v, J) but returned {describe(out)}.",
            hint="return u, v, J  (a tuple), not an array or a list.",
            kind="type",
        )
    for label, value in zip(("u", "v", "J"), expect_tuple(out, "graph_forward()", 3)):
        expect_float(value, label)


def _graph_forward_values(ctx: Context, args: tuple[float, float, float], exp: Any, kind: str):
    got = cl.numbers(ctx.call(*args), "(u, v, J)").ravel()
    cl.compare(got, np.asarray(exp, dtype=np.float64), "(u, v, J)", kind=kind)


def _graph_forward_visible(ctx: Context) -> None:
    exp = ctx.expected("graph_forward/values", lambda ref: ref("graph_forward")(5.0, 3.0, 2.0))
    _graph_forward_values(ctx, (5.0, 3.0, 2.0), exp, "values")


def _graph_forward_hidden(ctx: Context) -> str:
    ref = ctx.ref()
    for _ in range(3):
        args = tuple(float(x) for x in ctx.rng.uniform(-4, 4, 3))
        _graph_forward_values(ctx, args, ref(*args), "hidden")
    return "3 random inputs"


# ----------------------------------------------------------------- 1.4 graph_backward


def _graph_backward_structure(ctx: Context) -> None:
    out = expect_keys(ctx.call(5.0, 3.0, 2.0), "graph_backward()", GRAPH_KEYS)
    for k in GRAPH_KEYS:
        expect_float(out[k], f"d[{k!r}]")


def _graph_backward_keys(ctx: Context, out: Any) -> dict[str, Any]:
    """The five derivatives of the output (extra keys are the structure check's business)."""
    if not isinstance(out, dict) or not all(k in out for k in GRAPH_KEYS):
        raise CheckFailure(
            f"graph_backward() should return a dict with the keys {list(GRAPH_KEYS)} but "
            f"returned {describe(out)}.",
            kind="structure",
        )
    return {k: out[k] for k in GRAPH_KEYS}


def _graph_backward_values(ctx: Context) -> None:
    exp = ctx.expected("graph_backward/values", lambda ref: ref("graph_backward")(5.0, 3.0, 2.0))
    got = _graph_backward_keys(ctx, ctx.call(5.0, 3.0, 2.0))
    cl.compare(got, exp, "d", hint="dvar is dJ/dvar: multiply by the derivative to the right.")


def _numeric_graph_gradient(a: float, b: float, c: float) -> dict[str, float]:
    """Centred differences of J = 3(a + bc) in float64, per node of the graph."""

    def diff(g: Callable[[float], float], x: float) -> float:
        return (g(x + H) - g(x - H)) / (2 * H)

    u = b * c
    v = a + u
    return {
        "dv": diff(lambda t: 3.0 * t, v),
        "du": diff(lambda t: 3.0 * (a + t), u),
        "da": diff(lambda t: 3.0 * (t + b * c), a),
        "db": diff(lambda t: 3.0 * (a + t * c), b),
        "dc": diff(lambda t: 3.0 * (a + b * t), c),
    }


def _graph_backward_gradcheck(ctx: Context) -> str:
    points = list(GRAPH_POINTS) + [tuple(float(x) for x in ctx.rng.uniform(-5, 5, 3))]
    worst = dict.fromkeys(GRAPH_KEYS, 0.0)
    for a, b, c in points:
        got = _graph_backward_keys(ctx, ctx.call(a, b, c))
        numeric = _numeric_graph_gradient(a, b, c)
        for k in GRAPH_KEYS:
            value = cl.numbers(got[k], f"d[{k!r}]")
            try:
                expect_gradient(
                    k,
                    value,
                    np.float64(numeric[k]),
                    hint="J = 3v, v = a + u, u = bc: db = du * c and dc = du * b.",
                )
            except CheckFailure as exc:  # scalars: "db = ..." rather than "db[] = ..."
                exc.lines = [(label, text.replace(f"{k}[] ", f"{k} ")) for label, text in exc.lines]
                raise
            worst[k] = max(worst[k], rel_error(value, numeric[k]))
    errors = ", ".join(f"{k} max relative error {worst[k]:.1e}" for k in GRAPH_KEYS)
    return f"{errors} (ok < {TOLERANCE:.0e}; {len(points)} points)"


# ----------------------------------------------------------------- 1.5 gradient_descent


def _gd_structure(ctx: Context) -> None:
    out = expect_tuple(ctx.call(BOWL, BOWL_SLOPE, 0.0), "gradient_descent()", 2)
    w, costs = out
    expect_float(w, "w")
    if not isinstance(costs, list):
        raise CheckFailure(
            f"costs should be a Python list but is {describe(costs)}.",
            hint="build it with costs = [J(w)] and costs.append(...).",
            kind="type",
        )
    if len(costs) != 101:
        raise CheckFailure(
            f"with num_iterations = 100, costs should have 101 entries (the cost before any "
            f"update and after each update) but has {len(costs)}.",
            hint="costs[0] is J(w0), recorded before the loop.",
            kind="shape",
        )
    for i, c in enumerate(costs):
        expect_float(c, f"costs[{i}]")


def _gd_no_iterations(ctx: Context) -> None:
    got = ctx.call(BOWL, BOWL_SLOPE, 5.0, num_iterations=0)
    try:
        cl.compare(got, (5.0, [BOWL(5.0)]), "(w, costs)", kind="edge")
    except CheckFailure as exc:
        raise CheckFailure(
            "with num_iterations = 0, gradient_descent() should return (w0, [J(w0)]).",
            lines=exc.lines or [("got", describe(got))],
            hint="record J(w0) before the loop, not inside it.",
            kind="edge",
        ) from None


def _gd_hidden_cases(rng: np.random.Generator) -> list[tuple[Any, ...]]:
    return [
        (BOWL, BOWL_SLOPE, float(rng.uniform(-5.0, 10.0))),
        (QUARTIC, QUARTIC_SLOPE, float(rng.uniform(-1.5, 1.5))),
    ]


UNIT = Unit(
    name="derivatives",
    number=1,
    title="derivatives, computation graphs and gradient descent",
    tasks=(
        _difference_task(
            "1.1",
            "forward_difference",
            "slope by a forward nudge",
            "(f(a + epsilon) - f(a)) / epsilon, unrounded.",
        ),
        _difference_task(
            "1.2",
            "centered_difference",
            "slope by a two-sided nudge",
            "(f(a + epsilon) - f(a - epsilon)) / (2 * epsilon): the points are 2 epsilon apart.",
        ),
        Task(
            "1.3",
            "graph_forward",
            "forward pass of J = 3(a + bc)",
            (
                Check(
                    "returns_tuple",
                    1,
                    _graph_forward_type,
                    "type",
                    "returns a tuple (u, v, J) of three numbers",
                ),
                Check(
                    "values",
                    2,
                    _graph_forward_visible,
                    "values",
                    "the lesson's graph at a = 5, b = 3, c = 2 gives (6, 11, 33)",
                ),
                Check(
                    "hidden",
                    2,
                    _graph_forward_hidden,
                    "hidden",
                    "matches the reference at random a, b, c",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "1.4",
            "graph_backward",
            "backward pass by the chain rule",
            (
                Check(
                    "structure",
                    1,
                    _graph_backward_structure,
                    "structure",
                    'returns a dict with exactly the keys "dv", "du", "da", "db", "dc"',
                ),
                Check(
                    "values",
                    2,
                    _graph_backward_values,
                    "values",
                    "the lesson's graph at a = 5, b = 3, c = 2",
                ),
                Check(
                    "gradcheck",
                    3,
                    _graph_backward_gradcheck,
                    "gradient",
                    "agrees with centred differences of J at the lesson's and other points",
                ),
            ),
        ),
        Task(
            "1.5",
            "gradient_descent",
            "gradient descent on a convex cost",
            (
                Check(
                    "structure",
                    1,
                    _gd_structure,
                    "structure",
                    "returns (w, costs) with costs a list of num_iterations + 1 numbers",
                ),
                Check(
                    "values",
                    2,
                    _compare_cases(
                        "gradient_descent/values",
                        [((BOWL, BOWL_SLOPE, 0.0), {})],
                        "(w, costs)",
                        hint="w := w - learning_rate * dJ(w); costs[0] = J(w0).",
                    ),
                    "values",
                    "J(w) = (w - 3)^2 + 1 from w0 = 0 with the default arguments",
                ),
                Check(
                    "uses_arguments",
                    1,
                    _compare_cases(
                        "gradient_descent/arguments",
                        [
                            (
                                (QUARTIC, QUARTIC_SLOPE, 2.0),
                                {"learning_rate": 0.05, "num_iterations": 7},
                            ),
                            (
                                (BOWL, BOWL_SLOPE, -1.0),
                                {"learning_rate": 0.3, "num_iterations": 12},
                            ),
                        ],
                        "(w, costs)",
                        hint="use the learning_rate and num_iterations arguments, not numbers.",
                    ),
                    "values",
                    "respects learning_rate and num_iterations",
                ),
                Check(
                    "no_iterations",
                    1,
                    _gd_no_iterations,
                    "edge",
                    "num_iterations = 0 returns (w0, [J(w0)])",
                ),
                Check(
                    "hidden",
                    2,
                    cl.hidden_values(_gd_hidden_cases, name="(w, costs)"),
                    "hidden",
                    "matches the reference from random starting points",
                    hidden=True,
                ),
            ),
        ),
    ),
)
