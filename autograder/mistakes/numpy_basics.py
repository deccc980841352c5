"""Known mistakes for unit 2 (numpy basics), as variants of the reference.

A table per function (:func:`autograder.mistakes.table`), a row per entry: its id and the mistake
as a teacher would name it, the checks it fails, then the changes to the reference's source and
the hint the student gets (or the message a failing check must contain). Entries with no
``fails`` are the course's own forms, which get full marks and the kit's ``advice``.
"""

from autograder.mistakes import mistake, reasons, table
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
SIGN = (
    "sigma(x) = 1 / (1 + e^(-x)); this code returns sigma(-x) = 1 / (1 + e^x) = e^(-x) / (1 + e^(-x)):"
    " a sign is off."
)
SHAPE = "but should be"
L2_RETURN = "float(np.dot(d, d))"
ROWS_NORM = "np.linalg.norm(x, ord=2, axis=1, keepdims=True)"

# fmt: off
MISTAKES = [
    *table("basic_sigmoid",
        ("sign: returns sigma(-x) = 1 - sigma(x) (math.exp(x) instead of math.exp(-x), or e^(-x) on top)", "values", "hint",
         "(-x)", "(x)", SIGN),
        ("trailing_comma: a trailing comma after the return value makes a 1-tuple", "returns_float", "hint",
         "math.exp(-x))", "math.exp(-x)),", "return 1 / (1 + math.exp(-x)) with no comma at the end."),
    ),
    *table("sigmoid",
        ("column: reshapes the result into a column", "shape", "message",
         "s[()] if s.ndim == 0 else s", "s.reshape(-1, 1)", SHAPE),
        ("sign: returns sigma(-x) = 1 - sigma(x) (np.exp(x) instead of np.exp(-x), or e^(-x) on top)", "values hidden", "hint",
         SIGMOID_BODY, "return 1 / (1 + np.exp(x))", SIGN),
        ("clipped: clips the output to [1e-4, 1 - 1e-4]", "values", "message",
         "s[()] if s.ndim == 0 else s", "np.clip(s, 0.0001, 0.9999)", "sigmoid(x)"),
        ("math_exp: math.exp, which takes one number, on an array", "shape values hidden", "message",
         SIGMOID_BODY, "return 1 / (1 + math.exp(-x))", "sigmoid() calls math.exp, which takes one number"),
        ("number_sign: a number special-cased with math.exp(x) instead of math.exp(-x)", "values", "message",
         "### BEGIN SOLUTION\n", "### BEGIN SOLUTION\n    if np.isscalar(x):\n        return 1 / (1 + math.exp(x))\n", "sigmoid(x)"),
    ),
    *table("sigmoid_derivative",
        ("flat: returns a flat vector", "shape", "message",
         "return s * (1.0 - s)", "return (s * (1.0 - s)).ravel()", SHAPE),
        ("plus: s * (1 + s) instead of s * (1 - s)", "gradcheck", "message",
         "(1.0 - s)", "(1.0 + s)", "does not match the numeric gradient"),
        ("x_for_s: s * (1 - x): x where s = sigmoid(x) belongs", "gradcheck", "hint",
         "(1.0 - s)", "(1.0 - x)", "both factors are s: s * (1 - s)."),
        ("x_for_both: x * (1 - x): the formula on x, not on s = sigmoid(x)", "gradcheck", "hint",
         "return s * (1.0 - s)", "return x * (1.0 - x)", "s = sigmoid(x) first, then s * (1 - s)."),
        ("no_brackets: s * 1 - s, which is s - s = 0 everywhere", "gradcheck", "hint",
         "s * (1.0 - s)", "s * 1.0 - s", "s * 1 - s is s - s, zero everywhere: brackets, s * (1 - s)."),
        ("dot: np.dot(s, 1 - s): a matrix product where the product is elementwise", "shape gradcheck", "hint",
         "s * (1.0 - s)", "np.dot(s, 1.0 - s)", "np.dot multiplies matrices; s * (1 - s) goes entry by entry."),
    ),
    *table("image2vector",
        ("row: reshapes into a row (1, n) instead of a column", "shape", "message",
         "reshape(length * height * depth, 1)", "reshape(1, length * height * depth)", "(length*height*depth, 1)"),
        ("two_dims: reshape(length, height * depth) leaves a dimension", "shape", "hint",
         "reshape(length * height * depth, 1)", "reshape(length, height * depth)", "multiply all three sizes: reshape(length * height * depth, 1), one column."),
        ("fortran: Fortran (column-major) order", "values hidden", "hint",
         "depth, 1)\n", 'depth, 1, order="F")\n', "reshape in the default C order."),
        ("hard_coded: hard-codes the size of the example image, 18", "hidden", "message",
         "reshape(length * height * depth, 1)", "reshape(18, 1)", "reshape(18, 1)"),
        ("notebook_image: reshapes the notebook's t_image instead of its argument image", "hidden", "hint",
         "def image2vector(", f"t_image = np.array({IMAGE.tolist()})\n\n\ndef image2vector(",
         "= image.shape\n", "= t_image.shape\n",
         "return image.reshape(", "return t_image.reshape(", "use the argument image: a notebook variable is the same every time."),
    ),
    *table("normalize_rows",
        ("axis0: normalizes columns (axis=0) instead of rows", "values hidden", "hint",
         "ord=2, axis=1", "ord=2, axis=0", "the norm of each ROW: axis=1, keepdims=True."),
        ("l1_norm: ord=1, the L1 norm, instead of the length of each row", "values hidden", "hint",
         "ord=2, axis=1", "ord=1, axis=1", "ord=1 is the sum of |x|; each row is divided by its length, the L2 norm (ord=2, the default)."),
        ("no_keepdims: norm without keepdims (shape (n,) broadcasts wrongly)", "shape values hidden", "message",
         "axis=1, keepdims=True)\n", "axis=1)\n", "broadcast"),
        ("matrix_norm: divides by the norm of the whole matrix", "values hidden", "hint",
         ROWS_NORM, "np.linalg.norm(x)", "one norm per row: axis=1."),
        ("hard_coded: returns the example's answer", "hidden", "",
         "return x / x_norm", "return np.array([[0.0, 3, 4], [1, 6, 4]]) / [[5.0], [53**0.5]]"),
    ),
    *table("softmax",
        ("axis0: sums over columns (axis=0)", "values hidden", "hint",
         "max(x, axis=1", "max(x, axis=0",
         "sum(x_exp, axis=1", "sum(x_exp, axis=0", "each ROW must sum to 1: axis=1."),
        ("shift_axis0: subtracts the maximum of each column, not of each row", "values hidden", "hint",
         "max(x, axis=1", "max(x, axis=0", "subtract each row's own maximum (axis=1, keepdims=True) or one constant: a shift per column changes each row's result."),
        ("sums_x: divides by the row sums of x instead of those of np.exp(x)", "values hidden", "hint",
         "np.sum(x_exp, axis=1", "np.sum(x, axis=1", "divide by the sum of the exponentials, np.sum(x_exp, axis=1, keepdims=True)."),
        ("transposed: returns the transpose", "shape values hidden", "message",
         "return x_exp / np.sum(x_exp, axis=1, keepdims=True)\n", SOFTMAX_RETURN_T, "has shape (5, 2) but should be (2, 5)"),
        ("no_keepdims: row sums without keepdims (shape (m,))", "shape values hidden", "message",
         "x_exp, axis=1, keepdims=True", "x_exp, axis=1", "broadcast"),
        ("fixed_rows: hard-codes two rows (the example's shape)", "hidden", "",
         "x_exp = np.exp(", "x = x[:2]\n    x_exp = np.exp("),
    ),
    *table("L1",
        ("no_abs: forgets the absolute value", "values hidden", "hint",
         "np.sum(np.abs(y - yhat))", "np.sum(y - yhat)", "|y - yhat|: np.abs."),
        ("mean: averages (np.mean) where the loss is a sum", "values hidden", "hint",
         "float(np.sum(", "float(np.mean(", "L1 adds up the differences: np.sum."),
        ("keepdims: returns a 1-element array", "returns_number", "message",
         "float(np.sum(np.abs(y - yhat)))", "np.sum(np.abs(y - yhat), keepdims=True)", "should be a number"),
        ("hard_coded: returns the example's answer", "hidden", "",
         "float(np.sum(np.abs(y - yhat)))", "1.1"),
    ),
    *table("L2",
        ("from_l1: copied from L1: absolute values instead of squares", "values hidden", "hint",
         L2_RETURN, "float(np.sum(np.abs(d)))", "square the differences: np.dot(d, d)."),
        ("over_length: divides the sum of squares by the number of entries", "values hidden", "hint",
         "np.dot(d, d)", "np.dot(d, d) / len(d)", "L2 adds up the squares: no division by the number of entries."),
        ("square_of_l1: squares the sum of absolute values (the L1 loss squared)", "values hidden", "hint",
         L2_RETURN, "float(np.sum(np.abs(d)) ** 2)", "sum of squares: np.sum(d ** 2), not the square of the L1 sum."),
        ("square_of_sum: squares the sum instead of summing the squares", "values hidden", "hint",
         "np.dot(d, d)", "np.sum(d) ** 2", "sum of squares: np.sum(d ** 2)."),
        ("elementwise: returns the squared differences without summing", "returns_number values hidden", "message",
         L2_RETURN, "d ** 2", "should be a number"),
        ("keepdims: returns a 1-element array", "returns_number", "message",
         L2_RETURN, "np.sum(d ** 2, keepdims=True)", "should be a number"),
        ("hard_coded: returns the example's answer", "hidden", "",
         L2_RETURN, "0.43"),
    ),
    *table("propagate_loops",
        ("no_mean: forgets to divide by m", "values hidden", "hint",
         'dw / m, "db": float(db / m)}, float(cost / m)', 'dw, "db": float(db)}, float(cost)', "J, dw and db are averages over the m examples."),
        ("flat_dw: dw as a flat (n_x,) vector", "structure", "message",
         '"dw": dw / m', '"dw": (dw / m).ravel()', "but should be (2, 1)"),
        ("fixed_m: hard-codes m = 3 (the visible example's size)", "hidden", "message",
         "n_x, m = X.shape", "n_x = X.shape[0]\n    m = 3", "m = 3"),
    ),
    *table("propagate_vectorized",
        ("missing_transpose: np.dot(w, X) instead of np.dot(w.T, X)", "structure no_loops values agrees_with_loops hidden", "",
         "w.T, X", "w, X"),
        ("db_array: db = np.sum(dZ, axis=1, keepdims=True) / m, a (1, 1) array", "structure", "message",
         "np.sum(dZ) / m", "np.sum(dZ, axis=1, keepdims=True) / m",
         '"db": float(db)', '"db": db', "should be a number"),
        ("no_log_1_minus: cost without the (1 - Y) log(1 - A) term", "values agrees_with_loops hidden", "hint",
         " + (1 - Y) * np.log(1 - A)", "", "J needs both Y log A and (1 - Y) log(1 - A)."),
    ),
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
    *table("propagate_vectorized",
        ("hard_coded: returns the visible example's answer", "no_loops agrees_with_loops hidden", "message",
         'return {"dw": dw, "db": float(db)}, float(cost)', EXAMPLE_ANSWER, "disagree")),
    # The course's own forms: full marks, and the kit's advice.
    *table("basic_sigmoid",
        ("np_exp: np.exp, which returns numpy.float64", "", "advice",
         "math.exp(-x)", "np.exp(-x)", "Python float")),
    *table("sigmoid",
        ("textbook: the textbook formula, which overflows at x = -1000", "", "advice",
         SIGMOID_BODY, "return 1 / (1 + np.exp(-x))", "overflow")),
    *table("sigmoid_derivative",
        ("overflow_form: e^-x / (1 + e^-x)^2, nan at x = -800", "", "advice",
         "s = sigmoid(x)\n    return s * (1.0 - s)", "e = np.exp(-x)\n    return e / (1 + e) ** 2", "nan")),
    *table("normalize_rows",
        ("in_place: divides the input in place (x /= norm), which fails on integers", "values", "message",
         "return x / x_norm", "x /= x_norm\n    return x", "an in-place /= on an array of integers")),
    *table("softmax",
        ("naive: no max subtraction (nan for large scores)", "", "advice",
         "x - np.max(x, axis=1, keepdims=True)", "x", "nan")),
]
# fmt: on


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = reasons(
    "sigmoid hidden: no formula is right on the lesson's inputs and wrong on random ones",
    "image2vector values: a wrong order on the visible image is also wrong on random images",
    "normalize_rows shape: x / norm has the input's shape unless the division raises",
    "softmax values: as for sigmoid",
    "softmax shape: a wrong shape of the (2, 5) example also fails the values",
    "L1 values: as for sigmoid",
    "L2 values: as for sigmoid",
    "propagate_loops values: as for sigmoid",
    "propagate_vectorized values: as for sigmoid",
    "propagate_vectorized hidden: agrees_with_loops also runs on random inputs",
    "propagate_vectorized agrees_with_loops: disagreeing with correct loops is differing "
    "from the reference on hidden inputs too",
)
