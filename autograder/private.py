"""The grader's private files: the reference solutions and the catalogue of known mistakes.

Neither is an importable module in any installation, so that no student code can import
them, not even a student's kernel on a machine where the grader is installed (in the
sandbox they are not even visible). The grader process alone loads them, by path:

- in an installed wheel, from ``autograder/_private/solutions/<unit>.py`` and
  ``autograder/_private/mistakes/<unit>.py``, which the build copies there (``setup.py``);
  ``autograder/_private/__init__.py`` raises ``ImportError``, so ``import
  autograder._private...`` fails;
- in a source checkout (an editable install, the kit's own tests), from ``solutions/<unit>.py``
  at the repository root (the maintainers' source of truth, not a package of the
  installation) and ``autograder/mistakes/<unit>.py`` (the ``autograder.mistakes`` package has
  an empty ``__path__``: its unit modules cannot be imported).

Students' kernels get ``autograder.notebook`` from the student bundle (``autograder course
bundle``), which holds neither.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PRIVATE = PACKAGE / "_private"
#: The repository root when this package runs from a source checkout, else None.
CHECKOUT = (
    PACKAGE.parent
    if (PACKAGE.parent / "pyproject.toml").is_file() and (PACKAGE.parent / "solutions").is_dir()
    else None
)


def _find(unit: str, folders: list[Path | None]) -> Path | None:
    if not unit.isidentifier() or unit.startswith("_"):
        return None
    for folder in folders:
        if folder is not None and (folder / f"{unit}.py").is_file():
            return folder / f"{unit}.py"
    return None


def solution_file(unit: str) -> Path | None:
    """The reference solution file of ``unit``, or None where it is not installed."""
    return _find(unit, [PRIVATE / "solutions", CHECKOUT / "solutions" if CHECKOUT else None])


def catalogue_file(unit: str) -> Path | None:
    """The mistake catalogue file of ``unit``, or None where it is not installed."""
    return _find(unit, [PRIVATE / "mistakes", PACKAGE / "mistakes"])


def _load(kind: str, unit: str, path: Path | None) -> types.ModuleType | None:
    """Load ``path`` once, as module ``autograder._private.<kind>.<unit>`` (not importable)."""
    if path is None:
        return None
    name = f"autograder._private.{kind}.{unit}"
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__file__", None) == str(path):
        return module
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def load_reference(unit: str) -> types.ModuleType | None:
    """The reference solutions of ``unit`` as a module, or None where they are not installed."""
    return _load("solutions", unit, solution_file(unit))


def load_catalogue(unit: str) -> types.ModuleType | None:
    """The mistake catalogue of ``unit`` as a module, or None where it is not installed."""
    return _load("mistakes", unit, catalogue_file(unit))
