"""End to end with the real nbgrader (Python API, one process) on a temporary course.

One course, unit numpy_basics, short time limits. Students: the reference, the stubs, a buggy
one, a tamperer (buggy code, grade cells edited, one deleted, the grader patched in the
kernel), a looper and a crasher. Each autograde is ~2-4 s.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import units
from autograder.course.builder import build_course, grade_id
from autograder.course.nbgrader_plugin import EngineGrades
from autograder.course.session import CourseSession
from autograder.course.students import (
    CRASH_CODE,
    LOOP_CODE,
    Student,
    fill,
    mistake_students,
    release_notebook,
    submit,
)
from autograder.results import CheckResult

UNIT = "numpy_basics"
SWALLOW_CODE = '''\
def L2(yhat, y):
    """Work in progress."""
    while True:
        try:
            pass
        except KeyboardInterrupt:
            pass
'''
FAST = {
    "Execute.timeout": 3,
    "EngineGrades.limits": {
        "call_timeout": 1.0,
        "cell_timeout": 1.0,
        "load_timeout": 3.0,
        "check_timeout": 3.0,
    },
}


class BrokenGrades(EngineGrades):
    """The engine fails on t2_1_values (a grader bug): that check becomes not_gradable."""

    def grade(self, path, unit):
        result = super().grade(path, unit)
        for task in result.tasks:
            for i, c in enumerate(task.checks):
                if task.id == "2.1" and c.name == "values":
                    task.checks[i] = CheckResult(
                        c.name, False, 0.0, c.max_score, "grader error: boom", "not_gradable"
                    )
        return result


def _students() -> list[Student]:
    buggy = mistake_students(UNIT, 1)[0]
    forge = (
        "import sys\ntry:\n    import autograder.notebook as _nb\n"
        "    _nb.grade = lambda *a: print('all good', file=sys.stderr) or 1e9\n"
        "except ImportError:\n    pass\n\n"
    )
    first = units.get(UNIT).tasks[0].function
    assert first in buggy.code
    tamper = Student(
        "tamperer",
        "buggy code, grade cells forged, one deleted, the grade function patched",
        dict(buggy.code),
        edit={"t2_2_values": "2.0", "t2_2_shape": "", "t2_7_values": "print(1.0)"},
    )
    tamper.code[first] = forge + tamper.code[first]
    return [
        Student("reference", "reference"),
        Student("stubs", "stubs", stub=True),
        buggy,
        tamper,
        Student("looper", "loops", {"L1": LOOP_CODE.format(name="L1")}),
        Student("crasher", "kernel dies", {first: CRASH_CODE.format(name=first)}),
        Student("swallower", "loops and swallows the interrupt", {"L2": SWALLOW_CODE}),
        Student("corrupt", "submits a file that is not a notebook"),
        Student("after", "graded after the others"),
    ]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    build_course(root, [UNIT])
    session = CourseSession(root, FAST)
    assert session.release(UNIT)["success"]
    release = release_notebook(root, UNIT)
    students = _students()
    for s in students:
        nb = fill(release, UNIT, s)
        if s.id == "tamperer":
            for cell in nb.cells:
                if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "t2_8_values":
                    cell.metadata.nbgrader.points = 100.0
        path = submit(root, UNIT, s.id, nb)
        if s.id == "corrupt":
            path.write_text('{"cells": [ this is not json')
    results = {s.id: session.autograde(UNIT, s.id) for s in students}
    grades = {g.student: g for g in session.grades(UNIT, [s.id for s in students])}
    return root, session, results, grades


def _engine_scores(path) -> dict[str, float]:
    """Per-check scores from `autograder grade --json` on the submitted notebook."""
    out = subprocess.run(
        [sys.executable, "-m", "autograder", "grade", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    data = json.loads(out.stdout.splitlines()[0])
    u = units.get(UNIT)
    return {
        grade_id(
            u.task(t["id"]), next(c for c in u.task(t["id"]).checks if c.name == ch["name"])
        ): ch["score"]
        for t in data["tasks"]
        for ch in t["checks"]
    }


def _db_scores(sub) -> dict[str, float | None]:
    return {c.grade_id: c.score for c in sub.checks}


def test_reference_full_marks_and_stubs_zero(course):
    _, _, results, grades = course
    assert results["reference"]["success"] and results["stubs"]["success"]
    ref, stubs = grades["reference"], grades["stubs"]
    assert ref.score == ref.max_score == sum(t.points for t in units.get(UNIT).tasks)
    assert all(c.score == c.max_score and not c.needs_manual_grade for c in ref.checks)
    assert stubs.score == 0.0
    assert all(c.score == 0.0 and not c.needs_manual_grade for c in stubs.checks)
    assert "not implemented" in stubs.first_failure()


def test_buggy_submission_gets_exactly_the_engine_scores(course):
    root, _, results, grades = course
    buggy = grades["buggy1"]
    assert results["buggy1"]["success"]
    engine = _engine_scores(root / "submitted" / "buggy1" / UNIT / f"{UNIT}.ipynb")
    assert _db_scores(buggy) == engine
    assert 0 < buggy.score < buggy.max_score


def test_tampered_cells_are_graded_on_the_instructors_cells(course):
    root, _, results, grades = course
    assert results["tamperer"]["success"]
    tamper, buggy = grades["tamperer"], grades["buggy1"]
    # same code as buggy1 (plus a patch of the kernel's grade function): same verdicts
    assert _db_scores(tamper) == _db_scores(buggy)
    assert all(not c.needs_manual_grade for c in tamper.checks)
    nb = nbformat.read(root / "autograded" / "tamperer" / UNIT / f"{UNIT}.ipynb", as_version=4)
    cells = {c.metadata.nbgrader.grade_id: c for c in nb.cells if "nbgrader" in c.metadata}
    assert "t2_2_shape" in cells  # deleted, re-inserted by add_missing_cells
    assert "grade('numpy_basics', '2.2', 'values')" in cells["t2_2_values"].source
    assert cells["t2_8_values"].metadata.nbgrader.points == 1.0


def test_grade_cells_hold_only_a_message_and_a_plain_float(course):
    root, _, _, grades = course
    for sid in ("reference", "stubs", "buggy1", "tamperer", "looper"):
        nb = nbformat.read(root / "autograded" / sid / UNIT / f"{UNIT}.ipynb", as_version=4)
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if not meta.get("grade"):
                continue
            kinds = [(o.output_type, o.get("name")) for o in cell.outputs]
            assert kinds == [("stream", "stdout"), ("execute_result", None)], (sid, kinds)
            score = float(cell.outputs[1].data["text/plain"])
            assert 0.0 <= score <= meta["points"]
            assert "Traceback" not in cell.outputs[0].text


def test_crash_and_loop_do_not_take_the_batch_down(course):
    root, session, results, grades = course
    assert results["looper"]["success"]
    assert grades["looper"].score is not None  # graded, L1's checks lost
    assert grades["looper"].task_score("2.7") == 0.0
    # A kernel that dies or stops answering costs the checks of the function at fault only.
    first = units.get(UNIT).tasks[0]
    for sid, task_id in (("crasher", first.id), ("swallower", "2.8")):
        assert results[sid]["success"], sid
        g = grades[sid]
        assert g.gradable and g.task_score(task_id) == 0.0, sid
        assert g.score == 42.0 - units.get(UNIT).task(task_id).points, sid
        nb = root / "submitted" / sid / UNIT / f"{UNIT}.ipynb"
        assert _db_scores(g) == _engine_scores(nb), sid
    assert results["after"]["success"] and grades["after"].score == 42.0
    # A submission nbgrader cannot autograde at all is not gradable, never a silent 0 ...
    assert not results["corrupt"]["success"]
    corrupt = grades["corrupt"]
    assert not corrupt.gradable and corrupt.score is None
    # ... while nbgrader's own CSV writes 0.0 for it
    session.export_csv(root / "grades.csv")
    rows = (root / "grades.csv").read_text().splitlines()
    assert any(r.split(",")[3] == "corrupt" and r.split(",")[-2] == "0.0" for r in rows)
    # The course's configured exporter marks it instead (and says what the others are).
    from nbgrader.api import Gradebook

    from autograder.course.export import GradableCsvExportPlugin

    with Gradebook(session.coursedir.db_url, course_id=session.course_id) as gb:
        GradableCsvExportPlugin(to=str(root / "ours.csv")).export(gb)
    with (root / "ours.csv").open() as fh:
        ours = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert ours["corrupt"]["status"] == "not gradable (autograde failed)"
    assert ours["corrupt"]["score"] == ""
    assert ours["crasher"]["status"] == "graded" and float(ours["crasher"]["score"]) > 0
    assert ours["reference"]["score"] == "42.0"
    # ... and `nbgrader export` on the command line uses it, from the generated config.
    nbgrader = Path(sys.executable).with_name("nbgrader")
    env = {**os.environ, "PATH": f"{nbgrader.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(
        [str(nbgrader), "export", "--to", "cli.csv"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    with (root / "cli.csv").open() as fh:
        cli = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert cli["corrupt"]["status"] == "not gradable (autograde failed)"
    assert cli["corrupt"]["score"] == ""


def test_feedback_shows_messages_but_no_hidden_check(course):
    root, session, _, _ = course
    assert session.generate_feedback(UNIT, "buggy1")["success"]
    html = (root / "feedback" / "buggy1" / UNIT / f"{UNIT}.html").read_text()
    assert "Task 2.1" in html
    assert "HIDDEN TESTS" not in html
    assert "&#39;hidden&#39;)" not in html and "'hidden')" not in html
    nb = nbformat.read(root / "autograded" / "buggy1" / UNIT / f"{UNIT}.ipynb", as_version=4)
    hidden = [
        c
        for c in nb.cells
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id", "").endswith("_hidden")
    ]
    assert hidden and any("hidden inputs" in c.outputs[0].text for c in hidden)
    for cell in hidden:
        assert "got:" not in cell.outputs[0].text and "expected:" not in cell.outputs[0].text


def test_autograding_again_gives_the_same_scores(course):
    _, session, _, grades = course
    again = ["buggy1", "tamperer", "looper"]
    for sid in again:
        assert session.autograde(UNIT, sid)["success"]
    regraded = {g.student: g for g in session.grades(UNIT, again)}
    for sid in again:
        assert _db_scores(regraded[sid]) == _db_scores(grades[sid]), sid


def test_not_gradable_check_keeps_the_earlier_score(course):
    root, _, _, _ = course
    session = CourseSession(
        root,
        {
            **FAST,
            "Autograde.autograde_preprocessors": [
                "autograder.course.nbgrader_plugin.EngineExecute",
                f"{__name__}.BrokenGrades",
                "nbgrader.preprocessors.LimitOutput",
                "autograder.course.nbgrader_plugin.SaveEngineGrades",
            ],
        },
    )
    assert session.autograde(UNIT, "reference")["success"]
    ref = {c.grade_id: c for c in session.grades(UNIT, ["reference"])[0].checks}
    broken = ref["t2_1_values"]
    assert broken.score == 2.0 and broken.needs_manual_grade
    assert "needs a manual grade" in broken.message
    assert all(
        c.score == c.max_score and not c.needs_manual_grade
        for g, c in ref.items()
        if g != "t2_1_values"
    )
