"""Unit 1 (derivatives): the lesson's numbers, the demo, and what the checks tell apart."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest

from autograder.demos import derivatives as demo
from autograder.demos import load_impl
from autograder.engine import grade_submission
from autograder.lesson_functions import TABLE, LessonFunction
from autograder.mistakes import catalogue
from solutions import derivatives as ref

from .helpers import mistake_submission

ROOT = Path(__file__).resolve().parents[1]


def test_lesson_examples():
    assert ref.forward_difference(LessonFunction("triple"), 2.0) == pytest.approx(3.0, abs=1e-9)
    assert ref.forward_difference(LessonFunction("square"), 2.0) == pytest.approx(4.001, abs=1e-9)
    assert ref.centered_difference(LessonFunction("square"), 2.0) == pytest.approx(4.0, abs=1e-9)
    assert ref.graph_forward(5.0, 3.0, 2.0) == (6.0, 11.0, 33.0)
    assert ref.graph_backward(5.0, 3.0, 2.0) == {
        "dv": 3.0,
        "du": 3.0,
        "da": 3.0,
        "db": 6.0,
        "dc": 9.0,
    }


def test_gradient_descent_records_before_and_after_each_update():
    w, costs = ref.gradient_descent(LessonFunction("bowl"), LessonFunction("bowl_slope"), 0.0)
    assert len(costs) == 101
    assert costs[0] == 10.0  # J(0) = 9 + 1
    assert w == pytest.approx(3.0, abs=1e-8)
    assert all(b <= a for a, b in zip(costs, costs[1:]))
    assert ref.gradient_descent(
        LessonFunction("bowl"), LessonFunction("bowl_slope"), 5.0, num_iterations=0
    ) == (5.0, [5.0])


def test_lesson_functions_are_plain_and_rebuildable_by_name():
    for name in TABLE:
        f = LessonFunction(name)
        assert copy.deepcopy(f) == f
        assert math.isfinite(f(1.5))
        assert repr(f).startswith("<") and repr(f).endswith(">")


def test_consistently_wrong_pair_is_caught_by_values_not_gradcheck():
    """The hard-coded lesson answer is right at (5, 3, 2): only the gradient check sees it."""
    m = next(
        m
        for m in catalogue("derivatives")
        if (m.function, m.id) == ("graph_backward", "hard_coded")
    )
    result = grade_submission("derivatives", mistake_submission("derivatives", m))
    status = {
        c.name: c.status for t in result.tasks if t.function == "graph_backward" for c in t.checks
    }
    assert status == {"structure": "passed", "values": "passed", "gradcheck": "failed"}


def test_gradcheck_note_is_cs231n_style():
    result = grade_submission(
        "derivatives", mistake_submission("derivatives", catalogue("derivatives")[0])
    )
    [check] = [
        c
        for t in result.tasks
        if t.function == "graph_backward"
        for c in t.checks
        if c.name == "gradcheck"
    ]
    assert check.passed
    assert "db max relative error" in check.message and "(ok < 1e-07" in check.message


@pytest.mark.parametrize("db", ["np.array([c, c])", "np.ones((2, 2))", "None", "'6.0'"])
def test_a_derivative_of_another_shape_or_type_fails_with_a_message(db):
    from autograder.mistakes import variant

    numpy = ("def graph_backward(", "import numpy as np\n\n\ndef graph_backward(")
    m = variant("graph_backward", "probe", "probe", numpy, ("db = du * c", f"db = {db}"))
    result = grade_submission("derivatives", mistake_submission("derivatives", m))
    task = next(t for t in result.tasks if t.function == "graph_backward")
    gradcheck = next(c for c in task.checks if c.name == "gradcheck")
    assert gradcheck.status == "failed"
    assert "db" in gradcheck.message
    assert all(c.status in ("passed", "failed") for c in task.checks)


def test_the_gradient_check_names_every_wrong_derivative_at_once():
    m = next(
        m for m in catalogue("derivatives") if (m.function, m.id) == ("graph_backward", "swapped")
    )
    result = grade_submission("derivatives", mistake_submission("derivatives", m))
    [check] = [
        c
        for t in result.tasks
        if t.function == "graph_backward"
        for c in t.checks
        if c.name == "gradcheck"
    ]
    assert "db, dc do not match the numeric gradient at a = 5, b = 3, c = 2" in check.message
    assert "db[] " not in check.message  # a number is written db, never db[]


def test_demo_runs_and_writes_the_plot(tmp_path):
    report = demo.run(ref, tmp_path)
    png = tmp_path / demo.PLOT_NAME
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000
    assert "forward / 10, centred / 100" in report  # first- and second-order errors
    assert "learning rate 0.5: w = 3.0000" in report
    assert "diverges" in report  # learning rate 1.05


def test_demo_with_the_stubs_says_not_implemented(tmp_path):
    stubs = load_impl(ROOT / "exercises" / "derivatives.py", "derivatives")
    with pytest.raises(NotImplementedError, match="Task 1.1"):
        demo.run(stubs, tmp_path)


GD = "def gradient_descent(J, dJ, w0, learning_rate=0.1, num_iterations=100):\n"


@pytest.mark.parametrize(
    "body",
    [
        # a while loop and an in-place step
        "    w, costs, i = w0, [J(w0)], 0\n    while i < num_iterations:\n"
        "        w -= learning_rate * dJ(w)\n        costs.append(J(w))\n        i += 1\n"
        "    return w, costs\n",
        # numpy scalars throughout, a step of its own
        "    import numpy as np\n\n    def step(w):\n        return w - learning_rate * dJ(w)\n\n"
        "    w = np.float64(w0)\n    costs = [np.float64(J(w))]\n"
        "    for _ in range(1, num_iterations + 1):\n        w = step(w)\n"
        "        costs.append(np.float64(J(w)))\n    return w, costs\n",
        # the path first, then its costs; printing as it goes
        "    path = [w0]\n    for i in range(num_iterations):\n"
        "        path.append(path[-1] - learning_rate * dJ(path[-1]))\n"
        "        if i % 50 == 0:\n            print(i, J(path[-1]))\n"
        "    return path[-1], [J(w) for w in path]\n",
    ],
    ids=["while", "numpy_scalars", "path"],
)
def test_correct_gradient_descent_forms_get_full_marks(body):
    """Every check of 1.5, too_large_rate (the overshooting rate) among them, passes on
    correct forms written otherwise than the reference (real kit-only variants)."""
    from .helpers import text_submission

    text = (
        (ROOT / "solutions" / "derivatives.py")
        .read_text()
        .replace("def gradient_descent(", "def _gradient_descent(", 1)
    )
    result = grade_submission(
        "derivatives", text_submission("derivatives", text + "\n\n" + GD + body), tasks=["1.5"]
    )
    (task,) = result.tasks
    assert "too_large_rate" in {c.name for c in task.checks}
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


def test_each_value_check_hints_at_the_mistake_the_result_shows():
    """Real code (sweep 9): / epsilon * 2 in centered_difference was told on uses_epsilon to
    nudge by the epsilon argument, not a fixed 0.001, and on hidden to return the unrounded
    quotient; neither is in the code. The formula's hint is given unless the result is what
    a fixed 0.001 (or rounding) gives."""
    from autograder.mistakes import variant

    slip = variant("centered_difference", "times_two", "/ epsilon * 2",
                   ("/ (2 * epsilon)", "/ epsilon * 2"))  # fmt: skip
    result = grade_submission("derivatives", mistake_submission("derivatives", slip), tasks=["1.2"])
    failed = [c for c in result.tasks[0].checks if not c.passed]
    assert {c.name for c in failed} == {"values", "uses_epsilon", "hidden"}
    for check in failed:
        assert "the points are 2 epsilon apart" in check.message, check.message
