"""Scratch folders of killed grader processes are removed by the next process (red team 10)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder import scratch

ROOT = Path(__file__).resolve().parents[1]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_dead_processs_folders_go_and_a_live_ones_stay(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / f"ag-test-{_dead_pid()}-abc"
    live = tmp_path / f"ag-test-{os.getppid()}-abc"
    other = tmp_path / "ag-test-notapid-abc"
    for path in (dead, live, other):
        (path / "inside").mkdir(parents=True)
    with scratch.temporary("ag-test-") as mine:
        assert mine.name.startswith(f"ag-test-{os.getpid()}-") and mine.is_dir()
    assert not mine.exists() and not dead.exists()
    assert live.exists() and other.exists()


def test_the_worker_folder_of_a_grader_stopped_by_sigterm_is_removed_by_the_next(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    slow = tmp_path / "numpy_basics.py"
    slow.write_text("import time\ntime.sleep(30)\n")
    cmd = [sys.executable, "-m", "autograder", "grade", str(slow), "--unit", "numpy_basics"]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(f"ag-worker-{proc.pid}-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    left = list(tmp_path.glob(f"ag-worker-{proc.pid}-*"))
    assert left, "the stopped grader left no folder: nothing to show"
    ref = ROOT / "solutions" / "numpy_basics.py"
    subprocess.run([*cmd[:4], str(ref), "--unit", "numpy_basics"], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    assert not any(p.exists() for p in left)
    assert not list(tmp_path.glob("ag-worker-*"))
