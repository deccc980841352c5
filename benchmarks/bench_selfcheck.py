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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SELF_CHECK_S = 3.0


def best_of(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    py = sys.executable
    autograder = [py, "-m", "autograder"]
    from autograder import units
    from autograder.engine import grade_submission, load_reference
    from autograder.submission import from_module

    rows = [
        ("baseline: python -c 'import numpy'", best_of([py, "-c", "import numpy"], args.repeat)),
        (
            "baseline: pytest --collect-only (self-check)",
            best_of(
                [
                    py,
                    "-m",
                    "pytest",
                    "-p",
                    "no:cacheprovider",
                    "--collect-only",
                    "-q",
                    "exercises",
                    "--impl",
                    "solutions",
                ],
                args.repeat,
            ),
        ),
    ]
    selfcheck = best_of(
        [py, "-m", "pytest", "-p", "no:cacheprovider", "-q", "exercises", "--impl", "solutions"],
        args.repeat,
    )
    rows.append(("pytest exercises --impl solutions", selfcheck))
    for unit in units.available():
        rows.append(
            (
                f"pytest exercises --impl solutions -m {unit}",
                best_of(
                    [
                        py,
                        "-m",
                        "pytest",
                        "-p",
                        "no:cacheprovider",
                        "-q",
                        "exercises",
                        "--impl",
                        "solutions",
                        "-m",
                        unit,
                    ],
                    args.repeat,
                ),
            )
        )
    for unit in units.available():
        rows.append(
            (
                f"autograder grade solutions/{unit}.py (process)",
                best_of([*autograder, "grade", f"solutions/{unit}.py", "--json"], args.repeat),
            )
        )
    for unit in units.available():
        ref = load_reference(unit)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            grade_submission(unit, from_module(unit, ref))
            times.append(time.perf_counter() - t)
        rows.append((f"engine in-process: {unit}", min(times)))
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  wall (best of {args.repeat})")
    for name, secs in rows:
        print(f"{name:<{width}}  {secs:7.3f} s")
    verdict = "OK" if selfcheck < TARGET_SELF_CHECK_S else "OVER TARGET"
    print(f"\nself-check {selfcheck:.2f} s vs target {TARGET_SELF_CHECK_S:.1f} s: {verdict}")


if __name__ == "__main__":
    main()
