"""The one formatter for student-facing messages (pytest, CLI, nbgrader cells).

Format::

    Task 3.3 · propagate — wrong values
      called:   propagate(w: array(2, 1), b: 1.5, X: array(2, 3), Y: [[1, 0, 1]])
      got:      cost = 6.000064773192205
      expected: cost = 5.801545319394553 (rtol 1e-07, atol 1e-10)
      hint:     did you forget the (1 - Y) * log(1 - A) term?
"""

from __future__ import annotations

from autograder.spec import KIND_HEADLINES

LABEL_WIDTH = 10


def headline(task_id: str, function: str, what: str) -> str:
    """Return the first line of a message: task, function and kind of problem."""
    return f"Task {task_id} · {function} — {what}"


def format_failure(
    task_id: str,
    function: str,
    kind: str,
    detail: str,
    lines: list[tuple[str, str]] | None = None,
    hint: str | None = None,
    advice: list[str] | tuple[str, ...] = (),
    *,
    cause: str | None = None,
) -> str:
    """Format a failed check.

    Args:
        task_id: task id such as ``"3.3"``.
        function: the exercise function.
        kind: a key of :data:`autograder.spec.KIND_HEADLINES`, or a free headline.
        detail: one sentence saying what is wrong.
        lines: ``(label, text)`` lines (called, got, expected, ...).
        hint: one hint, or None.
        advice: non-scoring advice, one line each.
        cause: a failing building block this function uses, said first.

    Returns:
        The message, several lines.
    """
    out = [headline(task_id, function, KIND_HEADLINES.get(kind, kind))]
    if cause:
        out.append(_line("cause", cause))
    if detail:
        out.append(f"  {detail}")
    for label, text in lines or []:
        out.append(_line(label, text))
    if hint:
        out.append(_line("hint", hint))
    out.extend(advice_lines(advice))
    return "\n".join(out)


def _line(label: str, text: str) -> str:
    head = label + ":"
    return f"  {head:<{max(LABEL_WIDTH, len(head) + 1)}}{text}"


def waiting_failure(task_id: str, function: str, cause: str) -> str:
    """The student kit's short message of a failure whose cause is another task's block.

    Without the reference no correct block stands in, so every task using a failing block
    fails too; its own details would say the block's failure again (msg 18 §1e: 13 messages
    for one ``np.sum`` in ``linear_backward``).
    """
    return "\n".join([headline(task_id, function, "waits for another task"), _line("cause", cause)])


def same_failure_line(checks: list[str]) -> str:
    """The line that ends a failure's message when other checks of its task failed alike."""
    names = ", ".join(repr(c) for c in checks)
    return _line(
        "also", f"the same failure made check{'s' if len(checks) > 1 else ''} {names} fail."
    )


def tasks_named(task_ids: list[str]) -> str:
    """``"Task 5.3"``, or ``"Tasks 5.3, 5.4"`` for several (each once, in order)."""
    ids = list(dict.fromkeys(task_ids))
    return f"Task{'s' if len(ids) > 1 else ''} {', '.join(ids)}"


def stood_in_note(blocks: list[tuple[str, str]]) -> str:
    """The note of a check graded with the grader's blocks for the student's failing ones.

    Args:
        blocks: ``(function, task id)`` of each block stood in for.
    """
    names = ", ".join(f"{function}()" for function, _ in blocks)
    tasks = tasks_named([task_id for _, task_id in blocks])
    return f"graded with a correct {names} in place of yours (it fails {tasks})"


def own_blocks_note(check: str, blocks: list[tuple[str, str]]) -> str:
    """The note of a check right with the student's own failing blocks, not the grader's.

    Args:
        check: the check's name.
        blocks: ``(function, task id)`` of each block the grader had stood in for.
    """
    names = ", ".join(f"{function}()" for function, _ in blocks)
    tasks = tasks_named([task_id for _, task_id in blocks])
    return (
        f"{check}: right with your own {names}, which fail{'' if len(blocks) > 1 else 's'} "
        f"{tasks} (the course's tests, which use your functions, accept this pair): its "
        "mistake is charged there"
    )


def note_line(kind: str, text: str) -> str:
    """Format a task note: ``advice`` (never scored) or ``recognized`` (an older convention)."""
    return _line(kind, text)


def advice_lines(advice: list[str] | tuple[str, ...]) -> list[str]:
    """Format advice (never scored) as ``advice:`` lines of a message."""
    return [_line("advice", text) for text in advice]


def format_pass(
    task_id: str,
    function: str,
    check: str,
    note: str | None,
    advice: list[str] | tuple[str, ...] = (),
) -> str:
    """Format the short message of a passed check (and its advice, if any)."""
    head = f"Task {task_id} · {function} — {check} passed" + (f": {note}" if note else "")
    return "\n".join([head, *advice_lines(advice)])
