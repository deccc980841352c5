"""Known mistakes for unit 4 (one hidden layer), each with the checks it must fail.

Mistakes are variants of the reference (:func:`autograder.mistakes.variant`): the text each
changes in the reference function and what it becomes. Entries with ``advice`` are forms the
course accepts and the kit only advises against: they fail no check of a course task.

The list is a table per function (:func:`autograder.mistakes.table`, ``fmt: off``), a row per
entry: id and title, what it fails and the fields its texts fill on the first line, the changes
next, then the texts (the message a failing check must contain, the hint).
"""

import dataclasses

from autograder.mistakes import combine, edits, mistake, reasons, table

W1_DRAW = "W1 = np.random.randn(n_h, n_x) * 0.01"
W2_DRAW = "W2 = np.random.randn(n_y, n_h) * 0.01"
TANH = "return np.sign(z) * (-np.expm1(-2.0 * np.abs(z))) / (1.0 + e)"
RELU_SLOPE = "return np.where(z > 0, 1.0, 0.0)"
COST = "cost = -np.sum(logprobs) / m\n    return float(np.squeeze(cost))"
UPDATE = "parameters = update_parameters(parameters, grads)\n"
LAST_STEP = "parameters = update_parameters(parameters, grads, learning_rate)\n"
SIGNATURE = "keep the signature of the stub: slope=0.01."
OWN_BLOCKS = "differs from what your own building blocks give"


def _flat(expression: str) -> tuple[str, ...]:
    """The row of a correct formula whose result is flattened: only the shape check may fail."""
    title = "flat: returns a flat vector (ravel) instead of an array shaped like z"
    old, new = f"return {expression}", f"return np.ravel({expression})"
    return title, "shape", "message", old, new, "but should be"


def _each(old: str, new: str) -> list[str]:
    """The same change for each of W1, b1, W2, b2 (``{k}`` in the texts): old, new, old, new..."""
    return [text.format(k=k) for k in ("W1", "b1", "W2", "b2") for text in (old, new)]


# fmt: off
_NO_ONE_MINUS, _NO_MEAN = table("compute_cost",
    ("no_one_minus: cost without the (1 - Y) log(1 - A2) term", "values hidden", "hint",
     " + np.multiply(np.log(1.0 - A2), 1.0 - Y)", "", "J needs both Y log A2 and (1 - Y) log(1 - A2)."),
    ("no_mean: cost summed, not averaged over m", "values hidden", "hint",
     "cost = -np.sum(logprobs) / m", "cost = -np.sum(logprobs)",
     "divide by m, the number of examples: Y.shape[1] (examples are columns)."))

MISTAKES = [
    # ------------------------------------------------------------------ 4.1–4.8 activations
    *table("sigmoid",
        _flat("1.0 / (1.0 + np.exp(-z))"),
        ("sign: returns sigma(-z) = 1 - sigma(z) (np.exp(z) instead of np.exp(-z), or e^(-z) on top)", "values", "hint",
         "np.exp(-z)", "np.exp(z)",
         "sigma(z) = 1 / (1 + e^(-z)); this code returns sigma(-z) = 1 / (1 + e^z) = e^(-z) / (1 + e^(-z)): a sign is off."),
        ("clipped: clips the output to [1e-4, 1 - 1e-4]", "values", "message",
         "1.0 / (1.0 + np.exp(-z))", "np.clip(1.0 / (1.0 + np.exp(-z)), 0.0001, 0.9999)", "sigmoid(z)"),
    ),
    *table("sigmoid_derivative",
        _flat("a * (1.0 - a)"),
        ("z_as_a: z * (1 - z): treats the input as the activation a", "gradcheck", "hint",
         "return a * (1.0 - a)", "return z * (1.0 - z)", "the argument is z; compute a = sigmoid(z) first."),
    ),
    *table("tanh",
        _flat(TANH[len("return "):]),
        ("np_tanh: re-exports np.tanh instead of implementing it", "own_implementation", "message",
         TANH, "return np.tanh(z)", "uses np.tanh"),
        ("naive_overflow: (e^z - e^-z) / (e^z + e^-z) gives inf / inf = NaN for large z", "large_inputs", "message",
         TANH, "return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))", "[0] = nan"),
        ("overflow_warning: 2 / (1 + e^(-2z)) - 1: right values, an overflow warning", "", "advice",
         TANH, "return 2.0 / (1.0 + np.exp(-2.0 * z)) - 1.0", "never overflows"),
        ("half_exponent: e^(-|z|) instead of e^(-2|z|) (computes tanh(z / 2))", "values", "hint",
         "np.exp(-2.0", "np.exp(-1.0",
         "np.expm1(-2.0", "np.expm1(-1.0", "tanh(z) = sign(z) (1 - e^(-2|z|)) / (1 + e^(-2|z|)): the exponent has a 2."),
    ),
    *table("tanh_derivative",
        _flat("1.0 - a**2"),
        ("no_square: 1 - tanh(z) without the square", "gradcheck", "hint",
         "return 1.0 - a**2", "return 1.0 - a", "the slope of tanh is 1 - a ** 2."),
    ),
    *table("relu",
        _flat("np.maximum(0.0, z)"),
        ("in_place: sets the negative entries of z to 0 in place", "no_mutation", "message",
         "return np.maximum(0.0, z)", "z[z < 0] = 0\n    return z", "changed its argument z in place"),
        ("abs: np.abs(z) instead of max(0, z)", "values", "hint",
         "np.maximum(0.0, z)", "np.abs(z)", "relu keeps positive entries and sets negative ones to 0: np.maximum(0, z)."),
    ),
    *table("relu_derivative",
        ("boolean: returns booleans (z > 0) instead of floats", "shape", "message",
         RELU_SLOPE, "return z > 0", "should hold floating-point numbers"),
        ("half_at_zero: (sign(z) + 1) / 2 gives 0.5 at z = 0", "at_zero", "message",
         RELU_SLOPE, "return (np.sign(z) + 1) / 2", "should be 0 or 1"),
        ("returns_relu: returns relu(z) instead of its slope", "gradcheck", "hint",
         RELU_SLOPE, "return np.maximum(0, z)", "the slope is 1 (not z) where z > 0."),
    ),
    *table("leaky_relu",
        _flat("np.where(z > 0, z, slope * z)"),
        ("hard_coded_slope: uses 0.01 instead of the slope argument", "slope_argument", "hint",
         "slope * z)", "0.01 * z)", "multiply by slope, not by the number 0.01."),
        ("in_place: scales the negative entries of z in place", "no_mutation", "message",
         "return np.where(z > 0, z, slope * z)", "z[z <= 0] *= slope\n    return z", "changed its argument z in place"),
        ("default_slope: default slope 0.1 instead of 0.01", "values", "hint",
         "slope: float = 0.01", "slope: float = 0.1", SIGNATURE),
    ),
    *table("leaky_relu_derivative",
        _flat("np.where(z > 0, 1.0, slope)"),
        ("hard_coded_slope: uses 0.01 instead of the slope argument", "slope_argument", "hint",
         "1.0, slope)\n", "1.0, 0.01)\n", "return slope (the argument) where z < 0."),
        ("default_slope: default slope 0.1 instead of 0.01", "gradcheck", "hint",
         "slope: float = 0.01", "slope: float = 0.1", SIGNATURE),
    ),
    # ------------------------------------------------------------------ 4.9 layer_sizes
    *table("layer_sizes",
        ("columns: reads the sizes from the columns (the number of examples)", "values hidden", "message hint",
         "n_x = X.shape[0]", "n_x = X.shape[1]",
         "n_y = Y.shape[0]", "n_y = Y.shape[1]", "n_x is X.shape[1], the number of examples",
         "rows are features, columns are examples: n_x = X.shape[0]."),
        ("floats: returns the sizes as floats", "structure", "message",
         "return (n_x, n_h, n_y)", "return (float(n_x), float(n_h), float(n_y))", "should be an int"),
        ("n_x: n_x hard-coded to the input size of the notebook's test case", "values hidden", "message hint",
         "n_x = X.shape[0]", "n_x = 5", "n_x is always 5 (hard-coded)",
         "read the input size from the data: n_x = X.shape[0]."),
        ("n_h: n_h hard-coded to another size than the lesson's 4", "values hidden", "message hint",
         "    n_h = 4\n", "    n_h = 6\n", "n_h is 6, but the lesson's hidden layer has 4 units",
         "this lesson's hidden layer has n_h = 4 units, whatever the data."),
        ("array: returns the data X itself instead of its size X.shape[0]", "structure values hidden", "message",
         "n_x = X.shape[0]", "n_x = X", "n_x is the array X itself, not its size X.shape[0]"),
        ("hard_coded: returns the answer of the notebook's test case, (5, 4, 2)", "values hidden", "message",
         "return (n_x, n_h, n_y)", "return (5, 4, 2)", "n_x is always 5 (hard-coded), but should be X.shape[0] = 5 and 3"),
    ),
    # ------------------------------------------------------------------ 4.10 initialize_parameters
    *table("initialize_parameters",
        ("zeros: initializes the weights with zeros", "not_zero distinct_units units_stay_distinct", "message hint",
         W1_DRAW, "W1 = np.zeros((n_h, n_x))",
         W2_DRAW, "W2 = np.zeros((n_y, n_h))", "is all zeros",
         "zero weights keep every hidden unit identical: np.random.randn(...) * 0.01."),
        ("w2_zeros: W2 initialized with zeros", "not_zero", "message",
         W2_DRAW, "W2 = np.zeros((n_y, n_h))", "W2 is all zeros"),
        ("one_row: draws one row of W1 and repeats it for every hidden unit", "distinct_units", "message",
         W1_DRAW, "W1 = np.tile(np.random.randn(1, n_x) * 0.01, (n_h, 1))", "start with the same weights"),
        ("constant: fills the weights with the constant 0.01", "distinct_units signs units_stay_distinct", "message",
         W1_DRAW, "W1 = np.full((n_h, n_x), 0.01)",
         W2_DRAW, "W2 = np.full((n_y, n_h), 0.01)", "are still identical"),
        ("unscaled: np.random.randn without the 0.01 factor", "scale", "message",
         *edits(" * 0.01", "", W1_DRAW, W2_DRAW), "should be about 0.01"),
        ("w2_unscaled: W2 drawn without the 0.01 factor", "scale", "message",
         *edits(" * 0.01", "", W2_DRAW), "the weights of W2 have root-mean-square"),
        ("double_scale: np.random.randn(...) * 0.02 instead of * 0.01", "scale", "message",
         *edits("0.01", "0.02", W1_DRAW, W2_DRAW), "the course scales the draws by 0.01"),
        ("bias_ones: biases initialized with np.ones instead of np.zeros", "scale", "message",
         "b1 = np.zeros((n_h, 1))", "b1 = np.ones((n_h, 1))",
         "b2 = np.zeros((n_y, 1))", "b2 = np.ones((n_y, 1))", "b1 should start at zero"),
        ("uniform: np.random.rand (uniform on [0, 1), all positive) instead of randn", "signs", "message",
         *edits("randn", "rand", W1_DRAW, W2_DRAW), "100% of the weights of W1 are positive"),
        ("w2_uniform: W2 drawn with np.random.rand (all positive)", "signs", "message",
         *edits("randn", "rand", W2_DRAW), "100% of the weights of W2 are positive"),
        ("seeds_inside: calls np.random.seed(3) inside the function", "follows_seed", "message",
         W1_DRAW, f"np.random.seed(3)\n    {W1_DRAW}",
         "the function seeds its own generator"),
        ("template_seed: np.random.seed(2) inside, as the 2017–2020 template", "", "advice",
         W1_DRAW, f"np.random.seed(2)\n    {W1_DRAW}",
         "older course template's line, accepted"),
        ("clock_seed: reseeds from the clock with np.random.seed()", "reproducible", "message",
         W1_DRAW, f"np.random.seed()\n    {W1_DRAW}",
         "returned different parameters"),
        ("fresh_generator: draws from a fresh np.random.default_rng()", "reproducible", "message",
         W1_DRAW, "rng = np.random.default_rng()\n    W1 = rng.standard_normal((n_h, n_x)) * 0.01",
         W2_DRAW, "W2 = rng.standard_normal((n_y, n_h)) * 0.01", "returned different parameters"),
        ("transposed: W1 of shape (n_x, n_h) instead of (n_h, n_x)", "structure", "message",
         W1_DRAW, "W1 = np.random.randn(n_x, n_h) * 0.01", "should be (5, 3) = (n_h, n_x)"),
    ),
    # ------------------------------------------------------------------ 4.11 forward_propagation
    *table("forward_propagation",
        ("transposed: np.dot(X.T, W1.T): examples as rows", "structure values hidden", "message",
         "Z1 = np.dot(W1, X) + b1", "Z1 = np.dot(X.T, W1.T) + b1.T",
         "Z2 = np.dot(W2, A1) + b2", "Z2 = np.dot(A1, W2.T) + b2.T", "but should be (4, 5) = (n_h, m)"),
        ("sigmoid_hidden: sigmoid instead of tanh in the hidden layer", "values hidden", "hint",
         "A1 = np.tanh(Z1)", "A1 = 1.0 / (1.0 + np.exp(-Z1))", "the hidden layer of this lesson uses tanh: A1 = np.tanh(Z1); sigmoid is the output's."),
        ("relu_hidden: relu instead of tanh in the hidden layer", "values hidden", "hint",
         "A1 = np.tanh(Z1)", "A1 = np.maximum(0, Z1)", "the hidden layer of this lesson uses tanh."),
        ("no_sigmoid: returns Z2 as the output: no sigmoid on the output layer", "values hidden", "hint",
         "A2 = 1.0 / (1.0 + np.exp(-Z2))", "A2 = Z2", "the output unit is a sigmoid: A2 = sigmoid(Z2)."),
        ("flat_output: returns A2 as a flat vector", "structure", "message",
         "return A2, cache", "return A2.ravel(), cache", "A2 has shape (5,) but should be (1, 5) = (n_y, m)"),
    ),
    # ------------------------------------------------------------------ 4.12 compute_cost
    _NO_ONE_MINUS,
    _NO_MEAN,
    combine("notebook_hint", "the notebook hint's cost: only Y log(A2), summed (no (1 - Y) term, no 1/m)",
            _NO_ONE_MINUS, _NO_MEAN,
            fails="values hidden",
            hint="the hint shows one term only: J = -(1/m) sum(Y log A2 + (1 - Y) log(1 - A2))."),
    *table("compute_cost",
        ("numpy_scalar: returns np.squeeze(cost), a numpy.float64 (the course's line)", "", "advice",
         COST, COST.replace("float(np.squeeze(cost))", "np.squeeze(cost)"),
         "prefers a Python float"),
        ("log_a2_twice: (1 - Y) log(A2): log(A2) where log(1 - A2) belongs", "values hidden", "hint",
         "np.log(1.0 - A2)", "np.log(A2)", "the second term is (1 - Y) log(1 - A2): the log of 1 - A2."),
        ("dot_11: a (1, 1) array (np.dot of the rows, or np.sum with keepdims=True): np.squeeze it", "returns_number", "message",
         COST, "return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m", "should be a number (a float or 0-d array) but is an array of shape (1, 1)"),
    ),
    # ------------------------------------------------------------------ 4.13 backward_propagation
    *table("backward_propagation",
        ("dz2_sign: dZ2 = Y - A2 (every gradient has the wrong sign)", "gradcheck", "message",
         "dZ2 = A2 - Y", "dZ2 = Y - A2", "has the wrong sign"),
        ("no_transpose: np.dot(dZ2, A1) without the transpose", "structure gradcheck", "message",
         "np.dot(dZ2, A1.T)", "np.dot(dZ2, A1)", "ValueError"),
        ("no_keepdims: db1 summed without keepdims (shape (n_h,))", "structure", "message",
         "db1 = np.sum(dZ1, axis=1, keepdims=True)", "db1 = np.sum(dZ1, axis=1)", "has shape (4,) but should be (4, 1) = (n_h, 1), the shape of b1"),
        ("no_keepdims_db2: db2 summed without keepdims (shape (1,))", "structure", "",
         "db2 = np.sum(dZ2, axis=1, keepdims=True)", "db2 = np.sum(dZ2, axis=1)"),
        ("tanh_slope: (1 - A1) instead of (1 - A1 ** 2) in dZ1", "gradcheck", "message",
         "(1.0 - np.power(A1, 2))", "(1.0 - A1)", "dW1, db1 do not match the numeric gradient (n_x=3, n_h=4, m=5)"),
        ("slope_of_a2: (1 - A2 ** 2) in dZ1: the output's activation where the hidden layer's belongs", "gradcheck", "hint",
         "(1.0 - np.power(A1, 2))", "(1.0 - np.power(A2, 2))", "dZ1 uses the hidden layer's slope: (1 - A1 ** 2), with A1 = tanh(Z1)."),
        ("tanh_of_a1: 1 - tanh(A1) ** 2: A1 is already tanh(Z1)", "gradcheck", "hint",
         "(1.0 - np.power(A1, 2))", "(1.0 - np.power(np.tanh(A1), 2))", "A1 is tanh(Z1) already: the slope is 1 - A1 ** 2, no second tanh."),
        ("db1_no_mean: db1 not divided by m (the other gradients are)", "gradcheck", "hint",
         "db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1, keepdims=True)",
         "db1 = np.sum(dZ1, axis=1, keepdims=True) / m: an average over the m examples, like the others."),
        ("over_m_twice: dZ2 = (A2 - Y) / m, then each gradient divided by m again", "gradcheck", "",
         "dZ2 = A2 - Y", "dZ2 = (A2 - Y) / m"),
        ("no_mean: gradients not divided by m", "gradcheck", "message",
         "dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(dZ2, A1.T)",
         "keepdims=True) / m\n    dZ1", "keepdims=True)\n    dZ1",
         "dW1 = np.dot(dZ1, X.T) / m", "dW1 = np.dot(dZ1, X.T)",
         "db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1, keepdims=True)", "db2 max relative error"),
        ("recomputes_tanh: recomputes tanh(Z1) and sigmoid(Z2) from the cache's Z", "", "advice",
         'A1 = cache["A1"]', 'A1 = np.tanh(cache["Z1"])',
         'A2 = cache["A2"]', 'A2 = 1.0 / (1.0 + np.exp(-cache["Z2"]))', "recomputes the activations from Z1 and Z2"),
        ("in_place: dZ2 = A2; dZ2 -= Y changes the cache's A2 in place", "", "advice",
         "dZ2 = A2 - Y", "dZ2 = A2\n    dZ2 -= Y", "changed the dict cache it was given"),
        ("db2_all_axes: db2 summed over every axis (right only for one output unit)", "", "advice",
         "np.sum(dZ2, axis=1, keepdims=True)", "np.sum(dZ2, keepdims=True)", "not for n_y = 2"),
        ("broadcast_product: W2.T * dZ2 (broadcast) instead of np.dot(W2.T, dZ2)", "", "advice",
         "np.dot(W2.T, dZ2)", "W2.T * dZ2", "not for n_y = 2"),
    ),
    # ------------------------------------------------------------------ 4.14 update_parameters
    dataclasses.replace(
        mistake("update_parameters", "in_place", "updates the caller's arrays in place (-=)", """
def update_parameters(parameters, grads, learning_rate=1.2):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
""", ""),
        message="", advice="changed the dict parameters it was given"),
    *table("update_parameters",
        ("b2_with_db1: updates b2 with db1", "structure values hidden", "hint",
         '"b2": parameters["b2"] - learning_rate * grads["db2"]', '"b2": parameters["b2"] - learning_rate * grads["db1"]',
         "each parameter follows its own gradient: b2 = b2 - learning_rate * db2."),
        ("w2_with_dw1: updates W2 with dW1", "structure values hidden", "hint",
         '"W2": parameters["W2"] - learning_rate * grads["dW2"]', '"W2": parameters["W2"] - learning_rate * grads["dW1"]',
         "each parameter follows its own gradient: W2 = W2 - learning_rate * dW2."),
        ("b1_with_dw1: updates b1 with dW1", "structure values hidden", "hint",
         '"b1": parameters["b1"] - learning_rate * grads["db1"]', '"b1": parameters["b1"] - learning_rate * grads["dW1"]',
         "each parameter follows its own gradient: b1 = b1 - learning_rate * db1."),
        ("w1_ascent: W1 + learning_rate * dW1: one parameter steps uphill", "values hidden", "hint",
         '"W1": parameters["W1"] - ', '"W1": parameters["W1"] + ',
         "gradient DEScent for every parameter: W1 = W1 - learning_rate * dW1."),
        ("ascent: adds the gradient instead of subtracting it", "values hidden", "hint",
         *_each('"{k}": parameters["{k}"] - ', '"{k}": parameters["{k}"] + '),
         "gradient DEScent: theta - learning_rate * dtheta."),
        ("default_rate: default learning rate 0.01 instead of 1.2", "values", "message hint",
         "learning_rate: float = 1.2", "learning_rate: float = 0.01", "update_parameters(parameters, grads)['W1'] does not match",
         "keep the course's default: learning_rate=1.2 (nn_model relies on it)."),
        ("ignores_rate: always uses 1.2, ignoring the learning_rate argument", "hidden", "message",
         *_each('"{k}": parameters["{k}"] - learning_rate', '"{k}": parameters["{k}"] - 1.2'),
         "wrong values on hidden inputs"),
        ("flat_bias: returns the biases as flat vectors", "structure", "message",
         '"b1": parameters["b1"] - learning_rate * grads["db1"]', '"b1": (parameters["b1"] - learning_rate * grads["db1"]).ravel()', "(n_h, 1)"),
    ),
    # ------------------------------------------------------------------ 4.15 nn_model
    *table("nn_model",
        ("updates_twice: update_parameters called twice per iteration", "matches_own_blocks", "hint",
         "        parameters = update_parameters(parameters, grads)\n",
         "        parameters = update_parameters(parameters, grads)\n        parameters = update_parameters(parameters, grads)\n",
         "one update per iteration: forward, cost, backward, then parameters = update_parameters(parameters, grads) once."),
        ("prints_every_100: prints the cost every 100 iterations (the course never checks the printout)", "", "advice",
         "if print_cost and i % 1000 == 0:", "if print_cost and i % 100 == 0:", "prints the cost every 100 iterations"),
        ("inlined_forward: repeats the forward pass inline instead of calling forward_propagation", "uses_blocks", "message",
         "A2, cache = forward_propagation(X, parameters)",
         'Z1 = np.dot(parameters["W1"], X) + parameters["b1"]\n        A1 = np.tanh(Z1)\n'
         '        Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]\n'
         '        A2 = 1 / (1 + np.exp(-Z2))\n        cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}',
         "does not call forward_propagation()"),
        # the same sizes as a 4 written in the call: the title says both (msg 18 s54)
        ("hard_coded_n_h: initializes with n_h = 4 (written, or layer_sizes' own) instead of the n_h argument", "structure", "",
         "initialize_parameters(n_x, n_h, n_y)\n", "initialize_parameters(*layer_sizes(X, Y))\n"),
        ("no_seed: draws the initial parameters before any np.random.seed(3) (none, or one after initialize_parameters)", "matches_own_blocks", "message",
         "    np.random.seed(3)\n    n_x", "    n_x", OWN_BLOCKS),
        ("rate_05: passes learning_rate=0.5 to update_parameters (a widely copied tutorial's line)", "matches_own_blocks", "message hint",
         UPDATE, UPDATE.replace("grads)", "grads, learning_rate=0.5)"),
         OWN_BLOCKS, "call update_parameters(parameters, grads) with its default learning rate, 1.2, as the course does."),
        ("wrapped: returns {'parameters': parameters, 'costs': costs}", "structure", "message",
         "    return parameters\n", '    return {"parameters": parameters, "costs": []}\n', "holding the parameters dict one level down"),
        ("always_prints: prints the cost whether print_cost is True or not", "prints_cost", "message",
         "if print_cost and i % 1000 == 0", "if i % 1000 == 0", "although print_cost was False"),
    ),
    # ------------------------------------------------------------------ 4.16 predict
    *table("predict",
        ("probabilities: returns A2 (probabilities) instead of 0/1 predictions", "agrees_with_forward", "hint",
         "return A2 > 0.5", "return A2", "threshold the output: A2 > 0.5."),
        ("inverted: A2 < 0.5: the classes swapped", "agrees_with_forward", "hint",
         "return A2 > 0.5", "return A2 < 0.5", "class 1 is where A2 > 0.5."),
        ("z2: thresholds cache['Z2'], before the sigmoid, instead of A2", "agrees_with_forward", "hint",
         "return A2 > 0.5", 'return cache["Z2"] > 0.5', "threshold the output A2 = sigmoid(Z2), not Z2."),
        ("ge: A2 >= 0.5 instead of A2 > 0.5", "", "advice",
         "return A2 > 0.5", "return A2 >= 0.5", "every output A2 is exactly 0.5, and predict gives 1"),
        ("flat: returns a flat vector of predictions", "shape", "message",
         "return A2 > 0.5", "return (A2 > 0.5).ravel()", "but should be (1, 12) = (1, m)"),
    ),
    # ------------------------------------------------------------------ 4.17 train_with_restarts
    *table("train_with_restarts",
        ("keeps_last: returns the parameters of the last restart, not the best", "keeps_best", "",
         "return best_parameters, final_costs", "return parameters, final_costs"),
        ("argmax: keeps the restart with the highest cost", "keeps_best", "",
         "best_cost = np.inf", "best_cost = -np.inf",
         "if cost < best_cost:", "if cost > best_cost:"),
        ("loop_cost: records the cost of the last iteration (before the last update)", "matches_own_blocks", "",
         "            " + LAST_STEP, "            cost = compute_cost(A2, Y)\n            " + LAST_STEP,
         "        A2, _ = forward_propagation(X, parameters)\n        cost = compute_cost(A2, Y)\n", ""),
        ("same_seed: seeds np.random.seed(seed) for every restart, not seed + r", "matches_own_blocks keeps_best restarts_differ", "",
         "    np.random.seed(seed + r)\n", "    np.random.seed(seed)\n"),
        ("costs_array: returns the final costs as a numpy array", "structure", "message",
         "return best_parameters, final_costs", "return best_parameters, np.array(final_costs)", "should be a list of 4 numbers"),
        ("hard_coded_restarts: hard-codes 3 restarts instead of num_restarts", "structure matches_own_blocks", "message",
         "for r in range(num_restarts):", "for r in range(3):", "should be a list of 4 numbers"),
        ("ignores_rate: ignores the learning_rate argument (update_parameters' default)", "matches_own_blocks keeps_best", "message",
         LAST_STEP, LAST_STEP.replace(", learning_rate)", ")"),
         OWN_BLOCKS),
    ),
]
# fmt: on

#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = reasons(
    "initialize_parameters units_stay_distinct: units can only stay identical in "
    "training if they start identical, which distinct_units already catches",
    "layer_sizes values: a size wrong on the visible data is wrong on random data too",
    "layer_sizes hidden: the visible data has two sizes, so only a function that "
    "special-cases them could be wrong on random data alone",
    "forward_propagation values: a formula wrong on the visible network is also wrong "
    "on random networks (hidden)",
    "forward_propagation hidden: an answer right on the visible network only is a "
    "hard-coded one, whose wrong shapes also break the composites",
    "compute_cost values: a formula wrong on the visible outputs is wrong on random ones",
    "compute_cost hidden: as for values: wrong formulas fail both",
    "train_with_restarts restarts_differ: restarts that start alike are seeded alike, "
    "which also differs from your blocks' runs from seed + r (matches_own_blocks)",
)
