"""Unit 4 (shallow_network): demo, data, seam patching, timing and grading end to end."""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pytest

from autograder.demos import load_impl
from autograder.demos import shallow_network as demo
from autograder.engine import grade_path, grade_submission, load_reference
from autograder.mistakes import catalogue
from autograder.planar import load_planar_dataset, small_planar_problem
from autograder.submission import Submission, from_module

from .helpers import mistake_submission

ROOT = Path(__file__).resolve().parents[1]
UNIT = "shallow_network"


@pytest.fixture(scope="module")
def ref():
    return load_reference(UNIT)


def _checks(result):
    return {(t.function, c.name): c for t in result.tasks for c in t.checks}


# ------------------------------------------------------------------ data


def test_planar_data_is_the_course_flower():
    state = np.random.get_state()
    X, Y = load_planar_dataset()
    after = np.random.get_state()
    assert X.shape == (2, 400) and Y.shape == (1, 400)
    assert X.dtype == np.float64 and Y.dtype == np.float64
    assert set(np.unique(Y)) == {0.0, 1.0} and Y.sum() == 200
    assert np.array_equal(state[1], after[1]) and state[2] == after[2], "touched the global RNG"
    X2, _ = load_planar_dataset()
    assert np.array_equal(X, X2)
    # The course's generator: np.random.seed(1), then the same draws.
    np.random.seed(1)
    t0 = np.linspace(0, 3.12, 200) + np.random.randn(200) * 0.2
    r0 = 4 * np.sin(4 * t0) + np.random.randn(200) * 0.2
    np.random.set_state(state)
    assert np.allclose(X[:, :200], np.vstack([r0 * np.sin(t0), r0 * np.cos(t0)]), atol=0)


def test_small_problem_has_both_classes():
    X, Y = small_planar_problem(24)
    assert X.shape == (2, 24) and Y.shape == (1, 24) and Y.sum() == 12


# ------------------------------------------------------------------ demo


def test_demo_reaches_the_lesson_accuracies(ref, tmp_path):
    report = demo.run(ref, tmp_path, sweep=False)
    lr = float(re.search(r"logistic regression \(scikit-learn\) accuracy: ([\d.]+)%", report)[1])
    nn = float(re.search(r"n_h = 4 \(10000 iterations\) accuracy: ([\d.]+)%", report)[1])
    assert 44.0 <= lr <= 50.0, report
    assert nn >= 88.0, report
    assert "1 distinct hidden unit(s) out of 4" in report, report
    png = tmp_path / "shallow_network_boundary.png"
    assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_zero_initialization_leaves_every_hidden_unit_identical(ref):
    X, Y = small_planar_problem(40)
    zero = demo.zero_init_training(ref, X, Y, num_iterations=200)
    assert demo.distinct_units(zero["W1"]) == 1
    assert np.all(zero["W1"] == zero["W1"][0]), "rows of W1 differ"
    np.random.seed(1)
    p = ref.initialize_parameters(2, 4, 1)
    for _ in range(200):
        A2, cache = ref.forward_propagation(X, p)
        p = ref.update_parameters(p, ref.backward_propagation(p, cache, X, Y))
    assert demo.distinct_units(p["W1"]) == 4


def test_train_command_runs_on_the_stubs_with_a_clear_message(tmp_path, capsys):
    from argparse import Namespace

    from autograder.commands import train

    status = train.run(Namespace(unit=UNIT, impl="exercises", out=tmp_path))
    assert status == 1
    assert "not finished yet" in capsys.readouterr().err


# ------------------------------------------------------------------ the seam's patch


def test_nn_model_calls_the_patched_block_and_the_patch_is_undone(ref):
    sub = from_module(UNIT, ref)
    X, Y = small_planar_problem(24)
    args, kw = (X, Y, 4), {"num_iterations": 5}
    plain = sub.call("nn_model", args, kw)
    broken = (
        "def forward_propagation(X, parameters):\n"
        "    A2 = np.full((1, X.shape[1]), 0.5)\n"
        "    return A2, {'Z1': None, 'A1': np.zeros((parameters['W1'].shape[0], X.shape[1])),"
        " 'Z2': None, 'A2': A2}\n"
    )
    patched = sub.call("nn_model", args, kw, patch={"forward_propagation": broken})
    again = sub.call("nn_model", args, kw)
    assert plain.error is None and patched.error is None and again.error is None
    assert not np.allclose(plain.value["W2"], patched.value["W2"]), "the patch was not used"
    for key in plain.value:
        assert np.array_equal(plain.value[key], again.value[key]), "the patch was not undone"
    assert ref.forward_propagation.__name__ == "forward_propagation"


# ------------------------------------------------------------------ grading


def test_reference_full_marks_in_well_under_a_second(ref):
    sub = from_module(UNIT, ref)
    grade_submission(UNIT, sub)  # warm the caches (numeric gradients)
    start = time.process_time()
    result = grade_submission(UNIT, sub)
    cpu = time.process_time() - start
    assert all(c.passed for c in _checks(result).values()), [
        c.message for c in _checks(result).values() if not c.passed
    ]
    assert cpu < 0.6, f"grading the unit took {cpu:.2f} s of CPU"


def test_stubs_score_zero_with_not_implemented_everywhere():
    (result,) = grade_path(ROOT / "exercises" / f"{UNIT}.py", reference=None)
    checks = [c for c in _checks(result).values() if c.status != "not_run"]
    assert checks and all(not c.passed for c in checks)
    assert all("not implemented" in c.message for c in checks), [
        c.message for c in checks if "not implemented" not in c.message
    ]


def test_isolated_worker_full_marks_and_catches_reseeding(tmp_path):
    (good,) = grade_path(ROOT / "solutions" / f"{UNIT}.py")
    assert all(c.passed for c in _checks(good).values()), [
        c.message for c in _checks(good).values() if not c.passed
    ]
    m = next(x for x in catalogue(UNIT) if x.id == "seeds_inside")
    path = tmp_path / f"{UNIT}.py"
    path.write_text(
        (ROOT / "solutions" / f"{UNIT}.py").read_text() + "\n\n" + m.code.split("\n\n\n")[0]
    )
    (bad,) = grade_path(path)
    failed = {k for k, c in _checks(bad).items() if not c.passed}
    assert failed == {("initialize_parameters", "no_reseed")}, failed


def test_gradient_failure_reports_every_parameter():
    m = next(
        x for x in catalogue(UNIT) if x.function == "backward_propagation" and x.id == "no_mean"
    )
    result = grade_submission(UNIT, mistake_submission(UNIT, m))
    msg = _checks(result)[("backward_propagation", "gradcheck")].message
    for name in ("dW1", "db1", "dW2", "db2"):
        assert re.search(rf"{name} max relative error \d\.\de[-+]\d\d \((ok|should be) <", msg), msg


def test_relu_slope_at_zero_may_be_one(ref):
    ns = dict(vars(ref))
    code = "def relu_derivative(z):\n    return np.where(z >= 0, 1.0, 0.0)\n"
    exec(compile(code, "<variant>", "exec"), ns)
    sub = Submission(UNIT, ns, "variant", source_text=code)
    result = grade_submission(UNIT, sub, tasks=["relu_derivative"])
    assert all(c.passed for c in _checks(result).values())


def test_tanh_alias_is_not_an_implementation(tmp_path):
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    path = tmp_path / f"{UNIT}.py"
    path.write_text(src + "\n\ntanh = np.tanh\n")
    (result,) = grade_path(path, tasks=["tanh"])
    failed = {k for k, c in _checks(result).items() if not c.passed}
    assert failed == {("tanh", "own_implementation")}, failed


def test_load_impl_trains_from_a_path(tmp_path):
    impl = load_impl(ROOT / "solutions" / f"{UNIT}.py", UNIT)
    X, Y = small_planar_problem(24)
    p = impl.nn_model(X, Y, 3, num_iterations=3)
    assert p["W1"].shape == (3, 2)
