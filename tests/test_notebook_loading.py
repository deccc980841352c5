"""Loading a notebook: a cell that loops or raises costs only what it would have defined."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from autograder.engine import grade_submission
from autograder.isolation import Limits, from_path

ROOT = Path(__file__).resolve().parent.parent
UNIT = "numpy_basics"


def notebook(tmp_path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    path = tmp_path / f"{UNIT}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("isolated", [True, False])
def test_a_looping_try_it_cell_is_skipped_not_fatal(tmp_path, isolated):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    path = notebook(tmp_path, src, "while True:\n    pass", "x = sigmoid(0.0)")
    limits = Limits(call_timeout=1.0, cell_timeout=1.0)
    sub = from_path(path, UNIT, isolated=isolated, limits=limits)
    assert sub.load_error is None
    assert any("TimeoutError" in e and "did not finish" in e for e in sub.cell_errors)
    result = grade_submission(UNIT, sub)
    assert result.score == result.max_score


def test_a_looping_cell_that_defines_a_function_costs_only_that_task(tmp_path):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    head, _, tail = src.partition("# ## Task 2.7")
    looping = "while True:\n    pass\n\n# ## Task 2.7" + tail
    path = notebook(tmp_path, head, looping)
    sub = from_path(path, UNIT, limits=Limits(call_timeout=1.0, cell_timeout=1.0))
    result = grade_submission(UNIT, sub)
    lost = {t.function for t in result.tasks if t.score < t.max_score}
    # The loop comes before the cell's defs: tasks 2.7-2.10 are lost, the rest is graded.
    assert lost == {"L1", "L2", "propagate_loops", "propagate_vectorized"}
    assert any("not found" in c.message for t in result.tasks for c in t.checks)


@pytest.mark.parametrize(
    "killer",
    ["import os\nos._exit(0)", "import ctypes\nctypes.string_at(0)"],
    ids=["os_exit", "segfault"],
)
def test_a_cell_that_kills_the_interpreter_is_skipped_not_fatal(tmp_path, killer):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    head, _, tail = src.partition("# ## Task 2.7")
    path = notebook(tmp_path, head, killer + "\n\n# ## Task 2.7" + tail, "y = L1(1.0, 2.0)")
    sub = from_path(path, UNIT, limits=Limits(call_timeout=2.0))
    assert sub.load_error is None
    assert any("cell 2" in e and "skipped" in e for e in sub.cell_errors), sub.cell_errors
    result = grade_submission(UNIT, sub)
    lost = {t.function for t in result.tasks if t.score < t.max_score}
    assert lost == {"L1", "L2", "propagate_loops", "propagate_vectorized"}


SWALLOWING_L2 = '''def L2(yhat, y):
    """Work in progress."""
    while True:
        try:
            pass
        except KeyboardInterrupt:
            pass
'''


def _kit_notebook_with_looping_l2(tmp_path: Path, edit_try_it: bool = False) -> Path:
    """The kit's notebook of the unit, solved, with an L2 that loops and swallows interrupts."""
    from autograder.course.builder import build_notebook

    nb = build_notebook(UNIT)
    for cell in nb.cells:
        if cell.cell_type == "code" and "def L2(" in cell.source:
            cell.source = SWALLOWING_L2
        elif edit_try_it and "nbgrader" not in cell.metadata and "L2(" in cell.source:
            cell.source = "# my own try\n" + cell.source
    path = tmp_path / f"{UNIT}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("edit_try_it", [False, True], ids=["as_released", "edited"])
def test_the_kits_own_try_it_cells_are_not_run_at_grading(tmp_path, edit_try_it):
    """`autograder grade` leaves out the kit's try-it and check cells left as released.

    They define nothing, so the grade is the same, but a try-it cell calling a looping function
    would cost its whole cell time limit; a cell the student edited is the student's and runs.
    """
    import json
    import subprocess
    import sys

    path = _kit_notebook_with_looping_l2(tmp_path, edit_try_it)
    command = [sys.executable, "-m", "autograder", "grade", str(path), "--json"]
    out = subprocess.run(
        [*command, "--cell-timeout", "1", "--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    result = json.loads(out.stdout.splitlines()[0])
    scores = {t["function"]: (t["score"], t["max_score"]) for t in result["tasks"]}
    assert scores["L2"][0] == 0
    assert all(s == m for f, (s, m) in scores.items() if f != "L2"), scores
    ran_loop = any("TimeoutError" in n for n in result["load_notes"])
    assert ran_loop == edit_try_it, result["load_notes"]


def _graded_lost(path: Path) -> set[str]:
    """The functions of a graded notebook that lost points (loaded in this process)."""
    result = grade_submission(UNIT, from_path(path, UNIT, isolated=False))
    return {t.function for t in result.tasks if t.score < t.max_score}


CONTINUED_L1 = {
    "percent": "def L1(yhat, y):\n    loss = (np.sum(np.abs(yhat - y))\n            % np.inf)\n"
    "    return loss\n",
    "not_equal": "def L1(yhat, y):\n    if (np.shape(yhat)\n            != np.shape(y)):\n"
    "        raise ValueError('shapes')\n    return np.sum(np.abs(yhat - y))\n",
    "string": 'def L1(yhat, y):\n    """The L1 loss:\n    % sum of |y - yhat|\n    """\n'
    "    return np.sum(np.abs(yhat - y))\n",
}


@pytest.mark.parametrize("form", CONTINUED_L1)
def test_a_continuation_line_starting_with_percent_or_bang_is_kept(tmp_path, form):
    """`%`/`!` start a magic only at the start of a logical line, as IPython reads a cell."""
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    path = notebook(tmp_path, src, "%matplotlib inline\n" + CONTINUED_L1[form] + "!ls\n")
    assert _graded_lost(path) == set()


@pytest.mark.parametrize(
    "magic", ["%%writefile old_attempt.py", "%%script false --no-raise-error", "%%bash"]
)
def test_a_cell_magic_whose_body_is_not_python_defines_nothing(tmp_path, magic):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    old = "def L1(yhat, y):\n    return 0.0\n"
    path = notebook(tmp_path, src, f"{magic}\n{old}")
    assert _graded_lost(path) == set()


@pytest.mark.parametrize("magic", ["%%time", "%%capture out", "\n%%prun"])
def test_a_cell_magic_that_runs_its_body_keeps_the_body(tmp_path, magic):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    head, _, tail = src.partition("# ## Task 2.7")
    path = notebook(tmp_path, head, f"{magic}\n# ## Task 2.7{tail}")
    assert _graded_lost(path) == set()
