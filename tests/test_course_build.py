"""Generated course: notebooks match the registry; the student bundle works without solutions."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import time
import tracemalloc
from pathlib import Path

import nbformat
import pytest

from autograder import units
from autograder.course import builder
from autograder.course.bundle import write_bundle


def _grade_cells(nb):
    return [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade")]


@pytest.mark.parametrize("unit", builder.buildable_units())
def test_one_locked_grade_cell_per_check_with_its_points(unit):
    nb = builder.build_notebook(unit)
    u = units.get(unit)
    cells = _grade_cells(nb)
    expected = {builder.grade_id(t, c): (t, c) for t in u.tasks for c in t.checks}
    assert [c.metadata.nbgrader.grade_id for c in cells] == list(expected)
    for cell in cells:
        task, check = expected[cell.metadata.nbgrader.grade_id]
        meta = cell.metadata.nbgrader
        assert meta.locked and not meta.solution and meta.points == check.points
        call = f"grade({unit!r}, {task.id!r}, {check.name!r})"
        assert call in cell.source
        hidden = "### BEGIN HIDDEN TESTS" in cell.source
        assert hidden == check.hidden
        if hidden:
            assert cell.source.index("### BEGIN HIDDEN TESTS") < cell.source.index(call)
    ids = [c.metadata.nbgrader.grade_id for c in nb.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids))
    nbformat.validate(nb)


@pytest.mark.parametrize("unit", builder.buildable_units())
def test_every_task_has_math_a_solution_region_and_a_self_check(unit):
    nb = builder.build_notebook(unit)
    for task in units.get(unit).tasks:
        tid = task.id.replace(".", "_")
        by_id = {c.id: c for c in nb.cells}
        assert f"Task {task.id}" in by_id[f"md_t{tid}"].source
        sol = by_id[f"sol_t{tid}"]
        assert sol.metadata.nbgrader.solution
        assert f"def {task.function}(" in sol.source and "### BEGIN SOLUTION" in sol.source
        assert by_id[f"check_t{tid}"].source == f"check({task.id!r})"


def test_build_writes_the_course_and_rebuilding_is_a_no_op(tmp_path):
    paths = builder.build_course(tmp_path, ["numpy_basics"])
    config = (tmp_path / "nbgrader_config.py").read_text()
    assert "c.OverwriteCells.add_missing_cells = True" in config
    assert "autograder.course.feedback.PrepareFeedback" in config
    assert "EngineGrades" in config and "SaveEngineGrades" in config
    compile(config, "nbgrader_config.py", "exec")
    before = {p: p.read_text() for p in paths}
    assert builder.build_course(tmp_path, ["numpy_basics"]) == paths
    assert {p: p.read_text() for p in paths} == before
    nb_path = tmp_path / "source" / "numpy_basics" / "numpy_basics.ipynb"
    nb_path.write_text(nb_path.read_text().replace("Task 2.1", "Task two-one"))
    with pytest.raises(FileExistsError):
        builder.build_course(tmp_path, ["numpy_basics"])
    builder.build_course(tmp_path, ["numpy_basics"], force=True)
    assert nb_path.read_text() == before[nb_path]


def test_each_course_has_its_own_secret_for_the_hidden_draws_and_keeps_it(tmp_path):
    """The hidden inputs depend on a secret only the course holds (the students' kit cannot
    predict them); a rebuild keeps it, so regrading draws the same inputs."""
    import nbformat

    from autograder.course.nbgrader_plugin import EngineGrades

    secrets = []
    for name in ("a", "b"):
        builder.build_course(tmp_path / name, ["numpy_basics"])
        config = (tmp_path / name / "nbgrader_config.py").read_text()
        secrets.append(int(builder.SECRET_LINE.search(config)[1]))
        builder.build_course(tmp_path / name, ["numpy_basics"])  # a no-op: the secret stays
        assert (tmp_path / name / "nbgrader_config.py").read_text() == config
    assert secrets[0] != secrets[1]

    wrong_l1 = (
        "import numpy as np\n\ndef L1(yhat, y):\n    return float(np.sum(np.abs(y - yhat))) + 1.0\n"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(wrong_l1)])

    def hidden_call(seed):
        graded = EngineGrades(seed=seed, sandbox=False).grade(nb, "numpy_basics")
        (task,) = [t for t in graded.result.tasks if t.function == "L1"]
        (hidden,) = [c for c in task.checks if c.name == "hidden"]
        return hidden.message  # its called: line can show only shapes, which may coincide

    first = hidden_call(secrets[0])
    assert hidden_call(secrets[0]) == first and hidden_call(secrets[1]) != first


def test_any_change_to_the_code_redraws_the_hidden_inputs(tmp_path):
    """Drawn from the graded function's text alone, the inputs a hidden check gave one
    submission (kept by its code, shown through a later visible check's message) came back
    for the next, which answered them from a table in another cell (red team, round 8)."""
    import nbformat

    from autograder.course.nbgrader_plugin import EngineGrades

    wrong_l1 = "import numpy as np\n\ndef L1(yhat, y):\n    return _impl(yhat, y)\n"
    impl = "def _impl(yhat, y):\n    return float(np.sum(np.abs(y - yhat))) + 1.0\n"

    def hidden_call(*cells):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
        graded = EngineGrades(seed=7, sandbox=False).grade(nb, "numpy_basics")
        (task,) = [t for t in graded.result.tasks if t.function == "L1"]
        (hidden,) = [c for c in task.checks if c.name == "hidden"]
        return hidden.message  # its called: line can show only shapes, which may coincide

    first = hidden_call(wrong_l1, impl)
    assert hidden_call(wrong_l1, impl) == first  # the same code: the same draws
    assert hidden_call(wrong_l1, impl + "ANSWERS = {}\n") != first
    assert hidden_call(wrong_l1, impl + "# ANSWERS = {}\n") != first  # code can read comments


def _visible_checks(unit: str) -> int:
    return sum(1 for t in units.get(unit).tasks for c in t.checks if not c.hidden)


def _run_isolated(bundle: Path, code: str) -> subprocess.CompletedProcess:
    """Run Python with only the bundle and the venv's site-packages (no .pth files, so the
    editable install's mapping of /work/main's solutions/ is not active)."""
    site = sysconfig.get_paths()["purelib"]
    boot = f"import sys; sys.path[:0] = [{str(bundle)!r}, {site!r}]\n"
    return subprocess.run(
        [sys.executable, "-S", "-c", boot + code],
        cwd=bundle,
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return write_bundle(tmp_path_factory.mktemp("bundle") / "kit")


def test_bundle_holds_no_solutions_no_catalogue_no_course_tools(bundle):
    assert not (bundle / "solutions").exists()
    assert not (bundle / "autograder" / "course").exists()
    assert sorted(p.name for p in (bundle / "autograder" / "mistakes").glob("*.py")) == [
        "__init__.py"
    ]
    for unit in builder.buildable_units():
        text = (bundle / "exercises" / f"{unit}.py").read_text()
        assert "raise NotImplementedError" in text and "### BEGIN SOLUTION" not in text
    r = _run_isolated(bundle, "import solutions")
    assert r.returncode != 0 and "ModuleNotFoundError" in r.stderr


def test_pytest_exercises_works_in_the_bundle(bundle, tmp_path):
    unit = "numpy_basics"
    n = _visible_checks(unit)
    stubs = _run_isolated(
        bundle,
        "import pytest; sys.exit(pytest.main(['exercises', '-q', '-p', 'no:cacheprovider', "
        f"'-m', {unit!r}]))",
    )
    assert stubs.returncode == 1, stubs.stdout[-2000:] + stubs.stderr[-2000:]
    assert f"{n} not implemented" in stubs.stdout and "passed" not in stubs.stdout.splitlines()[-1]
    impl = tmp_path / "impl"
    impl.mkdir()
    (impl / f"{unit}.py").write_text(builder.solution_path(unit).read_text())
    good = _run_isolated(
        bundle,
        "import pytest; sys.exit(pytest.main(['exercises', '-q', '-p', 'no:cacheprovider', "
        f"'-m', {unit!r}, '--impl', {str(impl)!r}]))",
    )
    assert good.returncode == 0, good.stdout[-2000:] + good.stderr[-2000:]
    assert f"{n} passed" in good.stdout


def test_generated_config_runs_no_kernel_and_sanitizes_first(tmp_path):
    from traitlets.config.loader import PyFileConfigLoader
    from traitlets.utils.importstring import import_item

    builder.build_course(tmp_path, ["numpy_basics"])
    cfg = PyFileConfigLoader("nbgrader_config.py", str(tmp_path)).load_config()
    sanitize = list(cfg.Autograde.sanitize_preprocessors)
    autograde = list(cfg.Autograde.autograde_preprocessors)
    assert sanitize[0] == "autograder.course.sanitize.SanitizeSubmission"
    # the submitted file is read (and a notebook too large refused) before nbgrader parses it
    assert cfg.Autograde.exporter_class == "autograder.course.sanitize.SubmissionExporter"
    import_item(cfg.Autograde.exporter_class)
    assert "nbgrader.preprocessors.OverwriteCells" in sanitize
    assert not any("Execute" in name for name in autograde)  # no Jupyter kernel at autograde
    for name in [*sanitize, *autograde, *cfg.GenerateFeedback.preprocessors]:
        import_item(name)
    assert cfg.Execute.timeout == builder.CELL_TIMEOUT
    # a course built before the kit set the exporter gets it from the kit's own commands
    from autograder.course.session import CourseSession

    config = tmp_path / "nbgrader_config.py"
    config.write_text(config.read_text().replace("c.Autograde.exporter_class", "# was"))
    session = CourseSession(tmp_path)
    assert session.config.Autograde.exporter_class.endswith("sanitize.SubmissionExporter")


def test_redact_builds_a_hidden_message_from_fixed_texts_only():
    from autograder.checklib import SIGMOID_HINT
    from autograder.course.redact import FALLBACK_HINT, redact
    from autograder.messages import format_failure
    from autograder.results import CheckResult

    task = units.get("numpy_basics").task("2.6")
    lines = [
        ("called", "softmax([[ 0.3391,  3.1226],\n           [ 2.5179, -1.5148]])"),
        ("got", "[[0.0582 0.9418]\n [0.9818 0.0182]]"),
        ("expected", "[[0.0582, 0.9418], [0.9818, 0.0182]]"),
        ("mismatch", "4 of 4 values, largest error 0.9236"),
        ("note", "softmax() changed its argument x in place."),
    ]

    def failed(hint, notes=(), kind="values", detail="softmax(x) does not match the expected"):
        message = format_failure("2.6", "softmax", kind, detail, lines, hint)
        return CheckResult("hidden", False, 0.0, 1.0, message, "failed", hint=hint, notes=notes)

    # the check's hint, a literal of the kit, is kept; a note naming the stand-in blocks too
    stood_in = "graded with a correct softmax() in place of yours (it fails Task 2.6)"
    assert redact(failed(SIGMOID_HINT, [stood_in]), "numpy_basics", task).splitlines() == [
        "Task 2.6 · softmax — wrong values on hidden inputs",
        f"  hint:     {SIGMOID_HINT}",
        f"  note:     {stood_in}",
    ]
    # a hint or note computed on the call is not: a fixed hint stands in for it
    computed = failed("the result is 0.9236 too large", ["left out: 'x0.3391'"], "shape", "")
    assert redact(computed, "numpy_basics", task).splitlines() == [
        "Task 2.6 · softmax — wrong shape on hidden inputs",
        f"  hint:     {FALLBACK_HINT}",
    ]
    # the building block at fault, rebuilt from the unit's names (a name it lacks: left out)
    cause = "softmax() uses your sigmoid(), which fails Task 2.2: fix that first."
    for named, shown in ((cause, [f"  cause:    {cause}"]), (cause.replace("sigmoid", "x0"), [])):
        message = format_failure("2.6", "softmax", "values", "", lines, None, cause=named)
        result = CheckResult("hidden", False, 0.0, 1.0, message, "failed")
        assert redact(result, "numpy_basics", task).splitlines()[1:-1] == shown
    # a headline the redaction does not know is not repeated
    odd = failed(None, kind="returned 0.9236")
    assert redact(odd, "numpy_basics", task).splitlines()[0] == (
        "Task 2.6 · softmax — failed on hidden inputs"
    )
    passed = CheckResult(
        "hidden", True, 1.0, 1.0, "Task 2.6 · softmax — hidden passed: 3 random inputs"
    )
    assert redact(passed, "numpy_basics", task) == (
        "Task 2.6 · softmax — hidden passed: 3 random inputs"
    )
    dims = CheckResult("hidden", True, 1.0, 1.0, "Task 2.6 · softmax — hidden passed: dims [3, 4]")
    assert redact(dims, "numpy_basics", task) == "Task 2.6 · softmax — hidden passed"


@pytest.mark.parametrize("unit", builder.buildable_units())
def test_notebook_intro_gives_notebook_instructions(unit):
    intro = builder.build_notebook(unit).cells[0].source
    assert "pytest" not in intro and "autograder train" not in intro
    assert "check(" in intro and "check_all" in intro


def test_lone_surrogates_become_replacement_characters():
    from autograder.course.sanitize import replace_surrogates

    nb = {"cells": [{"source": "ok \ud83d end", "metadata": {"k\udc00": ["\udfff", 1]}}]}
    fixed, changed = replace_surrogates(nb)
    assert changed == 3
    assert fixed["cells"][0]["source"] == "ok \ufffd end"
    assert fixed["cells"][0]["metadata"] == {"k\ufffd": ["\ufffd", 1]}
    assert replace_surrogates({"a": "😀 fine"}) == ({"a": "😀 fine"}, 0)


def _notebook_file(path: Path, cells: list[dict], **top) -> Path:
    nb = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5, **top}
    path.write_text(json.dumps(nb))
    return path


def _md(i: int, **more) -> dict:
    return {"cell_type": "markdown", "id": f"c{i}", "metadata": {}, "source": "x", **more}


def test_a_notebook_too_large_is_refused_before_it_is_read_or_parsed(tmp_path):
    from autograder.course.sanitize import read_submitted
    from autograder.isolation import (
        MAX_NOTEBOOK_CELLS,
        MAX_NOTEBOOK_CONTAINERS,
        MAX_NOTEBOOK_OUTPUTS,
    )

    huge = tmp_path / "huge.ipynb"
    with huge.open("wb") as fh:  # 100 MB (sparse): refused on its size, never read
        fh.truncate(100 * 2**20)
    tracemalloc.start()
    start = time.perf_counter()
    read = read_submitted(huge)
    took = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert read.refused.startswith("huge.ipynb is 104,857,600 bytes, over the grader's limit")
    assert read.text is None and read.data is None
    assert took < 0.5 and peak < 2**20, (took, peak)

    stream = {"output_type": "stream", "name": "stdout", "text": "1\n"}
    code = {"cell_type": "code", "execution_count": 1, "id": "k", "metadata": {}, "source": ""}
    cases = {
        "cells": ([_md(i) for i in range(MAX_NOTEBOOK_CELLS + 1)], "cells, over the grader's"),
        "nested": ([_md(0, metadata={"x": [{}] * MAX_NOTEBOOK_CONTAINERS})], "'{' and '['"),
    }
    for name, (cells, reason) in cases.items():
        read = read_submitted(_notebook_file(tmp_path / f"{name}.ipynb", cells))
        assert read.refused and reason in read.refused, (name, read.refused)
    # too many outputs: cleared (autograding clears them anyway), the code is graded
    cells = [{**code, "source": "x = 1", "outputs": [stream] * (MAX_NOTEBOOK_OUTPUTS + 1)}]
    read = read_submitted(_notebook_file(tmp_path / "outputs.ipynb", cells))
    assert read.refused is None and read.data["cells"][0]["outputs"] == []
    assert json.loads(read.text)["cells"][0]["source"] == "x = 1"
    assert "they were cleared before reading" in read.notes[0]
    # a course notebook is far from every limit, and read as it is
    nb = builder.build_notebook("numpy_basics")
    path = tmp_path / "numpy_basics.ipynb"
    nbformat.write(nb, path)
    read = read_submitted(path)
    assert read.refused is None and read.notes == []
    assert read.text == path.read_text(encoding="utf-8")


def test_cell_ids_and_bytes_nbformat_cannot_read_are_repaired_with_a_note(tmp_path):
    from autograder.course.sanitize import read_submitted

    cells = [_md(0), _md(1, id='"><script>'), _md(2, id="c0"), _md(3, id="a" * 65), _md(4)]
    del cells[4]["id"]
    read = read_submitted(_notebook_file(tmp_path / "ids.ipynb", cells))
    assert read.notes == ["4 cell id(s) missing, repeated or not of Jupyter's form were renewed"]
    ids = [c["id"] for c in read.data["cells"]]
    assert ids[0] == "c0" and len(set(ids)) == 5
    nbformat.validate(nbformat.reads(read.text, as_version=4))  # what nbgrader's checks need

    path = _notebook_file(tmp_path / "latin1.ipynb", [_md(0, source="caf\u00e9")])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\\u00e9", b"\xe9"))
    read = read_submitted(path)  # a byte-order mark, then a Latin-1 byte
    assert read.data["cells"][0]["source"] == "caf\ufffd"
    at = path.read_bytes().index(b"\xe9")
    assert read.notes == [
        f"latin1.ipynb is not UTF-8 text (byte {at} and maybe others): what could not be read "
        "was replaced by \ufffd"
    ]
    # an older notebook (no cell ids in nbformat 4.4) is left as it is
    old = _notebook_file(tmp_path / "old.ipynb", [_md(0)], nbformat_minor=4)
    assert read_submitted(old).notes == []


def test_json_that_breaks_the_notebook_schema_is_repaired_with_a_note(tmp_path):
    """Each of these made nbformat's validation, hence the whole autograde, fail (red team 8)."""
    from autograder.course.sanitize import read_submitted

    code = {"cell_type": "code", "execution_count": None, "outputs": [], "metadata": {}}
    cases = {
        "metadata": ([{**code, "id": "a", "source": "x = 1", "metadata": []}], None),
        "source": ([{**code, "id": "a", "source": 123}], None),
        "type": ([_md(0), {"cell_type": "widget", "id": "w", "source": ""}, 5], None),
        "kernelspec": ([_md(0)], {"kernelspec": {"name": 5}}),
        "notebook": ([_md(0)], []),
        "number": ([{**_md(0), "metadata": {"n": 123456789}}], None),
    }
    for name, (cells, meta) in cases.items():
        path = _notebook_file(tmp_path / f"{name}.ipynb", cells)
        data = json.loads(path.read_text())
        if meta is not None:
            data["metadata"] = meta
        text = json.dumps(data)
        if name == "number":  # longer than Python reads (4,300 digits)
            text = text.replace("123456789", "9" * 100_000)
        path.write_text(text)
        read = read_submitted(path)
        nb = nbformat.reads(read.text, as_version=4)
        nbformat.validate(nb)  # what nbgrader's reading needs
        assert read.refused is None and len(read.notes) == 1 + (name == "type"), read.notes
    assert nb.cells[0].metadata == {"n": 0} and "read as 0" in read.notes[0]
    # valid notebooks are read as they are, with no note
    path = _notebook_file(tmp_path / "fine.ipynb", [_md(0), {**code, "id": "a", "source": "x"}])
    assert read_submitted(path).notes == [] and read_submitted(path).text == path.read_text()
