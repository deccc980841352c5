r"""Scaffold a new unit: ``python -m autograder.new_unit NAME [--number N] [--title TITLE]``.

Writes, for a unit ``NAME`` (a Python identifier), the four files a unit is made of and brings
the generated ones up to date, so the new unit is graded, self-checked, built into the course
and bundled like the others from the first minute:

- ``solutions/NAME.py``: the reference, the source of the exercises: a module docstring, the
  ``from __future__`` line the stub banner anchors to, one ``# ## Task N.1 — function``
  heading per task, each function with its Google docstring (Math, Args, Returns, Examples,
  Hint) and its ``### BEGIN SOLUTION`` / ``### END SOLUTION`` region;
- ``autograder/units/NAME.py``: ``UNIT`` and its checks, declared where they are written;
- ``autograder/mistakes/NAME.py``: the catalogue, realistic wrong versions as variants of the
  reference, each with the checks it must fail;
- ``tests/test_unit_NAME.py``: the unit's own tests.

Then it runs ``python -m autograder.stubs`` (``exercises/NAME.py``), ``python -m
autograder.freeze`` (``autograder/expected/NAME.json``) and ``python -m autograder.readme``
(the README's task table and unit lists). Units are found by module name
(:mod:`autograder.units`): there is no registry to edit. Grader-only maths (a network's
forward pass the checks need) goes in ``autograder/units/_NAME_math.py``: modules named
``_*_math.py`` are left out of the student bundle.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SOLUTION = '''\
r"""Unit {number} · {title}.

Shape convention of the kit: examples are **columns**; a data matrix ``X`` has shape
``(n_x, m)``.

Run ``pytest exercises -m {name}`` to check this unit.
"""

from __future__ import annotations

import numpy as np

# ## Task {number}.1 — scale


def scale(x: np.ndarray, factor: float) -> np.ndarray:
    r"""Multiply every entry of an array by a number.

    Math:
        $y = c\\,x$, elementwise.

    Args:
        x: an array, any shape.
        factor: the number $c$.

    Returns:
        A float array shaped like ``x``.

    Examples:
        >>> scale(np.array([1.0, 2.0]), 3.0).tolist()
        [3.0, 6.0]

    Hint:
        numpy multiplies elementwise: ``factor * x``.
    """
    ### BEGIN SOLUTION
    return factor * x
    ### END SOLUTION
'''

UNIT_MODULE = '''\
"""Checks of unit {number}, {title}."""

from __future__ import annotations

import numpy as np

from autograder import checklib as cl
from autograder.asserts import expect_array
from autograder.context import Context
from autograder.spec import Unit

UNIT = Unit("{name}", {number}, "{title}")

X = np.array([[1.0, -2.0, 0.5], [4.0, 0.0, -1.5]])

scale = UNIT.task("{number}.1", "scale", "multiply an array by a number", course=False)


@scale.check("shape", 1)
def _scale_shape(ctx: Context) -> None:
    """returns a float array shaped like x"""
    expect_array(ctx.call(X, 3.0), "scale(x, 3.0)", X.shape, shape_text="the shape of x")


scale.add(
    "values",
    2,
    cl.visible_values("scale/values", [(X, 3.0)], name="scale(x, 3.0)"),
    "matches the expected values on the lesson's input",
)
scale.add(
    "hidden",
    1,
    cl.hidden_values(
        lambda rng: [(rng.normal(size=(2, 4)), float(rng.uniform(-3, 3))) for _ in range(3)],
        name="scale(x, c)",
    ),
    "matches the reference on random inputs",
    hidden=True,
)
'''

MISTAKES = '''\
"""Known mistakes of unit {number} ({title}), each with the checks it must fail."""

from autograder.mistakes import variant

MISTAKES = [
    variant(
        "scale",
        "flat",
        "returns a flat vector",
        ("return factor * x", "return (factor * x).ravel()"),
        fails="shape",
        message="but should be",
    ),
    variant(
        "scale",
        "adds",
        "adds the factor instead of multiplying",
        ("return factor * x", "return factor + x"),
        fails="values hidden",
        hint="scale multiplies: factor * x.",
    ),
    variant(
        "scale",
        "fixed_factor",
        "multiplies by 3, the lesson's factor, whatever factor is",
        ("return factor * x", "return 3.0 * x"),
        fails="hidden",
        message="wrong values on hidden inputs",
    ),
]

#: Checks no realistic mistake fails alone, and why.
NOT_ISOLATED = {{
    ("scale", "values"): "a mistake visible on the lesson's input shows on random inputs too",
}}
'''

TESTS = '''\
"""Unit {number} ({name}): the reference gets full marks, the stubs none."""

from __future__ import annotations

from pathlib import Path

from autograder.engine import grade_path

ROOT = Path(__file__).resolve().parent.parent


def test_reference_full_marks():
    (result,) = grade_path(ROOT / "solutions" / "{name}.py", "{name}")
    assert result.score == result.max_score > 0


def test_stubs_score_zero():
    (result,) = grade_path(ROOT / "exercises" / "{name}.py", "{name}")
    assert result.score == 0
'''


def files(name: str, number: int, title: str) -> dict[Path, str]:
    """The files of a new unit, by path (relative to the repository root)."""
    values = {"name": name, "number": number, "title": title}
    return {
        Path("solutions") / f"{name}.py": SOLUTION.format(**values),
        Path("autograder") / "units" / f"{name}.py": UNIT_MODULE.format(**values),
        Path("autograder") / "mistakes" / f"{name}.py": MISTAKES.format(**values),
        Path("tests") / f"test_unit_{name}.py": TESTS.format(**values),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    from autograder import units

    parser = argparse.ArgumentParser(prog="python -m autograder.new_unit")
    parser.add_argument("name", help="the unit's module name (a Python identifier)")
    parser.add_argument("--number", type=int, help="unit number (default: the next one)")
    parser.add_argument("--title", help="human title (default: from the name)")
    args = parser.parse_args(argv)
    if not args.name.isidentifier() or args.name.startswith("_"):
        parser.error(f"{args.name!r} is not a unit name (a Python identifier, no leading _)")
    existing = units.all_units()
    if args.name in {u.name for u in existing}:
        parser.error(f"unit {args.name!r} exists already")
    number = args.number or max((u.number for u in existing), default=0) + 1
    if number in {u.number for u in existing}:
        parser.error(f"unit number {number} is taken")
    title = args.title or args.name.replace("_", " ")
    planned = files(args.name, number, title)
    clashes = [p for p in planned if (ROOT / p).exists()]
    if clashes:
        parser.error("these files exist already: " + ", ".join(map(str, clashes)))
    for path, text in planned.items():
        (ROOT / path).write_text(text)
        print(f"wrote {path}")
    units.available.cache_clear()
    from autograder import freeze, readme, stubs

    status = stubs.main([]) or freeze.main([]) or readme.main([])
    if status == 0:
        print(
            f"unit {number} {args.name} is ready: edit its solution, checks and mistakes, then "
            f"run pytest tests/test_unit_{args.name}.py tests/test_mistakes.py -k {args.name}"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
