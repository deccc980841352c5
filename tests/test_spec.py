"""Declaring checks where they are written: names imply kinds, docstrings are descriptions."""

from __future__ import annotations

import pytest

from autograder import units
from autograder.spec import KIND_HEADLINES, Unit, default_kind


def test_a_check_is_declared_next_to_its_code():
    unit = Unit("demo", 9, "demo unit")
    t = unit.task("9.1", "f", "a function")

    @t.check("returns_float", 1)
    def _returns_float(ctx):
        """returns a real number."""

    t.add("hidden", 2, lambda ctx: None, "matches the reference", hidden=True)
    t.add("gradcheck_deep", 3, lambda ctx: None, "agrees with centred differences")

    @t.advise("stable")
    def _stable(ctx):
        """no overflow at extreme inputs"""

    assert unit.task("9.1") is t and unit.task("f") is t and unit.task("task9_1") is t
    assert [(c.name, c.kind, c.hidden) for c in t.checks] == [
        ("returns_float", "type", False),
        ("hidden", "hidden", True),
        ("gradcheck_deep", "gradient", False),
    ]
    assert t.checks[0].description == "returns a real number"
    assert t.points == 6
    assert [a.description for a in t.advice] == ["no overflow at extreme inputs"]
    with pytest.raises(ValueError):
        t.add("hidden", 1, lambda ctx: None)
    with pytest.raises(ValueError):
        unit.task("9.1", "g")
    with pytest.raises(KeyError):
        unit.task("9.2")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("shape", "shape"),
        ("w_shape", "shape"),
        ("values", "values"),
        ("no_mutation", "mutation"),
        ("no_loops", "vectorization"),
        ("b_float", "type"),
        ("keeps_best", "behaviour"),
    ],
)
def test_names_imply_kinds(name, kind):
    assert default_kind(name) == kind


def test_every_check_of_every_unit_has_a_known_kind_and_a_description():
    for unit in units.all_units():
        for task in unit.tasks:
            for check in task.checks:
                assert check.kind in KIND_HEADLINES, (task.id, check.name, check.kind)
                assert check.description, (task.id, check.name)


def test_every_task_checks_type_shape_or_structure_before_values():
    """A wrong shape or type is reported as such, before any value or gradient comparison."""
    first_kinds = {"type", "shape", "structure"}
    later = {"values", "hidden", "gradient", "edge"}
    missing = []
    for unit in units.all_units():
        for task in unit.tasks:
            kinds = [c.kind for c in task.checks]
            first_value = next((i for i, k in enumerate(kinds) if k in later), len(kinds))
            if not first_kinds & set(kinds[:first_value]):
                missing.append(f"{task.id} {task.function}: {kinds}")
    assert missing == []
