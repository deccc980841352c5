"""Correct code gets full marks, however a student writes it (the kit's first promise).

``tests/correct_forms/<unit>.ipynb`` holds several correct implementations of every course
function, each written the way real students of some release write it (``@`` or ``np.dot``,
loops, the template's ``assert`` lines, ``print`` debugging, the course's helper imports, an
older release's name or signature...). Each is graded as a student's file would be: the
reference module's text with the variant's functions replaced by it, loaded through the
lenient loader (the course's prelude, helper modules and failing imports included). Only the
tasks the variant can reach are graded (its functions', and every task whose reference calls
one of them or declares it as a building block); every check of those tasks must pass.

A variant whose first line is ``# older release ...`` keeps an older release's signature or
template line (``compute_cost(A2, Y, parameters)``, a seed inside ``initialize_parameters``):
only the tasks it defines are graded, since the reference's other functions call it with the
current API (a student of that release wrote those callers too, as the variant's own
``nn_model`` does).
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from autograder import units
from autograder.engine import grade_submission
from autograder.private import load_reference
from autograder.submission import load_in_process

from .correct_forms import VARIANTS
from .helpers import reached_tasks

CASES = [
    pytest.param(unit, function, i, id=f"{unit}-{function}-{i}")
    for unit, table in VARIANTS.items()
    for function, sources in table.items()
    for i in range(len(sources))
]


def _defined(source: str) -> list[str]:
    return [n.name for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]


def _task_of(unit: str, name: str) -> str | None:
    """The task function ``name`` is graded as (itself, or the task it is an older name of)."""
    for t in units.get(unit).tasks:
        if name == t.function or name in t.aliases:
            return t.function
    return None


def student_file(unit: str, source: str) -> str:
    """The reference module's text, its definitions of the variant's functions replaced."""
    ref_text = inspect.getsource(load_reference(unit))
    replaced = {_task_of(unit, n) or n for n in _defined(source)}
    lines = ref_text.splitlines()
    for node in reversed(ast.parse(ref_text).body):
        if isinstance(node, ast.FunctionDef) and node.name in replaced:
            del lines[node.lineno - 1 : node.end_lineno]
    return "\n".join(lines) + "\n\n" + source.strip("\n") + "\n"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("correct_forms")


@pytest.mark.parametrize(("unit", "function", "i"), CASES)
def test_correct_form_gets_full_marks(unit, function, i, workdir):
    source = VARIANTS[unit][function][i]
    defined = {_task_of(unit, n) for n in _defined(source)} - {None}
    assert function in defined, f"the variant does not define {function}()"
    path = workdir / f"{unit}__{function}__{i}.py"
    path.write_text(student_file(unit, source), encoding="utf-8")
    submission = load_in_process(path, unit)
    older = source.lstrip("\n").startswith("# older release")
    tasks = sorted(defined) if older else reached_tasks(unit, defined)
    result = grade_submission(unit, submission, tasks=tasks)
    lost = [
        f"{t.function}.{c.name} [{c.status}]: {c.message}"
        for t in result.tasks
        for c in t.checks
        if c.status != "passed"
    ]
    assert not lost, "a correct form lost points:\n" + "\n---\n".join(lost)


def test_every_course_function_has_correct_forms():
    for unit, table in VARIANTS.items():
        course = {t.function for t in units.get(unit).tasks if t.course}
        assert course <= set(table), f"{unit}: no correct forms for {sorted(course - set(table))}"
        for function, sources in table.items():
            assert len(sources) >= 5, f"{unit}.{function}: fewer than 5 correct forms"
            assert len(set(sources)) == len(sources), f"{unit}.{function}: duplicate forms"
