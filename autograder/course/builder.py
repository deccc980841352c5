r"""Write an nbgrader course: ``nbgrader_config.py`` and ``source/<unit>/<unit>.ipynb``.

Each notebook is generated with nbformat from ``solutions/<unit>.py`` and the unit's checks:

- a locked intro (the module docstring) and a locked setup cell (the solution's imports and
  ``from autograder.notebook import check, check_all``);
- per task: a locked markdown cell with the lesson's math (from the function's docstring) and
  the table of checks; the solution cell (the task's source, with its ``### BEGIN SOLUTION``
  region, which nbgrader's ClearSolutions turns into a stub); a try-it cell (the docstring's
  examples); one locked grade cell per check, ``grade_id`` ``t<task>_<check>`` and ``points``
  the check's points; hidden checks inside ``### BEGIN HIDDEN TESTS``; a ``check("2.2")`` cell;
- a final ``check_all`` cell.

Grade ids, points and messages therefore come from the registry the pytest self-check uses.
"""

from __future__ import annotations

import ast
import functools
import re
import secrets
import textwrap
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder import units
from autograder.engine import load_reference
from autograder.report import spec_available
from autograder.spec import Check, Task, Unit
from autograder.stubs import HEADING

DEFAULT_COURSE_ID = "nn-fundamentals"
#: Seconds a notebook cell may run at autograde before nbgrader interrupts it.
CELL_TIMEOUT = 20

PLUGIN = "autograder.course.nbgrader_plugin"

CONFIG_TEMPLATE = '''\
"""nbgrader configuration of the course, written by `autograder course build`."""

import warnings

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = {course_id!r}
# The gradebook is SQLite by default: sqlite:///<course root>/gradebook.db. For PostgreSQL
# (pip install "nn-autograder-kit[postgres]"; create the database first):
# c.CourseDirectory.db_url = "postgresql+psycopg2://user:password@host:5432/gradebook"
{db_url_line}
# Per-cell time limit. No notebook runs in a Jupyter kernel at autograde: the autograder's
# sandboxed worker runs the notebook's code, each cell under this limit, then grades it.
c.Execute.timeout = {timeout}

# A student who deletes a grade cell still gets it: nbgrader re-inserts it.
c.OverwriteCells.add_missing_cells = True

# A submitted notebook is read by the kit before nbgrader parses it: one too large to grade
# (bytes, JSON objects, cells, outputs) gets 0 on every check with a message saying why, in
# milliseconds; bytes that are not UTF-8 and invalid cell ids are repaired, with a note.
c.Autograde.exporter_class = "autograder.course.sanitize.SubmissionExporter"

# Sanitize: odd metadata (non-numeric points, old schema versions, cells pasted from other
# notebooks, invalid characters) is repaired or ignored for that cell, with a note, before
# nbgrader's own steps read it; tampered locked cells are still restored and reported. Every
# cell's nbgrader metadata is then the gradebook's own, so nbgrader's CheckCellMetadata (a
# slow schema validation, and what aborts a batch on an old schema version) is not needed.
c.Autograde.sanitize_preprocessors = [
    "autograder.course.sanitize.SanitizeSubmission",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
]

# Autograde: the engine grades the notebook's code in its sandboxed worker (never in
# nbgrader's process or a kernel) and writes every grade cell's message and score; the
# gradebook records exactly the engine's scores, and a check the grader could not evaluate
# is left ungraded (needs a manual grade) instead of being recorded as 0. Where no sandbox
# can be made the code is not run at all, unless c.EngineGrades.require_sandbox = False.
c.Autograde.autograde_preprocessors = [
    "{plugin}.EngineGrades",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "{plugin}.SaveEngineGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
]

# Hidden checks draw their inputs from this course's secret and each submission's code: the
# students' kit cannot predict them. Keep this file from students; a new secret redraws them.
c.EngineGrades.seed = {seed}

# `nbgrader export` writes a status column and leaves a failed autograde's score blank
# instead of nbgrader's silent 0.0.
c.ExportApp.plugin_class = "autograder.course.export.GradableCsvExportPlugin"

# A student's markdown is shown as HTML that cannot act in the instructor's browser: the
# formgrader's and the feedback's exporters remove scripts, event handlers, styles and forms
# (nbgrader's formgrade template shows markdown unsanitized; raw cells are cleaned at sanitize).
c.HTMLExporter.filters = {{"markdown2html": "autograder.course.safe_html.markdown2html"}}

# Feedback names every check by task, never shows the hidden checks' source, inputs or
# expected values (their outputs are the engine's redacted messages).
c.GenerateFeedback.exporter_class = "autograder.course.feedback.FeedbackExporter"
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "autograder.course.feedback.PrepareFeedback",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# nbgrader 0.9.6 with SQLAlchemy 2 warns on every autograde that a new submission is "not in
# session"; the rows are written correctly (only this exact warning is silenced).
warnings.filterwarnings(
    "ignore", message=r"Object of type <Submitted\\w+> not in session", module="nbgrader"
)
'''

SECTION_NAMES = ("Math", "Args", "Returns", "Raises", "Examples", "Hint", "Note", "Notes")


def grade_id(task: Task, check: Check) -> str:
    """The nbgrader ``grade_id`` of a check's grade cell, such as ``t2_2_values``."""
    return f"t{task.id.replace('.', '_')}_{check.name}"


def grade_ids(unit: Unit) -> dict[str, tuple[Task, Check]]:
    """Map every grade id of a unit to its task and check."""
    return {grade_id(t, c): (t, c) for t in unit.tasks for c in t.checks}


def solution_path(unit: str) -> Path:
    """Return the reference solution file of a unit.

    Raises:
        FileNotFoundError: if the reference solutions are not installed.
    """
    module = load_reference(unit)
    if module is None or not getattr(module, "__file__", None):
        raise FileNotFoundError(f"solutions/{unit}.py is not installed")
    return Path(module.__file__)


def buildable_units() -> list[str]:
    """Return the available units whose reference solution is installed."""
    out = []
    for name in units.available():
        try:
            solution_path(name)
        except FileNotFoundError:
            continue
        out.append(name)
    return out


# --------------------------------------------------------------------------- parsing


def _strip_blank(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def split_solution(source: str) -> tuple[str, str, list[tuple[str, str]]]:
    """Split a solution module into its docstring, preamble and task sections.

    Args:
        source: the text of ``solutions/<unit>.py``.

    Returns:
        ``(module docstring, preamble code, [(task id, section code)])``; the preamble is the
        code before the first ``# ## Task`` heading without the docstring and ``__future__``
        imports; a section is the code under its heading.
    """
    tree = ast.parse(source)
    doc = ast.get_docstring(tree, clean=True) or ""
    lines = source.splitlines()
    skip: set[int] = set()
    if tree.body and isinstance(tree.body[0], ast.Expr) and doc:
        skip.update(range(tree.body[0].lineno - 1, tree.body[0].end_lineno))
    headings = [i for i, ln in enumerate(lines) if HEADING.match(ln.strip())]
    first = headings[0] if headings else len(lines)
    preamble = [
        ln
        for i, ln in enumerate(lines[:first])
        if i not in skip and not ln.startswith("from __future__")
    ]
    sections = []
    for k, start in enumerate(headings):
        end = headings[k + 1] if k + 1 < len(headings) else len(lines)
        task_id = HEADING.match(lines[start].strip()).group("id")
        sections.append((task_id, "\n".join(_strip_blank(lines[start + 1 : end]))))
    return doc, "\n".join(_strip_blank(preamble)), sections


def function_docstring(source: str, name: str) -> str:
    """Return the cleaned docstring of top-level function ``name`` in ``source`` ("" if none)."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_docstring(node, clean=True) or ""
    return ""


def _rst_to_md(text: str) -> str:
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text)
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def docstring_sections(doc: str) -> tuple[str, dict[str, str]]:
    """Split a Google docstring into its free text and ``{section: body}``."""
    free: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = free
    for line in doc.splitlines():
        m = re.match(r"^(\w+):\s*$", line)
        if m and m.group(1) in SECTION_NAMES:
            current = sections.setdefault(m.group(1), [])
            continue
        current.append(line)
    return "\n".join(free).strip(), {
        k: textwrap.dedent("\n".join(v)).strip() for k, v in sections.items()
    }


def notebook_intro(doc: str) -> str:
    """A unit's docstring for the notebook: without the paragraphs addressed to ``exercises/``.

    The module docstrings tell file users to run ``pytest exercises -m task3_1``; a notebook
    user runs the ``check(...)`` cells instead, which the intro cell says.
    """
    paragraphs = re.split(r"\n\s*\n", doc.strip())
    kept = [p for p in paragraphs if "pytest exercises" not in p and "autograder train" not in p]
    return "\n\n".join(kept)


def docstring_markdown(doc: str) -> str:
    """Render a function's docstring as notebook markdown (math kept for MathJax)."""
    free, sections = docstring_sections(doc)
    parts = [_rst_to_md(free)] if free else []
    if "Math" in sections:
        parts.append("**The math.** " + _rst_to_md(sections["Math"]))
    if "Args" in sections:
        items, cur = [], None
        for line in sections["Args"].splitlines():
            m = re.match(r"^(\w+)(?: \([^)]*\))?: (.*)$", line)
            if m:
                cur = [f"- `{m.group(1)}`: {m.group(2)}"]
                items.append(cur)
            elif cur is not None:
                cur.append(line.strip())
        parts.append("**Arguments.**\n\n" + "\n".join(_rst_to_md(" ".join(i)) for i in items))
    if "Returns" in sections:
        parts.append("**Returns.** " + _rst_to_md(" ".join(sections["Returns"].split("\n"))))
    if "Raises" in sections:
        parts.append("**Raises.** " + _rst_to_md(" ".join(sections["Raises"].split("\n"))))
    if "Hint" in sections:
        parts.append("> **Hint.** " + _rst_to_md(" ".join(sections["Hint"].split("\n"))))
    return "\n\n".join(parts)


def example_code(doc: str) -> str:
    """Return the docstring's ``>>>`` examples as code for a try-it cell ("" if none)."""
    _, sections = docstring_sections(doc)
    code = []
    for line in sections.get("Examples", "").splitlines():
        s = line.strip()
        if s.startswith(">>> ") or s.startswith("... "):
            code.append(s[4:])
        elif s in (">>>", "..."):
            code.append("")
    return "\n".join(code)


# --------------------------------------------------------------------------- cells


def _meta(
    gid: str, *, grade: bool = False, solution: bool = False, locked: bool = False, points=None
) -> dict:
    meta = {
        "grade": grade,
        "grade_id": gid,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
    }
    if grade:
        meta["points"] = float(points)
    return {"nbgrader": meta}


def grade_cell_source(unit: Unit, task: Task, check: Check) -> str:
    """Return the source of a check's grade cell."""
    points = f"{check.points:g} point{'s' if check.points != 1 else ''}"
    what = "hidden check, run when your notebook is graded" if check.hidden else check.description
    head = f'"""Task {task.id} · {task.function} — {check.name} ({points}): {what}."""'
    body = (
        "from autograder.notebook import grade\n\n"
        f"grade({unit.name!r}, {task.id!r}, {check.name!r})"
    )
    if check.hidden:
        return f"{head}\n### BEGIN HIDDEN TESTS\n{body}\n### END HIDDEN TESTS"
    return f"{head}\n{body}"


def checks_table(task: Task) -> str:
    """Return the markdown table of a task's checks."""
    rows = ["| check | points | what it checks |", "|---|---:|---|"]
    for c in task.checks:
        what = "*hidden*: run only when graded" if c.hidden else c.description
        rows.append(f"| `{c.name}` | {c.points:g} | {_rst_to_md(what)} |")
    return "\n".join(rows)


def _code(source: str, cell_id: str, metadata: dict | None = None) -> NotebookNode:
    cell = new_code_cell(source, metadata=metadata or {})
    cell.id = cell_id
    return cell


def _markdown(source: str, cell_id: str, metadata: dict | None = None) -> NotebookNode:
    cell = new_markdown_cell(source, metadata=metadata or {})
    cell.id = cell_id
    return cell


def build_notebook(unit_name: str) -> NotebookNode:
    """Generate the source (instructor) notebook of a unit.

    Args:
        unit_name: a unit of the registry whose reference solution is installed.

    Returns:
        The notebook, with nbgrader metadata on every cell nbgrader manages.

    Raises:
        ValueError: if the solution's task headings do not match the unit's tasks.
    """
    unit = units.get(unit_name)
    source = solution_path(unit_name).read_text(encoding="utf-8")
    doc, preamble, sections = split_solution(source)
    by_id = dict(sections)
    missing = [t.id for t in unit.tasks if t.id not in by_id]
    if missing:
        raise ValueError(f"solutions/{unit_name}.py has no '# ## Task' section for {missing}")
    total = spec_available(c for t in unit.tasks for c in t.checks)
    intro = (
        f"# Unit {unit.number} · {unit.title}\n\n{_rst_to_md(notebook_intro(doc))}\n\n"
        f"**{len(unit.tasks)} tasks, {total}.** Write each function in place of "
        "`raise NotImplementedError()`, run its try-it cell, then its "
        f"`check({unit.tasks[0].id!r})`-style cell; the last cell, `check_all(...)`, checks "
        "every task. "
        "The grey cells below each task are the graded checks; the hidden ones run only when "
        "your notebook is graded. Keep the function names and signatures."
    )
    cells = [
        _markdown(intro, "intro", _meta("intro", locked=True)),
        _code(
            (preamble + "\n\n" if preamble else "")
            + "from autograder.notebook import check, check_all",
            "setup",
            _meta("setup", locked=True),
        ),
    ]
    for task in unit.tasks:
        tid = task.id.replace(".", "_")
        fdoc = function_docstring(by_id[task.id], task.function)
        md = (
            f"## Task {task.id} — `{task.function}`: {task.title} ({spec_available(task.checks)})"
            "\n\n"
            f"{docstring_markdown(fdoc)}\n\n{checks_table(task)}"
        )
        cells.append(_markdown(md, f"md_t{tid}", _meta(f"md_t{tid}", locked=True)))
        cells.append(_code(by_id[task.id], f"sol_t{tid}", _meta(f"sol_t{tid}", solution=True)))
        example = example_code(fdoc)
        try_it = "# Try it:\n" + example if example else f"# Try {task.function} here."
        cells.append(_code(try_it, f"try_t{tid}"))
        for check in task.checks:
            gid = grade_id(task, check)
            cells.append(
                _code(
                    grade_cell_source(unit, task, check),
                    gid,
                    _meta(gid, grade=True, locked=True, points=check.points),
                )
            )
        cells.append(_code(f"check({task.id!r})", f"check_t{tid}"))
    cells.append(_markdown("## All tasks", "md_all", _meta("md_all", locked=True)))
    cells.append(_code(f"check_all({unit.name!r})", "check_all"))
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


@functools.cache
def kit_code_cells(unit_name: str) -> frozenset[str]:
    """Sources of the notebook's code cells that are the kit's, not the student's.

    The try-it cells (the docstring's examples) and the ``check(...)`` cells: no nbgrader
    metadata, nothing defined, only calls. Left exactly as released, they are not run when a
    notebook is graded: they cannot change a grade, but a try-it cell calling a looping
    function would cost its whole cell time limit.
    """
    nb = build_notebook(unit_name)
    return frozenset(
        c.source for c in nb.cells if c.cell_type == "code" and "nbgrader" not in c.metadata
    )


#: The course secret's line in a generated ``nbgrader_config.py``.
SECRET_LINE = re.compile(r"^c\.EngineGrades\.seed = (\d+)$", re.MULTILINE)


def course_secret(config: Path) -> int:
    """The secret of the course whose ``nbgrader_config.py`` is ``config``; a new one if none.

    A rebuild keeps the secret (the hidden draws of graded work stay the same); a new course
    gets 63 random bits from :mod:`secrets`.
    """
    found = SECRET_LINE.search(config.read_text()) if config.exists() else None
    return int(found[1]) if found else secrets.randbits(63)


def config_text(
    course_id: str = DEFAULT_COURSE_ID,
    timeout: int = CELL_TIMEOUT,
    db_url: str | None = None,
    seed: int | None = None,
) -> str:
    """Return the text of the course's ``nbgrader_config.py`` (``seed``: the course secret)."""
    line = f"c.CourseDirectory.db_url = {db_url!r}\n" if db_url else ""
    seed = secrets.randbits(63) if seed is None else seed
    return CONFIG_TEMPLATE.format(
        course_id=course_id, timeout=timeout, plugin=PLUGIN, db_url_line=line, seed=seed
    )


def build_course(
    course_dir: Path | str,
    unit_names: list[str] | None = None,
    *,
    course_id: str = DEFAULT_COURSE_ID,
    timeout: int = CELL_TIMEOUT,
    db_url: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Write a ready nbgrader course.

    Args:
        course_dir: the course root (created if needed).
        unit_names: units to include (default: every unit with a reference solution).
        course_id: nbgrader's course id.
        timeout: per-cell execution limit at autograde, seconds.
        db_url: the gradebook's SQLAlchemy URL (default: SQLite in the course root).
        force: overwrite generated files that differ from what would be written now.

    Returns:
        The files written or already up to date.

    Raises:
        FileExistsError: if a file differs and ``force`` is not set.
    """
    root = Path(course_dir)
    names = unit_names if unit_names is not None else buildable_units()
    config = root / "nbgrader_config.py"
    planned = {config: config_text(course_id, timeout, db_url, course_secret(config))}
    for name in names:
        planned[root / "source" / name / f"{name}.ipynb"] = nbformat.writes(build_notebook(name))
    clashes = [p for p, text in planned.items() if p.exists() and p.read_text() != text]
    if clashes and not force:
        raise FileExistsError(
            "these files exist and differ (use --force to overwrite): "
            + ", ".join(str(p) for p in clashes)
        )
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    return list(planned)
