"""Known mistakes for unit 4 (one hidden layer), each with the checks it must fail.

Mistakes are variants of the reference (:func:`autograder.mistakes.variant`): the text each
changes in the reference function and what it becomes. Entries with ``advice`` are forms the
course accepts and the kit only advises against: they fail no check of a course task.

The list is a table (``fmt: off``): one entry per paragraph, function, id and title on the
first line, the changes next, then what it fails and its hint.
"""

import dataclasses

from autograder.mistakes import Mistake, combine, mistake, variant

W1_DRAW = "W1 = np.random.randn(n_h, n_x) * 0.01"
W2_DRAW = "W2 = np.random.randn(n_y, n_h) * 0.01"
TANH = "return np.sign(z) * (-np.expm1(-2.0 * np.abs(z))) / (1.0 + e)"
RELU_SLOPE = "return np.where(z > 0, 1.0, 0.0)"
COST = "cost = -np.sum(logprobs) / m\n    return float(np.squeeze(cost))"
UPDATE = "parameters = update_parameters(parameters, grads)\n"
LAST_STEP = "parameters = update_parameters(parameters, grads, learning_rate)\n"
SIGNATURE = "keep the signature of the stub: slope=0.01."
OWN_BLOCKS = "differs from what your own building blocks give"


def _flat(function: str, expression: str) -> Mistake:
    """A correct formula whose result is flattened: only the shape check may fail."""
    return variant(
        function,
        "flat",
        "returns a flat vector (ravel) instead of an array shaped like z",
        (f"return {expression}", f"return np.ravel({expression})"),
        fails="shape",
        message="but should be",
    )


def _each(old: str, new: str) -> list[tuple[str, str]]:
    """The same change for each of W1, b1, W2, b2 (``{k}`` in the texts)."""
    return [(old.format(k=k), new.format(k=k)) for k in ("W1", "b1", "W2", "b2")]


# fmt: off
_NO_ONE_MINUS = variant(
    "compute_cost", "no_one_minus", "cost without the (1 - Y) log(1 - A2) term",
    (" + np.multiply(np.log(1.0 - A2), 1.0 - Y)", ""),
    fails="values hidden", hint="J needs both Y log A2 and (1 - Y) log(1 - A2).")
_NO_MEAN = variant(
    "compute_cost", "no_mean", "cost summed, not averaged over m",
    ("cost = -np.sum(logprobs) / m", "cost = -np.sum(logprobs)"),
    fails="values hidden", hint="divide by m, the number of examples: Y.shape[1] (examples are columns).")

MISTAKES = [
    # ------------------------------------------------------------------ 4.1–4.8 activations
    _flat("sigmoid", "1.0 / (1.0 + np.exp(-z))"),
    variant("sigmoid", "sign", "np.exp(z) instead of np.exp(-z)",
            ("np.exp(-z)", "np.exp(z)"),
            fails="values", hint="sigma(z) = 1 / (1 + e^(-z)): mind the minus sign."),
    variant("sigmoid", "clipped", "clips the output to [1e-4, 1 - 1e-4]",
            ("1.0 / (1.0 + np.exp(-z))", "np.clip(1.0 / (1.0 + np.exp(-z)), 0.0001, 0.9999)"),
            fails="values", message="sigmoid(z)"),
    _flat("sigmoid_derivative", "a * (1.0 - a)"),
    variant("sigmoid_derivative", "z_as_a", "z * (1 - z): treats the input as the activation a",
            ("return a * (1.0 - a)", "return z * (1.0 - z)"),
            fails="gradcheck", hint="the argument is z; compute a = sigmoid(z) first."),
    _flat("tanh", TANH[len("return "):]),
    variant("tanh", "np_tanh", "re-exports np.tanh instead of implementing it",
            (TANH, "return np.tanh(z)"),
            fails="own_implementation", message="uses np.tanh"),
    variant("tanh", "naive_overflow", "(e^z - e^-z) / (e^z + e^-z) gives inf / inf = NaN for large z",
            (TANH, "return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))"),
            fails="large_inputs", message="contains NaN"),
    variant("tanh", "overflow_warning", "2 / (1 + e^(-2z)) - 1: right values, an overflow warning",
            (TANH, "return 2.0 / (1.0 + np.exp(-2.0 * z)) - 1.0"),
            advice="never overflows"),
    variant("tanh", "half_exponent", "e^(-|z|) instead of e^(-2|z|) (computes tanh(z / 2))",
            ("np.exp(-2.0", "np.exp(-1.0"), ("np.expm1(-2.0", "np.expm1(-1.0"),
            fails="values", hint="tanh(z) = sign(z) (1 - e^(-2|z|)) / (1 + e^(-2|z|)): the exponent has a 2."),
    _flat("tanh_derivative", "1.0 - a**2"),
    variant("tanh_derivative", "no_square", "1 - tanh(z) without the square",
            ("return 1.0 - a**2", "return 1.0 - a"),
            fails="gradcheck", hint="the slope of tanh is 1 - a ** 2."),
    _flat("relu", "np.maximum(0.0, z)"),
    variant("relu", "in_place", "sets the negative entries of z to 0 in place",
            ("return np.maximum(0.0, z)", "z[z < 0] = 0\n    return z"),
            fails="no_mutation", message="changed its argument z in place"),
    variant("relu", "abs", "np.abs(z) instead of max(0, z)",
            ("np.maximum(0.0, z)", "np.abs(z)"),
            fails="values", hint="relu keeps positive entries and sets negative ones to 0: np.maximum(0, z)."),
    variant("relu_derivative", "boolean", "returns booleans (z > 0) instead of floats",
            (RELU_SLOPE, "return z > 0"),
            fails="shape", message="should hold floating-point numbers"),
    variant("relu_derivative", "half_at_zero", "(sign(z) + 1) / 2 gives 0.5 at z = 0",
            (RELU_SLOPE, "return (np.sign(z) + 1) / 2"),
            fails="at_zero", message="should be 0 or 1"),
    variant("relu_derivative", "returns_relu", "returns relu(z) instead of its slope",
            (RELU_SLOPE, "return np.maximum(0, z)"),
            fails="gradcheck", hint="the slope is 1 (not z) where z > 0."),
    _flat("leaky_relu", "np.where(z > 0, z, slope * z)"),
    variant("leaky_relu", "hard_coded_slope", "uses 0.01 instead of the slope argument",
            ("slope * z)", "0.01 * z)"),
            fails="slope_argument", hint="multiply by slope, not by the number 0.01."),
    variant("leaky_relu", "in_place", "scales the negative entries of z in place",
            ("return np.where(z > 0, z, slope * z)", "z[z <= 0] *= slope\n    return z"),
            fails="no_mutation", message="changed its argument z in place"),
    variant("leaky_relu", "default_slope", "default slope 0.1 instead of 0.01",
            ("slope: float = 0.01", "slope: float = 0.1"),
            fails="values", hint=SIGNATURE),
    _flat("leaky_relu_derivative", "np.where(z > 0, 1.0, slope)"),
    variant("leaky_relu_derivative", "hard_coded_slope", "uses 0.01 instead of the slope argument",
            ("1.0, slope)\n", "1.0, 0.01)\n"),
            fails="slope_argument", hint="return slope (the argument) where z < 0."),
    variant("leaky_relu_derivative", "default_slope", "default slope 0.1 instead of 0.01",
            ("slope: float = 0.01", "slope: float = 0.1"),
            fails="gradcheck", hint=SIGNATURE),
    # ------------------------------------------------------------------ 4.9 layer_sizes
    variant("layer_sizes", "columns", "reads the sizes from the columns (the number of examples)",
            ("n_x = X.shape[0]", "n_x = X.shape[1]"), ("n_y = Y.shape[0]", "n_y = Y.shape[1]"),
            fails="values hidden", message="n_x is X.shape[1], the number of examples",
            hint="rows are features, columns are examples: n_x = X.shape[0]."),
    variant("layer_sizes", "floats", "returns the sizes as floats",
            ("return (n_x, n_h, n_y)", "return (float(n_x), float(n_h), float(n_y))"),
            fails="structure", message="should be an int"),
    variant("layer_sizes", "n_x", "n_x hard-coded to the input size of the notebook's test case",
            ("n_x = X.shape[0]", "n_x = 5"),
            fails="values hidden", message="n_x is always 5 (hard-coded)",
            hint="read the input size from the data: n_x = X.shape[0]."),
    variant("layer_sizes", "n_h", "n_h hard-coded to another size than the lesson's 4",
            ("    n_h = 4\n", "    n_h = 6\n"),
            fails="values hidden", message="n_h is 6, but the lesson's hidden layer has 4 units",
            hint="this lesson's hidden layer has n_h = 4 units, whatever the data."),
    variant("layer_sizes", "array", "returns the data X itself instead of its size X.shape[0]",
            ("n_x = X.shape[0]", "n_x = X"),
            fails="structure values hidden", message="n_x is the array X itself, not its size X.shape[0]"),
    variant("layer_sizes", "hard_coded", "returns the answer of the notebook's test case, (5, 4, 2)",
            ("return (n_x, n_h, n_y)", "return (5, 4, 2)"),
            fails="values hidden", message="n_x is always 5 (hard-coded), but should be X.shape[0] = 5 and 3"),
    # ------------------------------------------------------------------ 4.10 initialize_parameters
    variant("initialize_parameters", "zeros", "initializes the weights with zeros",
            (W1_DRAW, "W1 = np.zeros((n_h, n_x))"), (W2_DRAW, "W2 = np.zeros((n_y, n_h))"),
            fails="not_zero distinct_units units_stay_distinct", message="is all zeros",
            hint="zero weights keep every hidden unit identical: np.random.randn(...) * 0.01."),
    variant("initialize_parameters", "w2_zeros", "W2 initialized with zeros",
            (W2_DRAW, "W2 = np.zeros((n_y, n_h))"),
            fails="not_zero", message="W2 is all zeros"),
    variant("initialize_parameters", "one_row", "draws one row of W1 and repeats it for every hidden unit",
            (W1_DRAW, "W1 = np.tile(np.random.randn(1, n_x) * 0.01, (n_h, 1))"),
            fails="distinct_units", message="start with the same weights"),
    variant("initialize_parameters", "constant", "fills the weights with the constant 0.01",
            (W1_DRAW, "W1 = np.full((n_h, n_x), 0.01)"), (W2_DRAW, "W2 = np.full((n_y, n_h), 0.01)"),
            fails="distinct_units signs units_stay_distinct", message="are still identical"),
    variant("initialize_parameters", "unscaled", "np.random.randn without the 0.01 factor",
            (W1_DRAW, W1_DRAW[:-7]), (W2_DRAW, W2_DRAW[:-7]),
            fails="scale", message="should be about 0.01"),
    variant("initialize_parameters", "w2_unscaled", "W2 drawn without the 0.01 factor",
            (W2_DRAW, W2_DRAW[:-7]),
            fails="scale", message="the weights of W2 have root-mean-square"),
    variant("initialize_parameters", "double_scale", "np.random.randn(...) * 0.02 instead of * 0.01",
            (W1_DRAW, W1_DRAW.replace("0.01", "0.02")), (W2_DRAW, W2_DRAW.replace("0.01", "0.02")),
            fails="scale", message="the course scales the draws by 0.01"),
    variant("initialize_parameters", "bias_ones", "biases initialized with np.ones instead of np.zeros",
            ("b1 = np.zeros((n_h, 1))", "b1 = np.ones((n_h, 1))"),
            ("b2 = np.zeros((n_y, 1))", "b2 = np.ones((n_y, 1))"),
            fails="scale", message="b1 should start at zero"),
    variant("initialize_parameters", "uniform", "np.random.rand (uniform on [0, 1), all positive) instead of randn",
            (W1_DRAW, W1_DRAW.replace("randn", "rand")), (W2_DRAW, W2_DRAW.replace("randn", "rand")),
            fails="signs", message="100% of the weights of W1 are positive"),
    variant("initialize_parameters", "w2_uniform", "W2 drawn with np.random.rand (all positive)",
            (W2_DRAW, W2_DRAW.replace("randn", "rand")),
            fails="signs", message="100% of the weights of W2 are positive"),
    variant("initialize_parameters", "seeds_inside", "calls np.random.seed(3) inside the function",
            (W1_DRAW, f"np.random.seed(3)\n    {W1_DRAW}"),
            fails="follows_seed",
            message="the function seeds its own generator"),
    variant("initialize_parameters", "template_seed", "np.random.seed(2) inside, as the 2017–2020 template",
            (W1_DRAW, f"np.random.seed(2)\n    {W1_DRAW}"),
            advice="older course template's line, accepted"),
    variant("initialize_parameters", "clock_seed", "reseeds from the clock with np.random.seed()",
            (W1_DRAW, f"np.random.seed()\n    {W1_DRAW}"),
            fails="reproducible", message="returned different parameters"),
    variant("initialize_parameters", "fresh_generator", "draws from a fresh np.random.default_rng()",
            (W1_DRAW, "rng = np.random.default_rng()\n    W1 = rng.standard_normal((n_h, n_x)) * 0.01"),
            (W2_DRAW, "W2 = rng.standard_normal((n_y, n_h)) * 0.01"),
            fails="reproducible", message="returned different parameters"),
    variant("initialize_parameters", "transposed", "W1 of shape (n_x, n_h) instead of (n_h, n_x)",
            (W1_DRAW, "W1 = np.random.randn(n_x, n_h) * 0.01"),
            fails="structure", message="should be (5, 3) = (n_h, n_x)"),
    # ------------------------------------------------------------------ 4.11 forward_propagation
    variant("forward_propagation", "transposed", "np.dot(X.T, W1.T): examples as rows",
            ("Z1 = np.dot(W1, X) + b1", "Z1 = np.dot(X.T, W1.T) + b1.T"),
            ("Z2 = np.dot(W2, A1) + b2", "Z2 = np.dot(A1, W2.T) + b2.T"),
            fails="structure values hidden",
            message="but should be (4, 5) = (n_h, m)"),
    variant("forward_propagation", "relu_hidden", "relu instead of tanh in the hidden layer",
            ("A1 = np.tanh(Z1)", "A1 = np.maximum(0, Z1)"),
            fails="values hidden", hint="the hidden layer of this lesson uses tanh."),
    variant("forward_propagation", "no_sigmoid", "returns Z2 as the output: no sigmoid on the output layer",
            ("A2 = 1.0 / (1.0 + np.exp(-Z2))", "A2 = Z2"),
            fails="values hidden", hint="the output unit is a sigmoid: A2 = sigmoid(Z2)."),
    variant("forward_propagation", "flat_output", "returns A2 as a flat vector",
            ("return A2, cache", "return A2.ravel(), cache"),
            fails="structure", message="A2 has shape (5,) but should be (1, 5) = (n_y, m)"),
    # ------------------------------------------------------------------ 4.12 compute_cost
    _NO_ONE_MINUS,
    _NO_MEAN,
    combine("notebook_hint", "the notebook hint's cost: only Y log(A2), summed (no (1 - Y) term, no 1/m)",
            _NO_ONE_MINUS, _NO_MEAN,
            fails="values hidden",
            hint="the hint shows one term only: J = -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2))."),
    variant("compute_cost", "numpy_scalar", "returns np.squeeze(cost), a numpy.float64 (the course's line)",
            (COST, COST.replace("float(np.squeeze(cost))", "np.squeeze(cost)")),
            advice="prefers a Python float"),
    variant("compute_cost", "dot_11", "np.dot form returns a (1, 1) array",
            (COST, "return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m"),
            fails="returns_number",
            message="should be a number (a float or 0-d array) but is an array of shape (1, 1)"),
    # ------------------------------------------------------------------ 4.13 backward_propagation
    variant("backward_propagation", "no_transpose", "np.dot(dZ2, A1) without the transpose",
            ("np.dot(dZ2, A1.T)", "np.dot(dZ2, A1)"),
            fails="structure gradcheck", message="ValueError"),
    variant("backward_propagation", "no_keepdims", "db1 summed without keepdims (shape (n_h,))",
            ("db1 = np.sum(dZ1, axis=1, keepdims=True)", "db1 = np.sum(dZ1, axis=1)"),
            fails="structure",
            message="has shape (4,) but should be (4, 1) = (n_h, 1), the shape of b1"),
    variant("backward_propagation", "no_keepdims_db2", "db2 summed without keepdims (shape (1,))",
            ("db2 = np.sum(dZ2, axis=1, keepdims=True)", "db2 = np.sum(dZ2, axis=1)"),
            fails="structure"),
    variant("backward_propagation", "tanh_slope", "(1 - A1) instead of (1 - A1 ** 2) in dZ1",
            ("(1.0 - np.power(A1, 2))", "(1.0 - A1)"),
            fails="gradcheck", message="dW1, db1 do not match the numeric gradient (n_x=3, n_h=4, m=5)"),
    variant("backward_propagation", "no_mean", "gradients not divided by m",
            ("dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(dZ2, A1.T)"),
            ("keepdims=True) / m\n    dZ1", "keepdims=True)\n    dZ1"),
            ("dW1 = np.dot(dZ1, X.T) / m", "dW1 = np.dot(dZ1, X.T)"),
            ("db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1, keepdims=True)"),
            fails="gradcheck", message="db2 max relative error"),
    variant("backward_propagation", "recomputes_tanh", "recomputes tanh(Z1) and sigmoid(Z2) from the cache's Z",
            ('A1 = cache["A1"]', 'A1 = np.tanh(cache["Z1"])'),
            ('A2 = cache["A2"]', 'A2 = 1.0 / (1.0 + np.exp(-cache["Z2"]))'),
            advice="recomputes the activations from Z1 and Z2"),
    variant("backward_propagation", "in_place", "dZ2 = A2; dZ2 -= Y changes the cache's A2 in place",
            ("dZ2 = A2 - Y", "dZ2 = A2\n    dZ2 -= Y"),
            advice="changed the dict cache it was given"),
    variant("backward_propagation", "db2_all_axes", "db2 summed over every axis (right only for one output unit)",
            ("np.sum(dZ2, axis=1, keepdims=True)", "np.sum(dZ2, keepdims=True)"),
            advice="not for n_y = 2"),
    variant("backward_propagation", "broadcast_product", "W2.T * dZ2 (broadcast) instead of np.dot(W2.T, dZ2)",
            ("np.dot(W2.T, dZ2)", "W2.T * dZ2"),
            advice="not for n_y = 2"),
    # ------------------------------------------------------------------ 4.14 update_parameters
    dataclasses.replace(
        mistake("update_parameters", "in_place", "updates the caller's arrays in place (-=)", """
def update_parameters(parameters, grads, learning_rate=1.2):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
""", ""),
        message="", advice="changed the dict parameters it was given"),
    variant("update_parameters", "ascent", "adds the gradient instead of subtracting it",
            *_each('"{k}": parameters["{k}"] - ', '"{k}": parameters["{k}"] + '),
            fails="values hidden", hint="gradient DEScent: theta - learning_rate * dtheta."),
    variant("update_parameters", "default_rate", "default learning rate 0.01 instead of 1.2",
            ("learning_rate: float = 1.2", "learning_rate: float = 0.01"),
            fails="values",
            message="update_parameters(parameters, grads)['W1'] does not match",
            hint="keep the course's default: learning_rate=1.2 (nn_model relies on it)."),
    variant("update_parameters", "ignores_rate", "always uses 1.2, ignoring the learning_rate argument",
            *_each('"{k}": parameters["{k}"] - learning_rate', '"{k}": parameters["{k}"] - 1.2'),
            fails="hidden", message="wrong values on hidden inputs"),
    variant("update_parameters", "flat_bias", "returns the biases as flat vectors",
            ('"b1": parameters["b1"] - learning_rate * grads["db1"]',
             '"b1": (parameters["b1"] - learning_rate * grads["db1"]).ravel()'),
            fails="structure", message="(n_h, 1)"),
    # ------------------------------------------------------------------ 4.15 nn_model
    variant("nn_model", "inlined_forward", "repeats the forward pass inline instead of calling forward_propagation",
            ("A2, cache = forward_propagation(X, parameters)",
             'Z1 = np.dot(parameters["W1"], X) + parameters["b1"]\n        A1 = np.tanh(Z1)\n'
             '        Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]\n'
             '        A2 = 1 / (1 + np.exp(-Z2))\n        cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}'),
            fails="uses_blocks", message="does not call forward_propagation()"),
    variant("nn_model", "hard_coded_n_h", "takes n_h from layer_sizes (always 4) instead of the argument",
            ("initialize_parameters(n_x, n_h, n_y)\n", "initialize_parameters(*layer_sizes(X, Y))\n"),
            fails="structure"),
    variant("nn_model", "no_seed", "does not call np.random.seed(3)",
            ("    np.random.seed(3)\n    n_x", "    n_x"),
            fails="matches_own_blocks", message=OWN_BLOCKS),
    variant("nn_model", "rate_05", "passes learning_rate=0.5 to update_parameters (a widely copied tutorial's line)",
            (UPDATE, UPDATE.replace("grads)", "grads, learning_rate=0.5)")),
            fails="matches_own_blocks", message=OWN_BLOCKS,
            hint="call update_parameters(parameters, grads) with its default learning rate, 1.2, as the course does."),
    variant("nn_model", "double_update", "applies the update twice per iteration",
            (UPDATE, UPDATE + "        " + UPDATE),
            fails="matches_own_blocks", message=OWN_BLOCKS),
    variant("nn_model", "every_100", "prints the cost every 100 iterations instead of every 1000",
            ("i % 1000 == 0", "i % 100 == 0"),
            fails="prints_cost", message="(iterations 0, 100, 200,"),
    variant("nn_model", "wrapped", "returns {'parameters': parameters, 'costs': costs}",
            ("    return parameters\n", '    return {"parameters": parameters, "costs": []}\n'),
            fails="structure", message="holding the parameters dict one level down"),
    variant("nn_model", "always_prints", "prints the cost whether print_cost is True or not",
            ("if print_cost and i % 1000 == 0", "if i % 1000 == 0"),
            fails="prints_cost", message="although print_cost was False"),
    # ------------------------------------------------------------------ 4.16 predict
    variant("predict", "probabilities", "returns A2 (probabilities) instead of 0/1 predictions",
            ("return A2 > 0.5", "return A2"),
            fails="agrees_with_forward", hint="threshold the output: A2 > 0.5."),
    variant("predict", "inverted", "A2 < 0.5: the classes swapped",
            ("return A2 > 0.5", "return A2 < 0.5"),
            fails="agrees_with_forward", hint="class 1 is where A2 > 0.5."),
    variant("predict", "ge", "A2 >= 0.5 instead of A2 > 0.5",
            ("return A2 > 0.5", "return A2 >= 0.5"),
            advice="every output A2 is exactly 0.5, and predict gives 1"),
    variant("predict", "flat", "returns a flat vector of predictions",
            ("return A2 > 0.5", "return (A2 > 0.5).ravel()"),
            fails="shape", message="but should be (1, 12) = (1, m)"),
    # ------------------------------------------------------------------ 4.17 train_with_restarts
    variant("train_with_restarts", "keeps_last", "returns the parameters of the last restart, not the best",
            ("return best_parameters, final_costs", "return parameters, final_costs"),
            fails="keeps_best"),
    variant("train_with_restarts", "argmax", "keeps the restart with the highest cost",
            ("best_cost = np.inf", "best_cost = -np.inf"), ("if cost < best_cost:", "if cost > best_cost:"),
            fails="keeps_best"),
    variant("train_with_restarts", "loop_cost", "records the cost of the last iteration (before the last update)",
            ("            " + LAST_STEP, "            cost = compute_cost(A2, Y)\n            " + LAST_STEP),
            ("        A2, _ = forward_propagation(X, parameters)\n        cost = compute_cost(A2, Y)\n", ""),
            fails="matches_own_blocks"),
    variant("train_with_restarts", "same_seed", "seeds np.random.seed(seed) for every restart, not seed + r",
            ("    np.random.seed(seed + r)\n", "    np.random.seed(seed)\n"),
            fails="matches_own_blocks keeps_best restarts_differ"),
    variant("train_with_restarts", "costs_array", "returns the final costs as a numpy array",
            ("return best_parameters, final_costs", "return best_parameters, np.array(final_costs)"),
            fails="structure", message="should be a list of 4 numbers"),
    variant("train_with_restarts", "hard_coded_restarts", "hard-codes 3 restarts instead of num_restarts",
            ("for r in range(num_restarts):", "for r in range(3):"),
            fails="structure matches_own_blocks", message="should be a list of 4 numbers"),
    variant("train_with_restarts", "ignores_rate", "ignores the learning_rate argument (update_parameters' default)",
            (LAST_STEP, LAST_STEP.replace(", learning_rate)", ")")),
            fails="matches_own_blocks keeps_best", message=OWN_BLOCKS),
]
# fmt: on

#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    ("initialize_parameters", "units_stay_distinct"): "units can only stay identical in "
    "training if they start identical, which distinct_units already catches",
    ("layer_sizes", "values"): "a size wrong on the visible data is wrong on random data too",
    ("layer_sizes", "hidden"): "the visible data has two sizes, so only a function that "
    "special-cases them could be wrong on random data alone",
    ("forward_propagation", "values"): "a formula wrong on the visible network is also wrong "
    "on random networks (hidden)",
    ("forward_propagation", "hidden"): "an answer right on the visible network only is a "
    "hard-coded one, whose wrong shapes also break the composites",
    ("compute_cost", "values"): "a formula wrong on the visible outputs is wrong on random ones",
    ("compute_cost", "hidden"): "as for values: wrong formulas fail both",
    ("train_with_restarts", "restarts_differ"): "restarts that start alike are seeded alike, "
    "which also differs from your blocks' runs from seed + r (matches_own_blocks)",
}
