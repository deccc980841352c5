"""``autograder course autograde``: a class's notebooks graded in parallel, recorded by nbgrader.

Every submission is recorded **through nbgrader's own autograde** (``NbGraderAPI.autograde``),
so the gradebook, the autograded notebooks and the feedback are exactly those of ``nbgrader
autograde``. Two ways to spread the work:

**Local worker processes** (``--jobs N``, :class:`LocalPool`): each worker runs nbgrader's
autograde for one student at a time (:func:`record_job`): the sanitize pass, the engine's
grading (student code in the sandbox) and the gradebook writes, all in parallel. nbgrader
writes only that student's rows and files; on SQLite the workers wait for each other's short
write transactions (:func:`~autograder.course.session.patient_db_url`), on PostgreSQL they do
not wait at all.

**Dask workers** (``--dask``, :class:`DaskPool`), which may run on other machines without the
course folder or the gradebook: they only grade, and this one coordinating process records:

1. the coordinator reads each submitted notebook's code as ``EngineGrades`` will see it
   after nbgrader's sanitize pass (:class:`CodeReader`, from the gradebook's record of the
   notebook) and its key (:func:`~autograder.course.worker.cells_key`: the code and the
   limits);
2. workers grade the code (:func:`~autograder.course.worker.grade_job`, plain data in and
   out: a worker needs the kit, not the course folder or the gradebook);
3. as each result arrives the coordinator writes it to a private folder under its key and
   calls nbgrader's autograde for that student, with ``EngineGrades.precomputed_dir`` set:
   ``EngineGrades`` takes the result stored under the key of the code it really sees, so a
   result can only ever stand for exactly that code; without one it grades the notebook
   itself.

A worker process that dies takes only the submissions it was grading back to the queue (a
retry each, :data:`RETRIES` at most; a submission recorded again is simply autograded again,
as ``nbgrader autograde --force`` would); after that, nbgrader's autograde grades the
submission in the coordinator. Nothing a submission does stops the batch.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import functools
import json
import multiprocessing
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autograder import codeload, scratch
from autograder.course.nbgrader_plugin import NO_RESULT
from autograder.course.sanitize import read_submitted, replace_surrogates
from autograder.course.session import CourseSession, failure_reason
from autograder.course.worker import cells_key, grade_job

#: Times a submission is sent to a worker again after the worker died while grading it.
RETRIES = 2


@dataclass
class Job:
    """One submission: what a worker runs for it, its key, how often it was sent out.

    Attributes:
        student: the student.
        unit: the unit.
        fn: the worker function (:func:`record_job` or
            :func:`~autograder.course.worker.grade_job`), importable by name.
        args: its arguments, plain data.
        key: the key of the graded code (:func:`~autograder.course.worker.cells_key`) when
            the worker only grades; empty when it records too.
        attempts: times sent to a worker.
    """

    student: str
    unit: str
    fn: Callable[..., Any]
    args: tuple
    key: str = ""
    attempts: int = 0


@functools.cache
def _worker_session(root: str, overrides: str) -> CourseSession:
    return CourseSession(root, json.loads(overrides))


def record_job(root: str, overrides: str, unit: str, student: str) -> dict[str, Any]:
    """Autograde one submission with nbgrader's own API, in this worker process.

    The session (nbgrader's configuration, imports) is made once per worker process.

    Args:
        root: the course root.
        overrides: the batch's nbgrader configuration overrides, as JSON.
        unit: the unit.
        student: the student.

    Returns:
        The API's result, as plain data: ``{"success", "log", "error"}``.
    """
    res = _worker_session(root, overrides).autograde(unit, student)
    return {
        "success": bool(res.get("success")),
        "log": str(res.get("log") or ""),
        "error": res.get("error") if isinstance(res.get("error"), str) else None,
    }


@dataclass
class BatchReport:
    """What a parallel autograde did.

    Attributes:
        unit: the unit.
        graded: students whose autograde succeeded (all checks recorded, or some left for a
            manual grade).
        failed: ``{student: reason}`` for submissions nbgrader could not autograde at all
            (shown as not gradable, never 0).
        retried: ``{student: retries}`` for submissions a dead worker sent back.
        regraded: ``{student: why}`` for submissions no worker could grade (graded by
            nbgrader's autograde in the coordinator instead).
        seconds: wall time.
    """

    unit: str
    graded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    retried: dict[str, int] = field(default_factory=dict)
    regraded: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        """A few lines for the instructor."""
        n = len(self.graded) + len(self.failed)
        per = self.seconds / n if n else 0.0
        lines = [
            f"{self.unit}: {n} submissions in {self.seconds:.1f} s ({per:.2f} s each): "
            f"{len(self.graded)} autograded, {len(self.failed)} not gradable"
        ]
        lines += [f"  not gradable: {sid}: {why}" for sid, why in sorted(self.failed.items())]
        if self.retried:
            lines.append(
                "  sent again after a worker died: "
                + ", ".join(f"{s} ({k}×)" for s, k in sorted(self.retried.items()))
            )
        lines += [
            f"  graded in the coordinator instead: {sid} ({why})"
            for sid, why in sorted(self.regraded.items())
        ]
        return "\n".join(lines)


def submitted_students(root: Path, unit: str) -> list[str]:
    """Students with a submitted notebook for the unit, sorted (nbgrader's order)."""
    return sorted(p.parent.parent.name for p in (root / "submitted").glob(f"*/{unit}/{unit}.ipynb"))


class CodeReader:
    """Read, from a submitted notebook, the code cells :class:`EngineGrades` will grade.

    That is the code after nbgrader's sanitize pass (the kit's
    :class:`~autograder.course.sanitize.SanitizeSubmission`, then OverwriteCells), worked
    out here from the gradebook's record of the notebook in a few milliseconds, without
    nbgrader's passes: known cells take the gradebook's type and flags, locked ones its
    source, unknown metadata is dropped, grade cells and the kit's untouched try-it and
    ``check(...)`` cells are left out (as :func:`~autograder.course.nbgrader_plugin.engine_cells`
    leaves them out). The file is read by :func:`~autograder.course.sanitize.read_submitted`,
    as nbgrader's autograde reads it. Where this reading could differ (a solution cell
    missing, a notebook that is not nbformat 4) or the notebook is refused as too large, it
    returns None and nbgrader's autograde grades (or refuses) the notebook itself; a reading
    that is wrong in any other way only costs time, never a grade: the result is looked up by
    the key of what ``EngineGrades`` really sees.
    """

    def __init__(self, session: CourseSession, unit: str) -> None:
        from nbgrader.api import Gradebook

        from autograder.course.builder import kit_code_cells
        from autograder.course.sanitize import gradebook_cells

        self.root = session.root
        self.unit = unit
        self.kit = kit_code_cells(unit)
        with Gradebook(session.coursedir.db_url) as gb:
            self.meta, _, self.sources = gradebook_cells(gb, unit, unit)

    def cells(self, student: str) -> list[str] | None:
        """The engine's code cells for one student's submission (None: let nbgrader read it)."""
        path = self.root / "submitted" / student / self.unit / f"{self.unit}.ipynb"
        try:
            nb = read_submitted(path).data
            cells = nb.get("cells") if isinstance(nb, dict) and nb.get("nbformat") == 4 else None
            if not isinstance(cells, list):
                return None
            replace_surrogates(nb)
            return self._code(nb["cells"])
        except Exception:  # noqa: BLE001 - anything odd: nbgrader's own reading decides
            return None

    def _code(self, cells: list[dict]) -> list[str] | None:
        entries: list[list[Any]] = []
        owner: dict[str, int] = {}
        for i, cell in enumerate(cells):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            meta = cell.get("metadata")
            nbm = meta.get("nbgrader") if isinstance(meta, dict) else None
            gid = nbm.get("grade_id") if isinstance(nbm, dict) else None
            if not (isinstance(gid, str) and gid in self.meta):
                gid = None
            elif gid in owner:  # of several copies, the last keeps the id
                entries[owner[gid]][2] = None
            if gid is not None:
                owner[gid] = i
            entries.append([cell.get("cell_type"), source, gid])
        if any(m["solution"] and g not in owner for g, m in self.meta.items()):
            return None
        code = []
        for cell_type, source, gid in entries:
            if gid is None and source in self.kit:  # the kit's untouched try-it cells
                continue
            if gid is not None:
                m = self.meta[gid]
                cell_type = m["cell_type"]
                if m["locked"]:
                    source = self.sources[gid]
                if m["grade"] and not m["solution"]:
                    continue
            if cell_type != "code" or not isinstance(source, str):
                continue
            code.append(codeload.cell_code(source))
        return code


def _context() -> multiprocessing.context.BaseContext:
    """Fork where available: a worker starts at once with the kit already imported.

    The coordinator holds no threads or open gradebook connections while it forks.
    """
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class LocalPool:
    """N worker processes; a pool broken by a dying worker is replaced, its jobs resent.

    Its workers see the course folder and the gradebook, so each records its own
    submissions (:attr:`records`).
    """

    #: The workers run nbgrader's autograde themselves (:func:`record_job`).
    records = True

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._pool: cf.ProcessPoolExecutor | None = None
        self._futures: dict[cf.Future, Job] = {}

    def _fresh(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = cf.ProcessPoolExecutor(max_workers=self.jobs, mp_context=_context())
        return self._pool

    def submit(self, job: Job) -> None:
        """Queue one job."""
        job.attempts += 1
        self._futures[self._fresh().submit(job.fn, *job.args)] = job

    def results(self) -> Iterator[tuple[Job, Any, str | None]]:
        """Yield ``(job, what its function returned, error)`` as jobs finish.

        Jobs a dead worker lost are resent first (:data:`RETRIES` times at most).
        """
        while self._futures:
            done, _ = cf.wait(list(self._futures), return_when=cf.FIRST_COMPLETED)
            lost: list[Job] = []
            for fut in done:
                job = self._futures.pop(fut)
                try:
                    yield job, fut.result(), None
                except cf.process.BrokenProcessPool:
                    lost.append(job)
                except Exception as exc:  # noqa: BLE001 - a grader error for this job only
                    yield job, None, f"{type(exc).__name__}: {exc}"
            if lost:  # a worker died: every job still in this pool is lost with it
                lost += list(self._futures.values())
                self._futures.clear()
                if self._pool is not None:
                    self._pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = None
                for job in lost:
                    if job.attempts <= RETRIES:
                        self.submit(job)
                    else:
                        yield job, None, "a grading worker died while grading it, every time"

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskPool:
    """Jobs on a Dask cluster: ``"local"`` (a LocalCluster of 2 processes) or an address.

    Dask's scheduler sends the job of a worker that dies to another worker; a job whose
    workers keep dying ends as ``KilledWorker`` and is graded in the coordinator instead.
    Dask workers only grade (they need the kit, not the course): the coordinator records.
    """

    records = False

    def __init__(self, address: str, local_workers: int = 2) -> None:
        from dask.distributed import Client, LocalCluster, as_completed

        self._cluster = None
        if address == "local":
            self._cluster = LocalCluster(
                n_workers=local_workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client = Client(self._cluster)
        else:
            self.client = Client(address)
        self._done = as_completed()
        self._jobs: dict[str, Job] = {}

    def submit(self, job: Job) -> None:
        """Queue one job."""
        job.attempts += 1
        fut = self.client.submit(
            job.fn,
            *job.args,
            key=f"autograde-{job.unit}-{job.student}-{job.key[:12]}",
            pure=False,
        )
        self._jobs[fut.key] = job
        self._done.add(fut)

    def results(self) -> Iterator[tuple[Job, Any, str | None]]:
        """Yield ``(job, result JSON, error)`` as jobs finish."""
        for fut in self._done:
            job = self._jobs.pop(fut.key)
            try:
                yield job, fut.result(), None
            except Exception as exc:  # noqa: BLE001 - KilledWorker, a grader error...
                yield job, None, f"{type(exc).__name__}: {exc}"

    def close(self) -> None:
        """Disconnect (and stop a local cluster)."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


@contextlib.contextmanager
def _progress(total: int, enabled: bool):  # noqa: ANN202 - a context manager
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=total, unit="notebook", desc="autograde", dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()


def autograde_class(
    root: Path | str,
    unit: str,
    *,
    students: list[str] | None = None,
    jobs: int = 2,
    dask: str | None = None,
    overrides: dict[str, Any] | None = None,
    progress: bool = True,
    pool: Any = None,
    on_result: Callable[[str, str, dict], None] | None = None,
) -> BatchReport:
    """Autograde every submission of a unit (or the named students) in parallel.

    Args:
        root: the course root.
        unit: the unit (nbgrader assignment).
        students: only these students (default: every submitted notebook of the unit).
        jobs: worker processes (ignored with ``dask``).
        dask: ``"local"`` or a scheduler address: grade on Dask workers instead.
        overrides: extra nbgrader configuration, as for :class:`CourseSession`.
        progress: show a progress bar on stderr.
        pool: a ready pool (``records``, ``submit(job)``, ``results()``, ``close()``), e.g.
            a :class:`DaskPool` on a test cluster; overrides ``jobs`` and ``dask``.
        on_result: called with ``(unit, student, nbgrader API result)`` after each autograde.

    Returns:
        The report; the grades are in the course's gradebook.
    """
    root = Path(root).resolve()
    students = students or submitted_students(root, unit)
    with Batch(root, jobs=jobs, dask=dask, overrides=overrides, pool=pool) as batch:
        batch.add(unit, students)
        return batch.finish(progress=progress, on_result=on_result)[unit]


class Batch:
    """A parallel autograde that takes units as they become ready (the demo's releases).

    :meth:`add` sends a unit's submissions to the workers at once; :meth:`finish` collects
    what they recorded (local workers) or records each result through nbgrader's autograde,
    in this process, as it arrives (Dask workers).

    Args:
        root: the course root.
        jobs: worker processes (ignored with ``dask`` or ``pool``).
        dask: ``"local"`` or a scheduler address.
        overrides: extra nbgrader configuration, as for :class:`CourseSession`.
        pool: a ready pool, as for :func:`autograde_class`.
    """

    def __init__(
        self,
        root: Path | str,
        *,
        jobs: int = 2,
        dask: str | None = None,
        overrides: dict[str, Any] | None = None,
        pool: Any = None,
    ) -> None:
        from autograder.course.nbgrader_plugin import EngineGrades

        self.start = time.perf_counter()
        self.root = Path(root).resolve()
        self._results = scratch.make("autograder-results-")
        self.overrides = dict(overrides or {})
        self.session = CourseSession(
            self.root, {**self.overrides, "EngineGrades.precomputed_dir": str(self._results)}
        )
        self.grades = EngineGrades(config=self.session.config)
        self.limits = self.grades.build_limits()
        self.cell_timeout = self.grades.effective_cell_timeout()
        self._own_pool = pool is None
        self.pool = pool if pool is not None else (DaskPool(dask) if dask else LocalPool(jobs))
        self.reports: dict[str, BatchReport] = {}
        self._unread: list[tuple[str, str]] = []
        self._total = 0

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop a pool this batch started; remove the stored results."""
        if self._own_pool:
            self.pool.close()
        shutil.rmtree(self._results, ignore_errors=True)

    def add(self, unit: str, students: list[str]) -> None:
        """Send a (released) unit's submissions to the workers."""
        self.reports.setdefault(unit, BatchReport(unit))
        self._total += len(students)
        if self.pool.records:
            overrides = json.dumps(self.overrides, sort_keys=True)
            for sid in students:
                self.pool.submit(Job(sid, unit, record_job, (str(self.root), overrides, unit, sid)))
            return
        reader = CodeReader(self.session, unit)
        grades = self.grades
        args = (unit, self.limits, grades.isolated, grades.require_sandbox, grades.seed)
        for sid in students:  # workers start on the first while the others are read
            cells = reader.cells(sid)
            if cells is None:
                self._unread.append((unit, sid))
            else:
                key = cells_key(unit, cells, self.limits, self.cell_timeout, grades.seed)
                self.pool.submit(Job(sid, unit, grade_job, (cells, *args), key))

    def finish(
        self,
        *,
        progress: bool = True,
        on_result: Callable[[str, str, dict], None] | None = None,
    ) -> dict[str, BatchReport]:
        """Collect (or record) every submission's autograde as it finishes."""
        failed = 0

        def done(unit: str, sid: str, res: dict) -> None:
            nonlocal failed
            report = self.reports[unit]
            if NO_RESULT in (res.get("log") or "") and sid not in report.regraded:
                report.regraded[sid] = "its code differed from the coordinator's reading"
            if res["success"]:
                report.graded.append(sid)
            else:
                report.failed[sid] = failure_reason(res)
                failed += 1
            if on_result is not None:
                on_result(unit, sid, res)
            if bar is not None:
                bar.set_postfix(not_gradable=failed, refresh=False)
                bar.update(1)

        with _progress(self._total, progress) as bar:
            for unit, sid in self._unread:
                done(unit, sid, self.session.autograde(unit, sid))
            for job, payload, error in self.pool.results():
                report = self.reports[job.unit]
                if job.attempts > 1:
                    report.retried[job.student] = job.attempts - 1
                if isinstance(payload, dict):  # the worker recorded it
                    done(job.unit, job.student, payload)
                    continue
                if payload is not None:
                    path = self._results / f"{job.key}.json"
                    path.write_text(payload, encoding="utf-8")
                else:
                    report.regraded[job.student] = str(error)
                done(job.unit, job.student, self.session.autograde(job.unit, job.student))
        seconds = time.perf_counter() - self.start
        for report in self.reports.values():
            report.seconds = seconds
        return self.reports
