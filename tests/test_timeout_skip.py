"""A function that timed out is not waited for again: its remaining checks fail at once."""

from __future__ import annotations

from autograder import context, units
from autograder.course.builder import solution_path
from autograder.course.students import LOOP_CODE, reference_sections, replace_function
from autograder.engine import grade_submission
from autograder.isolation import IsolatedSubmission, Limits

UNIT = "numpy_basics"


def _submission(
    tmp_path, function: str, limits: Limits, code: str | None = None
) -> IsolatedSubmission:
    """The reference with ``function`` replaced by ``code`` (default: a loop that never ends)."""
    text = solution_path(UNIT).read_text()
    task = next(t for t in units.get(UNIT).tasks if t.function == function)
    section = reference_sections(UNIT)[task.id]
    code = code or LOOP_CODE.format(name=function)
    text = text.replace(section, replace_function(section, function, code))
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


def test_only_a_call_stopped_at_its_own_limit_marks_the_function(tmp_path):
    sub = _submission(tmp_path, "L1", Limits(call_timeout=1.0, check_timeout=0.5))
    args = ([0.1], [0.2])
    try:
        sub.begin_check()
        out = sub.call("L1", args)  # cut short by the check's budget (0.5 s), not its limit
        assert "this check's time budget (0.5 s) ran out" in out.error.message
        assert sub.unfinished == {}
        sub.begin_check()
        out = sub.call("L1", args, timeout=0.3)  # its own limit (a check may ask for less)
        assert out.error.type == "TimeoutError" and sub.unfinished == {("L1", ()): 0.3}
        assert sub.call("L1", args).error.type == "SkippedAfterTimeout"
        # the same function with a block proxied is another call: not skipped
        sub.begin_check()
        patched = sub.call("L1", args, proxies={"helper": lambda: 0})
        assert patched.error.type == "TimeoutError"
    finally:
        sub.close()


SLOW_L1 = '''
def L1(yhat, y):
    """Correct, written with a Python loop, and slow: it sleeps a little on every call."""
    import time

    time.sleep(0.2)
    total = 0.0
    for a, b in zip(yhat, y):
        total += abs(a - b)
    return total
'''


def _graded(tmp_path, code: str):
    sub = _submission(tmp_path, "L1", Limits(), code)
    try:
        return sub, grade_submission(UNIT, sub, tasks=["L1"]).tasks[0]
    finally:
        sub.close()


def test_the_call_limit_is_relative_to_the_reference(tmp_path):
    """Default limits (10 s a call): a loop stops at 2 s, a slow correct function passes."""
    sub, looping = _graded(tmp_path, LOOP_CODE.format(name="L1"))
    assert context.QUICK_CALL_SECONDS < Limits().call_timeout
    assert sub.unfinished == {("L1", ()): context.QUICK_CALL_SECONDS}
    assert f"did not finish within {context.QUICK_CALL_SECONDS:g} s" in looping.checks[0].message
    assert all(c.status == "failed" for c in looping.checks)
    assert looping.score == 0.0 and looping.max_score == units.get(UNIT).task("2.7").points
    sub, slow = _graded(tmp_path, SLOW_L1)
    assert sub.unfinished == {}
    assert [c.status for c in slow.checks] == ["passed"] * len(slow.checks), slow.checks
    assert slow.score == slow.max_score


def test_only_calls_whose_reference_is_quick_get_the_short_limit():
    import time
    import types

    import numpy as np

    ref = types.ModuleType("reference")
    ref.quick = lambda x: x + 1
    ref.heavy = lambda x: time.sleep(0.05) or x  # a training run: 50 ms
    ref.refuses = lambda x: 1 / 0

    def limit(function: str, reference=ref, size: int = 3) -> float | None:
        task = units.get(UNIT).tasks[0]
        ctx = context.Context(task, None, reference, {}, np.random.default_rng(0))
        return ctx.call_limit(function, (np.zeros(size),))

    assert limit("quick") == context.QUICK_CALL_SECONDS
    assert limit("heavy") is None  # the submission's whole call_timeout
    assert limit("refuses") is None
    assert limit("missing") is None
    assert limit("quick", reference=None) is None
    # arguments too big to time on the reference (whatever student code fed them): full limit
    assert limit("quick", size=context.TIMED_ENTRIES + 1) is None


def test_a_stand_ins_time_is_not_the_students_in_process_either():
    """In the sandbox the worker stops the call's clock while the grader answers a stand-in;
    in-process it ran on: a composite graded with a correct block standing in could time out
    on a busy machine (a mutation sweep charged L_layer_model for its L_model_forward)."""
    import time

    from autograder.submission import Submission

    ns: dict = {}
    code = "import time\n\ndef block(x):\n    return x\n\n"
    code += "def composite(x):\n    time.sleep(0.25)\n    return block(x)\n"
    exec(code, ns)
    sub = Submission("demo", ns, "demo", source_text="")

    def slow(x):
        time.sleep(0.25)
        return x

    out = sub.call("composite", (1.0,), timeout=0.4, proxies={"block": slow})
    assert out.error is None, out.error
    assert out.value == 1.0


def test_in_process_stand_ins_share_the_calls_limit():
    """A stand-in that never ends (a grader function handed absurd arguments) still ends the
    call at its limit."""
    import time

    from autograder.submission import Submission

    ns: dict = {}
    exec("def block(x):\n    return x\n\ndef composite(x):\n    return block(x)\n", ns)
    sub = Submission("demo", ns, "demo", source_text="")
    start = time.perf_counter()
    out = sub.call("composite", (1.0,), timeout=0.3, proxies={"block": lambda x: time.sleep(60)})
    assert out.error is not None and out.error.type == "TimeoutError"
    assert time.perf_counter() - start < 5
