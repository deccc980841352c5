"""Course-release fixtures: correct students' notebooks of every release of the course.

Each ``<unit>/<release>.ipynb`` is a correct student's notebook of one release of Course 1
("Neural Networks and Deep Learning"), stored as the student submits it. Its metadata
``kit_fixture.about`` says which release it is and which of the release's conventions it
exercises. :mod:`tests.course_code.manifest` lists the fixtures, the course tasks each defines,
the conventions a grader must recognize, and the bug injections.

A student may also hand in the notebook exported as a script: :func:`to_percent` writes the
jupytext "percent" export (``# %%`` starts a code cell, ``# %% [markdown]`` a markdown cell
whose lines are commented with ``# ``, IPython magics commented out: ``# %matplotlib
inline``), and :func:`parse_percent` reads one back, so every fixture is graded both as a
notebook and as a ``.py`` file. Injected bugs are text substitutions in that script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

#: A cell marker line: ``# %%`` or ``# %% [markdown]`` (jupytext percent format).
_MARKER = re.compile(r"^# %%(?:[ \t]+\[(?P<kind>[A-Za-z]+)\])?[ \t]*$")
#: A magic that jupytext commented out in a code cell: ``# %matplotlib inline``.
_COMMENTED_MAGIC = re.compile(r"^(?P<indent>[ \t]*)# (?P<magic>%{1,2}[A-Za-z].*)$")
#: A live magic in a notebook's code cell.
_MAGIC = re.compile(r"^(?P<indent>[ \t]*)(?P<magic>%{1,2}[A-Za-z].*)$")


@dataclass(frozen=True)
class Cell:
    """One notebook cell of a percent-format script.

    Attributes:
        kind: ``"code"`` or ``"markdown"``.
        source: the cell's text as the notebook holds it (markdown uncommented, magics live).
    """

    kind: str
    source: str


def _markdown_line(line: str) -> str:
    if line == "#":
        return ""
    if line.startswith("# "):
        return line[2:]
    raise ValueError(f"markdown line is not commented with '# ': {line!r}")


def _code_line(line: str) -> str:
    m = _COMMENTED_MAGIC.match(line)
    return f"{m['indent']}{m['magic']}" if m else line


def parse_percent(text: str) -> list[Cell]:
    """Split a jupytext percent-format script into notebook cells.

    Text before the first cell marker (a header) is dropped. Blank lines around a cell are
    trimmed; markdown lines lose their ``# `` prefix; commented magics in code cells become
    magics again, as jupytext does when it writes the notebook.

    Args:
        text: the script.

    Returns:
        The cells, in order.

    Raises:
        ValueError: on a marker of an unknown cell kind or a markdown line without ``# ``.
    """
    cells: list[Cell] = []
    kind: str | None = None
    body: list[str] = []

    def flush() -> None:
        if kind is None:
            return
        lines = "\n".join(body).strip("\n").splitlines()
        convert = _markdown_line if kind == "markdown" else _code_line
        cells.append(Cell(kind, "\n".join(convert(line) for line in lines)))

    for line in text.splitlines():
        marker = _MARKER.match(line)
        if marker is None:
            body.append(line)
            continue
        flush()
        tag = marker["kind"]
        if tag not in (None, "markdown"):
            raise ValueError(f"unknown cell kind [{tag}] in {line!r}")
        kind = "markdown" if tag == "markdown" else "code"
        body = []
    flush()
    return cells


def to_percent(nb: nbformat.NotebookNode) -> str:
    """The notebook exported as a jupytext percent-format script (:func:`parse_percent` reads it).

    Args:
        nb: a notebook of code and markdown cells.

    Returns:
        The script: a marker line per cell, markdown commented with ``# ``, magics commented out.
    """
    blocks = []
    for cell in nb.cells:
        lines = cell.source.splitlines()
        if cell.cell_type == "markdown":
            blocks.append(["# %% [markdown]", *(f"# {ln}" if ln else "#" for ln in lines)])
        else:
            commented = [_MAGIC.sub(r"\g<indent># \g<magic>", ln) for ln in lines]
            blocks.append(["# %%", *commented])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


@cache
def read_fixture(path: Path) -> nbformat.NotebookNode:
    """A fixture's notebook, validated (cached: treat it as read-only)."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    return nb


def fixture_script(path: Path) -> str:
    """The percent-format script of the fixture notebook at ``path``."""
    return to_percent(read_fixture(path))


def write_script(path: Path, folder: Path, name: str | None = None) -> Path:
    """Write the fixture's percent-format script into ``folder`` (never the repository).

    Args:
        path: the fixture notebook.
        folder: where to write.
        name: file stem (default: the fixture's unit and stem, ``deep_network__v3_2017``).

    Returns:
        The script's path.
    """
    out = folder / f"{name or f'{path.parent.name}__{path.stem}'}.py"
    out.write_text(fixture_script(path), encoding="utf-8")
    return out
