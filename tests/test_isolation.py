"""The isolated seam: wire format, sandbox, grader failures (group K) and batch grading."""

from __future__ import annotations

import dataclasses
import json
import struct
import time
from pathlib import Path

import numpy as np
import pytest

from autograder import units
from autograder.cli import main
from autograder.engine import grade_submission, load_reference
from autograder.isolation import Limits, codec, from_path, sandbox
from autograder.mistakes import catalogue
from autograder.plain import Foreign, same_plain, to_plain

from .helpers import text_submission

ROOT = Path(__file__).resolve().parent.parent
UNIT = "numpy_basics"
REFERENCE = (ROOT / "solutions" / f"{UNIT}.py").read_text()
FAST = Limits(call_timeout=0.5, check_timeout=2, submission_budget=4, memory_mb=512)


def _roundtrip(value):
    enc = codec.Encoder()
    data = enc.encode(value)
    message, arrays = codec.unpack(codec.pack({"v": data}, enc.arrays)[8:])
    return codec.decode(message["v"], arrays, Foreign)


def test_codec_roundtrip_plain_data():
    value = {
        "a": np.arange(6.0).reshape(2, 3),
        "i": np.int64(3),
        "f": np.float64(0.5),
        "z": np.array(2.5),
        3: [1, 2.5, float("nan"), None, True, "s", 1 + 2j],
        "t": (np.ones((2, 1), np.float32), {"x": np.bool_(True)}),
    }
    back = _roundtrip(value)
    assert type(back["a"]) is np.ndarray and np.array_equal(back["a"], value["a"])
    assert type(back["i"]) is np.int64 and back["i"] == 3
    assert type(back["f"]) is np.float64
    assert type(back["z"]) is np.ndarray and back["z"].shape == ()
    assert (
        back[3][:2] == [1, 2.5]
        and np.isnan(back[3][2])
        and back[3][3:] == [None, True, "s", 1 + 2j]
    )
    assert type(back["t"]) is tuple and back["t"][0].dtype == np.float32
    assert type(back["t"][1]["x"]) is np.bool_


def test_a_tuple_key_travels_as_it_is_and_any_other_key_is_foreign():
    """``grads["db", str(l)]`` is a student's mistake to name, not an unreadable value."""

    class Key:
        def __hash__(self):
            return 1

    for convert in (_roundtrip, to_plain):
        back = convert({("db", "2"): 1.0, "dW2": 2.0})
        assert back == {("db", "2"): 1.0, "dW2": 2.0}
        for hostile in ({Key(): 1.0}, {("a", Key()): 1.0}, {tuple("abcdefghi"): 1.0}):
            assert type(convert(hostile)) is Foreign


@pytest.mark.parametrize(
    "record",
    [
        {"c": [[], []]},
        {"d": [[1]]},
        {"d": [[{"t": [[]]}, 1]]},
        {"t": [{"a": 0}, {"a": 0}]},  # one array named twice: the encoder never repeats one
        10**400,  # an integer beyond any float: the encoder marks those foreign
        [1, {"t": [2**1024]}],
        {"d": [[{"t": "ab"}, 1]]},
        {"d": 5},
        {"t": 3},
        {"c": ["x", 1]},
        {"d": [["k", {"t": None}]]},
    ],
)
def test_codec_reads_a_malformed_record_as_a_frame_error(record):
    # the student's process writes the frames: any malformed record is its fault, never the
    # grader's (a TypeError here was reported as "not gradable")
    with pytest.raises(codec.FrameError):
        codec.decode(record, [np.zeros(3)], lambda name, array: Foreign(name, array))


def test_an_array_of_an_absurd_dimension_is_foreign_and_cannot_be_forged():
    """np.zeros((0, 2**40)) holds no data, yet np.unique(axis=0) on it filled 24 GB."""
    back = _roundtrip([np.zeros((0, 2**40)), np.zeros((2, 3))])
    assert type(back[0]) is Foreign and "(0, 1099511627776)" in back[0].type_name
    assert back[1].shape == (2, 3)
    message = {"v": {"a": 0}, "n_arrays": 1, "array_specs": [["<f8", [0, 2**40], False]]}
    body = json.dumps(message).encode()
    with pytest.raises(codec.FrameError):
        codec.unpack(struct.pack(">I", len(body)) + body)


@pytest.mark.parametrize(
    "value",
    [[[0.5]] * 1_000_000, ([0.5] * 60_000, [0.5] * 60_000), {"costs": [[0.5]] * 60_000}],
    ids=["nested", "tuple", "dict"],
)
def test_a_value_of_over_max_nodes_values_is_one_marker_on_both_sides(value):
    """[[0.5]] * 1_000_000 from every function took the grader 288 s of numpy.asarray."""
    from autograder import plain

    assert codec.MAX_NODES == plain.MAX_NODES  # twins: the worker imports no autograder
    name = f"{type(value).__name__} of over 100,000 values"
    enc = codec.Encoder()
    assert enc.encode(value) == {"f": name} and enc.arrays == []
    assert plain.to_plain(value) == Foreign(name)
    assert plain.describe(plain.to_plain(value)) == name
    fits = [[0.5]] * 49_999  # 99,999 values and the list
    assert plain.to_plain(fits) == fits and codec.Encoder().encode(fits) == fits


def test_a_forged_frame_of_over_max_nodes_values_is_the_students_frame_error():
    with pytest.raises(codec.FrameError, match="more than 100,000 values"):
        codec.decode([[0.5]] * 50_000, [], lambda name, array: Foreign(name, array))
    assert len(codec.decode([[0.5]] * 49_999, [], lambda name, array: None)) == 49_999


def test_codec_turns_everything_else_into_foreign_markers():
    class Liar(np.ndarray):
        pass

    with pytest.warns(PendingDeprecationWarning):
        matrix = np.matrix([[1.0]])
    back = _roundtrip([matrix, np.zeros(2).view(Liar), object(), np.array(["a"])])
    assert [type(b) for b in back] == [Foreign] * 4
    assert back[0].type_name == "numpy.matrix" and back[0].array.shape == (1, 1)
    assert "Liar" in back[1].type_name


def test_a_subclass_of_tuple_list_or_dict_is_read_as_its_base_on_both_sides():
    """A namedtuple, an OrderedDict or a defaultdict is a tuple or dict (it was foreign: a
    correct graph_backward returning an OrderedDict got 0); it is read through the base type's
    own methods, so a subclass's code never runs in the grader."""
    import collections

    class Noisy(dict):
        def items(self):
            raise AssertionError("a subclass's code ran")

        def __iter__(self):
            raise AssertionError("a subclass's code ran")

    pair = collections.namedtuple("Pair", "u v")
    values = [
        pair(1.0, np.ones(2)),
        collections.OrderedDict(dw=np.zeros((2, 1)), db=0.5),
        collections.defaultdict(float, {"da": 3.0}),
        Noisy(x=1.0),
        type("Costs", (list,), {})([0.5, 0.25]),
    ]
    expected = [
        (1.0, np.ones(2)),
        {"dw": np.zeros((2, 1)), "db": 0.5},
        {"da": 3.0},
        {"x": 1.0},
        [0.5, 0.25],
    ]
    for got in (_roundtrip(values), to_plain(values)):
        assert [type(g) for g in got] == [type(e) for e in expected]
        assert all(same_plain(g, e) for g, e in zip(got, expected))


@pytest.mark.parametrize(
    "payload",
    [
        b"\x00\x00",
        struct.pack(">I", 3) + b"[1]",
        struct.pack(">I", 14) + b'{"n_arrays":1}',
        struct.pack(">I", 14) + b'{"n_arrays":1}' + b"\x93NUMPY garbage",
    ],
)
def test_codec_rejects_malformed_frames(payload):
    with pytest.raises(codec.FrameError):
        codec.unpack(payload)


@pytest.mark.parametrize(
    "spec",
    [
        ["|O8", [1], False],  # an object array: its bytes are pointers, never read
        ["<U1", [1], False],
        ["|V8", [1], False],
        ["(2,)<f8", [1], False],
        ["<f8", [-1], False],
        ["<f8", [1], "yes"],
        ["<f8", [2, 2], False],  # more bytes than the frame holds
        ["<f8", [0], False],  # bytes left over
    ],
)
def test_codec_reads_only_plain_numeric_arrays(spec):
    body = json.dumps({"n_arrays": 1, "array_specs": [spec]}).encode()
    with pytest.raises(codec.FrameError):
        codec.unpack(struct.pack(">I", len(body)) + body + b"\x00" * 8)


def test_codec_round_trips_arrays_exactly():
    arrays = [
        np.arange(6.0).reshape(2, 3),
        np.asfortranarray(np.arange(6).reshape(2, 3)),
        np.array(3.5),
        np.zeros((0, 4)),
        np.array([True, False]),
        np.array([1 + 2j]),
        np.arange(12, dtype=">i4").reshape(3, 4)[:, ::2],
    ]
    message, back = codec.unpack(codec.pack({"x": 1}, arrays)[8:])
    assert message == {"x": 1, "n_arrays": len(arrays)}
    for sent, got in zip(arrays, back, strict=True):
        assert got.dtype == sent.dtype and got.shape == sent.shape and got.flags.writeable
        assert np.array_equal(got, sent)
    assert back[1].flags.f_contiguous and not back[1].flags.c_contiguous
    with pytest.raises(ValueError, match="object"):
        codec.pack({}, [np.array([{"x": 1}], dtype=object)])


def _probe(tmp_path: Path, code: str):
    """Run ``L1`` of the submission ``code`` in a worker: its outcome and the isolation."""
    f = tmp_path / "sub.py"
    f.write_text(code)
    sub = from_path(f, UNIT, limits=FAST)
    try:
        return sub.call("L1", (np.zeros(2), np.zeros(2))), sub.isolation
    finally:
        sub.close()


def test_worker_cannot_see_the_reference_or_the_repository(tmp_path):
    probe = (
        "import os, sys\n"
        "def L1(yhat, y):\n"
        f"    seen = [os.path.exists({str(ROOT / 'solutions')!r}),"
        f" os.path.exists({str(ROOT / 'autograder')!r}), os.path.exists({str(tmp_path)!r})]\n"
        "    return [float(x) for x in seen] + [float(os.getuid()), float(os.getpid())]\n"
    )
    out, isolation = _probe(tmp_path, probe)
    assert isolation.startswith("bubblewrap")
    seen, uid, pid = out.value[:3], out.value[3], out.value[4]
    assert seen == [0.0, 0.0, 0.0] and uid == float(sandbox.nobody())
    assert pid < 10  # its own PID namespace: the sandbox's init, the supervisor, the executor


def test_a_submission_imports_numpy_and_scipy_and_no_other_installed_package(tmp_path):
    probe = (
        "import importlib\n"
        "def L1(yhat, y):\n"
        "    def found(name):\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "            return 1.0\n"
        "        except ImportError:\n"
        "            return 0.0\n"
        "    names = ['scipy.special', 'sklearn', 'autograder', 'nbgrader', 'pytest']\n"
        "    from scipy.special import expit\n"
        "    return [found(n) for n in names] + [float(expit(0.0))]\n"
    )
    out, _ = _probe(tmp_path, probe)
    assert out.error is None, out.error
    assert out.value == [1.0, 0.0, 0.0, 0.0, 0.0, 0.5]


def test_isolated_source_comes_from_the_grader_copy(tmp_path):
    f = tmp_path / f"{UNIT}.py"
    decoy = "\ndef L2(yhat, y):\n    return 0.0\n"
    f.write_text(REFERENCE + decoy)
    sub = from_path(f, UNIT, limits=FAST)
    assert sub.has("L1") and sub.has("L2") and not sub.has("nope")
    assert sub.source("L1").startswith("def L1(")
    assert sub.source("L2") == decoy.strip()  # the last definition: the one that runs
    sub.close()


@pytest.mark.parametrize(
    "tail",
    [
        "exec('def L2(yhat, y):\\n    return 0.0')",
        "L2 = lambda yhat, y: 0.0",
        "globals()['L2'] = L1",
        "L2.__code__ = L1.__code__",
    ],
    ids=["exec", "rebound", "globals", "code_swap"],
)
def test_no_source_when_the_text_is_not_the_code_that_runs(tmp_path, tail):
    f = tmp_path / f"{UNIT}.py"
    f.write_text(REFERENCE + "\n" + tail + "\n")
    sub = from_path(f, UNIT, limits=FAST)
    assert sub.source("L2") is None
    sub.close()


# ------------------------------------------------------------------ K: grader failures


def test_worker_that_cannot_start_is_not_gradable(capsys, tmp_path, monkeypatch):
    def broken(self):
        raise sandbox.WorkerStartError("simulated: no worker")

    monkeypatch.setattr(sandbox.Worker, "_start", broken)
    (tmp_path / f"{UNIT}.py").write_text(REFERENCE)
    code = main(["grade", str(tmp_path / f"{UNIT}.py"), "--json"])
    captured = capsys.readouterr()
    assert code == 3 and "NOT GRADABLE" in captured.err
    obj = json.loads(captured.out)
    checks = [c for t in obj["tasks"] for c in t["checks"]]
    assert checks and all("grader error" in c["message"] for c in checks)


def test_worker_that_cannot_restart_keeps_earlier_verdicts(tmp_path, monkeypatch):
    # L1 kills its supervisor: the whole worker is lost and must be started again
    (tmp_path / f"{UNIT}.py").write_text(
        REFERENCE + "\nimport os\ndef L1(yhat, y):\n    os.kill(os.getppid(), 9)\n"
    )
    sub = from_path(tmp_path / f"{UNIT}.py", UNIT, limits=FAST)

    def broken(self):
        raise sandbox.WorkerStartError("simulated: cannot restart")

    monkeypatch.setattr(sandbox.Worker, "_start", broken)
    result = grade_submission(UNIT, sub)
    by_task = {t.function: t for t in result.tasks}
    assert all(c.status == "passed" for c in by_task["softmax"].checks)
    first, *rest = by_task["L1"].checks
    assert first.status == "failed" and "crashed" in first.message
    assert rest and all(c.status == "not_gradable" for c in rest)
    assert all(c.status == "not_gradable" for c in by_task["L2"].checks)
    assert not result.gradable


def test_grader_bug_in_a_check_costs_only_that_check(monkeypatch):
    from dataclasses import replace

    unit = units.get(UNIT)
    task = unit.tasks[0]

    def buggy(ctx):
        raise ZeroDivisionError("our bug")

    bad = replace(unit, tasks=(replace(task, checks=(replace(task.checks[0], run=buggy),)),))
    sub = from_path(ROOT / "solutions" / f"{UNIT}.py", UNIT, limits=FAST)
    result = grade_submission(bad, sub)
    sub.close()
    (check,) = result.tasks[0].checks
    assert check.status == "not_gradable" and "our bug" in check.message


# ------------------------------------------------------------------ batch

POISON = {
    "exit_at_load": "import os\nos._exit(0)\n",
    "loop": "def softmax(x):\n    while True:\n        pass\n",
    "segfault": "import ctypes\ndef L1(yhat, y):\n    return ctypes.string_at(0)\n",
    "memory": "def L2(yhat, y):\n    return np.ones(10**10)\n",
    "fork": "import os, time\nif os.fork() == 0:\n    time.sleep(600)\n",
    "kill_parent": "import os, signal\ntry:\n    os.kill(os.getppid(), signal.SIGKILL)\n"
    "except Exception:\n    pass\n",
}


#: Attacks on the grader that do not touch any graded function: full marks, nothing broken
#: (a top-level statement that ends the interpreter costs only itself).
HARMLESS = {"fork", "kill_parent", "exit_at_load"}


def test_batch_poisoned_submissions_do_not_hurt_good_ones(tmp_path):
    names = []
    for i in range(4):
        names.append(("good", f"good{i}", REFERENCE))
        for key in list(POISON)[i::4]:
            names.append(("bad", key, REFERENCE + "\n" + POISON[key]))
    scores = {}
    for kind, name, text in names:
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{UNIT}.py").write_text(text)
        sub = from_path(folder / f"{UNIT}.py", UNIT, limits=FAST)
        result = grade_submission(UNIT, sub)
        sub.close()
        scores[name] = (kind, result.score, result.max_score, result.gradable)
    for name, (kind, score, max_score, gradable) in scores.items():
        assert gradable, name
        if kind == "good" or name in HARMLESS:
            assert score == max_score == 42.0, name
        else:
            assert score < max_score, name


# ------------------------------------------------------------------ no sandbox: refuse


def _grade_without_bwrap(tmp_path, *extra):
    """``autograder grade`` where bubblewrap cannot be found (no sandbox can be made)."""
    import subprocess
    import sys

    f = tmp_path / f"{UNIT}.py"
    f.write_text(REFERENCE)
    env = {"PATH": str(tmp_path), "LANG": "C.UTF-8", "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "autograder", "grade", str(f), "--json", *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )


def test_without_a_sandbox_the_grader_refuses_and_says_so(tmp_path):
    r = _grade_without_bwrap(tmp_path)
    assert r.returncode == 3
    assert "REFUSED" in r.stderr and "--no-sandbox" in r.stderr
    obj = json.loads(r.stdout)
    assert obj["isolation"].startswith("none: refused") and not obj["gradable"]
    checks = [c for t in obj["tasks"] for c in t["checks"]]
    assert checks and all(c["status"] == "not_gradable" for c in checks)
    assert all("no sandbox could be made" in c["message"] for c in checks)


def test_no_sandbox_runs_unprotected_only_when_asked_and_says_so(tmp_path):
    r = _grade_without_bwrap(tmp_path, "--no-sandbox")
    assert r.returncode == 0, r.stderr
    assert "WITHOUT a sandbox" in r.stderr
    obj = json.loads(r.stdout)
    assert obj["isolation"] == "none (--no-sandbox)" and obj["score"] == obj["max_score"]


def test_the_table_states_the_isolation(capsys, tmp_path):
    (tmp_path / f"{UNIT}.py").write_text(REFERENCE)
    assert main(["grade", str(tmp_path / f"{UNIT}.py")]) == 0
    assert "isolation: bubblewrap (user namespaces: pid, net, mount" in capsys.readouterr().out


# ------------------------------------------------------------------ the student's process


def test_a_crashed_student_process_is_replaced_without_a_new_sandbox(tmp_path):
    (tmp_path / f"{UNIT}.py").write_text(
        REFERENCE + "\nimport os\n_l1 = L1\ndef L1(yhat, y):\n    if yhat.size == 5:\n"
        "        os._exit(1)\n    return _l1(yhat, y)\n"
    )
    sub = from_path(tmp_path / f"{UNIT}.py", UNIT, limits=FAST)
    worker = sub._worker
    crashed = sub.call("L1", (np.zeros(5), np.ones(5)))
    fine = sub.call("L1", (np.zeros(3), np.ones(3)))
    assert crashed.error is not None and crashed.error.type == "WorkerCrash"
    assert fine.error is None and fine.value == 3.0
    assert sub._worker is worker and worker.alive and sub.restarts == 1
    sub.close()


def test_a_py_statement_that_ends_the_interpreter_costs_only_itself(tmp_path):
    head, _, tail = REFERENCE.partition("# ## Task 2.7")
    text = head + "\nimport os\nos._exit(3)\n\n# ## Task 2.7" + tail + "\nx = L1(1.0, 2.0)\n"
    (tmp_path / f"{UNIT}.py").write_text(text)
    sub = from_path(tmp_path / f"{UNIT}.py", UNIT, limits=FAST)
    assert sub.load_error is None
    (note,) = [e for e in sub.cell_errors if "WorkerCrash" in e]
    assert note.startswith(f"line {text.splitlines().index('os._exit(3)') + 1}:")
    assert "status 3" in note and "skipped" in note
    result = grade_submission(UNIT, sub)
    sub.close()
    assert result.score == result.max_score


def test_loading_does_not_count_against_the_budget(tmp_path):
    slow = "import time\ntime.sleep(1.5)\n"
    (tmp_path / f"{UNIT}.py").write_text(REFERENCE + "\n" + slow)
    limits = Limits(call_timeout=0.5, check_timeout=2, submission_budget=1.0, cell_timeout=3)
    sub = from_path(tmp_path / f"{UNIT}.py", UNIT, limits=limits)
    assert sub.load_seconds > 1.5 and sub.spent < 0.5
    assert grade_submission(UNIT, sub).score == 42.0
    sub.close()


FORGED_PROGRESS = """
import json, os, signal, struct, time


def _socket():
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}").startswith("socket:"):
                return int(fd)
        except OSError:
            pass


def _started(fd, block):  # a forged report: "statement `block` of cell 0 starts"
    body = json.dumps({"at": [0, block, 1, 1]}).encode()
    payload = struct.pack(">I", len(body)) + body
    os.write(fd, struct.pack(">Q", len(payload)) + payload)
    os.read(fd, 1)


_fd, _t0 = _socket(), time.monotonic()
for _i in range(8):
    signal.setitimer(signal.ITIMER_REAL, 0)
    time.sleep(1.0)
    _started(_fd, 1000 + _i)
LOADED_AFTER = time.monotonic() - _t0
"""


def test_forged_progress_reports_do_not_restart_a_statements_time_limit(tmp_path):
    # red team 10: a statement writing "a new statement starts" on its socket ran 30 s under
    # a 3 s limit; a report beyond the cell's statements, or back in the order, is refused
    (tmp_path / f"{UNIT}.py").write_text(REFERENCE + FORGED_PROGRESS)
    limits = Limits(call_timeout=0.5, cell_timeout=2)
    start = time.monotonic()
    sub = from_path(tmp_path / f"{UNIT}.py", UNIT, limits=limits)
    seconds = time.monotonic() - start
    value = sub.call("L1", (np.zeros(3), np.ones(3)))
    sub.close()
    assert seconds < 6, seconds
    assert "broke the protocol" in (sub.load_error or ""), sub.load_error
    assert value.error is not None


def test_a_reload_after_a_crash_takes_only_what_is_left_of_the_budget(tmp_path):
    """Each crash reloaded the code with the whole load time-out: 20 restarts of a slow load."""
    slow = "import os, time\ntime.sleep(1.5)\n\ndef crash():\n    os._exit(1)\n"
    (tmp_path / f"{UNIT}.py").write_text(REFERENCE + "\n" + slow)
    limits = Limits(call_timeout=0.5, check_timeout=2, submission_budget=0.8, cell_timeout=3)
    sub = from_path(tmp_path / f"{UNIT}.py", UNIT, limits=limits)
    first_load = sub.load_seconds
    crashed = sub.call("crash", ())
    again = sub.call("L1", (np.zeros(3), np.ones(3)))
    reload_seconds = sub.load_seconds - first_load
    sub.close()
    assert first_load > 1.5 and crashed.error is not None and crashed.error.type == "WorkerCrash"
    assert again.error is not None and "time budget (0.8 s" in again.error.message
    assert reload_seconds < 1.4 and sub.exhausted


def test_cell_outputs_come_from_the_sandbox_with_the_code_cells_indexes(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# homework"),
        nbformat.v4.new_code_cell(REFERENCE + "\nprint('loaded', L1(1.0, 2.0))"),
        nbformat.v4.new_code_cell("print('from the grader?')"),
        nbformat.v4.new_code_cell("print('before')\nraise ValueError('oops')"),
        nbformat.v4.new_code_cell("import os\nprint(os.getuid())"),
    ]
    nb.cells[2].metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "t"}
    path = tmp_path / f"{UNIT}.ipynb"
    nbformat.write(nb, path)
    sub = from_path(path, UNIT, limits=FAST)
    sub.close()
    outputs = {o.index: o for o in sub.cell_outputs}
    assert sorted(outputs) == [0, 2, 3]  # code cells 0, 2, 3; cell 1 is a grade cell
    assert outputs[0].stdout == "loaded 1.0\n" and outputs[0].error is None
    assert outputs[2].stdout == "before\n" and "ValueError: oops" in outputs[2].error
    assert outputs[3].stdout == f"{sandbox.nobody()}\n"


def test_the_outputs_of_a_notebooks_cells_are_bounded_in_all(tmp_path):
    """Each cell keeps 2,000 characters, and 10,000 cells made a 22 MB autograded notebook."""
    import nbformat

    from autograder.isolation.submission import MAX_CELL_OUTPUT, MAX_OUTPUT_CHARS

    loud = "print('A' * 5000)\nraise ValueError('B' * 5000)"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(REFERENCE)] + [
        nbformat.v4.new_code_cell(loud) for _ in range(150)
    ]
    path = tmp_path / f"{UNIT}.ipynb"
    nbformat.write(nb, path)
    sub = from_path(path, UNIT, limits=FAST)
    sub.close()
    kept = sub.cell_outputs
    total = sum(len(o.stdout) + len(o.error or "") for o in kept)
    assert all(len(o.stdout) <= MAX_CELL_OUTPUT + 100 for o in kept)
    assert MAX_OUTPUT_CHARS - 2 * MAX_CELL_OUTPUT < total <= MAX_OUTPUT_CHARS + 100
    assert "the outputs of later cells are not shown" in kept[-1].stdout
    assert kept[-1].error is not None and "ValueError" in kept[-1].error


# ------------------------------------------------------------------ proxies

PROXIED = '''
def block(a, b=2):
    """Add."""
    return a + b

def flood(n):
    import numpy as np
    for _ in range(n):
        block(np.ones(2**19))  # 4 MB an argument
    return n

def use(a):
    try:
        return ["ok", block(a)]
    except ValueError as exc:
        return ["raised", str(exc)]

def spin(a):  # a grader's function, quick each time, called until the call's time runs out
    while True:
        block(a)

def spin_helper():  # the same with a course helper the grader serves
    import numpy as np
    from dnn_utils import relu
    z = np.ones((2, 2))
    while True:
        relu(z)

def chatty(a):
    print("before")
    value = block(a)
    print("after")
    return value

def accuracy():  # a served helper that prints
    import numpy as np
    import dnn_app_utils_v3 as u
    p = u.predict(np.ones((1, 1)), np.ones((1, 1)), {"W1": np.ones((1, 1)), "b1": np.zeros((1, 1))})
    return p.tolist()

def look():
    f = block
    c = f.__code__
    return [f.__name__, f.__qualname__, f.__module__, f.__doc__, list(f.__defaults__),
            c.co_filename, c.co_firstlineno, list(c.co_varnames[: c.co_argcount])]

def strings():
    import types
    found = set()
    def walk(x):
        if isinstance(x, str):
            found.add(x)
        elif isinstance(x, (tuple, list, frozenset)):
            for y in x:
                walk(y)
        elif isinstance(x, types.CodeType):
            walk((x.co_names, x.co_varnames, x.co_freevars, x.co_cellvars, x.co_consts,
                  x.co_filename, x.co_name, x.co_qualname))
    walk(block.__code__)
    walk((block.__name__, block.__qualname__, block.__module__, block.__doc__))
    return sorted(found)
'''


def _proxied_submissions(tmp_path, limits=FAST):
    import types

    f = tmp_path / "proxied.py"
    f.write_text(PROXIED)
    module = types.ModuleType("proxied")
    module.__file__ = str(f)
    exec(compile(PROXIED, str(f), "exec"), module.__dict__)
    from autograder.submission import from_module

    return [from_path(f, UNIT, limits=limits), from_module(UNIT, module)]


@pytest.mark.parametrize("where", ["isolated", "in-process"])
def test_a_proxy_serves_the_calls_and_the_grader_sees_each_one(tmp_path, where):
    sub = _proxied_submissions(tmp_path)[0 if where == "isolated" else 1]

    def reference(a, b=2):  # the grader's side: plain data in and out
        return {"sum": np.asarray(a) * 10 + b}

    out = sub.call("use", (np.arange(3.0),), proxies={"block": reference})
    assert out.error is None and out.value[0] == "ok"
    assert np.array_equal(out.value[1]["sum"], np.arange(3.0) * 10 + 2)
    (call,) = out.proxy_calls
    assert call.name == "block" and np.array_equal(call.args[0], np.arange(3.0))
    assert call.args[1] == 2 and call.kwargs == {} and call.error is None
    again = sub.call("use", (1.0,))
    assert again.value == ["ok", 3.0] and again.proxy_calls == []  # the proxy is undone
    sub.close()


def test_the_stand_in_calls_of_a_call_keep_a_bounded_record(tmp_path):
    """A composite calling a stand-in in a loop with large arguments made the grader hold GBs."""
    from autograder.submission import MAX_RECORDED_BYTES

    f = tmp_path / "proxied.py"
    f.write_text(PROXIED)
    roomy = Limits(call_timeout=60, check_timeout=120, submission_budget=240, memory_mb=512)
    sub = from_path(f, UNIT, limits=roomy)  # its time goes to moving 100 MB, not to the student
    out = sub.call("flood", (24,), proxies={"block": lambda a, b=2: 0.0})
    assert out.error is None and out.value == 24 and len(out.proxy_calls) == 24
    kept = [c for c in out.proxy_calls if c.kept]
    assert 0 < len(kept) * (4 << 20) <= MAX_RECORDED_BYTES < len(out.proxy_calls) * (4 << 20)
    assert all(c.args == () and c.value is None for c in out.proxy_calls if not c.kept)
    big = sub.call("flood", (3,), proxies={"block": lambda a, b=2: [np.ones(2**19)] * 10})
    assert big.error is None and [c.kept for c in big.proxy_calls] == [True, False, False]
    tall = sub.call("flood", (6,), proxies={"block": lambda a, b=2: np.zeros((2**21, 1))})
    assert tall.error is None and not tall.proxy_calls[-1].kept  # sent as a marker, still held
    sub.close()


@pytest.mark.parametrize("where", ["isolated", "in-process"])
def test_a_proxy_that_raises_raises_in_student_code(tmp_path, where):
    sub = _proxied_submissions(tmp_path)[0 if where == "isolated" else 1]

    def broken(a, b=2):
        raise ValueError("block failed")

    out = sub.call("use", (1.0,), proxies={"block": broken})
    assert out.value == ["raised", "block failed"]
    assert out.proxy_calls[0].error == "ValueError: block failed"
    sub.close()


def test_what_a_stand_in_prints_is_the_students_output_never_the_graders(
    tmp_path, capfd, monkeypatch
):
    """A served helper that prints (``dnn_app_utils_v3.predict``) wrote, from the stand-ins'
    forked child, to the grader's own stdout: ``--json``'s output was no longer JSON (red
    team, round 6). Whatever a stand-in writes, at any level, is the student's call's output,
    in its place among the call's own lines, and bounded."""
    import os
    import sys

    from autograder.isolation import standins

    sub = _proxied_submissions(tmp_path)[0]

    def noisy(a, b=2):
        print("print", a)
        sys.stderr.write("stderr\n")
        os.write(1, b"fd 1\n")
        os.write(2, b"fd 2\n")
        return a + b

    def floods(a, b=2):
        for _ in range(100):
            print("x" * 99)
        raise ValueError("block failed")

    try:
        capfd.readouterr()
        out = sub.call("chatty", (1.0,), proxies={"block": noisy})
        assert out.error is None and out.value == 3.0, out
        assert out.stdout == "before\nprint 1.0\nstderr\nfd 1\nfd 2\nafter\n", out.stdout
        served = sub.call("accuracy")
        assert served.error is None and served.value == [[1.0]], served
        assert served.stdout == "Accuracy: 1.0\n"
        monkeypatch.setattr(standins, "MAX_PRINTED", 3000)  # the stand-ins' child is forked
        bounded = sub.call("chatty", (1.0,), proxies={"block": floods})
        assert bounded.error is not None and "block failed" in bounded.error.message
        assert bounded.stdout == "before\n" + ("x" * 99 + "\n") * 30, len(bounded.stdout)
    finally:
        sub.close()
    seen = capfd.readouterr()
    assert seen.out == "" and seen.err == "", seen


def test_time_in_the_proxy_is_not_the_students(tmp_path):
    import time as _time

    sub = _proxied_submissions(tmp_path)[0]

    def slow(a, b=2):
        _time.sleep(0.4)
        return a + b

    out = sub.call("use", (1.0,), timeout=0.5, proxies={"block": slow})
    assert out.error is None and out.value == ["ok", 3.0] and out.seconds < 0.3
    sub.close()


TICKING = """
import threading, time
_ticks = []

def _tick():
    while True:
        _ticks.append(time.monotonic())
        time.sleep(0.005)

threading.Thread(target=_tick, daemon=True).start()

def block(a):
    return a

def ticks(pause):
    time.sleep(pause)
    return _ticks[-400:]

def ticks_around_block(a):
    start = len(_ticks)
    window = block(a)
    time.sleep(0.1)
    return window + _ticks[start:][-400:]
"""


@pytest.mark.parametrize("gap", ["between calls", "in a stand-in"])
def test_the_students_threads_run_only_in_the_students_time(tmp_path, gap):
    """A thread started at load ran on between calls, on CPU charged to no one (red team L3)."""
    import time as _time

    (tmp_path / "ticking.py").write_text(TICKING)
    sub = from_path(tmp_path / "ticking.py", UNIT, limits=dataclasses.replace(FAST, call_timeout=3))

    def wait(a):  # the grader's side: a second of the grader's own work (a stand-in's child)
        t0 = _time.monotonic()
        _time.sleep(1.0)
        return [t0, _time.monotonic()]

    if gap == "between calls":
        first = sub.call("ticks", (0.0,))
        t0, t1 = wait(None)
        out = sub.call("ticks", (0.1,))
        assert first.error is None and first.value
    else:
        out = sub.call("ticks_around_block", (1.0,), proxies={"block": wait})
        assert out.error is None, out.error
        (t0, t1), out.value[:2] = out.value[:2], []
    sub.close()
    assert out.error is None and out.value, out.error
    assert t1 - t0 >= 1.0
    assert [t for t in out.value if t0 + 0.05 < t < t1 - 0.05] == []
    assert any(t > t1 for t in out.value)  # it runs again in the student's time


def _children() -> set[int]:
    import os

    pid = os.getpid()
    return {int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


@pytest.mark.parametrize("hostile", ["loops", "allocates", "returns_too_much"])
def test_a_stand_in_given_hostile_arguments_fails_that_call_only(tmp_path, hostile):
    # a stand-in runs the grader's code on the student's arguments: optimize(..., 10**9)
    # or arguments that broadcast to a (20000, 20000) array must not stop the grader
    import resource
    import time as _time

    # only the looping one is about time: the others get time to build what they return
    # (80 MB pickled overran 0.5 s on a busy machine: a TimeoutError, not the ValueError)
    limits = FAST if hostile == "loops" else dataclasses.replace(FAST, call_timeout=4.0)
    sub = _proxied_submissions(tmp_path, limits)[0]
    assert sub.call("use", (1.0,)).value == ["ok", 3.0]  # the worker is up
    before = _children()

    def loops(a, b=2):
        while True:
            a = a + 1

    def allocates(a, b=2):
        return float(np.ones((20000, 1)) @ np.ones((1, 20000)) @ np.ones(20000) @ np.ones(20000))

    def returns_too_much(a, b=2):
        return np.ones(10_000_000)  # 80 MB

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = _time.monotonic()
    out = sub.call("use", (1.0,), timeout=limits.call_timeout, proxies={"block": locals()[hostile]})
    assert _time.monotonic() - start < 5
    kinds = {"loops": "TimeoutError", "allocates": "MemoryError", "returns_too_much": "ValueError"}
    kind = kinds[hostile]
    if kind == "ValueError":  # use() catches it
        assert out.value[0] == "raised", out
        message = out.value[1]
    else:
        assert out.error is not None and out.error.type == kind, out
        message = out.error.message
    assert "the grader's block (standing in for yours)" in message
    assert out.proxy_calls[0].error.startswith(kind)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss < 200_000  # KiB
    assert _children() == before  # the stand-ins' process is gone
    again = sub.call("use", (1.0,), proxies={"block": lambda a, b=2: a + b})
    assert again.value == ["ok", 3.0]  # the next call has its stand-ins again
    sub.close()


@pytest.mark.parametrize("where", ["isolated", "in-process"])
@pytest.mark.parametrize("called", ["served helper", "stand-in"])
def test_a_loop_out_of_time_in_a_graders_function_is_the_calls_timeout(tmp_path, where, called):
    """A two_layer_model looping 3000 times whatever num_iterations said ran out of its time
    while a served helper happened to run; the message blamed that helper, another one on
    each run: ``the grader's helper:dnn_utils.relu (standing in for yours) ran longer than
    2 s`` (sweep 9). Each of the grader's functions was quick; the student's call took too
    long, and is told so as any call that does not finish, whichever was running."""
    sub = _proxied_submissions(tmp_path)[0 if where == "isolated" else 1]
    limit = FAST.call_timeout
    try:
        if called == "served helper":
            out = sub.call("spin_helper", timeout=limit)
        else:
            out = sub.call("spin", (1.0,), timeout=limit, proxies={"block": lambda a, b=2: a})
        assert out.error is not None and out.error.type == "TimeoutError", out
        message = out.error.message
        assert message.startswith(f"the call did not finish within {limit:g} s"), message
        assert not any(w in message for w in ("standing in", "grader", "relu", "block")), message
        assert out.error.location == ""  # not where the loop happened to be
        assert sub.call("use", (1.0,)).value == ["ok", 3.0]  # the next call as usual
    finally:
        sub.close()


@pytest.mark.parametrize("where", ["isolated", "in-process"])
def test_a_stand_in_looks_like_the_students_own_function(tmp_path, where):
    sub = _proxied_submissions(tmp_path)[0 if where == "isolated" else 1]

    def fn(a, b=2):
        return a

    plain, proxied = sub.call("look"), sub.call("look", proxies={"block": fn})
    assert plain.error is None and proxied.value == plain.value
    own = set(sub.call("strings").value)
    theirs = set(sub.call("strings", proxies={"block": fn}).value)
    # no string the student's own definition does not have (its name and parameters aside)
    assert theirs <= own | {"a", "b", "block"}, theirs - own
    sub.close()


def test_the_nbgrader_preprocessor_can_waive_the_sandbox_explicitly(tmp_path):
    import nbformat

    from autograder.course.nbgrader_plugin import EngineGrades

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(REFERENCE)])
    default = EngineGrades().grade(nb, UNIT)
    waived = EngineGrades(sandbox=False).grade(nb, UNIT)
    assert default.isolation.startswith("bubblewrap") and default.result.score == 42.0
    assert waived.isolation == "none (--no-sandbox)" and waived.result.score == 42.0


@pytest.mark.parametrize("isolated", [True, False])
def test_a_proxy_draws_from_the_student_s_random_generator(tmp_path, isolated):
    f = tmp_path / f"{UNIT}.py"
    f.write_text(
        REFERENCE
        + "\n\ndef draw():\n    return 0.0\n\n"
        + "def seeded_pair():\n    np.random.seed(5)\n    first = draw()\n"
        + "    return first, float(np.random.rand())\n"
    )
    sub = from_path(f, UNIT, isolated=isolated, limits=FAST if isolated else None)
    try:
        out = sub.call("seeded_pair", proxies={"draw": lambda: float(np.random.rand())})
    finally:
        sub.close()
    rs = np.random.RandomState(5)
    assert out.error is None and out.value == (rs.rand(), rs.rand())


GLOBALS = """
import numpy as np

x_train = np.ones((2, 3))
shape = [1, 2]  # a notebook variable named like an attribute


def reads_notebook_data(X):
    return float(np.sum(X)) + float(np.sum(x_train))


def uses_an_attribute(X):
    return X.shape[1]


def keeps_its_own_global(X):
    global dw
    dw = X * 2
    return float(np.sum(dw))
"""


@pytest.mark.parametrize(
    ("function", "read"),
    [("reads_notebook_data", ["x_train"]), ("uses_an_attribute", []), ("keeps_its_own_global", [])],
)
def test_the_notebook_variables_a_function_reads_are_reported(tmp_path, function, read):
    f = tmp_path / "globals.py"
    f.write_text(GLOBALS)
    sub = from_path(f, UNIT, limits=FAST)
    try:
        sub.call("keeps_its_own_global", (np.ones((2, 2)),))  # dw now exists in the notebook
        out = sub.call(function, (np.ones((2, 2)),))
    finally:
        sub.close()
    assert out.error is None, out.error
    assert out.globals_read == read


def test_a_result_far_larger_than_any_right_one_fails_its_call_without_the_graders_memory(
    tmp_path,
):
    # a 64 MB result cost the grader 2 GB of memory to describe and compare
    import resource

    from autograder.isolation.submission import MAX_CALL_FRAME
    from autograder.submission import CRASH

    f = tmp_path / "big.py"
    f.write_text("import numpy as np\n\ndef big(x):\n    return np.ones((4000, 1000))\n")
    sub = from_path(f, UNIT, limits=FAST)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        out = sub.call("big", (1.0,))
    finally:
        sub.close()
    assert 4000 * 1000 * 8 > MAX_CALL_FRAME
    assert out.error is not None and out.error.type == CRASH
    assert "too large to send back" in out.error.message and "sized from" in out.error.advice
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss < 20_000  # KiB


def test_code_over_the_size_limit_is_refused_before_any_parsing(tmp_path):
    """20 MB of code took the grader 2.9 GB and 40 s of parsing (red team, round 4)."""
    from autograder.isolation import MAX_CODE_CHARS, load

    path = tmp_path / f"{UNIT}.py"
    path.write_text(REFERENCE + "\n#" + "x" * MAX_CODE_CHARS + "\n")
    sub = load(path, UNIT, FAST)
    assert sub.load_error is not None and "over the grader's limit of 2,000,000" in sub.load_error
    result = grade_submission(UNIT, sub)
    assert result.score == 0


LESSON_TAKERS = ("forward_difference", "centered_difference", "gradient_descent")


@pytest.mark.parametrize(
    "m",
    [m for m in catalogue("derivatives") if m.function in LESSON_TAKERS and m.fails],
    ids=lambda m: m.id,
)
def test_a_known_mistake_is_named_alike_in_the_sandbox_and_in_process(tmp_path, m):
    """A function given a lesson function (``f``, ``J``, ``dJ``) is diagnosed in the sandbox
    too: the arguments after the call came back as the worker's own class, never equal to the
    grader's, so no catalogue mistake matched there (``divides by epsilon`` was told to use
    epsilon)."""
    reference = load_reference("derivatives")
    text = m.in_module(reference)
    tasks = [units.get("derivatives").task(m.function).id]
    f = tmp_path / "derivatives.py"
    f.write_text(text)
    sub = from_path(f, "derivatives", limits=Limits(call_timeout=2, check_timeout=10))
    try:
        isolated = grade_submission("derivatives", sub, tasks=tasks)
    finally:
        sub.close()
    in_process = grade_submission("derivatives", text_submission("derivatives", text), tasks=tasks)

    def messages(result):
        return [c.message for t in result.tasks for c in t.checks if c.status == "failed"]

    assert messages(isolated) == messages(in_process)
    assert any(m.message in msg for msg in messages(isolated))


@pytest.mark.parametrize("unit", ["numpy_basics", "deep_network"])
def test_the_sandboxs_helper_modules_hold_no_ready_made_function_in_any_unit(tmp_path, unit):
    """Unit 5's building blocks were readable in place from unit 2 (red team, round 6): in
    every unit only the helpers that load or plot data are real in the sandbox's copy."""
    from autograder.engine import load_submission
    from autograder.isolation import served

    from .faults.hostile import READ_HELPERS

    path = tmp_path / f"{unit}.py"
    path.write_text(READ_HELPERS)
    sub = load_submission(path, unit, limits=FAST)
    try:
        out = sub.call("L2", (1.0, 1.0))
    finally:
        sub.close()
    seen = out.error.message
    real = seen[seen.index("OBS real=") + 9 : seen.index(" ;")].split()
    assert real and {name.rsplit(".", 1)[1] for name in real} <= served.IN_SANDBOX, seen
