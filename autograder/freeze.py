"""Store the visible checks' expected values, computed from the reference solutions.

Usage::

    python -m autograder.freeze            # rewrite autograder/expected/<unit>.json
    python -m autograder.freeze --check    # exit 1 if a stored value has drifted

The stored values let students run the visible checks without ``solutions/``.
"""

from __future__ import annotations

import sys

from autograder import expected, generated, units
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
    return generated.sync(
        "autograder.freeze",
        lambda: {
            expected.EXPECTED_DIR / f"{name}.json": expected.dumps(record(name))
            for name in units.available()
        },
        argv,
    )


if __name__ == "__main__":
    sys.exit(main())
