"""The examples in every docstring (the spec students read) are true of the reference."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

from autograder import units
from autograder.engine import load_reference
from autograder.mistakes import catalogue


@pytest.mark.parametrize("unit", units.available())
def test_docstring_examples_hold_for_the_reference(unit):
    module = load_reference(unit)
    np.random.seed(0)
    result = doctest.testmod(
        module, extraglobs={"np": np}, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 0
    assert result.failed == 0


#: Known mistakes about averaging over the m examples that the try-it examples must expose:
#: with m = 1 (or the visible check's m = 3) they would pass silently.
AVERAGING_MISTAKES = [
    ("numpy_basics", "propagate_loops", "fixed_m"),
    ("logistic_regression", "propagate", "no_mean"),
    ("logistic_regression", "propagate", "grads_no_mean"),
    ("logistic_regression", "propagate", "fixed_m"),
    ("shallow_network", "compute_cost", "no_mean"),
    ("shallow_network", "backward_propagation", "no_mean"),
    ("deep_network", "compute_cost", "no_mean"),
    ("deep_network", "linear_backward", "no_mean"),
    ("deep_network", "linear_backward", "da_mean"),
]


def _run_examples(unit: str, function: str, namespace: dict) -> doctest.TestResults:
    reference = load_reference(unit)
    (test,) = doctest.DocTestFinder().find(getattr(reference, function), function, globs=namespace)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=lambda _: None)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize(("unit", "function", "mistake_id"), AVERAGING_MISTAKES)
def test_examples_expose_averaging_mistakes(unit, function, mistake_id):
    reference = load_reference(unit)
    (m,) = [m for m in catalogue(unit) if (m.function, m.id) == (function, mistake_id)]
    assert _run_examples(unit, m.function, dict(vars(reference))).failed == 0
    wrong = dict(vars(reference))
    exec(compile(m.source(reference), f"<mistake {m.id}>", "exec"), wrong)
    assert _run_examples(unit, m.function, wrong).failed > 0, f"{m.function}: {m.title}"
