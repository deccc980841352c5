"""In-notebook helpers: grade cells end with a plain float, print only on stdout, never raise."""

from __future__ import annotations

import functools
import linecache
import sys
import types

import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_code_cell
from nbgrader.utils import determine_grade

from autograder import notebook, units
from autograder.course.builder import solution_path
from autograder.course.nbgrader_plugin import cell_outputs
from autograder.course.redact import redact
from autograder.results import CheckResult
from autograder.stubs import make_stub

UNIT = "numpy_basics"


def _module(text: str) -> types.ModuleType:
    """A kernel's __main__: like IPython, cell sources are registered in linecache."""
    name = f"<ipython-input-{abs(hash(text))}>"
    linecache.cache[name] = (len(text), None, text.splitlines(keepends=True), name)
    mod = types.ModuleType("__main__")
    exec(compile(text, name, "exec"), mod.__dict__)
    return mod


@pytest.fixture
def kernel_main(monkeypatch):
    """Pretend to be a kernel whose __main__ holds some code."""
    monkeypatch.delenv(notebook.DEFER_ENV, raising=False)
    monkeypatch.delenv(notebook.LOADING_ENV, raising=False)

    def use(text: str) -> None:
        monkeypatch.setitem(sys.modules, "__main__", _module(text))

    return use


def _all_checks():
    u = units.get(UNIT)
    return [(t, c) for t in u.tasks for c in t.checks]


def test_reference_scores_every_check_as_a_plain_float(kernel_main, capsys):
    kernel_main(solution_path(UNIT).read_text())
    for task, check in _all_checks():
        score = notebook.grade(UNIT, task.id, check.name)
        assert type(score) is float
        assert score == check.points, (task.id, check.name)
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "passed" in captured.out


def test_stubs_score_zero_with_a_message(kernel_main, capsys):
    kernel_main(make_stub(solution_path(UNIT).read_text(), UNIT))
    assert notebook.grade(UNIT, "2.2", "values") == 0.0
    out = capsys.readouterr()
    assert "not implemented" in out.out and out.err == ""


def test_warnings_and_stderr_in_student_code_stay_off_stderr(kernel_main, capsys):
    noisy = solution_path(UNIT).read_text() + (
        "\n\nimport sys, warnings\n_sig = sigmoid\n"
        "def sigmoid(x):\n"
        "    warnings.warn('careful')\n"
        "    print('debug', file=sys.stderr)\n"
        "    return _sig(x)\n"
    )
    kernel_main(noisy)
    assert notebook.grade(UNIT, "2.2", "values") == 2.0
    assert capsys.readouterr().err == ""


def test_grade_never_raises_and_never_writes_stderr(kernel_main, capsys):
    kernel_main("")
    assert notebook.grade(UNIT, "9.9", "values") == 0.0
    assert notebook.grade("no_such_unit", "2.1", "values") == 0.0
    out = capsys.readouterr()
    assert out.err == "" and "not gradable" in out.out


def test_grade_defers_to_the_plugin_while_nbgrader_executes(kernel_main, monkeypatch, capsys):
    kernel_main(solution_path(UNIT).read_text())
    monkeypatch.setenv(notebook.DEFER_ENV, "1")
    assert notebook.grade(UNIT, "2.1", "values") == 0.0
    assert notebook.DEFERRED_MESSAGE in capsys.readouterr().out


def test_check_prints_the_verdict(kernel_main, capsys):
    kernel_main(solution_path(UNIT).read_text())
    assert notebook.check("2.2") is True
    assert "Task 2.2 · sigmoid passed ✓" in capsys.readouterr().out
    kernel_main(make_stub(solution_path(UNIT).read_text(), UNIT))
    assert notebook.check("sigmoid", unit=UNIT) is False
    assert "not implemented" in capsys.readouterr().out
    assert notebook.check_all(UNIT) == 0.0


@pytest.mark.parametrize(
    ("value", "points", "expected"),
    [
        (np.float64(2.5), 4, 2.5),
        (np.int64(3), 4, 3.0),
        (5, 2, 2.0),
        (-1, 2, 0.0),
        (float("nan"), 2, 0.0),
        ("2", 2, 2.0),
        ("x", 2, 0.0),
        (None, 2, 0.0),
    ],
)
def test_clamp(value, points, expected):
    got = notebook.clamp(value, points)
    assert type(got) is float and got == expected


def _graded(outputs, points=2.0):
    meta = {"nbgrader": {"grade": True, "solution": False, "points": points, "grade_id": "x"}}
    cell = new_code_cell("", metadata=meta)
    cell.outputs = outputs
    return determine_grade(cell)[0]


@pytest.mark.parametrize("score", [0.0, 0.5, 1.0, 2.0, np.float64(1.5), 7.0])
def test_nbgrader_reads_the_engine_score_from_our_outputs(score):
    """The traps: numpy reprs and print() give full credit, scores above points fail the
    submission. Our outputs give nbgrader exactly the clamped score."""
    result = CheckResult("values", score >= 2.0, score, 2.0, "msg", "failed")
    assert _graded(cell_outputs(result, 2.0, hidden=False)) == min(float(score), 2.0)


def test_the_traps_are_real():
    """What a naive grade cell would get from nbgrader 0.9.6 (why we write floats)."""
    from nbformat.v4 import new_output

    numpy_repr = new_output("execute_result", data={"text/plain": "np.float64(0.5)"})
    assert _graded([numpy_repr]) == 2.0  # full credit for a 0.5 score
    assert _graded([new_output("stream", name="stdout", text="0.5\n")]) == 2.0  # print ignored
    stderr = new_output("stream", name="stderr", text="RuntimeWarning\n")
    assert _graded([stderr, new_output("execute_result", data={"text/plain": "2.0"})]) == 0
    with pytest.raises(ValueError):
        _graded([new_output("execute_result", data={"text/plain": "3.0"})])


def test_not_gradable_cells_carry_no_score_and_say_so():
    result = CheckResult("values", False, 0.0, 2.0, "grader error: boom", "not_gradable")
    outs = cell_outputs(result, 2.0)
    assert [o.output_type for o in outs] == ["stream"]
    assert "needs a manual grade" in outs[0].text


def test_hidden_messages_are_redacted_whatever_their_status():
    task = units.get(UNIT).task("2.2")
    msg = (
        "Task 2.2 · sigmoid — wrong values on hidden inputs\n  sigmoid(x) does not match.\n"
        "  called:   sigmoid(array(2, 3))\n  got:      sigmoid(x)[0, 0] = 0.87\n"
        "  expected: sigmoid(x)[0, 0] = 0.12 (rtol 1e-07)\n  mismatch: 6 of 6 entries differ\n"
        "  hint:     mind the minus sign (0.87)."
    )
    result = CheckResult(
        "hidden", False, 0.0, 1.0, msg, "failed", hint="mind the minus sign (0.87)."
    )
    out = redact(result, UNIT, task)
    assert "0.87" not in out and "0.12" not in out and "mismatch" not in out
    assert "hint:" in out and "wrong values on hidden inputs" in out
    boom = "Task 2.2 · sigmoid — not gradable\n  grader error: TypeError: 0.87 is not 0.12"
    (shown,) = cell_outputs(
        CheckResult("hidden", False, 0.0, 1.0, boom, "not_gradable"), 1.0, (UNIT, task)
    )
    assert "0.87" not in shown.text and "needs a manual grade" in shown.text


# ---------------------------------------------------------------- hidden checks in grade cells
# A hidden check's grade cell (hence the feedback HTML and the gradebook's messages) must show
# nothing computed on its hidden inputs: the draws stay the same while the graded function's
# source does, so a student could collect them round by round and hard-code the answers.

#: What the leaking submissions below put into every text made from the hidden inputs.
LEAK = "ZZLEAK"
LR = "logistic_regression"


@functools.cache
def _released(unit: str) -> str:
    from autograder.course import builder

    return nbformat.writes(builder.build_notebook(unit))


def _grade_cells(unit: str, code: str, function: str, monkeypatch) -> tuple[dict, dict, dict]:
    """``({check: grade cell text}, {check: engine message}, student namespace)`` of a task.

    The notebook's grade cells are written by :class:`EngineGrades` exactly as at autograde;
    only the grading itself is done here in-process on ``code``.
    """
    from autograder.course.nbgrader_plugin import EngineGrades
    from autograder.course.worker import GradedNotebook
    from autograder.engine import grade_submission
    from autograder.submission import Submission

    ns: dict = {"__name__": "__student__"}
    exec(compile(code, "<student>", "exec"), ns)  # noqa: S102
    submission = Submission(unit, ns, "student", source_text=code)
    result = grade_submission(unit, submission, seed=11, tasks=[function])
    monkeypatch.setattr(EngineGrades, "grade", lambda self, nb, u: GradedNotebook(result))
    nb = nbformat.reads(_released(unit), as_version=4)
    EngineGrades().preprocess(nb, {"nbgrader": {"notebook": unit}})
    (task,) = result.tasks
    prefix = f"t{task.id.replace('.', '_')}_"
    cells = {
        c.metadata["nbgrader"]["grade_id"].removeprefix(prefix): c.outputs[0].text
        for c in nb.cells
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id", "").startswith(prefix)
    }
    return cells, {c.name: c.message for c in task.checks}, ns


LEAKS = {
    "a returned repr string": (
        "propagate",
        "def propagate(w, b, X, Y):\n"
        "    return 'ZZLEAK' + repr([w.tolist(), b, X.tolist(), Y.tolist()])\n",
    ),
    "a class with a long __qualname__": (
        "sigmoid",
        "def sigmoid(z):\n"
        "    K = type('K', (), {})\n"
        "    K.__qualname__ = 'ZZLEAK' + repr(np.round(np.asarray(z), 4).tolist())[:190]\n"
        "    return K()\n",
    ),
    "a dict with arbitrary keys": (
        "propagate",
        "def propagate(w, b, X, Y):\n"
        "    key = 'ZZLEAK' + repr(np.round(X, 4).tolist())\n"
        "    return {'dw': np.zeros_like(w), 'db': 0.0, key: 1.0}, 0.5\n",
    ),
    "an exception class with a crafted name": (
        "sigmoid",
        "def sigmoid(z):\n"
        "    name = 'ZZLEAK' + repr(np.round(np.asarray(z), 4).tolist())\n"
        "    raise type(name, (Exception,), {})()\n",
    ),
    "an exception class named like a builtin one, its message crafted": (
        "sigmoid",
        "def sigmoid(z):\n"
        "    raise type('ValueError', (Exception,), {})('ZZLEAK' + repr(np.asarray(z).tolist()))\n",
    ),
    "a KeyError on a crafted key": (
        "sigmoid",
        "def sigmoid(z):\n    raise KeyError('ZZLEAK' + repr(np.asarray(z).tolist()))\n",
    ),
    "a NotImplementedError from a function of a crafted name": (
        "sigmoid",
        "def _stub():\n    raise NotImplementedError\n\n"
        "def sigmoid(z):\n"
        "    name = 'ZZLEAK' + repr(np.round(np.asarray(z), 2).tolist())\n"
        "    code = _stub.__code__.replace(co_name=name, co_qualname=name)\n"
        "    return types.FunctionType(code, globals())()\n",
    ),
}


@pytest.mark.parametrize("case", list(LEAKS))
def test_hidden_grade_cells_show_nothing_computed_on_the_hidden_inputs(case, monkeypatch):
    function, body = LEAKS[case]
    code = f"import types\nimport numpy as np\n\n{body}"
    cells, engine, _ = _grade_cells(LR, code, function, monkeypatch)
    assert LEAK in engine["hidden"]  # the engine's own message (the instructor's) has it
    assert LEAK not in cells["hidden"], cells["hidden"]
    assert "on hidden inputs" in cells["hidden"].splitlines()[0]


def test_hidden_grade_cells_show_no_shape_built_from_the_hidden_inputs(monkeypatch):
    code = (
        "import numpy as np\nSEEN = []\n\n"
        "def sigmoid(z):\n"
        "    n = 10000 + int(abs(float(np.asarray(z).flat[-1])) * 1e6) % 80000\n"
        "    SEEN.append(n)\n"
        "    return np.zeros((n, 3))\n"
    )
    cells, engine, ns = _grade_cells(LR, code, "sigmoid", monkeypatch)
    hidden = [n for n in ns["SEEN"] if str(n) in engine["hidden"]]
    assert hidden  # the engine's message names the shape the hidden input gave
    assert not any(str(n) in cells["hidden"] for n in hidden), cells["hidden"]


def test_ordinary_hidden_failures_say_their_kind_and_a_fixed_hint(monkeypatch):
    minus = "import numpy as np\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"
    cells, engine, _ = _grade_cells(LR, minus, "sigmoid", monkeypatch)
    first, *rest = cells["hidden"].splitlines()
    assert first == "Task 3.1 · sigmoid — wrong values on hidden inputs"
    assert rest == [
        "  hint:     this looks like a known mistake: returns sigma(-z) = 1 - sigma(z) "
        "(np.exp(z) instead of np.exp(-z), or e^(-z) on top). sigma(z) = 1 / (1 + e^(-z)); "
        "this code returns sigma(-z) = 1 / (1 + e^z) = e^(-z) / (1 + e^(-z)): a sign is off."
    ]
    raises = "import numpy as np\n\ndef sigmoid(z):\n    raise ValueError(repr(z))\n"
    cells, _, _ = _grade_cells(LR, raises, "sigmoid", monkeypatch)
    assert cells["hidden"].splitlines()[0] == (
        "Task 3.1 · sigmoid — raised ValueError on hidden inputs"
    )
    assert "  hint:     " in cells["hidden"]


def test_a_tasks_advice_reaches_a_grade_cell_the_student_sees():
    """Advice went to the task's last check, a hidden one, whose grade cell drops it."""
    from autograder.engine import grade_submission

    from .helpers import text_submission

    unit = "logistic_regression"
    text = solution_path(unit).read_text().replace("> 0.5", ">= 0.5")  # advice, no points
    result = grade_submission(unit, text_submission(unit, text))
    (task,) = [t for t in result.tasks if t.advice]
    spec = units.get(unit).task(task.id)
    secret = {c.name for c in spec.checks if c.hidden}
    shown = ""
    for check in task.checks:
        hidden = (unit, spec) if check.name in secret else None
        shown += "".join(o.get("text", "") for o in cell_outputs(check, check.max_score, hidden))
    assert secret and task.score == task.max_score
    assert all(" ".join(a.split())[:60] in " ".join(shown.split()) for a in task.advice)
