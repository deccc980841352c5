"""`pytest exercises` as students and maintainers run it (a real pytest subprocess)."""

from __future__ import annotations

import re
from pathlib import Path

from autograder import units

from .helpers import run_pytest

ROOT = Path(__file__).resolve().parent.parent


def test_self_check_passes_on_the_reference():
    proc = run_pytest("exercises", "--impl", "solutions", "-q")
    assert proc.returncode == 0, proc.stdout[-3000:]
    n_checks = sum(len(t.checks) for u in units.all_units() for t in u.tasks)
    assert re.search(rf"\b{n_checks} passed\b", proc.stdout), proc.stdout[-500:]


def test_one_task_marker_runs_one_task_and_reads_well():
    unit = units.get("numpy_basics")
    task = unit.task("2.5")
    proc = run_pytest("exercises", "-m", task.marker, "-q")
    assert proc.returncode == 1  # checks on a stub still fail for pytest
    assert f"{len(task.checks)} not implemented" in proc.stdout
    assert proc.stdout.count("Task 2.5 · normalize_rows — not implemented yet") == 1
    assert "Traceback" not in proc.stdout


def test_unknown_marker_is_an_error():
    proc = run_pytest("exercises", "-m", "task9_9", "--strict-markers", "-q")
    # A typo in a task marker is a usage error, not a silent "no tests ran".
    assert proc.returncode == 4
    assert "Unknown marker" in proc.stderr
