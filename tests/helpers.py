"""Shared helpers for the kit's own tests."""

from __future__ import annotations

import inspect

from autograder.engine import load_reference
from autograder.mistakes import Mistake
from autograder.submission import Submission, from_module


def reference_submission(unit: str) -> Submission:
    """The reference solutions of a unit, as a submission."""
    return from_module(unit, load_reference(unit))


def mistake_submission(unit: str, m: Mistake) -> Submission:
    """The reference with one function replaced by a known mistake."""
    ref = load_reference(unit)
    ns = dict(vars(ref))
    code = m.source(ref)
    exec(compile(code, f"<mistake {m.id}>", "exec"), ns)
    text = inspect.getsource(ref) + "\n\n" + code  # the mistake is the last definition
    return Submission(unit, ns, f"mistake {m.id}", source_text=text)
