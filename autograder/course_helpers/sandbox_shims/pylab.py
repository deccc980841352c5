"""The stand-in's ``pylab`` (``import pylab as plt``): plotting calls accept anything."""

from __future__ import annotations

from matplotlib import __getattr__  # noqa: F401 - PEP 562: the module's attributes
