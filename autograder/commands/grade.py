"""``autograder grade``: grade a file, notebook or folder and print a table or JSON.

Student code runs in a separate worker process (see :mod:`autograder.isolation`) under the
limits given here. The exit status is 0 whenever grading completed, whatever the score; 3
when some check could not be graded because of a grader failure (its score is not a
verdict and must not replace an earlier one); 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from autograder import units
from autograder.engine import find_unit_files, grade_submission, load_submission
from autograder.isolation import Limits, sandbox_status
from autograder.isolation.sandbox import REFUSAL
from autograder.report import table

EXIT_NOT_GRADABLE = 3


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``grade`` subcommand."""
    d = Limits()
    p = sub.add_parser(
        "grade",
        help="grade a .py file, a .ipynb notebook or a folder holding unit files",
        description="Grade student code. Exit 0 whenever grading completed, whatever the "
        "score; 3 when a check could not be graded (grader failure).",
    )
    p.add_argument("path", type=Path, help="a .py file, a .ipynb notebook or a folder")
    p.add_argument("--unit", choices=units.available(), help="unit (default: from the file name)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--seed", type=int, default=None, help="base seed for hidden inputs")
    p.add_argument(
        "--timeout", type=float, default=d.call_timeout, help="seconds per call of student code"
    )
    p.add_argument("--check-timeout", type=float, default=d.check_timeout, help="seconds per check")
    p.add_argument(
        "--budget",
        type=float,
        default=d.submission_budget,
        help="seconds of student code per submission; later checks are marked over_budget",
    )
    p.add_argument(
        "--memory-mb", type=int, default=d.memory_mb, help="memory limit of the worker (MB)"
    )
    p.add_argument(
        "--cell-timeout",
        type=float,
        default=d.cell_timeout,
        help="seconds per notebook cell (or top-level statement of a .py file) while loading; "
        "loading does not count against --budget (loading again after a crash does)",
    )
    p.add_argument(
        "--in-process",
        action="store_true",
        help="run student code inside the grader (trusted code only; no limits)",
    )
    p.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run student code in a worker process WITHOUT the sandbox, where none can be "
        "made (it can then read and change whatever this user can); without this flag the "
        "grader refuses to run student code where no sandbox can be made",
    )
    p.set_defaults(func=run)


def limits_from(args: argparse.Namespace) -> Limits:
    """Build the worker limits from the command-line options."""
    return Limits(
        call_timeout=args.timeout,
        check_timeout=args.check_timeout,
        submission_budget=args.budget,
        cell_timeout=args.cell_timeout,
        memory_mb=args.memory_mb,
        sandbox=not args.no_sandbox,
    )


def warn_isolation(args: argparse.Namespace) -> None:
    """Say on stderr when student code will run without a sandbox, or will not run at all."""
    if args.in_process:
        print(
            "autograder grade: --in-process: student code runs inside the grader, unprotected",
            file=sys.stderr,
        )
    elif args.no_sandbox:
        print(
            "autograder grade: --no-sandbox: student code runs WITHOUT a sandbox; it can read "
            "and change whatever this user can",
            file=sys.stderr,
        )
    else:
        status = sandbox_status()
        if not status.available:
            print(
                f"autograder grade: REFUSED: {REFUSAL.format(reason=status.reason)}",
                file=sys.stderr,
            )


def kit_cells(unit: str) -> frozenset[str]:
    """The kit's own try-it and ``check(...)`` cells of the unit's notebook, not run at grading.

    They define nothing and cannot change a grade (the course flow leaves them out the same way,
    :func:`autograder.course.builder.kit_code_cells`). Without the reference (the student kit)
    the notebook cannot be rebuilt, and every cell runs.
    """
    try:  # here, not at start-up: the course's builder needs nbformat (the grading extra)
        from autograder.course.builder import kit_code_cells

        return kit_code_cells(unit)
    except (FileNotFoundError, ImportError, ValueError):
        return frozenset()


def run(args: argparse.Namespace) -> int:
    """Grade and print; return the exit status."""
    try:
        targets = find_unit_files(args.path, args.unit)
    except ValueError as exc:
        print(f"autograder grade: {exc}", file=sys.stderr)
        return 2
    limits = limits_from(args)
    warn_isolation(args)
    results = []
    for u, f in targets:
        skip = kit_cells(u) if Path(f).suffix == ".ipynb" else frozenset()
        sub = load_submission(f, u, isolated=not args.in_process, limits=limits, skip_cells=skip)
        try:
            results.append(grade_submission(u, sub, seed=args.seed))
        finally:
            sub.close()
    if args.json:
        for r in results:
            print(json.dumps(r.to_dict()))
    else:
        print("\n\n".join(table(r) for r in results))
        if len(results) > 1:
            total = sum(r.score for r in results)
            out_of = sum(r.max_score for r in results)
            print(f"\ntotal: {total:g} / {out_of:g}")
    bad = [r.unit for r in results if not r.gradable]
    if bad:
        print(
            f"autograder grade: NOT GRADABLE ({', '.join(bad)}): a grader failure stopped some "
            "checks; do not record this score.",
            file=sys.stderr,
        )
        return EXIT_NOT_GRADABLE
    return 0
