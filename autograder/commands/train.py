"""``autograder train UNIT``: run a unit's lesson demo (train, report, save plots)."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path

from autograder import units
from autograder.demos import load_impl

ROOT = Path(__file__).resolve().parents[2]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``train`` subcommand."""
    have = [
        u
        for u in units.available()
        if importlib.util.find_spec(f"autograder.demos.{u}") is not None
    ]
    p = sub.add_parser(
        "train",
        help="train a unit's model with your code; print accuracy, save plots",
        description="Run a unit's lesson demo with an implementation and save its plots.",
    )
    p.add_argument("unit", choices=have)
    p.add_argument(
        "--impl",
        default="exercises",
        help="'exercises' (default), 'solutions', or a path to a unit .py file",
    )
    p.add_argument("--out", type=Path, default=Path("plots"), help="folder for the PNG plots")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the implementation and run the demo."""
    if args.impl == "solutions":
        from autograder.private import solution_file

        path = solution_file(args.unit) or ROOT / "solutions" / f"{args.unit}.py"
    elif args.impl == "exercises":
        path = ROOT / args.impl / f"{args.unit}.py"
    else:
        path = Path(args.impl)
        if path.is_dir():
            path = path / f"{args.unit}.py"
    if not path.exists():
        print(f"autograder train: {path} not found", file=sys.stderr)
        return 2
    impl = load_impl(path, args.unit)
    args.out.mkdir(parents=True, exist_ok=True)
    demo = importlib.import_module(f"autograder.demos.{args.unit}")
    try:
        print(demo.run(impl, args.out))
    except NotImplementedError as exc:
        print(f"autograder train: your code is not finished yet: {exc}", file=sys.stderr)
        return 1
    return 0
