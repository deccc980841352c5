"""The stand-in's ``matplotlib.pyplot``: ``plt.plot``, ``plt.show``... accept anything."""

from __future__ import annotations

from typing import Any

from matplotlib import ANYTHING, rcParams

__all__ = ["rcParams"]


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return ANYTHING
