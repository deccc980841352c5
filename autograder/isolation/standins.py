"""The grader's stand-ins, run for a sandboxed call in a forked process with time and memory limits.

A check can bind one of the submission's functions to a grader function for one call (a
*stand-in*: the reference block where the student's own fails, a block that must be called,
a recording ``predict``). The student's code calls it from the sandbox; its arguments are the
student's. Run in the grader's own process, ``optimize(w, b, X, Y, 10**9)`` would keep the
grader busy for hours, and arguments that broadcast to a ``(20000, 20000)`` array would take
gigabytes of the grader's memory: one submission could stop a whole batch.

:class:`StandInRunner` therefore runs a call's stand-ins in a child forked from the grader on
the first stand-in call (the child has the grader's functions; the reference never enters the
sandbox). The child's address space is limited to what it had plus the sandbox's memory
limit; all of a call's stand-ins together get the call's own time limit; a result is at most
:data:`MAX_RESULT_BYTES`. A stand-in that overruns is killed and the student's code receives
the error, so only that call (that check) fails.

The time runs out in whichever stand-in is running then. One that took most of it alone is
slow on the arguments it was given, and is named; otherwise the student's code called the
grader's functions until the call's time was gone (a training loop that ignores
``num_iterations``, a quick served ``relu`` in it), and the call did not finish, as any call
that overruns its limit: no stand-in is blamed (:attr:`StandInRunner.call_timed_out`). A served
course helper's time is the student's own (in the course it ran in the student's code): one
is never named.

Nothing the child prints reaches the grader's stdout or stderr (``autograder grade --json``
writes its JSON there, and a batch reads its records from it): the child's descriptors 1 and
2 are a private in-memory file (what a C extension or ``os.write`` writes lands there too),
its ``sys.stdout`` and ``sys.stderr`` write into that file, and what a stand-in printed is
handed back with its result, to be printed in the student's call, as it would have been had
it run there (``dnn_app_utils_v3.predict`` prints the accuracy). A call's stand-ins print at
most :data:`MAX_PRINTED` bytes together (red team, round 6: 190 KB of ``Accuracy:`` lines
before ``--json``'s output).
"""

from __future__ import annotations

import io
import os
import pickle
import resource
import signal
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Pipe
from typing import Any

import numpy as np

from autograder.isolation.served import PREFIX
from autograder.plain import to_plain

#: Largest stand-in result (pickled bytes) handed back to the student's code.
MAX_RESULT_BYTES = 64 * 2**20
#: Bytes of printed output all of a call's stand-ins hand to the student's code together (the
#: call's own printed output keeps as many characters: ``autograder.submission.MAX_OUTPUT``).
MAX_PRINTED = 200_000


@dataclass
class StandInResult:
    """What one stand-in call gave: a plain value or an error, and the RNG state after it.

    ``size`` is the bytes the result took to hand over (its pickle), as the limit
    :data:`MAX_RESULT_BYTES` counts them; ``printed`` what the stand-in printed (see the
    module docstring).
    """

    value: Any = None
    error: tuple[str, str] | None = None
    rng_after: tuple | None = None
    size: int = 0
    printed: str = ""


def _who(name: str) -> str:
    """How a message names the function ``name`` the child runs."""
    if name.startswith(PREFIX):  # a course helper the student's code called: not theirs
        return f"the course's {name[len(PREFIX) :]}"
    return f"the grader's {name} (standing in for yours)"


def call_timeout_text(seconds: float) -> str:
    """The message of a call that did not finish within its limit of ``seconds``."""
    return f"the call did not finish within {seconds:g} s (infinite loop?)"


class _TooLargeError(Exception):
    """A stand-in's result larger than :data:`MAX_RESULT_BYTES`."""


def _limit_memory(extra_mb: int) -> None:
    """Cap this process's address space at its current size plus ``extra_mb`` MiB."""
    with open("/proc/self/statm") as f:
        current = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = current + extra_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class _Sink(io.BufferedIOBase):
    """Writes to a descriptor at once; a write past the size limit is dropped, never an error."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def write(self, data: Any) -> int:
        size = len(memoryview(data).cast("B"))
        try:
            os.write(self.fd, data)
        except OSError:
            pass
        return size


class _Printed:
    """The child's output: descriptors 0-2 and ``sys.stdout``/``sys.stderr`` (module docstring).

    Everything written goes into one in-memory file, bounded by the file size limit
    (``RLIMIT_FSIZE``, lowered to what is left of :data:`MAX_PRINTED`; a write past it fails
    with ``EFBIG``, ``SIGXFSZ`` ignored); :meth:`take` reads and empties it.
    """

    def __init__(self) -> None:
        self.left = MAX_PRINTED
        try:
            self.fd = os.memfd_create("stand-in output")
        except (AttributeError, OSError):  # nothing kept, still nothing on the grader's
            self.fd = os.open(os.devnull, os.O_WRONLY)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.dup2(self.fd, 1)
        os.dup2(self.fd, 2)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        self._limit()
        self.stream = io.TextIOWrapper(
            _Sink(1), encoding="utf-8", errors="replace", write_through=True
        )
        sys.stdout = sys.stderr = self.stream
        warnings.simplefilter("ignore")  # the grader's warnings are not the student's output

    def _limit(self) -> None:
        try:
            resource.setrlimit(resource.RLIMIT_FSIZE, (self.left, self.left))
        except (OSError, ValueError):
            self.left = 0

    def take(self) -> str:
        """What was printed since the last call (at most what is left of the allowance)."""
        try:
            self.stream.flush()
            size = os.fstat(self.fd).st_size
            data = os.pread(self.fd, min(size, self.left), 0) if size else b""
            os.ftruncate(self.fd, 0)
            os.lseek(self.fd, 0, os.SEEK_SET)
        except (OSError, ValueError):
            return ""
        if data:
            self.left -= len(data)
            self._limit()
        return data.decode("utf-8", errors="replace")


def _serve(conn: Any, proxies: dict[str, Callable[..., Any]], memory_mb: int) -> None:
    """The child: answer ``(name, args, kwargs, rng state)`` requests until the pipe closes."""
    printed = _Printed()
    try:
        _limit_memory(memory_mb)
    except (OSError, ValueError):
        pass  # the parent's time limit still holds
    while True:
        try:
            name, args, kwargs, state = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if state is not None:
                np.random.set_state(state)
            value = to_plain(proxies[name](*args, **kwargs))
            after = np.random.get_state() if state is not None else None
            result = StandInResult(value=value, rng_after=after, printed=printed.take())
            data = pickle.dumps(result, protocol=5)
            if len(data) > MAX_RESULT_BYTES:
                raise _TooLargeError(f"returned {len(data) / 2**20:.0f} MB")
        except BaseException as exc:  # noqa: BLE001 - handed to the student's code
            who = _who(name)
            if isinstance(exc, MemoryError):
                text = f"{who} needed more than {memory_mb} MB on the arguments your code passed"
            elif isinstance(exc, _TooLargeError):
                text = f"{who} {exc}, more than the {MAX_RESULT_BYTES // 2**20} MB it may return"
            else:
                text = str(exc)[:400]
            kind = "ValueError" if isinstance(exc, _TooLargeError) else type(exc).__name__
            result = StandInResult(error=(kind, text), printed=printed.take())
            data = pickle.dumps(result, protocol=5)
        conn.send_bytes(data)


class StandInRunner:
    """Runs one call's stand-ins in a forked child, within a time allowance and memory limit.

    Args:
        proxies: ``{name: grader function}`` bound for the call.
        seconds: time all of the call's stand-in calls may take together.
        memory_mb: memory the child may allocate beyond what it inherits.
    """

    def __init__(
        self, proxies: dict[str, Callable[..., Any]], seconds: float, memory_mb: int
    ) -> None:
        self.proxies = proxies
        self.left = seconds
        self.allowance = seconds
        self.memory_mb = memory_mb
        self._child: int | None = None
        self._conn: Any = None
        #: True once the call's time ran out in its stand-ins but none was slow by itself:
        #: the call did not finish (the seam reports it as the call's own time-out).
        self.call_timed_out = False
        self._out_of_time: StandInResult | None = None

    def run(self, name: str, args: tuple, kwargs: dict, state: tuple | None) -> StandInResult:
        """Call the stand-in ``name`` in the child (forked on first use).

        Returns:
            The stand-in's value or error; a ``TimeoutError`` when the call's allowance ran
            out (the child is killed, later stand-in calls of the call fail at once, with the
            same error).
        """
        if self._out_of_time is None and self.left <= 0:
            self._out_of_time = self._timeout(name, 0.0)
        if self._out_of_time is not None:
            return self._out_of_time
        if self._child is None:
            self._start()
        start = time.monotonic()
        try:
            self._conn.send((name, args, kwargs, state))
            ready = self._conn.poll(self.left)
            data = self._conn.recv_bytes() if ready else None
        except (EOFError, OSError):
            data, ready = None, True
        took = time.monotonic() - start
        self.left -= took
        if data is None:
            self.close()
            if not ready:
                self.left = 0.0
                self._out_of_time = self._timeout(name, took)
                return self._out_of_time
            return StandInResult(error=("MemoryError", f"{_who(name)} ended on these arguments"))
        result = pickle.loads(data)  # noqa: S301 - written by the grader's own child
        result.size = len(data)
        return result

    def _timeout(self, name: str, took: float) -> StandInResult:
        """The error of the stand-in call ``name`` in which the allowance ran out after ``took`` s.

        The stand-in is named only if it is a grader's function that took at least half of the
        allowance by itself; otherwise the call did not finish (module docstring).
        """
        if name.startswith(PREFIX) or took < self.allowance / 2:
            self.call_timed_out = True
            return StandInResult(error=("TimeoutError", call_timeout_text(self.allowance)))
        text = f"{_who(name)} ran longer than {took:.2g} s on the arguments your code passed"
        return StandInResult(error=("TimeoutError", text))

    def _start(self) -> None:
        # os.fork, not multiprocessing.Process: the grader may itself be a daemonic worker
        for stream in (sys.stdout, sys.stderr):  # the child must inherit no unwritten output
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        parent, child = Pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the grader's code
            code = 0
            try:
                parent.close()
                _serve(child, self.proxies, self.memory_mb)
            except BaseException:  # noqa: BLE001
                code = 1
            finally:
                os._exit(code)
        child.close()
        self._child, self._conn = pid, parent

    def close(self) -> None:
        """Stop the child (killed: it may be in the middle of a long stand-in)."""
        if self._child is None:
            return
        self._conn.close()
        try:
            os.kill(self._child, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._child, 0)
        self._child = None
