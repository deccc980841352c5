"""Running student code in a sandboxed worker (see ``sandbox``, ``supervisor``, ``executor``).

:func:`from_path` is how every runner loads a submission: :func:`load` reads a ``.py`` file
or a notebook's code cells in the grader and hands only their text to a fresh worker.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Collection, Mapping
from pathlib import Path

from autograder.isolation.sandbox import Limits, isolation_label, sandbox_status
from autograder.isolation.submission import BUDGET, CRASH, IsolatedSubmission
from autograder.submission import (
    DEFAULT_CELL_TIMEOUT,
    STUDENT_FILENAME_PREFIX,
    Submission,
    load_in_process,
    submitted_code,
)

__all__ = [
    "BUDGET",
    "CRASH",
    "IsolatedSubmission",
    "Limits",
    "from_path",
    "isolation_label",
    "load",
    "sandbox_status",
]


def from_path(
    path: Path,
    unit: str,
    *,
    isolated: bool | None = None,
    limits: Limits | None = None,
    skip_cells: Collection[str] = (),
    may_call: Mapping[str, Collection[str]] | None = None,
) -> Submission:
    """Load a ``.py`` file or a notebook's code cells as a submission run in a worker process.

    The code runs in a separate, sandboxed interpreter (:func:`load`); only plain data
    crosses back. ``isolated=False`` (or ``AUTOGRADER_IN_PROCESS=1`` in the environment)
    loads it into this process instead (:func:`autograder.submission.load_in_process`), as
    the pytest self-check may.

    Args:
        path: the file.
        unit: unit name.
        isolated: run the code in a worker (default: yes, on POSIX systems).
        limits: time, memory and sandbox limits, or None for the defaults.
        skip_cells: sources of a notebook's cells not to run (the kit's own try-it and
            ``check(...)`` cells, left as released: see
            :func:`autograder.submission.notebook_code_cells`).
        may_call: the functions the unit grades, each with the course helpers it may call
            while graded (``Unit.may_call``): the grader refuses every other (None: not
            known, so a helper is refused only for a called function of its name). The
            course helpers are served by the grader, never run in the sandbox (see
            :mod:`autograder.isolation.served`).

    Returns:
        The submission.
    """
    if isolated is None:
        isolated = os.name == "posix" and os.environ.get("AUTOGRADER_IN_PROCESS") != "1"
    if not isolated:
        cell_timeout = getattr(limits, "cell_timeout", DEFAULT_CELL_TIMEOUT)
        return load_in_process(Path(path), unit, cell_timeout=cell_timeout, skip_cells=skip_cells)
    return load(Path(path), unit, limits, skip_cells, may_call)


#: Largest submitted file read (a notebook's outputs included), in bytes.
MAX_FILE_BYTES = 64 * 2**20
#: Largest amount of code graded, in characters (a real course file's code: at most 25,000);
#: the grader's parsing of the text takes about 200 bytes of memory per character.
MAX_CODE_CHARS = 2_000_000
#: Largest submitted notebook file the course reads, in bytes, checked before reading it (a
#: real course notebook, images included: a few MB; outputs are cleared at autograde anyway).
MAX_NOTEBOOK_BYTES = 32 * 2**20
#: Most JSON objects and lists in a submitted notebook, counted as its ``{`` and ``[``
#: characters before it is parsed (an upper bound: those in its text count too; a real course
#: notebook: under 1,000): nbgrader's reading costs about 50 µs and 2 kB for each.
MAX_NOTEBOOK_CONTAINERS = 100_000
#: Most cells in a submitted notebook (a real course notebook: under 300): nbgrader's reading,
#: validation and copies cost about 0.5 ms and 5 kB for each.
MAX_NOTEBOOK_CELLS = 10_000
#: Most outputs in a submitted notebook, all cells together (a real course notebook: under 300;
#: their size is bounded by :data:`MAX_NOTEBOOK_BYTES`); each costs nbgrader as a cell does.
MAX_NOTEBOOK_OUTPUTS = 10_000


def load(
    path: Path,
    unit: str,
    limits: Limits | None = None,
    skip_cells: Collection[str] = (),
    may_call: Mapping[str, Collection[str]] | None = None,
) -> IsolatedSubmission:
    """Load a ``.py`` file or a notebook's code cells into a worker.

    Args:
        path: the file.
        unit: unit name.
        limits: limits (defaults: :class:`Limits`).
        skip_cells: sources of a notebook's cells not to run (as in :func:`from_path`).
        may_call: the graded functions and the helpers each may call (as in :func:`from_path`).

    Returns:
        The submission; ``load_error`` is set when the code cannot be read or run, and
        ``grader_error`` when the worker could not be started (or no sandbox can be made).
    """
    path = Path(path)
    notebook = path.suffix == ".ipynb"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            text = f"{path.name} is {size:,} bytes, over the grader's limit of {MAX_FILE_BYTES:,}"
            return _unreadable(unit, path, text, limits)
    except OSError as exc:
        return _unreadable(unit, path, f"cannot read {path}: {exc}", limits)
    try:
        indexed = submitted_code(path, skip_cells)
    except ValueError as exc:
        return _unreadable(unit, path, str(exc), limits)
    cells = [code for _, code in indexed]
    code = sum(len(c) for c in cells)
    if code > MAX_CODE_CHARS:
        text = (
            f"the code of {path.name} is {code:,} characters, over the grader's limit of "
            f"{MAX_CODE_CHARS:,}: submit the exercise's code (data belongs in files, not cells)"
        )
        return _unreadable(unit, path, text, limits)
    if notebook:
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
            may_call=may_call,
        )
    return IsolatedSubmission(
        unit,
        str(path),
        [(str(path), cells[0])],
        source_text=cells[0],
        limits=limits,
        submission_dir=path.parent,
        may_call=may_call,
    )


def _unreadable(unit: str, path: Path, error: str, limits: Limits | None) -> IsolatedSubmission:
    """A submission that never started a worker because its file could not be read."""
    sub = IsolatedSubmission.__new__(IsolatedSubmission)
    Submission.__init__(sub, unit, {}, str(path), load_error=error)
    sub.limits = limits or Limits()
    sub._cells, sub._cell_indexes, sub._notebook, sub._dir, sub._worker = [], [], False, None, None
    sub._functions, sub._broken, sub.cell_errors, sub.grader_error = {}, {}, [], None
    sub.isolation = isolation_label(sub.limits.sandbox is not False)
    sub.spent = sub._check_spent = sub.load_seconds = 0.0
    sub.restarts, sub._exhausted_reason, sub.protections, sub.events = 0, None, [], []
    sub._executor_lost, sub._skips = False, {}
    sub._twins = {}
    sub.unfinished = {}
    sub._finalizer = weakref.finalize(sub, IsolatedSubmission._close_worker, [None])
    return sub
