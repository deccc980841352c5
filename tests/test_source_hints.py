"""Mistakes the source shows name themselves: a return in a loop, a misspelled string or name,
a count written as a number where the call's number of examples belongs."""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path

import numpy as np
import pytest

from autograder import source_hints, units
from autograder.engine import grade_path, grade_submission, load_reference
from autograder.mistakes import variant
from autograder.relations import hard_coded_count_hint

from .helpers import mistake_submission, text_submission

ROOT = Path(__file__).resolve().parents[1]

OPTIMIZE_END = """    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
"""


def _messages(unit: str, mistake, function: str) -> list[str]:
    result = grade_submission(unit, mistake_submission(unit, mistake), tasks=[function])
    return [c.message for c in result.tasks[0].checks if not c.passed]


@pytest.mark.parametrize(
    ("unit", "mistake", "words"),
    [
        (
            "deep_network",
            variant("linear_activation_forward", "case", "ReLu",
                    ('elif activation == "relu":', 'elif activation == "ReLu":')),
            "linear_activation_forward() compares with 'ReLu' where 'relu' belongs",
        ),
        (
            "deep_network",
            variant("L_model_backward", "key_case", "dw",
                    ('grads["dW" + str(L)]', 'grads["dw" + str(L)]'),
                    ('grads["dW" + str(l + 1)]', 'grads["dw" + str(l + 1)]')),
            "L_model_backward() uses the key 'dw' where 'dW' belongs",
        ),
        (
            "deep_network",
            variant("compute_cost", "param_typo", "A_L",
                    ("def compute_cost(AL: np.ndarray", "def compute_cost(A_L: np.ndarray")),
            "'AL' is not defined, but compute_cost() has a parameter 'A_L'",
        ),
        (
            "logistic_regression",
            variant("optimize", "return_in_loop", "return in the loop",
                    (OPTIMIZE_END, textwrap.indent(OPTIMIZE_END, "    "))),
            "optimize() returns inside its for loop",
        ),
        (
            "shallow_network",
            variant("nn_model", "return_in_loop", "return in the loop",
                    ("    return parameters\n    ###", "        return parameters\n    ###")),
            "nn_model() returns inside its for loop",
        ),
        (
            "logistic_regression",
            variant("optimize", "no_print_cost", "no print_cost parameter",
                    ("    print_cost: bool = False,\n) -> tuple[dict", ") -> tuple[dict"),
                    ("            if print_cost:\n", "            if False:\n")),
            "optimize() does not fit the call the course's notebook and tests make (got an "
            "unexpected keyword argument 'print_cost'): keep the stub's signature, optimize(w, "
            "b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False)",
        ),
        (
            "logistic_regression",
            variant("optimize", "no_grads", "returns (params, costs)",
                    ("return params, grads, costs", "return params, costs")),
            "optimize() returned 2 of the right result's 3 items: item 1 (a dict) is left out",
        ),
        (
            "numpy_basics",
            variant("sigmoid", "with_x", "returns (s, x)",
                    ("else s\n", "else s, x\n")),
            "sigmoid() returned a tuple of 2 whose item 0 is the right result",
        ),
        (
            "numpy_basics",
            variant("L1", "function", "returns np.sum",
                    ("return float(np.sum(np.abs(y - yhat)))", "return np.sum")),
            "L1() returned a function, not a value",
        ),
        (
            "deep_network",
            variant("two_layer_model", "no_return", "no return",
                    ("    return parameters, costs\n", "")),
            "two_layer_model() returned None: the return statement is missing",
        ),
        (
            "shallow_network",
            variant("predict", "helper_key", "a helper of its own reads 'w1'",
                    ("    A2, cache = forward_propagation(X, parameters)\n",
                     "    A2 = _forward(X, parameters)\n"),
                    ("def predict(", "def _forward(X, p):\n"
                     "    return sigmoid(p['W2'] @ np.tanh(p['w1'] @ X + p['b1']) + p['b2'])\n"
                     "\n\ndef predict(")),
            "the key 'w1' is looked up, but the course's key is 'W1'",
        ),
        (
            "numpy_basics",
            variant("normalize_rows", "reshape_2", "x_norm reshaped to the visible 2 rows",
                    ("    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)",
                     "    x_norm = np.linalg.norm(x, ord=2, axis=1).reshape(2, 1)")),
            "normalize_rows() writes a size as a number (np.linalg.norm(x, ord=2, axis=1)"
            ".reshape(2, 1)): it fits only inputs of that size",
        ),
        (
            "shallow_network",
            variant("predict", "reordered", "predict(X, parameters)",
                    ("def predict(parameters: dict[str, np.ndarray], X: np.ndarray)",
                     "def predict(X: np.ndarray, parameters: dict[str, np.ndarray])")),
            "predict(X, parameters) takes the stub's parameters in another order: the course's "
            "calls pass them as predict(parameters, X)",
        ),
        (
            "deep_network",
            variant("compute_cost", "m_400", "m = 400",
                    ("m = Y.shape[1]", "m = 400")),
            "is 3/400 of the right result: the code divides by 400",
        ),
        (
            "deep_network",
            variant("L_model_backward", "db_twice", "db where dW belongs, in one unpacking",
                    ("    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "
                     '"sigmoid")\n    grads["dA" + str(L - 1)] = dA_prev\n'
                     '    grads["dW" + str(L)] = dW\n    grads["db" + str(L)] = db\n',
                     '    grads["dA" + str(L - 1)], grads["db" + str(L)], grads["db" + str(L)] = '
                     'linear_activation_backward(dAL, caches[L - 1], "sigmoid")\n')),
            "assigns grads['db' + str(L)] twice in one unpacking",
        ),
        (
            "shallow_network",
            variant("predict", "call_swapped", "forward_propagation(parameters, X) in predict",
                    ("forward_propagation(X, parameters)", "forward_propagation(parameters, X)")),
            "predict() calls forward_propagation(parameters, X) (line",
        ),
        (
            "shallow_network",
            variant("initialize_parameters", "w1_twice", "a dict naming W1 twice (sweep 12 P11)",
                    ('{"W1": W1, "b1": b1, "W2": W2, "b2": b2}',
                     '{"W1": W1, "b2": b2, "W1": W1, "W2": W2}')),
            "writes the key 'W1' twice in one dict",
        ),
        (
            "deep_network",
            variant("L_model_forward", "one_more", "the relu loop runs through layer L too",
                    ("for l in range(1, L):", "for l in range(1, L + 1):")),
            "L_model_forward() loops over range(1, L + 1) (line",
        ),
        (
            "deep_network",
            variant("linear_backward", "cache_order", "the cache unpacked as (W, A_prev, b)",
                    ("A_prev, W, b = cache", "W, A_prev, b = cache")),
            "linear_backward() unpacks W, A_prev, b (line",
        ),
        (
            "deep_network",
            variant("two_layer_model", "one_tuple", "the arguments of a call in one tuple",
                    ('linear_activation_forward(A1, W2, b2, "sigmoid")',
                     'linear_activation_forward((A1, W2, b2, "sigmoid"))')),
            "): the extra parentheses make its arguments one. Call "
            "linear_activation_forward(A1, W2, b2, 'sigmoid').",
        ),
    ],
)  # fmt: skip
def test_the_source_names_the_mistake_in_every_failing_check(unit, mistake, words):
    messages = _messages(unit, mistake, mistake.function)
    assert messages, "the mistake should fail some check"
    assert all(words in m for m in messages if "hidden" not in m.split("\n")[0]), messages
    assert any(words in m for m in messages)


@pytest.mark.parametrize("unit", units.available())
def test_the_reference_shows_nothing_to_hint(unit):
    """No hint invented for correct code: the reference's own functions show no mistake."""
    reference = load_reference(unit)
    for task in units.get(unit).tasks:
        source = textwrap.dedent(inspect.getsource(getattr(reference, task.function)))
        wanted = source_hints.key_strings(source)
        assert source_hints.return_in_loop_hint(task.function, source) is None, task.function
        assert source_hints.repeated_key_hint(task.function, source) is None, task.function
        params = _positional_parameters(reference)
        hint = source_hints.swapped_arguments_hint(task.function, source, params)
        assert hint is None, hint
        assert source_hints.misspelled_string_hint(task.function, source, wanted) is None


def _positional_parameters(module):
    """``params_of`` for :func:`source_hints.swapped_arguments_hint` over a module's functions."""

    def params_of(name):
        fn = getattr(module, name, None)
        if not callable(fn):
            return None
        kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        return [p.name for p in inspect.signature(fn).parameters.values() if p.kind in kinds]

    return params_of


def test_strings_of_text_are_not_names():
    source = """def f(activation, grads):
    print("Relu layer", activation)
    assert grads["dW" + str(1)].shape == (2, 1), "wrong shape"
    if activation in ("relu", "sigmoid"):
        return grads[f"dW{1}"], {"costs": 1}, g(mode="fast")
"""
    uses = {
        "relu": "compare",
        "sigmoid": "compare",
        "dW": "key",
        "costs": "key",
        "fast": "argument",
    }
    assert source_hints.key_strings(source) == uses


@pytest.mark.parametrize(
    ("spelled", "wanted", "named"),
    [
        ("ReLu", "relu", True),
        ("Sigmoid", "sigmoid", True),
        ("leaky relu", "leaky_relu", False),  # not a name: a space
        ("sigmod", "sigmoid", True),
        ("cost", "costs", True),
        ("tanh", "relu", False),
        ("W1", "b1", False),
        ("dW", "dW", False),
    ],
)
def test_a_string_is_misspelled_only_when_it_is_alike_and_the_right_one_is_absent(
    spelled, wanted, named
):
    source = f"def f(a):\n    if a == {spelled!r}:\n        return 1\n"
    hint = source_hints.misspelled_string_hint("f", source, {wanted})
    assert (hint is not None) == named, hint


@pytest.mark.parametrize(
    ("missing", "words"),
    [
        ("parameters", "has a parameter 'params'"),
        ("costs", "assigns 'cost'"),
        ("bd2", "assigns 'db2'"),  # letters swapped, not b2, which is closer by difflib
        ("dA_prev", "assigns 'dA_prev_temp'"),  # a name that extends it
        ("a_l", "has a parameter 'A_L'"),
        ("sigmoid_", "your code defines a function 'sigmoid'"),
        ("train_set_x", None),  # a notebook variable: nothing alike in the code
    ],
)
def test_a_name_is_mistyped_only_when_the_code_has_one_alike(missing, words):
    source = """def f(params, A_L, Y):
    cost, b2, db2 = 1, 2, 3
    dA_prev_temp = 4
    return parameters, costs
"""
    hint = source_hints.undefined_name_hint("f", source, missing, functions=["sigmoid"])
    assert (hint is None) if words is None else (words in hint), hint


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("    m = x_train.shape[1]", "reads 'x_train', which is neither one of its parameters"),
        ("    m = sigmoid_v(X).shape[1]", None),  # a function called: not a notebook variable
        ("    x_train = X\n    m = x_train.shape[1]", None),
        ("    m = mp.sum(X)", "'mp' is not defined, but np is (numpy)"),  # real: mp.exp
    ],
)
def test_a_notebook_variable_read_inside_a_function_is_named(line, words):
    """Real code read the notebook's x_train inside propagate: it was told of a key."""
    source = f"def propagate(w, b, X, Y):\n{line}\n    return m\n"
    missing = next(n for n in ("sigmoid_v", "mp", "x_train") if n in line)
    hint = source_hints.undefined_name_hint("propagate", source, missing)
    assert (hint is None) if words is None else (words in hint), hint


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            "    for i in range(1, L):\n        s += caches[l]\n",
            "the loop on line 3 in f() counts with 'i'",
        ),
        ("    for i in range(1, L):\n        s += mp.exp(i)\n", "'mp' is not defined, but np is"),
        ("    for l in range(1, L):\n        s += caches[l]\n    s += caches[L]\n", None),
    ],
    ids=["counter", "module", "defined"],
)
def test_a_loop_variable_spelled_two_ways_is_named(body, words):
    """Real: for i in reversed(range(L - 1)) and caches[l] in its body was told to use L."""
    source = f"def f(caches, L):\n    s = 0\n{body}    return s\n"
    missing = "mp" if "mp." in body else "l"
    hint = source_hints.undefined_name_hint("f", source, missing)
    assert (words is None and "loop" not in (hint or "")) or (words in (hint or "")), hint


def test_only_a_return_every_pass_reaches_stops_the_loop():
    early = "def f(n):\n    for i in range(n):\n        if i > 3:\n            return i\n"
    nested = "def f(n):\n    def g():\n        for i in n:\n            return i\n    return g\n"
    loop = "def f(n):\n    while n:\n        n -= 1\n        return n\n"
    assert source_hints.return_in_loop_hint("f", early) is None
    assert source_hints.return_in_loop_hint("f", nested) is None
    assert "returns inside its while loop (line 4" in source_hints.return_in_loop_hint("f", loop)


def test_a_count_written_as_a_number_is_named():
    Y = np.ones((1, 3))
    hint = hard_coded_count_hint(0.3 * 3 / 209, 0.3, (Y, Y), {2, 209}, "compute_cost()")
    assert "3/209 of the right result" in hint and "m = 3" in hint
    arrays = hard_coded_count_hint(np.ones((2, 2)) * 3 / 50, np.ones((2, 2)), (Y,), {50}, "f()")
    assert "3/50" in arrays
    assert hard_coded_count_hint(0.3 * 3 / 209, 0.3, (Y,), {50}, "f()") is None  # not written
    assert hard_coded_count_hint(0.3 * 3 / 209, 0.3, (np.ones(3),), {209}, "f()") is None
    assert hard_coded_count_hint(np.array([1.0, 3.0]), np.ones(2), (Y,), {3}, "f()") is None


@pytest.mark.parametrize(
    ("message", "called", "words"),
    [
        (
            "linear_activation_forward() missing 3 required positional arguments: 'W', 'b', "
            "and 'activation'",
            "two_layer_model",
            "two_layer_model() calls your linear_activation_forward() in a way that does not fit",
        ),
        (
            "initialize_parameters() takes 1 positional argument but 3 were given",
            "initialize_parameters",
            "initialize_parameters() does not fit the call",
        ),
        ("reshape() missing 1 required positional argument: 'shape'", "f", None),  # numpy's
        ("f() got multiple values for argument 'x'", "f", "f() does not fit the call"),
        ("g() got multiple values for argument 'x'", "f", None),  # not the submission's
    ],
)
def test_a_call_that_does_not_fit_a_signature_of_the_submission_is_named(message, called, words):
    functions = ["two_layer_model", "linear_activation_forward", "initialize_parameters", "f"]
    hint = source_hints.signature_hint(message, called, functions)
    assert (hint is None) if words is None else (words in hint), hint


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("w1", "the course's key is 'W1'"),
        ("Y_prediciton_test", "the course's key is 'Y_prediction_test'"),
        ("W1", None),  # the course's own: its KeyError is about another dict
        ("weights", None),
    ],
)
def test_a_missing_key_spelled_like_the_courses_is_named(key, words):
    hint = source_hints.missing_key_hint(key, {"W1", "b1", "Y_prediction_test", "costs"})
    assert (hint is None) if words is None else (words in hint), hint


@pytest.mark.parametrize(
    ("params", "stub", "words"),
    [
        (["params", "X", "Y"], ["w", "b", "X"], "so X gets the course's b. Keep the stub's"),
        (["X", "w", "b"], ["w", "b", "X"], "takes the stub's parameters in another order"),
        (["w", "b", "X", "Y"], ["w", "b", "X"], None),  # an extra parameter after the stub's
        (["weights", "bias", "data"], ["w", "b", "X"], None),  # renamed in place
        (["A2", "Y", "parameters"], ["A2", "Y"], None),  # the 2017-2020 compute_cost
        (["z"], ["x"], None),
        (["X", "Y", "n", "num_iterations"], ["X", "Y", "n_h", "num_iterations"], None),
        (
            ["X", "Y", "num_iterations"],
            ["X", "Y", "n_h", "num_iterations"],
            "gets the course's n_h",
        ),
        # a parameter with a default is passed by keyword: its place does not matter
        (["X", "Y", "n_h", "lr", "num_iterations"], ["X", "Y", "n_h", "num_iterations"], None),
    ],
)
def test_a_parameter_in_another_place_than_the_stubs_is_named(params, stub, words):
    """Real logistic predict(params, X, Y) was told "an array is used as an index"."""
    required = 3 if "n_h" in stub else None
    signature = f"({', '.join(stub)})"
    hint = source_hints.reordered_parameters_hint("f", params, stub, signature, required)
    assert (hint is None) if words is None else (words in hint), hint


MISNAMED = """
import numpy as np


def propogate(w, b, X, Y):
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    A = sigmoid(w.T @ X + b)
    return {"dw": X @ (A - Y).T / X.shape[1], "db": float(np.mean(A - Y))}, 0.0


def predict_all(w, b, X):
    return w.T @ X + b

"""


@pytest.mark.parametrize(
    ("function", "words"),
    [
        ("propagate", "the code defines propogate(), spelled like propagate(): the course's"),
        ("sigmoid", "sigmoid() is defined inside propogate(), where only that function can"),
        ("predict", "the code defines predict_all(w, b, X), with predict()'s parameters"),
        ("optimize", "keep the function name and signature exactly as in the stub."),
    ],
)
def test_a_function_not_found_is_told_of_one_spelled_alike_or_nested(function, words):
    """Real logistic code defined propogate, optimeze, initialize_with_zero, and a sigmoid
    inside propagate; each was told only to keep the stub's name."""
    submission = text_submission("logistic_regression", MISNAMED)
    result = grade_submission("logistic_regression", submission, tasks=[function])
    messages = [c.message for c in result.tasks[0].checks]
    assert all("not found" in m and words in m for m in messages), messages


def test_a_function_named_in_another_case_is_told_so():
    """Real numpy code defined l1 and l2 for L1 and L2 (too short for a likeness ratio)."""
    code = "import numpy as np\n\ndef l1(yhat, y):\n    return np.sum(np.abs(y - yhat))\n"
    result = grade_submission("numpy_basics", text_submission("numpy_basics", code), tasks=["L1"])
    messages = [c.message for c in result.tasks[0].checks]
    assert all("the code defines l1(), spelled like L1()" in m for m in messages), messages


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("W, A_prev, b = cache", "unpacks W, A_prev, b (line 2) in another"),
        ("A_prev, W, b = cache", None),
        ("A_prev, W = cache[:2]", None),  # other names than the course unpacks together
        ("W, A, b = cache", None),
    ],
)
def test_names_unpacked_in_another_order_than_the_references_are_named(line, words):
    reference = "def f(dZ, cache):\n    A_prev, W, b = cache\n    return W.T @ dZ\n"
    source = f"def f(dZ, cache):\n    {line}\n    return W.T @ dZ\n"
    hint = source_hints.read_otherwise_hint("f", source, reference)
    assert (hint is None) if words is None else (words in hint), hint


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("m = X.shape[0]", "sets m = X.shape[0] (line 2), the number of rows"),
        ("m = X.shape[1]", None),
        ("m = Y.shape[1]", None),  # another array, the same axis: right
        ("n = X.shape[0]", None),  # a name the course does not read
    ],
)
def test_a_size_read_from_another_axis_than_the_references_is_named(line, words):
    reference = "def f(w, X):\n    m = X.shape[1]\n    return w.T @ X / m\n"
    source = f"def f(w, X):\n    {line}\n    return w.T @ X / m\n"
    hint = source_hints.read_otherwise_hint("f", source, reference)
    assert (hint is None) if words is None else (words in hint), hint


def test_real_propagate_with_m_read_from_the_rows_is_told_so_on_every_check():
    """Real code: m = X.shape[0]; the hidden inputs' n_x = 3 matched "hard-codes m = 3"."""
    source = load_reference("logistic_regression").__file__
    text = Path(source).read_text().replace("    m = X.shape[1]\n", "    m = X.shape[0]\n", 1)
    assert "m = X.shape[0]" in text
    result = grade_submission(
        "logistic_regression", text_submission("logistic_regression", text), tasks=["propagate"]
    )
    failed = [c.message for c in result.tasks[0].checks if not c.passed]
    assert failed and all("sets m = X.shape[0]" in m for m in failed), failed


@pytest.mark.parametrize(
    ("handler", "printed", "named"),
    [
        ("    except Exception as ex:\n        print('Error', ex)\n", "Error 'int'", True),
        ("    except:\n        print('oops')\n", "oops", True),
        ("    except Exception as ex:\n        print(ex)\n        raise\n", "boom", False),
        ("    except KeyError:\n        print('no key')\n", "no key", False),
        ("    except Exception:\n        pass\n", "", False),
    ],
    ids=["broad", "bare", "raises_again", "narrow", "nothing_printed"],
)
def test_a_try_that_swallows_every_error_is_named_with_what_it_printed(handler, printed, named):
    """Real code wrapped initialize_parameters in try/except Exception: print(...): its
    dict of None was told 'should be a numpy.ndarray' and nothing of the error it printed."""
    source = f"def f(X):\n    p = None\n    try:\n        p = X.shape\n{handler}    return p\n"
    hint = source_hints.swallowed_error_hint("f", source, printed)
    assert (hint is not None and "catches every exception (line 5)" in hint) == named, hint
    assert not named or repr(printed) in hint


@pytest.mark.parametrize(
    ("text", "words"),
    [  # real (sweeps 12, 13): a stub name inside a longer one; the stubs as static methods
        ("def logistic_model(X_train, Y_train):\n    return {}\n",
         "defines logistic_model(), spelled like model()"),
        ("class NumpyTest:\n    @staticmethod\n    def model(x):\n        return x\n",
         "model() is a method of the class NumpyTest"),
    ],
)  # fmt: skip
def test_a_function_defined_under_a_longer_name_or_in_a_class_is_named(text, words):
    found = source_hints.misnamed_function_hint("model", [text], ["propagate", "predict"])
    assert found is not None and words in found


def test_a_def_whose_parameters_fit_another_missing_function_is_offered_for_that_one():
    # sweep 14 P10: the deep initializer under another name is not initialize_parameters
    text = "def initialize_parameters_n(layer_dims):\n    return {}\n"
    arity = {"initialize_parameters": ("n_x", "n_h", "n_y"), "initialize_parameters_deep": ("x",)}
    others = list(arity)
    two = source_hints.misnamed_function_hint("initialize_parameters", [text], others, arity)
    deep = source_hints.misnamed_function_hint("initialize_parameters_deep", [text], others, arity)
    assert two is None
    assert deep is not None and "initialize_parameters_n()" in deep
    # the parameters alone decide nothing where no other missing function fits them
    alone = {"initialize_parameters": ("n_x", "n_h", "n_y")}
    found = source_hints.misnamed_function_hint("initialize_parameters", [text], [], alone)
    assert found is not None and "initialize_parameters_n()" in found


def test_a_misspelling_is_compared_with_a_bounded_number_of_names(monkeypatch):
    # red team 15 C: difflib over every def name of a file of 9,000 long names, once per check
    # whose call raised NameError: 11 minutes of grader CPU
    seen = []

    def spy(word, candidates, n, cutoff):
        seen.append(list(candidates))
        return []

    monkeypatch.setattr(source_hints.difflib, "get_close_matches", spy)
    many = {f"name_{i:05d}_x" for i in range(9000)}
    assert source_hints._spelled_like("name_00001_y", many | {"far_too_long" * 10}) == []
    assert len(seen[0]) == source_hints.MAX_CANDIDATES
    assert all(len(n) <= source_hints.MAX_NAME for n in seen[0])
    assert source_hints._spelled_like("l" * 199, many) == []  # no course name is that long
    assert len(seen) == 1


def test_a_size_passed_from_the_other_axis_is_named_at_the_call():
    # sweep 16 P4: model() sized w by the examples, initialize_with_zeros(X_train.shape[1]);
    # the error surfaced in propagate with "a missing .T?"
    mine = "def model(X_train, Y_train):\n    w, b = initialize_with_zeros(X_train.shape[1])\n"
    ref = "def model(X_train, Y_train):\n    w, b = initialize_with_zeros(X_train.shape[0])\n"
    hint = source_hints.read_otherwise_hint("model", mine, ref)
    assert hint is not None and "initialize_with_zeros(X_train.shape[1])" in hint
    assert "the course passes X_train.shape[0]" in hint
    assert source_hints.read_otherwise_hint("model", ref, ref) is None


def test_a_def_with_a_functions_parameters_under_another_name_is_offered():
    # sweep 16 P8: nn_model written as neural_network_model(X, Y, n_h, ...) got the generic
    # "keep the function name"; difflib finds no likeness
    text = (
        "def neural_network_model(X, Y, n_h, num_iterations=10000, print_cost=False):\n    pass\n"
    )
    signatures = {"nn_model": ("X", "Y", "n_h")}  # its required parameters
    found = source_hints.misnamed_function_hint("nn_model", [text], ["nn_model"], signatures)
    assert found is not None and "neural_network_model(X, Y, n_h" in found
    two = {**signatures, "other_model": signatures["nn_model"]}  # two missing fit: no guess
    assert source_hints.misnamed_function_hint("nn_model", [text], list(two), two) is None


def test_a_hint_gives_the_line_as_the_file_numbers_it(tmp_path):
    """Lines were counted from the def (docstring included) while exceptions gave the file's
    line: 'line 45 of the function' for the file's line 196 (msg 16 M11)."""
    unit, function = "deep_network", "linear_backward"
    text = (ROOT / "solutions" / f"{unit}.py").read_text()
    start = text.index(f"\ndef {function}(")
    end = text.index("\n    A_prev, W, b = cache", start)
    path = tmp_path / f"{unit}.py"
    path.write_text(
        text[:end] + "\n    W, A_prev, b = cache" + text[end + len("\n    A_prev, W, b = cache") :]
    )
    line = path.read_text()[: end + 1].count("\n") + 1
    result = grade_path(path, tasks=[function])[0]
    messages = [c.message for c in result.tasks[0].checks if not c.passed]
    assert messages and any(f"unpacks W, A_prev, b (line {line})" in m for m in messages), messages


def test_a_template_placeholder_left_in_place_is_named():
    """Sweep 17 P12: the template's ``W1 = None`` kept above the update raised a NoneType
    TypeError with no hint."""
    source = (
        "def update_parameters(parameters, grads, learning_rate=1.2):\n"
        "    W1 = None\n"
        "    dW1 = grads['dW1']\n"
        "    W1 = W1 - learning_rate * dW1\n"
        "    return {'W1': W1}\n"
    )
    message = "unsupported operand type(s) for -: 'NoneType' and 'float'"
    hint = source_hints.none_placeholder_hint("update_parameters", source, message)
    assert hint is not None and "sets W1 = None (line 2" in hint and "(line 4)" in hint
    assert source_hints.none_placeholder_hint("update_parameters", source, "other") is None
    fixed = source.replace("    W1 = None\n", "    W1 = parameters['W1']\n")
    assert source_hints.none_placeholder_hint("update_parameters", fixed, message) is None
