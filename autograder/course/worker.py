"""Grade a notebook (or ``.py``) file with the engine, exactly as ``autograder grade`` does.

The student's code runs in the engine's isolated worker process
(:func:`autograder.submission.from_path`, :mod:`autograder.isolation`): a crash, a time-out or
a memory blow-up costs the checks it hits, never the grading process or the batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autograder.engine import grade_submission
from autograder.results import UnitResult
from autograder.submission import from_path

#: Check statuses that are a verdict on the student's code (recorded in the gradebook);
#: the others (``not_gradable``, ``not_run``) leave the grade to a human.
VERDICTS = ("passed", "failed", "over_budget")


def grade_file(
    path: Path | str,
    unit: str,
    *,
    isolated: bool | None = None,
    limits: Any = None,
) -> UnitResult:
    """Grade a ``.ipynb`` or ``.py`` file on every check of a unit.

    Args:
        path: the submission file.
        unit: the unit name.
        isolated: run student code in a worker process (default: as ``autograder grade``).
        limits: an :class:`autograder.isolation.Limits`, or None for the defaults.

    Returns:
        The unit's result; with the defaults, the same as ``autograder grade --json``.
    """
    kwargs: dict[str, Any] = {}
    if isolated is not None:
        kwargs["isolated"] = isolated
    if limits is not None:
        kwargs["limits"] = limits
    submission = from_path(Path(path), unit, **kwargs)
    try:
        return grade_submission(unit, submission)
    finally:
        submission.close()
