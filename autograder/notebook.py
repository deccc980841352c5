"""Helpers used inside the course notebooks: grade cells and the student's self-check.

A generated notebook's locked grade cell is three lines::

    \"\"\"Task 2.2 · sigmoid — values (2 points): ...\"\"\"
    from autograder.notebook import grade
    grade("numpy_basics", "2.2", "values")

:func:`grade` runs one check of the engine on the functions defined in the notebook, prints
the student-facing message on **stdout** and returns the score as a plain Python ``float``
clamped to ``[0, points]``, so nbgrader reads it as partial credit. It never raises for
student code and never writes to stderr (nbgrader scores any stderr output 0). When nbgrader
autogrades through :mod:`autograder.course.nbgrader_plugin`, the in-kernel score is only a
placeholder: the plugin grades the submitted code with the engine and rewrites the cell.

:func:`check` is the student's self-check (otter's ``grader.check("q1")``)::

    from autograder.notebook import check
    check("2.2")        # runs the visible checks of task 2.2 and prints the verdict
"""

from __future__ import annotations

import contextlib
import os
import sys
import types
import warnings

from autograder.results import TaskResult

#: Set (to "1") by the nbgrader plugin while it executes a notebook whose grade cells it
#: rewrites afterwards; grade cells then skip in-kernel grading.
DEFER_ENV = "AUTOGRADER_NBGRADER_DEFER"
#: Set by :func:`autograder.isolation.from_path` while it loads a notebook's code cells.
LOADING_ENV = "AUTOGRADER_GRADING"

DEFERRED_MESSAGE = "(graded by the autograder once the notebook has run)"


def _main_module() -> types.ModuleType:
    return sys.modules["__main__"]


def _unit_of_task(task_id: str) -> str:
    from autograder import units

    number = int(str(task_id).split(".")[0])
    for unit in units.all_units():
        if unit.number == number:
            return unit.name
    raise KeyError(f"no unit has task {task_id!r}")


@contextlib.contextmanager
def _silenced():  # noqa: ANN202 - a context manager
    """Send stderr to stdout and silence warnings, so a grade cell never writes stderr."""
    with (
        contextlib.redirect_stderr(sys.stdout),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        yield


def clamp(score: object, points: float) -> float:
    """Return ``score`` as a plain float in ``[0, points]`` (0 for anything not a number)."""
    try:
        value = float(score)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    if value != value:  # NaN
        return 0.0
    return float(min(max(value, 0.0), float(points)))


def grade(unit: str, task_id: str, check_name: str) -> float:
    """Run one check on the notebook's functions; print its message, return its score.

    Args:
        unit: the unit name.
        task_id: the task id, such as ``"2.2"``.
        check_name: the check's name within the task.

    Returns:
        The score, a plain Python float between 0 and the check's points.
    """
    if os.environ.get(DEFER_ENV) == "1":
        print(DEFERRED_MESSAGE)
        return 0.0
    with _silenced():
        try:
            from autograder import units
            from autograder.engine import load_reference, run_check
            from autograder.submission import from_module

            u = units.get(unit)
            task = u.task(task_id)
            check = next(c for c in task.checks if c.name == check_name)
            submission = from_module(unit, _main_module())
            result = run_check(u, task, check, submission, load_reference(unit))
        except Exception as exc:  # noqa: BLE001 - a grade cell must never raise
            print(f"Task {task_id} — not gradable: grader error {type(exc).__name__}: {exc}")
            return 0.0
        print(result.message)
        return clamp(result.score, check.points)


def _run_task(unit: str, task_id: str) -> TaskResult:
    """The task's result on the notebook's functions.

    Its checks in the engine's order and its advice rules, as ``autograder grade`` runs them.
    """
    from autograder import units
    from autograder.engine import grade_task, load_reference
    from autograder.submission import from_module

    u = units.get(unit)
    submission = from_module(unit, _main_module())
    return grade_task(u, u.task(task_id), submission, load_reference(unit))


def _passed(result: TaskResult) -> bool:
    return all(c.status in ("passed", "not_run") for c in result.checks)


def check(task_id: str, *, unit: str | None = None) -> bool | None:
    """Run the checks of one task on the notebook's functions and print the verdict.

    Prints the task's points (visible + hidden, as everywhere in the kit), then each distinct
    failure once: one line when the function is still the stub. Hidden checks run only where
    the reference solutions are installed (when graded).

    Args:
        task_id: a task id (``"2.2"``) or function name.
        unit: the unit; defaults to the unit whose number starts the task id.

    Returns:
        True if every check that ran passed, False otherwise; None when skipped (while the
        autograder loads or grades the notebook).
    """
    if os.environ.get(LOADING_ENV) == "1" or os.environ.get(DEFER_ENV) == "1":
        return None
    with _silenced():
        try:
            from autograder import units
            from autograder.messages import note_line
            from autograder.report import distinct_failures, task_points

            unit = unit or _unit_of_task(task_id)
            task = units.get(unit).task(task_id)
            result = _run_task(unit, task.id)
            points = task_points(unit, result).text()
        except Exception as exc:  # noqa: BLE001 - never raise in the student's notebook
            print(f"check({task_id!r}) could not run: {type(exc).__name__}: {exc}")
            return False
        if _passed(result):
            print(f"Task {task.id} · {task.function} passed ✓: {points}")
            for text in result.advice:
                print(note_line("advice", text))
            return True
        print(f"Task {task.id} · {task.function}: {points}\n")
        problems = distinct_failures([result])
        told = "\n".join(problems)
        print("\n\n".join(problems))
        for text in (t for t in result.advice if t not in told):
            print(note_line("advice", text))
        return False


def check_all(unit: str) -> float | None:
    """Run every task's checks and print one line per task; return the total score.

    The first line is the unit's points (visible + hidden); each task's line its points and
    its first failure (or "passed ✓").
    """
    if os.environ.get(LOADING_ENV) == "1" or os.environ.get(DEFER_ENV) == "1":
        return None
    with _silenced():
        try:
            from autograder import units
            from autograder.messages import headline
            from autograder.report import Points, distinct_failures, task_points

            u = units.get(unit)
            rows, total, score = [], Points(), 0.0
            for task in u.tasks:
                result = _run_task(unit, task.id)
                points = task_points(unit, result)
                total, score = total + points, score + result.score
                problems = distinct_failures([result])
                prefix = headline(task.id, task.function, "")
                first = problems[0].splitlines()[0].removeprefix(prefix) if problems else "passed ✓"
                rows.append((task.id, task.function, points.short(), first))
        except Exception as exc:  # noqa: BLE001
            print(f"check_all could not run: {type(exc).__name__}: {exc}")
            return None
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        print(f"{u.title}: {total.text()}")
        for row in rows:
            print("  " + "  ".join(f"{v:<{w}}" for v, w in zip(row, widths)) + f"  {row[3]}")
        return float(score)
