"""Human-readable reports of grading results (the CLI's table)."""

from __future__ import annotations

from autograder.results import UnitResult

PASS, FAIL, SKIP, ERR = "✓", "✗", "·", "!"


def _mark(status: str) -> str:
    return {"passed": PASS, "failed": FAIL, "not_run": SKIP}.get(status, ERR)


def table(result: UnitResult, *, details: bool = True) -> str:
    """Format a unit's result as a per-task table followed by the failure messages.

    Args:
        result: the unit's result.
        details: append the message of every failed check.

    Returns:
        The report text.
    """
    lines = [f"{result.unit}: {result.score:g} / {result.max_score:g}"]
    if result.isolation:
        lines.append(f"  isolation: {result.isolation}")
    if result.load_error:
        lines.append(f"  could not load the submission: {result.load_error}")
    width = max([len(t.function) for t in result.tasks] + [8])
    lines.append(f"  {'task':<5} {'function':<{width}} {'score':>9}  checks")
    for t in result.tasks:
        marks = " ".join(f"{_mark(c.status)} {c.name}" for c in t.checks)
        score = f"{t.score:g}/{t.max_score:g}"
        lines.append(f"  {t.id:<5} {t.function:<{width}} {score:>9}  {marks}")
        pad = " " * (width + 18)
        lines.extend(f"{pad}↳ recognized: {text}" for text in t.recognized)
        lines.extend(f"{pad}↳ advice (no points): {text}" for text in t.advice)
    if result.load_notes:
        lines.append(
            f"  skipped while loading ({len(result.load_notes)}, costing nothing by itself):"
        )
        lines.extend(f"    {note}" for note in result.load_notes[:8])
        if len(result.load_notes) > 8:
            lines.append(f"    ... and {len(result.load_notes) - 8} more")
    if details:
        failed = [
            c for t in result.tasks for c in t.checks if c.status in ("failed", "not_gradable")
        ]
        seen_not_impl = set()
        for c in failed:
            first = c.message.splitlines()[0] if c.message else c.name
            if "not implemented" in first or "not found" in first:
                if first in seen_not_impl:
                    continue
                seen_not_impl.add(first)
            lines.append("")
            lines.append(f"[{c.name}] " + c.message)
    return "\n".join(lines)
