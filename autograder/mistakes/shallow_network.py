"""Known mistakes for unit 4 (one hidden layer), each with the checks it must fail.

Each mistake's code also carries every *other* function of the reference, so that the
composites (``nn_model``, ``predict``, ``train_with_restarts``) call the mistaken block, as
they would in a student's file (see :func:`_in_reference`).
"""

import ast
import dataclasses
from functools import cache

from autograder.mistakes import Mistake, mistake


def _flat(function: str, signature: str, body: str):  # noqa: ANN202
    """A correct formula whose result is flattened: only the shape check may fail."""
    return mistake(
        function,
        "flat",
        "returns a flat vector (ravel) instead of an array shaped like z",
        f"""
def {function}({signature}):
    return np.ravel({body})
""",
        "shape",
        message="but should be",
    )


@cache
def _reference_functions() -> dict[str, str]:
    """The source of every top-level function of the reference, by name ({} if absent)."""
    from autograder.private import solution_file

    origin = solution_file("shallow_network")
    if origin is None:
        return {}
    with open(origin, encoding="utf-8") as fh:
        text = fh.read()
    return {
        node.name: ast.get_source_segment(text, node)
        for node in ast.parse(text).body
        if isinstance(node, ast.FunctionDef)
    }


def _in_reference(m: Mistake) -> Mistake:
    """Append the reference's other functions to the mistake's code.

    The test harness runs a mistake in a copy of the reference module's namespace, but the
    reference's own functions keep the module's globals: its ``nn_model`` would call the
    reference ``forward_propagation``, never the mistaken one, and a patched block would
    not reach it. Redefining the other functions next to the mistake makes them look up
    blocks in the submission's namespace, as in a student's file. The mistaken ``def`` stays
    first, so reading its source finds the wrong version.
    """
    others = [src for name, src in _reference_functions().items() if name != m.function]
    if not others:
        return m
    return dataclasses.replace(m, code=m.code + "\n\n\n" + "\n\n\n".join(others))


#: Checks of the composites, which a mistake in a block can break (they call the blocks).
COMPOSITES = (
    "nn_model.structure nn_model.matches_own_blocks nn_model.uses_blocks "
    "train_with_restarts.structure train_with_restarts.matches_own_blocks "
    "train_with_restarts.keeps_best"
)
#: A non-reproducible initialization makes training non-reproducible too.
TRAINING = (
    "nn_model.matches_own_blocks train_with_restarts.matches_own_blocks "
    "train_with_restarts.keeps_best"
)

_MISTAKES = [
    # ------------------------------------------------------------------ 4.1 sigmoid
    _flat("sigmoid", "z", "1 / (1 + np.exp(-z))"),
    mistake(
        "sigmoid",
        "sign",
        "np.exp(z) instead of np.exp(-z)",
        """
def sigmoid(z):
    return 1 / (1 + np.exp(z))
""",
        "values",
        hint="sigma(z) = 1 / (1 + e^(-z)): mind the minus sign.",
    ),
    # ------------------------------------------------------------------ 4.2 sigmoid_derivative
    _flat("sigmoid_derivative", "z", "sigmoid(z) * (1 - sigmoid(z))"),
    mistake(
        "sigmoid_derivative",
        "z_as_a",
        "z * (1 - z): treats the input as the activation a",
        """
def sigmoid_derivative(z):
    return z * (1 - z)
""",
        "gradcheck",
        hint="the argument is z; compute a = sigmoid(z) first.",
    ),
    # ------------------------------------------------------------------ 4.3 tanh
    _flat("tanh", "z", "np.sign(z) * (1 - np.exp(-2 * np.abs(z))) / (1 + np.exp(-2 * np.abs(z)))"),
    mistake(
        "tanh",
        "np_tanh",
        "re-exports np.tanh instead of implementing it",
        """
def tanh(z):
    return np.tanh(z)
""",
        "own_implementation",
        message="uses np.tanh",
    ),
    mistake(
        "tanh",
        "naive_overflow",
        "(e^z - e^-z) / (e^z + e^-z) gives inf / inf = NaN for large z",
        """
def tanh(z):
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
""",
        "large_inputs",
        message="overflow encountered in exp",
    ),
    mistake(
        "tanh",
        "half_exponent",
        "e^(-|z|) instead of e^(-2|z|) (computes tanh(z / 2))",
        """
def tanh(z):
    e = np.exp(-np.abs(z))
    return np.sign(z) * (1 - e) / (1 + e)
""",
        "values",
        hint="tanh(z) = sign(z) (1 - e^(-2|z|)) / (1 + e^(-2|z|)): the exponent has a 2.",
    ),
    # ------------------------------------------------------------------ 4.4 tanh_derivative
    _flat("tanh_derivative", "z", "1 - np.tanh(z) ** 2"),
    mistake(
        "tanh_derivative",
        "no_square",
        "1 - tanh(z) without the square",
        """
def tanh_derivative(z):
    return 1 - np.tanh(z)
""",
        "gradcheck",
        hint="the slope of tanh is 1 - a ** 2.",
    ),
    # ------------------------------------------------------------------ 4.5 relu
    _flat("relu", "z", "np.maximum(0, z)"),
    mistake(
        "relu",
        "in_place",
        "sets the negative entries of z to 0 in place",
        """
def relu(z):
    z[z < 0] = 0
    return z
""",
        "no_mutation",
        message="changed its argument z in place",
    ),
    mistake(
        "relu",
        "abs",
        "np.abs(z) instead of max(0, z)",
        """
def relu(z):
    return np.abs(z)
""",
        "values",
        hint="relu keeps positive entries and sets negative ones to 0: np.maximum(0, z).",
    ),
    # ------------------------------------------------------------------ 4.6 relu_derivative
    mistake(
        "relu_derivative",
        "boolean",
        "returns booleans (z > 0) instead of floats",
        """
def relu_derivative(z):
    return z > 0
""",
        "shape",
        message="should hold floating-point numbers",
    ),
    mistake(
        "relu_derivative",
        "half_at_zero",
        "(sign(z) + 1) / 2 gives 0.5 at z = 0",
        """
def relu_derivative(z):
    return (np.sign(z) + 1) / 2
""",
        "at_zero",
        message="should be 0 or 1",
    ),
    mistake(
        "relu_derivative",
        "returns_relu",
        "returns relu(z) instead of its slope",
        """
def relu_derivative(z):
    return np.maximum(0, z)
""",
        "gradcheck",
        hint="the slope is 1 (not z) where z > 0.",
    ),
    # ------------------------------------------------------------------ 4.7 leaky_relu
    _flat("leaky_relu", "z, slope=0.01", "np.where(z > 0, z, slope * z)"),
    mistake(
        "leaky_relu",
        "hard_coded_slope",
        "uses 0.01 instead of the slope argument",
        """
def leaky_relu(z, slope=0.01):
    return np.where(z > 0, z, 0.01 * z)
""",
        "slope_argument",
        hint="multiply by slope, not by the number 0.01.",
    ),
    mistake(
        "leaky_relu",
        "default_slope",
        "default slope 0.1 instead of 0.01",
        """
def leaky_relu(z, slope=0.1):
    return np.where(z > 0, z, slope * z)
""",
        "values",
        hint="keep the signature of the stub: slope=0.01.",
    ),
    # ------------------------------------------------------------------ 4.8 leaky_relu_derivative
    _flat("leaky_relu_derivative", "z, slope=0.01", "np.where(z > 0, 1.0, slope)"),
    mistake(
        "leaky_relu_derivative",
        "hard_coded_slope",
        "uses 0.01 instead of the slope argument",
        """
def leaky_relu_derivative(z, slope=0.01):
    return np.where(z > 0, 1.0, 0.01)
""",
        "slope_argument",
        hint="return slope (the argument) where z < 0.",
    ),
    mistake(
        "leaky_relu_derivative",
        "default_slope",
        "default slope 0.1 instead of 0.01",
        """
def leaky_relu_derivative(z, slope=0.1):
    return np.where(z > 0, 1.0, slope)
""",
        "gradcheck",
        hint="keep the signature of the stub: slope=0.01.",
    ),
    # ------------------------------------------------------------------ 4.9 layer_sizes
    mistake(
        "layer_sizes",
        "columns",
        "reads n_x from the columns (X.shape[1], the number of examples)",
        """
def layer_sizes(X, Y):
    return (X.shape[1], 4, Y.shape[1])
""",
        "values hidden",
        hint="rows are features, columns are examples: n_x = X.shape[0].",
    ),
    mistake(
        "layer_sizes",
        "floats",
        "returns the sizes as floats",
        """
def layer_sizes(X, Y):
    return (float(X.shape[0]), 4.0, float(Y.shape[0]))
""",
        "structure",
        message="should be an int",
    ),
    mistake(
        "layer_sizes",
        "hard_coded",
        "returns the visible example's answer",
        """
def layer_sizes(X, Y):
    return (5, 4, 2)
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    # ------------------------------------------------------------------ 4.10 initialize_parameters
    mistake(
        "initialize_parameters",
        "zeros",
        "initializes the weights with zeros",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}
""",
        "not_zero distinct_units scale signs no_reseed units_stay_distinct",
        message="is all zeros",
    ),
    mistake(
        "initialize_parameters",
        "w2_zeros",
        "W2 initialized with zeros",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}
""",
        "not_zero",
        message="W2 is all zeros",
    ),
    mistake(
        "initialize_parameters",
        "one_row",
        "draws one row of W1 and repeats it for every hidden unit",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.tile(np.random.randn(1, n_x) * 0.01, (n_h, 1)), "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "distinct_units",
        message="start with the same weights",
    ),
    mistake(
        "initialize_parameters",
        "constant",
        "fills the weights with the constant 0.01",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.full((n_h, n_x), 0.01), "b1": np.zeros((n_h, 1)),
            "W2": np.full((n_y, n_h), 0.01), "b2": np.zeros((n_y, 1))}
""",
        "distinct_units signs no_reseed units_stay_distinct",
        message="are still identical",
    ),
    mistake(
        "initialize_parameters",
        "unscaled",
        "np.random.randn without the 0.01 factor",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x), "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h), "b2": np.zeros((n_y, 1))}
""",
        "scale",
        message="should be about 0.01",
    ),
    mistake(
        "initialize_parameters",
        "uniform",
        "np.random.rand (uniform on [0, 1), all positive) instead of randn",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.rand(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.rand(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "signs",
        message="use np.random.randn",
    ),
    mistake(
        "initialize_parameters",
        "seeds_inside",
        "calls np.random.seed(3) inside the function",
        """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(3)
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "no_reseed",
        message="reseeds the generator itself",
    ),
    mistake(
        "initialize_parameters",
        "clock_seed",
        "reseeds from the clock with np.random.seed()",
        """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed()
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "reproducible " + TRAINING,
        message="returned different parameters",
    ),
    mistake(
        "initialize_parameters",
        "fresh_generator",
        "draws from a fresh np.random.default_rng() instead of the global generator",
        """
def initialize_parameters(n_x, n_h, n_y):
    rng = np.random.default_rng()
    return {"W1": rng.standard_normal((n_h, n_x)) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "reproducible no_reseed " + TRAINING,
        message="returned different parameters",
    ),
    mistake(
        "initialize_parameters",
        "transposed",
        "W1 of shape (n_x, n_h) instead of (n_h, n_x)",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_x, n_h) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "structure " + COMPOSITES,
        message="should be (5, 3) = (n_h, n_x)",
    ),
    # ------------------------------------------------------------------ 4.11 forward_propagation
    mistake(
        "forward_propagation",
        "transposed",
        "np.dot(X.T, W1.T): examples as rows",
        """
def forward_propagation(X, parameters):
    Z1 = np.dot(X.T, parameters["W1"].T) + parameters["b1"].T
    A1 = np.tanh(Z1)
    Z2 = np.dot(A1, parameters["W2"].T) + parameters["b2"].T
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""",
        "structure values hidden predict.shape " + COMPOSITES,
        message="but should be (4, 5) = (n_h, m)",
    ),
    mistake(
        "forward_propagation",
        "relu_hidden",
        "relu instead of tanh in the hidden layer",
        """
def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.maximum(0, Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""",
        "values hidden",
        hint="the hidden layer of this lesson uses tanh.",
    ),
    mistake(
        "forward_propagation",
        "flat_output",
        "returns A2 as a flat vector",
        """
def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2.ravel(), {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""",
        "structure predict.shape",
        message="A2 has shape (5,) but should be (1, 5) = (n_y, m)",
    ),
    # ------------------------------------------------------------------ 4.12 compute_cost
    mistake(
        "compute_cost",
        "no_one_minus",
        "cost without the (1 - Y) log(1 - A2) term",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2)) / m)
""",
        "values hidden",
        hint="J needs both Y log A2 and (1 - Y) log(1 - A2).",
    ),
    mistake(
        "compute_cost",
        "no_mean",
        "cost summed, not averaged over m",
        """
def compute_cost(A2, Y):
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))
""",
        "values hidden",
        hint="divide by m, the number of examples.",
    ),
    mistake(
        "compute_cost",
        "numpy_scalar",
        "returns a numpy.float64 instead of a Python float",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
""",
        "returns_float",
        message="should be a Python float",
    ),
    mistake(
        "compute_cost",
        "dot_11",
        "np.dot form returns a (1, 1) array",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
""",
        "returns_float train_with_restarts.structure train_with_restarts.matches_own_blocks "
        "train_with_restarts.keeps_best",
        message="should be a Python float",
    ),
    # ------------------------------------------------------------------ 4.13 backward_propagation
    mistake(
        "backward_propagation",
        "no_transpose",
        "np.dot(dZ2, A1) without the transpose",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        "structure gradcheck uses_cache no_mutation " + COMPOSITES,
        message="ValueError",
    ),
    mistake(
        "backward_propagation",
        "no_keepdims",
        "db1 summed without keepdims (shape (n_h,))",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        "structure " + COMPOSITES,
        message="has shape (4,) but should be (4, 1) = (n_h, 1), the shape of b1",
    ),
    mistake(
        "backward_propagation",
        "no_keepdims_db2",
        "db2 summed without keepdims (shape (1,))",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        "structure",
    ),
    mistake(
        "backward_propagation",
        "tanh_slope",
        "(1 - A1) instead of (1 - A1 ** 2) in dZ1",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        "gradcheck",
        message="dW1 does not match the numeric gradient (n_x=3, n_h=4, m=5)",
    ),
    mistake(
        "backward_propagation",
        "no_mean",
        "gradients not divided by m",
        """
def backward_propagation(parameters, cache, X, Y):
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T)
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T)
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        "gradcheck",
        message="db2 max relative error",
    ),
    mistake(
        "backward_propagation",
        "recomputes_tanh",
        "recomputes tanh(Z1) instead of using A1 from the cache",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1 = np.tanh(cache["Z1"])
    A2 = 1 / (1 + np.exp(-cache["Z2"]))
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        "uses_cache",
        message="recomputes activations from Z",
    ),
    mistake(
        "backward_propagation",
        "in_place",
        "dZ2 = A2; dZ2 -= Y changes the cache's A2 in place",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1 = cache["A1"]
    dZ2 = cache["A2"]
    dZ2 -= Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        "no_mutation",
        message="changed the dict cache",
    ),
    # ------------------------------------------------------------------ 4.14 update_parameters
    mistake(
        "update_parameters",
        "in_place",
        "updates the caller's arrays in place (-=)",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
""",
        "no_mutation",
        message="changed the dict parameters",
    ),
    mistake(
        "update_parameters",
        "ascent",
        "adds the gradient instead of subtracting it",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {k: parameters[k] + learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}
""",
        "values hidden",
        hint="gradient DEScent: theta - learning_rate * dtheta.",
    ),
    mistake(
        "update_parameters",
        "default_rate",
        "default learning rate 0.01 instead of 1.2",
        """
def update_parameters(parameters, grads, learning_rate=0.01):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}
""",
        "values",
        hint="keep the signature of the stub: learning_rate=1.2.",
    ),
    mistake(
        "update_parameters",
        "ignores_rate",
        "always uses 1.2, ignoring the learning_rate argument",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {k: parameters[k] - 1.2 * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    mistake(
        "update_parameters",
        "flat_bias",
        "returns the biases as flat vectors",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    new = {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}
    new["b1"] = new["b1"].ravel()
    return new
""",
        "structure " + COMPOSITES,
        message="(n_h, 1)",
    ),
    # ------------------------------------------------------------------ 4.15 nn_model
    mistake(
        "nn_model",
        "inlined_forward",
        "repeats the forward pass inline instead of calling forward_propagation",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
        A1 = np.tanh(Z1)
        Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
        A2 = 1 / (1 + np.exp(-Z2))
        cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters
""",
        "uses_blocks",
        message="does not call forward_propagation()",
    ),
    mistake(
        "nn_model",
        "hard_coded_n_h",
        "takes n_h from layer_sizes (always 4) instead of the argument",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x, n_h_fixed, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h_fixed, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters
""",
        "structure",
    ),
    mistake(
        "nn_model",
        "no_seed",
        "does not call np.random.seed(3)",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters
""",
        "matches_own_blocks",
        message="differs from what your own building blocks give",
    ),
    mistake(
        "nn_model",
        "double_update",
        "applies the update twice per iteration",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        parameters = update_parameters(parameters, grads)
    return parameters
""",
        "matches_own_blocks",
        message="differs from what your own building blocks give",
    ),
    # ------------------------------------------------------------------ 4.16 predict
    mistake(
        "predict",
        "probabilities",
        "returns A2 (probabilities) instead of 0/1 predictions",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2
""",
        "agrees_with_forward threshold",
        hint="threshold the output: A2 > 0.5.",
    ),
    mistake(
        "predict",
        "inverted",
        "A2 < 0.5: the classes swapped",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 < 0.5
""",
        "agrees_with_forward",
        hint="class 1 is where A2 > 0.5.",
    ),
    mistake(
        "predict",
        "ge",
        "A2 >= 0.5 instead of A2 > 0.5",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2 >= 0.5
""",
        "threshold",
        message="should predict 0",
    ),
    mistake(
        "predict",
        "flat",
        "returns a flat vector of predictions",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 > 0.5).ravel()
""",
        "shape",
        message="but should be (1, 12) = (1, m)",
    ),
    # ------------------------------------------------------------------ 4.17 train_with_restarts
    mistake(
        "train_with_restarts",
        "keeps_last",
        "returns the parameters of the last restart, not the best",
        """
def train_with_restarts(X, Y, n_h, num_restarts=5, num_iterations=2000, learning_rate=1.2, seed=0):
    final_costs = []
    for r in range(num_restarts):
        np.random.seed(seed + r)
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            A2, cache = forward_propagation(X, parameters)
            grads = backward_propagation(parameters, cache, X, Y)
            parameters = update_parameters(parameters, grads, learning_rate)
        final_costs.append(compute_cost(forward_propagation(X, parameters)[0], Y))
    return parameters, final_costs
""",
        "keeps_best",
    ),
    mistake(
        "train_with_restarts",
        "argmax",
        "keeps the restart with the highest cost",
        """
def train_with_restarts(X, Y, n_h, num_restarts=5, num_iterations=2000, learning_rate=1.2, seed=0):
    runs, final_costs = [], []
    for r in range(num_restarts):
        np.random.seed(seed + r)
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            A2, cache = forward_propagation(X, parameters)
            grads = backward_propagation(parameters, cache, X, Y)
            parameters = update_parameters(parameters, grads, learning_rate)
        runs.append(parameters)
        final_costs.append(compute_cost(forward_propagation(X, parameters)[0], Y))
    return runs[int(np.argmax(final_costs))], final_costs
""",
        "keeps_best",
    ),
    mistake(
        "train_with_restarts",
        "loop_cost",
        "records the cost of the last iteration (before the last update)",
        """
def train_with_restarts(X, Y, n_h, num_restarts=5, num_iterations=2000, learning_rate=1.2, seed=0):
    best, best_cost, final_costs = None, np.inf, []
    for r in range(num_restarts):
        np.random.seed(seed + r)
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            A2, cache = forward_propagation(X, parameters)
            cost = compute_cost(A2, Y)
            grads = backward_propagation(parameters, cache, X, Y)
            parameters = update_parameters(parameters, grads, learning_rate)
        final_costs.append(cost)
        if cost < best_cost:
            best, best_cost = parameters, cost
    return best, final_costs
""",
        "matches_own_blocks",
    ),
    mistake(
        "train_with_restarts",
        "costs_array",
        "returns the final costs as a numpy array",
        """
def train_with_restarts(X, Y, n_h, num_restarts=5, num_iterations=2000, learning_rate=1.2, seed=0):
    best, best_cost, final_costs = None, np.inf, []
    for r in range(num_restarts):
        np.random.seed(seed + r)
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            A2, cache = forward_propagation(X, parameters)
            grads = backward_propagation(parameters, cache, X, Y)
            parameters = update_parameters(parameters, grads, learning_rate)
        cost = compute_cost(forward_propagation(X, parameters)[0], Y)
        final_costs.append(cost)
        if cost < best_cost:
            best, best_cost = parameters, cost
    return best, np.array(final_costs)
""",
        "structure",
        message="should be a list of 3 numbers",
    ),
    mistake(
        "train_with_restarts",
        "ignores_rate",
        "ignores the learning_rate argument (update_parameters' default)",
        """
def train_with_restarts(X, Y, n_h, num_restarts=5, num_iterations=2000, learning_rate=1.2, seed=0):
    best, best_cost, final_costs = None, np.inf, []
    for r in range(num_restarts):
        np.random.seed(seed + r)
        parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
        for _ in range(num_iterations):
            A2, cache = forward_propagation(X, parameters)
            grads = backward_propagation(parameters, cache, X, Y)
            parameters = update_parameters(parameters, grads)
        cost = compute_cost(forward_propagation(X, parameters)[0], Y)
        final_costs.append(cost)
        if cost < best_cost:
            best, best_cost = parameters, cost
    return best, final_costs
""",
        "matches_own_blocks keeps_best",
        message="differs from what your own building blocks give",
    ),
]


MISTAKES = [_in_reference(m) for m in _MISTAKES]

#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    (
        "initialize_parameters",
        "units_stay_distinct",
    ): "units can only stay identical in training if they start identical, which "
    "distinct_units already catches",
    (
        "forward_propagation",
        "values",
    ): "a formula wrong on the visible network is also wrong on random networks (hidden)",
    (
        "forward_propagation",
        "hidden",
    ): "an answer right on the visible network only is a hard-coded one, whose wrong shapes "
    "also break the composites",
    ("compute_cost", "values"): "a formula wrong on the visible outputs is wrong on random ones",
    ("compute_cost", "hidden"): "as for values: wrong formulas fail both",
    ("layer_sizes", "values"): "reading the wrong axis is wrong on random data too",
    (
        "initialize_parameters",
        "structure",
    ): "the initial parameters flow into nn_model and train_with_restarts, whose results then "
    "have wrong shapes or fail too",
    (
        "initialize_parameters",
        "reproducible",
    ): "a non-reproducible initialization makes training non-reproducible, so the composites' "
    "comparisons with your blocks fail too",
    (
        "forward_propagation",
        "structure",
    ): "predict returns the forward pass's A2 > 0.5, so a wrong A2 shape is predict's as well",
    (
        "update_parameters",
        "structure",
    ): "nn_model and train_with_restarts return what update_parameters returns",
}
