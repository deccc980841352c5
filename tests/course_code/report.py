"""Grade every course fixture and print what it lost: ``python -m tests.course_code.report``.

Each fixture is graded as ``autograder grade --json`` grades it (isolated worker, reference
installed), as its ``.py`` file and as its notebook. Per fixture and path the report gives the
points of the course tasks out of their maximum and, for every lost check, the task, the check
and its message in one line; a summary table ends it. This is the "before"/"after" column of
issue 9 and the list of what still costs course-correct code its points.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from tests.course_code.grading import course_tasks, grade, lost_lines, not_gradable, summary
from tests.course_code.manifest import FIXTURES, Fixture

COURSE_PATHS = ("py", "ipynb")


def _points(result, fx: Fixture) -> tuple[float, float]:
    tasks = course_tasks(result, fx.tasks)
    return sum(t.score for t in tasks), sum(t.max_score for t in tasks)


def describe(fx: Fixture, how: str, result) -> list[str]:
    """The report's lines for one fixture graded along one path."""
    got, out_of = _points(result, fx)
    lines = [f"  .{how:<6} {got:g}/{out_of:g}"]
    if result.load_error:
        lines.append(f"    load error: {result.load_error}")
    broken = not_gradable(result)
    if broken:
        lines.append(f"    not gradable: {', '.join(broken)}")
    load = summary(f"x — could not be loaded\n  {result.load_error}") if result.load_error else None
    for line in lost_lines(result, fx.tasks):
        if load and line.endswith(load.split(": ", 1)[-1]):
            line = line[: line.index("]") + 1] + " (load error above)"
        lines.append(f"    {line}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Grade the fixtures and print the report; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="fixtures to grade (default: all)")
    parser.add_argument("--py-only", action="store_true", help="grade the .py files only")
    args = parser.parse_args(argv)
    chosen = [f for f in FIXTURES if not args.names or f.name in args.names]
    paths = ("py",) if args.py_only else COURSE_PATHS
    rows = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for fx in chosen:
            print(f"{fx.name}  ({fx.release}; course tasks {fx.tasks[0]}-{fx.tasks[-1]})")
            row = [fx.name]
            for how in paths:
                result = grade(fx.path, fx.unit, how, Path(tmp))
                print("\n".join(describe(fx, how, result)))
                got, out_of = _points(result, fx)
                row.append(f"{got:g}/{out_of:g}")
            rows.append(row)
            print()
    width = max(len(r[0]) for r in rows)
    print(f"{'fixture':<{width}}  " + "  ".join(f"{'.' + p:>9}" for p in paths))
    for row in rows:
        print(f"{row[0]:<{width}}  " + "  ".join(f"{cell:>9}" for cell in row[1:]))
    total = len(rows) * len(paths)
    full = sum(1 for r in rows for c in r[1:] if c.split("/")[0] == c.split("/")[1])
    print(f"\nfull marks: {full} of {total} gradings ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
