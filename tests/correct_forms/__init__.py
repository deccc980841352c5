"""Correct implementations of the course functions, written the ways real students write them.

One notebook per unit, ``<unit>.ipynb``, as students hand in code: each code cell is one
implementation, and its metadata ``kit_correct_form.function`` names the course function it
is a form of. Every one is correct in the course's setting (its release's names, signatures,
template lines and helper modules) and differs from the reference and from the others;
``tests/test_correct_forms.py`` grades each one and asserts full marks. A cell may define
several functions (a 2017 ``nn_model`` with the 2017 ``compute_cost`` it calls); every
function it defines is graded.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent


def _forms(path: Path) -> dict[str, list[str]]:
    """``{function: [source, ...]}`` of one unit's notebook, in cell order."""
    table: dict[str, list[str]] = {}
    for cell in nbformat.read(path, as_version=4).cells:
        meta = cell.metadata.get("kit_correct_form")
        if cell.cell_type == "code" and meta:
            table.setdefault(meta["function"], []).append(cell.source)
    return table


#: ``{unit: {function: [source, ...]}}``.
VARIANTS: dict[str, dict[str, list[str]]] = {
    p.stem: _forms(p) for p in sorted(HERE.glob("*.ipynb"))
}
