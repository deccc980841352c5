"""A class at scale: plain nbgrader vs our course, sequential, parallel and on Dask.

Run: ``python benchmarks/bench_class.py [N] [--skip-demo] [--scale M]`` (default N=30). In one
run, on this machine, with the command lines an instructor types (each run pays its own
imports):

1. baseline: plain ``nbgrader autograde`` on N trivial one-cell notebooks (one grade cell);
2. ``nbgrader autograde`` on N submissions of our ``numpy_basics`` course (42 checks);
3. ``autograder course autograde --jobs 1`` and ``--jobs 2`` on the same submissions;
4. ``autograder course autograde --dask local`` (a LocalCluster of 2 worker processes);
5. a class with 10 % looping students (``--jobs 2``) against the clean class;
6. ``autograder demo`` (the README's main job);
7. with ``--scale M``: ``--jobs 2`` on a class of M submissions, per submission against N.

Goals (reported, not asserted): our class in at most half the baseline's time; ``--jobs 2``
close to twice as fast as ``--jobs 1`` on 2 cores; M submissions cost about M/N times N's;
10 % loopers within 1.5x of the clean class; the demo under 60 s on a 2-core machine. The
gradebooks of runs 2-4 are compared: every score must be the same.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder.course import students
from autograder.course.builder import build_course
from autograder.course.session import CourseSession, stderr_to

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_nbgrader import trivial_course  # noqa: E402

UNIT = "numpy_basics"
BIN = Path(sys.executable).parent


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def timed(cmd: list[str], cwd: Path) -> float:
    """Run a command; return its wall time (exit status 0 or 1/3: some submission failed).

    The files the benchmark itself wrote (course copies) are flushed to disk first, so that
    their write-back does not slow the gradebook's own disk writes during the run.
    """
    os.sync()
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_env())
    took = time.perf_counter() - t
    if proc.returncode not in (0, 1, 3):
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
        raise SystemExit(f"{cmd} failed ({proc.returncode})")
    return took


def scores(root: Path) -> dict[tuple[str, str], float | None]:
    """Every (student, grade cell) score in a course's SQLite gradebook."""
    con = sqlite3.connect(root / "gradebook.db")
    try:
        rows = con.execute(
            "SELECT student.id, base_cell.name, grade.auto_score FROM grade "
            "JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id "
            "JOIN submitted_assignment ON submitted_notebook.assignment_id = "
            "submitted_assignment.id JOIN student ON submitted_assignment.student_id = "
            "student.id JOIN base_cell ON grade.cell_id = base_cell.id"
        ).fetchall()
    finally:
        con.close()
    return {(s, c): v for s, c, v in rows}


def baseline(root: Path, n: int) -> float:
    """Plain nbgrader on n trivial notebooks."""
    root.mkdir(parents=True)
    trivial_course(root)
    session = CourseSession(root)
    assert session.release("ps1")["success"]
    nb = students.release_notebook(root, "ps1")
    for cell in nb.cells:
        if "raise NotImplementedError" in cell.source:
            cell.source = "def f(x):\n    return 2 * x"
    for i in range(n):
        students.submit(root, "ps1", f"s{i:03d}", nb)
    return timed([str(BIN / "nbgrader"), "autograde", "ps1", "--force"], root)


def our_class(root: Path, n: int, loopers: float = 0.0) -> None:
    """A course with n numpy_basics submissions: reference, stubs, buggy; some loop forever."""
    build_course(root, [UNIT])
    session = CourseSession(root)
    assert session.release(UNIT)["success"]
    release = students.release_notebook(root, UNIT)
    kinds = [students.Student("ref", "reference"), students.Student("stub", "stubs", stub=True)]
    kinds += students.mistake_students(UNIT, 3)
    looping = students.Student(
        "loop", "L1 loops forever", {"L1": students.LOOP_CODE.format(name="L1")}
    )
    every = round(1 / loopers) if loopers else 0
    for i in range(n):
        kind = looping if every and i % every == 0 else kinds[i % len(kinds)]
        students.submit(root, UNIT, f"s{i:03d}", students.fill(release, UNIT, kind))


def main() -> None:
    argv = sys.argv[1:]
    scale = int(argv[argv.index("--scale") + 1]) if "--scale" in argv else 0
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and argv[i - 1] != "--scale"]
    n = int(args[0]) if args else 30
    ag = [str(BIN / "autograder"), "course", "autograde", UNIT, "--no-progress"]
    rows: list[tuple[str, float]] = []
    with (
        tempfile.TemporaryDirectory(prefix="bench-class-") as tmp,
        stderr_to(Path(tmp) / "log.txt"),
    ):
        tmp = Path(tmp)
        base = baseline(tmp / "trivial", n)
        rows.append((f"plain nbgrader, {n} trivial one-cell notebooks (baseline)", base))
        pristine = tmp / "pristine"
        our_class(pristine, n)
        runs: list[tuple[str, list[str]]] = [
            (
                f"nbgrader autograde, our course, {n} submissions",
                [str(BIN / "nbgrader"), "autograde", UNIT],
            ),
            ("autograder course autograde --jobs 1", [*ag, "--jobs", "1"]),
            ("autograder course autograde --jobs 2", [*ag, "--jobs", "2"]),
            ("autograder course autograde --dask local", [*ag, "--dask", "local"]),
        ]
        gradebooks = {}
        for k, (label, cmd) in enumerate(runs):
            course = tmp / f"run{k}"  # every run grades a fresh copy of the same class
            shutil.copytree(pristine, course)
            rows.append((label, timed(cmd, course)))
            gradebooks[label] = scores(course)
        first = gradebooks[runs[0][0]]
        equal = {label: g == first and len(g) > 0 for label, g in gradebooks.items()}
        clean_j2 = rows[-2][1]
        loop_course = tmp / "loopers"
        our_class(loop_course, n, loopers=0.10)
        looped = timed([*ag, "--jobs", "2"], loop_course)
        rows.append(("autograder course autograde --jobs 2, 10 % looping students", looped))
        scaled = None
        if scale:
            big = tmp / "scaled"
            our_class(big, scale)
            scaled = timed([*ag, "--jobs", "2"], big)
        demo = None
        if "--skip-demo" not in sys.argv:
            demo = timed([str(BIN / "autograder"), "demo", "--dir", str(tmp / "demo")], tmp)
            rows.append(("autograder demo (all units, faulty students)", demo))
    width = max(len(label) for label, _ in rows)
    print(f"{'run':<{width}}  {'total':>8}  {'per sub.':>8}")
    for label, t in rows:
        per = f"{t / n:8.2f}" if "demo" not in label else " " * 8
        print(f"{label:<{width}}  {t:8.1f}  {per}")
    if scaled is not None:
        label = f"autograder course autograde --jobs 2, {scale} submissions"
        print(f"{label:<{width}}  {scaled:8.1f}  {scaled / scale:8.2f}")
    for label, same in equal.items():
        print(f"gradebook of '{label}' equals nbgrader autograde's: {same}")
    ours = min(t for label, t in rows if label.endswith(("--jobs 2", "--dask local")))
    print(f"\nour class / baseline: {ours / base:.2f} (goal <= 0.5)")
    jobs = dict(rows)
    speedup = jobs["autograder course autograde --jobs 1"] / clean_j2
    print(f"--jobs 2 speed-up over --jobs 1: {speedup:.2f}x (goal: close to 2 on 2 cores)")
    if scaled is not None:
        ratio = (scaled / scale) / (clean_j2 / n)
        print(f"per submission, {scale} vs {n} submissions (--jobs 2): {ratio:.2f} (linear: <= 1)")
    print(f"10 % loopers / clean class (--jobs 2): {looped / clean_j2:.2f} (goal <= 1.5)")
    if demo is not None:
        print(f"autograder demo: {demo:.0f} s (goal < 60 s on 2 cores)")


if __name__ == "__main__":
    main()
