"""The plain-Python student bundle: the same tasks as ``exercises/``, nothing grader-side.

``autograder course bundle OUT_DIR`` writes a self-contained folder (and pip-installable
project) with the ``autograder`` package minus what must stay with the instructor (the
mistake catalogue, the course tools, the maintainer tools), fresh stubs in ``exercises/``
and the self-check, but no ``solutions/``. There ``pytest exercises`` runs every visible
check against stored expected values; hidden checks need the reference and are shown as run
when graded. Its README says how to set up, check, train and open the released notebooks
(the ``notebook`` extra installs JupyterLab and ipykernel).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import tomllib
from pathlib import Path

import autograder
from autograder import units
from autograder.course.builder import buildable_units, solution_path
from autograder.report import spec_available
from autograder.stubs import make_stub

PACKAGE = Path(autograder.__file__).resolve().parent
ROOT = PACKAGE.parent

#: Paths inside the package left out of the bundle (grader-side or maintainer-only).
EXCLUDED = (
    "_private",  # a built wheel's reference solutions and mistake catalogue
    "course",
    "commands/course.py",
    "commands/demo.py",
    "freeze.py",
    "stubs.py",
    "readme.py",
)

#: What a student needs to open the released notebooks (the bundle's ``notebook`` extra).
NOTEBOOK_DEPENDENCIES = ["jupyterlab>=4", "ipykernel>=6"]

PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "nn-exercises"
version = {version!r}
description = "Neural-network exercises with a self-check (student bundle)."
requires-python = ">=3.11"
dependencies = {dependencies}

[project.scripts]
autograder = "autograder.cli:main"

[project.optional-dependencies]
notebook = {notebook}

[tool.setuptools.packages.find]
include = ["autograder*"]

[tool.setuptools.package-data]
autograder = ["expected/*.json", "datasets/data/*"]

[tool.pytest.ini_options]
testpaths = ["exercises"]
pythonpath = ["."]
"""

README = """\
# Neural-network exercises

Write each function in `exercises/<unit>.py` in place of `raise NotImplementedError(...)`,
or in the notebooks your instructor released: the same tasks, checks and messages.

## Set up (Python 3.11+, once)

    python3 -m venv .venv && . .venv/bin/activate
    pip install -e .                  # the exercises and their self-check
    pip install -e ".[notebook]"      # also JupyterLab and ipykernel, for the notebooks

## Check yourself

    pytest exercises                  # every visible check of every unit
    pytest exercises -m task2_2       # one task (markers task<unit>_<n>, or a unit's name)
    autograder grade exercises        # the same checks as a scored table
    autograder train logistic_regression   # train with your code: accuracy and plots (PNG)

On an untouched stub, `pytest exercises` prints one line per function not implemented yet;
a wrong function prints what was called, what came back, what was expected and a hint.
`autograder train UNIT [--out plots]` runs a unit's lesson with your functions and saves
its plots; units: {train_units}.

## The notebooks

A released notebook (`<unit>.ipynb`) imports this kit, so open it in the environment where
you installed it with the `notebook` extra:

    . .venv/bin/activate
    jupyter lab path/to/<unit>.ipynb

Run the set-up cell first. Write each function in its cell, run its try-it cell, then its
`check("3.3")` cell; the last cell, `check_all(...)`, scores every task. Keep the function
names and signatures; the locked cells (you cannot edit them) are the graded checks.

## Points: visible + hidden

Visible checks run here against stored expected values. Hidden checks (random inputs
compared with the reference solution) run only when your work is graded: they are shown as
"run when graded" (`?` in `autograder grade`'s table, status `not_run` in its `--json`).

| unit | points |
|---|---|
{points_rows}
"""


def _ignore(directory: str, names: list[str]) -> set[str]:
    rel = Path(directory).resolve().relative_to(PACKAGE)
    skip = {n for n in names if n == "__pycache__" or n.endswith(".pyc")}
    for n in names:
        path = (rel / n).as_posix()
        if path in EXCLUDED:
            skip.add(n)
        if rel.as_posix() == "mistakes" and n.endswith(".py") and n != "__init__.py":
            skip.add(n)
        if rel.as_posix() == "units" and n.startswith("_") and n.endswith("_math.py"):
            skip.add(n)  # the grader's own network math: task solutions in all but name
        if rel.as_posix() == "course_helpers" and n.startswith("dnn_app_utils"):
            skip.add(n)  # the application's building blocks are unit 5's solutions
    return skip


def write_bundle(out_dir: Path | str, *, force: bool = False) -> Path:
    """Write the student bundle.

    Args:
        out_dir: the folder to create.
        force: replace an existing folder.

    Returns:
        The bundle's folder.

    Raises:
        FileExistsError: if ``out_dir`` exists, is not empty and ``force`` is not set.
        FileNotFoundError: if this installation has no ``exercises/`` folder to copy.
    """
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        if not force:
            raise FileExistsError(f"{out} exists and is not empty (use --force)")
        shutil.rmtree(out)
    exercises = ROOT / "exercises"
    if not (exercises / "test_self_check.py").exists():
        raise FileNotFoundError(f"no exercises/ next to the autograder package ({ROOT})")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(PACKAGE, out / "autograder", ignore=_ignore)
    (out / "exercises").mkdir()
    for name in ("__init__.py", "conftest.py", "test_self_check.py"):
        shutil.copy(exercises / name, out / "exercises" / name)
    for unit in buildable_units():
        text = solution_path(unit).read_text(encoding="utf-8")
        (out / "exercises" / f"{unit}.py").write_text(make_stub(text, unit))
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text()).get("project", {})
    deps = [d for d in meta.get("dependencies", []) if not d.startswith("nbgrader")]
    (out / "pyproject.toml").write_text(
        PYPROJECT.format(
            version=meta.get("version", "0.0.0"),
            dependencies=json.dumps(deps),
            notebook=json.dumps(NOTEBOOK_DEPENDENCIES),
        )
    )
    (out / "README.md").write_text(readme_text())
    return out


def readme_text() -> str:
    """The bundle's README: set-up, self-check, notebooks, points (visible + hidden)."""
    rows = []
    for name in buildable_units():
        unit = units.get(name)
        rows.append(
            f"| {unit.number} `{name}` | "
            f"{spec_available(c for t in unit.tasks for c in t.checks)} |"
        )
    train = [n for n in units.available() if importlib.util.find_spec(f"autograder.demos.{n}")]
    return README.format(
        train_units=", ".join(f"`{n}`" for n in train), points_rows="\n".join(rows)
    )
