"""Human-readable reports of grading results: points, the CLI's table, distinct failures.

Points are always shown split into visible and hidden checks, one way everywhere (the CLI
table, the notebook's ``check()`` and ``check_all()``, the pytest self-check's summary):
``26/26 visible + 6/6 hidden`` where the hidden checks ran (the reference is installed),
``26/26 visible + 6 hidden (run when graded)`` where they cannot run (the student kit), and
``4/4`` for a task without hidden checks. A unit's maximum is therefore the same number
(32) in the kit, in the notebook and in nbgrader's gradebook.

Failures are listed once each: a function whose stub still raises ``NotImplementedError``
gets one line however many checks call it, and one failure shown by several checks of a task
(the same sentence, hint and cause) is printed once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from autograder import messages, units
from autograder.results import NOT_IMPLEMENTED, CheckResult, TaskResult, UnitResult
from autograder.spec import Check

PASS, FAIL, SKIP, ERR = "✓", "✗", "·", "!"
#: Shown, in the CLI table's hidden column, for hidden points that did not run here.
NOT_RUN = "?"
NOT_RUN_NOTE = "run when graded"


@dataclass(frozen=True)
class Points:
    """Points earned and available, split into visible and hidden checks.

    Attributes:
        visible_score: points earned on visible checks.
        visible_max: points of the visible checks.
        hidden_score: points earned on hidden checks; None when they did not run here.
        hidden_max: points of the hidden checks.
    """

    visible_score: float = 0.0
    visible_max: float = 0.0
    hidden_score: float | None = 0.0
    hidden_max: float = 0.0

    def __add__(self, other: Points) -> Points:
        if not self.hidden_ran or not other.hidden_ran:
            hidden = None
        else:
            hidden = (self.hidden_score or 0.0) + (other.hidden_score or 0.0)
        return Points(
            round(self.visible_score + other.visible_score, 6),
            round(self.visible_max + other.visible_max, 6),
            None if hidden is None else round(hidden, 6),
            round(self.hidden_max + other.hidden_max, 6),
        )

    @property
    def hidden_ran(self) -> bool:
        """True when the hidden checks ran (or there are none)."""
        return self.hidden_score is not None or not self.hidden_max

    @property
    def max_score(self) -> float:
        """All points, visible and hidden (what nbgrader's gradebook counts)."""
        return round(self.visible_max + self.hidden_max, 6)

    def text(self) -> str:
        """``26/26 visible + 6 hidden (run when graded)``, ``26/26 visible + 4/6 hidden``."""
        return self._joined(" visible", f" ({NOT_RUN_NOTE})")

    def short(self) -> str:
        """The same, for table rows: ``6/6 + 2 hidden``, ``6/6 + 2/2 hidden``, ``4/4``."""
        return self._joined("", "")

    def _joined(self, visible_label: str, not_run: str) -> str:
        """The visible points, then the hidden ones where there are any.

        Args:
            visible_label: what follows the visible points when hidden ones follow them.
            not_run: what follows the hidden points when the hidden checks did not run.
        """
        visible = f"{self.visible_score:g}/{self.visible_max:g}"
        if not self.hidden_max:
            return visible
        if self.hidden_score is None:
            return f"{visible}{visible_label} + {self.hidden_max:g} hidden{not_run}"
        return f"{visible}{visible_label} + {self.hidden_score:g}/{self.hidden_max:g} hidden"


def available(visible_max: float, hidden_max: float) -> str:
    """Points a task or unit is worth: ``32 points: 26 visible + 6 hidden``, ``4 points``."""
    total = round(visible_max + hidden_max, 6)
    text = f"{total:g} point{'s' if total != 1 else ''}"
    return f"{text}: {visible_max:g} visible + {hidden_max:g} hidden" if hidden_max else text


def spec_available(checks: Iterable[Check]) -> str:
    """:func:`available` for some checks of the spec (a task's, a unit's)."""
    checks = list(checks)
    return available(
        sum(c.points for c in checks if not c.hidden), sum(c.points for c in checks if c.hidden)
    )


def check_points(hidden: bool, result: CheckResult) -> Points:
    """The points of one check's result (``hidden``: the check is a hidden one)."""
    if not hidden:
        return Points(result.score, result.max_score, 0.0, 0.0)
    score = None if result.status == "not_run" else result.score
    return Points(0.0, 0.0, score, result.max_score)


def task_points(unit: str, task: TaskResult) -> Points:
    """The points of a task's results, hidden checks told apart by the unit's spec."""
    spec = units.get(unit).task(task.id)
    hidden = {c.name for c in spec.checks if c.hidden}
    total = Points()
    for c in task.checks:
        total = total + check_points(c.name in hidden, c)
    return total


def unit_points(result: UnitResult) -> Points:
    """The points of a unit's results."""
    total = Points()
    for t in result.tasks:
        total = total + task_points(result.unit, t)
    return total


def is_not_implemented(result: CheckResult) -> bool:
    """True when the check failed because the function is still the stub."""
    return bool(result.mistake) and result.mistake.get("id") == NOT_IMPLEMENTED


def not_implemented_line(task_id: str, function: str, n_checks: int) -> str:
    """One line for a function whose stub still raises ``NotImplementedError``."""
    checks = f"{n_checks} check{'s' if n_checks != 1 else ''}"
    return messages.headline(task_id, function, f"not implemented yet ({checks})")


def distinct_failures(tasks: Iterable[TaskResult]) -> list[str]:
    """The failures of some tasks, each shown once.

    A task whose failures are all "not implemented" gets one line
    (:func:`not_implemented_line`); other failed or not-gradable checks give their message,
    once per failure (:meth:`CheckResult.failure_keys`): the first check's message, ending
    with the names of the task's other checks that failed alike.

    Args:
        tasks: task results, in order.

    Returns:
        The messages to print, in task order.
    """
    out: list[str] = []
    for t in tasks:
        bad = [c for c in t.checks if c.status in ("failed", "not_gradable", "over_budget")]
        stubs = [c for c in bad if is_not_implemented(c)]
        if stubs:
            out.append(not_implemented_line(t.id, t.function, len(stubs)))
        alike: list[tuple[set[tuple], list[CheckResult]]] = []
        for c in bad:
            if is_not_implemented(c):
                continue
            keys = set(c.failure_keys())
            group = next((g for g in alike if g[0] & keys), None)
            if group is None and c.waits and alike:
                group = alike[0]  # a source check with no result to read: the first failure's
            if group is None:
                alike.append((keys, [c]))
            else:
                group[0].update(keys)
                group[1].append(c)
        for _, (first, *others) in alike:
            if others:
                out.append(
                    f"{first.message}\n{messages.same_failure_line([c.name for c in others])}"
                )
            else:
                out.append(first.message)
    return out


def _mark(status: str) -> str:
    return {"passed": PASS, "failed": FAIL, "not_run": SKIP}.get(status, ERR)


def table(result: UnitResult, *, details: bool = True) -> str:
    """Format a unit's result as a per-task table followed by the distinct failures.

    Args:
        result: the unit's result.
        details: append each distinct failure (one line per function not implemented).

    Returns:
        The report text.
    """
    points = unit_points(result)
    lines = [f"{result.unit}: {points.text()}"]
    if result.isolation:
        lines.append(f"  isolation: {result.isolation}")
    if result.load_error:
        lines.append(f"  could not load the submission: {result.load_error}")
    width = max([len(t.function) for t in result.tasks] + [8])
    lines.append(f"  {'task':<5} {'function':<{width}} {'visible':>7} {'hidden':>6}  checks")
    for t in result.tasks:
        p = task_points(result.unit, t)
        marks = " ".join(f"{_mark(c.status)} {c.name}" for c in t.checks)
        visible = f"{p.visible_score:g}/{p.visible_max:g}"
        if not p.hidden_max:
            hidden = ""
        elif p.hidden_score is None:
            hidden = f"{NOT_RUN}/{p.hidden_max:g}"
        else:
            hidden = f"{p.hidden_score:g}/{p.hidden_max:g}"
        lines.append(f"  {t.id:<5} {t.function:<{width}} {visible:>7} {hidden:>6}  {marks}")
        pad = " " * (width + 23)
        lines.extend(f"{pad}↳ recognized: {text}" for text in t.recognized)
        lines.extend(f"{pad}↳ advice (no points): {text}" for text in t.advice)
        lines.extend(f"{pad}↳ note: {text}" for text in t.check_notes)
    if not points.hidden_ran:
        lines.append(
            f"  {NOT_RUN} and {SKIP}: hidden checks, {NOT_RUN_NOTE} (they need the reference)"
        )
    if result.load_notes:
        lines.append(
            f"  skipped while loading ({len(result.load_notes)}, costing nothing by itself):"
        )
        lines.extend(f"    {note}" for note in result.load_notes[:8])
        if len(result.load_notes) > 8:
            lines.append(f"    ... and {len(result.load_notes) - 8} more")
    if details:
        block = True  # one-line failures (functions not implemented) follow each other
        for text in distinct_failures(result.tasks):
            if block or "\n" in text:
                lines.append("")
            block = "\n" in text
            lines.append(text)
    return "\n".join(lines)
