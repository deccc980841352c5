"""Structured grading results: one check, one task, one unit.

These are plain data, so the CLI can print them as JSON, pytest can turn a failed check into
a message, and nbgrader cells can end with the check's score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from autograder.plain import one_line
from autograder.spec import WAITING_KIND

#: Check statuses. ``passed`` and ``failed`` are verdicts on the student's code; ``not_run``
#: means the check needs something absent here (the reference, for hidden checks);
#: ``not_gradable`` means the grader itself failed and no verdict exists; ``over_budget``
#: means the submission's code used up its time budget before this check ran (0 points,
#: counted in the maximum: the student's code, not the grader, stopped it).
STATUSES = ("passed", "failed", "not_run", "not_gradable", "over_budget")

#: ``CheckResult.mistake["id"]`` of a failure whose cause is an untouched stub (the function
#: still raises ``NotImplementedError``); every other id is one of the unit's catalogue of
#: known mistakes (:mod:`autograder.mistakes`).
NOT_IMPLEMENTED = "not_implemented"

#: Key of the autograded notebook's metadata holding the engine's :meth:`UnitResult.to_dict`
#: (written at autograde by :class:`autograder.course.nbgrader_plugin.EngineGrades`, read by
#: the class report).
RESULT_METADATA = "autograder_result"


#: Longest text a result keeps (a student's value can make a description megabytes long).
MAX_TEXT = 4000
#: Control characters (terminal escapes, carriage returns; tab and newline are kept) and lone
#: UTF-16 surrogates, which a student's exception message or value can hold.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def safe_text(text: str, limit: int = MAX_TEXT) -> str:
    r"""Text fit for any terminal, file or page: what a student's code put in a message.

    Control characters and lone surrogates are shown escaped (``\x1b``, ``\ud800``), so an
    exception message cannot move the terminal's cursor to overwrite the grade, and text longer
    than ``limit`` characters is cut with a note of how much was left out.
    """
    if type(text) is not str:
        text = str(text)
    text = _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text) - limit} more characters)"
    return text


def _safe_list(items: list[str]) -> list[str]:
    return [safe_text(x) for x in items]


class _Summed:
    """Points summed over the parts: a task's checks, a unit's tasks.

    Sums are rounded to 6 decimals (no 0.30000000000000004); the maximum counts every part,
    hidden checks included whether they ran or not.
    """

    def _parts(self) -> Iterable[CheckResult | TaskResult]:
        raise NotImplementedError

    @property
    def score(self) -> float:
        """Points earned."""
        return float(round(sum(p.score for p in self._parts()), 6))

    @property
    def max_score(self) -> float:
        """Points it is worth."""
        return float(round(sum(p.max_score for p in self._parts()), 6))


@dataclass
class CheckResult:
    """The outcome of one named check.

    Attributes:
        name: check name, unique within its task (for example ``"values_hidden"``).
        passed: True when the check passed.
        score: points earned, ``0 <= score <= max_score``.
        max_score: points the check is worth.
        message: student-facing explanation; on success a short note (may be empty).
        status: one of :data:`STATUSES`.
        kind: what sort of check this is (``type``, ``shape``, ``values``, ``gradient``, ...).
        advice: non-scoring advice found while checking (see :class:`autograder.spec.AdviceRule`).
        recognized: conventions of an older course release the check recognized and accepted.
        cause: a failing building block the function uses (named first in the message).
        notes: how the check was run, where the student should know (a failing building
            block replaced by a correct one).
        mistake: the named cause of a failure, ``{"id": ..., "title": ...}``: the entry of
            the known-mistake catalogue the student's output matched, or
            :data:`NOT_IMPLEMENTED`; None when no cause is known (or the check passed).
        hint: the ``hint:`` line of a failure's message, as given (None: no hint), for
            :func:`autograder.course.redact.redact`, which must not read it back from a
            message the student's values are part of. Not in :meth:`to_dict`'s JSON form.
        detail: the one sentence of a failure's message that says what is wrong, as given
            (None: a pass, or a failure made before the check ran), without the call's
            ``called:``/``got:``/``expected:`` lines; with ``hint`` and ``cause`` it tells
            one failure shown by several checks (:meth:`failure_keys`). Not in the JSON form.
        raised: ``"propagate_vectorized: ValueError (line 331, in propagate_vectorized)"``,
            where the failure is an exception the student's code raised: the same raised at
            the same place on other calls is one failure (msg 18 §1). Not in the JSON form.
        failure: the kind of the failure (``shape``, ``raised an exception``, ...; the
            check's own ``kind`` is what it checks), None for a pass. Not in the JSON form.
    """

    name: str
    passed: bool
    score: float
    max_score: float
    message: str = ""
    status: str = "passed"
    kind: str = "values"
    advice: list[str] = field(default_factory=list)
    recognized: list[str] = field(default_factory=list)
    cause: str | None = None
    mistake: dict[str, str] | None = None
    notes: list[str] = field(default_factory=list)
    hint: str | None = None
    detail: str | None = None
    raised: str | None = None
    failure: str | None = None

    def __post_init__(self) -> None:
        self.message = safe_text(self.message)
        self.cause = None if self.cause is None else safe_text(self.cause)
        self.hint = None if self.hint is None else safe_text(self.hint)
        self.detail = None if self.detail is None else safe_text(self.detail)
        self.advice, self.recognized = _safe_list(self.advice), _safe_list(self.recognized)
        self.notes = _safe_list(self.notes)

    @property
    def waits(self) -> bool:
        """Whether the failure only waits for the task's other failures: shown as their first.

        :data:`autograder.spec.WAITING_KIND`, a source check with no result to read.
        """
        return self.failure == WAITING_KIND

    def failure_keys(self) -> tuple[tuple[str | None, ...], ...]:
        """What makes two failed checks of a task one failure, shown once: a key in common.

        The same known mistake (an entry of the catalogue matched on the visible inputs, the
        hidden ones and the gradient check) is one failure whatever the calls were; so are the
        same sentence and cause (an exception raised on every call; the visible and the hidden
        values of one output wrong) and the same hint and cause (one diagnosis of calls with
        other arguments: leaky relu wrong with its default slope and with another), and the
        same failing block of another task named as the cause (the student kit, where no
        correct block stands in: the result's structure and its values wrong alike), and the
        same exception raised at the same place on other calls, and a wrong shape, whichever
        check found it. Without a sentence, only the same message is.
        """
        cause = ((self.status, "cause", self.cause),) if self.cause else ()
        if self.raised:  # the same exception at the same place, whatever the call
            cause += ((self.status, "raised", self.raised, self.cause),)
        if self.failure == "shape":  # "fix the shape first", whichever check found it
            cause += ((self.status, "shape", self.cause),)
        if self.mistake:
            return ((self.status, "mistake", self.mistake.get("id"), self.cause), *cause)
        if self.detail:
            keys = [(self.status, "detail", self.detail, self.cause), *cause]
            return (*keys, (self.status, "hint", self.hint, self.cause)) if self.hint else (*keys,)
        return ((self.status, "message", self.message), *cause)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by ``autograder grade --json``."""
        return {
            "name": self.name,
            "passed": self.passed,
            "score": self.score,
            "max_score": float(self.max_score),
            "message": self.message,
            "status": self.status,
            "advice": list(self.advice),
            "cause": self.cause,
            "mistake": dict(self.mistake) if self.mistake else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckResult:
        """Rebuild a result from :meth:`to_dict`'s form."""
        mistake = data.get("mistake")
        return cls(
            str(data["name"]),
            bool(data["passed"]),
            float(data["score"]),
            float(data["max_score"]),
            str(data.get("message", "")),
            str(data.get("status", "passed" if data["passed"] else "failed")),
            advice=[str(a) for a in data.get("advice", [])],
            cause=data.get("cause"),
            mistake=dict(mistake) if mistake else None,
        )


@dataclass
class TaskResult(_Summed):
    """All checks of one task (one exercise function).

    Attributes:
        id: the task id.
        function: the function's name.
        checks: the checks' results, in order.
        notes: task-level advice (from advice rules) and recognized conventions (older
            names and signatures), as ``("advice" | "recognized", text)``.
    """

    id: str
    function: str
    checks: list[CheckResult] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.notes = [(kind, safe_text(text)) for kind, text in self.notes]

    def add_note(self, kind: str, text: str) -> None:
        """Add a task-level note, escaped and capped as every text of a result is."""
        self.notes.append((kind, safe_text(text)))

    def _collect(self, kind: str) -> list[str]:
        found = [text for k, text in self.notes if k == kind]
        for c in self.checks:
            found.extend({"advice": c.advice, "recognized": c.recognized, "note": c.notes}[kind])
        return list(dict.fromkeys(found))

    @property
    def check_notes(self) -> list[str]:
        """How the task's checks were run, where the student should know."""
        return self._collect("note")

    @property
    def advice(self) -> list[str]:
        """Every distinct piece of advice for this task (never scored)."""
        return self._collect("advice")

    @property
    def recognized(self) -> list[str]:
        """Every convention of an older course release recognized for this task."""
        return self._collect("recognized")

    def _parts(self) -> list[CheckResult]:
        return self.checks

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by ``autograder grade --json``.

        Every check is listed, hidden checks that did not run here with status ``not_run``.
        """
        return {
            "id": self.id,
            "function": self.function,
            "score": self.score,
            "max_score": self.max_score,
            "checks": [c.to_dict() for c in self.checks],
            "advice": self.advice,
            "recognized": self.recognized,
            "notes": self.check_notes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TaskResult:
        """Rebuild a result from :meth:`to_dict`'s form."""
        notes = [("advice", str(a)) for a in data.get("advice", [])]
        notes += [("recognized", str(r)) for r in data.get("recognized", [])]
        return cls(
            str(data["id"]),
            str(data["function"]),
            [CheckResult.from_dict(c) for c in data.get("checks", [])],
            notes,
        )


@dataclass
class UnitResult(_Summed):
    """All tasks of one unit, for one submission.

    Attributes:
        unit: the unit's name.
        tasks: the tasks' results.
        load_error: why the submission could not be loaded at all, if so.
        load_notes: statements or cells skipped while loading.
        isolation: how the student's code was isolated from the grader
            (``"bubblewrap (...)"``, ``"none (--no-sandbox)"``...); None where not known.
    """

    unit: str
    tasks: list[TaskResult] = field(default_factory=list)
    load_error: str | None = None
    load_notes: list[str] = field(default_factory=list)
    isolation: str | None = None

    def __post_init__(self) -> None:
        self.load_error = None if self.load_error is None else safe_text(self.load_error)
        self.load_notes = [safe_text(one_line(str(note))) for note in self.load_notes]

    def _parts(self) -> list[TaskResult]:
        return self.tasks

    @property
    def gradable(self) -> bool:
        """False when any check could not be graded because of a grader failure."""
        return all(c.status != "not_gradable" for t in self.tasks for c in t.checks)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object printed by ``autograder grade --json``."""
        return {
            "unit": self.unit,
            "score": self.score,
            "max_score": self.max_score,
            "gradable": self.gradable,
            "load_notes": list(self.load_notes),
            "isolation": self.isolation,
            "tasks": [t.to_dict() for t in self.tasks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UnitResult:
        """Rebuild a result from :meth:`to_dict`'s form (``load_error`` is not kept there)."""
        return cls(
            str(data["unit"]),
            [TaskResult.from_dict(t) for t in data.get("tasks", [])],
            load_notes=[str(n) for n in data.get("load_notes", [])],
        )
