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

import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Mistake:
    """A realistic wrong implementation of one function.

    Attributes:
        function: the exercise function it replaces.
        id: short identifier, unique within the unit.
        title: what the mistake is, as a student would recognise it.
        code: the wrong ``def``; it runs in the reference module's namespace.
        fails: names of the checks (of this function's task, or ``"function.check"`` for
            another task's check) that must fail, and no others.
        hint: the advice the engine gives when a student's output matches this mistake.
        message: text that must appear in a failing check's message (default: the title,
            which the engine adds when it recognises the mistake).
    """

    function: str
    id: str
    title: str
    code: str
    fails: frozenset[str]
    hint: str = ""
    message: str = ""

    def qualified_fails(self) -> set[tuple[str, str]]:
        """Return ``{(function, check)}`` of every check this mistake must fail."""
        out = set()
        for item in self.fails:
            fn, _, chk = item.rpartition(".")
            out.add((fn or self.function, chk))
        return out

    def build(self, reference: types.ModuleType) -> Callable[..., Any]:
        """Compile the wrong function in a copy of the reference module's namespace."""
        ns = dict(vars(reference))
        exec(compile(self.code, f"<mistake {self.id}>", "exec"), ns)  # noqa: S102
        return ns[self.function]


def catalogue(unit: str) -> list[Mistake]:
    """Return the unit's mistakes, or an empty list where the catalogue is not installed."""
    from autograder.private import load_catalogue

    module = load_catalogue(unit)
    return [] if module is None else list(module.MISTAKES)


def mistake(
    function: str, id: str, title: str, code: str, fails: str, hint: str = "", message: str = ""
) -> Mistake:
    """Build a :class:`Mistake`; ``fails`` is a space-separated list of check names."""
    return Mistake(
        function, id, title, code.strip("\n"), frozenset(fails.split()), hint, message or title
    )


def not_isolated_list(unit: str) -> dict[tuple[str, str], str]:
    """Return the unit's ``{(function, check): reason}`` of checks no mistake fails alone."""
    from autograder.private import load_catalogue

    module = load_catalogue(unit)
    return {} if module is None else dict(getattr(module, "NOT_ISOLATED", {}))


#: No submodule of this package can be imported: the unit catalogues are loaded by path.
__path__: list[str] = []
