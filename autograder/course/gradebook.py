"""Read an autograded course back: per student, per check, score and message.

Scores come from nbgrader's gradebook (``gradebook.db``); messages from the grade cells of
``autograded/<student>/<unit>/<unit>.ipynb``, which :mod:`autograder.course.nbgrader_plugin`
wrote, with the isolation the engine used for the student's code (in the notebook's metadata;
absent for notebooks autograded before it was recorded). A submission whose autograde failed
(an unreadable notebook, ...) has no autograded notebook and no scores: it is reported as
*not gradable*, never as 0 (nbgrader's default exporter writes 0.0 for it; see
:mod:`autograder.course.export`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder import units
from autograder.course.builder import grade_id
from autograder.course.sanitize import ISOLATION_KEY, METADATA_KEY


@dataclass
class CheckGrade:
    """One grade cell of one submission."""

    grade_id: str
    task_id: str
    function: str
    check: str
    score: float | None
    max_score: float
    needs_manual_grade: bool
    message: str = ""


@dataclass
class SubmissionGrades:
    """A student's graded notebook for one unit.

    Attributes:
        student: the student id.
        unit: the unit (nbgrader assignment and notebook name).
        gradable: False when autograde failed or never ran (no autograded notebook).
        checks: the grade cells, in notebook order.
        isolation: how the student's code was isolated when graded (None: not recorded).
    """

    student: str
    unit: str
    gradable: bool
    checks: list[CheckGrade] = field(default_factory=list)
    isolation: str | None = None

    @property
    def score(self) -> float | None:
        """Total score, or None if the submission or any check is not gradable."""
        if not self.gradable or any(c.score is None or c.needs_manual_grade for c in self.checks):
            return None
        return round(sum(c.score or 0.0 for c in self.checks), 6)

    @property
    def max_score(self) -> float:
        """Points the unit is worth."""
        return round(sum(c.max_score for c in self.checks), 6)

    def task_score(self, task_id: str) -> float | None:
        """Points earned on one task (None if not gradable)."""
        cs = [c for c in self.checks if c.task_id == task_id]
        if not self.gradable or any(c.score is None or c.needs_manual_grade for c in cs):
            return None
        return round(sum(c.score or 0.0 for c in cs), 6)

    def first_failure(self) -> str:
        """The message of the first check that lost points ("" if none)."""
        for c in self.checks:
            if c.score is None or c.needs_manual_grade or c.score < c.max_score:
                return c.message
        return ""


def _read_autograded(notebook: Path) -> tuple[dict[str, str], str | None]:
    """Return the grade cells' messages and the recorded isolation of an autograded notebook."""
    nb = nbformat.read(str(notebook), as_version=4)
    out = {}
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if not gid or cell.cell_type != "code":
            continue
        text = "".join(
            o.get("text", "")
            for o in cell.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == "stdout"
        )
        out[gid] = text.rstrip("\n")
    isolation = recorded_isolation(nb)
    return out, isolation


def recorded_isolation(nb) -> str | None:  # noqa: ANN001 - a NotebookNode
    """The isolation the autograder recorded in an autograded notebook (None if absent)."""
    value = nb.get("metadata", {}).get(METADATA_KEY, {}).get(ISOLATION_KEY)
    return str(value) if value else None


def autograded_notebook(root: Path | str, unit: str, student: str) -> Path:
    """Where nbgrader writes a student's autograded notebook of a unit.

    Absent where autograde failed or never ran: nbgrader removes it when an autograde fails.
    """
    return Path(root) / "autograded" / student / unit / f"{unit}.ipynb"


def read_submission(gradebook, root: Path | str, unit: str, student: str) -> SubmissionGrades:  # noqa: ANN001
    """Read one student's grades for one unit.

    Args:
        gradebook: an open :class:`nbgrader.api.Gradebook`.
        root: the course root.
        unit: the unit name.
        student: the student id.

    Returns:
        The submission's grades; ``gradable`` is False when there is no autograded notebook.
    """
    nb_path = autograded_notebook(root, unit, student)
    gradable = nb_path.exists()
    msgs, isolation = _read_autograded(nb_path) if gradable else ({}, None)
    u = units.get(unit)
    by_id = {grade_id(t, c): (t, c) for t in u.tasks for c in t.checks}
    out = SubmissionGrades(student, unit, gradable, isolation=isolation)
    try:
        grades = {g.name: g for g in gradebook.find_submission_notebook(unit, unit, student).grades}
    except Exception:  # noqa: BLE001 - MissingEntry: never submitted
        grades = {}
    for gid, (task, check) in by_id.items():
        g = grades.get(gid)
        score = None if g is None or g.auto_score is None else float(g.score)
        manual = True if g is None else bool(g.needs_manual_grade)
        out.checks.append(
            CheckGrade(
                gid,
                task.id,
                task.function,
                check.name,
                score,
                float(check.points),
                manual,
                msgs.get(gid, ""),
            )
        )
    return out


def _cell(score: float | None, out_of: float) -> str:
    return f"{score:g}/{out_of:g}" if score is not None else f"?/{out_of:g}"


def format_table(subs: list[SubmissionGrades], notes: dict[str, str] | None = None) -> str:
    """Format one unit's submissions: per student, per task score, and the first failure.

    Args:
        subs: the submissions of one unit.
        notes: optional ``{student: note}`` shown after a not-gradable student's row.

    Returns:
        The table text.
    """
    if not subs:
        return ""
    u = units.get(subs[0].unit)
    width = max(len(s.student) for s in subs) + 2
    head = f"{'student':<{width}} {'total':>7}  " + " ".join(f"{t.id:>6}" for t in u.tasks)
    lines = [f"{u.name} — {u.title} ({subs[0].max_score:g} points)", head, "-" * len(head)]
    for s in subs:
        total = "not gradable" if s.score is None and not s.gradable else None
        if total:
            note = (notes or {}).get(s.student, "autograde failed")
            lines.append(f"{s.student:<{width}} {'—':>7}  not gradable: {note}")
            lines.append(
                f"{'':<{width}} {'':>7}  (the course's nbgrader export leaves its score blank)"
            )
            continue
        cells = " ".join(f"{_cell(s.task_score(t.id), t.points):>6}" for t in u.tasks)
        lines.append(f"{s.student:<{width}} {_cell(s.score, s.max_score):>7}  {cells}")
        first = s.first_failure()
        if first:
            shown = first.splitlines()[:2]
            lines.extend(f"{'':<{width}}   ↳ {ln.strip()}" for ln in shown)
    lines.append(isolation_summary(subs))
    return "\n".join(lines)


def isolation_summary(subs: list[SubmissionGrades]) -> str:
    """One line: how the graded submissions' code was isolated, and for how many."""
    counts: dict[str, int] = {}
    for s in subs:
        if s.gradable:
            key = s.isolation or "not recorded"
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return "isolation: (nothing graded)"
    parts = [f"{k} ({n} submission{'s' if n != 1 else ''})" for k, n in sorted(counts.items())]
    return "isolation of student code: " + "; ".join(parts)


def write_check_csv(path: Path | str, subs: list[SubmissionGrades]) -> None:
    """Write one row per student per check: score (blank if not gradable) and status."""
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "unit",
                "student",
                "grade_id",
                "task",
                "check",
                "score",
                "max_score",
                "status",
                "isolation",
            ]
        )
        for s in subs:
            for c in s.checks:
                if not s.gradable:
                    status = "not gradable (autograde failed)"
                elif c.score is None or c.needs_manual_grade:
                    status = "not gradable (needs manual grade)"
                else:
                    status = "graded"
                score = "" if c.score is None or not s.gradable else f"{c.score:g}"
                row = [s.unit, s.student, c.grade_id, c.task_id, c.check, score, c.max_score]
                w.writerow([*row, status, s.isolation or ""])
