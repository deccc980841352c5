"""The student bundle holds no reference solution, not even inside the grader's own code.

For every task, the distinctive lines of the reference solution's body (the code between
``### BEGIN SOLUTION`` and ``### END SOLUTION``, normalized) must not appear in any file of
the bundle. Short generic lines (``return A``) are ignored; what remains is the code a
student could copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from autograder import units
from autograder.course.bundle import write_bundle

ROOT = Path(__file__).resolve().parent.parent
MIN_CHARS = 24  # shorter lines are too generic to identify a solution
#: Lines that are control flow alone (``for _ in range(num_iterations):``) identify nothing.
CONTROL = ("for", "if", "elif", "else", "while", "return", "try", "except")
#: Scaffolding the course itself prints in its stubs (unpacking the cache it documents).
SCAFFOLDING = {"linear_cache,activation_cache=cache"}


def _normalize(line: str) -> str:
    line = line.split("#", 1)[0]
    return re.sub(r"\s+", "", line)


def solution_lines(unit: str) -> dict[str, set[str]]:
    """``{function: distinctive normalized lines of its solution region}``."""
    text = (ROOT / "solutions" / f"{unit}.py").read_text()
    out: dict[str, set[str]] = {}
    for match in re.finditer(
        r"def (\w+)\(.*?### BEGIN SOLUTION\n(.*?)### END SOLUTION", text, flags=re.S
    ):
        lines = {_normalize(ln) for ln in match.group(2).splitlines()}
        out[match.group(1)] = {
            ln
            for ln in lines
            if len(ln) >= MIN_CHARS and not ln.startswith(CONTROL) and ln not in SCAFFOLDING
        }
    return out


@pytest.fixture(scope="module")
def bundle_text(tmp_path_factory) -> dict[str, set[str]]:
    out = write_bundle(tmp_path_factory.mktemp("bundle") / "kit")
    texts = {}
    for f in out.rglob("*.py"):
        texts[str(f.relative_to(out))] = {_normalize(ln) for ln in f.read_text().splitlines()}
    return texts


def test_bundle_has_no_solutions_or_grader_only_modules(bundle_text):
    names = set(bundle_text)
    assert not any(n.startswith("solutions") for n in names)
    assert not any(
        n.startswith("autograder/mistakes/") and not n.endswith("__init__.py") for n in names
    )
    assert not any(n.endswith("_math.py") for n in names)


@pytest.mark.parametrize("unit", units.available())
def test_no_solution_code_in_the_bundle(unit, bundle_text):
    leaks = []
    for function, lines in solution_lines(unit).items():
        for name, text in bundle_text.items():
            found = sorted(lines & text)
            if found:
                leaks.append(f"{unit}.{function} in {name}: {found[:3]}")
    assert leaks == []
