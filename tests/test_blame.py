"""A failing building block is named first in the message of every function that uses it."""

from __future__ import annotations

import inspect
import re

import numpy as np
import pytest

from autograder import checklib as cl
from autograder.engine import grade_submission, load_reference
from autograder.mistakes import variant
from autograder.spec import Unit
from autograder.submission import Submission

from .helpers import ROOT, mistake_submission, text_submission


def _unit() -> Unit:
    unit = Unit("blame_demo", 9, "blame demo")
    square = unit.task("9.1", "square", "x squared")
    square.add("values", 1, lambda ctx: cl.compare(ctx.call(2.0), 4.0, "square(2)"), "9")
    twice = unit.task("9.2", "twice_square", "2 x^2", uses=("square",))
    twice.add("values", 1, lambda ctx: cl.compare(ctx.call(2.0), 8.0, "twice_square(2)"), "18")
    inline = unit.task("9.3", "inline_square", "2 x^2 without square()", uses=("square",))
    inline.add("values", 1, lambda ctx: cl.compare(ctx.call(2.0), 8.0, "inline_square(2)"), "18")
    return unit


SOURCE = """
def square(x):
    return x * 3

def twice_square(x):
    return 2 * square(x)

def inline_square(x):
    return 3 * x * x
"""


def _submission(source: str) -> Submission:
    ns = {"np": np}
    exec(compile(source, "<student>", "exec"), ns)
    return Submission("blame_demo", ns, "demo", source_text=source)


def test_the_user_of_a_failing_block_names_it_first():
    result = grade_submission(_unit(), _submission(SOURCE), reference=None)
    by_id = {t.id: t for t in result.tasks}
    (check,) = by_id["9.2"].checks
    assert not check.passed
    assert check.cause == "twice_square() uses your square(), which fails Task 9.1: fix that first."
    assert check.message.splitlines()[1].strip().startswith("cause:")
    assert "hint:" not in check.message


def test_no_blame_for_a_function_that_does_not_call_the_block():
    result = grade_submission(_unit(), _submission(SOURCE), reference=None)
    (check,) = next(t for t in result.tasks if t.id == "9.3").checks
    assert not check.passed and check.cause is None


def test_no_blame_when_the_block_is_right():
    good = SOURCE.replace("x * 3", "x * x").replace("3 * x * x", "3 * square(x)")
    result = grade_submission(_unit(), _submission(good), reference=None)
    (check,) = next(t for t in result.tasks if t.id == "9.3").checks
    assert not check.passed and check.cause is None


def _broken_propagate(tmp_path):
    from pathlib import Path

    src = (
        Path(__file__).resolve().parent.parent / "solutions" / "logistic_regression.py"
    ).read_text()
    broken = src.replace(
        "cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m",
        "cost = -np.sum(Y * np.log(A)) / m",
    )
    assert broken != src
    path = tmp_path / "logistic_regression.py"
    path.write_text(broken)
    return path


def test_a_broken_block_costs_once_where_the_reference_is_present(tmp_path):
    from autograder.engine import grade_path

    (result,) = grade_path(_broken_propagate(tmp_path))
    by_function = {t.function: t for t in result.tasks}
    assert by_function["propagate"].score < by_function["propagate"].max_score
    for user in ("optimize", "model"):  # both run the broken propagate
        task = by_function[user]
        assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]
        assert any("correct propagate() in place of yours" in n for n in task.check_notes)


def test_without_the_reference_the_user_names_the_block(tmp_path):
    from autograder.engine import grade_submission
    from autograder.isolation import from_path

    sub = from_path(_broken_propagate(tmp_path), "logistic_regression", isolated=False)
    result = grade_submission("logistic_regression", sub, reference=None, tasks=["3.3", "3.4"])
    optimize = next(t for t in result.tasks if t.function == "optimize")
    failed = [c for c in optimize.checks if c.status == "failed"]
    assert failed and all(
        c.cause == "optimize() uses your propagate(), which fails Task 3.3: fix that first."
        for c in failed
    )


def test_a_users_own_mistake_is_not_blamed_on_a_replaced_block(tmp_path):
    """optimize() adds the gradient as well as using a broken propagate(): with a correct
    propagate() in its place it still fails, so the failure is its own (its hint, no cause)."""
    from autograder.engine import grade_path

    path = _broken_propagate(tmp_path)
    path.write_text(
        path.read_text().replace("w = w - learning_rate * dw", "w = w + learning_rate * dw")
    )
    (result,) = grade_path(path)
    optimize = next(t for t in result.tasks if t.function == "optimize")
    failed = [c for c in optimize.checks if c.status == "failed"]
    assert failed and all(c.cause is None and "cause:" not in c.message for c in failed), failed
    assert any("hint:" in c.message for c in failed)
    propagate = next(t for t in result.tasks if t.function == "propagate")
    note = f"graded with a correct propagate() in place of yours (it fails Task {propagate.id})"
    assert note in optimize.check_notes  # the block's task is named (msg 16 M12)


def test_a_function_right_with_its_own_failing_block_is_not_charged():
    """A real pair: linear_activation_backward passes the whole cache to its own
    linear_backward, which unpacks it so. linear_backward fails its task (the course passes
    it (A, W, b)); linear_activation_backward is right with it, as the course's test found."""
    pair = variant(
        "linear_activation_backward", "whole_cache", "passes the whole cache",
        ("linear_backward(dZ, linear_cache)", "linear_backward(dZ, cache)"),
    )  # fmt: skip
    sub = mistake_submission("deep_network", pair)
    own = "def linear_backward(dZ, cache):\n    return _ref_lb(dZ, cache[0])\n"
    exec(compile(own, "<student>", "exec"), sub._ns)  # noqa: S102 - the student's own block
    sub._ns["_ref_lb"] = load_reference("deep_network").linear_backward
    by_id = {t.id: t for t in grade_submission("deep_network", sub, tasks=["5.7", "5.8"]).tasks}
    assert by_id["5.7"].score < by_id["5.7"].max_score
    assert by_id["5.8"].score == by_id["5.8"].max_score, [c.message for c in by_id["5.8"].checks]
    assert any("right with your own linear_backward()" in n for n in by_id["5.8"].check_notes)


def test_a_function_that_hands_its_arguments_to_a_failing_block_earns_nothing():
    """Red team: propagate_vectorized returning propagate_loops(w, b, X, Y) of a stub got
    6/6 from the correct stand-in (the reference's solution does not call it, so it is not
    served); a real composite of a failing block keeps its points."""
    text = inspect.getsource(load_reference("numpy_basics"))
    text = text.replace("def propagate_loops(", "def _propagate_loops(", 1)
    text += (
        "\n\ndef propagate_loops(w, b, X, Y):\n    raise NotImplementedError\n"
        "\n\ndef propagate_vectorized(w, b, X, Y):\n    return propagate_loops(w, b, X, Y)\n"
    )
    result = grade_submission("numpy_basics", text_submission("numpy_basics", text))
    task = next(t for t in result.tasks if t.function == "propagate_vectorized")
    failed = {c.name: c.message for c in task.checks if not c.passed}
    assert {"values", "hidden"} <= set(failed), failed
    assert "waits for propagate_loops()" in failed["values"]  # the reference needs no loops
    sigmoid_stub = text.replace("def sigmoid(", "def _sigmoid(", 1) + (
        "\n\ndef sigmoid(z):\n    raise NotImplementedError\n"
    )
    result = grade_submission("numpy_basics", text_submission("numpy_basics", sigmoid_stub))
    loops = next(t for t in result.tasks if t.function == "propagate_loops")
    assert loops.score == 0  # its own stub
    derivative = next(t for t in result.tasks if t.function == "sigmoid_derivative")
    assert derivative.score == derivative.max_score  # calls the stub sigmoid: own work kept


def _graded_with(unit: str, extra: str, *changes: tuple[str, str]) -> dict:
    """``{function: task result}`` of the reference with ``changes`` and ``extra`` code (each
    function ``extra`` defines replaces the reference's)."""
    text = inspect.getsource(load_reference(unit))
    for old, new in changes:
        text = text.replace(old, new, 1)
    for name in re.findall(r"^def (\w+)\(", extra, re.M):
        text = text.replace(f"def {name}(", f"def _{name}(", 1)
    return _graded_text(unit, text + extra)


def _graded_text(unit: str, text: str) -> dict:
    """``{function: task result}`` of the student's file ``text``."""
    return {t.function: t for t in grade_submission(unit, text_submission(unit, text)).tasks}


@pytest.mark.parametrize(
    ("unit", "sigmoid", "function", "x", "body", "piece"),
    [
        # sigmoid_derivative is served the reference's sigmoid (its solution calls it): handing
        # its argument on and returning the answer is no derivative of its own.
        ("numpy_basics", "raise NotImplementedError", "sigmoid_derivative", "x", "sigmoid(x)",
         "returns what sigmoid() returns for its own"),
    ],
)  # fmt: skip
def test_a_function_built_on_a_served_sigmoid_is_told_so(unit, sigmoid, function, x, body, piece):
    extra = f"\n\ndef sigmoid({x}):\n    {sigmoid}\n\n\ndef {function}({x}):\n    return {body}\n"
    task = _graded_with(unit, extra)[function]
    messages = [c.message for c in task.checks if not c.passed]
    assert messages and all(piece in m for m in messages)


#: Real code (sweep 10, P12): a composite calling an earlier task's function that fails its
#: own task, ``(unit, the block, the composite, changes to the reference, code replacing)``.
CALLED_BLOCKS = [
    ("numpy_basics", "basic_sigmoid", "propagate_loops", [("a = float(sigmoid(z))",
     "a = basic_sigmoid(z)")], "def basic_sigmoid(x):\n    return 1 / (1 + math.exp(x))\n"),
    ("shallow_network", "tanh", "forward_propagation", [("A1 = np.tanh(Z1)", "A1 = tanh(Z1)")],
     "def tanh(z):\n    return 2 * sigmoid(z) - 1\n"),
    ("shallow_network", "tanh_derivative", "backward_propagation",
     [("(1.0 - np.power(A1, 2))", "tanh_derivative(cache['Z1'])")],
     "def tanh_derivative(z):\n    return 1 - np.tanh(z)\n"),
    ("shallow_network", "sigmoid", "tanh", [], "def sigmoid(z):\n    return np.logaddexp(0, z)"
     "\n\n\ndef tanh(z):\n    return 2 * sigmoid(2 * z) - 1\n"),
    ("shallow_network", "relu", "relu_derivative", [], "def relu(z):\n    return np.max(z, 0)\n"
     "\n\ndef relu_derivative(z):\n    return (relu(z) > 0).astype(float)\n"),
    ("derivatives", "forward_difference", "centered_difference", [],
     "def forward_difference(f, a, epsilon=0.001):\n    return (f(a) - f(a + epsilon)) / epsilon"
     "\n\n\ndef centered_difference(f, a, epsilon=0.001):\n    return (forward_difference(f, "
     "a, epsilon) + forward_difference(f, a, -epsilon)) / 2\n"),
]  # fmt: skip


@pytest.mark.parametrize(("unit", "block", "composite", "changes", "extra"), CALLED_BLOCKS)
def test_an_earlier_block_the_students_code_calls_costs_once(
    unit, block, composite, changes, extra
):
    """Real code (sweep 10, P12): the message said "cause: X() uses your Y(), which fails
    Task N", yet X lost its points too, because only the blocks the reference's own X calls
    stood in; now every earlier task's function the student's X calls does."""
    tasks = _graded_with(unit, "\n\n" + extra, *changes)
    assert tasks[block].score < tasks[block].max_score
    task = tasks[composite]
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]
    assert any(f"correct {block}() in place of yours" in n for n in task.check_notes)
    # nor any other task: propagate_vectorized is compared with propagate_loops, which calls it
    lost = {f: [c.name for c in t.checks if not c.passed] for f, t in tasks.items() if f != block}
    assert {f: checks for f, checks in lost.items() if checks} == {}


@pytest.mark.parametrize(
    ("unit", "stub", "function", "body", "piece"),
    [
        # a later task's function is never a building block: leaky_relu(z, 0) is relu
        ("shallow_network", "leaky_relu(z, slope=0.01)", "relu(z)",
         "2 * leaky_relu(z / 2, 0.0)", "relu() uses your leaky_relu(), which fails Task"),
        # an earlier one's answer handed back, for other arguments or entry by entry
        ("derivatives", "forward_difference(f, a, epsilon=0.001)",
         "centered_difference(f, a, epsilon=0.001)",
         "forward_difference(f, a - epsilon, 2 * epsilon)", "earns nothing from it"),
        ("numpy_basics", "basic_sigmoid(x)", "sigmoid(x)",
         "np.array([basic_sigmoid(v) for v in np.ravel(x)]).reshape(np.shape(x))",
         "earns nothing from it"),
    ],
)  # fmt: skip
def test_a_stub_blocks_answer_earns_its_caller_nothing(unit, stub, function, body, piece):
    """Red team: a composite that is an earlier or later block's answer for other arguments
    gets no points from a correct one standing in for an unwritten block."""
    extra = (
        f"\n\ndef {stub}:\n    raise NotImplementedError\n\n\ndef {function}:\n    return {body}\n"
    )
    task = _graded_with(unit, extra)[function.split("(")[0]]
    failed = [c.message for c in task.checks if not c.passed]
    assert failed and any(piece in m for m in failed), failed
    assert task.score < task.max_score / 2


def test_a_block_reached_through_a_served_block_stands_in_too():
    """Real code (mutants of it, round 7): the 2017 forward_propagation calls sigmoid, so a
    sigmoid without its return also cost predict, which calls forward_propagation; the note
    said a correct sigmoid stood in, and none did."""
    ref = load_reference("shallow_network").__file__
    text = open(ref).read() + (
        "\n\ndef sigmoid(z):\n    s = 1 / (1 + np.exp(-z))\n"  # the return forgotten
        "\n\ndef forward_propagation(X, parameters):\n"
        "    Z1 = np.dot(parameters['W1'], X) + parameters['b1']\n    A1 = np.tanh(Z1)\n"
        "    Z2 = np.dot(parameters['W2'], A1) + parameters['b2']\n    A2 = sigmoid(Z2)\n"
        "    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"
    )
    tasks = _graded_text("shallow_network", text)
    assert tasks["sigmoid"].score == 0
    for function in ("forward_propagation", "predict", "nn_model"):
        assert tasks[function].score == tasks[function].max_score, tasks[function].checks


def test_a_two_layer_model_built_from_the_l_layer_blocks_keeps_its_points():
    """Real code: two_layer_model calling its own L_model_forward and L_model_backward (L = 2);
    a bug in L_model_forward also cost two_layer_model (W1 came out nan)."""
    reference = load_reference("deep_network")
    model = inspect.getsource(reference.two_layer_model)
    body = model[model.index("    for i in range(") : model.index("    return parameters, costs")]
    loop = (
        "    for i in range(num_iterations):\n"
        "        AL, caches = L_model_forward(X, parameters)\n"
        "        cost = compute_cost(AL, Y)\n"
        "        grads = L_model_backward(AL, Y, caches)\n"
        "        parameters = update_parameters(parameters, grads, learning_rate)\n"
        "        if print_cost and (i % 100 == 0 or i == num_iterations - 1):\n"
        '            print(f"Cost after iteration {i}: {np.squeeze(cost)}")\n'
        "        if i % 100 == 0 or i == num_iterations:\n"
        "            costs.append(cost)\n"
    )
    forward = inspect.getsource(reference.L_model_forward)
    wrong = forward.replace('"sigmoid"', '"relu"')
    assert wrong != forward and body in model
    text = open(reference.__file__).read() + "\n\n" + model.replace(body, loop) + "\n\n" + wrong
    tasks = _graded_text("deep_network", text)
    assert tasks["L_model_forward"].score < tasks["L_model_forward"].max_score
    for function in ("two_layer_model", "L_layer_model"):
        assert tasks[function].score == tasks[function].max_score, tasks[function].checks


#: A debug print left in a building block, ``(unit, the block's line it follows, print)``.
DEBUG_PRINTS = {
    "deep_network": (
        "    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m\n",
        "    print('cost before squeeze:', cost)\n",
    ),
    "shallow_network": ("    cost = -np.sum(logprobs) / m\n", "    print(f'cost: {cost}')\n"),
    "logistic_regression": (
        "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n",
        "    print('cost = ' + str(cost))\n",
    ),
}


@pytest.mark.parametrize("unit", sorted(DEBUG_PRINTS))
def test_a_blocks_debug_print_of_its_cost_costs_no_training_function(unit):
    """A debug print in compute_cost (propagate) was charged to the models that call it as
    printing costs unasked, though every function is right (real-code sweep 10, P1)."""
    after, line = DEBUG_PRINTS[unit]
    text = (ROOT / "solutions" / f"{unit}.py").read_text()
    assert text.count(after) == 1
    result = grade_submission(unit, text_submission(unit, text.replace(after, after + line)))
    assert result.score == result.max_score, [
        c.message for t in result.tasks for c in t.checks if not c.passed
    ]


def test_a_float32_result_within_tolerance_fails_unless_float32_holds_it_exactly():
    """Lost digits fail where they are made (sweep 10, P10); 0/1 predictions in float32 pass."""
    from autograder.spec import CheckFailure

    expected = np.array([[0.1, 0.7], [1 / 3, 2.5]])
    cl.compare(expected.copy(), expected, "Z")  # float64: passes
    cl.compare(np.array([[0.0, 1.0]], dtype=np.float32), np.array([[0.0, 1.0]]), "predictions")
    for dtype in (np.float32, np.float16):
        with pytest.raises(CheckFailure, match=rf"Z is {np.dtype(dtype).name}: about \d+ sig"):
            cl.compare(expected.astype(dtype), expected, "Z", rtol=1e-2)
    with pytest.raises(CheckFailure, match="cost is float32"):
        cl.compare(np.float32(1 / 3), 1 / 3, "cost", rtol=1e-6)


@pytest.mark.parametrize("unit", ["numpy_basics", "logistic_regression"])
def test_a_division_before_the_sum_is_named(unit):
    """1 / 1 + np.exp(-z) was told to mind the minus sign (sweep 11, P7)."""
    from autograder.engine import grade_submission

    from .helpers import text_submission

    text = "import numpy as np\n\ndef sigmoid(z):\n    return 1 / 1 + np.exp(-z)\n"
    (task,) = grade_submission(unit, text_submission(unit, text), tasks=["sigmoid"]).tasks
    values = next(c for c in task.checks if c.name == "values")
    assert not values.passed and "Write 1 / (1 + np.exp(-z))" in values.hint


def test_keys_spelled_in_another_case_are_named():
    # msg sweep 16 M8: grads {"dW", "dB"} for {"dw", "db"} got no hint
    from autograder.asserts import expect_keys
    from autograder.spec import CheckFailure

    with pytest.raises(CheckFailure) as failed:
        expect_keys({"dW": 1.0, "dB": 2.0}, "grads", ("dw", "db"))
    assert failed.value.hint == (
        "keys match letter case exactly: 'dW' where 'dw' belongs, 'dB' where 'db' belongs."
    )
    with pytest.raises(CheckFailure) as failed:
        expect_keys({"dx": 1.0}, "grads", ("dw",))
    assert failed.value.hint is None


def test_course_code_calling_a_kit_only_block_it_never_defines_is_not_served_one():
    """Sweep 17 P5: forward_propagation called tanh, which a failed ``from planar_utils
    import tanh`` never bound; the grader served its own tanh (a kit-only task, which course
    code never calls) and the course's functions got full marks for code that cannot run, as
    an earlier sweep had it. Now forward_propagation is charged (its message names the failed
    import), and the functions built on it are served a correct forward_propagation."""
    text = (ROOT / "solutions" / "shallow_network.py").read_text()
    text = text.replace("def tanh(", "def _unused_tanh(").replace("np.tanh(Z1)", "tanh(Z1)")
    result = grade_submission("shallow_network", text_submission("shallow_network", text))
    tasks = {t.function: t for t in result.tasks}
    forward = tasks["forward_propagation"]
    assert forward.score < forward.max_score
    assert any("name 'tanh' is not defined" in c.message for c in forward.checks)
    # its callers are served a correct forward_propagation: the bug costs once
    assert tasks["predict"].score == tasks["predict"].max_score
