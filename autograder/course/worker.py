"""Grade a notebook (or ``.py``) file with the engine, exactly as ``autograder grade`` does.

The student's code runs in the engine's isolated worker process
(:func:`autograder.isolation.from_path`, :mod:`autograder.isolation`): a crash, a time-out or
a memory blow-up costs the checks it hits, never the grading process or the batch.

:func:`grade_notebook_text` is what the nbgrader plugin and the parallel autograde call: it
takes the notebook as text and returns a :class:`GradedNotebook`, plain data that crosses
process (and Dask) boundaries as JSON.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autograder import scratch
from autograder.engine import grade_submission, load_submission
from autograder.results import CheckResult, TaskResult, UnitResult
from autograder.submission import Submission, notebook_code_cells

#: Check statuses that are a verdict on the student's code (recorded in the gradebook);
#: the others (``not_gradable``, ``not_run``) leave the grade to a human.
VERDICTS = ("passed", "failed", "over_budget")

#: What the worker is called in reports when it runs as a plain process of the grader's user.


def grade_file(
    path: Path | str,
    unit: str,
    *,
    isolated: bool | None = None,
    limits: Any = None,
) -> UnitResult:
    """Grade a ``.ipynb`` or ``.py`` file on every check of a unit.

    Args:
        path: the submission file.
        unit: the unit name.
        isolated: run student code in a worker process (default: as ``autograder grade``).
        limits: an :class:`autograder.isolation.Limits`, or None for the defaults.

    Returns:
        The unit's result; with the defaults, the same as ``autograder grade --json``.
    """
    return _grade(Path(path), unit, isolated, limits).result


@dataclass
class GradedNotebook:
    """The engine's verdict on one notebook, as plain data.

    Attributes:
        result: the unit's result.
        isolation: how student code was isolated (``UnitResult.isolation`` when the engine
            reports it, else what the course could tell); None if unknown.
        cell_errors: the notebook cells that raised or were skipped while loading.
        cell_outputs: ``{cell index: [nbformat output dicts]}`` for the student's code cells,
            when the sandbox returns them (None until it does).
    """

    result: UnitResult
    isolation: str | None = None
    cell_errors: list[str] = field(default_factory=list)
    cell_outputs: dict[int, list[dict]] | None = None

    def to_json(self) -> str:
        """Serialize (the inverse of :meth:`from_json`)."""
        return json.dumps(
            {
                "result": dataclasses.asdict(self.result),
                "isolation": self.isolation,
                "cell_errors": self.cell_errors,
                "cell_outputs": self.cell_outputs,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> GradedNotebook:
        """Rebuild from :meth:`to_json`'s text."""
        data = json.loads(text)
        res = dict(data["result"])
        tasks = [
            TaskResult(
                **{**_known(TaskResult, t), "checks": [CheckResult(**c) for c in t["checks"]]}
            )
            for t in res.pop("tasks")
        ]
        result = UnitResult(**{**_known(UnitResult, res), "tasks": tasks})
        for key, value in res.items():  # fields this version of UnitResult does not declare
            if not hasattr(result, key):
                setattr(result, key, value)
        outputs = data.get("cell_outputs")
        return cls(
            result,
            data.get("isolation"),
            list(data.get("cell_errors") or []),
            {int(k): v for k, v in outputs.items()} if outputs is not None else None,
        )


def _known(kind: type, data: dict) -> dict:
    names = {f.name for f in dataclasses.fields(kind)}
    return {k: v for k, v in data.items() if k in names}


def input_key(unit: str, text: str, limits: Any = None, cell_timeout: float | None = None) -> str:
    """A digest of exactly what the engine runs for a notebook: its code cells and limits.

    Two notebooks with the same key get the same grades (the engine sees nothing of a
    notebook but its code cells), so a result computed elsewhere (a parallel worker) can
    stand for grading the notebook here.
    """
    try:
        cells = notebook_code_cells(text)
    except ValueError:
        cells = [text]
    return cells_key(unit, cells, limits, cell_timeout)


def cells_key(
    unit: str, cells: list[str], limits: Any = None, cell_timeout: Any = None, seed: Any = None
) -> str:
    """:func:`input_key` of a notebook whose code cells (as the engine reads them) are ``cells``.

    ``seed`` (the course secret) is part of it: the hidden checks' draws depend on it.
    """
    blob = json.dumps([unit, cells, repr(limits), cell_timeout, seed], ensure_ascii=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def notebook_of_cells(cells: list[str]) -> str:
    """A notebook holding only these code cells: the engine grades it as the original."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    return nbformat.writes(new_notebook(cells=[new_code_cell(c) for c in cells]))


def refused(unit: str, reason: str, isolation: str | None = None) -> GradedNotebook:
    """Every check of a unit not gradable, for ``reason`` (no student code ran)."""
    sub = Submission(unit, {}, "the submission")
    sub.grader_error = reason
    return GradedNotebook(grade_submission(unit, sub), isolation)


def rejected(unit: str, reason: str) -> GradedNotebook:
    """Every check of a unit failed (0 points) for ``reason``: a notebook not graded at all.

    For a submission the course refuses to read (too large); no student code ran.
    """
    return GradedNotebook(grade_submission(unit, Submission(unit, {}, "", load_error=reason)))


def grade_notebook_text(
    text: str,
    unit: str,
    *,
    isolated: bool | None = None,
    limits: Any = None,
    require_sandbox: bool = True,
    seed: int | None = None,
) -> GradedNotebook:
    """Grade a notebook given as text, in the engine's worker.

    Args:
        text: the notebook's JSON text.
        unit: the unit name.
        isolated: run student code in a worker process (default: yes).
        limits: an :class:`autograder.isolation.Limits`, or None for the defaults.
        require_sandbox: False: where no sandbox can be made here, run the code unprotected
            instead of refusing (the isolation layer refuses by default: every check then
            ends not gradable and ``isolation`` says why).
        seed: the course secret, base seed of the hidden checks' draws.

    Returns:
        The verdict; never raises because of the notebook.
    """
    limits = best_effort(limits) if not require_sandbox else limits
    with scratch.temporary("autograder-nb-") as tmp:
        path = tmp / f"{unit}.ipynb"
        path.write_text(text, encoding="utf-8")
        graded = _grade(path, unit, isolated, limits, seed)
    for task in graded.result.tasks:
        for check in task.checks:
            check.message = check.message.replace(str(path), path.name)
    return graded


def _grade(
    path: Path, unit: str, isolated: bool | None, limits: Any, seed: int | None = None
) -> GradedNotebook:
    kwargs: dict[str, Any] = {}
    if isolated is not None:
        kwargs["isolated"] = isolated
    if limits is not None:
        kwargs["limits"] = limits
    submission = load_submission(path, unit, **kwargs)
    try:
        result = grade_submission(unit, submission, seed=seed)
        errors = [str(e) for e in getattr(submission, "cell_errors", None) or []]
        outputs = _nbformat_outputs(getattr(submission, "cell_outputs", None))
    finally:
        submission.close()
    return GradedNotebook(result, getattr(result, "isolation", None), errors, outputs)


def best_effort(limits: Any) -> Any:
    """``limits`` that use the sandbox where one can be made, else run unprotected."""
    from dataclasses import replace

    from autograder.isolation import Limits, sandbox_status

    limits = limits if limits is not None else Limits()
    if limits.sandbox is not False and not sandbox_status().available:
        return replace(limits, sandbox=False)
    return limits


def _nbformat_outputs(cell_outputs: Any) -> dict[int, list[dict]] | None:
    """The sandbox's per-cell outputs as nbformat outputs (stdout stream, then the error)."""
    if not cell_outputs:
        return None
    out: dict[int, list[dict]] = {}
    for cell in cell_outputs:
        outputs: list[dict] = []
        if cell.stdout:
            outputs.append({"output_type": "stream", "name": "stdout", "text": cell.stdout})
        if cell.error:
            name, _, value = cell.error.partition(": ")
            outputs.append(
                {
                    "output_type": "error",
                    "ename": name or "Error",
                    "evalue": value,
                    "traceback": [cell.error],
                }
            )
        if outputs:
            out[int(cell.index)] = outputs
    return out


def grade_job(
    cells: list[str],
    unit: str,
    limits: Any,
    isolated: bool,
    require_sandbox: bool,
    seed: int | None = None,
) -> str:
    """Grade a notebook's code cells and return the :class:`GradedNotebook` as JSON.

    What a parallel worker process or Dask worker runs: plain data in and out, only the
    installed kit needed (this module imports neither nbgrader nor the course).
    """
    graded = grade_notebook_text(
        notebook_of_cells(cells),
        unit,
        isolated=isolated,
        limits=limits,
        require_sandbox=require_sandbox,
        seed=seed,
    )
    return graded.to_json()
