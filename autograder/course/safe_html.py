"""A student's markdown and raw cells as HTML that cannot act in the instructor's browser.

nbgrader's formgrader renders each autograded notebook with nbconvert, and its ``formgrade``
template passes a markdown cell's HTML through unchanged (nbconvert's ``sanitize_html`` is not
applied there), as it does a raw cell's source. A student's note such as
``<img src=x onerror="…">`` would then run in the instructor's logged-in formgrader page and
could change any student's grade through formgrader's API.

- :func:`clean` keeps the tags and attributes markdown produces (headings, lists, tables,
  code, links, images) and removes everything that can act: scripts, event handlers, styles,
  forms, frames, ``javascript:`` links, and ``id``/``class`` values the formgrader page's own
  scripts could mistake for theirs.
- :func:`markdown2html` is nbconvert's markdown filter followed by :func:`clean`; the course's
  ``nbgrader_config.py`` installs it for every ``HTMLExporter`` (formgrader's and the
  feedback's), and :class:`~autograder.course.feedback.FeedbackExporter` uses it by itself.
- :class:`~autograder.course.sanitize.SanitizeSubmission` applies :func:`clean` to raw cells,
  which the templates copy into the page as they are.
"""

from __future__ import annotations

import re

import bleach
from jinja2 import pass_context
from jinja2.runtime import Context
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

#: Tags of markdown's HTML (and of nbconvert's highlighted code and math).
TAGS = frozenset(
    {
        *("a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl"),
        *("dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li"),
        *("ol", "p", "pre", "s", "span", "strong", "sub", "summary", "sup", "table", "tbody"),
        *("td", "tfoot", "th", "thead", "tr", "u", "ul"),
    }
)
#: Attributes kept, by tag (``class`` is decided by :data:`CLASSES`).
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "abbr": {"title"},
}
#: Classes kept: code highlighting (``highlight``, ``language-…``, Pygments' short token
#: classes), math and the heading anchors; no class the formgrader's scripts select on.
CLASSES = re.compile(r"(highlight|hl-\w+|language-[\w+-]+|[a-z]{1,3}\d?|anchor-link|math)")
#: URL schemes kept (``data:`` only for an embedded image, see :func:`_allowed`).
PROTOCOLS = frozenset({"http", "https", "mailto", "data"})
#: Images may be embedded (attachments and pasted plots are ``data:image/…`` URLs).
_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*\Z")


def _allowed(tag: str, name: str, value: str) -> bool:
    if name == "class":
        return all(CLASSES.fullmatch(c) for c in value.split())
    if value.strip().lower().startswith("data:"):
        return tag == "img" and name == "src" and bool(_DATA_IMAGE.match(value.strip()))
    return name in ATTRIBUTES.get(tag, ())


_CLEANER = bleach.Cleaner(
    tags=TAGS, attributes=_allowed, protocols=PROTOCOLS, strip=True, strip_comments=True
)


def clean(html: str) -> str:
    """Return ``html`` with only markdown's tags and harmless attributes left.

    Disallowed tags are removed (their text stays, shown as text); ``<script>``'s and
    ``<style>``'s text stays inert.

    Args:
        html: HTML written or produced from a student's cell.

    Returns:
        The cleaned HTML (``bleach``'s HTML5 parser, so a malformed tag cannot hide an
        attribute).
    """
    return _CLEANER.clean(html)


@pass_context
def markdown2html(context: Context, source: str) -> str:
    """Render markdown as nbconvert does (attachments, math, anchors), then :func:`clean` it."""
    cell = context.get("cell", {})
    renderer = IPythonRenderer(
        escape=False,
        allow_harmful_protocols=False,
        attachments=cell.get("attachments", {}),
        path=context.get("resources", {}).get("metadata", {}).get("path", ""),
    )
    return clean(MarkdownWithMath(renderer=renderer).render(source))


_TAG = re.compile(r"<[A-Za-z!/?]")


def clean_raw_cells(nb: dict) -> list[int]:
    """Clean every raw cell's source with :func:`clean`, in place.

    nbconvert's HTML templates copy a raw cell (of no or an HTML-like ``raw_mimetype``) into
    the page as it is.

    Returns:
        The 1-based numbers of the cells that held tags and lost some of them.
    """
    changed = []
    for index, cell in enumerate(nb.get("cells", [])):
        source = cell.get("source") if isinstance(cell, dict) else None
        if cell.get("cell_type") != "raw" or not isinstance(source, str):
            continue
        cleaned = clean(source)
        if cleaned != source:
            cell["source"] = cleaned
            if _TAG.search(source):
                changed.append(index + 1)
    return changed
