"""A wrong result that is the right one with a sign, a factor, a transpose or an offset is named."""

from __future__ import annotations

import types

import numpy as np
import pytest

from autograder import checklib as cl
from autograder.engine import grade_submission
from autograder.relations import relation_hint
from autograder.spec import Unit
from autograder.submission import Submission

RIGHT = np.array([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]])


@pytest.mark.parametrize(
    ("got", "words"),
    [
        (-RIGHT, "wrong sign"),
        (5 * RIGHT, "exactly 5 times the right result"),
        (RIGHT / 4, "exactly 1/4 of the right result"),
        (RIGHT.T, "transposed"),
        (RIGHT + 0.25, "off by the same 0.25"),
    ],
)
def test_a_simple_relation_is_named(got, words):
    assert words in relation_hint(got, RIGHT, "f()")


@pytest.mark.parametrize(
    ("got", "right"),
    [
        (RIGHT * 1.7, RIGHT),  # not a whole factor: no story to tell
        (RIGHT + np.eye(2, 3), RIGHT),  # differs in some entries only
        (3.0, 1.5),  # one number: any wrong one is a multiple of the right one
        (np.ones(2, dtype=complex), np.ones(2)),
        ("text", RIGHT),
        (RIGHT, RIGHT),
    ],
)
def test_no_relation_is_invented(got, right):
    assert relation_hint(got, right, "f()") is None


def test_the_first_differing_part_of_a_result_is_named():
    right = ({"dw": RIGHT, "db": 0.5}, 0.7)
    got = ({"dw": 3 * RIGHT, "db": 1.5}, 0.7)
    assert relation_hint(got, right, "propagate()").startswith("propagate()[0]['dw'] is exactly 3")


def test_a_check_without_a_hint_gets_the_relation_as_its_hint():
    unit = Unit("relation_demo", 9, "relation demo")
    t = unit.task("9.1", "grads", "gradients")
    x = np.array([1.0, 2.0, 4.0])
    t.add("values", 1, cl.visible_values("grads/values", [(x,)], name="grads(x)"), "values")
    reference = types.ModuleType("ref")
    exec("def grads(x):\n    return x / 3", vars(reference))  # noqa: S102
    ns: dict = {}
    exec("def grads(x):\n    return x", ns)  # noqa: S102 - the /m left out
    sub = Submission("relation_demo", ns, "demo", source_text="def grads(x):\n    return x")
    (task,) = grade_submission(unit, sub, reference=reference).tasks
    (check,) = task.checks
    assert not check.passed
    assert "hint:     grads() is exactly 3 times the right result" in check.message
