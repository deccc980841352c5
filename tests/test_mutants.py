"""A fixed sample of the mutation sweep (:mod:`tests.mutants`) with the suite.

Every sampled single-point mutant of a task function must lose points in its own task and
nowhere else, unless ``tests.mutants.JUDGED`` says why it is equivalent or course-accepted.
The whole sweep (about 2,800 mutants, 8 minutes on one core): ``python -m tests.mutants``.
"""

from __future__ import annotations

import pytest

from autograder import units

from .mutants import sweep


@pytest.mark.parametrize("unit", units.available())
def test_a_sample_of_mutants_loses_points_once_in_its_own_task(unit):
    outcomes = sweep([unit], [], sample=2, seed=0, verbose=False)
    assert len(outcomes) >= 2 * len(units.get(unit).tasks) - 2
    wrong = [
        f"{o.status} {o.function} [{o.operator}] {o.diff} {o.other_failed} {o.note}"
        for o in outcomes
        if o.status not in ("killed", "judged") or o.other_failed
    ]
    assert wrong == []
