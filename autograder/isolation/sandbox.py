"""Start, talk to and kill worker processes, with every limit enforced from outside.

A :class:`Worker` is one fresh interpreter (see :mod:`autograder.isolation.worker`). When
the grader runs as root on Linux and ``unshare`` works, the worker gets its own mount,
network and PID namespaces, an empty view of the repository and temp folders, and drops to
user ``nobody``; otherwise it still runs in a separate ``python -I -S`` process with its own
working directory and resource limits (see :func:`sandbox_mode`).
"""

from __future__ import annotations

import functools
import os
import pwd
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from autograder.isolation import codec

HERE = Path(__file__).resolve().parent
PACKAGE_ROOT = HERE.parent  # autograder/
UNSHARE = ("unshare", "--mount", "--net", "--pid", "--fork", "--kill-child", "--mount-proc")


@dataclass(frozen=True)
class Limits:
    """Limits on one submission's code, all enforced by the grader process.

    Attributes:
        call_timeout: seconds one call may take (a check may ask for less).
        check_timeout: seconds of student code one check may use in total.
        submission_budget: seconds of student code (loading included) for the whole
            submission; checks after it runs out are marked ``over_budget``.
        load_timeout: seconds the submission's top-level code may take to load (for a
            notebook, at least ``cell_timeout`` per cell).
        cell_timeout: seconds each notebook cell may take at load (None: ``call_timeout``).
        memory_mb: address-space limit of the worker (``RLIMIT_AS``).
        file_mb: largest file the worker may write.
        tmp_mb: size of the worker's private ``/tmp`` (namespaced mode).
        max_restarts: restarts of a worker killed by its own code before the remaining
            calls are refused.
        start_timeout: seconds a fresh worker may take to report ready.
        grace: seconds past a call's limit before the worker is killed.
        sandbox: force the namespaced sandbox on (True) or off (False); None: automatic.
        extra_hide: more folders to hide from the worker.
    """

    call_timeout: float = 10.0
    check_timeout: float = 60.0
    submission_budget: float = 300.0
    load_timeout: float = 30.0
    cell_timeout: float | None = None
    memory_mb: int = 1024
    file_mb: int = 16
    tmp_mb: int = 64
    max_restarts: int = 20
    start_timeout: float = 30.0
    grace: float = 1.0
    sandbox: bool | None = None
    extra_hide: tuple[str, ...] = field(default_factory=tuple)


class WorkerStartError(Exception):
    """A worker could not be started: a grader failure, never the student's fault."""


class WorkerTimeout(Exception):  # noqa: N818
    """The worker did not answer in time and was killed."""


class WorkerDied(Exception):  # noqa: N818
    """The worker process ended (or broke the protocol) during a request.

    Attributes:
        description: what happened, for the student (``crashed with SIGSEGV``).
    """

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


@functools.cache
def sandbox_mode() -> str:
    """Return ``"namespaces"`` if the full sandbox is available here, else ``"process"``."""
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return "process"
    try:
        pwd.getpwnam("nobody")
        r = subprocess.run([*UNSHARE, "true"], capture_output=True, timeout=10, check=False)
    except (KeyError, OSError, subprocess.SubprocessError):
        return "process"
    return "namespaces" if r.returncode == 0 else "process"


def repo_root() -> Path:
    """The folder holding the ``autograder`` package (and, in the kit, ``solutions``)."""
    return PACKAGE_ROOT.parent


def _hidden_folders(extra: tuple[str, ...], submission_dir: Path | None) -> list[str]:
    paths = {str(repo_root()), "/root", "/home", tempfile.gettempdir(), "/dev/shm", "/var/tmp"}
    try:
        import importlib.util

        spec = importlib.util.find_spec("solutions")
        if spec and spec.submodule_search_locations:
            paths.update(str(Path(p).resolve().parent) for p in spec.submodule_search_locations)
    except (ImportError, ValueError):
        pass
    if submission_dir is not None:
        paths.add(str(submission_dir.resolve()))
    paths.update(extra)
    paths = {os.path.realpath(p) for p in paths if p and os.path.isdir(p)}
    paths.discard("/")
    ordered = sorted(paths, key=len)
    kept: list[str] = []
    for p in ordered:
        if not any(p == k or p.startswith(k.rstrip("/") + "/") for k in kept):
            kept.append(p)
    return kept


def _exposed_folders() -> list[str]:
    paths = {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)}
    paths.add(os.path.realpath(Path(np.__file__).parent.parent))
    return sorted(paths)


class Worker:
    """One running worker process.

    Args:
        limits: the limits to apply.
        submission_dir: the submission's folder (hidden from the worker).
    """

    def __init__(self, limits: Limits, submission_dir: Path | None = None) -> None:
        self.limits = limits
        self.protections: list[str] = []
        self.mode = "namespaces" if limits.sandbox is None else ""
        if limits.sandbox is None:
            self.mode = sandbox_mode()
        else:
            self.mode = "namespaces" if limits.sandbox else "process"
        self._scratch = Path(tempfile.mkdtemp(prefix="ag-worker-"))
        self._proc: subprocess.Popen[bytes] | None = None
        self._killed_by_us = False
        try:
            self._start(submission_dir)
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ lifecycle
    def _start(self, submission_dir: Path | None) -> None:
        lib = self._scratch
        os.chmod(lib, 0o755)
        shutil.copy(HERE / "worker.py", lib / "_agworker.py")
        shutil.copy(HERE / "codec.py", lib / "_agcodec.py")
        shutil.copy(PACKAGE_ROOT / "lesson_functions.py", lib / "_aglesson.py")
        shutil.copy(PACKAGE_ROOT / "codeload.py", lib / "_agcodeload.py")
        shutil.copytree(
            PACKAGE_ROOT / "course_helpers",
            lib / "course_helpers",
            ignore=shutil.ignore_patterns("__pycache__", "__init__.py"),
        )
        site = [os.path.realpath(Path(np.__file__).parent.parent)]
        env = {
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": "/nonexistent",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "MPLBACKEND": "Agg",
            "AUTOGRADER_GRADING": "1",
            "AG_SYS_PATH": os.pathsep.join([str(lib), *site]),
        }
        cmd = [sys.executable, "-I", "-S", "-B", str(lib / "_agworker.py")]
        cfg: dict[str, Any] = {
            "memory_bytes": self.limits.memory_mb << 20,
            "file_bytes": self.limits.file_mb << 20,
            "nproc": 64,
        }
        if self.mode == "namespaces":
            cmd = [*UNSHARE, *cmd]
            nobody = pwd.getpwnam("nobody")
            tmp = os.path.realpath(tempfile.gettempdir())
            cfg.update(
                namespaces=True,
                hide=_hidden_folders(self.limits.extra_hide, submission_dir),
                expose=_exposed_folders(),
                tmp=tmp,
                tmp_bytes=self.limits.tmp_mb << 20,
                work=f"{tmp}/work",
                uid=nobody.pw_uid,
                gid=nobody.pw_gid,
            )
        else:
            cfg["work"] = str(lib / "work")
        self._stderr = open(lib / "stderr.log", "wb")  # noqa: SIM115 - closed in close()
        try:
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                cwd=lib,
                env=env,
                start_new_session=True,
                close_fds=True,
            )
        except OSError as exc:
            raise WorkerStartError(f"cannot start the worker: {exc}") from None
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
        """Kill the worker and everything it started."""
        if self._proc is None:
            return
        self._killed_by_us = True
        try:
            os.killpg(self._proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def close(self) -> None:
        """Kill the worker and remove its scratch folder."""
        self.kill()
        if self._proc is not None:
            for pipe in (self._proc.stdin, self._proc.stdout):
                try:
                    if pipe:
                        pipe.close()
                except OSError:
                    pass
        stderr = getattr(self, "_stderr", None)
        if stderr is not None:
            stderr.close()
        shutil.rmtree(self._scratch, ignore_errors=True)

    # ------------------------------------------------------------------ protocol
    def request(
        self, message: dict[str, Any], arrays: list[np.ndarray], seconds: float
    ) -> tuple[dict[str, Any], list[np.ndarray]]:
        """Send one request and wait at most ``seconds`` for its reply.

        Raises:
            WorkerTimeout: no reply in time (the worker has been killed).
            WorkerDied: the worker ended or sent something malformed (it has been killed).
        """
        assert self._proc is not None and self._proc.stdin and self._proc.stdout
        deadline = time.monotonic() + seconds
        data = codec.pack(message, arrays)
        try:
            self._write(data, deadline)
            (n,) = struct.unpack(">Q", self._read(8, deadline))
            if n > codec.MAX_FRAME:
                self.kill()
                raise WorkerDied("the result is too large to send back to the grader")
            payload = self._read(n, deadline)
        except WorkerTimeout:
            self.kill()
            raise
        try:
            return codec.unpack(payload)
        except codec.FrameError as exc:
            self.kill()
            raise WorkerDied(f"the grader could not read the result ({exc})") from None

    def _write(self, data: bytes, deadline: float) -> None:
        fd = self._proc.stdin.fileno()  # type: ignore[union-attr]
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
        fd = self._proc.stdout.fileno()  # type: ignore[union-attr]
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
        if rc < 0:
            try:
                name = signal.Signals(-rc).name
            except ValueError:
                name = f"signal {-rc}"
            if -rc == signal.SIGKILL:
                return f"the process was killed ({name}), probably for using too much memory"
            what = {"SIGSEGV": "segmentation fault", "SIGABRT": "abort", "SIGBUS": "bus error"}
            return f"the process crashed ({name}, {what.get(name, 'fatal signal')})"
        if rc == 137:
            return "the process was killed (SIGKILL), probably for using too much memory"
        return f"the process exited with status {rc} (os._exit, exit() or a crash)"
