"""Grade a course fixture the ways the kit grades submissions, and describe what it lost.

The four paths are those of issue 9's "done when": ``autograder grade`` on the ``.py`` file and
on its notebook (:func:`autograder.engine.grade_path`, isolated worker, reference installed),
the pytest self-check (:func:`autograder.submission.load_in_process`), and the
nbgrader flow's grading function (:func:`autograder.course.worker.grade_file`).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np

from autograder.course.worker import grade_file
from autograder.engine import grade_path, grade_submission
from autograder.isolation import from_path
from autograder.results import TaskResult, UnitResult
from tests.course_code import write_script

#: How a fixture can be graded (see the module docstring).
PATHS = ("py", "ipynb", "self-check", "nbgrader")


def script_for(path: Path, folder: Path) -> Path:
    """The ``.py`` file to grade: ``path`` itself, or the script of the notebook ``path``."""
    if path.suffix == ".py":
        return path
    out = folder / f"{path.parent.name}__{path.stem}.py"
    return out if out.exists() else write_script(path, folder)


def _self_check(path: Path, unit: str) -> UnitResult:
    """Grade in this process, as ``pytest exercises`` does, leaving the process as it was."""
    import matplotlib
    import matplotlib.pyplot as plt

    rng_state = np.random.get_state()
    try:
        with matplotlib.rc_context(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            submission = from_path(path, unit, isolated=False)
            try:
                return grade_submission(unit, submission)
            finally:
                submission.close()
    finally:
        np.random.set_state(rng_state)
        plt.close("all")


def grade(path: Path, unit: str, how: str, folder: Path) -> UnitResult:
    """Grade a fixture (or an injected copy of one) along one path.

    Args:
        path: the fixture's notebook, or a script (an injected copy: ``py`` and ``self-check``
            only).
        unit: its unit.
        how: one of :data:`PATHS`; ``py`` and ``self-check`` grade the notebook's script.
        folder: where scripts are written.

    Returns:
        The unit's result.
    """
    if how == "py":
        (result,) = grade_path(script_for(path, folder), unit)
    elif how == "ipynb":
        (result,) = grade_path(path, unit)
    elif how == "self-check":
        result = _self_check(script_for(path, folder), unit)
    elif how == "nbgrader":
        result = grade_file(path, unit)
    else:
        raise ValueError(f"unknown grading path {how!r}; one of {PATHS}")
    return result


def task_scores(result: UnitResult) -> dict[str, float]:
    """Per task id, the points earned."""
    return {t.id: t.score for t in result.tasks}


def course_tasks(result: UnitResult, tasks: tuple[str, ...]) -> list[TaskResult]:
    """The results of ``tasks``, in the unit's order."""
    return [t for t in result.tasks if t.id in tasks]


def summary(message: str) -> str:
    """A check message in one line: its headline's verdict and its first detail line."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if not lines:
        return ""
    verdict = lines[0].split(" — ", 1)[-1]
    if len(lines) == 1:
        return verdict
    return lines[1] if lines[1].startswith(verdict) else f"{verdict}: {lines[1]}"


def lost_lines(result: UnitResult, tasks: tuple[str, ...]) -> list[str]:
    """One line per group of lost checks of ``tasks`` that share a message.

    Args:
        result: the unit's result.
        tasks: the task ids to describe.

    Returns:
        Lines ``<task> <function> <score>/<max> [<checks>] <verdict>: <detail>``.
    """
    out = []
    for t in course_tasks(result, tasks):
        groups: dict[str, list[str]] = {}
        for c in t.checks:
            if c.status in ("passed", "not_run"):
                continue
            tag = f"{c.name}" if c.status == "failed" else f"{c.name} ({c.status})"
            groups.setdefault(summary(c.message), []).append(tag)
        for text, names in groups.items():
            out.append(
                f"{t.id} {t.function} {t.score:g}/{t.max_score:g} [{', '.join(names)}] {text}"
            )
    return out


def not_gradable(result: UnitResult) -> list[str]:
    """``task.check`` of every check the grader itself could not evaluate."""
    return [
        f"{t.id}.{c.name}" for t in result.tasks for c in t.checks if c.status == "not_gradable"
    ]
