"""Known mistakes for unit 2 (numpy basics), as variants of the reference.

Each entry: the function (by its partial), an id, the mistake as a teacher would name it; the
changes to the reference's source; the checks it fails and the hint the student gets. Entries
with no ``fails`` are the course's own forms, which get full marks and the kit's ``advice``.
"""

from functools import partial

from autograder.mistakes import mistake, variant
from autograder.units.numpy_basics import IMAGE

#: The reference sigmoid's stable body; the course's one-line forms replace it.
SIGMOID_BODY = (
    "x = np.asarray(x, dtype=np.float64)\n    e = np.exp(-np.abs(x))\n"
    "    s = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n"
    "    return s[()] if s.ndim == 0 else s"
)
SOFTMAX_RETURN_T = "return (x_exp / np.sum(x_exp, axis=1, keepdims=True)).T\n"
EXAMPLE_ANSWER = (
    'return {"dw": np.array([[0.9984560146379561], [2.395072388486207]]), '
    '"db": 0.001455578136784208}, 5.801545319394553'
)
SIGN = "sigma(x) = 1 / (1 + e^(-x)): mind the minus sign."
SHAPE = "but should be"
L2_RETURN = "float(np.dot(d, d))"
ROWS_NORM = "np.linalg.norm(x, ord=2, axis=1, keepdims=True)"
basic, sig, der = (partial(variant, f) for f in ("basic_sigmoid", "sigmoid", "sigmoid_derivative"))
i2v, rows, soft = (partial(variant, f) for f in ("image2vector", "normalize_rows", "softmax"))
l1, l2 = partial(variant, "L1"), partial(variant, "L2")
loops, vec = partial(variant, "propagate_loops"), partial(variant, "propagate_vectorized")

# fmt: off
MISTAKES = [
    basic("sign", "math.exp(x) instead of math.exp(-x)",
          ("(-x)", "(x)"),
          fails="values", hint=SIGN),
    basic("trailing_comma", "a trailing comma after the return value makes a 1-tuple",
          ("math.exp(-x))", "math.exp(-x)),"),
          fails="returns_float", hint="return 1 / (1 + math.exp(-x)) with no comma at the end."),
    sig("column", "reshapes the result into a column",
        ("s[()] if s.ndim == 0 else s", "s.reshape(-1, 1)"),
        fails="shape", message=SHAPE),
    sig("sign", "np.exp(x) instead of np.exp(-x)",
        (SIGMOID_BODY, "return 1 / (1 + np.exp(x))"),
        fails="values hidden", hint=SIGN),
    sig("clipped", "clips the output to [1e-4, 1 - 1e-4]",
        ("s[()] if s.ndim == 0 else s", "np.clip(s, 0.0001, 0.9999)"),
        fails="values", message="sigmoid(x)"),
    sig("math_exp", "math.exp, which takes one number, on an array",
        (SIGMOID_BODY, "return 1 / (1 + math.exp(-x))"),
        fails="shape values hidden", message="sigmoid() calls math.exp, which takes one number"),
    sig("number_sign", "a number special-cased with math.exp(x) instead of math.exp(-x)",
        ("### BEGIN SOLUTION\n", "### BEGIN SOLUTION\n    if np.isscalar(x):\n        return 1 / (1 + math.exp(x))\n"),
        fails="values", message="sigmoid(x)"),
    der("flat", "returns a flat vector",
        ("return s * (1.0 - s)", "return (s * (1.0 - s)).ravel()"),
        fails="shape", message=SHAPE),
    der("plus", "s * (1 + s) instead of s * (1 - s)",
        ("(1.0 - s)", "(1.0 + s)"),
        fails="gradcheck", message="does not match the numeric gradient"),
    der("x_for_s", "s * (1 - x): x where s = sigmoid(x) belongs",
        ("(1.0 - s)", "(1.0 - x)"),
        fails="gradcheck", hint="both factors are s: s * (1 - s)."),
    der("x_for_both", "x * (1 - x): the formula on x, not on s = sigmoid(x)",
        ("return s * (1.0 - s)", "return x * (1.0 - x)"),
        fails="gradcheck", hint="s = sigmoid(x) first, then s * (1 - s)."),
    der("dot", "np.dot(s, 1 - s): a matrix product where the product is elementwise",
        ("s * (1.0 - s)", "np.dot(s, 1.0 - s)"),
        fails="shape gradcheck", hint="np.dot multiplies matrices; s * (1 - s) goes entry by entry."),
    i2v("row", "reshapes into a row (1, n) instead of a column",
        ("reshape(length * height * depth, 1)", "reshape(1, length * height * depth)"),
        fails="shape", message="(length*height*depth, 1)"),
    i2v("fortran", "Fortran (column-major) order",
        ("depth, 1)\n", 'depth, 1, order="F")\n'),
        fails="values hidden", hint="reshape in the default C order."),
    i2v("hard_coded", "hard-codes the size of the example image, 18",
        ("reshape(length * height * depth, 1)", "reshape(18, 1)"),
        fails="hidden", message="reshape(18, 1)"),
    i2v("notebook_image", "reshapes the notebook's t_image instead of its argument image",
        ("def image2vector(", f"t_image = np.array({IMAGE.tolist()})\n\n\ndef image2vector("),
        ("= image.shape\n", "= t_image.shape\n"), ("return image.reshape(", "return t_image.reshape("),
        fails="hidden", hint="use the argument image: a notebook variable is the same every time."),
    rows("axis0", "normalizes columns (axis=0) instead of rows",
         ("ord=2, axis=1", "ord=2, axis=0"),
         fails="values hidden", hint="the norm of each ROW: axis=1, keepdims=True."),
    rows("no_keepdims", "norm without keepdims (shape (n,) broadcasts wrongly)",
         ("axis=1, keepdims=True)\n", "axis=1)\n"),
         fails="shape values hidden", message="broadcast"),
    rows("matrix_norm", "divides by the norm of the whole matrix",
         (ROWS_NORM, "np.linalg.norm(x)"),
         fails="values hidden", hint="one norm per row: axis=1."),
    rows("hard_coded", "returns the example's answer",
         ("return x / x_norm", "return np.array([[0.0, 3, 4], [1, 6, 4]]) / [[5.0], [53**0.5]]"),
         fails="hidden"),
    soft("axis0", "sums over columns (axis=0)",
         ("max(x, axis=1", "max(x, axis=0"), ("sum(x_exp, axis=1", "sum(x_exp, axis=0"),
         fails="values hidden", hint="each ROW must sum to 1: axis=1."),
    soft("sums_x", "divides by the row sums of x instead of those of np.exp(x)",
         ("np.sum(x_exp, axis=1", "np.sum(x, axis=1"),
         fails="values hidden", hint="divide by the sum of the exponentials, np.sum(x_exp, axis=1, keepdims=True)."),
    soft("transposed", "returns the transpose",
         ("return x_exp / np.sum(x_exp, axis=1, keepdims=True)\n", SOFTMAX_RETURN_T),
         fails="shape values hidden", message="has shape (5, 2) but should be (2, 5)"),
    soft("no_keepdims", "row sums without keepdims (shape (m,))",
         ("x_exp, axis=1, keepdims=True", "x_exp, axis=1"),
         fails="shape values hidden", message="broadcast"),
    soft("fixed_rows", "hard-codes two rows (the example's shape)",
         ("x_exp = np.exp(", "x = x[:2]\n    x_exp = np.exp("),
         fails="hidden"),
    l1("no_abs", "forgets the absolute value",
       ("np.sum(np.abs(y - yhat))", "np.sum(y - yhat)"),
       fails="values hidden", hint="|y - yhat|: np.abs."),
    l1("mean", "averages (np.mean) where the loss is a sum",
       ("float(np.sum(", "float(np.mean("),
       fails="values hidden", hint="L1 adds up the differences: np.sum."),
    l1("keepdims", "returns a 1-element array",
       ("float(np.sum(np.abs(y - yhat)))", "np.sum(np.abs(y - yhat), keepdims=True)"),
       fails="returns_number", message="should be a number"),
    l1("hard_coded", "returns the example's answer",
       ("float(np.sum(np.abs(y - yhat)))", "1.1"),
       fails="hidden"),
    l2("from_l1", "copied from L1: absolute values instead of squares",
       (L2_RETURN, "float(np.sum(np.abs(d)))"),
       fails="values hidden", hint="square the differences: np.dot(d, d)."),
    l2("square_of_sum", "squares the sum instead of summing the squares",
       ("np.dot(d, d)", "np.sum(d) ** 2"),
       fails="values hidden", hint="sum of squares: np.sum(d ** 2)."),
    l2("elementwise", "returns the squared differences without summing",
       (L2_RETURN, "d ** 2"),
       fails="returns_number values hidden", message="should be a number"),
    l2("keepdims", "returns a 1-element array",
       (L2_RETURN, "np.sum(d ** 2, keepdims=True)"),
       fails="returns_number", message="should be a number"),
    l2("hard_coded", "returns the example's answer",
       (L2_RETURN, "0.43"),
       fails="hidden"),
    loops("no_mean", "forgets to divide by m",
          ('dw / m, "db": float(db / m)}, float(cost / m)', 'dw, "db": float(db)}, float(cost)'),
          fails="values hidden",
          hint="J, dw and db are averages over the m examples."),
    loops("flat_dw", "dw as a flat (n_x,) vector",
          ('"dw": dw / m', '"dw": (dw / m).ravel()'),
          fails="structure", message="but should be (2, 1)"),
    loops("fixed_m", "hard-codes m = 3 (the visible example's size)",
          ("n_x, m = X.shape", "n_x = X.shape[0]\n    m = 3"),
          fails="hidden", message="m = 3"),
    vec("missing_transpose", "np.dot(w, X) instead of np.dot(w.T, X)",
        ("w.T, X", "w, X"),
        fails="structure values agrees_with_loops hidden", message="missing .T"),
    vec("db_array", "db = np.sum(dZ, axis=1, keepdims=True) / m, a (1, 1) array",
        ("np.sum(dZ) / m", "np.sum(dZ, axis=1, keepdims=True) / m"),
        ('"db": float(db)', '"db": db'),
        fails="structure", message="should be a number"),
    vec("no_log_1_minus", "cost without the (1 - Y) log(1 - A) term",
        (" + (1 - Y) * np.log(1 - A)", ""),
        fails="values agrees_with_loops hidden", hint="J needs both Y log A and (1 - Y) log(1 - A)."),
    mistake("propagate_vectorized", "loop_over_m", "loops over the examples", """
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    dw, db, cost = np.zeros(w.shape), 0.0, 0.0
    for i in range(m):
        a = sigmoid(np.dot(w.T, X[:, i:i + 1]) + b)
        cost -= float(np.sum(Y[:, i] * np.log(a) + (1 - Y[:, i]) * np.log(1 - a)))
        dw += X[:, i:i + 1] * (a - Y[:, i])
        db += float(np.sum(a - Y[:, i]))
    return {"dw": dw / m, "db": db / m}, cost / m
""", "no_loops", message="contains a Python loop"),
    mistake("propagate_vectorized", "calls_loops", "calls the loop version",
            "def propagate_vectorized(w, b, X, Y):\n    return propagate_loops(w, b, X, Y)\n",
            "no_loops", message="which contains a Python loop"),
    vec("hard_coded", "returns the visible example's answer",
        ('return {"dw": dw, "db": float(db)}, float(cost)', EXAMPLE_ANSWER),
        fails="agrees_with_loops hidden", message="disagree"),
    # The course's own forms: full marks, and the kit's advice.
    basic("np_exp", "np.exp, which returns numpy.float64",
          ("math.exp(-x)", "np.exp(-x)"),
          advice="Python float"),
    sig("textbook", "the textbook formula, which overflows at x = -1000",
        (SIGMOID_BODY, "return 1 / (1 + np.exp(-x))"),
        advice="overflow"),
    der("overflow_form", "e^-x / (1 + e^-x)^2, nan at x = -800",
        ("s = sigmoid(x)\n    return s * (1.0 - s)", "e = np.exp(-x)\n    return e / (1 + e) ** 2"),
        advice="nan"),
    rows("in_place", "divides the input in place (x /= norm)",
         ("return x / x_norm", "x /= x_norm\n    return x"),
         advice="changed its argument x in place"),
    soft("naive", "no max subtraction (nan for large scores)",
         ("x - np.max(x, axis=1, keepdims=True)", "x"),
         advice="nan"),
]
# fmt: on


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    ("sigmoid", "hidden"): "no formula is right on the lesson's inputs and wrong on random ones",
    ("image2vector", "values"): "a wrong order on the visible image is also wrong on random images",
    ("normalize_rows", "values"): "a wrong formula is wrong on the visible inputs too",
    ("normalize_rows", "shape"): "x / norm has the input's shape unless the division raises",
    ("softmax", "values"): "as for sigmoid",
    ("softmax", "shape"): "a wrong shape of the (2, 5) example also fails the values",
    ("L1", "values"): "as for sigmoid",
    ("L2", "values"): "as for sigmoid",
    ("propagate_loops", "values"): "as for sigmoid",
    ("propagate_vectorized", "values"): "as for sigmoid",
    ("propagate_vectorized", "hidden"): "agrees_with_loops also runs on random inputs",
    ("propagate_vectorized", "agrees_with_loops"): "disagreeing with correct loops is differing "
    "from the reference on hidden inputs too",
}
