"""Autograde time per submission: our course vs plain nbgrader on a trivial notebook.

Run: ``python benchmarks/bench_nbgrader.py [N]`` (default N=30). Prints figures; asserts nothing.
Both courses are driven through nbgrader's Python API in this one process (no CLI imports).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from autograder.course.builder import build_course
from autograder.course.session import CourseSession, stderr_to
from autograder.course.students import Student, fill, release_notebook, submit
from autograder.course.worker import grade_file

UNIT = "numpy_basics"


def trivial_course(root: Path) -> None:
    """A course with one notebook: a solution cell and one 1-point grade cell."""
    (root / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'trivial'\n"
    )
    meta = {"grade": False, "solution": True, "locked": False, "schema_version": 3}
    test = {"grade": True, "solution": False, "locked": True, "schema_version": 3, "points": 1}
    nb = new_notebook(
        cells=[
            new_code_cell(
                "def f(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION",
                metadata={"nbgrader": {**meta, "grade_id": "f"}},
            ),
            new_code_cell("assert f(2) == 4", metadata={"nbgrader": {**test, "grade_id": "t"}}),
        ]
    )
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    (root / "source" / "ps1").mkdir(parents=True)
    nbformat.write(nb, str(root / "source" / "ps1" / "ps1.ipynb"))


def run(session: CourseSession, unit: str, students: list[str]) -> list[float]:
    times = []
    for sid in students:
        t = time.perf_counter()
        res = session.autograde(unit, sid)
        times.append(time.perf_counter() - t)
        if not res["success"]:
            print(f"  {unit}/{sid}: autograde failed", file=sys.stderr)
    return times


def fmt(times: list[float]) -> str:
    return (
        f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, "
        f"total {sum(times):.1f} s for {len(times)}"
    )


def main(n: int = 30) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-nbgrader-"))
    log = tmp / "nbgrader.log"
    with stderr_to(log):
        t = time.perf_counter()
        plain_root = tmp / "plain"
        plain_root.mkdir()
        trivial_course(plain_root)
        plain = CourseSession(plain_root)
        print(f"API session ready: {time.perf_counter() - t:.2f} s (paid once per process)")
        plain.release("ps1")
        release = nbformat.read(str(plain_root / "release" / "ps1" / "ps1.ipynb"), as_version=4)
        for cell in release.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == "f":
                cell.source = "def f(x):\n    return 2 * x"
        for i in range(n):
            d = plain_root / "submitted" / f"s{i:03d}" / "ps1"
            d.mkdir(parents=True)
            nbformat.write(release, str(d / "ps1.ipynb"))
        plain_times = run(plain, "ps1", [f"s{i:03d}" for i in range(n)])

        ours_root = tmp / "ours"
        build_course(ours_root, [UNIT])
        ours = CourseSession(ours_root)
        ours.release(UNIT)
        rel = release_notebook(ours_root, UNIT)
        ref = fill(rel, UNIT, Student("r", "reference"))
        paths = [submit(ours_root, UNIT, f"s{i:03d}", ref) for i in range(n)]
        our_times = run(ours, UNIT, [f"s{i:03d}" for i in range(n)])

    t = time.perf_counter()
    for p in paths[:5]:
        grade_file(p, UNIT)
    engine = (time.perf_counter() - t) / 5
    t = time.perf_counter()
    for p in paths[:5]:
        grade_file(p, UNIT, isolated=False)
    in_process = (time.perf_counter() - t) / 5

    print(f"plain nbgrader, trivial notebook (1 grade cell):   {fmt(plain_times)}")
    print(f"our course, {UNIT} (42 grade cells, reference): {fmt(our_times)}")
    print(f"  of which engine grading (isolated worker):        {engine:.2f} s per submission")
    print(f"  engine grading in-process (no worker), for scale: {in_process:.2f} s")
    extra = statistics.median(our_times) - statistics.median(plain_times)
    print(f"overhead per submission vs plain nbgrader: {extra:+.2f} s")
    print(f"{n} submissions: ours {sum(our_times):.1f} s, plain {sum(plain_times):.1f} s")
    print(f"(course dirs and nbgrader's log in {tmp})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
