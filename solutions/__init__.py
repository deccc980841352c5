"""Reference solutions. Instructors only: never shipped to students.

Each module is the twin of ``exercises/<unit>.py``; the exercises are generated from these
files by ``python -m autograder.stubs``, which replaces every ``### BEGIN SOLUTION`` /
``### END SOLUTION`` region with a stub that raises ``NotImplementedError``.
"""
