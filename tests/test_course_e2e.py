"""End to end with the real nbgrader on one temporary course (the generated configuration).

One course, unit numpy_basics. Through nbgrader's Python API in this process, with short
time limits: the reference, the stubs, a buggy student, a tamperer (buggy code, grade cells
edited, one deleted, the grader patched in the kernel), a looper, a crasher, a swallower, a
corrupt file, hostile students (issue 10, class 1: each a stub notebook plus one hostile cell)
and odd notebooks (issue 10, class 5), each followed by honest students. Then one run of the
real ``nbgrader autograde`` command with the course's own limits on more of them, and an
honest explorer whose three 12-second cells fit nbgrader's 20 s cell limit.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pytest

import autograder
from autograder import units
from autograder.course.builder import build_course, grade_id
from autograder.course.nbgrader_plugin import EngineGrades
from autograder.course.parallel import DaskPool, LocalPool, autograde_class
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
from tests.faults import modes
from tests.hostile_cells import (
    HOSTILE,
    ODD,
    OVERSIZED,
    hostile_cell,
    not_utf8,
    unreadable_text,
    with_code_cell,
)

UNIT = "numpy_basics"
FULL = 42.0
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
KIT = str(Path(autograder.__file__).resolve().parent)
TOKEN = f"agdetached{uuid.uuid4().hex[:10]}"
#: The honest student each hostile one tries to harm before it is graded.
VICTIM = "zz_victim"
EXPLORE_CODE = "import time\nfor _ in range(12):\n    time.sleep(1.0)  # exploring: slow but finite"


class BrokenGrades(EngineGrades):
    """The engine fails on t2_1_values (a grader bug): that check becomes not_gradable."""

    def grade(self, nb, unit):
        graded = super().grade(nb, unit)
        for task in graded.result.tasks:
            for i, c in enumerate(task.checks):
                if task.id == "2.1" and c.name == "values":
                    task.checks[i] = CheckResult(
                        c.name, False, 0.0, c.max_score, "grader error: boom", "not_gradable"
                    )
        return graded


class StampedGrades(EngineGrades):
    """The engine reports the isolation it used (``UnitResult.isolation``)."""

    def grade(self, nb, unit):
        graded = super().grade(nb, unit)
        graded.isolation = "bubblewrap (test stamp)"
        return graded


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
        *[
            Student(f"hostile_{name}", f"stubs + hostile cell: {name}", stub=True)
            for name in HOSTILE
        ],
        *[Student(f"odd_{name}", f"reference + odd metadata: {name}") for name in ODD],
        Student("odd_unreadable", "JSON that is not a notebook"),
        Student("odd_not_utf8", "reference, saved with bytes that are not UTF-8"),
        *[Student(f"big_{name}", f"reference + too large: {name}") for name in OVERSIZED],
        Student("after", "graded after the others"),
        Student(VICTIM, "honest, graded last; the hostile students target this notebook"),
    ]


def _notebook(release, s: Student, course: Path) -> nbformat.NotebookNode:
    nb = fill(release, UNIT, s)
    if s.id == "tamperer":
        for cell in nb.cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "t2_8_values":
                cell.metadata.nbgrader.points = 100.0
    kind = s.id.split("_", 1)[1] if "_" in s.id else ""
    if s.id.startswith("hostile_"):
        code = hostile_cell(kind, course=str(course), kit=KIT, victim=VICTIM, token=TOKEN)
        nb = with_code_cell(nb, code)
    if s.id.startswith("odd_") and kind in ODD:
        nb = ODD[kind](nb)
    if s.id.startswith("big_"):
        nb = OVERSIZED[kind][0](nb)
    return nb


def _write(root: Path, sid: str, nb) -> Path:
    """Submit as the student's Jupyter would save it (JSON escapes, so lone surrogates stay)."""
    path = submit(root, UNIT, sid, nbformat.v4.new_notebook())
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=True))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _submitted_digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): _digest(p)
        for p in sorted((root / "submitted").rglob("*"))
        if p.is_file()
    }


def _grade_rows(root: Path) -> list[tuple]:
    con = sqlite3.connect(root / "gradebook.db")
    try:
        return con.execute(
            "SELECT student.id, base_cell.name, grade.auto_score, grade.manual_score, "
            "grade.extra_credit FROM grade "
            "JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id "
            "JOIN submitted_assignment ON submitted_notebook.assignment_id = "
            "submitted_assignment.id "
            "JOIN student ON submitted_assignment.student_id = student.id "
            "JOIN base_cell ON grade.cell_id = base_cell.id ORDER BY 1, 2"
        ).fetchall()
    finally:
        con.close()


def _leftover_processes(token: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if token.encode() in cmd:
            found.append(pid)
    return found


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    build_course(root, [UNIT])
    session = CourseSession(root, FAST)
    assert session.release(UNIT)["success"]
    release = release_notebook(root, UNIT)
    students = _students()
    for s in students:
        path = _write(root, s.id, _notebook(release, s, root))
        if s.id == "corrupt":
            path.write_text('{"cells": [ this is not json')
        if s.id == "odd_unreadable":
            path.write_text(unreadable_text())
        if s.id == "odd_not_utf8":
            path.write_bytes(not_utf8(path.read_bytes()))
    before = _submitted_digests(root)
    kit_before = sorted(p.name for p in Path(KIT).rglob("*") if TOKEN in p.name)
    messages_before = _digest(Path(KIT) / "messages.py")
    results, took = {}, {}
    for s in students:
        start = time.perf_counter()
        results[s.id] = session.autograde(UNIT, s.id)
        took[s.id] = time.perf_counter() - start
    time.sleep(3)  # give a detached process time to act
    grades = {g.student: g for g in session.grades(UNIT, [s.id for s in students])}
    return {
        "root": root,
        "session": session,
        "results": results,
        "took": took,
        "grades": grades,
        "before": before,
        "after": _submitted_digests(root),
        "kit": (kit_before, messages_before),
        "students": students,
    }


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
    results, grades = course["results"], course["grades"]
    assert results["reference"]["success"] and results["stubs"]["success"]
    ref, stubs = grades["reference"], grades["stubs"]
    assert ref.score == ref.max_score == sum(t.points for t in units.get(UNIT).tasks)
    assert all(c.score == c.max_score and not c.needs_manual_grade for c in ref.checks)
    assert stubs.score == 0.0
    assert all(c.score == 0.0 and not c.needs_manual_grade for c in stubs.checks)
    assert "not implemented" in stubs.first_failure()


def test_buggy_submission_gets_exactly_the_engine_scores(course):
    root, results, grades = course["root"], course["results"], course["grades"]
    buggy = grades["buggy1"]
    assert results["buggy1"]["success"]
    engine = _engine_scores(root / "submitted" / "buggy1" / UNIT / f"{UNIT}.ipynb")
    assert _db_scores(buggy) == engine
    assert 0 < buggy.score < buggy.max_score


def test_tampered_cells_are_graded_on_the_instructors_cells(course):
    root, results, grades = course["root"], course["results"], course["grades"]
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
    root = course["root"]
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
    root, session = course["root"], course["session"]
    results, grades = course["results"], course["grades"]
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
    root, session = course["root"], course["session"]
    assert session.generate_feedback(UNIT, "buggy1")["success"]
    page = (root / "feedback" / "buggy1" / UNIT / f"{UNIT}.html").read_text()
    assert "Task 2.1" in page
    assert "HIDDEN TESTS" not in page
    assert "&#39;hidden&#39;)" not in page and "'hidden')" not in page
    nb = nbformat.read(root / "autograded" / "buggy1" / UNIT / f"{UNIT}.ipynb", as_version=4)
    hidden = [
        c
        for c in nb.cells
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id", "").endswith("_hidden")
    ]
    failed = [c.outputs[0].text for c in hidden if "hidden inputs" in c.outputs[0].text]
    assert len(failed) >= 3
    for text in failed:
        # no input, returned or expected value: only the verdict, hints and notes
        for label in ("called:", "got:", "expected:", "mismatch:"):
            assert label not in text, text
        assert not re.search(r"\d\.\d{3,}", text), text
        assert text.splitlines()[0].startswith("Task 2.")
        page_text = html.unescape(page)
        assert text.splitlines()[0] in page_text


HONEST = ("reference", "after", VICTIM, *(f"odd_{k}" for k in ODD))


def test_hostile_cells_change_nothing_and_gain_nothing(course):
    root, results, grades = course["root"], course["results"], course["grades"]
    for sid in HONEST:
        assert results[sid]["success"], (sid, results[sid].get("error", "")[-1500:])
        assert grades[sid].score == FULL, sid
    for name in HOSTILE:
        sid = f"hostile_{name}"
        assert results[sid]["success"], (sid, results[sid].get("error", "")[-1500:])
        assert grades[sid].gradable and grades[sid].score == 0.0, sid  # stubs: nothing gained
    # no submitted file changed, no score forged or zeroed, the gradebook is intact
    assert course["after"] == course["before"]
    rows = _grade_rows(root)
    assert rows and all(manual is None and extra is None for *_, manual, extra in rows)
    con = sqlite3.connect(root / "gradebook.db")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    # nothing outlived its grading, nothing was written into the installed kit
    assert _leftover_processes(TOKEN) == []
    time.sleep(1)
    assert _grade_rows(root) == rows
    kit_before, messages_before = course["kit"]
    assert sorted(p.name for p in Path(KIT).rglob("*") if TOKEN in p.name) == kit_before == []
    assert _digest(Path(KIT) / "messages.py") == messages_before
    # the autograded notebook says how student code was isolated
    nb = nbformat.read(root / "autograded" / "hostile_gradebook" / UNIT / f"{UNIT}.ipynb", 4)
    assert nb.metadata["autograder"]["isolation"]


def _notes(root: Path, sid: str) -> str:
    nb = nbformat.read(root / "autograded" / sid / UNIT / f"{UNIT}.ipynb", as_version=4)
    cells = [c for c in nb.cells if c.get("metadata", {}).get("autograder", {}).get("notes")]
    return html.unescape("\n".join(c.source for c in cells))


def test_odd_notebooks_are_graded_with_a_note_and_never_stop_the_batch(course):
    root, results, grades = course["root"], course["results"], course["grades"]
    expected = {
        "points": "points: '2 points' → 2.0",
        "schema": "schema version 1 was updated",
        "pasted": "unknown cell id 'cell-9f3e2b1c0a'",
        "surrogate": "lone UTF-16 surrogates",
        "ids": "3 cell id(s) missing, repeated or not of Jupyter's form were renewed",
        "structure": "cell 3's source was not text: the cell was emptied",
        "not_utf8": "numpy_basics.ipynb is not UTF-8 text (byte ",
    }
    for kind, note in expected.items():
        sid = f"odd_{kind}"
        assert results[sid]["success"] and grades[sid].score == FULL, sid
        assert note in _notes(root, sid), (sid, _notes(root, sid))
        assert "odd" not in _notes(root, "reference")
    # a file nbformat cannot read is not gradable (no score, not 0) and the batch goes on
    assert not results["odd_unreadable"]["success"]
    assert not grades["odd_unreadable"].gradable and grades["odd_unreadable"].score is None
    assert results["after"]["success"] and grades["after"].score == FULL
    assert _notes(root, "reference") == ""


def test_notebooks_too_large_get_zero_with_the_reason_fast_and_the_batch_goes_on(course):
    root, results, grades = course["root"], course["results"], course["grades"]
    took = course["took"]
    for name, (_, reason) in OVERSIZED.items():
        sid = f"big_{name}"
        assert results[sid]["success"], (sid, results[sid].get("error", "")[-1500:])
        g = grades[sid]
        assert g.gradable and g.score == 0.0, sid  # refused: 0 with a reason, not "not gradable"
        assert all(c.score == 0.0 and not c.needs_manual_grade for c in g.checks), sid
        assert all(reason in c.message for c in g.checks), (sid, g.first_failure())
        assert "your notebook was not graded" in _notes(root, sid), sid
        # refused before nbgrader parses it: no slower than grading an honest notebook
        assert took[sid] < max(3.0, 1.5 * took["reference"]), (sid, took)
    # the submitted files are left as they are (``course["after"]``), the next student graded
    assert results["after"]["success"] and grades["after"].score == FULL


def test_untouched_locked_cells_log_no_checksum_warning_but_tampering_does(course):
    results = course["results"]
    for sid in ("reference", "stubs", "buggy1", "after"):
        log = results[sid].get("log", "")
        assert "has changed" not in log and "WARNING" not in log, (sid, log[-2000:])
    tamper = results["tamperer"]["log"]
    assert "Attribute 'checksum' for cell t2_7_values has changed" in tamper
    assert "Attribute(s) of cell t2_8_values differ from the gradebook (points" in tamper


def test_gradebook_readout_shows_the_isolation(course, capsys):
    root = course["root"]
    session = CourseSession(
        root, {**FAST, "Autograde.autograde_preprocessors": _pipeline("StampedGrades")}
    )
    assert session.autograde(UNIT, "after")["success"]
    from autograder.cli import main

    assert main(["course", "gradebook", str(root)]) == 0
    out = capsys.readouterr().out
    assert "bubblewrap (test stamp)" in out
    line = next(ln for ln in out.splitlines() if "isolation" in ln)
    assert "after" in line or "1 submission" in line


def _pipeline(grades_class: str) -> list[str]:
    return [
        f"{__name__}.{grades_class}",
        "nbgrader.preprocessors.LimitOutput",
        "autograder.course.nbgrader_plugin.SaveEngineGrades",
    ]


# ----------------------------------------------------------------- the real nbgrader CLI

CLI_STUDENTS = (
    "x1_hostile_kill_parent",
    "x2_explorer",
    "x3_odd_points",
    "x4_honest",
    "x5_hostile_gradebook",
    "x6_odd_unreadable",
    "x7_honest",
)


def _nbgrader(root: Path, *args: str, user: str | None = None, timeout: int = 900):
    exe = Path(sys.executable).with_name("nbgrader")
    env = {**os.environ, "PATH": f"{exe.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = [str(exe), *args]
    if user:
        env["HOME"] = str(root.parent)
        cmd = ["runuser", "-u", user, "--", *cmd]
    return subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def cli_run(course):
    """`nbgrader autograde` on the shared course, with the generated config's own limits."""
    root = course["root"]
    release = release_notebook(root, UNIT)
    for sid in CLI_STUDENTS:
        s = Student(sid, sid, stub="hostile" in sid)
        nb = fill(release, UNIT, s)
        if "hostile" in sid:
            kind = sid.split("hostile_", 1)[1]
            nb = with_code_cell(
                nb, hostile_cell(kind, course=str(root), kit=KIT, victim="x7_honest", token=TOKEN)
            )
        if sid == "x2_explorer":
            for _ in range(3):
                nb = with_code_cell(nb, EXPLORE_CODE)
        if sid == "x3_odd_points":
            nb = ODD["points"](nb)
        path = _write(root, sid, nb)
        if sid == "x6_odd_unreadable":
            path.write_text(unreadable_text())
    before = _submitted_digests(root)
    rows_before = [r for r in _grade_rows(root) if not r[0].startswith("x")]
    start = time.perf_counter()
    proc = _nbgrader(root, "autograde", UNIT, "--student", "x*")
    took = time.perf_counter() - start
    feedback = _nbgrader(root, "generate_feedback", UNIT, "--student", "x*")
    time.sleep(2)
    students = list(CLI_STUDENTS)
    return {
        "proc": proc,
        "took": took,
        "feedback": feedback,
        "before": before,
        "after": _submitted_digests(root),
        "rows_before": rows_before,
        "grades": {g.student: g for g in course["session"].grades(UNIT, students)},
    }


def test_nbgrader_cli_grades_the_batch_in_the_sandbox_quietly(course, cli_run):
    root = course["root"]
    proc, grades = cli_run["proc"], cli_run["grades"]
    # only the unreadable notebook failed; nothing stopped the batch
    assert proc.returncode == 1, proc.stderr[-3000:]
    failed = [
        ln for ln in proc.stderr.splitlines() if "There was an error processing assignment" in ln
    ]
    assert len(failed) == 2 and all("x6_odd_unreadable" in ln for ln in failed), failed
    for sid in ("x2_explorer", "x3_odd_points", "x4_honest", "x7_honest"):
        assert grades[sid].score == FULL, (sid, grades[sid].first_failure())
    assert grades["x1_hostile_kill_parent"].score == 0.0
    assert grades["x5_hostile_gradebook"].score == 0.0
    assert not grades["x6_odd_unreadable"].gradable
    # the explorer's slow cells cost nothing and earned no note
    assert _notes(root, "x2_explorer") == ""
    # nothing else changed
    assert cli_run["after"] == cli_run["before"]
    assert [r for r in _grade_rows(root) if not r[0].startswith("x")] == cli_run["rows_before"]
    assert all(r[3] is None for r in _grade_rows(root))
    assert _leftover_processes(TOKEN) == []
    # quiet: no kernel, no SQLAlchemy or config warning, no checksum warning for honest work
    text = proc.stdout + proc.stderr
    for noise in ("SAWarning", "Kernel", "display_data_priority", "has changed"):
        assert noise not in text, noise
    warnings = [ln for ln in text.splitlines() if "WARNING" in ln]
    assert all("x3_odd_points" in w or "t2_1_values" in w for w in warnings), warnings
    fb = cli_run["feedback"]
    assert "display_data_priority" not in fb.stdout + fb.stderr
    assert "WARNING" not in fb.stderr.replace("Removing existing", ""), fb.stderr[-2000:]


def test_feedback_names_checks_and_tells_notebook_users_what_to_run(course, cli_run):
    root = course["root"]
    page = (root / "feedback" / "x4_honest" / UNIT / f"{UNIT}.html").read_text()
    assert "Test cell" not in page
    for task in units.get(UNIT).tasks:
        assert f"Task {task.id} · {task.function}" in page
        for check in task.checks:
            assert f'href="#{grade_id(task, check)}">{check.name}</a>' in page
    assert "pytest exercises" not in page
    assert "check('2.1')" in page.replace("&#39;", "'")


# ----------------------------------------------------------------- parallel autograde

PARALLEL = [
    "reference",
    "stubs",
    "buggy1",
    "tamperer",
    "looper",
    "crasher",
    "odd_points",
    "big_cells",
]


def _rows_of(root: Path, students) -> list[tuple]:
    return [r for r in _grade_rows(root) if r[0] in students]


class KillingPool(LocalPool):
    """A local pool whose first worker process is killed while it grades a submission."""

    killed = 0

    def results(self):
        for item in super().results():
            if not self.killed and self._pool is not None and self._futures:
                victim = next(iter(self._pool._processes.values()))
                os.kill(victim.pid, 9)
                self.killed = victim.pid
            yield item


def test_parallel_autograde_records_exactly_what_nbgrader_autograde_did(course):
    root = course["root"]
    before = _rows_of(root, PARALLEL + ["corrupt"])
    pool = KillingPool(2)
    report = autograde_class(
        root, UNIT, students=[*PARALLEL, "corrupt"], overrides=FAST, progress=False, pool=pool
    )
    pool.close()
    assert pool.killed, "no worker was killed"
    assert sorted(report.graded) == sorted(PARALLEL)
    assert list(report.failed) == ["corrupt"]
    assert report.retried, "the killed worker's submission was not sent again"
    assert report.regraded == {}  # every result came from a worker
    assert _rows_of(root, PARALLEL + ["corrupt"]) == before
    assert "not gradable: corrupt" in report.summary()


def test_dask_autograde_equals_the_single_process_run_even_when_a_worker_dies(course):
    from dask.distributed import LocalCluster

    root = course["root"]
    before = _rows_of(root, PARALLEL)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        pool = DaskPool(cluster.scheduler_address)
        pids = list(pool.client.run(os.getpid).values())
        killed = []

        def kill_one(unit, sid, res):  # a worker process dies while others are being graded
            if not killed:
                os.kill(pids[0], 9)
                killed.append(sid)

        report = autograde_class(
            root,
            UNIT,
            students=PARALLEL,
            overrides=FAST,
            progress=False,
            pool=pool,
            on_result=kill_one,
        )
        pool.close()
    assert killed
    assert sorted(report.graded) == sorted(PARALLEL) and report.failed == {}
    assert _rows_of(root, PARALLEL) == before


def test_course_autograde_command(course, capsys):
    from autograder.cli import main

    root = course["root"]
    before = _rows_of(root, ["reference", "buggy1"])
    code = main(
        [
            "course",
            "autograde",
            UNIT,
            "--course",
            str(root),
            "--student",
            "reference",
            "--student",
            "buggy1",
            "--jobs",
            "2",
            "--no-progress",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "numpy_basics: 2 submissions" in out and "2 autograded, 0 not gradable" in out
    # the generated configuration's own limits (no FAST overrides): same scores here
    assert _rows_of(root, ["reference", "buggy1"]) == before


def test_postgres_gradebook_gets_the_same_scores_as_sqlite(course, tmp_path):
    from tests.postgres_server import create_database, running_postgres

    sqlite_root = course["root"]
    students = ["reference", "stubs", "buggy1", "looper"]
    with running_postgres() as server:
        url = create_database(server, "gradebook")
        root = tmp_path / "pgcourse"
        build_course(root, [UNIT], db_url=url)
        session = CourseSession(root, FAST)
        assert session.release(UNIT)["success"]
        for sid in students:
            src = sqlite_root / "submitted" / sid / UNIT / f"{UNIT}.ipynb"
            dest = root / "submitted" / sid / UNIT / f"{UNIT}.ipynb"
            dest.parent.mkdir(parents=True)
            dest.write_bytes(src.read_bytes())
        report = autograde_class(root, UNIT, overrides=FAST, progress=False, jobs=2)
        assert sorted(report.graded) == sorted(students) and report.failed == {}
        pg = {g.student: g for g in CourseSession(root, FAST).grades(UNIT, students)}
        assert not (root / "gradebook.db").exists()
    sqlite = course["grades"]
    for sid in students:
        assert _db_scores(pg[sid]) == _db_scores(sqlite[sid]), sid


def test_autograding_again_gives_the_same_scores(course):
    session, grades = course["session"], course["grades"]
    again = ["buggy1", "tamperer", "looper"]
    for sid in again:
        assert session.autograde(UNIT, sid)["success"]
    regraded = {g.student: g for g in session.grades(UNIT, again)}
    for sid in again:
        assert _db_scores(regraded[sid]) == _db_scores(grades[sid]), sid


def test_not_gradable_check_keeps_the_earlier_score(course):
    root = course["root"]
    session = CourseSession(
        root,
        {
            **FAST,
            "Autograde.autograde_preprocessors": _pipeline("BrokenGrades"),
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


# ----------------------------------------------------------------- as an ordinary user

USER_SCRIPT = """
import json, sys
from pathlib import Path
from autograder.course.builder import build_course
from autograder.course.parallel import autograde_class
from autograder.course.session import CourseSession
from autograder.course.students import Student, fill, release_notebook, submit
from tests.hostile_cells import HOSTILE, hostile_cell, with_code_cell

root, kit, token = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
unit = "numpy_basics"
build_course(root, [unit])
LIMITS = {"EngineGrades.limits": {"call_timeout": 2.0}}
session = CourseSession(root, LIMITS)
assert session.release(unit)["success"]
release = release_notebook(root, unit)
ids = ["a_reference", *(f"h_{name}" for name in HOSTILE), "zz_victim"]
for sid in ids:
    nb = fill(release, unit, Student(sid, sid, stub=sid.startswith("h_")))
    if sid.startswith("h_"):
        code = hostile_cell(sid[2:], course=str(root), kit=kit, victim="zz_victim", token=token)
        nb = with_code_cell(nb, code)
    submit(root, unit, sid, nb)
print(json.dumps({"submitted": True}), flush=True)
# the class in parallel worker processes, each running nbgrader's autograde (course autograde)
report = autograde_class(root, unit, students=ids, jobs=2, overrides=LIMITS, progress=False)
results = {sid: sid in report.graded for sid in ids}
grades = session.grades(unit, ids)
print(json.dumps({
    "results": results,
    "grades": {g.student: [g.score, g.gradable, g.isolation, g.first_failure()] for g in grades},
}))
"""


#: What the no-privilege batch's grader imports only while it runs a course.
COURSE_PROBE = """
import tempfile
from pathlib import Path
from autograder.course.builder import build_course
from autograder.course.session import CourseSession
from autograder.course.parallel import autograde_class
from autograder.course.students import Student, fill, release_notebook, submit
with tempfile.TemporaryDirectory(prefix="ag-probe-") as folder:
    root = Path(folder)
    build_course(root, ["derivatives"])
    session = CourseSession(root)
    assert session.release("derivatives")["success"]
    release = release_notebook(root, "derivatives")
    submit(root, "derivatives", "probe", fill(release, "derivatives", Student("probe", "probe")))
    session.autograde("derivatives", "probe")
    session.grades("derivatives", ["probe"])
# nbgrader runs alembic as a command: what that imports
import alembic.command, alembic.config, alembic.ddl.sqlite, alembic.runtime.migration
import alembic.script, mako.template
"""


def _user_environment(base: Path, env: dict[str, str]) -> tuple[str, str]:
    """An interpreter and a source tree the tests' ordinary user can read and run.

    Where that user cannot run this interpreter (a Python installed under ``/root``), it gets
    a copy of it (tests/faults/modes.py), copies of the third-party packages a course run
    imports, an ``alembic`` command (nbgrader runs it from ``PATH``) and a copy of the kit's
    source tree (``autograder``, ``solutions``, ``tests``), all under ``base``.

    Returns:
        ``(python, source tree)``.
    """
    import shutil

    base.mkdir(parents=True, exist_ok=True)
    python = modes.user_python(modes.TEST_USER, base)
    deps = modes.copy_third_party(base / "deps", COURSE_PROBE)
    repo = Path(__file__).resolve().parent.parent
    src = base / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("autograder", "solutions", "tests"):
        shutil.copytree(repo / name, src / name, ignore=ignore)
    shutil.copy(repo / "pyproject.toml", src / "pyproject.toml")
    bin_dir = base / "bin"
    bin_dir.mkdir()
    alembic = bin_dir / "alembic"
    alembic.write_text(
        f"#!{python}\nimport sys\nfrom alembic.config import main\nsys.exit(main())\n"
    )
    alembic.chmod(0o755)
    env["PATH"] = f"{bin_dir}:{env['PATH']}"
    env["PYTHONPATH"] = f"{src}:{deps}"
    subprocess.run(["chmod", "-R", "a+rX", str(base)], check=True)
    return python, str(src)


def _unprivileged(
    mode: str, base: Path, env: dict[str, str]
) -> tuple[list[str], str, str | None, str]:
    """How to run the batch without privileges: prefix, interpreter, file owner, kit folder.

    ``user`` is an ordinary account (created when running as root; when running as an
    ordinary user already, this process's own account); ``nosysadmin`` is root without
    CAP_SYS_ADMIN (``setpriv``, as in a default Docker container; the same prefix as
    tests/faults/modes.py's mode of that name).
    """
    repo = Path(__file__).resolve().parent.parent
    if os.geteuid() != 0:
        return [], sys.executable, None, str(repo / "autograder")
    if mode == "nosysadmin":
        return list(modes.NOSYSADMIN), sys.executable, None, str(repo / "autograder")
    modes.ensure_user()
    python, src = sys.executable, str(repo)
    if not modes.runs_as(modes.TEST_USER, python) or not os.access(repo, os.R_OK | os.X_OK):
        python, src = _user_environment(base, env)
    prefix = [*modes.as_user(modes.TEST_USER), "env", *(f"{k}={v}" for k, v in env.items())]
    return prefix, python, modes.TEST_USER, str(Path(src) / "autograder")


@pytest.mark.parametrize("mode", ["user", "nosysadmin"] if os.geteuid() == 0 else ["user"])
def test_hostile_batch_without_privileges(mode):
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="ag-user-course-"))
    os.chmod(base, 0o755)
    root, home = base / "course", base / "home"
    root.mkdir()
    home.mkdir()
    token = f"aguser{uuid.uuid4().hex[:10]}"
    repo = Path(__file__).resolve().parent.parent
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(home),
        "PYTHONPATH": str(repo),
        "LANG": "C.UTF-8",
    }
    prefix, python, user, kit = _unprivileged(mode, base / "env", env)
    print(f"running the batch as {mode} ({' '.join(prefix[:3])}), the kit in {kit}")
    if user:
        for p in (root, home):
            shutil.chown(p, user)
    cmd = [*prefix, python, "-c", USER_SCRIPT, str(root), kit, token]
    messages_before = _digest(Path(kit) / "messages.py")
    try:
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=900, env=env)
        assert proc.returncode == 0, proc.stderr[-3000:]
        lines = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.startswith("{")]
        out = lines[-1]
        time.sleep(2)
        # the batch completed; nothing outside the hostile students' own results changed
        assert all(out["results"].values()), out["results"]
        victim = root / "submitted" / "zz_victim" / UNIT / f"{UNIT}.ipynb"
        assert nbformat.read(victim, 4).cells, "the victim's notebook was overwritten"
        rows = _grade_rows(root)
        assert rows and all(manual is None for *_, manual, _ in rows)
        assert _leftover_processes(token) == []
        assert not [p for p in Path(kit).rglob("*") if token in p.name]
        assert _digest(Path(kit) / "messages.py") == messages_before
        grades = out["grades"]
        isolation = grades["a_reference"][2] or ""
        print(f"isolation: {isolation}")
        if isolation.startswith("none"):
            # No sandbox for this user here: no student code ran at all, nothing was scored,
            # and every submission says why (the engine never falls back silently).
            for sid, (score, gradable, _, first) in grades.items():
                assert score is None and gradable, sid
                assert "no sandbox could be made" in first, (sid, first)
        else:
            assert grades["a_reference"][0] == FULL and grades["zz_victim"][0] == FULL
            for sid, (score, *_rest) in grades.items():
                if sid.startswith("h_"):
                    assert score == 0.0, sid
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_an_autograde_that_failed_after_one_that_finished_exports_no_score(tmp_path):
    """Red team (round 7): a student whose second autograde failed (forced through a forged
    load error) was exported as "graded" with the first autograde's 31/31, kept in nbgrader's
    gradebook; `autograder course gradebook` already said not gradable (no autograded
    notebook). The export now decides as the gradebook does."""
    from types import SimpleNamespace

    from autograder.course.export import submission_status

    grade = SimpleNamespace(auto_score=1.0, manual_score=None, needs_manual_grade=False)
    earlier = SimpleNamespace(notebooks=[SimpleNamespace(grades=[grade])])
    gradebook = SimpleNamespace(find_submission=lambda assignment, student: earlier)
    assert submission_status(gradebook, UNIT, "forger") == "graded"  # no course root: as before
    assert submission_status(gradebook, UNIT, "forger", tmp_path).startswith("not gradable")
    done = tmp_path / "autograded" / "forger" / UNIT
    done.mkdir(parents=True)
    (done / f"{UNIT}.ipynb").write_text("{}")
    assert submission_status(gradebook, UNIT, "forger", tmp_path) == "graded"


def test_load_errors_numbered_beyond_the_notebook_cost_no_autograde():
    """Red team (round 7): the worker's load report is built in the student's process; a
    cell appending "cell 999: SyntaxError: ..." to it made the course's grading raise an
    IndexError, failing the student's autograde at will."""
    import nbformat

    from autograder.course.nbgrader_plugin import loading_notes

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    errors = ["cell 999: SyntaxError: forged", f"cell {'9' * 5000}: SyntaxError: forged"]
    assert loading_notes(nb, UNIT, errors + ["cell 0: SyntaxError: forged"]) == [
        "a cell: SyntaxError: forged",
        "a cell: SyntaxError: forged",
    ]
