"""A function that timed out is not waited for again: its remaining checks fail at once."""

from __future__ import annotations

from autograder import units
from autograder.course.builder import solution_path
from autograder.course.students import LOOP_CODE, reference_sections, replace_function
from autograder.engine import grade_submission
from autograder.isolation import IsolatedSubmission, Limits

UNIT = "numpy_basics"


def _submission(tmp_path, looping: str, limits: Limits) -> IsolatedSubmission:
    text = solution_path(UNIT).read_text()
    task = next(t for t in units.get(UNIT).tasks if t.function == looping)
    section = reference_sections(UNIT)[task.id]
    text = text.replace(section, replace_function(section, looping, LOOP_CODE.format(name=looping)))
    path = tmp_path / f"{UNIT}.py"
    path.write_text(text)
    return IsolatedSubmission(UNIT, str(path), [(str(path), text)], source_text=text, limits=limits)


def test_checks_after_a_timeout_are_skipped_not_waited_for(tmp_path):
    limits = Limits(call_timeout=1.0, check_timeout=30.0)
    sub = _submission(tmp_path, "L1", limits)
    try:
        result = grade_submission(UNIT, sub, tasks=["L1", "L2"])
    finally:
        sub.close()
    l1, l2 = result.tasks
    assert len(l1.checks) >= 3
    first, *rest = l1.checks
    assert first.status == "failed" and "did not finish within 1 s" in first.message
    for check in rest:
        assert check.status == "failed" and check.score == 0.0
        assert "skipped: L1() did not finish earlier (stopped after 1 s)" in check.message
    # only one call was waited for until the limit; the other function is graded as usual
    assert sub.unfinished == {("L1", ()): 1.0}
    assert all(c.status == "passed" for c in l2.checks)


def test_only_a_call_stopped_at_the_full_limit_marks_the_function(tmp_path):
    sub = _submission(tmp_path, "L1", Limits(call_timeout=1.0, check_timeout=1.5))
    args = ([0.1], [0.2])
    try:
        sub.begin_check()
        out = sub.call("L1", args, timeout=0.5)  # a check asking for less than the limit
        assert out.error.type == "TimeoutError" and sub.unfinished == {}
        out = sub.call("L1", args)  # cut short by the check's budget (1.5 s, 0.5 s used)
        assert "this check's time budget (1.5 s) ran out" in out.error.message
        assert sub.unfinished == {}
        sub.begin_check()
        out = sub.call("L1", args)  # the full limit
        assert out.error.type == "TimeoutError" and sub.unfinished == {("L1", ()): 1.0}
        assert sub.call("L1", args).error.type == "SkippedAfterTimeout"
        # the same function with a block proxied is another call: not skipped
        sub.begin_check()
        patched = sub.call("L1", args, proxies={"helper": lambda: 0})
        assert patched.error.type == "TimeoutError"
    finally:
        sub.close()
