"""Known mistakes for unit 5 (deep network), as variants of the reference.

Each entry changes a few lines of the reference function and lists the checks it must fail;
an entry with no failing check is something the kit reports as advice (the course accepts it).
"""

import numpy as np

from autograder.mistakes import Mistake, mistake, variant
from autograder.units import _deep_math
from autograder.units.deep_network import LF_A, LF_B, LF_W, NET3_P, NET3_X

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


# fmt: off
def _model_mistakes(function: str) -> list[Mistake]:
    """The mistakes that two_layer_model and L_layer_model share (the same lines in both)."""
    return [
        variant(function, "costs_array", "returns the costs as a numpy array",
                ("    return parameters, costs", "    return parameters, np.array(costs)"),
                fails="structure", message="costs should be a list"),
        variant(function, "fixed_learning_rate", "ignores learning_rate (always 0.0075)",
                ("grads, learning_rate)", "grads, 0.0075)"), fails="values hidden"),
        variant(function, "default_rate_0075", "its default learning_rate is 0.075, not 0.0075",
                ("learning_rate: float = 0.0075", "learning_rate: float = 0.075"),
                advice=f"{function}()'s default learning_rate=0.075 is not the course's 0.0075"),
        variant(function, "no_update", "discards the result of update_parameters",
                ("parameters = update_parameters(", "update_parameters("),
                fails="values hidden", message="the parameters are not being updated"),
        variant(function, "ignores_print_cost", "never prints the cost", (_PRINT, ""),
                fails="prints_costs", message="should print"),
        variant(function, "prints_always", "prints the cost whether or not print_cost is True",
                (_PRINT, '            print(f"Cost after iteration {i}: {float(cost)}")\n'),
                fails="prints_costs", message="although print_cost was False"),
    ]


MISTAKES = [
    # ------------------------------------------------------------------ 5.1 initialize_parameters
    variant("initialize_parameters", "zeros", "all-zero weights (symmetry never broken)",
            (_W1, "    W1 = np.zeros((n_h, n_x))\n"), (_W2, "    W2 = np.zeros((n_y, n_h))\n"),
            fails="values symmetry scale", message="computes the same output"),
    variant("initialize_parameters", "no_scale", "np.random.randn without the * 0.01",
            (_W1, _W1.replace(" * 0.01", "")), (_W2, _W2.replace(" * 0.01", "")),
            fails="values scale", message="W1 has the wrong scale"),
    variant("initialize_parameters", "rand", "np.random.rand (uniform, all positive) instead of randn",
            (_W1, _W1.replace("randn", "rand")), (_W2, _W2.replace("randn", "rand")),
            fails="values scale", message="every weight of W1 is positive"),
    variant("initialize_parameters", "w2_no_scale", "W2 drawn without the * 0.01 (W1 right)",
            (_W2, _W2.replace(" * 0.01", "")), fails="values scale", message="W2 has the wrong scale"),
    variant("initialize_parameters", "w2_rand", "W2 drawn with np.random.rand (W1 right)",
            (_W2, _W2.replace("randn", "rand")), fails="values scale",
            message="every weight of W2 is positive"),
    variant("initialize_parameters", "template_seed", "np.random.seed(1) inside, as the course's template",
            (_START, _START + "    np.random.seed(1)\n"), advice=_RESEEDS),
    variant("initialize_parameters", "flat_bias", "biases as flat (n,) vectors",
            ("b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)"), ("b2 = np.zeros((n_y, 1))", "b2 = np.zeros(n_y)"),
            fails="structure"),
    variant("initialize_parameters", "order", "draws W2 before W1",
            (_W1, ""), (_W2, _W2 + _W1), fails="values"),
    # ------------------------------------------------------------------ 5.2 initialize_parameters_deep
    variant("initialize_parameters_deep", "off_by_one", "range(1, L - 1) skips the output layer",
            ("range(1, L)", "range(1, L - 1)"), fails="structure values symmetry scale",
            message="missing keys ['W2', 'b2']"),
    variant("initialize_parameters_deep", "zeros", "all-zero weights (symmetry never broken)",
            (_WL, "np.zeros((layer_dims[l], layer_dims[l - 1]))"),
            fails="values symmetry scale", message="computes the same output"),
    variant("initialize_parameters_deep", "rand", "np.random.rand: every weight positive",
            (_WL, _WL.replace("randn", "rand")), fails="values scale",
            message="every weight of W1 is positive"),
    variant("initialize_parameters_deep", "he", "He scale sqrt(2 / n[l-1]) instead of 1 / sqrt(n[l-1])",
            (_WL, "np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])"),
            fails="values scale", message="has the wrong scale"),
    variant("initialize_parameters_deep", "wrong_fan", "divides by sqrt(n[l]) (this layer) instead of sqrt(n[l-1])",
            ("layer_dims[l - 1]\n        )", "layer_dims[l]\n        )"),
            fails="values scale", message="has the wrong scale"),
    variant("initialize_parameters_deep", "step_by_step_template",
            "np.random.seed(3) inside and * 0.01, as the step-by-step notebook's template",
            (_START, _START + "    np.random.seed(3)\n"),
            (_WL, "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01"), advice=_RESEEDS),
    variant("initialize_parameters_deep", "transposed_w", "W{l} of shape (n[l-1], n[l])",
            ("randn(layer_dims[l], layer_dims[l - 1])", "randn(layer_dims[l - 1], layer_dims[l])"),
            fails="structure", message="(n[1], n[0])"),
    variant("initialize_parameters_deep", "transposed_draw",
            "draws the transposed matrix and transposes it back (another draw order)",
            ("randn(layer_dims[l], layer_dims[l - 1])", "randn(layer_dims[l - 1], layer_dims[l]).T"),
            fails="values"),
    variant("initialize_parameters_deep", "random_biases",
            "draws the biases with np.random.randn too (real: the weights' draws then interleave)",
            ("np.zeros((layer_dims[l], 1))", "np.random.randn(layer_dims[l], 1)"),
            fails="values symmetry", message="parameters['b1'] does not match"),
    # ------------------------------------------------------------------ 5.3 linear_forward
    variant("linear_forward", "cache_without_b", "cache = (A, W) without b",
            ("    cache = (A, W, b)", "    cache = (A, W)"), fails="structure"),
    variant("linear_forward", "no_bias", "forgets + b", ("Z = np.dot(W, A) + b", "Z = np.dot(W, A)"),
            fails="values hidden", hint="Z = np.dot(W, A) + b."),
    variant("linear_forward", "hard_coded", "returns the visible example's Z",
            ("Z = np.dot(W, A) + b", f"Z = np.array({_Z})"), fails="hidden"),
    # ------------------------------------------------------------------ 5.4 linear_activation_forward
    variant("linear_activation_forward", "swapped", 'relu for "sigmoid" and sigmoid for "relu"',
            ('if activation == "sigmoid":', 'if activation == "relu":'),
            ('elif activation == "relu":', 'elif activation == "sigmoid":'),
            fails="values hidden", hint='relu(Z) for "relu", sigmoid(Z) for "sigmoid".'),
    variant("linear_activation_forward", "no_activation", "returns Z (no activation)",
            ("    cache = (linear_cache, activation_cache)", "    cache = (linear_cache, Z)\n    A = Z"),
            fails="values hidden", hint="apply relu(Z) or sigmoid(Z) to Z."),
    variant("linear_activation_forward", "cache_swapped", "cache = (activation_cache, linear_cache)",
            ("    cache = (linear_cache, activation_cache)", "    cache = (activation_cache, linear_cache)"),
            fails="structure", message="should be (A, W, b)"),
    variant("linear_activation_forward", "hard_coded", "returns the visible example's A",
            ("    return A, cache", f'    A = np.array({_SIG} if activation == "sigmoid" else {_RELU})\n    return A, cache'),
            fails="hidden"),
    # ------------------------------------------------------------------ 5.5 L_model_forward
    variant("L_model_forward", "a_prev_to_output", "the output layer computed from A_prev (the last hidden layer's input) instead of A",
            ("    AL, cache = linear_activation_forward(\n        A, ", "    AL, cache = linear_activation_forward(\n        A_prev, "),
            fails="structure values hidden", message="not from layer 1's output A"),
    variant("L_model_forward", "returns_z", "linear_forward for the output layer: AL is Z[L], the sigmoid is missing",
            (_LAST, '    AL, cache = linear_forward(A, parameters["W" + str(L)], parameters["b" + str(L)])'),
            fails="structure values hidden"),
    variant("L_model_forward", "sigmoid_forgotten", "AL is Z[L] (the caches are right): the output layer's sigmoid is missing",
            ("    return AL, caches", "    return cache[1], caches"), fails="values hidden"),
    variant("L_model_forward", "relu_output", "relu on the output layer too: layer L is LINEAR -> SIGMOID",
            ('parameters["b" + str(L)], "sigmoid"', 'parameters["b" + str(L)], "relu"'),
            fails="values hidden"),
    variant("L_model_forward", "last_cache_missing", "does not append the output layer's cache",
            ("    caches.append(cache)\n    return", "    return"),
            fails="structure", message="should be a list of 2 caches"),
    variant("L_model_forward", "len_parameters", "L = len(parameters) (forgets // 2)",
            ("    L = len(parameters) // 2", "    L = len(parameters)"),
            fails="structure values hidden", message="KeyError"),
    variant("L_model_forward", "stores_activations", "stores AL in the caller's parameters dict",
            ("    return AL, caches", '    parameters["AL"] = AL\n    return AL, caches'),
            advice="changed the dict parameters"),
    mistake("L_model_forward", "three_layers_only", "writes out exactly three layers", """
def L_model_forward(X, parameters):
    A1, c1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, c2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "relu")
    A3, c3 = linear_activation_forward(A2, parameters["W3"], parameters["b3"], "sigmoid")
    return A3, [c1, c2, c3]
""", "structure hidden", message="KeyError"),
    variant("L_model_forward", "hard_coded", "returns the visible example's AL",
            ("    return AL, caches", f"    return (np.array({_AL}) if AL.shape == (1, 4) else AL * 0.5), caches"),
            fails="hidden", message="wrong values on hidden inputs"),
    # ------------------------------------------------------------------ 5.6 compute_cost
    variant("compute_cost", "no_squeeze", "np.dot version without np.squeeze: a (1, 1) array",
            ("return float(np.squeeze(cost))", "return np.reshape(cost, (1, 1))"),
            fails="returns_number", message="array of shape (1, 1)"),
    variant("compute_cost", "no_mean", "forgets the 1/m", (") / m", ")"),
            fails="values hidden", hint="average over the m examples: m = Y.shape[1] (examples are columns)."),
    variant("compute_cost", "no_one_minus_y", "drops the (1 - Y) log(1 - AL) term",
            (" + (1 - Y) * np.log(1 - AL)", ""),
            fails="values hidden", hint="J needs both Y log AL and (1 - Y) log(1 - AL)."),
    variant("compute_cost", "hard_coded", "returns the lesson's answer",
            ("return float(np.squeeze(cost))", "return 0.2797765635793422"),
            fails="hidden", message="wrong values on hidden inputs"),
    # ------------------------------------------------------------------ 5.7 linear_backward
    variant("linear_backward", "no_mean", "dW and db not divided by m",
            ("A_prev.T) / m", "A_prev.T)"), ("keepdims=True) / m", "keepdims=True)"),
            fails="values gradcheck hidden"),
    variant("linear_backward", "da_mean", "dA_prev divided by m too",
            ("np.dot(W.T, dZ)", "np.dot(W.T, dZ) / m"), fails="values gradcheck hidden"),
    variant("linear_backward", "db_no_keepdims", "db without keepdims: shape (n[l],)",
            ("db = np.sum(dZ, axis=1, keepdims=True)", "db = np.sum(dZ, axis=1)"), fails="structure"),
    variant("linear_backward", "transposed_dw", "dW = A_prev dZ.T / m (transposed)",
            ("np.dot(dZ, A_prev.T)", "np.dot(A_prev, dZ.T)"),
            fails="structure values gradcheck hidden", message="dW has shape (3, 2) but should be (2, 3)"),
    # ------------------------------------------------------------------ 5.8 linear_activation_backward
    variant("linear_activation_backward", "swapped", 'sigmoid_backward for "relu" and relu_backward for "sigmoid"',
            ('if activation == "relu":', 'if activation == "sigmoid":'),
            ('elif activation == "sigmoid":', 'elif activation == "relu":'),
            fails="values gradcheck hidden", hint='"relu" layers need relu_backward, "sigmoid" layers sigmoid_backward.'),
    variant("linear_activation_backward", "no_activation_backward", "passes dA straight to linear_backward",
            ("linear_backward(dZ, linear_cache)", "linear_backward(dA, linear_cache)"),
            fails="values gradcheck hidden", hint="first dZ = relu_backward(dA, Z) or sigmoid_backward(dA, Z)."),
    variant("linear_activation_backward", "flat_db", "returns db flattened to shape (n[l],)",
            ("    return dA_prev, dW, db", "    return dA_prev, dW, db.ravel()"), fails="structure"),
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
    variant("L_model_backward", "tuple_key", 'grads["db", str(L)]: a tuple key, not the string "db" + str(L)',
            ('grads["db" + str(L)] = db', 'grads["db", str(L)] = db'),
            fails="structure values gradcheck_2_layers gradcheck_deep hidden",
            hint="join the strings"),
    variant("L_model_backward", "same_upstream", "every hidden layer gets dA{L-1}, the dA_prev of layer L; layer l needs the dA_prev of layer l+1",
            (_HIDDEN, _HIDDEN.replace("str(l + 1)", "str(L - 1)")),
            fails="structure gradcheck_deep hidden", message="only works for two layers"),
    variant("L_model_backward", "sigmoid_hidden", "sigmoid_backward for the hidden layers, which are relu layers and need relu_backward",
            (_HIDDEN, _HIDDEN.replace('"relu"', '"sigmoid"')),
            fails="values gradcheck_2_layers gradcheck_deep hidden"),
    variant("L_model_backward", "dal_to_every_layer", DAL_TO_EVERY_LAYER,
            (_HIDDEN, 'linear_activation_backward(dAL, caches[l], "sigmoid")'),
            fails="values gradcheck_2_layers gradcheck_deep hidden"),
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
    variant("L_model_backward", "older_keys", "the older releases' keys dA1..dAL (dA{l} the gradient of A[l-1])",
            ('grads["dA" + str(L - 1)] = dA_prev', 'grads["dA" + str(L)] = dA_prev'),
            ('grads["dA" + str(l)] = dA_prev', 'grads["dA" + str(l + 1)] = dA_prev'),
            ('(grads["dA" + str(l + 1)], caches[l]', '(grads["dA" + str(l + 2)], caches[l]')),
    variant("L_model_backward", "al_to_every_layer", "every hidden layer gets AL, the network's output, through sigmoid_backward in place of the upstream dA through relu_backward",
            (_HIDDEN, 'linear_activation_backward(AL, caches[l], "sigmoid")'),
            fails="values gradcheck_2_layers gradcheck_deep hidden",
            hint='hidden layer l: linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu").'),
    variant("L_model_backward", "relu_output", "relu_backward for the output layer, a sigmoid layer that needs sigmoid_backward",
            ('caches[L - 1], "sigmoid")', 'caches[L - 1], "relu")'),
            fails="values gradcheck_2_layers gradcheck_deep hidden"),
    variant("L_model_backward", "dal_sign", "dAL with the wrong sign",
            (_DAL, "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
            fails="values gradcheck_2_layers gradcheck_deep hidden"),
    variant("L_model_backward", "dal_second_sign", "dAL = -(Y / AL) - (1 - Y) / (1 - AL): the (1 - Y) / (1 - AL) term's sign flipped",
            (_DAL, "dAL = -np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
            fails="values gradcheck_2_layers gradcheck_deep hidden",
            hint="dAL = -(Y / AL - (1 - Y) / (1 - AL)): the minus sign covers both terms."),
    variant("L_model_backward", "cache_of_the_layer_above", "caches[l + 1] in the loop: the cache of the layer above, not of layer l + 1",
            ('str(l + 1)], caches[l], "relu")', 'str(l + 1)], caches[l + 1], "relu")'),
            fails="structure values gradcheck_2_layers gradcheck_deep hidden", message="belong to different layers"),
    variant("L_model_backward", "extra_dAL", 'also stores dAL as grads["dA" + str(L)]',
            ("    dA_prev, dW, db = linear_activation_backward(dAL", '    grads["dA" + str(L)] = dAL\n    dA_prev, dW, db = linear_activation_backward(dAL'),
            fails="structure", message="unexpected keys ['dA3']"),
    # ------------------------------------------------------------------ 5.10 update_parameters
    variant("update_parameters", "in_place", "shallow copy, then -= (changes the caller's arrays)",
            (_UPDATE, _UPDATE.replace('] = params["W" + str(l)] -', '] -=').replace('] = params["b" + str(l)] -', '] -=')),
            advice="changed the dict params"),
    variant("update_parameters", "two_layers_only", "updates W1, b1, W2, b2 only: every layer l = 1..L needs its update",
            ("range(1, L + 1)", "(1, 2)"), fails="hidden"),
    variant("update_parameters", "plus", "adds the gradient (gradient ascent): W - learning_rate * dW steps downhill",
            (_UPDATE, _UPDATE.replace("- learning_rate", "+ learning_rate")), fails="values hidden"),
    variant("update_parameters", "len_params", "L = len(params) (forgets // 2)",
            ("L = len(parameters) // 2", "L = len(parameters)"),
            fails="structure values hidden", message="KeyError"),
    variant("update_parameters", "len_grads", "L = len(grads) // 2: grads also holds dA0..dA{L-1}, so that is not the number of layers",
            ("L = len(parameters) // 2", "L = len(grads) // 2"),
            fails="structure values hidden", message="KeyError"),
    variant("update_parameters", "step_l_times", "the step is applied L times (a loop inside the loop over layers): update each W{l}, b{l} once",
            (_UPDATE, "        for _ in range(L):\n    " + _UPDATE.replace("= params[", "= parameters[").replace("\n        ", "\n            ")),
            fails="values hidden"),
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
    variant("two_layer_model", "hard_coded_nh", "the hidden size hard-coded (n_h = 7, the course's)",
            ("n_x, n_h, n_y = layers_dims", "n_x, _, n_y = layers_dims\n    n_h = 7"),
            fails="structure hidden"),
    variant("two_layer_model", "hard_coded_input", "the input size hard-coded (n_x = 12288, the course's images)",
            ("n_x, n_h, n_y = layers_dims", "_, n_h, n_y = layers_dims\n    n_x = 12288"),
            fails="structure values prints_costs hidden", message="for inputs of size 12288"),
    variant("two_layer_model", "every_iteration", "records the cost at every iteration",
            ("        if i % 100 == 0:\n            costs.append(float(cost))\n", "        costs.append(float(cost))\n        if i % 100 == 0:\n"),
            fails="structure values hidden", message="should hold 2 values"),
    # ------------------------------------------------------------------ 5.12 L_layer_model
    *_model_mistakes("L_layer_model"),
    variant("L_layer_model", "returns_al", "returns the last activations AL in place of the costs",
            ("    return parameters, costs", "    return parameters, AL"),
            fails="structure values hidden", message="the shape of AL"),
    variant("L_layer_model", "hard_coded_input", "the input size hard-coded (12288, the course's images)",
            ("parameters = initialize_parameters_deep(layers_dims)", "parameters = initialize_parameters_deep([12288] + list(layers_dims[1:]))"),
            fails="structure values prints_costs hidden", message="for inputs of size 12288"),
    variant("L_layer_model", "two_layer_init", "initializes with the 2-layer initialize_parameters",
            ("parameters = initialize_parameters_deep(layers_dims)", "parameters = initialize_parameters(layers_dims[0], layers_dims[1], layers_dims[-1])"),
            fails="structure values hidden", message="missing keys"),
]
# fmt: on


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
_SAME = "a formula wrong on the visible inputs is also wrong on random ones"
_GRAD = "every wrong gradient formula also fails the visible values; the gradient check says which"
NOT_ISOLATED = {
    ("initialize_parameters", "symmetry"): "the values check replays the seeded draws, so "
    "symmetric weights also fail it; symmetry names the cause",
    ("initialize_parameters", "scale"): "as for symmetry: any wrong scale changes the draws",
    ("initialize_parameters_deep", "symmetry"): "as for initialize_parameters",
    ("initialize_parameters_deep", "scale"): "as for initialize_parameters",
    ("linear_forward", "values"): _SAME,
    ("linear_activation_forward", "values"): _SAME,
    ("L_model_forward", "values"): _SAME,
    ("compute_cost", "values"): _SAME,
    ("linear_backward", "values"): _SAME,
    ("linear_backward", "gradcheck"): _GRAD,
    ("linear_backward", "hidden"): "the gradient check already runs on other inputs",
    ("linear_activation_backward", "values"): _SAME,
    ("linear_activation_backward", "gradcheck"): _GRAD,
    ("linear_activation_backward", "hidden"): "as for linear_backward",
    ("L_model_backward", "values"): _SAME,
    ("L_model_backward", "gradcheck_2_layers"): "a gradient wrong for L = 2 is also wrong for "
    "the visible 2-layer example",
    ("L_model_backward", "gradcheck_deep"): "the hidden check compares with the reference at "
    "depths 3 and 4 too; gradcheck_deep names the depth or the wrong backward step",
    ("L_model_backward", "hidden"): "the gradient checks cover fresh networks of depth 2, 3, 4",
    ("update_parameters", "structure"): "the keys come from params; a missing or extra key "
    "is a missing or extra update, which also changes the values",
    ("update_parameters", "values"): _SAME,
    ("two_layer_model", "values"): "a training loop wrong on the visible problem is also wrong "
    "on random ones",
    ("two_layer_model", "hidden"): "the visible checks use sizes, a rate and iterations that "
    "are no course default, so a model that ignores an argument fails them too",
    ("L_layer_model", "values"): "as for two_layer_model",
    ("L_layer_model", "hidden"): "as for two_layer_model",
}
