"""Unit 5 (deep_network): demo accuracy, CLI, grading speed, stored values, kink safety."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from autograder import cli
from autograder.demos import load_impl
from autograder.engine import grade_submission, load_reference
from autograder.submission import from_path
from autograder.units import deep_network as unit

from .helpers import reference_submission

ROOT = Path(__file__).resolve().parents[1]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _scores(result):
    return [(t.function, c.name, c.status, c.message) for t in result.tasks for c in t.checks]


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    from autograder.demos import deep_network as demo

    out = tmp_path_factory.mktemp("plots")
    impl = load_impl(ROOT / "solutions" / "deep_network.py", "deep_network")
    return demo.run(impl, out), out


def test_demo_reaches_its_accuracy_and_saves_plots(demo_report):
    report, out = demo_report
    assert "2-layer network [64, 7, 1]" in report
    assert "4-layer network [64, 20, 7, 5, 1]" in report
    acc = [
        float(line.split("test accuracy ")[1].split(" %")[0])
        for line in report.splitlines()
        if "test accuracy" in line
    ]
    assert len(acc) == 2
    assert acc[0] >= 90.0, report
    assert acc[1] >= 95.0, report
    for name in ("deep_network_costs.png", "deep_network_misclassified.png"):
        data = (out / name).read_bytes()
        assert data[:8] == PNG_MAGIC and len(data) > 2000


def test_train_command_runs_with_solutions(tmp_path, capsys):
    rc = cli.main(["train", "deep_network", "--impl", "solutions", "--out", str(tmp_path)])
    assert rc == 0
    assert "test accuracy" in capsys.readouterr().out
    assert (tmp_path / "deep_network_costs.png").exists()


def test_train_command_reports_unfinished_stubs(tmp_path, capsys):
    rc = cli.main(["train", "deep_network", "--impl", "exercises", "--out", str(tmp_path)])
    assert rc == 1
    assert "not finished" in capsys.readouterr().err


def test_reference_full_marks_and_fast():
    sub = reference_submission("deep_network")
    grade_submission("deep_network", sub)  # warm-up: imports, caches
    start = time.perf_counter()
    result = grade_submission("deep_network", sub)
    seconds = time.perf_counter() - start
    bad = [s for s in _scores(result) if s[2] != "passed"]
    assert bad == []
    assert seconds < 1.5, f"grading the unit took {seconds:.2f} s"


def test_stubs_score_zero_not_implemented_everywhere():
    sub = from_path(ROOT / "exercises" / "deep_network.py", "deep_network")
    result = grade_submission("deep_network", sub)
    for function, check, status, message in _scores(result):
        assert status == "failed", (function, check)
        assert "not implemented" in message, message


def test_visible_checks_pass_from_stored_values_without_reference():
    sub = reference_submission("deep_network")
    result = grade_submission("deep_network", sub, reference=None)
    for function, check, status, message in _scores(result):
        hidden = next(c for c in unit.UNIT.task(function).checks if c.name == check).hidden
        assert status == ("not_run" if hidden else "passed"), message


@pytest.mark.parametrize("seed", range(40))
def test_random_test_networks_stay_away_from_relu_kinks(seed):
    rng = np.random.default_rng(seed)
    depth = int(rng.integers(2, 5))
    dims = unit._random_dims(rng, depth)
    X, Y, params = unit._net(rng, dims, int(rng.integers(2, 6)))
    _, caches, _ = unit._forward(X, params)
    assert min(float(np.min(np.abs(z))) for _, z in caches) > unit.KINK_MARGIN
    assert set(np.unique(Y)) <= {0.0, 1.0}


@pytest.mark.parametrize(("dims", "seed"), unit.DEPTH2_NETS + unit.DEEP_NETS)
def test_numeric_gradients_agree_with_the_reference(dims, seed):
    ref = load_reference("deep_network")
    X, Y, params = unit._net(np.random.default_rng(seed), dims, 4)
    AL, caches = ref.L_model_forward(X, params)
    grads = ref.L_model_backward(AL, Y, caches)
    numeric = unit._numeric_grads(X, Y, params)
    assert set(numeric) == set(grads)
    for key, value in numeric.items():
        err = np.max(
            np.abs(grads[key] - value) / np.maximum(1e-8, np.abs(grads[key]) + np.abs(value))
        )
        assert err < unit.GRAD_TOL / 10, (key, err)
