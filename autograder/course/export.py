"""``nbgrader export`` that never turns a failed autograde into a silent 0.0.

nbgrader's CSV exporter writes 0.0 for a submission whose autograde failed (its grades are
all empty). :class:`GradableCsvExportPlugin`, set as ``c.ExportApp.plugin_class`` in the
generated ``nbgrader_config.py``, writes nbgrader's own CSV plus a ``status`` column, and
leaves the score columns of a failed submission blank:

- ``graded``: every grade cell has a score;
- ``needs manual grade``: some cell was left for a manual grade (a check the grader could not
  evaluate keeps its earlier score and is flagged);
- ``not gradable (autograde failed)``: nbgrader recorded no score at all, or its last
  autograde failed (no autograded notebook; the grades of an earlier one are not shown);
- ``not submitted``: nbgrader's 0.0 stands (the student handed nothing in).

An ``isolation`` column says how the student's code was isolated when it was graded, as
recorded in the autograded notebooks (blank when not recorded).
"""

from __future__ import annotations

import csv
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins.export import CsvExportPlugin

from autograder.course.gradebook import autograded_notebook, recorded_isolation

SCORE_COLUMNS = ("raw_score", "late_submission_penalty", "score")


def submission_status(
    gradebook: Gradebook, assignment: str, student: str, root: Path | None = None
) -> str:
    """Return the status of one student's submission of one assignment.

    With the course's ``root``, a submission without autograded notebooks is not gradable
    whatever grades the gradebook still holds: nbgrader removes the autograded copy of a
    submission whose autograde failed, and keeps the grades of an earlier one that finished
    (:func:`autograder.course.gradebook.read_submission` decides so, from the same file).
    """
    try:
        submission = gradebook.find_submission(assignment, student)
    except MissingEntry:
        return "not submitted"
    grades = [g for nb in submission.notebooks for g in nb.grades]
    if grades and all(g.auto_score is None and g.manual_score is None for g in grades):
        return "not gradable (autograde failed)"
    if root is not None and not autograded_notebook(root, assignment, student).exists():
        return "not gradable (autograde failed)"
    if any(g.needs_manual_grade for g in grades):
        return "needs manual grade"
    return "graded"


def submission_isolation(root: Path, assignment: str, student: str) -> str:
    """How a submission's code was isolated, from its autograded notebooks ("" if unknown)."""
    found = set()
    for path in sorted((root / "autograded" / student / assignment).glob("*.ipynb")):
        try:
            value = recorded_isolation(nbformat.read(str(path), as_version=4))
        except Exception:  # noqa: BLE001, S112 - an unreadable notebook records nothing
            continue
        if value:
            found.add(value)
    return "; ".join(sorted(found))


class GradableCsvExportPlugin(CsvExportPlugin):
    """nbgrader's CSV export with a ``status`` column; failed autogrades get no score."""

    def export(self, gradebook: Gradebook) -> None:
        """Write the CSV (see the module docstring)."""
        super().export(gradebook)
        dest = Path(self.to or "grades.csv")
        with dest.open(newline="") as fh:
            rows = list(csv.DictReader(fh))
        fields = [*(rows[0].keys() if rows else []), "status", "isolation"]
        coursedir = getattr(self.parent, "coursedir", None)
        known = Path(coursedir.root) if coursedir is not None else None  # nbgrader's course
        root = known or Path.cwd()
        for row in rows:
            row["status"] = submission_status(
                gradebook, row["assignment"], row["student_id"], known
            )
            row["isolation"] = submission_isolation(root, row["assignment"], row["student_id"])
            if row["status"].startswith("not gradable"):
                for key in SCORE_COLUMNS:
                    row[key] = ""
        with dest.open("w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields or ["status", "isolation"])
            writer.writeheader()
            writer.writerows(rows)
