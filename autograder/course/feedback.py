"""Feedback HTML (``nbgrader generate_feedback``) that names every check and hides hidden ones.

The generated ``nbgrader_config.py`` sets ``GenerateFeedback.exporter_class`` to
:class:`FeedbackExporter` and the feedback preprocessors to
``GetGrades, PrepareFeedback, CSSHTMLHeaderPreprocessor``:

- :class:`PrepareFeedback` removes the hidden checks' source from the grade cells (their
  outputs are already the engine's redacted messages) and labels each grade cell with its
  task, function and check for the summary. Unlike nbgrader's ``ClearHiddenTests`` it never
  fails on a student's own cell that happens to contain the hidden-test markers.
- :class:`FeedbackExporter` is nbgrader's HTML exporter with the template
  ``templates/autograder_feedback``: nbgrader's feedback page whose summary is a table of
  task, check and score (not 33 anonymous "Test cell" lines), with padded table columns and
  wrapped messages, and a student's markdown cleaned of anything that could act in a browser
  (:func:`autograder.course.safe_html.markdown2html`).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbgrader
from nbconvert.exporters import HTMLExporter
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import List, Unicode, validate

from autograder import units
from autograder.course import safe_html
from autograder.course.builder import grade_ids

TEMPLATE_NAME = "autograder_feedback"
TEMPLATES = Path(__file__).resolve().parent / "templates"
NBGRADER_TEMPLATES = (
    Path(nbgrader.__file__).resolve().parent / "server_extensions" / "formgrader" / "templates"
)
#: ``resources`` key of ``{grade_id: {"task", "function", "check", "hidden"}}``.
LABELS_KEY = "autograder_labels"


class PrepareFeedback(NbGraderPreprocessor):
    """Drop hidden checks' source from grade cells; label grade cells by task and check."""

    display_data_priority = List(
        ["text/html", "application/pdf", "text/latex", "image/svg+xml", "image/png", "text/plain"]
    ).tag(config=True)
    begin_hidden = Unicode("BEGIN HIDDEN TESTS").tag(config=True)
    end_hidden = Unicode("END HIDDEN TESTS").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Label the grade cells, then clean every cell."""
        unit = resources.get("nbgrader", {}).get("notebook")
        labels = {}
        if unit in units.available():
            for gid, (task, check) in grade_ids(units.get(unit)).items():
                labels[gid] = {
                    "task": f"Task {task.id} · {task.function}",
                    "check": check.name,
                    "hidden": check.hidden,
                }
        resources[LABELS_KEY] = labels
        nb.metadata.pop("celltoolbar", None)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple:
        """Remove the hidden region of a grade cell (other cells are left as they are)."""
        if utils.is_grade(cell) and isinstance(cell.get("source"), str):
            kept, inside = [], False
            for line in cell.source.split("\n"):
                if self.begin_hidden in line:
                    inside = True
                elif self.end_hidden in line:
                    inside = False
                elif not inside:
                    kept.append(line)
            cell.source = "\n".join(kept)
        return cell, resources


class FeedbackExporter(HTMLExporter):
    """nbgrader's feedback HTML exporter, rendering with the kit's template."""

    @validate("template_name")
    def _template_name_validate(self, proposal: dict) -> str:  # replaces nbconvert's
        value = super()._template_name_validate(proposal)
        return TEMPLATE_NAME if value == "feedback" else value

    @validate("extra_template_basedirs")
    def _kit_basedirs(self, proposal: dict) -> list[str]:
        dirs = [str(TEMPLATES), str(NBGRADER_TEMPLATES)]
        return dirs + [d for d in proposal["value"] if os.fspath(d) not in dirs]

    @validate("extra_template_paths")
    def _kit_paths(self, proposal: dict) -> list[str]:
        # so that the kit's template can extend nbgrader's as "feedback/index.html.j2"
        paths = list(proposal["value"])
        return paths if str(NBGRADER_TEMPLATES) in paths else [*paths, str(NBGRADER_TEMPLATES)]

    def default_filters(self):  # noqa: ANN201 - nbconvert's (name, filter) pairs
        """Return nbconvert's filters, with the markdown filter that cleans a student's HTML."""
        for name, jinja_filter in super().default_filters():
            yield name, safe_html.markdown2html if name == "markdown2html" else jinja_filter

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.template_name == "feedback":  # set before the validator existed
            self.template_name = TEMPLATE_NAME
        self.extra_template_basedirs = list(self.extra_template_basedirs)
        self.extra_template_paths = list(self.extra_template_paths)
