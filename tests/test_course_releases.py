"""Code that the course's own release accepted gets full marks; real bugs in it do not (issue 9).

The fixtures in ``tests/course_code/`` are correct students' notebooks of every release of the
course (2017, 2020, 2021+), stored as submitted; ``manifest.py`` lists the course tasks each
defines, the conventions a grader must recognize, and real bugs to inject. Each fixture is
graded as the notebook and as its script (the jupytext percent export), through the engine
exactly as ``autograder grade --json`` does (isolated worker, reference installed):

- every course task it defines gets full marks, and no check is left ``not_gradable``;
- the pytest self-check path and the nbgrader flow's grading function agree with it;
- every injected bug costs points on its own task and on no other. Injected copies are graded
  through the self-check path (in this process), which the previous point binds to
  ``autograder grade``: an isolated worker costs up to a second of CPU per file (most of it
  importing matplotlib, as the course's first cells do), and twenty more of them would nearly
  double the module's CPU time.

Each file is graded once per path (module-level cache), so the whole module stays fast.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from autograder import units
from autograder.results import UnitResult

from .course_code import HERE, parse_percent, read_fixture
from .course_code.grading import grade, lost_lines, not_gradable, task_scores
from .course_code.manifest import (
    ALIASES,
    BY_NAME,
    CONVENTIONS,
    FIXTURES,
    INJECTIONS,
    NBGRADER_FIXTURES,
    Fixture,
    Injection,
)

COURSE_UNITS = ("numpy_basics", "logistic_regression", "shallow_network", "deep_network")
_GRADED: dict[tuple[str, str], UnitResult] = {}


def _id(name: str) -> str:
    return name.replace("/", ":")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("course_code")


def graded(fx: Fixture, how: str, workdir: Path) -> UnitResult:
    key = (how, fx.name)
    if key not in _GRADED:
        _GRADED[key] = grade(fx.path, fx.unit, how, workdir)
    return _GRADED[key]


def graded_injection(inj: Injection, workdir: Path) -> UnitResult:
    key = ("injected", repr(inj))
    if key not in _GRADED:
        fx = BY_NAME[inj.fixture]
        path = workdir / f"{fx.path.parent.name}__{fx.path.stem}__{INJECTIONS.index(inj)}.py"
        path.write_text(inj.apply(fx.script), encoding="utf-8")
        _GRADED[key] = grade(path, fx.unit, "self-check", workdir)
    return _GRADED[key]


def _top_level_functions(script: str) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(script)
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def _task_function_names(unit: str, task_id: str) -> tuple[str, ...]:
    function = units.get(unit).task(task_id).function
    return (function, *ALIASES.get(function, ()))


# --------------------------------------------------------------------------- the manifest


def test_manifest_lists_exactly_the_fixture_files():
    on_disk = {f"{p.parent.name}/{p.stem}" for u in COURSE_UNITS for p in (HERE / u).glob("*")}
    assert on_disk == set(BY_NAME)
    assert len(BY_NAME) == len(FIXTURES)


@pytest.mark.parametrize("fx", FIXTURES, ids=lambda f: _id(f.name))
def test_fixture_defines_exactly_its_manifest_tasks(fx: Fixture):
    defined = _top_level_functions(fx.script)
    unit = units.get(fx.unit)
    tasks = {t.id for t in unit.tasks if set(_task_function_names(fx.unit, t.id)) & set(defined)}
    assert tasks == set(fx.tasks)
    assert set(fx.conventions) <= set(CONVENTIONS)


def test_every_unit_has_each_release_and_three_injections():
    for unit in COURSE_UNITS:
        releases = {f.release[:4] for f in FIXTURES if f.unit == unit}
        assert {"2017", "2020", "2021"} <= releases, unit
        assert sum(BY_NAME[i.fixture].unit == unit for i in INJECTIONS) >= 3, unit


def test_every_convention_is_exercised():
    used = {c for f in FIXTURES for c in f.conventions}
    assert used == set(CONVENTIONS)


@pytest.mark.parametrize("inj", INJECTIONS, ids=lambda i: f"{_id(i.fixture)}:{i.task}")
def test_injection_changes_only_its_task_function(inj: Injection):
    fx = BY_NAME[inj.fixture]
    assert inj.task in fx.tasks
    text = fx.script
    assert inj.old != inj.new and text.count(inj.old) == 1
    start = text.count("\n", 0, text.index(inj.old)) + 1
    end = start + inj.old.count("\n")
    functions = _top_level_functions(text)
    (name,) = [n for n in _task_function_names(fx.unit, inj.task) if n in functions]
    node = functions[name]
    assert node.lineno < start and end <= node.end_lineno, f"the change is not inside {name}()"
    ast.parse(inj.apply(text))  # the bug, not a syntax error, must cost the points


@pytest.mark.parametrize("fx", FIXTURES, ids=lambda f: _id(f.name))
def test_script_holds_the_notebook_cell_by_cell(fx: Fixture):
    nb = read_fixture(fx.path)
    assert nb.metadata["kit_fixture"]["about"].startswith("Course fixture: Course 1 week ")
    assert {c.cell_type for c in nb.cells} == {"code", "markdown"}
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")
    text = fx.script
    cells = parse_percent(text)
    assert [(c.cell_type, c.source) for c in nb.cells] == [(c.kind, c.source) for c in cells]
    assert text.count("# %%") == len(nb.cells)
    for cell in (c for c in nb.cells if c.cell_type == "markdown"):  # commented with "# "
        assert "\n".join(f"# {ln}" if ln else "#" for ln in cell.source.splitlines()) in text
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    magics = [ln.strip() for ln in code.splitlines() if ln.strip().startswith("%")]
    for magic in magics:  # live in the notebook, commented out in the script
        assert f"# {magic}" in text, magic
    ast.parse(text)  # the script is Python


# --------------------------------------------------------------------------- grading


@pytest.mark.parametrize("how", ["py", "ipynb"])
@pytest.mark.parametrize("fx", FIXTURES, ids=lambda f: _id(f.name))
def test_course_tasks_get_full_marks(fx: Fixture, how: str, workdir: Path):
    result = graded(fx, how, workdir)
    assert not_gradable(result) == [], "the grader could not grade these checks"
    for t in result.tasks:
        if t.id in fx.tasks:
            assert t.max_score > 0, f"task {t.id} was not graded"
    lost = lost_lines(result, fx.tasks)
    if lost:
        pytest.fail(f"{fx.name}.{how} lost points on course tasks:\n" + "\n".join(lost))


@pytest.mark.parametrize("inj", INJECTIONS, ids=lambda i: f"{_id(i.fixture)}:{i.task}")
def test_injected_bug_costs_only_its_task(inj: Injection, workdir: Path):
    fx = BY_NAME[inj.fixture]
    clean = task_scores(graded(fx, "self-check", workdir))
    buggy = task_scores(graded_injection(inj, workdir))
    if not buggy[inj.task] < clean[inj.task]:
        pytest.fail(
            f"{inj.description}: task {inj.task} lost nothing (clean {clean[inj.task]:g}, "
            f"with the bug {buggy[inj.task]:g})"
        )
    others = {t: (clean[t], buggy[t]) for t in clean if t != inj.task and clean[t] != buggy[t]}
    assert others == {}, f"{inj.description}: other tasks changed (clean, with the bug): {others}"


@pytest.mark.parametrize("fx", FIXTURES, ids=lambda f: _id(f.name))
def test_self_check_agrees_with_autograder_grade(fx: Fixture, workdir: Path):
    assert task_scores(graded(fx, "self-check", workdir)) == task_scores(graded(fx, "py", workdir))


@pytest.mark.parametrize("unit", COURSE_UNITS)
def test_nbgrader_flow_agrees_with_autograder_grade(unit: str, workdir: Path):
    fx = BY_NAME[NBGRADER_FIXTURES[unit]]

    def checks(result: UnitResult) -> dict[str, tuple[float, str]]:
        return {f"{t.id}.{c.name}": (c.score, c.status) for t in result.tasks for c in t.checks}

    assert checks(graded(fx, "nbgrader", workdir)) == checks(graded(fx, "ipynb", workdir))
