"""Generate ``exercises/<unit>.py`` from ``solutions/<unit>.py``.

The two trees are twins by construction: every ``### BEGIN SOLUTION`` / ``### END SOLUTION``
region of a solution is replaced by a stub that raises ``NotImplementedError`` naming the
task (taken from the ``# ## Task X.Y — name`` heading above it); everything else (module
docstring, signatures, docstrings, scaffolding) is copied unchanged.

Usage::

    python -m autograder.stubs            # rewrite exercises/ from solutions/
    python -m autograder.stubs --check    # exit 1 if exercises/ has drifted
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from autograder import generated

ROOT = Path(__file__).resolve().parent.parent
HEADING = re.compile(r"^# ## Task (?P<id>\d+\.\d+)\b.*?(?P<name>\w+)?\s*$")
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
BANNER = (
    "# Generated from solutions/{unit}.py by `python -m autograder.stubs`.\n"
    "# Write your code in place of each `raise NotImplementedError(...)`.\n"
)


def make_stub(source: str, unit: str) -> str:
    """Return the exercise text for one solution file.

    Args:
        source: the solution module's text.
        unit: the unit name (for the banner).

    Returns:
        The stub module's text.

    Raises:
        ValueError: on unbalanced markers or a solution region outside any task.
    """
    out: list[str] = []
    task_id: str | None = None
    function: str | None = None
    inside = False
    for lineno, line in enumerate(source.splitlines(keepends=True), 1):
        stripped = line.strip()
        m = HEADING.match(stripped)
        if m:
            task_id = m.group("id")
            function = None
        fm = re.match(r"\s*def (\w+)\(", line)
        if fm and not inside and function is None and task_id:
            function = fm.group(1)
        if stripped == BEGIN:
            if inside:
                raise ValueError(f"line {lineno}: nested {BEGIN}")
            if task_id is None:
                raise ValueError(f"line {lineno}: solution region before any '# ## Task' heading")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}# TODO: Implement for Task {task_id}.\n")
            out.append(
                f'{indent}raise NotImplementedError("Task {task_id}: implement {function}")\n'
            )
            continue
        if stripped == END:
            if not inside:
                raise ValueError(f"line {lineno}: {END} without {BEGIN}")
            inside = False
            continue
        if not inside:
            out.append(line)
    if inside:
        raise ValueError(f"unterminated {BEGIN}")
    text = "".join(out)
    # The banner goes after the module docstring and __future__ import.
    marker = "from __future__ import annotations\n"
    if marker in text:
        text = text.replace(marker, BANNER.format(unit=unit) + "\n" + marker, 1)
    return text


def unit_files(root: Path = ROOT) -> list[tuple[Path, Path]]:
    """Return ``[(solution file, exercise file)]`` for every unit module in ``solutions/``."""
    pairs = []
    for sol in sorted((root / "solutions").glob("*.py")):
        if sol.name.startswith("_"):
            continue
        pairs.append((sol, root / "exercises" / sol.name))
    return pairs


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    return generated.sync(
        "autograder.stubs",
        lambda: {ex: make_stub(sol.read_text(), sol.stem) for sol, ex in unit_files()},
        argv,
    )


if __name__ == "__main__":
    sys.exit(main())
