"""Known mistakes for unit 5 (deep network), as variants of the reference.

Each entry changes a few lines of the reference function and lists the checks it must fail;
an entry with no failing check is something the kit reports as advice (the course accepts it).
A table per function (:func:`autograder.mistakes.table`), a row per entry: id and title, the
checks it fails and the fields its texts fill, the changes, then the texts.
"""

import numpy as np

from autograder.mistakes import Mistake, edits, mistake, reasons, table
from autograder.units import _deep_math
from autograder.units.deep_network import LF_A, LF_B, LF_W, NET3_P, NET3_X, STALE_HINT

# Hard-coded answers are written into the mistakes' code as literals, so that the code is
# self-contained, like a student's file (it also runs in the isolated worker).
_LF_Z = np.dot(LF_W, LF_A) + LF_B
_Z = repr(_LF_Z.tolist())
_SIG = repr((1.0 / (1.0 + np.exp(-_LF_Z))).tolist())
_RELU = repr(np.maximum(0.0, _LF_Z).tolist())
_AL = repr(_deep_math.forward(NET3_X, NET3_P)[0].tolist())

_W1 = "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
_W2 = "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
_WL = "np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(\n            layer_dims[l - 1]\n        )"
_START = "    ### BEGIN SOLUTION\n"
_LAST = '    AL, cache = linear_activation_forward(\n        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid"\n    )'
_HIDDEN = 'linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")'
_DAL = "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))"
_UPDATE = '        parameters["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]\n        parameters["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]\n'
_PRINT = '            if print_cost:\n                print(f"Cost after iteration {i}: {float(cost)}")\n'
_RESEEDS = "calls np.random.seed itself"
DAL_TO_EVERY_LAYER = (
    "every hidden layer gets dAL through sigmoid_backward; hidden layer l needs the dA_prev "
    "of layer l+1, through relu_backward"
)


#: The 2017-2020 template's L_model_backward (older keys dA1..dAL), right; its catalogue
#: entries change it (and the tests read it).
OLDER_L_MODEL_BACKWARD = """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L-1]
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, current_cache, activation = "sigmoid")
    for l in reversed(range(L-1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 2)], current_cache, activation = "relu")
        grads["dA" + str(l + 1)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
"""  # noqa: E501
_UPSTREAM_DAL = ('grads["dA" + str(l + 2)], current_cache', 'grads["dA" + str(L)], current_cache')


# fmt: off
def _model_mistakes(function: str) -> list[Mistake]:
    """The mistakes that two_layer_model and L_layer_model share (the same lines in both)."""
    return table(function,
        ("costs_array: returns the costs as a numpy array", "structure", "message",
         "    return parameters, costs", "    return parameters, np.array(costs)", "costs should be a list"),
        ("fixed_learning_rate: ignores learning_rate (always 0.0075)", "values hidden", "hint",
         "grads, learning_rate)", "grads, 0.0075)",
         "pass the learning_rate argument on: update_parameters(parameters, grads, learning_rate)."),
        ("default_rate_0075: its default learning_rate is 0.075, not 0.0075", "", "advice",
         "learning_rate: float = 0.0075", "learning_rate: float = 0.075",
         f"{function}()'s default learning_rate=0.075 is not the course's 0.0075"),
        ("no_update: discards the result of update_parameters", "values hidden", "message",
         "parameters = update_parameters(", "update_parameters(", "the parameters are not being updated"),
        ("ignores_print_cost: never prints the cost", "prints_costs", "message",
         _PRINT, "", "should print"),
        ("prints_always: prints the cost whether or not print_cost is True", "prints_costs", "message",
         _PRINT, '            print(f"Cost after iteration {i}: {float(cost)}")\n', "although print_cost was False"))


MISTAKES = [
    # ------------------------------------------------------------------ 5.1 initialize_parameters
    *table("initialize_parameters",
        ("zeros: all-zero weights (symmetry never broken)", "values symmetry scale", "message",
         _W1, "    W1 = np.zeros((n_h, n_x))\n",
         _W2, "    W2 = np.zeros((n_y, n_h))\n", "computes the same output"),
        ("no_scale: np.random.randn without the * 0.01", "values scale", "message",
         *edits(" * 0.01", "", _W1, _W2), "W1 has the wrong scale"),
        ("rand: np.random.rand (uniform, all positive) instead of randn", "values scale", "message",
         *edits("randn", "rand", _W1, _W2), "every weight of W1 is positive"),
        ("w2_no_scale: W2 drawn without the * 0.01 (W1 right)", "values scale", "message",
         *edits(" * 0.01", "", _W2), "W2 has the wrong scale"),
        ("w2_rand: W2 drawn with np.random.rand (W1 right)", "values scale", "message",
         *edits("randn", "rand", _W2), "every weight of W2 is positive"),
        ("template_seed: np.random.seed(1) inside, as the course's template", "", "advice",
         _START, _START + "    np.random.seed(1)\n",
         _RESEEDS),
        ("seed_after_w1: np.random.seed(1) after W1 is drawn", "values", "hint",
         _W1, _W1 + "    np.random.seed(1)\n", "seed first (the template's first line), then draw W1, W2."),
        ("flat_bias: biases as flat (n,) vectors", "structure", "",
         "b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)",
         "b2 = np.zeros((n_y, 1))", "b2 = np.zeros(n_y)"),
        ("order: draws W2 before W1", "values", "",
         _W1, "",
         _W2, _W2 + _W1),
    ),
    # ------------------------------------------------------------------ 5.2 initialize_parameters_deep
    *table("initialize_parameters_deep",
        ("off_by_one: range(1, L - 1) skips the output layer", "structure values symmetry scale", "message",
         "range(1, L)", "range(1, L - 1)", "missing keys ['W2', 'b2']"),
        ("zeros: all-zero weights (symmetry never broken)", "values symmetry scale", "message",
         _WL, "np.zeros((layer_dims[l], layer_dims[l - 1]))", "computes the same output"),
        ("rand: np.random.rand: every weight positive", "values scale", "message",
         _WL, _WL.replace("randn", "rand"),
         "every weight of W1 is positive"),
        ("he: He scale sqrt(2 / n[l-1]); the course scales by 1 / sqrt(n[l-1]) (the application, np.random.seed(1) or the caller's) or by 0.01 (step by step, np.random.seed(3) or the caller's)", "values scale", "message",
         _WL, "np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])", "has the wrong scale"),
        ("wrong_fan: divides by sqrt(n[l]) (this layer) instead of sqrt(n[l-1])", "values scale", "message",
         "layer_dims[l - 1]\n        )", "layer_dims[l]\n        )", "has the wrong scale"),
        ("step_by_step_template: np.random.seed(3) inside and * 0.01, as the step-by-step notebook's template", "", "advice",
         _START, _START + "    np.random.seed(3)\n",
         _WL, "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01", _RESEEDS),
        ("seed_1_step_scale: np.random.seed(1) inside with * 0.01 (the step-by-step template seeds 3)", "values", "hint",
         _START, _START + "    np.random.seed(1)\n",
         _WL, "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01", "the step-by-step template seeds 3: np.random.seed(3), then * 0.01."),
        ("transposed_w: W{l} of shape (n[l-1], n[l])", "structure", "message",
         "randn(layer_dims[l], layer_dims[l - 1])", "randn(layer_dims[l - 1], layer_dims[l])", "(n[1], n[0])"),
        ("transposed_draw: draws the transposed matrix and transposes it back (another draw order)", "values", "",
         "randn(layer_dims[l], layer_dims[l - 1])", "randn(layer_dims[l - 1], layer_dims[l]).T"),
        ("random_biases: draws the biases with np.random.randn too (real: the weights' draws then interleave)", "values symmetry", "message",
         "np.zeros((layer_dims[l], 1))", "np.random.randn(layer_dims[l], 1)", "parameters['b1'] does not match"),
        ("bias_prev_size: b{l} sized by the layer before, np.zeros((n[l-1], 1))", "structure values", "message hint",
         "np.zeros((layer_dims[l], 1))", "np.zeros((layer_dims[l - 1], 1))", "should be (4, 1) = (n[1], 1)",
         "b{l} has one row per unit of layer l: np.zeros((layer_dims[l], 1))."),
    ),
    # ------------------------------------------------------------------ 5.3 linear_forward
    *table("linear_forward",
        ("cache_without_b: cache = (A, W) without b", "structure", "",
         "    cache = (A, W, b)", "    cache = (A, W)"),
        ("no_bias: forgets + b", "values hidden", "hint",
         "Z = np.dot(W, A) + b", "Z = np.dot(W, A)", "Z = np.dot(W, A) + b."),
        ("hard_coded: returns the visible example's Z", "hidden", "",
         "Z = np.dot(W, A) + b", f"Z = np.array({_Z})"),
    ),
    # ------------------------------------------------------------------ 5.4 linear_activation_forward
    *table("linear_activation_forward",
        ('swapped: relu for "sigmoid" and sigmoid for "relu"', "values hidden", "hint",
         'if activation == "sigmoid":', 'if activation == "relu":',
         'elif activation == "relu":', 'elif activation == "sigmoid":', 'relu(Z) for "relu", sigmoid(Z) for "sigmoid".'),
        ("no_activation: returns Z (no activation)", "values hidden", "hint",
         "    cache = (linear_cache, activation_cache)", "    cache = (linear_cache, Z)\n    A = Z", "apply relu(Z) or sigmoid(Z) to Z."),
        ("cache_swapped: cache = (activation_cache, linear_cache)", "structure", "message",
         "    cache = (linear_cache, activation_cache)", "    cache = (activation_cache, linear_cache)", "should be (A, W, b)"),
        ("hard_coded: returns the visible example's A", "hidden", "",
         "    return A, cache", f'    A = np.array({_SIG} if activation == "sigmoid" else {_RELU})\n    return A, cache'),
    ),
    # ------------------------------------------------------------------ 5.5 L_model_forward
    *table("L_model_forward",
        ("appends_itself: caches.append(caches) for the last layer (the list appended to itself)", "structure", "message",
         "    )\n    caches.append(cache)\n    return AL, caches", "    )\n    caches.append(caches)\n    return AL, caches", "caches holds itself"),
        ("a_prev_to_output: the output layer computed from A_prev (the last hidden layer's input) instead of A", "structure values hidden", "message",
         "    AL, cache = linear_activation_forward(\n        A, ", "    AL, cache = linear_activation_forward(\n        A_prev, ", "not from layer 1's output A"),
        ("loop_short: for l in range(1, L - 1) skips the last hidden layer: range(1, L) runs layers 1..L-1", "structure values hidden", "",
         "    for l in range(1, L):  # noqa: E741 - the course's name\n    ", "    for l in range(1, L - 1):  # noqa: E741 - the course's name\n    "),
        ("x_every_layer: every hidden layer computed from X, the network's input, instead of A_prev, the previous layer's output", "structure values hidden", "message",
         "            A_prev, parameters[", "            X, parameters[", "layer 2 is computed from X"),
        ("returns_z: linear_forward for the output layer: AL is Z[L], the sigmoid is missing", "structure values hidden", "",
         _LAST, '    AL, cache = linear_forward(A, parameters["W" + str(L)], parameters["b" + str(L)])'),
        ("sigmoid_forgotten: AL is Z[L] (the caches are right): the output layer's sigmoid is missing", "values hidden", "",
         "    return AL, caches", "    return cache[1], caches"),
        ("hidden_sigmoid: sigmoid for the hidden layers too: layers 1..L-1 are LINEAR -> RELU", "structure values hidden", "message",
         'parameters["b" + str(l)], "relu"', 'parameters["b" + str(l)], "sigmoid"', "other values than relu(Z) of layer 1"),
        ("relu_output: relu on the output layer too: layer L is LINEAR -> SIGMOID", "values hidden", "",
         'parameters["b" + str(L)], "sigmoid"', 'parameters["b" + str(L)], "relu"'),
        ("last_cache_missing: does not append the output layer's cache", "structure", "message",
         "    caches.append(cache)\n    return", "    return", "should be a list of 2 caches"),
        ("len_parameters: L = len(parameters) (forgets // 2)", "structure values hidden", "message",
         "    L = len(parameters) // 2", "    L = len(parameters)", "KeyError"),
        ("stores_activations: stores AL in the caller's parameters dict", "", "advice",
         "    return AL, caches", '    parameters["AL"] = AL\n    return AL, caches', "changed the dict parameters"),
    ),
    mistake("L_model_forward", "three_layers_only", "writes out exactly three layers", """
def L_model_forward(X, parameters):
    A1, c1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, c2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "relu")
    A3, c3 = linear_activation_forward(A2, parameters["W3"], parameters["b3"], "sigmoid")
    return A3, [c1, c2, c3]
""", "structure hidden", message="KeyError"),
    *table("L_model_forward",
        ("hard_coded: returns the visible example's AL", "hidden", "message",
         "    return AL, caches", f"    return (np.array({_AL}) if AL.shape == (1, 4) else AL * 0.5), caches",
         "wrong values on hidden inputs")),
    # ------------------------------------------------------------------ 5.6 compute_cost
    *table("compute_cost",
        ("no_squeeze: np.dot version without np.squeeze: a (1, 1) array", "returns_number", "message",
         "return float(np.squeeze(cost))", "return np.reshape(cost, (1, 1))", "array of shape (1, 1)"),
        ("no_mean: forgets the 1/m", "values hidden", "hint",
         ") / m", ")", "average over the m examples: m = Y.shape[1] (examples are columns)."),
        ("no_one_minus_y: drops the (1 - Y) log(1 - AL) term", "values hidden", "hint",
         " + (1 - Y) * np.log(1 - AL)", "", "J needs both Y log AL and (1 - Y) log(1 - AL)."),
        ("log_al_twice: (1 - Y) log(AL): log(AL) where log(1 - AL) belongs", "values hidden", "hint",
         "np.log(1 - AL)", "np.log(AL)", "the second term is (1 - Y) log(1 - AL): the log of 1 - AL."),
        ("no_log: the cost without np.log: -(Y AL + (1 - Y)(1 - AL)) / m", "values hidden", "hint",
         "Y * np.log(AL) + (1 - Y) * np.log(1 - AL)", "Y * AL + (1 - Y) * (1 - AL)", "the cross-entropy takes logs: Y log(AL) + (1 - Y) log(1 - AL)."),
        ("hard_coded: returns the lesson's answer", "hidden", "message",
         "return float(np.squeeze(cost))", "return 0.2797765635793422", "wrong values on hidden inputs"),
    ),
    # ------------------------------------------------------------------ 5.7 linear_backward
    *table("linear_backward",
        ("no_mean: dW and db not divided by m", "values gradcheck hidden", "",
         "A_prev.T) / m", "A_prev.T)",
         "keepdims=True) / m", "keepdims=True)"),
        ("dw_no_mean: dW not divided by m (db is)", "values gradcheck hidden", "hint",
         "A_prev.T) / m", "A_prev.T)", "dW = np.dot(dZ, A_prev.T) / m: an average over the m examples, like db."),
        ("db_no_mean: db not divided by m (dW is)", "values gradcheck hidden", "hint",
         "keepdims=True) / m", "keepdims=True)", "db = np.sum(dZ, axis=1, keepdims=True) / m: an average over the m examples, like dW."),
        ("da_mean: dA_prev divided by m too", "values gradcheck hidden", "",
         "np.dot(W.T, dZ)", "np.dot(W.T, dZ) / m"),
        ("db_no_keepdims: db without keepdims: shape (n[l],)", "structure", "",
         "db = np.sum(dZ, axis=1, keepdims=True)", "db = np.sum(dZ, axis=1)"),
        ("transposed_dw: dW = A_prev dZ.T / m (transposed)", "structure values gradcheck hidden", "message",
         "np.dot(dZ, A_prev.T)", "np.dot(A_prev, dZ.T)", "dW has shape (3, 2) but should be (2, 3)"),
        ("divides_dZ_in_place: dZ /= m, then dW and db from it (the caller's dZ changes)", "", "advice",
         "    dW = np.dot(dZ, A_prev.T) / m\n    db = np.sum(dZ, axis=1, keepdims=True) / m\n    dA_prev = np.dot(W.T, dZ)\n",
         "    dA_prev = np.dot(W.T, dZ)\n    dZ /= m\n    dW = np.dot(dZ, A_prev.T)\n    db = np.sum(dZ, axis=1, keepdims=True)\n",
         "changed its argument dZ in place"),
    ),
    # ------------------------------------------------------------------ 5.8 linear_activation_backward
    *table("linear_activation_backward",
        ('swapped: sigmoid_backward for "relu" and relu_backward for "sigmoid"', "values gradcheck hidden", "hint",
         'if activation == "relu":', 'if activation == "sigmoid":',
         'elif activation == "sigmoid":', 'elif activation == "relu":', '"relu" layers need relu_backward, "sigmoid" layers sigmoid_backward.'),
        ("no_activation_backward: passes dA straight to linear_backward", "values gradcheck hidden", "hint",
         "linear_backward(dZ, linear_cache)", "linear_backward(dA, linear_cache)", "first dZ = relu_backward(dA, Z) or sigmoid_backward(dA, Z)."),
        ("flat_db: returns db flattened to shape (n[l],)", "structure", "",
         "    return dA_prev, dW, db", "    return dA_prev, dW, db.ravel()"),
    ),
    # ------------------------------------------------------------------ 5.9 L_model_backward
    mistake("L_model_backward", "two_layers_only", "writes out the output layer and layer 1 only (right only for L = 2)", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA0"], grads["dW1"], grads["db1"] = linear_activation_backward(grads["dA1"], caches[0], "relu")
    return grads
""", "structure gradcheck_deep hidden", message="it only works for two layers"),
    *table("L_model_backward",
        ('tuple_key: grads["db", str(L)]: a tuple key, not the string "db" + str(L)', "structure values gradcheck_2_layers gradcheck_deep hidden", "hint",
         'grads["db" + str(L)] = db', 'grads["db", str(L)] = db', "join the strings"),
        ("same_upstream: every hidden layer gets dA{L-1}, the dA_prev of layer L; layer l needs the dA_prev of layer l+1", "structure gradcheck_deep hidden", "message",
         _HIDDEN, _HIDDEN.replace("str(l + 1)", "str(L - 1)"),
         "only works for two layers"),
        ("y_column: Y = Y.reshape(-1, 1), a column against AL's row: dAL broadcasts to (m, m)", "structure values gradcheck_2_layers gradcheck_deep hidden", "hint",
         "Y = Y.reshape(AL.shape)", "Y = Y.reshape(-1, 1)",
         "Y = Y.reshape(AL.shape): a row like AL, (1, m); a column makes dAL an (m, m) matrix."),
        ('da_key_reused: stores dA_prev under grads["dA" + str(l + 1)], the key the loop reads dA from', "structure values gradcheck_2_layers gradcheck_deep hidden", "message",
         'grads["dA" + str(l)] = dA_prev', 'grads["dA" + str(l + 1)] = dA_prev', "the key the same loop reads dA from"),
        ("dal_over_m: dAL divided by m: linear_backward divides by m already", "values gradcheck_2_layers gradcheck_deep hidden", "",
         "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))", "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / Y.shape[1]"),
        ("sigmoid_hidden: sigmoid_backward for the hidden layers, which are relu layers and need relu_backward", "values gradcheck_2_layers gradcheck_deep hidden", "",
         _HIDDEN, _HIDDEN.replace('"relu"', '"sigmoid"')),
        (f"dal_to_every_layer: {DAL_TO_EVERY_LAYER}", "values gradcheck_2_layers gradcheck_deep hidden", "",
         _HIDDEN, 'linear_activation_backward(dAL, caches[l], "sigmoid")'),
    ),
    mistake("L_model_backward", "same_upstream_dA1", "every hidden layer gets dA{L}, the dA_prev of layer L (older keys dA1..dAL); layer l needs the dA_prev of layer l+1", OLDER_L_MODEL_BACKWARD.replace(*_UPSTREAM_DAL), "structure gradcheck_deep hidden",
        hint='under the older keys, hidden layer l + 1 takes grads["dA" + str(l + 2)]: '
        'linear_activation_backward(grads["dA" + str(l + 2)], caches[l], "relu").',
        message="only works for two layers"),
    mistake("L_model_backward", "dal_to_every_layer_dA1", DAL_TO_EVERY_LAYER + " (older keys dA1..dAL)", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L-1], activation = "sigmoid")
    for l in reversed(range(L-1)):
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, caches[l], activation = "sigmoid")
        grads["dA" + str(l + 1)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
""", "values gradcheck_2_layers gradcheck_deep hidden"),
    *table("L_model_backward",
        ("older_keys: the older releases' keys dA1..dAL (dA{l} the gradient of A[l-1])", "", "",
         'grads["dA" + str(L - 1)] = dA_prev', 'grads["dA" + str(L)] = dA_prev',
         'grads["dA" + str(l)] = dA_prev', 'grads["dA" + str(l + 1)] = dA_prev',
         '(grads["dA" + str(l + 1)], caches[l]', '(grads["dA" + str(l + 2)], caches[l]'),
        ("al_to_every_layer: every hidden layer gets AL, the network's output, through sigmoid_backward in place of the upstream dA through relu_backward", "values gradcheck_2_layers gradcheck_deep hidden", "hint",
         _HIDDEN, 'linear_activation_backward(AL, caches[l], "sigmoid")', 'hidden layer l: linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu").'),
        ("relu_output: relu_backward for the output layer, a sigmoid layer that needs sigmoid_backward", "values gradcheck_2_layers gradcheck_deep hidden", "",
         'caches[L - 1], "sigmoid")', 'caches[L - 1], "relu")'),
        ("dal_sign: dAL with the wrong sign", "values gradcheck_2_layers gradcheck_deep hidden", "",
         _DAL, "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
        ("dal_second_sign: dAL = -(Y / AL) - (1 - Y) / (1 - AL): the (1 - Y) / (1 - AL) term's sign flipped", "values gradcheck_2_layers gradcheck_deep hidden", "hint",
         _DAL, "dAL = -np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)", "dAL = -(Y / AL - (1 - Y) / (1 - AL)): the minus sign covers both terms."),
        ("cache_of_the_layer_above: caches[l + 1] in the loop: the cache of the layer above, not of layer l + 1", "structure values gradcheck_2_layers gradcheck_deep hidden", "",
         'str(l + 1)], caches[l], "relu")', 'str(l + 1)], caches[l + 1], "relu")'),
        ('extra_dAL: also stores dAL as grads["dA" + str(L)]', "structure", "message",
         "    dA_prev, dW, db = linear_activation_backward(dAL", '    grads["dA" + str(L)] = dAL\n    dA_prev, dW, db = linear_activation_backward(dAL', "unexpected keys ['dA3']"),
    ),
    # ------------------------------------------------------------------ 5.10 update_parameters
    *table("update_parameters",
        ("in_place: shallow copy, then -= (changes the caller's arrays)", "", "advice",
         _UPDATE, _UPDATE.replace('] = params["W" + str(l)] -', '] -=').replace('] = params["b" + str(l)] -', '] -='),
         "changed the dict params"),
        ("two_layers_only: updates W1, b1, W2, b2 only: every layer l = 1..L needs its update", "hidden", "",
         "range(1, L + 1)", "(1, 2)"),
        ("plus: adds the gradient (gradient ascent): W - learning_rate * dW steps downhill", "values hidden", "",
         _UPDATE, _UPDATE.replace("- learning_rate", "+ learning_rate")),
        ("len_params: L = len(params) (forgets // 2)", "structure values hidden", "message",
         "L = len(parameters) // 2", "L = len(parameters)", "KeyError"),
        ("len_grads: L = len(grads) // 2: grads also holds dA0..dA{L-1}, so that is not the number of layers", "structure values hidden", "message",
         "L = len(parameters) // 2", "L = len(grads) // 2", "KeyError"),
        ("fixed_rate: always steps with 0.1 (the example's rate), ignoring the learning_rate argument", "hidden", "hint",
         _UPDATE, _UPDATE.replace("learning_rate * grads", "0.1 * grads"),
         "use the learning_rate argument: W = W - learning_rate * dW."),
        ("b_with_dW: updates b with dW", "structure values hidden", "hint",
         '- learning_rate * grads["db" + str(l)]', '- learning_rate * grads["dW" + str(l)]',
         "b follows its own gradient: b = b - learning_rate * db, for every layer."),
        ("every_grad_key: steps with every key of grads, dA0..dA{L-1} too (they make keys A0, A1, ...)", "structure values hidden", "hint",
         "    for l in range(1, L + 1):  # noqa: E741\n" + _UPDATE,
         "    for key in grads:\n        parameters[key[1:]] = parameters.get(key[1:], 0) - learning_rate * grads[key]\n",
         "grads also holds dA0..dA{L-1}, which are not parameters: step W{l} and b{l} only, for l = 1..L."),
        ("step_l_times: the step is applied L times (a loop inside the loop over layers): update each W{l}, b{l} once", "values hidden", "",
         _UPDATE, "        for _ in range(L):\n    " + _UPDATE.replace("= params[", "= parameters[").replace("\n        ", "\n            ")),
    ),
    mistake("update_parameters", "step_l_times_in_place", "the step is applied L times (a loop inside the loop over layers), the parameters changed in place", """
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        for k in range(L):
            parameters["W" + str(l+1)] = parameters["W" + str(l+1)] - learning_rate * grads["dW" + str(l+1)]
            parameters["b" + str(l+1)] = parameters["b" + str(l+1)] - learning_rate * grads["db" + str(l+1)]
    return parameters
""", "values hidden"),
    # ------------------------------------------------------------------ 5.11 two_layer_model
    *_model_mistakes("two_layer_model"),
    *table("two_layer_model",
        ("stale_weights: reads W1, b1, W2, b2 once before the loop: every iteration's forward pass uses the initial weights", "values hidden", "hint",
         '    for i in range(num_iterations):\n        W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))\n',
         '    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))\n    for i in range(num_iterations):\n',
         STALE_HINT["two_layer_model"]),
        # a relu output makes every gradient zero here: the values' hint says so and names the
        # activations of each step; the costs printed are the NaNs recorded (msg 17 M6)
        ("swapped_activations: sigmoid in the hidden layer, relu at the output", "values hidden", "message",
         'linear_activation_forward(X, W1, b1, "relu")', 'linear_activation_forward(X, W1, b1, "sigmoid")',
         'linear_activation_forward(A1, W2, b2, "sigmoid")', 'linear_activation_forward(A1, W2, b2, "relu")',
         'linear_activation_backward(dA2, cache2, "sigmoid")', 'linear_activation_backward(dA2, cache2, "relu")',
         'linear_activation_backward(dA1, cache1, "relu")', 'linear_activation_backward(dA1, cache1, "sigmoid")',
         'the output layer\'s is "sigmoid", the hidden ones "relu"'),
        ("hard_coded_nh: the hidden size hard-coded (n_h = 7, the course's)", "structure hidden", "",
         "n_x, n_h, n_y = layers_dims", "n_x, _, n_y = layers_dims\n    n_h = 7"),
        ("hard_coded_input: the input size hard-coded (n_x = 12288, the course's images)", "structure values prints_costs hidden", "message",
         "n_x, n_h, n_y = layers_dims", "_, n_h, n_y = layers_dims\n    n_x = 12288", "for inputs of size 12288"),
        ("costs_when_printing: records the costs only when print_cost is True (the course's tests call with False)", "structure", "hint",
         "            costs.append(float(cost))\n", "            if print_cost:\n                costs.append(float(cost))\n",
         "record the cost every 100 iterations whether or not it is printed."),
        ("every_iteration: records the cost at every iteration", "structure", "message",
         "        if i % 100 == 0:\n            costs.append(float(cost))\n", "        costs.append(float(cost))\n        if i % 100 == 0:\n", "should hold 2 values"),
    ),
    # ------------------------------------------------------------------ 5.12 L_layer_model
    *_model_mistakes("L_layer_model"),
    *table("L_layer_model",
        ("returns_al: returns the last activations AL in place of the costs", "structure values hidden", "message",
         "    return parameters, costs", "    return parameters, AL", "the shape of AL"),
        ("hard_coded_input: the input size hard-coded (12288, the course's images)", "structure values prints_costs hidden", "message",
         "parameters = initialize_parameters_deep(layers_dims)", "parameters = initialize_parameters_deep([12288] + list(layers_dims[1:]))", "for inputs of size 12288"),
        ("init_in_loop: initializes the parameters again at every iteration (nothing is learned)", "values hidden", "hint",
         "    parameters = initialize_parameters_deep(layers_dims)\n    for i in range(num_iterations):\n",
         "    for i in range(num_iterations):\n        parameters = initialize_parameters_deep(layers_dims)\n",
         "initialize once, before the loop: each iteration updates the parameters of the one before."),
        ("two_layer_init: initializes with the 2-layer initialize_parameters", "structure values hidden", "message",
         "parameters = initialize_parameters_deep(layers_dims)", "parameters = initialize_parameters(layers_dims[0], layers_dims[1], layers_dims[-1])", "missing keys"),
    ),
]
# fmt: on


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
_SAME = "a formula wrong on the visible inputs is also wrong on random ones"
_GRAD = "every wrong gradient formula also fails the visible values; the gradient check says which"
NOT_ISOLATED = reasons(
    "initialize_parameters symmetry: the values check replays the seeded draws, so "
    "symmetric weights also fail it; symmetry names the cause",
    "initialize_parameters scale: as for symmetry: any wrong scale changes the draws",
    "initialize_parameters_deep symmetry: as for initialize_parameters",
    "initialize_parameters_deep scale: as for initialize_parameters",
    f"linear_forward values: {_SAME}",
    f"linear_activation_forward values: {_SAME}",
    f"L_model_forward values: {_SAME}",
    f"compute_cost values: {_SAME}",
    f"linear_backward values: {_SAME}",
    f"linear_backward gradcheck: {_GRAD}",
    "linear_backward hidden: the gradient check already runs on other inputs",
    f"linear_activation_backward values: {_SAME}",
    f"linear_activation_backward gradcheck: {_GRAD}",
    "linear_activation_backward hidden: as for linear_backward",
    f"L_model_backward values: {_SAME}",
    "L_model_backward gradcheck_2_layers: a gradient wrong for L = 2 is also wrong for "
    "the visible 2-layer example",
    "L_model_backward gradcheck_deep: the hidden check compares with the reference at "
    "depths 3 and 4 too; gradcheck_deep names the depth or the wrong backward step",
    "L_model_backward hidden: the gradient checks cover fresh networks of depth 2, 3, 4",
    "update_parameters structure: the keys come from params; a missing or extra key "
    "is a missing or extra update, which also changes the values",
    f"update_parameters values: {_SAME}",
    "two_layer_model values: a training loop wrong on the visible problem is also wrong "
    "on random ones",
    "two_layer_model hidden: the visible checks use sizes, a rate and iterations that "
    "are no course default, so a model that ignores an argument fails them too",
    "L_layer_model values: as for two_layer_model",
    "L_layer_model hidden: as for two_layer_model",
)
