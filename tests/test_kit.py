"""The kit's basic promises, for every unit: reference full marks, stubs zero, twins in sync."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import pytest

from autograder import expected, units
from autograder.engine import grade_submission, load_submission
from autograder.freeze import record
from autograder.isolation import from_path
from autograder.plain import same_plain
from autograder.stubs import make_stub, unit_files

from .helpers import reference_submission

ROOT = Path(__file__).resolve().parent.parent
UNITS = units.available()


def _import(path: Path):
    spec = importlib.util.spec_from_file_location(f"_twin_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("unit", UNITS)
def test_reference_scores_full_marks(unit):
    result = grade_submission(unit, reference_submission(unit))
    failed = [c.message for t in result.tasks for c in t.checks if c.status != "passed"]
    assert failed == []
    assert result.score == result.max_score > 0


@pytest.mark.parametrize("unit", UNITS)
def test_reference_file_scores_full_marks(unit):
    """The same, loading solutions/<unit>.py as a student file (the CLI's path)."""
    result = grade_submission(unit, load_submission(ROOT / "solutions" / f"{unit}.py", unit))
    assert result.score == result.max_score > 0


@pytest.mark.parametrize("unit", UNITS)
def test_untouched_stubs_score_zero_with_not_implemented(unit):
    result = grade_submission(unit, from_path(ROOT / "exercises" / f"{unit}.py", unit))
    assert result.score == 0
    for task in result.tasks:
        for check in task.checks:
            assert check.status == "failed", check.message
            assert "not implemented" in check.message, check.message
            assert f"Task {task.id}" in check.message


@pytest.mark.parametrize("unit", UNITS)
def test_every_task_has_checks_and_points(unit):
    u = units.get(unit)
    assert u.tasks
    ids = [t.id for t in u.tasks]
    assert len(set(ids)) == len(ids)
    for n, task in enumerate(u.tasks, 1):
        assert task.id == f"{u.number}.{n}"
        names = [c.name for c in task.checks]
        assert len(set(names)) == len(names)
        assert all(c.points > 0 for c in task.checks)


def test_exercises_are_generated_from_solutions():
    pairs = unit_files(ROOT)
    assert {sol.stem for sol, _ in pairs} == set(UNITS)
    for sol, ex in pairs:
        assert ex.read_text() == make_stub(sol.read_text(), sol.stem), (
            f"{ex} drifted from {sol}: run python -m autograder.stubs"
        )


@pytest.mark.parametrize("unit", UNITS)
def test_twins_have_same_functions_signatures_and_docstrings(unit):
    sol = _import(ROOT / "solutions" / f"{unit}.py")
    ex = _import(ROOT / "exercises" / f"{unit}.py")

    def public(m):
        return {
            n: f
            for n, f in vars(m).items()
            if inspect.isfunction(f) and not n.startswith("_") and f.__module__ == m.__name__
        }

    ps, pe = public(sol), public(ex)
    assert ps.keys() == pe.keys()
    for name in ps:
        assert inspect.signature(ps[name]) == inspect.signature(pe[name]), name
        assert inspect.getdoc(ps[name]) == inspect.getdoc(pe[name]), name
        assert inspect.getdoc(ps[name]), f"{name} has no docstring"
    for task in units.get(unit).tasks:
        assert task.function in pe, f"task {task.id} function {task.function} missing"
        src = inspect.getsource(pe[task.function])
        assert f'NotImplementedError("Task {task.id}: implement {task.function}")' in src


def test_make_stub_rejects_unbalanced_markers():
    with pytest.raises(ValueError, match="without"):
        make_stub("# ## Task 1.1 — f\ndef f():\n    ### END SOLUTION\n", "x")
    with pytest.raises(ValueError, match="unterminated"):
        make_stub("# ## Task 1.1 — f\ndef f():\n    ### BEGIN SOLUTION\n    return 1\n", "x")
    with pytest.raises(ValueError, match="before any"):
        make_stub("def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n", "x")


@pytest.mark.parametrize("unit", UNITS)
def test_stored_expected_values_match_the_reference(unit):
    stored = expected.load(unit)
    fresh = record(unit)
    assert stored.keys() == fresh.keys(), "run python -m autograder.freeze"
    for key in fresh:
        assert same_plain(stored[key], fresh[key], rtol=0, atol=0), key


@pytest.mark.parametrize("unit", UNITS)
def test_visible_checks_work_without_the_reference(unit):
    """Students get the kit without solutions/: visible checks use the stored values."""
    result = grade_submission(unit, reference_submission(unit), reference=None)
    for task in result.tasks:
        for check in task.checks:
            spec = next(c for c in units.get(unit).task(task.id).checks if c.name == check.name)
            if spec.hidden:
                assert check.status == "not_run"
            else:
                assert check.status == "passed", check.message
