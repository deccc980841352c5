"""nbgrader preprocessors: the gradebook records the engine's scores, nothing else.

No student code runs in nbgrader's process or in a Jupyter kernel: the generated
``nbgrader_config.py`` sets the two passes of ``nbgrader autograde`` to::

    sanitize:  SanitizeSubmission, ClearOutput, DeduplicateIds, OverwriteKernelspec,
               OverwriteCells
    autograde: EngineGrades, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
               SaveEngineGrades, AssignLatePenalties

- :class:`autograder.course.sanitize.SubmissionExporter` (``Autograde.exporter_class``) reads
  the submitted file before nbgrader parses it: a notebook too large to grade is refused (an
  empty one stands in for it, and every check fails with the reason), ids and bytes
  nbformat cannot read are repaired.
- :class:`autograder.course.sanitize.SanitizeSubmission` repairs or drops odd nbgrader
  metadata so that one odd cell never voids a student's autograde or stops the batch.
- :class:`EngineGrades` grades the sanitized notebook's code with the engine
  (:func:`autograder.course.worker.grade_notebook_text`: the same as ``autograder grade``,
  student code only in the engine's sandboxed worker, each notebook cell under the course's
  cell limit ``Execute.timeout``) and writes every grade cell's outputs: the engine's message
  on stdout and the score as a plain float ``execute_result``. Hidden checks' messages show no
  value computed on their inputs (:func:`autograder.course.redact.redact` builds them from
  fixed texts). A result computed beforehand for exactly this code (the
  parallel ``autograder course autograde``) is taken from ``precomputed_dir`` instead.
- :class:`SaveEngineGrades` is nbgrader's ``SaveAutoGrades``, except that a check the grader
  could not evaluate (``not_gradable``) is not recorded: its earlier score, if any, is kept and
  the cell is flagged as needing a manual grade.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell
from nbgrader import utils
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, SaveAutoGrades
from traitlets import Bool, Dict, Float, Integer, Unicode

from autograder import codeload, units
from autograder.course.builder import grade_ids, kit_code_cells
from autograder.course.redact import redact
from autograder.course.sanitize import ISOLATION_KEY, METADATA_KEY, NOTES_KEY, REFUSED_KEY
from autograder.course.worker import (
    VERDICTS,
    GradedNotebook,
    cells_key,
    grade_notebook_text,
    rejected,
)
from autograder.notebook import clamp
from autograder.results import RESULT_METADATA, CheckResult
from autograder.spec import Task
from autograder.submission import CRASH, is_kit_cell

#: ``resources`` key holding the grade ids the engine could not grade.
NOT_GRADABLE_KEY = "autograder_not_gradable"
#: Logged when a precomputed result was expected but none matches the notebook's code.
NO_RESULT = "autograder: no precomputed result for this notebook's code; grading it here"
#: Id of the markdown cell holding the notes about how a notebook was read.
NOTES_CELL_ID = "autograder-notes"
#: Most notes shown to the student.
MAX_NOTES = 12
#: Load errors worth a note: the cell's code was lost.
SHOWN_LOAD_ERRORS = (
    "SyntaxError",
    "IndentationError",
    "TabError",
    "TimeoutError",
    "MemoryError",
    CRASH,
)


class EngineExecute(NbGraderPreprocessor):
    """Kept so that configurations written by older versions still load: runs nothing.

    Older generated configurations executed the notebook in a Jupyter kernel here, outside
    any sandbox. This class only logs that the configuration should be rebuilt.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Log once per notebook that nothing is executed any more."""
        self.log.warning(
            "autograder: EngineExecute no longer runs notebooks (student code runs only in "
            "the sandbox); rebuild nbgrader_config.py with `autograder course build --force`"
        )
        return nb, resources


def cell_outputs(
    result: CheckResult | None, points: float, hidden: tuple[str, Task] | None = None
) -> list:
    """Return a grade cell's outputs for a check result (None: not gradable).

    Gradable results give the message on stdout then the score as a float ``execute_result``;
    a not-gradable one only a message (:class:`SaveEngineGrades` does not record it). The
    message of a hidden check (``hidden``: its unit and task) is
    :func:`autograder.course.redact.redact`'s, whatever the status.
    """
    message = "no result" if result is None else result.message
    if result is not None and hidden:
        message = redact(result, *hidden)
    if result is None or result.status not in VERDICTS:
        text = message + (
            "\n  not gradable: this check needs a manual grade; an earlier score, if any, is kept."
        )
        return [_stdout(text + "\n")]
    score = clamp(result.score, points)
    return [
        _stdout(message + "\n"),
        NotebookNode(
            output_type="execute_result",
            data=NotebookNode({"text/plain": repr(score)}),
            metadata=NotebookNode(),
            execution_count=None,
        ),
    ]


def _stdout(text: str) -> NotebookNode:
    # built directly: nbformat's new_output validates each output against the schema, which
    # costs more than the rest of writing a notebook's grade cells
    return NotebookNode(output_type="stream", name="stdout", text=text)


def notes_cell(notes: list[str], taken: set[str]) -> NotebookNode:
    """A markdown cell listing notes (escaped: notes quote the student's own text)."""
    shown = [" ".join(n.split()) for n in notes[:MAX_NOTES]]
    if len(notes) > MAX_NOTES:
        shown.append(f"... and {len(notes) - MAX_NOTES} more")
    items = "".join(f"<li>{html.escape(n)}</li>" for n in shown)
    text = (
        "**Notes from the autograder** about how your notebook was read (they cost no points "
        f"by themselves):\n\n<ul>{items}</ul>"
    )
    cell = new_markdown_cell(text, metadata={METADATA_KEY: {NOTES_KEY: True}})
    cell.id = NOTES_CELL_ID
    k = 1
    while cell.id in taken:
        k += 1
        cell.id = f"{NOTES_CELL_ID}-{k}"
    return cell


def engine_cells(nb: NotebookNode, unit: str) -> list[NotebookNode]:
    """The notebook's cells the engine's worker runs, in order.

    Code cells, less the grade cells and the kit's own try-it and ``check(...)`` cells left
    exactly as released (:func:`autograder.course.builder.kit_code_cells`).
    """
    kit = kit_code_cells(unit)
    return [
        c
        for c in nb.cells
        if c.get("cell_type") == "code"
        and not (utils.is_grade(c) and not utils.is_solution(c))
        and not is_kit_cell(c, kit)
    ]


def engine_notebook(nb: NotebookNode, unit: str) -> str:
    """The notebook the engine grades, as text: the cells of :func:`engine_cells` only."""
    copy = nbformat.from_dict({**nb, "cells": engine_cells(nb, unit)})
    return nbformat.writes(copy)


def loading_notes(nb: NotebookNode, unit: str, cell_errors: list[str]) -> list[str]:
    """Notes for the load errors that lose a student's code: syntax, time-outs, crashes.

    Other errors at load are expected in a notebook run top to bottom without the kit
    (the ``check(...)`` cells, try-it cells calling an unfinished function) and are left out.
    The worker numbers the cells it ran; the note names each by its first line instead.
    """
    ran = engine_cells(nb, unit)
    notes = []
    for error in cell_errors:
        m = re.match(r"cell (\d{1,6}): (\w+): (.*)", error, re.S)
        if not m or m.group(2) not in SHOWN_LOAD_ERRORS:
            continue
        k = int(m.group(1)) - 1  # the worker's number: any, where the student's code forged it
        cell = ran[k].source if 0 <= k < len(ran) else ""
        first = next((ln.strip() for ln in cell.splitlines() if ln.strip()), "")
        where = f"the code cell starting `{first[:60]}`" if first else "a cell"
        notes.append(f"{where}: {m.group(2)}: {m.group(3)}")
    return notes


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

    cell_timeout = Float(
        None,
        allow_none=True,
        help="Seconds each notebook cell may run while the worker loads the notebook; "
        "default: this configuration's Execute.timeout (nbgrader's per-cell limit).",
    ).tag(config=True)

    sandbox = Bool(
        True,
        help="Run student code in the bubblewrap sandbox (autograder grade's default). Where "
        "no sandbox can be made the checks are not graded, unless require_sandbox is False; "
        "False here runs student code unprotected even where a sandbox exists "
        "(autograder grade --no-sandbox).",
    ).tag(config=True)

    require_sandbox = Bool(
        True,
        help="Where no sandbox can be made, refuse to run student code (every check not "
        "gradable, left for a manual grade). False runs it unprotected there instead.",
    ).tag(config=True)

    seed = Integer(
        None,
        allow_none=True,
        help="The course's secret: the base seed of every hidden check's inputs (written by "
        "autograder course build). None: hidden inputs depend on the student's code only.",
    ).tag(config=True)

    precomputed_dir = Unicode(
        "",
        help="Folder of results computed beforehand (autograder course autograde): "
        "<key>.json, key = autograder.course.worker.input_key of the notebook.",
    ).tag(config=True)

    def effective_cell_timeout(self) -> float:
        """The per-cell limit: :attr:`cell_timeout`, else the configured Execute.timeout."""
        if self.cell_timeout is not None:
            return float(self.cell_timeout)
        for section in ("Execute", "ExecutePreprocessor"):
            value = self.config.get(section, {}).get("timeout")
            if isinstance(value, int | float):
                return float(value)
        return float(Execute.class_traits()["timeout"].default_value)

    def build_limits(self):  # noqa: ANN201 - an autograder.isolation.Limits
        """The worker's limits: the defaults, :attr:`limits`, and the cell limit."""
        from autograder.isolation import Limits

        kwargs = {"sandbox": self.sandbox, **self.limits}
        kwargs.setdefault("cell_timeout", self.effective_cell_timeout())
        return Limits(**kwargs)

    def key(self, nb: NotebookNode, unit: str) -> str:
        """The key of a precomputed result for this notebook under this configuration.

        The same as :func:`~autograder.course.worker.input_key` of the notebook the engine
        would grade (:func:`engine_notebook`), computed without writing it out.
        """
        cells = [codeload.cell_code(c.source) for c in engine_cells(nb, unit)]
        limits, timeout = self.build_limits(), self.effective_cell_timeout()
        return cells_key(unit, cells, limits, timeout, self.seed)

    def grade(self, nb: NotebookNode, unit: str) -> GradedNotebook:
        """Grade one (sanitized) notebook (override to plug in another grader).

        A notebook the sanitize pass refused to read (too large) gets 0 on every check, with
        the reason; nothing of it is run.
        """
        refused = nb.metadata.get(METADATA_KEY, {}).get(REFUSED_KEY)
        if isinstance(refused, str):
            return rejected(unit, refused)
        if self.precomputed_dir:
            found = Path(self.precomputed_dir) / f"{self.key(nb, unit)}.json"
            if found.exists():
                return GradedNotebook.from_json(found.read_text(encoding="utf-8"))
            self.log.warning(NO_RESULT)
        return grade_notebook_text(
            engine_notebook(nb, unit),
            unit,
            isolated=self.isolated,
            limits=self.build_limits(),
            require_sandbox=self.require_sandbox,
            seed=self.seed,
        )

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Grade the notebook's code and rewrite its grade cells."""
        info = resources.get("nbgrader", {})
        unit = info.get("notebook")
        if unit not in units.available():
            self.log.warning("autograder: %r is not a unit; grade cells left empty", unit)
            return nb, resources
        ids = grade_ids(units.get(unit))
        by_id: dict[str, CheckResult] = {}
        nb.metadata.pop(RESULT_METADATA, None)  # only this autograde's result is kept
        graded: GradedNotebook | None = None
        try:
            graded = self.grade(nb, unit)
            for task in graded.result.tasks:
                for check in task.checks:
                    by_id[f"t{task.id.replace('.', '_')}_{check.name}"] = check
            nb.metadata[RESULT_METADATA] = graded.result.to_dict()  # read by the class report
        except Exception:  # noqa: BLE001 - a grader failure must not become zeros
            self.log.exception("autograder: grading %s failed; grade cells not gradable", unit)
        not_gradable: set[str] = resources.setdefault(NOT_GRADABLE_KEY, set())
        for cell in nb.cells:
            if not (cell.cell_type == "code" and utils.is_grade(cell)):
                continue
            gid = cell.metadata["nbgrader"]["grade_id"]
            if gid not in ids:
                continue
            task, check = ids[gid]
            points = min(float(check.points), float(cell.metadata["nbgrader"]["points"]))
            got = by_id.get(gid)
            cell.outputs = cell_outputs(got, points, (unit, task) if check.hidden else None)
            if got is None or got.status not in VERDICTS:
                not_gradable.add(gid)
                self.log.warning(
                    "autograder: %s not gradable; left for a manual grade (%s)",
                    gid,
                    got.message if got is not None else "no result",
                )
        if graded is not None:
            self.write_cell_outputs(nb, unit, graded)
        self.write_notes(nb, unit, graded)
        return nb, resources

    def write_cell_outputs(self, nb: NotebookNode, unit: str, graded: GradedNotebook) -> None:
        """Write the outputs the sandbox returned for the student's own code cells.

        ``graded.cell_outputs`` is keyed by the engine's cell number (0-based, in the order
        the worker ran the code cells, as in :func:`engine_cells`). Until the sandbox returns
        outputs (it is None), the student's code cells stay without outputs: nothing is
        executed outside the sandbox to make them.
        """
        ran = engine_cells(nb, unit)
        for k, outputs in (graded.cell_outputs or {}).items():
            if 0 <= k < len(ran):
                ran[k].outputs = [nbformat.from_dict(o) for o in outputs]

    def write_notes(self, nb: NotebookNode, unit: str, graded: GradedNotebook | None) -> None:
        """Record the isolation used and show the student the notes about their notebook."""
        record = nb.metadata.setdefault(METADATA_KEY, {})
        notes = list(record.get(NOTES_KEY, []))
        if graded is not None:
            record[ISOLATION_KEY] = graded.isolation
            notes.extend(loading_notes(nb, unit, graded.cell_errors))
        if notes:
            nb.cells.insert(0, notes_cell(notes, {c.get("id") for c in nb.cells}))


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
