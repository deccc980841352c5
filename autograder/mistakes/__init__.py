"""The catalogue of known mistakes: realistic wrong implementations, per unit.

Each :class:`Mistake` is the source of a wrong version of one exercise function, with the
set of checks it must fail. The engine uses the catalogue to name the mistake when a
student's output matches it; ``tests/test_mistakes.py`` grades every entry and asserts that
exactly its listed checks fail. The catalogue is grader-side only (it is close to the
solutions), so it is left out of the student bundle, and its unit modules are never
importable: :mod:`autograder.private` loads them by path (this package's ``__path__`` is
empty, and a built wheel ships them as private data).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import textwrap
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Mistake:
    """A realistic wrong implementation of one function.

    Written either as full code (``code``) or, preferably, as a **variant** of the reference:
    ``changes``, text replacements applied to the reference function's source, each of whose
    old texts must occur exactly once (so an edit of the reference that a variant no longer
    fits is caught by the tests).

    Attributes:
        function: the exercise function it replaces.
        id: short identifier, unique within the unit.
        title: what the mistake is, as a student would recognise it.
        code: the wrong ``def``; it runs in the reference module's namespace ("" for a
            variant).
        fails: names of the checks (of this function's task, or ``"function.check"`` for
            another task's check) that must fail, and no others.
        hint: the advice the engine gives when a student's output matches this mistake.
        message: text that must appear in a failing check's message (default: the title,
            which the engine adds when it recognises the mistake).
        changes: ``((old, new), ...)`` applied in order to the reference's source.
        advice: text one of the task's advice lines must contain, for a mistake the kit
            reports as advice (never scored) rather than as a failed check.
    """

    function: str
    id: str
    title: str
    code: str
    fails: frozenset[str]
    hint: str = ""
    message: str = ""
    changes: tuple[tuple[str, str], ...] = ()
    advice: str = ""

    def qualified_fails(self) -> set[tuple[str, str]]:
        """Return ``{(function, check)}`` of every check this mistake must fail."""
        out = set()
        for item in self.fails:
            fn, _, chk = item.rpartition(".")
            out.add((fn or self.function, chk))
        return out

    def source(self, reference: types.ModuleType) -> str:
        """The wrong function's source (the variant applied to the reference's).

        Raises:
            ValueError: if a change's old text does not occur exactly once.
        """
        if self.code:
            return self.code
        text = textwrap.dedent(inspect.getsource(getattr(reference, self.function)))
        for old, new in self.changes:
            count = text.count(old)
            if count != 1:
                raise ValueError(
                    f"mistake {self.id}: {old!r} occurs {count} times in the reference "
                    f"{self.function}(), not once"
                )
            text = text.replace(old, new)
        return text

    def in_module(self, reference: types.ModuleType) -> str:
        """The reference module's source with this mistake in place of the reference function.

        This is the file a student with this one bug would hand in: the wrong ``def`` stands
        where the right one stood, and every other function is the reference's, so the
        composites (``model``, ``L_model_forward``...) call the wrong block when the file runs.

        Raises:
            ValueError: if the reference module has no top-level ``def`` of the function.
        """
        text = inspect.getsource(reference)
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef) and node.name == self.function:
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = text.splitlines(keepends=True)
                wrong = self.source(reference).strip("\n") + "\n"
                return "".join([*lines[: first - 1], wrong, *lines[node.end_lineno :]])
        raise ValueError(f"mistake {self.id}: the reference defines no {self.function}()")

    def build(self, reference: types.ModuleType) -> Callable[..., Any]:
        """Compile the wrong function in a copy of the reference module's namespace."""
        ns = dict(vars(reference))
        exec(compile(self.source(reference), f"<mistake {self.id}>", "exec"), ns)  # noqa: S102
        return ns[self.function]


def catalogue(unit: str) -> list[Mistake]:
    """Return the unit's mistakes, or an empty list where the catalogue is not installed."""
    from autograder.private import load_catalogue

    module = load_catalogue(unit)
    return [] if module is None else list(module.MISTAKES)


def mistake(
    function: str, id: str, title: str, code: str, fails: str, hint: str = "", message: str = ""
) -> Mistake:
    """Build a :class:`Mistake` from full code; ``fails`` is a space-separated list of checks."""
    return Mistake(
        function, id, title, code.strip("\n"), frozenset(fails.split()), hint, message or title
    )


def variant(
    function: str,
    id: str,
    title: str,
    *changes: tuple[str, str],
    fails: str = "",
    hint: str = "",
    message: str = "",
    advice: str = "",
) -> Mistake:
    """Build a :class:`Mistake` as changes to the reference's ``function``.

    Example::

        variant(
            "propagate", "no_log_1_minus", "cost without the (1 - Y) log(1 - A) term",
            ("Y * np.log(A) + (1 - Y) * np.log(1 - A)", "Y * np.log(A)"),
            fails="values gradcheck hidden",
            hint="J needs both Y log A and (1 - Y) log(1 - A).",
        )

    Args:
        function: the exercise function.
        id: unique within the unit.
        title: the mistake as a student would recognise it.
        *changes: ``(old text, new text)`` pairs, applied in order.
        fails: space-separated checks it must fail (``"function.check"`` for another task's).
        hint: the advice given when a student's output matches it.
        message: text a failing message must contain (default: the title).
        advice: for a kit-only rule reported as advice: text the task's advice must contain.
    """
    return Mistake(
        function,
        id,
        title,
        "",
        frozenset(fails.split()),
        hint,
        message or (title if fails else ""),
        tuple(changes),
        advice,
    )


def table(function: str, *rows: tuple[str, ...]) -> list[Mistake]:
    """Variants of ``function``, a row each: ``("id: title", fails, fields, old, new, ..., texts)``.

    ``fails`` is as for :func:`variant`; ``fields`` names the fields (``"hint"``, ``"message"``,
    ``"advice"``, space-separated, or ``""``) whose texts end the row, in that order; between
    them, the changes as ``old, new`` pairs, applied in order. Example::

        *table("sigmoid",
            ("sign: np.exp(z) instead of np.exp(-z)", "values", "hint",
             "np.exp(-z)", "np.exp(z)", "sigma(z) = 1 / (1 + e^(-z)): a sign is off."),
        ),
    """
    out = []
    for head, fails, fields, *rest in rows:
        id, _, title = head.partition(": ")
        names = fields.split()
        flat, texts = rest[: len(rest) - len(names)], rest[len(rest) - len(names) :]
        if not flat or len(flat) % 2:
            raise ValueError(f"mistake {id}: the changes are not old, new pairs")
        changes = zip(flat[::2], flat[1::2])
        out.append(variant(function, id, title, *changes, fails=fails, **dict(zip(names, texts))))
    return out


def edits(old: str, new: str, *texts: str) -> list[str]:
    """For :func:`table` rows: each text, then it with ``old`` made ``new`` (one edit, many lines)."""
    return [t for text in texts for t in (text, text.replace(old, new))]


def reasons(*rows: str) -> dict[tuple[str, str], str]:
    """A unit's NOT_ISOLATED, ``{(function, check): reason}``, from ``"function check: why"``."""
    out = {}
    for row in rows:
        key, _, reason = row.partition(": ")
        function, check = key.split()
        out[function, check] = reason
    return out


def combine(
    id: str, title: str, *parts: Mistake, fails: str, hint: str = "", message: str = ""
) -> Mistake:
    """A mistake made of several variants of the same function at once (as real students do).

    Args:
        id: unique within the unit.
        title: the combined mistake as a student would recognise it.
        *parts: variants of one function; their changes are applied in order.
        fails: the checks the combination must fail.
        hint: the advice given when a student's output matches it.
        message: text a failing message must contain (default: the title).
    """
    functions = {p.function for p in parts}
    if len(functions) != 1 or any(p.code for p in parts):
        raise ValueError("combine() takes variants of a single function")
    changes = tuple(c for p in parts for c in p.changes)
    return variant(functions.pop(), id, title, *changes, fails=fails, hint=hint, message=message)


def in_course_forms(entries: Sequence[Mistake], reference: types.ModuleType) -> Iterator[Mistake]:
    """Each failing variant of ``entries`` written in each accepted form of its function.

    Real code makes a mistake in the form it is written in: a softmax without the max
    subtraction (a course form, full marks) that divides by the row sums of ``x`` is the
    catalogue's ``sums_x`` in that form. An entry with no ``fails`` and changes (a form) is
    applied to a failing variant of the same function, each of its changes where its text is
    still there (the variant may have rewritten that line); the result keeps the variant's
    checks, title and hint.
    """
    forms = [f for f in entries if not f.fails and f.changes]
    for m in entries:
        if not (m.fails and m.changes):
            continue
        for f in (f for f in forms if f.function == m.function):
            try:
                text = m.source(reference)
            except ValueError:
                continue
            applied = [(old, new) for old, new in f.changes if text.count(old) == 1]
            for old, new in applied:
                text = text.replace(old, new)
            if applied:
                yield dataclasses.replace(m, id=f"{m.id}+{f.id}", code=text, changes=())


def not_isolated_list(unit: str) -> dict[tuple[str, str], str]:
    """Return the unit's ``{(function, check): reason}`` of checks no mistake fails alone."""
    from autograder.private import load_catalogue

    module = load_catalogue(unit)
    return {} if module is None else dict(getattr(module, "NOT_ISOLATED", {}))


#: No submodule of this package can be imported: the unit catalogues are loaded by path.
__path__: list[str] = []
