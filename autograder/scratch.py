"""Scratch folders of the grader's processes, removed even after their process was killed.

A folder is named after the process that made it (``ag-worker-<pid>-xxxx``). Its process removes
it when done; a process killed by a signal (an operator stopping a long batch, the OOM killer,
a pool worker that died) cannot, so the first folder a process makes with a prefix also removes
that prefix's folders whose process no longer runs (red team, round 10).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def make(prefix: str) -> Path:
    """A new folder ``<tmp>/<prefix><pid>-xxxx`` of this process (its caller removes it).

    Args:
        prefix: what the folder's name starts with (``ag-worker-``).
    """
    _remove_stale(prefix, tempfile.gettempdir())
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))


@contextlib.contextmanager
def temporary(prefix: str) -> Iterator[Path]:
    """:func:`make`'s folder, removed with everything in it when the block ends."""
    path = make(prefix)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


@functools.cache
def _remove_stale(prefix: str, where: str) -> None:
    """Remove this user's ``prefix`` folders in ``where`` whose process is gone (once a process)."""
    for path in Path(where).glob(f"{prefix}*-*"):
        pid = path.name[len(prefix) :].partition("-")[0]
        try:
            mine = path.is_dir() and not path.is_symlink() and path.stat().st_uid == os.getuid()
        except OSError:
            continue
        if mine and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
