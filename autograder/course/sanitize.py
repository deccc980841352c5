"""First step of nbgrader's sanitize pass: make any submitted notebook safe to autograde.

nbgrader's own sanitize pass (``ClearOutput, DeduplicateIds, OverwriteKernelspec,
OverwriteCells, CheckCellMetadata``) trusts the nbgrader metadata of the submitted cells.
One odd cell then voids a student's autograde (``points: "2 points"``, a lone UTF-16
surrogate, a pasted cell with an unknown ``grade_id`` once ``add_missing_cells`` is on) or
even stops ``nbgrader autograde`` for every student after it (an old or new
``schema_version`` raises ``SchemaTooOldError``/``SchemaTooNewError``).

:class:`SanitizeSubmission`, configured first in ``Autograde.sanitize_preprocessors``,
rewrites every cell's nbgrader metadata from the gradebook, the instructor's record:

- a cell whose ``grade_id`` the gradebook knows gets the gradebook's flags, points and
  schema version (a tampered value is logged as a warning, as OverwriteCells would);
- a cell with an unknown ``grade_id``, no ``grade_id``, or metadata that is not even a
  mapping becomes an ordinary cell (its nbgrader metadata is dropped);
- of several cells claiming one ``grade_id``, the last keeps it (nbgrader's own rule);
- a solution cell missing from the submission comes back empty, so that nbgrader can place
  the grade cells it re-inserts;
- a lone surrogate anywhere becomes U+FFFD;
- a raw cell keeps only HTML that cannot act in a browser (the formgrader copies raw cells
  into the instructor's page; :mod:`autograder.course.safe_html`);
- a locked cell that is exactly the released cell gets the gradebook's source (its hidden
  checks), so OverwriteCells has nothing to report: its "checksum has changed" warning now
  means a student really edited a locked cell (nbgrader issue #1961).

Each repair is logged and recorded in the notebook's metadata (:data:`NOTES_KEY`), from
where :class:`autograder.course.nbgrader_plugin.EngineGrades` shows it to the student.
Whatever the submission held under that key is discarded first.

Before any of this, nbgrader reads the submitted file through :class:`SubmissionExporter`
(``Autograde.exporter_class`` in the generated configuration), which reads it with
:func:`read_submitted` at the level of bytes and JSON, before nbformat or nbgrader parse it:

- a notebook too large to grade (:data:`~autograder.isolation.MAX_NOTEBOOK_BYTES`, checked
  before the file is read; then its JSON objects and cells) is refused: nbgrader gets
  an empty notebook in its place, and every check of the unit fails (0 points) with a message
  saying why (:data:`REFUSED_KEY`), never "not gradable", in a few milliseconds;
- bytes that are not UTF-8 are replaced by U+FFFD, and cell ids that are missing, repeated or
  not of nbformat's form get fresh ones, each with a note, so that the rest is graded.
"""

from __future__ import annotations

import codecs
import copy
import functools
import json
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.exporters import NotebookExporter
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from nbformat.v4.nbbase import random_cell_id
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

from autograder.course.safe_html import clean_raw_cells
from autograder.isolation import (
    MAX_NOTEBOOK_BYTES,
    MAX_NOTEBOOK_CELLS,
    MAX_NOTEBOOK_CONTAINERS,
    MAX_NOTEBOOK_OUTPUTS,
)

#: Notebook metadata key holding what the autograder records about a submission.
METADATA_KEY = "autograder"
#: Key (under :data:`METADATA_KEY`) of the notes shown to the student.
NOTES_KEY = "notes"
#: Key (under :data:`METADATA_KEY` of an autograded notebook) of the isolation used.
ISOLATION_KEY = "isolation"
#: Key (under :data:`METADATA_KEY` of a sanitized notebook) of why the submitted notebook was
#: refused without being read (:func:`read_submitted`): every check then fails with it.
REFUSED_KEY = "refused"
#: ``resources`` key of what :class:`SubmissionExporter` found: ``{"notes", "refused"}``.
READ_KEY = "autograder_read"

_SURROGATE = re.compile("[\ud800-\udfff]")
#: A cell id nbformat accepts (its schema: ``^[a-zA-Z0-9-_]+$``, 1 to 64 characters).
_CELL_ID = re.compile("[a-zA-Z0-9_-]{1,64}")


#: What a student whose notebook is too large can do.
#: Longest integer read from a submitted notebook (Python's own limit is 4,300 digits).
MAX_INT_DIGITS = 4_000
CLEAR_OUTPUTS = "clear its outputs, Kernel → Restart & Clear Output, and submit it again"


@dataclass
class SubmittedNotebook:
    """A submitted notebook file as :func:`read_submitted` read it.

    Attributes:
        text: the JSON text for nbformat (repaired where needed); None when refused.
        data: its parsed JSON; None when refused or not JSON (nbformat's reading then fails
            as it would have: the submission is not gradable).
        notes: the repairs made, for the student.
        refused: why the notebook is not graded (it is too large), else None.
    """

    text: str | None
    data: Any = None
    notes: list[str] = field(default_factory=list)
    refused: str | None = None


def read_submitted(path: Path) -> SubmittedNotebook:
    """Read a submitted notebook file, bounded, refusing one too large and repairing its ids.

    The file's size is checked before it is read, its JSON objects and lists (its ``{`` and
    ``[``) before it is parsed, then its cells and outputs: a notebook over a limit
    (:data:`~autograder.isolation.MAX_NOTEBOOK_BYTES` and the others) is refused. Bytes that
    are not UTF-8 are replaced by U+FFFD; over :data:`~autograder.isolation.MAX_NOTEBOOK_OUTPUTS`
    outputs are all cleared (autograding clears them anyway); in an nbformat 4.5 notebook, cell
    ids that are
    missing, repeated or not of nbformat's form get fresh ones (nbformat's own generator).

    Args:
        path: the submitted ``.ipynb`` file.

    Returns:
        What was read; never raises because of the file's content (``OSError`` if it cannot
        be opened).
    """
    name = path.name
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        return _refused(
            f"{name} is {size:,} bytes, over the grader's limit of {MAX_NOTEBOOK_BYTES:,} "
            f"({CLEAR_OUTPUTS})"
        )
    with path.open("rb") as fh:
        raw = fh.read(MAX_NOTEBOOK_BYTES + 1)
    if len(raw) > MAX_NOTEBOOK_BYTES:  # it grew since
        return _refused(f"{name} is over the grader's limit of {MAX_NOTEBOOK_BYTES:,} bytes")
    containers = raw.count(b"{") + raw.count(b"[")
    if containers > MAX_NOTEBOOK_CONTAINERS:
        return _refused(
            f"{name} is too large to grade: {containers:,} '{{' and '[' (JSON objects and "
            f"lists), over the grader's limit of {MAX_NOTEBOOK_CONTAINERS:,}; a course notebook "
            f"has about 1,000 (remove scratch cells, {CLEAR_OUTPUTS})"
        )
    notes = []
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    raw = raw[bom:] if bom else raw  # a byte-order mark (some editors write one) is dropped
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        notes.append(
            f"{name} is not UTF-8 text (byte {bom + exc.start:,} and maybe others): what could "
            "not be read was replaced by \ufffd"
        )
    del raw
    long_numbers: list[str] = []
    try:
        data = json.loads(text, parse_int=functools.partial(_bounded_int, long_numbers))
    except (ValueError, RecursionError):
        return SubmittedNotebook(text, None, notes)
    cells = _cells(data)
    if len(cells) > MAX_NOTEBOOK_CELLS:
        return _refused(
            f"{name} has {len(cells):,} cells, over the grader's limit of "
            f"{MAX_NOTEBOOK_CELLS:,} (remove the scratch cells and submit it again)"
        )
    outputs = sum(len(c["outputs"]) for c in cells if isinstance(c.get("outputs"), list))
    changed = outputs > MAX_NOTEBOOK_OUTPUTS
    if changed:  # autograde clears them anyway (ClearOutput): nothing graded is lost
        for cell in cells:
            if isinstance(cell.get("outputs"), list):
                cell["outputs"] = []
        notes.append(
            f"{name} has {outputs:,} cell outputs, over the grader's limit of "
            f"{MAX_NOTEBOOK_OUTPUTS:,}: they were cleared before reading (autograding clears "
            "outputs anyway)"
        )
    if long_numbers:
        notes.append(
            f"{len(long_numbers):,} integer(s) of over {MAX_INT_DIGITS:,} digits in {name} "
            "were read as 0"
        )
    repaired = repair_structure(data)
    notes.extend(f"{name}: {note}" for note in repaired)
    fixed = repair_cell_ids(data)
    if fixed:
        notes.append(f"{fixed} cell id(s) missing, repeated or not of Jupyter's form were renewed")
    stripped = strip_invalid_metadata(data)
    if stripped:
        notes.append(f"{stripped} metadata entries Jupyter's format does not allow were removed")
    if changed or fixed or repaired or long_numbers or stripped:
        text = json.dumps(data)
    return SubmittedNotebook(text, data, notes)


def _bounded_int(found: list[str], digits: str) -> int:
    """``json``'s integer reader, giving 0 for one too long for Python to read (noted)."""
    if len(digits) > MAX_INT_DIGITS:
        found.append(digits[:20])
        return 0
    return int(digits)


def repair_structure(data: Any) -> list[str]:
    """Make an nbformat 4 notebook's JSON fit nbformat's schema where one part breaks it.

    Jupyter never writes these, but a hand-edited or merged file may, and nbformat's
    validation (nbgrader's) then fails the whole notebook, so that every check would need a
    manual grade. Repaired, each with a note: notebook or cell metadata that is not an object
    (emptied); a cell that is not an object or of no known type (dropped); a cell's source
    that is not text (emptied); a code cell's outputs or execution count of another type
    (cleared: autograding clears them anyway). Metadata entries of the wrong form are left
    to :func:`strip_invalid_metadata`, after the cell ids are repaired.

    Returns:
        The notes (none where nothing was changed).
    """
    if not isinstance(data, dict) or data.get("nbformat") != 4:
        return []
    notes = []
    if not isinstance(data.get("metadata"), dict):
        data["metadata"] = {}
        notes.append("the notebook's metadata was not a mapping: it was emptied")
    cells = data.get("cells")
    if not isinstance(cells, list):
        return notes
    kept = []
    for i, cell in enumerate(cells, 1):
        kind = cell.get("cell_type") if isinstance(cell, dict) else None
        if kind not in ("code", "markdown", "raw"):
            notes.append(f"cell {i} is not a code, markdown or raw cell: it was left out")
            continue
        if not isinstance(cell.get("metadata"), dict):
            cell["metadata"] = {}
            notes.append(f"cell {i}'s metadata was not a mapping: it was emptied")
        source = cell.get("source")
        if not (
            isinstance(source, str)
            or (type(source) is list and all(isinstance(line, str) for line in source))
        ):
            cell["source"] = ""
            notes.append(f"cell {i}'s source was not text: the cell was emptied")
        if kind == "code":
            if not isinstance(cell.get("outputs"), list):
                cell["outputs"] = []
            count = cell.get("execution_count")
            if count is not None and type(count) is not int:
                cell["execution_count"] = None
        kept.append(cell)
    data["cells"] = kept
    return notes


def _refused(reason: str) -> SubmittedNotebook:
    return SubmittedNotebook(None, None, [], reason)


def _cells(data: Any) -> list[dict]:
    """The cells of a notebook's JSON (nbformat 4, or an older one's worksheets)."""
    if not isinstance(data, dict):
        return []
    if isinstance(data.get("cells"), list):
        found = data["cells"]
    else:
        sheets = data.get("worksheets")
        sheets = [ws for ws in sheets if isinstance(ws, dict)] if isinstance(sheets, list) else []
        found = [c for ws in sheets if isinstance(ws.get("cells"), list) for c in ws["cells"]]
    return [c for c in found if isinstance(c, dict)]


def strip_invalid_metadata(data: Any) -> int:
    """Drop the metadata entries nbformat's schema refuses; return how many.

    nbformat's own :func:`~nbformat.validator.normalize` does it: a kernelspec whose name is
    not text, say, fails the whole notebook's validation (nbgrader writes the course's
    kernelspec anyway).
    """
    if not isinstance(data, dict) or data.get("nbformat") != 4:
        return 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            changes, normal = nbformat.validator.normalize(data, strip_invalid_metadata=True)
    except Exception:  # noqa: BLE001 - nbformat's reading then says what is wrong
        return 0
    if changes:
        data.clear()
        data.update(normal)
    return int(changes)


def repair_cell_ids(data: dict) -> int:
    """Give an nbformat 4.5 notebook's cells valid, unique ids; return how many were renewed.

    A missing id, one repeated from an earlier cell, or one nbformat's schema refuses (which
    fails nbgrader's validation of the whole notebook) is replaced by nbformat's own
    :func:`~nbformat.v4.nbbase.random_cell_id`; valid ids are kept.
    """
    try:
        if (int(data.get("nbformat")), int(data.get("nbformat_minor"))) < (4, 5):
            return 0
    except (TypeError, ValueError):
        return 0
    cells = _cells(data)
    taken = {c.get("id") for c in cells if isinstance(c.get("id"), str)}
    seen: set[str] = set()
    fixed = 0
    for cell in cells:
        cid = cell.get("id")
        if not (isinstance(cid, str) and _CELL_ID.fullmatch(cid)) or cid in seen:
            cid = random_cell_id()
            while cid in taken:
                cid = random_cell_id()
            cell["id"] = cid
            taken.add(cid)
            fixed += 1
        seen.add(cid)
    return fixed


class SubmissionExporter(NotebookExporter):
    """nbgrader's notebook exporter, reading a submitted file with :func:`read_submitted` first.

    A refused notebook is replaced by an empty one (:class:`SanitizeSubmission` then adds the
    solution cells back, nbgrader the grade cells), and ``resources[READ_KEY]`` says why.
    """

    def from_filename(
        self, filename: str, resources: dict | None = None, **kw: Any
    ) -> tuple[str, dict]:
        """Read, check and convert one notebook file (see :func:`read_submitted`)."""
        read = read_submitted(Path(filename))
        resources = dict(resources or {})
        meta = dict(resources.get("metadata") or {})
        meta["name"] = os.path.splitext(os.path.basename(filename))[0]
        meta["path"] = os.path.dirname(filename)
        resources["metadata"] = meta
        resources[READ_KEY] = {"notes": read.notes, "refused": read.refused}
        if read.refused is not None:
            self.log.warning("autograder: %s not read: %s", filename, read.refused)
            nb = new_notebook()
        else:
            nb = nbformat.reads(read.text, as_version=4)
        return self.from_notebook_node(nb, resources=resources, **kw)


def replace_surrogates(value: Any) -> tuple[Any, int]:
    """Replace lone UTF-16 surrogates in every string of a JSON-like value by U+FFFD.

    Returns:
        ``(value, number of strings changed)``; the value is changed in place where it is a
        list or dict.
    """
    if isinstance(value, str):
        fixed = _SURROGATE.sub("\ufffd", value)
        return fixed, int(fixed != value)
    changed = 0
    if isinstance(value, dict):
        for key in list(value):
            new_key, k = replace_surrogates(key) if isinstance(key, str) else (key, 0)
            value[new_key], n = replace_surrogates(value.pop(key))
            changed += k + n
    elif isinstance(value, list):
        for i, item in enumerate(value):
            value[i], n = replace_surrogates(item)
            changed += n
    return value, changed


def gradebook_cells(gb: Gradebook, notebook: str, assignment: str) -> tuple[dict, list[str], dict]:
    """The gradebook's record of a notebook's nbgrader cells.

    Returns:
        ``({grade_id: canonical nbgrader metadata}, [grade ids in source order],
        {grade_id: source}``), the source with hidden checks.
    """
    nb = gb.find_notebook(notebook, assignment)
    grades = {c.name: float(c.max_score) for c in nb.grade_cells}
    solutions = {c.name for c in nb.solution_cells}
    tasks = {c.name for c in nb.task_cells}
    meta: dict[str, dict] = {}
    order: list[str] = []
    sources: dict[str, str] = {}
    for cell in nb.source_cells:
        m: dict[str, Any] = {
            "grade": cell.name in grades,
            "grade_id": cell.name,
            "locked": bool(cell.locked),
            "schema_version": 3,
            "solution": cell.name in solutions,
            "cell_type": cell.cell_type,
            "checksum": cell.checksum,
        }
        if cell.name in grades:
            m["points"] = grades[cell.name]
        if cell.name in tasks:
            m["task"] = True
        meta[cell.name] = m
        order.append(cell.name)
        sources[cell.name] = cell.source
    return meta, order, sources


def _differences(got: dict, want: dict) -> list[str]:
    """The flags and points in which a cell's metadata differs from the gradebook's."""
    out = []
    for key in ("grade", "solution", "locked", "task", "points"):
        default = None if key == "points" else False
        value, expected = got.get(key, default), want.get(key, default)
        if key == "points" and expected is not None:
            try:
                same = float(value) == float(expected)
            except (TypeError, ValueError):
                same = False
        else:
            same = value == expected
        if not same:
            out.append(f"{key}: {value!r} → {expected!r}")
    return out


class SanitizeSubmission(NbGraderPreprocessor):
    """Repair or drop a submission's odd nbgrader metadata, with a note for each repair."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Sanitize the notebook (see the module docstring)."""
        info = resources["nbgrader"]
        nb.metadata.pop(METADATA_KEY, None)  # the student's own claims are never read
        read = resources.get(READ_KEY) or {}
        refused = read.get("refused")
        notes: list[str] = list(read.get("notes") or [])
        _, changed = replace_surrogates(nb)
        if changed:
            notes.append(
                "invalid characters (lone UTF-16 surrogates) were replaced by \ufffd in "
                f"{changed} place(s)"
            )
        raw = clean_raw_cells(nb)
        if raw:
            notes.append(
                f"raw cell(s) {', '.join(map(str, raw))}: HTML that could run in a browser "
                "(scripts, event handlers, styles, forms) was removed"
            )
        try:
            with Gradebook(info["db_url"]) as gb:
                meta, order, sources = gradebook_cells(gb, info["notebook"], info["assignment"])
        except MissingEntry:
            self.log.warning("autograder: %s is not in the gradebook", info["notebook"])
            meta, order, sources = {}, [], {}
        hidden = ClearHiddenTests(parent=self)
        owner: dict[str, int] = {}
        for index, cell in enumerate(nb.cells):
            gid = self._repair(cell, index, meta, notes)
            if gid is not None:
                if gid in owner:
                    earlier = nb.cells[owner[gid]]
                    earlier.metadata.pop("nbgrader", None)
                    notes.append(
                        f"cell {owner[gid] + 1} was a copy of the cell {gid!r}; only the last "
                        "copy is kept as that cell, the others are ordinary cells"
                    )
                owner[gid] = index
                self._restore_hidden(cell, meta[gid], sources[gid], hidden)
        self._restore_solution_cells(nb, meta, order, owner, [] if refused else notes)
        for note in notes:
            self.log.warning("autograder: %s/%s: %s", info["student"], info["notebook"], note)
        if refused:
            notes = [f"your notebook was not graded (every check scores 0): {refused}"]
            nb.metadata[METADATA_KEY] = {NOTES_KEY: notes, REFUSED_KEY: refused}
        elif notes:
            nb.metadata[METADATA_KEY] = {NOTES_KEY: notes}
        return nb, resources

    def _repair(self, cell: NotebookNode, index: int, meta: dict, notes: list[str]) -> str | None:
        """Rewrite one cell's nbgrader metadata; return its grade id if it keeps one."""
        if not isinstance(cell.get("metadata"), dict):
            cell["metadata"] = NotebookNode({})
            notes.append(f"cell {index + 1}: its metadata was not a mapping and was reset")
        if "nbgrader" not in cell.metadata:
            return None
        got = cell.metadata["nbgrader"]
        gid = got.get("grade_id") if isinstance(got, dict) else None
        if not isinstance(gid, str) or gid not in meta:
            del cell.metadata["nbgrader"]
            what = f"the unknown cell id {gid!r}" if isinstance(gid, str) else "no cell id"
            notes.append(
                f"cell {index + 1} carried nbgrader metadata for {what} (pasted from another "
                "notebook?); it is graded as an ordinary cell"
            )
            return None
        want = meta[gid]
        diffs = _differences(got, want)
        schema = got.get("schema_version")
        if diffs:
            self.log.warning(
                "Attribute(s) of cell %s differ from the gradebook (%s); restored",
                gid,
                "; ".join(diffs),
            )
            notes.append(f"cell {gid!r}: its nbgrader metadata was restored ({'; '.join(diffs)})")
        elif schema != 3:
            notes.append(f"cell {gid!r}: its metadata schema version {schema!r} was updated")
        cell.metadata["nbgrader"] = NotebookNode(copy.deepcopy(want))
        return gid

    @staticmethod
    def _restore_hidden(
        cell: NotebookNode, want: dict, source: str, hidden: ClearHiddenTests
    ) -> None:
        """Give an untouched released locked cell the gradebook's source (its hidden checks)."""
        if not want["locked"] or cell.get("cell_type") != want["cell_type"]:
            return
        if not isinstance(cell.get("source"), str) or cell.source == source:
            return
        released = NotebookNode({"cell_type": want["cell_type"], "source": source})
        try:
            hidden._remove_hidden_test_region(released)
        except RuntimeError:
            return
        if cell.source == released.source:
            cell.source = source

    @staticmethod
    def _restore_solution_cells(
        nb: NotebookNode, meta: dict, order: list[str], owner: dict, notes: list[str]
    ) -> None:
        """Put back (empty) any solution cell the submission lacks, after its predecessor."""
        for k, gid in enumerate(order):
            want = meta[gid]
            if not want["solution"] or gid in owner:
                continue
            at = len(nb.cells)
            for prev in reversed(order[:k]):
                if prev in owner:
                    at = owner[prev] + 1
                    break
            make = new_code_cell if want["cell_type"] == "code" else new_markdown_cell
            cell = make(
                "# This solution cell was missing from the submission (added back empty).",
                metadata={"nbgrader": copy.deepcopy(want)},
            )
            cell.metadata.nbgrader["checksum"] = ""
            nb.cells.insert(at, cell)
            owner.update({g: i + 1 if i >= at else i for g, i in owner.items()})
            owner[gid] = at
            notes.append(f"the solution cell {gid!r} was missing; an empty one was added")
