"""A submission whose code runs in a worker process, behind the same API as in-process.

:class:`IsolatedSubmission` keeps :class:`autograder.submission.Submission`'s interface
(``has``, ``source``, ``fingerprint``, ``call``), so no check changes. Arguments go to the
worker as plain data (lesson functions by name), results come back as plain data; the
grader never holds a live student object. Time is accounted per call, per check and per
submission; a worker that dies is restarted and the call that killed it fails.
"""

from __future__ import annotations

import hashlib
import time
import weakref
from pathlib import Path
from typing import Any

from autograder.isolation import codec
from autograder.isolation.sandbox import (
    Limits,
    Worker,
    WorkerDied,
    WorkerStartError,
    WorkerTimeout,
)
from autograder.lesson_functions import LessonFunction
from autograder.plain import Foreign, to_plain
from autograder.spec import GraderError
from autograder.submission import (
    BUDGET,
    CRASH,
    DEFAULT_CALL_TIMEOUT,
    SKIPPED,
    CallOutcome,
    StudentError,
    Submission,
)


def _foreign(name: str, array: Any) -> Foreign:
    return Foreign(name, None if array is None else to_plain(array))


class IsolatedSubmission(Submission):
    """Student code for one unit, loaded into (and called in) a worker process.

    Args:
        unit: unit name.
        origin: path shown in messages.
        cells: ``[(file name, code)]`` run in order at load.
        notebook: True for notebook cells (a failing cell is skipped, not fatal).
        source_text: the whole submitted code (fingerprint and source lookup).
        limits: time, memory and restart limits.
        submission_dir: folder of the submission (hidden from the worker).
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
    ) -> None:
        super().__init__(unit, {}, origin, source_text=source_text)
        self.limits = limits or Limits(call_timeout=DEFAULT_CALL_TIMEOUT)
        self._cells = cells
        self._notebook = notebook
        self._dir = submission_dir
        self._worker: Worker | None = None
        self._functions: dict[str, dict[str, Any]] = {}
        self._broken: dict[str, str] = {}
        self.cell_errors: list[str] = []
        self.grader_error: str | None = None
        self.spent = 0.0
        self._check_spent = 0.0
        self.restarts = 0
        self._exhausted_reason: str | None = None
        self.protections: list[str] = []
        self.events: list[str] = []
        #: Calls that timed out at the full call limit: ``{(function, patched names): s}``.
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

    def _start_and_load(self, cells: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        """Start a fresh worker and load the code (or ``cells``); return the load reply.

        Raises:
            WorkerStartError: the worker could not be started (grader failure).
            WorkerDied, WorkerTimeout: the student's code ended or hung the worker.
        """
        worker = Worker(self.limits, self._dir)
        self._set_worker(worker)
        self.protections = worker.protections
        return self._send_load(self._cells if cells is None else cells)

    def _send_load(self, cells: list[tuple[str, str]]) -> dict[str, Any]:
        """Run ``cells`` in the current worker, adding to what it already holds."""
        assert self._worker is not None
        cell_limit = self.limits.cell_timeout or self.limits.call_timeout
        load_limit = self.limits.load_timeout
        if self._notebook:  # each cell has its own limit: honest slow cells all fit
            load_limit = max(load_limit, cell_limit * len(cells))
        left = min(load_limit, self.limits.submission_budget - self.spent)
        start = time.monotonic()
        try:
            reply, _ = self._worker.request(
                {
                    "op": "load",
                    "unit": self.unit,
                    "cells": cells,
                    "notebook": self._notebook,
                    "file": self.origin,
                    "timeout": max(left, 0.01),
                    "cell_timeout": cell_limit,
                },
                [],
                max(left, 0.01) + self.limits.grace,
            )
        finally:
            self.spent += time.monotonic() - start
        return reply

    def _load_cell_by_cell(self) -> dict[str, Any]:
        """Load a notebook one cell at a time, skipping every cell that kills the worker.

        A cell that ends the interpreter (``os._exit``, a segfault, a memory blow-up) is
        skipped like a cell that raises: only what it would have defined is lost. The kept
        cells are what a restarted worker loads later.

        Raises:
            WorkerStartError: the worker could not be started (grader failure).
            WorkerDied, WorkerTimeout: the kept cells could not be loaded again.
        """
        kept: list[tuple[str, str]] = []
        crashed: list[str] = []
        reply = self._start_and_load([])
        errors: list[str] = []
        for fname, code in self._cells:
            try:
                reply = self._send_load([(fname, code)])
            except WorkerDied as exc:
                label = fname.strip("<>").replace("student ", "")
                crashed.append(f"{label}: {CRASH}: {exc.description} (the cell was skipped)")
                reply = self._start_and_load(kept)
                continue
            kept.append((fname, code))
            more = reply.get("cell_errors")
            if type(more) is list:
                errors.extend(str(e) for e in more)
        self._cells = kept
        return {**reply, "load_error": None, "cell_errors": errors + crashed}

    def _load(self) -> None:
        try:
            reply = self._start_and_load()
        except WorkerStartError as exc:
            self.grader_error = str(exc)
            return
        except WorkerTimeout:
            self.load_error = (
                "TimeoutError: loading the code did not finish "
                f"(infinite loop at top level?) within {self.limits.load_timeout:g} s"
            )
            self.close()
            return
        except WorkerDied as exc:
            if not (self._notebook and len(self._cells) > 1):
                self.load_error = f"{CRASH}: while loading the code, {exc.description}"
                self.close()
                return
            try:
                reply = self._load_cell_by_cell()
            except WorkerStartError as start_exc:
                self.grader_error = str(start_exc)
                return
            except (WorkerDied, WorkerTimeout):
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

    # ------------------------------------------------------------------ Submission API
    def _has(self, name: str) -> bool:
        info = self._functions.get(name)
        return info is not None and info.get("helper") is not True

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

    def _call(
        self,
        name: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        seed: int | None,
        timeout: float,
        patch: dict[str, str] | None,
    ) -> CallOutcome:
        """Call student function ``name`` in the worker (see :meth:`Submission.call`).

        Raises:
            GraderError: when the worker cannot be (re)started: a grader failure.
        """
        if self.grader_error:
            raise GraderError(self.grader_error)
        if self._exhausted_reason:
            return CallOutcome(error=StudentError(BUDGET, self._exhausted_reason))
        if name not in self._functions:
            return CallOutcome(error=StudentError("NameError", f"{name} is not defined"))
        mark = (name, tuple(sorted(patch or {})))
        if mark in self.unfinished:
            return CallOutcome(
                error=StudentError(
                    SKIPPED,
                    f"skipped: {name}() did not finish earlier (stopped after "
                    f"{self.unfinished[mark]:g} s), so this check did not wait for it again",
                )
            )
        budget_left = self.limits.submission_budget - self.spent
        check_left = self.limits.check_timeout - self._check_spent
        limit = min(timeout, self.limits.call_timeout, budget_left, check_left)
        if limit <= 0:
            return self._out_of_time(budget_left <= check_left)
        if self._worker is None or not self._worker.alive:
            if self.restarts >= self.limits.max_restarts:
                self._exhausted_reason = (
                    f"the code ended the grading process {self.restarts} times; "
                    "the remaining checks were not run"
                )
                return CallOutcome(error=StudentError(BUDGET, self._exhausted_reason))
            self.restarts += 1
            self.events.append(f"worker restarted before calling {name}()")
            try:
                self._start_and_load()
            except WorkerStartError as exc:
                raise GraderError(f"the worker could not be restarted: {exc}") from None
            except (WorkerDied, WorkerTimeout):
                self._exhausted_reason = "the code could not be loaded again after a crash"
                return CallOutcome(error=StudentError(BUDGET, self._exhausted_reason))
            budget_left = self.limits.submission_budget - self.spent
            limit = min(limit, budget_left)
            if limit <= 0:
                return self._out_of_time(True)
        enc = codec.Encoder(lesson_type=LessonFunction)
        message = {
            "op": "call",
            "name": name,
            "args": enc.encode(tuple(args)),
            "kwargs": enc.encode(dict(kwargs or {})),
            "seed": seed,
            "patch": dict(patch or {}),
            "timeout": limit,
        }
        start = time.monotonic()
        outcome = CallOutcome()
        try:
            reply, arrays = self._worker.request(  # type: ignore[union-attr]
                message, enc.arrays, limit + self.limits.grace
            )
        except WorkerTimeout:
            reply = {"timeout": True}
            arrays = []
            self.events.append(f"{name}() killed after {limit:g} s")
        except WorkerDied as exc:
            reply = {"crash": exc.description}
            arrays = []
            self.events.append(f"{name}(): {exc.description}")
        elapsed = time.monotonic() - start
        self.spent += elapsed
        self._check_spent += elapsed
        outcome.seconds = elapsed
        if reply.get("timeout"):
            if limit >= self.limits.call_timeout:  # the full limit, not a budget's remainder
                self.unfinished[mark] = limit
            outcome.error = self._timeout_error(limit, timeout, budget_left, check_left)
            if self.limits.submission_budget - self.spent <= 0:
                self._exhausted_reason = self._budget_text()
            return outcome
        if "crash" in reply:
            outcome.error = StudentError(CRASH, f"{reply['crash']} during the call")
            return outcome
        try:
            self._fill(outcome, reply, arrays)
        except codec.FrameError as exc:
            self._worker.kill()  # type: ignore[union-attr]
            outcome.error = StudentError(CRASH, f"the result could not be read ({exc})")
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
        text = f"the call did not finish within {limit:g} s (infinite loop?)"
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
            return codec.decode(reply[key], arrays, _foreign)  # plain by construction

        err = reply.get("error")
        if err is not None:
            if type(err) is not list or len(err) < 2:
                raise codec.FrameError("bad error record")
            loc = str(err[2])[:200] if len(err) > 2 else ""
            outcome.error = StudentError(str(err[0])[:100], str(err[1])[:400], loc)
        else:
            outcome.value = dec("value", None)
        after = dec("args_after", ())
        outcome.args_after = after if type(after) is tuple else ()
        kw = dec("kwargs_after", {})
        outcome.kwargs_after = kw if type(kw) is dict else {}
        outcome.stdout = str(reply.get("stdout", ""))[:4000]
        w = reply.get("warnings", [])
        outcome.warnings = [str(x)[:300] for x in w[:20]] if type(w) is list else []
        outcome.rng_fingerprint = str(reply.get("rng_fingerprint", ""))[:40]
        reseeded = reply.get("rng_reseeded", [])
        outcome.rng_reseeded = [str(x)[:40] for x in reseeded] if type(reseeded) is list else []
        g = reply.get("globals_read", [])
        outcome.globals_read = [str(x)[:60] for x in g[:20]] if type(g) is list else []


def _str_or_none(x: Any) -> str | None:
    return None if x is None else str(x)[:1000]
