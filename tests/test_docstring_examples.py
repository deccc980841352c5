"""The examples in every docstring (the spec students read) are true of the reference."""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest

from autograder import units


@pytest.mark.parametrize("unit", units.available())
def test_docstring_examples_hold_for_the_reference(unit):
    module = importlib.import_module(f"solutions.{unit}")
    np.random.seed(0)
    result = doctest.testmod(
        module, extraglobs={"np": np}, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 0
    assert result.failed == 0
