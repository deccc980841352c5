"""The executor: the one process of the worker that runs the student's code.

It is forked by the supervisor (:mod:`autograder.isolation.supervisor`) once the sandbox is
set up, and talks only to it, over a private socket: the grader's pipe, the supervisor's
request handler and its memory are out of its reach (the supervisor is not dumpable, so
it cannot be traced, and its descriptors are closed here before any student code runs).

Everything this process reports after student code has run is the student's to forge, so
the supervisor and the grader treat its replies as *values* only: the return value (checked
by the grader), printed output, and observations that can only be made in here (warnings,
reseeding of the global random generator, its fingerprint, notebook variables read), which
may only ever feed advice. Array arguments live in shared memory that the supervisor reads
itself after the call.

This file runs from a copy of the package's files inside the sandbox; it imports only the
standard library, numpy and its sibling copies (``_agcodec``, ``_agcodeload``,
``_aglesson``).
"""

from __future__ import annotations

import base64
import ctypes
import dis
import functools
import hashlib
import io
import mmap
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

import _agcodec as codec  # noqa: I001 - copies next to the supervisor, loaded by it
import _agcodeload as codeload
import _aglesson as lesson
import numpy as np

#: Characters of printed output kept per call (autograder.submission.MAX_OUTPUT).
MAX_OUTPUT = 200_000
#: Characters of printed output kept per notebook cell at load.
MAX_CELL_OUTPUT = 2000
PR_SET_PDEATHSIG = 1
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2


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


# ------------------------------------------------------------------ set-up


def _setup(sock_fd: int, cfg: dict[str, Any]) -> None:
    """Make this forked process the executor: nothing of the supervisor's stays reachable."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() == 1:  # the supervisor died between fork and prctl
        os._exit(1)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    os.closerange(3, sock_fd)
    os.closerange(sock_fd + 1, 1 << 16)
    memory = cfg.get("memory_bytes")
    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if cfg.get("executor_seccomp"):
        _no_new_processes(base64.b64decode(cfg["executor_seccomp"]), libc)
    sys.argv = [""]
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _install_rng_watch()


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _no_new_processes(program: bytes, libc: Any) -> None:
    """Stack the filter that lets this process start threads but no other process.

    The process has ``no_new_privs`` from the supervisor; one whose filter fails runs nothing.
    """
    buf = ctypes.create_string_buffer(program, len(program))
    prog = _SockFprog(len(program) // 8, ctypes.cast(buf, ctypes.c_void_p))
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        os._exit(1)


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
    """Undo changes student code made to the builtins this process relies on."""
    import builtins

    table = vars(builtins)
    for key in [k for k in table if k not in _BUILTINS]:
        del table[key]
    table.update(_BUILTINS)


# ------------------------------------------------------------------ student code


class Student:
    """The loaded submission: a namespace and the file names its code was compiled with."""

    def __init__(self, channel: codec.Channel) -> None:
        self.ch = channel
        self.ns: dict[str, Any] = {"__name__": "__student__"}
        self.files: set[str] = set()
        self.report = codeload.LoadReport()
        #: The names the grader reads a def of: what they are bound to is reported.
        self.watch: list[str] = []

    def _describe(self, exc: BaseException) -> str:
        kind, message = _describe_error(exc)
        return f"{kind}: {message}{_loc(exc, self.files)}" if message else kind

    def load(self, req: dict[str, Any]) -> dict[str, Any]:
        """Run the cells (see ``codeload.load_cells``), reporting each statement as it starts.

        The supervisor knows from these reports which statement (``.py``) or cell (notebook)
        was running when the process ended or hung, and skips it in the next attempt
        (``skips``).
        """
        self.ns.update(codeload.prelude(str(req.get("unit", ""))))
        self.ns["__file__"] = str(req.get("file", ""))
        self.watch = [str(n) for n in req.get("watch") or []]
        cells = [(str(f), str(c)) for f, c in req["cells"]]
        notebook = bool(req.get("notebook"))
        self.files.update(f for f, _ in cells)
        skips: dict[tuple[int, int], str] = {
            (int(c), int(b)): str(m) for c, b, m in req.get("skips") or []
        }
        cell_timeout = float(req.get("cell_timeout", 20))
        deadline = time.monotonic() + float(req.get("timeout", 300))
        outputs: list[list[Any]] = []
        for index, (fname, code) in enumerate(cells):
            label = fname.strip("<>").replace("student ", "")
            before = len(self.report.errors)
            if (index, -1) in skips:
                self.report.errors.append(f"{label}: {skips[(index, -1)]}")
                outputs.append([index, "", self.report.errors[-1]])
                continue
            out = _Bounded(MAX_CELL_OUTPUT)
            old = sys.stdout, sys.stderr
            sys.stdout = sys.stderr = out

            def started(block: int, info: Any, index: int = index) -> None:
                # wait for the supervisor's ack: it has passed the report on to the grader,
                # so a statement that kills the supervisor too is still known
                self.ch.send({"at": [index, block, info.first, info.last]})
                if os.read(self.ch.fd_in, 1) != b"k":
                    os._exit(3)

            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    codeload.load_cells(
                        [(fname, code)],
                        self.ns,
                        notebook=notebook,
                        cell_timeout=cell_timeout,
                        deadline=deadline,
                        describe=self._describe,
                        clock=time.monotonic,
                        report=self.report,
                        skip_blocks={b: m for (c, b), m in skips.items() if c == index and b >= 0},
                        before_block=started,
                    )
            finally:
                sys.stdout, sys.stderr = old
                _restore_builtins()
            errors = self.report.errors[before:]
            outputs.append([index, out.text(), "\n".join(errors) if errors else None])
        return {
            "load_error": None,
            "cell_errors": list(self.report.errors),
            "broken": dict(self.report.broken),
            "functions": self.functions(),
            "cell_outputs": outputs,
            "bound": codeload.bound_identities(self.ns, self.watch),
        }

    def functions(self) -> dict[str, Any]:
        """Describe every callable the namespace defines (name, file, first line, params)."""
        info: dict[str, Any] = {}
        for name, value in list(self.ns.items()):
            if type(name) is not str or name.startswith("__") or not callable(value):
                continue
            entry: dict[str, Any] = {"params": None, "helper": codeload.is_helper(value)}
            if type(value) is types.FunctionType:
                code = value.__code__
                entry["params"] = list(code.co_varnames[: code.co_argcount])
            info[name] = entry
        return info

    def globals_read(self, fn: Any) -> list[str]:
        """Notebook-level data variables (not functions or modules) that ``fn`` reads.

        A name the function itself assigns (``global dw`` then ``dw = ...``) is its own
        value, not the notebook's.
        """
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
                for n in _globals_loaded(code):
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

    # -------------------------------------------------------------- calls
    def _proxy(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Pass a stand-in's call to the grader (through the supervisor); return its answer."""
        with codeload.timer_paused():  # the grader's time is not ours
            enc = codec.Encoder(lesson_type=lesson.LessonFunction)
            message = {
                "proxy": name,
                "args": enc.encode(tuple(args)),
                "kwargs": enc.encode(kwargs),
                "rng": enc.encode(_rng_state()),  # the stand-in draws from this process's RNG
            }
            self.ch.send(message, enc.arrays)
            reply, arrays = self.ch.receive()
        if "rng" in reply:
            _set_rng_state(codec.decode(reply["rng"], arrays, lambda name, arr: None))
        printed = reply.get("stdout")
        if type(printed) is str and printed:  # what the stand-in printed, printed here
            sys.stdout.write(printed)
        error = reply.get("error")
        if error is not None:
            raise codeload.proxy_error(str(error[0]), str(error[1]))
        return codec.decode(reply.get("value"), arrays, lambda name, arr: None)

    def call(self, req: dict[str, Any]) -> tuple[dict[str, Any], list[np.ndarray]]:
        """Run one call; describe its outcome as plain data."""
        views = self._shared_arrays(req.get("shm") or [])
        shared = {id(v): i for i, v in enumerate(views)}
        args = codec.decode(req["args"], views, _no_foreign, lesson.LessonFunction, copy=False)
        kwargs = codec.decode(req["kwargs"], views, _no_foreign, lesson.LessonFunction, copy=False)
        name = str(req["name"])
        fn = self.ns.get(name)
        if not callable(fn):
            return {"error": ["NameError", f"{name} is not defined", ""]}, []
        reply: dict[str, Any] = {}
        out = _Bounded(MAX_OUTPUT)
        saved: dict[str, Any] = {}
        enc = codec.Encoder(lesson_type=lesson.LessonFunction)  # the grader's, by name
        old = sys.stdout, sys.stderr
        start = time.perf_counter()
        try:
            with codeload.time_limit(max(float(req.get("timeout", 10)), 0.001), CallTimeout):
                try:
                    for pname in req.get("proxies") or []:
                        saved[pname] = self.ns.get(pname)
                        bridge = functools.partial(self._proxy, pname)
                        bridge = codeload.in_place_like(saved[pname], bridge)
                        self.ns[pname] = codeload.stand_in(saved[pname], bridge, pname)
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
                        codeload.helper_server[0] = self._proxy  # the grader serves helpers
                        with codeload.grading(name):
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
                    kind, message = _describe_error(exc)
                    reply["error"] = [kind, message, _loc(exc, self.files, bare=True)]
                finally:
                    codeload.helper_server[0] = None  # only during the grader's calls
                    sys.stdout, sys.stderr = old
                    _restore_builtins()
                    for pname, prev in saved.items():
                        if prev is None:
                            self.ns.pop(pname, None)
                        else:
                            self.ns[pname] = prev
                reply["seconds"] = time.perf_counter() - start
                after = codec.Encoder(lesson_type=lesson.LessonFunction, shared=shared)
                reply["args_after"] = after.encode(tuple(args))
                reply["kwargs_after"] = after.encode(dict(kwargs))
                if after.arrays:  # arrays put in place of the arguments' arrays travel too
                    base = len(enc.arrays)
                    reply["args_after"] = _shift(reply["args_after"], base)
                    reply["kwargs_after"] = _shift(reply["kwargs_after"], base)
                    enc.arrays.extend(after.arrays)
                reply["stdout"] = out.text()[:MAX_OUTPUT]
                reply["rng_fingerprint"] = _rng_fingerprint()
                reply["rng_reseeded"] = sorted(set(_RESEEDED))
                reply["globals_read"] = self.globals_read(fn)
                reply["bound"] = codeload.bound_identities(self.ns, self.watch)
        except CallTimeout:
            sys.stdout, sys.stderr = old
            return {"timeout": True, "seconds": time.perf_counter() - start}, []
        return reply, enc.arrays

    def _shared_arrays(self, layout: list[Any]) -> list[np.ndarray]:
        """The call's array arguments: views of the shared memory the supervisor filled."""
        if not layout:
            return []
        fd = self.ch.receive_fd()
        try:
            size = os.fstat(fd).st_size
            mem = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        finally:
            os.close(fd)
        views = []
        for offset, dtype, shape in layout:
            views.append(np.ndarray(tuple(shape), dtype=np.dtype(dtype), buffer=mem, offset=offset))
        return views


@functools.lru_cache(maxsize=512)
def _globals_loaded(code: types.CodeType) -> tuple[str, ...]:
    """The global names ``code`` reads and never assigns itself (attribute names aside)."""
    loaded, stored = [], set()
    for ins in dis.get_instructions(code):
        if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME") and isinstance(ins.argval, str):
            loaded.append(ins.argval)
        elif ins.opname in ("STORE_GLOBAL", "STORE_NAME", "DELETE_GLOBAL"):
            stored.add(ins.argval)
    return tuple(dict.fromkeys(n for n in loaded if n not in stored))


def _shift(data: Any, base: int) -> Any:
    """Renumber the ``{"a": i}`` array references of encoded data by ``base``."""
    if type(data) is list:
        return [_shift(x, base) for x in data]
    if type(data) is dict:
        if set(data) == {"a"}:
            return {"a": data["a"] + base}
        if "f" in data and data.get("a") is not None:
            return {"f": data["f"], "a": data["a"] + base}
        if "s" in data:
            return {"s": data["s"] + base}
        if "t" in data:
            return {"t": _shift(data["t"], base)}
        if "d" in data:
            return {"d": [[k, _shift(v, base)] for k, v in data["d"]]}
    return data


def _no_foreign(name: str, arr: Any) -> Any:
    return None


def _text(obj: Any) -> str:
    try:
        s = str(obj)
    except BaseException:  # noqa: BLE001
        s = "<unprintable>"
    if type(s) is not str:
        s = "<unprintable>"
    return s[:300] + "..." if len(s) > 300 else s


def _describe_error(exc: BaseException) -> tuple[str, str]:
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
    # Same digest as autograder.submission.rng_fingerprint (this process cannot import it).
    state = np.random.get_state()
    return hashlib.sha1(state[1].tobytes() + str(state[2]).encode()).hexdigest()[:12]


def main(sock_fd: int, cfg: dict[str, Any]) -> None:
    """Answer the supervisor's ``load`` and ``call`` requests until it closes the socket."""
    _setup(sock_fd, cfg)
    channel = codec.Channel.from_socket_fd(sock_fd)
    student = Student(channel)
    while True:
        try:
            req, _ = channel.receive()
        except (EOFError, codec.FrameError):
            os._exit(0)
        op = req.get("op")
        if op == "load":
            channel.send(student.load(req))
        elif op == "call":
            try:
                reply, arrays = student.call(req)
            except CallTimeout:
                reply, arrays = {"timeout": True}, []
            channel.send(reply, arrays)
        elif op == "helpers":
            taken = codeload.take_helpers(req.get("sources") or {}, req.get("names") or [])
            channel.send({"helpers": taken})
        else:
            os._exit(2)


def _rng_state() -> list[Any]:
    """The global numpy RNG state as plain data: ``[key, pos, has_gauss, cached_gaussian]``."""
    _, key, pos, has_gauss, cached = np.random.get_state()
    return [np.asarray(key), int(pos), int(has_gauss), float(cached)]


def _set_rng_state(state: Any) -> None:
    """Restore numpy's global RNG from :func:`_rng_state`'s form (ignored if malformed)."""
    try:
        key, pos, has_gauss, cached = state
        np.random.set_state(("MT19937", np.asarray(key, np.uint32), pos, has_gauss, cached))
    except (TypeError, ValueError):
        pass
