"""How ``pytest exercises`` reports: quiet on stubs, every real failure's message once.

A pytest plugin, registered by ``exercises/conftest.py``. Each test of
``exercises/test_self_check.py`` runs one check and stores its structured result in the test
item's stash (:data:`RESULT_KEY`); from it the plugin

- reports a check that failed only because its function is still the stub as
  ``not implemented`` (letter ``N``), not as a failure block: the run ends with one line per
  such function;
- replaces pytest's failure report of any other failed check by the engine's message
  (task, function, called, got, expected, hint), without pytest's traceback boilerplate; one
  failure of a task shown by several checks (:meth:`CheckResult.failure_keys`) is printed once;
- lists the advice the checks gave (never scored), each once per task;
- ends with one summary line of points, visible and hidden shown as everywhere else
  (:class:`autograder.report.Points`).

Such checks still count as failed for pytest (exit status 1, ``-x``, ``--lf``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from autograder import messages, units
from autograder.report import Points, check_points, is_not_implemented, not_implemented_line
from autograder.results import CheckResult


@dataclass(frozen=True)
class Ran:
    """One check run by the self-check: where it belongs and its result."""

    unit: str
    task_id: str
    result: CheckResult


#: Where ``test_check`` leaves its check's result for the plugin.
RESULT_KEY = pytest.StashKey[Ran]()
#: pytest's report category (and summary word) of a check on a stub.
NOT_IMPLEMENTED = "not implemented"


class SelfCheckReport:
    """The plugin: collects the checks' results and prints the self-check's summary."""

    def __init__(self) -> None:
        self.ran: list[Ran] = []
        self._messages: dict[tuple, str] = {}
        self._first_failure: dict[tuple[str, str], str] = {}

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Run each task's source checks after its other checks, as every flow does.

        They read the task's other verdicts (:func:`autograder.checklib.runs_last`); the
        order of the report is unchanged otherwise.
        """
        last = {
            (u.name, t.id, c.name)
            for u in units.all_units()
            for t in u.tasks
            for c in t.checks
            if c.runs_last
        }

        def key(item: pytest.Item) -> int:
            spec = getattr(item, "callspec", None)
            params = spec.params if spec is not None else {}
            name = (params.get("unit_name"), params.get("task_id"), params.get("check_name"))
            return name in last

        items.sort(key=key)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):  # noqa: ANN201
        """Attach the check's result to its report and show the engine's message."""
        report = yield
        ran = item.stash.get(RESULT_KEY, None)
        if call.when != "call" or ran is None:
            return report
        self.ran.append(ran)
        if report.failed and is_not_implemented(ran.result):
            report.autograder_not_implemented = True
        elif report.failed:
            keys = [(ran.unit, ran.task_id, *k) for k in ran.result.failure_keys()]
            first = next((self._messages[k] for k in keys if k in self._messages), None)
            if first is None and ran.result.waits:  # shown as the task's first failure
                first = self._first_failure.get((ran.unit, ran.task_id))
            first = first or ran.result.name
            self._first_failure.setdefault((ran.unit, ran.task_id), first)
            self._messages.update(dict.fromkeys(keys, first))
            if first == ran.result.name and ran.result.cause:
                function = units.get(ran.unit).task(ran.task_id).function
                report.longrepr = messages.waiting_failure(ran.task_id, function, ran.result.cause)
            elif first == ran.result.name:
                report.longrepr = ran.result.message
            else:
                report.longrepr = f"(the same failure as check {first!r} above)"
        return report

    def pytest_report_teststatus(self, report: pytest.TestReport) -> tuple | None:
        """Report a check on a stub as ``not implemented`` instead of a failure."""
        if report.when == "call" and getattr(report, "autograder_not_implemented", False):
            return NOT_IMPLEMENTED, "N", ("NOT IMPLEMENTED", {"yellow": True})
        return None

    def points(self) -> Points:
        """Points of the checks that ran, visible and hidden.

        Hidden checks of the tasks that ran but were not collected (the kit without the
        reference leaves them out) count as not run.
        """
        total = Points()
        ran_names: dict[tuple[str, str], set[str]] = {}
        for r in self.ran:
            spec = units.get(r.unit).task(r.task_id)
            hidden = next(c.hidden for c in spec.checks if c.name == r.result.name)
            total = total + check_points(hidden, r.result)
            ran_names.setdefault((r.unit, r.task_id), set()).add(r.result.name)
        for (unit, task_id), names in ran_names.items():
            for c in units.get(unit).task(task_id).checks:
                if c.hidden and c.name not in names:
                    total = total + Points(0.0, 0.0, None, float(c.points))
        return total

    def advice_lines(self) -> list[str]:
        """Each task's distinct advice, given while its checks ran, once."""
        seen: dict[tuple[str, str], list[str]] = {}
        for r in self.ran:
            texts = seen.setdefault((r.unit, r.task_id), [])
            texts.extend(t for t in r.result.advice if t not in texts)
        lines = []
        for (unit, task_id), texts in seen.items():
            function = units.get(unit).task(task_id).function
            lines.extend(f"Task {task_id} · {function}: {text}" for text in texts)
        return lines

    def stub_lines(self) -> list[str]:
        """One line per function whose checks failed only because it is the stub."""
        counts: dict[tuple[str, str], int] = {}
        for r in self.ran:
            if is_not_implemented(r.result):
                counts[(r.unit, r.task_id)] = counts.get((r.unit, r.task_id), 0) + 1
        lines = []
        for (unit, task_id), n in counts.items():
            lines.append(not_implemented_line(task_id, units.get(unit).task(task_id).function, n))
        return lines

    def pytest_terminal_summary(self, terminalreporter) -> None:  # noqa: ANN001
        """After the failures: one line per function not implemented, then the points."""
        if not self.ran:
            return
        tr = terminalreporter
        advice = self.advice_lines()
        if advice:
            tr.write_sep("-", "advice (never scored)")
            for line in advice:
                tr.write_line(line)
        stubs = self.stub_lines()
        if stubs:
            plural = "s" if len(stubs) != 1 else ""
            tr.write_sep("-", f"{len(stubs)} function{plural} not implemented yet")
            for line in stubs:
                tr.write_line(line)
        tr.write_sep("=", f"self-check points: {self.points().text()}", bold=True)
        waiting = sum(
            r.result.max_score for r in self.ran if r.result.cause and not r.result.passed
        )
        if waiting:
            tr.write_line(
                f"{waiting:g} of the points not earned are in checks of functions that use a "
                "failing function of another task (their messages name it): fix that one "
                "first. Graded, they run with a correct one in its place."
            )
