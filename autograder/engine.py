"""The check engine: run a unit's checks on a submission and return structured results.

The engine never raises because of student code. An exception in student code becomes that
check's failure (with the exception's type and message); a missing function scores 0 for
its task ("not found") and the other tasks are still graded; a failure of the grader itself
marks the check ``not_gradable`` rather than giving a silent 0.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import inspect
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from autograder import codeload, diagnosis, messages, precision, source_hints, units
from autograder import expected as expected_store
from autograder.context import (
    Context,
    StudentRaised,
    restore_random_state,
    save_random_state,
)
from autograder.diagnosis import silenced
from autograder.isolation import from_path
from autograder.results import NOT_IMPLEMENTED, CheckResult, TaskResult, UnitResult
from autograder.spec import (
    AdviceRule,
    Check,
    CheckFailure,
    GraderError,
    NeedsReference,
    Task,
    Unit,
)
from autograder.submission import BUDGET, CRASH, SKIPPED, Submission, from_module


@dataclasses.dataclass(frozen=True)
class GradingOptions:
    """What every check of one grading run is given besides the submission and the reference.

    Passed down unchanged from :func:`grade_submission` to each task, check and building block.

    Attributes:
        stored: stored expected values (the unit's are loaded where None).
        seed: base seed for hidden inputs (None: derived from the submission only).
        recorder: if given, expected values computed from the reference are recorded here
            (freezing).
    """

    stored: dict[str, Any] | None = None
    seed: int | None = None
    recorder: dict[str, Any] | None = None

    def loaded(self, unit: Unit) -> GradingOptions:
        """These options, with the unit's stored expected values where none are given."""
        if self.stored is not None:
            return self
        return dataclasses.replace(self, stored=expected_store.load(unit.name))


#: The unit's stored values, hidden inputs seeded from the submission only, nothing recorded.
DEFAULT_OPTIONS = GradingOptions()


def load_reference(unit: str) -> types.ModuleType | None:
    """The reference solutions of ``unit`` if installed, else None (see ``autograder.private``)."""
    from autograder import private

    return private.load_reference(unit)


def check_seed(
    submission: Submission, unit: str, task: Task, check: Check, base: int | None
) -> int:
    """Seed for a check's hidden inputs, from the course's secret and the submitted code.

    The draw depends on the secret (``--seed``, or the course's ``EngineGrades.seed``), the
    check, and all of the submitted code's text (:meth:`Submission.fingerprint`), comments and
    docstrings included: whatever the student's process can read of itself. One process runs
    every check of a submission, so its code can keep a hidden check's inputs and show them
    through a later visible check's message; seeded from the graded function's text alone, the
    next submission, the same function calling a table of answers kept elsewhere, got the same
    draws (red team, round 8). Now any answer written into the code changes the draws it
    answers. The same text still gets the same draws, and a secret nobody has (no ``--seed``)
    leaves nothing to compute offline either: the table would have to hash to itself.
    """
    text = f"{base}|{unit}|{task.id}|{check.name}|{submission.fingerprint()}"
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")


def _unearned(check: Check, message: str, status: str) -> CheckResult:
    """The result of a check that earned none of its points (failed, not run, not gradable)."""
    return CheckResult(check.name, False, 0.0, check.points, message, status, check.kind)


def _keeps_verdict(run: Callable[..., CheckResult]) -> Callable[..., CheckResult]:
    """Keep each check's verdict on the submission (``submission.verdicts``).

    A task's source checks, which run last (:func:`autograder.checklib.runs_last`), read them
    in every flow: the engine's task runs and the pytest self-check, one check per test.
    """

    @functools.wraps(run)
    def kept(unit: Unit, task: Task, check: Check, submission: Submission, *rest: Any) -> Any:
        result = run(unit, task, check, submission, *rest)
        submission.verdicts.setdefault(task.id, {})[check.name] = result.passed
        return result

    return kept


@_keeps_verdict
def run_check(
    unit: Unit,
    task: Task,
    check: Check,
    submission: Submission,
    reference: types.ModuleType | None,
    options: GradingOptions = DEFAULT_OPTIONS,
) -> CheckResult:
    """Run one check and return its result (never raises for student code).

    Args:
        unit: the unit.
        task: the task the check belongs to.
        check: the check.
        submission: the student's code.
        reference: the reference module or None.
        options: stored expected values, seed and recorder of the grading run.

    Returns:
        The check's result.
    """
    options = options.loaded(unit)

    def fail(
        kind: str, detail: str, lines=None, hint=None, status="failed", ctx=None
    ) -> CheckResult:
        advice = list(ctx.advice) if ctx is not None else []
        shown = None
        # With the grader's blocks in place of failing ones (ctx.stood_in()) a failure is the
        # function's own: its own hint stands, and a note says which blocks were replaced;
        # a failing block that could not stand in (the reference does not depend on it) is
        # named as the cause too, but the failure stays the function's (result.cause: None),
        # so that its callers are graded with a correct one in its place.
        if status == "failed" and ctx is not None and not ctx.stood_in():
            shown = blame_text(task, blocks)
            if shown and not ctx.substitutes:
                hint = None  # one relevant hint: the cause
            # (a block that could not stand in keeps the hint: it may say why, a failed import)
        msg = messages.format_failure(
            task.id, task.function, kind, detail, lines, hint, advice, cause=shown
        )
        result = _unearned(check, msg, status)
        result.cause = shown if ctx is None or not ctx.substitutes else None
        result.hint, result.detail = hint or None, detail or None
        result.failure = kind
        if ctx is not None:
            result.advice, result.recognized = advice, list(ctx.recognized)
            result.notes = list(ctx.notes)
        return result

    if submission.grader_error:
        return fail(
            "not gradable",
            f"grader error: the submission could not be run ({submission.grader_error}).",
            status="not_gradable",
        )
    if submission.exhausted:
        return fail("not run", submission.exhausted_reason, status="over_budget")
    prepare(unit, submission)
    if submission.load_error:
        return fail("could not be loaded", f"the submission could not run: {submission.load_error}")
    broken = submission.broken(task.function)
    if broken and not submission.has(task.function):
        return fail(
            "does not compile",
            f"{task.function}() does not compile: {broken}.",
            hint="fix this syntax error; the other functions of the file were graded.",
        )
    if not submission.has(task.function):
        return fail(
            "not found",
            f"not found: {submission.origin} defines no function {task.function}().",
            hint=diagnosis.not_found_hint(unit, task, submission, reference),
        )
    if check.hidden and reference is None:
        return _unearned(
            check,
            messages.headline(
                task.id, task.function, "hidden check not run here (runs at grading)"
            ),
            "not_run",
        )
    check_rng = check_seed(submission, unit.name, task, check, options.seed)

    used = blocks_used(unit, submission, task.function)
    for other in task.compared_with:  # its checks call it: its blocks are theirs too
        used |= blocks_used(unit, submission, other) - {task.function}

    def context() -> Context:
        rng = np.random.default_rng(check_rng)
        ctx = Context(task, submission, reference, options.stored, rng, options.recorder)
        ctx.blocks = frozenset(f for f in used if hasattr(reference, f))
        ctx.secret = check.hidden
        if reference is None:
            quiet = dataclasses.replace(options, recorder=None)
            ctx.block_failure = _own_math_failure(unit, task, submission, quiet)
        return ctx

    ctx = context()
    # the blocks' own grading records nothing
    blocks = failing_blocks(
        unit, task, submission, reference, dataclasses.replace(options, recorder=None)
    )
    if reference is not None and options.recorder is None:
        # One bug costs once: the checks of a function whose building block fails run with
        # the reference block in its place (served by the grader, never run as student code).
        ctx.substitutes = {f: ctx.ref_block(f) for f, _, _, _ in blocks if hasattr(reference, f)}
        reached = _servable(unit, reference, task.function)
        ctx.called_only = _called_blocks(unit, task, used) - reached
        ctx.served = reached | ctx.called_only
    shown = _blocks_reached(unit, submission, task)
    stood_in = [f for f in ctx.stood_in() if shown is None or f in shown]
    task_ids = {t.function: t.id for t in unit.tasks}
    if stood_in:
        ctx.note(messages.stood_in_note([(f, task_ids[f]) for f in stood_in]))
    rng_state = save_random_state()
    # the course's tolerance for the course's functions; kit-only ones keep the kit's
    reduced = task.course and _asks_reduced_precision(
        submission, {task.function, *used, *task.compared_with}
    )
    drifted: list[str] = []
    try:
        with silenced(), precision.allowed(reduced) as drifted:
            try:
                note = check.run(ctx)
            except (CheckFailure, StudentRaised) as exc:
                own = context()
                note = _with_own_blocks(check, ctx, own, exc, task_ids)
                ctx = own
    except StudentRaised as exc:
        err = exc.error
        if err.type == BUDGET:
            return fail("not run", err.message, status="over_budget")
        if err.type == SKIPPED:
            return fail("skipped", err.message, [("called", exc.call_text)])
        if err.not_implemented:
            raiser = err.function or exc.function
            if raiser not in (task.function, exc.function):
                result = fail(
                    f"waits for {raiser}()",
                    f"{exc.function}() calls {raiser}(), which is not implemented yet (its "
                    "stub still raises NotImplementedError): write it first.",
                    [("called", exc.call_text)],
                    ctx=ctx,
                )
                result.mistake = {"id": NOT_IMPLEMENTED, "title": f"{raiser}() not implemented yet"}
                return result
            result = fail(
                "not implemented",
                f"not implemented yet (the stub still raises NotImplementedError): "
                f"{exc.function}() was called by this check.",
            )
            result.mistake = {"id": NOT_IMPLEMENTED, "title": "not implemented yet"}
            return result
        hint, found = diagnosis.raised_hint(unit, check, ctx, exc, reference)
        if err.type == CRASH:
            return fail(
                "crashed",
                f"{exc.function}() ended the grading process: {err.message}",
                [("called", exc.call_text), *ctx.side_effect_lines()],
                err.advice
                or "a call must return; exit(), os._exit() and crashes end the grading process.",
                ctx=ctx,
            )
        result = fail(
            "raised an exception" if err.type != "TimeoutError" else "timed out",
            f"{exc.function}() raised {err}",
            [("called", exc.call_text), *ctx.side_effect_lines()],
            hint,
            ctx=ctx,
        )
        result.raised = f"{exc.function}: {err.type} ({err.location})" if err.location else None
        if found:
            result.mistake = {"id": found.id, "title": found.title}
        return result
    except CheckFailure as exc:
        lines = list(exc.lines)
        called = ctx.called()
        if called and not any(label == "called" for label, _ in lines):
            lines.insert(0, ("called", called))
        # a mutation failure itself says what changed
        lines.extend(ctx.side_effect_lines(changes=(exc.kind or check.kind) != "mutation"))
        hint, found = diagnosis.failure_hint(unit, task, check, ctx, exc, reference)
        result = fail(exc.kind or check.kind, exc.detail, lines, hint, ctx=ctx)
        if found:
            result.mistake = {"id": found.id, "title": found.title}
        return result
    except NeedsReference as exc:
        return fail(
            "not gradable",
            f"grader error: this check needs the reference ({exc}).",
            status="not_gradable",
        )
    except GraderError as exc:
        return fail("not gradable", f"grader error: {exc}", status="not_gradable")
    except Exception as exc:  # noqa: BLE001 - a grader bug must not lose the other checks
        return fail(
            "not gradable", f"grader error: {type(exc).__name__}: {exc}", status="not_gradable"
        )
    finally:
        restore_random_state(rng_state)
        if drifted:
            ctx.advise(precision.ADVICE)
    msg = messages.format_pass(task.id, task.function, check.name, note, ctx.advice)
    return CheckResult(
        check.name,
        True,
        float(check.points),
        check.points,
        msg,
        "passed",
        check.kind,
        list(ctx.advice),
        list(ctx.recognized),
        notes=list(ctx.notes),
    )


def _with_own_blocks(
    check: Check, ctx: Context, own: Context, failure: Exception, task_ids: dict[str, str]
) -> str | None:
    """Run ``check`` with the student's own blocks where it failed with the grader's in place.

    A function may be right with its own blocks only: a linear_activation_backward that
    passes the whole cache to its own linear_backward, which unpacks it so (the course's
    test, which uses the student's blocks, passes). The block's mistake already costs its own
    task; the function is then not charged. ``own`` is a fresh context on the same draws;
    ``task_ids`` maps the unit's functions to their tasks.

    Raises:
        The original ``failure`` when there was nothing to replace, or when the check fails
        with the student's own blocks too.
    """
    stops = (BUDGET, CRASH, SKIPPED, "TimeoutError")
    if not ctx.stood_in() or (isinstance(failure, StudentRaised) and failure.error.type in stops):
        raise failure
    own.own_blocks = True
    try:
        note = check.run(own)
    except Exception:  # noqa: BLE001 - any failure here: the first one is the verdict
        raise failure from None
    own.note(messages.own_blocks_note(check.name, [(f, task_ids[f]) for f in ctx.stood_in()]))
    return note


def prepare(unit: Unit, submission: Submission) -> dict[str, list[str]]:
    """Route the functions a submission defines under an older release's name or signature.

    A task's function missing under its current name but present under an alias
    (``normalizeRows``) is graded through the alias; a function whose positional parameters
    are those of an :class:`autograder.spec.Adapter` is called through it. Idempotent.

    Args:
        unit: the unit.
        submission: the student's code.

    Returns:
        ``{task id: [what was recognized, as a sentence]}``.
    """
    done = getattr(submission, "_prepared", None)
    if done is not None and done[0] == unit.name:
        return done[1]
    recognized: dict[str, list[str]] = {}
    for task in unit.tasks:
        notes = recognized.setdefault(task.id, [])
        if not submission.has(task.function) and not submission.broken(task.function):
            alias = next((a for a in task.aliases if submission.has(a)), None)
            if alias is not None:
                submission.route(task.function, actual=alias)
                notes.append(
                    f"{alias}() is the course's older name of {task.function}(): graded as "
                    f"{task.function}()."
                )
        for name in codeload.numpy1_names(submission.source(task.function)):
            module, attr = codeload.NUMPY1_ALIASES[name]
            modern = {"builtins": attr, "method": f"x.{attr}()"}.get(module, f"np.{attr}")
            notes.append(
                f"np.{name} is numpy 1's name of {modern}, removed in numpy 2: accepted here "
                f"(the course ran numpy 1); write {modern}."
            )
        params = submission.params(task.function) if submission.has(task.function) else None
        if params is not None:
            required = _required_positional(submission.source(task.function))
            adapter = next((a for a in task.adapters if a.matches(params, required)), None)
            if adapter is not None:
                submission.route(task.function, adapter=adapter)
                old = f"{task.function}({', '.join(adapter.params)})"
                notes.append(
                    f"{task.function}({', '.join(params)}) has the signature of "
                    f"{adapter.release}: graded with it."
                    if tuple(params) == adapter.params
                    else f"{task.function}({', '.join(params)}) has as many parameters as "
                    f"{old} of {adapter.release}: graded as that, called {old}."
                )  # by the count alone, the names may be another order (sweep 14 P2)
    submission._prepared = (unit.name, recognized)  # type: ignore[attr-defined]
    return recognized


def _required_positional(source: str | None) -> int | None:
    """How many positional parameters of the function ``source`` defines have no default."""
    try:
        node = ast.parse(source or "").body[0]
    except (SyntaxError, IndexError, RecursionError, MemoryError, ValueError):
        return None
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    a = node.args
    return len(a.posonlyargs) + len(a.args) - len(a.defaults)


def _asks_reduced_precision(submission: Submission, functions: set[str]) -> bool:
    """Whether the code of ``functions`` or of what they call asks for float32 or float16.

    Then values within the course's tolerance pass (:mod:`autograder.precision`).
    """
    names = set(functions)
    for name in functions:
        names |= _transitive_calls(name, submission.source, lambda called: called) or set()
    return precision.asks_for_reduced_precision(submission.source(n) for n in sorted(names))


def _transitive_calls(
    function: str, source_of: Callable[[str], str | None], follow: Callable[[frozenset], set]
) -> frozenset[str] | None:
    """Names ``function`` calls, directly or through the called names ``follow`` keeps.

    ``source_of`` gives a name's source (None where unknown). None when ``function``'s own
    source is unknown; at most 50 functions are read.
    """
    called = source_hints.called_names(source_of(function))
    if called is None:
        return None
    out, todo, seen = set(called), sorted(follow(called)), {function}
    while todo and len(seen) < 50:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        more = source_hints.called_names(source_of(name)) or frozenset()
        out |= more
        todo.extend(follow(more) - seen)
    return frozenset(out)


@functools.cache
def _servable(unit: Unit, reference: types.ModuleType, function: str) -> frozenset[str]:
    """The blocks whose reference may stand in for a failing one in ``function``'s checks.

    Its task's declared ``uses`` and what the reference's own solution calls
    (:func:`_reference_reach`), and the same of each of those, transitively: ``predict``
    calls ``forward_propagation``, which may be served a correct ``sigmoid``; so may
    ``predict``'s call of it.
    """
    tasks = unit.functions()
    out: set[str] = set()
    todo = [function]
    while todo:
        name = todo.pop()
        uses = set(unit.task(name).uses) if name in tasks else set()
        for block in (uses | _reference_reach(tasks, reference, name)) - out - {function}:
            out.add(block)
            todo.append(block)
    return frozenset(out)


def _called_blocks(unit: Unit, task: Task, used: frozenset[str]) -> frozenset[str]:
    """The blocks that may stand in because the student's own code of ``task`` calls them.

    ``used`` (:func:`blocks_used`: its declared uses and the task functions its source calls,
    directly or through others, and those of what it is compared with, which its checks call:
    ``basic_sigmoid`` in the student's ``propagate_loops`` for ``propagate_vectorized``) less
    what cannot be a building block of it: a task of the
    unit that comes after it (``relu`` written as ``2 * leaky_relu(z / 2, 0.0)``: the kit asks
    for ``leaky_relu`` later, as a relu with a slope, so its answer would be ``relu``'s), and
    what the task is compared with (``propagate_loops`` computes ``propagate_vectorized``'s
    answer). A block written before it is one the kit has the student build first (``tanh``,
    then ``forward_propagation`` calling it). Its answer handed straight back, or entry by
    entry, still earns nothing (``Context.called_only``).
    """
    order = {t.function: i for i, t in enumerate(unit.tasks)}
    here = order.get(task.function, -1)
    earlier = {f for f in used if order.get(f, len(order)) < here}
    return frozenset(earlier - set(task.compared_with))


def _reference_reach(
    tasks: frozenset[str], reference: types.ModuleType, function: str
) -> frozenset[str]:
    """The task functions the reference's ``function`` calls, directly or through them.

    A failing block stands in for the student's code only where the reference's own solution
    depends on it: ``propagate_vectorized`` calling a stub ``propagate_loops`` with its data
    doubled, or ``relu`` as ``2 * leaky_relu(z / 2, 0.0)`` of an unwritten ``leaky_relu``,
    would otherwise be graded on the grader's answer.
    """

    def source_of(name: str) -> str | None:
        try:
            return inspect.getsource(getattr(reference, name))
        except (AttributeError, TypeError, OSError):
            return None

    called = _transitive_calls(function, source_of, lambda names: names & tasks)
    return (called or frozenset()) & tasks - {function}


def blocks_used(
    unit: Unit,
    submission: Submission,
    function: str,
    _seen: frozenset[str] = frozenset(),
    *,
    declared: bool = True,
) -> frozenset[str]:
    """The unit's other task functions ``function`` uses, directly or through other ones.

    A task's declared :attr:`~autograder.spec.Task.uses` (unless ``declared`` is False) and
    the task functions its source calls (itself or through helpers of its own), then theirs in
    turn: a ``model`` that calls ``optimize``, which calls ``propagate``, uses both.
    """
    try:
        uses = frozenset(unit.task(function).uses) if declared else frozenset()
    except KeyError:
        uses = frozenset()
    called = _called_through_own(unit, submission, function) or frozenset()
    direct = (uses | called & unit.functions()) - {function} - _seen
    found = set(direct)
    for block in sorted(direct):
        seen = _seen | direct | {function}
        found |= blocks_used(unit, submission, block, seen, declared=declared)
    return frozenset(found)


def _blocks_reached(unit: Unit, submission: Submission, task: Task) -> frozenset[str] | None:
    """The blocks the task's function calls, through its own helpers and those blocks.

    None where its own source is unknown. For the note that names the blocks graded in place
    of the student's: a block only declared (``uses``, ``compared_with``), which the code
    never calls, is not named (sweep 14 P3: nn_model calling its own init_params() was told
    a correct initialize_parameters() stood in for it).
    """
    if _called_through_own(unit, submission, task.function) is None:
        return None
    return blocks_used(unit, submission, task.function, declared=False)


def _called_through_own(unit: Unit, submission: Submission, function: str) -> frozenset[str] | None:
    """Names ``function`` calls, directly or through the student's own helper functions.

    An ``L_model_backward`` that calls its own ``linear_backward_activation``, which calls
    ``linear_backward``, uses ``linear_backward`` (a helper is a function the submission
    defines that is no task of the unit). None when the function's source is unknown.
    """
    tasks = unit.functions()
    return _transitive_calls(function, submission.source, lambda names: names - tasks)


def failing_blocks(
    unit: Unit,
    task: Task,
    submission: Submission,
    reference: types.ModuleType | None,
    options: GradingOptions,
    *,
    _seen: frozenset[str] = frozenset(),
) -> list[tuple[str, str, str, str | None]]:
    """The building blocks a task's function uses, directly or not, that fail their own task.

    The building blocks are the task's :attr:`autograder.spec.Task.uses` that its source
    really calls (all of them where the source is unknown), the other task functions of the
    unit it calls (an ``L_model_backward`` that calls ``linear_backward`` itself, or through
    a helper of the student's own, :func:`_called_through_own`), its
    :attr:`~autograder.spec.Task.compared_with` (which its checks call), and theirs in turn.
    A block fails when its own task does not get full marks on the checks that could run (or
    it is missing or does not compile); its task is graded (once, cached on the submission,
    with ``options``) if it has not been yet. A block the course's helper modules provide is
    never blamed.

    Returns:
        ``[(function, what is wrong: "fails" | "is missing" | "does not compile", task id,
        the block it is used through or None)]``.
    """
    if task.function in _seen:
        return []
    called = _called_through_own(unit, submission, task.function)
    others = sorted((called or set()) & unit.functions() - {task.function, *task.uses})
    if not (task.uses or task.compared_with or others):
        return []
    seen = _seen | {task.function}
    found: list[tuple[str, str, str, str | None]] = []
    for function in (*task.uses, *others, *task.compared_with):
        unused = called is not None and function not in called
        if (unused and function not in task.compared_with) or submission.provided(function):
            continue
        if task.course and _missing_kit_block(unit, submission, function):
            continue  # course code calling a name it never defines: the caller's own bug
        found.extend(_block_failures(unit, function, submission, reference, options, seen))
    return list({f: (f, w, t, v) for f, w, t, v in found}.values())


def _missing_kit_block(unit: Unit, submission: Submission, function: str) -> bool:
    """Whether ``function`` is a kit-only task's function the submission does not define.

    The course's code never calls it (its ``forward_propagation`` calls ``np.tanh``): a
    course function that does (``tanh`` from a failed ``from planar_utils import tanh``)
    cannot run, as in the course, and is not served the grader's (sweep 17 P5).
    """
    try:
        kit_only = not unit.task(function).course
    except KeyError:
        return False
    return kit_only and not submission.has(function) and not submission.broken(function)


def _block_failures(
    unit: Unit,
    function: str,
    submission: Submission,
    reference: types.ModuleType | None,
    options: GradingOptions,
    seen: frozenset[str],
) -> list[tuple[str, str, str, str | None]]:
    """:func:`failing_blocks`' verdict on one block: its failure, or its own blocks' ones."""
    try:
        dep = unit.task(function)
    except KeyError:
        return []
    results = _task_cache(submission)
    in_progress: set[str] = submission.__dict__.setdefault("_blaming", set())
    if dep.id not in results and dep.id not in in_progress:
        in_progress.add(dep.id)
        try:
            grade_task(unit, dep, submission, reference, options)
        finally:
            in_progress.discard(dep.id)
    result = results.get(dep.id)
    if result is None:
        return []
    if not submission.has(function):
        what = "does not compile" if submission.broken(function) else "is missing"
    elif any(c.status == "failed" and not c.cause for c in result.checks):
        what = "fails"
    else:  # right itself: maybe through a failing block of its own
        deeper = failing_blocks(unit, dep, submission, reference, options, _seen=seen)
        return [(f, w, t, via or function) for f, w, t, via in deeper]
    return [(function, what, dep.id, None)]


def _own_math_failure(
    unit: Unit, task: Task, submission: Submission, options: GradingOptions
) -> Callable[[str], str | None]:
    """:attr:`Context.block_failure` of a check run without the reference (the student kit)."""

    def failure(function: str) -> str | None:
        if function == task.function or submission.provided(function):
            return None
        seen = frozenset({task.function})
        found = _block_failures(unit, function, submission, None, options, seen)
        if not found:
            return None
        block, what, dep_id, via = found[0]
        failed = [c for c in _task_cache(submission)[dep_id].checks if c.status == "failed"]
        if failed and all((c.mistake or {}).get("id") == NOT_IMPLEMENTED for c in failed):
            return None  # a stub: calling it says "not implemented yet", as everywhere
        through = f" (through {via}())" if via else ""
        return f"your {block}(){through}, which {what} Task {dep_id}"

    return failure


def blame_text(task: Task, blocks: list[tuple[str, str, str, str | None]]) -> str | None:
    """The ``cause:`` sentence naming the first failing building block, or None."""
    if not blocks:
        return None
    function, what, dep_id, via = blocks[0]
    through = f" (through {via}())" if via else ""
    return (
        f"{task.function}() uses your {function}(){through}, which {what} Task {dep_id}: "
        "fix that first."
    )


def _task_cache(submission: Submission) -> dict[str, TaskResult]:
    """The task results graded so far for this submission (kept on the submission)."""
    return submission.__dict__.setdefault("_task_results", {})


def grade_task(
    unit: Unit,
    task: Task,
    submission: Submission,
    reference: types.ModuleType | None,
    options: GradingOptions = DEFAULT_OPTIONS,
    *,
    checks: list[Check] | None = None,
) -> TaskResult:
    """Grade one task: its checks, then its advice rules (never scored).

    Args:
        unit: the unit.
        task: the task.
        submission: the student's code.
        reference: the reference module or None.
        options: stored expected values, seed and recorder of the grading run.
        checks: run only these checks of the task (default: all).

    Returns:
        The task's result, with the recognized conventions and advice as notes.
    """
    options = options.loaded(unit)
    recognized = prepare(unit, submission).get(task.id, [])
    tr = TaskResult(task.id, task.function, notes=[("recognized", r) for r in recognized])
    chosen = task.checks if checks is None else checks
    done: dict[str, CheckResult] = {}
    for check in sorted(chosen, key=lambda c: c.runs_last):  # stable: declared order otherwise
        submission.begin_check()
        try:
            outcome = run_check(unit, task, check, submission, reference, options)
        except Exception as exc:  # noqa: BLE001 - a grader bug costs one check, not the batch
            text = f"grader error: {type(exc).__name__}: {exc}"
            outcome = _unearned(
                check,
                messages.format_failure(task.id, task.function, "not gradable", text),
                "not_gradable",
            )
        done[check.name] = outcome
        submission.verdicts.setdefault(task.id, {})[check.name] = (
            outcome.passed
        )  # a grader error too
    tr.checks.extend(done[check.name] for check in chosen)
    if task.advice and submission.has(task.function) and not submission.exhausted:
        for rule in task.advice:
            text = run_advice(unit, task, rule, submission, reference, options)
            if text:
                tr.add_note("advice", text)
    _show_task_notes(tr, task)
    if checks is None:
        _task_cache(submission)[task.id] = tr
    return tr


def _show_task_notes(tr: TaskResult, task: Task) -> None:
    """Append the task's own notes to its last visible check's message (grade cells show them).

    Recognized conventions and advice-rule texts belong to the task, not to one check; the
    last check's message is where a notebook's grade cells and nbgrader's feedback show them,
    but not a hidden check's: its grade cell says only the kind of failure
    (:mod:`autograder.course.redact`). So they go to the last check that is not hidden, with
    the notes of the checks that are not; a hidden check's notes stay on the last hidden one.
    """
    hidden = {c.name for c in task.checks if c.hidden}
    visible = [c for c in tr.checks if c.name not in hidden]
    secret = [c for c in tr.checks if c.name in hidden]
    for group, task_notes in ((visible, tr.notes), (secret, [] if visible else tr.notes)):
        if not group:
            continue
        shown = "\n".join(group[-1].message.splitlines())
        notes = [*task_notes, *(("note", text) for c in group for text in c.notes)]
        notes = list(dict.fromkeys(notes))
        lines = [messages.note_line(kind, text) for kind, text in notes if text not in shown]
        if lines:
            group[-1].message = "\n".join([group[-1].message, *lines])


def run_advice(
    unit: Unit,
    task: Task,
    rule: AdviceRule,
    submission: Submission,
    reference: types.ModuleType | None,
    options: GradingOptions,
) -> str | None:
    """Run one advice rule; any failure (of student code or of the rule) gives no advice.

    ``options`` give the stored expected values (loaded) and the seed; nothing is recorded.
    """
    as_check = Check(rule.name, 0, rule.run, "advice", "")
    rng = np.random.default_rng(check_seed(submission, unit.name, task, as_check, options.seed))
    ctx = Context(task, submission, reference, options.stored, rng)
    rng_state = save_random_state()
    try:
        with silenced():
            return rule.run(ctx)
    except Exception:  # noqa: BLE001 - advice is never worth a verdict
        return None
    finally:
        restore_random_state(rng_state)


def grade_submission(
    unit: Unit | str,
    submission: Submission,
    *,
    reference: types.ModuleType | None | bool = True,
    seed: int | None = None,
    tasks: list[str] | None = None,
    recorder: dict[str, Any] | None = None,
) -> UnitResult:
    """Grade a submission on every check of a unit.

    Args:
        unit: the unit or its name.
        submission: the student's code.
        reference: the reference module; True to import it if installed; None/False for none.
        seed: base seed for hidden inputs.
        tasks: restrict to these task ids or function names.
        recorder: collects expected values computed from the reference (freezing).

    Returns:
        The unit's result.
    """
    unit = units.get(unit) if isinstance(unit, str) else unit
    if reference is True:
        reference = load_reference(unit.name)
    elif reference is False:
        reference = None
    options = GradingOptions(expected_store.load(unit.name), seed, recorder)
    result = UnitResult(
        unit.name,
        load_error=submission.load_error,
        load_notes=list(getattr(submission, "cell_errors", []) or []),
        isolation=getattr(submission, "isolation", None),
    )
    for task in unit.tasks:
        if tasks and not {task.id, task.function, task.marker} & set(tasks):
            continue
        result.tasks.append(grade_task(unit, task, submission, reference, options))
    return result


def grade_module(unit: Unit | str, module: types.ModuleType, **kwargs: Any) -> UnitResult:
    """Grade an imported module (see :func:`grade_submission` for the options)."""
    name = unit if isinstance(unit, str) else unit.name
    return grade_submission(unit, from_module(name, module), **kwargs)


def find_unit_files(path: Path, unit: str | None = None) -> list[tuple[str, Path]]:
    """Find the files to grade under ``path`` and the unit of each.

    Args:
        path: a ``.py`` file, a ``.ipynb`` notebook, or a directory holding unit files.
        unit: the unit to grade; defaults from the file name.

    Returns:
        ``[(unit name, file)]``.

    Raises:
        ValueError: when no unit can be determined or no file is found.
    """
    names = units.available()
    if path.is_dir():
        found = []
        for name in names if unit is None else [unit]:
            for suffix in (".py", ".ipynb"):
                candidate = path / f"{name}{suffix}"
                if candidate.exists():
                    found.append((name, candidate))
                    break
        if not found and unit is not None:
            files = sorted(path.glob("*.py")) + sorted(path.glob("*.ipynb"))
            files = [f for f in files if not f.name.startswith(("test_", "_", "conftest"))]
            if len(files) == 1:
                return [(unit, files[0])]
        if not found:
            raise ValueError(f"no unit file ({', '.join(names)} .py/.ipynb) found in {path}")
        return found
    if not path.exists():
        raise ValueError(f"{path} does not exist")
    if path.suffix not in (".py", ".ipynb"):
        raise ValueError(f"{path} is neither a .py file nor a .ipynb notebook")
    if unit is None:
        stem = path.stem
        matches = [n for n in names if stem == n or stem.startswith(n)]
        if not matches:
            raise ValueError(
                f"cannot tell the unit from the file name {path.name}; pass --unit "
                f"({', '.join(names)})"
            )
        unit = max(matches, key=len)
    if unit not in names:
        raise ValueError(f"unknown unit {unit!r}; units: {', '.join(names)}")
    return [(unit, path)]


def load_submission(path: Path | str, unit: str, **kwargs: Any) -> Submission:
    """Load a student's file or notebook for ``unit`` (see :func:`autograder.isolation.from_path`).

    The course helpers are served by the grader, never run in the sandbox, and while it
    calls a graded function it refuses every helper but those of the function's building
    blocks (``Unit.may_call``; :mod:`autograder.isolation.served`).
    """
    declared = units.get(unit)
    may_call = {t.function: declared.may_call(t.function) for t in declared.tasks}
    return from_path(Path(path), unit, may_call=may_call, **kwargs)


def grade_path(path: Path | str, unit: str | None = None, **kwargs: Any) -> list[UnitResult]:
    """Grade the unit file(s) at ``path`` (see :func:`find_unit_files`)."""
    results = []
    for name, file in find_unit_files(Path(path), unit):
        submission = load_submission(file, name)
        try:
            results.append(grade_submission(name, submission, **kwargs))
        finally:
            submission.close()
    return results
