"""Checks of unit 1, derivatives (kit-only: the course teaches it without a notebook).

Functions given to student code (``f``, ``J``, ``dJ``) are :class:`LessonFunction` objects:
callables that carry only a name, never a live grader object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from autograder import checklib as cl
from autograder.asserts import (
    expect_float,
    expect_items,
    expect_keys,
    expect_list,
    expect_tuple,
    is_real_scalar,
)
from autograder.context import Context, LastCall
from autograder.gradcheck import H, compare_gradient, expect_gradients
from autograder.lesson_functions import LessonFunction
from autograder.plain import describe
from autograder.spec import CheckFailure, Unit

UNIT = Unit("derivatives", 1, "derivatives, computation graphs and gradient descent")

TRIPLE, SQUARE, CUBE = LessonFunction("triple"), LessonFunction("square"), LessonFunction("cube")
BOWL, BOWL_SLOPE = LessonFunction("bowl"), LessonFunction("bowl_slope")
QUARTIC, QUARTIC_SLOPE = LessonFunction("quartic"), LessonFunction("quartic_slope")
#: Functions (and a safe range of points) for hidden finite-difference inputs.
SMOOTH = ("triple", "square", "cube", "log", "bowl", "quartic", "exp", "sine")
GRAPH_KEYS = ("dv", "du", "da", "db", "dc")
#: The lesson's graph at a = 5, b = 3, c = 2, and points that are not the lesson's.
GRAPH_POINTS = ((5.0, 3.0, 2.0), (-1.5, 0.25, 4.0), (0.0, -2.0, 0.5), (2.5, 7.0, -3.0))
LESSON = [(f, a) for f in (TRIPLE, SQUARE) for a in (2.0, 5.0)]
NUDGES = [((SQUARE, 2.0), {"epsilon": 0.1}), ((CUBE, 1.0), {"epsilon": 0.5})]
QUOTIENT = "return the quotient itself, a number; np.diff returns an array."


# ----------------------------------------------------------------- 1.1 and 1.2 differences


def _difference_hidden_cases(rng: np.random.Generator) -> list[tuple[Any, ...]]:
    names = rng.choice(SMOOTH, size=4, replace=False)
    return [(LessonFunction(str(n)), float(rng.uniform(0.5, 3.0))) for n in names]


def _shown_as(ctx: Context, right: Callable[[Callable[..., Any], LastCall], list[float]]) -> bool:
    """Whether the shown call returned one of the numbers ``right(reference, call)`` lists."""
    call = ctx.shown_call
    if call is None or call.outcome.error is not None or ctx.reference is None:
        return False
    got = call.outcome.value
    return is_real_scalar(got) and any(
        abs(float(got) - r) <= 1e-9 * max(1.0, abs(r)) for r in right(ctx.ref(), call)
    )


def _fixed_epsilon_hint(ctx: Context) -> str | None:
    """The hint of a quotient that nudges by 0.001 whatever epsilon the call gives."""
    if _shown_as(ctx, lambda ref, call: [ref(*call.args, epsilon=0.001)]):
        return "nudge by the epsilon argument, not by a fixed 0.001."
    return None


def _rounded_hint(ctx: Context) -> str | None:
    """The hint of a quotient rounded to a few decimals, as the lesson prints it."""

    def rounded(ref: Callable[..., Any], call: LastCall) -> list[float]:
        return [round(ref(*call.args, **call.kwargs), d) for d in range(7)]

    return "return the unrounded quotient." if _shown_as(ctx, rounded) else None


def _difference_task(task_id: str, fn: str, title: str, hint: str) -> None:
    """Tasks 1.1 and 1.2: the same checks for two difference quotients.

    Each value check's hint is the quotient's formula (``hint``), unless the result is the
    quotient with a fixed epsilon = 0.001 (``uses_epsilon``) or rounded (``hidden``).
    """
    t = UNIT.task(task_id, fn, title, course=False)
    number = cl.returns_number((SQUARE, 2.0), "(f, 2.0)", hint=QUOTIENT)
    t.add("returns_number", 1, number, "returns a single number, not an array or a list")
    values = cl.visible_values(f"{fn}/values", LESSON, name=f"{fn}(f, a)", hint=hint)
    description = "the lesson's examples: f(a) = 3a at a = 2 and 5, f(a) = a^2 at a = 2 and 5"
    t.add("values", 2, values, description)
    nudges = cl.visible_calls(f"{fn}/epsilon", NUDGES, name=f"{fn}(f, a, epsilon)", hint=hint)
    description = "uses its epsilon argument (epsilon = 0.1 and 0.5)"
    t.add("uses_epsilon", 1, cl.with_hint(nudges, _fixed_epsilon_hint), description, kind="values")
    hidden = cl.hidden_values(_difference_hidden_cases, name=f"{fn}(f, a)", hint=hint)
    description = "matches the reference for other functions and points (default epsilon)"
    t.add("hidden", 2, cl.with_hint(hidden, _rounded_hint), description, hidden=True)


hint = "(f(a + epsilon) - f(a)) / epsilon, unrounded."
_difference_task("1.1", "forward_difference", "slope by a forward nudge", hint)
hint = "(f(a + epsilon) - f(a - epsilon)) / (2 * epsilon): the points are 2 epsilon apart."
_difference_task("1.2", "centered_difference", "slope by a two-sided nudge", hint)

# ----------------------------------------------------------------- 1.3 graph_forward
t = UNIT.task("1.3", "graph_forward", "forward pass of J = 3(a + bc)", course=False)


@t.check("returns_tuple", 1)
def _graph_forward_type(ctx: Context) -> None:
    """returns a tuple (u, v, J) of three numbers."""
    out = ctx.call(5.0, 3.0, 2.0)
    if not isinstance(out, tuple):
        detail = f"graph_forward() should return a tuple (u, v, J) but returned {describe(out)}."
        hint = "return u, v, J  (a tuple), not an array or a list."
        raise CheckFailure(detail, hint=hint, kind="type")
    for label, value in zip(("u", "v", "J"), expect_tuple(out, "graph_forward()", 3)):
        expect_float(value, label)


def _graph_forward_values(ctx: Context, args: tuple[float, float, float], exp: Any, kind: str):
    got = cl.numbers(ctx.call(*args), "(u, v, J)").ravel()
    cl.compare(got, np.asarray(exp, dtype=np.float64), "(u, v, J)", kind=kind)


@t.check("values", 2)
def _graph_forward_visible(ctx: Context) -> None:
    """the lesson's graph at a = 5, b = 3, c = 2 gives (6, 11, 33)."""
    exp = ctx.expected("graph_forward/values", lambda ref: ref("graph_forward")(5.0, 3.0, 2.0))
    _graph_forward_values(ctx, (5.0, 3.0, 2.0), exp, "values")


@t.check("hidden", 2, hidden=True)
def _graph_forward_hidden(ctx: Context) -> str:
    """matches the reference at random a, b, c."""
    ref = ctx.ref()
    for _ in range(3):
        args = tuple(float(x) for x in ctx.rng.uniform(-4, 4, 3))
        _graph_forward_values(ctx, args, ref(*args), "hidden")
    return "3 random inputs"


# ----------------------------------------------------------------- 1.4 graph_backward
t = UNIT.task("1.4", "graph_backward", "backward pass by the chain rule", course=False)


@t.check("structure", 1)
def _graph_backward_structure(ctx: Context) -> None:
    """returns a dict with exactly the keys "dv", "du", "da", "db", "dc"."""
    out = expect_keys(ctx.call(5.0, 3.0, 2.0), "graph_backward()", GRAPH_KEYS)
    for k in GRAPH_KEYS:
        expect_float(out[k], f"d[{k!r}]")


@t.check("values", 2)
def _graph_backward_values(ctx: Context) -> None:
    """the lesson's graph at a = 5, b = 3, c = 2."""
    exp = ctx.expected("graph_backward/values", lambda ref: ref("graph_backward")(5.0, 3.0, 2.0))
    got = expect_items(ctx.call(5.0, 3.0, 2.0), "graph_backward()", GRAPH_KEYS)
    cl.compare(got, exp, "d", hint="dvar is dJ/dvar: multiply by the derivative to the right.")


def _numeric_graph_gradient(a: float, b: float, c: float) -> dict[str, float]:
    """Centred differences of J = 3(a + bc) in float64, per node of the graph."""

    def diff(g: Callable[[float], float], x: float) -> float:
        return (g(x + H) - g(x - H)) / (2 * H)

    u, v = b * c, a + b * c
    return {
        "dv": diff(lambda t: 3.0 * t, v),
        "du": diff(lambda t: 3.0 * (a + t), u),
        "da": diff(lambda t: 3.0 * (t + b * c), a),
        "db": diff(lambda t: 3.0 * (a + t * c), b),
        "dc": diff(lambda t: 3.0 * (a + b * t), c),
    }


@t.check("gradcheck", 3)
def _graph_backward_gradcheck(ctx: Context) -> str:
    """agrees with centred differences of J at the lesson's and other points."""
    points = [*GRAPH_POINTS, tuple(float(x) for x in ctx.rng.uniform(-5, 5, 3))]
    worst: dict[str, Any] = {}
    for a, b, c in points:
        got = expect_items(ctx.call(a, b, c), "graph_backward()", GRAPH_KEYS)
        numeric = _numeric_graph_gradient(a, b, c)
        results = [
            compare_gradient(k, cl.numbers(got[k], f"d[{k!r}]"), np.float64(numeric[k]))
            for k in GRAPH_KEYS
        ]
        hint = "J = 3v, v = a + u, u = bc: db = du * c and dc = du * b."
        expect_gradients(results, hint=hint, where=f" at a = {a:g}, b = {b:g}, c = {c:g}")
        worst.update({r.name: max(r, worst.get(r.name, r), key=lambda x: x.error) for r in results})
    notes = ", ".join(f"{k} max relative error {worst[k].error:.1e}" for k in GRAPH_KEYS)
    return f"{notes} (ok < {worst['dv'].tol:.0e}; {len(points)} points)"


# ----------------------------------------------------------------- 1.5 gradient_descent
t = UNIT.task("1.5", "gradient_descent", "gradient descent on a convex cost", course=False)


@t.check("structure", 1)
def _gd_structure(ctx: Context) -> None:
    """returns (w, costs) with costs a list of num_iterations + 1 numbers."""
    w, costs = expect_tuple(ctx.call(BOWL, BOWL_SLOPE, 0.0), "gradient_descent()", 2)
    expect_float(w, "w")
    expect_list(costs, "costs", hint="build it with costs = [J(w)] and costs.append(...).")
    if len(costs) != 101:
        detail = "with num_iterations = 100, costs should have 101 entries (the cost before any"
        detail += f" update and after each update) but has {len(costs)}."
        hint = "costs[0] is J(w0), recorded before the loop."
        raise CheckFailure(detail, hint=hint, kind="shape")
    for i, c in enumerate(costs):
        expect_float(c, f"costs[{i}]")


#: The update's formula: the values checks' hint.
GD_HINT = "w := w - learning_rate * dJ(w); costs[0] = J(w0)."
BOWL_0 = [(BOWL, BOWL_SLOPE, 0.0)]
values = cl.visible_values("gradient_descent/values", BOWL_0, name="(w, costs)", hint=GD_HINT)
t.add("values", 2, values, "J(w) = (w - 3)^2 + 1 from w0 = 0 with the default arguments")
cases = [
    ((QUARTIC, QUARTIC_SLOPE, 2.0), {"learning_rate": 0.05, "num_iterations": 7}),
    ((BOWL, BOWL_SLOPE, -1.0), {"learning_rate": 0.3, "num_iterations": 12}),
]
arguments = cl.visible_calls("gradient_descent/arguments", cases, name="(w, costs)", hint=GD_HINT)
t.add("uses_arguments", 1, arguments, "respects learning_rate and num_iterations", kind="values")


#: The bowl with a learning rate over 1: every step overshoots the minimum by more than it
#: corrects, so w and the cost grow (the lesson's picture of a rate too large).
OVERSHOOT = ((BOWL, BOWL_SLOPE, 0.0), {"learning_rate": 1.05, "num_iterations": 12})


@t.check("too_large_rate", 1, kind="values")
def _gd_too_large_rate(ctx: Context) -> None:
    """With a learning rate too large the costs grow, and every step is still taken."""
    args, kw = OVERSHOOT
    expected = ctx.expected("gradient_descent/overshoot", lambda ref: ref()(*args, **kw))
    got = ctx.call(*args, **kw)
    with cl.explain_failure(ctx, cl.hint_when_passing("values", OVERSHOOT_HINT)):
        cl.compare_returned(got, expected, "(w, costs)", hint=GD_HINT)


#: The rate's own mistake, named only where the ordinary calls are right (else the formula).
OVERSHOOT_HINT = (
    "with a learning rate too large every step overshoots and the cost grows: take all "
    "num_iterations steps anyway (no stopping early, no clipping w): the rate is the "
    "caller's to choose, and the growing costs show it is too large."
)


@t.check("no_iterations", 1, kind="edge")
def _gd_no_iterations(ctx: Context) -> None:
    """num_iterations = 0 returns (w0, [J(w0)])."""
    got = ctx.call(BOWL, BOWL_SLOPE, 5.0, num_iterations=0)
    detail = "with num_iterations = 0, gradient_descent() should return (w0, [J(w0)])."
    hint = "record J(w0) before the loop, not inside it."
    with cl.restated(detail, hint, kind="edge", lines=[("got", describe(got))]):
        cl.compare(got, (5.0, [BOWL(5.0)]), "(w, costs)", kind="edge")


def _starts(rng: np.random.Generator) -> list[tuple[Any, ...]]:
    return [
        (BOWL, BOWL_SLOPE, float(rng.uniform(-5.0, 10.0))),
        (QUARTIC, QUARTIC_SLOPE, float(rng.uniform(-1.5, 1.5))),
    ]


hidden = cl.hidden_values(_starts, name="(w, costs)")
t.add("hidden", 2, hidden, "matches the reference from random starting points", hidden=True)
# "use the arguments" only where one of them changes nothing (msg 17 M1): then for every
# check (a count of costs, a value; else each gives the update's formula, or its case's mistake)
ignored = cl.argument_variants(cases[0], learning_rate=0.1, num_iterations=100)
cl.explain_all(t, cl.ignored_argument_hint(ignored))
