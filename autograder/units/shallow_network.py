"""Checks of unit 4, one hidden layer: activations, gradients, symmetry breaking, training.

The activations' gradient checks compare the student's derivatives with centred differences
of trusted activations written here. The network's own maths (forward pass, cost, training)
lives in the grader-only module :mod:`autograder.units._shallow_math` (``M``), which the
student bundle leaves out because it solves tasks. Where ``M`` is installed (grading), the
backward pass is checked against centred differences of the trusted cost, so a wrong
forward pass never hides or fakes a wrong backward pass. Where it is not (the student
bundle), the same visible checks compare the student's functions with each other: the
backward pass must agree with centred differences of the student's *own*
``forward_propagation`` and ``compute_cost`` (a CS231n-style property check), and the
symmetry check trains with the student's own blocks. Inputs built with the forward pass
come from stored expected values.

The composite functions (``nn_model``, ``predict``, ``train_with_restarts``) are checked
against the student's *own* building blocks, called one by one through the seam: a mistake
in a block costs the block's points, not the points of everything built on it.
"""

from __future__ import annotations

import ast
from functools import cache

import numpy as np

from autograder import checklib as cl
from autograder.asserts import expect_array, expect_float, expect_tuple, is_real_scalar, same_plain
from autograder.context import Context, StudentRaised
from autograder.gradcheck import H, expect_gradient
from autograder.plain import describe, describe_args, type_name
from autograder.planar import small_planar_problem
from autograder.spec import Check, CheckFailure, Task, Unit
from autograder.units._network_checks import (
    broken_block,
    closest_rows,
    expect_arrays,
    gradient_report,
    numerical_param_gradients,
    rms,
    rng_fingerprint_after_seed,
)

try:  # the grader's network maths: not in the student bundle
    from autograder.units import _shallow_math as M  # noqa: N812
except ImportError:  # pragma: no cover - exercised by simulating the bundle
    M = None

# --------------------------------------------------------------------------- trusted maths


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def _leaky(slope: float):  # noqa: ANN202
    return lambda z: np.where(z > 0, z, slope * z)


def _param_spec(n_x: int, n_h: int, n_y: int, prefix: str = "") -> dict:
    what = ", the shape of {}" if prefix else ""
    return {
        f"{prefix}W1": ((n_h, n_x), "(n_h, n_x)" + what.format("W1")),
        f"{prefix}b1": ((n_h, 1), "(n_h, 1)" + what.format("b1")),
        f"{prefix}W2": ((n_y, n_h), "(n_y, n_h)" + what.format("W2")),
        f"{prefix}b2": ((n_y, 1), "(n_y, 1)" + what.format("b2")),
    }


def _problem(seed: int, n_x: int, n_h: int, m: int, scale: float = 0.8) -> tuple:
    """A random network and a data set with both classes: ``(parameters, X, Y)``."""
    rng = np.random.default_rng(seed)
    p = {
        "W1": rng.normal(0, scale, (n_h, n_x)),
        "b1": rng.normal(0, 0.5, (n_h, 1)),
        "W2": rng.normal(0, scale, (1, n_h)),
        "b2": rng.normal(0, 0.5, (1, 1)),
    }
    X = rng.normal(0, 1.0, (n_x, m))
    Y = np.zeros((1, m))
    Y[0, rng.permutation(m)[: (m + 1) // 2]] = 1.0
    return p, X, Y


def _random_problem(rng: np.random.Generator) -> tuple:
    n_x, n_h, m = (int(v) for v in rng.integers((2, 2, 3), (6, 7, 9)))
    return _problem(int(rng.integers(2**31)), n_x, n_h, m)


# --------------------------------------------------------------------------- visible inputs

Z = np.array([[-2.0, -0.5, 0.0, 0.5], [1.0, 3.0, -4.0, 0.25]])
Z_FLAT = np.array([-1.0, 0.0, 2.0])
Z_COL = np.array([[-3.0], [0.3], [1.7]])
SHAPES = [Z_FLAT, Z_COL, Z]
#: Gradient-check points: |z| >= 0.05, far from the kink of relu at 0 (h = 1e-5).
ZG = np.array([[-3.0, -1.2, -0.3, -0.05], [0.05, 0.4, 1.5, 3.5]])
#: Points at exactly 0 (and -0.0), where the slope of relu is undefined.
Z0 = np.array([[0.0, -2.0, -0.0], [1.5, 0.0, -0.5]])
BIG = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])

LS_X = np.random.default_rng(11).normal(size=(5, 3))
LS_Y = np.random.default_rng(12).normal(size=(2, 3))

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


@cache
def _trusted_numeric_grads(i: int) -> dict[str, np.ndarray]:
    """Centred differences of the trusted cost on ``GRAD_PROBLEMS[i]`` (needs ``M``)."""
    p, X, Y = GRAD_PROBLEMS[i]
    return numerical_param_gradients(lambda q: M.cost(q, X, Y), p)


# --------------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------------- activations


def _derivative_gradcheck(activation, hint: str, slope: float | None = None):  # noqa: ANN202
    """Gradient check of the task's derivative against centred differences of ``activation``.

    With ``slope`` given it is passed as the keyword argument; otherwise the function's
    default is used (``activation`` must then use the documented default).
    """

    def run(ctx: Context) -> str:
        kwargs = {} if slope is None else {"slope": slope}
        got = _elementwise(ctx, ZG, **kwargs)
        numeric = (activation(ZG + H) - activation(ZG - H)) / (2 * H)
        extra = "" if slope is None else f", slope={slope:g}"
        return expect_gradient(f"{ctx.task.function}(z{extra})", got, numeric, hint=hint)

    return run


def _tanh_large(ctx: Context) -> None:
    cl.no_warnings([(BIG,)])(ctx)
    cl.compare(
        ctx.call(BIG),
        np.tanh(BIG),
        "tanh(z)",
        atol=1e-12,
        hint="use the form with e^(-2|z|) from the docstring: it never overflows.",
        kind="edge",
    )


BANNED_TANH = ("tanh", "arctanh")


def _tanh_own(ctx: Context) -> None:
    ctx.call(Z)
    src = ctx.submission.source("tanh")
    if src is None:
        raise CheckFailure(
            "the source of tanh() could not be read: define it with def tanh(z): ... "
            "(tanh = np.tanh is not an implementation).",
            kind="structure",
        )
    try:
        tree = ast.parse(src)
    except SyntaxError:
        raise CheckFailure("the source of tanh() could not be parsed.", kind="structure") from None
    for node in ast.walk(tree):
        used = None
        if isinstance(node, ast.Attribute) and node.attr in BANNED_TANH:
            used = ast.unparse(node)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names = [a.name for a in node.names if a.name.split(".")[-1] in BANNED_TANH]
            used = names[0] if names else None
        if used:
            raise CheckFailure(
                f"tanh() uses {used} (line {node.lineno} of the function) instead of computing "
                "tanh from exponentials.",
                hint="write it with np.exp, as in the docstring's formula.",
                kind="structure",
            )


def _relu_at_zero(ctx: Context) -> None:
    got = _elementwise(ctx, Z0)
    at0 = got[Z0 == 0]
    if not bool(np.all((at0 == 0.0) | (at0 == 1.0))):
        raise CheckFailure(
            "at exactly z = 0 the slope of relu should be 0 or 1 (either is accepted).",
            lines=[("got", f"relu_derivative(0.0) = {at0[0]!r}, ... ({describe(at0)})")],
            hint="use a strict comparison, np.where(z > 0, 1.0, 0.0), not the average of the "
            "two sides.",
            kind="edge",
        )


# --------------------------------------------------------------------------- layer sizes


def _layer_sizes_structure(ctx: Context) -> None:
    raw = ctx.call(LS_X, LS_Y)
    if not isinstance(raw, tuple):
        raise CheckFailure(
            f"layer_sizes() should return a tuple (n_x, n_h, n_y) but returned {type_name(raw)}.",
            lines=[("got", describe(raw))],
            kind="type",
        )
    values = expect_tuple(raw, "layer_sizes()", 3)
    for label, v in zip(("n_x", "n_h", "n_y"), values):
        if not is_real_scalar(v) or not isinstance(v, int | np.integer):
            raise CheckFailure(
                f"{label} should be an int but is {type_name(v)} ({describe(v)}).",
                hint="sizes are counts: X.shape[0] is already an int.",
                kind="type",
            )


def _layer_sizes_case(rng: np.random.Generator) -> tuple:
    n_x, m, n_y = (int(v) for v in rng.integers((2, 2, 1), (10, 10, 4)))
    return (rng.normal(size=(n_x, m)), rng.normal(size=(n_y, m)))


# --------------------------------------------------------------------------- initialization


def _init(ctx: Context, n_x: int, n_h: int, n_y: int, seed: int, reshape: bool = True):
    out = ctx.call_seeded("initialize_parameters", (n_x, n_h, n_y), None, seed=seed)
    return expect_arrays(out.value, "parameters", _param_spec(n_x, n_h, n_y), reshape=reshape), out


def _init_structure(ctx: Context) -> None:
    _init(ctx, 3, 5, 2, seed=1, reshape=False)


def _init_not_zero(ctx: Context) -> None:
    p, _ = _init(ctx, 3, 5, 2, seed=1)
    for key in ("W1", "W2"):
        frac = np.count_nonzero(p[key]) / p[key].size
        if not (frac > 0.9):
            raise CheckFailure(
                f"{key} is {'all' if frac == 0 else 'mostly'} zeros "
                f"({np.count_nonzero(p[key])} of {p[key].size} entries are nonzero).",
                hint="zero weights make every hidden unit compute and learn the same thing; "
                "draw weights with np.random.randn(...) * 0.01 (biases may be zero).",
            )


def _init_distinct(ctx: Context) -> None:
    p, _ = _init(ctx, 3, 6, 1, seed=1)
    dist, i, j = closest_rows(p["W1"])
    if not (dist > 1e-8):
        raise CheckFailure(
            f"hidden units {i} and {j} start with the same weights (rows {i} and {j} of W1 "
            "are equal), so they compute the same function.",
            lines=[("W1", describe(p["W1"]))],
            hint="draw the whole (n_h, n_x) matrix at once: np.random.randn(n_h, n_x) * 0.01.",
        )


def _init_scale(ctx: Context) -> str:
    p, _ = _init(ctx, 20, 50, 1, seed=5)
    r = rms(p["W1"])
    if not (0.003 <= r <= 0.03):
        raise CheckFailure(
            f"the weights of W1 have root-mean-square {r:.3g} but should be about 0.01 "
            "(between 0.003 and 0.03).",
            hint="multiply np.random.randn(...) by 0.01: large weights saturate tanh "
            "(flat slopes, slow learning).",
        )
    return f"W1 root-mean-square {r:.4f} (ok, about 0.01)"


def _init_signs(ctx: Context) -> str:
    p, _ = _init(ctx, 20, 50, 1, seed=5)
    pos, neg = float(np.mean(p["W1"] > 0)), float(np.mean(p["W1"] < 0))
    if not (pos >= 0.1 and neg >= 0.1):
        raise CheckFailure(
            f"{pos:.0%} of the weights of W1 are positive and {neg:.0%} negative; a normal "
            "draw gives about half of each.",
            hint="np.random.rand draws from [0, 1) (all positive); use np.random.randn.",
        )
    return f"{pos:.0%} positive, {neg:.0%} negative"


def _init_reproducible(ctx: Context) -> None:
    a = ctx.call_seeded("initialize_parameters", (3, 5, 1), None, seed=11).value
    b = ctx.call_seeded("initialize_parameters", (3, 5, 1), None, seed=11).value
    if not same_plain(a, b, rtol=0, atol=0):
        raise CheckFailure(
            "two calls after the same np.random.seed(11) returned different parameters.",
            hint="draw from numpy's global generator (np.random.randn) and do not reseed it "
            "from the clock (np.random.seed()) or use a fresh np.random.default_rng().",
            kind="rng",
        )


def _init_no_reseed(ctx: Context) -> None:
    pa, out_a = _init(ctx, 3, 5, 1, seed=11)
    pb, _ = _init(ctx, 3, 5, 1, seed=12)
    if np.array_equal(pa["W1"], pb["W1"]):
        raise CheckFailure(
            "np.random.seed(11) and np.random.seed(12) before the call give the same W1: the "
            "function reseeds the generator itself.",
            hint="remove np.random.seed(...) from initialize_parameters; the caller seeds "
            "(nn_model does np.random.seed(3)).",
            kind="rng",
        )
    if out_a.rng_fingerprint == rng_fingerprint_after_seed(11):
        raise CheckFailure(
            "the call did not draw from numpy's global generator (its state did not advance).",
            hint="use np.random.randn(...) so that np.random.seed in the caller controls it.",
            kind="rng",
        )


def _init_units_stay_distinct(ctx: Context) -> str:
    steps = 100
    p, _ = _init(ctx, 2, 4, 1, seed=1)
    X, Y = small_planar_problem(40)
    if M is not None:
        trained = M.train(p, X, Y, steps, 1.2)
        how = "gradient descent"
    else:  # the student bundle: train with the student's own blocks
        trained = expect_arrays(
            _descend_own_blocks(ctx, p, X, Y, steps, 1.2),
            "update_parameters() result",
            _param_spec(2, 4, 1),
            reshape=True,
        )
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


# --------------------------------------------------------------------------- forward, cost


def _check_forward_structure(ctx: Context) -> None:
    A2, c = expect_tuple(ctx.call(FWD_X, FWD_P), "forward_propagation()", 2)
    n_h, m = FWD_P["W1"].shape[0], FWD_X.shape[1]
    transposed = "did you compute np.dot(X.T, W1.T) instead of np.dot(W1, X)?"
    expect_arrays(
        c,
        "cache",
        {
            "Z1": ((n_h, m), "(n_h, m)"),
            "A1": ((n_h, m), "(n_h, m)"),
            "Z2": ((1, m), "(n_y, m)"),
            "A2": ((1, m), "(n_y, m)"),
        },
        hints={"Z1": transposed, "A1": transposed},
    )
    expect_array(A2, "A2", (1, m), shape_text="(n_y, m)")


def _random_forward_case(rng: np.random.Generator) -> tuple:
    p, X, _ = _random_problem(rng)
    return (X, p)


def _check_cost_returns_float(ctx: Context) -> None:
    expect_float(
        ctx.call(*COST_CASES[1]),
        "compute_cost(A2, Y)",
        python_float=True,
        hint="return float(np.squeeze(cost)): a Python float, not an array or numpy scalar.",
    )


def _random_cost_case(rng: np.random.Generator) -> tuple:
    m = int(rng.integers(3, 12))
    return (rng.uniform(0.02, 0.98, (1, m)), (rng.random((1, m)) > 0.5) * 1.0)


# --------------------------------------------------------------------------- backward


def _backward_args(ctx: Context, i: int) -> tuple:
    """Arguments ``(parameters, cache, X, Y)`` of backward_propagation on ``GRAD_PROBLEMS[i]``.

    The cache is the trusted forward pass's, stored as an expected value (the student
    bundle has no forward pass of its own).
    """
    p, X, Y = GRAD_PROBLEMS[i]

    def compute(ref):
        if M is not None:
            return M.forward(X, p)[1]
        return ref("forward_propagation")(X, p)[1]

    cache = ctx.expected(f"backward_propagation/cache{i}", compute)
    return (p, cache, X, Y)


def _own_cost(ctx: Context, X: np.ndarray, Y: np.ndarray, p: dict) -> float:
    """The cost of the network ``p`` by the student's forward_propagation and compute_cost."""
    A2 = expect_tuple(ctx.call_fn("forward_propagation", X, p), "forward_propagation()", 2)[0]
    cost = cl.numbers(ctx.call_fn("compute_cost", A2, Y), "compute_cost(A2, Y)")
    if cost.size != 1:
        raise CheckFailure(
            f"compute_cost(A2, Y) should be one number but has shape {cost.shape}.",
            lines=[("got", describe(cost))],
            kind="type",
        )
    return float(cost.reshape(()))


def _backward_structure(ctx: Context) -> None:
    p, c, X, Y = _backward_args(ctx, 0)
    n_h, n_x = p["W1"].shape
    expect_arrays(
        ctx.call(p, c, X, Y),
        "grads",
        _param_spec(n_x, n_h, 1, prefix="d"),
        hints={
            "db1": "sum with axis=1, keepdims=True to keep a column.",
            "db2": "sum with axis=1, keepdims=True to keep a column.",
            "dW2": "dW2 = np.dot(dZ2, A1.T) / m.",
            "dW1": "dW1 = np.dot(dZ1, X.T) / m.",
        },
    )


BACKWARD_HINT = (
    "follow the docstring's six formulas; dZ1 uses (1 - A1 ** 2) and every gradient is "
    "divided by m."
)


def _backward_gradcheck(ctx: Context) -> str:
    """Every gradient against centred differences of the cost, on two network sizes.

    With ``M`` the cost is the trusted one. Without it (the student bundle) it is the
    student's own ``compute_cost(forward_propagation(X, parameters)[0], Y)``: the check then
    shows that the backward pass agrees with the student's forward pass and cost.
    """
    notes = []
    for i in range(len(GRAD_PROBLEMS)):
        p, c, X, Y = _backward_args(ctx, i)
        n_h, n_x = p["W1"].shape
        got = expect_arrays(
            ctx.call(p, c, X, Y), "grads", _param_spec(n_x, n_h, 1, prefix="d"), reshape=True
        )
        called = ("called", f"backward_propagation({describe_args((p, c, X, Y), {})})")
        if M is not None:
            numeric, hint = _trusted_numeric_grads(i), BACKWARD_HINT
        else:
            numeric = numerical_param_gradients(lambda q, X=X, Y=Y: _own_cost(ctx, X, Y, q), p)
            hint = (
                BACKWARD_HINT + " Here the numeric gradient comes from YOUR forward_propagation "
                "and compute_cost: if their checks fail, fix them first."
            )
        size = f"n_x={n_x}, n_h={n_h}, m={X.shape[1]}"
        try:
            report = gradient_report(
                [(k, got[k], numeric[k]) for k in ("dW1", "db1", "dW2", "db2")],
                context=size,
                hint=hint,
            )
        except CheckFailure as exc:
            exc.lines = [called, *exc.lines]
            raise
        notes.append(f"{size}: {report}")
    if M is None:
        notes.append("numeric gradients of your forward_propagation and compute_cost")
    return " | ".join(notes)


def _backward_uses_cache(ctx: Context) -> None:
    p, c, X, Y = _backward_args(ctx, 0)
    grads = ctx.call(p, c, X, Y)
    hidden = dict(c, Z1=np.full_like(c["Z1"], np.nan), Z2=np.full_like(c["Z2"], np.nan))
    again = ctx.call(p, hidden, X, Y)
    if not same_plain(again, grads, rtol=1e-12, atol=0):
        raise CheckFailure(
            "the gradients changed when Z1 and Z2 in the cache were replaced by NaN: "
            "backward_propagation recomputes activations from Z instead of using the cache.",
            hint="use A1 = cache['A1'] (1 - A1 ** 2 is the slope of tanh) and A2 = cache['A2'].",
            kind="behaviour",
        )


def _backward_no_mutation(ctx: Context) -> None:
    cl.no_mutation([_backward_args(ctx, 0)], ["parameters", "cache", "X", "Y"])(ctx)


# --------------------------------------------------------------------------- update


def _update_structure(ctx: Context) -> None:
    expect_arrays(ctx.call(UP_P, UP_G), "parameters", _param_spec(2, 3, 1))


def _update_case(rng: np.random.Generator) -> tuple:
    p = _random_problem(rng)[0]
    g = {"d" + k: rng.normal(0, 0.3, v.shape) for k, v in p.items()}
    return (p, g, float(rng.uniform(0.05, 2.0)))


# --------------------------------------------------------------------------- composites


def _probe_failed(ctx: Context, function: str, args: tuple, kwargs: dict, blocks: dict) -> None:
    """The composite runs with the student's blocks and fails when one is replaced.

    Each block in turn is bound to a grader-served stand-in that raises (a proxy,
    indistinguishable from the student's own function); the composite must call it and fail.
    """
    out = ctx.outcome(function, args, kwargs)
    if out.error is not None:
        raise StudentRaised(function, out.error, ctx.called())
    for block in blocks:
        out = ctx.outcome(function, args, kwargs, proxies={block: broken_block(block)})
        if out.error is None or not out.proxy_calls:
            raise CheckFailure(
                f"{function}() still ran when your {block}() was replaced by a version that "
                f"raises: it does not call {block}().",
                hint=f"call your own {block}() (Task {_task_id(block)}) instead of repeating "
                "its code.",
                kind="behaviour",
            )


BLOCKS = {
    "initialize_parameters": "n_x, n_h, n_y",
    "forward_propagation": "X, parameters",
    "backward_propagation": "parameters, cache, X, Y",
    "update_parameters": "parameters, grads, learning_rate=1.2",
}


def _task_id(function: str) -> str:
    return next(t.id for t in UNIT.tasks if t.function == function)


def _own_blocks_training(
    ctx: Context, X: np.ndarray, Y: np.ndarray, n_h: int, steps: int, seed: int, lr=None
):
    """Gradient descent composed of the student's own blocks, as the docstrings specify."""
    n_x, n_y = X.shape[0], Y.shape[0]
    params = ctx.call_seeded("initialize_parameters", (n_x, n_h, n_y), None, seed=seed).value
    return _descend_own_blocks(ctx, params, X, Y, steps, lr)


def _descend_own_blocks(ctx: Context, params, X: np.ndarray, Y: np.ndarray, steps: int, lr=None):
    """``steps`` steps of gradient descent from ``params`` with the student's own blocks."""
    for _ in range(steps):
        A2, c = expect_tuple(
            ctx.call_fn("forward_propagation", X, params), "forward_propagation()", 2
        )
        grads = ctx.call_fn("backward_propagation", params, c, X, Y)
        extra = () if lr is None else (lr,)
        params = ctx.call_fn("update_parameters", params, grads, *extra)
    return params


def _mismatch(what: str, got, expected, hint: str) -> CheckFailure:
    try:
        cl.compare(got, expected, what, rtol=1e-9, atol=1e-12)
        lines = [("got", describe(got)), ("expected", describe(expected))]
    except CheckFailure as exc:
        lines = exc.lines
    return CheckFailure(
        f"{what} differs from what your own building blocks give.", lines=lines, hint=hint
    )


NN_STEPS = 12


def _nn_structure(ctx: Context) -> None:
    got = ctx.call(NN_X, NN_Y, 3, num_iterations=2)
    expect_arrays(
        got,
        "parameters",
        _param_spec(2, 3, 1),
        hints={k: "use the n_h argument (here 3); do not hard-code 4." for k in ("W1", "b1", "W2")},
    )


def _nn_matches_blocks(ctx: Context) -> str:
    expected = _own_blocks_training(ctx, NN_X, NN_Y, 4, NN_STEPS, seed=3)
    out = ctx.call_seeded("nn_model", (NN_X, NN_Y, 4), {"num_iterations": NN_STEPS}, seed=12345)
    if not same_plain(out.value, expected, rtol=1e-9, atol=1e-12):
        raise _mismatch(
            "nn_model's result",
            out.value,
            expected,
            f"start with np.random.seed(3), then exactly num_iterations (here {NN_STEPS}) "
            "steps of forward, backward and update_parameters(parameters, grads).",
        )
    return f"{NN_STEPS} steps agree with your blocks"


def _nn_uses_blocks(ctx: Context) -> None:
    _probe_failed(ctx, "nn_model", (NN_X, NN_Y, 4), {"num_iterations": 2}, BLOCKS)


# --------------------------------------------------------------------------- predict


def _predict_shape(ctx: Context) -> None:
    expect_array(
        ctx.call(PR_P, PR_X),
        "predict(parameters, X)",
        (1, PR_X.shape[1]),
        shape_text="(1, m)",
        dtype_kind="biuf",
    )


def _predict_agrees(ctx: Context) -> str:
    A2 = expect_tuple(ctx.call_fn("forward_propagation", PR_X, PR_P), "forward_propagation()", 2)
    expected = (cl.numbers(A2[0], "A2") > 0.5) * 1.0
    got = cl.numbers(ctx.call(PR_P, PR_X), "predict(parameters, X)")
    cl.compare(
        got,
        expected,
        "predict(parameters, X)",
        rtol=0,
        atol=0,
        hint="1 where A2 > 0.5, else 0: return A2 > 0.5, not A2 itself.",
    )
    return f"{int(expected.sum())} of {expected.size} predicted 1"


def _predict_threshold(ctx: Context) -> None:
    p = dict(PR_P, W2=np.zeros_like(PR_P["W2"]), b2=np.zeros_like(PR_P["b2"]))
    got = cl.numbers(ctx.call(p, PR_X[:, :4]), "predict(parameters, X)")
    if not bool(np.all(got == 0)):
        raise CheckFailure(
            "with W2 = 0 and b2 = 0 every output A2 is exactly 0.5, which should predict 0.",
            lines=[("got", describe(got))],
            hint="A2 > 0.5 (strict), not A2 >= 0.5.",
            kind="edge",
        )


# --------------------------------------------------------------------------- restarts

TR_ARGS = (NN_X, NN_Y, 3)
TR_KW = {"num_restarts": 3, "num_iterations": 8, "learning_rate": 0.9, "seed": 2}


def _restarts_own_blocks(ctx: Context) -> tuple[list[float], list[dict]]:
    X, Y, n_h = TR_ARGS
    costs, params = [], []
    for r in range(TR_KW["num_restarts"]):
        p = _own_blocks_training(
            ctx, X, Y, n_h, TR_KW["num_iterations"], TR_KW["seed"] + r, TR_KW["learning_rate"]
        )
        A2 = expect_tuple(ctx.call_fn("forward_propagation", X, p), "forward_propagation()", 2)[0]
        costs.append(expect_float(ctx.call_fn("compute_cost", A2, Y), "compute_cost(A2, Y)"))
        params.append(p)
    return costs, params


def _restarts_call(ctx: Context) -> tuple:
    out = ctx.call_seeded("train_with_restarts", TR_ARGS, TR_KW, seed=99)
    return expect_tuple(out.value, "train_with_restarts()", 2)


def _restarts_structure(ctx: Context) -> None:
    kw = dict(TR_KW, num_iterations=2)
    best, costs = expect_tuple(ctx.call(*TR_ARGS, **kw), "train_with_restarts()", 2)
    expect_arrays(best, "best_parameters", _param_spec(2, 3, 1))
    n = TR_KW["num_restarts"]
    if not isinstance(costs, list) or len(costs) != n:
        raise CheckFailure(
            f"final_costs should be a list of {n} numbers (one per restart) but is "
            f"{describe(costs)}.",
            hint="append one float per restart to a list; use the num_restarts argument.",
            kind="type",
        )
    for c in costs:
        expect_float(c, "each final cost")


def _restarts_matches(ctx: Context) -> str:
    costs, _ = _restarts_own_blocks(ctx)
    _, got = _restarts_call(ctx)
    if not same_plain(cl.numbers(got, "final_costs"), np.array(costs), rtol=1e-9, atol=1e-12):
        raise _mismatch(
            "final_costs",
            got,
            np.array(costs),
            "restart r seeds np.random.seed(seed + r); its final cost is compute_cost of a "
            "forward pass with the trained parameters (after the last update).",
        )
    return "final costs " + ", ".join(f"{c:.4f}" for c in costs)


def _restarts_keeps_best(ctx: Context) -> str:
    costs, params = _restarts_own_blocks(ctx)
    best = int(np.argmin(np.where(np.isnan(costs), np.inf, costs)))
    got, _ = _restarts_call(ctx)
    if not same_plain(got, params[best], rtol=1e-9, atol=1e-12):
        raise _mismatch(
            "best_parameters",
            got,
            params[best],
            f"return the parameters of the restart with the LOWEST final cost (here restart "
            f"{best}).",
        )
    return f"restart {best} kept"


# --------------------------------------------------------------------------- the unit


def _shape(fn: str) -> Check:
    return Check(
        "shape",
        1,
        cl.same_shape_as_input(SHAPES, f"{fn}(z)"),
        "shape",
        "returns a float array shaped like z: (n,), (n, 1), (n, m)",
    )


def _values(fn: str, points: float = 1, **kw) -> Check:
    return Check(
        "values",
        points,
        cl.visible_values(f"{fn}/values", [(Z,), (Z_FLAT,)], name=f"{fn}(z)", **kw),
        "values",
        "matches the expected values on the visible inputs",
    )


UNIT = Unit(
    name="shallow_network",
    number=4,
    title="one hidden layer: activations, backpropagation, symmetry breaking",
    tasks=(
        Task("4.1", "sigmoid", "sigmoid", (_shape("sigmoid"), _values("sigmoid"))),
        Task(
            "4.2",
            "sigmoid_derivative",
            "slope of the sigmoid",
            (
                _shape("sigmoid_derivative"),
                Check(
                    "gradcheck",
                    2,
                    _derivative_gradcheck(
                        cl.stable_sigmoid, "a * (1 - a) with a = sigmoid(z), not z."
                    ),
                    "gradient",
                    "agrees with centred differences of the sigmoid",
                ),
            ),
        ),
        Task(
            "4.3",
            "tanh",
            "tanh from exponentials",
            (
                _shape("tanh"),
                _values("tanh"),
                Check(
                    "large_inputs",
                    1,
                    _tanh_large,
                    "edge",
                    "tanh(±1000) is ±1 without overflow warnings",
                ),
                Check(
                    "own_implementation",
                    1,
                    _tanh_own,
                    "structure",
                    "computed from exponentials, not np.tanh",
                ),
            ),
        ),
        Task(
            "4.4",
            "tanh_derivative",
            "slope of tanh",
            (
                _shape("tanh_derivative"),
                Check(
                    "gradcheck",
                    2,
                    _derivative_gradcheck(np.tanh, "1 - a ** 2 with a = tanh(z): square a."),
                    "gradient",
                    "agrees with centred differences of tanh",
                ),
            ),
        ),
        Task(
            "4.5",
            "relu",
            "rectified linear unit",
            (
                _shape("relu"),
                _values("relu"),
                Check(
                    "no_mutation",
                    1,
                    cl.no_mutation([(Z.copy(),)], ["z"]),
                    "mutation",
                    "does not modify z",
                ),
            ),
        ),
        Task(
            "4.6",
            "relu_derivative",
            "slope of relu",
            (
                _shape("relu_derivative"),
                Check(
                    "gradcheck",
                    2,
                    _derivative_gradcheck(_relu, "1 where z > 0, 0 where z < 0."),
                    "gradient",
                    "agrees with centred differences of relu away from the kink at 0",
                ),
                Check("at_zero", 1, _relu_at_zero, "edge", "gives 0 or 1 at exactly z = 0"),
            ),
        ),
        Task(
            "4.7",
            "leaky_relu",
            "leaky relu",
            (
                _shape("leaky_relu"),
                _values("leaky_relu"),
                Check(
                    "slope_argument",
                    1,
                    cl.visible_values(
                        "leaky_relu/slope",
                        [(Z, 0.2)],
                        name="leaky_relu(z, slope=0.2)",
                        hint="use the slope argument instead of 0.01.",
                    ),
                    "values",
                    "uses its slope argument (slope=0.2)",
                ),
            ),
        ),
        Task(
            "4.8",
            "leaky_relu_derivative",
            "slope of leaky relu",
            (
                _shape("leaky_relu_derivative"),
                Check(
                    "gradcheck",
                    2,
                    _derivative_gradcheck(_leaky(0.01), "1 where z > 0, slope where z < 0."),
                    "gradient",
                    "agrees with centred differences of leaky relu (default slope 0.01)",
                ),
                Check(
                    "slope_argument",
                    1,
                    _derivative_gradcheck(
                        _leaky(0.2), "use the slope argument instead of 0.01.", slope=0.2
                    ),
                    "gradient",
                    "uses its slope argument (slope=0.2)",
                ),
            ),
        ),
        Task(
            "4.9",
            "layer_sizes",
            "sizes of the layers",
            (
                Check(
                    "structure", 1, _layer_sizes_structure, "type", "returns a tuple of three ints"
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values("layer_sizes/values", [(LS_X, LS_Y)], name="(n_x, n_h, n_y)"),
                    "values",
                    "X (5, 3) and Y (2, 3) give (5, 4, 2)",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [_layer_sizes_case(rng) for _ in range(3)],
                        name="(n_x, n_h, n_y)",
                    ),
                    "hidden",
                    "reads the sizes of any X and Y",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "4.10",
            "initialize_parameters",
            "random initialization",
            (
                Check(
                    "structure",
                    1,
                    _init_structure,
                    "structure",
                    "W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)",
                ),
                Check("not_zero", 1, _init_not_zero, "symmetry", "W1 and W2 are not zero"),
                Check(
                    "distinct_units",
                    1,
                    _init_distinct,
                    "symmetry",
                    "no two hidden units (rows of W1) start equal",
                ),
                Check("scale", 1, _init_scale, "values", "weights are about 0.01 in size"),
                Check("signs", 1, _init_signs, "values", "weights of both signs (a normal draw)"),
                Check(
                    "reproducible",
                    1,
                    _init_reproducible,
                    "rng",
                    "the same np.random.seed gives the same parameters",
                ),
                Check(
                    "no_reseed",
                    1,
                    _init_no_reseed,
                    "rng",
                    "draws from the global generator without reseeding it",
                ),
                Check(
                    "units_stay_distinct",
                    1,
                    _init_units_stay_distinct,
                    "symmetry",
                    "hidden units are still distinct after training from this initialization",
                ),
            ),
        ),
        Task(
            "4.11",
            "forward_propagation",
            "forward propagation",
            (
                Check(
                    "structure",
                    1,
                    _check_forward_structure,
                    "shape",
                    "returns (A2 (n_y, m), cache {Z1, A1 (n_h, m), Z2, A2 (n_y, m)})",
                ),
                Check(
                    "values",
                    2,
                    cl.visible_values(
                        "forward_propagation/values", [(FWD_X, FWD_P)], name="(A2, cache)"
                    ),
                    "values",
                    "matches the expected values on a visible network",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [_random_forward_case(rng) for _ in range(2)],
                        name="(A2, cache)",
                    ),
                    "hidden",
                    "matches the reference on random networks",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "4.12",
            "compute_cost",
            "cross-entropy cost",
            (
                Check(
                    "returns_float", 1, _check_cost_returns_float, "type", "returns a Python float"
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values("compute_cost/values", COST_CASES, name="cost"),
                    "values",
                    "matches the expected cost on the visible examples",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [_random_cost_case(rng) for _ in range(3)], name="cost"
                    ),
                    "hidden",
                    "matches the reference on random outputs",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "4.13",
            "backward_propagation",
            "backpropagation",
            (
                Check(
                    "structure",
                    1,
                    _backward_structure,
                    "shape",
                    "dW1, db1, dW2, db2 shaped like W1, b1, W2, b2",
                ),
                Check(
                    "gradcheck",
                    3,
                    _backward_gradcheck,
                    "gradient",
                    "every gradient agrees with centred differences of the cost, on two "
                    "network sizes",
                ),
                Check(
                    "uses_cache",
                    1,
                    _backward_uses_cache,
                    "behaviour",
                    "uses A1 and A2 from the cache (not Z1, Z2)",
                ),
                Check(
                    "no_mutation",
                    1,
                    _backward_no_mutation,
                    "mutation",
                    "does not modify its arguments",
                ),
            ),
        ),
        Task(
            "4.14",
            "update_parameters",
            "gradient-descent step",
            (
                Check(
                    "structure",
                    1,
                    _update_structure,
                    "structure",
                    "returns W1, b1, W2, b2 of unchanged shapes",
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values(
                        "update_parameters/values", [(UP_P, UP_G)], name="parameters"
                    ),
                    "values",
                    "one step with the default learning rate 1.2",
                ),
                Check(
                    "no_mutation",
                    1,
                    cl.no_mutation([(UP_P, UP_G)], ["parameters", "grads"]),
                    "mutation",
                    "does not modify the caller's dict",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [_update_case(rng) for _ in range(2)], name="parameters"
                    ),
                    "hidden",
                    "matches the reference for random shapes and learning rates",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "4.15",
            "nn_model",
            "training loop",
            (
                Check(
                    "structure",
                    1,
                    _nn_structure,
                    "structure",
                    "returns parameters shaped for the n_h it is given",
                ),
                Check(
                    "matches_own_blocks",
                    2,
                    _nn_matches_blocks,
                    "behaviour",
                    "equals seed 3 + your initialize/forward/backward/update, num_iterations times",
                ),
                Check(
                    "uses_blocks",
                    1,
                    _nn_uses_blocks,
                    "behaviour",
                    "fails when one of your building blocks is broken (so it calls them)",
                ),
            ),
        ),
        Task(
            "4.16",
            "predict",
            "predictions",
            (
                Check("shape", 1, _predict_shape, "shape", "returns a (1, m) array"),
                Check(
                    "agrees_with_forward",
                    1,
                    _predict_agrees,
                    "values",
                    "1 exactly where your forward pass gives A2 > 0.5",
                ),
                Check("threshold", 1, _predict_threshold, "edge", "A2 = 0.5 exactly predicts 0"),
            ),
        ),
        Task(
            "4.17",
            "train_with_restarts",
            "random restarts",
            (
                Check(
                    "structure",
                    1,
                    _restarts_structure,
                    "structure",
                    "returns (parameters, list of num_restarts costs)",
                ),
                Check(
                    "matches_own_blocks",
                    1,
                    _restarts_matches,
                    "behaviour",
                    "final costs equal your blocks' from seeds seed, seed+1, ...",
                ),
                Check(
                    "keeps_best",
                    1,
                    _restarts_keeps_best,
                    "behaviour",
                    "returns the parameters of the lowest final cost",
                ),
            ),
        ),
    ),
)
