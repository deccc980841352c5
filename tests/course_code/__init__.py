"""Course-release fixtures: correct students' notebooks of every release of the course.

Each ``<unit>/<release>.py`` file is what a student's correct notebook of one release of Course 1
("Neural Networks and Deep Learning") looks like once exported with jupytext in "percent"
format: ``# %%`` starts a code cell, ``# %% [markdown]`` a markdown cell whose lines are
commented with ``# ``, and IPython magics are commented out (``# %matplotlib inline``). The
comment block before the first cell marker is the fixture's header (release, variants, lint
pragmas); it is not part of the notebook. :mod:`tests.course_code.manifest` lists the fixtures,
the course tasks each defines, the conventions a grader must recognize, and the bug injections.

:func:`build_notebook` turns a fixture into the ``.ipynb`` the student would have submitted, so
every fixture is graded both as a ``.py`` file and as a notebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

#: A cell marker line: ``# %%`` or ``# %% [markdown]`` (jupytext percent format).
_MARKER = re.compile(r"^# %%(?:[ \t]+\[(?P<kind>[A-Za-z]+)\])?[ \t]*$")
#: A magic that jupytext commented out in a code cell: ``# %matplotlib inline``.
_COMMENTED_MAGIC = re.compile(r"^(?P<indent>[ \t]*)# (?P<magic>%{1,2}[A-Za-z].*)$")


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

    Text before the first cell marker (the fixture's header) is dropped. Blank lines around a
    cell are trimmed; markdown lines lose their ``# `` prefix; commented magics in code cells
    become magics again, as jupytext does when it writes the notebook.

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


def build_notebook(path: Path) -> nbformat.NotebookNode:
    """Build the notebook a percent-format fixture was exported from.

    Args:
        path: the fixture (``.py``).

    Returns:
        A valid nbformat-4 notebook: markdown cells as markdown, code cells as code (no outputs).
    """
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for cell in parse_percent(path.read_text(encoding="utf-8")):
        make = (
            nbformat.v4.new_markdown_cell if cell.kind == "markdown" else nbformat.v4.new_code_cell
        )
        nb.cells.append(make(cell.source))
    nbformat.validate(nb)
    return nb


def write_notebook(path: Path, folder: Path, name: str | None = None) -> Path:
    """Write :func:`build_notebook`'s notebook for ``path`` into ``folder``.

    Args:
        path: the fixture.
        folder: where to write (never the repository: generated notebooks are not committed).
        name: file stem (default: the fixture's unit and stem, ``deep_network__v3_2017``).

    Returns:
        The notebook's path.
    """
    stem = name or f"{path.parent.name}__{path.stem}"
    out = folder / f"{stem}.ipynb"
    nbformat.write(build_notebook(path), out)
    return out
