"""Demo of unit 5: train a 2-layer and a 4-layer network on the digits "3 vs 8" task.

As in the course's application notebook: the same data for both models, the course's
hyper-parameters (learning rate 0.0075, 3000 iterations, ``np.random.seed(1)`` before each
model), train and test accuracy, the cost curves, and a look at the misclassified test
images. ``run`` uses only the implementation's own functions.
"""

from __future__ import annotations

import types
from pathlib import Path

import numpy as np

from autograder.datasets import flatten_and_standardize, load_digits_binary
from autograder.demos import agg_pyplot, save_png

TWO_LAYER_DIMS = (64, 7, 1)
L_LAYER_DIMS = [64, 20, 7, 5, 1]
LEARNING_RATE = 0.0075
NUM_ITERATIONS = 3000
MAX_SHOWN = 8


def predict(impl: types.ModuleType, X: np.ndarray, parameters: dict) -> np.ndarray:
    """Return the ``(1, m)`` 0./1. predictions ``AL > 0.5`` of the implementation's network."""
    AL, _ = impl.L_model_forward(X, parameters)
    return (np.asarray(AL) > 0.5).astype(np.float64)


def accuracy(pred: np.ndarray, Y: np.ndarray) -> float:
    """Share of correct predictions."""
    return float(np.mean(pred == Y))


def train_both(impl: types.ModuleType, num_iterations: int = NUM_ITERATIONS) -> dict:
    """Train both models on the digits data; return data, parameters, costs and accuracies."""
    train_x_orig, train_y, test_x_orig, test_y, classes = load_digits_binary()
    train_x = flatten_and_standardize(train_x_orig)
    test_x = flatten_and_standardize(test_x_orig)
    out: dict = {"classes": classes, "test_images": test_x_orig, "test_y": test_y, "models": {}}
    for name, fn, dims in (
        ("2-layer", impl.two_layer_model, TWO_LAYER_DIMS),
        ("4-layer", impl.L_layer_model, L_LAYER_DIMS),
    ):
        np.random.seed(1)
        parameters, costs = fn(
            train_x,
            train_y,
            dims,
            learning_rate=LEARNING_RATE,
            num_iterations=num_iterations,
            print_cost=False,
        )
        pred_train = predict(impl, train_x, parameters)
        pred_test = predict(impl, test_x, parameters)
        out["models"][name] = {
            "dims": list(dims),
            "costs": [float(np.squeeze(c)) for c in costs],
            "train_accuracy": accuracy(pred_train, train_y),
            "test_accuracy": accuracy(pred_test, test_y),
            "pred_test": pred_test,
        }
    out["m_train"], out["m_test"] = train_x.shape[1], test_x.shape[1]
    return out


def _plot_costs(plt, result: dict, path: Path) -> None:  # noqa: ANN001
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, model in result["models"].items():
        its = np.arange(len(model["costs"])) * 100
        ax.plot(its, model["costs"], label=f"{name} {model['dims']}")
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost")
    ax.set_title(f"Cross-entropy cost, learning rate {LEARNING_RATE}")
    ax.legend()
    save_png(plt, fig, path)


def _plot_misclassified(plt, result: dict, path: Path) -> dict[str, int]:  # noqa: ANN001
    classes = result["classes"]
    test_y = result["test_y"]
    names = list(result["models"])
    wrong = {n: np.flatnonzero(result["models"][n]["pred_test"] != test_y) for n in names}
    fig, axes = plt.subplots(len(names), MAX_SHOWN, figsize=(1.3 * MAX_SHOWN + 1, 1.7 * len(names)))
    fig.subplots_adjust(left=0.12, right=0.98, top=0.82, bottom=0.04, hspace=0.5)
    for row, name in enumerate(names):
        idx = wrong[name][:MAX_SHOWN]
        for col in range(MAX_SHOWN):
            ax = axes[row, col]
            ax.axis("off")
            if col < len(idx):
                i = int(idx[col])
                pred = int(result["models"][name]["pred_test"][0, i])
                ax.imshow(result["test_images"][i], cmap="gray_r", vmin=0, vmax=16)
                ax.set_title(f"said {classes[pred]}", fontsize=8)
        box = axes[row, 0].get_position()
        label = f"{name}\n{len(wrong[name])} wrong"
        fig.text(0.01, (box.y0 + box.y1) / 2, label, fontsize=9, va="center")
        if len(idx) == 0:
            axes[row, 0].text(
                0.0, 0.5, "none to show", fontsize=9, transform=axes[row, 0].transAxes
            )
    fig.suptitle("Misclassified test images (label: what the network said)")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return {n: len(w) for n, w in wrong.items()}


def run(impl: types.ModuleType, out_dir: Path) -> str:
    """Train both models with ``impl``, save the plots in ``out_dir``, return the report.

    Args:
        impl: the implementation module (``exercises/deep_network.py`` or the reference).
        out_dir: folder for ``deep_network_costs.png`` and ``deep_network_misclassified.png``.

    Returns:
        The report: data sizes, accuracy of each model and the plot paths.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = train_both(impl)
    plt = agg_pyplot()
    cost_path = out_dir / "deep_network_costs.png"
    wrong_path = out_dir / "deep_network_misclassified.png"
    _plot_costs(plt, result, cost_path)
    n_wrong = _plot_misclassified(plt, result, wrong_path)
    lines = [
        f"digits '3' vs '8': {result['m_train']} training and {result['m_test']} test images "
        f"of 8x8 pixels; learning rate {LEARNING_RATE}, {NUM_ITERATIONS} iterations",
    ]
    for name, model in result["models"].items():
        lines.append(
            f"{name} network {model['dims']}: cost {model['costs'][0]:.4f} -> "
            f"{model['costs'][-1]:.4f}, train accuracy {100 * model['train_accuracy']:.1f} %, "
            f"test accuracy {100 * model['test_accuracy']:.1f} % "
            f"({n_wrong[name]} test images misclassified)"
        )
    lines.append(f"cost curves: {cost_path}")
    lines.append(f"misclassified test images: {wrong_path}")
    return "\n".join(lines)
