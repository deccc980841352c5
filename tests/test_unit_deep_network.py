"""Unit 5 (deep_network): demo accuracy, CLI, grading speed, stored values, kink safety."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from autograder import cli
from autograder.demos import load_impl
from autograder.engine import grade_submission, load_reference
from autograder.private import load_catalogue
from autograder.submission import from_path
from autograder.units import _deep_math as grader_math
from autograder.units import deep_network as unit

from .helpers import mistake_submission, reference_submission

ROOT = Path(__file__).resolve().parents[1]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

mistakes = load_catalogue("deep_network")


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
    _, caches, _ = grader_math.forward(X, params)
    assert min(float(np.min(np.abs(z))) for _, z in caches) > unit.KINK_MARGIN
    assert set(np.unique(Y)) <= {0.0, 1.0}


@pytest.mark.parametrize(("dims", "seed"), unit.DEPTH2_NETS + unit.DEEP_NETS)
def test_numeric_gradients_agree_with_the_reference(dims, seed):
    ref = load_reference("deep_network")
    X, Y, params = unit._net(np.random.default_rng(seed), dims, 4)
    AL, caches = ref.L_model_forward(X, params)
    grads = ref.L_model_backward(AL, Y, caches)
    numeric = grader_math.numeric_grads(X, Y, params)
    assert set(numeric) == set(grads)
    for key, value in numeric.items():
        err = np.max(
            np.abs(grads[key] - value) / np.maximum(1e-8, np.abs(grads[key]) + np.abs(value))
        )
        assert err < unit.GRAD_TOL / 10, (key, err)


def _fixed_nets_in_use():
    nets = [((4, 3, 1), 3, 5), ((5, 4, 3, 1), 6, 4)]
    nets += [(tuple(dims), seed, 3) for (dims, _), seed in zip(unit._lmf_nets(), (11, 12, 13))]
    nets += [(tuple(dims), seed, 4) for dims, seed in unit.DEPTH2_NETS + unit.DEEP_NETS]
    return nets


def test_stored_fixed_networks_are_the_kink_free_draws():
    assert sorted(_fixed_nets_in_use()) == sorted(unit.FIXED_NETS)
    for dims, seed, m in unit.FIXED_NETS:
        got = unit._fixed_net(dims, seed, m)
        want = unit._net(np.random.default_rng(seed), dims, m)
        for a, b in zip(got[:2] + tuple(got[2].values()), want[:2] + tuple(want[2].values())):
            assert np.array_equal(a, b), (dims, seed)


def test_check_module_holds_no_backward_pass():
    source = (ROOT / "autograder" / "units" / "deep_network.py").read_text()
    for text in ("def _backward", "dZ @ A_prev.T", "W.T @ dZ", "def _forward(", "def _cost("):
        assert text not in source, text
    assert "import _deep_math as M" in source


# ------------------------------------------------------------------ the student bundle
# The bundle has no solutions/ (reference=None) and no grader math (unit.M is None).


@pytest.fixture
def bundle(monkeypatch):
    monkeypatch.setattr(unit, "M", None)


def _is_visible(score):
    function, check = score[0], score[1]
    return not next(c for c in unit.UNIT.task(function).checks if c.name == check).hidden


def test_bundle_reference_passes_every_visible_check(bundle):
    result = grade_submission("deep_network", reference_submission("deep_network"), reference=None)
    for score in _scores(result):
        if _is_visible(score):
            assert score[2] == "passed", score
        else:
            assert score[2] == "not_run", score


def test_bundle_stubs_fail_every_visible_check(bundle):
    sub = from_path(ROOT / "exercises" / "deep_network.py", "deep_network", isolated=False)
    result = grade_submission("deep_network", sub, reference=None)
    for score in _scores(result):
        if _is_visible(score):
            assert score[2] == "failed", score
            assert "not implemented" in score[3], score


@pytest.mark.parametrize(
    "mistake_id", ["sigmoid_hidden", "relu_output", "dal_sign", "same_upstream"]
)
def test_bundle_gradient_checks_catch_wrong_backward(bundle, mistake_id):
    m = next(
        m for m in mistakes.MISTAKES if m.function == "L_model_backward" and m.id == mistake_id
    )
    result = grade_submission("deep_network", mistake_submission("deep_network", m), reference=None)
    task = next(t for t in result.tasks if t.function == "L_model_backward")
    status = {c.name: (c.status, c.message) for c in task.checks}
    assert status["gradcheck_deep"][0] == "failed", status
    assert "your L_model_forward and compute_cost" in status["gradcheck_deep"][1]
    if mistake_id != "same_upstream":  # right for L = 2
        assert status["gradcheck_2_layers"][0] == "failed", status
    # the rest of the unit is the reference: all its visible checks pass
    others = [s for s in _scores(result) if s[0] != "L_model_backward" and _is_visible(s)]
    assert all(s[2] == "passed" for s in others), others


def _no_caches(ref):
    return lambda X, parameters: (ref.L_model_forward(X, parameters)[0], [])


def _two_layers_only(ref):
    def L_model_forward(X, parameters):
        if len(parameters) != 4:
            raise ValueError("only two layers")
        return ref.L_model_forward(X, parameters)

    return L_model_forward


@pytest.mark.parametrize("broken", [_no_caches, _two_layers_only])
def test_bundle_gradient_check_uses_the_students_forward(bundle, broken):
    """A right backward with a broken forward fails, and the message names the forward."""
    sub = reference_submission("deep_network")
    sub._ns = dict(sub._ns)
    sub._ns["L_model_forward"] = broken(load_reference("deep_network"))
    result = grade_submission("deep_network", sub, reference=None)
    task = next(t for t in result.tasks if t.function == "L_model_backward")
    status = {c.name: (c.status, c.message) for c in task.checks}
    assert status["gradcheck_deep"][0] == "failed"
    assert "your L_model_forward and compute_cost" in status["gradcheck_deep"][1]
    assert "right for a 2-layer network" not in status["gradcheck_deep"][1]
    assert status["values"][0] == "passed"  # stored inputs: no forward pass needed
