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
"""

from __future__ import annotations

import copy
import re
from typing import Any

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

from autograder.course.safe_html import clean_raw_cells

#: Notebook metadata key holding what the autograder records about a submission.
METADATA_KEY = "autograder"
#: Key (under :data:`METADATA_KEY`) of the notes shown to the student.
NOTES_KEY = "notes"
#: Key (under :data:`METADATA_KEY` of an autograded notebook) of the isolation used.
ISOLATION_KEY = "isolation"

_SURROGATE = re.compile("[\ud800-\udfff]")


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
        notes: list[str] = []
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
        self._restore_solution_cells(nb, meta, order, owner, notes)
        for note in notes:
            self.log.warning("autograder: %s/%s: %s", info["student"], info["notebook"], note)
        if notes:
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
