"""A failing building block is named first in the message of every function that uses it."""

from __future__ import annotations

import numpy as np

from autograder import checklib as cl
from autograder.engine import grade_submission
from autograder.spec import Unit
from autograder.submission import Submission


def _unit() -> Unit:
    unit = Unit("blame_demo", 9, "blame demo")
    square = unit.task("9.1", "square", "x squared")
    square.add("values", 1, lambda ctx: cl.compare(ctx.call(2.0), 4.0, "square(2)"), "9")
    twice = unit.task("9.2", "twice_square", "2 x^2", uses=("square",))
    twice.add("values", 1, lambda ctx: cl.compare(ctx.call(2.0), 8.0, "twice_square(2)"), "18")
    inline = unit.task("9.3", "inline_square", "2 x^2 without square()", uses=("square",))
    inline.add("values", 1, lambda ctx: cl.compare(ctx.call(2.0), 8.0, "inline_square(2)"), "18")
    return unit


SOURCE = """
def square(x):
    return x * 3

def twice_square(x):
    return 2 * square(x)

def inline_square(x):
    return 3 * x * x
"""


def _submission(source: str) -> Submission:
    ns = {"np": np}
    exec(compile(source, "<student>", "exec"), ns)
    return Submission("blame_demo", ns, "demo", source_text=source)


def test_the_user_of_a_failing_block_names_it_first():
    result = grade_submission(_unit(), _submission(SOURCE), reference=None)
    by_id = {t.id: t for t in result.tasks}
    (check,) = by_id["9.2"].checks
    assert not check.passed
    assert check.cause == "twice_square() uses your square(), which fails Task 9.1: fix that first."
    assert check.message.splitlines()[1].strip().startswith("cause:")
    assert "hint:" not in check.message


def test_no_blame_for_a_function_that_does_not_call_the_block():
    result = grade_submission(_unit(), _submission(SOURCE), reference=None)
    (check,) = next(t for t in result.tasks if t.id == "9.3").checks
    assert not check.passed and check.cause is None


def test_no_blame_when_the_block_is_right():
    good = SOURCE.replace("x * 3", "x * x").replace("3 * x * x", "3 * square(x)")
    result = grade_submission(_unit(), _submission(good), reference=None)
    (check,) = next(t for t in result.tasks if t.id == "9.3").checks
    assert not check.passed and check.cause is None
