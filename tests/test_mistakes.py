"""Every known mistake loses exactly its listed checks, with the expected message.

This is the proof that each check can fail: the catalogue holds realistic wrong
implementations, and this table-driven test grades each one.
"""

from __future__ import annotations

import pytest

from autograder import units
from autograder.engine import grade_submission
from autograder.mistakes import catalogue

from .helpers import mistake_submission

CASES = [
    pytest.param(u, m, id=f"{u}-{m.function}-{m.id}") for u in units.available()
    for m in catalogue(u)
]

#: Checks no realistic mistake can fail alone, and why. Kept exact: the test below fails if a
#: check is missing from here but not isolated, or listed here but isolated after all.
NOT_ISOLATED: dict[tuple[str, str, str], str] = {
    ("numpy_basics", "sigmoid", "values"):
        "a formula wrong on the visible inputs is also wrong on random ones",
    ("numpy_basics", "image2vector", "values"):
        "a wrong order on the visible image is also wrong on random images",
    ("numpy_basics", "normalize_rows", "values"): "as for sigmoid",
    ("numpy_basics", "normalize_rows", "shape"):
        "normalize_rows returns x / norm, whose shape only breaks by raising",
    ("numpy_basics", "normalize_rows", "hidden"):
        "the visible example is generic; a hard-coded answer also breaks no_mutation's input",
    ("numpy_basics", "softmax", "values"): "as for sigmoid",
    ("numpy_basics", "softmax", "shape"):
        "a wrong shape of the (2, 5) example also fails the values",
    ("numpy_basics", "softmax", "hidden"): "as for sigmoid",
    ("numpy_basics", "L1", "values"): "as for sigmoid",
    ("numpy_basics", "L2", "values"): "as for sigmoid",
    ("numpy_basics", "propagate_loops", "values"): "as for sigmoid",
    ("numpy_basics", "propagate_vectorized", "values"): "as for sigmoid",
    ("numpy_basics", "sigmoid", "hidden"): "as for sigmoid values",
    ("numpy_basics", "propagate_loops", "hidden"):
        "propagate_vectorized's agrees_with_loops also runs the loops on random inputs",
    ("numpy_basics", "propagate_vectorized", "hidden"):
        "agrees_with_loops also runs on random inputs; a wrong answer fails both",
    ("numpy_basics", "propagate_vectorized", "agrees_with_loops"):
        "disagreeing with correct loops means differing from the reference on hidden inputs",
}


def failed_checks(result) -> set[tuple[str, str]]:
    return {(t.function, c.name) for t in result.tasks for c in t.checks if c.status != "passed"}


@pytest.mark.parametrize(("unit", "m"), CASES)
def test_mistake_fails_exactly_its_checks(unit, m):
    result = grade_submission(unit, mistake_submission(unit, m))
    failed = failed_checks(result)
    assert failed == m.qualified_fails(), (
        f"{m.id}: failed {sorted(failed)}, catalogue says {sorted(m.qualified_fails())}"
    )
    messages = [c.message for t in result.tasks for c in t.checks if c.status == "failed"]
    assert any(m.message in msg for msg in messages), (
        f"{m.id}: no failing message contains {m.message!r}:\n" + "\n---\n".join(messages)
    )
    assert all(c.status != "not_gradable" for t in result.tasks for c in t.checks)


@pytest.mark.parametrize("unit", units.available())
def test_every_check_is_failed_by_some_mistake(unit):
    mistakes = catalogue(unit)
    covered = set().union(*(m.qualified_fails() for m in mistakes)) if mistakes else set()
    all_checks = {(t.function, c.name) for t in units.get(unit).tasks for c in t.checks}
    assert all_checks - covered == set(), "checks no mistake fails"


@pytest.mark.parametrize("unit", units.available())
def test_isolating_mistakes(unit):
    """For each check, some mistake fails that check alone, unless listed in NOT_ISOLATED."""
    isolated = {next(iter(m.qualified_fails())) for m in catalogue(unit)
                if len(m.qualified_fails()) == 1}
    all_checks = {(t.function, c.name) for t in units.get(unit).tasks for c in t.checks}
    not_isolated = {(unit, f, c) for f, c in all_checks - isolated}
    listed = {k for k in NOT_ISOLATED if k[0] == unit}
    assert not_isolated == listed
