"""The stand-in's ``matplotlib.pyplot``: ``plt.plot``, ``plt.show``... accept anything."""

from __future__ import annotations

from matplotlib import __getattr__, rcParams  # noqa: F401 - PEP 562: the module's attributes

__all__ = ["rcParams"]
