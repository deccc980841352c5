"""A student's markdown and raw cells cannot act in the instructor's formgrader or feedback.

nbgrader's ``formgrade`` template renders a markdown cell's HTML as written: a note such as
``<img src=x onerror="…">`` ran in the instructor's logged-in page and changed another
student's grade through formgrader's API (a red-team finding). These tests render hostile
cells the way formgrader and ``nbgrader generate_feedback`` do, with the course's
configuration, and read what is left with an HTML parser.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import nbformat
import pytest
from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_markdown_cell, new_notebook, new_raw_cell
from nbgrader.server_extensions.formgrader import handlers
from traitlets.config.loader import PyFileConfigLoader

from autograder.course.builder import config_text
from autograder.course.feedback import FeedbackExporter
from autograder.course.safe_html import ATTRIBUTES, TAGS, clean, clean_raw_cells

MARK = "window.__xss = 1"
HOSTILE = [
    f'<img src=x style=display:none onerror="{MARK}">',
    f"<script>{MARK}</script>",
    f"<svg onload='{MARK}'></svg>",
    f'<a href="javascript:{MARK}">click</a>',
    f'<a href=" JaVaScRiPt:{MARK}">click</a>',
    f"<iframe srcdoc='<script>{MARK}</script>'></iframe>",
    f'<form action="/formgrader/api/grade/1"><input name=x onfocus="{MARK}" autofocus></form>',
    f'<details open ontoggle="{MARK}"><summary>s</summary></details>',
    f'<img title="a>b" src=x onerror="{MARK}">',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a> <object data="x.swf"></object>',
    '<style>body { display: none }</style><span style="position:fixed">over</span>',
    '<span id="statusmessage" class="tabbable help">clobbers the page\'s own elements</span>',
    f"<math><mi xlink:href='javascript:{MARK}'>x</mi></math><!-- <script>{MARK}</script> -->",
    f"[a markdown link](javascript:{MARK}) ![img](x onerror={MARK})",
]


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _active(html: str) -> list[str]:
    """What in ``html`` could act in a browser or impersonate the page's own elements."""
    parser = _Tags()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag not in TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name not in ATTRIBUTES.get(tag, ()) and name != "class":
                found.append(f"<{tag} {name}=…>")
            elif name == "class" and {"tabbable", "help"} & set(value.split()):
                found.append(f"<{tag} class={value}>")
            elif value.strip().lower().startswith(("javascript:", "data:text")):
                found.append(f"<{tag} {name}={value}>")
    return found


@pytest.mark.parametrize("html", HOSTILE)
def test_clean_leaves_nothing_that_can_act(html):
    assert _active(clean(html)) == []


def test_the_parser_sees_what_the_hostile_cells_hold():
    # the check above can fail: unclean, every hostile cell but the markdown link is active
    assert all(_active(h) for h in HOSTILE[:-1])


def test_markdown_keeps_its_own_html(course_config):
    md = "\n".join(
        [
            "# My notes",
            "Some *math* $x<y$ and $$\\frac{1}{m}\\sum_i L$$ with a [link](https://numpy.org).",
            "",
            "| a | b |",
            "|---|---|",
            "| 1 | 2 |",
            "",
            "```python",
            "A = 1 / (1 + np.exp(-z))",
            "```",
            "",
            "> a quote, <b>bold</b><br>and a line break",
            "",
            "![plot](attachment:p.png)",
        ]
    )
    html = _render_formgrade(
        [new_markdown_cell(md, attachments={"p.png": {"image/png": "iVBORw0KGgo="}})],
        course_config(),
    )
    for kept in (
        "<h1>My notes",
        "$x&lt;y$",
        "<table>",
        '<span class="mi">1</span>',
        "<blockquote>",
        "<b>bold</b><br",
        'href="https://numpy.org"',
        'src="data:image/png;base64,iVBORw0KGgo="',
    ):
        assert kept in html


@pytest.fixture(scope="module")
def course_config(tmp_path_factory):  # noqa: ANN201 - the course's nbgrader_config.py, loaded
    folder = tmp_path_factory.mktemp("course")
    (folder / "nbgrader_config.py").write_text(config_text())
    return lambda: PyFileConfigLoader("nbgrader_config.py", str(folder)).load_config()


def _render_formgrade(cells: list, config) -> str:  # noqa: ANN001
    """The page formgrader shows for a notebook (its exporter, as formgrader builds it)."""
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    nb = new_notebook(cells=cells)
    exporter = HTMLExporter(config=config)
    html, _ = exporter.from_notebook_node(nb, resources=dict(_FORMGRADER))
    return html


#: The resources formgrader's submission page passes (its ``SubmissionHandler``).
_FORMGRADER = {
    **{"assignment_id": "a", "notebook_id": "n", "submission_id": "s", "index": 0, "total": 1},
    **{"base_url": "/", "student": "x", "last_name": "", "first_name": "", "notebook_path": "p"},
}


def _notebook(hostile: bool) -> dict:
    """The hostile cells, or as many plain ones (the template's own elements are the same)."""
    notes = HOSTILE if hostile else ["plain"] * len(HOSTILE)
    nb = new_notebook(
        cells=[new_markdown_cell("My notes. " + h) for h in notes]
        + [new_raw_cell(h) for h in notes]
    )
    tagged = [len(notes) + k for k, h in enumerate(notes, start=1) if "<" in h]
    assert clean_raw_cells(nb) == tagged
    nbformat.validate(nb)
    return nb


def _added(render) -> list[str]:  # noqa: ANN001
    """What the hostile cells add to the page's active elements, over plain cells."""
    return list((Counter(_active(render(True))) - Counter(_active(render(False)))).elements())


def test_formgrader_shows_a_students_cells_inert_with_the_course_config(course_config):
    html = _render_formgrade(_notebook(True).cells, course_config())
    assert html.count("My notes.") == len(HOSTILE)
    config = course_config()
    assert _added(lambda hostile: _render_formgrade(_notebook(hostile).cells, config)) == []


def test_formgrader_without_the_course_config_would_run_them():
    # nbgrader's formgrade template alone passes markdown's HTML through
    config = PyFileConfigLoader("nbgrader_config.py", "/nonexistent").config
    html = _render_formgrade([new_markdown_cell("My notes. " + HOSTILE[0])], config)
    assert 'onerror="window.__xss' in html


def _feedback(hostile: bool) -> str:
    html, _ = FeedbackExporter().from_notebook_node(
        _notebook(hostile), resources={"nbgrader": {"notebook": "x"}, "autograder_labels": {}}
    )
    return html


def test_feedback_shows_them_inert_even_without_the_course_config():
    assert _feedback(True).count("My notes.") == len(HOSTILE)
    assert _added(_feedback) == []
