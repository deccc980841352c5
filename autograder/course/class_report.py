"""The class report: what a class got wrong in one unit, to decide what to re-teach.

``autograder course report UNIT [--course DIR] [--out DIR]`` reads every autograded
submission of the unit and writes one HTML page (``index.html``) with its PNG plots
(matplotlib, Agg backend): per task, the score distribution over the class, the share of
students at full marks, and the named mistakes, most frequent first, with how many students
made each and one anonymized example message; across the unit, the mistakes made by most
students.

Nothing is read from message text: at autograde,
:class:`autograder.course.nbgrader_plugin.EngineGrades` stores the engine's structured result
(:meth:`autograder.results.UnitResult.to_dict`) in the autograded notebook's metadata
(:data:`autograder.results.RESULT_METADATA`), and each failed check carries its named cause
(:attr:`autograder.results.CheckResult.mistake`: a catalogue entry, or "not implemented").
Scores are the engine's, which are the gradebook's autograded scores. The page names no
student: `autograder course gradebook` says who.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder import units
from autograder.course.gradebook import autograded_notebook
from autograder.report import spec_available
from autograder.results import NOT_IMPLEMENTED, RESULT_METADATA, CheckResult, UnitResult
from autograder.spec import Task


@dataclass
class Submission:
    """One student's autograded result for the unit (None: not gradable)."""

    student: str
    result: UnitResult | None
    reason: str = ""


@dataclass
class MistakeCount:
    """A named mistake of one task: how many students made it, and one example message.

    Attributes:
        id: the catalogue id (unique within its function).
        title: what the mistake is.
        students: number of students whose code showed it.
        checks: the checks it made fail, in task order.
        example: one failing check's message (a visible check's where possible), which
            names no student.
    """

    id: str
    title: str
    students: int
    checks: list[str]
    example: str


@dataclass
class TaskSummary:
    """The class on one task.

    Attributes:
        id: task id.
        function: the exercise function.
        title: the task's title.
        available: its points, visible + hidden.
        max_score: its points.
        scores: one score per gradable student.
        not_implemented: students whose function is still the stub.
        mistakes: named mistakes, most frequent first.
        unnamed: students who lost points on it with no named cause.
        failed_checks: ``{check: students who failed it}``, in task order.
    """

    id: str
    function: str
    title: str
    available: str
    max_score: float
    scores: list[float] = field(default_factory=list)
    not_implemented: int = 0
    mistakes: list[MistakeCount] = field(default_factory=list)
    unnamed: int = 0
    failed_checks: dict[str, int] = field(default_factory=dict)

    @property
    def full_marks(self) -> int:
        """Students with every point of the task."""
        return sum(1 for s in self.scores if s >= self.max_score)

    @property
    def full_share(self) -> float:
        """Share of the gradable students at full marks (0 when there are none)."""
        return self.full_marks / len(self.scores) if self.scores else 0.0


@dataclass
class ClassReport:
    """The class on one unit."""

    unit: str
    title: str
    available: str
    max_score: float
    totals: list[float]
    not_gradable: int
    tasks: list[TaskSummary]

    @property
    def students(self) -> int:
        """Gradable students."""
        return len(self.totals)

    def top_mistakes(self, n: int = 10) -> list[tuple[TaskSummary, MistakeCount]]:
        """The named mistakes made by most students, across the unit."""
        pairs = [(t, m) for t in self.tasks for m in t.mistakes]
        return sorted(pairs, key=lambda p: (-p[1].students, p[0].id))[:n]


# ----------------------------------------------------------------------------- reading


def read_submissions(course: Path | str, unit: str) -> list[Submission]:
    """Read the unit's autograded results of every submitted student.

    Args:
        course: the course root.
        unit: the unit (nbgrader assignment and notebook name).

    Returns:
        One entry per student with a submission or an autograded notebook, by student id;
        ``result`` is None when autograde failed, never ran, or the check results hold a
        grader failure (``not_gradable``).
    """
    root = Path(course)
    students = {
        p.parent.parent.name
        for step in ("submitted", "autograded")
        for p in root.glob(f"{step}/*/{unit}/{unit}.ipynb")
    }
    out = []
    for student in sorted(students):
        path = autograded_notebook(root, unit, student)
        if not path.exists():
            out.append(Submission(student, None, "autograde failed or has not run"))
            continue
        data = nbformat.read(str(path), as_version=4).metadata.get(RESULT_METADATA)
        if not data:
            out.append(Submission(student, None, "no engine result: autograde it again"))
            continue
        result = UnitResult.from_dict(data)
        if not result.gradable:
            out.append(Submission(student, None, "a check could not be graded"))
            continue
        out.append(Submission(student, result))
    return out


def _cause(check: CheckResult) -> tuple[str, str] | None:
    """A failed check's named cause, ``(id, title)`` (ids are unique per function only)."""
    if not check.mistake:
        return None
    return check.mistake["id"], check.mistake.get("title", check.mistake["id"])


def _task_summary(spec: Task, results: list[UnitResult]) -> TaskSummary:
    """The class on one task: scores, stubs, named mistakes and unnamed failures."""
    hidden = {c.name for c in spec.checks if c.hidden}
    order = [c.name for c in spec.checks]
    summary = TaskSummary(
        spec.id,
        spec.function,
        spec.title,
        spec_available(spec.checks),
        float(spec.points),
        failed_checks=dict.fromkeys(order, 0),
    )
    counts: dict[tuple[str, str], MistakeCount] = {}
    hidden_examples: set[tuple[str, str]] = set()
    for result in results:
        task = next((t for t in result.tasks if t.id == spec.id), None)
        checks = task.checks if task else []
        summary.scores.append(task.score if task else 0.0)
        failed = [c for c in checks if c.status not in ("passed", "not_run")]
        for c in failed:
            summary.failed_checks[c.name] = summary.failed_checks.get(c.name, 0) + 1
        causes = {cause for c in failed if (cause := _cause(c))}
        if any(mid == NOT_IMPLEMENTED for mid, _ in causes):
            summary.not_implemented += 1
            continue
        if failed and not causes:
            summary.unnamed += 1
        for key in sorted(causes):
            mine = [c for c in failed if _cause(c) == key]
            entry = counts.setdefault(key, MistakeCount(key[0], key[1], 0, [], ""))
            entry.students += 1
            entry.checks = sorted({*entry.checks, *(c.name for c in mine)}, key=order.index)
            visible = [c for c in mine if c.name not in hidden]
            if not entry.example or (visible and key in hidden_examples):
                entry.example = (visible or mine)[0].message  # a visible check's if any
                if visible:
                    hidden_examples.discard(key)
                else:
                    hidden_examples.add(key)
    summary.mistakes = sorted(counts.values(), key=lambda m: (-m.students, m.title))
    return summary


def summarize(unit_name: str, submissions: Iterable[Submission]) -> ClassReport:
    """Count, per task, scores, students at full marks and named mistakes.

    A student whose function is still the stub counts as "not implemented" on that task,
    not under its mistakes; one who lost points with no named cause counts as "unnamed".

    Args:
        unit_name: the unit.
        submissions: the students' results (:func:`read_submissions`).

    Returns:
        The report's data.
    """
    unit = units.get(unit_name)
    subs = list(submissions)
    results = [s.result for s in subs if s.result is not None]
    checks = [c for t in unit.tasks for c in t.checks]
    return ClassReport(
        unit.name,
        unit.title,
        spec_available(checks),
        float(sum(c.points for c in checks)),
        [r.score for r in results],
        len(subs) - len(results),
        [_task_summary(spec, results) for spec in unit.tasks],
    )
