"""Bundled data sets: no download at run time.

:func:`load_digits_binary` frames scikit-learn's bundled 8×8 handwritten digits (1,797
images, 16 grey levels, read straight from the file scikit-learn ships) as a binary
task, in the shapes of the course's ``load_dataset()``: images are rows of
``(m, 8, 8)`` arrays, labels are ``(1, m)`` rows.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import cache
from pathlib import Path

import numpy as np


@cache
def _digits() -> tuple[np.ndarray, np.ndarray]:
    """Return (images (1797, 8, 8) float64 in [0, 16], labels (1797,) int) from sklearn's file."""
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("scikit-learn is needed for its bundled digits data set")
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "data" / "digits.csv.gz"
    with gzip.open(path, "rt") as fh:
        data = np.loadtxt(fh, delimiter=",", dtype=np.float64)
    images = data[:, :-1].reshape(-1, 8, 8)
    labels = data[:, -1].astype(np.int64)
    return images, labels


def load_digits_binary(
    positive: int = 3, negative: int = 8, test_fraction: float = 0.25, seed: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Load the "is it a {positive}?" task: digit ``positive`` (label 1) vs ``negative`` (0).

    The split is stratified-free but seeded: the same arguments always give the same sets.

    Args:
        positive: the digit labelled 1 (default 3).
        negative: the digit labelled 0 (default 8, the digit most often confused with 3).
        test_fraction: share of the examples kept for the test set.
        seed: seed of the shuffle.

    Returns:
        ``(train_x_orig, train_y, test_x_orig, test_y, classes)``: images of shape
        ``(m, 8, 8)`` with grey levels in $[0, 16]$ (float64), labels of shape ``(1, m)``
        in {0., 1.}, and ``classes = np.array(["not-<positive>", "<positive>"])``.

    Examples:
        >>> tx, ty, sx, sy, classes = load_digits_binary()
        >>> tx.shape[1:], ty.shape[0]
        ((8, 8), 1)
    """
    images, labels = _digits()
    keep = (labels == positive) | (labels == negative)
    x = images[keep]
    y = (labels[keep] == positive).astype(np.float64)
    order = np.random.default_rng(seed).permutation(len(y))
    x, y = x[order], y[order]
    n_test = int(round(test_fraction * len(y)))
    classes = np.array([f"not-{positive}", str(positive)])
    return (
        x[n_test:].copy(),
        y[n_test:].reshape(1, -1).copy(),
        x[:n_test].copy(),
        y[:n_test].reshape(1, -1).copy(),
        classes,
    )


def flatten_and_standardize(images: np.ndarray) -> np.ndarray:
    r"""Flatten ``(m, 8, 8)`` images into columns and scale grey levels to $[0, 1]$.

    Math:
        $X = \text{reshape}(\text{images}, (m, 64))^T / 16$, as the lesson divides pixels by 255.

    Args:
        images: array of shape ``(m, h, w)`` with values in ``[0, 16]``.

    Returns:
        ``X`` of shape ``(h*w, m)``: one example per column.
    """
    return images.reshape(images.shape[0], -1).T / 16.0
