"""Code that computes in float32 on purpose is judged by the course's tolerance (sweep 16 P1).

The course's tests compare with ``np.allclose`` (rtol 1e-5, atol 1e-8); the kit's float64
tolerance (rtol 1e-7) charged float32 rounding, and a correct caller inherited the charge.
Where the code graded asks for reduced precision, the course's tolerance holds, with advice;
elsewhere a value off by 1e-6 is a bug.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from autograder import checklib as cl
from autograder import precision
from autograder.engine import grade_submission
from autograder.gradcheck import compare_gradient
from autograder.isolation import from_path
from autograder.spec import CheckFailure

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("source", "asks"),
    [
        ("def f(x):\n    return x.astype(np.float32)\n", True),
        ("def f(x):\n    return np.asarray(x, dtype='float32')\n", True),
        ("def f(x):\n    return np.asarray(x, dtype='f4')\n", True),
        ("from numpy import float16\ndef f(x):\n    return float16(x)\n", True),
        ("def f(x):\n    # not float32: the kit's float64\n    return x * 1.0\n", False),
        ('def f(x):\n    """Works in float64, not float32."""\n    return x\n', False),
        ("def f(x):\n    return np.asarray(x, dtype=np.float64)\n", False),
        ("def f(x:\n", False),
        ("def f(x):\n    return np.zeros(x.shape, 'f')\n", True),
        ("def f(x):\n    return x.astype('e')\n", True),
        # a one-letter string that is not a dtype asks for nothing (a key, a format)
        ("def f(x):\n    d = {'f': x}\n    return d['f']\n", False),
        ("def f(x):\n    print('e', 'F')\n    return x\n", False),
        # a dtype named where none is used asks for nothing (red team 16 D: dead code)
        ("def f(x):\n    if x.dtype == 'float16':\n        pass\n    return x\n", False),
        ("def f(x):\n    float32 = None\n    return x\n", False),
        ("def f(x):\n    return np.float32(x) * 2\n", True),
    ],
)
def test_reduced_precision_is_asked_for_in_code_only(source, asks):
    assert precision.asks_for_reduced_precision([source]) is asks


EXPECTED = np.array([[0.25, 0.5, 1e-4]])
DRIFT = EXPECTED + 1e-7 * np.array([[1.0, -1.0, 1.0]])  # float32 rounding of the scale


def test_the_course_tolerance_holds_only_where_it_is_allowed():
    with pytest.raises(CheckFailure):
        cl.compare(DRIFT, EXPECTED, "A")
    with precision.allowed(False), pytest.raises(CheckFailure):
        cl.compare(DRIFT, EXPECTED, "A")
    with precision.allowed(True) as passed:
        cl.compare(DRIFT, EXPECTED, "A")
        cl.compare(DRIFT.astype(np.float32), EXPECTED, "A32")  # a float32 result itself
    assert passed == ["A", "A32"]


@pytest.mark.parametrize(
    "wrong",
    [
        EXPECTED * 1.001,
        EXPECTED + np.array([[0.0, 0.0, np.nan]]),
        EXPECTED.T.copy()[:2],
        np.clip(EXPECTED, 1e-3, None),  # a small entry clipped: off by 9e-4 (red team 16 D)
        EXPECTED + np.array([[0.0, 0.0, 2e-6]]),  # 2 % of a small entry: no float32 rounding
    ],
    ids=["bug", "nan", "size", "clipped", "small_entry"],
)
def test_a_real_difference_fails_within_the_allowance(wrong):
    with precision.allowed(True) as passed, pytest.raises(CheckFailure):
        cl.compare(wrong, EXPECTED, "A")
    assert passed == []


def test_a_gradient_within_the_course_tolerance_passes_only_where_allowed():
    numeric = np.array([0.25, 3.3523767650756037e-4])
    analytic = np.array([0.25, 3.3522327430546284e-4])  # float32's s * (1 - s), sweep 16 NC15
    assert not compare_gradient("ds", analytic, numeric).ok
    with precision.allowed(True) as passed:
        result = compare_gradient("ds", analytic, numeric)
        wrong = compare_gradient("ds", analytic * 1.01, numeric)
    assert result.ok and "course's tolerance" in result.note()
    assert not wrong.ok
    assert passed == ["ds"]


def test_a_float32_propagate_costs_nothing_in_it_or_in_optimize(tmp_path):
    # sweep 16 LC03: propagate passed, optimize lost its hidden points with no hint
    text = (ROOT / "solutions" / "logistic_regression.py").read_text()
    start = text.index("def propagate(")
    first = text.index("    m = X.shape[1]\n", start)  # the reference's propagate, X cast first
    text = text[:first] + "    X = np.asarray(X, dtype=np.float32)\n" + text[first:]
    path = tmp_path / "logistic_regression.py"
    path.write_text(text)
    sub = from_path(path, "logistic_regression", isolated=False)
    try:
        result = grade_submission("logistic_regression", sub)
    finally:
        sub.close()
    assert [(t.function, c.name) for t in result.tasks for c in t.checks if not c.passed] == []
    advised = {t.function for t in result.tasks for c in t.checks if precision.ADVICE in c.advice}
    assert "propagate" in advised  # its callers' too where their values drifted


def test_a_float32_blocks_drift_in_a_model_passes_only_where_allowed():
    """Sweep 17 P1 (a linear_forward ending in astype(np.float32)): the model printed the
    cost 0.6931204597155253 for 0.6931204861434416, and its trained b3 (2e-6, beside
    weights of 0.018) drifted by 4.5e-8 in 113 steps; each cost the model a point."""
    printed = "Cost after iteration 0: 0.6931204597155253"
    call, right = "two_layer_model(...)", 0.6931204861434416
    with pytest.raises(CheckFailure):
        cl.expect_printed_costs(printed, [right], [0], call)
    with precision.allowed(True) as passed:
        cl.expect_printed_costs(printed, [right], [0], call)
    assert passed == ["the printed cost"]
    right_params = {"W1": np.array([[0.018, -0.004]]), "b3": np.array([[1.9372809557014006e-06]])}
    drifted = {"W1": right_params["W1"], "b3": np.array([[1.9826329533859877e-06]])}
    tolerance = {"rtol": 1e-6, "atol": 1e-9}  # the models' checks
    with pytest.raises(CheckFailure):
        cl.compare(drifted, right_params, "parameters", **tolerance)
    with precision.allowed(True):
        cl.compare(drifted, right_params, "parameters", **tolerance)
        with pytest.raises(CheckFailure):  # the same drift where nothing accumulates
            cl.compare(drifted, right_params, "parameters")
        with pytest.raises(CheckFailure):  # b3 alone: no weights' scale to drift with
            cl.compare(drifted["b3"], right_params["b3"], "b3", **tolerance)


def test_kit_only_tasks_keep_the_kit_tolerance(tmp_path):
    """The derivatives unit is the kit's own: naming float32 buys no tolerance (red team 16 D:
    difference quotients rounded to 6 decimals passed with a dtype named)."""
    text = (ROOT / "solutions" / "derivatives.py").read_text()
    start = text.index("\ndef forward_difference(")
    body = text.index("\n    return ", start)
    end = text.index("\n", body + 1)
    returned = text[body + len("\n    return ") : end]
    path = tmp_path / "derivatives.py"
    path.write_text(
        text[:body] + f"\n    return float(np.float32(round({returned}, 6)))" + text[end:]
    )
    (result,) = grade_submission("derivatives", from_path(path, "derivatives"), tasks=["1.1"]).tasks
    assert not all(c.passed for c in result.checks), [c.message for c in result.checks]
