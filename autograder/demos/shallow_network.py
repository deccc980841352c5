"""Lesson demo of unit 4: a one-hidden-layer network on the planar "flower" data set.

``autograder train shallow_network [--impl solutions] [--out plots]`` runs :func:`run`:

1. logistic regression (scikit-learn) on the flower data: a straight boundary, about 47%;
2. ``nn_model(X, Y, n_h=4, num_iterations=10000)`` with the given implementation: about 90%;
3. the symmetry lesson: training from all-zero weights leaves every hidden unit identical,
   shown next to the distinct units a random initialization gives;
4. (optional) the hidden-size sweep of the lesson, n_h in 1, 2, 3, 4, 5, 20, 50, and random
   restarts with ``train_with_restarts``.

Plots are saved as PNG files in the output folder: the decision boundaries
(``shallow_network_boundary.png``, ``shallow_network_hidden_sizes.png``) and the hidden units'
weights after training from zero and from random weights (``shallow_network_symmetry.png``).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path

import numpy as np

from autograder.demos import agg_pyplot, save_png
from autograder.planar import load_planar_dataset

HIDDEN_SIZES = (1, 2, 3, 4, 5, 20, 50)


def accuracy(predictions: np.ndarray, Y: np.ndarray) -> float:
    """Fraction of examples whose prediction (0/1 or bool, any shape of m) equals the label."""
    p = np.asarray(predictions, dtype=np.float64).reshape(Y.shape)
    return float(np.mean(p == Y))


#: Colours of the two classes (points) and of the regions the model predicts for them.
POINT_COLOURS = ("#b2182b", "#2166ac")
REGION_COLOURS = ("#f4a582", "#92c5de")
FEATURES = ("$x_1$", "$x_2$")


def plot_decision_boundary(
    predict: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    ax,  # noqa: ANN001 - a matplotlib Axes
    title: str,
) -> None:
    """Colour the plane by ``predict`` (columns are points) and scatter the data on top.

    The axes get the features as labels and the title; :func:`class_legend` gives the
    legend of the colours.
    """
    pad = 1.0
    x_min, x_max = X[0].min() - pad, X[0].max() + pad
    y_min, y_max = X[1].min() - pad, X[1].max() + pad
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, 200), np.linspace(y_min, y_max, 200))
    grid = np.c_[xx.ravel(), yy.ravel()].T
    zz = np.asarray(predict(grid), dtype=np.float64).reshape(xx.shape)
    ax.contourf(xx, yy, zz, levels=[-0.5, 0.5, 1.5], colors=REGION_COLOURS, alpha=0.8)
    labels = np.asarray(Y).ravel() > 0.5
    colours = np.where(labels, POINT_COLOURS[1], POINT_COLOURS[0])
    ax.scatter(X[0], X[1], c=colours, s=12, edgecolors="k", linewidths=0.3)
    ax.set_title(title, fontsize=9)
    ax.set_xlabel(FEATURES[0])
    ax.set_ylabel(FEATURES[1])


def class_legend(ax, **kwargs) -> None:  # noqa: ANN001 - a matplotlib Axes
    """Add the legend of :func:`plot_decision_boundary`'s colours to ``ax``."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], ls="", marker="o", mec="k", mfc=POINT_COLOURS[0], label="class 0 (y = 0)"),
        Line2D([], [], ls="", marker="o", mec="k", mfc=POINT_COLOURS[1], label="class 1 (y = 1)"),
        Patch(color=REGION_COLOURS[0], label="predicted 0"),
        Patch(color=REGION_COLOURS[1], label="predicted 1"),
    ]
    ax.legend(handles=handles, **kwargs)


def logistic_regression(X: np.ndarray, Y: np.ndarray):  # noqa: ANN201
    """Fit scikit-learn's logistic regression; return ``(predict(columns), accuracy)``."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression()
    clf.fit(X.T, Y.ravel())
    return (lambda cols: clf.predict(cols.T)), accuracy(clf.predict(X.T), Y)


def train_from(
    impl: types.ModuleType,
    X: np.ndarray,
    Y: np.ndarray,
    parameters: dict[str, np.ndarray],
    num_iterations: int,
) -> dict[str, np.ndarray]:
    """Gradient descent from given parameters with the implementation's own blocks.

    Args:
        impl: the unit's implementation (forward, backward and update are used).
        X: data ``(n_x, m)``.
        Y: labels ``(1, m)``.
        parameters: the starting ``W1, b1, W2, b2``.
        num_iterations: gradient-descent steps.

    Returns:
        The trained parameters.
    """
    for _ in range(num_iterations):
        A2, cache = impl.forward_propagation(X, parameters)
        grads = impl.backward_propagation(parameters, cache, X, Y)
        parameters = impl.update_parameters(parameters, grads)
    return parameters


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
    return train_from(impl, X, Y, parameters, num_iterations)


def random_init_training(
    impl: types.ModuleType, X: np.ndarray, Y: np.ndarray, n_h: int = 4, num_iterations: int = 1000
) -> dict[str, np.ndarray]:
    """Train from the implementation's random initialization (seeded as ``nn_model`` is)."""
    np.random.seed(3)
    parameters = impl.initialize_parameters(X.shape[0], n_h, Y.shape[0])
    return train_from(impl, X, Y, parameters, num_iterations)


def unit_weights(parameters: dict[str, np.ndarray]) -> np.ndarray:
    """One row per hidden unit: its incoming weights, its bias and its outgoing weight(s)."""
    return np.hstack(
        [
            np.asarray(parameters["W1"], dtype=np.float64),
            np.asarray(parameters["b1"], dtype=np.float64).reshape(-1, 1),
            np.asarray(parameters["W2"], dtype=np.float64).T,
        ]
    )


def plot_symmetry(
    plt,  # noqa: ANN001 - matplotlib.pyplot
    runs: dict[str, tuple[dict[str, np.ndarray], float]],
    num_iterations: int,
    path: Path,
) -> None:
    """Heat maps of every hidden unit's weights after training, one panel per initialization.

    Args:
        plt: ``matplotlib.pyplot``.
        runs: ``{initialization name: (trained parameters, accuracy)}``.
        num_iterations: the gradient-descent steps both runs took.
        path: the PNG to write.
    """
    tables = {name: unit_weights(p) for name, (p, _) in runs.items()}
    limit = max(float(np.max(np.abs(t))) for t in tables.values()) or 1.0
    fig, axes = plt.subplots(
        1, len(tables), figsize=(5.5 * len(tables) + 1, 4.4), layout="constrained"
    )
    image = None
    for ax, (name, table) in zip(np.atleast_1d(axes), tables.items()):
        n_h, n_x = table.shape[0], table.shape[1] - 2
        image = ax.imshow(table, cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto")
        for (i, j), value in np.ndenumerate(table):
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8)
        columns = [f"$W1$ from {FEATURES[k]}" for k in range(n_x)] + ["$b1$", "$W2$"]
        ax.set_xticks(range(len(columns)), columns, fontsize=8)
        ax.set_yticks(range(n_h), [f"unit {i + 1}" for i in range(n_h)])
        ax.set_xlabel("parameter of the hidden unit")
        ax.set_ylabel("hidden unit")
        ax.set_title(
            f"{name} initialization\n{distinct_units(table)} distinct unit(s) of {n_h}, "
            f"training accuracy {runs[name][1]:.1%}",
            fontsize=10,
        )
    fig.colorbar(image, ax=axes, label="weight value", shrink=0.9)
    fig.suptitle(
        f"Every hidden unit's weights after {num_iterations} iterations: from zero weights the "
        "units stay identical\n(symmetry is never broken); from random weights each unit "
        "learns a different feature"
    )
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)


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

    fig, axes = plt.subplots(1, 2, figsize=(10, 4.6))
    plot_decision_boundary(lr_predict, X, Y, axes[0], f"logistic regression: {lr_acc:.1%}")
    plot_decision_boundary(
        lambda cols: impl.predict(parameters, cols),
        X,
        Y,
        axes[1],
        f"network with n_h = 4 hidden units: {nn_acc:.1%}",
    )
    class_legend(axes[1], loc="upper right", fontsize=7, framealpha=0.9)
    fig.suptitle("Decision boundaries on the flower data set (training accuracy)")
    path = out_dir / "shallow_network_boundary.png"
    save_png(plt, fig, path)
    lines.append(f"saved {path}")

    iterations = 1000
    zero = zero_init_training(impl, X, Y, num_iterations=iterations)
    rand = random_init_training(impl, X, Y, num_iterations=iterations)
    zero_acc = accuracy(impl.predict(zero, X), Y)
    lines.append(
        f"zero initialization, {iterations} iterations: "
        f"{distinct_units(zero['W1'])} distinct hidden unit(s) out of {zero['W1'].shape[0]}, "
        f"accuracy {zero_acc:.1%} (symmetry is never broken)"
    )
    path = out_dir / "shallow_network_symmetry.png"
    plot_symmetry(
        plt,
        {"zero": (zero, zero_acc), "random": (rand, accuracy(impl.predict(rand, X), Y))},
        iterations,
        path,
    )
    lines.append(f"saved {path}")

    if sweep:
        fig, axes = plt.subplots(2, 4, figsize=(13, 6.8))
        lines.append("hidden-layer sizes (5000 iterations each):")
        for ax, n_h in zip(axes.ravel(), HIDDEN_SIZES):
            p = impl.nn_model(X, Y, n_h=n_h, num_iterations=5000)
            acc = accuracy(impl.predict(p, X), Y)
            lines.append(f"  n_h = {n_h:2d}: accuracy {acc:.1%}")
            plot_decision_boundary(
                lambda cols, p=p: impl.predict(p, cols), X, Y, ax, f"n_h = {n_h}: {acc:.1%}"
            )
            if ax is not axes[0, -1]:  # the panel above the legend keeps its x axis
                ax.label_outer()
        legend_ax = axes.ravel()[-1]
        legend_ax.axis("off")
        class_legend(legend_ax, loc="center", title="colours")
        fig.suptitle(
            "Decision boundary and training accuracy for each hidden-layer size n_h "
            "(5000 iterations each)"
        )
        path = out_dir / "shallow_network_hidden_sizes.png"
        save_png(plt, fig, path)
        lines.append(f"saved {path}")

        best, costs = impl.train_with_restarts(X, Y, 3, num_restarts=5, num_iterations=1000)
        lines.append(
            "random restarts, n_h = 3, 1000 iterations each: final costs "
            + ", ".join(f"{c:.4f}" for c in costs)
            + f"; the best one kept reaches {accuracy(impl.predict(best, X), Y):.1%}"
        )
    return "\n".join(lines)
