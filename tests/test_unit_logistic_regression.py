"""Unit 3 (logistic regression): course values, the digits demo, and what the checks tell apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from autograder.demos import load_impl
from autograder.demos import logistic_regression as demo
from autograder.engine import grade_submission
from autograder.mistakes import catalogue
from solutions import logistic_regression as ref

from .helpers import mistake_submission

ROOT = Path(__file__).resolve().parents[1]


def _statuses(unit: str, function: str, mistake_id: str) -> dict[str, str]:
    m = next(m for m in catalogue(unit) if (m.function, m.id) == (function, mistake_id))
    result = grade_submission(unit, mistake_submission(unit, m))
    return {c.name: c.status for t in result.tasks if t.function == function for c in t.checks}


def test_course_values():
    grads, cost = ref.propagate(
        np.array([[1.0], [2.0]]),
        2.0,
        np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
        np.array([[1.0, 0.0, 1.0]]),
    )
    assert cost == pytest.approx(5.801545319394553, rel=1e-12)
    np.testing.assert_allclose(grads["dw"], [[0.99845601], [2.39507239]], rtol=1e-7)
    assert grads["db"] == pytest.approx(0.00145557813678, rel=1e-9)
    w, b = ref.initialize_with_zeros(3)
    assert type(b) is float and w.shape == (3, 1) and not w.any()


def test_consistent_missing_mean_passes_gradcheck_but_not_values():
    """Why propagate is checked against the reference too: 1/m missing everywhere is consistent."""
    status = _statuses("logistic_regression", "propagate", "no_mean")
    assert status["gradcheck"] == "passed"
    assert status["values"] == "failed" and status["hidden"] == "failed"


def test_in_place_update_is_caught_only_by_the_mutation_check():
    status = _statuses("logistic_regression", "optimize", "in_place")
    assert [name for name, s in status.items() if s != "passed"] == ["no_mutation"]


def test_gradcheck_note_is_cs231n_style():
    result = grade_submission(
        "logistic_regression",
        mistake_submission("logistic_regression", catalogue("logistic_regression")[0]),
    )
    [check] = [
        c
        for t in result.tasks
        if t.function == "propagate"
        for c in t.checks
        if c.name == "gradcheck"
    ]
    assert check.passed
    assert "dw max relative error" in check.message and "db max relative error" in check.message


def test_demo_reaches_the_stated_accuracy_and_writes_the_plot(tmp_path):
    report = demo.run(ref, tmp_path)
    d, stats = demo.train(ref)
    assert stats["m_train"] == 268 and stats["m_test"] == 89
    assert stats["train"] >= 99.0
    assert stats["test"] >= 97.0  # measured: 98.9 % (88 of 89)
    assert len(d["costs"]) == 20 and d["costs"][-1] < 0.05 < d["costs"][0]
    png = tmp_path / demo.PLOT_NAME
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000
    assert f"test {stats['test']:.1f} %" in report


def test_demo_with_the_stubs_says_not_implemented(tmp_path):
    stubs = load_impl(ROOT / "exercises" / "logistic_regression.py", "logistic_regression")
    with pytest.raises(NotImplementedError, match="Task 3.6"):
        demo.run(stubs, tmp_path)
    assert not (tmp_path / demo.PLOT_NAME).exists()
