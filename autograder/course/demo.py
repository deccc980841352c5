"""``autograder demo``: a whole nbgrader course, end to end, in a fresh directory.

Builds the course (SQLite gradebook), releases every unit, submits sample students (the
reference, the untouched stubs, students with known mistakes, and, for the first unit, one
whose code loops forever and one that ends its process), autogrades them (the engine in
worker processes while the next unit is released, each result recorded by nbgrader's autograde
in this one process: :class:`autograder.course.parallel.Batch`), and prints the gradebook.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from autograder.course.builder import build_course, buildable_units
from autograder.course.gradebook import format_table, write_check_csv
from autograder.course.parallel import Batch
from autograder.course.session import CourseSession, failure_reason, stderr_to
from autograder.course.students import fill, release_notebook, sample_students, submit

#: The demo's students are the kit's own: where no sandbox can be made (no root), their code
#: still runs, in a plain worker process, and the gradebook says so. A notebook cell may run
#: 5 s and a call 3 s (the course's defaults are 20 s and 10 s), so that the looping
#: student's try-it cell and function are stopped sooner.
DEMO_CONFIG = {
    "EngineGrades.require_sandbox": False,
    "EngineGrades.limits": {"call_timeout": 3.0},
    "Execute.timeout": 5,
}


def run_demo(
    directory: Path | str | None = None,
    unit_names: list[str] | None = None,
    *,
    faulty: bool = True,
    jobs: int = 2,
    out: Callable[[str], None] = print,
) -> int:
    """Run the demo and print its progress and the gradebook.

    Args:
        directory: a fresh (absent or empty) directory for the course; default a new temp dir.
        unit_names: units to include (default: all with a reference solution).
        faulty: add the looping and crashing students (first unit only).
        jobs: submissions graded at once (worker processes); nbgrader records each.
        out: where progress and results are printed.

    Returns:
        0 when every reference submission got full marks and every stub 0, else 1.
    """
    start = time.perf_counter()
    root = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="autograder-demo-"))
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; give a fresh directory")
    root.mkdir(parents=True, exist_ok=True)
    names = unit_names or buildable_units()
    log = root / "nbgrader.log"
    out(f"course: {root}  (units: {', '.join(names)}; nbgrader's log: {log.name})")
    build_course(root, names)
    out("  built nbgrader_config.py and source/<unit>/<unit>.ipynb")
    t = time.perf_counter()
    session = CourseSession(root, DEMO_CONFIG)
    out(f"  nbgrader API ready ({time.perf_counter() - t:.1f} s)")
    plan: list[tuple[str, list]] = []
    failures: dict[tuple[str, str], str] = {}
    with stderr_to(log), Batch(root, jobs=jobs, overrides=DEMO_CONFIG) as batch:
        for unit in names:
            t = time.perf_counter()
            res = session.release(unit)
            if not res["success"]:
                out(f"  release {unit}: FAILED: {failure_reason(res)}")
                continue
            release = release_notebook(root, unit)
            students = sample_students(unit, faulty=faulty and unit == names[0])
            for s in students:
                submit(root, unit, s.id, fill(release, unit, s))
            batch.add(unit, [s.id for s in students])  # graded while the next unit is released
            plan.append((unit, students))
            out(
                f"  released {unit} ({time.perf_counter() - t:.1f} s); "
                f"submitted {len(students)} students, {jobs} graded at a time"
            )

        def progress(unit: str, sid: str, res: dict) -> None:
            status = "ok" if res["success"] else "autograde FAILED"
            out(f"  autograded {unit:<20} {sid:<10} {status}")

        t = time.perf_counter()
        reports = batch.finish(progress=False, on_result=progress)
        for unit, report in reports.items():
            failures.update({(unit, sid): why for sid, why in report.failed.items()})
        total = sum(len(s) for _, s in plan)
        took = time.perf_counter() - t
        out(f"  {total} submissions autograded, each recorded by nbgrader ({took:.1f} s)")
    ok = True
    out("")
    for unit, students in plan:
        subs = session.grades(unit, [s.id for s in students])
        notes = {sid: f"autograde failed: {msg}" for (u, sid), msg in failures.items() if u == unit}
        out(format_table(subs, notes))
        out("  who: " + "; ".join(f"{s.id} = {s.story}" for s in students))
        out("")
        write_check_csv(root / f"grades_by_check_{unit}.csv", subs)
        for sub in subs:
            if sub.student == "reference" and sub.score != sub.max_score:
                ok = False
            if sub.student == "stubs" and sub.score != 0:
                ok = False
    session.export_csv(root / "grades.csv")
    out(
        f"done in {time.perf_counter() - start:.0f} s. Files in {root}: grades.csv "
        "(nbgrader export: totals), grades_by_check_<unit>.csv (per check, with status), "
        "feedback: cd there and run `nbgrader generate_feedback <unit>`."
    )
    return 0 if ok else 1
