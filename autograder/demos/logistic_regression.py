"""``autograder train logistic_regression``: train the "3 or 8?" digit classifier.

The lesson's training run with someone's ``model()``: load the bundled digits, flatten and
standardize them, train with the course's settings (2000 iterations, learning rate 0.5),
report train and test accuracy and save the learning curve.
"""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np

from autograder.datasets import flatten_and_standardize, load_digits_binary
from autograder.demos import agg_pyplot, save_png

NUM_ITERATIONS = 2000
LEARNING_RATE = 0.5
PLOT_NAME = "logistic_regression_costs.png"


def accuracy(Y_prediction: np.ndarray, Y: np.ndarray) -> float:
    """Percentage of predictions equal to the labels (the course's formula).

    Args:
        Y_prediction: predictions, shape ``(1, m)``, values 0/1.
        Y: labels, shape ``(1, m)``.

    Returns:
        ``100 - mean(|Y_prediction - Y|) * 100``.
    """
    return float(100.0 - np.mean(np.abs(np.asarray(Y_prediction, dtype=np.float64) - Y)) * 100.0)


def train(impl: types.ModuleType) -> tuple[dict, dict[str, float]]:
    """Train ``impl.model`` on the digits and return its dict and the accuracies.

    Args:
        impl: a module defining the unit's functions (``model`` and its building blocks).

    Returns:
        ``(d, {"train": %, "test": %, "m_train": int, "m_test": int})``.
    """
    train_x_orig, train_y, test_x_orig, test_y, _ = load_digits_binary()
    train_x = flatten_and_standardize(train_x_orig)
    test_x = flatten_and_standardize(test_x_orig)
    d = impl.model(
        train_x,
        train_y,
        test_x,
        test_y,
        num_iterations=NUM_ITERATIONS,
        learning_rate=LEARNING_RATE,
        print_cost=False,
    )
    stats = {
        "train": accuracy(d["Y_prediction_train"], train_y),
        "test": accuracy(d["Y_prediction_test"], test_y),
        "m_train": train_y.shape[1],
        "m_test": test_y.shape[1],
    }
    return d, stats


def run(impl: types.ModuleType, out_dir: Path) -> str:
    """Train, save the cost curve to ``out_dir`` and return the report.

    ``impl``, ``out_dir`` and the report are those of every demo (see :mod:`autograder.demos`).
    """
    d, stats = train(impl)
    costs = [float(np.squeeze(c)) for c in d["costs"]]
    plt = agg_pyplot()
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(
        [100 * i for i in range(len(costs))],
        costs,
        marker="o",
        markersize=3,
        label=f"training cost (accuracy: train {stats['train']:.1f} %, test {stats['test']:.1f} %)",
    )
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    ax.set_title(f'digits "3" vs "8": logistic regression, learning rate {LEARNING_RATE}')
    ax.legend()
    ax.grid(alpha=0.3)
    path = Path(out_dir) / PLOT_NAME
    save_png(plt, fig, path)
    lines = [
        "logistic regression on 8x8 digits: 3 (label 1) vs 8 (label 0)",
        f"  data:      {stats['m_train']} training and {stats['m_test']} test images, "
        "64 features in [0, 1]",
        f"  training:  {NUM_ITERATIONS} iterations, learning rate {LEARNING_RATE}",
        f"  cost:      {costs[0]:.4f} at iteration 0 -> {costs[-1]:.4f} at iteration "
        f"{100 * (len(costs) - 1)}"
        if costs
        else "  cost:      (no costs recorded)",
        f"  accuracy:  train {stats['train']:.1f} %, test {stats['test']:.1f} %",
        f"  plot:      {path}",
    ]
    return "\n".join(lines)
