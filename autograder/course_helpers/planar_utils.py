r"""The course's ``planar_utils``: the flower data set, a sigmoid and a boundary plot.

The flower generator is also the kit's own (:mod:`autograder.planar` uses :func:`flower`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    r"""The logistic function $1 / (1 + e^{-x})$, elementwise, without overflow.

    Args:
        x: a number or an array.

    Returns:
        An array shaped like ``x``.
    """
    z = np.array(x, dtype=float)
    small = np.exp(-np.abs(z))
    return np.where(z < 0, small / (1 + small), 1 / (1 + small))


def flower(
    m: int = 400, seed: int = 1, petal_length: float = 4.0, noise: float = 0.2
) -> tuple[np.ndarray, np.ndarray]:
    r"""The flower data set: two classes on the interleaved petals of $r = a\sin(4\theta)$.

    Math:
        class $j \in \{0, 1\}$ has $m/2$ points with
        $\theta = \text{linspace}(3.12 j, 3.12 (j+1)) + \epsilon_\theta$,
        $r = a \sin(4\theta) + \epsilon_r$, $x = (r \sin\theta, r \cos\theta)$, the noise
        drawn from its own ``RandomState(seed)`` (numpy's global generator is untouched).

    Args:
        m: number of examples (even).
        seed: seed of the generator (1 gives the course's data set).
        petal_length: the maximum radius $a$.
        noise: standard deviation of the noise on $\theta$ and $r$.

    Returns:
        ``(X, Y)``: float64 arrays of shapes ``(2, m)`` and ``(1, m)``, ``Y`` 0.0 then 1.0.

    Raises:
        ValueError: if ``m`` is not a positive even number.
    """
    if m <= 0 or m % 2:
        raise ValueError("m must be a positive even number")
    rs = np.random.RandomState(seed)
    n = m // 2
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1))
    for j in range(2):
        ix = slice(n * j, n * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rs.randn(n) * noise
        r = petal_length * np.sin(4 * t) + rs.randn(n) * noise
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T.copy(), Y.T.copy()


def load_planar_dataset() -> tuple[np.ndarray, np.ndarray]:
    """The course's flower data: ``X`` (2, 400) float64 and ``Y`` (1, 400) uint8 labels."""
    X, Y = flower()
    return X, Y.astype(np.uint8)


def plot_decision_boundary(
    model: Callable[[np.ndarray], Any], X: np.ndarray, y: np.ndarray
) -> None:
    """Plot the regions ``model`` predicts over the range of ``X`` and the points of ``X``.

    Args:
        model: maps an ``(k, 2)`` array of points to their predicted classes.
        X: points, shape ``(2, m)``.
        y: labels, shape ``(1, m)``.
    """
    import matplotlib.pyplot as plt

    x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1
    y_min, y_max = X[1, :].min() - 1, X[1, :].max() + 1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.01), np.arange(y_min, y_max, 0.01))
    Z = np.asarray(model(np.c_[xx.ravel(), yy.ravel()])).reshape(xx.shape)
    plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral)
    plt.ylabel("x2")
    plt.xlabel("x1")
    plt.scatter(X[0, :], X[1, :], c=np.ravel(y), cmap=plt.cm.Spectral)


def load_extra_datasets() -> tuple[Any, ...]:
    """The course's other 2-D data sets (circles, moons, blobs, quantiles; needs scikit-learn).

    Returns:
        ``(noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure)``.
    """
    import sklearn.datasets

    n = 200
    noisy_circles = sklearn.datasets.make_circles(n_samples=n, factor=0.5, noise=0.3)
    noisy_moons = sklearn.datasets.make_moons(n_samples=n, noise=0.2)
    blobs = sklearn.datasets.make_blobs(n_samples=n, random_state=5, n_features=2, centers=6)
    gaussian_quantiles = sklearn.datasets.make_gaussian_quantiles(
        mean=None, cov=0.5, n_samples=n, n_features=2, n_classes=2, shuffle=True, random_state=None
    )
    no_structure = np.random.rand(n, 2), np.random.rand(n, 2)
    return noisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure
