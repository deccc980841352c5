"""The isolated seam: wire format, sandbox, grader failures (group K) and batch grading."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from autograder import units
from autograder.cli import main
from autograder.engine import grade_submission
from autograder.isolation import Limits, codec, sandbox
from autograder.plain import Foreign
from autograder.submission import from_path

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


def test_codec_turns_everything_else_into_foreign_markers():
    class Liar(np.ndarray):
        pass

    with pytest.warns(PendingDeprecationWarning):
        matrix = np.matrix([[1.0]])
    back = _roundtrip([matrix, np.zeros(2).view(Liar), object(), np.array(["a"])])
    assert [type(b) for b in back] == [Foreign] * 4
    assert back[0].type_name == "numpy.matrix" and back[0].array.shape == (1, 1)
    assert "Liar" in back[1].type_name


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


def test_codec_never_unpickles_object_arrays():
    import io

    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.array([{"x": 1}], dtype=object), allow_pickle=True)
    body = json.dumps({"n_arrays": 1}).encode()
    with pytest.raises(codec.FrameError):
        codec.unpack(struct.pack(">I", len(body)) + body + buf.getvalue())


def test_worker_cannot_see_the_reference_or_the_repository(tmp_path):
    probe = (
        "import os, sys\n"
        "def L1(yhat, y):\n"
        f"    seen = [os.path.exists({str(ROOT / 'solutions')!r}),"
        f" os.path.exists({str(ROOT / 'autograder')!r}), os.path.exists({str(tmp_path)!r})]\n"
        "    return [float(x) for x in seen] + [float(os.getuid()), float(os.getpid())]\n"
    )
    f = tmp_path / "sub.py"
    f.write_text(probe)
    sub = from_path(f, UNIT, limits=FAST)
    out = sub.call("L1", (np.zeros(2), np.zeros(2)))
    sub.close()
    assert sub.isolation.startswith("bubblewrap")
    seen, uid, pid = out.value[:3], out.value[3], out.value[4]
    assert seen == [0.0, 0.0, 0.0] and uid == float(sandbox.nobody())
    assert pid < 10  # its own PID namespace: the sandbox's init, the supervisor, the executor


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
