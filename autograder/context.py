"""The object a check function receives: the only way a check reaches student code."""

from __future__ import annotations

import ast
import contextlib
import copy
import inspect
import io
import random
import time
import types
import warnings
import weakref
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from autograder.asserts import is_real_scalar
from autograder.plain import describe_args, same_plain, to_plain
from autograder.spec import CheckFailure, GraderError, NeedsReference, Task
from autograder.submission import CallOutcome, StudentError, Submission

#: Expected values computed from a reference module, per module and key: visible inputs are
#: fixed, so a grader that grades many submissions (a class, the test suite) computes each
#: once. Handed out as copies, so no check can change what the next one sees.
_EXPECTED: weakref.WeakKeyDictionary[types.ModuleType, dict[str, Any]] = weakref.WeakKeyDictionary()

#: A call whose reference takes at most 1/REFERENCE_SLACK of QUICK_CALL_SECONDS (20 ms) on
#: the same arguments may take QUICK_CALL_SECONDS; others the submission's ``call_timeout``.
REFERENCE_SLACK = 100.0
QUICK_CALL_SECONDS = 2.0

#: Seconds the reference took, per module and call (function, arguments' shapes and scalars).
_REFERENCE_SECONDS: weakref.WeakKeyDictionary[types.ModuleType, dict[Any, float | None]] = (
    weakref.WeakKeyDictionary()
)


#: Calls with more array entries than this are not timed on the reference (full limit): what
#: the grader spends on timing stays small whatever student code returned to feed them.
TIMED_ENTRIES = 100_000


def save_random_state() -> tuple[Any, Any]:
    """The global random states of numpy and Python, for :func:`restore_random_state`.

    A check, an advice rule and the grader's own reference calls leave both as they found them.
    """
    return np.random.get_state(), random.getstate()


def restore_random_state(state: tuple[Any, Any]) -> None:
    """Put back the states :func:`save_random_state` returned."""
    np.random.set_state(state[0])
    random.setstate(state[1])


def _same_literal(a: Any, b: Any) -> bool:
    """True when two default values are the same literal (``1.2 == 1.2``; ``True != 1``)."""
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:  # noqa: BLE001 - arrays and odd objects are never a literal's equal
        return False


def _entries(value: Any) -> int:
    """Number of array entries in a call's arguments (nested lists, tuples and dicts)."""
    if isinstance(value, np.ndarray):
        return int(value.size)
    if isinstance(value, dict):
        return sum(_entries(v) for v in value.values())
    if isinstance(value, list | tuple):
        return sum(_entries(v) for v in value)
    return 0


def _call_key(value: Any) -> Any:
    """What decides how long a call takes: arrays by shape and type, other values as they are."""
    if isinstance(value, np.ndarray):
        return ("array", value.shape, value.dtype.str)
    if isinstance(value, dict):
        return ("dict", tuple((repr(k), _call_key(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_call_key(v) for v in value))
    if isinstance(value, int | float | str | bool | np.generic) or value is None:
        return value
    return type(value).__name__


class StudentRaised(Exception):  # noqa: N818
    """Student code raised (or timed out) during a check; the engine reports it."""

    def __init__(self, function: str, error: StudentError, call_text: str) -> None:
        super().__init__(str(error))
        self.function = function
        self.error = error
        self.call_text = call_text


@dataclass
class LastCall:
    """The most recent call of student code made by a check (for messages and diagnosis)."""

    function: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    outcome: CallOutcome
    seed: int | None = None
    #: The stand-ins the call was made with (``Submission.call``'s ``proxies``).
    proxies: dict[str, Callable[..., Any]] | None = None
    #: Made by a hidden check: its inputs are secret (drawn from the course's secret).
    secret: bool = False


class Context:
    """What a check can do: call student code, ask for the reference, read expected values.

    Attributes:
        task: the task being checked.
        submission: the student's code (reached only through :meth:`call`).
        reference: the reference module, or None where it is not installed.
        rng: a fresh generator for hidden inputs, seeded per grading run.
        last: the last call of student code.
    """

    def __init__(
        self,
        task: Task,
        submission: Submission,
        reference: types.ModuleType | None,
        expected: dict[str, Any],
        rng: np.random.Generator,
        recorder: dict[str, Any] | None = None,
    ) -> None:
        self.task = task
        self.submission = submission
        self.reference = reference
        self._expected = expected
        self.rng = rng
        self._recorder = recorder
        self.last: LastCall | None = None
        self.calls: list[LastCall] = []
        #: The check is hidden: its calls' inputs are secret. Set by the engine.
        self.secret = False
        #: The check runs again with the student's own failing blocks (the engine's
        #: ``_with_own_blocks``): what they return is their own task's business.
        self.own_blocks = False
        self.advice: list[str] = []
        self.recognized: list[str] = []
        self.notes: list[str] = []
        self._shown: LastCall | None = None
        #: Building blocks of the submission replaced by the reference's for every call of
        #: this check (their own task fails: one bug costs once). Set by the engine.
        self.substitutes: dict[str, Callable[..., Any]] = {}
        #: The substitutes the student's code is served (the blocks the reference's solution
        #: of the task depends on); None: all of them. Checks' own calls get every one.
        self.served: frozenset[str] | None = None
        #: The served blocks the reference's solution does not need, served because the
        #: student's own code calls them (an earlier task's function: ``tanh`` in
        #: ``forward_propagation``). Their answer handed back, whole or entry by entry, is
        #: no work of the function's own, whatever the arguments. Set by the engine.
        self.called_only: frozenset[str] = frozenset()
        #: The unit's other task functions the task's function uses or calls (directly or
        #: through helpers of its own) and the reference has. Set by the engine.
        self.blocks: frozenset[str] = frozenset()
        #: Where the grader's math is absent (the student kit): the failure of the unit's
        #: function ``name`` that a check computes with in its place (``"your compute_cost(),
        #: which fails Task 5.6"``), or None. Set by the engine; see
        #: :func:`autograder.units._network_checks.expect_own_math`.
        self.block_failure: Callable[[str], str | None] = lambda name: None
        #: What a call printed made again with some blocks the grader's (see :meth:`_again`).
        self._printed_with: dict[tuple[int, tuple[str, ...]], str | None] = {}
        self._default_gaps: dict[str, list[tuple[int, str, Any, Any]]] = {}
        #: Where calls go instead of the submission, inside :meth:`calls_on`.
        self._calls_on: Submission | None = None

    # ----------------------------------------------------------------- the call shown
    def show_call(self, call: LastCall | None = None) -> None:
        """Show ``call`` (default: the latest) in the ``called:`` line and use it to diagnose.

        A check that makes many calls (a gradient check calls the forward pass many times)
        names the one call the student should look at.
        """
        self._shown = call if call is not None else self.last

    @property
    def shown_call(self) -> LastCall | None:
        """The call a failure message shows: the one chosen by :meth:`show_call`, or the last."""
        return self._shown if self._shown is not None else self.last

    # ----------------------------------------------------------------- notes
    def advise(self, text: str) -> None:
        """Record advice for the student that costs no points (kit-only teaching)."""
        if text not in self.advice:
            self.advice.append(text)

    def note(self, text: str) -> None:
        """Record a fact about how the check was run that the student should know."""
        if text not in self.notes:
            self.notes.append(text)

    def recognize(self, text: str) -> None:
        """Record a convention of an older course release that the check accepted."""
        if text not in self.recognized:
            self.recognized.append(text)

    # ----------------------------------------------------------------- student code
    def outcome(
        self,
        function: str,
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        *,
        seed: int | None = None,
        proxies: dict[str, Callable[..., Any]] | None = None,
        timeout: float | None = None,
        on: Submission | None = None,
    ) -> CallOutcome:
        """Call a student function and return the full outcome (never raises).

        ``proxies`` bind names of the submission to grader-served stand-ins for the call
        (see :meth:`autograder.submission.Submission.call`), for example
        ``{"propagate": ctx.ref("propagate")}`` to run the call with the reference block.
        ``on``: another submission to call in the same way (the same stand-ins; the call is
        not recorded as this check's), such as :meth:`Submission.as_read`'s.
        """
        on = on if on is not None else self._calls_on
        if timeout is None:
            timeout = self.call_limit(function, args, kwargs, seed)
        extra = {} if timeout is None else {"timeout": timeout}
        if function in self.substitutes:  # a failing block called directly: the reference's
            out = self._substitute(function, args, kwargs, seed)
        else:
            if self.substitutes:  # failing building blocks, replaced by the reference's
                blocks = {
                    f: self._in_student_order(f, self._with_own_defaults(f, self.substitutes[f]))
                    for f in self.stood_in()
                }
                proxies = {**blocks, **(proxies or {})}
            if seed is None and self._source_checked(function):
                seed = zlib.crc32(f"{function}:{len(self.calls)}".encode())  # see below
            target = self.submission if on is None else on
            out = target.call(function, args, kwargs, seed=seed, proxies=proxies, **extra)
            if on is not None:
                return out
        self.last = LastCall(function, args, dict(kwargs or {}), out, seed, proxies, self.secret)
        self.calls.append(self.last)
        if self._source_checked(function) and _entries((args, kwargs, out.value)) <= TIMED_ENTRIES:
            self.submission.graded_calls.record(self.last)  # for its source check only
        return out

    def _source_checked(self, function: str) -> bool:
        """Whether ``function`` is its task's and the task has a source check.

        Every call of it is then seeded: a source check replays the calls on the code it read,
        run alone, which must draw what the submission drew (a model starting from random
        weights), and no call differs from the others by having a seed (red team, round 10).
        """
        task = self.task
        return function == task.function and any(c.runs_last for c in task.checks)

    def call_limit(
        self,
        function: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any] | None = None,
        seed: int | None = None,
    ) -> float | None:
        """Seconds a student's call may take: short where the reference is quick.

        Where the reference took ``t`` on these arguments (timed once per grading process
        and call shape) and ``REFERENCE_SLACK × t`` is within ``QUICK_CALL_SECONDS``, the
        call gets ``QUICK_CALL_SECONDS``: a function that loops forever then costs about two
        seconds instead of the full limit, while a correct one written with Python loops
        instead of numpy stays far inside (it would have to be a hundred times slower than
        the reference). A heavier call (a training run) gets the submission's whole
        ``call_timeout``, as does any call where the reference is not installed or refuses
        the arguments, or whose arguments hold more than ``TIMED_ENTRIES`` array entries
        (None).
        """
        if self.reference is None or not callable(getattr(self.reference, function, None)):
            return None
        if _entries((args, kwargs)) > TIMED_ENTRIES:
            return None
        key = (function, _call_key(args), _call_key(dict(kwargs or {})), seed)
        known = _REFERENCE_SECONDS.setdefault(self.reference, {})
        if key not in known:
            fn = self.ref(function)  # on copies of the arguments
            saved = save_random_state()
            try:
                if seed is not None:
                    np.random.seed(seed)
                with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    start = time.perf_counter()
                    fn(*args, **dict(kwargs or {}))
                    known[key] = time.perf_counter() - start
            except Exception:  # noqa: BLE001 - arguments the reference refuses: no estimate
                known[key] = None
            finally:
                restore_random_state(saved)
        took = known[key]
        quick = took is not None and REFERENCE_SLACK * took <= QUICK_CALL_SECONDS
        return QUICK_CALL_SECONDS if quick else None

    def _with_own_defaults(self, function: str, block: Callable[..., Any]) -> Callable[..., Any]:
        """A substitute ``block`` that also corrects the failing block's wrong defaults.

        A stand-in binds the calls with the student's own signature, so a composite that
        relies on a default (``update_parameters(parameters, grads)``) would pass the
        student's wrong default (``learning_rate=0.01``) to the correct block and still
        train wrong: the bug would cost the composite too. An argument equal to the
        student's literal default, where that differs from the reference's, becomes the
        reference's default. (A composite that passes exactly that wrong value on purpose is
        graded as if it had left it out.)
        """
        if function not in self._default_gaps:  # read once per check, not once per call
            self._default_gaps[function] = self._wrong_defaults(function)
        wrong = self._default_gaps[function]
        if not wrong:
            return block

        def corrected(*args: Any, **kwargs: Any) -> Any:
            args, kwargs = list(args), dict(kwargs)
            for position, name, own, ref in wrong:
                if position < len(args) and _same_literal(args[position], own):
                    args[position] = ref
                elif name in kwargs and _same_literal(kwargs[name], own):
                    kwargs[name] = ref
            return block(*args, **kwargs)

        return corrected

    def _in_student_order(self, function: str, block: Callable[..., Any]) -> Callable[..., Any]:
        """A substitute ``block`` called as the student's code calls their own ``function``.

        Where the student's function has the reference's parameters in another order
        (``update_parameters(grads, parameters)``), their code passes the arguments in that
        order: they are handed on to the reference by name. The order's mistake costs the
        function's own task, not the composite that calls it consistently.
        """
        ref_fn = getattr(self.reference, function, None)
        try:
            params = inspect.signature(ref_fn).parameters.values()
        except (TypeError, ValueError):
            return block
        names = [p.name for p in params if p.kind == p.POSITIONAL_OR_KEYWORD]
        own = self.submission.params(function) if self.submission.has(function) else None
        if own is None or own == names or sorted(own) != sorted(names):
            return block

        def by_name(*args: Any, **kwargs: Any) -> Any:
            return block(**{**dict(zip(own, args)), **kwargs})

        return by_name

    def _wrong_defaults(self, function: str) -> list[tuple[int, str, Any, Any]]:
        """``(position, name, the student's default, the reference's)`` where they differ.

        Only defaults written as literals are read, from the source (so in either seam);
        positions count the student's parameters in order (keyword-only ones last).
        """
        ref_fn = getattr(self.reference, function, None)
        try:
            ref_params = inspect.signature(ref_fn).parameters
            tree = ast.parse(self.submission.source(function) or "")
        except (TypeError, ValueError, SyntaxError):
            return []
        fn = next((n for n in tree.body if isinstance(n, ast.FunctionDef)), None)
        if fn is None:
            return []
        a = fn.args
        positional = [*a.posonlyargs, *a.args]
        pairs = list(zip(positional[len(positional) - len(a.defaults) :], a.defaults))
        pairs += [(p, d) for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]
        order = [p.arg for p in (*positional, *a.kwonlyargs)]
        out = []
        for param, node in pairs:
            ref = ref_params.get(param.arg)
            if ref is None or ref.default is inspect.Parameter.empty:
                continue
            try:
                own = ast.literal_eval(node)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                continue
            if not _same_literal(own, ref.default):
                out.append((order.index(param.arg), param.arg, own, ref.default))
        return out

    def _substitute(
        self, function: str, args: tuple[Any, ...], kwargs: dict[str, Any] | None, seed: int | None
    ) -> CallOutcome:
        """The outcome of the reference ``function`` standing in for the student's."""
        if seed is not None:  # the engine restores the grader's random state after the check
            np.random.seed(seed)
        try:
            value = self.substitutes[function](*args, **dict(kwargs or {}))
        except Exception as exc:  # noqa: BLE001 - the reference refuses these arguments
            return CallOutcome(error=StudentError(type(exc).__name__, str(exc)[:300]))
        return CallOutcome(
            value=value,
            args_after=tuple(copy.deepcopy(args)),
            kwargs_after=copy.deepcopy(dict(kwargs or {})),
        )

    def side_effect_lines(self, *, changes: bool = True) -> list[tuple[str, str]]:
        """Describe what this check's calls did besides returning a value (failures only).

        Two findings, each reported once per function: an argument changed in place, and
        notebook-level data variables read instead of the arguments. They explain a failure;
        a passing check says nothing of them (where the kit teaches against them, a unit's
        advice rule does, and course templates that reseed are not told off).

        Args:
            changes: whether to report arguments changed in place (not where the failure is
                that change itself).

        Returns:
            ``("note", text)`` lines for a message (empty when nothing was seen).
        """
        try:
            return self._side_effect_lines(changes)
        except Exception:  # noqa: BLE001 - notes are extras; never lose a verdict over them
            return []

    def _side_effect_lines(self, changes: bool) -> list[tuple[str, str]]:
        notes: list[str] = []
        for call in self.calls:
            fn, out = call.function, call.outcome
            names = self.submission.params(fn) or []
            compared = zip(call.args, out.args_after) if changes else ()
            for i, (before, after) in enumerate(compared):
                if not isinstance(before, np.ndarray | list | dict):
                    continue
                if not same_plain(before, after, rtol=0, atol=0):
                    pname = names[i] if i < len(names) else f"#{i + 1}"
                    notes.append(
                        f"{fn}() changed its argument {pname} in place (the caller's data is "
                        "modified)."
                    )
            for key, before in call.kwargs.items() if changes else ():
                after = out.kwargs_after.get(key)
                if isinstance(before, np.ndarray | list | dict) and not same_plain(
                    before, after, rtol=0, atol=0
                ):
                    notes.append(f"{fn}() changed its argument {key} in place.")
            if out.globals_read:
                names_read = ", ".join(out.globals_read)
                notes.append(
                    f"{fn}() reads the notebook variable(s) {names_read} defined outside the "
                    "function instead of using its arguments."
                )
        unique = list(dict.fromkeys(notes))
        return [("note", text) for text in unique[:3]]

    @contextlib.contextmanager
    def calls_on(self, other: Submission | None) -> Iterator[None]:
        """Within the block, calls of student code go to ``other``, not recorded as shown.

        ``other`` is the submission loaded afresh (:meth:`Submission.as_read`): a replay of
        its blocks there sees no state the grader's earlier calls left in the student's
        process (red team, round 16: an nn_model returning what update_parameters last
        returned matched the grader's replay of the blocks). None: calls go as usual.
        """
        saved, self._calls_on = self._calls_on, other
        try:
            yield
        finally:
            self._calls_on = saved

    def call(self, *args: Any, **kwargs: Any) -> Any:
        """Call the task's function; return its plain result or raise :class:`StudentRaised`."""
        return self.call_fn(self.task.function, *args, **kwargs)

    def call_fn(self, function: str, *args: Any, **kwargs: Any) -> Any:
        """Call any student function; return its result or raise :class:`StudentRaised`."""
        return self.call_seeded(function, args, kwargs).value

    def call_seeded(
        self,
        function: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any] | None = None,
        *,
        seed: int | None = None,
        proxies: dict[str, Callable[..., Any]] | None = None,
    ) -> CallOutcome:
        """Call a student function (after ``np.random.seed(seed)`` if given).

        Returns:
            The full outcome of a call that returned.

        Raises:
            StudentRaised: if the call raised or timed out.
        """
        out = self.outcome(function, args, kwargs, seed=seed, proxies=proxies)
        if out.error is not None:
            text = f"{function}({describe_args(args, kwargs or {})})"
            if seed is not None:
                text += f" after np.random.seed({seed})"
            raise StudentRaised(function, out.error, text)
        self._expect_own_work(function, args, out)
        return out

    def printing_blocks(self, call: LastCall) -> list[str]:
        """The building blocks whose own prints are part of what ``call`` printed.

        A building block's print (a debug ``print(cost)`` left in ``compute_cost``) is the
        block's, not the training function's that calls it. Each block the function uses
        and the reference has is tried in turn: where the call prints fewer lines with that
        block the grader's (which prints nothing), the block printed them. A block that
        prints costs by design (one with a ``print_cost`` parameter: ``optimize`` for
        ``model``) or draws random numbers (an initializer) is not tried. None without the
        reference or where the call printed nothing.
        """
        printed = call.outcome.stdout
        if not printed.strip() or self.reference is None:
            return []
        lines = len(printed.splitlines())
        found = []
        for block in sorted(self.blocks - set(self.substitutes)):
            if self._quiet_block(block):
                again = self._again(call, [block])
                if again is not None and len(again.splitlines()) < lines:
                    found.append(block)
        return found

    def stdout_without(self, blocks: Sequence[str], call: LastCall | None = None) -> str:
        """What ``call`` (default: the last) prints with ``blocks`` the grader's, else as it did."""
        call = call if call is not None else self.last
        assert call is not None
        again = self._again(call, blocks) if blocks else None
        return call.outcome.stdout if again is None else again

    def _again(self, call: LastCall, blocks: Sequence[str]) -> str | None:
        """What ``call`` prints made again with ``blocks`` the grader's; None if it fails.

        Made once per call and blocks (the search of :meth:`printing_blocks` has made the
        call with the one block that prints, which the printing checks then read).
        """
        key = (id(call), tuple(sorted(blocks)))
        if key not in self._printed_with:
            shown = self.last
            proxies = {f: self.ref_block(f) for f in blocks}
            args, kwargs, seed = call.args, call.kwargs, call.seed
            again = self.outcome(call.function, args, kwargs, seed=seed, proxies=proxies)
            self.last = shown
            self._printed_with[key] = again.stdout if again.error is None else None
        return self._printed_with[key]

    def _quiet_block(self, function: str) -> bool:
        """Whether the reference ``function`` neither prints costs nor draws random numbers."""
        fn = getattr(self.reference, function, None)
        try:
            source = inspect.getsource(fn)
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError, OSError):
            return False
        return "print_cost" not in params and "random" not in source

    def stood_in(self) -> list[str]:
        """The failing blocks whose reference the student's code is served (see ``served``)."""
        return [f for f in self.substitutes if self.served is None or f in self.served]

    def _expect_own_work(self, function: str, args: tuple[Any, ...], out: CallOutcome) -> None:
        """A function does its own work, not hand its arguments to a block the grader serves.

        A failing block stands in as the reference's, so that its mistake costs once; a
        function that returns what such a block returns for its own arguments
        (``propagate_vectorized`` returning ``propagate_loops(w, b, X, Y)`` of a stub) would
        get the reference's answer for its points.
        """
        if function in self.substitutes:
            return
        mine = [c for c in out.proxy_calls if c.kept and c.name in self.called_only]
        for call in out.proxy_calls:
            if not call.kept or call.name not in self.substitutes or call.name in self.called_only:
                continue
            if len(call.args) < len(args):
                continue
            same = all(same_plain(a, b) for a, b in zip(args, call.args))
            if same and same_plain(call.value, out.value):
                self._no_own_work(function, call.name, "returns what", "for its own arguments")
        for name in sorted({c.name for c in mine}):
            values = [c.value for c in mine if c.name == name]
            if len(values) == 1 and same_plain(values[0], out.value):
                self._no_own_work(function, name, "returns what", "")
            if _entry_by_entry(out.value, values):
                self._no_own_work(function, name, "is made of what", "entry by entry")

    @staticmethod
    def _no_own_work(function: str, block: str, does: str, how: str) -> None:
        """Raise the failure of ``function`` handing back ``block``'s answer as its own."""
        how = f" {how}" if how else ""
        raise CheckFailure(
            f"{function}() {does} {block}() returns{how}, and {block}() fails its own task "
            f"(a correct one stood in for it here): {function}() earns nothing from it.",
            hint=f"compute the result in {function}() itself.",
            kind="behaviour",
        )

    def called(self) -> str:
        """Describe the last call, for the ``called:`` line of a message."""
        call = self.shown_call
        if call is None:
            return ""
        return f"{call.function}({describe_args(call.args, call.kwargs)})"

    # ----------------------------------------------------------------- reference
    def ref(self, function: str | None = None) -> Callable[..., Any]:
        """Return a reference function wrapped to return plain data.

        Raises:
            NeedsReference: where the reference solutions are not installed.
        """
        if self.reference is None:
            raise NeedsReference(function or self.task.function)
        fn = getattr(self.reference, function or self.task.function)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            return to_plain(fn(*copy.deepcopy(args), **copy.deepcopy(kwargs)))

        return wrapped

    def ref_block(self, function: str) -> Callable[..., Any]:
        """The reference ``function`` as a stand-in for the student's own (a proxy).

        It takes whatever arguments the student's code passes: positional arguments beyond
        the reference's (an older release's extra ``parameters``) are dropped. What it prints
        is discarded (it runs in the grader).

        Raises:
            NeedsReference: where the reference solutions are not installed.
        """
        wrapped = self.ref(function)
        fn = getattr(self.reference, function)
        try:
            params = inspect.signature(fn).parameters.values()
            positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)
        except (TypeError, ValueError):
            positional = None

        def block(*args: Any, **kwargs: Any) -> Any:
            if positional is not None:
                args = args[:positional]
            with contextlib.redirect_stdout(io.StringIO()):
                return wrapped(*args, **kwargs)

        return block

    def expected(self, key: str, compute: Callable[[Callable[..., Any]], Any]) -> Any:
        """Return an expected value for a visible check.

        Where the reference is installed the value is computed from it (and recorded when
        freezing); otherwise the stored value is used.

        Args:
            key: a key unique within the unit, such as ``"sigmoid/visible"``.
            compute: given :meth:`ref`-style access ``ref(name)``, computes the value.

        Raises:
            GraderError: if neither the reference nor a stored value is available.
        """
        if self.reference is not None:
            known = _EXPECTED.setdefault(self.reference, {})
            if key not in known:
                known[key] = compute(self.ref)
            value = copy.deepcopy(known[key])
            if self._recorder is not None:
                self._recorder[key] = value
            return value
        if key in self._expected:
            return self._expected[key]
        raise GraderError(f"no stored expected value for {key!r}; run python -m autograder.freeze")


def _entry_by_entry(value: Any, returned: list[Any]) -> bool:
    """Whether every entry of the array ``value`` is one of the numbers ``returned`` lists.

    A ``sigmoid`` that applies a served ``basic_sigmoid`` to each entry (``np.vectorize``, a
    comprehension) returns the block's answers, one per entry.
    """
    numbers = [float(v) for v in returned if is_real_scalar(v)]
    if not isinstance(value, np.ndarray) or value.size < 2 or len(numbers) < value.size:
        return False
    try:
        entries = np.asarray(value, dtype=np.float64).ravel()
    except (TypeError, ValueError):
        return False
    known = np.asarray(numbers)
    return all(np.isclose(known, e, rtol=1e-12, atol=0.0).any() for e in entries)
