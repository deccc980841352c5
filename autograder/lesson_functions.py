"""Named one-variable functions from the lessons, passed *by name* to student code.

Some exercises take a function as an argument (``forward_difference(f, a)``). The grader
never hands student code a live grader object: it passes a :class:`LessonFunction`, a
callable that only carries a name from :data:`TABLE`. A worker process can rebuild it from
the name alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

TABLE: dict[str, tuple[Callable[[float], float], str]] = {
    "triple": (lambda a: 3.0 * a, "f(a) = 3a"),
    "square": (lambda a: a**2, "f(a) = a^2"),
    "cube": (lambda a: a**3, "f(a) = a^3"),
    "log": (lambda a: math.log(a), "f(a) = log(a)"),
    "exp": (lambda a: math.exp(a), "f(a) = e^a"),
    "sine": (lambda a: math.sin(a), "f(a) = sin(a)"),
    "bowl": (lambda w: (w - 3.0) ** 2 + 1.0, "J(w) = (w - 3)^2 + 1"),
    "bowl_slope": (lambda w: 2.0 * (w - 3.0), "dJ/dw = 2(w - 3)"),
    "quartic": (lambda w: 0.25 * w**4 + 0.5 * w**2, "J(w) = w^4/4 + w^2/2"),
    "quartic_slope": (lambda w: w**3 + w, "dJ/dw = w^3 + w"),
}


@dataclass(frozen=True)
class LessonFunction:
    """A lesson function identified by name; calling it evaluates the function.

    Attributes:
        name: a key of :data:`TABLE`.
    """

    name: str

    def __call__(self, a: float) -> float:
        """Evaluate the function at ``a``."""
        return TABLE[self.name][0](a)

    def __repr__(self) -> str:
        return f"<{TABLE[self.name][1]}>"
