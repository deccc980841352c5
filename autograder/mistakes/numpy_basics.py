"""Known mistakes for unit 2 (numpy basics), each with the checks it must fail."""

from autograder.mistakes import mistake

MISTAKES = [
    mistake(
        "basic_sigmoid",
        "np_exp",
        "np.exp instead of math.exp (returns numpy.float64)",
        """
def basic_sigmoid(x):
    return 1 / (1 + np.exp(-x))
""",
        "returns_float",
        message="should be a Python float",
    ),
    mistake(
        "basic_sigmoid",
        "sign",
        "math.exp(x) instead of math.exp(-x)",
        """
def basic_sigmoid(x):
    return 1 / (1 + math.exp(x))
""",
        "values",
        hint="sigma(x) = 1 / (1 + e^(-x)): mind the minus sign.",
    ),
    mistake(
        "sigmoid",
        "column",
        "reshapes the result into a column",
        """
def sigmoid(x):
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    return s.reshape(-1, 1)
""",
        "shape",
        message="but should be",
    ),
    mistake(
        "sigmoid",
        "sign",
        "np.exp(x) instead of np.exp(-x)",
        """
def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, e / (1 + e), 1 / (1 + e))
""",
        "values large_inputs hidden",
        hint="sigma(x) = 1 / (1 + e^(-x)): mind the minus sign.",
    ),
    mistake(
        "sigmoid",
        "naive_overflow",
        "the textbook formula overflows for x = -1000",
        """
def sigmoid(x):
    return 1 / (1 + np.exp(-x))
""",
        "large_inputs",
        message="overflow encountered in exp",
    ),
    mistake(
        "sigmoid_derivative",
        "flat",
        "returns a flat vector",
        """
def sigmoid_derivative(x):
    s = sigmoid(x)
    return (s * (1 - s)).ravel()
""",
        "shape",
        message="but should be",
    ),
    mistake(
        "sigmoid_derivative",
        "overflow_form",
        "e^-x / (1 + e^-x)^2 overflows to NaN",
        """
def sigmoid_derivative(x):
    e = np.exp(-x)
    return e / (1 + e) ** 2
""",
        "gradcheck",
        message="max relative error nan",
    ),
    mistake(
        "sigmoid_derivative",
        "plus",
        "s * (1 + s) instead of s * (1 - s)",
        """
def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 + s)
""",
        "gradcheck",
        message="does not match the numeric gradient",
    ),
    mistake(
        "image2vector",
        "row",
        "reshapes into a row (1, n) instead of a column",
        """
def image2vector(image):
    return image.reshape(1, -1)
""",
        "shape",
        message="(length*height*depth, 1)",
    ),
    mistake(
        "image2vector",
        "fortran",
        "Fortran (column-major) order",
        """
def image2vector(image):
    return image.reshape(-1, 1, order="F")
""",
        "values hidden",
        hint="reshape in the default C order.",
    ),
    mistake(
        "image2vector",
        "hard_coded",
        "hard-codes the size of the example image",
        """
def image2vector(image):
    return image.reshape(18, 1)
""",
        "hidden",
        message="raised ValueError",
    ),
    mistake(
        "normalize_rows",
        "in_place",
        "divides the input in place (x /= norm)",
        """
def normalize_rows(x):
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x
""",
        "no_mutation",
        message="changed its argument x in place",
    ),
    mistake(
        "normalize_rows",
        "axis0",
        "normalizes columns (axis=0) instead of rows",
        """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)
""",
        "values hidden",
        hint="the norm of each ROW: axis=1, keepdims=True.",
    ),
    mistake(
        "normalize_rows",
        "no_keepdims",
        "norm without keepdims (shape (n,) broadcasts wrongly)",
        """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1)
""",
        "shape values no_mutation hidden",
        message="ValueError",
    ),
    mistake(
        "softmax",
        "axis0",
        "sums over columns (axis=0)",
        """
def softmax(x):
    e = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
""",
        "values large_inputs hidden",
        hint="each ROW must sum to 1: axis=1.",
    ),
    mistake(
        "softmax",
        "naive",
        "no max subtraction (NaN for large scores)",
        """
def softmax(x):
    e = np.exp(x)
    return e / np.sum(e, axis=1, keepdims=True)
""",
        "large_inputs",
        message="contains NaN",
    ),
    mistake(
        "softmax",
        "transposed",
        "returns the transpose",
        """
def softmax(x):
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return (e / np.sum(e, axis=1, keepdims=True)).T
""",
        "shape values large_inputs hidden",
        message="has shape (5, 2) but should be (2, 5)",
    ),
    mistake(
        "L1",
        "no_abs",
        "forgets the absolute value",
        """
def L1(yhat, y):
    return np.sum(y - yhat)
""",
        "values hidden",
        hint="|y - yhat|: np.abs.",
    ),
    mistake(
        "L1",
        "keepdims",
        "returns a 1-element array",
        """
def L1(yhat, y):
    return np.sum(np.abs(y - yhat), keepdims=True)
""",
        "returns_number",
        message="should be a number",
    ),
    mistake(
        "L1",
        "hard_coded",
        "returns the example's answer",
        """
def L1(yhat, y):
    return 1.1
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    mistake(
        "L2",
        "abs",
        "sum of absolute values instead of squares",
        """
def L2(yhat, y):
    return np.sum(np.abs(y - yhat))
""",
        "values hidden",
        hint="square the differences: np.dot(d, d) or np.sum(d ** 2).",
    ),
    mistake(
        "L2",
        "elementwise",
        "returns the squared differences without summing",
        """
def L2(yhat, y):
    return (y - yhat) ** 2
""",
        "returns_number values hidden",
        message="should be a number",
    ),
    mistake(
        "L2",
        "keepdims",
        "returns a 1-element array",
        """
def L2(yhat, y):
    return np.sum((y - yhat) ** 2, keepdims=True)
""",
        "returns_number",
        message="should be a number",
    ),
    mistake(
        "L2",
        "hard_coded",
        "returns the example's answer",
        """
def L2(yhat, y):
    return 0.43
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    mistake(
        "propagate_loops",
        "no_mean",
        "forgets to divide by m",
        """
def propagate_loops(w, b, X, Y):
    n_x, m = X.shape
    cost, dw, db = 0.0, np.zeros((n_x, 1)), 0.0
    for i in range(m):
        a = float(sigmoid(float(np.dot(w[:, 0], X[:, i])) + b))
        cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        for j in range(n_x):
            dw[j, 0] += X[j, i] * (a - Y[0, i])
        db += a - Y[0, i]
    return {"dw": dw, "db": float(db)}, float(cost)
""",
        "values hidden propagate_vectorized.agrees_with_loops",
        hint="average over the m examples.",
    ),
    mistake(
        "propagate_loops",
        "flat_dw",
        "dw as a flat (n_x,) vector",
        """
def propagate_loops(w, b, X, Y):
    grads, cost = propagate_vectorized(w, b, X, Y)
    return {"dw": grads["dw"].ravel(), "db": grads["db"]}, cost
""",
        "structure",
        message="but should be (2, 1)",
    ),
    mistake(
        "propagate_loops",
        "fixed_m",
        "hard-codes m = 3 (the visible example's size)",
        """
def propagate_loops(w, b, X, Y):
    n_x = X.shape[0]
    m = 3
    cost, dw, db = 0.0, np.zeros((n_x, 1)), 0.0
    for i in range(m):
        a = float(sigmoid(float(np.dot(w[:, 0], X[:, i])) + b))
        cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        for j in range(n_x):
            dw[j, 0] += X[j, i] * (a - Y[0, i])
        db += a - Y[0, i]
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
""",
        "hidden propagate_vectorized.agrees_with_loops",
        message="wrong values on hidden inputs",
    ),
    mistake(
        "propagate_vectorized",
        "loop_over_m",
        "loops over the examples",
        """
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    dw = np.zeros(w.shape)
    db = 0.0
    cost = 0.0
    for i in range(m):
        a = sigmoid(np.dot(w.T, X[:, i:i + 1]) + b)
        cost -= float(np.sum(Y[:, i] * np.log(a) + (1 - Y[:, i]) * np.log(1 - a)))
        dw += X[:, i:i + 1] * (a - Y[:, i])
        db += float(np.sum(a - Y[:, i]))
    return {"dw": dw / m, "db": db / m}, cost / m
""",
        "no_loops",
        message="contains a Python loop",
    ),
    mistake(
        "propagate_vectorized",
        "calls_loops",
        "calls the loop version",
        """
def propagate_vectorized(w, b, X, Y):
    return propagate_loops(w, b, X, Y)
""",
        "no_loops",
        message="which contains a Python loop",
    ),
    mistake(
        "propagate_vectorized",
        "tuple_db",
        "adds b as a tuple / returns db as an array",
        """
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": np.sum(dZ, axis=1, keepdims=True) / m}, float(cost)
""",
        "structure",
        message="should be a number",
    ),
    mistake(
        "propagate_vectorized",
        "no_log_1_minus",
        "cost without the (1 - Y) log(1 - A) term",
        """
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, float(cost)
""",
        "values agrees_with_loops hidden",
        hint="J needs both Y log A and (1 - Y) log(1 - A).",
    ),
    mistake(
        "propagate_vectorized",
        "hard_coded",
        "returns the visible example's answer",
        """
def propagate_vectorized(w, b, X, Y):
    return {"dw": np.array([[0.9984560146379561], [2.395072388486207]]), "db": 0.001455578136784208}, 5.801545319394553
""",
        "agrees_with_loops hidden",
        message="disagree",
    ),
    mistake(
        "normalize_rows",
        "hard_coded",
        "returns the example's answer",
        """
def normalize_rows(x):
    r = np.sqrt(53.0)
    return np.array([[0.0, 0.6, 0.8], [1 / r, 6 / r, 4 / r]])
""",
        "hidden",
        message="known mistake: returns the example's answer",
    ),
    mistake(
        "softmax",
        "fixed_rows",
        "hard-codes two rows (the example's shape)",
        """
def softmax(x):
    x = x[:2]
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
""",
        "hidden",
        message="known mistake: hard-codes two rows",
    ),
]


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    ("sigmoid", "values"): "a formula wrong on the visible inputs is also wrong on random ones",
    # The sigmoid's hidden check: no realistic formula is right on [1, 2, 3] and the (2, 3)
    # example yet wrong on random arrays, short of hard-coding, which breaks the shape check.
    ("image2vector", "values"): "a wrong order on the visible image is also wrong on random images",
    ("normalize_rows", "values"): "as for sigmoid",
    (
        "normalize_rows",
        "shape",
    ): "normalize_rows returns x / norm, whose shape only breaks by raising",
    ("softmax", "values"): "as for sigmoid",
    ("softmax", "shape"): "a wrong shape of the (2, 5) example also fails the values",
    ("L1", "values"): "as for sigmoid",
    ("L2", "values"): "as for sigmoid",
    ("propagate_loops", "values"): "as for sigmoid",
    ("propagate_vectorized", "values"): "as for sigmoid",
    ("sigmoid", "hidden"): "as for sigmoid values",
    (
        "propagate_loops",
        "hidden",
    ): "propagate_vectorized's agrees_with_loops also runs the loops on random inputs",
    (
        "propagate_vectorized",
        "hidden",
    ): "agrees_with_loops also runs on random inputs; a wrong answer fails both",
    (
        "propagate_vectorized",
        "agrees_with_loops",
    ): "disagreeing with correct loops means differing from the reference on hidden inputs",
}
