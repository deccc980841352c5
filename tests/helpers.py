"""Shared helpers for the kit's own tests."""

from __future__ import annotations

import functools
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from autograder import units
from autograder.engine import load_reference
from autograder.mistakes import Mistake
from autograder.submission import Submission, from_module

ROOT = Path(__file__).resolve().parent.parent


def run_pytest(*args: str, cwd: Path = ROOT, prelude: str = "") -> subprocess.CompletedProcess:
    """``pytest ARGS`` in a subprocess, as a student runs it (``prelude``: code run first).

    The maintainer's own ``PYTEST_ADDOPTS`` (``--durations``...) is not the student's: left out.
    """
    code = prelude + "import sys, pytest; sys.exit(pytest.main(sys.argv[1:]))"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    return subprocess.run(
        [sys.executable, "-c", code, "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def reference_submission(unit: str) -> Submission:
    """The reference solutions of a unit, as a submission."""
    return from_module(unit, load_reference(unit))


def mistake_submission(unit: str, m: Mistake) -> Submission:
    """The reference file with one function replaced in place by a known mistake.

    The file (:meth:`Mistake.in_module`) runs in a fresh namespace, as a student's file
    does, so the composites call the mistaken block: a bug that also costs a composite's
    points (a double penalty) shows in the graded result.
    """
    return text_submission(unit, m.in_module(load_reference(unit)), f"mistake {m.id}")


def text_submission(unit: str, text: str, name: str = "student") -> Submission:
    """A student's file of ``text``, run in a fresh namespace as a student's file is."""
    ns: dict = {"__name__": "__student__"}
    exec(compile(text, f"<{name}>", "exec"), ns)  # noqa: S102
    return Submission(unit, ns, name, source_text=text)


def check_points(unit: str) -> dict[str, float]:
    """``{"function.check": points}`` for every check of ``unit``."""
    return {
        f"{t.function}.{c.name}": float(c.points) for t in units.get(unit).tasks for c in t.checks
    }


def assert_fails_exactly(
    result: dict, fails: dict[str, str], points: dict[str, float]
) -> dict[str, dict]:
    """Assert that a graded unit (``autograder grade --json``) fails exactly the listed checks.

    Args:
        result: the unit's JSON result.
        fails: ``{"function.check": message piece}`` of the checks that must fail, each with
            that piece in its message; ``{"*": piece}`` for every check. The others must pass.
        points: the unit's :func:`check_points`: the result must list exactly these checks.

    Returns:
        The result's checks, ``{"function.check": check}``.
    """
    checks = {f"{t['function']}.{c['name']}": c for t in result["tasks"] for c in t["checks"]}
    assert set(checks) == set(points)
    for key, check in checks.items():
        want = fails.get("*", fails.get(key))
        if want is None:
            assert check["passed"], f"{key} should pass:\n{check['message']}"
        else:
            assert not check["passed"], f"{key} should fail"
            assert want in check["message"], f"{key}: {want!r} not in:\n{check['message']}"
    return checks


@functools.cache
def _reference_sources(unit: str) -> dict[str, str]:
    ref = load_reference(unit)
    return {t.function: inspect.getsource(getattr(ref, t.function)) for t in units.get(unit).tasks}


def reached_tasks(unit: str, functions: Iterable[str]) -> list[str]:
    """The functions of the tasks a change of ``functions`` can change the grade of.

    The changed functions' own tasks, and (transitively) every task whose reference calls one
    of them or declares it in ``uses`` or ``compared_with``; in the unit's order.
    """
    tasks, sources = units.get(unit).tasks, _reference_sources(unit)
    reached, grew = set(functions), True
    while grew:
        grew = False
        for t in tasks:
            if t.function in reached:
                continue
            calls = any(re.search(rf"\b{re.escape(f)}\b", sources[t.function]) for f in reached)
            if calls or reached & {*t.uses, *t.compared_with}:
                reached.add(t.function)
                grew = True
    return [t.function for t in tasks if t.function in reached]
