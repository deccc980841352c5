"""Grade many submissions in one grader process; print one JSON line per submission.

Run as ``python grade_many.py SPEC.json`` by ``tests/test_hostile.py``, as root, as an
ordinary user (with that user's own installation of the kit) or as root without
``CAP_SYS_ADMIN``. The first line says who the grader is; then one line per submission (the
``autograder grade --json`` object plus its ``id``); the last line is ``{"done": true}``.
Anything else on stdout was not written by this process.
"""

from __future__ import annotations

import json
import os
import sys


def _cap_sys_admin() -> bool:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("CapEff:"):
                return bool(int(line.split()[1], 16) >> 21 & 1)
    return False


def main() -> None:
    """Grade the submissions listed in the spec file."""
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    from autograder.engine import grade_submission, load_submission
    from autograder.isolation import Limits

    who = {"start": True, "pid": os.getpid(), "uid": os.getuid(), "sys_admin": _cap_sys_admin()}
    print(json.dumps(who), flush=True)
    for item in spec["students"]:
        limits = Limits(**item.get("limits", {}))
        sub = load_submission(item["path"], item["unit"], limits=limits)  # as the CLI does
        try:
            result = grade_submission(item["unit"], sub)
        finally:
            sub.close()
        print(json.dumps({"id": item["id"], **result.to_dict()}), flush=True)
    print(json.dumps({"done": True}), flush=True)


if __name__ == "__main__":
    main()
