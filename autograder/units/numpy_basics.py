"""Checks of unit 2, numpy basics: the course's W2A1 (2.1-2.8) and two kit-only tasks (2.9, 2.10).

The course's functions are graded by the course's standard: a numpy float where a number is
asked, the textbook sigmoid and softmax (exact on every input the course uses, overflowing at
±1000) and an in-place normalization get full marks, and what the kit teaches beyond that is
advice. The kit-only tasks keep the kit's own standard.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from autograder import checklib as cl
from autograder.asserts import expect_array, expect_float, is_real_scalar
from autograder.context import Context
from autograder.gradcheck import expect_gradient
from autograder.spec import Unit

UNIT = Unit("numpy_basics", 2, "numpy basics and vectorization")

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
#: The lesson's own example, of integers as the course writes it (``x /= x_norm`` fails on it).
ROWS_INT = np.array([[0, 3, 4], [1, 6, 4]])
SCORES = np.array([[9.0, 2.0, 5.0, 0.0, 0.0], [7.0, 5.0, 0.0, 0.0, 0.0]])
YHAT = np.array([0.9, 0.2, 0.1, 0.4, 0.9])
Y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
LR_CASE = (np.array([[1.0], [2.0]]), 2.0, np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]))
LR_CASE += (np.array([[1.0, 0.0, 1.0]]),)
EXTREMES = np.array([-1000.0, 0.0, 1000.0])
STABLE_SIGMOID = (
    "The course never uses such inputs; the kit's stable form keeps the exponent negative: "
    "e = np.exp(-np.abs(x)), then np.where(x >= 0, 1 / (1 + e), e / (1 + e))."
)


def _random_array(rng: np.random.Generator) -> np.ndarray:
    return rng.normal(0, 3.0, tuple(int(n) for n in rng.integers(1, 6, int(rng.integers(1, 3)))))


def _matrix(rng: np.random.Generator, rows: tuple[int, int] = (2, 6), scale: float = 2.0):
    return rng.normal(0, scale, (int(rng.integers(*rows)), int(rng.integers(2, 6))))


def _image(rng: np.random.Generator) -> np.ndarray:
    return rng.random(tuple(int(n) for n in rng.integers(2, 6, 3)))


def _losses(rng: np.random.Generator) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(rng.random(n), (rng.random(n) > 0.5) * 1.0) for n in rng.integers(3, 10, 3)]


def _scores(rng: np.random.Generator) -> list[tuple[np.ndarray]]:
    """Three score matrices: one row, then 3 or more rows, then 2 or more."""
    return [(_matrix(rng, (rows, 5), 3.0),) for rows in (1, 3, 2)]


def _lr_case(rng: np.random.Generator, wide: bool = False) -> tuple[Any, ...]:
    """A random logistic-regression problem.

    ``wide``: more examples than a loop through a few written-out items can walk
    (``checklib.FEW_ITEMS``).
    """
    n_x, m = int(rng.integers(2, 6)), int(rng.integers(12, 21) if wide else rng.integers(4, 9))
    Y_ = (rng.random((1, m)) > 0.5).astype(np.float64)
    return rng.normal(0, 0.5, (n_x, 1)), float(rng.normal()), rng.normal(0, 1, (n_x, m)), Y_


# ----------------------------------------------------------------- 2.1 basic_sigmoid
t = UNIT.task("2.1", "basic_sigmoid", "sigmoid of a number with math.exp")


@t.check("returns_float", 1)
def _basic_sigmoid_type(ctx: Context) -> None:
    """returns one real number (a Python float preferred; numpy.float64 accepted)."""
    value = ctx.call(1)
    expect_float(value, "basic_sigmoid(1)", hint="return the number itself, not a tuple.")
    if type(value) is not float:
        kind = type(value).__name__
        ctx.advise(
            f"basic_sigmoid(1) returns {kind}, which the course accepts; the exercise is "
            "about math.exp, which returns a Python float."
        )


@t.advise("any_real_number")
def _basic_sigmoid_floats(ctx: Context) -> str | None:
    """Takes a float too (the course's tests pass ints only: 1, 3)."""
    right = [1 / (1 + math.exp(-x)) for x in (1, 1.5)]
    got = [ctx.outcome("basic_sigmoid", (x,)) for x in (1, 1.5)]
    ok = [o.error is None and is_real_scalar(o.value) and abs(float(o.value) - r) <= 1e-12
          for o, r in zip(got, right)]  # fmt: skip
    if ok[0] and not ok[1]:
        return (
            "basic_sigmoid(1.5) does not give sigmoid(1.5), though basic_sigmoid(1) is right: "
            "the course's tests pass ints only, so it costs nothing here, but x is any real "
            "number (do not assert that it is an int)."
        )
    return None


#: The course's tests pass ints (basic_sigmoid(3) in 2017, x = 1 in 2021): so does the kit.
cases = [(-2,), (0,), (3,)]
BASIC_HINT = "sigmoid(x) = 1 / (1 + math.exp(-x)): mind the minus sign."
_visible = cl.visible_values(
    "basic_sigmoid/values", cases, name="basic_sigmoid(x)", hint=BASIC_HINT
)


#: Integers no visible check uses, where sigmoid is not within ``atol`` of 0 (at -24 it is).
DRAWN_INTS = [x for x in range(-8, 9) if x not in (-2, 0, 1, 3)]


def _basic_sigmoid_values(ctx: Context) -> None:
    """Then on an integer drawn at grading time.

    The visible ones are in the student kit: a table of their answers passed them (red team
    17 F3).
    """
    _visible(ctx)
    x = int(ctx.rng.choice(DRAWN_INTS))
    cl.compare(ctx.call(x), 1.0 / (1.0 + math.exp(-x)), "basic_sigmoid(x)", hint=BASIC_HINT)


t.add("values", 2, _basic_sigmoid_values, "matches the expected values on x = -2, 0, 3 and drawn")
cl.explain_all(t, cl.precedence_hint)

# ----------------------------------------------------------------- 2.2 sigmoid
ELEMENTWISE = [X123, X123.reshape(3, 1), ROWS]
SMALL = (EXTREMES / 500,)  # [-2, 0, 2]: a function wrong there gets no stability advice
t = UNIT.task("2.2", "sigmoid", "elementwise sigmoid with numpy")
shapes = cl.same_shape_as_input(ELEMENTWISE, "sigmoid(x)")
t.add("shape", 1, shapes, "returns a float array shaped like its input ((n,), (n, 1), (n, m))")
# a number too: the course's sigmoid takes "a scalar or numpy array of any size"
hint = "1 / (1 + np.exp(-x)) for every entry; np.exp works on a number and on an array alike."
#: Between -1 and 1, where a stable sigmoid's branch on the sign is easy to place wrong.
NEAR_ZERO = np.array([[-0.75, -0.25], [0.25, 0.75]])
cases = [(X123,), (ROWS,), (2.0,), (cl.SIGMOID_WIDE,), (NEAR_ZERO,)]
values = cl.visible_values("sigmoid/values", cases, name="sigmoid(x)", hint=hint)
t.add("values", 2, values, "matches on the lesson's inputs, a number and inputs up to ±20")
hidden = cl.hidden_values(cl.random_cases(_random_array), name="sigmoid(x)")
t.add("hidden", 3, hidden, "matches the reference on random inputs", hidden=True)
cl.explain_all(t, cl.elementwise_hint)
exact, ordinary = np.array([0.0, 0.5, 1.0]), (SMALL, cl.stable_sigmoid(SMALL[0]))
advice = cl.extreme_inputs(
    (EXTREMES,), exact, "sigmoid([-1000, 0, 1000])", STABLE_SIGMOID, ordinary=ordinary
)
t.advise("stable_at_extremes")(advice)

# ----------------------------------------------------------------- 2.3 sigmoid_derivative
t = UNIT.task(
    "2.3", "sigmoid_derivative", "slope of the sigmoid",
    uses=("sigmoid",), aliases=("sigmoid_grad",),  # the exercise text's name in every release
)  # fmt: skip
shapes = cl.same_shape_as_input(ELEMENTWISE, "sigmoid_derivative(x)")
t.add("shape", 1, shapes, "returns a float array shaped like its input")


@t.check("gradcheck", 3)
def _sigmoid_derivative_gradcheck(ctx: Context) -> str:
    """agrees with centred differences of the sigmoid, from x = -30 to 8 (and drawn).

    The points are written in the student kit, so also each scaled by a factor drawn at
    grading time: a table of their answers passed (red team 17 F3).
    """
    x = np.array([[-30.0, -6.0, -1.5, -0.2], [0.0, 0.7, 3.0, 8.0]])
    x = np.hstack([x, cl.scaled_at_random(ctx, x)])
    got = cl.numbers(ctx.call(x), "sigmoid_derivative(x)")
    if got.size == x.size:  # a flat or transposed result is the shape check's finding
        got = got.reshape(x.shape)
    h = 1e-5
    numeric = (cl.stable_sigmoid(x + h) - cl.stable_sigmoid(x - h)) / (2 * h)
    hint = "sigma'(x) = s * (1 - s) with s = sigmoid(x), elementwise."
    return expect_gradient("sigmoid_derivative(x)", got, numeric, 1e-6, hint, shape_text="(n, m)")


cl.explain_all(t, cl.elementwise_hint)
fix = "The course never uses such inputs; s * (1 - s) with s = sigmoid(x) stays finite."
ordinary = (SMALL, cl.stable_sigmoid(SMALL[0]) * cl.stable_sigmoid(-SMALL[0]))
x, exact = np.array([-800.0, 0.0, 800.0]), np.array([0.0, 0.25, 0.0])
advice = cl.extreme_inputs(
    (x,), exact, "sigmoid_derivative([-800, 0, 800])", fix, ordinary=ordinary, warnings=False
)
t.advise("stable_at_extremes")(advice)

# ----------------------------------------------------------------- 2.4 image2vector
t = UNIT.task("2.4", "image2vector", "unroll an image into a column")


@t.check("shape", 1)
def _image2vector_shape(ctx: Context) -> None:
    """a (3, 3, 2) image becomes an (18, 1) column."""
    hint = "the result is a column: (18, 1), not (1, 18) or (18,)."
    shape = "(length*height*depth, 1)"
    expect_array(ctx.call(IMAGE), "image2vector(image)", (18, 1), shape_text=shape, hint=hint)


hint = "image.reshape(length * height * depth, 1) keeps the entries in row-major order."
values = cl.visible_values("image2vector/values", [(IMAGE,)], name="image2vector(image)", hint=hint)
t.add("values", 1, values, "entries in C (row-major) order")
hidden = cl.hidden_values(cl.random_cases(_image), name="image2vector(image)")
t.add("hidden", 1, hidden, "works for images of any size", hidden=True)
cl.explain_all(t, cl.fixed_size_hint("image.shape"))

# ----------------------------------------------------------------- 2.5 normalize_rows
SAME_SHAPE = "returns an array of the input's shape"
t = UNIT.task("2.5", "normalize_rows", "divide each row by its norm", aliases=("normalizeRows",))
t.add("shape", 1, cl.same_shape_as_input([ROWS], "normalize_rows(x)"), SAME_SHAPE)
hint = "norm per row: axis=1, keepdims=True."
values = cl.visible_values(
    "normalize_rows/values", [(ROWS,), (ROWS_INT,)], name="normalize_rows(x)", hint=hint
)
t.add("values", 3, values, "matches the lesson's example, of floats and of integers")
hidden = cl.hidden_values(cl.random_cases(_matrix), name="normalize_rows(x)")
t.add("hidden", 1, hidden, "matches the reference on random matrices", hidden=True)
fix = "x = x / x_norm makes a new array; x /= x_norm does not."
t.advise("no_mutation")(cl.mutation_advice((ROWS.copy(),), ["x"], fix))

# ----------------------------------------------------------------- 2.6 softmax
t = UNIT.task("2.6", "softmax", "row-wise softmax")
t.add("shape", 1, cl.same_shape_as_input([SCORES], "softmax(x)"), SAME_SHAPE)
hint = "np.exp(x) divided by the sum of np.exp(x) over its row: axis=1, keepdims=True."
values = cl.visible_values("softmax/values", [(SCORES,)], name="softmax(x)", hint=hint)
t.add("values", 2, values, "matches the lesson's example")
hidden = cl.hidden_values(_scores, name="softmax(x)")
t.add("hidden", 2, hidden, "matches the reference on random matrices", hidden=True)
fix = (
    "The course never uses such scores; subtracting each row's max first "
    "(x - np.max(x, axis=1, keepdims=True)) changes nothing else and never overflows."
)
x, exact = np.array([[1000.0, 1000.0], [-1000.0, 0.0]]), np.array([[0.5, 0.5], [0.0, 1.0]])
ordinary = ((x / 1000,), np.array([[0.5, 0.5], [0.268941421369995, 0.731058578630005]]))
t.advise("stable_at_extremes")(
    cl.extreme_inputs((x,), exact, "softmax([[1000, 1000], [-1000, 0]])", fix, ordinary=ordinary)
)

# ----------------------------------------------------------------- 2.7 L1 and 2.8 L2
for task_id, loss, example in (("2.7", "L1", "1.1"), ("2.8", "L2", "0.43")):
    t = UNIT.task(task_id, loss, f"{loss} loss")

    t.add("returns_number", 1, cl.returns_number((YHAT, Y), "(yhat, y)"))
    hint = {"L1": "L1 = sum of |y - yhat|", "L2": "L2 = sum of (y - yhat) ** 2"}[loss]
    values = cl.visible_values(f"{loss}/values", [(YHAT, Y)], name=f"{loss}(yhat, y)", hint=hint)
    t.add("values", 1, values, f"the lesson's example gives {example}")
    hidden = cl.hidden_values(_losses, name=f"{loss}(yhat, y)")
    t.add("hidden", 1, hidden, "matches the reference on random inputs", hidden=True)

# ----------------------------------------------------------------- 2.9 and 2.10 (kit-only)
GC, VALUES = "(grads, cost)", "matches the expected cost and gradients"
LR = {"name": GC, "names": ("grads", "cost"),
      "hint": "a = sigmoid(w.T x + b) per example; cost = -(1/m) sum(y log a + (1 - y) "
      "log(1 - a)); dw = (1/m) sum((a - y) x), db = (1/m) sum(a - y)."}  # fmt: skip
STRUCTURE = 'returns ({"dw": (n_x, 1) array, "db": number}, cost)'
DISAGREE = "propagate_vectorized and propagate_loops disagree on the same inputs."
kit = {"course": False, "uses": ("sigmoid",)}
t = UNIT.task("2.9", "propagate_loops", "logistic-regression gradient with loops", **kit)
t.add("structure", 1, cl.propagation_structure(LR_CASE), STRUCTURE)
t.add("values", 2, cl.visible_values("propagate_loops/values", [LR_CASE], **LR), VALUES)
# agrees_with_loops compares with the student's own loops: where those fail Task 2.9, the
# grader's stand in for them, so a wrong loop costs its points once, in Task 2.9
t = UNIT.task(
    "2.10",
    "propagate_vectorized",
    "the same gradient, vectorized",
    **kit,
    compared_with=("propagate_loops",),
)
t.add("structure", 1, cl.propagation_structure(LR_CASE), STRUCTURE)
no_loops = cl.no_python_loops(probe=lambda rng: [_lr_case(rng, wide=True) for _ in range(2)])
t.add("no_loops", 2, no_loops, "contains no for/while loop or comprehension")
t.add("values", 1, cl.visible_values("propagate_vectorized/values", [LR_CASE], **LR), VALUES)


@t.check("agrees_with_loops", 1, kind="values")
def _loops_agree(ctx: Context) -> str:
    """agrees with your propagate_loops on random inputs (the grader's where yours fail 2.9)."""
    rng = np.random.default_rng(7)
    for _ in range(3):
        args = _lr_case(rng)
        vec = ctx.call_fn("propagate_vectorized", *args)
        loops = ctx.call_fn("propagate_loops", *args)
        with cl.restated(DISAGREE, "both must compute the same cost, dw and db.", kind="values"):
            cl.compare(vec, loops, "propagate_vectorized vs propagate_loops", rtol=1e-9)
    return "3 random inputs agree"


hidden = cl.hidden_values(
    lambda rng: [_lr_case(rng) for _ in range(2)], name=GC, names=("grads", "cost")
)
for t in (UNIT.task("2.9"), UNIT.task("2.10")):
    t.add("hidden", 1, hidden, "matches the reference on random problems", hidden=True)
    cl.explain_all(t, cl.fixed_size_hint("X.shape"), only=("values", "hidden"))
