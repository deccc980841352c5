"""Isolation overhead: grade each unit's reference in-process and in a worker, same run.

Run ``python benchmarks/bench_isolation.py [repeats]``. Prints, per unit, the median wall
time of loading + grading the reference file both ways and the overhead; in the isolated
case also the worker start-up (load) alone.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from autograder import units
from autograder.engine import grade_submission
from autograder.isolation import from_path, isolation_label, sandbox_status

ROOT = Path(__file__).resolve().parent.parent


def timed(unit: str, isolated: bool) -> tuple[float, float, float]:
    """Return (load seconds, total seconds, score) for one grading of the reference."""
    start = time.perf_counter()
    sub = from_path(ROOT / "solutions" / f"{unit}.py", unit, isolated=isolated)
    loaded = time.perf_counter()
    result = grade_submission(unit, sub)
    sub.close()
    end = time.perf_counter()
    return loaded - start, end - start, result.score / max(result.max_score, 1)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    label = isolation_label(True) if sandbox_status().available else "no sandbox"
    print(f"isolation: {label}; {repeats} repeats; median seconds")
    header = (
        f"{'unit':<20}{'checks':>7}{'in-process':>12}{'isolated':>10}{'(load)':>9}{'overhead':>10}"
    )
    print(header)
    for unit in units.available():
        n = sum(len(t.checks) for t in units.get(unit).tasks)
        timed(unit, True)  # warm caches
        inproc = [timed(unit, False) for _ in range(repeats)]
        iso = [timed(unit, True) for _ in range(repeats)]
        a = statistics.median(t for _, t, _ in inproc)
        b = statistics.median(t for _, t, _ in iso)
        load = statistics.median(t for t, _, _ in iso)
        ok = all(s == 1.0 for *_, s in inproc + iso)
        print(
            f"{unit:<20}{n:>7}{a:>12.3f}{b:>10.3f}{load:>9.3f}{b - a:>+10.3f}"
            + ("" if ok else "  (reference not at full marks!)")
        )


if __name__ == "__main__":
    main()
