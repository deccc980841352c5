"""Hostile submissions (tests/faults/hostile.py) as root, as a user, as root without SYS_ADMIN.

One grader process per mode grades every hostile submission in turn (tests/faults/
grade_many.py), between an honest student before and a victim student after. Each attack
must gain no points, the grader must survive and report exactly one result per student,
nothing may be left running, reachable over the network, written or read outside the
sandbox, and the victim's file and grade must be untouched.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import sysconfig
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from autograder.isolation import seccomp, served

from .faults import modes
from .faults.hostile import LINGER, ROOT, Hostile, Target, corpus
from .helpers import assert_fails_exactly, check_points

MODES = modes.available()
PLACEHOLDER = Target("", (), (), (), "", "", 0, "")
CASES = [h.id for h in corpus(PLACEHOLDER)]


class Listeners:
    """A TCP and a UDP listener on the host's loopback and an abstract unix socket."""

    def __init__(self) -> None:
        self.got: list[str] = []
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(8)
        self.port = self.tcp.getsockname()[1]
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", self.port))
        self.unix_name = f"agtest-{secrets.token_hex(6)}"
        self.unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.unix.bind("\0" + self.unix_name)
        self.unix.listen(8)
        self._stop = False
        self._threads = [
            threading.Thread(target=self._accept, args=(s, kind), daemon=True)
            for s, kind in ((self.tcp, "tcp"), (self.unix, "unix"))
        ]
        self._threads.append(threading.Thread(target=self._datagrams, daemon=True))
        for t in self._threads:
            t.start()

    def _accept(self, sock: socket.socket, kind: str) -> None:
        sock.settimeout(0.2)
        while not self._stop:
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            self.got.append(kind)
            conn.close()

    def _datagrams(self) -> None:
        self.udp.settimeout(0.2)
        while not self._stop:
            try:
                self.udp.recvfrom(100)
            except OSError:
                continue
            self.got.append("udp")

    def close(self) -> None:
        self._stop = True
        for t in self._threads:
            t.join(timeout=2)
        for s in (self.tcp, self.udp, self.unix):
            s.close()


def _secret_files(token: str, base: Path) -> list[Path]:
    """World-readable secret files where a course, a home or another student keeps things."""
    tag = f"agtest-{token[:8]}"
    folders = [base / "other-student"]
    if os.geteuid() == 0:
        folders = [Path("/srv") / tag, Path("/opt") / tag, Path("/home") / tag, *folders]
    files = []
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o755)
        f = folder / "secret.txt"
        f.write_text(f"SECRET {token}\n")
        os.chmod(f, 0o644)
        files.append(f)
    if os.geteuid() == 0:
        f = Path("/etc") / f"{tag}.txt"
        f.write_text(f"SECRET {token}\n")
        files.append(f)
    return files


def _snapshot(folders: list[Path]) -> dict[str, tuple[float, int]]:
    state = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for dirpath, _, files in os.walk(folder):
            for name in files:
                p = os.path.join(dirpath, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                state[p] = (st.st_mtime, st.st_size)
    return state


def _sandbox_processes(uids: set[int]) -> list[str]:
    """Processes of the sandbox's users left anywhere on the machine (by name or command)."""
    found = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            st = os.stat(f"/proc/{p}")
            with open(f"/proc/{p}/comm") as f:
                comm = f.read().strip()
            with open(f"/proc/{p}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if comm == LINGER or (st.st_uid in uids and "_agsupervisor.py" in cmd):
            found.append(f"{p} {comm} {cmd[:100]}")
    return found


@dataclass
class Run:
    """One grader process's run over the corpus."""

    mode: modes.Mode
    target: Target
    cases: dict[str, Hostile]
    results: dict[str, dict] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    stderr: str = ""
    returncode: int = 0
    who: dict = field(default_factory=dict)
    connections: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    victim_intact: bool = False
    planted: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def base():
    folder = Path(tempfile.mkdtemp(prefix="ag-hostile-", dir="/tmp"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def wheel(base):
    folder = base / "wheel"
    folder.mkdir()
    return modes.build_wheel(folder) if os.geteuid() == 0 else None


@pytest.fixture(scope="module")
def token(base):
    value = secrets.token_hex(16)
    files = _secret_files(value, base)
    yield value, files
    for f in files:
        f.unlink(missing_ok=True)
        if f.parent.name.startswith("agtest-"):
            shutil.rmtree(f.parent, ignore_errors=True)


@pytest.fixture(scope="module", params=MODES)
def run(request, base, wheel, token) -> Run:
    value, files = token
    mode = modes.make(request.param, base, wheel, value)
    listeners = Listeners()
    np_dir = Path(np.__file__).parent
    stdlib_json = Path(sysconfig.get_paths()["stdlib"]) / "json"
    kit_files = [mode.kit / "engine.py", mode.kit / "expected" / "numpy_basics.json"]
    kit_files += [mode.kit / "_private" / "solutions" / "numpy_basics.py"]
    kit_files += [ROOT / "solutions" / "numpy_basics.py"]
    watched = [mode.kit, np_dir / "__pycache__", stdlib_json / "__pycache__"]
    victim_dir = mode.work / "victim"
    target = Target(
        secret=value,
        secret_files=tuple(str(f) for f in files),
        kit_files=tuple(str(f) for f in kit_files),
        pycache_dirs=(str(mode.kit), str(mode.kit / "units"), str(np_dir), str(stdlib_json)),
        victim=str(victim_dir / "numpy_basics.py"),
        grader_cwd=str(mode.work),
        tcp_port=listeners.port,
        unix_name=listeners.unix_name,
    )
    cases = corpus(target)
    students = []
    for case in cases:
        folder = mode.work / case.id
        folder.mkdir()
        reference = (ROOT / "solutions" / f"{case.unit}.py").read_text()
        path = folder / f"{case.unit}.py"
        path.write_text(case.code if case.replace else reference + "\n\n" + case.code)
        for p in (folder, path):
            mode.own(p)
        students.append(
            {"id": case.id, "unit": case.unit, "path": str(path), "limits": case.limits}
        )
    victim_text = Path(target.victim).read_text()
    spec = mode.work / "spec.json"
    spec.write_text(json.dumps({"students": students}))
    driver = mode.work / "grade_many.py"
    shutil.copy(Path(__file__).parent / "faults" / "grade_many.py", driver)
    for p in (spec, driver):
        mode.own(p)
    before = _snapshot(watched)
    start = time.monotonic()
    try:
        proc = mode.run([str(driver), str(spec)], timeout=1500)
    finally:
        time.sleep(0.5)
        listeners.close()
    out = Run(mode, target, {c.id: c for c in cases})
    out.returncode, out.stderr = proc.returncode, proc.stderr
    out.lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    for line in out.lines:
        obj = json.loads(line)
        if obj.get("start"):
            out.who = obj
        elif "id" in obj:
            out.results[obj["id"]] = obj
    out.connections = list(listeners.got)
    out.leftovers = _sandbox_processes({65534, mode.uid} - {0})
    after = _snapshot(watched)
    out.changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    out.victim_intact = Path(target.victim).read_text() == victim_text
    out.planted = [
        p
        for p in ("/tmp/planted.py", "/var/tmp/planted.py", "/dev/shm/planted.py")
        if os.path.exists(p)
    ]
    seconds = time.monotonic() - start
    print(f"{request.param}: graded {len(out.results)} submissions in {seconds:.1f} s")
    return out


def test_the_mode_is_what_it_claims(run):
    assert run.who, run.stderr[-3000:]
    if run.mode.name == "root":
        assert run.who["uid"] == 0 and run.who["sys_admin"]
    elif run.mode.name == "nosysadmin":
        assert run.who["uid"] == 0 and not run.who["sys_admin"]
    else:
        assert run.who["uid"] != 0 and not run.who["sys_admin"]


def test_the_grader_survives_and_reports_every_student_once_and_nothing_else(run):
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(run.lines) == len(run.cases) + 2
    assert json.loads(run.lines[-1]) == {"done": True}
    assert set(run.results) == set(run.cases)
    assert not any("FORGED" in line for line in run.lines)
    filtered = seccomp.program() is not None  # pyseccomp and libseccomp are here
    for result in run.results.values():
        assert result["isolation"].startswith("bubblewrap"), result["isolation"]
        assert result["isolation"].endswith("seccomp)") == filtered, result["isolation"]
        assert result["gradable"], result["id"]


@pytest.mark.parametrize("case_id", CASES)
def test_the_attack_gains_nothing(run, case_id):
    case = run.cases[case_id]
    result = run.results[case_id]
    points = check_points(case.unit)
    checks = assert_fails_exactly(result, case.fails, points)
    lost = sum(points[k] for k, check in checks.items() if not check["passed"])
    assert result["score"] == sum(points.values()) - lost
    for check in checks.values():
        assert run.target.secret not in check["message"]


def _observation(run, case_id: str) -> str:
    (check,) = [
        c
        for t in run.results[case_id]["tasks"]
        for c in t["checks"]
        if t["function"] == "L2" and c["name"] == "values"
    ]
    assert "OBS " in check["message"], check["message"]
    return check["message"][check["message"].index("OBS ") :]


def test_proc_shows_only_the_sandbox(run):
    seen = _observation(run, "proc-walk")
    assert "found=[]" in seen, seen
    pids = json.loads(seen.split("pids=")[1].split(" chain=")[0])
    assert max(pids) < 50, seen  # its own PID namespace: no grader, no other student
    chain = json.loads(seen.split("chain=")[1].split(" found=")[0])
    assert chain[-1] == 1 and len(chain) <= 3, seen  # executor -> supervisor -> sandbox init


def test_the_process_limit_binds(run):
    """The student's process starts no other (each would have its own memory limit); without
    the seccomp filter the process limit binds."""
    seen = _observation(run, "nproc")
    started = int(seen.split("started=")[1].split()[0])
    if seccomp.no_new_process_program() is not None:
        assert "stopped=PermissionError" in seen and started == 0, seen
    else:
        assert "stopped=BlockingIOError" in seen and started < 64, seen


def test_no_memory_files(run):
    """A memory file's pages count against no limit of the student's process."""
    seen = _observation(run, "memory-files")
    expected = "PermissionError" if seccomp.no_new_process_program() is not None else "created"
    assert f"memfd={expected}" in seen, seen


def test_no_helper_module_holds_a_ready_made_function_in_any_unit(run):
    """Only the helpers that load or plot data are real in the sandbox's copy."""
    seen = _observation(run, "read-helpers")
    real = seen[seen.index("real=") + 5 : seen.index(" ;")].split()
    assert real, seen  # the probe ran
    assert {name.rsplit(".", 1)[1] for name in real} <= served.IN_SANDBOX, seen


def test_no_network_at_all(run):
    seen = _observation(run, "network")
    # its own network namespace: its loopback has nothing listening (a datagram "sent" there
    # goes nowhere), the internet and names are unreachable, the host's listeners hear nothing
    for attempt in ("loopback:ConnectionRefused", "internet:OSError", "dns:gaierror", "unix:"):
        assert attempt in seen, seen
    assert "unix:ok" not in seen and "loopback:ok" not in seen, seen
    assert run.connections == [], run.connections


def test_secrets_and_other_folders_are_not_visible(run):
    seen = _observation(run, "read-dirs")
    # no secret file could be read; /srv, /opt, /home, other temp folders, the grader's and
    # the other students' folders are absent or empty
    assert "read=[] listed={}" in seen, seen
    assert run.target.secret not in seen


def test_nothing_is_left_running(run):
    assert run.leftovers == []


def test_nothing_written_outside_the_sandbox(run):
    assert run.changed == [], run.changed[:10]
    assert run.planted == []
    assert run.victim_intact
    assert run.results["victim"]["score"] == run.results["honest-first"]["score"] == 42.0


def test_forged_warnings_gain_nothing_over_honest_silence(run):
    honest = run.results["quiet-sigmoid-honest"]["score"]
    assert run.results["quiet-sigmoid-forged"]["score"] <= honest
