"""What a hidden check may tell a student: fixed texts chosen by its result, nothing else.

A hidden check calls the student's function on random inputs drawn at grading time, and the
draws stay the same while the submitted code does (:func:`autograder.engine.check_seed`).
Whatever its message quotes of those inputs, or of what the student's code returned or raised
on them (a returned string's ``repr``, a class's ``__qualname__``, a dict's keys, a shape, an
exception's class name or message, a function's name), a student can read in the feedback
and hard-code in the next submission. :func:`redact` therefore does not filter the engine's
message: it builds the message anew from an allow-list, and each part is either text of the
kit or chosen from a fixed set:

- the headline: the task and function (the unit's spec) and a fixed text for the kind of
  failure (:data:`HEADLINES`, chosen by the engine's headline; any other one gives
  :data:`FAILED`); a raised exception is named only by a built-in exception class's name, a
  function that waits for another only by a function of the unit (a failure the engine
  reports before any input is drawn, :data:`BEFORE_DRAWS`, keeps its whole message);
- the ``cause:`` line (a building block that fails its own task), rebuilt from the unit's
  function names and task ids;
- the hint (:attr:`CheckResult.hint`, never read back from the message) only where it is
  exactly a string literal of the kit's source, or a known mistake of the unit's catalogue
  (its title and advice, as the catalogue has them); else :data:`FALLBACK_HINT`;
- the check's own notes (:attr:`CheckResult.notes`) on the same terms, and on a pass the
  check's note where it is fixed ("3 random inputs").

So hints computed on the call are left out by construction: how the value relates to the
right one, numpy's message explained (the shapes it names), a key the code looked up, the
sizes a function writes as numbers (read from its source), and every ``called:``, ``got:``,
``expected:`` line and detail sentence. What stays says a few bits at most (which of a
handful of fixed texts), as the score itself does.

The engine's own message is kept where only the instructor reads it: the autograded
notebook's metadata (:data:`autograder.results.RESULT_METADATA`, which the class report
reads), the autograde log of a check that could not be graded, and ``autograder grade`` run
where the reference is installed (the students' kit has no reference: there hidden checks do
not run).
"""

from __future__ import annotations

import ast
import builtins
import functools
import re
from pathlib import Path

import autograder
from autograder import messages, units
from autograder.checklib import PRINTED
from autograder.mistakes import catalogue
from autograder.results import CheckResult
from autograder.spec import KIND_HEADLINES, Task

#: Said of every failure that is about the hidden inputs.
ON_HIDDEN = " on hidden inputs"
#: The headline of any failure :data:`HEADLINES` does not know.
FAILED = "failed" + ON_HIDDEN
#: The engine's headline text (after the task and function) -> the hidden check's.
HEADLINES = {
    **{
        text: text if text.endswith(ON_HIDDEN) else text + ON_HIDDEN
        for text in KIND_HEADLINES.values()
    },
    PRINTED: PRINTED + ON_HIDDEN,
    "raised an exception": "raised an exception" + ON_HIDDEN,
    "timed out": "timed out" + ON_HIDDEN,
    "crashed": "crashed" + ON_HIDDEN,
    "skipped": "skipped" + ON_HIDDEN,
    "not implemented": "not implemented",
    "not run": "not run: the submission's time budget ran out before this check",
    "not gradable": "not gradable",
}
#: Headlines the engine gives only before a check draws any input (the file could not be
#: loaded, the function does not compile or is missing, the reference is not installed): the
#: message, which cannot depend on the draws, is shown whole (why the notebook was refused).
BEFORE_DRAWS = (
    "could not be loaded",
    "does not compile",
    "not found",
    "hidden check not run here (runs at grading)",
)
#: The hint of a failure on the hidden inputs when no fixed hint of the kit is left.
FALLBACK_HINT = (
    "the hidden inputs are random, with other sizes and values than the examples: take every "
    "size from the arguments, write none of the examples' numbers, and try your function on "
    "inputs of your own."
)

_RAISED = re.compile(r"  [\w.]+\(\) raised ([A-Za-z_]\w*)")
_WAITS = re.compile(r"waits for (\w+)\(\)")
_CAUSE = re.compile(
    r"  cause: +(\w+)\(\) uses your (\w+)\(\)(?: \(through (\w+)\(\)\))?, which "
    r"(fails|is missing|does not compile) Task ([\w.]+): fix that first\."
)
_STOOD_IN = re.compile(
    r"graded with a correct ((?:\w+\(\), )*\w+\(\)) in place of yours "
    r"\(it fails Tasks? [\w.]+(?:, [\w.]+)*\)"
)
_RANDOM_NOTE = re.compile(r"\d+ random inputs")
_KNOWN = "this looks like a known mistake: "
_ONE_OF = "this looks like one of these known mistakes: "


def redact(result: CheckResult, unit: str, task: Task) -> str:
    """The message a student may read of a hidden check's result (see the module's doc).

    Args:
        result: the engine's result of a hidden check of ``task``.
        unit: the unit's name.
        task: the task.

    Returns:
        A headline, then the ``cause:``, ``hint:`` and ``note:`` lines that are allowed.
    """
    first = result.message.partition("\n")[0]
    prefix = messages.headline(task.id, task.function, "")
    what = first.removeprefix(prefix) if first.startswith(prefix) else None
    if result.status == "passed":
        head = f"{result.name} passed: "
        note = what.removeprefix(head) if what and what.startswith(head) else ""
        kept = note if _RANDOM_NOTE.fullmatch(note) or note in kit_literals() else None
        lines = [messages.format_pass(task.id, task.function, result.name, kept)]
        return "\n".join(lines + _notes(result, unit))
    if what in BEFORE_DRAWS:
        return result.message
    shown = _headline(what, result.message, unit)
    lines = [messages.headline(task.id, task.function, shown)]
    cause = _cause(result.message, unit, task)
    if cause:
        lines.append(messages.note_line("cause", cause))
    hint = _hint(result.hint, unit)
    if hint is None and shown.endswith(ON_HIDDEN):
        hint = FALLBACK_HINT
    if hint:
        lines.append(messages.note_line("hint", hint))
    return "\n".join(lines + _notes(result, unit))


def _headline(what: str | None, message: str, unit: str) -> str:
    """The fixed text of the headline for the engine's ``what``."""
    if what == "raised an exception":
        detail = next((ln for ln in message.splitlines()[1:] if not ln.startswith("  cause:")), "")
        m = _RAISED.match(detail)
        if m and _builtin_exception(m[1]):
            return f"raised {m[1]}{ON_HIDDEN}"
    waits = _WAITS.fullmatch(what or "")
    if waits:
        known = waits[1] in _functions(unit)
        return f"waits for {waits[1]}()" if known else "waits for a function not implemented yet"
    return HEADLINES.get(what or "", FAILED)


def _builtin_exception(name: str) -> bool:
    value = getattr(builtins, name, None)
    return isinstance(value, type) and issubclass(value, BaseException)


def _cause(message: str, unit: str, task: Task) -> str | None:
    """The ``cause:`` line of the message, rebuilt from the unit's names (None: none)."""
    lines = message.splitlines()
    m = _CAUSE.fullmatch(lines[1]) if len(lines) > 1 else None
    if not m or m[1] != task.function:
        return None
    fn, via, what, dep = m[2], m[3], m[4], m[5]
    functions = _functions(unit)
    if fn not in functions or (via and via not in functions) or dep not in _task_ids(unit):
        return None
    through = f" (through {via}())" if via else ""
    return f"{task.function}() uses your {fn}(){through}, which {what} Task {dep}: fix that first."


def _hint(hint: str | None, unit: str) -> str | None:
    """``hint`` where it is fixed text of the kit or of the unit's catalogue, else None."""
    if not hint:
        return None
    if hint in kit_literals():
        return hint
    known = _known_mistakes(unit)
    if hint in known:
        return known[hint]
    if hint.startswith(_ONE_OF) and hint.endswith("."):
        titles = hint.removeprefix(_ONE_OF)[:-1].split("; or ")
        allowed = {m.title: m.title for m in catalogue(unit)}
        if len(titles) > 1 and all(t in allowed for t in titles):
            return _ONE_OF + "; or ".join(allowed[t] for t in titles) + "."
    return None


def _notes(result: CheckResult, unit: str) -> list[str]:
    """The check's own notes that are fixed text, or name only functions of the unit."""
    out = []
    for note in result.notes:
        m = _STOOD_IN.fullmatch(note)
        named = m and all(n.removesuffix("()") in _functions(unit) for n in m[1].split(", "))
        if note in kit_literals() or named:
            out.append(messages.note_line("note", note))
    return out


@functools.cache
def _known_mistakes(unit: str) -> dict[str, str]:
    """The diagnosis's hint of each known mistake of the unit (see ``autograder.diagnosis``)."""
    out = {}
    for m in catalogue(unit):
        text = f"{_KNOWN}{m.title}. {m.hint}".strip()
        out[text] = text
    return out


@functools.cache
def _functions(unit: str) -> frozenset[str]:
    tasks = units.get(unit).tasks
    return frozenset({t.function for t in tasks} | {f for t in tasks for f in t.uses})


@functools.cache
def _task_ids(unit: str) -> frozenset[str]:
    return frozenset(t.id for t in units.get(unit).tasks)


@functools.cache
def kit_literals() -> frozenset[str]:
    """Every string literal of the kit's source (the parts of f-strings left out).

    A hint equal to one of them was written by the kit, not computed from a call.
    """
    found: set[str] = set()
    for path in Path(autograder.__file__).parent.rglob("*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            continue
        parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        found.update(
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in parts
        )
    return frozenset(found)
