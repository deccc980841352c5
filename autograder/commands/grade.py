"""``autograder grade``: grade a file, notebook or folder and print a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from autograder import units
from autograder.engine import find_unit_files, grade_submission
from autograder.report import table
from autograder.submission import from_path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``grade`` subcommand."""
    p = sub.add_parser(
        "grade",
        help="grade a .py file, a .ipynb notebook or a folder holding unit files",
        description="Grade student code. Exit 0 whenever grading completed, whatever the score.",
    )
    p.add_argument("path", type=Path, help="a .py file, a .ipynb notebook or a folder")
    p.add_argument("--unit", choices=units.available(), help="unit (default: from the file name)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--seed", type=int, default=None, help="base seed for hidden inputs")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Grade and print; return the exit status."""
    try:
        targets = find_unit_files(args.path, args.unit)
    except ValueError as exc:
        print(f"autograder grade: {exc}", file=sys.stderr)
        return 2
    results = [grade_submission(u, from_path(f, u), seed=args.seed) for u, f in targets]
    if args.json:
        for r in results:
            print(json.dumps(r.to_dict()))
    else:
        print("\n\n".join(table(r) for r in results))
        if len(results) > 1:
            total = sum(r.score for r in results)
            out_of = sum(r.max_score for r in results)
            print(f"\ntotal: {total:g} / {out_of:g}")
    return 0
