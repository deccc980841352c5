"""The fault corpus (tests/faults/corpus.py) graded through ``autograder grade --json``.

Each fault must get exactly its expected score, fail exactly its listed checks with the
listed message, and pass every other check; the grader itself must survive all of them.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from autograder.cli import main

from .faults.corpus import FAULTS, ROOT, UNIT, Fault
from .helpers import assert_fails_exactly, check_points

REFERENCE = (ROOT / "solutions" / f"{UNIT}.py").read_text()
POINTS = check_points(UNIT)


def write_submission(fault: Fault, folder: Path) -> Path:
    """Write the fault's submission file (a .py or a notebook) into ``folder``."""
    if not fault.notebook:
        path = folder / f"{UNIT}.py"
        path.write_text(fault.code if fault.replace else REFERENCE + "\n\n" + fault.code)
        return path
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# homework"), nbformat.v4.new_code_cell(REFERENCE)]
    for source, meta in fault.cells:
        cell = nbformat.v4.new_code_cell(source)
        if meta is not None:
            cell.metadata["nbgrader"] = meta
        nb.cells.append(cell)
    path = folder / f"{UNIT}.ipynb"
    nbformat.write(nb, path)
    return path


def grade_cli(capsys, path: Path, *args: str) -> tuple[int, dict]:
    code = main(["grade", str(path), "--json", "--timeout", "3", *args])
    out = capsys.readouterr().out
    (obj,) = [json.loads(line) for line in out.splitlines() if line.strip()]
    return code, obj


def test_corpus_is_big_and_covers_every_group():
    groups = {f.id[0] for f in FAULTS}
    assert len(FAULTS) >= 40
    assert groups >= set("ABCDEFGHIJ")  # K (grader failure) is in test_isolation.py
    assert len({f.id for f in FAULTS}) == len(FAULTS)
    for f in FAULTS:
        expected = 42.0 - (42.0 if "*" in f.fails else sum(POINTS[k] for k in f.fails))
        assert expected == f.score, f"{f.id}: listed score {f.score}, checks say {expected}"
        assert "*" in f.fails or set(f.fails) <= set(POINTS), f.id


@pytest.mark.parametrize("fault", FAULTS, ids=[f.id for f in FAULTS])
def test_fault(capsys, tmp_path, fault):
    path = write_submission(fault, tmp_path)
    code, obj = grade_cli(capsys, path, *fault.args)
    assert code == 0, "a student's fault must never make the grading itself fail"
    checks = assert_fails_exactly(obj, fault.fails, POINTS)
    for key, check in checks.items():
        assert check["passed"] or len(check["message"]) < 2500, f"{key}: messages are truncated"
    assert obj["score"] == fault.score
    assert obj["max_score"] == 42.0
    if fault.note:
        assert any(fault.note in n for n in obj["load_notes"]), obj["load_notes"]


def _limits(args: tuple[str, ...]):
    from autograder.isolation import Limits

    opts = dict(zip(args[::2], args[1::2]))
    return Limits(
        call_timeout=float(opts.get("--timeout", 3)),
        submission_budget=float(opts.get("--budget", 300)),
        cell_timeout=float(opts.get("--cell-timeout", Limits().cell_timeout)),
        memory_mb=int(opts.get("--memory-mb", 1024)),
    )


#: Through the nbgrader flow's grading function (what the autograde preprocessor records):
#: every fault of the corpus, as through the CLI.
COURSE_SAMPLE = FAULTS


@pytest.mark.parametrize("fault", COURSE_SAMPLE, ids=[f.id for f in COURSE_SAMPLE])
def test_fault_through_the_course_flow(tmp_path, fault):
    from autograder.course.worker import VERDICTS, grade_file

    path = write_submission(fault, tmp_path)
    result = grade_file(path, UNIT, limits=_limits(fault.args))
    assert result.gradable
    assert result.score == fault.score
    checks = assert_fails_exactly(result.to_dict(), fault.fails, POINTS)
    assert all(check["status"] in VERDICTS for check in checks.values())
    if fault.note:
        assert any(fault.note in n for n in result.load_notes), result.load_notes
