"""Subcommands of the ``autograder`` CLI; each module defines ``register(subparsers)``."""

#: Command modules, in the order they appear in ``autograder --help``. Absent ones are skipped.
COMMAND_MODULES = ("grade", "train", "course", "demo")
