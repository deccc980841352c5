"""A small autograded class, built once per test session, for the class report and browser tests.

Five students of ``logistic_regression`` submit notebooks made from the release notebook (as
`autograder demo` makes its sample students), two of them sharing each of two known mistakes,
and nbgrader autogrades them through the course's configuration. One student's notebook also
carries a forged engine result in its metadata, which autograde must replace, and another's
notes carry HTML that would run in the instructor's formgrader page unless it is cleaned.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from nbformat.v4 import new_markdown_cell, new_raw_cell

from autograder.course.builder import build_course
from autograder.course.session import CourseSession, stderr_to
from autograder.course.students import Student, fill, release_notebook, submit
from autograder.engine import grade_module, load_reference
from autograder.mistakes import catalogue
from autograder.results import RESULT_METADATA

UNIT = "logistic_regression"
#: ``{student: [(function, mistake id)]}``; the reference and the stubs come on top.
MISTAKES = {
    "amy_k": [("propagate", "no_mean")],
    "ben_o": [("propagate", "no_mean"), ("predict", "no_bias")],
    "cyd_p": [("predict", "no_bias"), ("initialize_with_zeros", "int_w")],
}
FORGED = "cyd_p"
#: The student whose notes try to run script in the formgrader page (sets ``window.__xss``).
NOTE_WRITER = "ben_o"
NOTES = [
    new_markdown_cell(
        'My notes on sigmoid. <img src=x style=display:none onerror="window.__xss = 1">'
    ),
    new_raw_cell("<script>window.__xss = 2</script><b>raw notes</b>"),
]


def mistake(function: str, mistake_id: str):  # noqa: ANN201
    (m,) = [m for m in catalogue(UNIT) if (m.function, m.id) == (function, mistake_id)]
    return m


def expected_counts() -> Counter:
    """``{(function, mistake title): students}`` of the class."""
    return Counter(
        (function, mistake(function, mid).title)
        for made in MISTAKES.values()
        for function, mid in made
    )


def students() -> list[Student]:
    out = [
        Student("reference", "the reference solutions"),
        Student("stubs", "the untouched release notebook", stub=True),
    ]
    for sid, made in MISTAKES.items():
        code = {f: mistake(f, mid).source(load_reference(UNIT)) for f, mid in made}
        out.append(Student(sid, "; ".join(f"{f}: {mid}" for f, mid in made), code))
    return out


def build_class(root: Path) -> Path:
    """Build the course in ``root``, release the unit, submit the class and autograde it."""
    build_course(root, [UNIT])
    session = CourseSession(root)
    with stderr_to(root / "nbgrader.log"):
        assert session.release(UNIT)["success"]
        release = release_notebook(root, UNIT)
        for s in students():
            nb = fill(release, UNIT, s)
            if s.id == NOTE_WRITER:
                nb.cells[1:1] = NOTES
            if s.id == FORGED:  # claims the reference's full marks in the engine's key
                nb.metadata[RESULT_METADATA] = grade_module(UNIT, load_reference(UNIT)).to_dict()
            submit(root, UNIT, s.id, nb)
        for s in students():
            result = session.autograde(UNIT, s.id)
            assert result["success"], result.get("log", "")[-2000:]
    return root


@functools.cache
def sample_class() -> Path:
    """The class, built on first use and removed when the test session ends."""
    root = Path(tempfile.mkdtemp(prefix="autograder-class-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return build_class(root / "course")
