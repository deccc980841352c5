"""Checks of unit 5, deep neural network (step by step, and the application).

Where the grader's own network math is installed (``_deep_math``, grader-only: the student
bundle leaves it out, since it is a solution of several tasks), the gradient checks of
L_model_backward use its forward pass and cost, so a student's backward pass is compared with
the numeric gradient of the true cost. In the student kit the same checks compare it with the
numeric gradient of the cost computed by the student's own L_model_forward and compute_cost
(a property check: backward agrees with forward and cost). Test networks are chosen so that
every pre-activation satisfies ``|z| > 1e-3``: a centred difference with ``h = 1e-5`` then
never crosses a ReLU kink, and a correct gradient cannot fail. The fixed (visible) networks
are stored as the index of the accepted random draw (:data:`FIXED_NETS`), so the kit needs no
forward pass to rebuild them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from autograder import checklib as cl
from autograder.asserts import expect_array, expect_float, expect_keys, expect_tuple, same_plain
from autograder.context import Context, StudentRaised
from autograder.gradcheck import (
    expect_gradient,
    numerical_gradient,
    numerical_gradient_array,
    rel_error,
)
from autograder.plain import describe, type_name
from autograder.spec import Check, CheckFailure, NeedsReference, Task, Unit
from autograder.submission import BUDGET, CRASH

#: Largest accepted relative error of a gradient (float64, no kink within reach).
GRAD_TOL = 1e-6
#: Pre-activations of test networks stay at least this far from the ReLU kink.
KINK_MARGIN = 1e-3

# --------------------------------------------------------------------------- test networks
# The grader's own forward pass, cost and backward pass live in the grader-only module
# ``_deep_math`` (M), which the student bundle leaves out. Where it is absent the checks use
# stored expected values and the student's own L_model_forward and compute_cost.

try:
    from autograder.units import _deep_math as M  # noqa: N812
except ImportError:  # the student bundle
    M = None


def _math() -> Any:
    """The grader's math; hidden checks only (they need the reference anyway)."""
    if M is None:
        raise NeedsReference("the grader's network math")
    return M


def _param_keys(L: int) -> list[str]:
    return [f"{p}{layer}" for layer in range(1, L + 1) for p in ("W", "b")]


def _grad_keys(L: int) -> list[str]:
    return (
        [f"dA{layer}" for layer in range(L)]
        + [f"dW{layer}" for layer in range(1, L + 1)]
        + [f"db{layer}" for layer in range(1, L + 1)]
    )


def _candidate(rng: np.random.Generator, dims: Sequence[int], m: int) -> tuple:
    """Draw one candidate ``(X, Y, params)`` for a network of layer sizes ``dims``."""
    X = rng.normal(0.0, 1.0, (dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    Y[0, 0], Y[0, -1] = 1.0, 0.0
    params = {}
    for layer in range(1, len(dims)):
        scale = 1.2 / math.sqrt(dims[layer - 1])
        params[f"W{layer}"] = rng.normal(0.0, scale, (dims[layer], dims[layer - 1]))
        params[f"b{layer}"] = rng.normal(0.2, 0.5, (dims[layer], 1))
    return X, Y, params


def _net(rng: np.random.Generator, dims: Sequence[int], m: int) -> tuple:
    """Draw ``(X, Y, params)`` for a network of layer sizes ``dims``, away from ReLU kinks.

    Needs the grader's math (hidden checks); fixed networks use :func:`_fixed_net`.
    """
    fallback = None
    for _ in range(300):
        X, Y, params = _candidate(rng, dims, m)
        quality = _math().point_quality(X, params, KINK_MARGIN)
        if quality == 2:
            return X, Y, params
        if quality == 1 and fallback is None:
            fallback = X, Y, params
    if fallback is not None:
        return fallback
    raise RuntimeError(f"no test network away from kinks for dims {list(dims)}")


#: ``(dims, seed, m) -> n``: ``_net(default_rng(seed), dims, m)`` accepts candidate ``n``
#: (stored so that the visible networks need no forward pass; a test re-derives them).
FIXED_NETS: dict[tuple, int] = {
    ((4, 3, 1), 3, 5): 2,
    ((5, 4, 3, 1), 6, 4): 0,
    ((2, 2, 1), 11, 3): 1,
    ((4, 3, 5, 1), 12, 3): 0,
    ((5, 5, 5, 5, 1), 13, 3): 1,
    ((3, 4, 1), 51, 4): 0,
    ((5, 2, 1), 52, 4): 0,
    ((4, 3, 3, 1), 53, 4): 1,
    ((3, 4, 6, 2, 1), 54, 4): 0,
    ((2, 5, 3, 1), 55, 4): 0,
}


def _fixed_net(dims: Sequence[int], seed: int, m: int) -> tuple:
    """The network ``_net(np.random.default_rng(seed), dims, m)``, from :data:`FIXED_NETS`."""
    rng = np.random.default_rng(seed)
    for _ in range(FIXED_NETS[(tuple(dims), seed, m)] + 1):
        net = _candidate(rng, dims, m)
    return net


# --------------------------------------------------------------------------- call helpers


def _ref_seeded(ref: Callable[..., Any], function: str, args: tuple, seed: int, **kw: Any) -> Any:
    """Call the reference after ``np.random.seed(seed)`` (the engine restores the state)."""
    np.random.seed(seed)
    return ref(function)(*args, **kw)


def _as_pair(value: Any, name: str) -> tuple[Any, Any]:
    return expect_tuple(value, name, 2)


def _same_array(got: Any, expected: np.ndarray) -> bool:
    return (
        isinstance(got, np.ndarray)
        and got.shape == expected.shape
        and bool(np.array_equal(got, expected))
    )


# --------------------------------------------------------------------------- visible inputs
_VIS = np.random.default_rng(2024)
LF_A = _VIS.normal(0, 1, (3, 4))
LF_W = _VIS.normal(0, 1, (2, 3))
LF_B = _VIS.normal(0, 1, (2, 1))
LB_DZ = _VIS.normal(0, 1, (2, 4))
LAB_DA = _VIS.normal(0, 1, (2, 4))
LAB_CACHE = ((LF_A, LF_W, LF_B), LF_W @ LF_A + LF_B)
COST_AL = np.array([[0.8, 0.9, 0.4]])
COST_Y = np.array([[1.0, 1.0, 0.0]])
NET2_X, NET2_Y, NET2_P = _fixed_net((4, 3, 1), 3, 5)
NET3_X, NET3_Y, NET3_P = _fixed_net((5, 4, 3, 1), 6, 4)
TOY_X = np.random.default_rng(8).normal(0, 1, (4, 12))
TOY_Y = (TOY_X[0:1] + 0.5 * TOY_X[1:2] > 0).astype(np.float64)


# --------------------------------------------------------------------------- initialization


def _check_param_shapes(
    params: Any, dims: Sequence[int], what: str, name: str = "parameters"
) -> dict:
    L = len(dims) - 1
    expect_keys(params, name, _param_keys(L))
    for layer in range(1, L + 1):
        expect_array(
            params[f"W{layer}"],
            f'{name}["W{layer}"]',
            (dims[layer], dims[layer - 1]),
            shape_text=f"(n[{layer}], n[{layer - 1}]) for {what}",
            hint="W{l} has one row per unit of layer l, one column per unit of layer l-1.",
        )
        expect_array(
            params[f"b{layer}"],
            f'{name}["b{layer}"]',
            (dims[layer], 1),
            shape_text=f"(n[{layer}], 1) for {what}",
            hint="use np.zeros((n, 1)): a column, not a flat (n,) vector.",
        )
    return params


def _layer_arrays(params: Any, L: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return ``[(W1, b1), ...]`` as float arrays, whatever their shapes (that is structure's)."""
    if not isinstance(params, dict):
        raise CheckFailure(
            f"the parameters should be a dict but are {type_name(params)}.", kind="type"
        )
    out = []
    for layer in range(1, L + 1):
        for key in (f"W{layer}", f"b{layer}"):
            if key not in params:
                raise CheckFailure(f'the parameters have no key "{key}".', kind="structure")
        out.append(
            (
                cl.numbers(params[f"W{layer}"], f"W{layer}"),
                cl.numbers(params[f"b{layer}"], f"b{layer}"),
            )
        )
    return out


def _init_call(ctx: Context, dims: Sequence[int], seed: int) -> Any:
    if ctx.task.function == "initialize_parameters":
        return ctx.call_seeded("initialize_parameters", tuple(dims), None, seed=seed).value
    return ctx.call_seeded("initialize_parameters_deep", (list(dims),), None, seed=seed).value


def _init_what(ctx: Context, dims: Sequence[int]) -> str:
    if ctx.task.function == "initialize_parameters":
        return f"initialize_parameters{tuple(dims)}"
    return f"layer_dims={list(dims)}"


def _init_structure(dims_list: Sequence[Sequence[int]]) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        for dims in dims_list:
            _check_param_shapes(_init_call(ctx, dims, 1), dims, _init_what(ctx, dims))

    return run


def _init_values(key: str, dims: Sequence[int], seed: int, hint: str) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        fn = ctx.task.function
        args = tuple(dims) if fn == "initialize_parameters" else (list(dims),)
        expected = ctx.expected(key, lambda ref: _ref_seeded(ref, fn, args, seed))
        got = ctx.call_seeded(fn, args, None, seed=seed).value
        cl.compare(got, expected, "parameters", hint=hint)

    return run


def _init_symmetry(dims: Sequence[int]) -> Callable[[Context], str]:
    def run(ctx: Context) -> str:
        layers = _layer_arrays(_init_call(ctx, dims, 2), len(dims) - 1)
        for layer, (W, b) in enumerate(layers, 1):
            W = W if W.ndim == 2 else W.reshape(1, -1)
            if not (np.count_nonzero(W) >= 0.9 * W.size):
                raise CheckFailure(
                    f"W{layer} is (mostly) zero: every unit of layer {layer} computes the same "
                    "output and gets the same gradient, so the units never become different.",
                    lines=[("got", describe(W))],
                    hint="draw the weights at random: np.random.randn(...).",
                    kind="symmetry",
                )
            rows = np.unique(W.round(12), axis=0).shape[0]
            if W.shape[0] > 1 and rows < W.shape[0]:
                raise CheckFailure(
                    f"W{layer} has {W.shape[0] - rows + 1} identical rows: those units of layer "
                    f"{layer} are copies of each other and stay copies during training.",
                    lines=[("got", describe(W))],
                    hint="draw the whole matrix at once: np.random.randn(n[l], n[l-1]).",
                    kind="symmetry",
                )
            if not bool(np.all(b == 0)):
                raise CheckFailure(
                    f"b{layer} should be zeros (the random W already breaks the symmetry).",
                    lines=[("got", describe(b))],
                    hint="np.zeros((n[l], 1)).",
                    kind="symmetry",
                )
        return f"{len(dims) - 1} layers: random, distinct rows, zero biases"

    return run


def _init_scale(
    dims: Sequence[int], scale_of: Callable[[int], float], scale_text: str, hint: str
) -> Callable[[Context], str]:
    def run(ctx: Context) -> str:
        layers = _layer_arrays(_init_call(ctx, dims, 4), len(dims) - 1)
        notes = []
        for layer, (W, _) in enumerate(layers, 1):
            if W.size == 0:
                raise CheckFailure(f"W{layer} is empty.", kind="shape")
            want = scale_of(dims[layer - 1])
            ratio = float(np.std(W)) / want
            mean = float(np.mean(W))
            lines = [
                ("got", f"std(W{layer}) = {np.std(W):.4g}, mean(W{layer}) = {mean:.3g}"),
                ("expected", f"std(W{layer}) ≈ {want:.4g} = {scale_text}, mean ≈ 0"),
            ]
            if float(np.min(W)) >= 0:
                raise CheckFailure(
                    f"every weight of W{layer} is positive: the weights should be centred on 0.",
                    lines=lines,
                    hint="np.random.randn draws from a standard normal; np.random.rand is "
                    "uniform on [0, 1).",
                    kind="values",
                )
            if not (0.85 <= ratio <= 1.18):
                raise CheckFailure(
                    f"W{layer} has the wrong scale: its standard deviation is {ratio:.3g} times "
                    f"{scale_text}.",
                    lines=lines,
                    hint=hint,
                    kind="values",
                )
            if not (abs(mean) <= 5 * want / math.sqrt(W.size)):
                raise CheckFailure(
                    f"W{layer} is not centred on 0.", lines=lines, hint=hint, kind="values"
                )
            notes.append(f"{ratio:.3f}")
        return f"std / ({scale_text}) per layer: " + ", ".join(notes)

    return run


def _init_rng(dims: Sequence[int]) -> Callable[[Context], str]:
    def run(ctx: Context) -> str:
        a = _init_call(ctx, dims, 5)
        b = _init_call(ctx, dims, 5)
        c = _init_call(ctx, dims, 6)
        if not same_plain(a, b, rtol=0, atol=0):
            raise CheckFailure(
                "two calls after np.random.seed(5) gave different parameters: the result "
                "should depend only on the caller's seed.",
                hint="draw with np.random.randn (the global generator the caller seeds), not "
                "with a new np.random.default_rng() or random.",
                kind="rng",
            )
        random = isinstance(a, dict) and any(
            isinstance(v, np.ndarray) and np.count_nonzero(v) for v in a.values()
        )
        if random and same_plain(a, c, rtol=0, atol=0):
            raise CheckFailure(
                "np.random.seed(5) and np.random.seed(6) before the call gave the same "
                "parameters: the function ignores the caller's seed (does it call "
                "np.random.seed itself?).",
                hint="remove np.random.seed(...) from the function: the caller seeds.",
                kind="rng",
            )
        return "same seed, same parameters; other seed, other parameters"

    return run


# --------------------------------------------------------------------------- forward


def _lf_structure(ctx: Context) -> None:
    Z, cache = _as_pair(ctx.call(LF_A, LF_W, LF_B), "linear_forward(A, W, b)")
    expect_array(Z, "Z", (2, 4), shape_text="(n[l], m)", hint="Z = np.dot(W, A) + b.")
    _expect_linear_cache(cache, LF_A, LF_W, LF_B, "cache")


def _expect_linear_cache(cache: Any, A: np.ndarray, W: np.ndarray, b: np.ndarray, name: str):
    if not isinstance(cache, tuple | list) or len(cache) != 3:
        raise CheckFailure(
            f"{name} should be the tuple (A, W, b) but is {describe(cache)}.",
            hint="cache = (A, W, b): the inputs, in this order, for linear_backward.",
            kind="structure",
        )
    for part, want, label in zip(cache, (A, W, b), ("A", "W", "b")):
        if not _same_array(part, want):
            raise CheckFailure(
                f"{name} should be (A, W, b), the inputs unchanged and in this order; its "
                f"entry for {label} is {describe(part)}.",
                hint="cache = (A, W, b).",
                kind="structure",
            )


def _first(value: Any) -> Any:
    """The first item of a returned tuple (Z or A), for value comparisons."""
    return value[0] if isinstance(value, tuple | list) and len(value) == 2 else value


def _values_first(key: str, cases: Sequence[tuple], name: str, hint: str) -> Callable:
    def run(ctx: Context) -> None:
        fn = ctx.task.function
        expected = ctx.expected(key, lambda ref: [ref(fn)(*args)[0] for args in cases])
        for args, exp in zip(cases, expected):
            cl.compare(_first(ctx.call(*args)), exp, name, hint=hint)

    return run


def _hidden_first(make_cases: Callable[[np.random.Generator], list], name: str) -> Callable:
    def run(ctx: Context) -> str:
        ref = ctx.ref()
        cases = make_cases(ctx.rng)
        for args in cases:
            cl.compare(_first(ctx.call(*args)), ref(*args)[0], name, kind="hidden")
        return f"{len(cases)} random inputs"

    return run


def _lf_case(rng: np.random.Generator) -> tuple:
    n_prev, n, m = (int(v) for v in rng.integers(2, 7, 3))
    return (rng.normal(0, 1, (n_prev, m)), rng.normal(0, 1, (n, n_prev)), rng.normal(0, 1, (n, 1)))


def _laf_structure(ctx: Context) -> None:
    for activation in ("relu", "sigmoid"):
        A, cache = _as_pair(
            ctx.call(LF_A, LF_W, LF_B, activation),
            f'linear_activation_forward(A_prev, W, b, "{activation}")',
        )
        expect_array(A, "A", (2, 4), shape_text="(n[l], m)")
        _expect_activation_cache(cache, LF_A, LF_W, LF_B, "cache")


def _expect_activation_cache(cache: Any, A_prev, W, b, name: str) -> None:
    if not isinstance(cache, tuple | list) or len(cache) != 2:
        raise CheckFailure(
            f"{name} should be the pair (linear_cache, activation_cache) but is {describe(cache)}.",
            hint="cache = (linear_cache, activation_cache), as linear_activation_backward "
            "unpacks it.",
            kind="structure",
        )
    linear_cache, activation_cache = cache
    _expect_linear_cache(linear_cache, A_prev, W, b, f"{name}[0] (linear_cache)")
    Z = W @ A_prev + b
    if not (
        isinstance(activation_cache, np.ndarray)
        and activation_cache.shape == Z.shape
        and np.allclose(activation_cache, Z, rtol=1e-12, atol=1e-12)
    ):
        raise CheckFailure(
            f"{name}[1] (activation_cache) should be Z = W A_prev + b, the input of the "
            f"activation; it is {describe(activation_cache)}.",
            hint="keep the cache that sigmoid(Z) / relu(Z) return: it is Z.",
            kind="structure",
        )


def _laf_case(rng: np.random.Generator) -> list[tuple]:
    return [(*_lf_case(rng), act) for act in ("relu", "sigmoid")]


def _random_dims(rng: np.random.Generator, depth: int) -> list[int]:
    return [int(v) for v in rng.integers(2, 6, depth)] + [1]


def _lmf_nets() -> list[tuple[list[int], tuple]]:
    """The structure check's networks of depth 2, 3 and 4: ``[(dims, (X, Y, params))]``."""
    nets = []
    for depth, seed in ((2, 11), (3, 12), (4, 13)):
        dims = _random_dims(np.random.default_rng(seed), depth)
        nets.append((dims, _fixed_net(dims, seed, 3)))
    return nets


def _lmf_structure(ctx: Context) -> str:
    nets = _lmf_nets()
    # the expected A_prev of every layer's cache (stored: the kit has no forward pass)
    all_acts = ctx.expected(
        "L_model_forward/structure",
        lambda ref: [
            [cache[0][0] for cache in ref("L_model_forward")(X, params)[1]]
            for _, (X, _, params) in nets
        ],
    )
    for (dims, (X, _, params)), acts in zip(nets, all_acts):
        depth = len(dims) - 1
        AL, caches = _as_pair(ctx.call(X, params), "L_model_forward(X, parameters)")
        expect_array(AL, "AL", (1, 3), shape_text="(1, m)")
        if not isinstance(caches, list) or len(caches) != depth:
            raise CheckFailure(
                f"for a network of L = {depth} layers (layer_dims {dims}) caches should be a "
                f"list of {depth} caches, one per layer, but it is {describe(caches)}.",
                hint="append the cache of every layer, the last (sigmoid) one included.",
                kind="structure",
            )
        for layer in range(1, depth + 1):
            _expect_activation_cache(
                caches[layer - 1],
                acts[layer - 1],
                params[f"W{layer}"],
                params[f"b{layer}"],
                f"caches[{layer - 1}]",
            )
    return "depths 2, 3 and 4"


def _lmf_case(rng: np.random.Generator, depth: int) -> tuple:
    dims = _random_dims(rng, depth)
    X, _, params = _net(rng, dims, int(rng.integers(2, 6)))
    return X, params  # hidden only: _net needs the grader's math


# --------------------------------------------------------------------------- cost


def _cost_type(ctx: Context) -> None:
    expect_float(
        ctx.call(COST_AL, COST_Y),
        "compute_cost(AL, Y)",
        hint="np.squeeze(cost) (or float(cost)) turns a (1, 1) array into a number.",
    )


def _cost_case(rng: np.random.Generator) -> tuple:
    m = int(rng.integers(3, 9))
    return rng.uniform(0.05, 0.95, (1, m)), (rng.random((1, m)) > 0.5).astype(np.float64)


# --------------------------------------------------------------------------- backward


def _expect_grad_triple(value: Any, name: str, shapes: tuple, texts: tuple) -> tuple:
    out = expect_tuple(value, name, 3)
    for g, label, shape, text in zip(out, ("dA_prev", "dW", "db"), shapes, texts):
        expect_array(
            g,
            label,
            shape,
            shape_text=text,
            hint="each gradient has the shape of what it is the gradient of (A_prev, W, b)"
            + ("; db needs np.sum(..., axis=1, keepdims=True)." if label == "db" else "."),
        )
    return out


LB_SHAPES = ((3, 4), (2, 3), (2, 1))
LB_TEXTS = ("(n[l-1], m), the shape of A_prev", "(n[l], n[l-1]), the shape of W", "(n[l], 1)")


def _lb_structure(ctx: Context) -> None:
    _expect_grad_triple(
        ctx.call(LB_DZ, (LF_A, LF_W, LF_B)), "linear_backward(dZ, cache)", LB_SHAPES, LB_TEXTS
    )


def _lab_structure(ctx: Context) -> None:
    for activation in ("relu", "sigmoid"):
        _expect_grad_triple(
            ctx.call(LAB_DA, LAB_CACHE, activation),
            f'linear_activation_backward(dA, cache, "{activation}")',
            LB_SHAPES,
            LB_TEXTS,
        )


def _values_all(key: str, cases: Sequence[tuple], name: str, hint: str) -> Callable:
    return cl.visible_values(key, cases, name=name, hint=hint)


def _upstream_gradcheck(
    ctx: Context, f: Callable[..., np.ndarray], A, W, b, dout, args: tuple, label: str
) -> list[str]:
    """Gradient-check (dA_prev, dW, db) = student(*args) against f(A, W, b) and dout."""
    m = A.shape[1]
    got = expect_tuple(ctx.call(*args), label, 3)
    grads = [cl.numbers(g, n) for g, n in zip(got, ("dA_prev", "dW", "db"))]
    numeric = [
        numerical_gradient_array(lambda a: f(a, W, b), A, dout),
        numerical_gradient_array(lambda w: f(A, w, b), W, dout) / m,
        numerical_gradient_array(lambda bb: f(A, W, bb), b, dout) / m,
    ]
    notes = []
    for name, g, n in zip(("dA_prev", "dW", "db"), grads, numeric):
        if g.shape != n.shape:
            if g.size != n.size:
                raise CheckFailure(
                    f"{name} has shape {g.shape} but should be {n.shape}.", kind="shape"
                )
            g = g.reshape(n.shape)
        hint = (
            "dW and db average over the m examples (1/m); dA_prev = W.T dZ does not."
            if name != "dA_prev"
            else "dA_prev = np.dot(W.T, dZ)."
        )
        notes.append(expect_gradient(f"{name} ({label})", g, n, tol=GRAD_TOL, hint=hint))
    return notes


def _lb_gradcheck(ctx: Context) -> str:
    rng = np.random.default_rng(41)
    A, W, b = rng.normal(0, 1, (4, 5)), rng.normal(0, 1, (3, 4)), rng.normal(0, 1, (3, 1))
    dZ = rng.normal(0, 1, (3, 5))
    notes = _upstream_gradcheck(
        ctx, lambda a, w, bb: w @ a + bb, A, W, b, dZ, (dZ, (A, W, b)), "linear_backward"
    )
    return "; ".join(n.split(" (")[0] + n[n.index(" max") :] for n in notes)


def _lab_gradcheck(ctx: Context) -> str:
    rng = np.random.default_rng(42)
    notes = []
    layer_out = {  # one layer's output, the function whose gradient is checked
        "relu": lambda a, w, bb: np.maximum(0.0, w @ a + bb),
        "sigmoid": lambda a, w, bb: 1.0 / (1.0 + np.exp(-(w @ a + bb))),
    }
    for activation in ("relu", "sigmoid"):
        for _ in range(200):
            A, W, b = rng.normal(0, 1, (4, 5)), rng.normal(0, 1, (3, 4)), rng.normal(0, 1, (3, 1))
            Z = W @ A + b
            if float(np.min(np.abs(Z))) > KINK_MARGIN:
                break
        dA = rng.normal(0, 1, (3, 5))
        notes += _upstream_gradcheck(
            ctx,
            layer_out[activation],
            A,
            W,
            b,
            dA,
            (dA, ((A, W, b), Z), activation),
            f'"{activation}"',
        )
    return f"relu and sigmoid layers, max relative error {_max_err(notes):.1e} (ok < {GRAD_TOL:g})"


def _max_err(notes: list[str]) -> float:
    return max(float(n.split("max relative error ")[1].split(" ")[0]) for n in notes)


def _lab_case(rng: np.random.Generator) -> list[tuple]:
    cases = []
    for activation in ("relu", "sigmoid"):
        A, W, b = _lf_case(rng)
        dA = rng.normal(0, 1, (W.shape[0], A.shape[1]))
        cases.append((dA, ((A, W, b), W @ A + b), activation))
    return cases


# --------------------------------------------------------------------------- L_model_backward


def _lmb_structure(ctx: Context) -> str:
    for X, Y, params in ((NET3_X, NET3_Y, NET3_P),):
        AL, caches = ctx.expected(
            "L_model_backward/structure_inputs",
            lambda ref, X=X, params=params: ref("L_model_forward")(X, params),
        )
        L = len(caches)
        m = X.shape[1]
        a_shapes = [X.shape] + [(params[f"W{layer}"].shape[0], m) for layer in range(1, L)]
        grads = expect_keys(ctx.call(AL, Y, caches), "grads", _grad_keys(L))
        for layer in range(L):
            expect_array(
                grads[f"dA{layer}"],
                f'grads["dA{layer}"]',
                a_shapes[layer],
                shape_text=f"the shape of A{layer}",
            )
        for layer in range(1, L + 1):
            expect_array(
                grads[f"dW{layer}"],
                f'grads["dW{layer}"]',
                params[f"W{layer}"].shape,
                shape_text=f"the shape of W{layer}",
            )
            expect_array(
                grads[f"db{layer}"],
                f'grads["db{layer}"]',
                params[f"b{layer}"].shape,
                shape_text=f"the shape of b{layer}",
            )
    return "L = 3: dA0..dA2, dW1..dW3, db1..db3"


def _compare_grads(got: Any, expected: dict, kind: str = "values") -> None:
    """Compare the expected gradients (the key set is the structure check's business)."""
    if not isinstance(got, dict):
        raise CheckFailure(f"grads should be a dict but is {type_name(got)}.", kind="type")
    for key in expected:
        if key not in got:
            raise CheckFailure(f'grads has no key "{key}".', kind="structure")
        cl.compare(got[key], expected[key], f'grads["{key}"]', kind=kind)


def _lmb_values(ctx: Context) -> None:
    AL, caches = ctx.expected(
        "L_model_backward/inputs", lambda ref: ref("L_model_forward")(NET2_X, NET2_P)
    )
    expected = ctx.expected(
        "L_model_backward/values", lambda ref: ref("L_model_backward")(AL, NET2_Y, caches)
    )
    _compare_grads(ctx.call(AL, NET2_Y, caches), expected)


# Without the grader's math (the student kit) a gradient check is a property check: the
# student's backward pass must agree with the numeric gradient of the cost that the
# student's own L_model_forward and compute_cost compute.
OWN_FORWARD = "your L_model_forward and compute_cost"


def _own_failure(detail: str) -> CheckFailure:
    return CheckFailure(
        f"{detail} The gradient check differentiates the cost computed by {OWN_FORWARD}, so "
        "they must work first.",
        hint="make L_model_forward and compute_cost pass their checks, then come back.",
        kind="gradient",
    )


def _own_run(ctx: Context, X: np.ndarray, params: dict) -> tuple[np.ndarray, Any]:
    """The student's ``L_model_forward(X, params)`` as (AL, caches); AL checked."""
    AL, caches = _as_pair(
        ctx.call_fn("L_model_forward", X, params), "L_model_forward(X, parameters)"
    )
    AL = cl.numbers(AL, "AL")
    if AL.shape != (1, X.shape[1]):
        raise _own_failure(f"L_model_forward returned AL of shape {AL.shape}, not (1, m).")
    return AL, caches


def _own_cost(ctx: Context, X: np.ndarray, Y: np.ndarray, params: dict) -> float:
    cost = cl.numbers(ctx.call_fn("compute_cost", _own_run(ctx, X, params)[0], Y), "cost")
    if cost.size != 1:
        raise _own_failure(f"compute_cost returned {cost.size} numbers, not one.")
    return float(cost.reshape(-1)[0])


def _own_forward(ctx: Context, X: np.ndarray, params: dict) -> tuple[np.ndarray, list]:
    """The student's (AL, caches), checked just enough to differentiate through them."""
    L = len(params) // 2
    AL, caches = _own_run(ctx, X, params)
    shapes = [X.shape] + [(params[f"W{layer}"].shape[0], X.shape[1]) for layer in range(1, L)]
    ok = isinstance(caches, list) and len(caches) == L
    for cache, shape in zip(caches if ok else [], shapes):
        ok = ok and (
            isinstance(cache, tuple | list)
            and len(cache) == 2
            and isinstance(cache[0], tuple | list)
            and len(cache[0]) == 3
            and isinstance(cache[0][0], np.ndarray)
            and cache[0][0].shape == shape
        )
    if not ok:
        raise _own_failure(
            f"L_model_forward did not return {L} caches ((A_prev, W, b), Z) for L = {L}."
        )
    return AL, caches


def _own_numeric_grads(ctx: Context, X, Y, params: dict, caches: list) -> dict:
    """Centred-difference gradients of the student's cost (the grads convention of M)."""
    L = len(params) // 2
    m = X.shape[1]
    out = {}
    for layer in range(1, L + 1):
        for p in ("W", "b"):
            key = f"{p}{layer}"
            out[f"d{key}"] = numerical_gradient(
                lambda v, key=key: _own_cost(ctx, X, Y, {**params, key: v}), params[key]
            )
    for layer in range(L):
        # layers layer+1..L, renumbered 1..L-layer, as a network of their own
        rest = {f"{p}{k - layer}": params[f"{p}{k}"] for k in range(layer + 1, L + 1) for p in "Wb"}
        A = X if layer == 0 else np.asarray(caches[layer][0][0], dtype=np.float64)
        out[f"dA{layer}"] = m * numerical_gradient(
            lambda a, rest=rest: _own_cost(ctx, a, Y, rest), A
        )
    return out


def _lmb_errors(ctx: Context, dims: Sequence[int], seed: int) -> tuple[dict, list[tuple]]:
    """Run the student's L_model_backward on a fresh net; return (grads, wrong entries)."""
    X, Y, params = _fixed_net(dims, seed, 4)
    if M is not None:
        AL, caches, _ = M.forward(X, params)
    else:
        AL, caches = _own_forward(ctx, X, params)
    L = len(caches)
    got = ctx.call(AL, Y, caches)
    backward_call = ctx.last
    if not isinstance(got, dict):
        raise CheckFailure(f"grads should be a dict but is {type_name(got)}.", kind="type")
    missing = [k for k in _grad_keys(L) if k not in got]
    if missing:
        raise CheckFailure(
            f"for L = {L} (layer_dims {list(dims)}) grads has no keys {missing}.",
            hint="grads needs dA0..dA{L-1}, dW1..dWL and db1..dbL for every L.",
            kind="structure",
        )
    if M is not None:
        numeric = M.numeric_grads(X, Y, params)
    else:
        numeric = _own_numeric_grads(ctx, X, Y, params, caches)
        ctx.last = backward_call  # messages show the call of L_model_backward
    wrong = []
    for key in _grad_keys(L):
        g = cl.numbers(got[key], f'grads["{key}"]')
        if g.shape != numeric[key].shape:
            raise CheckFailure(
                f'grads["{key}"] has shape {g.shape} but should be {numeric[key].shape}.',
                kind="shape",
            )
        err = rel_error(g, numeric[key])
        if not (err <= GRAD_TOL):
            wrong.append((key, err, g, numeric[key]))
    return {"AL": AL, "Y": Y, "caches": caches, "got": got, "numeric": numeric}, wrong


def _lmb_failure(run: dict, wrong: list, dims: Sequence[int], depth2_ok: bool | None):
    L = len(dims) - 1
    key, err, g, n = max(wrong, key=lambda w: w[1])
    e = np.abs(g - n) / np.maximum(1e-8, np.abs(g) + np.abs(n))
    e = np.where(np.isnan(e), np.inf, e)
    ix = tuple(int(i) for i in np.unravel_index(int(np.argmax(e)), g.shape))
    of = "the cost" if M is not None else f"the cost computed by {OWN_FORWARD}"
    lines = [
        ("got", f'grads["{key}"]{list(ix)} = {float(g[ix])!r} (your gradient)'),
        ("expected", f'grads["{key}"]{list(ix)} = {float(n[ix])!r} (centred difference of {of})'),
        ("error", f"max relative error {err:.1e} (should be < {GRAD_TOL:g})"),
        ("wrong", ", ".join(w[0] for w in wrong)),
    ]
    got, AL, Y, caches = run["got"], run["AL"], run["Y"], run["caches"]
    hidden_keys = [f"dW{layer}" for layer in range(1, L)] + [f"db{layer}" for layer in range(1, L)]

    def matches(alt: dict, keys: list[str]) -> bool:
        return all(same_plain(got[k], alt[k], rtol=1e-6, atol=1e-9) for k in keys)

    if M is not None and matches(M.backward(AL, Y, caches, hidden="sigmoid"), hidden_keys):
        detail = (
            f"for L = {L} the hidden layers' gradients are what sigmoid_backward gives: the "
            "hidden layers 1..L-1 are relu layers and need relu_backward."
        )
        hint = 'use linear_activation_backward(..., "relu") for layers L-1, ..., 1.'
    elif M is not None and matches(M.backward(AL, Y, caches, output="relu"), [f"dW{L}", f"db{L}"]):
        detail = (
            f"grads dW{L}, db{L} are what relu_backward gives: the output layer L is a "
            "sigmoid layer and needs sigmoid_backward."
        )
        hint = 'only layer L uses "sigmoid"; start with linear_activation_backward(dAL, ...).'
    elif depth2_ok:
        detail = (
            f"L_model_backward is right for a 2-layer network but wrong for L = {L} "
            f"(layer_dims {list(dims)}): it only works for two layers."
        )
        hint = TWO_LAYER_HINT
    else:
        detail = f"grads do not match the numeric gradient of {of} for L = {L}."
        hint = "dAL = -(Y / AL - (1 - Y) / (1 - AL)); layer L is sigmoid, the others relu."
        if M is None:
            hint += f" (The numeric gradient uses {OWN_FORWARD}: they must pass their checks.)"
    raise CheckFailure(detail, lines=lines, hint=hint, kind="gradient")


TWO_LAYER_HINT = (
    "loop over every hidden layer, for l in reversed(range(L - 1)), using caches[l] and "
    'the upstream gradient grads["dA" + str(l + 1)] of the layer just above.'
)


def _works_for_two_layers(ctx: Context) -> bool:
    """True if the student's L_model_backward passes the gradient check for L = 2."""
    last = ctx.last
    try:
        ok = all(not _lmb_errors(ctx, d, s)[1] for d, s in DEPTH2_NETS)
    except (StudentRaised, CheckFailure):
        ok = False
    ctx.last = last
    return ok


DEPTH2_NETS = (((3, 4, 1), 51), ((5, 2, 1), 52))
DEEP_NETS = (((4, 3, 3, 1), 53), ((3, 4, 6, 2, 1), 54), ((2, 5, 3, 1), 55))


def _lmb_gradcheck(nets: Sequence[tuple], deep: bool) -> Callable[[Context], str]:
    def run(ctx: Context) -> str:
        worst = 0.0
        for dims, seed in nets:
            try:
                result, wrong = _lmb_errors(ctx, dims, seed)
            except StudentRaised as exc:
                if exc.function != "L_model_backward":  # the kit: the student's forward, cost
                    if exc.error.not_implemented or exc.error.type in (BUDGET, CRASH):
                        raise
                    raise _own_failure(
                        f"{exc.function} raised {exc.error} on {exc.call_text}."
                    ) from None
                if not deep or exc.error.not_implemented or not _works_for_two_layers(ctx):
                    raise
                raise CheckFailure(
                    f"L_model_backward is right for a 2-layer network but raised "
                    f"{exc.error} for L = {len(dims) - 1} (layer_dims {list(dims)}): it only "
                    "works for two layers.",
                    hint=TWO_LAYER_HINT,
                    kind="gradient",
                ) from None
            if wrong:
                depth2_ok = None
                if deep:
                    depth2_ok = _works_for_two_layers(ctx)
                _lmb_failure(result, wrong, dims, depth2_ok)
            worst = max(
                worst,
                max(
                    rel_error(cl.numbers(result["got"][k], k), result["numeric"][k])
                    for k in result["numeric"]
                ),
            )
        depths = ", ".join(f"{list(d)}" for d, _ in nets)
        return f"layer_dims {depths}: max relative error {worst:.1e} (ok < {GRAD_TOL:g})"

    return run


def _lmb_hidden(ctx: Context) -> str:
    ref = ctx.ref()
    for depth in (2, 3, 4):
        dims = _random_dims(ctx.rng, depth)
        X, Y, params = _net(ctx.rng, dims, int(ctx.rng.integers(2, 6)))
        AL, caches, _ = _math().forward(X, params)
        _compare_grads(ctx.call(AL, Y, caches), ref(AL, Y, caches), kind="hidden")
    return "random networks of depth 2, 3 and 4"


# --------------------------------------------------------------------------- update


def _grads_for(params: dict[str, np.ndarray], rng: np.random.Generator) -> dict:
    grads = {f"d{k}": rng.normal(0, 1, v.shape) for k, v in params.items()}
    grads["dA0"] = rng.normal(0, 1, (params["W1"].shape[1], 3))
    return grads


UP_P2 = NET2_P
UP_G2 = _grads_for(NET2_P, np.random.default_rng(21))
UP_P3 = NET3_P
UP_G3 = _grads_for(NET3_P, np.random.default_rng(22))


def _up_structure(ctx: Context) -> None:
    dims = [UP_P3["W1"].shape[1]] + [UP_P3[f"W{layer}"].shape[0] for layer in (1, 2, 3)]
    got = ctx.call(UP_P3, UP_G3, 0.1)
    _check_param_shapes(got, dims, f"layer_dims {dims}")


def _up_hidden(ctx: Context) -> str:
    ref = ctx.ref()
    for depth in (3, 4):
        dims = _random_dims(ctx.rng, depth)
        _, _, params = _net(ctx.rng, dims, 2)
        grads = _grads_for(params, ctx.rng)
        lr = float(ctx.rng.uniform(0.01, 1.0))
        cl.compare(ctx.call(params, grads, lr), ref(params, grads, lr), "parameters", kind="hidden")
    return "random networks of depth 3 and 4"


# --------------------------------------------------------------------------- models


def _model_args(ctx: Context) -> tuple[tuple, dict]:
    if ctx.task.function == "two_layer_model":
        return (TOY_X, TOY_Y, (4, 7, 1)), {"num_iterations": 120}
    return (TOY_X, TOY_Y, [4, 5, 3, 1]), {"num_iterations": 120}


def _expect_model_result(value: Any, dims: Sequence[int], iterations: int) -> tuple:
    params, costs = expect_tuple(value, "the result (parameters, costs)", 2)
    _check_param_shapes(params, dims, f"layers_dims {list(dims)}")
    want = math.ceil(iterations / 100)
    if not isinstance(costs, list):
        raise CheckFailure(
            f"costs should be a list but is {type_name(costs)}.",
            hint="costs = [] and costs.append(cost).",
            kind="type",
        )
    if len(costs) != want:
        raise CheckFailure(
            f"with num_iterations={iterations} costs should hold {want} values (the cost at "
            f"iterations 0, 100, ...) but holds {len(costs)}.",
            hint="record the cost only when i % 100 == 0, and run exactly num_iterations "
            "iterations.",
            kind="structure",
        )
    for i, c in enumerate(costs):
        expect_float(c, f"costs[{i}]")
    return params, costs


def _model_structure(ctx: Context) -> str:
    args, kwargs = _model_args(ctx)
    kwargs = {"num_iterations": 101}
    value = ctx.call_seeded(ctx.task.function, args, kwargs, seed=1).value
    _expect_model_result(value, args[2], 101)
    return "num_iterations=101: 2 costs"


def _model_values(ctx: Context) -> None:
    fn = ctx.task.function
    args, kwargs = _model_args(ctx)
    expected = ctx.expected(f"{fn}/values", lambda ref: _ref_seeded(ref, fn, args, 1, **kwargs))
    got = ctx.call_seeded(fn, args, kwargs, seed=1).value
    _compare_model(got, expected, "values")


def _compare_model(got: Any, expected: tuple, kind: str) -> None:
    params, costs = expect_tuple(got, "the result (parameters, costs)", 2)
    hint = (
        "initialize, then per iteration: forward, cost, backward, "
        "parameters = update_parameters(...); record the cost every 100 iterations."
    )
    want = np.asarray(expected[1], dtype=np.float64).ravel()
    if isinstance(costs, list | np.ndarray) and len(costs) > 1 and np.ptp(want) > 0:
        c = cl.numbers(costs, "costs").ravel()
        if c.size > 1 and bool(np.all(c == c[0])):
            raise CheckFailure(
                f"the cost never changes ({float(c[0])!r} at every record): the parameters are "
                "not being updated.",
                hint="keep the result: parameters = update_parameters(parameters, grads, "
                "learning_rate).",
                kind=kind,
            )
    cl.compare(params, expected[0], "parameters", rtol=1e-6, atol=1e-9, hint=hint, kind=kind)
    cl.compare(costs, expected[1], "costs", rtol=1e-6, atol=1e-9, hint=hint, kind=kind)


def _model_hidden(ctx: Context) -> str:
    fn = ctx.task.function
    ref = ctx.ref()
    n_x, m = int(ctx.rng.integers(2, 6)), int(ctx.rng.integers(6, 12))
    X = ctx.rng.normal(0, 1, (n_x, m))
    Y = (ctx.rng.random((1, m)) > 0.5).astype(np.float64)
    Y[0, 0], Y[0, 1] = 1.0, 0.0
    if fn == "two_layer_model":
        dims: Any = (n_x, int(ctx.rng.integers(2, 6)), 1)
    else:
        dims = [n_x] + [int(v) for v in ctx.rng.integers(2, 6, int(ctx.rng.integers(1, 4)))] + [1]
    kwargs = {
        "learning_rate": float(ctx.rng.uniform(0.02, 0.2)),
        "num_iterations": int(ctx.rng.integers(101, 131)),
    }
    np.random.seed(1)
    expected = ref(X, Y, dims, **kwargs)
    got = ctx.call_seeded(fn, (X, Y, dims), kwargs, seed=1).value
    _compare_model(got, expected, "hidden")
    return f"layers_dims {list(dims)}, learning_rate {kwargs['learning_rate']:.3f}"


# --------------------------------------------------------------------------- the unit

INIT_HINT = "draw W1 then W2 with np.random.randn(rows, cols) * 0.01; biases np.zeros((n, 1))."
DEEP_INIT_HINT = (
    "draw W1, W2, ... in order with np.random.randn(n[l], n[l-1]) / np.sqrt(n[l-1]); "
    "biases np.zeros((n[l], 1))."
)

UNIT = Unit(
    name="deep_network",
    number=5,
    title="deep neural network: step by step, and the application",
    tasks=(
        Task(
            "5.1",
            "initialize_parameters",
            "initialize a 2-layer network",
            (
                Check(
                    "structure",
                    1,
                    _init_structure([(3, 2, 1), (5, 4, 2)]),
                    "structure",
                    "keys W1, b1, W2, b2 exactly, with shapes (n_h, n_x), (n_h, 1), (n_y, n_h), "
                    "(n_y, 1)",
                ),
                Check(
                    "values",
                    1,
                    _init_values("initialize_parameters/values", (3, 2, 1), 1, INIT_HINT),
                    "values",
                    "after np.random.seed(1), matches the course's draws for (3, 2, 1)",
                ),
                Check(
                    "symmetry",
                    1,
                    _init_symmetry((6, 5, 3)),
                    "symmetry",
                    "weights random with distinct rows, biases zero",
                ),
                Check(
                    "scale",
                    1,
                    _init_scale(
                        (400, 100, 60), lambda n: 0.01, "0.01", "multiply np.random.randn by 0.01."
                    ),
                    "values",
                    "weights centred on 0 with standard deviation 0.01",
                ),
                Check(
                    "rng",
                    1,
                    _init_rng((3, 2, 1)),
                    "rng",
                    "honours the caller's seed and does not seed itself",
                ),
            ),
        ),
        Task(
            "5.2",
            "initialize_parameters_deep",
            "initialize an L-layer network",
            (
                Check(
                    "structure",
                    1,
                    _init_structure([(5, 4, 3), (3, 6, 2, 4, 1), (2, 1)]),
                    "structure",
                    "exactly W1..WL, b1..bL with every layer's shape, for any layer_dims",
                ),
                Check(
                    "values",
                    1,
                    _init_values("initialize_parameters_deep/values", (5, 4, 3), 3, DEEP_INIT_HINT),
                    "values",
                    "after np.random.seed(3), matches the reference's draws for [5, 4, 3]",
                ),
                Check(
                    "symmetry",
                    1,
                    _init_symmetry((6, 5, 4, 3)),
                    "symmetry",
                    "every layer's weights random with distinct rows, biases zero",
                ),
                Check(
                    "scale",
                    2,
                    _init_scale(
                        (300, 200, 100, 60),
                        lambda n: 1.0 / math.sqrt(n),
                        "1/sqrt(n[l-1])",
                        "divide by np.sqrt(layer_dims[l - 1]), the size of the PREVIOUS layer "
                        "(not * 0.01, not sqrt(2 / n)).",
                    ),
                    "values",
                    "each layer's weights centred on 0 with standard deviation 1/sqrt(n[l-1])",
                ),
                Check(
                    "rng",
                    1,
                    _init_rng((5, 4, 3)),
                    "rng",
                    "honours the caller's seed and does not seed itself",
                ),
            ),
        ),
        Task(
            "5.3",
            "linear_forward",
            "linear part of a layer's forward pass",
            (
                Check(
                    "structure",
                    1,
                    _lf_structure,
                    "structure",
                    "returns (Z, cache): Z of shape (n[l], m), cache = (A, W, b)",
                ),
                Check(
                    "values",
                    1,
                    _values_first(
                        "linear_forward/values",
                        [(LF_A, LF_W, LF_B)],
                        "Z",
                        "Z = np.dot(W, A) + b.",
                    ),
                    "values",
                    "Z matches the expected values",
                ),
                Check(
                    "hidden",
                    1,
                    _hidden_first(lambda rng: [_lf_case(rng) for _ in range(3)], "Z"),
                    "hidden",
                    "Z matches the reference for random sizes",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.4",
            "linear_activation_forward",
            "one layer forward: linear, then relu or sigmoid",
            (
                Check(
                    "structure",
                    1,
                    _laf_structure,
                    "structure",
                    "returns (A, cache) with cache = ((A_prev, W, b), Z), for both activations",
                ),
                Check(
                    "values",
                    2,
                    _values_first(
                        "linear_activation_forward/values",
                        [(LF_A, LF_W, LF_B, "relu"), (LF_A, LF_W, LF_B, "sigmoid")],
                        "A",
                        'relu(Z) for "relu", sigmoid(Z) for "sigmoid".',
                    ),
                    "values",
                    "A matches the expected values for relu and sigmoid",
                ),
                Check(
                    "hidden",
                    1,
                    _hidden_first(lambda rng: _laf_case(rng) + _laf_case(rng), "A"),
                    "hidden",
                    "A matches the reference for random sizes",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.5",
            "L_model_forward",
            "forward pass of the whole network",
            (
                Check(
                    "structure",
                    2,
                    _lmf_structure,
                    "structure",
                    "AL (1, m) and a list of L caches ((A_prev, W, b), Z), for L = 2, 3, 4",
                ),
                Check(
                    "values",
                    2,
                    _values_first(
                        "L_model_forward/values",
                        [(NET3_X, NET3_P)],
                        "AL",
                        "relu for layers 1..L-1, sigmoid for layer L; L = len(parameters) // 2.",
                    ),
                    "values",
                    "AL matches the expected values for a 3-layer network",
                ),
                Check(
                    "no_mutation",
                    1,
                    cl.no_mutation([(NET3_X, NET3_P)], ["X", "parameters"]),
                    "mutation",
                    "leaves X and the parameters dict unchanged",
                ),
                Check(
                    "hidden",
                    1,
                    _hidden_first(
                        lambda rng: [_lmf_case(rng, d) for d in (2, 3, 4)],
                        "AL",
                    ),
                    "hidden",
                    "AL matches the reference for random networks of depth 2, 3, 4",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.6",
            "compute_cost",
            "cross-entropy cost",
            (
                Check("returns_number", 1, _cost_type, "type", "returns a number, not an array"),
                Check(
                    "values",
                    1,
                    cl.visible_values(
                        "compute_cost/values",
                        [(COST_AL, COST_Y)],
                        name="cost",
                        hint="J = -(1/m) sum(Y log AL + (1 - Y) log(1 - AL)).",
                    ),
                    "values",
                    "the lesson's example gives 0.2797765635793422",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(lambda rng: [_cost_case(rng) for _ in range(3)], name="cost"),
                    "hidden",
                    "matches the reference on random inputs",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.7",
            "linear_backward",
            "linear part of a layer's backward pass",
            (
                Check(
                    "structure",
                    1,
                    _lb_structure,
                    "structure",
                    "returns (dA_prev, dW, db) shaped like A_prev, W, b",
                ),
                Check(
                    "values",
                    1,
                    _values_all(
                        "linear_backward/values",
                        [(LB_DZ, (LF_A, LF_W, LF_B))],
                        "(dA_prev, dW, db)",
                        "dW = dZ A_prev.T / m, db = sum(dZ, axis=1) / m, dA_prev = W.T dZ.",
                    ),
                    "values",
                    "matches the expected gradients",
                ),
                Check(
                    "gradcheck",
                    2,
                    _lb_gradcheck,
                    "gradient",
                    "agrees with the numeric gradient of sum(Z * dZ) (dW, db averaged over m)",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [
                            (rng.normal(0, 1, (c[1].shape[0], c[0].shape[1])), c)
                            for c in (_lf_case(rng) for _ in range(3))
                        ],
                        name="(dA_prev, dW, db)",
                    ),
                    "hidden",
                    "matches the reference for random sizes",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.8",
            "linear_activation_backward",
            "one layer backward: activation, then linear",
            (
                Check(
                    "structure",
                    1,
                    _lab_structure,
                    "structure",
                    "returns (dA_prev, dW, db) shaped like A_prev, W, b, for both activations",
                ),
                Check(
                    "values",
                    1,
                    _values_all(
                        "linear_activation_backward/values",
                        [(LAB_DA, LAB_CACHE, "relu"), (LAB_DA, LAB_CACHE, "sigmoid")],
                        "(dA_prev, dW, db)",
                        "dZ = relu_backward(dA, Z) or sigmoid_backward(dA, Z), then "
                        "linear_backward(dZ, linear_cache).",
                    ),
                    "values",
                    "matches the expected gradients for relu and sigmoid",
                ),
                Check(
                    "gradcheck",
                    2,
                    _lab_gradcheck,
                    "gradient",
                    "agrees with the numeric gradient of sum(A * dA), relu and sigmoid",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: _lab_case(rng) + _lab_case(rng), name="(dA_prev, dW, db)"
                    ),
                    "hidden",
                    "matches the reference for random sizes",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.9",
            "L_model_backward",
            "backward pass of the whole network",
            (
                Check(
                    "structure",
                    1,
                    _lmb_structure,
                    "structure",
                    "grads has exactly dA0..dA{L-1}, dW1..dWL, db1..dbL with the right shapes",
                ),
                Check(
                    "values",
                    1,
                    _lmb_values,
                    "values",
                    "matches the expected gradients of a 2-layer network",
                ),
                Check(
                    "gradcheck_2_layers",
                    2,
                    _lmb_gradcheck(DEPTH2_NETS, deep=False),
                    "gradient",
                    "every gradient agrees with the numeric gradient of the cost, L = 2",
                ),
                Check(
                    "gradcheck_deep",
                    3,
                    _lmb_gradcheck(DEEP_NETS, deep=True),
                    "gradient",
                    "every gradient agrees with the numeric gradient of the cost, L = 3 and 4",
                ),
                Check(
                    "hidden",
                    1,
                    _lmb_hidden,
                    "hidden",
                    "matches the reference for random networks of depth 2, 3, 4",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.10",
            "update_parameters",
            "one step of gradient descent",
            (
                Check(
                    "structure",
                    1,
                    _up_structure,
                    "structure",
                    "returns a dict with exactly the keys and shapes of params",
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values(
                        "update_parameters/values",
                        [(UP_P2, UP_G2, 0.1)],
                        name="parameters",
                        hint="W = W - learning_rate * dW, b = b - learning_rate * db.",
                    ),
                    "values",
                    "matches the expected update of a 2-layer network",
                ),
                Check(
                    "no_mutation",
                    1,
                    cl.no_mutation([(UP_P3, UP_G3, 0.1)], ["params", "grads", "learning_rate"]),
                    "mutation",
                    "leaves the caller's params (and its arrays) unchanged",
                ),
                Check(
                    "hidden",
                    1,
                    _up_hidden,
                    "hidden",
                    "matches the reference for networks of depth 3 and 4",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.11",
            "two_layer_model",
            "train a 2-layer network",
            (
                Check(
                    "structure",
                    1,
                    _model_structure,
                    "structure",
                    "returns (parameters, costs) with one cost per 100 iterations",
                ),
                Check(
                    "values",
                    2,
                    _model_values,
                    "values",
                    "after np.random.seed(1), 120 iterations match the reference",
                ),
                Check(
                    "hidden",
                    1,
                    _model_hidden,
                    "hidden",
                    "uses its arguments: random data, sizes, rate and iterations",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "5.12",
            "L_layer_model",
            "train an L-layer network",
            (
                Check(
                    "structure",
                    1,
                    _model_structure,
                    "structure",
                    "returns (parameters, costs) with one cost per 100 iterations",
                ),
                Check(
                    "values",
                    2,
                    _model_values,
                    "values",
                    "after np.random.seed(1), 120 iterations match the reference",
                ),
                Check(
                    "hidden",
                    1,
                    _model_hidden,
                    "hidden",
                    "uses its arguments: random data, depth, sizes, rate and iterations",
                    hidden=True,
                ),
            ),
        ),
    ),
)
