"""What names the mistake behind a failed check: the hint of a failure, in one place.

A failing check has its own hint; a better one is looked for first, in this order:

- for an exception of the student's code (:func:`raised_hint`): a name the code imports from
  a module that failed to load; what the function's source shows
  (:mod:`autograder.source_hints`: parameters in another order than the stub's, a name or
  key spelled two ways, a call that does not fit a signature or passes its arguments as one
  tuple, a ``return`` inside a loop, a key assigned twice in one unpacking, names unpacked
  in another order than the reference's, a misspelled string); the sizes a function
  written for the visible inputs only holds as numbers (hidden checks); what numpy's
  message means (:mod:`autograder.hints`);
- for a wrong result (:func:`failure_hint`): what the source shows (parameters in another
  order, a ``return`` inside a loop, a key assigned twice, names unpacked in another order,
  a misspelled string); a known mistake of the catalogue that gives the same result on the
  same call; how the result relates to the reference's on that call
  (:mod:`autograder.relations`), unless the failure is about printed output; then the
  check's own hint; then the sizes written as numbers (hidden checks).

A function not found is told of a function spelled alike (:func:`not_found_hint`).

Everything here is an extra: an error while looking for a hint leaves the check's own.
"""

from __future__ import annotations

import ast
import collections
import contextlib
import copy
import hashlib
import importlib
import inspect
import io
import itertools
import pickle
import re
import textwrap
import threading
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from autograder import codeload, hints, relations, source_hints, units
from autograder.checklib import PRINTED, fixed_size_hint
from autograder.context import Context, LastCall, StudentRaised
from autograder.mistakes import Mistake, catalogue, in_course_forms
from autograder.plain import describe, same_form, same_plain, to_plain
from autograder.spec import Check, CheckFailure, Task, Unit
from autograder.submission import StudentError, Submission


def raised_hint(
    unit: Unit, check: Check, ctx: Context, exc: StudentRaised, reference: Any
) -> tuple[str | None, Mistake | None]:
    """The hint of an exception that the student's code raised in ``check``, and its mistake.

    Args:
        unit: the unit.
        check: the check that called the code.
        ctx: its context (the call, the submission).
        exc: the exception, as the seam reported it.
        reference: the reference module, or None where it is not installed.

    Returns:
        ``(hint, mistake)``: the mistake of the catalogue that raises as the student's code
        did on this call, or None.
    """
    err = exc.error
    hint = _failed_import_hint(ctx.submission, err.type, err.message)
    hint = hint or _raised_source_hint(ctx, exc, reference)
    try:
        found = None if hint else _known_raise(unit, check, ctx, exc, reference)
    except Exception:  # noqa: BLE001 - a diagnosis bug must not lose the verdict
        found = None
    if found:
        return f"this looks like a known mistake: {found.title}. {found.hint}".strip(), found
    hint = hint or _caller_source_hint(ctx, exc, reference) or _hidden_sizes_hint(check, ctx)
    hint = hint or _transposed_already(ctx, err, hints.hint_for(err.type, err.message))
    return hint, None


def _transposed_already(ctx: Context, err: StudentError, hint: str | None) -> str | None:
    """The "a missing .T?" of numpy's error, said of a line that transposes: one too many?

    msg 18 s29: ``np.dot(W1, X.T)`` was told "the second operand transposed fits: a missing
    .T?"; the line has one .T too many.
    """
    if not hint or "a missing .T" not in hint or not err.function or not err.line:
        return hint
    lines = (ctx.submission.placed_source(err.function) or "").splitlines()
    line = lines[err.line - 1].strip() if 0 < err.line <= len(lines) else ""
    if ".T" not in line:
        return hint
    return hint.replace(
        "a missing .T", f"a .T missing, or one too many (line {err.line} has one: {line})"
    )


#: numpy's messages that name the shapes (or sizes) of what they could not combine.
_SHAPES_NAMED = re.compile(r"shapes? \(\d|size of axis is \d|mismatch in its core dimension")


def _known_raise(
    unit: Unit, check: Check, ctx: Context, exc: StudentRaised, reference: Any
) -> Mistake | None:
    """The one known mistake of the raising function that raises the same error on its call.

    The same exception class and message, on the shown call, for numpy's errors that name the
    shapes they could not combine (a ``KeyError: 'W4'`` or a ``TypeError`` says too little:
    other mistakes raise them alike); None where no mistake of the catalogue, or more than
    one, does.
    """
    last, err = ctx.shown_call, exc.error
    if reference is None or last is None or last.outcome.error is None:
        return None
    if not _SHAPES_NAMED.search(err.message):
        return None
    if last.function != exc.function:
        return None
    entries = [m for m in catalogue(unit.name) if m.function == last.function]
    call_key, found = _call_key(last), {}
    for m in itertools.chain(entries, in_course_forms(entries, reference)):
        if m.title in found or (ctx.task.function, check.name) not in m.qualified_fails():
            continue
        try:
            _rerun_once(m, reference, last, call_key)
        except Exception as raised:  # noqa: BLE001 - the mistake's own error, compared below
            if type(raised).__name__ == err.type and str(raised) == err.message:
                found[m.title] = m
    return next(iter(found.values())) if len(found) == 1 else None


def failure_hint(
    unit: Unit, task: Task, check: Check, ctx: Context, exc: CheckFailure, reference: Any
) -> tuple[str | None, Mistake | None]:
    """The hint of a failed check, and the known mistake it names, if any.

    Args:
        unit: the unit.
        task: the task.
        check: the check that failed.
        ctx: its context (the call shown, the submission).
        exc: the failure.
        reference: the reference module, or None where it is not installed.

    Returns:
        ``(hint, mistake)``: the mistake of the catalogue whose output is the student's, or
        None.
    """
    found = None
    try:  # what the source shows is the cause, whatever the value resembles
        hint = _source_hint(ctx, task.function, reference)
        if hint is None and exc.sourced:  # the check read the cause in the code too
            hint = exc.hint
        if hint is None:
            printed = exc.kind == PRINTED  # then the mistake must print the same, too
            found = _diagnose(unit, task, check, ctx, reference, printed)
            hint = found[0] if found else None
    except Exception:  # noqa: BLE001 - a diagnosis bug must not lose the verdict
        hint = found = None
    if hint is None and exc.specific:  # the check read the cause from this very result
        hint = exc.hint
    if hint is None:  # no known mistake: how the value is wrong, if simply
        try:  # (what was printed is wrong, not the value: the value's relations do not say)
            relations_of = _relations(ctx, reference) if exc.kind != PRINTED else (None,) * 6
            parts, summed, count, near, unchanged, relation = relations_of
        except Exception:  # noqa: BLE001 - the same: a hint is an extra
            parts = summed = count = near = unchanged = relation = None
        # what the check found of the cause by calling again (an argument that changes
        # nothing) or reading the code stands; then a result made of the right one's parts, or
        # of its terms before a sum, a number written where m belongs, a result nearly right,
        # or a part returned as it was given (and no simpler relation) say more than the
        # check's generic hint; the other relations only where the check has none
        hint = exc.hint if exc.explained else None
        hint = hint or parts or summed or count or near or (None if relation else unchanged)
        hint = hint or relation or exc.hint
        hint = hint or _hidden_sizes_hint(check, ctx)
    return hint, (found[1] if found else None)


@contextlib.contextmanager
def silenced() -> Iterator[None]:
    """Run a check, an advice rule or a catalogued mistake with warnings ignored.

    Python's warnings are filtered out and numpy's floating-point errors (overflow, division
    by zero...) ignored in the grader's process while it runs.
    """
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def _diagnose(
    unit: Unit, task: Task, check: Check, ctx: Context, reference, printed: bool = False
) -> tuple[str, Mistake] | None:
    """Name a known mistake whose output matches the student's on the failing call.

    The mistake's result and what it leaves of the arguments must be the student's, and with
    ``printed`` (a failure about printed output) what it prints too. Returns ``(hint,
    mistake)``, or None when no mistake of the catalogue matches. The hint is then the
    mistake's own advice only: a check's generic hint may not fit what this student did.
    Where several mistakes give the student's output on this call, each is named (and the
    first returned), without advice: this call cannot tell which one it is. A mistake whose
    output on this call is the right one is not named: the output is no sign of it (a
    correct tanh of the student's own, failing a source check, gives what "re-exports
    np.tanh" gives).
    """
    last = ctx.shown_call
    if reference is None or last is None or last.outcome.error is not None:
        return None
    entries = [m for m in catalogue(unit.name) if m.function == last.function]
    call_key = _call_key(last)
    got = (last.outcome.value, last.outcome.args_after, last.outcome.stdout)
    found: dict[str, Mistake] = {}  # by title: a mistake in a course form is the same one
    for m in itertools.chain(entries, in_course_forms(entries, reference)):
        if m.title in found:
            continue
        if (task.function, check.name) not in m.qualified_fails():
            continue
        try:
            output = _rerun_once(m, reference, last, call_key)
        except Exception:  # noqa: BLE001, S112 - a mistake that raises cannot match
            continue
        if _same_output(output, got, printed):
            found[m.title] = m
    if found:
        try:
            key = (
                getattr(reference, "__name__", ""),
                id(reference),
                "<reference>",
                "",
                (),
                call_key,
            )
            right = _remembered(key, lambda: getattr(reference, last.function), last, call_key)
        except Exception:  # noqa: BLE001 - the reference cannot tell: the matches stand
            right = None
        if right is not None and _same_output(right, got, printed):
            return None
    if not found:
        return None
    first, *others = found.values()
    if not others:
        text = f"this looks like a known mistake: {first.title}."
        return f"{text} {first.hint}".strip(), first  # the mistake's own advice only
    # this call cannot tell them apart (another check's call may): each is named, no advice
    titles = "; or ".join(m.title for m in found.values())
    return f"this looks like one of these known mistakes: {titles}.", first


#: What each catalogued mistake gave on each call the checks showed: the grader's calls are
#: the same for every student of a class, so a batch re-runs each mistake once a call (a
#: model's mistakes train 2000 iterations each; every failing model check re-ran some twenty).
_RERUNS: collections.OrderedDict[tuple[Any, ...], Any] = collections.OrderedDict()
MAX_RERUNS = 2048
_RERUNS_LOCK = threading.Lock()


def _same_output(
    output: tuple[Any, tuple[Any, ...], str], got: tuple[Any, Any, str], printed: bool
) -> bool:
    """Whether a re-run's ``(value, args after, printed)`` is the student's.

    What it printed counts only where ``printed``.
    """
    value, after, stdout = output
    return (
        same_plain(value, got[0])
        and same_form(value, got[0])
        and same_plain(after, got[1])
        and (not printed or stdout == got[2])
    )


def _call_key(last: LastCall) -> bytes | None:
    """A digest of the shown call (function, arguments, seed), or None if it has none."""
    try:
        data = pickle.dumps((last.function, last.args, last.kwargs, last.seed), protocol=5)
    except Exception:  # noqa: BLE001 - an argument that does not pickle: no memory of it
        return None
    return hashlib.blake2b(data, digest_size=20).digest()


def _rerun_once(
    m: Mistake, reference: Any, last: LastCall, call_key: bytes | None
) -> tuple[Any, tuple[Any, ...], str]:
    """:func:`_rerun` of the mistake ``m``, remembered per (reference, mistake, call).

    Raises:
        Exception: whatever the mistake raised (remembered too).
    """
    key = (getattr(reference, "__name__", ""), id(reference), m.id, m.code, m.changes, call_key)
    return _remembered(key, lambda: m.build(reference), last, call_key)


def _remembered(
    key: tuple[Any, ...],
    build: Callable[[], Callable[..., Any]],
    last: LastCall,
    call_key: bytes | None,
) -> tuple[Any, tuple[Any, ...], str]:
    """:func:`_rerun` of what ``build`` gives, remembered under ``key`` (with a call key).

    Raises:
        Exception: whatever the function raised (remembered too).
    """
    with _RERUNS_LOCK:
        got = _RERUNS.get(key) if call_key is not None else None
        if got is not None:
            _RERUNS.move_to_end(key)
    if got is None:
        try:
            got = _rerun(build(), last)
        except Exception as exc:  # noqa: BLE001 - remembered, raised again below
            got = exc.with_traceback(None)
        if call_key is not None:
            with _RERUNS_LOCK:
                _RERUNS[key] = got
                while len(_RERUNS) > MAX_RERUNS:
                    _RERUNS.popitem(last=False)
    if isinstance(got, Exception):
        raise got
    return got


def _rerun(fn: Callable[..., Any], last: LastCall) -> tuple[Any, tuple[Any, ...], str]:
    """``fn`` (grader-side) on copies of the shown call's arguments.

    A seeded call is re-run on the same draws; what ``fn`` prints is kept, not shown.

    Returns:
        ``(value, args after, printed)``.
    """
    args, kwargs = copy.deepcopy(last.args), copy.deepcopy(last.kwargs)
    if last.seed is not None:
        np.random.seed(last.seed)
    with silenced(), contextlib.redirect_stdout(io.StringIO()) as out:
        value = to_plain(fn(*args, **kwargs))
    return value, tuple(to_plain(a) for a in args), out.getvalue()


def _relations(ctx: Context, reference) -> tuple[str | None, ...]:
    """How the shown call's result relates to the reference's on the same call, if simply.

    Returns:
        ``(parts, summed, count, near, unchanged, relation)``:
        :func:`autograder.relations.parts_hint`, :func:`~autograder.relations.summed_hint`,
        :func:`~autograder.relations.hard_coded_count_hint` (with the numbers of the
        function's source), :func:`~autograder.relations.near_hint`,
        :func:`~autograder.relations.unchanged_hint` and
        :func:`~autograder.relations.relation_hint`, each None where it says nothing.
    """
    last = ctx.shown_call
    if reference is None or last is None or last.outcome.error is not None:
        return None, None, None, None, None, None
    right, _, _ = _rerun(getattr(reference, last.function), last)
    got, name = last.outcome.value, f"{last.function}()"
    inputs = tuple(to_plain(a) for a in last.args)
    source = ctx.submission.source(last.function)
    written, loops = source_hints.integers(source), source_hints.has_loop(source)
    parts = relations.parts_hint(got, right, name)
    if got is None and right is not None and source_hints.ends_printing(source):  # msg 18 d04
        parts = f"{name} returned None, and its code prints: return the result, do not print it."
    # a result that is the right one's sum says so only of code that sums (msg 18 s08: the
    # max of [-1, 0, 2] is 2, relu's sum)
    sums = re.search(r"\bsum\b", source or "") is not None
    return (
        parts,
        relations.summed_hint(got, right, name) if sums else None,
        relations.hard_coded_count_hint(got, right, inputs, written, name),
        relations.near_hint(got, right, name),
        relations.unchanged_hint(got, right, inputs, name, loops),
        relations.relation_hint(got, right, name),
    )


#: Arguments on which a student's own version of a provided helper is compared with the
#: course's: a pre-activation of both signs (no zero: ReLU's kink is a convention), a gradient
#: of both signs.
_PROBE_Z = np.array([[-1.5, 0.5, -0.3], [2.0, -0.2, 3.0]])
_PROBE_DA = np.array([[0.3, -0.7, 1.0], [1.1, 0.4, -2.0]])
HELPER_PROBES: dict[str, tuple[Any, ...]] = {
    "sigmoid": (_PROBE_Z,),
    "relu": (_PROBE_Z,),
    "sigmoid_backward": (_PROBE_DA, _PROBE_Z),
    "relu_backward": (_PROBE_DA, _PROBE_Z),
}


def _same_form(a: Any, b: Any) -> bool:
    """Whether two results have one form: arrays of one shape, or tuples of such, alike."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same_form(x, y) for x, y in zip(a, b))
    return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape


def _values(value: Any) -> str:
    """A small array's values on one line (``[[0.3, -0.7], [1.1, 0.4]]``), else its description."""
    if isinstance(value, np.ndarray) and value.size <= 12:
        text = np.array2string(value, separator=", ", precision=4, suppress_small=True)
        return " ".join(text.split()) + ("" if value.dtype == np.float64 else f" ({value.dtype})")
    if isinstance(value, tuple) and len(value) <= 3:
        return "(" + ", ".join(_values(v) for v in value) + ")"
    return describe(value)


def redefined_helper_hint(ctx: Context, function: str, *, values: bool = True) -> str | None:
    """The hint for a provided helper the student rewrote wrongly, which ``function`` calls.

    The course provides ``relu_backward`` (``dnn_utils``); a student who writes their own,
    forgetting to zero the gradient where ``Z <= 0``, makes a right ``linear_activation_backward``
    wrong. The student's helper is called on :data:`HELPER_PROBES` (not a task of the unit, so
    the mistake is charged to the function that uses it) and compared with the course's.
    With ``values=False`` only a helper of another form than the provided one is named
    (:func:`_other_form_hint`: an exception unpacking its result).
    """
    unit = ctx.submission.unit
    provided = codeload.PRELUDE.get(unit, {})
    called = source_hints.called_names(ctx.submission.source(function)) or frozenset()
    tasks = units.get(unit).functions() if unit in units.available() else set()
    for name in sorted(called & provided.keys() - tasks - {function}):
        args = HELPER_PROBES.get(name)
        if args is None or not ctx.submission.has(name) or ctx.submission.provided(name):
            continue
        module, attr = provided[name]
        codeload.ensure_helpers_importable()
        course = getattr(importlib.import_module(module), attr)
        right = to_plain(course(*copy.deepcopy(args)))
        out = ctx.submission.call(name, args)
        if out.error is None and not _same_form(out.value, right):
            found = _other_form_hint(ctx, function, name, f"{module}.{name}", out.value, right)
            if found:
                return found
        if not values or out.error is not None or not _same_form(out.value, right):
            continue  # another convention of the student's own (relu returning A alone)
        if same_plain(out.value, right, rtol=1e-7, atol=1e-10):
            continue
        got = f"gives {_values(out.value)}"
        shown = ", ".join(_values(a) for a in args)
        return (
            f"{function}() calls your own {name}(), which replaces the course's provided one "
            f"({module}.{name}) and does not agree with it: {name}({shown}) {got}, the "
            f"provided one {_values(right)}. Remove yours (it is provided) or correct it."
        )
    return None


def _count(value: Any) -> int:
    return len(value) if isinstance(value, tuple | list) else 1


def _returns(value: Any) -> str:
    return f"{_count(value)} values" if isinstance(value, tuple | list) else "one value"


def _other_form_hint(
    ctx: Context, function: str, name: str, provided: str, own: Any, right: Any
) -> str | None:
    """``function`` unpacks ``name()`` as the provided helper returns it, the student's own not.

    A ``sigmoid`` pasted from the logistic-regression week returns A alone, while the template's
    ``A, activation_cache = sigmoid(Z)`` expects the provided helper's ``(A, cache)``. Where the
    caller unpacks the student's own form instead, the pair is a convention of the student's.
    """
    counts = source_hints.unpacked_counts(ctx.submission.source(function), name)
    if _count(right) not in counts or _count(own) in counts:
        return None
    return (
        f"{function}() calls your own {name}(), which replaces the course's provided one "
        f"({provided}): {function}() takes {_returns(right)} from it, as the provided one "
        f"returns, but yours returns {_returns(own)}. Remove yours (it is provided) or return "
        "what the provided one returns."
    )


def _source_hint(ctx: Context, function: str, reference, *, helpers: bool = True) -> str | None:
    """What the student's ``function``'s source shows (:mod:`autograder.source_hints`).

    Parameters in another order than the stub's, a ``return`` inside a loop, a key assigned
    twice in one unpacking, names unpacked in another order than the reference's, a size
    read from another axis than the reference's (``m = X.shape[0]``), else a
    misspelled string: the strings it must spell exactly are
    those of the shown call's arguments, and the names and keys the reference's function
    uses (where the reference is installed).
    """
    source = ctx.submission.placed_source(function)  # line numbers as the file's
    found = _reordered_hint(ctx, function, reference)
    found = found or source_hints.swapped_arguments_hint(function, source, ctx.submission.params)
    found = found or (redefined_helper_hint(ctx, function) if helpers else None)
    if found:
        return found
    ref_fn = getattr(reference, function, None) if reference is not None else None
    ref_source = textwrap.dedent(inspect.getsource(ref_fn)) if ref_fn is not None else None
    last = ctx.shown_call
    printed = last.outcome.stdout if last is not None and last.function == function else ""
    found = source_hints.return_in_loop_hint(function, source)
    found = found or source_hints.repeated_key_hint(function, source)
    found = found or source_hints.gradient_key_reused_hint(function, source)
    if ctx.task.function == function:
        found = found or source_hints.other_block_hint(function, source, ctx.task.uses)
    found = found or source_hints.read_otherwise_hint(function, source, ref_source)
    found = found or source_hints.swallowed_error_hint(function, source, printed)
    if found:
        return found
    wanted = set()
    if last is not None and last.function == function:
        wanted |= {a for a in (*last.args, *last.kwargs.values()) if isinstance(a, str)}
    if ref_source is not None:
        wanted |= set(source_hints.key_strings(ref_source))
    return source_hints.misspelled_string_hint(function, source, wanted)


def _reordered_hint(ctx: Context, function: str, reference: Any) -> str | None:
    """:func:`autograder.source_hints.reordered_parameters_hint` against the stub's."""
    ref_fn = getattr(reference, function, None) if reference is not None else None
    if not callable(ref_fn):
        return None
    stub = inspect.signature(ref_fn).parameters
    required = sum(p.default is p.empty for p in stub.values())
    params = ctx.submission.params(function)
    return source_hints.reordered_parameters_hint(
        function, params, list(stub), _plain_signature(ref_fn), required
    )


def not_found_hint(unit: Unit, task: Task, submission: Submission, reference: Any = None) -> str:
    """The hint of a task whose function the submission does not define.

    A function spelled alike or defined inside another
    (:func:`autograder.source_hints.misnamed_function_hint`; where the reference is here,
    not one whose parameters fit another task's function only), else the stub's advice.
    """
    others = [t.function for t in unit.tasks]
    signatures = {}
    for name in others:  # a course function's alike is a course function (not a kit-only one)
        if unit.task(name).course != task.course:
            continue
        fn = getattr(reference, name, None) if reference is not None else None
        if callable(fn):
            params = inspect.signature(fn).parameters.values()  # the ones every call passes
            signatures[name] = tuple(p.name for p in params if p.default is p.empty)
    try:
        found = source_hints.misnamed_function_hint(
            task.function, submission.source_cells(), others, signatures
        )
    except Exception:  # noqa: BLE001 - a hint is an extra: its bug must not lose the verdict
        found = None
    return found or "keep the function name and signature exactly as in the stub."


def _hidden_sizes_hint(check: Check, ctx: Context) -> str | None:
    """For a hidden check, the sizes the function writes as numbers; None for a visible check.

    Sizes written as numbers (:func:`autograder.checklib.fixed_sizes`) fit the visible
    inputs only: a function right on them and wrong on random sizes most likely has one.
    """
    if not check.hidden:
        return None
    try:
        return fixed_size_hint("their .shape")(ctx)
    except Exception:  # noqa: BLE001 - a hint is an extra: its bug must not lose the verdict
        return None


def _plain_signature(fn: Callable[..., Any]) -> str:
    """``fn``'s signature as the stub shows a student, without annotations: ``(w, b, X, Y)``."""
    sig = inspect.signature(fn)
    params = [p.replace(annotation=inspect.Parameter.empty) for p in sig.parameters.values()]
    return str(sig.replace(parameters=params, return_annotation=inspect.Signature.empty))


def _raised_source_hint(ctx: Context, exc: StudentRaised, reference) -> str | None:
    """What the source shows of an exception, else :func:`_source_hint`.

    A name spelled two ways (a ``NameError``), a key spelled unlike the course's (a
    ``KeyError``), or a call that does not fit a function's parameters (a ``TypeError``).
    """
    try:
        found = _reordered_hint(ctx, exc.function, reference)  # the call itself misread
        source = ctx.submission.placed_source(exc.function)  # or a call it makes (sweep 12)
        found = found or source_hints.swapped_arguments_hint(
            exc.function, source, ctx.submission.params
        )
        if found:
            return found
        function = exc.error.function or exc.function
        if not ctx.submission.has(function):
            function = exc.function
        source, message = ctx.submission.placed_source(function), exc.error.message
        defs = codeload.function_sources(ctx.submission.source_cells())
        functions = [name for name, text in defs.items() if text]
        found = None
        if missing := _undefined_name(exc.error.type, message):
            found = source_hints.undefined_name_hint(function, source, missing, functions)
        elif exc.error.type == "KeyError" and reference is not None:
            found = source_hints.gradient_key_reused_hint(function, source)
            key = message.strip().strip("'\"")
            vocabulary = source_hints.key_strings(inspect.getsource(reference))
            found = found or source_hints.missing_key_hint(key, vocabulary)
        elif exc.error.type == "ValueError" and "values to unpack" in message:
            found = redefined_helper_hint(ctx, function, values=False)
        elif exc.error.type == "AssertionError":
            found = _failed_assert_hint(ctx.submission, exc.error.line)
        elif exc.error.type == "TypeError":
            misfit = message.partition("(")[0]
            ref_fn = getattr(reference, misfit, None) if reference is not None else None
            stub = _plain_signature(ref_fn) if callable(ref_fn) else None
            found = source_hints.tuple_argument_hint(message, source)
            found = found or source_hints.none_placeholder_hint(function, source, message)
            found = found or source_hints.signature_hint(message, exc.function, functions, stub)
        return found or _source_hint(ctx, function, reference, helpers=False)
    except Exception:  # noqa: BLE001 - a hint is an extra: its bug must not lose the verdict
        return None


def _caller_source_hint(ctx: Context, exc: StudentRaised, reference) -> str | None:
    """What the calling function's source shows of an exception raised in a block it called.

    ``model`` passing ``initialize_with_zeros(X_train.shape[1])``: the error surfaces in the
    student's correct ``propagate`` (sweep 16 P4).
    """
    function = exc.error.function
    if not function or function == exc.function:
        return None
    try:
        return _source_hint(ctx, exc.function, reference, helpers=False)
    except Exception:  # noqa: BLE001 - a hint is an extra
        return None


def _failed_assert_hint(submission: Submission, line: int | None) -> str | None:
    """For an ``AssertionError`` of a file's ``assert`` (its line is known): that line's test."""
    cells = submission.source_cells()
    if len(cells) != 1 or line is None:
        return None  # a notebook's cells are numbered apart: the line does not say which
    lines = cells[0].splitlines()
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    if not text.startswith("assert"):
        return None
    shape = _shape_assert(text)
    what = shape or hints.OWN_ASSERT
    return f"your own `{text}` (line {line}) failed on this call: {what}"


def _shape_assert(text: str) -> str | None:
    """For ``assert(dw.shape == w.shape)`` (a template's line): what it says is wrong.

    Such a line is right; the value it tests has another shape (sweep 11, P3: a transposed dw
    was told to remove the 2017 template's assert).
    """
    try:
        test = ast.parse(text).body[0].test  # type: ignore[attr-defined]
    except (SyntaxError, IndexError, AttributeError):
        return None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    if not isinstance(test.ops[0], ast.Eq):
        return None
    left, right = test.left, test.comparators[0]
    if not (isinstance(left, ast.Attribute) and left.attr == "shape"):
        return None
    name = ast.unparse(left.value)
    named = isinstance(right, ast.Tuple) and any(isinstance(n, ast.Name) for n in ast.walk(right))
    if named:  # assert(w.shape == (dim, 1)), the 2017 template's: sizes from the arguments
        return (
            f"{name} does not have the shape {ast.unparse(right)} it asserts (sizes read from "
            f"the arguments, as the course's template asserts): look where {name} is made "
            "(a flat vector such as np.zeros(dim) is not a column (dim, 1))."
        )
    if not (isinstance(right, ast.Attribute) and right.attr == "shape"):
        return None  # a shape written as numbers may be what is wrong (hints.OWN_ASSERT)
    other = ast.unparse(right.value)
    return (
        f"{name} does not have the shape of {other} (the course's templates assert this of "
        f"a gradient and what it is the gradient of): look where {name} is computed "
        "(the order of a product's operands, a .T missing or too many, a sum's axis or "
        "keepdims)."
    )


def _undefined_name(kind: str, message: str) -> str | None:
    """The name a ``NameError`` names (``name 'AL' is not defined``), or None."""
    return message.split("'")[1] if kind == "NameError" and message.count("'") >= 2 else None


def _failed_import_hint(submission: Submission, kind: str, message: str) -> str | None:
    """For a NameError of a name that an import of the text binds: that import did not run."""
    name = _undefined_name(kind, message)
    if name is None or not submission.imported(name):
        return None
    return (
        f"{name} comes from an import of your code that failed while loading (see the notes on "
        "what was skipped): grading has numpy and the course's helper modules only, so define "
        "what you need in your own code."
    )
