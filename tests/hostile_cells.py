"""Hostile and odd notebook cells for the nbgrader-flow tests (issue 10, classes 1 and 5).

Each hostile cell is written as a student would: it knows the course's absolute path and the
installed kit's (the strongest case: no discovery needed), and also tries the paths a Jupyter
kernel run by ``nbgrader autograde`` would reach (relative to ``autograded/<sid>/<unit>``,
the parent process's working directory). Every attempt is wrapped so that one refused step
does not stop the next.
"""

from __future__ import annotations

import copy
import json

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell

_PRELUDE = """\
import os, sqlite3, sys, time


def _try(fn, *args):
    try:
        fn(*args)
    except BaseException:
        pass


def _dbs():
    out = [{course!r} + "/gradebook.db", "../../../gradebook.db", "gradebook.db"]
    try:
        out.append(os.readlink(f"/proc/{{os.getppid()}}/cwd") + "/gradebook.db")
    except OSError:
        pass
    return out


def _sql(statement):
    for db in _dbs():
        def run(db=db):
            con = sqlite3.connect(db, timeout=1)
            con.execute(statement)
            con.commit()
            con.close()
        _try(run)
"""

#: name -> cell code (formatted with ``course``, ``kit``, ``victim``, ``token``).
HOSTILE = {
    # rewrite gradebook.db: manual scores override autograde; then corrupt the file
    "gradebook": _PRELUDE
    + """
_sql("UPDATE grade SET manual_score = 999, needs_manual_grade = 0")
for _db in _dbs():
    _try(lambda p=_db: open(p, "ab").write(b"forged"))
""",
    # set another, already graded student's scores to 0
    "zero_others": _PRELUDE
    + """
_sql("UPDATE grade SET auto_score = 0, manual_score = 0")
_sql("DELETE FROM submitted_assignment")
""",
    # overwrite a not-yet-graded student's submitted notebook
    "overwrite": _PRELUDE
    + """
for _p in [{course!r} + "/submitted/{victim}/numpy_basics/numpy_basics.ipynb",
           "../../../submitted/{victim}/numpy_basics/numpy_basics.ipynb"]:
    _try(lambda p=_p: open(p, "w").write('{{"cells": [], "metadata": {{}}, "nbformat": 4, '
                                          '"nbformat_minor": 5}}'))
""",
    # leave a detached process that edits the gradebook after the scores are saved
    "detached": _PRELUDE
    + '''
_LOOP = """
import sqlite3, sys, time
end = time.time() + 25
while time.time() < end:
    for db in sys.argv[2:]:
        try:
            con = sqlite3.connect(db, timeout=1)
            con.execute("UPDATE grade SET manual_score = 777, needs_manual_grade = 0")
            con.commit(); con.close()
        except Exception:
            pass
    time.sleep(0.2)
"""
def _detach():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv(sys.executable, [sys.executable, "-c", _LOOP, "{token}", *_dbs()])
        os._exit(0)
    time.sleep(0.2)
_try(_detach)
''',
    # kill the grading process (and anything else it can see)
    "kill_parent": _PRELUDE
    + """
_try(os.kill, os.getppid(), 9)
for _pid in os.listdir("/proc"):
    if _pid.isdigit() and int(_pid) != os.getpid():
        _try(os.kill, int(_pid), 9)
""",
    # write into the installed kit: a new module and a forged bytecode cache
    "kit": _PRELUDE
    + """
for _p in [{kit!r} + "/evil_{token}.py", {kit!r} + "/__pycache__/evil_{token}.cpython-311.pyc"]:
    _try(lambda p=_p: open(p, "w").write("raise SystemExit('forged')"))
_try(lambda: open({kit!r} + "/messages.py", "a").write("\\nFORGED = True\\n"))
""",
}


def hostile_cell(name: str, *, course: str, kit: str, victim: str, token: str) -> str:
    """The code of one hostile cell."""
    return HOSTILE[name].format(course=course, kit=kit, victim=victim, token=token)


def with_code_cell(nb: NotebookNode, code: str, after: str = "setup") -> NotebookNode:
    """Return a copy of ``nb`` with a plain code cell inserted after the cell ``after``."""
    nb = copy.deepcopy(nb)
    at = next(i for i, c in enumerate(nb.cells) if c.get("id") == after) + 1
    nb.cells.insert(at, new_code_cell(code))
    return nb


def _cell(nb: NotebookNode, grade_id: str) -> NotebookNode:
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def odd_points(nb: NotebookNode) -> NotebookNode:
    """A grade cell whose ``points`` is text."""
    nb = copy.deepcopy(nb)
    _cell(nb, "t2_1_values").metadata.nbgrader.points = "2 points"
    return nb


def odd_schema(nb: NotebookNode) -> NotebookNode:
    """A solution cell with metadata schema version 1."""
    nb = copy.deepcopy(nb)
    _cell(nb, "sol_t2_2").metadata.nbgrader.schema_version = 1
    return nb


def odd_pasted(nb: NotebookNode) -> NotebookNode:
    """A markdown cell pasted from another nbgrader notebook (unknown grade id)."""
    nb = copy.deepcopy(nb)
    meta = {
        "nbgrader": {
            "grade": True,
            "solution": True,
            "locked": False,
            "grade_id": "cell-9f3e2b1c0a",
            "points": 2,
            "schema_version": 3,
        }
    }
    nb.cells.insert(5, new_markdown_cell("My answer from last year's homework.", metadata=meta))
    return nb


def odd_surrogate(nb: NotebookNode) -> NotebookNode:
    """A lone UTF-16 surrogate in a comment of a solution cell."""
    nb = copy.deepcopy(nb)
    cell = _cell(nb, "sol_t2_3")
    cell.source = "# copied from a PDF: \ud83d\n" + cell.source
    return nb


def odd_ids(nb: NotebookNode) -> NotebookNode:
    """Cell ids nbformat refuses: markup in one, another repeated, another missing."""
    nb = copy.deepcopy(nb)
    bad = NotebookNode(cell_type="markdown", id='x"><script>alert(1)</script>', metadata={})
    nb.cells.insert(1, NotebookNode(bad, source="A note to myself."))
    nb.cells[2].id = nb.cells[3].id
    del nb.cells[4]["id"]
    return nb


def odd_structure(nb: NotebookNode) -> NotebookNode:
    """Valid JSON that breaks nbformat's schema: cell metadata a list, a source that is a
    number, a cell of no known type, a kernelspec whose name is a number (red team, round 8:
    each made the whole autograde not gradable)."""
    nb = copy.deepcopy(nb)
    code = {"cell_type": "code", "outputs": [], "execution_count": None}
    nb.cells.insert(1, NotebookNode(code, id="odd-meta", metadata=[], source="x = 1"))
    nb.cells.insert(2, NotebookNode(code, id="odd-source", metadata={}, source=123))
    nb.cells.insert(3, NotebookNode(cell_type="widget", id="odd-type", metadata={}, source=""))
    nb.metadata.kernelspec = {"name": 5}
    return nb


def unreadable_text() -> str:
    """JSON that nbformat cannot read as a notebook."""
    return json.dumps({"cells": "not a list", "nbformat": 4})


def not_utf8(data: bytes, grade_id: str = "sol_t2_3") -> bytes:
    """A notebook file's bytes with a comment line in Latin-1 (not UTF-8) atop a solution cell."""
    at = data.index(f'"grade_id": "{grade_id}"'.encode())
    at = data.index(b'"source": "', at) + len(b'"source": "')
    return data[:at] + b"# caf\xe9 \xe0 la cr\xe8me\\n" + data[at:]


ODD = {
    "points": odd_points,
    "schema": odd_schema,
    "pasted": odd_pasted,
    "surrogate": odd_surrogate,
    "ids": odd_ids,
    "structure": odd_structure,
}


def many_cells(nb: NotebookNode) -> NotebookNode:
    """12,000 one-character markdown cells after the notebook's own (the grader reads 10,000)."""
    nb = copy.deepcopy(nb)
    nb.cells += [
        NotebookNode(cell_type="markdown", id=f"m{i}", metadata={}, source="x")
        for i in range(12_000)
    ]
    return nb


def huge_output(nb: NotebookNode) -> NotebookNode:
    """One code cell with 33 MB of printed output (the grader reads notebooks up to 32 MiB)."""
    nb = copy.deepcopy(nb)
    text = "loss: 0.693147\n" * (33 * 10**6 // 15)
    cell = new_code_cell("for _ in range(2_200_000):\n    print('loss: 0.693147')")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    nb.cells.insert(2, cell)
    return nb


#: Notebooks too large to grade: name -> (transform, what the message says).
OVERSIZED = {
    "cells": (many_cells, "cells, over the grader's limit of 10,000"),
    "output": (huge_output, "bytes, over the grader's limit of 33,554,432"),
}
