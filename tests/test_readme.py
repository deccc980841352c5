"""The README stays true: task table from the registry, the documented failure example."""

from __future__ import annotations

from pathlib import Path

from autograder.engine import grade_submission
from autograder.mistakes import catalogue
from autograder.readme import README, SECTIONS, render

from .helpers import mistake_submission

ROOT = Path(__file__).resolve().parent.parent


def test_generated_parts_match_the_registry():
    for path, parts in SECTIONS.items():
        text = path.read_text()
        assert render(text, parts) == text, f"{path.name}: run python -m autograder.readme"


def test_documented_failure_message_is_what_the_engine_prints():
    m = next(m for m in catalogue("numpy_basics") if (m.function, m.id) == ("softmax", "axis0"))
    result = grade_submission(
        "numpy_basics", mistake_submission("numpy_basics", m), tasks=["softmax"]
    )
    message = next(c.message for c in result.tasks[0].checks if c.name == "values")
    assert message in README.read_text()


def test_ci_runs_the_readme_test_command():
    readme = README.read_text()
    setup = readme.split("<!-- setup:begin -->")[1].split("<!-- setup:end -->")[0]
    install, test_command = [ln for ln in setup.splitlines() if ln.strip()][-3:-1]
    assert install.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install")
    assert test_command.strip() == ". .venv/bin/activate && python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert ci[-1].strip() == test_command.strip()
