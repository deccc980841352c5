"""The reference solutions and the mistake catalogue are never importable (issue 10, class 3).

A regular wheel (``pip install .``) installed in a fresh virtual environment, and the
editable install these tests run in: ``import solutions`` fails, so do the catalogue's and
the private folder's imports, and the grader still grades the hidden checks (it loads the
reference by path, see ``autograder.private``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .faults import modes

ROOT = Path(__file__).resolve().parent.parent
UNIT = "numpy_basics"
IMPORTS = (
    "solutions",
    f"solutions.{UNIT}",
    f"autograder.mistakes.{UNIT}",
    f"autograder._private.solutions.{UNIT}",
    f"autograder._private.mistakes.{UNIT}",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    return modes.build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def fresh_venv(wheel, tmp_path_factory):
    """A fresh venv with the wheel; third-party packages from this environment (no copy)."""
    folder = tmp_path_factory.mktemp("venv") / "venv"
    # this environment's packages (numpy, nbformat...): a plain path entry, so its own .pth
    # files (the editable install's finder) are not processed
    return modes.make_venv(sys.executable, folder, wheel, Path(sysconfig.get_paths()["purelib"]))


def _imports(python: str, cwd: Path) -> dict[str, str]:
    code = (
        "import importlib, json, sys\n"
        "out = {}\n"
        f"for name in {IMPORTS!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "        out[name] = 'imported'\n"
        "    except ImportError as exc:\n"
        "        out[name] = type(exc).__name__\n"
        "print(json.dumps(out))\n"
    )
    r = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, cwd=cwd, check=True, timeout=120
    )
    return json.loads(r.stdout)


def _grade(python: str, cwd: Path) -> dict:
    f = cwd / f"{UNIT}.py"
    f.write_text((ROOT / "solutions" / f"{UNIT}.py").read_text())
    r = subprocess.run(
        [python, "-m", "autograder", "grade", str(f), "--json"],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_the_wheel_ships_no_importable_reference(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert not any(n.startswith("solutions/") for n in names)
    assert [n for n in names if n.startswith("autograder/mistakes/")] == [
        "autograder/mistakes/__init__.py"
    ]
    assert f"autograder/_private/solutions/{UNIT}.py" in names
    assert f"autograder/_private/mistakes/{UNIT}.py" in names


def test_in_a_regular_install_nothing_imports_and_hidden_checks_still_run(fresh_venv, tmp_path):
    assert set(_imports(fresh_venv, tmp_path).values()) <= {"ModuleNotFoundError", "ImportError"}
    obj = _grade(fresh_venv, tmp_path)
    hidden = [c for t in obj["tasks"] for c in t["checks"] if c["name"] == "hidden"]
    assert hidden and all(c["status"] == "passed" for c in hidden)
    assert obj["score"] == obj["max_score"] == 42.0


def test_in_the_editable_install_nothing_imports_and_hidden_checks_still_run(tmp_path):
    assert set(_imports(sys.executable, tmp_path).values()) <= {
        "ModuleNotFoundError",
        "ImportError",
    }
    obj = _grade(sys.executable, tmp_path)
    hidden = [c for t in obj["tasks"] for c in t["checks"] if c["name"] == "hidden"]
    assert hidden and all(c["status"] == "passed" for c in hidden)
