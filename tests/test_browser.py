"""The kit in a real browser: Debian's Chromium, driven by Playwright.

- The student's path: JupyterLab serves a notebook released by nbgrader from the generated
  course; the student runs the set-up cell, types a wrong ``sigmoid``, runs its check cell and
  reads the engine's failure message on the page, then types a right one and sees it pass.
- The instructor's path: nbgrader's formgrader (in the same Jupyter server) shows, for every
  student of an autograded class, the score `autograder course gradebook` prints, and the
  autograded notebook with the engine's messages; the class report renders.

Screenshots go to a folder each test prints. Playwright's own browser download is not used:
Chromium is ``/usr/bin/chromium`` (``apt-get install chromium``), which needs ``--no-sandbox``
as root and the flags below to stay off the network.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import types
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from autograder.course.builder import build_course
from autograder.course.class_report_page import write_report
from autograder.course.session import CourseSession, stderr_to
from autograder.engine import grade_module
from autograder.report import task_points
from tests import classroom

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
UNIT = "logistic_regression"
WRONG_SIGMOID = "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"
RIGHT_SIGMOID = "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"
STDOUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stdout']"
WAIT_MS = 45_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterLab:
    """A JupyterLab server (this interpreter's, with nbgrader's extensions) serving a folder.

    Its configuration, runtime and settings live under ``home``: no user settings leak in,
    JupyterLab's news prompt is off, the notebook renders every cell, and ``disabled`` lab
    extensions are switched off. :meth:`ready` waits until it answers.
    """

    def __init__(self, root: Path, home: Path, disabled: tuple[str, ...] = ()) -> None:
        for sub in ("config/labconfig", "settings/@jupyterlab/notebook-extension"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        off = {name: True for name in ("@jupyterlab/apputils-extension:announcements", *disabled)}
        (home / "config/labconfig/page_config.json").write_text(
            json.dumps({"disabledExtensions": off})
        )
        (home / "settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings").write_text(
            json.dumps({"windowingMode": "none"})
        )
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
            IPYTHONDIR=str(home / "ipython"),
            PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        )
        port, self.token = _free_port(), secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{port}"
        self.log = home / "jupyterlab.log"
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "jupyterlab",
                    "--no-browser",
                    "--allow-root",
                    "--ip=127.0.0.1",
                    f"--port={port}",
                    f"--IdentityProvider.token={self.token}",
                    f"--ServerApp.root_dir={root}",
                ],
                cwd=root,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def ready(self, timeout: float = 90.0) -> tuple[str, str]:
        """Wait until the server answers; return its base URL and token."""
        deadline = time.monotonic() + timeout
        request = urllib.request.Request(
            f"{self.base}/api/status", headers={"Authorization": f"token {self.token}"}
        )
        while True:
            assert self.proc.poll() is None, self.log.read_text()[-3000:]
            try:
                with urllib.request.urlopen(request, timeout=2) as response:
                    if response.status == 200:
                        return self.base, self.token
            except OSError:
                pass
            assert time.monotonic() < deadline, self.log.read_text()[-3000:]
            time.sleep(0.3)

    def stop(self) -> None:
        """Stop the server and its kernels (its own process group)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@contextlib.contextmanager
def jupyter_lab(root: Path, home: Path, disabled: tuple[str, ...] = ()) -> Iterator[JupyterLab]:
    """Start :class:`JupyterLab` (not waiting for it) and stop it after the block."""
    lab = JupyterLab(root, home, disabled)
    try:
        yield lab
    finally:
        lab.stop()


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def shots(request, tmp_path_factory, capsys) -> Path:
    """The folder of this test's screenshots, printed in the test's output."""
    folder = tmp_path_factory.mktemp(f"screenshots-{request.node.name}", numbered=True)
    with capsys.disabled():
        print(f"\n[{request.node.name}] screenshots: {folder}")
    return folder


def _page(chromium, token: str):  # noqa: ANN202
    context = chromium.new_context(
        viewport={"width": 1400, "height": 1000},
        extra_http_headers={"Authorization": f"token {token}"},
    )
    return context.new_page()


# ----------------------------------------------------------------------------- student


class Notebook:
    """A notebook open in JupyterLab: find code cells by their text, edit and run them."""

    def __init__(self, page) -> None:  # noqa: ANN001
        self.page = page
        self.cells = page.locator(".jp-Notebook .jp-CodeCell")

    def index(self, predicate) -> int:  # noqa: ANN001
        texts = self.cells.locator(".jp-InputArea-editor").all_inner_texts()
        found = [i for i, text in enumerate(texts) if predicate(text.strip())]
        assert found, "no such cell"
        return found[0]

    def run(self, i: int) -> None:
        self.cells.nth(i).locator(".jp-InputArea-editor").click()
        self.page.keyboard.press("Shift+Enter")

    def type_source(self, i: int, text: str) -> None:
        """Replace the cell's text as typed (inserted, so the editor adds no indentation)."""
        self.cells.nth(i).locator(".jp-InputArea-editor .cm-content").click()
        self.page.keyboard.press("Control+a")
        self.page.keyboard.insert_text(text)

    def stdout(self, i: int):  # noqa: ANN201
        return self.cells.nth(i).locator(STDOUT)


def _release(course: Path) -> Path:
    """`autograder course build` + nbgrader's generate_assignment: the released notebook."""
    build_course(course, [UNIT])
    session = CourseSession(course)
    with stderr_to(course / "nbgrader.log"):
        assert session.release(UNIT)["success"]
    return course / "release" / UNIT / f"{UNIT}.ipynb"


def _engine_verdict(code: str):  # noqa: ANN202
    """What the engine says of ``code`` as the notebook's sigmoid (task 3.1 only)."""
    module = types.ModuleType("student")
    module.np = np
    exec(compile(code, "<cell>", "exec"), module.__dict__)
    (task,) = grade_module(UNIT, module, tasks=["3.1"]).tasks
    return task


def test_student_types_a_wrong_then_a_right_sigmoid(chromium, shots, tmp_path):
    from playwright.sync_api import expect

    student = tmp_path / "student"
    student.mkdir()
    # The student's JupyterLab: no nbgrader extension (the student kit has no nbgrader).
    with jupyter_lab(student, tmp_path / "jupyter", ("@jupyter/nbgrader",)) as lab:
        released = _release(tmp_path / "course")  # while the server starts
        shutil.copy(released, student / released.name)
        base, token = lab.ready()
        page = _page(chromium, token)
        page.goto(f"{base}/lab/tree/{released.name}")
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=WAIT_MS)
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=WAIT_MS)
        nb = Notebook(page)
        setup = nb.index(lambda t: "from autograder.notebook import check" in t)
        solution = nb.index(lambda t: t.startswith("def sigmoid("))
        check = nb.index(lambda t: t == "check('3.1')")
        assert "raise NotImplementedError" in nb.cells.nth(solution).inner_text()
        page.screenshot(path=shots / "1-released-notebook.png")

        nb.run(setup)
        expect(nb.cells.nth(setup).locator(".jp-InputPrompt")).to_have_text(
            re.compile(r"\[\d+\]"), timeout=WAIT_MS
        )
        nb.type_source(solution, WRONG_SIGMOID)
        nb.run(solution)
        nb.cells.nth(solution).scroll_into_view_if_needed()
        page.screenshot(path=shots / "2-wrong-sigmoid-typed.png")
        nb.run(check)
        output = nb.stdout(check)
        expect(output).to_contain_text("Task 3.1 · sigmoid", timeout=WAIT_MS)
        shown = output.inner_text()
        nb.cells.nth(check).scroll_into_view_if_needed()
        page.screenshot(path=shots / "3-wrong-sigmoid-check.png")

        wrong = _engine_verdict(WRONG_SIGMOID)
        assert shown.splitlines()[0] == f"Task 3.1 · sigmoid: {task_points(UNIT, wrong).text()}"
        visible_failures = [c for c in wrong.checks if c.status == "failed" and c.name != "hidden"]
        assert visible_failures
        for c in visible_failures:  # the engine's whole message, as the page shows it
            assert c.message in shown, (c.message, shown)
        assert "np.exp(z) instead of np.exp(-z)" in shown  # the named mistake's hint

        nb.type_source(solution, RIGHT_SIGMOID)
        nb.run(solution)
        nb.run(check)
        expect(output).to_contain_text("Task 3.1 · sigmoid passed ✓", timeout=WAIT_MS)
        right = _engine_verdict(RIGHT_SIGMOID)
        assert output.inner_text().strip() == (
            f"Task 3.1 · sigmoid passed ✓: {task_points(UNIT, right).text()}"
        )
        nb.cells.nth(check).scroll_into_view_if_needed()
        page.screenshot(path=shots / "4-right-sigmoid-check.png")


# ----------------------------------------------------------------------------- instructor


def _gradebook_totals(course: Path) -> dict[str, str]:
    """``{student: "score / max"}`` from the table `autograder course gradebook` prints."""
    proc = subprocess.run(
        [sys.executable, "-m", "autograder", "course", "gradebook", str(course)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    rows = re.findall(r"^(\S+)\s+(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)\s", proc.stdout, re.M)
    return {student: f"{score} / {out_of}" for student, score, out_of in rows}


@pytest.fixture(scope="module")
def course() -> Path:
    """The autograded class of tests/classroom.py (built once per session)."""
    return classroom.sample_class()


def test_formgrader_shows_the_autograded_scores_of_the_gradebook(chromium, course, shots, tmp_path):
    with jupyter_lab(course, tmp_path / "jupyter") as lab:
        expected = _gradebook_totals(course)  # while the server starts
        assert set(expected) == {s.id for s in classroom.students()}
        base, token = lab.ready()
        page = _page(chromium, token)
        page.goto(f"{base}/formgrader/gradebook/{UNIT}/{UNIT}")
        page.wait_for_selector("td.score", timeout=WAIT_MS)
        page.click("#toggle_names")  # formgrader hides student ids until asked
        shown = {}
        rows = page.locator("tbody tr")
        for i in range(rows.count()):
            row = rows.nth(i)
            shown[row.locator("td.name .name-shown").inner_text()] = row.locator(
                "td.score"
            ).inner_text()
        page.screenshot(path=shots / "1-formgrader-scores.png")
        assert shown == expected

        student = classroom.NOTE_WRITER  # two known mistakes: their messages are in the grade cells
        page.locator("td.name .name-shown", has_text=student).click()
        page.wait_for_load_state("networkidle")
        text = page.inner_text("body")
        assert "My notes on sigmoid." in text and "raw notes" in text
        assert page.evaluate("window.__xss") is None  # the notes' HTML did not run
        titles = [classroom.mistake(f, mid).title for f, mid in classroom.MISTAKES[student]]
        for title in titles:  # the engine's messages in the autograded grade cells
            assert title in text
        page.get_by_text(titles[0]).first.scroll_into_view_if_needed()
        page.screenshot(path=shots / "2-formgrader-submission.png")


def test_the_class_report_renders(chromium, course, shots):
    index = write_report(course, UNIT, shots / "report")
    page = chromium.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(index.as_uri())
    page.wait_for_load_state("load")
    assert page.title() == f"Class report: {UNIT}"
    images = page.locator("img")
    assert images.count() > 1
    for i in range(images.count()):  # every plot loaded and has a size
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
    top = page.locator("table").first.inner_text()
    for (_, title), n in classroom.expected_counts().items():
        assert re.search(rf"{n} \(\d+%\)\s+\S+ \S+\s+{re.escape(title)}", top), (title, top)
    page.screenshot(path=shots / "class-report.png", full_page=True)
    page.close()
