"""Running student code in a separate worker process (see ``sandbox`` and ``worker``).

:func:`load` is what :func:`autograder.submission.from_path` uses: it reads a ``.py`` file
or a notebook's code cells in the grader and hands only their text to a fresh worker.
"""

from __future__ import annotations

from pathlib import Path

from autograder.isolation.sandbox import Limits, sandbox_mode
from autograder.isolation.submission import BUDGET, CRASH, IsolatedSubmission

__all__ = ["BUDGET", "CRASH", "IsolatedSubmission", "Limits", "load", "sandbox_mode"]


def load(path: Path, unit: str, limits: Limits | None = None) -> IsolatedSubmission:
    """Load a ``.py`` file or a notebook's code cells into a worker.

    Args:
        path: the file.
        unit: unit name.
        limits: limits (defaults: :class:`Limits`).

    Returns:
        The submission; ``load_error`` is set when the code cannot be read or run, and
        ``grader_error`` when the worker could not be started.
    """
    from autograder.submission import STUDENT_FILENAME_PREFIX, notebook_code_cells

    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        sub = IsolatedSubmission.__new__(IsolatedSubmission)
        return _unreadable(sub, unit, path, f"cannot read {path}: {exc}")
    if path.suffix == ".ipynb":
        try:
            cells = notebook_code_cells(raw)
        except ValueError as exc:
            sub = IsolatedSubmission.__new__(IsolatedSubmission)
            return _unreadable(sub, unit, path, str(exc))
        named = [(f"{STUDENT_FILENAME_PREFIX} cell {i + 1}>", c) for i, c in enumerate(cells)]
        return IsolatedSubmission(
            unit,
            str(path),
            named,
            notebook=True,
            source_text="\n\n".join(cells),
            limits=limits,
            submission_dir=path.parent,
        )
    return IsolatedSubmission(
        unit,
        str(path),
        [(str(path), raw)],
        source_text=raw,
        limits=limits,
        submission_dir=path.parent,
    )


def _unreadable(sub: IsolatedSubmission, unit: str, path: Path, error: str) -> IsolatedSubmission:
    """A submission that never started a worker because its file could not be read."""
    from autograder.submission import Submission

    Submission.__init__(sub, unit, {}, str(path), load_error=error)
    sub.limits = Limits()
    sub._cells, sub._notebook, sub._dir, sub._worker = [], False, None, None
    sub._functions, sub._broken, sub.cell_errors, sub.grader_error = {}, {}, [], None
    sub.spent = sub._check_spent = 0.0
    sub.restarts, sub._exhausted_reason, sub.protections, sub.events = 0, None, [], []
    sub.unfinished = {}
    import weakref

    sub._finalizer = weakref.finalize(sub, IsolatedSubmission._close_worker, [None])
    return sub
