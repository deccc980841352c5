"""`autograder course report`: the class's scores and named mistakes, per task, on one page.

The class (tests/classroom.py) is autograded by nbgrader with the course's configuration; the
report must count each known mistake once per student who made it, agree with the
gradebook's scores, ignore a forged result in a submitted notebook, and name no student.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from autograder import units
from autograder.cli import main
from autograder.course.class_report import Submission, read_submissions, summarize
from autograder.course.class_report_page import write_report
from autograder.course.session import CourseSession
from autograder.results import NOT_IMPLEMENTED, CheckResult, TaskResult, UnitResult
from tests import classroom
from tests.classroom import UNIT


@pytest.fixture(scope="module")
def course():
    return classroom.sample_class()


@pytest.fixture(scope="module")
def report(course):
    return summarize(UNIT, read_submissions(course, UNIT))


def test_every_student_is_read_and_graded(course, report):
    subs = read_submissions(course, UNIT)
    assert [s.student for s in subs] == sorted(s.id for s in classroom.students())
    assert all(s.result is not None for s in subs)
    assert report.students == len(subs) and report.not_gradable == 0


def test_each_named_mistake_is_counted_once_per_student(report):
    found = Counter({(t.function, m.title): m.students for t in report.tasks for m in t.mistakes})
    for key, n in classroom.expected_counts().items():
        assert found[key] == n, (key, found)
    for task in report.tasks:
        for m in task.mistakes:
            assert m.title in m.example  # the engine's message names the mistake
            assert not any(sid in m.example for sid in classroom.MISTAKES)
    assert all(t.not_implemented == 1 for t in report.tasks)  # the stubs student


def test_scores_agree_with_the_gradebook(course, report):
    ids = [s.student for s in read_submissions(course, UNIT)]
    graded = CourseSession(course).grades(UNIT, ids)
    assert sorted(report.totals) == sorted(g.score for g in graded)
    for task in report.tasks:
        assert sorted(task.scores) == sorted(g.task_score(task.id) for g in graded)
        full = sum(1 for g in graded if g.task_score(task.id) == task.max_score)
        assert task.full_marks == full


def test_a_forged_result_in_the_notebook_is_replaced_at_autograde(course):
    (forged,) = [s for s in read_submissions(course, UNIT) if s.student == classroom.FORGED]
    total = sum(t.points for t in units.get(UNIT).tasks)
    assert forged.result.score < total
    assert forged.result.tasks  # the engine's result, not the forged one


def test_a_students_raw_html_is_cleaned_at_autograde_with_a_note(course):
    import nbformat

    from autograder.course.sanitize import METADATA_KEY, NOTES_KEY

    path = course / "autograded" / classroom.NOTE_WRITER / UNIT / f"{UNIT}.ipynb"
    nb = nbformat.read(path, as_version=4)
    (raw,) = [c for c in nb.cells if c.cell_type == "raw"]
    assert "<script>" not in raw.source and "raw notes" in raw.source
    notes = nb.metadata[METADATA_KEY][NOTES_KEY]
    assert any(n.startswith("raw cell(s) 3: HTML that could run in a browser") for n in notes)


def test_the_page_and_its_plots(course, report, tmp_path, capsys):
    assert main(["course", "report", UNIT, "--course", str(course), "--out", str(tmp_path)]) == 0
    assert str(tmp_path / "index.html") in capsys.readouterr().out
    page = (tmp_path / "index.html").read_text()
    images = re.findall(r"<img src='([^']+)'", page)
    assert len(images) == 1 + len(report.tasks)
    for name in images:
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for (_, title), n in classroom.expected_counts().items():
        cell = re.escape(html.escape(title))
        assert re.search(rf"{cell}</td><td class='num'>{n} \(", page), title
    for sid in [s.id for s in classroom.students()]:
        assert sid not in page  # anonymized


def test_no_submission_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(FileNotFoundError):
        write_report(tmp_path, UNIT)
    assert main(["course", "report", UNIT, "--course", str(tmp_path)]) == 2


def _result(checks_by_task: dict[str, list[CheckResult]]) -> UnitResult:
    unit = units.get(UNIT)
    tasks = []
    for spec in unit.tasks:
        given = {c.name: c for c in checks_by_task.get(spec.id, [])}
        tasks.append(
            TaskResult(
                spec.id,
                spec.function,
                [
                    given.get(c.name, CheckResult(c.name, True, c.points, c.points))
                    for c in spec.checks
                ],
            )
        )
    return UnitResult(UNIT, tasks)


def _passed(name: str, points: float) -> CheckResult:
    return CheckResult(name, True, points, points)


def _failed(name: str, points: float, mistake=None, message="msg") -> CheckResult:
    return CheckResult(name, False, 0.0, points, message, "failed", mistake=mistake)


def test_summary_counts_students_not_checks_and_prefers_visible_examples():
    no_mean = {"id": "no_mean", "title": "forgets 1/m everywhere"}
    other = {"id": "no_mean", "title": "another function's mistake with the same id"}
    stub = {"id": NOT_IMPLEMENTED, "title": "not implemented yet"}
    propagate = units.get(UNIT).task("3.3").checks
    both = [
        _failed("hidden", 2, no_mean, "hidden example"),
        _failed("values", 2, no_mean, "visible example"),
    ]
    subs = [
        Submission("a", _result({"3.3": both})),
        Submission("b", _result({"3.3": [_failed("hidden", 2, no_mean, "hidden example")]})),
        Submission("c", _result({"3.3": [_failed("values", 2, other)]})),
        Submission("d", _result({"3.3": [_failed(c.name, c.points, stub) for c in propagate]})),
        Submission("e", _result({"3.3": [_failed("gradcheck", 3)]})),
        Submission("f", None, "autograde failed"),
    ]
    report = summarize(UNIT, subs)
    task = next(t for t in report.tasks if t.id == "3.3")
    assert report.students == 5 and report.not_gradable == 1
    assert [(m.title, m.students, m.checks) for m in task.mistakes] == [
        ("forgets 1/m everywhere", 2, ["values", "hidden"]),
        ("another function's mistake with the same id", 1, ["values"]),
    ]
    assert task.mistakes[0].example == "visible example"
    assert task.not_implemented == 1 and task.unnamed == 1
    assert task.full_marks == 0 and task.failed_checks["values"] == 3
    others = [t for t in report.tasks if t.id != "3.3"]
    assert all(t.full_marks == 5 and not t.mistakes for t in others)
