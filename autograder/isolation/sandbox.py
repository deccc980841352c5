"""Start, talk to and kill worker processes, with every limit enforced from outside.

A :class:`Worker` is a supervisor process (:mod:`autograder.isolation.supervisor`) and the
executor it forks to run the student's code (:mod:`autograder.isolation.executor`), both
inside one bubblewrap sandbox built the same way for root, for an ordinary user and for root
without ``CAP_SYS_ADMIN`` (a default container), with unprivileged user namespaces:

- its own PID namespace (it cannot see or signal the grader; killing the sandbox's outer
  ``bwrap`` kills every process inside), no network, its own IPC and UTS namespaces, a new
  session, and no way to create further user namespaces;
- a filesystem view that holds, read-only, only the system's ``/usr`` tree (programs and
  shared libraries) with every Python package folder in it masked, the Python runtime's
  standard library (its ``site-packages`` masked), numpy (and scipy), the worker's own
  files and the course's helper modules (under ``/runner``); plus a fresh ``/dev`` and
  ``/proc`` and a small private writable ``/tmp``. No repository, no installed kit or
  reference solutions, no course folders, home folders, ``/srv``, ``/opt``, ``/etc`` or
  others' temp folders;
- user ``nobody``, ``no_new_privs``, and limits on address space, file size, open files and
  processes (as root the sandbox's user namespace maps root and ``nobody``: the supervisor
  drops to ``nobody``, for whom ``RLIMIT_NPROC`` binds; see :mod:`autograder.isolation.userns`).

Where no such sandbox can be made (no ``bwrap``, user namespaces disabled, a seccomp policy
that forbids them), :class:`Worker` refuses to start unless told ``Limits(sandbox=False)``
(``--no-sandbox``): then the worker is a plain process of the grader's user with the same
limits and protocol, and nothing else.
"""

from __future__ import annotations

import base64
import functools
import glob
import os
import pwd
import select
import shutil
import signal
import site
import socket
import struct
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from autograder import scratch
from autograder.isolation import codec, seccomp
from autograder.isolation.served import write_helpers

HERE = Path(__file__).resolve().parent
PACKAGE_ROOT = HERE.parent  # autograder/
#: Where the worker's own files are inside the sandbox.
RUNNER = "/runner"
#: The worker's files: ``{name inside the runner folder: the package file}``.
RUNNER_FILES = {
    "_agsupervisor.py": HERE / "supervisor.py",
    "_agexec.py": HERE / "executor.py",
    "_agcodec.py": HERE / "codec.py",
    "_agcodeload.py": PACKAGE_ROOT / "codeload.py",
    "_aglesson.py": PACKAGE_ROOT / "lesson_functions.py",
}
HELPERS = PACKAGE_ROOT / "course_helpers"
#: Environment of the worker (nothing of the grader's).
ENV = {
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "HOME": "/tmp",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MPLBACKEND": "Agg",
    "AUTOGRADER_GRADING": "1",
}
NAMESPACES = ("--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts")
#: What :func:`isolation_label` says when student code runs without a sandbox on request.
NO_SANDBOX = "none (--no-sandbox)"
#: Why nothing ran, when no sandbox could be made and none was waived.
REFUSAL = (
    "no sandbox could be made here ({reason}); the grader refuses to run untrusted code "
    "without one (grade with --no-sandbox, EngineGrades.sandbox = False or "
    "Limits(sandbox=False) to run it unprotected)"
)


@dataclass(frozen=True)
class Limits:
    """Limits on one submission's code, all enforced from outside the student's process.

    Attributes:
        call_timeout: seconds one call may take (a check may ask for less).
        check_timeout: seconds of student code one check may use in total.
        submission_budget: seconds of student code the checks of a submission may use
            (loading is not counted); checks after it runs out are marked ``over_budget``.
        load_timeout: seconds loading the submission's code may take in all.
        cell_timeout: seconds per notebook cell, or per top-level statement of a ``.py`` file,
            while loading (20: nbgrader's cell limit in the generated course).
        memory_mb: address-space limit of the student's process (``RLIMIT_AS``).
        file_mb: largest file the student's process may write.
        tmp_mb: size of the sandbox's private ``/tmp``.
        max_restarts: replacements of a student process that its code ended before the
            remaining calls are refused.
        start_timeout: seconds a fresh worker may take to report ready.
        grace: seconds past a call's limit before the student's process is killed.
        sandbox: False runs the code without a sandbox (explicitly unprotected); True or None
            (the default) requires one and refuses to run the code where none can be made.
        extra_hide: more folders to mask inside what the sandbox shows (``/usr``...).
    """

    call_timeout: float = 10.0
    check_timeout: float = 60.0
    submission_budget: float = 300.0
    load_timeout: float = 600.0
    cell_timeout: float = 20.0
    memory_mb: int = 1024
    file_mb: int = 16
    tmp_mb: int = 64
    max_restarts: int = 20
    start_timeout: float = 30.0
    grace: float = 1.0
    sandbox: bool | None = True
    extra_hide: tuple[str, ...] = field(default_factory=tuple)


class WorkerStartError(Exception):
    """A worker could not be started: a grader failure, never the student's fault."""


class SandboxUnavailable(WorkerStartError):  # noqa: N818
    """No sandbox can be made here, and running without one was not requested."""


class WorkerTimeout(Exception):  # noqa: N818
    """The worker did not answer in time and was killed."""


class WorkerDied(Exception):  # noqa: N818
    """The worker process ended (or broke the protocol) during a request.

    Attributes:
        description: what happened, for the student (``crashed with SIGSEGV``).
        advice: what the student can do about it, where the cause is known, else ``""``.
    """

    def __init__(self, description: str, advice: str = "") -> None:
        super().__init__(description)
        self.description = description
        self.advice = advice


# ------------------------------------------------------------------ the sandbox


@dataclass(frozen=True)
class SandboxStatus:
    """Whether the bubblewrap sandbox can be made here.

    Attributes:
        available: True when a probe sandbox started and imported numpy.
        reason: why not (empty when available).
        root: True when launched through the root user-namespace helper.
    """

    available: bool
    reason: str = ""
    root: bool = False


def python_executable() -> str:
    """The interpreter the worker runs: the base installation's, symlinks resolved."""
    return os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)


def nobody() -> int:
    """The uid (and gid) of user ``nobody`` (65534 where there is none)."""
    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        return 65534


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)


#: Installed libraries that student code may import besides the standard library: numpy,
#: and scipy where it is installed next to numpy (``scipy.special.expit`` is a sigmoid some
#: students use; the course's own notebooks import scipy).
LIBRARIES = ("numpy", "scipy")


def _library_dirs() -> list[str]:
    """The package folders of :data:`LIBRARIES` next to numpy, and their bundled libraries'."""
    parent = os.path.dirname(os.path.realpath(os.path.dirname(np.__file__)))
    dirs = []
    for pkg in (os.path.join(parent, name) for name in LIBRARIES):
        if os.path.isdir(pkg):
            found = (pkg, pkg + ".libs", os.path.join(pkg, ".libs"))
            dirs += [os.path.realpath(d) for d in found if os.path.isdir(d)]
    return dirs


def numpy_parent() -> str:
    """The folder to put on the worker's ``sys.path`` for ``import numpy``."""
    return os.path.dirname(_library_dirs()[0])


def _stdlib_dirs() -> list[str]:
    """The base installation's standard library folders (not a virtual environment's)."""
    base = {
        "base": sys.base_prefix,
        "platbase": sys.base_exec_prefix,
        "installed_base": sys.base_prefix,
        "installed_platbase": sys.base_exec_prefix,
    }
    paths = sysconfig.get_paths(vars=base)
    return sorted({os.path.realpath(paths[k]) for k in ("stdlib", "platstdlib") if k in paths})


def _package_dirs(extra: tuple[str, ...]) -> list[str]:
    """Every folder that may hold installed Python packages (the kit among them)."""
    found: set[str] = set(extra)
    for scheme_vars in ({}, {"base": sys.base_prefix, "platbase": sys.base_exec_prefix}):
        paths = sysconfig.get_paths(vars=scheme_vars)
        found.update(paths[k] for k in ("purelib", "platlib") if k in paths)
    try:
        found.update(site.getsitepackages())
        found.add(site.getusersitepackages())
    except AttributeError:
        pass
    for pattern in (
        "/usr/lib/python3*/*-packages",
        "/usr/lib64/python3*/*-packages",
        "/usr/local/lib/python3*/*-packages",
        "/usr/local/lib64/python3*/*-packages",
        "/usr/lib/python3/dist-packages",
        "/usr/share/python3*",
    ):
        found.update(glob.glob(pattern))
    found.add(str(PACKAGE_ROOT.parent))
    stdlib = _stdlib_dirs()
    for entry in sys.path:
        if entry and os.path.isdir(entry):
            real = os.path.realpath(entry)
            if real not in stdlib and not real.endswith("lib-dynload"):
                found.add(real)
    real = {os.path.realpath(p) for p in found if p and os.path.isdir(p)}
    # never mask a folder holding the standard library itself
    real = {p for p in real if not any(_under(s, [p]) for s in stdlib)}
    kept: list[str] = []
    for p in sorted(real, key=len):
        if not _under(p, kept):
            kept.append(p)
    return kept


def _view(limits: Limits, helpers: Path = HELPERS) -> list[str]:
    """Bubblewrap arguments for the worker's filesystem view (see the module docstring).

    ``helpers`` is the folder of course helper modules the worker sees (see
    :func:`autograder.isolation.served.write_helpers`).
    """
    # first the private writable /tmp: what is bound later may live under the host's /tmp
    args: list[str] = ["--perms", "1777", "--size", str(limits.tmp_mb << 20), "--tmpfs", "/tmp"]
    args += ["--dev", "/dev", "--proc", "/proc"]
    bound: list[str] = []
    made: set[str] = {"/", "/tmp"}

    def ro(src: str | Path, dest: str | None = None) -> None:
        dest = dest or str(src)
        # bubblewrap would make missing parent folders 0700 (root's, as root): make them 0755
        parents = []
        parent = os.path.dirname(dest)
        while parent not in made and not _under(parent, bound):
            parents.append(parent)
            parent = os.path.dirname(parent)
        for d in reversed(parents):
            args.extend(["--perms", "0755", "--dir", d])
            made.add(d)
        args.extend(["--ro-bind", str(src), dest])

    ro("/usr")
    bound.append("/usr")
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args.extend(["--symlink", os.readlink(top), top])
        elif os.path.isdir(top):
            ro(top)
            bound.append(top)
    if os.path.isfile("/etc/ld.so.cache"):
        ro("/etc/ld.so.cache")
    exe = python_executable()
    if not _under(exe, bound):
        ro(exe)
    for d in _stdlib_dirs():
        if not _under(d, bound):
            ro(d)
            bound.append(d)
    libdir, soname = sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("INSTSONAME")
    if sysconfig.get_config_var("Py_ENABLE_SHARED") and libdir and soname:
        lib = os.path.realpath(os.path.join(libdir, soname))
        if os.path.isfile(lib) and not _under(lib, bound):
            ro(lib, os.path.join(libdir, soname))
    masks = [d for d in _package_dirs(limits.extra_hide) if _under(d, bound)]
    for d in masks:
        args.extend(["--size", "4096", "--tmpfs", d])
    for d in _library_dirs():
        ro(d)
    for d in masks:
        args.extend(["--remount-ro", d])
    for name, src in RUNNER_FILES.items():
        ro(src, f"{RUNNER}/{name}")
    ro(str(helpers), f"{RUNNER}/course_helpers")
    args.extend(["--chdir", "/tmp", "--remount-ro", "/"])
    return args


def _bwrap_args(limits: Limits, root: bool, helpers: Path = HELPERS) -> list[str]:
    """Namespaces, identity, environment and view: everything but the command."""
    args = [*NAMESPACES, "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    if root:  # the user namespace is the helper's (see userns.py); the supervisor drops
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        uid = str(nobody())
        args += ["--unshare-user", "--disable-userns", "--uid", uid, "--gid", uid]
    args.append("--clearenv")
    for key, value in ENV.items():
        args += ["--setenv", key, value]
    return args + _view(limits, helpers)


def isolation_label(sandboxed: bool) -> str:
    """What the report says about the isolation used (``UnitResult.isolation``)."""
    if not sandboxed:
        return NO_SANDBOX
    extra = "; seccomp" if seccomp.program() is not None else ""
    return f"bubblewrap (user namespaces: pid, net, mount, ipc, uts; uid nobody{extra})"


class _Launch:
    """Start a command inside the sandbox (or plainly, without one)."""

    def __init__(
        self, limits: Limits, sandboxed: bool, stderr: Any, cwd: str, helpers: Path = HELPERS
    ) -> None:
        self.limits = limits
        self.sandboxed = sandboxed
        self.stderr = stderr
        self.cwd = cwd
        self.helpers = helpers

    def start(
        self, inner: list[str], env: dict[str, str], fds: tuple[int, ...] = ()
    ) -> subprocess.Popen[bytes]:
        """Start ``inner`` with ``env`` added to the worker's environment.

        Args:
            inner: the command to run in the sandbox.
            env: more environment variables.
            fds: descriptors the command gets (under the same numbers).
        """
        if not self.sandboxed:
            return self._popen(inner, {**ENV, **env}, fds)
        bwrap = shutil.which("bwrap") or "bwrap"
        extra = [a for k, v in env.items() for a in ("--setenv", k, v)]
        flt = seccomp.filter_fd()
        if flt is not None:
            extra += ["--seccomp", str(flt)]
            fds = (*fds, flt)
        try:
            return self._start_bwrap(bwrap, [*extra, "--", *inner], fds)
        finally:
            if flt is not None:
                os.close(flt)

    def _start_bwrap(
        self, bwrap: str, tail: list[str], fds: tuple[int, ...]
    ) -> subprocess.Popen[bytes]:
        root = os.geteuid() == 0
        args = [*_bwrap_args(self.limits, root, self.helpers), *tail]
        if not root:
            return self._popen([bwrap, *args], {"PATH": ENV["PATH"]}, fds)
        ours, theirs = socket.socketpair()
        helper = [python_executable(), "-I", "-S", "-B", str(HERE / "userns.py")]
        try:
            proc = self._popen(
                [*helper, str(theirs.fileno()), bwrap, *args],
                {"PATH": ENV["PATH"]},
                (*fds, theirs.fileno()),
            )
        finally:
            theirs.close()
        try:
            ours.settimeout(self.limits.start_timeout)
            said = ours.recv(200)
            if said[:1] != b"U":
                raise WorkerStartError(
                    "cannot create a user namespace: " + said[1:].decode(errors="replace")
                    if said
                    else "cannot create a user namespace"
                )
            n = nobody()
            for name in ("uid_map", "gid_map"):
                with open(f"/proc/{proc.pid}/{name}", "w") as f:
                    f.write(f"0 0 1\n{n} {n} 1\n")
            ours.sendall(b"G")
            said = ours.recv(200)
            if said[:1] != b"R":
                raise WorkerStartError(said[1:].decode(errors="replace") or "helper failed")
        except (OSError, WorkerStartError) as exc:
            _kill(proc)
            raise WorkerStartError(f"the sandbox could not be set up: {exc}") from None
        finally:
            ours.close()
        return proc

    def _popen(
        self, cmd: list[str], env: dict[str, str], fds: tuple[int, ...]
    ) -> subprocess.Popen[bytes]:
        try:
            return subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self.stderr,
                cwd=self.cwd,
                env=env,
                start_new_session=True,
                close_fds=True,
                pass_fds=fds,
            )
        except OSError as exc:
            raise WorkerStartError(f"cannot start the worker: {exc}") from None


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


@functools.cache
def sandbox_status() -> SandboxStatus:
    """Probe once whether the sandbox can be made here (it must import numpy inside)."""
    if sys.platform != "linux":
        return SandboxStatus(False, "not Linux")
    if shutil.which("bwrap") is None:
        return SandboxStatus(False, "bubblewrap (bwrap) is not installed")
    root = os.geteuid() == 0
    with tempfile.TemporaryFile() as log:
        launch = _Launch(Limits(), True, log, "/")
        code = "import sys; sys.path.append(sys.argv[1]); import numpy"
        try:
            proc = launch.start(
                [python_executable(), "-I", "-S", "-B", "-c", code, numpy_parent()], {}
            )
            rc = proc.wait(timeout=60)
        except (WorkerStartError, subprocess.TimeoutExpired, OSError) as exc:
            return SandboxStatus(False, str(exc), root)
        if rc != 0:
            log.seek(0)
            text = log.read().decode(errors="replace").strip().splitlines()
            return SandboxStatus(False, f"bwrap failed: {text[-1] if text else rc}", root)
    return SandboxStatus(True, "", root)


# ------------------------------------------------------------------ the worker


class Worker:
    """One running worker: a supervisor process, in the sandbox unless waived.

    Args:
        limits: the limits to apply.
        submission_dir: the submission's folder (never shown to the worker; kept for
            the signature's sake).
        served: the course helper functions the grader serves (the worker's copy of the
            helper modules holds stubs for them: see :mod:`autograder.isolation.served`).

    Raises:
        SandboxUnavailable: no sandbox can be made and ``limits.sandbox`` is not False.
        WorkerStartError: the worker could not be started.
    """

    def __init__(
        self,
        limits: Limits,
        submission_dir: Path | None = None,
        served: Collection[str] = (),
    ) -> None:
        self.limits = limits
        self.served = frozenset(served)
        self.sandboxed = limits.sandbox is not False
        self.protections: list[str] = []
        self._proc: subprocess.Popen[bytes] | None = None
        self._to: int | None = None
        self._from: int | None = None
        self._scratch = scratch.make("ag-worker-")
        try:
            if self.sandboxed:
                status = sandbox_status()
                if not status.available:
                    raise SandboxUnavailable(REFUSAL.format(reason=status.reason))
            self._start()
        except BaseException:
            self.close()
            raise

    @property
    def isolation(self) -> str:
        """The isolation this worker runs under, for the report."""
        return isolation_label(self.sandboxed)

    # ------------------------------------------------------------------ lifecycle
    def _start(self) -> None:
        self._stderr = open(self._scratch / "stderr.log", "wb")  # noqa: SIM115 - see close()
        helpers = self._scratch / "course_helpers"
        write_helpers(helpers, self.served)
        cfg: dict[str, Any] = {
            "memory_bytes": self.limits.memory_mb << 20,
            "supervisor_memory_bytes": (max(self.limits.memory_mb, 512) + 512) << 20,
            "file_bytes": self.limits.file_mb << 20,
            "nofile": 256,
            "pidns": self.sandboxed,
            "grace": self.limits.grace / 2,
        }
        if self.sandboxed:
            runner = RUNNER
            cfg.update(work="/tmp", nproc=64)
            no_fork = seccomp.no_new_process_program()
            if no_fork is not None:  # the student's process starts no other (memory_mb each)
                cfg["executor_seccomp"] = base64.b64encode(no_fork).decode()
            if os.geteuid() == 0:
                cfg["drop"] = [nobody(), nobody()]
            cwd = "/"
        else:
            runner = str(self._scratch)
            for name, src in RUNNER_FILES.items():
                shutil.copy(src, self._scratch / name)
            (self._scratch / "work").mkdir()
            cfg["work"] = str(self._scratch / "work")
            cwd = str(self._scratch)
        env = {"AG_SYS_PATH": os.pathsep.join([runner, numpy_parent()])}
        to_worker, self._to = os.pipe()
        self._from, from_worker = os.pipe()
        inner = [
            python_executable(),
            "-I",
            "-S",
            "-B",
            f"{runner}/_agsupervisor.py",
            str(to_worker),
            str(from_worker),
        ]
        launch = _Launch(self.limits, self.sandboxed, self._stderr, cwd, helpers)
        try:
            self._proc = launch.start(inner, env, (to_worker, from_worker))
        finally:
            os.close(to_worker)
            os.close(from_worker)
        try:
            reply, _ = self.request(cfg, [], self.limits.start_timeout)
        except (WorkerTimeout, WorkerDied) as exc:
            raise WorkerStartError(f"the worker did not start: {exc} {self._log()}") from None
        if not reply.get("ready"):
            raise WorkerStartError(f"the worker could not set up: {reply.get('error')}")
        self.protections = [str(p) for p in reply.get("protections", [])]

    def _log(self) -> str:
        try:
            return (self._scratch / "stderr.log").read_text(errors="replace")[-1500:]
        except OSError:
            return ""

    @property
    def alive(self) -> bool:
        """True while the process runs."""
        return self._proc is not None and self._proc.poll() is None

    def kill(self) -> None:
        """Kill the worker and everything it started (the sandbox's PID namespace)."""
        if self._proc is not None:
            _kill(self._proc)

    def close(self) -> None:
        """Kill the worker and remove its scratch folder."""
        self.kill()
        for fd in (self._to, self._from):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._to = self._from = None
        stderr = getattr(self, "_stderr", None)
        if stderr is not None:
            stderr.close()
        shutil.rmtree(self._scratch, ignore_errors=True)

    # ------------------------------------------------------------------ protocol
    def request(
        self,
        message: dict[str, Any],
        arrays: list[np.ndarray],
        seconds: float,
        on_proxy: Callable[[dict[str, Any], list[np.ndarray]], tuple[dict, list]] | None = None,
        on_progress: Callable[[dict[str, Any]], float] | None = None,
        max_frame: int = codec.MAX_FRAME,
    ) -> tuple[dict[str, Any], list[np.ndarray]]:
        """Send one request and wait at most ``seconds`` for its reply.

        Args:
            message: the request.
            arrays: its arrays.
            seconds: how long to wait (time spent in ``on_proxy`` is not counted).
            on_proxy: answers the calls of stand-ins (grader-served proxies) that arrive
                before the reply: ``(message, arrays) -> (answer, arrays)``.
            on_progress: told of each progress report (``{"at": ...}``) that arrives before
                the reply; returns the seconds the next frame may take.
            max_frame: the largest frame (reply or stand-in call) read, in bytes.

        Raises:
            WorkerTimeout: no reply in time (the worker has been killed).
            WorkerDied: the worker ended or sent something malformed (it has been killed).
        """
        assert self._proc is not None and self._to is not None
        deadline = time.monotonic() + seconds
        step = deadline
        try:
            self._write(codec.pack(message, arrays), deadline)
            while True:
                reply, out = self._read_frame(min(deadline, step), max_frame)
                if "at" in reply and on_progress is not None:
                    step = time.monotonic() + on_progress(reply)
                    continue
                if "proxy" not in reply:
                    return reply, out
                if on_proxy is None:
                    self.kill()
                    raise WorkerDied("the worker broke the protocol (unexpected proxy call)")
                start = time.monotonic()
                answer, answer_arrays = on_proxy(reply, out)
                deadline += time.monotonic() - start
                self._write(codec.pack({**answer, "op": "proxy_result"}, answer_arrays), deadline)
        except WorkerTimeout:
            self.kill()
            raise

    def _read_frame(
        self, deadline: float, max_frame: int = codec.MAX_FRAME
    ) -> tuple[dict[str, Any], list[np.ndarray]]:
        (n,) = struct.unpack(">Q", self._read(8, deadline))
        if n > max_frame:
            self.kill()
            raise WorkerDied(
                f"the result is too large to send back to the grader ({n / 2**20:.0f} MB; "
                f"at most {max_frame / 2**20:.0f} MB)",
                "the checks' inputs are small: return a result sized from the arguments (a "
                "size written as a number, or an array built far too big?).",
            )
        payload = self._read(n, deadline)
        try:
            return codec.unpack(payload)
        except codec.FrameError as exc:
            self.kill()
            raise WorkerDied(f"the grader could not read the result ({exc})") from None

    def _write(self, data: bytes, deadline: float) -> None:
        fd = self._to
        view = memoryview(data)
        while view:
            left = deadline - time.monotonic()
            if left <= 0:
                raise WorkerTimeout()
            _, ready, _ = select.select([], [fd], [], left)
            if not ready:
                continue
            try:
                k = os.write(fd, view[: 1 << 16])
            except (BrokenPipeError, OSError):
                raise WorkerDied(self._death()) from None
            view = view[k:]

    def _read(self, n: int, deadline: float) -> bytes:
        fd = self._from
        chunks, left = [], n
        while left:
            wait = deadline - time.monotonic()
            if wait <= 0:
                raise WorkerTimeout()
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                continue
            b = os.read(fd, min(left, 1 << 20))
            if not b:
                raise WorkerDied(self._death())
            chunks.append(b)
            left -= len(b)
        return b"".join(chunks)

    def _death(self) -> str:
        """Describe how the process ended (waiting briefly for its status)."""
        assert self._proc is not None
        try:
            rc = self._proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            self.kill()
            return "the grading process stopped answering"
        if self.sandboxed and rc > 128:  # bwrap passes on a signal as 128 + its number
            rc = -(rc - 128)
        return codec.describe_end(rc)
