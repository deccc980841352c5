"""Running student code in a sandboxed worker (see ``sandbox``, ``supervisor``, ``executor``).

:func:`load` is what :func:`autograder.submission.from_path` uses: it reads a ``.py`` file
or a notebook's code cells in the grader and hands only their text to a fresh worker.
"""

from __future__ import annotations

from pathlib import Path

from autograder.isolation.sandbox import Limits, isolation_label, sandbox_status
from autograder.isolation.submission import BUDGET, CRASH, IsolatedSubmission

__all__ = [
    "BUDGET",
    "CRASH",
    "IsolatedSubmission",
    "Limits",
    "isolation_label",
    "load",
    "sandbox_status",
]


def load(path: Path, unit: str, limits: Limits | None = None) -> IsolatedSubmission:
    """Load a ``.py`` file or a notebook's code cells into a worker.

    Args:
        path: the file.
        unit: unit name.
        limits: limits (defaults: :class:`Limits`).

    Returns:
        The submission; ``load_error`` is set when the code cannot be read or run, and
        ``grader_error`` when the worker could not be started (or no sandbox can be made).
    """
    from autograder.submission import STUDENT_FILENAME_PREFIX, notebook_code_cells_indexed

    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return _unreadable(unit, path, f"cannot read {path}: {exc}", limits)
    if path.suffix == ".ipynb":
        try:
            indexed = notebook_code_cells_indexed(raw)
        except ValueError as exc:
            return _unreadable(unit, path, str(exc), limits)
        cells = [code for _, code in indexed]
        named = [(f"{STUDENT_FILENAME_PREFIX} cell {i + 1}>", c) for i, c in enumerate(cells)]
        return IsolatedSubmission(
            unit,
            str(path),
            named,
            notebook=True,
            source_text="\n\n".join(cells),
            limits=limits,
            submission_dir=path.parent,
            cell_indexes=[index for index, _ in indexed],
        )
    return IsolatedSubmission(
        unit,
        str(path),
        [(str(path), raw)],
        source_text=raw,
        limits=limits,
        submission_dir=path.parent,
    )


def _unreadable(unit: str, path: Path, error: str, limits: Limits | None) -> IsolatedSubmission:
    """A submission that never started a worker because its file could not be read."""
    import weakref

    from autograder.submission import Submission

    sub = IsolatedSubmission.__new__(IsolatedSubmission)
    Submission.__init__(sub, unit, {}, str(path), load_error=error)
    sub.limits = limits or Limits()
    sub._cells, sub._cell_indexes, sub._notebook, sub._dir, sub._worker = [], [], False, None, None
    sub._functions, sub._broken, sub.cell_errors, sub.grader_error = {}, {}, [], None
    sub.isolation = isolation_label(sub.limits.sandbox is not False)
    sub.spent = sub._check_spent = sub.load_seconds = 0.0
    sub.restarts, sub._exhausted_reason, sub.protections, sub.events = 0, None, [], []
    sub._executor_lost, sub._skips = False, {}
    sub.unfinished = {}
    sub._finalizer = weakref.finalize(sub, IsolatedSubmission._close_worker, [None])
    return sub
