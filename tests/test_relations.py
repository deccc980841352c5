"""A wrong result that is the right one with a sign, a factor, a transpose or an offset is named."""

from __future__ import annotations

import types

import numpy as np
import pytest

from autograder import checklib as cl
from autograder.engine import grade_submission
from autograder.mistakes import variant
from autograder.plain import Foreign
from autograder.relations import near_hint, parts_hint, relation_hint, summed_hint
from autograder.report import distinct_failures
from autograder.spec import Unit
from autograder.submission import Submission

from .helpers import mistake_submission

RIGHT = np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])


@pytest.mark.parametrize(
    ("got", "words"),
    [
        (-RIGHT, "wrong sign"),
        (5 * RIGHT, "exactly 5 times the right result"),
        (RIGHT / 4, "exactly 1/4 of the right result"),
        (RIGHT.T, "transposed"),
        (RIGHT + 0.25, "off by the same 0.25"),
        (1.0 / RIGHT, "1 / the right one: a ratio upside down"),
    ],
)
def test_a_simple_relation_is_named(got, words):
    assert words in relation_hint(got, RIGHT, "f()")


@pytest.mark.parametrize(
    ("got", "right"),
    [
        (RIGHT * 1.7, RIGHT),  # not a whole factor: no story to tell
        (RIGHT + np.eye(2, 3), RIGHT),  # differs in some entries only
        (3.0, 1.5),  # one number: any wrong one is a multiple of the right one
        (np.ones(2, dtype=complex), np.ones(2)),
        ("text", RIGHT),
        (RIGHT, RIGHT),
        (({"w": 1.0}, [0.5]), ({"w": 1.0}, {"dw": RIGHT}, [0.5])),  # ragged: not numbers
    ],
)
def test_no_relation_is_invented(got, right):
    assert relation_hint(got, right, "f()") is None


def test_the_first_differing_part_of_a_result_is_named():
    right = ({"dw": RIGHT, "db": 0.5}, 0.7)
    got = ({"dw": 3 * RIGHT, "db": 1.5}, 0.7)
    assert relation_hint(got, right, "propagate()").startswith("propagate()[0]['dw'] is exactly 3")


def test_a_check_without_a_hint_gets_the_relation_as_its_hint():
    unit = Unit("relation_demo", 9, "relation demo")
    t = unit.task("9.1", "grads", "gradients")
    x = np.array([1.0, 2.0, 4.0])
    t.add("values", 1, cl.visible_values("grads/values", [(x,)], name="grads(x)"), "values")
    reference = types.ModuleType("ref")
    exec("def grads(x):\n    return x / 3", vars(reference))  # noqa: S102
    ns: dict = {}
    exec("def grads(x):\n    return x", ns)  # noqa: S102 - the /m left out
    sub = Submission("relation_demo", ns, "demo", source_text="def grads(x):\n    return x")
    (task,) = grade_submission(unit, sub, reference=reference).tasks
    (check,) = task.checks
    assert not check.passed
    assert "hint:     grads() is exactly 3 times the right result" in check.message


def test_a_loop_one_layer_short_is_named_before_the_checks_own_hint():
    """A real deep update_parameters whose loop stops one layer short (range(1, L)): the last
    layer's W comes back as it was given, which the generic update hint would not say. The
    source says why, before the value's relation (sweep 17 P7's loop-bound hint); the relation
    alone is :func:`test_unchanged_names_only_a_part_equal_to_an_input`'s."""
    short = variant("update_parameters", "short", "stops one layer short",
                    ("range(1, L + 1)", "range(1, L)"))  # fmt: skip
    result = grade_submission("deep_network", mistake_submission("deep_network", short),
                              tasks=["update_parameters"])  # fmt: skip
    values = next(c for c in result.tasks[0].checks if c.name == "values")
    assert not values.passed
    assert "loops over range(1, L) (line" in values.message, values.message
    assert "where the course's loops over range(1, L + 1): one pass fewer" in values.message


def test_unchanged_names_only_a_part_equal_to_an_input():
    from autograder.relations import unchanged_hint

    given = {"W1": RIGHT, "b1": np.zeros((2, 1))}
    right = {"W1": RIGHT - 0.1, "b1": np.full((2, 1), -0.1)}
    assert "['W1'] is exactly what" in unchanged_hint(dict(given), right, (given,), "u()")
    assert unchanged_hint({"W1": RIGHT + 1, "b1": right["b1"]}, right, (given,), "u()") is None
    # a loop stopping short is named only where the function has one (a sigmoid that
    # returns its input was told of a loop it does not have)
    assert "(a loop that stops one short?)" in unchanged_hint(RIGHT, -RIGHT, (RIGHT,), "f()")
    assert "loop" not in unchanged_hint(RIGHT, -RIGHT, (RIGHT,), "f()", loops=False)


def test_a_cache_holding_its_inputs_in_another_order_is_not_told_a_step_never_ran():
    # msg sweep 16 M5.2: linear_forward's cache (W, A, b) was told "exactly what the call was
    # given, unchanged: the step that should change it never ran"; a cache keeps its inputs
    from autograder.relations import unchanged_hint

    A, W, b = RIGHT, RIGHT[:1] * 3, np.ones((1, 1))
    Z = W @ A.T + b
    hint = unchanged_hint((Z, (W, A, b)), (Z, (A, W, b)), (A, W, b), "linear_forward()")
    assert hint is not None and "argument 2 of the call, where argument 1 belongs" in hint
    assert "never ran" not in hint


@pytest.mark.parametrize(
    ("got", "right", "words"),
    [
        ((RIGHT, 3), RIGHT, "a tuple of 2 whose item 0 is the right result"),
        (RIGHT, (0.5, RIGHT), "only item 1 of the right result, a tuple of 2"),
        (({"w": 1.0}, [0.5]), ({"w": 1.0}, {"dw": RIGHT}, [0.5]), "item 1 (a dict) is left out"),
        (None, RIGHT, "returned None"),
        (
            (0.5, RIGHT),
            (RIGHT, 0.5),
            "the right items in another order: its items are the right result's (1, 0)",
        ),
        (Foreign("function"), RIGHT, "a function, not a value"),
        ((RIGHT, 3), RIGHT * 2, None),  # no item is the right result
        ((1.0, 2.0), (2.0, 1.0, 3.0), None),  # items out of order: not simply left out
        (None, None, None),
        ((RIGHT, 0.5), (RIGHT, 0.5), None),  # the right result: a failure about printing
    ],
)
def test_a_result_made_of_the_right_ones_parts_is_named(got, right, words):
    hint = parts_hint(got, right, "f()")
    assert (hint is None) if words is None else (words in hint), hint


@pytest.mark.parametrize(
    ("got", "right", "words"),
    [
        (RIGHT[:1] / 2, float(np.sum(RIGHT[:1])) / 2, "has 3 entries (shape (1, 3)) whose sum"),
        (RIGHT, np.sum(RIGHT, axis=1, keepdims=True), "summed over axis 1 it is the right"),
        (({"db": RIGHT}, 0.5), ({"db": RIGHT.sum(axis=0)}, 0.5), "f()[0]['db'] has shape (2, 3)"),
        (RIGHT, float(np.sum(RIGHT)) + 1, None),  # the sum is not the right result
        (RIGHT, RIGHT, None),
        (np.zeros(3), 0.0, None),  # a right result of 0: any zeros would "sum" to it
        (float(np.sum(RIGHT)), RIGHT, "is one number, the sum of the right result's 6 entries"),
        (2.5, np.array([1.0, 1.0]), None),  # one number, not the sum of the right entries
    ],
)
def test_the_terms_of_a_missing_or_misplaced_sum_are_named(got, right, words):
    hint = summed_hint(got, right, "f()")
    assert (hint is None) if words is None else (words in hint), hint


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("cost = -np.sum(logprobs) / m\n    return float(np.squeeze(cost))",
          "return -np.sum(logprobs, axis=0) / m"),
         "whose sum is the right result: the sum over the examples is missing"),
        (("np.log(A2)", "np.log(A2 + 1e-5)"), "compute_cost() is nearly right (off by"),
    ],
    ids=["axis0", "epsilon"],
)  # fmt: skip
def test_a_relation_of_real_costs_is_named_before_the_checks_own_hint(change, words):
    """Real shallow compute_cost: np.sum(logprobs, axis=0) of the (1, m) row keeps m values;
    np.log(A2 + 1e-5) is off by 3e-5. The check's own hints (np.squeeze of a (1, 1) result,
    the formula) would not say either."""
    mistake = variant("compute_cost", "real", "real", change)
    result = grade_submission("shallow_network", mistake_submission("shallow_network", mistake),
                              tasks=["compute_cost"])  # fmt: skip
    failed = [c for c in result.tasks[0].checks if not c.passed]
    assert failed
    for check in failed:
        assert words in check.message, check.message


@pytest.mark.parametrize(
    ("got", "right", "words"),
    [
        (0.6930387630060743, 0.6930587610394646, "nearly right (off by 3e-05 of its size)"),
        ((RIGHT.astype(np.float32), 0.5), (RIGHT * (1 + 1e-4), 0.5), "f()[0] is nearly right"),
        (RIGHT * (1 + 1e-8), RIGHT, None),  # right to the check's tolerance
        (RIGHT * 1.01, RIGHT, None),  # 1 % off: not a small change
        (RIGHT.T, RIGHT, None),
    ],
)
def test_a_result_off_by_a_small_change_is_named(got, right, words):
    """Real shallow compute_cost with np.log(A2 + 1e-5) was told the formula's generic hint."""
    hint = near_hint(got, right, "f()")
    assert (hint is None) if words is None else (words in hint), hint


def test_a_printing_failure_is_not_told_how_the_value_differs():
    """Real L_layer_model printing every iteration and returning only the parameters (the
    2017-2020 form, accepted): its print check was told "returned only item 0 of the right
    result", a relation of the value, which is not what the check is about."""
    loud = variant("L_layer_model", "loud", "prints every iteration, returns parameters",
                   ("            if print_cost:\n                print(",
                    "        if print_cost:\n            print("),
                   ("    return parameters, costs\n", "    return parameters\n"))  # fmt: skip
    result = grade_submission("deep_network", mistake_submission("deep_network", loud),
                              tasks=["L_layer_model"])  # fmt: skip
    (failed,) = [c for c in result.tasks[0].checks if not c.passed]
    assert failed.name == "prints_costs"
    assert "returned only item 0" not in failed.message
    assert 'print(f"Cost after iteration {i}: {cost}")' in failed.message, failed.message


def test_a_long_list_is_not_searched_item_by_item():
    """A returned list of a million numbers cost minutes of grader time, item by item."""
    from autograder.relations import MAX_ITEMS, parts_hint

    few = [0.5] * (MAX_ITEMS - 1) + [2.0]
    assert "item 15 is the right result" in parts_hint(few, 2.0, "f()")
    assert parts_hint([0.5] * 1_000_000 + [2.0], 2.0, "f()") is None


def test_a_named_part_given_back_is_found_after_a_part_that_differs():
    # msg sweep 16 M8: optimize never updating b; its w differs too, and comes first
    from autograder.relations import unchanged_hint

    w, b = RIGHT, 1.5
    got = ({"w": RIGHT + 0.1, "b": 1.5}, [0.5])
    right = ({"w": RIGHT - 0.1, "b": 1.2}, [0.5])
    hint = unchanged_hint(got, right, (w, b), "optimize()")
    assert hint is not None and "optimize()[0]['b'] is exactly what the call was given" in hint
    assert "loop" not in hint  # the parts before it changed: no loop stopped short


@pytest.mark.parametrize(
    ("unit", "function", "change", "check", "words", "not_words"),
    [
        ("shallow_network", "leaky_relu", ("slope * z)", "slope)"), "slope_argument",
         "slope * z elsewhere", "use the slope argument"),
        ("shallow_network", "leaky_relu", ("slope * z)", "0.05 * z)"), "slope_argument",
         "leaky_relu() returns the same whatever its slope is", None),
        ("shallow_network", "leaky_relu_derivative",
         ("return np.where(z > 0, 1.0, slope)", "return np.where(z > 0, 1.0, slope / 2)"),
         "slope_argument",
         "slope where z < 0", "returns the same whatever"),
        ("shallow_network", "tanh", ("np.sign(z) *", "0.5 * np.sign(z) *"), "large_inputs",
         "tanh(z) does not match", "never overflows"),
        ("shallow_network", "tanh",
         ("z = np.asarray(z, dtype=np.float64)",
          "return (np.exp(2 * z) - 1) / (np.exp(2 * z) + 1)"),
         "large_inputs", "never overflows", None),
        ("derivatives", "gradient_descent", ("range(num_iterations)", "range(50)"),
         "values", "returns the same whatever its num_iterations is", None),
        ("derivatives", "gradient_descent", ("* dJ(w)", "* dJ(w) / 2"), "uses_arguments",
         "w := w - learning_rate * dJ(w)", "use the"),
        ("derivatives", "gradient_descent", ("* dJ(w)", "* dJ(w) / 2"), "too_large_rate",
         "w := w - learning_rate * dJ(w)", "overshoots"),
        ("derivatives", "gradient_descent",
         ("costs.append(J(w))", "costs.append(J(w))\n        if costs[-1] > costs[-2]:\n"
          "            break"),
         "too_large_rate", "overshoots", None),
        ("logistic_regression", "optimize", ("in range(num_iterations)", "in range(50)"),
         "values", "returns the same whatever its num_iterations is", None),
        ("logistic_regression", "optimize", ("- learning_rate * db", "- learning_rate * db / 2"),
         "uses_arguments", "w = w - learning_rate * dw and b", "use the"),
        ("derivatives", "forward_difference",
         ("return (f(a + epsilon) - f(a)) / epsilon", "print((f(a + epsilon) - f(a)) / epsilon)"),
         "values", "returned None, and its code prints", None),
        ("numpy_basics", "basic_sigmoid",
         ("1.0 / (1.0 + math.exp(-x))", "1.0 / 1.0 + math.exp(-x)"), "values",
         "/ binds tighter than + and -", "minus sign"),
        ("shallow_network", "sigmoid", ("1.0 / (1.0 + np.exp(-z))", "1.0 / 1.0 + np.exp(-z)"),
         "values", "/ binds tighter than + and -", "upside down"),
        ("logistic_regression", "initialize_with_zeros", ("b = 0.0", "b = np.zeros((1, 1))"),
         "b_float", "not an array", "trailing comma"),
        ("shallow_network", "update_parameters",
         ('"W1": parameters["W1"] - learning_rate', '"W1": parameters["W1"] - 1.2'), "hidden",
         "update_parameters()['W1'] is the same whatever its learning_rate is", None),
    ],
    ids=["leaky_no_z", "leaky_fixed", "leaky_derivative_half", "tanh_wrong", "tanh_overflows",
         "gd_fixed_iterations", "gd_half_step", "gd_half_step_rate", "gd_stops",
         "optimize_fixed_iterations", "optimize_half_db", "print_not_return", "basic_precedence",
         "sigmoid_precedence", "b_array", "update_w1_fixed_rate"],
)  # fmt: skip
def test_a_checks_own_cause_is_named_only_where_it_holds(
    unit, function, change, check, words, not_words
):
    """msg 17 M1: a check built for one mistake (leaky relu ignoring its slope, tanh
    overflowing, gradient descent stopping when the cost grows, an argument ignored) gave that
    mistake's hint for any wrong result; `np.where(z > 0, z, slope)` was told to "use the slope
    argument instead of 0.01". The hint names the argument ignored, or the case's own mistake,
    only where it holds; else the function's formula, as its values check says, and one bug
    is one failure."""
    mistake = variant(function, "real", "real", change)
    result = grade_submission(unit, mistake_submission(unit, mistake), tasks=[function])
    task = result.tasks[0]
    (failed,) = [c for c in task.checks if c.name == check]
    assert not failed.passed
    assert words in failed.message, failed.message
    assert not_words is None or not_words not in failed.message, failed.message
    shown = distinct_failures([task])
    assert len(shown) == 1, shown
    assert check != "values" or words in shown[0], shown


def test_a_result_equal_to_the_right_ones_sum_is_named_only_in_code_that_sums():
    """msg 18 s08: relu as `np.max(z, 0)` returned 2 for [-1, 0, 2], the sum of relu's result,
    and was told "the sum runs over every axis"; the code has no sum."""
    mistake = variant("relu", "max", "max", ("np.maximum(0.0, z)", "np.max(z, 0)"))
    result = grade_submission("shallow_network", mistake_submission("shallow_network", mistake),
                              tasks=["relu"])  # fmt: skip
    messages = [c.message for c in result.tasks[0].checks if not c.passed]
    assert messages and not any("sum" in m for m in messages), messages


def test_a_nan_or_inf_entry_is_the_one_shown():
    """msg 18 §6: "got: tanh(z)[0, 0] = 1.0 (contains NaN)" showed an entry that was not the
    NaN, and "= inf (contains NaN)" called an infinity a NaN."""
    with pytest.raises(cl.CheckFailure) as info:
        cl.compare(np.array([1.0, np.nan, np.inf]), np.array([0.5, 0.5, 0.5]), "f(z)")
    got = dict(info.value.lines)["got"]
    assert got == "f(z)[1] = nan", got


def test_a_missing_transpose_is_not_guessed_for_a_line_that_has_one_too_many():
    """msg 18 s29: `np.dot(W1, X.T)` raised, and numpy's shapes were read as "a missing .T?"."""
    change = ("Z1 = np.dot(W1, X) + b1", "Z1 = np.dot(W1, X.T) + b1")
    mistake = variant("forward_propagation", "xt", "xt", change)
    result = grade_submission("shallow_network",
                              mistake_submission("shallow_network", mistake),
                              tasks=["forward_propagation"])  # fmt: skip
    messages = [c.message for c in result.tasks[0].checks if not c.passed]
    assert messages and all("one too many (line" in m for m in messages), messages
