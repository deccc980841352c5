"""`autograder grade`: table and JSON output, exit codes, broken submissions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import units
from autograder.cli import main
from autograder.results import STATUSES

ROOT = Path(__file__).resolve().parent.parent
UNIT = "numpy_basics"


def scored(obj: dict, *keys: str) -> None:
    """A unit, task or check of the JSON form: ``keys`` and its score, within its maximum."""
    assert set(obj) == {*keys, "score", "max_score"}
    assert 0 <= obj["score"] <= obj["max_score"]


def validate_schema(obj: dict) -> None:
    """The JSON form promised by the README (and by other tools that read it)."""
    scored(obj, "unit", "gradable", "load_notes", "isolation", "tasks")
    assert obj["isolation"] is None or isinstance(obj["isolation"], str)
    assert all(isinstance(n, str) for n in obj["load_notes"])
    assert isinstance(obj["gradable"], bool)
    assert isinstance(obj["unit"], str)
    assert isinstance(obj["score"], float) and isinstance(obj["max_score"], float)
    total = 0.0
    for task in obj["tasks"]:
        scored(task, "id", "function", "checks", "advice", "recognized", "notes")
        assert all(isinstance(n, str) for n in task["advice"] + task["recognized"])
        assert isinstance(task["id"], str) and isinstance(task["function"], str)
        assert task["checks"]
        s = 0.0
        for check in task["checks"]:
            scored(check, "name", "passed", "message", "status", "advice", "cause", "mistake")
            assert check["mistake"] is None or set(check["mistake"]) == {"id", "title"}
            assert check["status"] in STATUSES
            assert isinstance(check["passed"], bool)
            assert isinstance(check["message"], str)
            assert check["score"] == (check["max_score"] if check["passed"] else 0.0)
            s += check["score"]
        assert task["score"] == pytest.approx(s)
        total += task["score"]
    assert obj["score"] == pytest.approx(total)


def grade_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["grade", *args, "--json"])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("unit", units.available())
def test_reference_json_full_marks(capsys, unit):
    code, objs = grade_json(capsys, str(ROOT / "solutions" / f"{unit}.py"))
    assert code == 0 and len(objs) == 1
    validate_schema(objs[0])
    assert objs[0]["unit"] == unit
    assert objs[0]["score"] == objs[0]["max_score"] > 0


@pytest.mark.parametrize("unit", units.available())
def test_stubs_json_zero(capsys, unit):
    code, (obj,) = grade_json(capsys, str(ROOT / "exercises" / f"{unit}.py"))
    assert code == 0
    validate_schema(obj)
    assert obj["score"] == 0
    assert all("not implemented" in c["message"] for t in obj["tasks"] for c in t["checks"])


def test_a_function_that_does_not_compile_costs_only_its_task(capsys, tmp_path):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    header = "def normalize_rows(x: np.ndarray) -> np.ndarray:"
    broken = src.replace(header, header[:-1])  # the colon is missing
    assert broken != src
    bad = tmp_path / f"{UNIT}.py"
    bad.write_text(broken)
    code, (obj,) = grade_json(capsys, str(bad))
    assert code == 0
    validate_schema(obj)
    lost = {t["function"] for t in obj["tasks"] if t["score"] < t["max_score"]}
    assert lost == {"normalize_rows"}
    task = next(t for t in obj["tasks"] if t["function"] == "normalize_rows")
    assert all("does not compile" in c["message"] for c in task["checks"])
    assert all("SyntaxError" in c["message"] for c in task["checks"])
    assert any("SyntaxError" in note for note in obj["load_notes"])


def test_a_file_that_does_not_parse_at_all_scores_zero_with_the_reason(capsys, tmp_path):
    bad = tmp_path / f"{UNIT}.py"
    bad.write_text("import numpy as np\ndef sigmoid(x)\n    return x\n")
    code, (obj,) = grade_json(capsys, str(bad))
    assert code == 0
    assert obj["score"] == 0
    sigmoid = next(t for t in obj["tasks"] if t["function"] == "sigmoid")
    assert all("SyntaxError" in c["message"] for c in sigmoid["checks"])


def test_one_raising_and_one_none_function_cost_only_their_tasks(capsys, tmp_path):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    src += (
        "\n\ndef L1(yhat, y):\n    raise ZeroDivisionError('oops')\n"
        "\n\ndef L2(yhat, y):\n    return None\n"
    )
    f = tmp_path / f"{UNIT}_student.py"
    f.write_text(src)
    code, (obj,) = grade_json(capsys, str(f))
    assert code == 0
    validate_schema(obj)
    tasks = {t["function"]: t for t in obj["tasks"]}
    assert tasks["L1"]["score"] == 0
    assert "raised ZeroDivisionError: oops" in tasks["L1"]["checks"][0]["message"]
    assert tasks["L2"]["score"] == 0
    assert "NoneType" in tasks["L2"]["checks"][0]["message"]
    others = [t for name, t in tasks.items() if name not in ("L1", "L2")]
    assert all(t["score"] == t["max_score"] for t in others)


HOSTILE_TEXT = r"""

def L1(yhat, y):  # cursor movements that would overwrite the table, and a lone surrogate
    raise ValueError("x\x1b[2K\r\x1b[1A\x1b[2K\rFAKE: numpy_basics 42/42 all passed \ud800"
                     "\nFORGED 42/42\u2028FORGED 42/42")


def basic_sigmoid(x):  # a class named with a line break: its name is shown in the report
    return type("float\nFORGED 42/42\u202e", (), {})()


_KEYS = {f"k{i:07d}": 0 for i in range(90_000)}


def propagate_loops(w, b, X, Y):  # 90,000 keys (the seam's limit is 100,000 values)
    return _KEYS, 0.5
"""


def test_a_students_text_cannot_crash_flood_or_rewrite_the_report(tmp_path):
    f = tmp_path / f"{UNIT}.py"
    f.write_text((ROOT / "solutions" / f"{UNIT}.py").read_text() + HOSTILE_TEXT)
    proc = subprocess.run(
        [sys.executable, "-m", "autograder", "grade", str(f)],
        capture_output=True,
        timeout=300,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout.decode("utf-8")
    assert "\x1b" not in out and "\r" not in out and "\u2028" not in out and "\u202e" not in out
    assert not any(line.startswith("FORGED") for line in out.splitlines())
    assert "raised ValueError: x\\x1b[2K\\r" in out and "\\ud800" in out  # shown escaped
    assert len(out) < 60_000
    assert "more characters)" in out


def test_missing_function_scores_zero_not_found_others_graded(capsys, tmp_path):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text().replace("def softmax(", "def softmx(")
    f = tmp_path / f"{UNIT}.py"
    f.write_text(src)
    code, (obj,) = grade_json(capsys, str(f))
    assert code == 0
    tasks = {t["function"]: t for t in obj["tasks"]}
    assert tasks["softmax"]["score"] == 0
    assert "not found" in tasks["softmax"]["checks"][0]["message"]
    assert sum(t["score"] for t in obj["tasks"]) == obj["max_score"] - tasks["softmax"]["max_score"]


def test_plain_course_style_file_is_graded_without_edits(capsys, tmp_path):
    """A student's file of plain functions with the course names (no markers, no package)."""
    f = tmp_path / "my_numpy_homework.py"
    f.write_text(
        "import numpy as np\nimport math\n\n"
        "def basic_sigmoid(x):\n    return 1 / (1 + math.exp(-x))\n\n"
        "def L1(yhat, y):\n    return np.sum(np.abs(y - yhat))\n"
    )
    code, (obj,) = grade_json(capsys, str(f), "--unit", UNIT)
    assert code == 0
    tasks = {t["function"]: t for t in obj["tasks"]}
    assert tasks["basic_sigmoid"]["score"] == tasks["basic_sigmoid"]["max_score"]
    assert tasks["L1"]["score"] == tasks["L1"]["max_score"]
    assert "not found" in tasks["sigmoid"]["checks"][0]["message"]


def test_notebook_code_cells_are_graded(capsys, tmp_path):
    import nbformat

    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# homework"),
        nbformat.v4.new_code_cell("%matplotlib inline\n" + src),
        nbformat.v4.new_code_cell("raise RuntimeError('a broken exploration cell')"),
    ]
    f = tmp_path / f"{UNIT}.ipynb"
    nbformat.write(nb, f)
    code, (obj,) = grade_json(capsys, str(f))
    assert code == 0
    assert obj["score"] == obj["max_score"]


def test_folder_with_one_unit(capsys, tmp_path):
    (tmp_path / f"{UNIT}.py").write_text((ROOT / "solutions" / f"{UNIT}.py").read_text())
    code, (obj,) = grade_json(capsys, str(tmp_path))
    assert code == 0 and obj["score"] == obj["max_score"]


def test_table_output_lists_every_task(capsys):
    assert main(["grade", str(ROOT / "exercises" / f"{UNIT}.py")]) == 0
    out = capsys.readouterr().out
    for task in units.get(UNIT).tasks:
        assert f"{task.id}" in out and task.function in out
    assert "not implemented" in out


@pytest.mark.parametrize(
    "args",
    [["grade", "/nonexistent/file.py"], ["grade", "README.md"], ["grade", "setup_notes.py"]],
)
def test_usage_errors_exit_nonzero(capsys, args, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text("x")
    (tmp_path / "setup_notes.py").write_text("x = 1")
    assert main(args) == 2
    assert "autograder grade:" in capsys.readouterr().err


def test_console_script_runs(tmp_path):
    exe = Path(sys.executable).with_name("autograder")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "autograder"]
    proc = subprocess.run(
        [*cmd, "grade", str(ROOT / "exercises" / f"{UNIT}.py"), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    validate_schema(json.loads(proc.stdout.splitlines()[0]))


def test_grading_a_file_needs_nothing_of_the_grading_extra(tmp_path):
    """A base install (no nbformat, nbgrader...) grades a ``.py`` file with every subcommand."""
    path = tmp_path / f"{UNIT}.py"
    path.write_text((ROOT / "solutions" / f"{UNIT}.py").read_text())
    code = (
        "import sys\n"
        "sys.modules['nbformat'] = None  # as if the grading extra were not installed\n"
        "from autograder.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "grade", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.splitlines()[0])
    assert result["score"] == result["max_score"] > 0


def test_a_reader_that_stops_reading_ends_the_command_quietly():
    """``autograder grade ... | head -1``: a closed pipe is no internal error."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "autograder", "grade", str(ROOT / "solutions" / f"{UNIT}.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # before the report is written: writing it meets a broken pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141
    assert "internal error" not in err and "Exception ignored" not in err, err
