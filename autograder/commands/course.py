"""``autograder course``: build, autograde in parallel, grade book, bundle, class report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder import units


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``course`` subcommand and its actions."""
    p = sub.add_parser(
        "course",
        help="nbgrader course: build it, bundle the plain-Python exercises, print grades",
        description="Write and inspect the nbgrader course generated from the units.",
    )
    actions = p.add_subparsers(dest="action", required=True)

    b = actions.add_parser("build", help="write nbgrader_config.py and source/<unit>/<unit>.ipynb")
    b.add_argument("course_dir", type=Path)
    b.add_argument("--unit", action="append", dest="units", choices=units.available())
    b.add_argument("--course-id", default=None, help="nbgrader course id")
    b.add_argument("--timeout", type=int, default=None, help="per-cell limit at autograde (s)")
    b.add_argument(
        "--db-url",
        default=None,
        help="gradebook URL, e.g. postgresql+psycopg2://user@host/db (default: SQLite)",
    )
    b.add_argument("--force", action="store_true", help="overwrite generated files that differ")
    b.set_defaults(func=run_build)

    d = actions.add_parser("bundle", help="write the plain-Python student bundle (no solutions)")
    d.add_argument("out_dir", type=Path)
    d.add_argument("--force", action="store_true", help="replace an existing folder")
    d.set_defaults(func=run_bundle)

    a = actions.add_parser(
        "autograde",
        help="autograde a unit's submissions in parallel, recorded by nbgrader's autograde",
        description=(
            "Grade every submitted notebook of UNIT (or the named students) in parallel and "
            "record each result through nbgrader's own autograde: the gradebook, autograded "
            "notebooks and feedback are those of `nbgrader autograde UNIT`."
        ),
    )
    a.add_argument("unit", choices=units.available())
    a.add_argument("--course", type=Path, default=Path("."), help="course root (default: .)")
    a.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    a.add_argument("--student", action="append", dest="students", help="only this student")
    a.add_argument(
        "--dask", default=None, metavar="ADDRESS|local", help="grade on Dask workers instead"
    )
    a.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run student code even where no sandbox can be made (a plain worker process)",
    )
    a.add_argument("--no-progress", action="store_true", help="no progress bar")
    a.set_defaults(func=run_autograde)

    g = actions.add_parser("gradebook", help="print per-task scores of an autograded course")
    g.add_argument("course_dir", type=Path)
    g.add_argument("--unit", action="append", dest="units", choices=units.available())
    g.set_defaults(func=run_gradebook)

    r = actions.add_parser(
        "report",
        help="write the class report of a unit: scores, full marks and mistakes per task (HTML)",
        description="After autograding: per task, the score distribution over the class, the "
        "share at full marks and the most frequent named mistakes, with an anonymized example "
        "each; one HTML page and its PNG plots.",
    )
    r.add_argument("unit", choices=units.available())
    r.add_argument("--course", type=Path, default=Path("."), help="course root (default: .)")
    r.add_argument("--out", type=Path, default=None, help="folder (default: COURSE/reports/UNIT)")
    r.set_defaults(func=run_report)


def run_build(args: argparse.Namespace) -> int:
    """Write the course."""
    from autograder.course import builder

    kwargs = {}
    if args.course_id:
        kwargs["course_id"] = args.course_id
    if args.timeout:
        kwargs["timeout"] = args.timeout
    if args.db_url:
        kwargs["db_url"] = args.db_url
    try:
        paths = builder.build_course(args.course_dir, args.units, force=args.force, **kwargs)
    except (FileExistsError, FileNotFoundError, ValueError) as exc:
        print(f"autograder course build: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    print(
        f"\nnext: cd {args.course_dir} && nbgrader generate_assignment <unit> "
        "&& nbgrader autograde <unit>"
    )
    return 0


def run_bundle(args: argparse.Namespace) -> int:
    """Write the student bundle."""
    from autograder.course.bundle import write_bundle

    try:
        out = write_bundle(args.out_dir, force=args.force)
    except (FileExistsError, FileNotFoundError) as exc:
        print(f"autograder course bundle: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}: cd there, pip install -e . and run pytest exercises")
    return 0


def run_autograde(args: argparse.Namespace) -> int:
    """Autograde a unit in parallel; exit 0 when every submission was autograded, else 3."""
    from autograder.course.parallel import autograde_class
    from autograder.course.session import stderr_to

    if not (args.course / "nbgrader_config.py").exists():
        print(
            f"autograder course autograde: no nbgrader_config.py in {args.course}", file=sys.stderr
        )
        return 2
    overrides = {"EngineGrades.require_sandbox": False} if args.no_sandbox else {}
    log = args.course / "autograde.log"
    with stderr_to(None if not args.no_progress else log):
        report = autograde_class(
            args.course,
            args.unit,
            students=args.students,
            jobs=args.jobs,
            dask=args.dask,
            overrides=overrides,
            progress=not args.no_progress,
        )
    print(report.summary())
    return 0 if not report.failed else 3


def run_gradebook(args: argparse.Namespace) -> int:
    """Print the gradebook of every unit (or the chosen ones) for every student."""
    from nbgrader.api import Gradebook

    from autograder.course.gradebook import format_table
    from autograder.course.session import CourseSession

    session = CourseSession(args.course_dir)
    with Gradebook(session.coursedir.db_url, course_id=session.course_id) as gb:
        assignments = [a.name for a in gb.assignments]
        students = {
            a: sorted(s.student_id for s in gb.assignment_submissions(a)) for a in assignments
        }
    for unit in args.units or [a for a in assignments if a in units.available()]:
        print(format_table(session.grades(unit, students.get(unit, []))))
        print()
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Write the class report of a unit and print where it is."""
    from autograder.course.class_report_page import write_report

    try:
        index = write_report(args.course, args.unit, args.out)
    except FileNotFoundError as exc:
        print(f"autograder course report: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {index} (open it in a browser)")
    return 0
