"""Keep the README's task table in step with the registry.

Usage: ``python -m autograder.readme`` rewrites the table between the README's
``<!-- tasks:begin -->`` and ``<!-- tasks:end -->`` markers; ``--check`` exits 1 on drift.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder import units

README = Path(__file__).resolve().parent.parent / "README.md"
BEGIN, END = "<!-- tasks:begin -->", "<!-- tasks:end -->"


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


def render(text: str) -> str:
    """Return the README text with a fresh task table."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{task_table()}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m autograder.readme")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = README.read_text()
    new = render(text)
    if new == text:
        return 0
    if args.check:
        print("README task table is out of date: run python -m autograder.readme")
        return 1
    README.write_text(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
