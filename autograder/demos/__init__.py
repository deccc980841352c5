"""Lesson demos: train a unit's model with someone's implementation, report and plot.

Each module ``autograder/demos/<unit>.py`` defines ``run(impl, out_dir) -> str``: ``impl``
is the implementation module (the student's ``exercises/<unit>.py`` or the reference), the
return value is the report printed by ``autograder train``. Plots are saved as PNG files in
``out_dir`` (which must exist) with matplotlib's non-interactive Agg backend, so nothing waits
for a display.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path


def load_impl(path: Path, unit: str) -> types.ModuleType:
    """Import a unit file (``exercises/<unit>.py`` or any path) as a module."""
    name = f"_impl_{unit}_{abs(hash(str(path)))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def agg_pyplot():  # noqa: ANN201
    """Return ``matplotlib.pyplot`` with the non-interactive Agg backend selected."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_png(plt, fig, path: Path) -> None:  # noqa: ANN001 - matplotlib.pyplot and a figure
    """Lay out ``fig``, write it to ``path`` as a PNG at 100 dpi and close it.

    Args:
        plt: ``matplotlib.pyplot`` (see :func:`agg_pyplot`).
        fig: the figure.
        path: the PNG to write.
    """
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
