"""What each course fixture is, what it must score, and the real bugs injected into it.

:data:`FIXTURES` lists every ``tests/course_code/<unit>/<release>.ipynb`` notebook: its unit, the
course release it was written against, the course tasks it defines (the tasks that must get
full marks) and the release conventions a grader has to recognize to give them (keys of
:data:`CONVENTIONS`). :data:`INJECTIONS` are real bugs students make (from
``shared/notes/course-releases.md`` and ``course-api.md``), each a text substitution in one
fixture that must cost points on its own task and on no other.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from tests.course_code import HERE, fixture_script

#: The release conventions the fixtures exercise, keyed for the manifest. The note's table rows
#: and causes are all here; the last group goes beyond the note (found while writing fixtures).
CONVENTIONS: dict[str, str] = {
    # names and signatures
    "normalizeRows": "normalizeRows(x), the 2017-2020 name of normalize_rows",
    "optimize-no-defaults": "optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False) "
    "without defaults (2017-2020)",
    "planar-cost-parameters": "planar compute_cost(A2, Y, parameters) with the unused parameters "
    "argument (2017-2020)",
    "dA1-dAL": "L_model_backward keys dA1..dAL: grads['dA' + str(l)] is the gradient of layer l's "
    "input (2017 template and the application helper)",
    "dA0-dAL-1": "L_model_backward keys dA0..dA{L-1} (2020 and 2021 templates)",
    # template lines
    "planar-init-seed": "planar initialize_parameters calls np.random.seed(2) inside (2017-2020)",
    "deep-init-seed": "deep initialize_parameters calls np.random.seed(1) inside (every release)",
    "deep-init-deep-0.01": "initialize_parameters_deep calls np.random.seed(3) inside and "
    "scales by * 0.01 (step-by-step notebook, every release)",
    "deep-init-deep-sqrt": "initialize_parameters_deep calls np.random.seed(1) inside and "
    "scales by / np.sqrt(layer_dims[l-1]) (the application's helper)",
    "deep-update-in-place": "deep update_parameters updates the caller's dict in place (2017-2020)",
    "deep-update-deepcopy": "deep update_parameters(params, grads, learning_rate) copies with "
    "copy.deepcopy first (2021)",
    "b-int": "initialize_with_zeros sets b = 0, an int, which the 2017-2020 asserts allow",
    # kit-only strictness on course functions
    "textbook-sigmoid": "sigmoid as 1/(1+np.exp(-x)) (overflow warning at -1000, exact values)",
    "textbook-softmax": "softmax without subtracting the row max (nan at +-1000)",
    "basic-sigmoid-float64": "basic_sigmoid through np.exp returns numpy.float64",
    "float64-number": "a cost or loss returned as numpy.float64 (np.squeeze / np.sum / np.dot)",
    "0d-cost": "a cost returned as a 0-d array (np.squeeze of a (1, 1) np.dot result)",
    "int-predictions": "predict returns an integer 0/1 array",
    "numpy1-alias": "np.int, a numpy-1 alias that numpy 2 removed (AttributeError today)",
    # helper modules and notebooks
    "helpers-dnn_utils": "sigmoid, relu, sigmoid_backward, relu_backward from dnn_utils / "
    "dnn_utils_v2 (sigmoid(Z) -> (A, cache))",
    "helpers-dnn_app_utils": "every building block of the application models from "
    "dnn_app_utils_v2 / dnn_app_utils_v3",
    "helpers-planar_utils": "sigmoid (returning the array) from planar_utils",
    "server-imports": "first-cell imports that fail outside the course's servers (testCases*, "
    "public_tests, lr_utils, dnn_utils*, planar_utils, h5py)",
    "public-tests-in-function-cell": "the basic_sigmoid cell itself starts with "
    "`from public_tests import *` (2021 numpy basics)",
    "failing-test-cells": "notebook cells that fail in a grader: testCases data, *_test(...) "
    "calls, course datasets, the notebook's own error demo",
    # beyond the note
    "planar-update-in-place": "planar update_parameters updates the caller's arrays in place "
    "(W1 -= ..., accepted before the 2021 copy.deepcopy hint)",
    "models-return-parameters": "two_layer_model / L_layer_model return only parameters, record "
    "costs only when print_cost is set and plot them (2017-2020 application template)",
}


class Fixture(NamedTuple):
    """One course fixture.

    Attributes:
        name: ``<unit>/<file stem>``.
        unit: the kit's unit.
        release: the course release and notebook.
        tasks: the course tasks the file defines (each must get full marks).
        conventions: keys of :data:`CONVENTIONS` a grader must recognize for this file.
    """

    name: str
    unit: str
    release: str
    tasks: tuple[str, ...]
    conventions: tuple[str, ...]

    @property
    def path(self) -> Path:
        """The fixture's notebook."""
        return HERE / f"{self.name}.ipynb"

    @property
    def script(self) -> str:
        """The notebook exported as a percent-format script (what injections change)."""
        return fixture_script(self.path)


class Injection(NamedTuple):
    """A real bug injected into a fixture.

    Attributes:
        fixture: the fixture's name.
        old: text that occurs exactly once in the fixture, inside the task's function.
        new: its replacement.
        task: the one task that must lose points.
        description: the bug, in a few words.
    """

    fixture: str
    old: str
    new: str
    task: str
    description: str

    def apply(self, text: str) -> str:
        """Return ``text`` with the bug injected (``old`` must occur exactly once)."""
        if text.count(self.old) != 1:
            raise ValueError(
                f"{self.fixture}: the injection's old text occurs {text.count(self.old)} times"
            )
        return text.replace(self.old, self.new)


def _ids(unit_number: int, first: int, last: int) -> tuple[str, ...]:
    return tuple(f"{unit_number}.{n}" for n in range(first, last + 1))


NUMPY = _ids(2, 1, 8)
LOGISTIC = _ids(3, 1, 6)
PLANAR = _ids(4, 9, 16)
DEEP_STEPS = _ids(5, 1, 10)
DEEP_MODELS = _ids(5, 11, 12)

FIXTURES: tuple[Fixture, ...] = (
    Fixture(
        "numpy_basics/v3_2017",
        "numpy_basics",
        "2017, Python Basics With Numpy v3",
        NUMPY,
        (
            "normalizeRows",
            "textbook-sigmoid",
            "textbook-softmax",
            "float64-number",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "numpy_basics/v3a_2020",
        "numpy_basics",
        "2020, Python_Basics_With_Numpy_v3a",
        NUMPY,
        (
            "normalizeRows",
            "basic-sigmoid-float64",
            "textbook-sigmoid",
            "textbook-softmax",
            "float64-number",
        ),
    ),
    Fixture(
        "numpy_basics/w2a1_2021",
        "numpy_basics",
        "2021+, W2A1 Python_Basics_with_Numpy",
        NUMPY,
        (
            "public-tests-in-function-cell",
            "server-imports",
            "textbook-sigmoid",
            "textbook-softmax",
            "float64-number",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "logistic_regression/v4_2017",
        "logistic_regression",
        "2017, Logistic Regression with a Neural Network mindset (v3/v4 template)",
        LOGISTIC,
        (
            "b-int",
            "optimize-no-defaults",
            "textbook-sigmoid",
            "float64-number",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "logistic_regression/v6a_2020",
        "logistic_regression",
        "2020, Logistic_Regression_with_a_Neural_Network_mindset_v6a",
        LOGISTIC,
        (
            "b-int",
            "optimize-no-defaults",
            "textbook-sigmoid",
            "float64-number",
            "int-predictions",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "logistic_regression/w2a2_2021",
        "logistic_regression",
        "2021+, W2A2 Logistic_Regression_with_a_Neural_Network_mindset",
        LOGISTIC,
        ("0d-cost", "textbook-sigmoid", "server-imports", "failing-test-cells"),
    ),
    Fixture(
        "shallow_network/v5_2017",
        "shallow_network",
        "2017, Planar data classification with one hidden layer v5",
        PLANAR,
        (
            "planar-init-seed",
            "planar-cost-parameters",
            "float64-number",
            "numpy1-alias",
            "int-predictions",
            "helpers-planar_utils",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "shallow_network/v6c_2020",
        "shallow_network",
        "2020, Planar_data_classification_with_onehidden_layer_v6c",
        PLANAR,
        (
            "planar-init-seed",
            "planar-cost-parameters",
            "planar-update-in-place",
            "int-predictions",
            "helpers-planar_utils",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "shallow_network/w3a1_2021",
        "shallow_network",
        "2021+, W3A1 Planar_data_classification_with_one_hidden_layer",
        PLANAR,
        ("helpers-planar_utils", "server-imports", "failing-test-cells"),
    ),
    Fixture(
        "deep_network/v3_2017",
        "deep_network",
        "2017, Building your Deep Neural Network: Step by Step (testCases_v2, dnn_utils_v2)",
        DEEP_STEPS,
        (
            "deep-init-seed",
            "deep-init-deep-0.01",
            "dA1-dAL",
            "deep-update-in-place",
            "float64-number",
            "helpers-dnn_utils",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "deep_network/v8a_2020",
        "deep_network",
        "2020, Building_your_Deep_Neural_Network_Step_by_Step_v8a",
        DEEP_STEPS,
        (
            "deep-init-seed",
            "deep-init-deep-0.01",
            "dA0-dAL-1",
            "deep-update-in-place",
            "0d-cost",
            "helpers-dnn_utils",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "deep_network/w4a1_2021",
        "deep_network",
        "2021+, W4A1 Building_your_Deep_Neural_Network_Step_by_Step",
        DEEP_STEPS,
        (
            "deep-init-seed",
            "deep-init-deep-0.01",
            "dA0-dAL-1",
            "deep-update-deepcopy",
            "float64-number",
            "helpers-dnn_utils",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "deep_network/app_helpers_2017",
        "deep_network",
        "2017, Deep Neural Network - Application v3, with dnn_app_utils_v2 pasted in",
        DEEP_STEPS + DEEP_MODELS,
        (
            "deep-init-seed",
            "deep-init-deep-sqrt",
            "dA1-dAL",
            "deep-update-in-place",
            "0d-cost",
            "models-return-parameters",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "deep_network/app_v8_2020",
        "deep_network",
        "2020, Deep Neural Network - Application v8",
        DEEP_MODELS,
        (
            "helpers-dnn_app_utils",
            "models-return-parameters",
            "server-imports",
            "failing-test-cells",
        ),
    ),
    Fixture(
        "deep_network/w4a2_2021",
        "deep_network",
        "2021+, W4A2 Deep Neural Network - Application",
        DEEP_MODELS,
        ("helpers-dnn_app_utils", "server-imports", "failing-test-cells"),
    ),
)

INJECTIONS: tuple[Injection, ...] = (
    # ------------------------------------------------------------------ numpy_basics
    Injection(
        "numpy_basics/v3_2017",
        "    x_sum = np.sum(x_exp, axis = 1, keepdims = True)",
        "    x_sum = np.sum(x_exp, axis = 0, keepdims = True)",
        "2.6",
        "softmax sums each column (axis = 0) instead of each row",
    ),
    Injection(
        "numpy_basics/v3a_2020",
        "    x_norm = np.linalg.norm(x, axis=1, keepdims=True)",
        "    x_norm = np.linalg.norm(x, axis=1)",
        "2.5",
        "row norms without keepdims: the (n,) vector broadcasts along the rows",
    ),
    Injection(
        "numpy_basics/w2a1_2021",
        "    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)",
        "    v = t_image.reshape(t_image.shape[0] * t_image.shape[1] * t_image.shape[2], 1)",
        "2.4",
        "image2vector reshapes the notebook's t_image instead of its argument",
    ),
    Injection(
        "numpy_basics/v3a_2020",
        "    loss = np.sum(np.power(y - yhat, 2))",
        "    loss = np.sum(abs(y - yhat))",
        "2.8",
        "L2 copied from L1: sum of absolute differences instead of squares",
    ),
    # ------------------------------------------------------------------ logistic_regression
    Injection(
        "logistic_regression/v4_2017",
        "    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))",
        "    cost = -1 / m * np.sum(Y * np.log(A), (1 - Y) * np.log(1 - A))",
        "3.3",
        "a comma for a plus: the (1-Y) term is passed to np.sum as its axis argument",
    ),
    Injection(
        "logistic_regression/v4_2017",
        "    w, b = initialize_with_zeros(X_train.shape[0])",
        "    w, b = initialize_with_zeros(12288)",
        "3.6",
        "model hard-codes the cat images' input size 12288",
    ),
    Injection(
        "logistic_regression/v6a_2020",
        "optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)",
        "optimize(w, b, train_set_x, train_set_y, num_iterations, learning_rate, print_cost)",
        "3.6",
        "model trains on the notebook's train_set_x / train_set_y instead of its arguments",
    ),
    Injection(
        "logistic_regression/w2a2_2021",
        "    A = sigmoid(np.dot(w.T, X) + b)\n\n    # YOUR CODE ENDS HERE\n\n    for i in range",
        "    A = sigmoid(np.dot(w.T, X))\n\n    # YOUR CODE ENDS HERE\n\n    for i in range",
        "3.5",
        "predict leaves out the bias b",
    ),
    # ------------------------------------------------------------------ shallow_network
    Injection(
        "shallow_network/v5_2017",
        "    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)\n"
        "    cost = - np.sum(logprobs) / m",
        "    logprobs = np.multiply(np.log(A2),Y)\n"
        "    cost = - np.sum(logprobs)                # no need to use a for loop!",
        "4.12",
        "compute_cost copied from the notebook's hint: drops the (1-Y) term and the 1/m",
    ),
    Injection(
        "shallow_network/v6c_2020",
        "    W1 = np.random.randn(n_h,n_x)*0.01",
        "    W1 = np.random.rand(n_h,n_x)*0.01",
        "4.10",
        "np.random.rand for W1: all weights positive",
    ),
    Injection(
        "shallow_network/v6c_2020",
        "    n_x = X.shape[0] # size of input layer",
        "    n_x = 5 # size of input layer",
        "4.9",
        "layer_sizes hard-codes n_x = 5, the notebook test case's input size",
    ),
    Injection(
        "shallow_network/w3a1_2021",
        "    n_h = 4\n",
        "    n_h = 6\n",
        "4.9",
        "layer_sizes hard-codes n_h = 6 where the exercise says 4",
    ),
    Injection(
        "shallow_network/w3a1_2021",
        "    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))",
        "    dZ1 = np.dot(W2.T, dZ2) * (1 - A1)",
        "4.13",
        "tanh derivative without the square: 1 - A1 instead of 1 - A1**2",
    ),
    # ------------------------------------------------------------------ deep_network
    Injection(
        "deep_network/v3_2017",
        "    W1 = np.random.randn(n_h, n_x) * 0.01\n",
        "    W1 = np.random.randn(n_h, n_x)\n",
        "5.1",
        "W1 drawn without the * 0.01 scale",
    ),
    Injection(
        "deep_network/w4a1_2021",
        "np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01",
        "np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01",
        "5.2",
        "np.random.rand instead of randn: all weights positive",
    ),
    Injection(
        "deep_network/w4a1_2021",
        '    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], '
        'parameters["b" + str(L)], "sigmoid")',
        '    AL, cache = linear_forward(A, parameters["W" + str(L)], parameters["b" + str(L)])',
        "5.5",
        "L_model_forward returns Z_L (and a linear cache) instead of sigmoid(Z_L)",
    ),
    Injection(
        "deep_network/v8a_2020",
        '        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + '
        'str(l + 1)], current_cache, activation = "relu")',
        "        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "
        'activation = "sigmoid")',
        "5.9",
        "every hidden layer gets dAL through sigmoid_backward instead of its own upstream "
        "gradient through relu_backward",
    ),
    Injection(
        "deep_network/app_helpers_2017",
        '        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + '
        'str(l + 2)], current_cache, activation = "relu")',
        "        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, "
        'activation = "sigmoid")',
        "5.9",
        "dAL through sigmoid_backward for every hidden layer, in a file whose L_layer_model "
        "calls it (L_layer_model itself stays correct)",
    ),
    Injection(
        "deep_network/v3_2017",
        "    for l in range(L):\n"
        '        parameters["W" + str(l+1)] = parameters["W" + str(l+1)] - learning_rate * '
        'grads["dW" + str(l+1)]\n'
        '        parameters["b" + str(l+1)] = parameters["b" + str(l+1)] - learning_rate * '
        'grads["db" + str(l+1)]\n',
        "    for l in range(L):\n"
        "        for k in range(L):\n"
        '            parameters["W" + str(l+1)] = parameters["W" + str(l+1)] - learning_rate * '
        'grads["dW" + str(l+1)]\n'
        '            parameters["b" + str(l+1)] = parameters["b" + str(l+1)] - learning_rate * '
        'grads["db" + str(l+1)]\n',
        "5.10",
        "update applied L times per call (a nested loop)",
    ),
    Injection(
        "deep_network/w4a2_2021",
        '        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")',
        '        A1, cache1 = linear_activation_forward(train_x, W1, b1, "relu")',
        "5.11",
        "two_layer_model's forward pass reads the notebook's train_x instead of its X",
    ),
)

#: Older course names of the kit's functions (the fixtures define them under these names).
ALIASES: dict[str, tuple[str, ...]] = {"normalize_rows": ("normalizeRows",)}

#: Fixtures by name.
BY_NAME: dict[str, Fixture] = {f.name: f for f in FIXTURES}

#: Per unit, the fixture graded through the nbgrader flow's grading function too.
NBGRADER_FIXTURES: dict[str, str] = {
    "numpy_basics": "numpy_basics/w2a1_2021",
    "logistic_regression": "logistic_regression/w2a2_2021",
    "shallow_network": "shallow_network/w3a1_2021",
    "deep_network": "deep_network/w4a1_2021",
}
