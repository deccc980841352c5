"""``autograder train derivatives``: nudges, their errors, and gradient descent on a bowl.

Two plots from someone's unit-1 functions: the error of the forward and the centred
difference of $f(a) = a^3$ at $a = 2$ as the nudge shrinks (slopes 1 and 2 on a log-log
scale), and the path of gradient descent on $J(w) = (w - 3)^2 + 1$ for three learning
rates, one of them too large.
"""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np

from autograder.demos import agg_pyplot, save_png
from autograder.lesson_functions import LessonFunction

CUBE = LessonFunction("cube")
BOWL = LessonFunction("bowl")
BOWL_SLOPE = LessonFunction("bowl_slope")
EPSILONS = (1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4)
LEARNING_RATES = (0.1, 0.5, 1.05)
W0 = 0.0
NUM_ITERATIONS = 20
PLOT_NAME = "derivatives.png"


def difference_errors(impl: types.ModuleType, a: float = 2.0) -> dict[str, list[float]]:
    """Absolute errors of both differences of ``a**3`` against the exact slope ``3 a**2``."""
    exact = 3.0 * a**2
    return {
        name: [abs(float(getattr(impl, name)(CUBE, a, eps)) - exact) for eps in EPSILONS]
        for name in ("forward_difference", "centered_difference")
    }


def run(impl: types.ModuleType, out_dir: Path) -> str:
    """Compute the errors and descent paths, save the plot in ``out_dir``, return the report.

    ``impl``, ``out_dir`` and the report are those of every demo (see :mod:`autograder.demos`).
    """
    errors = difference_errors(impl)
    runs = {
        lr: impl.gradient_descent(BOWL, BOWL_SLOPE, W0, lr, NUM_ITERATIONS) for lr in LEARNING_RATES
    }
    plt = agg_pyplot()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    for name, errs in errors.items():
        ax1.loglog(EPSILONS, errs, marker="o", label=name)
    ax1.set_xlabel("epsilon")
    ax1.set_ylabel("|estimate - 3a^2|")
    ax1.set_title("slope of a^3 at a = 2")
    ax1.legend()
    ax1.grid(alpha=0.3, which="both")
    for lr, (_, costs) in runs.items():
        ax2.semilogy(
            range(len(costs)),
            np.asarray(costs, dtype=float) - 1.0 + 1e-16,
            marker=".",
            label=f"learning rate {lr}",
        )
    ax2.set_xlabel("update")
    ax2.set_ylabel("J(w) - min J")
    ax2.set_title(f"gradient descent on J(w) = (w - 3)^2 + 1 from w = {W0}")
    ax2.legend()
    ax2.grid(alpha=0.3, which="both")
    path = Path(out_dir) / PLOT_NAME
    save_png(plt, fig, path)
    ratio = {
        name: errs[EPSILONS.index(1e-2)] / errs[EPSILONS.index(1e-3)]
        for name, errs in errors.items()
    }
    lines = ["derivatives: finite differences and gradient descent"]
    lines.append(
        "  error of the slope of a^3 at a = 2 when epsilon shrinks 10x (1e-2 -> 1e-3): "
        f"forward / {ratio['forward_difference']:.0f}, centred / {ratio['centered_difference']:.0f}"
    )
    for lr, (w, costs) in runs.items():
        if float(costs[-1]) > float(costs[0]):
            verdict = "diverges: the learning rate is too large"
        elif abs(float(w) - 3.0) < 1e-3:
            verdict = "converged"
        else:
            verdict = "still descending"
        lines.append(
            f"  learning rate {lr}: w = {float(w):.4f} after {NUM_ITERATIONS} updates, "
            f"J = {float(costs[-1]):.4g} ({verdict}; the minimum is at w = 3)"
        )
    lines.append(f"  plot: {path}")
    return "\n".join(lines)
