"""Known mistakes for unit 3 (logistic regression), as variants of the reference.

A table per function (:func:`autograder.mistakes.table`), a row per entry: its id and the mistake
as a teacher would name it, the checks it fails, then the changes to the reference's source and
the hint the student gets (or the message a failing check must contain). A mistake replaces
one function, the others stay the reference's. Entries with no ``fails`` are
the course's own forms: full marks, and the kit's ``advice``. Entries that fail a ``prints``
check print nothing themselves: the engine re-runs a candidate mistake to name it, and what it
printed would reach the grader's own output.
"""

from autograder.mistakes import combine, mistake, reasons, table

SIGMOID = "return 1 / (1 + np.exp(-z))"
W_ZEROS = "w = np.zeros((dim, 1))"
COST = "-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"
UPDATE = "w = w - learning_rate * dw\n        b = b - learning_rate * db"
PREDICTION = "(A > 0.5).astype(np.float64)"
Z = "sigmoid(np.dot(w.T, X) + b)"
ALL_TRAINING = "structure values uses_arguments prints"
RAISES_ALWAYS = ALL_TRAINING + " calls_building_blocks"  # no result: nothing to credit
PRINT_COST = '            if print_cost:\n                print(f"Cost after iteration {i}: {float(cost):f}")\n'
PRINT_TRAIN = '        print(f"train accuracy: {train_accuracy:.1f} %")\n'
PRINT_TEST = '        print(f"test accuracy: {test_accuracy:.1f} %")\n'
NOTEBOOK_DATA = (
    "train_set_x = np.array([[1.0, -1.0, 2.0, -2.0], [0.5, 0.0, -0.5, 1.0], [0.0, 1.0, 0.0, -1.0]])"
    "\ntrain_set_y = np.array([[1.0, 0.0, 1.0, 0.0]])\n\n\ndef model("
)

# fmt: off
cost_no_mean, grads_no_mean, no_log_1_minus = table("propagate",
    ("cost_no_mean: cost without 1/m", "values gradcheck hidden", "",
     COST, COST[:-4]),
    ("grads_no_mean: divides the cost by m but not the gradients", "values gradcheck hidden", "message",
     "np.dot(X, dZ.T) / m", "np.dot(X, dZ.T)", "np.sum(dZ) / m", "np.sum(dZ)", "match the numeric gradient"),
    ("no_log_1_minus: cost without the (1 - Y) log(1 - A) term", "values gradcheck hidden", "hint",
     " + (1 - Y) * np.log(1 - A)", "", "J needs both Y log A and (1 - Y) log(1 - A)."))

MISTAKES = [
    *table("sigmoid",
        ("column: reshapes the result into a column", "shape", "message",
         SIGMOID, "return 1 / (1 + np.exp(-z)).reshape(-1, 1)", "but should be"),
        ("sign: returns sigma(-z) = 1 - sigma(z) (np.exp(z) instead of np.exp(-z), or e^(-z) on top)", "values hidden", "hint",
         SIGMOID, "return 1 / (1 + np.exp(z))",
         "sigma(z) = 1 / (1 + e^(-z)); this code returns sigma(-z) = 1 / (1 + e^z) = e^(-z) / (1 + e^(-z)): a sign is off."),
        ("clipped: clips the output to [1e-4, 1 - 1e-4] (against log(0) in the cost)", "values", "message",
         SIGMOID, "return np.clip(1 / (1 + np.exp(-z)), 0.0001, 0.9999)", "sigmoid(z)"),
        ("math_exp: math.exp, which takes one number, on an array", "shape values hidden", "message",
         "def sigmoid(", "import math\n\n\ndef sigmoid(",
         SIGMOID, "return 1 / (1 + math.exp(-z))", "sigmoid() calls math.exp, which takes one number"),
    ),
    *table("initialize_with_zeros",
        ("flat: w = np.zeros(dim), a flat vector", "w_shape", "message",
         W_ZEROS, "w = np.zeros(dim)", "(dim, 1)"),
        ("int_w: w of integer zeros", "w_shape", "message",
         W_ZEROS, "w = np.zeros((dim, 1), dtype=int)", "should hold floating-point numbers"),
        ("tuple_b: b = 0.0, with a trailing comma (a tuple)", "b_float", "message",
         "b = 0.0\n", "b = 0.0,\n", "should be a number but is tuple"),
        ("random: small random weights instead of zeros", "values", "message",
         W_ZEROS, "w = np.random.randn(dim, 1) * 0.01", "w does not match the expected values"),
    ),
    *table("propagate",
        ("matrix_cost: cost as a (1, 1) array from np.dot", "structure", "message",
         COST, "-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m",
         '"db": float(db)}, float(cost)', '"db": float(db)}, cost', "should be a number (a float or 0-d array) but is an array of shape (1, 1)"),
        ("cost_axis_1: cost summed with axis=1, an array of shape (1,)", "structure", "message hint",
         COST, COST.replace("np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))", "np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A), axis=1)"),
         '"db": float(db)}, float(cost)', '"db": float(db)}, cost', "should be a number (a float or 0-d array) but is an array of shape (1,)",
         "sum every entry (no axis), or np.squeeze(cost)."),
        ("flat_dw: dw = np.sum(X * (A - Y), axis=1) / m, a flat vector", "structure", "message",
         "np.dot(X, dZ.T)", "np.sum(X * dZ, axis=1)", "has shape (2,) but should be (2, 1)"),
        ("db_axis_1: db = np.sum(A - Y, axis=1) / m, an array of shape (1,) (2017-2020 accepted)", "", "advice",
         "np.sum(dZ) / m", "np.sum(dZ, axis=1) / m",
         '"db": float(db)', '"db": db', 'grads["db"] is an array of shape (1,)'),
        ("db_not_summed: db = (A - Y) / m without the sum over the examples", "structure values gradcheck hidden", "hint",
         "np.sum(dZ) / m", "dZ / m",
         '"db": float(db)', '"db": db', "db is one number: the sum of A - Y, over m."),
    ),
    combine("no_mean", "forgets 1/m everywhere (consistent: passes the gradient check)",
            cost_no_mean, grads_no_mean,
            fails="values hidden", hint="J, dw and db are averages over the m examples: divide by m = X.shape[1]."),
    cost_no_mean,
    grads_no_mean,
    *table("propagate",
        ("dw_no_mean: dw without 1/m (db and the cost divided by m)", "values gradcheck hidden", "hint",
         "np.dot(X, dZ.T) / m", "np.dot(X, dZ.T)", "dw = np.dot(X, (A - Y).T) / m: an average over the m examples, like db."),
        ("dw_over_n_x: dw divided by n_x = X.shape[0] instead of m", "values gradcheck hidden", "hint",
         "np.dot(X, dZ.T) / m", "np.dot(X, dZ.T) / X.shape[0]", "m = X.shape[1] is the number of examples; X.shape[0] is n_x."),
        ("x_t_w: A = sigmoid(np.dot(X.T, w) + b), a column (m, 1) against the row Y", "structure values gradcheck hidden", "hint",
         "np.dot(w.T, X) + b)", "np.dot(X.T, w) + b)", "np.dot(X.T, w) is a column (m, 1); Y is a row (1, m): A = sigmoid(np.dot(w.T, X) + b), a row."),
        ("db_no_mean: db without 1/m (dw and the cost divided by m)", "values gradcheck hidden", "hint",
         "np.sum(dZ) / m", "np.sum(dZ)", "db = np.sum(A - Y) / m: an average over the m examples, like dw."),
    ),
    no_log_1_minus,
    combine("hint_cost", "the one-example loss -Y log A summed: no (1 - Y) log(1 - A) term and no 1/m",
            cost_no_mean, no_log_1_minus,
            fails="values gradcheck hidden", hint="J = -(1/m) sum(Y log A + (1 - Y) log(1 - A))."),
    *table("propagate",
        ("comma_for_plus: a comma for the plus: np.sum(Y log A, (1 - Y) log(1 - A))", "structure values gradcheck hidden", "message",
         " + (1 - Y) * np.log(1 - A)", ", (1 - Y) * np.log(1 - A)", "the second one is the axis"),
        ("exp_sign: A = 1 / (1 + np.exp(w.T X + b)): the sign of the exponent", "values gradcheck hidden", "message",
         Z, "1 / (1 + np.exp(np.dot(w.T, X) + b))", "does not match"),
        ("bias_constant: A = sigmoid(w.T X + 1): a constant where the bias b belongs", "values gradcheck hidden", "hint",
         "np.dot(w.T, X) + b)", "np.dot(w.T, X) + 1)", "the bias is the argument b: A = sigmoid(np.dot(w.T, X) + b)."),
        ("bias_outside: A = sigmoid(w.T X) + b: the bias added after the sigmoid", "values gradcheck hidden", "hint",
         Z, "sigmoid(np.dot(w.T, X)) + b",
         "the bias goes inside: A = sigmoid(np.dot(w.T, X) + b); added after it, A leaves (0, 1)."),
        ("missing_transpose: np.dot(w, X) instead of np.dot(w.T, X)", "structure values gradcheck hidden", "",
         "w.T, X", "w, X"),
        ("fixed_m: hard-codes m = 3 (the visible example's size)", "hidden", "message",
         "m = X.shape[1]\n", "m = 3\n", "m = 3"),
    ),
    *table("optimize",
        ("silent: does not print the recorded costs as the course does", "prints", "hint",
         PRINT_COST, "", "in the i % 100 == 0 block: if print_cost: print i and the cost."),
        ("prints_always: prints the costs whether or not print_cost is True", "prints", "message",
         PRINT_COST, '            print(f"Cost after iteration {i}: {float(cost):f}")\n', "although print_cost was False"),
        ("array_costs: returns costs as a numpy array", "structure", "message",
         "return params, grads, costs", "return params, grads, np.array(costs)", "costs should be a Python list"),
        ("fixed_learning_rate: hard-codes learning_rate = 0.009", "uses_arguments", "hint",
         UPDATE, "w = w - 0.009 * dw\n        b = b - 0.009 * db", "use the learning_rate argument."),
        ("fixed_iterations: hard-codes 100 iterations", "uses_arguments", "message",
         "in range(num_iterations):", "in range(100):", "params['w'] does not match"),
        ("propagate_once: calls propagate once, before the loop: every step uses the first gradients", "values uses_arguments hidden", "hint",
         "    for i in range(num_iterations):\n        grads, cost = propagate(w, b, X, Y)\n",
         "    grads, cost = propagate(w, b, X, Y)\n    for i in range(num_iterations):\n",
         "call propagate(w, b, X, Y) inside the loop: each step needs the gradients at the current w and b."),
        ("skips_first: records and prints the costs from iteration 100 on (i % 100 == 0 and i > 0)", "values prints", "message",
         "if i % 100 == 0:\n", "if i % 100 == 0 and i > 0:\n", "should print 3: the cost at iterations 0, 100, 200"),
        ("first_cost_only: records the cost only at i == 0", "uses_arguments", "hint",
         "if i % 100 == 0:\n", "if i == 0:\n", "record the cost every 100 iterations: i % 100 == 0."),
        ("b_with_dw: updates b with dw (b becomes an array)", "structure values uses_arguments prints hidden", "hint",
         "b = b - learning_rate * db", "b = b - learning_rate * dw", "b follows its own gradient: b = b - learning_rate * db."),
        ("ascent: w + learning_rate * dw (walks uphill)", "values uses_arguments hidden", "hint",
         UPDATE, "w = w + learning_rate * dw\n        b = b + learning_rate * db", "step against the gradient: w - learning_rate * dw."),
        ("tuple_b: b = b - learning_rate * db, with a trailing comma (a tuple)", "structure values uses_arguments prints hidden", "message",
         "learning_rate * db\n", "learning_rate * db,\n", "tuple"),
    ),
    *table("predict",
        ("booleans: returns the boolean array A > 0.5 (the course's tests accept it)", "", "advice",
         PREDICTION, "A > 0.5", "predict returns booleans (A > 0.5)"),
        ("at_least: A >= 0.5 (predicts 1 at the threshold)", "", "advice",
         "(A > 0.5).astype", "(A >= 0.5).astype", "predict gives 1 where A = 0.5 exactly"),
        ("no_sigmoid: thresholds z = w.T X + b at 0.5: the sigmoid is missing", "values hidden", "hint",
         Z, "np.dot(w.T, X) + b", "threshold the probability A = sigmoid(z), not z."),
        ("probabilities: returns the probabilities A, never compared with 0.5", "values hidden", "hint",
         PREDICTION, "A", "predictions are 0 or 1: (A > 0.5).astype(float), not A itself."),
        ("no_bias: leaves out the bias: A = sigmoid(w.T X)", "values hidden", "hint",
         Z, "sigmoid(np.dot(w.T, X))", "A = sigmoid(np.dot(w.T, X) + b)."),
        ("flat: returns a flat (m,) vector", "shape", "message",
         "return (A > 0.5).astype(np.float64)", "return (A[0] > 0.5).astype(np.float64)", "has shape (3,) but should be (1, 3)"),
        ("loops_rows: loops over A.shape[0], the one row, and predicts only example 0", "values hidden", "hint",
         "    return (A > 0.5).astype(np.float64)",
         "    Y_prediction = np.zeros((1, X.shape[1]))\n    for i in range(A.shape[0]):\n"
         "        Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0\n    return Y_prediction",
         "A has one row and m columns: go through A.shape[1] examples (or compare A > 0.5 at once)."),
        ("squeeze_len: loops over len(np.squeeze(A)), a 0-d array for one example (m = 1: the course's own image)", "hidden", "message",
         "    return (A > 0.5).astype(np.float64)",
         "    probs = np.squeeze(A)\n    Y_prediction = np.zeros((1, X.shape[1]))\n    for i in range(len(probs)):\n"
         "        Y_prediction[0, i] = 1.0 if probs[i] > 0.5 else 0.0\n    return Y_prediction",
         "len() of unsized object"),
    ),
    *table("model",
        ("silent: does not print the costs and the accuracies as the course does", "prints", "hint",
         "learning_rate, print_cost\n", "learning_rate\n",
         PRINT_TRAIN, "",
         PRINT_TEST, "", "pass print_cost to optimize; print 100 - mean(|Y_prediction - Y|) * 100."),
        ("test_accuracy_no_labels: prints the test accuracy as 100 - mean(Y_prediction_test) * 100, without - Y_test", "prints", "message",
         "np.abs(Y_prediction_test - Y_test)", "np.abs(Y_prediction_test)", "printed a wrong test accuracy"),
        ("predict_zero_bias: predicts the training set with b = 0 instead of the trained b", "values", "message",
         "predict(w, b, X_train)", "predict(w, 0.0, X_train)", "not the trained b"),
        ("no_echo: leaves learning_rate and num_iterations out of the dict", "structure", "message",
         '        "learning_rate": learning_rate,\n        "num_iterations": num_iterations,\n', "", "missing keys ['learning_rate', 'num_iterations']"),
        ("random_start: starts from random weights (np.random.randn * 0.01) instead of zeros", "values uses_arguments", "message",
         "w, b = initialize_with_zeros(X_train.shape[0])", "w, b = np.random.randn(X_train.shape[0], 1) * 0.01, 0.0", "the cost of w = 0, b = 0"),
        ("accuracies: also returns the accuracies (extra keys, which the course's tests never read)", "", "advice",
         '        "num_iterations": num_iterations,\n', '        "num_iterations": num_iterations,\n        "train_accuracy": 100.0,\n', "model() also returns train_accuracy"),
        ("renamed_key: names a key Y_pred_test instead of Y_prediction_test", "structure values uses_arguments", "message",
         '        "Y_prediction_test": Y', '        "Y_pred_test": Y', "missing keys ['Y_prediction_test'], unexpected keys ['Y_pred_test']"),
        ("default_rate_08: its default learning_rate is 0.8, not 0.5", "", "advice",
         "learning_rate: float = 0.5", "learning_rate: float = 0.8", "model()'s default learning_rate=0.8 is not the course's"),
        ("key_words_reordered: names the keys cost, Y_test_prediction, Y_train_prediction", "structure", "message",
         '        "costs": costs,', '        "cost": costs,',
         '        "Y_prediction_test": Y', '        "Y_test_prediction": Y',
         '        "Y_prediction_train": Y', '        "Y_train_prediction": Y', "unexpected keys ['Y_test_prediction', 'Y_train_prediction', 'cost']"),
        ("input_size: hard-codes the course's input size 12288 (64 x 64 x 3 cat pictures)", RAISES_ALWAYS, "message",
         "initialize_with_zeros(X_train.shape[0])", "initialize_with_zeros(12288)", "initialize_with_zeros(12288)"),
        ("init_examples: initialize_with_zeros(X_train.shape[1]): a weight per example (m), not per feature", RAISES_ALWAYS, "hint",
         "initialize_with_zeros(X_train.shape[0])", "initialize_with_zeros(X_train.shape[1])",
         "w has one weight per feature: initialize_with_zeros(X_train.shape[0]), the n_x rows of X_train."),
        ("notebook_data: trains on the notebook's train_set_x and train_set_y, not its arguments", "values uses_arguments", "hint",
         "def model(", NOTEBOOK_DATA,
         "X_train, Y_train, num_iterations", "train_set_x, train_set_y, num_iterations", "train on the arguments X_train, Y_train: graders pass other data."),
        ("hard_coded: passes 2000 and 0.5 to optimize instead of its arguments", "uses_arguments", "hint",
         "num_iterations, learning_rate, print_cost\n", "2000, 0.5, print_cost\n", "pass num_iterations and learning_rate on to optimize()."),
        ("swapped_sets: predicts the test set with X_train and the training set with X_test", ALL_TRAINING, "message",
         "(w, b, X_test)\n    Y_prediction_train = predict(w, b, X_train)", "(w, b, X_train)\n    Y_prediction_train = predict(w, b, X_test)", "(1, m_test)"),
        ("always_prints: passes print_cost=True to optimize, whatever model's print_cost", "prints", "message",
         "num_iterations, learning_rate, print_cost\n", "num_iterations, learning_rate, True\n", "printed 3 cost line(s) although print_cost was False"),
        ("initial_params: returns the initial w and b instead of the trained ones", "values uses_arguments", "hint",
         '    w = params["w"]\n    b = params["b"]\n', "",
         "predict(w, b, X_test)", 'predict(params["w"], params["b"], X_test)',
         "predict(w, b, X_train)", 'predict(params["w"], params["b"], X_train)', 'return params["w"] and params["b"] from optimize().'),
    ),
    mistake("model", "inlined", "copies the training loop into model instead of calling optimize", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X_train, Y_train)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    Y_prediction_test, Y_prediction_train = predict(w, b, X_test), predict(w, b, X_train)
    if print_cost:
        print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train": Y_prediction_train, "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""", "calls_building_blocks", message="never calls optimize()"),
    # The course's own forms: full marks, and the kit's advice.
    *table("sigmoid",
        ("ratio_form: e^z / (1 + e^z), nan at z = 1000", "", "advice",
         SIGMOID, "return np.exp(z) / (1 + np.exp(z))", "nan"),
        ("negates_in_place: z *= -1 before exponentiating (the caller's z flips sign)", "", "advice",
         SIGMOID, "z *= -1\n    return 1 / (1 + np.exp(z))", "changed its argument z in place")),
    *table("initialize_with_zeros",
        ("int_b: b = 0, an int (the 2017-2020 template)", "", "advice",
         "b = 0.0\n", "b = 0\n", "the float 0.0")),
    *table("optimize",
        ("in_place: w -= learning_rate * dw modifies the caller's w", "", "advice",
         "    w = copy.deepcopy(w)\n", "",
         "w = w - learning_rate", "w -= learning_rate", "changed its argument w in place")),
    *table("model",
        ("inline_init: initializes w and b inline", "", "advice",
         "initialize_with_zeros(X_train.shape[0])", "np.zeros((X_train.shape[0], 1)), 0.0", "does not call initialize_with_zeros()")),
]
# fmt: on


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = reasons(
    "sigmoid hidden: a formula wrong on random inputs is also wrong on the visible ones",
    "propagate values: a formula wrong on the course's example is also wrong on random "
    "problems (hidden)",
    "propagate gradcheck: the reference's gradients are those of its cost, so gradients "
    "that disagree with the own cost differ from the reference's too (values, hidden)",
    "optimize values: an update wrong with the default arguments is also wrong on random "
    "problems (hidden)",
    "optimize hidden: the visible example is generic; hard-coded arguments fail "
    "uses_arguments instead",
    "predict values: as for sigmoid values",
)
