"""The worker: a fresh interpreter that runs one submission's code and nothing else.

Started by :mod:`autograder.isolation.sandbox` as ``python -I -S -B worker.py`` from a
scratch directory holding copies of this file, ``codec.py`` and ``lesson_functions.py``; it
cannot import :mod:`autograder` or ``solutions``. Before any student code runs it:

1. (as root, inside fresh mount/network/PID namespaces) covers the repository, the
   submission's folder, ``/root``, ``/home`` and the temp folders with empty tmpfs mounts,
   re-exposing only the Python installation, and gives the code a small private ``/tmp``;
2. sets resource limits (address space, processes, file size, no core dumps);
3. drops to an unprivileged user with ``no_new_privs``;
4. points file descriptors 0, 1, 2 at ``/dev/null`` and keeps the protocol pipes on
   private descriptors.

It then answers ``load`` and ``call`` requests, one frame per reply (see
:mod:`autograder.isolation.codec`). Its time limits are a courtesy: the grader enforces the
real ones from outside by killing the process group.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import os
import random
import resource
import signal
import sys
import time
import traceback
import types
import warnings
from typing import Any

sys.path[:0] = os.environ.pop("AG_SYS_PATH", "").split(os.pathsep)

import _agcodec as codec  # noqa: E402, I001 - copied next to this file by the sandbox
import _agcodeload as codeload  # noqa: E402
import _aglesson as lesson  # noqa: E402
import numpy as np  # noqa: E402

MAX_OUTPUT = 4000
_PROTO_IN = 0
_PROTO_OUT = 1


class CallTimeout(BaseException):
    """Raised inside student code when the soft time limit of a call passes."""


class _Bounded(io.TextIOBase):
    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, s: Any) -> int:
        s = str(s) if type(s) is not str else s
        room = self.limit - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
        return len(s)

    def flush(self) -> None:
        return None

    def text(self) -> str:
        return "".join(self.parts)


# ------------------------------------------------------------------ protocol


def _read_exact(n: int) -> bytes:
    chunks, left = [], n
    while left:
        b = os.read(_PROTO_IN, min(left, 1 << 20))
        if not b:
            raise EOFError
        chunks.append(b)
        left -= len(b)
    return b"".join(chunks)


def _receive() -> tuple[dict[str, Any], list[np.ndarray]]:
    (n,) = __import__("struct").unpack(">Q", _read_exact(8))
    if n > codec.MAX_FRAME:
        raise EOFError
    return codec.unpack(_read_exact(n))


def _send(message: dict[str, Any], arrays: list[np.ndarray] | None = None) -> None:
    data = codec.pack(message, arrays or [])
    if len(data) > codec.MAX_FRAME:
        data = codec.pack({"error": ["ResultTooLarge", "the result is too large to send"]}, [])
    view = memoryview(data)
    while view:
        k = os.write(_PROTO_OUT, view)
        view = view[k:]


# ------------------------------------------------------------------ sandbox set-up

MS_RDONLY, MS_NOSUID, MS_NODEV = 1, 2, 4
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18


def _mount(
    libc: Any, src: str | None, target: str, fstype: str | None, flags: int, data: str | None
) -> None:
    def enc(s: str | None) -> bytes | None:
        return None if s is None else s.encode()

    if libc.mount(enc(src), enc(target), enc(fstype), flags, enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {target}: {os.strerror(err)}")


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def _sandbox(cfg: dict[str, Any]) -> list[str]:
    """Apply the isolation steps the configuration asks for; return what was applied."""
    done: list[str] = []
    if cfg.get("namespaces"):
        libc = ctypes.CDLL(None, use_errno=True)
        _mount(libc, None, "/", None, MS_REC | MS_PRIVATE, None)
        hide = [h for h in cfg.get("hide", []) if os.path.isdir(h)]
        expose = [e for e in cfg.get("expose", []) if os.path.isdir(e)]
        fds = {e: os.open(e, os.O_PATH | os.O_DIRECTORY) for e in expose}
        for h in hide:
            mode = "1777" if h == cfg.get("tmp") else "0755"
            size = cfg.get("tmp_bytes", 64 << 20) if h == cfg.get("tmp") else 1 << 20
            _mount(libc, "tmpfs", h, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode={mode}")
        for e, fd in fds.items():
            if any(_under(e, h) for h in hide):
                os.makedirs(e, exist_ok=True)
                _mount(libc, f"/proc/self/fd/{fd}", e, None, MS_BIND | MS_REC, None)
            os.close(fd)
        done.append("hidden: " + ", ".join(hide))
        done.append("network: none (own network namespace)")
        done.append("processes: own PID namespace")
    work = cfg["work"]
    os.makedirs(work, exist_ok=True)
    uid, gid = cfg.get("uid"), cfg.get("gid")
    if uid is not None:
        os.chown(work, uid, gid)
    os.chdir(work)
    done.append(f"cwd: {work}")
    limits = [
        (resource.RLIMIT_AS, cfg.get("memory_bytes")),
        (resource.RLIMIT_FSIZE, cfg.get("file_bytes")),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NOFILE, 256),
    ]
    if uid is not None:
        limits.append((resource.RLIMIT_NPROC, cfg.get("nproc", 64)))
    for which, value in limits:
        if value is not None:
            resource.setrlimit(which, (value, value))
    done.append(f"memory: {cfg.get('memory_bytes', 0) >> 20} MB address space")
    if uid is not None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
        done.append(f"user: uid {os.getuid()}")
    return done


def _private_fds() -> None:
    """Move the protocol pipes off 0/1 and point 0, 1, 2 at /dev/null."""
    global _PROTO_IN, _PROTO_OUT
    _PROTO_IN = os.dup(0)
    _PROTO_OUT = os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


# ------------------------------------------------------------------ student code

_REAL = {
    "np_seed": np.random.seed,
    "np_set_state": np.random.set_state,
    "py_seed": random.seed,
    "py_setstate": random.setstate,
}
_RESEEDED: list[str] = []


def _watch(name: str, fn: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _RESEEDED.append(name)
        return fn(*args, **kwargs)

    wrapper.__name__ = getattr(fn, "__name__", name)
    wrapper.__doc__ = getattr(fn, "__doc__", None)
    return wrapper


def _install_rng_watch() -> None:
    np.random.seed = _watch("np.random.seed", _REAL["np_seed"])
    np.random.set_state = _watch("np.random.set_state", _REAL["np_set_state"])
    random.seed = _watch("random.seed", _REAL["py_seed"])
    random.setstate = _watch("random.setstate", _REAL["py_setstate"])


_BUILTINS = dict(vars(__import__("builtins")))


def _restore_builtins() -> None:
    """Undo any change student code made to the builtins the worker itself relies on."""
    import builtins

    table = vars(builtins)
    for key in [k for k in table if k not in _BUILTINS]:
        del table[key]
    table.update(_BUILTINS)


class Student:
    """The loaded submission: a namespace and the file names its code was compiled with."""

    def __init__(self) -> None:
        self.ns: dict[str, Any] = {"__name__": "__student__"}
        self.files: set[str] = set()
        self.report = codeload.LoadReport()
        self.started = False

    def load(self, req: dict[str, Any]) -> dict[str, Any]:
        """Run the submitted cells in order (see ``codeload.load_cells``); describe the result.

        A statement that raises (``from public_tests import *``) or a part that does not
        compile costs only itself; a notebook cell that loops is stopped after its time.
        """
        if not self.started:
            self.ns.update(codeload.prelude(str(req.get("unit", ""))))
            self.started = True
        self.ns["__file__"] = req.get("file", "")
        self.files.update(str(f) for f, _ in req["cells"])
        out = _Bounded(MAX_OUTPUT)
        old = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = out
        errors_before = len(self.report.errors)

        def describe(exc: BaseException) -> str:
            kind, message = _describe_error(exc, self.files)
            return f"{kind}: {message}{_loc(exc, self.files)}" if message else kind

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                codeload.load_cells(
                    req["cells"],
                    self.ns,
                    notebook=bool(req.get("notebook")),
                    cell_timeout=float(req.get("cell_timeout", 10)),
                    deadline=time.monotonic() + float(req.get("timeout", 30)),
                    describe=describe,
                    clock=time.monotonic,
                    report=self.report,
                )
        finally:
            sys.stdout, sys.stderr = old
            _restore_builtins()
        return {
            "load_error": None,
            "cell_errors": self.report.errors[errors_before:],
            "broken": dict(self.report.broken),
            "functions": self.functions(),
        }

    def functions(self) -> dict[str, Any]:
        """Describe every callable the namespace defines (name, file, first line, params)."""
        info: dict[str, Any] = {}
        for name, value in list(self.ns.items()):
            if type(name) is not str or name.startswith("__") or not callable(value):
                continue
            entry: dict[str, Any] = {
                "file": None,
                "line": None,
                "params": None,
                "helper": codeload.is_helper(value),
            }
            if type(value) is types.FunctionType:
                code = value.__code__
                entry["file"] = code.co_filename
                entry["line"] = code.co_firstlineno
                entry["params"] = list(code.co_varnames[: code.co_argcount])
            info[name] = entry
        return info

    def globals_read(self, fn: Any) -> list[str]:
        """Notebook-level data variables (not functions or modules) that ``fn`` reads."""
        seen: set[str] = set()
        found: list[str] = []
        todo = [fn]
        while todo:
            f = todo.pop()
            if type(f) is not types.FunctionType or f.__code__.co_filename not in self.files:
                continue
            codes = [f.__code__]
            while codes:
                code = codes.pop()
                codes.extend(c for c in code.co_consts if type(c) is types.CodeType)
                for n in code.co_names:
                    if n in seen or n not in self.ns:
                        continue
                    seen.add(n)
                    v = self.ns[n]
                    if type(v) is types.FunctionType:
                        todo.append(v)
                    elif type(v) in (np.ndarray, list, dict, tuple, int, float) and not (
                        n.isupper() or n.startswith("_")
                    ):
                        found.append(n)
        return sorted(found)

    def call(self, req: dict[str, Any], arrays: list[np.ndarray]) -> tuple[dict, list]:
        """Run one call and describe its outcome as plain data."""

        def foreign(name: str, arr: Any) -> Any:
            return None

        args = codec.decode(req.get("args", []), arrays, foreign, lesson.LessonFunction)
        kwargs = codec.decode(req.get("kwargs", {"d": []}), arrays, foreign, lesson.LessonFunction)
        name = req["name"]
        fn = self.ns.get(name)
        reply: dict[str, Any] = {}
        if not callable(fn):
            reply["error"] = ["NameError", f"{name} is not defined", ""]
            return reply, []
        timeout = float(req.get("timeout", 10))
        out = _Bounded(MAX_OUTPUT)
        saved: dict[str, Any] = {}
        enc = codec.Encoder()
        old = sys.stdout, sys.stderr
        start = time.perf_counter()
        try:
            with _alarm(timeout):
                try:
                    for pname, code in (req.get("patch") or {}).items():
                        saved[pname] = self.ns.get(pname)
                        exec(compile(code, "<grader patch>", "exec"), self.ns)  # noqa: S102
                    seed = req.get("seed")
                    if seed is not None:
                        _REAL["np_seed"](seed)
                        _REAL["py_seed"](seed)
                    del _RESEEDED[:]
                    sys.stdout = sys.stderr = out
                    with (
                        warnings.catch_warnings(record=True) as caught,
                        np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"),
                    ):
                        warnings.simplefilter("always")
                        value = fn(*args, **kwargs)
                    sys.stdout, sys.stderr = old
                    reply["value"] = enc.encode(value)
                    reply["warnings"] = [
                        f"{w.category.__name__}: {_text(w.message)}" for w in caught[:20]
                    ]
                except CallTimeout:
                    raise
                except BaseException as exc:  # noqa: BLE001 - student code may raise anything
                    sys.stdout, sys.stderr = old
                    kind, message = _describe_error(exc, self.files)
                    reply["error"] = [kind, message, _loc(exc, self.files, bare=True)]
                finally:
                    sys.stdout, sys.stderr = old
                    _restore_builtins()
                    for pname, prev in saved.items():
                        if prev is None:
                            self.ns.pop(pname, None)
                        else:
                            self.ns[pname] = prev
                reply["seconds"] = time.perf_counter() - start
                reply["args_after"] = enc.encode(tuple(args))
                reply["kwargs_after"] = enc.encode(dict(kwargs))
                reply["stdout"] = out.text()[:MAX_OUTPUT]
                reply["rng_fingerprint"] = _rng_fingerprint()
                reply["rng_reseeded"] = sorted(set(_RESEEDED))
                reply["globals_read"] = self.globals_read(fn)
        except CallTimeout:
            sys.stdout, sys.stderr = old
            return {"timeout": True, "seconds": time.perf_counter() - start}, []
        return reply, enc.arrays


def _text(obj: Any) -> str:
    try:
        s = str(obj)
    except BaseException:  # noqa: BLE001
        s = "<unprintable>"
    if type(s) is not str:
        s = "<unprintable>"
    return s[:300] + "..." if len(s) > 300 else s


def _describe_error(exc: BaseException, files: set[str]) -> tuple[str, str]:
    kind = type(exc).__name__
    if type(kind) is not str:
        kind = "Exception"
    message = _text(exc)
    if isinstance(exc, MemoryError):
        message = (message + " " if message else "") + "(memory limit of the grader exceeded)"
    elif isinstance(exc, SystemExit):
        message = f"the code called sys.exit({message})"
    elif isinstance(exc, KeyboardInterrupt):
        message = "the code raised KeyboardInterrupt"
    elif isinstance(exc, EOFError):
        message = (message + " " if message else "") + "(there is no keyboard input when grading)"
    return kind[:100], message


def _loc(exc: BaseException, files: set[str], bare: bool = False) -> str:
    try:
        frames = traceback.extract_tb(exc.__traceback__)
    except Exception:  # noqa: BLE001
        return ""
    for frame in reversed(frames):
        if frame.filename in files:
            where = f"line {frame.lineno}, in {frame.name}"
            return where if bare else f" ({where})"
    return ""


def _rng_fingerprint() -> str:
    # Same digest as autograder.submission.rng_fingerprint; the worker cannot import autograder.
    state = np.random.get_state()
    return hashlib.sha1(state[1].tobytes() + str(state[2]).encode()).hexdigest()[:12]


class _alarm:  # noqa: N801 - used like a function
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        def _raise(signum: int, frame: Any) -> None:
            raise CallTimeout()

        signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, max(self.seconds, 0.001))

    def __exit__(self, *exc: Any) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main() -> None:
    """Set up, then answer requests until the grader closes the pipe."""
    sys.argv = [""]
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cfg, _ = _receive()
    try:
        import numpy.linalg  # noqa: F401 - load what student code needs before the sandbox
        import numpy.random  # noqa: F401

        codeload.ensure_helpers_importable()
        for module in codeload.HELPER_MODULES:  # the course's helpers, importable by name
            try:
                __import__(module)
            except ImportError:  # the student kit leaves the application's helpers out
                pass

        done = _sandbox(cfg)
    except Exception as exc:  # noqa: BLE001 - report set-up failures to the grader
        _send({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return
    _private_fds()
    _install_rng_watch()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _send({"ready": True, "protections": done, "pid": os.getpid()})
    student = Student()
    while True:
        try:
            req, arrays = _receive()
        except EOFError:
            return
        op = req.get("op")
        if op == "load":
            _send(student.load(req))
        elif op == "call":
            try:
                reply, out_arrays = student.call(req, arrays)
            except CallTimeout:
                reply, out_arrays = {"timeout": True}, []
            _send(reply, out_arrays)
        else:
            _send({"error": ["GraderError", f"unknown op {op!r}", ""]})


if __name__ == "__main__":
    main()
    os._exit(0)
