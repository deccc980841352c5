"""A submission whose code runs in a sandboxed worker, behind the same API as in-process.

:class:`IsolatedSubmission` keeps :class:`autograder.submission.Submission`'s interface
(``has``, ``source``, ``fingerprint``, ``call``), so no check changes. Arguments go to the
worker as plain data (lesson functions by name), results come back as plain data; the
grader never holds a live student object. Time is accounted per call, per check and per
submission (loading the code is not counted); a student process that dies or hangs is
replaced by the worker's supervisor (which loads the code again) and the call that ended it
fails; a worker that dies as a whole is restarted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
import weakref
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from autograder import codeload
from autograder.isolation import codec
from autograder.isolation.sandbox import (
    Limits,
    SandboxUnavailable,
    Worker,
    WorkerDied,
    WorkerStartError,
    WorkerTimeout,
    isolation_label,
)
from autograder.isolation.served import (
    HANDOVER_CALLS,
    PREFIX,
    helper_closure,
    helper_code,
    helper_proxies,
    refused_for,
    served_names,
)
from autograder.isolation.standins import StandInRunner, call_timeout_text
from autograder.lesson_functions import TABLE as LESSONS
from autograder.lesson_functions import LessonFunction
from autograder.plain import Foreign, one_line, to_plain
from autograder.spec import GraderError
from autograder.submission import (
    BUDGET,
    CRASH,
    DEFAULT_CALL_TIMEOUT,
    MAX_OUTPUT,
    MAX_RECORDED_BYTES,
    SKIPPED,
    CallOutcome,
    CallRequest,
    CellOutput,
    ProxyCall,
    StudentError,
    Submission,
    raised_type,
)

#: Seconds the grader waits beyond the supervisor's own limits before killing the worker.
SLACK = 5.0
#: Largest reply of a call (or stand-in call) read, in bytes: the grader's inputs are small,
#: so a right result is kilobytes; a 64 MB one cost the grader 2 GB of memory to check.
MAX_CALL_FRAME = 8 * 2**20
#: Times a load may start over (skipping what ended the student's process) before giving up.
MAX_LOAD_ATTEMPTS = 12
#: Characters one cell's output (what it printed, what it raised) keeps.
MAX_CELL_OUTPUT = 2000
#: Characters the outputs of all of a notebook's cells keep (10,000 cells of 2,000 made a 1.6
#: MB notebook a 22 MB autograded one: red team, round 8).
MAX_OUTPUT_CHARS = 200_000


def _foreign(name: str, array: Any) -> Foreign:
    # the name is the student's (a class's __qualname__, or any text in a forged frame)
    return Foreign(one_line(name), None if array is None else to_plain(array))


def _lesson_marker(name: str) -> Foreign:
    """A lesson function in a result: the marker it is in-process (the name is not read)."""
    return to_plain(LessonFunction(""))


def _lesson(name: str) -> LessonFunction | Foreign:
    """A lesson function passed on to a stand-in: the grader's own, when the name is one."""
    return LessonFunction(name) if name in LESSONS else _lesson_marker(name)


class IsolatedSubmission(Submission):
    """Student code for one unit, loaded into (and called in) a worker process.

    Args:
        unit: unit name.
        origin: path shown in messages.
        cells: ``[(file name, code)]`` run in order at load.
        notebook: True for notebook cells (each cell has its own time limit; one that
            fails, hangs or ends the process is skipped).
        source_text: the whole submitted code (fingerprint and source lookup).
        limits: time, memory and restart limits, and whether a sandbox is required.
        submission_dir: folder of the submission (never shown to the worker).
        cell_indexes: each cell's index among the notebook's code cells (for
            :attr:`cell_outputs`; default: their positions).
        may_call: the unit's graded functions, each with the course helpers it may call
            while graded (``Unit.may_call``): the grader refuses every other (see
            :mod:`autograder.isolation.served`); None: not known, so a helper is refused
            only for a called function of its name.
    """

    def __init__(
        self,
        unit: str,
        origin: str,
        cells: list[tuple[str, str]],
        *,
        notebook: bool = False,
        source_text: str = "",
        limits: Limits | None = None,
        submission_dir: Path | None = None,
        cell_indexes: list[int] | None = None,
        may_call: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        super().__init__(unit, {}, origin, source_text=source_text)
        self._may_call = (
            None if may_call is None else {g: frozenset(h) for g, h in may_call.items()}
        )
        #: ``{function called: the served helpers ("module.function") its calls of
        #: HANDOVER_CALLS or more served calls used}``: their code is handed over before its
        #: next call.
        self._heavy: dict[str, set[str]] = {}
        self._handed: set[str] = set()  # functions whose helpers' code was handed over (once)
        self._given: frozenset[str] = frozenset()  # helpers whose code this worker has had
        self.limits = limits or Limits(call_timeout=DEFAULT_CALL_TIMEOUT)
        self._cells = cells
        self._files = [str(f) for f, _ in cells]
        self._cell_indexes = cell_indexes or list(range(len(cells)))
        self._notebook = notebook
        self._dir = submission_dir
        self._worker: Worker | None = None
        self._functions: dict[str, dict[str, Any]] = {}
        self._broken: dict[str, str] = {}
        self.cell_errors: list[str] = []
        self.cell_outputs: list[CellOutput] = []
        self.grader_error: str | None = None
        self.isolation = isolation_label(self.limits.sandbox is not False)
        self.spent = 0.0
        self.load_seconds = 0.0
        self._check_spent = 0.0
        self.restarts = 0
        self._executor_lost = False
        self._skips: dict[tuple[int, int], str] = {}
        self._exhausted_reason: str | None = None
        self.protections: list[str] = []
        self.events: list[str] = []
        #: Calls that timed out at their own limit (not a budget's remainder):
        #: ``{(function, proxied names): s}``.
        self.unfinished: dict[tuple[str, tuple[str, ...]], float] = {}
        self._finalizer = weakref.finalize(self, IsolatedSubmission._close_worker, [None])
        self._load()

    # ------------------------------------------------------------------ lifecycle
    @staticmethod
    def _close_worker(box: list[Worker | None]) -> None:
        if box[0] is not None:
            box[0].close()
            box[0] = None

    def _set_worker(self, worker: Worker | None) -> None:
        self._finalizer.detach()
        if self._worker is not None and self._worker is not worker:
            self._worker.close()
        self._worker = worker
        self._finalizer = weakref.finalize(self, IsolatedSubmission._close_worker, [worker])

    def close(self) -> None:
        """Stop the worker (the submission can still answer has/source/fingerprint)."""
        self._set_worker(None)
        super().close()

    def _load_alone(self, program: str) -> Submission:
        """:meth:`Submission.as_read`'s submission, in a worker of its own (same limits).

        The student's worker has run every statement of the submission; this one runs only the
        code the grader read.
        """
        # its load is the student's time, at most about the whole submission's (red team,
        # round 10: a slow top-level statement the code read depends on ran again, at no
        # cost); each of its calls is limited by the check (checklib.expect_runs_as_read)
        load = min(self.limits.load_timeout, self.load_seconds + self.limits.cell_timeout + 1)
        limits = dataclasses.replace(self.limits, load_timeout=load)
        twin = IsolatedSubmission(
            self.unit,
            self.origin,
            [(codeload.AS_READ_FILE, program)],
            source_text=program,
            limits=limits,
            submission_dir=self._dir,
            may_call=self._may_call,
        )
        self.spent += twin.load_seconds
        return twin

    def _new_worker(self) -> Worker:
        """Start a fresh worker (a new sandbox).

        Raises:
            SandboxUnavailable: no sandbox, and none was waived.
            WorkerStartError: the worker could not be started (grader failure).
        """
        worker = Worker(self.limits, self._dir, served_names())
        self._set_worker(worker)
        self._given = frozenset()
        self.protections = worker.protections
        return worker

    def _skip_text(self, timeout: bool, description: str) -> str:
        limit = self.limits.cell_timeout
        if self._notebook and timeout:
            return f"TimeoutError: the cell did not finish within {limit:g} s and was stopped"
        if timeout:
            return f"TimeoutError: did not finish within {limit:g} s (skipped; infinite loop?)"
        if self._notebook:
            return f"{CRASH}: {description} (the cell was skipped)"
        return f"{CRASH}: {description} (skipped)"

    def _run_load(self, seconds: float | None = None) -> dict[str, Any]:
        """Load the code into the worker (starting one if needed); return the load reply.

        A notebook cell, or a top-level statement of a ``.py`` file, that ends or hangs the
        student's process is skipped, and the load starts over without it, in a new student
        process (the supervisor forks one; a new sandbox only when the worker itself was
        lost). The skipped units are kept for later reloads.

        Args:
            seconds: time the load may take in all, at most ``load_timeout`` (its default).

        Raises:
            SandboxUnavailable: no sandbox, and none was waived.
            WorkerStartError: the worker could not be started (grader failure).
        """
        allowed = self.limits.load_timeout if seconds is None else seconds
        deadline = time.monotonic() + min(allowed, self.limits.load_timeout)
        unit_seconds = self.limits.cell_timeout + self.limits.grace + SLACK
        start = time.monotonic()
        try:
            for _ in range(MAX_LOAD_ATTEMPTS):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                worker = self._worker
                if worker is None or not worker.alive:
                    worker = self._new_worker()
                unit: list[Any] = []

                def progress(msg: dict[str, Any], unit: list[Any] = unit) -> float:
                    at = msg.get("at")
                    unit[:] = [at] if type(at) is list and len(at) == 2 else []
                    return unit_seconds

                message = {
                    "op": "load",
                    "unit": self.unit,
                    "cells": self._cells,
                    "notebook": self._notebook,
                    "file": self.origin,
                    "timeout": left,
                    "cell_timeout": self.limits.cell_timeout,
                    "skips": [[c, b, text] for (c, b), text in self._skips.items()],
                    "watch": self.watched(),
                    "blocks": self._statement_counts(),
                }
                try:
                    reply, _ = worker.request(
                        message, [], left + self.limits.grace + SLACK, on_progress=progress
                    )
                except (WorkerDied, WorkerTimeout) as exc:  # the whole worker is gone
                    if not unit:
                        raise
                    timeout = isinstance(exc, WorkerTimeout)
                    text = self._skip_text(timeout, getattr(exc, "description", ""))
                    self._skips[(int(unit[0][0]), int(unit[0][1]))] = text
                    continue
                lost = reply.get("lost")
                if lost is None:
                    self._executor_lost = False
                    return reply
                try:
                    key = (int(lost[0]), int(lost[1]))
                except (TypeError, ValueError, IndexError):
                    return {"load_error": f"{CRASH}: while loading the code, the worker failed"}
                text = self._skip_text(bool(reply.get("timeout")), str(reply.get("crash", "")))
                self._skips[key] = text
            return {
                "load_error": f"{CRASH}: loading the code did not finish "
                f"({len(self._skips)} cells or statements ended the process)"
            }
        finally:
            self.load_seconds += time.monotonic() - start

    def _statement_counts(self) -> list[int]:
        """Each cell's number of top-level statements: the most units its load can report.

        The supervisor refuses a progress report beyond it, or back in the order (red team,
        round 10: forged reports restarted a statement's time limit at will).
        """
        counts = []
        for _, code in self._cells:
            try:
                counts.append(len(codeload.parse_lenient(code)[0].body))
            except (ValueError, RecursionError, MemoryError):  # the executor skips it too
                counts.append(0)
        return counts

    def _load(self) -> None:
        try:
            reply = self._run_load()
        except SandboxUnavailable as exc:
            self.grader_error = str(exc)
            self.isolation = "none: refused to run the code (no sandbox could be made)"
            return
        except WorkerStartError as exc:
            self.grader_error = str(exc)
            return
        except WorkerTimeout:
            self.load_error = (
                "TimeoutError: loading the code did not finish within "
                f"{self.limits.load_timeout:g} s"
            )
            self.close()
            return
        except WorkerDied as exc:
            self.load_error = f"{CRASH}: while loading the code, {exc.description}"
            self.close()
            return
        self.load_error = _str_or_none(reply.get("load_error"))
        errors = reply.get("cell_errors")
        self.cell_errors = [str(e)[:400] for e in errors] if type(errors) is list else []
        broken = reply.get("broken")
        self._broken = (
            {str(k): str(v)[:400] for k, v in broken.items()} if type(broken) is dict else {}
        )
        functions = reply.get("functions")
        self._functions = (
            {str(k): v for k, v in functions.items() if type(v) is dict}
            if type(functions) is dict
            else {}
        )
        self.cell_outputs = self._outputs(reply.get("cell_outputs"))
        # what each def's name is bound to once loaded: a name the report leaves out, or
        # reports otherwise than as its def, counts as rebound (a false report only costs)
        self._watching = True
        self._observe(reply.get("bound"))

    def _outputs(self, raw: Any) -> list[CellOutput]:
        if not self._notebook or type(raw) is not list:
            return []
        outputs: list[CellOutput] = []
        left = MAX_OUTPUT_CHARS
        for item in raw:
            if type(item) is not list or len(item) != 3 or type(item[0]) is not int:
                continue
            if not 0 <= item[0] < len(self._cell_indexes):
                continue
            stdout = str(item[1])[:MAX_CELL_OUTPUT]
            error = None if item[2] is None else str(item[2])[:MAX_CELL_OUTPUT]
            size = len(stdout) + len(error or "")
            if size > left:
                last = outputs[-1]  # each cell keeps far less than the whole
                more = f"\n[the outputs of later cells are not shown: over {MAX_OUTPUT_CHARS:,} "
                outputs[-1] = dataclasses.replace(last, stdout=last.stdout + more + "characters]\n")
                break
            left -= size
            outputs.append(CellOutput(self._cell_indexes[item[0]], stdout, error))
        return outputs

    # ------------------------------------------------------------------ Submission API
    def _has(self, name: str) -> bool:
        info = self._functions.get(name)
        return info is not None and info.get("helper") is not True

    def _provided(self, name: str) -> bool:
        info = self._functions.get(name)
        return info is not None and info.get("helper") is True

    def fingerprint(self) -> str:
        """Return a digest of the submitted source, used to seed hidden inputs."""
        return hashlib.sha256(self._source_text.encode()).hexdigest()

    def source_cells(self) -> list[str]:
        """The submitted code, one text per notebook cell (or the file), as the grader read it."""
        return [code for _, code in self._cells]

    def _params(self, name: str) -> list[str] | None:
        p = self._functions.get(name, {}).get("params")
        return [str(x) for x in p] if type(p) is list else None

    @property
    def exhausted(self) -> bool:
        """True once the submission's time budget (or restart allowance) is used up."""
        return self._exhausted_reason is not None

    @property
    def exhausted_reason(self) -> str:
        """Why no more student code runs."""
        return self._exhausted_reason or ""

    def begin_check(self) -> None:
        """Start the time account of a new check."""
        self._check_spent = 0.0

    def _ready(self, name: str) -> CallOutcome | None:
        """Make sure a student process is there to call ``name`` in; None when it is.

        A lost student process (timed out, crashed) is replaced by the worker's supervisor,
        which loads the code again; a worker that died as a whole is started again. The time
        this takes is the student's (it counts against the submission's budget).

        Raises:
            GraderError: when the worker cannot be (re)started: a grader failure.
        """
        worker_gone = self._worker is None or not self._worker.alive
        if not worker_gone and not self._executor_lost:
            return None
        if self.restarts >= self.limits.max_restarts:
            self._exhausted_reason = (
                f"the code ended the grading process {self.restarts} times; "
                "the remaining checks were not run"
            )
            return CallOutcome(error=StudentError(BUDGET, self._exhausted_reason))
        self.restarts += 1
        self.events.append(f"student process replaced before calling {name}()")
        return self._reload("the code could not be loaded again after a crash")

    def _reload(self, failure: str) -> CallOutcome | None:
        """Load the code again (in a new worker if there is none); None when it loaded.

        The load's time is the student's: it counts against the submission's budget, and may
        take only what is left of it (a crash after a slow load would otherwise repeat that
        load, at up to ``load_timeout`` each, for every restart).

        Returns:
            The outcome every later call gets (``failure``, or the budget's text when that ran
            out) when the code did not load.

        Raises:
            GraderError: when the worker cannot be started: a grader failure.
        """
        left = self.limits.submission_budget - self.spent
        if not left > 0:
            return self._out_of_time(submission_level=True)
        start = time.monotonic()
        try:
            reply = self._run_load(left)
        except WorkerStartError as exc:
            raise GraderError(f"the worker could not be restarted: {exc}") from None
        except (WorkerDied, WorkerTimeout):
            reply = {"load_error": "the worker ended"}
        finally:
            self.spent += time.monotonic() - start
        if reply.get("load_error"):
            if not self.limits.submission_budget - self.spent > 0:
                return self._out_of_time(submission_level=True)
            self._exhausted_reason = failure
            return CallOutcome(error=StudentError(BUDGET, self._exhausted_reason))
        self._observe(reply.get("bound"))
        return None

    def _give_helpers(self, keys: frozenset[str]) -> None:
        """Hand the code of the served helpers ``keys`` to the worker (see ``served``)."""
        worker = self._worker
        if not keys or worker is None or not worker.alive or self._executor_lost:
            return
        message = {"op": "helpers", "sources": helper_code(keys), "names": sorted(keys)}
        self._given |= keys  # whatever the student's process does with them
        try:
            reply, _ = worker.request(message, [], 10 + self.limits.grace + SLACK)
        except (WorkerDied, WorkerTimeout):
            return
        if reply.get("lost"):
            self._executor_lost = True

    def _relock(self, name: str) -> CallOutcome | None:
        """A fresh worker, which has not had the helpers' code, to call ``name`` in.

        The grader's doing, so not one of the student's restarts; the load's time is theirs.

        Raises:
            GraderError: when the worker cannot be started: a grader failure.
        """
        self.events.append(f"a fresh worker to call {name}() (the last one had the helpers)")
        self._set_worker(None)
        self._given = frozenset()
        return self._reload("the code could not be loaded again")

    def _call(self, request: CallRequest) -> CallOutcome:
        """Make the call ``request`` in the worker (see :meth:`Submission.call`).

        The served helpers' code is in the worker only where it cannot be misused (see
        :mod:`autograder.isolation.served`): a call for which one the worker has had is
        refused gets a fresh worker; a function whose earlier call made
        :data:`HANDOVER_CALLS` served calls gets the code of the helpers it used, once.

        Raises:
            GraderError: when the worker cannot be (re)started: a grader failure.
        """
        name = request.name
        graded = self._graded_as(name)
        refused = self._refused(graded)
        if any(key.rsplit(".", 1)[1] in refused for key in self._given):
            failed = self._relock(name)
            if failed is not None:
                return failed
        if name in self._heavy and name not in self._handed:
            self._handed.add(name)
            self._give_helpers(helper_closure(self._heavy[name], refused))
        outcome = self._call_in_worker(request, graded, refused)
        served = [c.name[len(PREFIX) :] for c in outcome.proxy_calls if c.name.startswith(PREFIX)]
        if len(served) >= HANDOVER_CALLS and name not in self._handed:
            self._heavy.setdefault(name, set()).update(served)
        return outcome

    def _graded_as(self, name: str) -> str | None:
        """The graded function the submission's ``name`` is, or None.

        ``linear_forward``, or the student's ``linearForward`` where the grader routes the
        task's calls to it.
        """
        if self._may_call is None or name in self._may_call:
            return name
        return next((g for g in sorted(self._may_call) if self.resolve(g) == name), None)

    def _refused(self, graded: str | None) -> frozenset[str]:
        """The served helpers refused while the grader calls the graded function ``graded``."""
        if graded is None or self._may_call is None:
            return refused_for(graded)
        return refused_for(graded, self._may_call.get(graded, frozenset()))

    def _call_in_worker(
        self, request: CallRequest, graded: str | None, refused: frozenset[str]
    ) -> CallOutcome:
        """Make the call ``request`` of ``graded`` in the worker, ``refused`` helpers refusing."""
        name, timeout, proxies = request.name, request.timeout, request.proxies
        if self.grader_error:
            raise GraderError(self.grader_error)
        if self._exhausted_reason:
            return CallOutcome(error=StudentError(BUDGET, self._exhausted_reason))
        if name not in self._functions:
            return CallOutcome(error=StudentError("NameError", f"{name} is not defined"))
        mark = (name, tuple(sorted(proxies)))
        if mark in self.unfinished:
            return CallOutcome(
                error=StudentError(
                    SKIPPED,
                    f"skipped: {name}() did not finish earlier (stopped after "
                    f"{self.unfinished[mark]:g} s), so this check did not wait for it again",
                )
            )
        not_ready = self._ready(name)
        if not_ready is not None:
            return not_ready
        budget_left = self.limits.submission_budget - self.spent
        check_left = self.limits.check_timeout - self._check_spent
        limit = min(timeout, self.limits.call_timeout, budget_left, check_left)
        if limit <= 0:
            return self._out_of_time(budget_left <= check_left)
        enc = codec.Encoder(lesson_type=LessonFunction)
        message = {
            "op": "call",
            "name": name,
            "args": enc.encode(request.args),
            "kwargs": enc.encode(request.kwargs),
            "seed": request.seed,
            "proxies": sorted(proxies),
            "timeout": limit,
        }
        helpers = helper_proxies(refused, graded)
        message["served"] = sorted(helpers)
        outcome = CallOutcome()
        serve = _ProxyServer(
            {**helpers, **proxies}, outcome.proxy_calls, limit, self.limits.memory_mb
        )
        start = time.monotonic()
        try:
            reply, arrays = self._worker.request(  # type: ignore[union-attr]
                message,
                enc.arrays,
                limit + self.limits.grace + SLACK,
                on_proxy=serve,
                max_frame=MAX_CALL_FRAME,
            )
        except WorkerTimeout:
            reply, arrays = {"timeout": True}, []
            self.events.append(f"{name}(): the worker stopped answering and was killed")
        except WorkerDied as exc:
            reply, arrays = {"crash": exc.description, "advice": exc.advice}, []
            self.events.append(f"{name}(): {exc.description}")
        finally:
            serve.runner.close()
        # the grader's stand-ins are not the student's time; the helpers it serves are (the
        # student's code chose to call them: in the course they ran in the student's time)
        elapsed = max(time.monotonic() - start - (serve.seconds - serve.helper_seconds), 0.0)
        self.spent += elapsed
        self._check_spent += elapsed
        outcome.seconds = elapsed
        if reply.get("timeout"):
            if limit >= min(timeout, self.limits.call_timeout):  # not a budget's remainder
                self.unfinished[mark] = limit
            self._executor_lost = True
            outcome.error = self._timeout_error(limit, timeout, budget_left, check_left)
            if self.limits.submission_budget - self.spent <= 0:
                self._exhausted_reason = self._budget_text()
            return outcome
        if "crash" in reply or reply.get("lost"):
            self._executor_lost = True
            what = str(reply.get("crash", "the process was lost"))[:400]
            advice = str(reply.get("advice", ""))
            outcome.error = StudentError(CRASH, f"{what} during the call", advice=advice)
            return outcome
        try:
            self._fill(outcome, reply, arrays)
        except codec.FrameError as exc:
            outcome.error = StudentError(CRASH, f"the result could not be read ({exc})")
            return outcome
        if serve.runner.call_timed_out:
            # the call's time ran out in the grader's functions it kept calling, none slow by
            # itself: the call did not finish, whatever it did with the error its code got and
            # whichever happened to run then (standins). Not marked unfinished: its own code
            # was not stopped, and a loop of served helpers gets their code for the next call.
            outcome.value = None
            outcome.error = self._timeout_error(limit, timeout, budget_left, check_left)
        return outcome

    # ------------------------------------------------------------------ helpers
    def _budget_text(self) -> str:
        return (
            f"the submission used up its time budget ({self.limits.submission_budget:g} s "
            "of running student code); the remaining checks were not run"
        )

    def _out_of_time(self, submission_level: bool) -> CallOutcome:
        if submission_level:
            self._exhausted_reason = self._budget_text()
            return CallOutcome(error=StudentError(BUDGET, self._exhausted_reason))
        text = f"this check used up its time budget ({self.limits.check_timeout:g} s)"
        return CallOutcome(error=StudentError("TimeoutError", text))

    def _timeout_error(
        self, limit: float, asked: float, budget_left: float, check_left: float
    ) -> StudentError:
        text = call_timeout_text(limit)
        if limit < min(asked, self.limits.call_timeout):
            if budget_left <= check_left:
                text += (
                    f"; the submission's time budget ({self.limits.submission_budget:g} s) ran out"
                )
            else:
                text += f"; this check's time budget ({self.limits.check_timeout:g} s) ran out"
        return StudentError("TimeoutError", text)

    def _fill(self, outcome: CallOutcome, reply: dict[str, Any], arrays: list) -> None:
        def dec(key: str, default: Any) -> Any:
            if key not in reply:
                return default
            return codec.decode(reply[key], arrays, _foreign, _lesson_marker)  # plain

        err = reply.get("error")
        if err is not None:
            if type(err) is not list or len(err) < 2:
                raise codec.FrameError("bad error record")
            loc = str(err[2])[:200] if len(err) > 2 else ""
            outcome.error = StudentError(raised_type(str(err[0])[:100]), str(err[1])[:400], loc)
        else:
            outcome.value = dec("value", None)
        after = dec("args_after", ())
        outcome.args_after = after if type(after) is tuple else ()
        kw = dec("kwargs_after", {})
        outcome.kwargs_after = kw if type(kw) is dict else {}
        outcome.stdout = str(reply.get("stdout", ""))[:MAX_OUTPUT]
        w = reply.get("warnings", [])
        outcome.warnings = [str(x)[:300] for x in w[:20]] if type(w) is list else []
        outcome.rng_fingerprint = str(reply.get("rng_fingerprint", ""))[:40]
        reseeded = reply.get("rng_reseeded", [])
        outcome.rng_reseeded = (
            [str(x)[:40] for x in reseeded[:10]] if type(reseeded) is list else []
        )
        g = reply.get("globals_read", [])
        outcome.globals_read = [str(x)[:60] for x in g[:20]] if type(g) is list else []
        bound = reply.get("bound")
        if type(bound) is dict:  # a call can rebind a name (global) for the later checks
            self._observe(bound)


class _ProxyServer:
    """Answers a call's stand-in calls with the grader's functions; records every call.

    The functions run in a :class:`~autograder.isolation.standins.StandInRunner` (a forked,
    limited child), never in the grader's own process.

    Args:
        proxies: ``{name: grader function}``.
        record: the outcome's ``proxy_calls``.
        seconds: time the call's stand-ins may take together.
        memory_mb: memory they may allocate.
    """

    def __init__(
        self,
        proxies: dict[str, Callable[..., Any]],
        record: list[ProxyCall],
        seconds: float,
        memory_mb: int,
    ) -> None:
        self.proxies = proxies
        self.record = record
        self.seconds = 0.0
        self.helper_seconds = 0.0  # of which served course helpers (the student's time)
        self.recorded_bytes = 0
        self.runner = StandInRunner(proxies, seconds, memory_mb)

    def __call__(self, msg: dict[str, Any], arrays: list) -> tuple[dict[str, Any], list]:
        start = time.monotonic()
        try:
            return self._serve(msg, arrays)
        finally:
            took = time.monotonic() - start
            self.seconds += took
            if str(msg.get("proxy")).startswith(PREFIX):
                self.helper_seconds += took

    def _count(self, call: ProxyCall, size: int) -> None:
        """Count ``size`` bytes, a stand-in call's arguments or result, in the call's record.

        Past :data:`MAX_RECORDED_BYTES` the call stays counted, its arguments and value not kept.
        """
        self.recorded_bytes += size
        if self.recorded_bytes > MAX_RECORDED_BYTES:
            call.args, call.kwargs, call.value, call.kept = (), {}, None, False

    def _serve(self, msg: dict[str, Any], arrays: list) -> tuple[dict[str, Any], list]:
        name = str(msg.get("proxy"))
        fn = self.proxies.get(name)
        try:
            args = codec.decode(msg.get("args", {"t": []}), arrays, _foreign, _lesson)
            kwargs = codec.decode(msg.get("kwargs", {"d": []}), arrays, _foreign, _lesson)
        except codec.FrameError as exc:
            return {"error": ["RuntimeError", f"bad arguments ({exc})"]}, []
        args = args if type(args) is tuple else (args,)
        kwargs = kwargs if type(kwargs) is dict else {}
        call = ProxyCall(name, args, kwargs)
        self.record.append(call)
        self._count(call, sum(a.nbytes for a in arrays))
        if fn is None:
            call.error = f"NameError: {name} is not defined"
            return {"error": ["NameError", f"{name} is not defined"]}, []
        state = _student_rng(msg, arrays)  # the grader's function draws from the student's RNG
        got = self.runner.run(name, args, kwargs, state)
        printed = {"stdout": got.printed} if got.printed else {}  # printed in the student's call
        if got.error is not None:  # handed to the student's code as its exception
            kind, text = got.error
            call.error = f"{kind}: {text}"
            return {"error": [kind, text[:400]], **printed}, []
        enc = codec.Encoder(lesson_type=LessonFunction)
        reply: dict[str, Any] = {"value": enc.encode(got.value), **printed}
        call.value = got.value
        self._count(call, got.size)  # whatever travels back (an (8300000, 1) array: a marker)
        after = got.rng_after
        if state is not None and after is not None and not _same_rng(state, after):  # it drew
            reply["rng"] = enc.encode([after[1], int(after[2]), int(after[3]), float(after[4])])
        return reply, enc.arrays


def _same_rng(a: tuple, b: tuple) -> bool:
    """True when two numpy RNG states (``np.random.get_state()`` form) are the same."""
    return tuple(a[2:]) == tuple(b[2:]) and np.array_equal(a[1], b[1])


def _student_rng(msg: dict[str, Any], arrays: list) -> tuple | None:
    """The student's numpy RNG state sent with a stand-in's call, or None if absent/bad."""
    if "rng" not in msg:
        return None
    try:
        key, pos, has_gauss, cached = codec.decode(msg["rng"], arrays, _foreign)
        key = np.asarray(key, dtype=np.uint32)
        if key.shape != (624,):
            return None
        return ("MT19937", key, int(pos), int(has_gauss), float(cached))
    except (codec.FrameError, TypeError, ValueError):
        return None


def _str_or_none(x: Any) -> str | None:
    return None if x is None else str(x)[:1000]
