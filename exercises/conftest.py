"""Self-check plumbing: ``pytest exercises`` grades the code in this folder.

``pytest exercises --impl solutions`` grades the reference instead (maintainers), and
``--impl PATH`` grades the unit files in any folder. Each check is one test, marked with
its task (``pytest exercises -m task3_3``) and its unit (``-m numpy_basics``). The report is
:mod:`autograder.selfcheck`'s: one line per function not implemented yet, each real failure's
message once, and the points (visible + hidden) at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from autograder import units
from autograder.selfcheck import SelfCheckReport

HERE = Path(__file__).resolve().parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--impl",
        default="exercises",
        help="whose code to check: 'exercises' (default), 'solutions', or a folder path",
    )


def pytest_configure(config: pytest.Config) -> None:
    for unit in units.all_units():
        config.addinivalue_line("markers", f"{unit.name}: checks of unit {unit.name}")
        for task in unit.tasks:
            config.addinivalue_line(
                "markers", f"{task.marker}: Task {task.id} · {task.function} ({unit.name})"
            )
    if not config.pluginmanager.has_plugin("autograder-selfcheck"):
        config.pluginmanager.register(SelfCheckReport(), "autograder-selfcheck")


def impl_dir(config: pytest.Config) -> Path:
    value = config.getoption("--impl")
    if value in ("exercises", "solutions"):
        return HERE.parent / value
    return Path(value).resolve()
