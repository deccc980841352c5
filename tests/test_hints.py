"""numpy's error messages become hints that name the likely mistake."""

from __future__ import annotations

import numpy as np
import pytest

from autograder import hints
from autograder.hints import hint_for


def _message(fn) -> tuple[str, str]:
    try:
        fn()
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__, str(exc)
    raise AssertionError("no exception")


def test_missing_transpose_in_np_dot_names_the_operand():
    w, X = np.ones((2, 1)), np.ones((2, 3))
    hint = hint_for(*_message(lambda: np.dot(w, X)))
    assert "(2, 1) and (2, 3)" in hint and "first operand transposed" in hint and ".T" in hint


def test_missing_transpose_of_the_second_operand():
    dZ, A = np.ones((4, 5)), np.ones((3, 5))
    hint = hint_for(*_message(lambda: np.dot(dZ, A)))
    assert "second operand transposed, (5, 3)" in hint


def test_a_reshape_to_a_size_written_as_a_number_is_named():
    """Real planar code: Y = Y.reshape((1, 400)), the course data set's m, on other data."""
    hint = hint_for(*_message(lambda: np.ones((1, 24)).reshape((1, 400))))
    assert "24 entries but shape (1, 400) holds 400" in hint and "written as a number" in hint


def test_matmul_and_broadcast_errors():
    assert ".T" in hint_for(*_message(lambda: np.ones((2, 1)) @ np.ones((2, 3))))
    hint = hint_for(*_message(lambda: np.ones((7, 7)) + np.ones((2, 4))))
    assert "(7,7) and (2,4)" in hint and "keepdims" in hint


def test_a_missing_layer_key_is_a_layer_index_out_of_range():
    assert "L = len(parameters) // 2" in hint_for(*_message(lambda: {"W1": 0}["W4"]))
    assert "no key 'dA3'" in hint_for("KeyError", "'dA3'")
    assert "no key 'dA-1'" in hint_for("KeyError", "'dA-1'")  # str(l - 1) with l = 0
    assert hint_for("KeyError", "'weights'") is None


def test_a_mask_of_another_shape_is_an_upstream_gradient_of_another_layer():
    kind, message = _message(lambda: np.zeros((3, 2))[np.zeros((5, 2)) > 0])
    assert "5 rows indexes an array of 3" in hint_for(kind, message)


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (lambda: [1.5][0][0], "a float is indexed"),
        (lambda: (3).shape, "an int is used where an array belongs (.shape)"),
        (lambda: "W1" - "b1", "a dict key"),
        (lambda: np.zeros(3)[np.zeros(2)], "used as an index"),
        (lambda: np.zeros(3)[1.5], "used as an index"),
        (lambda: 1 if np.zeros(3) > 0.5 else 0, "for one result per entry, compare elementwise"),
        (lambda: np.zeros(3, 1), "np.zeros((n, 1)), not np.zeros(n, 1)"),
        (lambda: "relu" <= 0, "relu_backward(dA, activation)"),
        (lambda: {"dw", np.zeros(2)}, "a dict needs colons"),
        (lambda: exec("assert 1 == 2"), "an assert of your own failed"),
        (lambda: np.linalg(np.ones(2)), "not np.linalg(x)"),
        (lambda: issubclass(0, float), "isinstance(b, float) asks it of a value"),
        (lambda: len(np.squeeze(np.ones((1, 1)))), "np.squeeze of a (1, 1) array"),
        (lambda: exec("a, b = (1, 2, 3)"), "a value with more parts than names"),
        (lambda: exec("a, b = None"), "the function called on that line returned None"),
        (
            lambda: exec("def f():\n    if False:\n        w = 1\n    return w\nf()"),
            "w is used before the function assigns it",
        ),
        (lambda: np.zeros((2, 3)).shape[3], "a shape (n, m) has indices 0 and 1 only"),
        (lambda: np.exp(-((np.ones(2), 1), np.ones(2))), "a cache passed where its array"),
        (lambda: (np.ones(2), np.ones(2)) <= 0, "a cache passed where its array"),
        (lambda: [3] + 4 + [1], "Is an int passed where a list belongs?"),
        (lambda: "W" + 1, '"W" + str(l) or an f-string'),
        (lambda: "cost " + np.float64(0.5), "text is joined with numpy.float64 by +"),
    ],
    ids=[
        "subscript",
        "attribute",
        "strings",
        "array_index",
        "float_index",
        "ambiguous",
        "shape_as_dtype",
        "text_compared",
        "set_for_dict",
        "own_assert",
        "module_called",
        "issubclass_value",
        "len_of_0d",
        "unpack",
        "unpack_none",
        "unbound",
        "shape_index",
        "unary_tuple",
        "tuple_compared",
        "list_plus_int",
        "str_plus_int",
        "str_plus_float",
    ],  # fmt: skip
)
def test_a_value_of_the_wrong_kind_is_named(fn, words):
    assert words in hint_for(*_message(fn))


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("maximumum", "a typo of np.maximum?"),
        ("sigmoid", "a function of your own or of the course's helpers"),
        ("asscalar", "numpy 2 removed np.asscalar: use a.item()"),
    ],
)
def test_a_name_numpy_lacks_is_a_typo_a_helper_or_a_removal(name, words):
    """Real code: np.maximumum and np.sigmoid were told 'numpy 2 removed some old aliases'."""
    assert words in hint_for("AttributeError", f"module 'numpy' has no attribute '{name}'")


def test_tuple_operand_and_numpy2_removals():
    assert "trailing comma" in hint_for(*_message(lambda: 1.0 + (0.0,)))
    assert "np.prod" in hint_for("AttributeError", "module 'numpy' has no attribute 'product'")


@pytest.mark.parametrize(
    ("kind", "message"),
    [("ValueError", "math domain error"), ("ZeroDivisionError", "division by zero")],
)
def test_no_hint_where_there_is_nothing_to_add(kind, message):
    assert hint_for(kind, message) is None


def test_a_float_given_where_a_count_belongs_names_the_argument_order():
    """optimize(w, b, X, Y, learning_rate, num_iterations): range(0.005) (sweep 10, P8)."""
    hint = hint_for(*_message(lambda: range(0.005)))
    assert "another order than the parameters'" in hint and "num_iterations=" in hint
    assert hint_for(*_message(lambda: range(np.float64(0.5)))) == hint


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("assert(dw.shape == w.shape)", "dw does not have the shape of w"),
        ("assert dW.shape == W.shape, 'dW'", "dW does not have the shape of W"),
        ("assert(Y_prediction.shape == (1, 3))", "a size written as a number"),
        # the 2017 template's, failing on w = np.zeros(dim) (sweep 12, P9)
        ("assert(w.shape == (dim, 1))", "w does not have the shape (dim, 1) it asserts"),
        ("assert cost > 0", "a size written as a number"),
    ],
)
def test_a_failing_assert_of_a_shape_names_the_value_not_the_assert(line, words):
    """The 2017 template's assert(dw.shape == w.shape) failed on a transposed dw and was told
    it might be wrong or could be removed (sweep 11, P3)."""
    from autograder.diagnosis import _failed_assert_hint
    from autograder.submission import Submission

    text = f"def propagate(w):\n    {line}\n"
    hint = _failed_assert_hint(Submission("logistic_regression", {}, "t", source_text=text), 2)
    assert words in hint and f"`{line}` (line 2)" in hint


def test_two_rows_multiplied_are_told_which_transpose_sums_over_the_columns():
    # msg sweep 16 M5.3: np.dot(Y, np.log(A2)) of two (1, m) rows was told to transpose the
    # first operand, which gives the (m, m) outer product and a wrong cost
    hint = hints.dot_hint((1, 4), (1, 4))
    assert "second operand transposed the product is (1, 1)" in hint
    assert "a missing .T on the second?" in hint
    assert "a missing .T on the second" not in hints.dot_hint((3, 4), (3, 2))  # one fits
