"""Grade a notebook (or ``.py``) file with the engine, in a child process.

:func:`grade_file` is what the nbgrader plugin calls. It runs exactly
``grade_submission(unit, from_path(path, unit))``, task by task, in a forked child that
streams one JSON line per task back to the parent. A child that dies (``os._exit``, a
segfault, the OOM killer) or overruns its time costs the task it was grading (recorded as
failed, "crashed" or "timed out"); a fresh child grades the remaining tasks. A failure of the
grader itself, or an exhausted budget, marks checks ``not_gradable``, never a silent 0.

The engine's own isolation (issue 6: student code in a worker process behind the same
``from_path`` API) plugs in underneath without changes here; ``isolate=False`` grades in
this process.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
import traceback
import warnings
from pathlib import Path
from typing import Any

from autograder import messages, units
from autograder.engine import grade_submission
from autograder.results import CheckResult, TaskResult, UnitResult
from autograder.spec import Task, Unit
from autograder.submission import DEFAULT_CALL_TIMEOUT, from_path

#: Seconds a child may spend loading the submission (from_path allows 3 call timeouts).
LOAD_SECONDS = 3 * DEFAULT_CALL_TIMEOUT + 15
#: Seconds per check before a task is declared timed out (a check stops at its first
#: timed-out call).
CHECK_SECONDS = DEFAULT_CALL_TIMEOUT + 5
#: Default wall-time budget for one submission.
BUDGET_SECONDS = 300.0


def task_to_json(task: TaskResult) -> dict[str, Any]:
    """Serialize a task result with every field (status and kind included)."""
    return {
        "id": task.id,
        "function": task.function,
        "checks": [
            {
                "name": c.name,
                "passed": bool(c.passed),
                "score": float(c.score),
                "max_score": float(c.max_score),
                "message": str(c.message),
                "status": str(c.status),
                "kind": str(c.kind),
            }
            for c in task.checks
        ],
    }


def task_from_json(data: dict[str, Any], task: Task) -> TaskResult:
    """Rebuild a task result received from a child, trusting only its expected shape."""
    by_name = {c.name: c for c in task.checks}
    out = TaskResult(task.id, task.function)
    got = {str(c.get("name")): c for c in data.get("checks", []) if isinstance(c, dict)}
    for name, check in by_name.items():
        c = got.get(name)
        if c is None:
            out.checks.append(_result(task, check.name, check.points, "not_gradable", "lost"))
            continue
        score = float(c.get("score", 0.0))
        status = str(c.get("status", "not_gradable"))
        out.checks.append(
            CheckResult(
                name,
                bool(c.get("passed")) and status == "passed",
                min(max(score, 0.0), float(check.points)) if score == score else 0.0,
                check.points,
                str(c.get("message", "")),
                status,
                str(c.get("kind", check.kind)),
            )
        )
    return out


def _result(task: Task, name: str, points: float, status: str, what: str, detail="") -> CheckResult:
    msg = messages.format_failure(task.id, task.function, what, detail)
    return CheckResult(name, False, 0.0, points, msg, status, "behaviour")


def _whole_task(task: Task, status: str, what: str, detail: str) -> TaskResult:
    tr = TaskResult(task.id, task.function)
    tr.checks = [_result(task, c.name, c.points, status, what, detail) for c in task.checks]
    return tr


def _describe_exit(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = str(sig)
        return f"killed by signal {name}"
    return f"exit status {os.WEXITSTATUS(status)}"


def _child(wfd: int, path: str, unit: str, task_ids: list[str]) -> None:  # pragma: no cover
    """Body of the forked child: load, then grade task by task; never returns."""
    code = 0
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        out = os.fdopen(wfd, "w")
        submission = from_path(Path(path), unit)
        out.write(json.dumps({"loaded": True, "load_error": submission.load_error}) + "\n")
        out.flush()
        for tid in task_ids:
            result = grade_submission(unit, submission, tasks=[tid])
            for task in result.tasks:
                out.write(json.dumps({"task": task_to_json(task)}) + "\n")
                out.flush()
        out.close()
    except BaseException:  # noqa: BLE001 - report, then leave
        code = 70
        try:
            os.write(wfd, (json.dumps({"error": traceback.format_exc()[-2000:]}) + "\n").encode())
        except OSError:
            pass
    os._exit(code)


def _grade_forked(path: Path, unit: Unit, budget: float) -> UnitResult:
    result = UnitResult(unit.name)
    done: dict[str, TaskResult] = {}
    remaining = [t.id for t in unit.tasks]
    tasks = {t.id: t for t in unit.tasks}
    deadline = time.monotonic() + budget
    while remaining:
        rfd, wfd = os.pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(rfd)
            _child(wfd, str(path), unit.name, list(remaining))
        os.close(wfd)
        loaded, error, timed_out, over_budget = False, None, False, False
        buf = b""
        limit = time.monotonic() + LOAD_SECONDS
        try:
            while True:
                now = time.monotonic()
                if now >= deadline:
                    over_budget = True
                    break
                wait = min(limit, deadline) - now
                if wait <= 0:
                    timed_out = True
                    break
                ready, _, _ = select.select([rfd], [], [], wait)
                if not ready:
                    continue
                chunk = os.read(rfd, 65536)
                if not chunk:
                    break
                buf += chunk
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    try:
                        msg = json.loads(line)
                    except ValueError:
                        continue
                    if msg.get("loaded"):
                        loaded = True
                        if msg.get("load_error"):
                            result.load_error = str(msg["load_error"])
                    elif "error" in msg:
                        error = str(msg["error"])
                    elif "task" in msg and remaining:
                        tid = remaining[0]
                        done[tid] = task_from_json(msg["task"], tasks[tid])
                        remaining.pop(0)
                    if remaining:
                        limit = time.monotonic() + CHECK_SECONDS * len(tasks[remaining[0]].checks)
        finally:
            os.close(rfd)
            if timed_out or over_budget:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            _, status = os.waitpid(pid, 0)
        if not remaining:
            break
        if over_budget:
            for tid in remaining:
                done[tid] = _whole_task(
                    tasks[tid],
                    "not_gradable",
                    "not gradable",
                    f"grader error: the submission's grading budget ({budget:g} s) ran out.",
                )
            break
        if not loaded:
            if error is not None:
                what, detail, status_text = "not gradable", f"grader error: {error}", "not_gradable"
            elif timed_out:
                what, status_text = "timed out", "failed"
                detail = "loading your code did not finish (infinite loop at top level?)."
            else:
                what, status_text = "crashed", "failed"
                detail = (
                    f"your code ended the grading process while loading ({_describe_exit(status)})."
                )
            for tid in remaining:
                done[tid] = _whole_task(tasks[tid], status_text, what, detail)
            break
        tid = remaining.pop(0)
        if error is not None:
            done[tid] = _whole_task(
                tasks[tid], "not_gradable", "not gradable", f"grader error: {error}"
            )
        elif timed_out:
            done[tid] = _whole_task(
                tasks[tid], "failed", "timed out", "grading this task did not finish in time."
            )
        else:
            done[tid] = _whole_task(
                tasks[tid],
                "failed",
                "crashed",
                f"your code ended the grading process ({_describe_exit(status)}).",
            )
    result.tasks = [done[t.id] for t in unit.tasks]
    return result


def grade_file(
    path: Path | str,
    unit: str,
    *,
    isolate: bool = True,
    budget: float = BUDGET_SECONDS,
) -> UnitResult:
    """Grade a ``.ipynb`` or ``.py`` file on every check of a unit.

    Args:
        path: the submission file.
        unit: the unit name.
        isolate: grade in forked children (POSIX); False grades in this process.
        budget: wall-time budget in seconds for the whole submission (isolated only).

    Returns:
        The unit's result; scores equal ``autograder grade --json`` on the same file.
    """
    u = units.get(unit)
    if not isolate or not hasattr(os, "fork"):
        return grade_submission(u, from_path(Path(path), unit))
    return _grade_forked(Path(path), u, budget)
