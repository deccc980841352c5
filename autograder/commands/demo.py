"""``autograder demo``: build a course, submit sample students, autograde, print the gradebook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``demo`` subcommand."""
    p = sub.add_parser(
        "demo",
        help="run a whole nbgrader course on sample students and print the gradebook",
        description=(
            "Build an nbgrader course in a fresh directory (SQLite gradebook), release every "
            "unit, submit sample students (reference, stubs, known mistakes, one that loops, "
            "one that crashes), autograde them with nbgrader and print the gradebook."
        ),
    )
    p.add_argument("--dir", type=Path, default=None, help="fresh directory (default: a temp dir)")
    p.add_argument("--unit", action="append", dest="units", help="only this unit (repeatable)")
    p.add_argument(
        "--no-faulty", action="store_true", help="skip the looping and crashing students"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the demo; exit 1 if the reference or stubs were not graded as expected."""
    try:
        from autograder.course.demo import run_demo
    except ImportError as exc:
        print(
            f"autograder demo needs the grading extra: pip install -e '.[grading]' ({exc})",
            file=sys.stderr,
        )
        return 2
    try:
        return run_demo(args.dir, args.units, faulty=not args.no_faulty)
    except (FileExistsError, KeyError) as exc:
        print(f"autograder demo: {exc}", file=sys.stderr)
        return 2
