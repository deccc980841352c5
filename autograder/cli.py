"""The ``autograder`` command line.

``autograder grade PATH [--unit UNIT] [--json]`` grades a ``.py`` file, a notebook or a
folder; other subcommands are registered from :mod:`autograder.commands`. Exit status: 0
whenever grading completed (whatever the score), 2 for usage errors, 1 for internal errors,
141 when the reader of the output stopped reading.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys

from autograder.commands import COMMAND_MODULES


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="autograder", description="Auto-graded neural-network exercises."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        modname = f"autograder.commands.{name}"
        if importlib.util.find_spec(modname) is not None:
            importlib.import_module(modname).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped reading (``| head -1``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush
        return 141  # 128 + SIGPIPE, as a shell reports a command its pipe ended
    except Exception as exc:  # noqa: BLE001 - report internal errors briefly, exit 1
        print(f"autograder: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
