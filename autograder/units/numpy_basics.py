"""Checks of unit 2, numpy basics."""

from __future__ import annotations

import numpy as np

from autograder import checklib as cl
from autograder.asserts import expect_array, expect_float, expect_tuple
from autograder.context import Context
from autograder.gradcheck import expect_gradient
from autograder.spec import Check, CheckFailure, Task, Unit

# Visible inputs (the lesson's examples where it has them).
X123 = np.array([1.0, 2.0, 3.0])
IMAGE = np.array(
    [
        [[0.67826139, 0.29380381], [0.90714982, 0.52835647], [0.4215251, 0.45017551]],
        [[0.92814219, 0.96677647], [0.85304703, 0.52351845], [0.19981397, 0.27417313]],
        [[0.60659855, 0.00533165], [0.10820313, 0.49978937], [0.34144279, 0.94630077]],
    ]
)
ROWS = np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]])
SCORES = np.array([[9.0, 2.0, 5.0, 0.0, 0.0], [7.0, 5.0, 0.0, 0.0, 0.0]])
YHAT = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
Y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
LR_W = np.array([[1.0], [2.0]])
LR_B = 2.0
LR_X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
LR_Y = np.array([[1.0, 0.0, 1.0]])


def _lr_case(rng: np.random.Generator) -> tuple:
    n_x, m = int(rng.integers(2, 6)), int(rng.integers(4, 9))
    return (
        rng.normal(0, 0.5, (n_x, 1)),
        float(rng.normal()),
        rng.normal(0, 1, (n_x, m)),
        (rng.random((1, m)) > 0.5).astype(np.float64),
    )


def _basic_sigmoid_type(ctx: Context) -> None:
    expect_float(
        ctx.call(1.0),
        "basic_sigmoid(1.0)",
        python_float=True,
        hint="math.exp returns a float; np.exp returns numpy.float64.",
    )


def _sigmoid_derivative_gradcheck(ctx: Context) -> str:
    x = np.array([[-800.0, -6.0, -1.5, -0.2], [0.0, 0.7, 3.0, 8.0]])
    got = cl.numbers(ctx.call(x), "sigmoid_derivative(x)")
    if got.shape != x.shape:
        got = got.reshape(x.shape) if got.size == x.size else got
    h = 1e-5
    numeric = (cl.stable_sigmoid(x + h) - cl.stable_sigmoid(x - h)) / (2 * h)
    return expect_gradient(
        "sigmoid_derivative(x)",
        got,
        numeric,
        tol=1e-6,
        hint="s * (1 - s) with s = sigmoid(x) stays finite for every x.",
    )


def _sigmoid_large(ctx: Context) -> None:
    x = np.array([-1000.0, 0.0, 1000.0])
    cl.no_warnings([(x,)])(ctx)
    cl.compare(
        ctx.call(x), np.array([0.0, 0.5, 1.0]), "sigmoid([-1000, 0, 1000])", atol=1e-12, kind="edge"
    )


def _image2vector_shape(ctx: Context) -> None:
    expect_array(
        ctx.call(IMAGE),
        "image2vector(image)",
        (18, 1),
        shape_text="(length*height*depth, 1)",
        hint="the result is a column: (18, 1), not (1, 18) or (18,).",
    )


def _softmax_large(ctx: Context) -> None:
    cl.compare(
        ctx.call(np.array([[1000.0, 1000.0], [-1000.0, 0.0]])),
        np.array([[0.5, 0.5], [0.0, 1.0]]),
        "softmax(x)",
        atol=1e-12,
        hint="subtract each row's max before np.exp (see the docstring's policy).",
        kind="edge",
    )


def _loss_is_number(ctx: Context) -> None:
    expect_float(ctx.call(YHAT, Y), f"{ctx.task.function}(yhat, y)")


def _random_array(rng: np.random.Generator, scale: float = 3.0) -> np.ndarray:
    shape = tuple(int(s) for s in rng.integers(1, 6, size=int(rng.integers(1, 3))))
    return rng.normal(0, scale, shape)


def _propagate_structure(ctx: Context) -> None:
    out = expect_tuple(ctx.call(LR_W, LR_B, LR_X, LR_Y), f"{ctx.task.function}()", 2)
    grads, cost = out
    if not isinstance(grads, dict) or set(grads) != {"dw", "db"}:
        raise CheckFailure(
            'grads should be a dict with exactly the keys "dw" and "db".', kind="structure"
        )
    expect_array(grads["dw"], 'grads["dw"]', (2, 1), shape_text="the shape of w, (n_x, 1)")
    expect_float(grads["db"], 'grads["db"]')
    expect_float(cost, "cost")


def _loops_agree(ctx: Context) -> str:
    rng = np.random.default_rng(7)
    for _ in range(3):
        args = _lr_case(rng)
        vec = ctx.call_fn("propagate_vectorized", *args)
        loops = ctx.call_fn("propagate_loops", *args)
        try:
            cl.compare(vec, loops, "propagate_vectorized vs propagate_loops", rtol=1e-9, atol=1e-12)
        except CheckFailure as exc:
            raise CheckFailure(
                "propagate_vectorized and propagate_loops disagree on the same inputs.",
                lines=exc.lines,
                hint="both must compute the same cost, dw and db.",
            ) from None
    return "3 random inputs agree"


UNIT = Unit(
    name="numpy_basics",
    number=2,
    title="numpy basics and vectorization",
    tasks=(
        Task(
            "2.1",
            "basic_sigmoid",
            "sigmoid of a number with math.exp",
            (
                Check("returns_float", 1, _basic_sigmoid_type, "type", "returns a Python float"),
                Check(
                    "values",
                    2,
                    cl.visible_values(
                        "basic_sigmoid/values", [(-2.0,), (0.0,), (3.0,)], name="basic_sigmoid(x)"
                    ),
                    "values",
                    "matches the expected values on x = -2, 0, 3",
                ),
            ),
        ),
        Task(
            "2.2",
            "sigmoid",
            "elementwise sigmoid with numpy",
            (
                Check(
                    "shape",
                    1,
                    cl.same_shape_as_input([X123, X123.reshape(3, 1), ROWS], "sigmoid(x)"),
                    "shape",
                    "returns a float array shaped like its input ((n,), (n, 1), (n, m))",
                ),
                Check(
                    "values",
                    2,
                    cl.visible_values("sigmoid/values", [(X123,), (ROWS,)], name="sigmoid(x)"),
                    "values",
                    "matches the expected values on the lesson's inputs",
                ),
                Check(
                    "large_inputs",
                    1,
                    _sigmoid_large,
                    "edge",
                    "sigmoid(±1000) is exactly 0 / 1 without overflow warnings",
                ),
                Check(
                    "hidden",
                    2,
                    cl.hidden_values(
                        lambda rng: [(_random_array(rng),) for _ in range(3)], name="sigmoid(x)"
                    ),
                    "hidden",
                    "matches the reference on random inputs",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "2.3",
            "sigmoid_derivative",
            "slope of the sigmoid",
            (
                Check(
                    "shape",
                    1,
                    cl.same_shape_as_input(
                        [X123, X123.reshape(3, 1), ROWS], "sigmoid_derivative(x)"
                    ),
                    "shape",
                    "returns a float array shaped like its input",
                ),
                Check(
                    "gradcheck",
                    3,
                    _sigmoid_derivative_gradcheck,
                    "gradient",
                    "agrees with centred differences of the sigmoid, from x = -800 to 8",
                ),
            ),
        ),
        Task(
            "2.4",
            "image2vector",
            "unroll an image into a column",
            (
                Check(
                    "shape",
                    1,
                    _image2vector_shape,
                    "shape",
                    "a (3, 3, 2) image becomes an (18, 1) column",
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values(
                        "image2vector/values", [(IMAGE,)], name="image2vector(image)"
                    ),
                    "values",
                    "entries in C (row-major) order",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [
                            (rng.random(tuple(int(s) for s in rng.integers(2, 6, 3))),)
                            for _ in range(3)
                        ],
                        name="image2vector(image)",
                    ),
                    "hidden",
                    "works for images of any size",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "2.5",
            "normalize_rows",
            "divide each row by its norm",
            aliases=("normalizeRows",),
            checks=(
                Check(
                    "shape",
                    1,
                    cl.same_shape_as_input([ROWS], "normalize_rows(x)"),
                    "shape",
                    "returns an array of the input's shape",
                ),
                Check(
                    "values",
                    2,
                    cl.visible_values(
                        "normalize_rows/values",
                        [(ROWS,)],
                        name="normalize_rows(x)",
                        hint="norm per row: axis=1, keepdims=True.",
                    ),
                    "values",
                    "matches the lesson's example",
                ),
                Check(
                    "no_mutation",
                    1,
                    cl.no_mutation([(ROWS.copy(),)], ["x"]),
                    "mutation",
                    "does not modify its input",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [
                            (rng.normal(0, 2, (int(rng.integers(2, 6)), int(rng.integers(2, 6)))),)
                            for _ in range(3)
                        ],
                        name="normalize_rows(x)",
                    ),
                    "hidden",
                    "matches the reference on random matrices",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "2.6",
            "softmax",
            "row-wise softmax",
            (
                Check(
                    "shape",
                    1,
                    cl.same_shape_as_input([SCORES], "softmax(x)"),
                    "shape",
                    "returns an array of the input's shape",
                ),
                Check(
                    "values",
                    2,
                    cl.visible_values(
                        "softmax/values",
                        [(SCORES,)],
                        name="softmax(x)",
                        hint="each ROW sums to 1: axis=1.",
                    ),
                    "values",
                    "matches the lesson's example",
                ),
                Check(
                    "large_inputs",
                    1,
                    _softmax_large,
                    "edge",
                    "softmax of scores near ±1000 is finite",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [
                            (rng.normal(0, 3, (int(rng.integers(1, 5)), int(rng.integers(2, 6)))),)
                            for _ in range(3)
                        ],
                        name="softmax(x)",
                    ),
                    "hidden",
                    "matches the reference on random matrices",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "2.7",
            "L1",
            "L1 loss",
            (
                Check("returns_number", 1, _loss_is_number, "type", "returns a single number"),
                Check(
                    "values",
                    1,
                    cl.visible_values("L1/values", [(YHAT, Y)], name="L1(yhat, y)"),
                    "values",
                    "the lesson's example gives 1.1",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [
                            (rng.random(n), (rng.random(n) > 0.5) * 1.0)
                            for n in rng.integers(3, 10, 3)
                        ],
                        name="L1(yhat, y)",
                    ),
                    "hidden",
                    "matches the reference on random inputs",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "2.8",
            "L2",
            "L2 loss",
            (
                Check("returns_number", 1, _loss_is_number, "type", "returns a single number"),
                Check(
                    "values",
                    1,
                    cl.visible_values("L2/values", [(YHAT, Y)], name="L2(yhat, y)"),
                    "values",
                    "the lesson's example gives 0.43",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [
                            (rng.random(n), (rng.random(n) > 0.5) * 1.0)
                            for n in rng.integers(3, 10, 3)
                        ],
                        name="L2(yhat, y)",
                    ),
                    "hidden",
                    "matches the reference on random inputs",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "2.9",
            "propagate_loops",
            "logistic-regression gradient with loops",
            (
                Check(
                    "structure",
                    1,
                    _propagate_structure,
                    "structure",
                    'returns ({"dw": (n_x, 1) array, "db": number}, cost)',
                ),
                Check(
                    "values",
                    2,
                    cl.visible_values(
                        "propagate_loops/values", [(LR_W, LR_B, LR_X, LR_Y)], name="(grads, cost)"
                    ),
                    "values",
                    "matches the expected cost and gradients",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [_lr_case(rng) for _ in range(2)], name="(grads, cost)"
                    ),
                    "hidden",
                    "matches the reference on random problems",
                    hidden=True,
                ),
            ),
        ),
        Task(
            "2.10",
            "propagate_vectorized",
            "the same gradient, vectorized",
            (
                Check(
                    "structure",
                    1,
                    _propagate_structure,
                    "structure",
                    'returns ({"dw": (n_x, 1) array, "db": number}, cost)',
                ),
                Check(
                    "no_loops",
                    2,
                    cl.no_python_loops(),
                    "vectorization",
                    "contains no for/while loop or comprehension",
                ),
                Check(
                    "values",
                    1,
                    cl.visible_values(
                        "propagate_vectorized/values",
                        [(LR_W, LR_B, LR_X, LR_Y)],
                        name="(grads, cost)",
                    ),
                    "values",
                    "matches the expected cost and gradients",
                ),
                Check(
                    "agrees_with_loops",
                    1,
                    _loops_agree,
                    "values",
                    "agrees with your propagate_loops on random inputs",
                ),
                Check(
                    "hidden",
                    1,
                    cl.hidden_values(
                        lambda rng: [_lr_case(rng) for _ in range(2)], name="(grads, cost)"
                    ),
                    "hidden",
                    "matches the reference on random problems",
                    hidden=True,
                ),
            ),
        ),
    ),
)
