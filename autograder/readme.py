"""Keep the README's and CONTRIBUTING's generated parts in step with the registry.

Usage: ``python -m autograder.readme`` rewrites every part between ``<!-- KEY:begin -->`` and
``<!-- KEY:end -->`` markers (``tasks``: the task table; ``units``: the list of units);
``--check`` exits 1 on drift.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from autograder import generated, units

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def task_table() -> str:
    """Render every unit's tasks as a markdown table."""
    lines = [
        "| task | unit | function | points | checks |",
        "|---|---|---|---|---|",
    ]
    for unit in units.all_units():
        for task in unit.tasks:
            checks = ", ".join(f"{c.name}{' (hidden)' if c.hidden else ''}" for c in task.checks)
            lines.append(
                f"| {task.id} | {unit.name} | `{task.function}` | {task.points:g} | {checks} |"
            )
    return "\n".join(lines)


def unit_list() -> str:
    """Render the units as a markdown list: number, name, title, tasks and points."""
    lines = []
    for unit in units.all_units():
        points = sum(t.points for t in unit.tasks)
        course = sum(1 for t in unit.tasks if t.course)
        scope = f"{course} of them course functions" if course else "kit-only"
        lines.append(
            f"- {unit.number} `{unit.name}`: {unit.title} ({len(unit.tasks)} tasks, "
            f"{points:g} points; {scope})"
        )
    return "\n".join(lines)


def advice_table() -> str:
    """Render every advice rule (never scored) as a markdown table: task, rule, what and why."""
    lines = ["| task | function | advice | what it looks for, and why |", "|---|---|---|---|"]
    for unit in units.all_units():
        for task in unit.tasks:
            for rule in task.advice:
                what = " ".join(rule.description.split()).replace("|", "\\|")
                lines.append(f"| {task.id} | `{task.function}` | `{rule.name}` | {what} |")
    return "\n".join(lines)


SECTIONS: dict[Path, dict[str, Callable[[], str]]] = {
    README: {"tasks": task_table, "units": unit_list, "advice": advice_table},
    CONTRIBUTING: {"units": unit_list},
}


def render(text: str, parts: dict[str, Callable[[], str]]) -> str:
    """Return ``text`` with every marked part rendered afresh."""
    for key, make in parts.items():
        begin, end = f"<!-- {key}:begin -->", f"<!-- {key}:end -->"
        if begin not in text:
            continue
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        text = f"{head}{begin}\n{make()}\n{end}{tail}"
    return text


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    return generated.sync(
        "autograder.readme",
        lambda: {path: render(path.read_text(), parts) for path, parts in SECTIONS.items()},
        argv,
    )


if __name__ == "__main__":
    sys.exit(main())
