"""Adding a unit with the scaffold gives a unit that is graded, self-checked and caught.

The scaffold runs in a copy of the repository (the files git tracks), where the new unit's
own tests, the mistake catalogue's test and the self-check must pass at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _copy_repository(dest: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for rel in tracked:
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)


def test_the_scaffold_makes_a_working_unit(tmp_path):
    repo = tmp_path / "repo"
    _copy_repository(repo)
    # the copy's own code first; the maintainer's PYTEST_ADDOPTS (--durations, plugins) is not
    # the new unit's
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"} | {"PYTHONPATH": str(repo)}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args], cwd=repo, env=env, capture_output=True, text=True
        )

    made = run("-m", "autograder.new_unit", "scaling", "--title", "scaling arrays")
    assert made.returncode == 0, made.stdout + made.stderr
    for rel in (
        "solutions/scaling.py",
        "exercises/scaling.py",
        "autograder/units/scaling.py",
        "autograder/mistakes/scaling.py",
        "autograder/expected/scaling.json",
        "tests/test_unit_scaling.py",
    ):
        assert (repo / rel).exists(), rel
    assert "`scaling`: scaling arrays" in (repo / "README.md").read_text()
    tests = run(
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/test_unit_scaling.py",
        "tests/test_mistakes.py",
        "tests/test_readme.py",
        "-k",
        "scaling or generated",
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    selfcheck = run("-m", "pytest", "-q", "-p", "no:cacheprovider", "exercises", "-m", "scaling")
    assert "3 not implemented" in selfcheck.stdout  # the stubs are reported as such
    assert not (ROOT / "solutions" / "scaling.py").exists(), "the scaffold wrote outside the copy"
    again = run("-m", "autograder.new_unit", "scaling")
    assert again.returncode != 0 and "exists already" in again.stderr
