"""What students read: `pytest exercises`, `check()`, the CLI table and the kit's JSON.

On untouched stubs the self-check prints one line per function, not a block per check; a real
failure prints the engine's whole message once; points read "visible + hidden" everywhere,
with the hidden ones "run when graded" in the kit without the reference.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from autograder import messages, notebook, units
from autograder.cli import main
from autograder.course.builder import solution_path
from autograder.course.bundle import write_bundle
from autograder.engine import load_reference
from autograder.mistakes import catalogue
from autograder.report import Points, unit_points
from autograder.results import CheckResult, TaskResult, UnitResult
from autograder.stubs import make_stub

from .helpers import run_pytest

ROOT = Path(__file__).resolve().parent.parent
TASKS = [(u, t) for u in units.all_units() for t in u.tasks]
#: Lines of `pytest exercises` that are not about a function: pytest's header (5), the
#: progress lines (one per 72 checks, at most 4), blank lines, section rules and summaries.
OVERHEAD = 16
#: Runs Python with the reference solutions absent, as in the student kit.
WITHOUT_REFERENCE = "import sys; sys.modules['solutions'] = None; "


def visible_and_hidden(unit_list) -> tuple[float, float]:
    checks = [c for u in unit_list for t in u.tasks for c in t.checks]
    return (
        sum(c.points for c in checks if not c.hidden),
        sum(c.points for c in checks if c.hidden),
    )


def test_stubs_print_one_line_per_function_and_a_summary():
    proc = run_pytest("exercises")
    out = proc.stdout
    assert proc.returncode == 1, out[-2000:]
    for _, task in TASKS:
        assert out.count(f"Task {task.id} · {task.function} — not implemented yet (") == 1
    assert "All traceback entries are hidden" not in out
    assert "FAILED" not in out and "Traceback" not in out
    assert len(out.splitlines()) <= len(TASKS) + OVERHEAD, out
    visible, hidden = visible_and_hidden(units.all_units())
    assert f"self-check points: 0/{visible:g} visible + 0/{hidden:g} hidden" in out


def _one_mistake(tmp_path: Path, unit: str, function: str, mistake_id: str) -> Path:
    """A unit file: the reference with one function replaced by a catalogued mistake."""
    (m,) = [m for m in catalogue(unit) if (m.function, m.id) == (function, mistake_id)]
    text = solution_path(unit).read_text() + "\n\n" + m.source(load_reference(unit)) + "\n"
    (tmp_path / f"{unit}.py").write_text(text)
    return tmp_path


def test_a_real_failure_prints_the_whole_message_once(tmp_path):
    unit = units.get("logistic_regression")
    task = unit.task("3.3")
    folder = _one_mistake(tmp_path, unit.name, "propagate", "grads_no_mean")
    proc = run_pytest("exercises", "--impl", str(folder), "-m", task.marker)
    out = proc.stdout
    assert proc.returncode == 1
    assert "All traceback entries are hidden" not in out
    headline = "Task 3.3 · propagate — wrong values"
    # once as a message (pytest's short summary may repeat it after "FAILED ... - ")
    assert out.splitlines().count(headline) == 1, out
    message = out[out.index(headline + "\n") :]
    for label in ("called:", "got:", "expected:", "hint:"):
        assert f"  {label}" in message
    assert "divides the cost by m but not the gradients" in message  # the named mistake
    assert "not implemented" not in out


#: initialize_with_zeros with np.zeros's data type where its shape's second entry goes: the
#: same TypeError in every check of task 3.2.
ZEROS_RAISE = """

def initialize_with_zeros(dim):
    w = np.zeros(dim, 1)
    b = 0.0
    return w, b
"""


def test_one_failure_of_several_checks_is_printed_once_with_their_names(tmp_path, capsys):
    unit = units.get("logistic_regression")
    task = unit.task("3.2")
    path = tmp_path / "logistic_regression.py"
    path.write_text(solution_path(unit.name).read_text() + ZEROS_RAISE)
    main(["grade", str(path), "--unit", unit.name])
    out = capsys.readouterr().out
    headline = "Task 3.2 · initialize_with_zeros — raised an exception"
    assert out.count(headline) == 1, out
    message = out[out.index(headline) :].split("\n\n")[0]
    others = [c.name for c in task.checks[1:]]
    assert len(others) >= 2  # the grouping is only seen with several failing checks
    assert message.splitlines()[-1] == messages.same_failure_line(others), message
    # the self-check, one pytest test per check: the message once, then a pointer to it
    # (pytest's short summary repeats each message's first line, untruncated when $CI is set)
    proc = run_pytest("exercises", "--impl", str(tmp_path), "-m", task.marker)
    failures = proc.stdout.split("short test summary info")[0]
    assert failures.count(headline) == 1, proc.stdout
    first = task.checks[0].name
    assert failures.count(f"(the same failure as check {first!r} above)") == len(others)


def test_a_known_mistake_on_visible_and_hidden_inputs_is_one_failure(tmp_path, capsys):
    folder = _one_mistake(tmp_path, "logistic_regression", "propagate", "grads_no_mean")
    main(["grade", str(folder / "logistic_regression.py"), "--unit", "logistic_regression"])
    out = capsys.readouterr().out
    assert out.count("Task 3.3 · propagate — ") == 1, out
    assert "divides the cost by m but not the gradients" in out
    assert "also:" in out[out.index("Task 3.3 · propagate — ") :]


def test_the_self_check_runs_source_checks_after_the_values_they_read(tmp_path):
    # msg sweep 16 M1: one test per check, in declared order, ran no_loops before the values
    # checks; with no verdict yet it read "every visible check passed" and accused a missing
    # 1/m of "holding answers for the inputs it was shown" (2 points the CLI does not take)
    unit = units.get("numpy_basics")
    task = unit.task("2.10")
    text = solution_path(unit.name).read_text()
    wrong = "dw = np.dot(X, dZ.T) / m"
    assert text.count(wrong) == 1
    (tmp_path / "numpy_basics.py").write_text(text.replace(wrong, "dw = np.dot(X, dZ.T)"))
    proc = run_pytest("exercises", "--impl", str(tmp_path), "-m", task.marker)
    out = proc.stdout
    assert "holds answers" not in out, out
    assert "2.10-propagate_vectorized-no_loops" not in out  # it passed: not in FAILED lines
    assert "2.10-propagate_vectorized-values" in out


def test_the_kit_without_the_reference_shows_hidden_points_as_run_when_graded(tmp_path):
    kit = write_bundle(tmp_path / "kit")
    proc = run_pytest("exercises", cwd=kit, prelude=WITHOUT_REFERENCE)
    out = proc.stdout
    assert proc.returncode == 1, out[-2000:]
    visible, hidden = visible_and_hidden(units.all_units())
    assert f"self-check points: 0/{visible:g} visible + {hidden:g} hidden (run when graded)" in out
    assert len(out.splitlines()) <= len(TASKS) + OVERHEAD
    readme = (kit / "README.md").read_text()
    for u in units.all_units():
        v, h = visible_and_hidden([u])
        row = f"| {u.number} `{u.name}` | {v + h:g} points: {v:g} visible + {h:g} hidden |"
        assert row in readme
    assert "jupyter lab" in readme and "autograder train" in readme


def test_the_kit_json_lists_hidden_checks_as_not_run(tmp_path):
    kit = write_bundle(tmp_path / "kit")
    unit = units.get("logistic_regression")
    code = WITHOUT_REFERENCE + textwrap.dedent(
        """
        import autograder
        assert autograder.__file__.startswith(sys.argv[1]), autograder.__file__
        from autograder.cli import main
        sys.exit(main(["grade", sys.argv[2], "--json"]))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(kit), str(solution_path(unit.name))],
        cwd=kit,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    statuses = {(t["id"], c["name"]): c["status"] for t in obj["tasks"] for c in t["checks"]}
    for task in unit.tasks:
        for check in task.checks:
            assert statuses[(task.id, check.name)] == ("not_run" if check.hidden else "passed")
    visible, hidden = visible_and_hidden([unit])
    assert obj["max_score"] == visible + hidden  # the unit's points, as in nbgrader
    assert obj["score"] == visible


def test_cli_table_shows_visible_and_hidden(capsys):
    main(["grade", str(ROOT / "solutions" / "logistic_regression.py")])
    out = capsys.readouterr().out
    visible, hidden = visible_and_hidden([units.get("logistic_regression")])
    assert out.splitlines()[0] == (
        f"logistic_regression: {visible:g}/{visible:g} visible + {hidden:g}/{hidden:g} hidden"
    )


def test_points_text_is_the_same_everywhere():
    ran = Points(26, 26, 4, 6)
    assert ran.text() == "26/26 visible + 4/6 hidden"
    assert ran.short() == "26/26 + 4/6 hidden"
    not_run = Points(26, 26, None, 6)
    assert not_run.text() == "26/26 visible + 6 hidden (run when graded)"
    assert (Points(3, 3) + not_run).text() == "29/29 visible + 6 hidden (run when graded)"
    assert Points(4, 4).text() == "4/4"
    result = UnitResult(
        "logistic_regression",
        [
            TaskResult(
                "3.3",
                "propagate",
                [
                    CheckResult("structure", True, 1.0, 1.0),
                    CheckResult("hidden", False, 0.0, 2.0, status="not_run"),
                ],
            )
        ],
    )
    assert unit_points(result) == Points(1.0, 1.0, None, 2.0)


# ----------------------------------------------------------------------------- check()


@pytest.fixture
def kernel(monkeypatch):
    """Pretend to be a notebook kernel whose __main__ holds some code."""
    import linecache
    import types

    monkeypatch.delenv(notebook.DEFER_ENV, raising=False)
    monkeypatch.delenv(notebook.LOADING_ENV, raising=False)

    def use(text: str) -> None:
        name = f"<ipython-input-{abs(hash(text))}>"
        linecache.cache[name] = (len(text), None, text.splitlines(keepends=True), name)
        mod = types.ModuleType("__main__")
        exec(compile(text, name, "exec"), mod.__dict__)
        monkeypatch.setitem(sys.modules, "__main__", mod)

    return use


def test_check_on_a_stub_prints_one_line(kernel, capsys):
    kernel(make_stub(solution_path("logistic_regression").read_text(), "logistic_regression"))
    assert notebook.check("3.4") is False
    out = capsys.readouterr().out
    assert out.count("not implemented") == 1
    assert "Task 3.4 · optimize: 0/5 visible + 0/2 hidden" in out


def test_check_prints_each_distinct_failure_once(kernel, capsys):
    unit = "logistic_regression"
    (m,) = [m for m in catalogue(unit) if (m.function, m.id) == ("propagate", "no_mean")]
    kernel(solution_path(unit).read_text() + "\n\n" + m.source(load_reference(unit)) + "\n")
    assert notebook.check("3.3") is False
    out = capsys.readouterr().out
    blocks = out.strip().split("\n\n")[1:]
    assert blocks and len(blocks) == len(set(blocks))
    assert all(b.startswith("Task 3.3 · propagate — ") for b in blocks)


def test_check_all_shows_points_like_the_cli(kernel, capsys):
    unit = "logistic_regression"
    kernel(solution_path(unit).read_text())
    notebook.check_all(unit)
    first = capsys.readouterr().out.splitlines()[0]
    visible, hidden = visible_and_hidden([units.get(unit)])
    assert first.endswith(f": {visible:g}/{visible:g} visible + {hidden:g}/{hidden:g} hidden")


def test_check_prints_the_advice_of_a_passing_task(kernel, capsys):
    # msg sweep 16 M9: the README promises advice: lines in check()'s output; a passing task
    # printed only its points (the int b = 0 of the 2017-2020 template is advice)
    text = solution_path("logistic_regression").read_text()
    kernel(text + "\n\ndef initialize_with_zeros(dim):\n    return np.zeros((dim, 1)), 0\n")
    assert notebook.check("3.2") is True
    out = capsys.readouterr().out
    assert "Task 3.2 · initialize_with_zeros passed ✓" in out
    assert "  advice:" in out, out


def test_the_self_check_lists_the_advice_its_checks_gave(tmp_path):
    text = solution_path("logistic_regression").read_text()
    code = text + "\n\ndef initialize_with_zeros(dim):\n    return np.zeros((dim, 1)), 0\n"
    (tmp_path / "logistic_regression.py").write_text(code)
    proc = run_pytest("exercises", "--impl", str(tmp_path), "-m", "task3_2")
    assert proc.returncode == 0, proc.stdout
    assert "advice (never scored)" in proc.stdout
    assert "Task 3.2 · initialize_with_zeros: b is int 0" in proc.stdout


def test_the_student_kit_says_which_lost_points_wait_for_another_task(tmp_path):
    # msg sweep 16 M4: without the reference a broken sigmoid fails optimize, predict and
    # model too (each names it as the cause), and the points line counted them all unsaid
    kit = write_bundle(tmp_path / "kit")
    text = solution_path("logistic_regression").read_text()
    right = "return 1 / (1 + np.exp(-z))"
    assert right in text
    (kit / "exercises" / "logistic_regression.py").write_text(
        text.replace(right, "return 1 / 1 + np.exp(-z)", 1)
    )
    proc = run_pytest("exercises", "-m", "logistic_regression", cwd=kit, prelude=WITHOUT_REFERENCE)
    assert "of the points not earned are in checks of functions that use a failing" in proc.stdout


def test_the_student_kit_prints_a_failing_block_once_per_task_that_uses_it(tmp_path):
    # msg 17 M8: without the reference, a broken linear_forward failed linear_activation_forward's
    # structure and values checks alike (its cache's Z and its A), each message printed in full
    kit = write_bundle(tmp_path / "kit")
    text = solution_path("deep_network").read_text()
    right = "Z = np.dot(W, A) + b"
    assert text.count(right) == 1
    (kit / "exercises" / "deep_network.py").write_text(text.replace(right, "Z = np.dot(W, A) - b"))
    proc = run_pytest("exercises", "-m", "deep_network", cwd=kit, prelude=WITHOUT_REFERENCE)
    failures = proc.stdout.split("short test summary info")[0]
    for headline in ("Task 5.4 · linear_activation_forward — ", "Task 5.5 · L_model_forward — "):
        assert failures.count(headline) == 1, proc.stdout
    assert "(the same failure as check 'structure' above)" in failures
    assert "uses your linear_forward(), which fails Task 5.3" in failures
    # msg 18 §1e: a task waiting for another's block says so, without its own details again
    assert "Task 5.5 · L_model_forward — waits for another task" in failures
    assert "caches[0][1] (activation_cache) should be" not in failures


def test_one_exception_raised_on_every_call_and_the_checks_waiting_for_it_are_one_failure():
    """msg 18 §1c: `np.dot(X.T, dZ)` raised on each call with other shapes (three messages),
    and no_loops added a fourth, "no result to check", which only waits for them."""
    from autograder.engine import grade_submission
    from autograder.mistakes import variant
    from autograder.report import distinct_failures

    from .helpers import mistake_submission

    m = variant("propagate_vectorized", "xt", "xt", ("np.dot(X, dZ.T)", "np.dot(X.T, dZ)"))
    result = grade_submission(
        "numpy_basics", mistake_submission("numpy_basics", m), tasks=["propagate_vectorized"]
    )
    (shown,) = distinct_failures(result.tasks)
    assert "raised ValueError" in shown and "no result to check" not in shown
    assert "'no_loops'" in shown and "'hidden'" in shown, shown
