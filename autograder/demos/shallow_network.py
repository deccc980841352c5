"""Lesson demo of unit 4: a one-hidden-layer network on the planar "flower" data set.

``autograder train shallow_network [--impl solutions] [--out plots]`` runs :func:`run`:

1. logistic regression (scikit-learn) on the flower data: a straight boundary, about 47%;
2. ``nn_model(X, Y, n_h=4, num_iterations=10000)`` with the given implementation: about 90%;
3. the symmetry lesson: training from all-zero weights leaves every hidden unit identical;
4. (optional) the hidden-size sweep of the lesson, n_h in 1, 2, 3, 4, 5, 20, 50, and random
   restarts with ``train_with_restarts``.

Plots (decision boundaries) are saved as PNG files in the output folder.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path

import numpy as np

from autograder.demos import agg_pyplot
from autograder.planar import load_planar_dataset

HIDDEN_SIZES = (1, 2, 3, 4, 5, 20, 50)


def accuracy(predictions: np.ndarray, Y: np.ndarray) -> float:
    """Fraction of examples whose prediction (0/1 or bool, any shape of m) equals the label."""
    p = np.asarray(predictions, dtype=np.float64).reshape(Y.shape)
    return float(np.mean(p == Y))


def plot_decision_boundary(
    predict: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    ax,  # noqa: ANN001 - a matplotlib Axes
    title: str,
) -> None:
    """Colour the plane by ``predict`` (columns are points) and scatter the data on top."""
    pad = 1.0
    x_min, x_max = X[0].min() - pad, X[0].max() + pad
    y_min, y_max = X[1].min() - pad, X[1].max() + pad
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, 200), np.linspace(y_min, y_max, 200))
    grid = np.c_[xx.ravel(), yy.ravel()].T
    zz = np.asarray(predict(grid), dtype=np.float64).reshape(xx.shape)
    ax.contourf(xx, yy, zz, levels=[-0.5, 0.5, 1.5], cmap="Spectral", alpha=0.8)
    ax.scatter(X[0], X[1], c=Y.ravel(), s=12, cmap="Spectral", edgecolors="k", linewidths=0.3)
    ax.set_title(title, fontsize=9)
    ax.set_xticks([])
    ax.set_yticks([])


def logistic_regression(X: np.ndarray, Y: np.ndarray):  # noqa: ANN201
    """Fit scikit-learn's logistic regression; return ``(predict(columns), accuracy)``."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression()
    clf.fit(X.T, Y.ravel())
    return (lambda cols: clf.predict(cols.T)), accuracy(clf.predict(X.T), Y)


def zero_init_training(
    impl: types.ModuleType, X: np.ndarray, Y: np.ndarray, n_h: int = 4, num_iterations: int = 1000
) -> dict[str, np.ndarray]:
    """Train from all-zero weights with the implementation's own blocks.

    Args:
        impl: the unit's implementation (forward, backward and update are used).
        X: data ``(n_x, m)``.
        Y: labels ``(1, m)``.
        n_h: hidden units.
        num_iterations: gradient-descent steps.

    Returns:
        The trained parameters: every row of ``W1`` (every hidden unit) is the same.
    """
    n_x, n_y = X.shape[0], Y.shape[0]
    parameters = {
        "W1": np.zeros((n_h, n_x)),
        "b1": np.zeros((n_h, 1)),
        "W2": np.zeros((n_y, n_h)),
        "b2": np.zeros((n_y, 1)),
    }
    for _ in range(num_iterations):
        A2, cache = impl.forward_propagation(X, parameters)
        grads = impl.backward_propagation(parameters, cache, X, Y)
        parameters = impl.update_parameters(parameters, grads)
    return parameters


def distinct_units(W1: np.ndarray, tol: float = 1e-12) -> int:
    """Number of distinct hidden units (rows of ``W1``, up to ``tol``)."""
    rows: list[np.ndarray] = []
    for row in np.asarray(W1, dtype=np.float64):
        if not any(np.max(np.abs(row - r)) <= tol for r in rows):
            rows.append(row)
    return len(rows)


def run(impl: types.ModuleType, out_dir: Path, *, sweep: bool = True) -> str:
    """Train on the flower data set with ``impl``, save the plots, return the report.

    Args:
        impl: the implementation module (student's exercises or the reference).
        out_dir: folder for the PNG files (must exist).
        sweep: also run the hidden-size sweep and the random restarts (a few seconds more).

    Returns:
        The text report.
    """
    plt = agg_pyplot()
    out_dir = Path(out_dir)
    X, Y = load_planar_dataset()
    lines = [f"planar flower data set: X {X.shape}, Y {Y.shape}, {int(Y.sum())} of class 1"]

    lr_predict, lr_acc = logistic_regression(X, Y)
    parameters = impl.nn_model(X, Y, n_h=4, num_iterations=10000)
    nn_acc = accuracy(impl.predict(parameters, X), Y)
    lines.append(f"logistic regression (scikit-learn) accuracy: {lr_acc:.1%}")
    lines.append(f"network with n_h = 4 (10000 iterations) accuracy: {nn_acc:.1%}")

    fig, axes = plt.subplots(1, 2, figsize=(9, 4))
    plot_decision_boundary(lr_predict, X, Y, axes[0], f"logistic regression: {lr_acc:.1%}")
    plot_decision_boundary(
        lambda cols: impl.predict(parameters, cols), X, Y, axes[1], f"n_h = 4: {nn_acc:.1%}"
    )
    fig.tight_layout()
    path = out_dir / "shallow_network_boundary.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    lines.append(f"saved {path}")

    zero = zero_init_training(impl, X, Y)
    lines.append(
        "zero initialization, 1000 iterations: "
        f"{distinct_units(zero['W1'])} distinct hidden unit(s) out of {zero['W1'].shape[0]}, "
        f"accuracy {accuracy(impl.predict(zero, X), Y):.1%} (symmetry is never broken)"
    )

    if sweep:
        fig, axes = plt.subplots(2, 4, figsize=(12, 6))
        lines.append("hidden-layer sizes (5000 iterations each):")
        for ax, n_h in zip(axes.ravel(), HIDDEN_SIZES):
            p = impl.nn_model(X, Y, n_h=n_h, num_iterations=5000)
            acc = accuracy(impl.predict(p, X), Y)
            lines.append(f"  n_h = {n_h:2d}: accuracy {acc:.1%}")
            plot_decision_boundary(
                lambda cols, p=p: impl.predict(p, cols), X, Y, ax, f"n_h = {n_h}: {acc:.1%}"
            )
        axes.ravel()[-1].axis("off")
        fig.tight_layout()
        path = out_dir / "shallow_network_hidden_sizes.png"
        fig.savefig(path, dpi=100)
        plt.close(fig)
        lines.append(f"saved {path}")

        best, costs = impl.train_with_restarts(X, Y, 3, num_restarts=5, num_iterations=1000)
        lines.append(
            "random restarts, n_h = 3, 1000 iterations each: final costs "
            + ", ".join(f"{c:.4f}" for c in costs)
            + f"; the best one kept reaches {accuracy(impl.predict(best, X), Y):.1%}"
        )
    return "\n".join(lines)
