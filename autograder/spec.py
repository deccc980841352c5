"""What a unit is made of: units hold tasks, tasks hold named checks worth points.

A check is a plain function ``check(ctx) -> str | None``. It calls student code through
``ctx`` (never directly), raises :class:`CheckFailure` with a student-facing explanation when
the code is wrong, and may return a short note on success (a gradient check's relative error).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from autograder.context import Context

#: The kind of a failure that only waits for the task's other failures: a source check where
#: no call returned a result to read. It is shown as one of them (msg 18 §1c).
WAITING_KIND = "no result to check"

#: Headline used in messages for each kind of check failure.
KIND_HEADLINES = {
    "type": "wrong type",
    "shape": "wrong shape",
    "values": "wrong values",
    "hidden": "wrong values on hidden inputs",
    "gradient": "gradient check failed",
    "mutation": "modified its input",
    "vectorization": "not vectorized",
    "edge": "wrong on an edge case",
    "symmetry": "symmetry not broken",
    "rng": "random number generator misuse",
    "structure": "wrong structure",
    "behaviour": "wrong behaviour",
}


@dataclass(frozen=True)
class Check:
    """One named, scored check of one exercise function.

    Attributes:
        name: unique within the task, snake case (``values_visible``, ``gradcheck``).
        points: what the check is worth.
        run: the check function; raises :class:`CheckFailure` on wrong code.
        kind: a key of :data:`KIND_HEADLINES`.
        description: one line saying what is checked, shown in tables and notebooks.
        hidden: needs the reference solution and fresh random inputs; runs only where the
            reference is installed (grading), never in the student bundle.
        runs_last: run after the task's other checks (results stay in declared order): a
            source check compares the code it read, run alone, with the calls the other
            checks made (marked by :func:`autograder.checklib.runs_last` on its function).
    """

    name: str
    points: float
    run: Callable[[Context], str | None]
    kind: str
    description: str
    hidden: bool = False
    runs_last: bool = False


@dataclass(frozen=True)
class Adapter:
    """An older release's signature of a task's function, and how to call it.

    The grader always calls a task's function with the current signature; when a submission's
    function has exactly these positional parameters, the arguments are adapted first (e.g.
    the 2017–2020 planar ``compute_cost(A2, Y, parameters)`` gets a ``parameters`` dict that
    its body never reads).

    Attributes:
        params: the older signature's positional parameter names, in order.
        release: which release had it, for the note in the result.
        adapt: ``(args, kwargs) -> (args, kwargs)`` for that signature.
    """

    params: tuple[str, ...]
    release: str
    adapt: Callable[[tuple[Any, ...], dict[str, Any]], tuple[tuple[Any, ...], dict[str, Any]]]

    def matches(self, params: list[str], required: int | None) -> bool:
        """Whether a function with these positional parameters has this older signature.

        The same names, or as many parameters with none defaulted (a real 2018 planar
        ``compute_cost(A, Y, parameters)`` renamed ``A2``): called with today's fewer
        arguments such a function could not run at all.

        Args:
            params: the function's positional parameter names.
            required: how many of them have no default (None when unknown).
        """
        return tuple(params) == self.params or len(params) == len(self.params) == required


@dataclass(frozen=True)
class AdviceRule:
    """Something the kit teaches beyond the course, reported as advice, never scored.

    A course function is graded by the course's standard; where the kit asks more (numerical
    stability at extreme inputs, not modifying arguments, not reseeding), the rule runs after
    the task's checks and its text is shown with the result (table, JSON, notebook,
    feedback) without costing points.

    Attributes:
        name: snake case, unique within the task (``stable_at_extremes``).
        run: ``run(ctx) -> str | None``: the advice, or None when there is nothing to say.
        description: one line saying what the rule looks for.
    """

    name: str
    run: Callable[[Context], str | None]
    description: str


#: The kind a check's name implies, first match wins (``fnmatch`` patterns); a check
#: declares its kind only where its name does not say it.
KIND_BY_NAME: tuple[tuple[str, str], ...] = (
    ("hidden*", "hidden"),
    ("*shape", "shape"),
    ("values*", "values"),
    ("gradcheck*", "gradient"),
    ("no_mutation", "mutation"),
    ("no_loops", "vectorization"),
    ("structure", "structure"),
    ("returns_*", "type"),
    ("*_float", "type"),
    ("large_inputs", "edge"),
    ("at_zero", "edge"),
    ("threshold", "edge"),
    ("symmetry", "symmetry"),
    ("rng", "rng"),
    ("reproducible", "rng"),
    ("no_reseed", "rng"),
)


def default_kind(name: str) -> str:
    """The kind a check's name implies (``gradcheck_deep`` → ``gradient``), else ``behaviour``."""
    from fnmatch import fnmatchcase

    return next((kind for pattern, kind in KIND_BY_NAME if fnmatchcase(name, pattern)), "behaviour")


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0].rstrip(".") if (doc or "").strip() else ""


@dataclass(eq=False)
class Task:
    """One exercise: a function the student writes, and its checks.

    Checks are declared where they are written::

        t = UNIT.task("2.1", "basic_sigmoid", "sigmoid of a number with math.exp")

        @t.check("returns_float", 1)
        def _returns_float(ctx: Context) -> None:
            \"\"\"returns a real number\"\"\"
            ...

        t.add("values", 2, cl.visible_values(...), "matches the expected values")

    Attributes:
        id: ``"<unit number>.<task number>"``, as in the stub's heading (``"3.3"``).
        function: the function's name, as in the course.
        title: a short title (``"forward and backward propagation"``).
        checks: the checks, in the order they run (type and shape first).
        aliases: older course names of the function (``normalizeRows``), graded as it.
        adapters: older course signatures of the function (see :class:`Adapter`).
        advice: non-scoring rules run after the checks (see :class:`AdviceRule`).
        course: True for a function of the course (graded by the course's standard); False
            for one only the kit has.
        uses: other tasks' functions this one calls (``optimize`` uses ``propagate``): where
            one of them fails, this task's message names it first.
        compared_with: other tasks' functions this task's checks call themselves, as the
            expectation (``propagate_vectorized`` is compared with the student's
            ``propagate_loops``). Like ``uses``, but whether or not the function's source
            calls them: where one fails its own task, the grader's stands in for it, so
            its bug costs once, in its own task.
        helpers: course helper functions, not tasks of the unit, that the course's template
            of the function calls (``linear_activation_forward`` calls ``dnn_utils``'
            ``sigmoid`` and ``relu``), or that a kit-only function may use as honest maths
            (``tanh`` as ``2 sigmoid(2z) - 1``). With its building blocks
            (:meth:`Unit.may_call`), the only course helpers the function may call while the
            grader calls it.
    """

    id: str
    function: str
    title: str
    checks: tuple[Check, ...] | list[Check] = ()
    aliases: tuple[str, ...] = ()
    adapters: tuple[Adapter, ...] = ()
    advice: tuple[AdviceRule, ...] | list[AdviceRule] = ()
    course: bool = True
    uses: tuple[str, ...] = ()
    compared_with: tuple[str, ...] = ()
    helpers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.checks = list(self.checks)
        self.advice = list(self.advice)

    @property
    def marker(self) -> str:
        """The pytest marker of this task, such as ``task3_3``."""
        return "task" + self.id.replace(".", "_")

    @property
    def points(self) -> float:
        """Total points of the task's checks."""
        return sum(c.points for c in self.checks)

    def add(
        self,
        name: str,
        points: float,
        run: Callable[[Context], str | None],
        description: str = "",
        *,
        kind: str | None = None,
        hidden: bool = False,
    ) -> Check:
        """Append a check (built by a check builder, or any function).

        Args:
            name: unique within the task; its kind follows from it (:func:`default_kind`)
                unless ``kind`` is given.
            points: what it is worth.
            run: ``run(ctx) -> str | None``.
            description: one line for tables and notebooks (default: ``run``'s docstring).
            kind: a key of :data:`KIND_HEADLINES`, where the name does not imply it.
            hidden: needs the reference and fresh random inputs (see :class:`Check`).

        Returns:
            The check.

        Raises:
            ValueError: if the task already has a check of that name.
        """
        if any(c.name == name for c in self.checks):
            raise ValueError(f"task {self.id} already has a check {name!r}")
        check = Check(
            name,
            points,
            run,
            kind or ("hidden" if hidden and name.startswith("hidden") else default_kind(name)),
            description or _first_line(run.__doc__),
            hidden,
            bool(getattr(run, "runs_last", False)),
        )
        self.checks.append(check)
        return check

    def check(
        self, name: str, points: float, *, kind: str | None = None, hidden: bool = False
    ) -> Callable[[Callable[[Context], str | None]], Callable[[Context], str | None]]:
        """Decorator form of :meth:`add`: the function's docstring is the description."""

        def register(run: Callable[[Context], str | None]) -> Callable[[Context], str | None]:
            self.add(name, points, run, kind=kind, hidden=hidden)
            return run

        return register

    def advise(
        self, name: str
    ) -> Callable[[Callable[[Context], str | None]], Callable[[Context], str | None]]:
        """Decorator declaring an :class:`AdviceRule` (its docstring is the description)."""

        def register(run: Callable[[Context], str | None]) -> Callable[[Context], str | None]:
            self.advice.append(AdviceRule(name, run, _first_line(run.__doc__)))
            return run

        return register


@dataclass(eq=False)
class Unit:
    """A unit of exercises (later one nbgrader assignment).

    Attributes:
        name: module name in ``exercises/`` and ``solutions/``.
        number: unit number, the first part of every task id.
        title: human title.
        tasks: the tasks in order.
    """

    name: str
    number: int
    title: str
    tasks: tuple[Task, ...] | list[Task] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tasks = list(self.tasks)

    def functions(self) -> frozenset[str]:
        """The names of the tasks' functions."""
        return frozenset(t.function for t in self.tasks)

    def may_call(self, function: str) -> frozenset[str]:
        """The course helpers ``function`` may call while graded: those of its building blocks.

        Its task's ``uses`` and ``helpers``, and the same of each block it uses, transitively
        (``L_model_forward`` uses ``linear_activation_forward``, whose template calls
        ``sigmoid``): the application's ``L_layer_model`` is built from the helpers of its
        blocks. Every other course helper computes what some function must compute itself
        (``relu_backward(z, z)`` is ``relu(z)``), so the grader refuses it (see
        :mod:`autograder.isolation.served`).
        """
        tasks = {t.function: t for t in self.tasks}
        out: set[str] = set()
        seen: set[str] = set()
        todo = [function]
        while todo:
            name = todo.pop()
            task = tasks.get(name)
            if name in seen or task is None:
                continue
            seen.add(name)
            out.update(task.uses, task.helpers)
            todo.extend(task.uses)
        return frozenset(out - {function})

    def task(self, key: str, function: str | None = None, title: str = "", **options: Any) -> Task:
        """Return the task with this id or function name; with ``function``, declare it.

        Args:
            key: a task id (``"2.1"``), function name or marker.
            function: to declare a new task: its function's name.
            title: the new task's short title.
            **options: the new task's other :class:`Task` fields (``aliases``, ``course``...).

        Raises:
            KeyError: when looking up a task that does not exist.
            ValueError: when declaring a task id twice.
        """
        if function is not None:
            if any(t.id == key for t in self.tasks):
                raise ValueError(f"unit {self.name} already has a task {key}")
            task = Task(key, function, title, **options)
            self.tasks.append(task)
            return task
        for t in self.tasks:
            if key in (t.id, t.function, t.marker):
                return t
        raise KeyError(f"unit {self.name} has no task {key!r}")


class CheckFailure(Exception):  # noqa: N818 - the name reads well in check code
    """Raised by a check when the student's code is wrong.

    Attributes:
        detail: what exactly is wrong, one sentence.
        lines: extra ``(label, text)`` lines such as ``("got", "...")``.
        hint: at most one hint keyed to a misconception.
        kind: overrides the check's kind for the headline (e.g. a value check that found a
            shape problem).
        specific: the hint names what this result shows (not a check's general advice): it
            is shown before any hint read from how the value relates to the right one.
        sourced: the hint is read from the student's code as well as the result: it is shown
            before a known mistake that only gives the same output (which the code shows it
            is not).
    """

    def __init__(
        self,
        detail: str,
        *,
        lines: list[tuple[str, str]] | None = None,
        hint: str | None = None,
        kind: str | None = None,
        specific: bool = False,
        sourced: bool = False,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.lines = lines or []
        self.hint = hint
        self.kind = kind
        self.specific = specific or sourced
        self.sourced = sourced
        #: The hint was found by an ``explain`` of the check (``checklib.explain_failure``).
        self.explained = False


class GraderError(Exception):
    """The grader itself could not evaluate a check (our bug or missing data)."""


class NeedsReference(Exception):  # noqa: N818
    """A check needs the reference solution, which is not installed here."""
