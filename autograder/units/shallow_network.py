"""Checks of unit 4, one hidden layer: activations, gradients, symmetry breaking, training.

Tasks 4.9–4.16 are the course's (W3A1), graded by its standard (what a release accepted gets full
marks; the kit's extras are advice); 4.1–4.8 (activations) and 4.17 (restarts) are the kit's.
The grader-only maths ``M`` (:mod:`autograder.units._shallow_math`) gives the backward pass's
trusted cost; in the student bundle the student's own forward pass, cost and blocks serve. The
composites are checked against the student's own blocks: a block's mistake costs its points.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Collection
from functools import cache
from typing import Any

import numpy as np

from autograder import checklib as cl
from autograder import source_hints
from autograder.asserts import expect_array, expect_float, expect_tuple, is_real_scalar
from autograder.context import Context, StudentRaised
from autograder.gradcheck import H, expect_gradient
from autograder.plain import describe, describe_args, same_plain, type_name
from autograder.planar import small_planar_problem
from autograder.spec import Adapter, CheckFailure, Task, Unit
from autograder.units._network_checks import (
    closest_rows,
    expect_arrays,
    expect_own_math,
    expect_param_gradients,
    numerical_param_gradients,
    own_cost,
    rms,
)

try:  # the grader's network maths: not in the student bundle
    from autograder.units import _shallow_math as M  # noqa: N812
except ImportError:  # pragma: no cover - exercised by simulating the bundle
    M = None

UNIT = Unit("shallow_network", 4, "one hidden layer: activations, backpropagation, symmetry")

# --------------------------------------------------------------------------- inputs


def _param_spec(n_x: int, n_h: int, n_y: int, prefix: str = "", of: bool = False) -> dict:
    """``{prefix + name: (shape, shape in course symbols)}`` of W1, b1, W2, b2."""
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    sym = {"W1": "(n_h, n_x)", "b1": "(n_h, 1)", "W2": "(n_y, n_h)", "b2": "(n_y, 1)"}
    return {prefix + k: (s, sym[k] + f", the shape of {k}" * of) for k, s in shapes.items()}


def _problem(seed: int, n_x: int, n_h: int, m: int, scale: float = 0.8) -> tuple:
    """A random network and a data set with both classes: ``(parameters, X, Y)``."""
    rng = np.random.default_rng(seed)
    p = {"W1": rng.normal(0, scale, (n_h, n_x)), "b1": rng.normal(0, 0.5, (n_h, 1))}
    p |= {"W2": rng.normal(0, scale, (1, n_h)), "b2": rng.normal(0, 0.5, (1, 1))}
    X, Y = rng.normal(0, 1.0, (n_x, m)), np.zeros((1, m))
    Y[0, rng.permutation(m)[: (m + 1) // 2]] = 1.0
    return p, X, Y


def _random_problem(rng: np.random.Generator) -> tuple:
    n_x, n_h, m = (int(v) for v in rng.integers((2, 2, 3), (6, 7, 9)))
    return _problem(int(rng.integers(2**31)), n_x, n_h, m)


def _normal(seed: int, *shape: int) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=shape)


Z = np.array([[-2.0, -0.5, 0.0, 0.5], [1.0, 3.0, -4.0, 0.25]])
Z_FLAT = np.array([-1.0, 0.0, 2.0])
SHAPES = [Z_FLAT, np.array([[-3.0], [0.3], [1.7]]), Z]
#: Gradient-check points: |z| >= 0.05, far from the kink of relu at 0 (h = 1e-5).
ZG = np.array([[-3.0, -1.2, -0.3, -0.05], [0.05, 0.4, 1.5, 3.5]])
#: Points at exactly 0 (and -0.0), where the slope of relu is undefined.
Z0 = np.array([[0.0, -2.0, -0.0], [1.5, 0.0, -0.5]])
BIG = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])
#: The course's test case (X (5, 3), Y (2, 3)) and one where hard-coding it shows.
LS_CASES = [(_normal(11, 5, 3), _normal(12, 2, 3)), (_normal(13, 3, 7), _normal(14, 1, 7))]
FWD_P, FWD_X, _ = _problem(21, 3, 4, 5)
COST_CASES = [
    (np.array([[0.5002307, 0.49985831, 0.50023963]]), np.array([[1.0, 0.0, 0.0]])),
    (np.array([[0.8, 0.9, 0.4, 0.05]]), np.array([[1.0, 0.0, 1.0, 0.0]])),
]
#: Backward gradient checks: two problems with different n_x, n_h, m (all distinct).
GRAD_PROBLEMS = [_problem(31, 3, 4, 5), _problem(32, 2, 6, 9)]
UP_P, _, _ = _problem(41, 2, 3, 1)
UP_G = {"d" + k: v for k, v in _problem(42, 2, 3, 1)[0].items()}
PR_P, PR_X, _ = _problem(51, 2, 4, 12, scale=1.5)
NN_X, NN_Y = small_planar_problem(24)
#: Three input features: the planar data's 2, written in the code or read from the notebook's
#: X, fit only it (sweep 18 F3).
NN_X3 = np.vstack([NN_X, _normal(25, 1, NN_X.shape[1])])


def _sizes_hint(ctx: Context) -> str:
    """The hint of a training loop right on NN_X and wrong on NN_X3."""
    return (
        f"{ctx.task.function}() works on X of 2 features but not of 3: take n_x from X "
        "(layer_sizes(X, Y)), do not write 2 or read the notebook's X."
    )


def _hidden(t: Task, make_case, n: int, name: str, description: str) -> None:  # noqa: ANN001
    """Add the task's hidden check: ``n`` cases ``make_case(rng)`` against the reference."""
    run = cl.hidden_values(lambda rng: [make_case(rng) for _ in range(n)], name=name)
    t.add("hidden", 1, run, description, hidden=True)


# --------------------------------------------------------------------------- 4.1–4.8 activations


def _elementwise(ctx: Context, z: np.ndarray, **kwargs) -> np.ndarray:
    """The task's elementwise result on ``z`` as float64 of z's shape (a shape check is apart)."""
    fn = ctx.task.function
    got = cl.numbers(ctx.call(z, **kwargs), f"{fn}(z)")
    if got.size != z.size:
        raise CheckFailure(
            f"{fn}(z) has {got.size} entries (shape {got.shape}) but should have the shape of "
            f"z, {z.shape}.",
            kind="shape",
        )
    return got.reshape(z.shape)


def _gradcheck(activation, hint: str, slope: float | None = None):  # noqa: ANN001, ANN202
    """Check the task's derivative against centred differences of ``activation`` (at ``slope``).

    On the points ``ZG``, and on the same scaled at grading time
    (:func:`autograder.checklib.scaled_at_random`): relu's kink stays out of reach, the
    smallest ``|z|`` 0.03 where ``ZG`` has 0.05.
    """

    def run(ctx: Context) -> str:
        kwargs = {} if slope is None else {"slope": slope}
        z = np.hstack([ZG, cl.scaled_at_random(ctx, ZG)])
        got = _elementwise(ctx, z, **kwargs)
        numeric = (activation(z + H) - activation(z - H)) / (2 * H)
        extra = "" if slope is None else f", slope={slope:g}"
        return expect_gradient(f"{ctx.task.function}(z{extra})", got, numeric, hint=hint)

    return run


#: The value checks' hints: each activation's formula.
FORMULAS = {
    "sigmoid": cl.SIGMOID_HINT,
    "tanh": "sign(z) (1 - e^(-2|z|)) / (1 + e^(-2|z|)), as in the docstring.",
    "relu": "relu keeps the positive entries and sets the others to 0: np.maximum(0, z).",
    "leaky_relu": "z where z > 0, slope * z elsewhere (slope 0.01 by default).",
}


def _activation(task_id: str, function: str, title: str, derivative=None, **options) -> Task:  # noqa: ANN001
    """A kit-only activation task: its shape check, then its values or its gradient check.

    ``derivative`` is ``(activation, hint, what)`` for the slope of ``activation``.
    """
    t = UNIT.task(task_id, function, title, course=False, **options)
    shape_check = cl.same_shape_as_input(SHAPES, f"{function}(z)")
    t.add("shape", 1, shape_check, "returns a float array shaped like z: (n,), (n, 1), (n, m)")
    if derivative is None:
        hint = FORMULAS.get(function)
        cases = [(Z,), (Z_FLAT,)] + [(cl.SIGMOID_WIDE,)] * (function == "sigmoid")
        run = cl.visible_values(f"{function}/values", cases, name=f"{function}(z)", hint=hint)
        run = _and_drawn(run, hint)
        t.add("values", 1, run, "matches the expected values on the visible inputs, and on drawn")
    else:
        activation, hint, what = derivative
        run = _gradcheck(activation, hint)
        t.add("gradcheck", 2, run, f"agrees with centred differences {what}")
    cl.explain_all(t, cl.elementwise_hint)  # 1 / 1 + np.exp(-z), math.exp (msg 18 x10)
    return t


def _leaky(slope: float):  # noqa: ANN202
    return lambda z: np.where(z > 0, z, slope * z)


#: Each activation computed by the grader, for the inputs drawn at grading time.
ACTIVATIONS = {
    "sigmoid": cl.stable_sigmoid, "tanh": np.tanh, "relu": _leaky(0.0), "leaky_relu": _leaky(0.01)
}  # fmt: skip


def _and_drawn(visible: cl.CheckFn, hint: str | None, slope: float | None = None) -> cl.CheckFn:
    """The values check ``visible``, then the same on ``Z`` scaled at grading time."""

    def run(ctx: Context) -> None:
        visible(ctx)
        fn, z = ctx.task.function, cl.scaled_at_random(ctx, Z)
        if slope is None:
            got, exact, name = ctx.call(z), ACTIVATIONS[fn](z), f"{fn}(z)"
        else:
            got, exact, name = ctx.call(z, slope), _leaky(slope)(z), f"{fn}(z, slope={slope:g})"
        cl.compare(got, exact, name, hint=hint)

    run.__doc__ = visible.__doc__
    return run


_activation("4.1", "sigmoid", "sigmoid")
derivative = (cl.stable_sigmoid, "a * (1 - a) with a = sigmoid(z), not z.", "of the sigmoid")
_activation("4.2", "sigmoid_derivative", "slope of the sigmoid", derivative, uses=("sigmoid",))
# tanh = 2 sigmoid(2z) - 1: the course helper planar_utils.sigmoid is honest maths (sweep 13 P9)
t = _activation("4.3", "tanh", "tanh from exponentials", helpers=("sigmoid",))


@t.check("large_inputs", 1)
def _tanh_large(ctx: Context) -> None:
    """Gives ±1 at z = ±1000 (no nan from inf / inf)."""
    # the overflow named only where the ordinary inputs are right (else the formula: msg 17 M1)
    hint = "use the form with e^(-2|z|) from the docstring: it never overflows."
    with cl.explain_failure(ctx, cl.hint_when_passing("values", hint)):
        got = ctx.call(BIG)
        cl.compare(got, np.tanh(BIG), "tanh(z)", atol=1e-12, hint=FORMULAS["tanh"], kind="edge")


#: Library functions that give tanh: its own, and the tangent of i z (``np.tan(1j * z).imag``,
#: red team, round 11).
_TANH_NAMES = frozenset({"tanh", "arctanh", "tan", "arctan"})
#: Calls and attributes that look a function up by its name (``getattr(np, "tan" + "h")``).
_LOOKUPS = ("getattr", "vars", "attrgetter", "methodcaller")
_LOOKUP_ATTRS = ("__dict__", "__getattribute__", "__getattr__")


def _tanh_used(
    tree: ast.AST,
    aliases: dict[str, ast.expr],
    own: Collection[str] = (),
    own_methods: Collection[str] = (),
) -> tuple[str, int] | None:
    """Where a function's code uses numpy's tanh (or looks a function up by name), or None.

    ``Name.tanh`` where ``Name`` is in ``own_methods`` (a class of the student's that defines
    ``tanh``, read too: :func:`_classes_defining`) is the student's method, not numpy's.
    """
    for node in ast.walk(tree):
        alias = cl.resolve_alias(node.id, aliases) if isinstance(node, ast.Name) else None
        if isinstance(node, ast.Attribute) and node.attr in _TANH_NAMES:
            if getattr(node.value, "id", None) in own_methods:
                continue
            return ast.unparse(node), node.lineno
        if isinstance(alias, ast.Attribute) and alias.attr in _TANH_NAMES:
            return f"{node.id} (= {ast.unparse(alias)})", node.lineno
        if isinstance(node, ast.ImportFrom | ast.Import):
            names = [a.name for a in node.names if a.name.split(".")[-1] in _TANH_NAMES]
            if names:
                return names[0], node.lineno
        elif (isinstance(node, ast.Call) and source_hints.called_name(node) in _LOOKUPS) or (
            isinstance(node, ast.Attribute) and node.attr in _LOOKUP_ATTRS
        ):
            return f"{ast.unparse(node)}, a function looked up by name,", node.lineno
    found = _looked_up_call(tree, own)
    return (f"{ast.unparse(found)}, a function found at run time,", found.lineno) if found else None


def _classes_defining(read: list[cl.OwnCode]) -> set[str]:
    """The classes of the code read that define their own tanh, of no base but ``object``.

    ``class Activations: @staticmethod def tanh(z): ...`` (its body is read as the
    student's); a class with a base could take its ``tanh`` from a library's class.
    """
    out = set()
    for code in read:
        for node in ast.walk(code.code):
            if (
                isinstance(node, ast.ClassDef)
                and node.name == code.name
                and all(getattr(b, "id", None) == "object" for b in node.bases)
                and not node.keywords
                and any(isinstance(d, ast.FunctionDef) and d.name in _TANH_NAMES for d in node.body)
            ):
                out.add(node.name)
    return out


def _looked_up_call(tree: ast.AST, own: Collection[str] = ()) -> ast.Call | None:
    """A call of a function taken out of data, or of a name bound from an item, call or loop.

    ``[u for u in table if ...][0](z)`` (red team, round 9: numpy's tanh found in
    ``np.ma.core.ufunc_domain`` by its ``__name__``).
    """
    taken: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.For | ast.comprehension):
            taken |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
        elif (
            isinstance(node, ast.Assign | ast.NamedExpr)
            and isinstance(node.value, ast.Subscript | ast.Call | ast.ListComp | ast.GeneratorExp)
            and not _vectorized_own(node.value, tree, own)
        ):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            taken |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Subscript | ast.Call) and not _vectorized_own(func, tree, own)
            ) or (isinstance(func, ast.Name) and func.id in taken):
                return node
    return None


def _vectorized_own(node: ast.expr, tree: ast.AST, own: Collection[str]) -> bool:
    """``np.vectorize(f)`` or ``np.frompyfunc(f, 1, 1)`` of a lambda or a def read (``own``).

    tanh may loop: a scalar formula of the student's, vectorized, is its own (sweep 15).
    """
    defs = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    defs |= set(own)
    return (
        isinstance(node, ast.Call)
        and source_hints.called_name(node) in ("vectorize", "frompyfunc")
        and bool(node.args)
        and (isinstance(node.args[0], ast.Lambda) or getattr(node.args[0], "id", None) in defs)
    )


@t.check("own_implementation", 1, kind="structure")
@cl.runs_last
def _tanh_own(ctx: Context) -> None:
    """Computed from exponentials, not np.tanh (nor through a helper of its own that uses it)."""
    cl.expect_a_result(ctx.call(Z), "tanh(z)")
    try:
        tree = ast.parse(ctx.submission.placed_source("tanh") or "")
    except SyntaxError:
        tree = ast.Module([], [])
    if not tree.body:
        raise CheckFailure(
            ctx.submission.unreadable("tanh")
            or "the source of tanh() could not be read: define it with def tanh(z): ... "
            "(tanh = np.tanh is not an implementation)."
        )
    aliases = cl.module_aliases(ctx)
    read = list(cl.own_code(ctx, "tanh", "structure"))
    own = {c.name for c in read if not c.data}
    classes = _classes_defining(read)
    for code in read:
        found = _tanh_used(code.code, aliases, own, classes)
        if found:
            raise CheckFailure(
                f"tanh(){code.reached('tanh')} uses {found[0]} ({code.line(found[1])}) "
                "instead of computing tanh from exponentials.",
                hint="write it with np.exp, as in the docstring's formula.",
            )
    values = cl.code_values(read)
    cl.expect_followed_calls(
        ctx, "tanh", read, values, "structure", _TANH_NAMES, loops=True, own_methods=classes
    )
    cl.expect_runs_as_read(ctx, "tanh", read, [((ctx.rng.normal(0, 2, (3, 4)),), {})], "structure")


@t.advise("no_overflow_warning")
def _tanh_warning_advice(ctx: Context) -> str | None:
    """No overflow warning at z = ±1000."""
    out = ctx.outcome("tanh", (BIG,))
    right = out.error is None and same_plain(out.value, np.tanh(BIG), rtol=1e-7, atol=1e-12)
    if right and out.warnings:
        return (
            f"tanh(±1000) emits a warning ({out.warnings[0]}); its values are right, but "
            "sign(z) (1 - e^(-2|z|)) / (1 + e^(-2|z|)) never overflows."
        )
    return None


derivative = (np.tanh, "1 - a ** 2 with a = tanh(z): square a.", "of tanh")
_activation("4.4", "tanh_derivative", "slope of tanh", derivative, uses=("tanh",))
t = _activation("4.5", "relu", "rectified linear unit")
t.add("no_mutation", 1, cl.no_mutation([(Z.copy(),)], ["z"]), "does not modify z")
derivative = (_leaky(0.0), "1 where z > 0, 0 where z < 0.", "of relu away from the kink at 0")
t = _activation("4.6", "relu_derivative", "slope of relu", derivative)


@t.check("at_zero", 1)
def _relu_at_zero(ctx: Context) -> None:
    """Gives 0 or 1 at exactly z = 0."""
    at0 = _elementwise(ctx, Z0)[Z0 == 0]
    if not bool(np.all((at0 == 0.0) | (at0 == 1.0))):
        raise CheckFailure(
            "at exactly z = 0 the slope of relu should be 0 or 1 (either is accepted).",
            lines=[("got", f"relu_derivative(0.0) = {at0[0]!r}, ... ({describe(at0)})")],
            hint="use a strict comparison, np.where(z > 0, 1.0, 0.0), not the average of the "
            "two sides.",
        )


# "use the slope argument" only where the result is the same whatever the slope is; any other
# wrong result gets the formula, as the values check does (msg 17 M1)
slope_text = "uses its slope argument (slope=0.2)"
t = _activation("4.7", "leaky_relu", "leaky relu")
hint, ignored = FORMULAS["leaky_relu"], [("slope", ((Z, 0.2), {}), ((Z, 0.01), {}))]
run = cl.visible_values("leaky_relu/slope", [(Z, 0.2)], name="leaky_relu(z, slope=0.2)", hint=hint)
t.add("slope_argument", 1, _and_drawn(run, hint, slope=0.2), slope_text, kind="values")
cl.explain_all(t, cl.ignored_argument_hint(ignored), only=("values", "slope_argument"))
t.add("no_mutation", 1, cl.no_mutation([(Z.copy(),)], ["z"]), "does not modify z")
what, hint = "of leaky relu (default slope 0.01)", "1 where z > 0, slope where z < 0."
t = _activation("4.8", "leaky_relu_derivative", "slope of leaky relu", (_leaky(0.01), hint, what))
ignored = [("slope", ((ZG,), {"slope": 0.2}), ((ZG,), {"slope": 0.01}))]
t.add("slope_argument", 1, _gradcheck(_leaky(0.2), hint, slope=0.2), slope_text, kind="gradient")
cl.explain_all(t, cl.ignored_argument_hint(ignored), only=("gradcheck", "slope_argument"))

# --------------------------------------------------------------------------- 4.9 layer_sizes

t = UNIT.task("4.9", "layer_sizes", "sizes of the layers")
SIZES = ("n_x", "n_h", "n_y")


@t.check("structure", 1, kind="type")
def _layer_sizes_structure(ctx: Context) -> None:
    """Returns a tuple of three ints."""
    raw = ctx.call(*LS_CASES[0])
    if not isinstance(raw, tuple):
        raise CheckFailure(
            f"layer_sizes() should return a tuple (n_x, n_h, n_y) but returned {type_name(raw)}.",
            lines=[("got", describe(raw))],
        )
    for label, v in zip(SIZES, expect_tuple(raw, "layer_sizes()", 3)):
        if not is_real_scalar(v) or not isinstance(v, int | np.integer):
            raise CheckFailure(
                f"{label} should be an int but is {type_name(v)} ({describe(v)}).",
                hint="sizes are counts: X.shape[0] is already an int.",
            )


def _size_problem(i: int, got: list, expected: list) -> str | None:
    """What is wrong with size ``i`` (n_x, n_h or n_y) over the visible cases, if anything."""
    name, data = SIZES[i], "XY"[i // 2]
    bad = [v for v in got if not is_real_scalar(v)]
    if bad:  # an array: comparing it would be ambiguous
        if np.shape(bad[0]) == LS_CASES[0][i // 2].shape and i != 1:
            return f"{name} is the array {data} itself, not its size {data}.shape[0]"
        return f"{name} is {type_name(bad[0])} {describe(bad[0])}, not a size"
    if got == expected:
        return None
    fixed = len(set(got)) == 1
    if i == 1:
        return f"n_h is {got[0] if fixed else got}, but the lesson's hidden layer has 4 units"
    right = f"{data}.shape[0] = {' and '.join(map(str, expected))}"
    if got == [c[i // 2].shape[1] for c in LS_CASES]:
        return f"{name} is {data}.shape[1], the number of examples, but should be {right}"
    if fixed:
        return f"{name} is always {got[0]} (hard-coded), but should be {right}"
    return f"{name} is {' and '.join(map(str, got))} but should be {right}"


@t.check("values", 1)
def _layer_sizes_values(ctx: Context) -> None:
    """X (5, 3) and Y (2, 3) give (5, 4, 2); X (3, 7) and Y (1, 7) give (3, 4, 1)."""
    expected = ctx.expected("layer_sizes/values", lambda ref: [list(ref()(*c)) for c in LS_CASES])
    got = [list(expect_tuple(ctx.call(*c), "layer_sizes()", 3)) for c in LS_CASES]
    problems = [_size_problem(i, [g[i] for g in got], [e[i] for e in expected]) for i in range(3)]
    if any(problems):
        raise CheckFailure(
            "wrong sizes: " + "; ".join(p for p in problems if p) + ".",
            lines=[
                ("called", "layer_sizes(X, Y) with X (5, 3), Y (2, 3), then X (3, 7), Y (1, 7)"),
                ("got", ", ".join(str(tuple(g)) for g in got)),
                ("expected", ", ".join(str(tuple(e)) for e in expected)),
            ],
        )


def _layer_sizes_case(rng: np.random.Generator) -> tuple:
    n_x, m, n_y = (int(v) for v in rng.integers((2, 2, 1), (10, 10, 4)))
    return (rng.normal(size=(n_x, m)), rng.normal(size=(n_y, m)))


_hidden(t, _layer_sizes_case, 3, "(n_x, n_h, n_y)", "reads the sizes of any X and Y")

# --------------------------------------------------------------------------- 4.10 initialization

t = UNIT.task("4.10", "initialize_parameters", "random initialization")
RANDN = "draw the weights at random: np.random.randn(...) * 0.01."


def _init(ctx: Context, n_x: int, n_h: int, n_y: int, seed: int, reshape: bool = True):
    out = ctx.call_seeded("initialize_parameters", (n_x, n_h, n_y), None, seed=seed)
    return expect_arrays(out.value, "parameters", _param_spec(n_x, n_h, n_y), reshape=reshape), out


def _reseeds(ctx: Context, n_x: int = 3, n_h: int = 5, seed: int = 11) -> tuple[bool, bool, object]:
    """Whether the function reseeds, and whether it is then the 2017–2020 template's.

    It reseeds when W1 (not constant) of an (n_x, n_h, 1) network is the same after
    np.random.seed(seed) and (seed + 1), 11 and 12 by default; it is the template's seed when
    W1 is then a multiple of the draws after np.random.seed(2), drawn first or after W2 (the
    kit does not grade the order of the draws, with the caller's seed either): of
    np.random.randn, or of np.random.rand (a wrong distribution, which the signs check
    charges, still seeded as the template does).
    """
    (p, out), (q, _) = (_init(ctx, n_x, n_h, 1, seed=s) for s in (seed, seed + 1))
    if not (np.array_equal(p["W1"], q["W1"]) and np.ptp(p["W1"]) > 0):
        return False, False, out
    size = n_h * n_x
    streams = (
        np.random.RandomState(2).randn(size + n_h),
        np.random.RandomState(2).rand(size + n_h),
    )
    factors = (
        _draw_factor(p["W1"], stream[start : start + size].reshape(n_h, n_x))
        for stream in streams
        for start in (0, n_h)  # W1 first, or after W2's (1, n_h) draws
    )
    return True, any(k is not None and k > 0 for k in factors), out


def _draw_factor(W: np.ndarray, draws: np.ndarray) -> float | None:
    """``k`` where ``W`` is exactly ``k`` times ``draws`` (to 1e-9, relative), else None."""
    k = float(np.sum(W * draws) / np.sum(draws**2))
    return k if np.linalg.norm(W - k * draws) <= 1e-9 * np.linalg.norm(W) else None


@t.check("structure", 1)
def _init_structure(ctx: Context) -> None:
    """W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)."""
    _init(ctx, 3, 5, 2, seed=1, reshape=False)


@t.check("not_zero", 1, kind="symmetry")
def _init_not_zero(ctx: Context) -> None:
    """W1 and W2 are not zero."""
    p, _ = _init(ctx, 3, 5, 2, seed=1)
    for key in ("W1", "W2"):
        nonzero = np.count_nonzero(p[key])
        if not (nonzero > 0.9 * p[key].size):
            raise CheckFailure(
                f"{key} is {'mostly' if nonzero else 'all'} zeros ({nonzero} of {p[key].size} "
                "entries are nonzero).",
                hint="zero weights make every hidden unit compute and learn the same thing; "
                "draw weights with np.random.randn(...) * 0.01 (biases may be zero).",
            )


@t.check("distinct_units", 1, kind="symmetry")
def _init_distinct(ctx: Context) -> None:
    """No two hidden units (rows of W1) start equal."""
    W1 = _init(ctx, 3, 6, 1, seed=1)[0]["W1"]
    dist, i, j = closest_rows(W1)
    if not (dist > 1e-8):
        if not (np.ptp(W1) > 0):
            detail = "every hidden unit starts with the same weights (every entry of W1 is "
            detail, hint = detail + f"{W1.flat[0]:g}).", RANDN
        else:
            detail = f"hidden units {i} and {j} start with the same weights (rows {i} and {j} "
            detail += "of W1 are equal), so they compute the same function."
            hint = "draw the whole (n_h, n_x) matrix at once: np.random.randn(n_h, n_x) * 0.01."
        raise CheckFailure(detail, lines=[("W1", describe(W1))], hint=hint)


def _random_weights(ctx: Context) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """``(parameters, {W1, W2})`` of a (20, 50, 1) network after np.random.seed(5).

    A weight matrix of zeros is left out of the second dict: ``not_zero`` reports it.
    """
    p, _ = _init(ctx, 20, 50, 1, seed=5)
    return p, {key: p[key] for key in ("W1", "W2") if np.any(p[key])}


def _draw_factors(weights: dict[str, np.ndarray]) -> dict[str, float]:
    """``{key: k}`` for each weight matrix that is exactly ``k`` times its normal draw.

    The draws are those of ``np.random.randn`` after the caller's ``np.random.seed(5)`` (or
    the older template's own ``np.random.seed(2)``), W1's first, then W2's; a matrix drawn in
    another way is left out (the root-mean-square range alone judges it).
    """
    for seed in (5, 2):
        rs = np.random.RandomState(seed)
        draws = {"W1": rs.randn(50, 20), "W2": rs.randn(1, 50)}
        factors = {key: _draw_factor(W, draws[key]) for key, W in weights.items()}
        found = {key: k for key, k in factors.items() if k is not None}
        if found:
            return found
    return {}


@t.check("scale", 1, kind="values")
def _init_scale(ctx: Context) -> str:
    """W1 and W2 are normal draws times 0.01; b1 and b2 start at zero."""
    p, weights = _random_weights(ctx)
    sizes = {key: rms(W) for key, W in weights.items()}
    for key, r in sizes.items():
        if not (0.003 <= r <= 0.03):
            large = "multiply np.random.randn(...) by 0.01: large weights saturate tanh."
            raise CheckFailure(
                f"the weights of {key} have root-mean-square {r:.3g} but should be about 0.01 "
                "(between 0.003 and 0.03).",
                hint=large if r > 0.03 else RANDN,
            )
    for key, k in _draw_factors(weights).items():
        if not np.isclose(k, 0.01, rtol=1e-6, atol=0):
            raise CheckFailure(
                f"{key} is np.random.randn(...) * {k:.4g}, but the course scales the draws "
                "by 0.01.",
                hint=RANDN,
            )
    for key in ("b1", "b2"):
        if np.any(p[key] != 0):
            raise CheckFailure(
                f"{key} should start at zero but has nonzero entries: the biases are "
                "initialized with np.zeros, not np.ones or random values.",
                lines=[(key, describe(p[key]))],
                hint=f"{key} = np.zeros(({'n_h' if key == 'b1' else 'n_y'}, 1)); the random "
                "weights already make the hidden units differ.",
            )
    return "root-mean-square " + ", ".join(f"{k} {r:.4f}" for k, r in sizes.items())


@t.check("signs", 1, kind="values")
def _init_signs(ctx: Context) -> str:
    """W1 and W2 have weights of both signs (a normal draw)."""
    for key, W in _random_weights(ctx)[1].items():
        pos, neg = float(np.mean(W > 0)), float(np.mean(W < 0))
        if not (np.ptp(W) > 0):
            raise CheckFailure(f"the weights of {key} are all equal to {W.flat[0]:g}.", hint=RANDN)
        if not (pos >= 0.1 and neg >= 0.1):
            raise CheckFailure(
                f"{pos:.0%} of the weights of {key} are positive and {neg:.0%} negative; a "
                "normal draw gives about half of each.",
                hint="np.random.rand draws from [0, 1) (all positive); use np.random.randn."
                if neg == 0
                else "use np.random.randn (standard normal: both signs).",
            )
    return "both signs"


@t.check("reproducible", 1)
def _init_reproducible(ctx: Context) -> None:
    """The same np.random.seed gives the same parameters."""
    a, b = (ctx.call_seeded("initialize_parameters", (3, 5, 1), seed=11).value for _ in "ab")
    cl.expect_a_result(a, "initialize_parameters(3, 5, 1)")
    if not same_plain(a, b, rtol=0, atol=0):
        raise CheckFailure(
            "two calls after the same np.random.seed(11) returned different parameters.",
            hint="draw from numpy's global generator (np.random.randn) and do not reseed it "
            "from the clock (np.random.seed()) or use a fresh np.random.default_rng().",
        )


@t.check("follows_seed", 1, kind="rng")
def _init_follows_seed(ctx: Context) -> str | None:
    """Draws from the caller's seed (the course template's own np.random.seed(2) is accepted)."""
    reseeds, template, out = _reseeds(ctx)
    if template:
        ctx.recognize(
            "np.random.seed(2) inside initialize_parameters is the line of the 2017–2020 course "
            "template: accepted."
        )
        return "np.random.seed(2) inside, as in the older course template"
    if reseeds:
        calls = f" (it calls {', '.join(out.rng_reseeded)})" if out.rng_reseeded else ""
        raise CheckFailure(
            "W1 is the same whatever the caller seeds: the function seeds its own generator"
            f"{calls}, and its draws are not those of the course template's np.random.seed(2).",
            lines=[("called", "initialize_parameters(3, 5, 1) after np.random.seed(11), (12)")],
            hint="remove the seeding from initialize_parameters: the caller seeds (nn_model "
            "does np.random.seed(3)).",
        )
    return None


@t.advise("no_reseed")
def _init_reseed_advice(ctx: Context) -> str | None:
    """The caller seeds (no np.random.seed inside initialize_parameters)."""
    if _reseeds(ctx)[1]:
        return (
            "initialize_parameters seeds numpy's generator itself (np.random.seed(2), the "
            "older course template's line, accepted), so every call returns the same weights; "
            "the kit prefers that the caller seeds (nn_model's np.random.seed(3), restarts)."
        )
    return None


@t.check("units_stay_distinct", 1, kind="symmetry")
def _init_units_stay_distinct(ctx: Context) -> str:
    """Hidden units are still distinct after training from this initialization."""
    steps, (X, Y) = 100, small_planar_problem(40)
    p, _ = _init(ctx, 2, 4, 1, seed=1)
    if M is not None:
        trained, how = M.train(p, X, Y, steps, 1.2), "gradient descent"
    else:  # the student bundle: train with the student's own blocks
        expect_own_math(ctx, ("forward_propagation", "backward_propagation", "update_parameters"))
        trained = _descend_own_blocks(ctx, p, X, Y, steps)
        trained = expect_arrays(trained, "update_parameters()", _param_spec(2, 4, 1), reshape=True)
        how = "gradient descent with your forward, backward and update functions"
    dist, i, j = closest_rows(trained["W1"])
    if not (dist > 1e-8):
        raise CheckFailure(
            f"after {steps} steps of {how} from your initialization, hidden units "
            f"{i} and {j} are still identical (rows {i} and {j} of W1 are equal).",
            lines=[("W1", describe(trained["W1"]))],
            hint="identical units get identical gradients forever: initialize W1 and W2 "
            "randomly (np.random.randn(...) * 0.01).",
        )
    return f"closest hidden units after training differ by {dist:.2g}"


# --------------------------------------------------------------------------- 4.11 forward

t = UNIT.task("4.11", "forward_propagation", "forward propagation", uses=("sigmoid",))


@t.check("structure", 1, kind="shape")
def _check_forward_structure(ctx: Context) -> None:
    """Returns (A2 (n_y, m), cache {Z1, A1 (n_h, m), Z2, A2 (n_y, m)})."""
    A2, c = expect_tuple(ctx.call(FWD_X, FWD_P), "forward_propagation()", 2)
    n_h, m = FWD_P["W1"].shape[0], FWD_X.shape[1]
    rows = {"Z1": (n_h, "n_h"), "A1": (n_h, "n_h"), "Z2": (1, "n_y"), "A2": (1, "n_y")}
    spec = {k: ((n, m), f"({sym}, m)") for k, (n, sym) in rows.items()}
    transposed = "did you compute np.dot(X.T, W1.T) instead of np.dot(W1, X)?"
    expect_arrays(c, "cache", spec, hints={"Z1": transposed, "A1": transposed})
    expect_array(A2, "A2", (1, m), shape_text="(n_y, m)")


hint = "Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2), in this order."
run = cl.visible_values(
    "forward_propagation/values", [(FWD_X, FWD_P)], name="(A2, cache)", hint=hint
)
t.add("values", 2, run, "matches the expected values on a visible network")
_hidden(t, lambda rng: _random_problem(rng)[1::-1], 2, "(A2, cache)", "matches on random networks")

# --------------------------------------------------------------------------- 4.12 cost

release = "the 2017–2020 releases (a parameters argument the cost does not use)"


def _with_parameters(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """Add the older ``parameters`` argument: a network's (its template reads W1 and W2)."""
    n_y = int(np.shape(args[0])[0]) if np.ndim(args[0]) == 2 else 1
    parameters = {k: np.full(shape, 0.01) for k, (shape, _) in _param_spec(2, 4, n_y).items()}
    return (*args, parameters), kwargs


old = Adapter(("A2", "Y", "parameters"), release, _with_parameters)
t = UNIT.task("4.12", "compute_cost", "cross-entropy cost", adapters=(old,))


hint = "np.squeeze(cost) turns the (1, 1) result of np.dot into a number."
run = cl.returns_number(COST_CASES[1], "(A2, Y)", hint=hint, examples=COST_CASES[1][0].shape[1])
t.add("returns_number", 1, run, "Returns one real number (a float, a numpy scalar or a 0-d array)")


@t.advise("python_float")
def _check_cost_float_advice(ctx: Context) -> str | None:
    """The cost is a Python float."""
    value = ctx.call(*COST_CASES[1])
    number = is_real_scalar(value) or (isinstance(value, np.ndarray) and value.shape == ())
    if number and type(value) is not float:
        return (
            f"compute_cost returns {type_name(value)}; any real number is accepted, but the "
            "kit prefers a Python float: return float(np.squeeze(cost))."
        )
    return None


hint = "J = -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2)): both terms, averaged over m."
run = cl.visible_values("compute_cost/values", COST_CASES, name="cost", hint=hint)
t.add("values", 1, run, "matches the expected cost on the visible examples")


def _random_cost_case(rng: np.random.Generator) -> tuple:
    m = int(rng.integers(3, 12))
    return (rng.uniform(0.02, 0.98, (1, m)), (rng.random((1, m)) > 0.5) * 1.0)


_hidden(t, _random_cost_case, 3, "cost", "matches the reference on random outputs")

# --------------------------------------------------------------------------- 4.13 backward

t = UNIT.task("4.13", "backward_propagation", "backpropagation")


def _backward_args(ctx: Context, i: int) -> tuple:
    """``(parameters, cache, X, Y)`` on ``GRAD_PROBLEMS[i]``; the trusted cache, stored."""
    p, X, Y = GRAD_PROBLEMS[i]

    def compute(ref):  # noqa: ANN001, ANN202
        return (M.forward if M is not None else ref("forward_propagation"))(X, p)[1]

    return (p, ctx.expected(f"backward_propagation/cache{i}", compute), X, Y)


@t.check("structure", 1, kind="shape")
def _backward_structure(ctx: Context) -> None:
    """The gradients dW1, db1, dW2, db2 are shaped like W1, b1, W2, b2."""
    p, c, X, Y = _backward_args(ctx, 0)
    n_h, n_x = p["W1"].shape
    keepdims = "sum with axis=1, keepdims=True to keep a column."
    hints = {"db1": keepdims, "db2": keepdims}
    hints |= {"dW2": "dW2 = np.dot(dZ2, A1.T) / m.", "dW1": "dW1 = np.dot(dZ1, X.T) / m."}
    got = _without_intermediates(ctx, ctx.call(p, c, X, Y))
    expect_arrays(got, "grads", _param_spec(n_x, n_h, 1, "d", True), hints=hints)


def _without_intermediates(ctx: Context, grads: object) -> object:
    """``grads`` without the dZ1, dZ2 (dA1) it also returns, which the 2017 notebook accepted."""
    keys = grads if isinstance(grads, dict) else ()
    extra = sorted(k for k in keys if isinstance(k, str) and re.fullmatch(r"d[ZA]\d", k))
    if not extra:
        return grads
    ctx.advise(
        f"grads also holds {', '.join(extra)}: the 2017 notebook never read them (accepted), "
        "but the course's later tests want exactly dW1, db1, dW2 and db2."
    )
    return {k: v for k, v in grads.items() if k not in extra}


@cache
def _trusted_numeric_grads(i: int) -> dict[str, np.ndarray]:
    """Centred differences of the trusted cost on ``GRAD_PROBLEMS[i]`` (needs ``M``)."""
    p, X, Y = GRAD_PROBLEMS[i]
    return numerical_param_gradients(lambda q: M.cost(q, X, Y), p)


#: The smallest gradient entry of a drawn problem: centred differences are off by about 4e-11
#: here, so a smaller entry's relative error reaches the tolerance (1e-7) on right code.
DRAWN_GRADIENT_FLOOR = 2e-3


def _drawn_problem(rng: np.random.Generator) -> tuple:
    """``(parameters, X, Y, numeric gradients)`` of a problem drawn with no tiny gradient."""
    for _ in range(200):  # about 5 draws on average
        p, X, Y = _random_problem(rng)
        numeric = numerical_param_gradients(lambda q, X=X, Y=Y: M.cost(q, X, Y), p)
        if min(float(np.abs(g).min()) for g in numeric.values()) >= DRAWN_GRADIENT_FLOOR:
            return p, X, Y, numeric
    return (*GRAD_PROBLEMS[0], _trusted_numeric_grads(0))  # not reached in practice


@t.check("gradcheck", 3)
def _backward_gradcheck(ctx: Context) -> str:
    """Every gradient agrees with centred differences of the cost on two sizes (and one drawn)."""
    hint = "follow the docstring's six formulas; dZ1 uses (1 - A1 ** 2) and every gradient is "
    hint += "divided by m."
    if M is None:  # the numeric gradients are the student's own
        expect_own_math(ctx, ("forward_propagation", "compute_cost"))
        hint += " Here the numeric gradient comes from YOUR forward_propagation and compute_cost."
    notes = []
    # and, where the grader's maths is installed, a problem drawn at grading: the student kit
    # holds the two fixed ones, and a table of their gradients passed (red team 17 F3)
    for i in range(len(GRAD_PROBLEMS) + (M is not None)):
        if i < len(GRAD_PROBLEMS):
            p, _, X, Y = args = _backward_args(ctx, i)
        else:
            p, X, Y, numeric = _drawn_problem(ctx.rng)
            args = (p, M.forward(X, p)[1], X, Y)
        got = _without_intermediates(ctx, ctx.call(*args))
        if M is None:
            numeric = numerical_param_gradients(lambda q, X=X, Y=Y: own_cost(ctx, X, Y, q), p)
        elif i < len(GRAD_PROBLEMS):
            numeric = _trusted_numeric_grads(i)
        n_h, n_x = p["W1"].shape
        size = f"n_x={n_x}, n_h={n_h}, m={X.shape[1]}"
        try:
            spec = _param_spec(n_x, n_h, 1, "d")
            report = expect_param_gradients(got, numeric, spec, where=f" ({size})", hint=hint)
        except CheckFailure as exc:
            exc.lines = [("called", f"backward_propagation({describe_args(args)})"), *exc.lines]
            raise
        notes.append(f"{size}: {report}")
    if M is None:
        notes.append("numeric gradients of your forward_propagation and compute_cost")
    return " | ".join(notes)


@t.advise("uses_cache")
def _backward_cache_advice(ctx: Context) -> str | None:
    """Uses A1 and A2 from the cache rather than recomputing them from Z1 and Z2."""
    if not cl.task_passing(ctx):
        return None  # "right" only of a right function: 1 - Z1 ** 2 reads Z1 too (msg 18 s46)
    p, c, X, Y = _backward_args(ctx, 0)
    hidden = dict(c, Z1=np.full_like(c["Z1"], np.nan), Z2=np.full_like(c["Z2"], np.nan))
    if not same_plain(ctx.call(p, hidden, X, Y), ctx.call(p, c, X, Y), rtol=1e-12, atol=0):
        return (
            "backward_propagation recomputes the activations from Z1 and Z2 (right, and the "
            "course accepts it); the cache already holds them: A1 = cache['A1'] (1 - A1 ** 2 "
            "is the slope of tanh) and A2 = cache['A2']."
        )
    return None


#: Two output units (n_y = 2): the course's network has one, where a sum without axis=1 or
#: W2.T * dZ2 (broadcast, not a matrix product) happens to give the right gradients.
NY2_P, NY2_X, _ = _problem(33, 3, 4, 5)
NY2_P |= {"W2": _normal(34, 2, 4), "b2": _normal(35, 2, 1)}
NY2_Y = (_normal(36, 2, 5) > 0) * 1.0


@t.advise("any_output_size")
def _backward_outputs_advice(ctx: Context) -> str | None:
    """Right for two output units too (the course's network has one)."""
    course = _backward_args(ctx, 0)
    c2 = ctx.expected(
        "backward_propagation/cache_ny2", lambda ref: ref("forward_propagation")(NY2_X, NY2_P)[1]
    )
    two = (NY2_P, c2, NY2_X, NY2_Y)
    right = [ctx.expected(f"backward_propagation/{k}", lambda ref, a=a: ref()(*a)) for k, a in
             (("values0", course), ("values_ny2", two))]  # fmt: skip
    got = [ctx.call(*course), ctx.outcome("backward_propagation", two).value]
    ok = [same_plain(g, r, rtol=1e-7, atol=1e-10) for g, r in zip(got, right)]
    if not ok[0] or ok[1]:  # wrong for the course's one output unit: the gradient check says so
        return None
    return (
        "backward_propagation is right for the course's one output unit but not for n_y = 2 "
        "(the course never checks it): db2 sums dZ2 over the examples only (axis=1, "
        "keepdims=True), and dZ1 takes the matrix product np.dot(W2.T, dZ2), not the "
        "broadcast W2.T * dZ2."
    )


fix = "The course does not check it; compute A2 - Y into a new array rather than "
fix += "subtracting Y from the cache's A2 in place (-=)."
names = ["parameters", "cache", "X", "Y"]
t.advise("no_mutation")(cl.mutation_advice(lambda ctx: _backward_args(ctx, 0), names, fix))

# --------------------------------------------------------------------------- 4.14 update

t = UNIT.task("4.14", "update_parameters", "gradient-descent step")


@t.check("structure", 1)
def _update_structure(ctx: Context) -> None:
    """Returns W1, b1, W2, b2 of unchanged shapes."""
    expect_arrays(ctx.call(UP_P, UP_G, 1.2), "parameters", _param_spec(2, 3, 1))


@t.check("values", 1)
def _update_values(ctx: Context) -> None:
    """One step with learning rate 1.2, passed explicitly and (if there is one) the default."""
    expected = ctx.expected("update_parameters/values", lambda ref: ref()(UP_P, UP_G, 1.2))
    cl.compare(ctx.call(UP_P, UP_G, 1.2), expected, "parameters")
    error = ctx.outcome("update_parameters", (UP_P, UP_G)).error
    if error is not None and error.type == "TypeError" and "learning_rate" in error.message:
        ctx.recognize("update_parameters without a default learning rate (an older release).")
        return
    hint = "keep the course's default learning_rate=1.2 (nn_model relies on it)."
    cl.compare(ctx.call(UP_P, UP_G), expected, "update_parameters(parameters, grads)", hint=hint)


def _update_case(rng: np.random.Generator) -> tuple:
    p = _random_problem(rng)[0]
    g = {"d" + k: rng.normal(0, 0.3, v.shape) for k, v in p.items()}
    return (p, g, float(rng.uniform(0.05, 2.0)))


_hidden(t, _update_case, 2, "parameters", "matches the reference for random learning rates")
# a rate written in the code passes the course's calls (1.2): named (msg 18 s50)
ignored = [("learning_rate", ((UP_P, UP_G, 0.5), {}), ((UP_P, UP_G, 1.2), {}))]
cl.explain_all(t, cl.ignored_argument_hint(ignored), only=("values", "hidden"))
fix = "The course's tests accept it; new arrays (W1 = W1 - learning_rate * dW1) in a new dict, "
fix += "parameters = {\"W1\": W1, ...} as the course's template returns, leave the caller's "
fix += "as they were."
names = ["parameters", "grads", "learning_rate"]
t.advise("no_mutation")(cl.mutation_advice((UP_P, UP_G, 1.2), names, fix))

# --------------------------------------------------------------------------- 4.15 nn_model

BLOCK_TASKS = ("initialize_parameters", "forward_propagation", "compute_cost")
BLOCK_TASKS += ("backward_propagation", "update_parameters")
# nn_model and train_with_restarts are compared with training by the student's own blocks (the
# grader's stand in for one that fails its task), whether or not they call them.
t = UNIT.task(
    "4.15", "nn_model", "training loop",
    uses=("layer_sizes", *BLOCK_TASKS), compared_with=BLOCK_TASKS,
)  # fmt: skip


#: The tolerances of comparisons with the student's own blocks: the same computation.
EXACT = {"rtol": 1e-9, "atol": 1e-12}


def _descend_own_blocks(ctx: Context, params, X, Y, steps: int, lr: float = 1.2):  # noqa: ANN001, ANN201
    """``steps`` steps of gradient descent from ``params`` with the student's own blocks."""
    for _ in range(steps):
        fwd = ctx.call_fn("forward_propagation", X, params)
        cache_ = expect_tuple(fwd, "forward_propagation()", 2)[1]
        grads = ctx.call_fn("backward_propagation", params, cache_, X, Y)
        params = ctx.call_fn("update_parameters", params, grads, lr)
    return params


def _own_blocks_training(ctx: Context, n_h: int, steps: int, seed: int, lr=1.2, proxies=None):  # noqa: ANN001, ANN201
    """Gradient descent composed of the student's own blocks on ``NN_X``, ``NN_Y``.

    It starts from initialize_parameters(2, n_h, 1) after np.random.seed(seed): the student's,
    or with ``proxies`` (:func:`_restarts_proxies`) the grader's.
    """
    if proxies is None:
        params = ctx.call_seeded("initialize_parameters", (2, n_h, 1), seed=seed).value
    else:
        state = np.random.get_state()
        try:
            np.random.seed(seed)
            params = proxies["initialize_parameters"](2, n_h, 1)
        finally:
            np.random.set_state(state)
    return _descend_own_blocks(ctx, params, NN_X, NN_Y, steps, lr)


def _expect_own_blocks(what: str, got, expected, hint: str) -> None:  # noqa: ANN001
    """Fail unless ``got`` is ``expected``, what the student's own building blocks give."""
    if same_plain(got, expected, **EXACT):
        return
    try:
        cl.compare(got, expected, what, **EXACT)
        lines = [("got", describe(got)), ("expected", describe(expected))]
    except CheckFailure as exc:
        lines = exc.lines
    detail = f"{what} differs from what your own building blocks give."
    raise CheckFailure(detail, lines=lines, hint=hint)


#: The global generator's seed before each call of nn_model: the draws of a model that does
#: not seed before initialize_parameters come from it.
NN_CALL_SEED = 12345


def _nn_call(ctx: Context, n_h: int = 4, **kwargs) -> tuple[dict, str]:
    """``nn_model(NN_X, NN_Y, n_h, **kwargs)``: its parameters (checked) and what it printed."""
    kwargs = {"print_cost": False} | kwargs  # passed, as the notebooks did: no default needed
    out = ctx.call_seeded("nn_model", (NN_X, NN_Y, n_h), kwargs, seed=NN_CALL_SEED)
    spec = _param_spec(2, n_h, 1)  # its structure is the structure check's: read through it
    params = expect_arrays(cl.unwrapped(out.value, list(spec)), "parameters", spec, reshape=True)
    return params, out.stdout


@t.check("structure", 1)
def _nn_structure(ctx: Context) -> None:
    """Returns parameters shaped for the n_h it is given, and for 3 input features."""
    hints = {k: "use the n_h argument (here 3); do not hard-code 4." for k in ("W1", "b1", "W2")}
    got = ctx.call(NN_X, NN_Y, 3, num_iterations=2, print_cost=False)
    spec = _param_spec(2, 3, 1)
    if cl.unwrapped(got, list(spec)) is not got:
        raise CheckFailure(
            f"nn_model() returns a {type_name(got)} holding the parameters dict one level down "
            "instead of the parameters dict itself.",
            lines=[("got", describe(got))],
            hint="return parameters, the dict with the keys W1, b1, W2, b2.",
        )
    expect_arrays(got, "parameters", spec, hints=hints)
    with cl.explain_failure(ctx, _sizes_hint):
        got = ctx.call(NN_X3, NN_Y, 3, num_iterations=2, print_cost=False)
        expect_arrays(got, "parameters", _param_spec(3, 3, 1))


@t.check("matches_own_blocks", 2)
def _nn_matches_blocks(ctx: Context) -> str:
    """Equals seed 3 + your initialize/forward/backward/update, num_iterations times."""
    steps = 12
    got, _ = _nn_call(ctx, num_iterations=steps)
    ctx.show_call()  # nn_model's call: the blocks below are replayed where it cannot see them
    with ctx.calls_on(cl.blocks_alone(ctx, BLOCK_TASKS)):
        _nn_compare_with_blocks(ctx, got, steps)
    return f"{steps} steps agree with your blocks"


def _nn_compare_with_blocks(ctx: Context, got: Any, steps: int) -> None:
    """:func:`_nn_matches_blocks`' comparison of ``got`` with the blocks' own training."""
    expected = _own_blocks_training(ctx, 4, steps, seed=3)
    hint = f"start with np.random.seed(3), then exactly num_iterations (here {steps}) steps of "
    hint += "forward, backward and update_parameters(parameters, grads)."
    source = ctx.submission.source("nn_model") or ""
    if not same_plain(got, expected, **EXACT) and same_plain(
        got, _own_blocks_training(ctx, 4, steps, seed=NN_CALL_SEED), **EXACT
    ):  # the initial parameters were drawn before any seed (sweep 10, P6)
        hint = (
            "nn_model draws the initial parameters before it calls np.random.seed(3): seed "
            "first, then call initialize_parameters."
            if "random.seed" in source
            else "nn_model never seeds: call np.random.seed(3) first, before initialize_parameters."
        )
    elif not same_plain(got, expected, **EXACT) and same_plain(
        got, _own_blocks_training(ctx, 4, 0, seed=3), **EXACT
    ):  # the initial parameters came back (sweep 11, P12)
        hint = (
            "nn_model returns the parameters it started from: keep update_parameters' result, "
            "parameters = update_parameters(parameters, grads) (it returns a new dict)."
        )
    elif not same_plain(got, expected, **EXACT) and source.count("update_parameters(") > 1:
        # two updates with one step's gradients are one step of twice the rate (sweep 17 P9)
        if same_plain(got, _own_blocks_training(ctx, 4, steps, 3, 2.4), rtol=1e-7, atol=1e-9):
            hint = (
                "nn_model updates the parameters twice per iteration (two update_parameters "
                "calls with the same gradients): call it once, after backward_propagation."
            )
    if hint.startswith("start with") and not same_plain(got, expected, **EXACT):
        for rate in source_hints.rates(source):  # a learning rate the code writes, not 1.2?
            if rate != 1.2 and same_plain(
                got, _own_blocks_training(ctx, 4, steps, 3, rate), **EXACT
            ):
                hint = (
                    f"nn_model trains with the learning rate {rate:g} written in its code: the "
                    "course's nn_model calls update_parameters(parameters, grads), with its "
                    "default learning_rate=1.2."
                )
                break
    _expect_own_blocks("nn_model's result", got, expected, hint)


@t.check("uses_blocks", 1)
def _nn_uses_blocks(ctx: Context) -> None:
    """Fails when one of your building blocks is broken (so it calls them).

    Each block in turn is bound to a grader-served stand-in that raises (a proxy,
    indistinguishable from the student's own function); nn_model must call it and fail.
    """
    args, kwargs = (NN_X, NN_Y, 4), {"num_iterations": 2, "print_cost": False}
    out = ctx.outcome("nn_model", args, kwargs)
    if out.error is not None:
        raise StudentRaised("nn_model", out.error, ctx.called())
    # compute_cost is not probed: a correct loop may compute the cost only to print it; nor
    # is a block the submission does not define (its own task charges it: one bug, once)
    for block in (b for b in BLOCK_TASKS if b != "compute_cost" and ctx.submission.has(b)):
        out = ctx.outcome("nn_model", args, kwargs, proxies={block: cl.broken_block(block)})
        if out.error is None or not any(c.name == block for c in out.proxy_calls):
            raise CheckFailure(
                f"nn_model() still ran when your {block}() was replaced by a version that "
                f"raises: it does not call {block}().",
                hint=f"call your own {block}() (Task {UNIT.task(block).id}) instead of "
                "repeating its code.",
                kind="behaviour",
            )


@t.check("prints_cost", 1)
def _nn_prints_cost(ctx: Context) -> str:
    """With print_cost=True prints the cost at iterations 0, 1000, ... and otherwise nothing."""
    start, _ = _nn_call(ctx, num_iterations=0)
    trained, quiet = _nn_call(ctx, num_iterations=1000)
    quiet_call = ctx.last
    hint = "print only when asked: if print_cost and i % 1000 == 0."
    printers = cl.expect_quiet(ctx, "nn_model(X, Y, 4, num_iterations=1000)", hint)
    expected = [own_cost(ctx, NN_X, NN_Y, start), own_cost(ctx, NN_X, NN_Y, trained)]
    _, loud = _nn_call(ctx, num_iterations=1001, print_cost=True)  # the call shown
    if printers:  # what the blocks print is theirs: not counted
        quiet, loud = ctx.stdout_without(printers, quiet_call), ctx.stdout_without(printers)
    lines = cl.cost_lines(loud, quiet)
    named = [cl.iteration_of(tokens, line) for line, tokens in lines]
    step = named[1] if len(named) > 2 and named[0] == 0 and named[1] else 0
    if step and 1000 % step == 0 and named == list(range(0, 1001, step)):  # sweep 12, P4
        ctx.advise(
            f"nn_model() prints the cost every {step} iterations; the course's template prints "
            "it every 1000 (if print_cost and i % 1000 == 0), which the course never checks."
        )
        loud, quiet = "\n".join(line for (line, _), n in zip(lines, named) if n % 1000 == 0), ""
    call = "nn_model(X, Y, 4, num_iterations=1001, print_cost=True)"
    hint = "print the cost computed in that iteration, from the forward pass before the update."
    cl.expect_printed_costs(loud, expected, (0, 1000), call, hint, quiet=quiet)
    return "costs printed at iterations 0 and 1000"


# --------------------------------------------------------------------------- 4.16 predict

FORWARD = ("forward_propagation",)  # predict is compared with the student's own forward pass
t = UNIT.task("4.16", "predict", "predictions", uses=FORWARD, compared_with=FORWARD)


@t.check("shape", 1)
def _predict_shape(ctx: Context) -> None:
    """Returns a (1, m) array of 0/1 (bool, int or float)."""
    got = ctx.call(PR_P, PR_X)
    m = PR_X.shape[1]
    expect_array(got, "predict(parameters, X)", (1, m), shape_text="(1, m)", dtype_kind="biuf")


@t.check("agrees_with_forward", 1, kind="values")
def _predict_agrees(ctx: Context) -> str:
    """1 exactly where your forward pass gives A2 > 0.5 (on X and on an X drawn at grading)."""
    # the drawn X: a table of the answers on the visible X passed (red team 17 F3)
    for X in (PR_X, ctx.rng.normal(0.0, 1.5, PR_X.shape)):
        A2 = expect_tuple(ctx.call_fn("forward_propagation", X, PR_P), "forward_propagation()", 2)
        A2 = cl.numbers(A2[0], "A2")
        expected = (A2 > 0.5) * 1.0
        got = cl.numbers(ctx.call(PR_P, X), "predict(parameters, X)")
        cl.compare(
            got, expected, "predict(parameters, X)", rtol=0, atol=0, hint=_predict_hint(got, A2)
        )
    return f"{int(expected.sum())} of {expected.size} predicted 1"


def _predict_hint(got: np.ndarray, A2: np.ndarray) -> str:
    """What predictions that are not A2 > 0.5 are: A2 itself, another threshold, another A2."""
    if not np.all((got == 0) | (got == 1)) or got.shape != A2.shape:
        return "1 where A2 > 0.5, else 0: return A2 > 0.5, not A2 itself."
    ones, zeros = A2[got == 1], A2[got == 0]
    low, high = (zeros.max() if zeros.size else 0.0), (ones.min() if ones.size else 1.0)
    if low < high and not low <= 0.5 < high:  # a threshold, but not 0.5 (msg 18 s59: A2 > 0)
        return (
            f"predict() thresholds A2 between {low:.3g} and {high:.3g}, not at 0.5: 1 where "
            "A2 > 0.5, else 0 (A2 is a probability: every sigmoid output is above 0)."
        )
    return (  # 0/1 elsewhere: another forward pass (sweep 14 P1)
        "threshold A2 of forward_propagation(X, parameters) at 0.5: your predictions are "
        "0/1, but not those of that A2 (another forward pass, or another array than A2?)."
    )


P_HALF = dict(PR_P, W2=np.zeros_like(PR_P["W2"]), b2=np.zeros_like(PR_P["b2"]))  # A2 = 0.5
rule = "A2 = 0.5 exactly predicts 0 (A2 > 0.5, as the course's text says)"
advice = "with W2 = 0 and b2 = 0 every output A2 is exactly 0.5, and predict gives 1: the "
advice += "course's text says 1 only where A2 > 0.5. Its tests never reach 0.5 (accepted); write "
advice += "A2 > 0.5."
t.advise("threshold")(cl.threshold_advice((P_HALF, PR_X[:, :4]), rule, advice))


# --------------------------------------------------------------------------- 4.17 restarts

t = UNIT.task(
    "4.17", "train_with_restarts", "random restarts",
    course=False, uses=("layer_sizes", *BLOCK_TASKS), compared_with=BLOCK_TASKS,
)  # fmt: skip
#: n_h = 3 and n_x = 2 differ from num_restarts and seed; the best restart (2) is neither the
#: first nor the last (final costs 0.6931, 0.6924, 0.6917, 0.6928).
TR_KW = {"num_restarts": 4, "num_iterations": 8, "learning_rate": 0.9, "seed": 6}


def _restarts_proxies(ctx: Context) -> dict[str, Callable[..., Any]] | None:
    """A correct initialize_parameters in place of one that reseeds, or None.

    Every restart would start alike with it, whatever train_with_restarts does: that is advice
    (``restarts_differ``), and train_with_restarts is graded with the grader's in its place.
    """
    if ctx.reference is None or not _reseeds(ctx, 2, 3, TR_KW["seed"])[0]:
        return None
    return {"initialize_parameters": ctx.ref_block("initialize_parameters")}


def _restarts(ctx: Context) -> tuple[list[float], list[dict], dict, Any]:
    """Each restart's final cost and parameters by your blocks, then train_with_restarts' two.

    Where a correct initialize_parameters stands in (:func:`_restarts_proxies`), both use it.
    """
    proxies = _restarts_proxies(ctx)
    steps, lr, seed = TR_KW["num_iterations"], TR_KW["learning_rate"], TR_KW["seed"]
    seeds = range(seed, seed + TR_KW["num_restarts"])
    out = ctx.call_seeded("train_with_restarts", (NN_X, NN_Y, 3), TR_KW, seed=99, proxies=proxies)
    with ctx.calls_on(cl.blocks_alone(ctx, BLOCK_TASKS)):  # where train_with_restarts left nothing
        params = [_own_blocks_training(ctx, 3, steps, s, lr, proxies) for s in seeds]
        costs = [own_cost(ctx, NN_X, NN_Y, p) for p in params]
    best, got = expect_tuple(out.value, "train_with_restarts()", 2)
    best = expect_arrays(best, "best_parameters", _param_spec(2, 3, 1), reshape=True)
    return costs, params, best, got


@t.check("structure", 1)
def _restarts_structure(ctx: Context) -> None:
    """Returns (parameters, list of num_restarts costs), for 3 input features too."""
    got = ctx.call(NN_X, NN_Y, 3, **dict(TR_KW, num_iterations=2))
    best, costs = expect_tuple(got, "train_with_restarts()", 2)
    expect_arrays(best, "best_parameters", _param_spec(2, 3, 1))
    n = TR_KW["num_restarts"]
    if not isinstance(costs, list) or len(costs) != n:
        raise CheckFailure(
            f"final_costs should be a list of {n} numbers (one per restart), "
            f"not {describe(costs)}.",
            hint="append one float per restart to a list; use the num_restarts argument.",
            kind="type",
        )
    for c in costs:
        expect_float(c, "each final cost")
    with cl.explain_failure(ctx, _sizes_hint):
        best, _ = expect_tuple(
            ctx.call(NN_X3, NN_Y, 3, **dict(TR_KW, num_iterations=2)), "train_with_restarts()", 2
        )
        expect_arrays(best, "best_parameters", _param_spec(3, 3, 1))


@t.check("matches_own_blocks", 1)
def _restarts_matches(ctx: Context) -> str:
    """Final costs equal your blocks' from seeds seed, seed+1, ..."""
    costs, _, _, got = _restarts(ctx)
    cl.numbers(got, "final_costs")  # not numbers: a type failure, before any comparison
    hint = "restart r seeds np.random.seed(seed + r); its final cost is compute_cost of a forward "
    hint += "pass with the trained parameters (after the last update)."
    _expect_own_blocks("final_costs", got, np.array(costs), hint)
    return "final costs " + ", ".join(f"{c:.4f}" for c in costs)


@t.check("keeps_best", 1)
def _restarts_keeps_best(ctx: Context) -> str:
    """Returns the parameters of the lowest final cost."""
    costs, params, got, _ = _restarts(ctx)
    best = int(np.argmin(np.where(np.isnan(costs), np.inf, costs)))
    hint = f"return the parameters of the restart with the LOWEST final cost (here {best})."
    if not any(same_plain(got, p, **EXACT) for p in params):  # no restart's
        hint = "restart r seeds np.random.seed(seed + r) before initialize_parameters; return "
        hint += f"the parameters of the restart with the lowest final cost (here {best})."
    _expect_own_blocks("best_parameters", got, params[best], hint)
    return f"restart {best} kept"


@t.check("restarts_differ", 1)
def _restarts_differ(ctx: Context) -> str | None:
    """The restarts start from different weights (seed + r for restart r).

    An initialize_parameters that seeds the generator itself (the course's older template,
    accepted in its own task) makes alike every restart that calls it: that is advice here,
    and the restarts are checked with the grader's initialize_parameters in its place, so
    that this check is about train_with_restarts' own seeding only.
    """
    seed = TR_KW["seed"]

    def final_costs(proxies: dict[str, Callable[..., Any]] | None) -> np.ndarray:
        args = (NN_X, NN_Y, 3)
        out = ctx.call_seeded("train_with_restarts", args, TR_KW, seed=99, proxies=proxies)
        ctx.show_call()  # the failure is about this call, not the initializer's asked after it
        return cl.numbers(expect_tuple(out.value, "train_with_restarts()", 2)[1], "final_costs")

    costs = final_costs(None)
    if costs.size > 1 and np.ptp(costs) > 0:
        return None
    if _reseeds(ctx, 2, 3, seed)[0]:
        ctx.advise(
            "every restart starts from the same weights: your initialize_parameters returns "
            f"the same W1 after np.random.seed({seed}) and np.random.seed({seed + 1}) (it "
            "seeds the generator itself), so restarting cannot find a better network. The "
            "course's older template has np.random.seed(2) there (accepted), but restarts "
            "need the caller's seed: remove it."
        )
        proxies = _restarts_proxies(ctx)
        if proxies is None:
            return None
        costs = final_costs(proxies)
        if costs.size > 1 and np.ptp(costs) > 0:
            return "checked with a correct initialize_parameters() in place of yours, which reseeds"
    raise CheckFailure(
        f"every restart ends with the same cost ({describe(costs)}): the restarts start from "
        "the same weights.",
        hint=f"seed restart r with np.random.seed(seed + r) (here {seed}, {seed + 1}, ...) "
        "just before initialize_parameters.",
    )
