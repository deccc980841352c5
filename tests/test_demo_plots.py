"""Every figure `autograder train` saves has a title, axis labels and a legend (or colour bar).

The figures are caught as the demos save them (``Figure.savefig``), run with the reference.
"""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from matplotlib.figure import Figure

from autograder.demos import load_impl
from autograder.engine import load_reference
from autograder.planar import load_planar_dataset

DEMO_UNITS = ("derivatives", "logistic_regression", "shallow_network", "deep_network")


def _data_axes(fig: Figure) -> list:
    """Axes that show data (not colour bars, not emptied legend holders)."""
    out = []
    for ax in fig.axes:
        if hasattr(ax, "_colorbar"):
            continue
        if ax.lines or ax.collections or ax.images or ax.patches:
            out.append(ax)
    return out


def _has_key(fig: Figure) -> bool:
    """A legend somewhere in the figure, or a colour bar."""
    return bool(fig.legends) or any(
        ax.get_legend() is not None or hasattr(ax, "_colorbar") for ax in fig.axes
    )


@pytest.fixture
def saved_figures(monkeypatch):
    figures: list[tuple[str, Figure]] = []
    original = Figure.savefig

    def spy(self, fname, *args, **kwargs):
        figures.append((str(fname), self))
        return original(self, fname, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", spy)
    return figures


@pytest.mark.parametrize("unit", DEMO_UNITS)
def test_every_figure_has_titles_axis_labels_and_a_legend(unit, tmp_path, saved_figures):
    demo = importlib.import_module(f"autograder.demos.{unit}")
    demo.run(load_reference(unit), tmp_path)
    assert saved_figures
    for name, fig in saved_figures:
        axes = _data_axes(fig)
        assert axes, name
        suptitle = fig._suptitle.get_text() if fig._suptitle else ""
        assert suptitle or all(ax.get_title() for ax in axes), f"{name}: no title"
        charts = [ax for ax in axes if ax.axison]  # image grids (digits) have no axes
        if not charts:
            continue
        assert all(ax.get_title() or suptitle for ax in charts), f"{name}: untitled panel"
        assert any(ax.get_xlabel() for ax in charts), f"{name}: no x-axis label"
        assert any(ax.get_ylabel() for ax in charts), f"{name}: no y-axis label"
        assert _has_key(fig), f"{name}: no legend or colour bar"


def test_symmetry_figure_shows_identical_units_from_zero_and_distinct_from_random(tmp_path):
    from autograder.demos import shallow_network as demo

    ref = load_impl(load_reference("shallow_network").__file__, "shallow_network")
    X, Y = load_planar_dataset()
    zero = demo.unit_weights(demo.zero_init_training(ref, X, Y, num_iterations=200))
    rand = demo.unit_weights(demo.random_init_training(ref, X, Y, num_iterations=200))
    assert zero.shape == rand.shape == (4, X.shape[0] + 2)
    assert demo.distinct_units(zero) == 1 and np.all(zero == zero[0])
    assert demo.distinct_units(rand) == 4
