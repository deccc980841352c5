"""Drive a course with nbgrader's Python API from one process (no 4 s CLI import per call)."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import warnings
from pathlib import Path
from typing import Any

from autograder.course.gradebook import SubmissionGrades, read_submission


def failure_reason(result: dict) -> str:
    """The root cause of a failed autograde, from the API result's log (one line)."""
    text = (result.get("log") or "") + "\n" + (result.get("error") or "")
    for line in reversed(text.splitlines()):
        m = re.search(r"([A-Za-z_]+(?:Error|Exception|Timeout)): (.+)", line)
        if m and m.group(1) != "NbGraderException":
            return f"{m.group(1)}: {m.group(2).strip()}"[:160]
    return "see nbgrader's log"


#: Seconds a process waits for another's write to an SQLite gradebook (the driver's default
#: is 5): parallel autograde workers and a release may write at the same time.
SQLITE_BUSY_SECONDS = 120


def patient_db_url(db_url: str) -> str:
    """The gradebook URL with which concurrent writers wait for each other.

    SQLite lets one process write at a time; nbgrader's write transactions are short, so a
    writer that finds the file locked waits (``?timeout=``) instead of failing. Other
    databases (PostgreSQL) and URLs that already say how to connect are left as they are.

    Args:
        db_url: nbgrader's ``CourseDirectory.db_url``.

    Returns:
        The URL to connect with.
    """
    if db_url.startswith("sqlite:") and "?" not in db_url:
        return f"{db_url}?timeout={SQLITE_BUSY_SECONDS}"
    return db_url


def ensure_tools_on_path() -> None:
    """Put this interpreter's ``bin`` first on PATH: nbgrader runs ``alembic`` from PATH."""
    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if parts[:1] != [bindir]:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])


@contextlib.contextmanager
def stderr_to(path: Path | str | None):  # noqa: ANN201 - a context manager
    """Send file descriptor 2 (workers' and nbgrader's noise) to a file for the block."""
    if path is None:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "ab") as fh:
        os.dup2(fh.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


class CourseSession:
    """An nbgrader course driven through :class:`nbgrader.apps.NbGraderAPI`.

    Args:
        root: the course root (holding ``nbgrader_config.py``).
        overrides: extra config, as ``{"Execute.timeout": 5}``.
    """

    def __init__(self, root: Path | str, overrides: dict[str, Any] | None = None) -> None:
        ensure_tools_on_path()
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config import Config
        from traitlets.config.loader import PyFileConfigLoader

        self.root = Path(root).resolve()
        cfg = Config()
        config_file = self.root / "nbgrader_config.py"
        if config_file.exists():
            cfg.merge(PyFileConfigLoader(config_file.name, str(self.root)).load_config())
        for key, value in (overrides or {}).items():
            section, name = key.rsplit(".", 1)
            cfg[section][name] = value
        cfg.CourseDirectory.root = str(self.root)
        if "exporter_class" not in cfg.Autograde:  # a course built before the kit set it
            cfg.Autograde.exporter_class = "autograder.course.sanitize.SubmissionExporter"
        self.config = cfg
        self.course_id = cfg.CourseDirectory.course_id
        self.coursedir = CourseDirectory(config=cfg)
        url = patient_db_url(self.coursedir.db_url)
        cfg.CourseDirectory.db_url = self.coursedir.db_url = url
        with self._quiet():
            self.api = NbGraderAPI(coursedir=self.coursedir, config=cfg)

    @contextlib.contextmanager
    def _quiet(self):  # noqa: ANN202
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield

    def release(self, unit: str) -> dict[str, Any]:
        """Run ``generate_assignment`` for a unit; return the API's result dict."""
        with self._quiet():
            return self.api.generate_assignment(unit, force=True, create=True)

    def autograde(self, unit: str, student: str) -> dict[str, Any]:
        """Autograde one submission (forced); return the API's result dict."""
        with self._quiet():
            return self.api.autograde(unit, student, force=True, create=True)

    def generate_feedback(self, unit: str, student: str) -> dict[str, Any]:
        """Generate one student's feedback HTML."""
        with self._quiet():
            return self.api.generate_feedback(unit, student, force=True)

    def grades(self, unit: str, students: list[str]) -> list[SubmissionGrades]:
        """Read the students' grades for a unit from the gradebook and autograded notebooks."""
        from nbgrader.api import Gradebook

        with self._quiet(), Gradebook(self.coursedir.db_url, course_id=self.course_id) as gb:
            return [read_submission(gb, self.root, unit, s) for s in students]

    def export_csv(self, path: Path | str) -> None:
        """Write nbgrader's own CSV export (totals per student and assignment)."""
        from nbgrader.api import Gradebook
        from nbgrader.plugins.export import CsvExportPlugin

        with self._quiet(), Gradebook(self.coursedir.db_url, course_id=self.course_id) as gb:
            CsvExportPlugin(to=str(path)).export(gb)
