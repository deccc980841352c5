"""Store the visible checks' expected values, computed from the reference solutions.

Usage::

    python -m autograder.freeze            # rewrite autograder/expected/<unit>.json
    python -m autograder.freeze --check    # exit 1 if a stored value has drifted

The stored values let students run the visible checks without ``solutions/``.
"""

from __future__ import annotations

import argparse
import sys

from autograder import expected, units
from autograder.engine import grade_submission, load_reference
from autograder.submission import from_module


def record(unit: str) -> dict:
    """Grade the reference on a unit and return every expected value it computed."""
    ref = load_reference(unit)
    if ref is None:
        raise SystemExit("the reference solutions are not installed")
    rec: dict = {}
    grade_submission(unit, from_module(unit, ref), reference=ref, recorder=rec)
    return rec


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m autograder.freeze")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    status = 0
    for name in units.available():
        text = expected.dumps(record(name))
        path = expected.EXPECTED_DIR / f"{name}.json"
        current = path.read_text() if path.exists() else None
        if current != text:
            if args.check:
                print(f"drift: {path}")
                status = 1
            else:
                path.write_text(text)
                print(f"wrote {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
