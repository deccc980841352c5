"""Known mistakes for unit 3 (logistic regression), each with the checks it must fail.

A mistake replaces one function; the other functions stay the reference's, so the list of
failed checks shows what the mistake itself breaks.
"""

from autograder.mistakes import mistake

MISTAKES = [
    # ------------------------------------------------------------ 3.1 sigmoid
    mistake(
        "sigmoid",
        "column",
        "reshapes the result into a column",
        """
def sigmoid(z):
    return (1 / (1 + np.exp(-z))).reshape(-1, 1)
""",
        "shape",
        message="but should be",
    ),
    mistake(
        "sigmoid",
        "sign",
        "np.exp(z) instead of np.exp(-z)",
        """
def sigmoid(z):
    return 1 / (1 + np.exp(z))
""",
        "values large_inputs hidden",
        hint="sigma(z) = 1 / (1 + e^(-z)): mind the minus sign.",
    ),
    mistake(
        "sigmoid",
        "ratio_form",
        "e^z / (1 + e^z): inf / inf = NaN for large z",
        """
def sigmoid(z):
    e = np.exp(z)
    return e / (1 + e)
""",
        "large_inputs",
        message="contains NaN",
    ),
    # ------------------------------------------------------------ 3.2 initialize_with_zeros
    mistake(
        "initialize_with_zeros",
        "flat",
        "w = np.zeros(dim), a flat vector",
        """
def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0
""",
        "w_shape",
        message="(dim, 1)",
    ),
    mistake(
        "initialize_with_zeros",
        "int_w",
        "w of integer zeros",
        """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1), dtype=int), 0.0
""",
        "w_shape",
        message="should hold floating-point numbers",
    ),
    mistake(
        "initialize_with_zeros",
        "int_b",
        "b = 0, an int",
        """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0
""",
        "b_float",
        message="should be a Python float but is int",
    ),
    mistake(
        "initialize_with_zeros",
        "tuple_b",
        "b = 0.0, with a trailing comma (a tuple)",
        """
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.0,
    return w, b
""",
        "b_float",
        message="should be a Python float but is tuple",
    ),
    mistake(
        "initialize_with_zeros",
        "random",
        "small random weights instead of zeros",
        """
def initialize_with_zeros(dim):
    return np.random.randn(dim, 1) * 0.01, 0.0
""",
        "values",
        message="w does not match the expected values",
    ),
    # ------------------------------------------------------------ 3.3 propagate
    mistake(
        "propagate",
        "matrix_cost",
        "cost as a (1, 1) array from np.dot",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, cost
""",
        "structure",
        message="should be a number (a float or 0-d array) but is an array of shape (1, 1)",
    ),
    mistake(
        "propagate",
        "flat_dw",
        "dw = np.sum(X * (A - Y), axis=1) / m, a flat vector",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.sum(X * dZ, axis=1) / m, "db": float(np.sum(dZ) / m)}, float(cost)
""",
        "structure",
        message="has shape (2,) but should be (2, 1)",
    ),
    mistake(
        "propagate",
        "no_mean",
        "forgets 1/m everywhere (consistent: passes the gradient check)",
        """
def propagate(w, b, X, Y):
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T), "db": float(np.sum(dZ))}, float(cost)
""",
        "values hidden",
        hint="J, dw and db are averages over the m examples: divide by m.",
    ),
    mistake(
        "propagate",
        "grads_no_mean",
        "divides the cost by m but not the gradients",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T), "db": float(np.sum(dZ))}, float(cost)
""",
        "values gradcheck hidden",
        message="does not match the numeric gradient",
    ),
    mistake(
        "propagate",
        "no_log_1_minus",
        "cost without the (1 - Y) log(1 - A) term",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, float(cost)
""",
        "values gradcheck hidden",
        hint="J needs both Y log A and (1 - Y) log(1 - A).",
    ),
    mistake(
        "propagate",
        "exp_sign",
        "A = 1 / (1 + np.exp(w.T X + b)): the sign of the exponent",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(np.dot(w.T, X) + b))
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, float(cost)
""",
        "values gradcheck hidden",
        message="does not match",
    ),
    mistake(
        "propagate",
        "missing_transpose",
        "np.dot(w, X) instead of np.dot(w.T, X)",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, float(cost)
""",
        "structure values gradcheck hidden",
        message="raised ValueError",
    ),
    mistake(
        "propagate",
        "fixed_m",
        "hard-codes m = 3 (the visible example's size)",
        """
def propagate(w, b, X, Y):
    m = 3
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, float(cost)
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    # ------------------------------------------------------------ 3.4 optimize
    mistake(
        "optimize",
        "array_costs",
        "returns costs as a numpy array",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, np.array(costs)
""",
        "structure",
        message="costs should be a Python list",
    ),
    mistake(
        "optimize",
        "in_place",
        "w -= learning_rate * dw modifies the caller's w",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
        "no_mutation",
        message="changed its argument w in place",
    ),
    mistake(
        "optimize",
        "fixed_learning_rate",
        "hard-codes learning_rate = 0.009",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - 0.009 * grads["dw"]
        b = b - 0.009 * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
        "uses_arguments",
        hint="use the learning_rate argument.",
    ),
    mistake(
        "optimize",
        "fixed_iterations",
        "hard-codes 100 iterations",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(100):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
        "uses_arguments",
        message="params['w'] does not match",
    ),
    mistake(
        "optimize",
        "first_cost_only",
        "records the cost only at i == 0",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
        "uses_arguments",
        hint="record the cost every 100 iterations: i % 100 == 0.",
    ),
    mistake(
        "optimize",
        "every_iteration",
        "records the cost at every iteration",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
        "values uses_arguments hidden",
        message="fix the shape first",
    ),
    mistake(
        "optimize",
        "b_with_dw",
        "updates b with dw",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["dw"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
        "structure values uses_arguments no_mutation hidden",
        message="raised",
    ),
    mistake(
        "optimize",
        "ascent",
        "w + learning_rate * dw (walks uphill)",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w + learning_rate * grads["dw"]
        b = b + learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
        "values uses_arguments hidden",
        hint="step against the gradient: w = w - learning_rate * dw.",
    ),
    # ------------------------------------------------------------ 3.5 predict
    mistake(
        "predict",
        "booleans",
        "returns the boolean array A > 0.5",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return A > 0.5
""",
        "shape",
        message="should hold floating-point numbers but has dtype bool",
    ),
    mistake(
        "predict",
        "at_least",
        "A >= 0.5 (predicts 1 at the threshold)",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A >= 0.5).astype(float)
""",
        "threshold",
        message="have A = 0.5 exactly",
    ),
    mistake(
        "predict",
        "threshold_z",
        "thresholds z = w.T X + b at 0.5 instead of A",
        """
def predict(w, b, X):
    Z = np.dot(w.T, X) + b
    return (Z > 0.5).astype(float)
""",
        "values hidden",
        hint="threshold the probability A = sigmoid(z), not z.",
    ),
    mistake(
        "predict",
        "flat",
        "returns a flat (m,) vector",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A[0] > 0.5).astype(float)
""",
        "shape",
        message="has shape (3,) but should be (1, 3)",
    ),
    # ------------------------------------------------------------ 3.6 model
    mistake(
        "model",
        "no_echo",
        "leaves learning_rate and num_iterations out of the dict",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b}
""",
        "structure",
        message="missing keys ['learning_rate', 'num_iterations']",
    ),
    mistake(
        "model",
        "inlined",
        "copies the training loop into model instead of calling optimize",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X_train, Y_train)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
        "calls_building_blocks",
        message="never calls optimize()",
    ),
    mistake(
        "model",
        "hard_coded",
        "passes 2000 and 0.5 to optimize instead of its arguments",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, 2000, 0.5, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
        "uses_arguments",
        hint="pass num_iterations and learning_rate on to optimize().",
    ),
    mistake(
        "model",
        "optimize_defaults",
        "calls optimize without num_iterations and learning_rate (its defaults 100, 0.009)",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
        "values uses_arguments",
        hint="pass num_iterations and learning_rate on to optimize().",
    ),
    mistake(
        "model",
        "swapped_sets",
        "predicts the test set with X_train and the training set with X_test",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_train),
            "Y_prediction_train": predict(w, b, X_test), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
        "structure values uses_arguments",
        message="(1, m_test)",
    ),
    mistake(
        "model",
        "initial_params",
        "returns the initial w and b instead of the trained ones",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    return {"costs": costs, "Y_prediction_test": predict(params["w"], params["b"], X_test),
            "Y_prediction_train": predict(params["w"], params["b"], X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
        "values uses_arguments",
        hint='return params["w"] and params["b"] from optimize().',
    ),
]


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    ("sigmoid", "values"): "a formula wrong on the visible inputs is also wrong on random ones",
    ("sigmoid", "hidden"): "as for sigmoid values: the visible inputs are generic",
    (
        "propagate",
        "values",
    ): "a formula wrong on the course's example is also wrong on random problems (hidden)",
    (
        "propagate",
        "gradcheck",
    ): "the reference's gradients are those of its cost, so gradients that disagree with the "
    "own cost must differ from the reference's too (values, hidden)",
    (
        "optimize",
        "values",
    ): "an update wrong with the default arguments is also wrong on random problems (hidden)",
    (
        "optimize",
        "hidden",
    ): "the visible example is generic; hard-coded arguments fail uses_arguments instead",
    ("predict", "values"): "as for sigmoid values",
    ("predict", "hidden"): "as for sigmoid hidden",
    (
        "model",
        "values",
    ): "model only wires its building blocks: a wiring mistake that changes the default run "
    "also changes the run with other arguments (uses_arguments)",
}
