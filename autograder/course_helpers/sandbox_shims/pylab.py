"""The stand-in's ``pylab`` (``import pylab as plt``): plotting calls accept anything."""

from __future__ import annotations

from typing import Any

from matplotlib import ANYTHING


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return ANYTHING
