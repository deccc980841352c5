"""The registry of units: every module of this package whose name does not start with ``_``.

Each unit module defines ``UNIT`` (a :class:`autograder.spec.Unit`); units are ordered by
their number. Adding a unit is adding its module (``python -m autograder.new_unit NAME``
writes one): there is no list to edit.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from autograder.spec import Unit


@functools.cache
def available() -> tuple[str, ...]:
    """Return the names of the units present in this installation, in unit-number order."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    return tuple(sorted(names, key=lambda n: (_module(n).UNIT.number, n)))


def _module(name: str):  # noqa: ANN202 - a unit module
    return importlib.import_module(f"{__name__}.{name}")


def get(name: str) -> Unit:
    """Return the unit called ``name``.

    Raises:
        KeyError: if there is no such unit.
    """
    if name not in available():
        raise KeyError(f"unknown unit {name!r}; units: {', '.join(available())}")
    return _module(name).UNIT


def all_units() -> list[Unit]:
    """Return every available unit."""
    return [get(n) for n in available()]
