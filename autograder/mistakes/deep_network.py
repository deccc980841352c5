"""Known mistakes for unit 5 (deep network), each with the checks it must fail."""

import numpy as np

from autograder.mistakes import mistake
from autograder.units import _deep_math
from autograder.units.deep_network import LF_A, LF_B, LF_W, NET3_P, NET3_X

# Hard-coded answers are written into the mistakes' code as literals, so that the code is
# self-contained, like a student's file (it also runs in the isolated worker).
_LF_Z = np.dot(LF_W, LF_A) + LF_B
_Z = repr(_LF_Z.tolist())
_SIG = repr((1.0 / (1.0 + np.exp(-_LF_Z))).tolist())
_RELU = repr(np.maximum(0.0, _LF_Z).tolist())
_AL = repr(_deep_math.forward(NET3_X, NET3_P)[0].tolist())

MISTAKES = [
    # ------------------------------------------------------------------ 5.1 initialize_parameters
    mistake(
        "initialize_parameters",
        "zeros",
        "all-zero weights (symmetry never broken)",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}
""",
        "values symmetry scale",
        message="computes the same output",
    ),
    mistake(
        "initialize_parameters",
        "no_scale",
        "np.random.randn without the * 0.01",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x), "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h), "b2": np.zeros((n_y, 1))}
""",
        "values scale",
        message="has the wrong scale",
    ),
    mistake(
        "initialize_parameters",
        "rand",
        "np.random.rand (uniform, all positive) instead of randn",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.rand(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.rand(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "values scale",
        message="every weight of W1 is positive",
    ),
    mistake(
        "initialize_parameters",
        "seeds_inside",
        "calls np.random.seed(1) inside (an older course version)",
        """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
        "rng",
        message="does it call np.random.seed itself",
    ),
    mistake(
        "initialize_parameters",
        "flat_bias",
        "biases as flat (n,) vectors",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros(n_h),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros(n_y)}
""",
        "structure",
        message="a column, not a flat",
    ),
    mistake(
        "initialize_parameters",
        "order",
        "draws W2 before W1",
        """
def initialize_parameters(n_x, n_h, n_y):
    W2 = np.random.randn(n_y, n_h) * 0.01
    W1 = np.random.randn(n_h, n_x) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
""",
        "values",
        message="draw W1 then W2",
    ),
    # ------------------------------------------------------------------ 5.2 initialize_parameters_deep
    mistake(
        "initialize_parameters_deep",
        "off_by_one",
        "range(1, L - 1) skips the output layer",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "structure values symmetry scale",
        message="missing keys ['W2', 'b2']",
    ),
    mistake(
        "initialize_parameters_deep",
        "zeros",
        "all-zero weights (symmetry never broken)",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.zeros((layer_dims[l], layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "values symmetry scale",
        message="computes the same output",
    ),
    mistake(
        "initialize_parameters_deep",
        "step_by_step_scale",
        "the step-by-step part's * 0.01 instead of / sqrt(n[l-1])",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "values scale",
        message="times 1/sqrt(n[l-1])",
    ),
    mistake(
        "initialize_parameters_deep",
        "he",
        "He scale sqrt(2 / n[l-1]) instead of 1 / sqrt(n[l-1])",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "values scale",
        message="has the wrong scale",
    ),
    mistake(
        "initialize_parameters_deep",
        "wrong_fan",
        "divides by sqrt(n[l]) (this layer) instead of sqrt(n[l-1])",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "values scale",
        message="has the wrong scale",
    ),
    mistake(
        "initialize_parameters_deep",
        "seeds_inside",
        "calls np.random.seed(3) inside (as the step-by-step notebook did)",
        """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "rng",
        message="does it call np.random.seed itself",
    ),
    mistake(
        "initialize_parameters_deep",
        "transposed_w",
        "W{l} of shape (n[l-1], n[l])",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "structure",
        message="(n[1], n[0])",
    ),
    mistake(
        "initialize_parameters_deep",
        "transposed_draw",
        "draws the transposed matrix and transposes it back (another draw order)",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]).T / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
        "values",
        message="draw W1, W2, ... in order",
    ),
    # ------------------------------------------------------------------ 5.3 linear_forward
    mistake(
        "linear_forward",
        "cache_without_b",
        "cache = (A, W) without b",
        """
def linear_forward(A, W, b):
    return np.dot(W, A) + b, (A, W)
""",
        "structure",
        message="should be the tuple (A, W, b)",
    ),
    mistake(
        "linear_forward",
        "no_bias",
        "forgets + b",
        """
def linear_forward(A, W, b):
    return np.dot(W, A), (A, W, b)
""",
        "values hidden",
        hint="Z = np.dot(W, A) + b.",
    ),
    mistake(
        "linear_forward",
        "hard_coded",
        "returns the visible example's Z",
        """
def linear_forward(A, W, b):
    return np.array(%s), (A, W, b)
"""
        % _Z,
        "hidden",
    ),
    # ------------------------------------------------------------------ 5.4 linear_activation_forward
    mistake(
        "linear_activation_forward",
        "swapped",
        'relu for "sigmoid" and sigmoid for "relu"',
        """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = relu(Z) if activation == "sigmoid" else sigmoid(Z)
    return A, (linear_cache, activation_cache)
""",
        "values hidden",
        hint='relu(Z) for "relu", sigmoid(Z) for "sigmoid".',
    ),
    mistake(
        "linear_activation_forward",
        "no_activation",
        "returns Z (no activation)",
        """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    return Z, (linear_cache, Z)
""",
        "values hidden",
        hint="apply relu(Z) or sigmoid(Z) to Z.",
    ),
    mistake(
        "linear_activation_forward",
        "cache_swapped",
        "cache = (activation_cache, linear_cache)",
        """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (activation_cache, linear_cache)
""",
        "structure",
        message="should be the tuple (A, W, b)",
    ),
    mistake(
        "linear_activation_forward",
        "hard_coded",
        "returns the visible example's A",
        """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    _, activation_cache = relu(Z)
    A = np.array(%s) if activation == "sigmoid" else np.array(%s)
    return A, (linear_cache, activation_cache)
"""
        % (_SIG, _RELU),
        "hidden",
    ),
    # ------------------------------------------------------------------ 5.5 L_model_forward
    mistake(
        "L_model_forward",
        "relu_output",
        "relu on the output layer too",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    return A, caches
""",
        "values hidden",
        hint="the last layer is LINEAR -> SIGMOID.",
    ),
    mistake(
        "L_model_forward",
        "last_cache_missing",
        "does not append the output layer's cache",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches
""",
        "structure",
        message="should be a list of 2 caches",
    ),
    mistake(
        "L_model_forward",
        "len_parameters",
        "L = len(parameters) (forgets // 2)",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
""",
        "structure values no_mutation hidden",
        message="KeyError",
    ),
    mistake(
        "L_model_forward",
        "stores_activations",
        "stores the activations in the parameters dict",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    parameters["AL"] = AL
    return AL, caches
""",
        "no_mutation",
        message="changed the dict parameters",
    ),
    mistake(
        "L_model_forward",
        "three_layers_only",
        "writes out exactly three layers",
        """
def L_model_forward(X, parameters):
    A1, c1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, c2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "relu")
    A3, c3 = linear_activation_forward(A2, parameters["W3"], parameters["b3"], "sigmoid")
    return A3, [c1, c2, c3]
""",
        "structure hidden",
        message="KeyError",
    ),
    mistake(
        "L_model_forward",
        "hard_coded",
        "returns the visible example's AL",
        """
def L_model_forward(X, parameters):
    NET3_AL = np.array(%s)
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return NET3_AL.copy() if AL.shape == NET3_AL.shape else AL * 0.5, caches
"""
        % _AL,
        "hidden",
        message="wrong values on hidden inputs",
    ),
    # ------------------------------------------------------------------ 5.6 compute_cost
    mistake(
        "compute_cost",
        "no_squeeze",
        "np.dot version without np.squeeze: a (1, 1) array",
        """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
""",
        "returns_number",
        message="array of shape (1, 1)",
    ),
    mistake(
        "compute_cost",
        "no_mean",
        "forgets the 1/m",
        """
def compute_cost(AL, Y):
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
""",
        "values hidden",
        hint="average over the m examples.",
    ),
    mistake(
        "compute_cost",
        "no_one_minus_y",
        "drops the (1 - Y) log(1 - AL) term",
        """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL)) / m)
""",
        "values hidden",
        hint="J needs both Y log AL and (1 - Y) log(1 - AL).",
    ),
    mistake(
        "compute_cost",
        "hard_coded",
        "returns the lesson's answer",
        """
def compute_cost(AL, Y):
    return 0.2797765635793422
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    # ------------------------------------------------------------------ 5.7 linear_backward
    mistake(
        "linear_backward",
        "no_mean",
        "dW and db not divided by m",
        """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True)
""",
        "values gradcheck hidden",
    ),
    mistake(
        "linear_backward",
        "da_mean",
        "dA_prev divided by m too",
        """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ) / m, np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m
""",
        "values gradcheck hidden",
    ),
    mistake(
        "linear_backward",
        "db_no_keepdims",
        "db without keepdims: shape (n[l],)",
        """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m
""",
        "structure",
    ),
    mistake(
        "linear_backward",
        "transposed_dw",
        "dW = A_prev dZ.T / m (transposed)",
        """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(A_prev, dZ.T) / m, np.sum(dZ, axis=1, keepdims=True) / m
""",
        "structure values gradcheck hidden",
        message="dW has shape (3, 2) but should be (2, 3)",
    ),
    # ------------------------------------------------------------------ 5.8 linear_activation_backward
    mistake(
        "linear_activation_backward",
        "swapped",
        'sigmoid_backward for "relu" and relu_backward for "sigmoid"',
        """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        dZ = relu_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
""",
        "values gradcheck hidden",
        hint='"relu" layers need relu_backward, "sigmoid" layers sigmoid_backward.',
    ),
    mistake(
        "linear_activation_backward",
        "no_activation_backward",
        "passes dA straight to linear_backward",
        """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    return linear_backward(dA, linear_cache)
""",
        "values gradcheck hidden",
        hint="first dZ = relu_backward(dA, Z) or sigmoid_backward(dA, Z).",
    ),
    mistake(
        "linear_activation_backward",
        "flat_db",
        "db computed inline without keepdims",
        """
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m
""",
        "structure",
    ),
    # ------------------------------------------------------------------ 5.9 L_model_backward
    mistake(
        "L_model_backward",
        "two_layers_only",
        "writes out the output layer and layer 1 only (right only for L = 2)",
        """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA0"], grads["dW1"], grads["db1"] = linear_activation_backward(grads["dA1"], caches[0], "relu")
    return grads
""",
        "structure gradcheck_deep hidden",
        message="it only works for two layers",
    ),
    mistake(
        "L_model_backward",
        "same_upstream",
        "feeds dA{L-1} to every hidden layer (right only for L = 2)",
        """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(L - 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
""",
        "structure gradcheck_deep hidden",
        message="is right for a 2-layer network but wrong for L = 3",
    ),
    mistake(
        "L_model_backward",
        "sigmoid_hidden",
        "sigmoid backward for the hidden relu layers",
        """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "sigmoid")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
""",
        "values gradcheck_2_layers gradcheck_deep hidden",
        message="are what sigmoid_backward gives",
    ),
    mistake(
        "L_model_backward",
        "relu_output",
        "relu backward for the sigmoid output layer",
        """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "relu")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
""",
        "values gradcheck_2_layers gradcheck_deep hidden",
        message="needs sigmoid_backward",
    ),
    mistake(
        "L_model_backward",
        "dal_sign",
        "dAL with the wrong sign",
        """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
""",
        "values gradcheck_2_layers gradcheck_deep hidden",
    ),
    mistake(
        "L_model_backward",
        "extra_dAL",
        'also stores dAL as grads["dA" + str(L)]',
        """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)] = dAL
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
""",
        "structure",
        message="unexpected keys ['dA3']",
    ),
    # ------------------------------------------------------------------ 5.10 update_parameters
    mistake(
        "update_parameters",
        "in_place",
        "shallow copy, then -= (changes the caller's arrays)",
        """
def update_parameters(params, grads, learning_rate):
    parameters = params.copy()
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters
""",
        "no_mutation",
        message="changed the dict params",
    ),
    mistake(
        "update_parameters",
        "two_layers_only",
        "updates W1, b1, W2, b2 only",
        """
def update_parameters(params, grads, learning_rate):
    parameters = dict(params)
    for l in (1, 2):
        parameters["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    mistake(
        "update_parameters",
        "plus",
        "adds the gradient (gradient ascent)",
        """
def update_parameters(params, grads, learning_rate):
    parameters = dict(params)
    for l in range(1, len(params) // 2 + 1):
        parameters["W" + str(l)] = params["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = params["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return parameters
""",
        "values hidden",
        hint="step against the gradient: W - learning_rate * dW.",
    ),
    mistake(
        "update_parameters",
        "len_params",
        "L = len(params) (forgets // 2)",
        """
def update_parameters(params, grads, learning_rate):
    parameters = dict(params)
    for l in range(1, len(params) + 1):
        parameters["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters
""",
        "structure values no_mutation hidden",
        message="KeyError",
    ),
    # ------------------------------------------------------------------ 5.11 two_layer_model
    mistake(
        "two_layer_model",
        "costs_array",
        "returns the costs as a numpy array",
        """
_ref_two_layer_model = two_layer_model
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters, costs = _ref_two_layer_model(X, Y, layers_dims, learning_rate, num_iterations)
    return parameters, np.array(costs)
""",
        "structure",
        message="costs should be a list",
    ),
    mistake(
        "two_layer_model",
        "hard_coded_nh",
        "hidden size hard-coded to the course's 7",
        """
_ref_two_layer_model = two_layer_model
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters, costs = _ref_two_layer_model(X, Y, (layers_dims[0], 7, layers_dims[2]), learning_rate, num_iterations)
    return parameters, costs
""",
        "hidden",
        message="parameters['W1'] has",
    ),
    mistake(
        "two_layer_model",
        "fixed_learning_rate",
        "ignores learning_rate (always 0.0075)",
        """
_ref_two_layer_model = two_layer_model
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    return _ref_two_layer_model(X, Y, layers_dims, 0.0075, num_iterations)
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    mistake(
        "two_layer_model",
        "no_update",
        "discards the result of update_parameters",
        """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs
""",
        "values hidden",
        message="the parameters are not being updated",
    ),
    mistake(
        "two_layer_model",
        "every_iteration",
        "records the cost at every iteration",
        """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        costs.append(compute_cost(A2, Y))
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
    return parameters, costs
""",
        "structure values hidden",
        message="should hold 2 values",
    ),
    # ------------------------------------------------------------------ 5.12 L_layer_model
    mistake(
        "L_layer_model",
        "costs_array",
        "returns the costs as a numpy array",
        """
_ref_L_layer_model = L_layer_model
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters, costs = _ref_L_layer_model(X, Y, layers_dims, learning_rate, num_iterations)
    return parameters, np.array(costs)
""",
        "structure",
        message="costs should be a list",
    ),
    mistake(
        "L_layer_model",
        "fixed_learning_rate",
        "ignores learning_rate (always 0.0075)",
        """
_ref_L_layer_model = L_layer_model
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    return _ref_L_layer_model(X, Y, layers_dims, 0.0075, num_iterations)
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    mistake(
        "L_layer_model",
        "two_layer_init",
        "initializes with the 2-layer initialize_parameters",
        """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    parameters = initialize_parameters(layers_dims[0], layers_dims[1], layers_dims[-1])
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs
""",
        "structure values hidden",
        message="missing keys",
    ),
    mistake(
        "L_layer_model",
        "no_update",
        "discards the result of update_parameters",
        """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
    return parameters, costs
""",
        "values hidden",
        message="the parameters are not being updated",
    ),
]


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    (
        "initialize_parameters",
        "symmetry",
    ): "the values check replays the seeded draws, so symmetric weights also fail it; "
    "symmetry names the cause",
    (
        "initialize_parameters",
        "scale",
    ): "as for symmetry: any wrong scale changes the seeded values",
    ("initialize_parameters_deep", "symmetry"): "as for initialize_parameters",
    ("initialize_parameters_deep", "scale"): "as for initialize_parameters",
    (
        "linear_forward",
        "values",
    ): "a formula wrong on the visible inputs is also wrong on random ones",
    ("linear_activation_forward", "values"): "as for linear_forward",
    ("L_model_forward", "values"): "as for linear_forward",
    ("compute_cost", "values"): "as for linear_forward",
    ("linear_backward", "values"): "as for linear_forward",
    (
        "linear_backward",
        "gradcheck",
    ): "every wrong gradient formula also fails the visible values; the gradient check says "
    "which gradient is wrong and by how much",
    (
        "linear_backward",
        "hidden",
    ): "the gradient check already runs on inputs other than the visible ones",
    ("linear_activation_backward", "values"): "as for linear_forward",
    ("linear_activation_backward", "gradcheck"): "as for linear_backward",
    ("linear_activation_backward", "hidden"): "as for linear_backward",
    ("L_model_backward", "values"): "as for linear_forward",
    (
        "L_model_backward",
        "gradcheck_2_layers",
    ): "a gradient wrong for L = 2 is also wrong for the visible 2-layer example",
    (
        "L_model_backward",
        "gradcheck_deep",
    ): "the hidden check compares with the reference at depths 3 and 4 too; gradcheck_deep is "
    "the one whose message names the depth or the wrong backward step",
    (
        "L_model_backward",
        "hidden",
    ): "the gradient checks already cover fresh networks of depth 2, 3 and 4",
    (
        "update_parameters",
        "structure",
    ): "the keys come from params; a missing or extra key means a missing or extra update, "
    "which also changes the values",
    ("update_parameters", "values"): "as for linear_forward",
    (
        "two_layer_model",
        "values",
    ): "a training loop wrong on the visible problem is also wrong on random ones",
    ("L_layer_model", "values"): "as for two_layer_model",
}
