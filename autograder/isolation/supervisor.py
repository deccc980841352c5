"""The supervisor: the worker's trusted half, which owns the pipe to the grader.

Started inside the sandbox by :mod:`autograder.isolation.sandbox` as
``python -I -S -B /runner/_agsupervisor.py IN_FD OUT_FD`` (the protocol pipes; only this
process holds them). It never runs student code. Set-up, before any:

1. imports numpy and the course's helper modules (with scipy, where installed, the only code
   a submission can import besides the standard library);
2. as root, drops to user ``nobody`` (the sandbox's user namespace maps only root and
   nobody), so that the process-count limit binds;
3. sets ``no_new_privs``, makes itself not dumpable (so that no process of the sandbox can
   trace it or read its memory and descriptors through ``/proc``), sets resource limits
   (address space, file size, open files, processes, no core dumps) and closes every
   descriptor but its own.

Then, per submission, it forks an *executor* (:mod:`autograder.isolation.executor`) that
loads and runs the student's code and talks only to it. The supervisor

- relays requests, and the calls of *stand-ins* (grader-served proxies) to the grader and
  their answers back;
- puts the array arguments of each call in shared memory (a sealed ``memfd``) and reads
  them back itself as soon as the call returns: the arguments "after the call" that the
  grader sees are what the supervisor read, not what the executor reports (the executor's
  report is used only for the structure of containers, see :func:`_after`);
- enforces each load step's and each call's time limit from outside; an executor that hung,
  crashed or exited is killed, and the next ``load`` request forks a new one (the grader
  asks for the load again, without the statements or cells that ended the previous one):
  no new sandbox is needed;
- kills every process an executor left behind once its request is answered, and stops
  (``SIGSTOP``) the executor until the grader's next request, and while the grader computes a
  stand-in's answer: threads the student's code started run only in the student's own time.
"""

from __future__ import annotations

import ctypes
import fcntl
import mmap
import os
import resource
import signal
import socket
import sys
import time
from typing import Any

sys.path[:0] = [p for p in os.environ.pop("AG_SYS_PATH", "").split(os.pathsep) if p]

import _agcodec as codec  # noqa: E402, I001 - copies next to this file (see sandbox.py)
import _agcodeload as codeload  # noqa: E402
import _agexec as executor  # noqa: E402
import numpy as np  # noqa: E402

PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS = 4, 38
#: Error type of a step whose process ended (the grader's ``submission.CRASH``).
CRASH = "WorkerCrash"
#: Proxy calls one call may make.
MAX_PROXY_CALLS = 100_000


# ------------------------------------------------------------------ set-up


def _private_channel() -> codec.Channel:
    """The protocol pipes: descriptors named on the command line (0 and 1 are /dev/null).

    They are not the standard descriptors on purpose: the sandbox's init process (bubblewrap,
    pid 1) keeps 0, 1 and 2 and closes every other descriptor, so this process alone holds
    the pipes to the grader.
    """
    return codec.Channel(int(sys.argv[1]), int(sys.argv[2]))


def _setup(cfg: dict[str, Any], keep: tuple[int, ...]) -> list[str]:
    """Apply the set-up steps of the module docstring; return what was done."""
    import numpy.linalg  # noqa: F401 - what student code needs, loaded before any of it
    import numpy.random  # noqa: F401

    codeload.ensure_plotting_stand_in()
    codeload.import_helpers()
    done: list[str] = []
    drop = cfg.get("drop")
    if drop:
        uid, gid = int(drop[0]), int(drop[1])
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
    done.append(f"uid {os.getuid()}")
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE)")
    done.append("no new privileges; not dumpable")
    limits = [
        (resource.RLIMIT_AS, cfg.get("supervisor_memory_bytes")),
        (resource.RLIMIT_FSIZE, cfg.get("file_bytes")),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NOFILE, cfg.get("nofile", 256)),
        (resource.RLIMIT_NPROC, cfg.get("nproc")),
    ]
    for which, value in limits:
        if value is not None:
            resource.setrlimit(which, (value, value))
    done.append(
        f"limits: {cfg.get('memory_bytes', 0) >> 20} MB address space, "
        f"{cfg.get('file_bytes', 0) >> 20} MB files, {cfg.get('nproc')} processes, no core dumps"
    )
    for fd in _open_fds():
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass
    os.chdir(cfg["work"])
    return done


def _open_fds() -> list[int]:
    try:
        return [int(x) for x in os.listdir("/proc/self/fd")]
    except OSError:
        return list(range(3, 256))


# ------------------------------------------------------------------ the executor


class Executor:
    """A forked executor process and the channel to it."""

    def __init__(self, pid: int, channel: codec.Channel) -> None:
        self.pid = pid
        self.ch = channel
        self.status: int | None = None

    def reap(self, block: bool) -> int | None:
        """Collect the exit status (``Popen.returncode`` style) if the process ended."""
        if self.status is None:
            try:
                pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            except ChildProcessError:
                return -int(signal.SIGKILL)
            if pid == self.pid and not os.WIFSTOPPED(status):
                self.status = codec.wait_status_code(status)
        return self.status


class Lost(Exception):  # noqa: N818
    """The executor ended, hung or broke the protocol; ``description`` says how."""

    def __init__(self, description: str, timeout: bool = False) -> None:
        super().__init__(description)
        self.description = description
        self.timeout = timeout


class Supervisor:
    """Serve the grader's requests (``load``, ``call``) over ``proto``."""

    def __init__(self, proto: codec.Channel, cfg: dict[str, Any]) -> None:
        self.proto = proto
        self.cfg = cfg
        self.pidns = bool(cfg.get("pidns"))
        self.grace = float(cfg.get("grace", 0.5))
        self.exe: Executor | None = None

    # -------------------------------------------------------------- processes
    def _others(self) -> list[int]:
        """Every process of the sandbox but its init (pid 1) and this one."""
        me = os.getpid()
        return [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, me)]

    def _signal_all(self, sig: int, pid: int) -> None:
        """Signal every process of the sandbox (without one: the executor's group ``pid``)."""
        try:
            if self.pidns:
                os.kill(-1, sig)  # in our own PID namespace: the sandbox's processes only
            else:
                os.killpg(pid, sig)
        except OSError:
            pass

    def _hold(self, held: bool) -> None:
        """Stop the student's processes (``held``) or let them go on.

        Threads that student code starts (at load or in a call; only new processes are
        refused) would otherwise run on between requests, on CPU charged to no budget, beside
        the grader's own work and, in a batch, other students' calls. ``SIGSTOP`` cannot be
        caught, blocked or ignored.
        """
        if self.exe is not None:
            sig = signal.SIGSTOP if held else signal.SIGCONT
            try:
                os.kill(self.exe.pid, sig)
            except OSError:
                pass
            self._signal_all(sig, self.exe.pid)

    def _fork(self) -> None:
        """Start a fresh executor (the previous one, if any, is killed first)."""
        self._kill_executor()
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:  # the executor
            try:
                parent.close()
                os.setpgid(0, 0)
                keys = ("memory_bytes", "executor_seccomp")
                executor.main(child.detach(), {k: self.cfg.get(k) for k in keys})
            finally:
                os._exit(1)
        child.close()
        self.exe = Executor(pid, codec.Channel.from_socket_fd(parent.detach()))

    def _kill_executor(self) -> int | None:
        """Kill the executor and everything else the sandbox runs; return its exit code."""
        exe, self.exe = self.exe, None
        if exe is None:
            return None
        try:
            os.kill(exe.pid, signal.SIGKILL)
        except OSError:
            pass
        self._signal_all(signal.SIGKILL, exe.pid)
        code = exe.reap(block=True)
        try:
            exe.ch.sock.close()  # type: ignore[union-attr]
        except OSError:
            pass
        return code

    def _lost(self, exc: BaseException) -> Lost:
        """Kill the executor after ``exc`` (EOF, time-out, bad frame); describe what happened."""
        exe = self.exe
        if isinstance(exc, TimeoutError):
            self._kill_executor()
            return Lost("did not answer in time", timeout=True)
        code = exe.reap(block=False) if exe is not None else None
        if code is None and isinstance(exc, EOFError) and exe is not None:
            deadline = time.monotonic() + 2.0
            while code is None and time.monotonic() < deadline:
                time.sleep(0.01)
                code = exe.reap(block=False)
        killed = self._kill_executor()
        if code is None and isinstance(exc, EOFError):
            code = killed
        if isinstance(exc, codec.FrameError):
            return Lost(f"the process broke the protocol ({exc})")
        return Lost(codec.describe_end(code if code is not None else -int(signal.SIGKILL)))

    # -------------------------------------------------------------- requests
    def serve(self) -> None:
        """Answer requests until the grader closes the pipe."""
        while True:
            try:
                req, arrays = self.proto.receive()
            except (EOFError, codec.FrameError):
                self._kill_executor()
                return
            op = req.get("op")
            self._hold(False)
            out: list[np.ndarray] = []
            if op == "load":
                reply = self.load(req)
            elif op == "call":
                reply, out = self.call(req, arrays)
            elif op == "helpers":
                reply = self.helpers(req)
            else:
                reply = {"error": ["GraderError", f"unknown op {op!r}", ""]}
            self._hold(True)
            self.proto.send(reply, out)

    def helpers(self, req: dict[str, Any]) -> dict[str, Any]:
        """Hand the served helpers' own code to the executor (see isolation.served)."""
        if self.exe is None:
            return {"lost": True}
        try:
            self.exe.ch.drain()
            sources, names = req.get("sources") or {}, req.get("names") or []
            self.exe.ch.send({"op": "helpers", "sources": sources, "names": names})
            reply, _ = self.exe.ch.receive(time.monotonic() + 10 + self.grace)
        except (OSError, EOFError, TimeoutError, codec.FrameError) as exc:
            self._lost(exc)
            return {"lost": True}
        return {"helpers": True} if "helpers" in reply else {"lost": True}

    def load(self, req: dict[str, Any]) -> dict[str, Any]:
        """Load the submission's cells into a fresh executor.

        The executor reports each top-level statement as it starts; the grader is told of
        each new *unit* (a notebook cell, or a statement of a ``.py`` file) as ``{"at":
        [cell, block]}``, and the unit's time limit (``cell_timeout``) is enforced here. When
        the executor ends or hangs, the reply names the unit (``{"lost": [cell, block],
        ...}``): the grader asks again with that unit in ``skips`` (this forks a new executor;
        the sandbox stays). The grader keeps the list, so that it survives this process.
        """
        notebook = bool(req.get("notebook"))
        limit = float(req.get("cell_timeout", 20))
        n_cells = len(req.get("cells", []))
        counts = req.get("blocks")
        if not (type(counts) is list and len(counts) == n_cells):
            counts = None  # an older grader: no bound but the order
        deadline = time.monotonic() + float(req.get("timeout", 300))
        self._fork()
        assert self.exe is not None
        self.exe.ch.send({**req, "op": "load"})
        unit: tuple[int, int] | None = None
        unit_deadline = deadline + self.grace
        while True:
            try:
                msg, _ = self.exe.ch.receive(min(unit_deadline, deadline + self.grace))
            except (EOFError, TimeoutError, codec.FrameError) as exc:
                lost = self._lost(exc)
                if unit is None or time.monotonic() >= deadline:
                    what = "did not finish in time" if lost.timeout else lost.description
                    return {"load_error": f"{CRASH}: while loading the code, {what}"}
                return {"lost": list(unit), "timeout": lost.timeout, "crash": lost.description}
            at = msg.get("at")
            if at is None:
                self._reap_strays()
                return msg
            try:
                cell, block = int(at[0]), int(at[1])
            except (TypeError, ValueError, IndexError):
                cell = block = -1
            current = (cell, -1) if notebook else (cell, block)
            beyond = counts is not None and block >= int(counts[cell] if 0 <= cell < n_cells else 0)
            back = unit is not None and current < unit  # units only come in order
            if not (0 <= cell < n_cells and block >= 0) or beyond or back:
                self._kill_executor()
                return {
                    "load_error": f"{CRASH}: while loading the code, the process broke the protocol"
                }
            if current != unit:
                unit = current
                unit_deadline = time.monotonic() + limit + self.grace
                self.proto.send({"at": list(unit)})
            try:
                os.write(self.exe.ch.fd_out, b"k")  # the grader knows: go on
            except OSError:
                pass

    def _reap_strays(self) -> None:
        """Kill every process but the executor (what the student's code left running)."""
        if self.pidns and self.exe is not None:
            for pid in self._others():
                if pid != self.exe.pid:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass

    def call(
        self, req: dict[str, Any], arrays: list[np.ndarray]
    ) -> tuple[dict[str, Any], list[np.ndarray]]:
        """Run one call in the executor; see the module docstring for what is trusted."""
        if self.exe is None:
            return {"lost": True}, []
        mem, layout = _shared_memory(arrays)
        proxies = [str(p) for p in req.get("proxies") or []]
        allowed = {*proxies, *(str(p) for p in req.get("served") or [])}  # helpers: the grader's
        message = {
            "op": "call",
            "name": req.get("name"),
            "args": req.get("args"),
            "kwargs": req.get("kwargs"),
            "seed": req.get("seed"),
            "timeout": req.get("timeout"),
            "proxies": proxies,
            "shm": [[off, dt, shape] for off, dt, shape in layout],
        }
        limit = float(req.get("timeout", 10))
        start = time.monotonic()
        deadline = start + limit + self.grace
        waited = 0.0
        try:
            self.exe.ch.drain()  # what the student's threads or children wrote meanwhile
            self.exe.ch.send(message, fds=[mem[0]] if layout else None)
        except OSError as exc:
            return self._lost_reply(self._lost(EOFError(str(exc))), start, waited)
        finally:
            if layout:
                os.close(mem[0])
        n_proxy = 0
        while True:
            try:
                msg, out = self.exe.ch.receive(deadline)
            except (EOFError, TimeoutError, codec.FrameError) as exc:
                return self._lost_reply(self._lost(exc), start, waited)
            if "proxy" not in msg:
                break
            n_proxy += 1
            if msg.get("proxy") not in allowed or n_proxy > MAX_PROXY_CALLS:
                bad = self._lost(codec.FrameError("unexpected proxy call"))
                return self._lost_reply(bad, start, waited)
            paused = time.monotonic()
            relay = {k: msg.get(k) for k in ("proxy", "args", "kwargs", "rng")}
            self._hold(True)  # the grader's time: the student's threads wait for it
            self.proto.send(relay, out)
            answer, answer_arrays = self.proto.receive()
            self._hold(False)
            if answer.get("op") != "proxy_result":
                raise SystemExit("protocol error: expected a proxy result")
            reply = {k: answer[k] for k in ("value", "error", "rng", "stdout") if k in answer}
            try:
                self.exe.ch.send(reply, answer_arrays)
            except OSError as exc:
                return self._lost_reply(self._lost(EOFError(str(exc))), start, waited)
            pause = time.monotonic() - paused
            waited += pause
            deadline += pause
        if msg.get("timeout"):
            self._kill_executor()
            return {"timeout": True, "seconds": time.monotonic() - start - waited}, []
        # The arguments as the call left them: read here, from the shared memory, as soon as
        # the executor answered (whatever it changes later is after the call's return).
        snapshot = _read_back(mem[1], layout) if layout else []
        self._reap_strays()
        reply = {
            k: msg[k]
            for k in (
                "value",
                "error",
                "warnings",
                "stdout",
                "rng_fingerprint",
                "rng_reseeded",
                "globals_read",
                "bound",
            )
            if k in msg
        }
        reply["seconds"] = time.monotonic() - start - waited
        arrays_out = list(out)
        reply["args_after"] = _after(req.get("args"), msg.get("args_after"), snapshot, arrays_out)
        reply["kwargs_after"] = _after(
            req.get("kwargs"), msg.get("kwargs_after"), snapshot, arrays_out
        )
        if layout:
            mem[1].close()
        return reply, arrays_out

    def _lost_reply(
        self, lost: Lost, start: float, waited: float
    ) -> tuple[dict[str, Any], list[np.ndarray]]:
        seconds = time.monotonic() - start - waited
        if lost.timeout:
            return {"timeout": True, "seconds": seconds}, []
        return {"crash": lost.description, "seconds": seconds}, []


# ------------------------------------------------------------------ shared memory


def _shared_memory(arrays: list[np.ndarray]) -> tuple[tuple[int, Any], list[tuple]]:
    """Put ``arrays`` in a sealed memfd; return ``((fd, mapping), [(offset, dtype, shape)])``."""
    if not arrays:
        return (-1, None), []
    layout, offset = [], 0
    for a in arrays:
        offset = (offset + 63) // 64 * 64
        layout.append((offset, a.dtype.str, list(a.shape)))
        offset += a.nbytes
    size = max(offset, 1)
    fd = os.memfd_create("args", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    os.ftruncate(fd, size)
    fcntl.fcntl(fd, fcntl.F_ADD_SEALS, fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SEAL)
    mem = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
    for a, (off, _, _) in zip(arrays, layout):
        view = np.ndarray(a.shape, dtype=a.dtype, buffer=mem, offset=off)
        view[...] = a
    return (fd, mem), layout


def _read_back(mem: Any, layout: list[tuple]) -> list[np.ndarray]:
    """Copy the arrays out of the shared memory (as they are after the call)."""
    return [
        np.array(np.ndarray(tuple(shape), dtype=np.dtype(dt), buffer=mem, offset=off), copy=True)
        for off, dt, shape in layout
    ]


def _after(
    original: Any, reported: Any, snapshot: list[np.ndarray], arrays: list[np.ndarray]
) -> Any:
    """The arguments after the call, as the grader gets them.

    An array argument is what the supervisor read back from shared memory, whatever the
    executor says. For a container (a dict of arrays) the executor's report gives the
    structure; each ``{"m": i}`` in it ("still argument array i") becomes array ``i`` as read
    back. A missing or malformed report becomes a foreign marker (compares unequal: the
    argument counts as changed).
    """

    def resolve(x: Any, depth: int = 0) -> Any:
        if depth > codec.MAX_DEPTH + 2:
            return {"f": "too deeply nested container"}
        if type(x) is list:
            return [resolve(v, depth + 1) for v in x]
        if type(x) is dict:
            if set(x) == {"m"}:
                i = x["m"]
                if type(i) is int and 0 <= i < len(snapshot):
                    arrays.append(snapshot[i])
                    return {"a": len(arrays) - 1}
                return {"f": "bad reference"}
            if "t" in x and type(x["t"]) is list:
                return {"t": [resolve(v, depth + 1) for v in x["t"]]}
            if "d" in x and type(x["d"]) is list:
                items = []
                for item in x["d"]:
                    if type(item) is not list or len(item) != 2:
                        return {"f": "malformed report"}
                    items.append([item[0], resolve(item[1], depth + 1)])
                return {"d": items}
        return x

    def direct(x: Any) -> Any:
        """The original's encoding when it is an array argument (read back), else None."""
        if type(x) is dict and set(x) == {"a"} and type(x["a"]) is int:
            i = x["a"]
            if 0 <= i < len(snapshot):
                arrays.append(snapshot[i])
                return {"a": len(arrays) - 1}
        return None

    unknown = {"f": "arguments after the call not reported"}
    if type(original) is dict and "t" in original:
        items = original["t"]
        got = reported.get("t") if type(reported) is dict else None
        if type(got) is not list or len(got) != len(items):
            got = [unknown] * len(items)
        return {"t": [direct(o) or resolve(g) for o, g in zip(items, got)]}
    if type(original) is dict and "d" in original:
        items = original["d"]
        got = dict(
            (k, v)
            for k, v in (reported.get("d", []) if type(reported) is dict else [])
            if type(k) in (str, int)
        )
        return {"d": [[k, direct(o) or resolve(got.get(k, unknown))] for k, o in items]}
    return resolve(reported)


def main() -> None:
    """Set up, then serve the grader until it closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    proto = _private_channel()
    try:
        cfg, _ = proto.receive()
    except (EOFError, codec.FrameError):
        return
    try:
        done = _setup(cfg, (proto.fd_in, proto.fd_out))
    except Exception as exc:  # noqa: BLE001 - report set-up failures to the grader
        proto.send({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return
    proto.send({"ready": True, "protections": done, "pid": os.getpid()})
    Supervisor(proto, cfg).serve()


if __name__ == "__main__":
    main()
    os._exit(0)
