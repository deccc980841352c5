"""Sample students: notebooks made from the release notebook, for the demo, tests and benchmark.

A student notebook is the release notebook with some solution cells filled in: with the
reference code, with a known mistake from the catalogue (:mod:`autograder.mistakes`), or
with code that loops forever or kills its process.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder import units
from autograder.course.builder import solution_path, split_solution
from autograder.engine import load_reference
from autograder.mistakes import Mistake, catalogue

LOOP_CODE = '''\
def {name}(*args, **kwargs):
    """Work in progress."""
    i = 0
    result = 0.0
    while i < 10:  # forgot `i += 1`: never ends
        result += 0.0
    return result
'''

CRASH_CODE = '''\
def {name}(*args, **kwargs):
    """Work in progress."""
    import os

    os._exit(1)  # a leftover "stop here" while debugging: ends its process
'''


@dataclass
class Student:
    """A sample student: an id, what they did, and the code of each function they wrote.

    Attributes:
        id: nbgrader student id.
        story: one line saying what this student did.
        code: ``{function: code}`` replacing the function in its solution cell; functions not
            listed keep the reference code, unless ``stub`` is set.
        stub: leave the release notebook untouched where ``code`` says nothing.
        edit: ``{grade_id: new source}`` edits of grade cells ("" deletes the cell).
    """

    id: str
    story: str
    code: dict[str, str] = field(default_factory=dict)
    stub: bool = False
    edit: dict[str, str] = field(default_factory=dict)


def reference_sections(unit: str) -> dict[str, str]:
    """Return ``{task id: code of the task's section}`` of the reference solution."""
    _, _, sections = split_solution(solution_path(unit).read_text(encoding="utf-8"))
    return dict(sections)


def replace_function(section: str, name: str, code: str) -> str:
    """Replace top-level function ``name`` in ``section`` by ``code`` (a ``def``)."""
    lines = section.splitlines()
    for node in ast.parse(section).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            start = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
            return "\n".join(
                lines[:start] + code.rstrip("\n").splitlines() + lines[node.end_lineno :]
            )
    return section + "\n\n" + code


def fill(release: NotebookNode, unit: str, student: Student) -> NotebookNode:
    """Return the student's notebook: the release notebook with their code filled in."""
    nb = copy.deepcopy(release)
    u = units.get(unit)
    sections = reference_sections(unit)
    by_sol = {f"sol_t{t.id.replace('.', '_')}": t for t in u.tasks}
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        task = by_sol.get(gid)
        if task is None:
            continue
        if task.function in student.code:
            cell.source = replace_function(
                sections[task.id], task.function, student.code[task.function]
            )
        elif not student.stub:
            cell.source = sections[task.id]
    cells = []
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in student.edit:
            if student.edit[gid] == "":
                continue
            cell.source = student.edit[gid]
        cells.append(cell)
    nb.cells = cells
    return nb


def slowest_safe_function(unit: str) -> str:
    """The function a sample student makes loop: the task with the fewest checks (last wins)."""
    u = units.get(unit)
    return min(reversed(u.tasks), key=lambda t: len(t.checks)).function


def mistake_students(unit: str, count: int = 3) -> list[Student]:
    """Students whose code has known mistakes: student k gets one for every k-th function.

    Only mistakes that cost points are chosen (an advice-only entry, such as a default
    learning rate other than the course's, would show a "buggy" student with full marks).
    """
    by_function: dict[str, list[Mistake]] = {}
    for m in catalogue(unit):
        if m.fails:
            by_function.setdefault(m.function, []).append(m)
    functions = [t.function for t in units.get(unit).tasks if t.function in by_function]
    reference = load_reference(unit)
    students = []
    for k in range(min(count, len(functions))):
        chosen = [
            by_function[f][k % len(by_function[f])]
            for i, f in enumerate(functions)
            if i % count == k
        ]
        students.append(
            Student(
                f"buggy{k + 1}",
                "; ".join(f"{m.function}: {m.title}" for m in chosen),
                {m.function: m.source(reference) for m in chosen},
            )
        )
    return students


def sample_students(unit: str, *, faulty: bool = True) -> list[Student]:
    """The demo's students for a unit: reference, stubs, buggy ones, maybe two faulty ones.

    With ``faulty``, one student's code loops forever and one's ends its process.
    """
    out = [
        Student("reference", "the reference solutions"),
        Student("stubs", "the untouched release notebook", stub=True),
        *mistake_students(unit),
    ]
    if faulty:
        name = slowest_safe_function(unit)
        first = units.get(unit).tasks[0].function
        out.append(
            Student("looper", f"{name}() loops forever", {name: LOOP_CODE.format(name=name)})
        )
        out.append(
            Student(
                "crasher",
                f"{first}() calls os._exit (its process dies)",
                {first: CRASH_CODE.format(name=first)},
            )
        )
    return out


def submit(root: Path | str, unit: str, student_id: str, nb: NotebookNode) -> Path:
    """Write a notebook where nbgrader expects the student's submission; return its path."""
    path = Path(root) / "submitted" / student_id / unit / f"{unit}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def release_notebook(root: Path | str, unit: str) -> NotebookNode:
    """Read the release (student) notebook nbgrader generated for a unit."""
    return nbformat.read(str(Path(root) / "release" / unit / f"{unit}.ipynb"), as_version=4)
