"""Helpers shared by the checks of neural-network units (parameter dicts, gradients, symmetry).

Everything here is generic over the layer structure: parameters are a dict of named arrays
(``W1``, ``b1``, ...), gradients the same names prefixed with ``d``. Nothing here calls
student code; checks do that through ``ctx`` and hand the plain results to these helpers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from autograder.asserts import expect_array, expect_keys
from autograder.gradcheck import TOLERANCE, H, expect_gradient, numerical_gradient
from autograder.spec import CheckFailure

#: ``{key: (shape, shape in the course's symbols)}`` describing a parameter or gradient dict.
ShapeSpec = Mapping[str, tuple[tuple[int, ...], str]]


def expect_arrays(
    value: Any,
    name: str,
    spec: ShapeSpec,
    *,
    reshape: bool = False,
    hints: Mapping[str, str] | None = None,
) -> dict[str, np.ndarray]:
    """Check that ``value`` is a dict with exactly the keys of ``spec``, each a float array.

    Args:
        value: plain data returned by student code.
        name: the dict's name in messages (``"parameters"``, ``"grads"``, ``"cache"``).
        spec: expected keys with their shapes and shapes in course symbols.
        reshape: if True, an array with the right number of entries but the wrong shape is
            reshaped instead of failing (for checks that are not about shapes; the shape
            check reports it).
        hints: optional hint per key for a shape mismatch.

    Returns:
        ``{key: float64 array of the expected shape}``.

    Raises:
        CheckFailure: wrong container, keys, type or shape.
    """
    d = expect_keys(value, name, list(spec))
    out = {}
    for key, (shape, text) in spec.items():
        label = f'{name}["{key}"]'
        if reshape:
            arr = expect_array(d[key], label, None, dtype_kind="fiu")
            if arr.size == int(np.prod(shape)):
                out[key] = np.asarray(arr, dtype=np.float64).reshape(shape)
                continue
        arr = expect_array(
            d[key],
            label,
            shape,
            shape_text=text,
            hint=(hints or {}).get(key),
        )
        out[key] = np.asarray(arr, dtype=np.float64)
    return out


def numerical_param_gradients(
    cost: Callable[[dict[str, np.ndarray]], float],
    parameters: Mapping[str, np.ndarray],
    h: float = H,
) -> dict[str, np.ndarray]:
    """Centred-difference gradient of a scalar cost with respect to every parameter.

    Args:
        cost: the cost as a function of a parameter dict (called on copies).
        parameters: the point, ``{name: array}``; not modified.
        h: the step.

    Returns:
        ``{"d" + name: gradient shaped like the parameter}``.
    """
    base = {k: np.array(v, dtype=np.float64, copy=True) for k, v in parameters.items()}
    grads = {}
    for key in base:

        def f(x: np.ndarray, key: str = key) -> float:
            p = dict(base)
            p[key] = x
            return float(cost(p))

        grads["d" + key] = numerical_gradient(f, base[key], h)
    return grads


def gradient_report(
    pairs: Sequence[tuple[str, np.ndarray, np.ndarray]],
    *,
    tol: float = TOLERANCE,
    context: str = "",
    hint: str | None = None,
) -> str:
    """Compare several analytic gradients with numeric ones; report every relative error.

    Args:
        pairs: ``(name, analytic, numeric)`` for each gradient, in the order to report.
        tol: the largest accepted max relative error.
        context: a few words naming the problem (``"n_x=3, n_h=4, m=5"``).
        hint: hint to give on failure.

    Returns:
        On success, the CS231n-style lines joined with ``"; "``
        (``"dW1 max relative error 3.4e-09 (ok < 1e-07); ..."``).

    Raises:
        CheckFailure: (kind ``gradient``) naming the first wrong gradient, with the
            worst entry and the relative error of every gradient.
    """
    notes, first = [], None
    for name, analytic, numeric in pairs:
        try:
            notes.append(expect_gradient(name, analytic, numeric, tol=tol))
        except CheckFailure as exc:
            err = next(text for label, text in exc.lines if label == "error")
            notes.append(err)
            if first is None:
                first = exc
    if first is None:
        return "; ".join(notes)
    where = f" ({context})" if context else ""
    lines = [(label, text) for label, text in first.lines if label != "error"]
    lines += [("gradient", n) for n in notes]
    raise CheckFailure(first.detail[:-1] + where + ".", lines=lines, hint=hint, kind="gradient")


def closest_rows(W: np.ndarray) -> tuple[float, int, int]:
    """Return the smallest Euclidean distance between two rows of ``W`` and their indices.

    Args:
        W: an array of shape ``(units, fan_in)`` with at least two rows.

    Returns:
        ``(distance, i, j)`` with ``i < j``.
    """
    W = np.asarray(W, dtype=np.float64)
    diff = W[:, None, :] - W[None, :, :]
    dist = np.sqrt(np.sum(diff**2, axis=2))
    dist[np.tril_indices(W.shape[0])] = np.inf
    flat = int(np.argmin(dist))
    i, j = np.unravel_index(flat, dist.shape)
    return float(dist[i, j]), int(i), int(j)


def broken_block(function: str) -> Callable[..., Any]:
    """A grader-side function that raises whatever it is given, for a proxy.

    Bound to a student's building block through ``proxies={function: broken_block(...)}``
    to show that a composite function (``nn_model``) really calls the block: the stand-in
    raises ``RuntimeError`` in the student's code, and the composite must fail.

    Args:
        function: the block it stands in for.

    Returns:
        A function that raises ``RuntimeError("<function> failed")``.
    """

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"{function} failed")

    return fail


def rng_fingerprint_after_seed(seed: int) -> str:
    """Fingerprint of numpy's global RNG right after ``np.random.seed(seed)``.

    Compared with :attr:`autograder.submission.CallOutcome.rng_fingerprint` to tell whether a
    call drew from (advanced) the global generator. Restores the global state.
    """
    from autograder.submission import rng_fingerprint

    saved = np.random.get_state()
    try:
        np.random.seed(seed)
        return rng_fingerprint()
    finally:
        np.random.set_state(saved)


def rms(a: np.ndarray) -> float:
    """Root mean square of an array (NaN propagates)."""
    a = np.asarray(a, dtype=np.float64)
    return float(np.sqrt(np.mean(a**2)))
