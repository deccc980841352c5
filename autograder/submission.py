"""The seam between the grader and student code.

Every call of student code goes through :meth:`Submission.call`: *call this function with
these arguments, get plain data back* (see :mod:`autograder.plain`). Nothing else in the
grader reaches into the student's module, so this is the one place that can move student
code into a separate worker process.

A submission is loaded from a ``.py`` file, from the code cells of a ``.ipynb`` notebook, or
from an already imported module (the pytest self-check).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import inspect
import io
import os
import random
import textwrap
import time
import traceback
import types
import warnings
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from autograder import codeload
from autograder.lesson_functions import LessonFunction
from autograder.plain import one_line, to_plain

#: Seconds one call of student code may take before it is stopped.
DEFAULT_CALL_TIMEOUT = 10.0
#: Seconds one notebook cell (or top-level statement of a file) may take while loading:
#: nbgrader's cell limit in the generated course.
DEFAULT_CELL_TIMEOUT = 20.0
#: Characters of printed output kept per call: room for a debugging ``print`` a correct
#: student left in a function the checks call a thousand times, so that the cost and accuracy
#: lines the print checks read are still there (4000 cut them off: full marks lost).
MAX_OUTPUT = 200_000
STUDENT_FILENAME_PREFIX = "<student"
#: Error type of a call whose process crashed, exited or broke the protocol (isolated seam).
CRASH = "WorkerCrash"
#: Error type of a call refused because the submission's time budget is used up.
BUDGET = "BudgetExceeded"
#: Error type of a call not made because the same function timed out earlier (isolated seam).
SKIPPED = "SkippedAfterTimeout"
#: The grader's own error types: only the grader reports them (:func:`raised_type`).
GRADER_STATES = frozenset({CRASH, BUDGET, SKIPPED})


def raised_type(name: str) -> str:
    """The error type of an exception the student's code raised, as the grader reports it.

    A class of the student's own named like one of the grader's states (``BudgetExceeded``)
    is shown as the student's, never read as that state (red team 15 E).
    """
    return f"{name} (the code's own exception)" if name in GRADER_STATES else name


@dataclass
class StudentError:
    """An exception (or time-out) raised by student code.

    Attributes:
        type: exception class name, such as ``NotImplementedError``.
        message: the exception message, truncated.
        location: where in the student's code it happened (``line 12, in sigmoid``).
        advice: what to do about a :data:`CRASH` whose cause the seam knows (a result too
            large to send back), or ``""``.
    """

    type: str
    message: str
    location: str = ""
    advice: str = ""

    def __post_init__(self) -> None:
        self.type, self.message = one_line(str(self.type)), one_line(str(self.message))
        self.location = one_line(str(self.location))

    @property
    def not_implemented(self) -> bool:
        """True when the stub still raises NotImplementedError."""
        return self.type == "NotImplementedError"

    @property
    def stopped(self) -> bool:
        """True when the call did not end by itself: the process crashed or the time budget ran out.

        Such an error says nothing about the function's values; checks use this instead of
        comparing ``type`` with the seam's :data:`CRASH` and :data:`BUDGET`.
        """
        return self.type in (CRASH, BUDGET)

    @property
    def function(self) -> str | None:
        """The function of the student's code where it was raised, if known."""
        _, sep, name = self.location.rpartition(", in ")
        return name.strip() or None if sep else None

    @property
    def line(self) -> int | None:
        """The line of the student's file (or cell) where it was raised, if known."""
        text = self.location.partition(",")[0].removeprefix("line ")
        return int(text) if text.isdigit() else None

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        return f"{self.type}: {self.message}{where}" if self.message else f"{self.type}{where}"


@dataclass
class ProxyCall:
    """One call of a stand-in (a grader-served proxy) made by student code.

    Attributes:
        name: the name the stand-in was bound to (``propagate``).
        args: the positional arguments it received, as plain data.
        kwargs: the keyword arguments.
        value: what the grader's function returned (plain data), None if it raised.
        error: ``"Type: message"`` when the grader's function raised (the stand-in raised
            the same built-in exception type, or ``RuntimeError``, in student code).
        kept: False when the call's arguments and value were not kept (a call's record keeps
            at most ``MAX_RECORDED_BYTES`` of arrays): ``args`` and ``kwargs`` are then empty.
    """

    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    value: Any = None
    error: str | None = None
    kept: bool = True


#: Bytes of arrays the stand-in calls of one call keep for the checks (a composite calling a
#: stand-in in a loop with 8 MB arguments made the grader hold gigabytes).
MAX_RECORDED_BYTES = 64 << 20


@dataclass
class CellOutput:
    """What one notebook cell printed and raised while the submission was loaded.

    Attributes:
        index: the cell's index among the notebook's code cells (0-based).
        stdout: what it printed (bounded).
        error: what went wrong in it (a skipped statement, a time-out, a crash), or None.
    """

    index: int
    stdout: str
    error: str | None = None


@dataclass
class CallOutcome:
    """What one call of student code produced, as plain data.

    Which fields the grader can trust: ``value`` (checked by the grader itself),
    ``args_after``/``kwargs_after`` for array arguments (read by the worker's supervisor from
    shared memory, not reported by the student's process), ``proxy_calls`` (made through the
    grader), ``error``, ``seconds``. The fields in :attr:`STUDENT_REPORTED` are observed
    inside the process that ran the student's code, which that code controls: in the
    isolated seam a submission can forge them, so they may only ever feed advice, never a
    verdict. Changes to a container argument's structure (a key added or rebound) are also
    reported from inside that process: a forged report can hide them.

    Attributes:
        value: the return value (plain data), or None if the call raised.
        error: the exception, if the call raised or timed out.
        args_after: the positional arguments as they were after the call (mutation check).
        kwargs_after: the keyword arguments after the call.
        stdout: what the call printed (truncated).
        warnings: messages of warnings the call emitted.
        rng_fingerprint: a digest of numpy's global RNG state after the call.
        seconds: wall time of the call (time spent in the grader's proxies excluded).
        rng_reseeded: global seeding functions the call used (``np.random.seed``...);
            filled by the isolated seam.
        globals_read: notebook-level data variables the function read instead of its
            arguments; filled by the isolated seam.
        proxy_calls: every call of a stand-in, in order (see :meth:`Submission.call`).
    """

    #: Fields observed inside the student's process (advice only, see above).
    STUDENT_REPORTED: ClassVar[tuple[str, ...]] = (
        "stdout",
        "warnings",
        "rng_fingerprint",
        "rng_reseeded",
        "globals_read",
    )

    value: Any = None
    error: StudentError | None = None
    args_after: tuple[Any, ...] = ()
    kwargs_after: dict[str, Any] = field(default_factory=dict)
    stdout: str = ""
    warnings: list[str] = field(default_factory=list)
    rng_fingerprint: str = ""
    seconds: float = 0.0
    rng_reseeded: list[str] = field(default_factory=list)
    globals_read: list[str] = field(default_factory=list)
    proxy_calls: list[ProxyCall] = field(default_factory=list)


@dataclass(frozen=True)
class CallRequest:
    """One call of student code, as :meth:`Submission.call` hands it to the seam.

    Routing (:meth:`Submission.route`) is applied: ``name`` and the keys of ``proxies`` are
    the names the submission defines, ``args`` and ``kwargs`` those of its signature.

    Attributes:
        name: the function to call.
        args: positional arguments (the seam calls with copies).
        kwargs: keyword arguments (likewise).
        seed: if given, ``np.random.seed(seed)`` and ``random.seed(seed)`` run first.
        timeout: seconds before the call is interrupted.
        proxies: ``{name: grader function}``: the stand-ins bound for the call.
    """

    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    seed: int | None
    timeout: float
    proxies: dict[str, Callable[..., Any]]


class CallTimeout(BaseException):
    """Raised inside student code when a call overruns its time limit.

    It derives from BaseException so that ``except Exception`` in student code cannot
    swallow it.
    """


class CallLog:
    """The calls the checks made of each function (``Context.outcome``), first ones first.

    A source check compares the code it read, run alone, with these very calls (the graded
    ones), so no call of its own can be told apart from them (red team, round 10).
    """

    #: Calls kept per function (the first ones: the checks' visible calls come first).
    MAX_CALLS = 32

    def __init__(self) -> None:
        self._calls: dict[str, list[Any]] = {}

    def record(self, call: Any) -> None:
        """Keep ``call`` (a ``context.LastCall``) under its function."""
        kept = self._calls.setdefault(call.function, [])
        if len(kept) < self.MAX_CALLS:
            kept.append(call)

    def of(self, function: str) -> list[Any]:
        """The calls of ``function`` made so far, in order."""
        return list(self._calls.get(function, ()))


class Submission:
    """Student code for one unit, reachable only through :meth:`call` and :meth:`source`.

    Attributes:
        unit: the unit name (``logistic_regression``).
        origin: where the code came from (a path or a module name), for messages.
        load_error: set when the code could not be loaded at all.
        grader_error: set when the grader could not run the code (a worker that would not
            start, or no sandbox): every check is then ``not_gradable``.
        isolation: how the student's code is isolated from the grader, for the report
            (``"bubblewrap (...)"``, ``"none (--no-sandbox)"``, ``"none (in-process)"``).
        cell_outputs: per notebook cell, what it printed and raised while loading.
    """

    grader_error: str | None = None
    isolation: str | None = "none (in-process)"
    #: True once no more student code may run (time budget used up); see the isolated seam.
    exhausted: bool = False
    exhausted_reason: str = ""

    def __init__(
        self,
        unit: str,
        namespace: dict[str, Any] | None,
        origin: str,
        load_error: str | None = None,
        source_text: str = "",
    ) -> None:
        self.unit = unit
        self.origin = origin
        self.load_error = load_error
        self._ns = namespace if namespace is not None else {}
        self._source_text = source_text
        self._broken: dict[str, str] = {}
        self.cell_errors: list[str] = []
        self.cell_outputs: list[CellOutput] = []
        self._aliases: dict[str, str] = {}
        self._adapters: dict[str, Any] = {}
        #: Whether what each name is bound to at run time is known (after loading and after
        #: each call: see :meth:`_observe`); False for a module the student imported.
        self._watching = False
        #: ``{name: why its def is not the code that runs}``, once seen (never forgotten).
        self._rebound: dict[str, str] = {}
        #: The file name each cell was compiled with (code objects report it).
        self._files: list[str] = []
        #: ``{program: the submission of that code alone}`` (see :meth:`as_read`).
        self._twins: dict[str, Submission] = {}
        #: The checks' calls of each function (see :class:`CallLog`).
        self.graded_calls = CallLog()
        #: ``{task id: {check name: passed}}`` of the checks graded so far (the engine's).
        self.verdicts: dict[str, dict[str, bool]] = {}

    # ------------------------------------------------------------------ routing
    def route(self, name: str, *, actual: str | None = None, adapter: Any = None) -> None:
        """Grade ``name`` through another function or signature of an older course release.

        Args:
            name: the function's current name (the task's).
            actual: the name the submission defines instead (``normalizeRows``).
            adapter: an :class:`autograder.spec.Adapter` whose ``adapt`` turns the current
                arguments into the older signature's.
        """
        if actual is not None:
            self._aliases[name] = actual
        if adapter is not None:
            self._adapters[name] = adapter

    def resolve(self, name: str) -> str:
        """The name the submission defines for function ``name`` (itself unless routed)."""
        return self._aliases.get(name, name)

    # ------------------------------------------------------------------ public API
    def has(self, name: str) -> bool:
        """Return True if the submission defines a callable ``name`` (not a course helper)."""
        return self._has(self.resolve(name))

    def broken(self, name: str) -> str | None:
        """The compile error of ``name``'s last definition, or None (see ``codeload``)."""
        return self._broken.get(self.resolve(name))

    def params(self, name: str) -> list[str] | None:
        """Return the positional parameter names of function ``name`` (None if unknown)."""
        return self._params(self.resolve(name))

    def source(self, name: str) -> str | None:
        """Return the source code of function ``name``, or None if unavailable.

        None too where ``name`` is bound at run time to something else than the ``def`` the
        text binds it to (:meth:`rebound`), or where a function binds it again (``global
        name``, :meth:`unreadable`): its source may not be the code that runs.
        """
        actual = self.resolve(name)
        if actual in self._rebound or actual in self._global_rebinds():
            return None
        return self._source(actual)

    def placed_source(self, name: str) -> str | None:
        """:meth:`source`, preceded by blank lines so that its lines are numbered as the file's.

        Parsed, its nodes carry the line numbers the student's editor shows (a notebook's:
        of the cell), as the exceptions' locations do (msg 16 M11: hints counted from the
        ``def``). The plain source where its place is not known (a live module).
        """
        source = self.source(name)
        if source is None or not self._source_text:
            return source
        place = codeload.def_places(self.source_cells()).get(self.resolve(name))
        return "\n" * (place.first - 1) + source if place is not None else source

    def _global_rebinds(self) -> dict[str, str]:
        if not self._source_text:
            return {}
        return codeload.global_rebinds(self.source_cells())

    def rebound(self, name: str) -> str | None:
        """Why ``name``'s source is not read: it runs other code than its ``def``; or None.

        Known from what the student's process reports ``name`` is bound to after loading
        and after each call (:func:`autograder.codeload.rebinding`): ``global tanh`` then
        ``tanh = np.tanh`` in a helper, or a frame's ``f_globals``, swap the function that
        runs while the text still shows the ``def``.
        """
        return self._rebound.get(self.resolve(name))

    def unreadable(self, name: str) -> str | None:
        """Why the grader does not read ``name``'s source, where it knows.

        :meth:`rebound` (as the student's process reports it), a function that binds it
        again (``codeload.global_rebinds``), or text run as code (``codeload.text_as_code``).
        Whether the code read is the code that runs is
        then shown by running it alone (:meth:`as_read`): the report alone is the student's
        to forge.
        """
        rebound = self.rebound(name)
        if rebound is not None or not self._source_text:
            return rebound
        resolved = self.resolve(name)
        rebinds = self._global_rebinds().get(resolved)
        if rebinds is None:
            construct = codeload.text_as_code(self.source_cells())
            if construct is None:
                return None
            return (
                f"the source of {resolved}() could not be read: the submitted code uses "
                f"{construct}, which can define functions the grader cannot read."
            )
        return (
            f"the source of {resolved}() could not be read: {rebinds} binds it again at run "
            f"time, so the code {resolved} runs may not be its def (define it once with def, "
            "and do not rebind it)."
        )

    def as_read(self, program: str) -> Submission | None:
        """The submission made of ``program`` alone (``codeload.program_as_read``), loaded fresh.

        Loaded once per program and closed with this submission; None where the submission
        has no source text (a live module), so nothing can be compared.
        """
        if not self._source_text:
            return None
        if program not in self._twins:
            self._twins[program] = self._load_alone(program)
        return self._twins[program]

    def _load_alone(self, program: str) -> Submission:
        """:meth:`as_read`'s submission, loaded into this process."""
        cells = [(codeload.AS_READ_FILE, program)]
        return load_cells_in_process(cells, self.unit, self.origin, program)

    def watched(self) -> list[str]:
        """The names the text binds to a ``def`` (whose run-time binding is compared)."""
        return sorted(codeload.def_places(self.source_cells()))

    def _observe(self, identities: Any) -> None:
        """Compare what the names are bound to at run time with the defs the text shows.

        Args:
            identities: ``{name: codeload.code_identity}`` as reported (untrusted: any
                value that is not a plain match counts as a mismatch, so a false report can
                only cost the student), for the cells compiled as :attr:`_files`.
        """
        if not self._watching:
            return
        table = identities if type(identities) is dict else {}
        for name, place in codeload.def_places(self.source_cells()).items():
            if name in self._rebound or name in self._broken:
                continue
            why = codeload.rebinding(name, place, self._files, table.get(name))
            if why is not None:
                self._rebound[name] = why

    def imported(self, name: str) -> bool:
        """Whether ``name`` is bound by an ``import`` of the submitted text (a library's)."""
        return name in codeload.imported_names(self.source_cells())

    def call(
        self,
        name: str,
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        *,
        seed: int | None = None,
        timeout: float = DEFAULT_CALL_TIMEOUT,
        proxies: dict[str, Callable[..., Any]] | None = None,
    ) -> CallOutcome:
        """Call student function ``name`` on copies of the arguments.

        Routed names and signatures (:meth:`route`) are applied here: the outcome's
        ``args_after`` are those of the call as the grader made it.

        Args:
            name: function name in the submission.
            args: positional arguments (plain data or lesson functions); copied before the call.
            kwargs: keyword arguments; copied before the call.
            seed: if given, ``np.random.seed(seed)`` and ``random.seed(seed)`` run first.
            timeout: seconds before the call is interrupted.
            proxies: ``{name: fn}``: for the duration of the call the submission's ``name``
                is bound to a stand-in, indistinguishable from an ordinary function of the
                submission (its name, qualified name, module, parameters, source file and
                first line are the submission's own definition's), whose calls go to the
                grader's ``fn`` as plain data and back (``fn`` may be a reference function
                on plain data, such as :meth:`autograder.context.Context.ref`). When
                ``fn`` raises, the stand-in raises the same built-in exception type (or
                ``RuntimeError``) with its message. Every call is in the outcome's
                ``proxy_calls``; time spent in ``fn`` is not the student's.

        Returns:
            The outcome; never raises because of student code.
        """
        kwargs = dict(kwargs or {})
        adapter = self._adapters.get(name)
        n_args = len(args)
        if adapter is not None:
            args, kwargs = adapter.adapt(tuple(args), kwargs)
        routed = {self.resolve(k): fn for k, fn in (proxies or {}).items()}
        request = CallRequest(
            self.resolve(name), tuple(args), dict(kwargs or {}), seed, timeout, routed
        )
        out = self._call(request)
        if adapter is not None:
            out.args_after = tuple(out.args_after[:n_args])
        return out

    # ------------------------------------------------------------------ in-process
    def _has(self, name: str) -> bool:
        value = self._ns.get(name)
        return callable(value) and not codeload.is_helper(value)

    def provided(self, name: str) -> bool:
        """True when ``name`` is a course helper the submission uses (not its own code)."""
        return self._provided(self.resolve(name))

    def _provided(self, name: str) -> bool:
        return codeload.is_helper(self._ns.get(name))

    def fingerprint(self) -> str:
        """Return a digest of the submitted source, used to seed hidden inputs."""
        return hashlib.sha256(self._source_text.encode()).hexdigest()

    def begin_check(self) -> None:
        """Start the time account of a new check (a no-op in-process)."""

    def _params(self, name: str) -> list[str] | None:
        fn = self._ns.get(name)
        try:
            return [
                p.name
                for p in inspect.signature(fn).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
        except (TypeError, ValueError):
            return None

    def close(self) -> None:
        """Release resources (in-process: those of :meth:`as_read`'s submissions)."""
        for twin in self._twins.values():
            twin.close()

    def _source(self, name: str) -> str | None:
        if self._source_text:
            return codeload.function_source(self.source_cells(), name)
        # A live module without a source file (a Jupyter kernel's __main__): the student's
        # own process, where inspect can read the cells IPython keeps.
        fn = self._ns.get(name)
        try:
            return textwrap.dedent(inspect.getsource(fn)) if fn is not None else None
        except (OSError, TypeError):
            return None

    def source_cells(self) -> list[str]:
        """The submitted code: one text per notebook cell, or the file's text."""
        return list(getattr(self, "_texts", None) or [self._source_text])

    def _call(self, request: CallRequest) -> CallOutcome:
        """Make the call ``request`` in this process: the in-process seam (see :meth:`call`)."""
        fn = self._ns.get(request.name)
        if not callable(fn):
            return CallOutcome(error=StudentError("NameError", f"{request.name} is not defined"))
        a = copy.deepcopy(request.args)
        k = copy.deepcopy(request.kwargs)
        out = io.StringIO()
        saved: dict[str, Any] = {}
        outcome = CallOutcome()
        start = time.perf_counter()
        try:
            allowance = [request.timeout]  # the stand-ins' time together, as in the sandbox
            for pname, grader_fn in request.proxies.items():
                saved[pname] = self._ns.get(pname)
                bridge = _InProcessBridge(pname, grader_fn, outcome.proxy_calls, allowance)
                bridge = codeload.in_place_like(saved[pname], bridge)
                self._ns[pname] = codeload.stand_in(saved[pname], bridge, pname)
            if request.seed is not None:
                np.random.seed(request.seed)
                random.seed(request.seed)
            with (
                codeload.time_limit(request.timeout, CallTimeout),
                warnings.catch_warnings(record=True) as caught,
                contextlib.redirect_stdout(_Bounded(out)),
                contextlib.redirect_stderr(_Bounded(out)),
                np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"),
            ):
                warnings.simplefilter("always")
                with codeload.grading(request.name):
                    value = fn(*a, **k)
            outcome.value = to_plain(value)
            outcome.warnings = [f"{w.category.__name__}: {w.message}" for w in caught]
        except CallTimeout:
            outcome.error = StudentError(
                "TimeoutError",
                f"the call did not finish within {request.timeout:g} s (infinite loop?)",
            )
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - student code may raise anything
            outcome.error = _student_error(exc)
        finally:
            for pname, old in saved.items():
                if old is None:
                    self._ns.pop(pname, None)
                else:
                    self._ns[pname] = old
        outcome.seconds = time.perf_counter() - start
        self._observe(codeload.bound_identities(self._ns, self.watched()))
        outcome.args_after = tuple(to_plain(x) for x in a)
        outcome.kwargs_after = {key: to_plain(v) for key, v in k.items()}
        outcome.stdout = out.getvalue()[:MAX_OUTPUT]
        outcome.rng_fingerprint = rng_fingerprint()
        return outcome


class _InProcessBridge:
    """Where an in-process stand-in's calls go: the grader's function, on deep copies.

    The call's clock stops while the grader answers (its time is not the student's); all
    the call's stand-ins together may take the call's limit, as the sandbox's do.

    Args:
        name: the name the stand-in is bound to.
        fn: the grader's function (plain data in and out).
        record: the outcome's ``proxy_calls`` list.
        allowance: ``[seconds]`` left to the call's stand-ins, shared by its bridges.
    """

    def __init__(
        self, name: str, fn: Callable[..., Any], record: list[ProxyCall], allowance: list[float]
    ) -> None:
        self._name = name
        self._fn = fn
        self._record = record
        self._allowance = allowance

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            with codeload.timer_paused(), codeload.time_limit(self._allowance[0], CallTimeout):
                if self._allowance[0] <= 0:
                    raise CallTimeout
                return self._serve(args, kwargs)
        finally:
            self._allowance[0] -= time.perf_counter() - start

    def _serve(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        a = tuple(_served_arg(x) for x in copy.deepcopy(args))
        k = {key: _served_arg(v) for key, v in copy.deepcopy(kwargs).items()}
        call = ProxyCall(self._name, a, k)
        self._record.append(call)
        try:
            value = to_plain(self._fn(*copy.deepcopy(a), **copy.deepcopy(k)))
        except Exception as exc:  # noqa: BLE001 - handed to student code as its exception
            call.error = f"{type(exc).__name__}: {exc}"
            raise codeload.proxy_error(type(exc).__name__, str(exc)) from None
        call.value = value
        return copy.deepcopy(value)


def _served_arg(value: Any) -> Any:
    """An argument of a stand-in's call as plain data, a lesson function kept (by its name).

    The grader hands ``centered_difference`` a lesson function ``f``; a student's
    ``centered_difference`` that calls a served ``forward_difference(f, a, epsilon)`` passes
    it on, as the sandbox's codec does (rebuilt from its name: never the student's object).
    """
    if type(value) is LessonFunction and type(value.name) is str:
        return LessonFunction(value.name)
    return to_plain(value)


class _Bounded(io.TextIOBase):
    """A write-only text stream that keeps at most :data:`MAX_OUTPUT` characters."""

    def __init__(self, sink: io.StringIO) -> None:
        self._sink = sink

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        room = MAX_OUTPUT - self._sink.tell()
        if room > 0:
            self._sink.write(s[:room])
        return len(s)


def _student_error(exc: BaseException) -> StudentError:
    location = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        fname = frame.filename
        if fname.startswith(STUDENT_FILENAME_PREFIX) or "/autograder/" not in fname:
            if "site-packages" in fname or "/numpy/" in fname:
                continue
            location = f"line {frame.lineno}, in {frame.name}"
            break
    message = str(exc)
    if len(message) > 300:
        message = message[:300] + "..."
    return StudentError(raised_type(type(exc).__name__), message, location)


def rng_fingerprint() -> str:
    """A digest of numpy's global RNG state (the worker computes the same one)."""
    state = np.random.get_state()
    return hashlib.sha1(state[1].tobytes() + str(state[2]).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- loading


def from_module(unit: str, module: types.ModuleType) -> Submission:
    """Wrap an imported module (the pytest self-check) as a submission.

    Args:
        unit: unit name.
        module: the imported student (or reference) module.

    Returns:
        A submission whose calls go to the module's functions.
    """
    try:
        text = inspect.getsource(module)
    except (OSError, TypeError):
        text = ""
    return Submission(unit, module.__dict__, module.__name__, source_text=text)


def load_in_process(
    path: Path,
    unit: str,
    *,
    cell_timeout: float = DEFAULT_CELL_TIMEOUT,
    skip_cells: Collection[str] = (),
) -> Submission:
    """Load a ``.py`` file or the code cells of a ``.ipynb`` notebook into this process.

    The code runs in a fresh namespace with ``__name__ == "__student__"`` (a script's
    ``if __name__ == "__main__":`` block does not run), statement by statement
    (:func:`autograder.codeload.load_cells`): a statement that raises, such as an import of a
    module that exists only on the course's servers, or a function that does not compile,
    costs only itself. A file that cannot be read gives a submission with ``load_error`` set.

    Args:
        path: the file.
        unit: unit name.
        cell_timeout: seconds per notebook cell or top-level statement.
        skip_cells: sources of a notebook's cells not to run (see :func:`notebook_code_cells`).

    Returns:
        The submission.
    """
    try:
        texts = [code for _, code in submitted_code(path, skip_cells)]
    except ValueError as exc:
        ns = {"__name__": "__student__", "__file__": str(path)}
        return Submission(unit, ns, str(path), load_error=str(exc))
    notebook = path.suffix == ".ipynb"
    if notebook:
        cells = [(f"{STUDENT_FILENAME_PREFIX} cell {i + 1}>", c) for i, c in enumerate(texts)]
        text = "\n\n".join(texts)
    else:
        cells, text = [(str(path), texts[0])], texts[0]
    return load_cells_in_process(cells, unit, str(path), text, cell_timeout, notebook)


def load_cells_in_process(
    cells: list[tuple[str, str]],
    unit: str,
    origin: str,
    text: str,
    cell_timeout: float = DEFAULT_CELL_TIMEOUT,
    notebook: bool = False,
) -> Submission:
    """Load ``(file name, code)`` cells into a fresh namespace of this process.

    See :func:`load_in_process`; ``text`` is the submission's whole source text.
    """
    ns: dict[str, Any] = {"__name__": "__student__", "__file__": origin}
    ns.update(codeload.prelude(unit))
    with _quiet():
        report = codeload.load_cells(
            cells,
            ns,
            notebook=notebook,
            cell_timeout=cell_timeout,
            deadline=time.monotonic() + cell_timeout * max(len(cells), 3),
            describe=lambda exc: str(_student_error(exc)),
            clock=time.monotonic,
        )
    sub = Submission(unit, ns, origin, source_text=text)
    sub._texts = [code for _, code in cells]
    sub.cell_errors = report.errors
    sub._broken = report.broken
    sub._files = [name for name, _ in cells]
    sub._watching = True
    sub._observe(codeload.bound_identities(ns, sub.watched()))
    return sub


@contextlib.contextmanager
def _quiet():  # noqa: ANN202
    out = io.StringIO()
    old_env = os.environ.get("AUTOGRADER_GRADING")
    os.environ["AUTOGRADER_GRADING"] = "1"
    try:
        with (
            contextlib.redirect_stdout(_Bounded(out)),
            contextlib.redirect_stderr(_Bounded(out)),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        if old_env is None:
            os.environ.pop("AUTOGRADER_GRADING", None)
        else:
            os.environ["AUTOGRADER_GRADING"] = old_env


def submitted_code(path: Path, skip_cells: Collection[str] = ()) -> list[tuple[int, str]]:
    """The code the grader runs from a submitted ``.py`` file or ``.ipynb`` notebook.

    A notebook's code cells as :func:`notebook_code_cells_indexed` reads them; a ``.py``
    file's text in its declared encoding (:func:`autograder.codeload.decode_source`), with
    Jupyter's exported magics undone (:func:`autograder.codeload.script_code`), as one cell.

    Args:
        path: the file.
        skip_cells: sources of a notebook's cells not to run.

    Returns:
        ``[(index among the notebook's code cells, code)]``; ``[(0, code)]`` for a ``.py``.

    Raises:
        ValueError: the file cannot be read (the message says why).
    """
    try:
        if path.suffix == ".ipynb":
            return notebook_code_cells_indexed(path.read_text(encoding="utf-8"), skip_cells)
        return [(0, codeload.script_code(codeload.decode_source(path.read_bytes())))]
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from None


def notebook_code_cells(raw: str, skip: Collection[str] = ()) -> list[str]:
    """Return the code cells of a notebook that define the student's code.

    Grade cells (nbgrader ``grade: true``) are left out, and IPython's magics and shell escapes
    as :func:`autograder.codeload.cell_code` reads them (a ``%%writefile`` cell is no code);
    everything else runs in order, but for cells without nbgrader metadata whose
    source is one of ``skip``: the kit's own try-it and ``check(...)`` cells left exactly as
    released, which call functions and define none (a looping function would otherwise cost
    each of them the whole cell time limit).

    Args:
        raw: the notebook file's text.
        skip: sources of cells not to run.

    Returns:
        The code of each cell to run.

    Raises:
        ValueError: if the text is not a notebook.
    """
    return [code for _, code in notebook_code_cells_indexed(raw, skip)]


def is_kit_cell(cell: Mapping[str, Any], kit: Collection[str]) -> bool:
    """Whether a notebook cell is one of the kit's own cells ``kit``, left exactly as released.

    Such a cell (a try-it or ``check(...)`` cell) has no nbgrader metadata and the released
    source; a cell the student edited is the student's.
    """
    return "nbgrader" not in cell.get("metadata", {}) and cell.get("source") in kit


def notebook_code_cells_indexed(raw: str, skip: Collection[str] = ()) -> list[tuple[int, str]]:
    """Like :func:`notebook_code_cells`, with each cell's index among the code cells.

    Args:
        raw: the notebook file's text.
        skip: sources of cells not to run.

    Returns:
        ``[(index among the notebook's code cells, code to run)]``.

    Raises:
        ValueError: if the text is not a notebook.
    """
    import nbformat

    try:
        nb = nbformat.reads(raw, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises several types
        raise ValueError(f"not a readable notebook: {exc}") from None
    cells = []
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution"):
            continue
        if is_kit_cell(cell, skip):
            continue
        cells.append((index, codeload.cell_code(cell.source)))
    return cells
