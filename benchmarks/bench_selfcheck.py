"""Wall time of the student self-check and of `autograder grade`, with baselines, same run.

Usage: python benchmarks/bench_selfcheck.py [--repeat N]

Prints, best of N runs each:
- baselines: a Python start that imports numpy, and pytest collecting the self-check only;
- `pytest exercises --impl solutions` (target: under 3 s on a 2-core machine), and per unit;
- `autograder grade solutions/<unit>.py --json` per unit (a fresh process each), and the
  in-process grading time of each unit (what the engine itself costs).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SELF_CHECK_S = 3.0


def best_of(run: Callable[[], object], repeat: int) -> float:
    """The shortest wall time of ``repeat`` calls of ``run``."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)


def best_run_of(cmd: list[str], repeat: int) -> float:
    """The shortest wall time of ``repeat`` runs of the command ``cmd`` (from the root)."""
    return best_of(lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False), repeat)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    py = sys.executable
    autograder = [py, "-m", "autograder"]
    pytest = [py, "-m", "pytest", "-p", "no:cacheprovider"]
    self_check = ["-q", "exercises", "--impl", "solutions"]
    from autograder import units
    from autograder.engine import grade_submission, load_reference
    from autograder.submission import from_module

    rows = [
        (
            "baseline: python -c 'import numpy'",
            best_run_of([py, "-c", "import numpy"], args.repeat),
        ),
        (
            "baseline: pytest --collect-only (self-check)",
            best_run_of([*pytest, "--collect-only", *self_check], args.repeat),
        ),
    ]
    selfcheck = best_run_of([*pytest, *self_check], args.repeat)
    rows.append(("pytest exercises --impl solutions", selfcheck))
    for unit in units.available():
        rows.append(
            (
                f"pytest exercises --impl solutions -m {unit}",
                best_run_of([*pytest, *self_check, "-m", unit], args.repeat),
            )
        )
    for unit in units.available():
        rows.append(
            (
                f"autograder grade solutions/{unit}.py (process)",
                best_run_of([*autograder, "grade", f"solutions/{unit}.py", "--json"], args.repeat),
            )
        )
    for unit in units.available():
        ref = load_reference(unit)
        rows.append(
            (
                f"engine in-process: {unit}",  # a fresh submission each time: nothing cached
                best_of(lambda u=unit, r=ref: grade_submission(u, from_module(u, r)), args.repeat),
            )
        )
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  wall (best of {args.repeat})")
    for name, secs in rows:
        print(f"{name:<{width}}  {secs:7.3f} s")
    verdict = "OK" if selfcheck < TARGET_SELF_CHECK_S else "OVER TARGET"
    print(f"\nself-check {selfcheck:.2f} s vs target {TARGET_SELF_CHECK_S:.1f} s: {verdict}")


if __name__ == "__main__":
    main()
