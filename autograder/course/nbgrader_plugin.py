"""nbgrader preprocessors: the gradebook records the engine's scores, nothing else.

The generated ``nbgrader_config.py`` sets the autograde pipeline to::

    EngineExecute, EngineGrades, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    SaveEngineGrades, AssignLatePenalties, CheckCellMetadata

- :class:`EngineExecute` is nbgrader's ``Execute`` (same timeouts and config), run with
  :data:`autograder.notebook.DEFER_ENV` set, so grade cells do not grade inside the kernel
  (their output would be discarded anyway).
- :class:`EngineGrades` grades the notebook's code with the engine
  (:func:`autograder.course.worker.grade_file`: the same as ``autograder grade``, student
  code in the engine's isolated worker) and rewrites
  every grade cell's outputs: the engine's message on stdout and the score as a plain float
  ``execute_result``. Whatever the student's notebook did to its kernel (patched ``float``,
  the display hook, the engine's module) changes nothing: the kernel's outputs are replaced.
  Hidden checks' messages are redacted (no got/expected values).
- :class:`SaveEngineGrades` is nbgrader's ``SaveAutoGrades``, except that a check the grader
  could not evaluate (``not_gradable``) is not recorded: its earlier score, if any, is kept and
  the cell is flagged as needing a manual grade.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader import utils
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, SaveAutoGrades
from traitlets import Bool, Dict

from autograder import units
from autograder.course.builder import grade_ids
from autograder.course.worker import VERDICTS, grade_file
from autograder.notebook import DEFER_ENV, clamp
from autograder.results import CheckResult, UnitResult

#: ``resources`` key holding the grade ids the engine could not grade.
NOT_GRADABLE_KEY = "autograder_not_gradable"
#: Labels of message lines that show values, dropped from hidden checks' messages.
REDACTED_LABELS = ("got:", "expected:", "mismatch:")


class EngineExecute(Execute):
    """nbgrader's Execute, with in-kernel grading deferred to :class:`EngineGrades`.

    A kernel that dies (``os._exit``, a segfault, memory) or stops answering (a loop that
    swallows the interrupt) no longer fails the whole submission: the cell gets an error
    output, later cells are marked not executed, and the grades still come from the engine,
    which grades the notebook's code in its own worker (where such a cell is skipped).
    """

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple:
        """Execute one cell; after the kernel died, mark code cells as not executed."""
        if getattr(self, "_kernel_lost", None):
            if cell.cell_type == "code":
                cell.outputs = [_error_output("NotExecuted", self._kernel_lost)]
            return cell, self.resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except (DeadKernelError, CellTimeoutError) as exc:
            what = "died" if isinstance(exc, DeadKernelError) else "stopped answering"
            self._kernel_lost = f"the kernel {what} in an earlier cell"
            self.log.warning("kernel %s in cell %d; later cells are not executed", what, index)
            cell.outputs.append(
                _error_output(type(exc).__name__, f"the kernel {what} while running this cell")
            )
            return cell, self.resources

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Execute the notebook with :data:`DEFER_ENV` set for the kernel."""
        self._kernel_lost: str | None = None
        old = os.environ.get(DEFER_ENV)
        os.environ[DEFER_ENV] = "1"
        try:
            return super().preprocess(nb, resources)
        finally:
            if old is None:
                os.environ.pop(DEFER_ENV, None)
            else:
                os.environ[DEFER_ENV] = old


def _error_output(ename: str, evalue: str) -> NotebookNode:
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def redact(message: str) -> str:
    """Drop the lines of a hidden check's message that show values computed on its inputs."""
    kept = [ln for ln in message.splitlines() if not ln.strip().startswith(REDACTED_LABELS)]
    return "\n".join(kept)


def cell_outputs(result: CheckResult | None, points: float, hidden: bool) -> list:
    """Return a grade cell's outputs for a check result (None: not gradable).

    Gradable results give the message on stdout then the score as a float ``execute_result``;
    a not-gradable one only a message (:class:`SaveEngineGrades` does not record it).
    """
    if result is None or result.status not in VERDICTS:
        text = (result.message if result is not None else "no result") + (
            "\n  not gradable: this check needs a manual grade; an earlier score, if any, is kept."
        )
        return [new_output("stream", name="stdout", text=text + "\n")]
    message = redact(result.message) if hidden else result.message
    score = clamp(result.score, points)
    return [
        new_output("stream", name="stdout", text=message + "\n"),
        new_output("execute_result", data={"text/plain": repr(score)}, execution_count=None),
    ]


class EngineGrades(NbGraderPreprocessor):
    """Grade the notebook with the engine and write its scores into the grade cells."""

    isolated = Bool(
        True, help="Run student code in the engine's worker process (as autograder grade)."
    ).tag(config=True)

    limits = Dict(
        {},
        help="Overrides of autograder.isolation.Limits, e.g. {'call_timeout': 5.0}; the "
        "defaults are autograder grade's.",
    ).tag(config=True)

    sandbox = Bool(
        True,
        help="Run student code in the bubblewrap sandbox (autograder grade's default). Where "
        "no sandbox can be made the checks are not graded, unless this is set to False: "
        "then student code runs unprotected (autograder grade --no-sandbox).",
    ).tag(config=True)

    def grade(self, path: Path, unit: str) -> UnitResult:
        """Grade one notebook file (override to plug in another grader)."""
        from autograder.isolation import Limits

        limits = Limits(**{"sandbox": self.sandbox, **self.limits})
        if not limits.sandbox:
            self.log.warning("autograder: student code runs WITHOUT a sandbox (sandbox=False)")
        result = grade_file(path, unit, isolated=self.isolated, limits=limits)
        if (result.isolation or "").startswith("none: refused"):
            from autograder.isolation import sandbox_status
            from autograder.isolation.sandbox import REFUSAL

            self.log.error("autograder: %s", REFUSAL.format(reason=sandbox_status().reason))
        return result

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Grade the notebook's code and rewrite its grade cells."""
        info = resources.get("nbgrader", {})
        unit = info.get("notebook")
        if unit not in units.available():
            self.log.warning("autograder: %r is not a unit; grade cells left as they ran", unit)
            return nb, resources
        ids = grade_ids(units.get(unit))
        by_id: dict[str, CheckResult] = {}
        try:
            with tempfile.TemporaryDirectory(prefix="autograder-nb-") as tmp:
                path = Path(tmp) / f"{unit}.ipynb"
                nbformat.write(nb, str(path))
                result = self.grade(path, unit)
            for task in result.tasks:
                for check in task.checks:
                    check.message = check.message.replace(str(path), path.name)
                    by_id[f"t{task.id.replace('.', '_')}_{check.name}"] = check
        except Exception:  # noqa: BLE001 - a grader failure must not become zeros
            self.log.exception("autograder: grading %s failed; grade cells not gradable", unit)
        not_gradable: set[str] = resources.setdefault(NOT_GRADABLE_KEY, set())
        for cell in nb.cells:
            if not (cell.cell_type == "code" and utils.is_grade(cell)):
                continue
            gid = cell.metadata["nbgrader"]["grade_id"]
            if gid not in ids:
                continue
            _, check = ids[gid]
            points = min(float(check.points), float(cell.metadata["nbgrader"]["points"]))
            got = by_id.get(gid)
            cell.outputs = cell_outputs(got, points, check.hidden)
            if got is None or got.status not in VERDICTS:
                not_gradable.add(gid)
                self.log.warning("autograder: %s not gradable; left for a manual grade", gid)
        return nb, resources


class SaveEngineGrades(SaveAutoGrades):
    """SaveAutoGrades that leaves not-gradable checks unrecorded (needs manual grade)."""

    def _add_score(self, cell: NotebookNode, resources: dict) -> None:
        gid = cell.metadata["nbgrader"]["grade_id"]
        if gid not in resources.get(NOT_GRADABLE_KEY, ()):
            super()._add_score(cell, resources)
            return
        grade = self.gradebook.find_grade(
            gid, self.notebook_id, self.assignment_id, self.student_id
        )
        grade.needs_manual_grade = True
        self.gradebook.db.commit()
