"""Checks of unit 3, logistic regression as a neural network (the course's W2A2)."""

from __future__ import annotations

import ast
from typing import Any

import numpy as np

from autograder import checklib as cl
from autograder.asserts import expect_array, expect_float, expect_keys, expect_tuple
from autograder.context import Context, StudentRaised
from autograder.gradcheck import TOLERANCE, expect_gradient, numerical_gradient, rel_error
from autograder.plain import describe
from autograder.spec import Check, CheckFailure, Task, Unit
from autograder.submission import StudentError

# Visible inputs: the course's own test values where it has them.
SIG_Z = np.array([0.0, 2.0])
SIG_ROW = np.array([[-1.0, 0.0, 0.5, 3.0]])
SIG_MAT = np.array([[-2.5, 0.1], [4.0, -0.3], [1.0, 7.5]])

PROP_W = np.array([[1.0], [2.0]])
PROP_B = 2.0
PROP_X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
PROP_Y = np.array([[1.0, 0.0, 1.0]])

OPT_W = np.array([[1.0], [2.0]])
OPT_B = 1.5
OPT_X = np.array([[1.0, -2.0, -1.0], [3.0, 0.5, -3.2]])
OPT_Y = np.array([[1.0, 1.0, 0.0]])

PRED_W = np.array([[0.1124579], [0.23106775]])
PRED_B = -0.3
PRED_X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])

# A small visible training problem for model(): n_x = 3, m_train = 10, m_test = 4.
M_X_TRAIN = np.array(
    [
        [0.03, 1.36, 1.22, -0.51, -0.3, -0.53, 0.57, -0.06, 0.75, -1.85],
        [1.57, -0.1, 0.68, -0.14, -0.38, 0.46, 0.82, -0.2, -0.15, 0.69],
        [-0.87, -1.51, 0.39, -0.67, -1.92, -0.81, -0.47, -1.19, -1.49, 0.04],
    ]
)
M_Y_TRAIN = np.array([[0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0]])
M_X_TEST = np.array(
    [[0.9, -0.23, -0.74, 0.38], [0.72, -0.3, 0.54, 1.04], [-0.21, -0.81, 0.35, 0.25]]
)
M_Y_TEST = np.array([[1.0, 0.0, 0.0, 1.0]])
MODEL_DATA = (M_X_TRAIN, M_Y_TRAIN, M_X_TEST, M_Y_TEST)
#: Non-default arguments for model() (the defaults are 2000 and 0.5).
MODEL_ARGS = {"num_iterations": 250, "learning_rate": 0.1}
#: The outputs of model() that training produces (the others echo its arguments).
TRAINED = ("costs", "w", "b", "Y_prediction_train", "Y_prediction_test")
PROP_NAMES = ("grads", "cost")
OPT_NAMES = ("params", "grads", "costs")
MODEL_KEYS = (
    "costs",
    "Y_prediction_test",
    "Y_prediction_train",
    "w",
    "b",
    "learning_rate",
    "num_iterations",
)


def _problem(rng: np.random.Generator, m: int | None = None) -> tuple[Any, ...]:
    """A random logistic-regression problem (w, b, X, Y) whose sigmoid does not saturate."""
    n_x = int(rng.integers(2, 6))
    m = int(rng.choice([1, 4, 5, 6, 7, 8])) if m is None else m
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    if m > 1:
        Y[0, :2] = (0.0, 1.0)  # both classes present
    return rng.normal(0, 0.5, (n_x, 1)), float(rng.normal(0, 0.5)), rng.normal(0, 1, (n_x, m)), Y


def _compare_named(
    got: Any, exp: tuple, names: tuple[str, ...], *, hint: str | None = None, kind: str = "values"
) -> None:
    """Compare a returned tuple item by item, naming each item as the course does."""
    if not isinstance(got, tuple | list) or len(got) != len(exp):
        raise CheckFailure(
            f"should return a tuple ({', '.join(names)}) but returned {describe(got)}.",
            kind="type",
        )
    for g, e, name in zip(got, exp, names):
        cl.compare(g, e, name, hint=hint, kind=kind)


def _visible(key: str, args: tuple, kwargs: dict[str, Any], names: tuple[str, ...], hint: str):
    """Visible check: one call against the stored expected result."""

    def run(ctx: Context) -> None:
        fn = ctx.task.function
        exp = ctx.expected(key, lambda ref: ref(fn)(*args, **kwargs))
        _compare_named(ctx.call(*args, **kwargs), exp, names, hint=hint)

    return run


def _hidden(count: int, names: tuple[str, ...]):
    """Hidden check: random problems (default arguments) against the reference."""

    def run(ctx: Context) -> str:
        ref = ctx.ref()
        for _ in range(count):
            args = _problem(ctx.rng)
            exp = ref(*args)
            _compare_named(ctx.call(*args), exp, names, kind="hidden")
        return f"{count} random problems"

    return run


# ----------------------------------------------------------------- 3.1 sigmoid


def _sigmoid_large(ctx: Context) -> None:
    got = ctx.call(np.array([-1000.0, 0.0, 1000.0]))
    cl.compare(
        got,
        np.array([0.0, 0.5, 1.0]),
        "sigmoid([-1000, 0, 1000])",
        atol=1e-12,
        hint="1 / (1 + np.exp(-z)) is exact here; np.exp(z) / (1 + np.exp(z)) gives inf/inf = nan.",
        kind="edge",
    )


def _random_array(rng: np.random.Generator) -> np.ndarray:
    return rng.normal(0, 3, (int(rng.integers(1, 4)), int(rng.integers(1, 6))))


# ----------------------------------------------------------------- 3.2 initialize_with_zeros


def _init_w_shape(ctx: Context) -> None:
    for dim in (2, 5, 1):
        w, _ = expect_tuple(ctx.call(dim), f"initialize_with_zeros({dim})", 2)
        expect_array(
            w,
            "w",
            (dim, 1),
            shape_text="(dim, 1)",
            hint="a column: np.zeros((dim, 1)), not np.zeros(dim).",
        )


def _init_b_float(ctx: Context) -> None:
    _, b = expect_tuple(ctx.call(2), "initialize_with_zeros(2)", 2)
    expect_float(
        b,
        "b",
        python_float=True,
        hint="b = 0.0 (a float; watch out for a trailing comma, b = 0.0, makes a tuple).",
    )


def _init_values(ctx: Context) -> None:
    for dim in (2, 5):
        w, b = expect_tuple(ctx.call(dim), f"initialize_with_zeros({dim})", 2)
        cl.compare(w, np.zeros((dim, 1)), "w", atol=0.0, hint="every weight starts at 0.")
        cl.compare(b, 0.0, "b", atol=0.0)


# ----------------------------------------------------------------- 3.3 propagate


def _propagate_structure(ctx: Context) -> None:
    grads, cost = expect_tuple(ctx.call(PROP_W, PROP_B, PROP_X, PROP_Y), "propagate()", 2)
    expect_keys(grads, "grads", ("dw", "db"))
    expect_array(
        grads["dw"],
        'grads["dw"]',
        (2, 1),
        shape_text="the shape of w, (n_x, 1)",
        hint="np.dot(X, (A - Y).T) / m has the shape of w.",
    )
    expect_float(grads["db"], 'grads["db"]', hint="np.sum(A - Y) / m is a number.")
    expect_float(
        cost,
        "cost",
        hint="np.dot(Y, np.log(A).T) is a (1, 1) array: np.squeeze(...) or np.sum(...) it.",
    )


def _cost_number(cost: Any) -> float:
    """The cost as a float; any single-entry shape is accepted here (structure checks it)."""
    c = cl.numbers(cost, "cost")
    if c.size != 1:
        raise CheckFailure(f"cost should be a single number but has shape {c.shape}.", kind="shape")
    return float(c.reshape(-1)[0])


def _propagate_gradcheck(ctx: Context) -> str:
    """Centred differences of the student's own cost, in float64, against their gradients.

    The problems are random with small |w^T x + b|: where the sigmoid saturates, 1 - A loses
    digits and the centred difference of the cost is no longer accurate to 1e-7.
    """
    worst = {"dw": 0.0, "db": 0.0}
    for m in (5, 7):
        w, b, X, Y = _problem(ctx.rng, m=m)

        def cost_w(w_: np.ndarray, b=b, X=X, Y=Y) -> float:
            return _cost_number(expect_tuple(ctx.call(w_, b, X, Y), "propagate()", 2)[1])

        def cost_b(b_: np.ndarray, w=w, X=X, Y=Y) -> float:
            out = expect_tuple(ctx.call(w, float(b_[0]), X, Y), "propagate()", 2)
            return _cost_number(out[1])

        numeric = {"dw": numerical_gradient(cost_w, w), "db": numerical_gradient(cost_b, [b])[0]}
        grads, _ = expect_tuple(ctx.call(w, b, X, Y), "propagate()", 2)  # the call shown
        expect_keys(grads, "grads", ("dw", "db"))
        got = {"dw": cl.numbers(grads["dw"], 'grads["dw"]'), "db": cl.numbers(grads["db"], "db")}
        if got["dw"].size != w.size or got["db"].size != 1:
            raise CheckFailure("dw should have the shape of w and db one entry.", kind="shape")
        got = {"dw": got["dw"].reshape(w.shape), "db": got["db"].reshape(())}
        for name in ("dw", "db"):
            try:
                expect_gradient(
                    name,
                    got[name],
                    numeric[name],
                    hint="dw and db must be the derivatives of your cost: same 1/m, same terms.",
                )
            except CheckFailure as exc:  # a scalar: "db = ..." rather than "db[] = ..."
                exc.lines = [(lb, t.replace(f"{name}[] ", f"{name} ")) for lb, t in exc.lines]
                raise
            worst[name] = max(worst[name], rel_error(got[name], numeric[name]))
    return ", ".join(
        f"{k} max relative error {v:.1e} (ok < {TOLERANCE:.0e})" for k, v in worst.items()
    )


# ----------------------------------------------------------------- 3.4 optimize


def _optimize_structure(ctx: Context) -> None:
    out = expect_tuple(ctx.call(OPT_W, OPT_B, OPT_X, OPT_Y), "optimize()", 3)
    params, grads, costs = out
    expect_keys(params, "params", ("w", "b"))
    expect_array(params["w"], 'params["w"]', (2, 1), shape_text="the shape of w, (n_x, 1)")
    expect_float(params["b"], 'params["b"]')
    expect_keys(grads, "grads", ("dw", "db"))
    expect_array(grads["dw"], 'grads["dw"]', (2, 1), shape_text="the shape of w, (n_x, 1)")
    expect_float(grads["db"], 'grads["db"]')
    if not isinstance(costs, list):
        raise CheckFailure(
            f"costs should be a Python list but is {describe(costs)}.",
            hint="costs = [] before the loop, costs.append(cost) inside it.",
            kind="type",
        )


# ----------------------------------------------------------------- 3.5 predict


def _predict_shape(ctx: Context) -> None:
    for X in (PRED_X, np.hstack([PRED_X, PRED_X[:, :2]])):
        expect_array(
            ctx.call(PRED_W, PRED_B, X),
            "Y_prediction",
            (1, X.shape[1]),
            shape_text="(1, m)",
            hint="(A > 0.5).astype(float) keeps the shape (1, m) of A.",
        )


def _predict_threshold(ctx: Context) -> None:
    X = np.array([[0.0, 1.0, 0.0], [2.0, 0.0, -3.0]])
    got = ctx.call(np.array([[1.0], [0.0]]), 0.0, X)
    try:
        cl.compare(got, np.array([[0.0, 1.0, 0.0]]), "Y_prediction", atol=0.0, kind="edge")
    except CheckFailure as exc:
        raise CheckFailure(
            "examples 0 and 2 have A = 0.5 exactly (w^T x + b = 0) and must predict 0.",
            lines=exc.lines,
            hint="the comparison is strict: A > 0.5, not A >= 0.5.",
            kind=exc.kind,
        ) from None


# ----------------------------------------------------------------- 3.6 model


def _model_structure(ctx: Context) -> None:
    d = expect_keys(ctx.call(*MODEL_DATA, **MODEL_ARGS), "model()", MODEL_KEYS)
    n_x, m_train = M_X_TRAIN.shape
    m_test = M_X_TEST.shape[1]
    for key, shape, text in (
        ("Y_prediction_test", (1, m_test), "(1, m_test)"),
        ("Y_prediction_train", (1, m_train), "(1, m_train)"),
        ("w", (n_x, 1), "(n_x, 1)"),
    ):
        expect_array(d[key], f'd["{key}"]', shape, shape_text=text, dtype_kind="fiub")
    expect_float(d["b"], 'd["b"]')
    for key, value in MODEL_ARGS.items():
        if not (isinstance(d[key], int | float) and d[key] == value):
            raise CheckFailure(
                f'd["{key}"] should be the argument {key} = {value} but is {describe(d[key])}.',
                hint=f'"{key}": {key} in the returned dict.',
                kind="structure",
            )


def _model_calls(ctx: Context) -> None:
    src = ctx.submission.source("model")
    if src is None:
        raise CheckFailure("the source of model() could not be read.", kind="structure")
    try:
        tree = ast.parse(src)
    except SyntaxError:
        raise CheckFailure("the source of model() could not be parsed.", kind="structure") from None
    if cl._raises_not_implemented(tree):  # the stub: report "not implemented", as elsewhere
        raise StudentRaised("model", StudentError("NotImplementedError", "stub"), "model(...)")
    called = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    missing = [f for f in ("initialize_with_zeros", "optimize", "predict") if f not in called]
    if missing:
        raise CheckFailure(
            "model() should be built from your functions, but it never calls "
            + ", ".join(f"{f}()" for f in missing)
            + ".",
            hint="call initialize_with_zeros, optimize and predict instead of copying their code.",
            kind="structure",
        )


def _model_values(key: str, kwargs: dict[str, Any], hint: str):
    def run(ctx: Context) -> None:
        exp = ctx.expected(key, lambda ref: ref("model")(*MODEL_DATA, **kwargs))
        d = ctx.call(*MODEL_DATA, **kwargs)
        if not isinstance(d, dict) or not all(k in d for k in TRAINED):
            raise CheckFailure(
                f"model() should return a dict with the keys {list(MODEL_KEYS)} but returned "
                f"{describe(d)}.",
                kind="structure",
            )
        cl.compare({k: d[k] for k in TRAINED}, {k: exp[k] for k in TRAINED}, "d", hint=hint)

    return run


UNIT = Unit(
    name="logistic_regression",
    number=3,
    title="logistic regression as a neural network",
    tasks=(
        Task(
            "3.1",
            "sigmoid",
            "the sigmoid activation",
            (
                Check(
                    "shape",
                    1,
                    cl.same_shape_as_input([SIG_Z, SIG_ROW, SIG_MAT], "sigmoid(z)"),
                    "shape",
                    "returns a float array shaped like z: (2,), (1, 4), (3, 2)",
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values("sigmoid/values", [(SIG_Z,), (SIG_ROW,)], name="sigmoid(z)"),
                    "values",
                    "sigmoid([0, 2]) = [0.5, 0.8808] and a (1, 4) row",
                ),
                Check(
                    "large_inputs",
                    1,
                    _sigmoid_large,
                    "edge",
                    "sigmoid(±1000) is exactly 0 / 1, not NaN",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [(_random_array(rng),) for _ in range(3)], name="sigmoid(z)"
                    ),
                    "hidden",
                    "matches the reference on random inputs",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "3.2",
            "initialize_with_zeros",
            "zero initial parameters",
            (
                Check(
                    "w_shape",
                    1,
                    _init_w_shape,
                    "shape",
                    "w is a float array of shape (dim, 1) for dim = 2, 5, 1",
                ),
                Check("b_float", 1, _init_b_float, "type", "b is the Python float 0.0"),
                Check("values", 1, _init_values, "values", "w is all zeros and b is 0"),
            ),
        ),
        Task(
            "3.3",
            "propagate",
            "cost and gradients (forward and backward propagation)",
            (
                Check(
                    "structure",
                    1,
                    _propagate_structure,
                    "structure",
                    'returns ({"dw": (n_x, 1) array, "db": number}, cost number)',
                ),
                Check(
                    "values",
                    2,
                    _visible(
                        "propagate/values",
                        (PROP_W, PROP_B, PROP_X, PROP_Y),
                        {},
                        PROP_NAMES,
                        "check the 1/m and both terms of the cost.",
                    ),
                    "values",
                    "the course's example: cost 5.8015, db 0.00146",
                ),
                Check(
                    "gradcheck",
                    3,
                    _propagate_gradcheck,
                    "gradient",
                    "dw and db agree with centred differences of your own cost",
                ),
                Check(
                    "hidden",
                    2,
                    _hidden(3, PROP_NAMES),
                    "hidden",
                    "matches the reference on random problems (m = 1 included)",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "3.4",
            "optimize",
            "gradient descent with propagate",
            (
                Check(
                    "structure",
                    1,
                    _optimize_structure,
                    "structure",
                    'returns ({"w", "b"}, {"dw", "db"}, costs list)',
                ),
                Check(
                    "values",
                    2,
                    _visible(
                        "optimize/values",
                        (OPT_W, OPT_B, OPT_X, OPT_Y),
                        {},
                        OPT_NAMES,
                        "w = w - learning_rate * dw and b = b - learning_rate * db, "
                        "num_iterations times; costs at i % 100 == 0.",
                    ),
                    "values",
                    "the course's example with the default arguments",
                ),
                Check(
                    "uses_arguments",
                    1,
                    _visible(
                        "optimize/arguments",
                        (OPT_W, OPT_B, OPT_X, OPT_Y),
                        {"num_iterations": 250, "learning_rate": 0.05},
                        OPT_NAMES,
                        "use the num_iterations and learning_rate arguments; record the cost "
                        "at iterations 0, 100, 200.",
                    ),
                    "values",
                    "respects num_iterations = 250 (3 costs) and learning_rate = 0.05",
                ),
                Check(
                    "no_mutation",
                    1,
                    cl.no_mutation([(OPT_W, OPT_B, OPT_X, OPT_Y)], ["w", "b", "X", "Y"]),
                    "mutation",
                    "does not modify the caller's w (or X, Y)",
                ),
                Check(
                    "hidden",
                    2,
                    _hidden(2, OPT_NAMES),
                    "hidden",
                    "matches the reference on random problems",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "3.5",
            "predict",
            "0/1 predictions",
            (
                Check(
                    "shape",
                    1,
                    _predict_shape,
                    "shape",
                    "returns a float array of shape (1, m) (0.0 and 1.0, not booleans)",
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values(
                        "predict/values",
                        [(PRED_W, PRED_B, PRED_X)],
                        name="Y_prediction",
                    ),
                    "values",
                    "the course's example gives [[1, 1, 0]]",
                ),
                Check(
                    "threshold",
                    1,
                    _predict_threshold,
                    "edge",
                    "A = 0.5 exactly predicts 0 (A > 0.5)",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [_problem(rng, m=20)[:3] for _ in range(3)], name="Y_prediction"
                    ),
                    "hidden",
                    "matches the reference on random problems",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "3.6",
            "model",
            "the whole model",
            (
                Check(
                    "structure",
                    1,
                    _model_structure,
                    "structure",
                    "returns the dict of the course, with shapes and the arguments echoed",
                ),
                Check(
                    "calls_building_blocks",
                    1,
                    _model_calls,
                    "structure",
                    "calls initialize_with_zeros, optimize and predict (no copied code)",
                ),
                Check(
                    "values",
                    2,
                    _model_values(
                        "model/defaults",
                        {},
                        "initialize, optimize with the model's arguments, predict both sets.",
                    ),
                    "values",
                    "trains a small problem with the default arguments (2000, 0.5)",
                ),
                Check(
                    "uses_arguments",
                    2,
                    _model_values(
                        "model/arguments",
                        MODEL_ARGS,
                        "pass num_iterations and learning_rate on to optimize().",
                    ),
                    "values",
                    "respects num_iterations = 250 and learning_rate = 0.1",
                ),
            ),
        ),
    ),
)
