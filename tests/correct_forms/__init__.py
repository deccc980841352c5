"""Correct implementations of the course functions, written the ways real students write them.

One module per unit, each a table ``VARIANTS = {function: [source, ...]}``. Every source is
correct in the course's setting (its release's names, signatures, template lines and helper
modules) and differs from the reference and from the others; ``tests/test_correct_forms.py``
grades each one and asserts full marks. A source may define several functions (a 2017
``nn_model`` with the 2017 ``compute_cost`` it calls); every function it defines is graded.
"""

from __future__ import annotations

from . import deep_network, logistic_regression, numpy_basics, shallow_network

VARIANTS: dict[str, dict[str, list[str]]] = {
    "numpy_basics": numpy_basics.VARIANTS,
    "logistic_regression": logistic_regression.VARIANTS,
    "shallow_network": shallow_network.VARIANTS,
    "deep_network": deep_network.VARIANTS,
}
