"""Every known mistake loses exactly its listed checks, with the expected message.

This is the proof that each check can fail: the catalogue holds realistic wrong
implementations, and this table-driven test grades each one. An entry changes one function,
so only the tasks it can reach are graded (:func:`reached_tasks`): its own, every task whose
reference calls it or declares it as a building block or comparison (transitively), and the
tasks it is listed to fail; every other task runs the unchanged reference.
``AG_MISTAKES_WHOLE_UNIT=1`` grades whole units instead (the slow proof that the two agree).
"""

from __future__ import annotations

import inspect
import os

import pytest

from autograder import units
from autograder.engine import grade_submission
from autograder.mistakes import catalogue, not_isolated_list

from .helpers import mistake_submission, reached_tasks

CASES = [
    pytest.param(u, m, id=f"{u}-{m.function}-{m.id}")
    for u in units.available()
    for m in catalogue(u)
]


def failed_checks(result) -> set[tuple[str, str]]:
    return {(t.function, c.name) for t in result.tasks for c in t.checks if c.status != "passed"}


@pytest.mark.parametrize(("unit", "m"), CASES)
def test_mistake_fails_exactly_its_checks(unit, m):
    whole = os.environ.get("AG_MISTAKES_WHOLE_UNIT") == "1"
    tasks = (
        None if whole else reached_tasks(unit, {m.function} | {f for f, _ in m.qualified_fails()})
    )
    result = grade_submission(unit, mistake_submission(unit, m), tasks=tasks)
    failed = failed_checks(result)
    assert failed == m.qualified_fails(), (
        f"{m.id}: failed {sorted(failed)}, catalogue says {sorted(m.qualified_fails())}"
    )
    messages = [c.message for t in result.tasks for c in t.checks if c.status == "failed"]
    if m.fails:
        assert any(m.message in msg for msg in messages), (
            f"{m.id}: no failing message contains {m.message!r}:\n" + "\n---\n".join(messages)
        )
    if m.advice:  # a kit-only rule: reported as advice, never scored
        advice = [a for t in result.tasks for a in t.advice]
        assert any(m.advice in a for a in advice), f"{m.id}: no advice contains {m.advice!r}"
    assert all(c.status != "not_gradable" for t in result.tasks for c in t.checks)


@pytest.mark.parametrize("unit", units.available())
def test_every_check_is_failed_by_some_mistake(unit):
    mistakes = catalogue(unit)
    covered = set().union(*(m.qualified_fails() for m in mistakes)) if mistakes else set()
    all_checks = {(t.function, c.name) for t in units.get(unit).tasks for c in t.checks}
    assert all_checks - covered == set(), "checks no mistake fails"


@pytest.mark.parametrize("unit", units.available())
def test_isolating_mistakes(unit):
    """For each check, some mistake fails that check alone, unless listed in NOT_ISOLATED."""
    isolated = {
        next(iter(m.qualified_fails())) for m in catalogue(unit) if len(m.qualified_fails()) == 1
    }
    all_checks = {(t.function, c.name) for t in units.get(unit).tasks for c in t.checks}
    not_isolated = {(unit, f, c) for f, c in all_checks - isolated}
    listed = {(unit, f, c) for f, c in not_isolated_list(unit)}
    assert not_isolated == listed


def test_a_batch_reruns_each_known_mistake_once_a_call(monkeypatch):
    """The grader's calls are the same for every student: naming a wrong model's mistake
    re-ran every catalogued model mistake (2000 iterations each) for every failing check of
    every student; the second student with the same bug re-runs none and reads the same."""
    from autograder import diagnosis
    from autograder.mistakes import Mistake

    monkeypatch.setattr(diagnosis, "_RERUNS", type(diagnosis._RERUNS)())
    builds = []
    real_build = Mistake.build
    monkeypatch.setattr(Mistake, "build", lambda m, ref: builds.append(m.id) or real_build(m, ref))
    m = next(m for m in catalogue("logistic_regression") if m.id == "random_start")
    assert m.function == "model"

    def messages():
        result = grade_submission(
            "logistic_regression", mistake_submission("logistic_regression", m), tasks=["3.6"]
        )
        return [c.message for t in result.tasks for c in t.checks if c.status == "failed"]

    first = messages()
    assert builds and any(m.title in text for text in first), first
    builds.clear()
    assert messages() == first
    assert builds == []


@pytest.mark.parametrize(
    ("body", "not_named"),
    [
        ("return list(np.maximum(0, z).ravel())", "returns a flat vector (ravel)"),
        ("return np.maximum(0, z).astype(int)", "returns a flat vector (ravel)"),
    ],
)
def test_a_known_mistake_is_named_only_for_an_output_of_its_form(body, not_named):
    """A mistake is recognised by its output: numbers alike are not enough when the form
    differs (a relu returning a list or integers was told it returns a flat vector)."""
    from autograder.engine import load_reference

    from .helpers import text_submission

    text = inspect.getsource(load_reference("shallow_network"))
    text += f"\n\ndef relu(z):\n    {body}\n"
    result = grade_submission(
        "shallow_network", text_submission("shallow_network", text), tasks=["4.5"]
    )
    messages = [c.message for t in result.tasks for c in t.checks if c.status == "failed"]
    assert messages and not any(not_named in m for m in messages), messages


def test_mistakes_one_call_cannot_tell_apart_are_all_named():
    """With num_iterations = 0 forgetting J(w0) and recording J(w) before each update both
    give (w0, []): the check on that call named the first of them (the wrong one, for this
    student); it names each, while a call that tells them apart names one, with its advice."""
    m = next(m for m in catalogue("derivatives") if m.id == "cost_before_update")
    result = grade_submission("derivatives", mistake_submission("derivatives", m), tasks=["1.5"])
    checks = {c.name: c.message for t in result.tasks for c in t.checks}
    assert "one of these known mistakes" in checks["no_iterations"]
    assert m.title in checks["no_iterations"]
    assert f"this looks like a known mistake: {m.title}. {m.hint}" in checks["uses_arguments"]
