"""Unit 4 (shallow_network): demo, data, seam patching, timing and grading end to end."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from autograder import expected
from autograder.demos import load_impl
from autograder.demos import shallow_network as demo
from autograder.engine import (
    GradingOptions,
    grade_path,
    grade_submission,
    load_reference,
    load_submission,
    run_check,
)
from autograder.mistakes import catalogue
from autograder.planar import load_planar_dataset, small_planar_problem
from autograder.submission import Submission, from_module

from .helpers import mistake_submission, reference_submission, text_submission

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


# ------------------------------------------------------------------ the seam's proxies


def test_nn_model_calls_the_proxied_block_and_the_proxy_is_undone(ref):
    sub = from_module(UNIT, ref)
    X, Y = small_planar_problem(24)
    args, kw = (X, Y, 4), {"num_iterations": 5}
    plain = sub.call("nn_model", args, kw)

    def broken(X, parameters):  # the grader's side: plain data in and out
        A2 = np.full((1, X.shape[1]), 0.5)
        A1 = np.zeros((parameters["W1"].shape[0], X.shape[1]))
        return A2, {"Z1": None, "A1": A1, "Z2": None, "A2": A2}

    proxied = sub.call("nn_model", args, kw, proxies={"forward_propagation": broken})
    again = sub.call("nn_model", args, kw)
    assert plain.error is None and proxied.error is None and again.error is None
    assert not np.allclose(plain.value["W2"], proxied.value["W2"]), "the proxy was not used"
    assert [c.name for c in proxied.proxy_calls] == ["forward_propagation"] * 5
    assert np.array_equal(proxied.proxy_calls[0].args[0], X)
    for key in plain.value:
        assert np.array_equal(plain.value[key], again.value[key]), "the proxy was not undone"
    assert ref.forward_propagation.__name__ == "forward_propagation"


# ------------------------------------------------------------------ grading


def test_reference_full_marks(ref):
    # Speed is measured by benchmarks/bench_selfcheck.py against a baseline, not here.
    result = grade_submission(UNIT, from_module(UNIT, ref))
    assert all(c.passed for c in _checks(result).values()), [
        c.message for c in _checks(result).values() if not c.passed
    ]


def test_stubs_score_zero_with_not_implemented_everywhere():
    (result,) = grade_path(ROOT / "exercises" / f"{UNIT}.py", reference=None)
    checks = [c for c in _checks(result).values() if c.status != "not_run"]
    assert checks and all(not c.passed for c in checks)
    assert all("not implemented" in c.message for c in checks), [
        c.message for c in checks if "not implemented" not in c.message
    ]


def _init_with(line: str) -> str:
    """The reference's initialize_parameters with ``line`` before its first draw."""
    return (
        "def initialize_parameters(n_x, n_h, n_y):\n"
        f"    {line}\n"
        "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
        "    W2 = np.random.randn(n_y, n_h) * 0.01\n"
        '    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}\n'
    )


def test_isolated_worker_accepts_the_template_seed_and_catches_another(tmp_path):
    (good,) = grade_path(ROOT / "solutions" / f"{UNIT}.py")
    assert all(c.passed for c in _checks(good).values()), [
        c.message for c in _checks(good).values() if not c.passed
    ]
    path = tmp_path / f"{UNIT}.py"
    source = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    path.write_text(source + "\n\n" + _init_with("np.random.seed(2)"))
    (template,) = grade_path(path)
    failed = {k for k, c in _checks(template).items() if not c.passed}
    # full marks: the template's line is the course's; the kit-only restarts advise against it
    assert failed == set(), failed
    restarts = next(t for t in template.tasks if t.function == "train_with_restarts")
    assert any("every restart starts from the same weights" in a for a in restarts.advice)
    init = next(t for t in template.tasks if t.function == "initialize_parameters")
    assert any("older course template" in text for text in init.advice), init.notes
    assert any("2017–2020 course template" in text for text in init.recognized), init.notes
    path.write_text(source + "\n\n" + _init_with("np.random.seed(3)"))
    (bad,) = grade_path(path)
    failed = {k for k, c in _checks(bad).items() if not c.passed}
    # one bug costs once: train_with_restarts is graded with a correct initialize_parameters
    assert failed == {("initialize_parameters", "follows_seed")}, failed
    msg = _checks(bad)[("initialize_parameters", "follows_seed")].message
    assert "(it calls np.random.seed)" in msg, msg


SELF_DRAWN_RESTARTS = """
def train_with_restarts(X, Y, n_h, num_restarts=5, num_iterations=2000, learning_rate=1.2, seed=0):
    n_x, _, n_y = layer_sizes(X, Y)
    results = []
    for r in range(num_restarts):
        np.random.seed(seed + r)
        W1 = np.random.randn(n_h, n_x) * 0.01
        W2 = np.random.randn(n_y, n_h) * 0.01
        params = {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
        for _ in range(num_iterations):
            A2, cache = forward_propagation(X, params)
            grads = backward_propagation(params, cache, X, Y)
            params = update_parameters(params, grads, learning_rate)
        A2, _ = forward_propagation(X, params)
        results.append((compute_cost(A2, Y), params))
    costs = [c for c, _ in results]
    return results[int(np.argmin(costs))][1], costs
"""


def test_restarts_that_draw_their_own_weights_beside_the_templates_seed_get_full_marks():
    """The older template's initialize_parameters reseeds (accepted); restarts that draw their
    weights themselves from seed + r are right: they were compared with four restarts all
    trained from the template's one draw (2/4), while restarts calling the reseeding
    initializer, all alike, got 4/4."""
    text = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    text += "\n\n" + _init_with("np.random.seed(2)") + SELF_DRAWN_RESTARTS
    result = grade_submission(UNIT, text_submission(UNIT, text), tasks=["4.17"])
    (task,) = result.tasks
    assert [c.name for c in task.checks if c.status != "passed"] == []
    assert not any("every restart starts from the same weights" in a for a in task.advice)


def test_gradient_failure_reports_every_parameter():
    m = next(
        x for x in catalogue(UNIT) if x.function == "backward_propagation" and x.id == "no_mean"
    )
    result = grade_submission(UNIT, mistake_submission(UNIT, m))
    msg = _checks(result)[("backward_propagation", "gradcheck")].message
    for name in ("dW1", "db1", "dW2", "db2"):
        assert re.search(rf"{name} max relative error \d\.\de[-+]\d\d \((ok|should be) <", msg), msg


def test_gradient_failure_names_the_wrong_gradients_and_shows_the_right_ones():
    m = next(
        x for x in catalogue(UNIT) if (x.function, x.id) == ("backward_propagation", "tanh_slope")
    )
    result = grade_submission(UNIT, mistake_submission(UNIT, m), tasks=["backward_propagation"])
    msg = _checks(result)[("backward_propagation", "gradcheck")].message
    assert "dW1, db1 do not match the numeric gradient (n_x=3, n_h=4, m=5)" in msg, msg
    for name in ("dW2", "db2"):
        assert re.search(rf"ok: +{name} max relative error .* \(ok < 1e-07\)", msg), msg


def test_an_exact_relation_to_the_right_gradient_is_named_before_the_checks_formula_hint():
    # no catalogue entry: the gradient is exactly twice the right one, and the hint says so
    text = reference_submission(UNIT).source_cells()
    source = "\n".join(text).replace("dW1 = np.dot(dZ1, X.T) / m", "dW1 = 2 * np.dot(dZ1, X.T) / m")
    sub = text_submission(UNIT, source)
    result = grade_submission(UNIT, sub, tasks=["backward_propagation"])
    msg = _checks(result)[("backward_propagation", "gradcheck")].message
    assert "['dW1'] is exactly 2 times the right result" in msg, msg


def test_predict_calling_a_variant_of_forward_propagation_is_told_so(ref):
    # real (sweep 12, P5): predict called the student's forward_propagation1, an experiment
    # with a sigmoid hidden layer, and was told to return A2 > 0.5
    variant = inspect.getsource(ref.forward_propagation).replace("np.tanh(", "sigmoid(")
    variant = variant.replace("def forward_propagation(", "def forward_propagation1(")
    predict = "def predict(parameters, X):\n    A2, cache = forward_propagation1(X, parameters)\n"
    predict += "    return (A2 > 0.5).astype(float)\n"
    source = "\n".join(reference_submission(UNIT).source_cells())
    sub = text_submission(UNIT, f"{source}\n\n{variant}\n\n{predict}")
    failed = [c for c in _checks(grade_submission(UNIT, sub, tasks=["predict"])).values()
              if not c.passed]  # fmt: skip
    words = "predict() calls forward_propagation1(), not forward_propagation()"
    assert failed and all(words in c.message for c in failed), [c.message for c in failed]


def test_nn_model_printing_a_wrong_cost_shows_the_nn_model_call():
    # sweep 12, P4: the called: line showed the compute_cost call the check made afterwards
    source = "\n".join(reference_submission(UNIT).source_cells())
    line = 'print(f"Cost after iteration {i}: {cost:f}")'
    assert source.count(line) == 1
    sub = text_submission(UNIT, source.replace(line, line.replace("{cost:f}", "{2 * cost:f}")))
    check = _checks(grade_submission(UNIT, sub, tasks=["nn_model"]))[("nn_model", "prints_cost")]
    assert "printed a wrong cost at iteration 0" in check.message, check.message
    assert "called:   nn_model(" in check.message, check.message


# ------------------------------------------------------------------ course code, course marks


def _course_file(tmp_path, code: str):
    """The reference with functions redefined by ``code`` (later definitions win), loaded as a
    student's file is, and graded on the course's tasks."""
    from autograder.submission import load_in_process

    path = tmp_path / f"{UNIT}.py"
    path.write_text((ROOT / "solutions" / f"{UNIT}.py").read_text() + "\n\n" + code)
    result = grade_submission(UNIT, load_in_process(path, UNIT))
    return {t.function: t for t in result.tasks}


OLD_COST = """
def compute_cost(A2, Y, parameters):
    m = Y.shape[1]
    # Retrieve W1 and W2 from parameters (the 2017 template's lines, unused)
    W1 = parameters['W1']
    W2 = parameters['W2']
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = - np.sum(logprobs) / m
    cost = np.squeeze(cost)
    assert(isinstance(cost, float))
    return cost

def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print ("Cost after iteration %i: %f" %(i, cost))
    return parameters
"""


def test_older_cost_signature_and_float64_cost_get_full_marks_with_advice(tmp_path):
    tasks = _course_file(tmp_path, OLD_COST)
    for function in ("compute_cost", "nn_model"):  # the reference's 4.17 calls the new one
        assert tasks[function].score == tasks[function].max_score, tasks[function].checks
    cost = tasks["compute_cost"]
    assert any("2017–2020 releases" in text for text in cost.recognized), cost.notes
    assert any("numpy.float64" in text and "Python float" in text for text in cost.advice)


def test_the_older_cost_signature_with_its_arguments_renamed_is_recognized(tmp_path):
    # a real 2018 notebook: compute_cost(A, Y, parameters), called so by its nn_model
    code = (
        OLD_COST.replace("(A2, Y, parameters):", "(A, Y, parameters):")
        .replace("np.log(A2)", "np.log(A)")
        .replace("np.log(1 - A2)", "np.log(1 - A)")
    )
    tasks = _course_file(tmp_path, code)
    for function in ("compute_cost", "nn_model"):
        assert tasks[function].score == tasks[function].max_score, tasks[function].checks
    recognized = tasks["compute_cost"].recognized
    assert any("compute_cost(A, Y, parameters) has as many parameters as" in t for t in recognized)
    assert any("called compute_cost(A2, Y, parameters)" in t for t in recognized)  # sweep 14 P2
    # a third parameter with a default is not the older signature: called as today's
    eps = (
        code.replace("(A, Y, parameters):", "(A, Y, eps=1e-12):")
        .replace("W1 = parameters['W1']", "")
        .replace("W2 = parameters['W2']", "")
    )
    eps = eps.replace("compute_cost(A2, Y, parameters)", "compute_cost(A2, Y)")
    tasks = _course_file(tmp_path, eps)
    assert tasks["compute_cost"].score == tasks["compute_cost"].max_score
    assert not tasks["compute_cost"].recognized


def test_the_templates_seed_with_a_wrong_distribution_costs_the_distribution_once(tmp_path):
    # a real 2018 notebook: the template's np.random.seed(2) kept, np.random.rand drawn
    reference = inspect.getsource(load_reference(UNIT).initialize_parameters)
    code = reference.replace("    ### BEGIN SOLUTION\n", "    np.random.seed(2)\n")
    code = code.replace("W1 = np.random.randn", "W1 = np.random.rand")
    code = code.replace("W2 = np.random.randn", "W2 = np.random.rand")
    checks = {c.name: c for c in _course_file(tmp_path, code)["initialize_parameters"].checks}
    assert not checks["signs"].passed and "np.random.rand" in checks["signs"].message
    assert checks["follows_seed"].passed, checks["follows_seed"].message
    other = _course_file(tmp_path, code.replace("seed(2)", "seed(1)"))
    checks = {c.name: c for c in other["initialize_parameters"].checks}
    assert not checks["follows_seed"].passed  # another seed than the template's


def test_a_block_with_its_parameters_reordered_costs_its_own_task_only(tmp_path):
    # a real notebook: update_parameters(grads, parameters, ...), called so by its nn_model
    code = """
def update_parameters(grads, parameters, learning_rate=1.2):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in parameters}

def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(grads=grads, parameters=parameters)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters
"""
    tasks = _course_file(tmp_path, code)
    assert tasks["update_parameters"].score == 0
    assert tasks["nn_model"].score == tasks["nn_model"].max_score, tasks["nn_model"].checks


def test_update_without_a_default_rate_and_int_predictions_get_full_marks(tmp_path):
    code = """
def update_parameters(parameters, grads, learning_rate):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in parameters}

def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, 1.2)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, compute_cost(A2, Y)))
    return parameters

def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return np.where(A2 > 0.5, 1, 0)
"""
    tasks = _course_file(tmp_path, code)
    for function in ("update_parameters", "nn_model", "predict"):
        assert tasks[function].score == tasks[function].max_score, tasks[function].checks
    assert any("without a default" in t for t in tasks["update_parameters"].recognized)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("n_h = 3", "n_h is 3, but the lesson's hidden layer has 4 units"),
        ("n_h = 10", "n_h is 10, but the lesson's hidden layer has 4 units"),
        ("n_x = 2", "n_x is always 2 (hard-coded), but should be X.shape[0] = 5 and 3"),
        ("n_y = 1", "n_y is always 1 (hard-coded), but should be Y.shape[0] = 2 and 1"),
    ],
)
def test_a_hard_coded_size_is_named_whatever_its_value(tmp_path, line, message):
    name = line.split()[0]
    code = f"""
def layer_sizes(X, Y):
    n_x, n_h, n_y = X.shape[0], 4, Y.shape[0]
    {line}
    return (n_x, n_h, n_y)
"""
    check = next(
        c for c in _course_file(tmp_path, code)["layer_sizes"].checks if c.name == "values"
    )
    assert not check.passed and message in check.message, check.message
    assert name in message


def test_zero_weights_are_not_told_they_reseed():
    m = next(x for x in catalogue(UNIT) if (x.function, x.id) == ("initialize_parameters", "zeros"))
    result = grade_submission(UNIT, mistake_submission(UNIT, m))
    messages = " ".join(c.message for t in result.tasks for c in t.checks if not c.passed)
    for claim in ("seed", "rand draws", "saturate"):
        assert claim not in messages, messages


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


def test_a_students_warning_text_in_advice_is_shown_escaped(tmp_path):
    """Advice quotes the student's warning; its control characters must not reach a terminal."""
    src = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    path = tmp_path / f"{UNIT}.py"
    path.write_text(
        src.replace("def tanh(", "def _tanh(", 1)
        + "\n\ndef tanh(z):\n    import warnings\n\n"
        + '    warnings.warn("\\x1b[2K\\rFAKE: all passed")\n    return _tanh(z)\n'
    )
    (result,) = grade_path(path, tasks=["tanh"])
    (task,) = result.tasks
    (advice,) = [a for a in task.advice if "emits a warning" in a]
    assert "\x1b" not in advice and "\r" not in advice
    assert "\\x1b[2K\\rFAKE" in advice
    assert all("\x1b" not in c.message for c in task.checks)


def test_load_impl_trains_from_a_path(tmp_path):
    impl = load_impl(ROOT / "solutions" / f"{UNIT}.py", UNIT)
    X, Y = small_planar_problem(24)
    p = impl.nn_model(X, Y, 3, num_iterations=3)
    assert p["W1"].shape == (3, 2)


# ------------------------------------------------------------------ the student bundle
# The bundle leaves out autograder/units/_shallow_math.py (the grader's forward pass, cost and
# training loop: task solutions in all but name). Its visible checks must still work honestly.

MATH = "autograder.units._shallow_math"
#: The visible checks that use the student's own blocks where the grader's maths is absent.
OWN_BLOCK_CHECKS = {
    ("backward_propagation", "gradcheck"),
    ("initialize_parameters", "units_stay_distinct"),
}


@pytest.fixture
def bundle():
    """The unit's checks re-imported as in the student bundle: ``_shallow_math`` is absent."""
    import autograder.units
    import autograder.units.shallow_network as sn

    saved = sys.modules.get(MATH)
    had_attr = hasattr(autograder.units, "_shallow_math")
    sys.modules[MATH] = None  # any import of the module now raises ImportError
    if had_attr:
        delattr(autograder.units, "_shallow_math")
    try:
        importlib.reload(sn)
        assert sn.M is None
        yield sn
    finally:
        if saved is None:
            del sys.modules[MATH]
        else:
            sys.modules[MATH] = saved
            autograder.units._shallow_math = saved
        importlib.reload(sn)
        assert sn.M is not None


def _visible() -> set[tuple[str, str]]:
    from autograder import units

    return {(t.function, c.name) for t in units.get(UNIT).tasks for c in t.checks if not c.hidden}


def test_checks_hold_no_network_maths():
    src = (ROOT / "autograder" / "units" / f"{UNIT}.py").read_text()
    for text in ("def _train", "def _forward", "def _cost", "dZ1 =", "dZ2 ="):
        assert text not in src, text


def test_bundle_reference_passes_every_visible_check(bundle):
    result = grade_submission(UNIT, reference_submission(UNIT), reference=None)
    checks = _checks(result)
    assert {k for k, c in checks.items() if c.status != "not_run"} == _visible()
    assert all(c.passed for k, c in checks.items() if k in _visible()), [
        c.message for k, c in checks.items() if k in _visible() and not c.passed
    ]
    note = checks[("backward_propagation", "gradcheck")].message
    assert "numeric gradients of your forward_propagation and compute_cost" in note, note


def test_bundle_stubs_fail_every_visible_check(bundle):
    (result,) = grade_path(ROOT / "exercises" / f"{UNIT}.py", reference=None)
    checks = {k: c for k, c in _checks(result).items() if c.status != "not_run"}
    assert set(checks) == _visible()
    assert all(not c.passed and "not implemented" in c.message for c in checks.values()), [
        c.message for c in checks.values() if c.passed or "not implemented" not in c.message
    ]


@pytest.mark.parametrize(
    ("mistake_id", "text"),
    [
        ("no_transpose", "raised ValueError"),
        ("tanh_slope", "dW1, db1 do not match the numeric gradient (n_x=3, n_h=4, m=5)"),
        ("no_mean", "db2 max relative error"),
    ],
)
def test_bundle_gradient_check_catches_a_wrong_backward_pass(bundle, mistake_id, text):
    m = next(
        x for x in catalogue(UNIT) if x.function == "backward_propagation" and x.id == mistake_id
    )
    sub = mistake_submission(UNIT, m)
    result = grade_submission(UNIT, sub, reference=None, tasks=["backward_propagation"])
    check = _checks(result)[("backward_propagation", "gradcheck")]
    assert check.status == "failed" and text in check.message, check.message
    assert "called:   backward_propagation(" in check.message, check.message
    if mistake_id != "no_transpose":
        assert "YOUR forward_propagation and compute_cost" in check.message, check.message


RELU_FORWARD = """
def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.maximum(Z1, 0.0)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = 1.0 / (1.0 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
"""
RELU_BACKWARD = """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (A1 > 0)
    return {"dW1": np.dot(dZ1, X.T) / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": np.dot(dZ2, A1.T) / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}
"""


def _variant(ref, code: str) -> Submission:
    ns = dict(vars(ref))
    exec(compile(code, "<variant>", "exec"), ns)
    return Submission(UNIT, ns, "variant", source_text=code)


def _gradcheck(sub: Submission):
    result = grade_submission(UNIT, sub, reference=None, tasks=["backward_propagation"])
    return _checks(result)[("backward_propagation", "gradcheck")]


def test_bundle_gradient_check_uses_the_students_forward_and_cost(bundle, ref):
    """Without the grader's maths the numeric gradient is that of the student's own cost."""
    # the course's backward (tanh slope) does not match a relu forward pass, which fails its
    # own task: the check waits for it and names it (msg sweep 16 M2)
    check = _gradcheck(_variant(ref, RELU_FORWARD))
    assert check.status == "failed", check.message
    assert "your forward_propagation(), which fails Task 4.11" in check.message
    # backward still receives the course's cache (stored), so a relu pair does not pass
    # either: the verdict stays the grader's whenever the student's forward pass is right
    check = _gradcheck(_variant(ref, RELU_FORWARD + RELU_BACKWARD))
    assert check.status == "failed", check.message


def test_with_the_grader_maths_the_gradient_check_uses_the_trusted_cost(ref):
    check = _gradcheck(_variant(ref, RELU_FORWARD + RELU_BACKWARD))
    assert check.status == "failed", check.message
    assert "YOUR forward_propagation" not in check.message, check.message


def test_bundle_symmetry_check_trains_with_the_students_blocks(bundle):
    for mistake_id in ("zeros", "constant"):
        m = next(
            x
            for x in catalogue(UNIT)
            if x.function == "initialize_parameters" and x.id == mistake_id
        )
        result = grade_submission(
            UNIT, mistake_submission(UNIT, m), reference=None, tasks=["initialize_parameters"]
        )
        check = _checks(result)[("initialize_parameters", "units_stay_distinct")]
        assert check.status == "failed", check.message
        assert "with your forward, backward and update functions" in check.message
    # a broken backward pass, which the training would call: the check waits for it
    m = next(x for x in catalogue(UNIT) if x.id == "no_transpose")
    result = grade_submission(
        UNIT, mistake_submission(UNIT, m), reference=None, tasks=["initialize_parameters"]
    )
    msg = _checks(result)[("initialize_parameters", "units_stay_distinct")].message
    assert "your backward_propagation(), which fails Task 4.13" in msg, msg


BLOCKS = ("initialize_parameters", "forward_propagation", "compute_cost")
BLOCKS += ("backward_propagation", "update_parameters")
#: The visible checks that work differently without the grader's maths (the others never
#: used it): the two on the student's own blocks, and backward's, whose cache is stored.
CHANGED_IN_BUNDLE = OWN_BLOCK_CHECKS | {("backward_propagation", "structure")}


def test_bundle_no_mistake_escapes_its_visible_checks(bundle):
    """Every block mistake still fails its listed checks without the grader's maths.

    Only the two checks that use the student's own blocks may fail in addition (a wrong
    forward pass or cost also breaks the gradient check of a right backward pass).
    """
    unit = bundle.UNIT
    options = GradingOptions(stored=expected.load(UNIT))
    changed = [
        (task, check)
        for task in unit.tasks
        for check in task.checks
        if (task.function, check.name) in CHANGED_IN_BUNDLE
    ]
    assert len(changed) == len(CHANGED_IN_BUNDLE)
    problems = []
    for m in catalogue(UNIT):
        if m.function not in BLOCKS:
            continue  # these checks call the blocks only
        sub = mistake_submission(UNIT, m)
        results = {
            (task.function, check.name): run_check(unit, task, check, sub, None, options)
            for task, check in changed
        }
        failed = {k for k, r in results.items() if not r.passed}
        listed = m.qualified_fails() & CHANGED_IN_BUNDLE
        if not listed <= failed or not failed - listed <= OWN_BLOCK_CHECKS:
            problems.append(f"{m.function}.{m.id}: failed {sorted(failed)}, lists {sorted(listed)}")
        if any(r.status == "not_gradable" for r in results.values()):
            problems.append(f"{m.function}.{m.id}: not gradable")
    assert problems == []


def test_a_wrong_block_costs_nothing_to_a_composite_that_does_the_work_itself():
    """predict compared with the student's own forward pass: the grader's stands in for it."""
    text = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    text = text.replace("    A1 = np.tanh(Z1)", "    A1 = np.maximum(0, Z1)")  # a wrong forward
    inline = (
        "A1 = np.tanh(np.dot(parameters['W1'], X) + parameters['b1'])\n    "
        "A2 = 1 / (1 + np.exp(-(np.dot(parameters['W2'], A1) + parameters['b2'])))\n"
    )
    text = text.replace("A2, cache = forward_propagation(X, parameters)\n    return A2 > 0.5",
                        inline + "    return A2 > 0.5")  # fmt: skip
    sub = text_submission(UNIT, text, "inlined predict")
    result = grade_submission(UNIT, sub, tasks=["forward_propagation", "predict"])
    scores = {t.function: (t.score, t.max_score) for t in result.tasks}
    assert scores["forward_propagation"][0] < scores["forward_propagation"][1]
    assert scores["predict"][0] == scores["predict"][1], _checks(result)


def _solution_source(function: str) -> str:
    """The text of ``function`` in the reference solution file, up to the next task."""
    code = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    start = code.index(f"def {function}(")
    return code[start : code.index("\n# ## Task", start)]


def test_an_nn_model_without_a_print_cost_default_gets_full_marks(tmp_path):
    """The notebooks always passed print_cost (nn_model(X, Y, 4, num_iterations=10000,
    print_cost=True)): a real nn_model whose print_cost has no default ran there."""
    source = _solution_source("nn_model")
    changed = source.replace("    num_iterations: int = 10000,\n    print_cost: bool = False,",
                             "    num_iterations: int,\n    print_cost: bool,")  # fmt: skip
    assert changed != source
    task = _course_file(tmp_path, changed)["nn_model"]
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


@pytest.mark.parametrize(
    ("extra", "accepted"), [('"dZ1": dZ1, "dZ2": dZ2', True), ('"W1": W1', False)]
)
def test_grads_with_the_intermediate_dz_are_accepted_with_advice(tmp_path, extra, accepted):
    """A real 2017 backward_propagation also returned dZ1 and dZ2, which that notebook never
    read: accepted with advice; another extra key still fails the structure."""
    source = _solution_source("backward_propagation")
    ret = 'return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}'
    changed = source.replace(ret, ret[:-1] + ", " + extra + "}")
    if not accepted:
        changed = changed.replace("    " + ret[:-1], '    W1 = parameters["W1"]\n    ' + ret[:-1])
    assert changed != source
    task = _course_file(tmp_path, changed)["backward_propagation"]
    assert (task.score == task.max_score) == accepted, [c.message for c in task.checks]
    advice = [a for c in task.checks for a in c.advice]
    assert any("grads also holds dZ1, dZ2" in a for a in advice) == accepted


def test_a_renamed_block_called_under_its_new_name_costs_only_its_own_task():
    """Real code (a widely copied translation) named the initializer init_parameters: its
    task is 'not found' (8 points); nn_model, which calls it, lost uses_blocks too."""
    import inspect

    text = inspect.getsource(load_reference(UNIT)).replace(
        "initialize_parameters(", "init_parameters("
    )
    tasks = {t.function: t for t in grade_submission(UNIT, text_submission(UNIT, text)).tasks}
    assert tasks["initialize_parameters"].score == 0
    uses = next(c for c in tasks["nn_model"].checks if c.name == "uses_blocks")
    assert uses.passed, uses.message


def test_logistic_model_calling_a_renamed_optimize_loses_only_optimizes_task():
    import inspect

    text = inspect.getsource(load_reference("logistic_regression")).replace(
        "optimize(", "optimise("
    )
    sub = text_submission("logistic_regression", text)
    tasks = {t.function: t for t in grade_submission("logistic_regression", sub).tasks}
    assert tasks["optimize"].score == 0
    blocks = next(c for c in tasks["model"].checks if c.name == "calls_building_blocks")
    assert blocks.passed, blocks.message


@pytest.mark.parametrize(
    ("got", "words"),
    [
        ((2, 3), 'parameters["W1"] is (n_y, n_x) here, not (n_h, n_x): n_y where n_h belongs.'),
        ((3, 5), "n_x where n_h belongs, n_h where n_x belongs"),  # transposed
        ((1, 3), "(1, n_x) here, not (n_h, n_x): 1 where n_h belongs."),  # a 1 written
        ((4, 3), None),  # 4 is no symbol's size here
        ((5, 3), None),  # the right shape
        ([[1.0, 2.0], [3.0]], None),  # ragged: no shape at all
    ],
)
def test_a_wrong_shape_made_of_other_symbols_sizes_is_read_in_symbols(got, words):
    """Real code drew W1 with np.random.randn(n_y, n_x): told only '(2, 3) but should be
    (5, 3)'. With n_x = 3, n_h = 5, n_y = 2 every size is one symbol's."""
    from autograder.units._network_checks import _swapped_sizes_hint

    spec = {
        "W1": ((5, 3), "(n_h, n_x)"), "b1": ((5, 1), "(n_h, 1)"),
        "W2": ((2, 5), "(n_y, n_h)"), "b2": ((2, 1), "(n_y, 1)"),
    }  # fmt: skip
    value = np.zeros(got) if isinstance(got, tuple) else got
    hint = _swapped_sizes_hint('parameters["W1"]', value, "W1", spec)
    assert (hint is None) if words is None else (words in hint), hint


def test_a_learning_rate_written_in_nn_model_is_named():
    """Real nn_model(..., lr=1.12) passing lr to update_parameters got the generic recipe."""
    from autograder.mistakes import variant

    own_rate = variant("nn_model", "lr_112", "its own default learning rate 1.12",
                       ("print_cost: bool = False,\n", "print_cost: bool = False,\n    lr=1.12,\n"),
                       ("parameters = update_parameters(parameters, grads)",
                        "parameters = update_parameters(parameters, grads, lr)"))  # fmt: skip
    result = grade_submission(UNIT, mistake_submission(UNIT, own_rate), tasks=["nn_model"])
    (failed,) = [c for c in result.tasks[0].checks if not c.passed]
    assert failed.name == "matches_own_blocks"
    assert "nn_model trains with the learning rate 1.12 written in its code" in failed.message


@pytest.mark.parametrize(
    ("code", "own"),
    [
        ("_T = np.tanh\n\ndef tanh(z, _f=_T):\n    return _f(z)\n", False),  # red team
        ("_A = np.tanh\n_T = _A\n\ndef tanh(z):\n    return _T(z)\n", False),
        ('def tanh(z):\n    return getattr(np, "tan" + "h")(z)\n', False),  # red team
        ('def tanh(z):\n    return vars(np)["tan" + "h"](z)\n', False),
        ("def _t(z):\n    return np.tanh(z)\n\ndef tanh(z):\n    return _t(z)\n", False),
        ('import operator\n\ndef tanh(z):\n    return operator.attrgetter("tanh")(np)(z)\n', False),
        ('def tanh(z):\n    return np.__getattribute__("tanh")(z)\n', False),
        ("_t = lambda z: np.tanh(z)\n\ndef tanh(z):\n    return _t(z)\n", False),
        # numpy's tanh imported at the top under another name, or through a star import
        ("from numpy import tanh as _t\n\ndef tanh(z):\n    return _t(z)\n", False),
        ("from numpy import *\n\n_t = tanh\n\ndef tanh(z):\n    return _t(z)\n", False),
        (
            "from numpy import exp as e\n\ndef tanh(z):\n"
            "    return (e(z) - e(-z)) / (e(z) + e(-z))\n",
            True,
        ),
        (
            "def _e(z):\n    return np.exp(z)\n\ndef tanh(z):\n"
            "    return (_e(z) - _e(-z)) / (_e(z) + _e(-z))\n",
            True,
        ),
        (
            "EXP = np.exp\n\ndef tanh(z):\n    return (EXP(z) - EXP(-z)) / (EXP(z) + EXP(-z))\n",
            True,
        ),
    ],
)
def test_np_tanh_behind_a_top_level_alias_is_not_an_implementation(tmp_path, code, own):
    checks = {c.name: c for c in _course_file(tmp_path, code)["tanh"].checks}
    assert checks["own_implementation"].passed == own, checks["own_implementation"].message


def test_a_failing_assert_of_the_students_own_is_quoted(tmp_path):
    # real code: W2 built with a 1 written in, then the template's assert on its shape
    code = """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(1, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    assert (W2.shape == (n_y, n_h))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
"""
    task = _course_file(tmp_path, code)["initialize_parameters"]
    raised = [c.message for c in task.checks if "AssertionError" in c.message]
    assert raised and all("your own `assert (W2.shape == (n_y, n_h))`" in m for m in raised)


#: forward_propagation as every release's notebook writes it: planar_utils' sigmoid, its block.
PLANAR_SIGMOID_FORWARD = """
from planar_utils import sigmoid as _planar_sigmoid


def forward_propagation(X, parameters):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = _planar_sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
"""


def test_a_helper_of_another_name_is_refused_unless_it_is_one_of_the_functions_blocks(tmp_path):
    """relu as dnn_utils.relu_backward(z, z) earned 3/3 (red team, round 6); a function may
    call only the helpers of its building blocks (forward_propagation: sigmoid)."""
    from .faults.hostile import HELPER_ALIKE_PLANAR

    path = tmp_path / f"{UNIT}.py"
    reference = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    path.write_text(reference + HELPER_ALIKE_PLANAR + PLANAR_SIGMOID_FORWARD)
    sub = load_submission(path, UNIT)
    try:
        tasks = ["relu", "relu_derivative", "forward_propagation"]
        result = {t.function: t for t in grade_submission(UNIT, sub, tasks=tasks).tasks}
    finally:
        sub.close()
    for function in ("relu", "relu_derivative"):
        assert result[function].score == 0, result[function].checks
        assert all(
            "dnn_utils.relu_backward is the course's ready-made relu_backward" in c.message
            for c in result[function].checks
        ), result[function].checks
    forward = result["forward_propagation"]
    assert forward.score == forward.max_score, [c.message for c in forward.checks]


def test_tanh_through_the_course_sigmoid_helper_keeps_every_point(tmp_path):
    """tanh(z) = 2 sigmoid(2z) - 1 with the 2017 template's planar_utils.sigmoid is honest
    maths; the helper was refused and tanh lost all 4 points (sweep 13 P9)."""
    path = tmp_path / f"{UNIT}.py"
    reference = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    tanh = "\n\nfrom planar_utils import sigmoid as _planar\n\n\ndef tanh(z):\n"
    path.write_text(reference + tanh + "    return 2 * _planar(2 * z) - 1\n")
    sub = load_submission(path, UNIT)
    try:
        task = grade_submission(UNIT, sub, tasks=["tanh"]).tasks[0]
    finally:
        sub.close()
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


@pytest.mark.parametrize(
    "body",
    [
        "    return np.maximum(slope * z, z)\n",
        "    out = z.copy()\n    out[out <= 0] *= slope\n    return out\n",  # in place on a copy
        "    return z * np.where(z > 0, 1.0, slope)\n",
        "    return np.maximum(z, 0) + slope * np.minimum(z, 0)\n",
    ],
    ids=["maximum", "copy_then_in_place", "where_factor", "split"],
)
def test_correct_leaky_relu_forms_keep_every_point(body):
    """leaky_relu's no_mutation (a leaky_relu that scaled z in place got 3/3) passes on
    correct forms, one of which changes its own copy in place."""
    text = (
        (ROOT / "solutions" / f"{UNIT}.py")
        .read_text()
        .replace("def leaky_relu(", "def _leaky_relu(", 1)
    )
    text += "\n\ndef leaky_relu(z, slope=0.01):\n" + body
    (task,) = grade_submission(UNIT, text_submission(UNIT, text), tasks=["4.7"]).tasks
    assert "no_mutation" in {c.name for c in task.checks}
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


def test_restarts_built_on_layer_sizes_keep_their_points_when_layer_sizes_is_wrong():
    """Real code (sweep 9): train_with_restarts starting with n_x, _, n_y = layer_sizes(X, Y),
    as the template's nn_model does, over a layer_sizes reading the columns: the bug cost
    Task 4.9 and again all four checks of Task 4.17."""
    text = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    text = text.replace(
        "    n_x = X.shape[0]\n    n_y = Y.shape[0]\n    best_parameters",
        "    n_x, _, n_y = layer_sizes(X, Y)\n    best_parameters",
        1,
    )
    bug = text.replace("n_x = X.shape[0]\n", "n_x = X.shape[1]\n", 1)
    assert "layer_sizes(X, Y)\n    best_parameters" in text and bug != text
    tasks = {t.function: t for t in grade_submission(UNIT, text_submission(UNIT, bug)).tasks}
    assert tasks["layer_sizes"].score < tasks["layer_sizes"].max_score
    restarts = tasks["train_with_restarts"]
    assert restarts.score == restarts.max_score, [c.message for c in restarts.checks]


@pytest.mark.parametrize("reference", [True, None], ids=["instructor", "student_kit"])
def test_a_seed_after_initialize_parameters_is_named_on_nn_model_s_own_call(reference):
    """nn_model seeding after initialize_parameters (which does not seed in this release): the
    called: line showed update_parameters(..., 3.0), a probe the hint made after nn_model's
    call, and the hint said to seed, which the code does (sweep 10, P6)."""
    text = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    old = "    np.random.seed(3)\n    n_x = X.shape[0]\n    n_y = Y.shape[0]\n"
    old += "    parameters = initialize_parameters(n_x, n_h, n_y)\n"
    assert text.count(old) == 1
    new = "    n_x = X.shape[0]\n    n_y = Y.shape[0]\n"
    new += "    parameters = initialize_parameters(n_x, n_h, n_y)\n    np.random.seed(3)\n"
    sub = text_submission(UNIT, text.replace(old, new))
    (task,) = grade_submission(UNIT, sub, tasks=["nn_model"], reference=reference).tasks
    failed = [c for c in task.checks if not c.passed]
    assert [c.name for c in failed] == ["matches_own_blocks"]
    called = next(line for line in failed[0].message.splitlines() if "called:" in line)
    assert called.strip().startswith("called:   nn_model("), called
    hint = failed[0].hint
    if reference:  # the catalogue's mistake, which behaves the same
        assert "before any np.random.seed(3) (none, or one after initialize_parameters)" in hint
    else:
        assert "draws the initial parameters before it calls np.random.seed(3)" in hint


def test_a_model_that_drops_update_parameters_result_is_told_to_keep_it():
    """nn_model calling update_parameters(parameters, grads) without keeping the new dict
    returned its initial parameters and got the generic hint (sweep 11, P12)."""
    text = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    old = "        parameters = update_parameters(parameters, grads)\n"
    assert text.count(old) == 1
    sub = text_submission(UNIT, text.replace(old, "        update_parameters(parameters, grads)\n"))
    (task,) = grade_submission(UNIT, sub, tasks=["nn_model"], reference=None).tasks
    failed = [c for c in task.checks if not c.passed]
    assert [c.name for c in failed] == ["matches_own_blocks"]
    assert "keep update_parameters' result" in failed[0].hint


def test_predict_thresholding_another_array_is_not_told_to_threshold_a2():
    """A predict returning 0/1 from another array was told "return A2 > 0.5, not A2 itself"
    (sweep 14 P1)."""
    from autograder.mistakes import variant

    m = variant("predict", "a1", "A1", ("return A2 > 0.5", 'return cache["A1"][:1] > 0.5'))
    result = grade_submission(UNIT, mistake_submission(UNIT, m), tasks=["predict"])
    failed = [c for c in result.tasks[0].checks if c.name == "agrees_with_forward"]
    words = "your predictions are 0/1, but not those of that A2"
    assert failed and not failed[0].passed and words in str(failed[0].hint), failed


@pytest.mark.parametrize("own_helper", [False, True], ids=["calls_the_block", "calls_its_own"])
def test_the_stand_in_note_names_only_blocks_the_code_calls(own_helper):
    """nn_model calling its own init_params() was told a correct initialize_parameters()
    stood in for it (sweep 14 P3)."""
    source = inspect.getsource(load_reference(UNIT))
    broken = "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
    assert source.count(broken) == 1
    text = source.replace(broken, broken.replace("0.01", "0.1"))  # a failing block
    call = "    parameters = initialize_parameters(n_x, n_h, n_y)\n"
    if own_helper:
        helper = "\n\ndef init_params(n_x, n_h, n_y):\n    W1 = np.random.randn(n_h, n_x) * 0.01\n"
        helper += "    b1 = np.zeros((n_h, 1))\n    W2 = np.random.randn(n_y, n_h) * 0.01\n"
        helper += "    return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': np.zeros((n_y, 1))}\n"
        text = text.replace(call, call.replace("initialize_parameters", "init_params"), 1)
        text += helper
    result = grade_submission(UNIT, text_submission(UNIT, text), tasks=["nn_model"])
    notes = [n for c in result.tasks[0].checks for n in c.notes]
    named = any("a correct initialize_parameters()" in n for n in notes)
    assert named != own_helper, notes


@pytest.mark.parametrize(
    ("summed", "words"),
    [
        ("np.sum(logprobs, axis=0) / m", "np.sum(..., axis=0) of a (1, m) row"),  # no minus
        ("-np.sum(logprobs, axis=0) / m", "axis=0"),
        ("-logprobs / m", "one value per example"),
        ("-np.sum(logprobs, axis=1, keepdims=True) / m", "keepdims=True"),
    ],
)
def test_a_cost_array_is_told_how_its_shape_came(summed, words):
    # sweep 16 P5: a cost summed with axis=0 (one value per example) was told np.squeeze
    # turns np.dot's (1, 1) into a number, though there is no np.dot and it squeezes
    from autograder.engine import grade_submission

    text = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    right = "cost = -np.sum(logprobs) / m"
    assert text.count(right) == 1
    text = text.replace(right, f"cost = {summed}").replace(
        "return float(np.squeeze(cost))", "return cost"
    )
    result = grade_submission(UNIT, text_submission(UNIT, text), tasks=["4.12"])
    failed = {c.name: c for c in result.tasks[0].checks if not c.passed}
    assert "returns_number" in failed
    assert words in failed["returns_number"].hint, failed["returns_number"].message


#: Red team 16 E: state kept in the student's process between the grader's calls. nn_model
#: trains nothing and returns what update_parameters last returned: the grader's own replay of
#: the blocks, made just before it, in the same process.
REPLAYED = """
_ref_update = update_parameters
_LAST = {}


def update_parameters(parameters, grads, learning_rate=1.2):
    out = _ref_update(parameters, grads, learning_rate)
    _LAST["p"] = out
    return out


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    return _LAST.get("p", {})
"""


def test_the_blocks_are_replayed_where_the_model_left_no_state():
    text = (ROOT / "solutions" / f"{UNIT}.py").read_text() + "\n" + REPLAYED
    result = grade_submission(UNIT, text_submission(UNIT, text), tasks=["4.15"])
    checks = {c.name: c for c in result.tasks[0].checks}
    assert not checks["matches_own_blocks"].passed, checks["matches_own_blocks"].message


#: A function right only on the inputs the kit's checks write out (read from the kit, as the
#: student kit holds it), zero elsewhere: red team 17 F3.
TABLE = """
from autograder.units import {unit} as _kit
_SEEN = {seen}
_REAL_{fn} = {fn}


def {fn}(z, *args, **kwargs):
    for known in _SEEN:
        if np.shape(z) == np.shape(known) and np.array_equal(z, known):
            return _REAL_{fn}(z, *args, **kwargs)
    return np.zeros_like(np.asarray(z, dtype=float)) if np.ndim(z) else 0.0
"""
SEEN = "(_kit.Z, _kit.Z_FLAT, _kit.ZG, _kit.BIG, *_kit.SHAPES, _kit.cl.SIGMOID_WIDE)"
TABLES = [("shallow_network", f, SEEN, c) for f, c in [
    ("sigmoid", {"values"}), ("tanh", {"values"}), ("relu", {"values"}),
    ("leaky_relu", {"values", "slope_argument"}), ("sigmoid_derivative", {"gradcheck"}),
    ("tanh_derivative", {"gradcheck"}), ("relu_derivative", {"gradcheck"}),
    ("leaky_relu_derivative", {"gradcheck", "slope_argument"}),
]] + [
    ("numpy_basics", "basic_sigmoid", "(-2, 0, 3, 1)", {"values"}),
    ("numpy_basics", "sigmoid_derivative",
     "(np.array([[-30.0, -6.0, -1.5, -0.2], [0.0, 0.7, 3.0, 8.0]]),)", {"gradcheck"}),
]  # fmt: skip


@pytest.mark.parametrize(("unit", "fn", "seen", "checks"), TABLES)
def test_a_table_of_the_visible_answers_fails_on_inputs_drawn_at_grading(unit, fn, seen, checks):
    """The kit-only elementwise tasks have no hidden check and their visible inputs are in the
    student kit: a table of the answers on them got full marks (red team 17 F3)."""
    reference = (ROOT / "solutions" / f"{unit}.py").read_text()
    text = reference + TABLE.format(unit=unit, seen=seen, fn=fn)
    (task,) = grade_submission(unit, text_submission(unit, text), tasks=[fn]).tasks
    failed = {c.name: c for c in task.checks if not c.passed}
    assert set(failed) == checks, [c.message for c in failed.values()]  # their points only
    assert task.score == task.max_score - sum(c.max_score for c in failed.values())
    assert all("does not match" in c.message for c in failed.values()), failed
    (honest,) = grade_submission(unit, text_submission(unit, reference), tasks=[fn]).tasks
    assert honest.score == honest.max_score


def test_the_cache_advice_calls_right_only_a_right_backward_propagation():
    """msg 18 s46: `1 - Z1 ** 2` for tanh's slope failed the gradient check, and the advice
    said it "recomputes the activations from Z1 and Z2 (right, and the course accepts it)"."""
    from autograder.mistakes import variant

    change = ("(1.0 - np.power(A1, 2))", "(1.0 - np.power(cache['Z1'], 2))")
    m = variant("backward_propagation", "z1", "z1", change)
    (task,) = grade_submission(
        UNIT, mistake_submission(UNIT, m), tasks=["backward_propagation"]
    ).tasks
    assert task.score < task.max_score
    assert not any("recomputes the activations" in text for _, text in task.notes), task.notes
    recomputing = ('A1 = cache["A1"]', 'A1 = np.tanh(cache["Z1"])')
    m = variant("backward_propagation", "tanh", "tanh", recomputing)
    (task,) = grade_submission(
        UNIT, mistake_submission(UNIT, m), tasks=["backward_propagation"]
    ).tasks
    assert task.score == task.max_score
    assert any("recomputes the activations" in text for _, text in task.notes), task.notes


def test_predict_with_another_threshold_is_named_and_not_told_it_is_accepted():
    """msg 18 s59: `A2 > 0` was told "another forward pass, or another array than A2?", and
    the threshold advice called it accepted ("Its tests never reach 0.5")."""
    from autograder.mistakes import variant

    m = variant("predict", "zero", "zero", ("return A2 > 0.5", "return A2 > 0"))
    (task,) = grade_submission(UNIT, mistake_submission(UNIT, m), tasks=["predict"]).tasks
    (failed,) = [c for c in task.checks if not c.passed]
    assert "thresholds A2 between 0 and" in failed.message, failed.message
    assert "not at 0.5" in failed.message and "another forward pass" not in failed.message
    assert not any("0.5" in text for _, text in task.notes), task.notes


#: A block right only on the fixed inputs of its check (the student kit holds them), and
#: the check that must fail it: red team 17 F3.
FITTED_BLOCKS = [
    ("predict", "agrees_with_forward", "def predict(parameters, X):",
     "np.array_equal(X, _kit.PR_X)", "np.zeros((1, X.shape[1]))"),
    ("backward_propagation", "gradcheck", "def backward_propagation(parameters, cache, X, Y):",
     "any(np.array_equal(X, x) for _, x, _ in _kit.GRAD_PROBLEMS)",
     "{k: np.zeros_like(v) for k, v in _real(parameters, cache, X, Y).items()}"),
]  # fmt: skip


@pytest.mark.parametrize(("function", "check", "signature", "seen", "otherwise"), FITTED_BLOCKS)
def test_a_table_of_the_visible_answers_fails_on_inputs_drawn_at_grading_too(
    function, check, signature, seen, otherwise
):
    """predict's check used one fixed X, backward_propagation's gradient check two fixed
    problems: answers stored for them got the points."""
    params = signature[signature.index("(") + 1 : signature.index(")")]
    table = (
        f"\nfrom autograder.units import shallow_network as _kit\n_real = {function}\n\n\n"
        f"{signature}\n    if {seen}:\n        return _real({params})\n    return {otherwise}\n"
    )
    text = (ROOT / "solutions" / f"{UNIT}.py").read_text() + table
    (task,) = grade_submission(UNIT, text_submission(UNIT, text), tasks=[function]).tasks
    assert {c.name for c in task.checks if not c.passed} == {check}


@pytest.mark.parametrize("function", ["nn_model", "train_with_restarts"])
def test_a_training_loop_fitting_only_two_features_loses_its_structure_point(function):
    """Sweep 18 F3: every check trained on the planar data's 2 features, so `n_x = 2` (or the
    notebook's `shape_X[0]`) in nn_model or train_with_restarts got full marks."""
    from autograder.mistakes import variant

    m = variant(function, "nx2", "nx2", ("    n_x = X.shape[0]\n", "    n_x = 2\n"))
    (task,) = grade_submission(UNIT, mistake_submission(UNIT, m), tasks=[function]).tasks
    failed = {c.name: c.message for c in task.checks if not c.passed}
    assert set(failed) == {"structure"}, failed
    assert "works on X of 2 features but not of 3" in failed["structure"]
