"""Files the kit generates from its own sources: written, or with ``--check`` compared.

``python -m autograder.stubs``, ``autograder.freeze`` and ``autograder.readme`` each render
their files and hand them to :func:`sync`, the one place that writes them or reports drift
(what ``.ci/run`` checks).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def sync(module: str, render: Callable[[], dict[Path, str]], argv: list[str] | None = None) -> int:
    """Write each rendered file that differs, or with ``--check`` name it and write nothing.

    Args:
        module: the generating module, as run with ``python -m`` (in the usage and messages).
        render: returns ``{path: the file's text as generated}``.
        argv: the command line (default: ``sys.argv[1:]``).

    Returns:
        The exit status: 1 when ``--check`` found a file out of date, else 0.
    """
    parser = argparse.ArgumentParser(prog=f"python -m {module}")
    parser.add_argument("--check", action="store_true", help="report drift, write nothing")
    args = parser.parse_args(argv)
    drift = []
    for path, text in render().items():
        if path.exists() and path.read_text() == text:
            continue
        if args.check:
            drift.append(path)
        else:
            path.write_text(text)
            print(f"wrote {path}")
    if drift:
        print(f"out of date (run python -m {module}):", *map(str, drift), sep="\n  ")
    return int(bool(drift))
