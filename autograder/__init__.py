"""Auto-graded exercises for the fundamentals of neural networks.

One check engine serves three runners: the pytest self-check (``pytest exercises``), the
command line (``autograder grade``) and the nbgrader notebooks. Shape convention for the
whole kit: examples are **columns**, so a data matrix ``X`` has shape ``(n_x, m)``.
"""

from autograder.engine import grade_module, grade_path, grade_submission
from autograder.results import CheckResult, TaskResult, UnitResult

__all__ = [
    "CheckResult",
    "TaskResult",
    "UnitResult",
    "grade_module",
    "grade_path",
    "grade_submission",
]
