"""One test per check of every unit, run against your code (see conftest.py).

The checks themselves live in ``autograder/units/``; this file only connects them to pytest,
so the self-check, the command line and the notebooks always agree.
"""

from __future__ import annotations

import pytest

from autograder import units
from autograder.engine import load_reference, run_check
from autograder.selfcheck import RESULT_KEY, Ran
from autograder.submission import Submission, load_in_process

from .conftest import impl_dir

_SUBMISSIONS: dict[tuple[str, str], Submission] = {}


def _cases() -> list:
    cases = []
    for unit in units.all_units():
        has_reference = load_reference(unit.name) is not None
        for task in unit.tasks:
            for check in task.checks:
                if check.hidden and not has_reference:
                    continue  # hidden checks exist only where the grader has the reference
                cases.append(
                    pytest.param(
                        unit.name,
                        task.id,
                        check.name,
                        marks=[getattr(pytest.mark, task.marker), getattr(pytest.mark, unit.name)],
                        id=f"{unit.name}-{task.id}-{task.function}-{check.name}",
                    )
                )
    return cases


def _submission(config: pytest.Config, unit: str) -> Submission:
    folder = impl_dir(config)
    key = (str(folder), unit)
    if key not in _SUBMISSIONS:
        path = folder / f"{unit}.py"
        if not path.exists() and (folder / f"{unit}.ipynb").exists():
            path = folder / f"{unit}.ipynb"
        _SUBMISSIONS[key] = load_in_process(path, unit)
    return _SUBMISSIONS[key]


@pytest.mark.parametrize(("unit_name", "task_id", "check_name"), _cases())
def test_check(
    request: pytest.FixtureRequest, unit_name: str, task_id: str, check_name: str
) -> None:
    unit = units.get(unit_name)
    task = unit.task(task_id)
    check = next(c for c in task.checks if c.name == check_name)
    result = run_check(
        unit, task, check, _submission(request.config, unit_name), load_reference(unit_name)
    )
    request.node.stash[RESULT_KEY] = Ran(unit_name, task_id, result)
    if not result.passed:
        pytest.fail(result.message, pytrace=False)
