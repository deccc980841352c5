"""The grader's private files: never importable (see :mod:`autograder.private`).

In a built wheel this folder holds the reference solutions (``solutions/``) and the mistake
catalogue (``mistakes/``), copied by the build. Only :mod:`autograder.private` loads them, by
path, in the grader process; ``import autograder._private...`` fails on purpose, so that
neither a sandboxed worker nor a student's kernel on a machine where the grader is installed
can import them.
"""

raise ImportError(
    "autograder._private holds the grader's reference solutions and mistake catalogue; "
    "they are loaded by path by autograder.private, never imported"
)
