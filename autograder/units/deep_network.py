"""Checks of unit 5, deep neural network (step by step, and the application).

Course functions, graded by the course's standard (issue 9): the templates' seeds and both
initialization scales, the older ``dA1..dAL`` keys, an in-place ``update_parameters`` and the
2017-2020 models returning only ``parameters`` get full marks; reseeding and mutation are advice.
Checks shared by sibling tasks are declared on both. The gradient checks differentiate the true
cost where the grader-only ``_deep_math`` is installed, else the student's own forward pass and
cost. Test networks keep every ``|z| > 1e-3``, away from ReLU kinks; the visible ones are stored
as the index of the accepted random draw (:data:`FIXED_NETS`).
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import math
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from autograder import checklib as cl
from autograder import source_hints
from autograder.asserts import expect_array, expect_float, expect_keys, expect_tuple
from autograder.context import Context, StudentRaised
from autograder.gradcheck import (
    GradientComparison,
    compare_gradient,
    expect_gradients,
    numerical_gradient,
    numerical_gradient_array,
)
from autograder.plain import SELF_CONTAINING, Foreign, describe, same_plain, type_name
from autograder.spec import CheckFailure, NeedsReference, Unit
from autograder.units._network_checks import (
    closest_params,
    distinct_rows,
    expect_layer_params,
    expect_own_math,
    layer_arrays,
    numerical_param_gradients,
    ordinary,
    own_cost,
    param_gap,
    param_keys,
    passes_compare,
)

#: Largest accepted relative error of a gradient (float64, no kink within reach).
GRAD_TOL = 1e-6
#: Pre-activations of test networks stay at least this far from the ReLU kink.
KINK_MARGIN = 1e-3

try:  # the grader's forward, cost, backward and training; absent from the student bundle
    from autograder.units import _deep_math as M  # noqa: N812
except ImportError:
    M = None


def _math() -> Any:
    """The grader's math; for hidden checks and expected values (they need the reference)."""
    if M is None:
        raise NeedsReference("the grader's network math")
    return M


# =========================================================================== the student's own cost
# Without the grader's math (the student kit) the gradient checks differentiate the cost that the
# student's own L_model_forward and compute_cost compute.
OWN_FORWARD = "your L_model_forward and compute_cost"


def _own_failure(detail: str) -> CheckFailure:
    return CheckFailure(
        f"{detail} The gradient check differentiates the cost computed by {OWN_FORWARD}, so "
        "they must work first.",
        hint="make L_model_forward and compute_cost pass their checks, then come back.",
        kind="gradient",
    )


def _own_gradients(ctx: Context, X: np.ndarray, Y: np.ndarray, params: dict) -> tuple:
    """The student's (AL, caches) and centred-difference gradients of the student's cost.

    The caches are checked just enough to differentiate through; the gradients follow the grads
    convention of M.
    """
    expect_own_math(ctx, ("L_model_forward", "compute_cost"))
    L, m = len(params) // 2, X.shape[1]
    AL, caches = expect_tuple(ctx.call_fn("L_model_forward", X, params), "L_model_forward", 2)
    shapes = [X.shape] + [(params[f"W{n}"].shape[0], m) for n in range(1, L)]
    ok = isinstance(caches, list) and len(caches) == L
    for cache, shape in zip(caches if ok else [], shapes):
        ok = ok and isinstance(cache, tuple | list) and len(cache) == 2
        ok = ok and isinstance(cache[0], tuple | list) and len(cache[0]) == 3
        ok = ok and isinstance(cache[0][0], np.ndarray) and cache[0][0].shape == shape
    if not ok:
        raise _own_failure(f"L_model_forward did not return {L} caches ((A_prev, W, b), Z).")

    def cost(A: np.ndarray, p: dict) -> float:
        try:
            return own_cost(ctx, A, Y, p, forward="L_model_forward")
        except CheckFailure as exc:
            raise _own_failure(exc.detail) from None

    grads = numerical_param_gradients(lambda p: cost(X, p), params)
    for layer in range(L):  # layers layer+1..L, renumbered 1..L-layer, as a network of their own
        rest = {f"{p}{k - layer}": params[f"{p}{k}"] for k in range(layer + 1, L + 1) for p in "Wb"}
        A = X if layer == 0 else np.asarray(caches[layer][0][0], dtype=np.float64)
        grads[f"dA{layer}"] = m * numerical_gradient(lambda a, r=rest: cost(a, r), A)
    return AL, caches, grads


# =========================================================================== test networks


def _candidate(rng: np.random.Generator, dims: Sequence[int], m: int) -> tuple:
    """Draw one candidate ``(X, Y, params)`` for a network of layer sizes ``dims``."""
    X = rng.normal(0.0, 1.0, (dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    Y[0, 0], Y[0, -1] = 1.0, 0.0
    params = {}
    for n in range(1, len(dims)):
        params[f"W{n}"] = rng.normal(0.0, 1.2 / math.sqrt(dims[n - 1]), (dims[n], dims[n - 1]))
        params[f"b{n}"] = rng.normal(0.2, 0.5, (dims[n], 1))
    return X, Y, params


def _net(rng: np.random.Generator, dims: Sequence[int], m: int) -> tuple:
    """Draw ``(X, Y, params)`` away from ReLU kinks (grader's math; fixed nets: _fixed_net)."""
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


def _random_dims(rng: np.random.Generator, depth: int) -> list[int]:
    return [int(v) for v in rng.integers(2, 6, depth)] + [1]


# =========================================================================== visible inputs
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
ACTIVATIONS = ("relu", "sigmoid")
#: How the one-layer functions' calls read in messages (``{}``: the activation).
CALLS = {
    "linear_forward": "linear_forward(A, W, b)",
    "linear_activation_forward": 'linear_activation_forward(A_prev, W, b, "{}")',
    "linear_backward": "linear_backward(dZ, cache)",
    "linear_activation_backward": 'linear_activation_backward(dA, cache, "{}")',
}

UNIT = Unit("deep_network", 5, "deep neural network: step by step, and the application")

# =========================================================================== 5.1, 5.2 initializers
T51 = UNIT.task("5.1", "initialize_parameters", "initialize a 2-layer network")
T52 = UNIT.task("5.2", "initialize_parameters_deep", "initialize an L-layer network")
#: Accepted draws (issue 9), ``{seed: the scales (symbols of INIT_SCALES) with it}``: from the
#: caller's seed (None), or a course form's own: the step-by-step templates' (seed 1, seed 3,
#: each with 0.01), the application helper's (seed 1, 1/sqrt(n[l-1])). A template seed with
#: another scale is no course's form: its own tests fail it (sweep 12, P3).
INIT_SEEDS: dict[str, dict[int | None, tuple[str, ...]]] = {
    "initialize_parameters": {None: ("0.01",), 1: ("0.01",)},
    "initialize_parameters_deep": {
        None: ("1/sqrt(n[l-1])", "0.01"),
        3: ("0.01",),
        1: ("1/sqrt(n[l-1])",),
    },
}
#: Accepted scales of layer l's weights, ``(symbol, what the code does, scale from n[l-1])``;
#: the kit's own first (the step-by-step notebook's 0.01, the application's 1/sqrt(n[l-1])).
INIT_SCALES: dict[str, tuple[tuple[str, str, Callable[[int], float]], ...]] = {
    "initialize_parameters": (("0.01", "scales by 0.01", lambda n: 0.01),),
    "initialize_parameters_deep": (
        ("1/sqrt(n[l-1])", "divides by np.sqrt(layer_dims[l - 1])", lambda n: 1 / math.sqrt(n)),
        ("0.01", "scales by 0.01", lambda n: 0.01),
    ),
}
#: Layer sizes of the structure, values, symmetry and scale checks.
INIT_DIMS = {
    "initialize_parameters": ([(3, 2, 1), (5, 4, 2)], (3, 2, 1), (6, 5, 3), (400, 100, 60)),
    "initialize_parameters_deep": (
        [(5, 4, 3), (3, 6, 2, 4, 1), (2, 1)], (5, 4, 3), (6, 5, 4, 3), (300, 200, 100, 60)
    ),
}  # fmt: skip
INIT_HINT = {
    "initialize_parameters": "draw W1 then W2 with np.random.randn(rows, cols) * 0.01; "
    "biases np.zeros((n, 1)).",
    "initialize_parameters_deep": "draw W1, W2, ... in order with np.random.randn(n[l], n[l-1]) "
    "/ np.sqrt(n[l-1]) (or * 0.01, as the step-by-step notebook); biases np.zeros((n[l], 1)).",
}


def _init_call(ctx: Context, dims: Sequence[int], seed: int) -> Any:
    fn = ctx.task.function
    args = tuple(dims) if fn == "initialize_parameters" else (list(dims),)
    return ctx.call_seeded(fn, args, None, seed=seed).value


def _init_forms(function: str, dims: Sequence[int], caller_seed: int) -> dict[str, dict]:
    """``{what the code does: parameters}`` of every accepted form, the kit's first (no twins)."""
    forms: dict[str, dict] = {}
    for seed, scales in INIT_SEEDS[function].items():
        np.random.seed(caller_seed if seed is None else seed)
        draws = [np.random.randn(dims[n], dims[n - 1]) for n in range(1, len(dims))]
        where = "draws from the caller's seed" if seed is None else f"calls np.random.seed({seed})"
        for _, text, scale in (s for s in INIT_SCALES[function] if s[0] in scales):
            params = {}
            for n, Z in enumerate(draws, 1):
                params[f"W{n}"], params[f"b{n}"] = Z * scale(dims[n - 1]), np.zeros((dims[n], 1))
            if all(param_gap(params, p) > 0 for p in forms.values()):
                forms[f"{where} and {text}"] = params
    return forms


@T51.check("structure", 1)
@T52.check("structure", 1)
def _init_structure(ctx: Context) -> None:
    """Exactly W1, b1, ..., WL, bL, each of its layer's shape, for several layer sizes."""
    for dims in INIT_DIMS[ctx.task.function][0]:
        expect_layer_params(_init_call(ctx, dims, 1), dims)


@T51.check("values", 1)
@T52.check("values", 1)
def _init_values(ctx: Context) -> str:
    """The draws of np.random.randn in order, scaled as the course does (any course seed)."""
    fn, dims = ctx.task.function, INIT_DIMS[ctx.task.function][1]
    forms, got = _init_forms(fn, dims, 7), _init_call(ctx, dims, 7)
    form = next((f for f, p in forms.items() if passes_compare(got, p)), None)
    if form is None:  # compare with the closest form: the message names its first wrong entry
        cl.compare(got, closest_params(got, forms.values()), "parameters",
                   hint=_other_seed_hint(fn, dims, got, 7) or INIT_HINT[fn])  # fmt: skip
    if form != next(iter(forms)):
        ctx.recognize(f"{fn}() {form}, as the course's notebooks do: accepted.")
    return f"after np.random.seed(7): {form}"


def _other_seed_hint(function: str, dims: Sequence[int], got: Any, caller: int) -> str | None:
    """The hint for weights a course scale makes from another seed than the course form's.

    A W1 from the ``caller``'s seed, with other later weights, is drawn before the function's
    own ``np.random.seed`` (sweep 11).
    """
    W1 = got.get("W1") if isinstance(got, dict) else None
    if not isinstance(W1, np.ndarray) or W1.shape != (dims[1], dims[0]):
        return None
    course = [seed for seed in INIT_SEEDS[function] if seed is not None]
    for seed in range(100):
        Z = np.random.RandomState(seed).randn(dims[1], dims[0])  # np.random.seed(seed)'s draw
        for symbol, _, scale in INIT_SCALES[function]:
            if not passes_compare(W1, Z * scale(dims[0]), rtol=1e-7):
                continue
            if seed == caller:
                return (
                    f"W1 is the draw of the caller's np.random.seed({caller}): your "
                    "np.random.seed(...) comes after it. Seed first, then draw W1, W2, ..."
                )
            if symbol not in INIT_SEEDS[function].get(seed, ()):
                forms = " or ".join(
                    f"np.random.seed({s}) with {' or '.join(INIT_SEEDS[function][s])}"
                    for s in course
                )
                return (
                    f"W1 is np.random.seed({seed})'s draw times {symbol}: the course's form is "
                    f"{forms} (or no seed of its own: the caller's)."
                )
    return None


@T51.check("symmetry", 1)
@T52.check("symmetry", 1)
def _init_symmetry(ctx: Context) -> str:
    """Every layer's weights random with distinct rows, biases zero."""
    dims = INIT_DIMS[ctx.task.function][2]
    for n, (W, b) in enumerate(layer_arrays(_init_call(ctx, dims, 2), len(dims) - 1), 1):
        W = W if W.ndim == 2 else W.reshape(1, -1)
        if not (np.count_nonzero(W) >= 0.9 * W.size):
            detail = (
                f"W{n} is (mostly) zero: every unit of layer {n} computes the same output and "
                "gets the same gradient, so the units never become different."
            )
            hint = "draw the weights at random: np.random.randn(...)."
        elif W.shape[0] > distinct_rows(W):
            detail = (
                f"W{n} has identical rows: those units of layer {n} are copies of each other "
                "and stay copies during training."
            )
            hint = "draw the whole matrix at once: np.random.randn(n[l], n[l-1])."
        elif not bool(np.all(b == 0)):
            W, detail = b, f"b{n} should be zeros (the random W already breaks the symmetry)."
            hint = "np.zeros((n[l], 1))."
        else:
            continue
        raise CheckFailure(detail, lines=[("got", describe(W))], hint=hint, kind="symmetry")
    return f"{len(dims) - 1} layers: random, distinct rows, zero biases"


@T51.check("scale", 1, kind="values")
@T52.check("scale", 2, kind="values")
def _init_scale(ctx: Context) -> str:
    """Every layer's weights of both signs, centred on 0, standard deviation as the course's."""
    fn, dims, notes = ctx.task.function, INIT_DIMS[ctx.task.function][3], []
    for n, (W, _) in enumerate(layer_arrays(_init_call(ctx, dims, 4), len(dims) - 1), 1):
        wants = [(s.replace("l-1", str(n - 1)), f(dims[n - 1])) for s, _, f in INIT_SCALES[fn]]
        std, mean = (float(np.std(W)), float(np.mean(W))) if W.size else (0.0, 0.0)
        lines = [
            ("got", f"std(W{n}) = {std:.4g}, mean(W{n}) = {mean:.3g}"),
            ("expected", f"std(W{n}) ≈ {' or '.join(f'{w:.4g} ({s})' for s, w in wants)}"),
        ]
        fits = [w for _, w in wants if 0.85 <= std / w <= 1.18]
        if W.size == 0 or not W.any():
            detail, hint = f"W{n} is all zeros.", "draw the weights with np.random.randn."
        elif not (float(np.min(W)) < 0):
            detail = f"every weight of W{n} is positive: the weights should be centred on 0."
            hint = "np.random.randn draws from a standard normal; np.random.rand is uniform."
        elif not fits:
            detail, hint = f"W{n} has the wrong scale: its standard deviation is {std:.3g}.", ""
        elif not (abs(mean) <= 5 * fits[0] / math.sqrt(W.size)):
            detail, hint = f"W{n} is not centred on 0.", ""
        else:
            notes.append(f"{std:.3g}")
            continue
        raise CheckFailure(detail, lines=lines, hint=hint or INIT_HINT[fn], kind="values")
    return "std per layer: " + ", ".join(notes)


@T51.advise("no_reseed")
@T52.advise("no_reseed")
def _reseeds(ctx: Context) -> str | None:
    """Calls np.random.seed itself (the course's template does; not scored)."""
    dims = INIT_DIMS[ctx.task.function][1]
    a, b = _init_call(ctx, dims, 5), _init_call(ctx, dims, 6)
    drawn = isinstance(a, dict) and any(isinstance(v, np.ndarray) and v.any() for v in a.values())
    if drawn and same_plain(a, b, rtol=0, atol=0):
        return (
            f"{ctx.task.function}() calls np.random.seed itself (the course's template does, so "
            "it costs nothing here); outside the course leave seeding to the caller, so that one "
            "np.random.seed at the top controls every draw."
        )
    return None


# =========================================================================== 5.3, 5.4 forward
T53 = UNIT.task("5.3", "linear_forward", "linear part of a layer's forward pass")
T54 = UNIT.task(
    "5.4", "linear_activation_forward", "one layer forward: linear, then relu or sigmoid",
    uses=("linear_forward",), helpers=("sigmoid", "relu"),  # dnn_utils', in every release
)  # fmt: skip
#: Visible arguments, the output's name and the hint, per function.
FORWARD = {
    "linear_forward": ([(LF_A, LF_W, LF_B)], "Z", "Z = np.dot(W, A) + b."),
    "linear_activation_forward": (
        [(LF_A, LF_W, LF_B, a) for a in ACTIVATIONS], "A",
        'relu(Z) for "relu", sigmoid(Z) for "sigmoid".',
    ),
}  # fmt: skip


def _expect_cache(cache: Any, A, W, b, name: str, with_z: bool = False) -> None:
    """``(A, W, b)`` unchanged, or with ``with_z`` ``((A, W, b), Z)`` with ``Z = W A + b``."""
    want, text = (2, "the pair (linear_cache, activation_cache)") if with_z else (3, "(A, W, b)")
    if not isinstance(cache, tuple | list) or len(cache) != want:
        hint = "cache = (linear_cache, activation_cache), as linear_activation_backward unpacks it."
        raise CheckFailure(
            f"{name} should be {text} but is {describe(cache)}.",
            hint=hint if with_z else "cache = (A, W, b): the inputs, for linear_backward.",
            kind="structure",
        )
    if with_z:
        _expect_cache(cache[0], A, W, b, f"{name}[0] (linear_cache)")
        Z = cache[1]
        if not (isinstance(Z, np.ndarray) and passes_compare(Z, W @ A + b, rtol=1e-12)):
            raise CheckFailure(
                f"{name}[1] (activation_cache) should be Z = W A_prev + b, the input of the "
                f"activation; it is {describe(Z)}.",
                hint="keep the cache that sigmoid(Z) / relu(Z) return: it is Z.",
                kind="structure",
            )
        return
    # A may be a layer's output: np.einsum rounds its last bit otherwise than np.dot (sweep 12)
    for part, value, label in zip(cache, (A, W, b), "AWb"):
        if not (isinstance(part, np.ndarray) and passes_compare(part, value, rtol=1e-12)):
            raise CheckFailure(
                f"{name} should be (A, W, b), the inputs unchanged and in this order; its entry "
                f"for {label} is {describe(part)}.",
                hint="cache = (A, W, b).",
                kind="structure",
            )


def _first(value: Any) -> Any:
    """The first item of a returned pair (Z or A), for value comparisons."""
    return value[0] if isinstance(value, tuple | list) and len(value) == 2 else value


@T53.check("structure", 1)
@T54.check("structure", 1)
def _forward_structure(ctx: Context) -> None:
    """Returns (output (n[l], m), cache): (A, W, b), or ((A_prev, W, b), Z) for each activation."""
    fn = ctx.task.function
    cases, name, hint = FORWARD[fn]
    for args in cases:
        out, cache = expect_tuple(ctx.call(*args), CALLS[fn].format(*args[3:]), 2)
        expect_array(out, name, (2, 4), shape_text="(n[l], m)", hint=hint)
        _expect_cache(cache, *args[:3], "cache", with_z=len(args) == 4)


@T53.check("values", 1)
@T54.check("values", 2)
def _forward_values(ctx: Context) -> None:
    """The output (Z, or A for relu and sigmoid) matches the expected values."""
    fn = ctx.task.function
    cases, name, hint = FORWARD[fn]
    expected = ctx.expected(f"{fn}/values", lambda ref: [ref(fn)(*args)[0] for args in cases])
    for args, exp in zip(cases, expected):
        cl.compare(_first(ctx.call(*args)), exp, name, hint=hint)


def _lf_case(rng: np.random.Generator) -> tuple:
    n_prev, n, m = (int(v) for v in rng.integers(2, 7, 3))
    return (rng.normal(0, 1, (n_prev, m)), rng.normal(0, 1, (n, n_prev)), rng.normal(0, 1, (n, 1)))


@T53.check("hidden", 1, hidden=True)
@T54.check("hidden", 1, hidden=True)
def _forward_hidden(ctx: Context) -> str:
    """The output matches the reference for random sizes."""
    ref, rng, (_, name, _) = ctx.ref(), ctx.rng, FORWARD[ctx.task.function]
    if ctx.task.function == "linear_forward":
        cases = [_lf_case(rng) for _ in range(3)]
    else:
        cases = [(*_lf_case(rng), a) for _ in range(2) for a in ACTIVATIONS]
    for args in cases:
        cl.compare(_first(ctx.call(*args)), ref(*args)[0], name, kind="hidden")
    return f"{len(cases)} random inputs"


# =========================================================================== 5.5 L_model_forward
T55 = UNIT.task(
    "5.5", "L_model_forward", "forward pass of the whole network",
    uses=("linear_activation_forward",),
)  # fmt: skip
LMF_HINT = "relu for layers 1..L-1, sigmoid for layer L; L = len(parameters) // 2."


def _lmf_nets() -> list[tuple[list[int], tuple]]:
    """The structure check's networks of depth 2, 3 and 4: ``[(dims, (X, Y, params))]``."""
    nets = []
    for depth, seed in ((2, 11), (3, 12), (4, 13)):
        dims = _random_dims(np.random.default_rng(seed), depth)
        nets.append((dims, _fixed_net(dims, seed, 3)))
    return nets


#: A 4-layer network whose hidden layers all have X's 3 rows (X of both signs, so never a relu
#: output): a layer computed from X in place of the previous layer's output raises no shape
#: error on it, and its cache shows X as that layer's A_prev.
_SQ = np.random.default_rng(60)
SQUARE_X = _SQ.normal(0, 1, (3, 4))
SQUARE_P = {f"{p}{n}": _SQ.normal(0, 1, (1 if n == 4 else 3, 3 if p == "W" else 1))
            for n in range(1, 5) for p in "Wb"}  # fmt: skip


def _layer_fed_x(ctx: Context) -> int | None:
    """The first layer n >= 2 that the student's L_model_forward computes from X, or None.

    Read from the caches of a call on :data:`SQUARE_X`, :data:`SQUARE_P` (the call shown in a
    message stays the check's).
    """
    shown = ctx.shown_call
    out = ctx.outcome("L_model_forward", (SQUARE_X, SQUARE_P))
    ctx.show_call(shown)
    pair = out.value if out.error is None else None
    caches = pair[1] if isinstance(pair, tuple | list) and len(pair) == 2 else None
    fed = [_holds_x(cache) for cache in (caches if isinstance(caches, list) else [])]
    if not fed or not fed[0]:  # layer 1's cache is not first: the list's order is wrong, not
        return None  # the layers' inputs (caches.insert(0, cache), sweep 11, P5)
    return next((n for n, x in enumerate(fed[1:], 2) if x), None)


def _holds_x(cache: Any) -> bool:
    """Whether a layer's cache ``((A_prev, W, b), Z)`` has :data:`SQUARE_X` as its A_prev."""
    got = _cache_input(cache)
    return isinstance(got, np.ndarray) and bool(np.array_equal(got, SQUARE_X))


def _cache_input(cache: Any) -> Any:
    """The A_prev of a layer's cache ``((A_prev, W, b), Z)``, or None where it has no such."""
    linear = cache[0] if isinstance(cache, tuple | list) and len(cache) == 2 else None
    return linear[0] if isinstance(linear, tuple | list) and len(linear) == 3 else None


@contextlib.contextmanager
def _names_x_fed_again(ctx: Context) -> Iterator[None]:
    """Name a layer computed from X (not from the previous layer's output) where a check fails.

    Its shape error (``shapes (5,3) and (4,3) not aligned``) reads as a missing ``.T``; a
    network with layers of equal sizes shows the real cause.
    """
    try:
        yield
    except (StudentRaised, CheckFailure) as exc:
        raised = isinstance(exc, StudentRaised)
        if raised and not (exc.function == "L_model_forward" and ordinary(exc)):
            raise
        n = _layer_fed_x(ctx)
        if n is None:
            raise
        hint = (
            "each layer takes the previous layer's output: A_prev = A, then "
            'linear_activation_forward(A_prev, parameters["W" + str(l)], ...); X is the input '
            "of layer 1 only."
        )
        cause = (
            f"layer {n} is computed from X, the network's input, not from the output A of layer "
            f"{n - 1} (on a network whose layers all have X's {SQUARE_X.shape[0]} rows, "
            f"caches[{n - 1}] holds X as its A_prev)."
        )
        if not raised:
            exc.hint, exc.specific = f"{cause[0].upper()}{cause[1:]} {hint}", True
            raise
        raise CheckFailure(
            f"L_model_forward() raised {exc.error}: {cause}",
            lines=[("called", exc.call_text)], hint=hint, kind="raised an exception",
        ) from None  # fmt: skip


@T55.check("structure", 2)
def _lmf_structure(ctx: Context) -> str:
    """AL (1, m) and a list of L caches ((A_prev, W, b), Z), for L = 2, 3, 4."""
    nets = _lmf_nets()
    all_acts = ctx.expected(  # every layer's A_prev (stored: the kit has no forward pass)
        "L_model_forward/structure",
        lambda ref: [[c[0][0] for c in ref()(X, params)[1]] for _, (X, _, params) in nets],
    )
    with _names_x_fed_again(ctx):
        for (dims, (X, _, params)), acts in zip(nets, all_acts):
            AL, caches = expect_tuple(ctx.call(X, params), "L_model_forward(X, parameters)", 2)
            expect_array(AL, "AL", (1, 3), shape_text="(1, m)")
            if _holds_itself(caches):  # sweep 14 P6
                raise CheckFailure(
                    "caches holds itself: the list was appended to itself.",
                    hint="caches.append(cache), the layer's cache, not caches.append(caches).",
                    kind="structure",
                )
            if not isinstance(caches, list) or len(caches) != len(acts):
                raise CheckFailure(
                    f"for a network of L = {len(acts)} layers (layer_dims {dims}) caches should be "
                    f"a list of {len(acts)} caches, one per layer, but it is {describe(caches)}.",
                    hint="append the cache of every layer, the last (sigmoid) one included.",
                    kind="structure",
                )
            _expect_layer_order(caches, acts)
            for n, (cache, A) in enumerate(zip(caches, acts), 1):
                if n > 1:
                    _expect_not_the_input_before(cache, acts[n - 2], A, n)
                    _expect_hidden_output(cache, A, n)
                W, b = params[f"W{n}"], params[f"b{n}"]
                _expect_cache(cache, A, W, b, f"caches[{n - 1}]", with_z=True)
    return "depths 2, 3 and 4"


def _holds_itself(caches: Any) -> bool:
    """Whether a list holds itself (``caches.append(caches)``).

    Or a copy of itself, as the sandbox hands it over: a list of as many items, starting with
    the same first item.
    """
    return isinstance(caches, list) and any(
        c is caches
        or (isinstance(c, Foreign) and c.type_name.endswith(SELF_CONTAINING))
        or (isinstance(c, list) and len(c) == len(caches) > 1 and same_plain(c[0], caches[0]))
        for c in caches
    )


def _expect_layer_order(caches: list[Any], acts: list[np.ndarray]) -> None:
    """The caches are every layer's, but in another order (``caches.insert(0, cache)``).

    Each layer's A_prev is found in some cache: the list's order is what is wrong, not what
    any layer is computed from (sweep 11, P5 was told "layer 3 is computed from X").
    """
    layers = []
    for cache in caches:
        got = _cache_input(cache)
        found = [j for j, A in enumerate(acts, 1) if isinstance(got, np.ndarray)
                 and got.shape == A.shape and bool(np.array_equal(got, A))]  # fmt: skip
        layers.append(found[0] if len(found) == 1 else None)
    if None in layers or sorted(layers) != list(range(1, len(acts) + 1)):
        return
    if layers != sorted(layers):
        raise CheckFailure(
            f"caches holds every layer's cache, but in the order of layers {layers}: "
            "caches[l - 1] must be layer l's.",
            hint="caches.append(cache) as each layer is computed, layer 1 first and the output "
            "layer last (not caches.insert(0, cache)).",
            kind="structure",
        )


def _expect_hidden_output(cache: Any, A: np.ndarray, n: int) -> None:
    """Layer ``n``'s input is layer ``n - 1``'s output, of the right shape but other values.

    The cache is built right; what layer ``n - 1`` output is wrong (sweep 13: hidden layers
    with sigmoid were told "cache = (A, W, b)").
    """
    got = _cache_input(cache)
    if not (isinstance(got, np.ndarray) and got.shape == A.shape):
        return
    if passes_compare(got, A, rtol=1e-12):
        return
    raise CheckFailure(
        f"layer {n}'s input (caches[{n - 1}][0][0], the output A of layer {n - 1}) has the right "
        f"shape but other values than relu(Z) of layer {n - 1}: layer {n - 1} is computed "
        "otherwise.",
        hint=LMF_HINT,
        kind="structure",
    )


def _expect_not_the_input_before(cache: Any, before: np.ndarray, A: np.ndarray, n: int) -> None:
    """Layer ``n`` is not computed from layer ``n - 1``'s input (``A_prev`` for ``A``)."""
    got = _cache_input(cache)
    if isinstance(got, np.ndarray) and np.array_equal(got, before) and not np.array_equal(got, A):
        raise CheckFailure(
            f"layer {n} is computed from layer {n - 1}'s input (caches[{n - 1}] holds the A_prev "
            f"of layer {n - 1}), not from layer {n - 1}'s output A.",
            hint=f"layer {n} takes A, the output of layer {n - 1}: after the loop, the output "
            "layer is linear_activation_forward(A, W, b, 'sigmoid'), not (A_prev, ...).",
            kind="structure",
        )


@T55.check("values", 2)
def _lmf_values(ctx: Context) -> None:
    """AL matches the expected values for a 3-layer network."""
    AL = ctx.expected("L_model_forward/values", lambda ref: ref()(NET3_X, NET3_P)[0])
    with _names_x_fed_again(ctx):
        cl.compare(_first(ctx.call(NET3_X, NET3_P)), AL, "AL", hint=LMF_HINT)


@T55.check("hidden", 1, hidden=True)
def _lmf_hidden(ctx: Context) -> str:
    """AL matches the reference for random networks of depth 2, 3, 4."""
    ref = ctx.ref()
    for depth in (2, 3, 4):
        X, _, params = _net(ctx.rng, _random_dims(ctx.rng, depth), int(ctx.rng.integers(2, 6)))
        with _names_x_fed_again(ctx):
            cl.compare(_first(ctx.call(X, params)), ref(X, params)[0], "AL", kind="hidden")
    return "random networks of depth 2, 3 and 4"


fix = "The course never asks, but a caller's parameters dict should come back unchanged."
T55.advise("no_mutation")(cl.mutation_advice((NET3_X, NET3_P), ["X", "parameters"], fix))

# =========================================================================== 5.6 compute_cost
T56 = UNIT.task("5.6", "compute_cost", "cross-entropy cost")


@T56.check("returns_number", 1, kind="type")
def _cost_type(ctx: Context) -> None:
    """Returns a number (a float, a numpy scalar or a 0-d array), not an array."""
    hint = "np.squeeze(cost) (or float(cost)) turns a (1, 1) array into a number."
    cost = ctx.call(COST_AL, COST_Y)
    hint = cl.cost_shape_hint(cost, COST_AL.shape[1]) or hint
    expect_float(cost, "compute_cost(AL, Y)", hint=hint)


def _cost_case(rng: np.random.Generator) -> tuple:
    m = int(rng.integers(3, 9))
    return rng.uniform(0.05, 0.95, (1, m)), (rng.random((1, m)) > 0.5).astype(np.float64)


T56.add(
    "values", 1,
    cl.visible_values("compute_cost/values", [(COST_AL, COST_Y)], name="cost",
                      hint="J = -(1/m) sum(Y log AL + (1 - Y) log(1 - AL))."),
    "the lesson's example gives 0.2797765635793422",
)  # fmt: skip
hidden = cl.hidden_values(lambda rng: [_cost_case(rng) for _ in range(3)], name="cost")
T56.add("hidden", 1, hidden, "matches the reference on random inputs", hidden=True)

# =========================================================================== 5.7, 5.8 backward
T57 = UNIT.task("5.7", "linear_backward", "linear part of a layer's backward pass")
T58 = UNIT.task(
    "5.8", "linear_activation_backward", "one layer backward: activation, then linear",
    uses=("linear_backward",), helpers=("sigmoid_backward", "relu_backward"),  # dnn_utils'
)  # fmt: skip
GRADS = ("dA_prev", "dW", "db")
LB_SHAPES = ((3, 4), (2, 3), (2, 1))
LB_TEXTS = ("(n[l-1], m), the shape of A_prev", "(n[l], n[l-1]), the shape of W", "(n[l], 1)")
#: Visible arguments and the value check's hint, per function.
BACKWARD = {
    "linear_backward": (
        [(LB_DZ, (LF_A, LF_W, LF_B))],
        "dW = dZ A_prev.T / m, db = sum(dZ, axis=1) / m, dA_prev = W.T dZ.",
    ),
    "linear_activation_backward": (
        [(LAB_DA, LAB_CACHE, a) for a in ACTIVATIONS],
        "dZ = relu_backward(dA, Z) or sigmoid_backward(dA, Z), then "
        "linear_backward(dZ, linear_cache).",
    ),
}
#: The output of one layer, whose gradient the gradient checks take.
LAYER_OUT = {
    "": lambda a, w, c: w @ a + c,
    "relu": lambda a, w, c: np.maximum(0.0, w @ a + c),
    "sigmoid": lambda a, w, c: 1.0 / (1.0 + np.exp(-(w @ a + c))),
}


@T57.check("structure", 1)
@T58.check("structure", 1)
def _grads_structure(ctx: Context) -> None:
    """Returns (dA_prev, dW, db) shaped like A_prev, W and b (for each activation)."""
    fn = ctx.task.function
    for args in BACKWARD[fn][0]:
        got = expect_tuple(ctx.call(*args), CALLS[fn].format(*args[2:]), 3)
        for g, name, shape, text in zip(got, GRADS, LB_SHAPES, LB_TEXTS):
            hint = "each gradient has the shape of what it is the gradient of (A_prev, W, b)"
            hint += "; db needs np.sum(..., axis=1, keepdims=True)." if name == "db" else "."
            expect_array(g, name, shape, shape_text=text, hint=hint)


_cases, _hint = BACKWARD["linear_backward"]
T57.add("values", 1, cl.visible_values("linear_backward/values", _cases, names=GRADS,
                                       name="(dA_prev, dW, db)", hint=_hint),
        "matches the expected gradients")  # fmt: skip
fix = "dW = np.dot(dZ, A_prev.T) / m makes a new array (dZ /= m changes the caller's dZ)."
T57.advise("no_mutation")(cl.mutation_advice((LB_DZ, (LF_A, LF_W, LF_B)), ["dZ", "cache"], fix))
_cases, _hint = BACKWARD["linear_activation_backward"]
_lab_values = cl.visible_values("linear_activation_backward/values", _cases, names=GRADS,
                                name="(dA_prev, dW, db)", hint=_hint)  # fmt: skip


@T58.check("values", 1)
def _lab_values_dA_kept(ctx: Context) -> str | None:
    """Matches the expected gradients (for each activation), and leaves dA unchanged.

    A dA written into (``dZ = dA; dZ[Z <= 0] = 0`` in a relu_backward of the student's)
    changes the gradient L_model_backward has stored in grads and passes on (sweep 10, P2).
    """
    _lab_values(ctx)
    for args in BACKWARD[T58.function][0]:
        changed = cl.changed_argument(ctx, args, ("dA", "cache", "activation"))  # dA: the array
        if changed is not None:
            raise CheckFailure(
                f"{changed} ({CALLS[T58.function].format(args[2])}): L_model_backward keeps "
                "each dA in grads and passes it on, so the gradient it stored changes too.",
                hint="compute dZ in a new array (dZ = np.array(dA, copy=True), then "
                "dZ[Z <= 0] = 0, as the course's relu_backward does).",
                kind="mutation",
            )
    return None


@T57.check("gradcheck", 2)
@T58.check("gradcheck", 2)
def _layer_gradcheck(ctx: Context) -> str:
    """Agrees with centred differences of sum(output * upstream gradient); dW, db over m."""
    linear = ctx.task.function == "linear_backward"
    rng, results = np.random.default_rng(41 if linear else 42), []
    for activation in ("",) if linear else ACTIVATIONS:
        for _ in range(200):  # inputs away from the relu kink
            A, W, b = rng.normal(0, 1, (4, 5)), rng.normal(0, 1, (3, 4)), rng.normal(0, 1, (3, 1))
            if linear or float(np.min(np.abs(W @ A + b))) > KINK_MARGIN:
                break
        dout, f, m = rng.normal(0, 1, (3, 5)), LAYER_OUT[activation], A.shape[1]
        args = (dout, (A, W, b)) if linear else (dout, ((A, W, b), W @ A + b), activation)
        numeric = (
            numerical_gradient_array(lambda a, f=f, W=W, b=b: f(a, W, b), A, dout),
            numerical_gradient_array(lambda w, f=f, A=A, b=b: f(A, w, b), W, dout) / m,
            numerical_gradient_array(lambda c, f=f, A=A, W=W: f(A, W, c), b, dout) / m,
        )
        label, mine, transposed = f' ("{activation}")' if activation else "", [], set()
        for name, g, n, text in zip(GRADS, expect_tuple(ctx.call(*args), "the result", 3),
                                    numeric, LB_TEXTS):  # fmt: skip
            g = cl.numbers(g, name)
            if g.shape != n.shape and g.shape == n.shape[::-1] and g.ndim == 2:
                transposed.add(name)  # compared as the transpose it is, not as a reshape
                g = g.T
            g = g.reshape(n.shape) if g.size == n.size else g  # the shape is the structure check's
            mine.append(compare_gradient(name + label, g, n, GRAD_TOL, shape_text=text))
        failed = {r.name.split(" ")[0] for r in mine if not r.ok}
        if failed or transposed:  # reported at once: the call shown is this activation's
            hint = _layer_hint(failed, activation, transposed)
            expect_gradients(mine, hint=hint, specific=bool(transposed))
            if transposed:  # the right numbers, transposed: the structure check's shape...
                raise CheckFailure(  # ...and this check's, whose gradient is W.T dZ
                    f"{', '.join(sorted(transposed))} is the right gradient transposed.",
                    hint=hint,
                    kind="values",
                    specific=True,
                )
        results += mine
    return expect_gradients(results)


def _layer_hint(failed: set[str], activation: str, transposed: set[str] = frozenset()) -> str:
    """The gradient check's hint, from which gradients of one call are wrong (or transposed)."""
    if transposed:  # sweep 11, P4: dA_prev = np.dot(dZ.T, W) was told "no 1/m there"
        return (
            "dA_prev = np.dot(W.T, dZ), shaped like A_prev (n[l-1], m); dW = np.dot(dZ, "
            "A_prev.T) / m, shaped like W: mind the order of the operands and their transposes."
        )
    if failed == {"dA_prev"}:
        return "dA_prev = np.dot(W.T, dZ): no 1/m there."
    if activation and failed == set(GRADS):
        return (
            f'every gradient of the "{activation}" layer is wrong: dZ = {activation}_backward(dA, '
            "activation_cache), from the upstream dA, then linear_backward(dZ, linear_cache)."
        )
    return "dW and db average over the m examples (1/m); dA_prev = W.T dZ does not."


def _upstream_case(rng: np.random.Generator, activation: str = "") -> tuple:
    """Random arguments of linear_backward, or with ``activation`` linear_activation_backward."""
    A, W, b = _lf_case(rng)
    upstream = rng.normal(0, 1, (W.shape[0], A.shape[1]))
    return (upstream, ((A, W, b), W @ A + b), activation) if activation else (upstream, (A, W, b))


for _t, _draw in (
    (T57, lambda rng: [_upstream_case(rng) for _ in range(3)]),
    (T58, lambda rng: [_upstream_case(rng, a) for a in ACTIVATIONS * 2]),
):
    _t.add("hidden", 1, cl.hidden_values(_draw, name="(dA_prev, dW, db)", names=GRADS),
           "matches the reference for random sizes", hidden=True)  # fmt: skip

# =========================================================================== 5.9 L_model_backward
T59 = UNIT.task(
    "5.9", "L_model_backward", "backward pass of the whole network",
    uses=("linear_activation_backward",),
)  # fmt: skip
TWO_LAYER_HINT = (
    "loop over every hidden layer, for l in reversed(range(L - 1)), using caches[l] and "
    'the upstream gradient grads["dA" + str(l + 1)] of the layer just above.'
)
#: The same under the older keys dA1..dAL, where grads["dA" + str(l + 1)] is the key the
#: iteration computes.
TWO_LAYER_HINT_OLDER = TWO_LAYER_HINT.replace("str(l + 1)", "str(l + 2)").replace(
    "above.", "above (under your older keys dA1..dAL, dA{l + 2} is layer l + 2's dA_prev)."
)
LMB_HINT = "dAL = -(Y / AL - (1 - Y) / (1 - AL)); layer L is sigmoid, the others relu."
OLDER_KEYS = (
    'L_model_backward() uses the older course\'s keys dA1..dAL (grads["dA" + str(l)] is the '
    "gradient of layer l's input A[l-1]): accepted, and checked that way."
)


def _two_layer_hint(ctx: Context) -> str:
    """:data:`TWO_LAYER_HINT` in the keys of the student's grads (as read so far)."""
    return TWO_LAYER_HINT_OLDER if OLDER_KEYS in ctx.recognized else TWO_LAYER_HINT


DEPTH2_NETS = (((3, 4, 1), 51), ((5, 2, 1), 52))
DEEP_NETS = (((4, 3, 3, 1), 53), ((3, 4, 6, 2, 1), 54), ((2, 5, 3, 1), 55))


def _read_grads(ctx: Context, got: Any, X, params: dict, *, exact: bool = False) -> dict:
    """The student's grads as ``{key: (label, array)}``, in either course convention.

    Keys are the 2021+ release's (``dA{l}`` the gradient of ``A[l]``, l = 0..L-1); grads keyed
    ``dA1..dAL`` (older releases: ``dA{l}`` the gradient of ``A[l-1]``) are read under that
    convention and recognized. Keys (all of them, with ``exact``) and shapes are checked.
    """
    L, m = len(params) // 2, X.shape[1]
    if not isinstance(got, dict):
        raise CheckFailure(f"grads should be a dict but is {type_name(got)}.", kind="type")
    shift = int("dA0" not in got and f"dA{L}" in got)
    keys = [f"dA{n}" for n in range(L)] + [f"d{k}" for k in param_keys(L)]
    theirs = [f"dA{n + shift}" for n in range(L)] + keys[L:]
    if exact or any(k not in got for k in theirs):
        expect_keys(got, "grads", theirs)
    if shift:
        ctx.recognize(OLDER_KEYS)
    shapes = [X.shape] + [(params[f"W{n}"].shape[0], m) for n in range(1, L)]
    out = {}
    for key, student, shape in zip(keys, theirs, shapes + [params[k[1:]].shape for k in keys[L:]]):
        label, text = f'grads["{student}"]', f"the shape of {key[1:]}"
        out[key] = (label, expect_array(got[student], label, shape, shape_text=text))
    return out


def _compare_grads(ctx: Context, got: Any, expected: dict, X, params, kind: str) -> None:
    for key, (label, value) in _read_grads(ctx, got, X, params).items():
        cl.compare(value, expected[key], label, kind=kind)


@T59.check("structure", 1)
def _lmb_structure(ctx: Context) -> str:
    """Grads has dA0..dA{L-1} (or the older dA1..dAL), dW1..dWL, db1..dbL, shaped right."""
    AL, caches = ctx.expected(
        "L_model_backward/structure_inputs", lambda ref: ref("L_model_forward")(NET3_X, NET3_P)
    )
    _read_grads(ctx, ctx.call(AL, NET3_Y, caches), NET3_X, NET3_P, exact=True)
    return "L = 3"


@T59.check("values", 1)
def _lmb_values(ctx: Context) -> None:
    """Matches the expected gradients of a 2-layer network."""
    AL, caches = ctx.expected(
        "L_model_backward/inputs", lambda ref: ref("L_model_forward")(NET2_X, NET2_P)
    )
    expected = ctx.expected("L_model_backward/values", lambda ref: ref()(AL, NET2_Y, caches))
    _compare_grads(ctx, ctx.call(AL, NET2_Y, caches), expected, NET2_X, NET2_P, "values")


def _lmb_run(ctx: Context, dims: Sequence[int], seed: int) -> list[GradientComparison]:
    """Gradient-check the student's L_model_backward on a fixed net (its call made last)."""
    X, Y, params = _fixed_net(dims, seed, 4)
    if M is not None:
        (AL, caches, _), numeric = M.forward(X, params), M.numeric_grads(X, Y, params)
    else:
        AL, caches, numeric = _own_gradients(ctx, X, Y, params)
    grads = _read_grads(ctx, ctx.call(AL, Y, caches), X, params)
    return [compare_gradient(lb, g, numeric[k], GRAD_TOL) for k, (lb, g) in grads.items()]


def _lmb_gradcheck(nets: Sequence[tuple], deep: bool) -> Callable[[Context], str]:
    def run(ctx: Context) -> str:
        depth2_ok = False
        if deep:  # first, so that the deep nets' calls come last
            with contextlib.suppress(StudentRaised, CheckFailure):
                depth2_ok = all(r.ok for d, s in DEPTH2_NETS for r in _lmb_run(ctx, d, s))
        of = "the cost" if M is not None else f"the cost computed by {OWN_FORWARD}"
        checked = []
        for dims, seed in nets:
            at = f" for L = {len(dims) - 1} (layer_dims {list(dims)})"
            try:
                results = _lmb_run(ctx, dims, seed)
            except StudentRaised as exc:
                if exc.function != "L_model_backward" and ordinary(exc):  # the kit: forward
                    raise _own_failure(f"{exc.function} raised {exc.error}.") from None
                if not (depth2_ok and ordinary(exc)):  # ordinary: L_model_backward's own
                    raise
                raise CheckFailure(
                    f"L_model_backward is right for a 2-layer network but raised {exc.error}"
                    f"{at}: it only works for two layers.",
                    lines=[("called", exc.call_text)], hint=_two_layer_hint(ctx), kind="gradient",
                ) from None  # fmt: skip
            try:
                expect_gradients(results, hint=LMB_HINT, where=f" of {of}{at}")
            except CheckFailure as exc:
                if not depth2_ok:
                    raise
                raise CheckFailure(
                    f"L_model_backward is right for a 2-layer network, but its gradients do not "
                    f"match the numeric gradient of {of}{at}: it only works for two layers.",
                    lines=exc.lines, hint=_two_layer_hint(ctx), kind="gradient",
                ) from None  # fmt: skip
            checked += results
        return f"layer_dims {', '.join(str(list(d)) for d, _ in nets)}: {expect_gradients(checked)}"

    return run


T59.add("gradcheck_2_layers", 2, _lmb_gradcheck(DEPTH2_NETS, deep=False),
        "every gradient agrees with the numeric gradient of the cost, L = 2")  # fmt: skip
T59.add("gradcheck_deep", 3, _lmb_gradcheck(DEEP_NETS, deep=True),
        "every gradient agrees with the numeric gradient of the cost, L = 3 and 4")  # fmt: skip


@T59.check("hidden", 1, hidden=True)
def _lmb_hidden(ctx: Context) -> str:
    """Matches the reference for random networks of depth 2, 3, 4."""
    ref = ctx.ref()
    for depth in (2, 3, 4):
        X, Y, params = _net(ctx.rng, _random_dims(ctx.rng, depth), int(ctx.rng.integers(2, 6)))
        AL, caches, _ = _math().forward(X, params)
        _compare_grads(ctx, ctx.call(AL, Y, caches), ref(AL, Y, caches), X, params, "hidden")
    return "random networks of depth 2, 3 and 4"


# =========================================================================== 5.10 update_parameters
T510 = UNIT.task("5.10", "update_parameters", "one step of gradient descent")


def _grads_for(params: dict[str, np.ndarray], rng: np.random.Generator) -> dict:
    """Gradients as L_model_backward returns them: dW{l}, db{l} and dA0..dA{L-1}.

    3L keys, so that the number of layers is len(params) // 2, never len(grads) // 2.
    """
    grads = {f"d{k}": rng.normal(0, 1, v.shape) for k, v in params.items()}
    for n in range(len(params) // 2):  # dA{n} is shaped like A[n], the input of layer n + 1
        grads[f"dA{n}"] = rng.normal(0, 1, (params[f"W{n + 1}"].shape[1], 3))
    return grads


UP_G2 = _grads_for(NET2_P, np.random.default_rng(21))
UP_G3 = _grads_for(NET3_P, np.random.default_rng(22))
UP_HINT = "W = W - learning_rate * dW, b = b - learning_rate * db, for every layer."


@T510.check("structure", 1)
def _up_structure(ctx: Context) -> None:
    """Returns a dict with exactly the keys and shapes of params."""
    dims = [NET3_P["W1"].shape[1]] + [NET3_P[f"W{n}"].shape[0] for n in (1, 2, 3)]
    expect_layer_params(ctx.call(NET3_P, UP_G3, 0.1), dims)


@T510.check("values", 1)
def _up_values(ctx: Context) -> None:
    """Matches the expected update of a 2-layer network."""
    expected = ctx.expected("update_parameters/values", lambda ref: ref()(NET2_P, UP_G2, 0.1))
    cl.compare(ctx.call(NET2_P, UP_G2, 0.1), expected, "parameters", hint=UP_HINT)


@T510.check("hidden", 1, hidden=True)
def _up_hidden(ctx: Context) -> str:
    """Matches the reference for networks of depth 3 and 4."""
    ref = ctx.ref()
    for depth in (3, 4):
        _, _, params = _net(ctx.rng, _random_dims(ctx.rng, depth), 2)
        grads, lr = _grads_for(params, ctx.rng), float(ctx.rng.uniform(0.01, 1.0))
        cl.compare(ctx.call(params, grads, lr), ref(params, grads, lr), "parameters", kind="hidden")
    return "random networks of depth 3 and 4"


fix = "The older course template did this (and it costs nothing here), but an update that "
fix += "returns a new dict leaves the caller's parameters as they were: copy.deepcopy first."
names = ["params", "grads", "learning_rate"]
T510.advise("no_mutation")(cl.mutation_advice((NET3_P, UP_G3, 0.1), names, fix))

# =========================================================================== 5.11, 5.12 models
_STEPS = ("compute_cost", "update_parameters")
T511 = UNIT.task(
    "5.11", "two_layer_model", "train a 2-layer network",
    uses=("initialize_parameters", "linear_activation_forward", "linear_activation_backward",
          "L_model_forward", "L_model_backward", *_STEPS),  # the L-layer blocks, for L = 2
)  # fmt: skip
T512 = UNIT.task(
    "5.12", "L_layer_model", "train an L-layer network",
    uses=("initialize_parameters_deep", "L_model_forward", "L_model_backward", *_STEPS),
)  # fmt: skip
#: The initializer each model calls, then the layer sizes of the structure check (no course
#: default: a hard-coded size shows) and of the values and printing checks; the learning rate
#: and iterations are always given explicitly.
MODELS = {
    "two_layer_model": ("initialize_parameters", (4, 5, 1), (4, 7, 1)),
    "L_layer_model": ("initialize_parameters_deep", [4, 6, 3, 1], [4, 5, 3, 1]),
}
RATE, ITERATIONS = 0.05, 201  # costs at 0, 100, 200 (where the 2021 template's last line falls)
NOT_ALIGNED = re.compile(r"shapes \((\d+),\s*(\d+)\) and \((\d+),\s*(\d+)\) not aligned")
MATMUL_SIZE = re.compile(r"size (\d+) is different from (\d+)")
MODEL_HINT = (
    "initialize, then per iteration: forward, cost, backward, "
    "parameters = update_parameters(...); record the cost every 100 iterations."
)


def trained(function: str, X, Y, dims: Sequence[int], rate: float, n: int) -> dict[str, tuple]:
    """``{initialization: (parameters, costs)}``, trained by the grader's math after seed 1."""
    forms = _init_forms(MODELS[function][0], dims, 1)
    return {f: _math().train(X, Y, p, rate, n) for f, p in forms.items()}


def _model_call(ctx: Context, X, Y, dims, rate: float, n: int, print_cost: bool = False):
    """Call the model after np.random.seed(1); name a hard-coded input size if it shows."""
    kwargs = {"learning_rate": rate, "num_iterations": n, "print_cost": print_cost}
    try:
        return ctx.call_seeded(ctx.task.function, (X, Y, dims), kwargs, seed=1)
    except StudentRaised as exc:  # numpy's message names the shapes it could not multiply
        msg, n_x, size = exc.error.message, X.shape[0], None
        if (hit := NOT_ALIGNED.search(msg)) and (int(hit[3]), int(hit[4])) == X.shape:
            size = int(hit[2])
        elif (hit := MATMUL_SIZE.search(msg)) and int(hit[1]) == n_x:
            size = int(hit[2])
        if size is None or size == n_x or not ordinary(exc):
            raise
        raise CheckFailure(
            f"{exc.function}() raised {exc.error}: its first layer's weights have {size} "
            f"columns, for inputs of size {size}, but X has n_x = {n_x} rows (layers_dims "
            f"{list(dims)}).",
            lines=[("called", exc.call_text)],
            hint="the input size is hard-coded: take n_x from layers_dims[0] (or X.shape[0]), "
            "never a constant such as the course's 12288.",
            kind="behaviour",
        ) from None


def _forward_extras(ctx: Context) -> set[str]:
    """Keys the student's own L_model_forward adds to the parameters dict it is given.

    Storing something in the caller's dict costs nothing in Task 5.5 (the course never
    asks; advice there), but L_layer_model hands its parameters to L_model_forward, so its
    result then carries those keys too: the model's checks leave them out, so that the
    habit is not charged to a correct L_layer_model.
    """
    subs = ctx.submission
    if ctx.task.function != "L_layer_model" or "L_model_forward" in ctx.substitutes:
        return set()
    if not subs.has("L_model_forward") or subs.provided("L_model_forward"):
        return set()
    shown = ctx.shown_call
    out = ctx.outcome("L_model_forward", (NET3_X, NET3_P))
    ctx.show_call(shown)  # a failure names the model's call, not this one
    after = out.args_after[1] if out.error is None and len(out.args_after) > 1 else None
    return set(after) - set(NET3_P) if isinstance(after, dict) else set()


def _model_result(ctx: Context, value: Any, dims, n: int, exact: bool) -> tuple[dict, Any]:
    """``(parameters, costs)``; costs None for the 2017-2020 template's bare parameters."""
    pair = isinstance(value, tuple | list) and len(value) == 2
    params = value if isinstance(value, dict) else value[0] if pair else None
    extras = _forward_extras(ctx) & set(params) if isinstance(params, dict) else set()
    if extras:
        keys = ", ".join(repr(k) for k in sorted(extras))
        ctx.note(
            f"left out of the parameters: {keys}, which your L_model_forward stores in the "
            "dict it is given (see Task 5.5's advice)."
        )
        kept = {k: v for k, v in params.items() if k not in extras}
        value = kept if isinstance(value, dict) else type(value)([kept, value[1]])
    if isinstance(value, dict):  # the older application template: return parameters
        expect_layer_params(value, dims)
        ctx.recognize(
            f"{ctx.task.function}() returns only the parameters, as the 2017-2020 application "
            "notebook did: accepted; its costs are checked through what it prints."
        )
        return value, None
    params, costs = expect_tuple(value, "the result (parameters, costs)", 2)
    if exact:
        _expect_not_al(ctx, costs)
        expect_layer_params(params, dims)
        if not isinstance(costs, list):
            raise CheckFailure(f"costs should be a list but is {type_name(costs)}.",
                               hint="costs = [] and costs.append(cost).", kind="type")  # fmt: skip
        if len(costs) != math.ceil(n / 100):
            raise CheckFailure(
                f"with num_iterations={n} costs should hold {math.ceil(n / 100)} values (the "
                f"cost at iterations 0, 100, ...) but holds {len(costs)}.",
                hint="record the cost only when i % 100 == 0; run exactly num_iterations.",
                kind="structure",
            )
        for i, c in enumerate(costs):
            expect_float(c, f"costs[{i}]")
    return params, costs


def _expect_not_al(ctx: Context, costs: Any) -> None:
    """Costs that have the shape (1, m) of AL for the model's X: the last activations returned."""
    shown = ctx.shown_call
    X = shown.args[0] if shown is not None and shown.args else None
    if isinstance(costs, np.ndarray) and np.ndim(X) == 2 and costs.shape == (1, np.shape(X)[1]):
        raise CheckFailure(
            f"the result's second item has shape {costs.shape}, the shape of AL (one value per "
            "example): it should be costs, the list of costs recorded during training.",
            hint="return parameters, costs: costs = [] before the loop, costs.append(cost) "
            "every 100 iterations.",
            kind="structure",
        )


#: What each model's forward pass must read after an update (the template re-reads W1..b2).
STALE_HINT = {
    "two_layer_model": "read W1, b1, W2, b2 from parameters in every iteration, after each "
    'update (the template\'s W1 = parameters["W1"] ... lines), not once before the loop.',
    "L_layer_model": "call L_model_forward(X, parameters) in every iteration on the dict that "
    "update_parameters returned, not on the parameters from before the loop.",
}
KEEP_HINT = "keep the result: parameters = update_parameters(parameters, grads, learning_rate)."
#: The tolerances of a model's parameters and costs.
MODEL_TOL = {"rtol": 1e-6, "atol": 1e-9}


def _keeps_update(ctx: Context, fn: str) -> bool:
    """Whether ``fn``'s source keeps what update_parameters returns, under the name it gave.

    ``parameters = update_parameters(parameters, grads, rate)``; not ``new = ...(parameters,
    ...)`` with ``parameters`` used again.
    """
    try:
        tree = cl.parse_function(ctx, fn, "values")
    except CheckFailure:
        return False
    return any(
        isinstance(n, ast.Assign)
        and isinstance(n.value, ast.Call)
        and isinstance(n.value.func, ast.Name)
        and n.value.func.id == "update_parameters"
        and bool(n.value.args)
        and isinstance(n.value.args[0], ast.Name)
        and n.value.args[0].id in {t.id for t in n.targets if isinstance(t, ast.Name)}
        for n in ast.walk(tree)
    )


#: The hint of a model whose parameters never change although it keeps update_parameters'
#: result: no gradient reached them (sweep 16 P4: the output layer's backward step with
#: "relu", whose slope is 0 where Z is negative, was told to keep the result).
ZERO_GRADS_HINT = (
    "the parameters never change, though the code keeps update_parameters' result: every "
    'gradient was zero. Check the backward steps: the output layer\'s is "sigmoid", the '
    'hidden ones "relu".'
)


def _training_hint(ctx: Context, fn: str, how: str | None) -> str | None:
    """The hint of how a model that never learns got its parameters (:func:`_stale_training`).

    Left at the initialization: update_parameters' result dropped, or, where the code keeps
    it, no gradient at all.
    """
    if how == "discarded":
        return ZERO_GRADS_HINT if _keeps_update(ctx, fn) else KEEP_HINT
    return STALE_HINT.get(fn) if how == "stale" else None


def _stale_training(fn: str, params: Any, dims, n: int, data: tuple) -> str | None:
    """How a model that never learns got its parameters, from the grader's math, or None.

    ``data`` is the call's ``(X, Y, learning_rate)``.

    ``"discarded"``: they are an accepted initialization (update_parameters' result not
    kept); ``"stale"``: they are ``n`` steps of the first iteration's gradient (updated, but
    every forward pass uses the weights from before the loop).
    """
    X, Y, rate = data
    with contextlib.suppress(NeedsReference):
        for start in _init_forms(MODELS[fn][0], dims, 1).values():
            if passes_compare(params, start, **MODEL_TOL):
                return "discarded"
            step = _math().train(X, Y, start, rate, 1)[0]
            stale = {k: v + n * (step[k] - v) for k, v in start.items()}
            if passes_compare(params, stale, **MODEL_TOL):
                return "stale"
    return None


#: The largest iteration count written in a model's code that is retrained to name it.
MAX_WRITTEN_ITERATIONS = 10_000


def _written_setting_hint(
    ctx: Context, params: Any, costs: Any, dims, n: int, data: tuple
) -> str | None:
    """Name a learning rate or iteration count the model's code writes, if its result shows it.

    The model is retrained by the grader (:func:`trained`) with each rate written in its code
    (or update_parameters' default, for a call without the rate), then with each whole
    number written in it as the iteration count (one that records about as many costs as
    ``costs`` holds, where the model returns them); ``data`` is the call's ``(X, Y,
    learning_rate)``. None where none gives the student's parameters (or without the math).
    """
    fn, (X, Y, rate) = ctx.task.function, data
    recorded = len(costs) if isinstance(costs, list | np.ndarray) and np.ndim(costs) else None
    source = ctx.submission.source(fn)
    tries = [
        (r, n, f"the learning rate {r:g} written in its code, not the learning_rate it is "
         f"given (here {rate:g}): pass it on, update_parameters(parameters, grads, learning_rate).")
        for r in source_hints.rates(source) if r != rate
    ]  # fmt: skip
    default = source_hints.number_defaults(ctx.submission.source("update_parameters"))
    if (r := default.get("learning_rate")) is not None and r != rate:
        tries.append((r, n, f"update_parameters' default learning_rate={r:g}, not the "
                      f"learning_rate it is given (here {rate:g}): pass it on, "
                      "update_parameters(parameters, grads, learning_rate)."))  # fmt: skip
    tries += [
        (rate, k, f"{k} iterations, a number written in its code, not the num_iterations it is "
         f"given (here {n}): for i in range(0, num_iterations).")
        for k in sorted(source_hints.integers(source))
        if k != n and k <= MAX_WRITTEN_ITERATIONS
        and (recorded is None or abs(recorded - math.ceil(k / 100)) <= 1)
    ]  # fmt: skip
    for r, k, text in tries:
        try:
            runs = trained(fn, X, Y, dims, r, k)
        except NeedsReference:
            return None
        if any(passes_compare(params, run[0], **MODEL_TOL) for run in runs.values()):
            verb = "runs" if k != n else "trains with"
            return f"{fn}() {verb} {text}"
    return None


def _compare_model(
    ctx: Context, value: Any, runs: dict, dims, n: int, kind: str, data: tuple
) -> None:
    """Compare a model's result with the closest of ``runs``; ``data``: ``(X, Y, rate)``."""
    fn = ctx.task.function
    params, costs = _model_result(ctx, value, dims, n, exact=False)
    _expect_not_al(ctx, costs)
    want_params, want_costs = closest_params(params, runs.values(), lambda run: run[0])
    if isinstance(costs, list | np.ndarray) and len(costs) > 1 and np.ptp(want_costs) > 0:
        c = cl.numbers(costs, "costs").ravel()
        if c.size > 1 and bool(np.all(c == c[0])):
            how = _stale_training(fn, params, dims, n, data)
            detail = f"the cost never changes ({float(c[0])!r} at every record): "
            if how == "stale":
                detail += "the parameters change, but every iteration computes the same cost "
                detail += "and gradients, from the weights it started with."
            elif how == "discarded":
                detail += "the parameters are not being updated."
            else:
                detail += "the forward pass never uses updated parameters."
            both = f"{KEEP_HINT[:-1]}, and {STALE_HINT[fn]}"
            hint = _training_hint(ctx, fn, how) or both
            sourced = hint == ZERO_GRADS_HINT
            raise CheckFailure(
                detail, hint=hint, kind=kind, specific=how is not None, sourced=sourced
            )
    try:
        cl.compare(params, want_params, "parameters", hint=MODEL_HINT, kind=kind, **MODEL_TOL)
    except CheckFailure as exc:
        how = _stale_training(fn, params, dims, n, data)
        hint = _training_hint(ctx, fn, how)
        hint = hint or _written_setting_hint(ctx, params, costs, dims, n, data)
        if hint is not None:
            exc.hint, exc.specific, exc.sourced = hint, True, hint == ZERO_GRADS_HINT
        raise
    # costs of another count are the structure check's (sweep 14 P7: one costs-recording
    # mistake failed structure, values and hidden)
    if costs is not None and _count(costs) == _count(want_costs):
        cl.compare(costs, want_costs, "costs", hint=MODEL_HINT, kind=kind, **MODEL_TOL)


def _count(value: Any) -> int | None:
    """``len(value)``, or None for a value without one."""
    try:
        return len(value)
    except TypeError:
        return None


def _visible_runs(ctx: Context) -> dict[str, tuple]:
    fn, dims = ctx.task.function, MODELS[ctx.task.function][2]
    return ctx.expected(
        f"{fn}/values", lambda ref: trained(fn, TOY_X, TOY_Y, dims, RATE, ITERATIONS)
    )


@T511.check("structure", 1)
@T512.check("structure", 1)
def _model_structure(ctx: Context) -> str:
    """Returns (parameters, costs), a cost per 100 iterations (2017-2020: parameters)."""
    dims = MODELS[ctx.task.function][1]
    _model_result(ctx, _model_call(ctx, TOY_X, TOY_Y, dims, RATE, 101).value, dims, 101, True)
    return "num_iterations=101"


@T511.check("values", 2)
@T512.check("values", 2)
def _model_values(ctx: Context) -> None:
    """After np.random.seed(1), 201 iterations match a correct training run."""
    dims = MODELS[ctx.task.function][2]
    out = _model_call(ctx, TOY_X, TOY_Y, dims, RATE, ITERATIONS)
    runs, data = _visible_runs(ctx), (TOY_X, TOY_Y, RATE)
    _compare_model(ctx, out.value, runs, dims, ITERATIONS, "values", data)


@T511.check("prints_costs", 1)
@T512.check("prints_costs", 1)
def _model_prints(ctx: Context) -> str:
    """print_cost=True prints "Cost after iteration i: cost" every 100 iterations; False: none."""
    fn, dims, runs = ctx.task.function, MODELS[ctx.task.function][2], _visible_runs(ctx)
    # The 2021 template's `if print_cost and i % 100 == 0 or i == num_iterations - 1` prints
    # the last iteration's cost whatever print_cost: only that line is accepted unasked.
    quiet_out = _model_call(ctx, TOY_X, TOY_Y, dims, RATE, ITERATIONS)
    quiet, value, quiet_call = quiet_out.stdout, quiet_out.value, ctx.last
    recorded = cl.number_list(value[1]) if isinstance(value, tuple) and len(value) == 2 else None
    hint = "print only when asked: if print_cost and i % 100 == 0."
    call = f"{fn}(..., print_cost=False)"
    printers = cl.expect_quiet(ctx, call, hint, allowed=ITERATIONS - 1, costs=recorded)
    out = _model_call(ctx, TOY_X, TOY_Y, dims, RATE, ITERATIONS, print_cost=True)
    if printers:  # what the blocks print is theirs: not counted
        quiet = ctx.stdout_without(printers, quiet_call)
        out = dataclasses.replace(out, stdout=ctx.stdout_without(printers))
    want = range(0, ITERATIONS, 100)
    call = f"{fn}(..., print_cost=True, num_iterations={ITERATIONS})"
    cl.expect_printed_costs(out.stdout, None, want, call, quiet=quiet)
    params, costs = _model_result(ctx, out.value, dims, ITERATIONS, exact=False)
    if not isinstance(costs, list) or len(costs) != len(want):  # the run its parameters match
        costs = next((r[1] for r in runs.values() if param_gap(params, r[0]) <= 1e-6), None)
    if costs is not None:
        costs = cl.numbers(costs, "costs").ravel()
        cl.expect_printed_costs(out.stdout, costs, want, call, quiet=quiet)
    return f"costs printed at iterations {list(want)}"


#: The course's default learning rate of both models; its notebook calls
#: ``L_layer_model(train_x, train_y, layers_dims, num_iterations=2500, print_cost=True)``.
COURSE_RATE = 0.0075


@T511.advise("keeps_default_rate")
@T512.advise("keeps_default_rate")
def _model_default_rate(ctx: Context) -> str | None:
    """Keeps the course's default learning_rate=0.0075 (its notebook relies on it)."""
    fn, dims = ctx.task.function, MODELS[ctx.task.function][2]
    kwargs = {"num_iterations": ITERATIONS, "print_cost": False}
    explicit = ctx.outcome(
        fn, (TOY_X, TOY_Y, dims), {**kwargs, "learning_rate": COURSE_RATE}, seed=1
    )
    implicit = ctx.outcome(fn, (TOY_X, TOY_Y, dims), kwargs, seed=1)
    if explicit.error is not None or same_plain(implicit.value, explicit.value):
        return None
    if implicit.error is not None:
        return (
            f"{fn}() called without learning_rate raises {implicit.error.type} (the course's "
            "notebook calls it so, with num_iterations and print_cost only): give learning_rate "
            f"the course's default, {COURSE_RATE}."
        )
    written = source_hints.number_defaults(ctx.submission.source(fn)).get("learning_rate")
    if written is not None and written != COURSE_RATE:
        return (
            f"{fn}()'s default learning_rate={written!r} is not the course's {COURSE_RATE} (the "
            "course's notebook calls it with num_iterations and print_cost only): keep the "
            "course's default."
        )
    return (
        f"{fn}() called without learning_rate trains otherwise than with the course's "
        f"default learning_rate={COURSE_RATE} (the course's notebook calls it so, num_iterations "
        "and print_cost only): keep that default in the signature."
    )


@T511.check("hidden", 1, hidden=True)
@T512.check("hidden", 1, hidden=True)
def _model_hidden(ctx: Context) -> str:
    """Uses its arguments: random data, layer sizes, learning rate and iterations."""
    fn, rng = ctx.task.function, ctx.rng
    n_x, m = int(rng.integers(2, 6)), int(rng.integers(6, 12))
    X = rng.normal(0, 1, (n_x, m))
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    Y[0, 0], Y[0, 1] = 1.0, 0.0
    if fn == "two_layer_model":
        dims: Any = (n_x, int(rng.integers(2, 6)), 1)
    else:
        dims = [n_x] + _random_dims(rng, int(rng.integers(1, 4)))
    rate, n = float(rng.uniform(0.02, 0.2)), int(rng.integers(101, 131))
    out = _model_call(ctx, X, Y, dims, rate, n)
    runs = trained(fn, X, Y, dims, rate, n)
    _compare_model(ctx, out.value, runs, dims, n, "hidden", (X, Y, rate))
    return f"layers_dims {list(dims)}, learning_rate {rate:.3f}"
