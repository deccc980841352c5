"""The registry of units. Each unit module defines ``UNIT`` (a :class:`autograder.spec.Unit`)."""

from __future__ import annotations

import importlib
import importlib.util

from autograder.spec import Unit

#: Every unit of the kit, in course order. A unit whose module is absent is skipped.
UNIT_NAMES = (
    "derivatives",
    "numpy_basics",
    "logistic_regression",
    "shallow_network",
    "deep_network",
)


def available() -> list[str]:
    """Return the names of the units present in this installation."""
    return [n for n in UNIT_NAMES if importlib.util.find_spec(f"autograder.units.{n}")]


def get(name: str) -> Unit:
    """Return the unit called ``name``.

    Raises:
        KeyError: if there is no such unit.
    """
    if name not in available():
        raise KeyError(f"unknown unit {name!r}; units: {', '.join(available())}")
    return importlib.import_module(f"autograder.units.{name}").UNIT


def all_units() -> list[Unit]:
    """Return every available unit."""
    return [get(n) for n in available()]
