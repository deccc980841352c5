"""Unit 5 (deep_network): demo accuracy, CLI, grading speed, stored values, kink safety."""

from __future__ import annotations

import ast
import contextlib
import inspect
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from autograder import cli, precision, units
from autograder.demos import load_impl
from autograder.engine import grade_submission, load_reference, load_submission
from autograder.isolation import from_path
from autograder.mistakes import variant
from autograder.private import load_catalogue
from autograder.spec import CheckFailure
from autograder.submission import Submission, load_in_process
from autograder.units import _deep_math as grader_math
from autograder.units import deep_network as unit

from .faults.hostile import BYPASSED, HELPER_BYPASS
from .helpers import mistake_submission, reference_submission, text_submission

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


def test_reference_full_marks():
    # Speed is measured by benchmarks/bench_selfcheck.py against a baseline, not here.
    result = grade_submission("deep_network", reference_submission("deep_network"))
    bad = [s for s in _scores(result) if s[2] != "passed"]
    assert bad == []


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
    "mistake_id",
    ["sigmoid_hidden", "relu_output", "dal_sign", "same_upstream", "dal_to_every_layer"],
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
    # the rest of the unit is the reference: its visible checks pass, but for the model's,
    # which calls the wrong block (the kit has no correct one to put in its place): those
    # failures name it as their cause
    others = [s for s in _scores(result) if s[0] != "L_model_backward" and _is_visible(s)]
    blamed = "uses your L_model_backward(), which fails Task 5.9"
    assert all(s[2] == "passed" or (s[0] == "L_layer_model" and blamed in s[3]) for s in others)


def test_bundle_gradient_checks_wait_for_a_failing_cost_they_differentiate(bundle):
    # msg sweep 16 M2: in the student kit the gradient checks differentiate the student's own
    # compute_cost; a cost without its (1 - Y) term failed the correct L_model_backward, with
    # a hint about dAL and no word of the cost
    m = next(
        m for m in mistakes.MISTAKES if (m.function, m.id) == ("compute_cost", "no_one_minus_y")
    )
    result = grade_submission("deep_network", mistake_submission("deep_network", m), reference=None)
    task = next(t for t in result.tasks if t.function == "L_model_backward")
    for check in ("gradcheck_2_layers", "gradcheck_deep"):
        c = next(c for c in task.checks if c.name == check)
        assert not c.passed
        assert "waits for another task" in c.message
        assert "your compute_cost(), which fails Task 5.6" in c.message
        assert "dAL" not in c.message  # no hint about L_model_backward's own formulas


def _no_caches(ref):
    return lambda X, parameters: (ref.L_model_forward(X, parameters)[0], [])


def _two_layers_only(ref):
    def L_model_forward(X, parameters):
        if len(parameters) != 4:
            raise ValueError("only two layers")
        return ref.L_model_forward(X, parameters)

    return L_model_forward


def _flat_output(ref):
    def L_model_forward(X, parameters):
        AL, caches = ref.L_model_forward(X, parameters)
        return AL.ravel(), caches

    return L_model_forward


@pytest.mark.parametrize("broken", [_no_caches, _two_layers_only, _flat_output])
def test_bundle_gradient_check_uses_the_students_forward(bundle, broken):
    """A right backward with a broken forward fails, and the message names the forward."""
    sub = reference_submission("deep_network")
    sub._ns = dict(sub._ns)
    sub._ns["L_model_forward"] = broken(load_reference("deep_network"))
    result = grade_submission("deep_network", sub, reference=None)
    task = next(t for t in result.tasks if t.function == "L_model_backward")
    status = {c.name: (c.status, c.message) for c in task.checks}
    assert status["gradcheck_deep"][0] == "failed"
    # its own task fails: the check waits for it (msg sweep 16 M2)
    assert "your L_model_forward(), which fails Task 5.5" in status["gradcheck_deep"][1]
    assert "right for a 2-layer network" not in status["gradcheck_deep"][1]
    assert status["values"][0] == "passed"  # stored inputs: no forward pass needed


# ------------------------------------------------------------------ course code (issue 9)
# Small course-style functions, each graded in place of the reference's: what the course's
# releases accepted gets full marks (with the advice or the recognized convention shown), and
# the real mistakes of course-releases.md lose points with a message that names them.


def course_submission(code: str, *, drop: tuple[str, ...] = ()):
    """The reference with the functions defined in ``code`` replaced (and ``drop`` removed)."""
    ref = load_reference("deep_network")
    ns = {k: v for k, v in vars(ref).items() if k not in drop}
    exec(compile(code, "<course code>", "exec"), ns)
    return Submission("deep_network", ns, "course code", source_text=code)


def graded(code: str, task: str, **kwargs):
    result = grade_submission("deep_network", course_submission(code, **kwargs), tasks=[task])
    (task_result,) = result.tasks
    return task_result


def notes(task_result, kind: str) -> list[str]:
    return [text for label, text in task_result.notes if label == kind] + [
        text
        for c in task_result.checks
        for text in (c.advice if kind == "advice" else c.recognized)
    ]


def full_marks(task_result) -> bool:
    return task_result.score == task_result.max_score > 0


INIT_TEMPLATE = """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
"""
INIT_DEEP = """
def initialize_parameters_deep(layer_dims):
    np.random.seed({seed})
    parameters = {{}}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l-1]){scale}
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
"""
STEP_BY_STEP = INIT_DEEP.format(seed=3, scale=" * 0.01")
APPLICATION = INIT_DEEP.format(seed=1, scale=" / np.sqrt(layer_dims[l-1])")


def test_template_seed_in_initialize_parameters_is_full_marks_with_advice():
    t = graded(INIT_TEMPLATE, "5.1")
    assert full_marks(t), [c.message for c in t.checks]
    assert any("calls np.random.seed itself" in a for a in notes(t, "advice"))
    assert any("np.random.seed(1)" in r for r in notes(t, "recognized"))


@pytest.mark.parametrize(
    ("code", "form"), [(STEP_BY_STEP, "np.random.seed(3)"), (APPLICATION, "np.random.seed(1)")]
)
def test_both_course_initializations_of_initialize_parameters_deep_get_full_marks(code, form):
    t = graded(code, "5.2")
    assert full_marks(t), [c.message for c in t.checks]
    assert any(form in r for r in notes(t, "recognized"))
    assert any("calls np.random.seed itself" in a for a in notes(t, "advice"))


def test_every_layer_is_checked_for_sign_and_scale():
    code = STEP_BY_STEP.replace(
        "np.random.randn(layer_dims[l], layer_dims[l-1]) * 0.01",
        "np.random.randn(layer_dims[l], layer_dims[l-1]) * (0.01 if l == 1 else 1.0)",
    )
    t = graded(code, "5.2")
    scale = next(c for c in t.checks if c.name == "scale")
    assert scale.status == "failed" and "W2 has the wrong scale" in scale.message
    rand = STEP_BY_STEP.replace("* 0.01", "* (0.01 if l == 1 else 1.0)").replace(
        "np.random.randn", "(np.random.randn if l == 1 else np.random.rand)"
    )
    scale = next(c for c in graded(rand, "5.2").checks if c.name == "scale")
    assert "every weight of W2 is positive" in scale.message


UPDATE_IN_PLACE = """
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l+1)] = parameters["W" + str(l+1)] - learning_rate * grads["dW" + str(l+1)]
        parameters["b" + str(l+1)] = parameters["b" + str(l+1)] - learning_rate * grads["db" + str(l+1)]
    return parameters
"""  # noqa: E501


def test_older_update_in_place_is_full_marks_with_advice():
    """The advice names the dict by the student's own name (2017's parameters, not params)."""
    t = graded(UPDATE_IN_PLACE, "5.10")
    assert full_marks(t), [c.message for c in t.checks]
    assert any("changed the dict parameters it was" in a for a in notes(t, "advice"))


def test_update_applied_l_times_is_named_with_the_number_of_steps():
    code = UPDATE_IN_PLACE.replace(
        "    for l in range(L):\n", "    for l in range(L):\n     for k in range(L):\n"
    )
    t = graded(code, "5.10")
    values = next(c for c in t.checks if c.name == "values")
    assert values.status == "failed" and "the step is applied L times" in values.message


#: The 2017-2020 template's L_model_backward (older keys dA1..dAL), right.
OLDER_BACKWARD = load_catalogue("deep_network").OLDER_L_MODEL_BACKWARD
DAL_BUG = (
    'linear_activation_backward(grads["dA" + str(l + 2)], current_cache, activation = "relu")',
    'linear_activation_backward(dAL, current_cache, activation = "sigmoid")',
)


def test_older_dA1_to_dAL_keys_are_full_marks_and_recognized():
    t = graded(OLDER_BACKWARD, "5.9")
    assert full_marks(t), [c.message for c in t.checks]
    assert any("dA1..dAL" in r for r in notes(t, "recognized"))


def test_older_keys_with_the_dal_bug_lose_points_with_its_name():
    t = graded(OLDER_BACKWARD.replace(*DAL_BUG), "5.9")
    failed = {c.name: c.message for c in t.checks if c.status == "failed"}
    assert set(failed) == {"values", "gradcheck_2_layers", "gradcheck_deep", "hidden"}
    assert "every hidden layer gets dAL through sigmoid_backward" in failed["gradcheck_deep"]
    assert "dA1..dAL" in " ".join(notes(t, "recognized"))


def test_older_keys_of_the_wrong_shape_get_a_shape_message_in_course_symbols():
    code = (
        OLDER_BACKWARD.replace('grads["dA" + str(L)], grads["dW"', 'dA_prev, grads["dW"')
        .replace("    for l in reversed", '    grads["dA" + str(L)] = dAL\n    for l in reversed')
        .replace(
            'grads["dA" + str(l + 2)]', '(dA_prev if l == L - 2 else grads["dA" + str(l + 2)])'
        )
    )
    structure = next(c for c in graded(code, "5.9").checks if c.name == "structure")
    assert structure.status == "failed" and "the shape of A2" in structure.message


OLDER_WRITTEN_OUT = """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L-1], "sigmoid")
    grads["dA1"], grads["dW1"], grads["db1"] = linear_activation_backward(grads["dA2"], caches[0], "relu")
    return grads
"""  # noqa: E501


@pytest.mark.parametrize(
    "code",
    [OLDER_BACKWARD.replace('grads["dA" + str(l + 2)]', 'grads["dA" + str(L)]'), OLDER_WRITTEN_OUT],
    ids=["upstream_dAL", "written_out"],
)
def test_a_two_layer_only_backward_with_the_older_keys_gets_the_hint_in_its_keys(code):
    """Real code (2017 notebook): right for L = 2 only, keys dA1..dAL; the hint gave the 2021
    upstream grads["dA" + str(l + 1)], which under the older keys is the key being computed."""
    t = graded(code, "5.9")
    failed = {c.name: c.message for c in t.checks if c.status == "failed"}
    assert {"gradcheck_deep", "hidden"} <= set(failed), failed
    assert "dA1..dAL" in " ".join(notes(t, "recognized"))
    deep = failed["gradcheck_deep"]
    assert "only works for two layers" in deep, deep
    assert 'grads["dA" + str(l + 2)]' in deep and "str(l + 1)]" not in deep, deep


def test_l_model_forward_returning_z_is_named():
    code = """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        A, cache = linear_activation_forward(A, W, b, "relu")
        caches.append(cache)
    Z, linear_cache = linear_forward(A, parameters["W" + str(L)], parameters["b" + str(L)])
    caches.append((linear_cache, Z))
    return Z, caches
"""
    t = graded(code, "5.5")
    failed = {c.name: c.message for c in t.checks if c.status == "failed"}
    assert set(failed) == {"values", "hidden"}
    assert "AL is Z[L]" in failed["values"]


#: The 2017-2020 template's L_model_forward with every hidden layer computed from X.
FORWARD_FROM_X = """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(X, parameters['W' + str(l)], parameters['b' + str(l)], activation = "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], activation = "sigmoid")
    caches.append(cache)
    return AL, caches
"""  # noqa: E501
MATMUL_FORWARD = """
def linear_forward(A, W, b):
    return W @ A + b, (A, W, b)
"""


@pytest.mark.parametrize("product", ["", MATMUL_FORWARD], ids=["np.dot", "matmul"])
def test_a_forward_pass_that_feeds_x_to_every_layer_is_named(product):
    """Real code: X for A_prev in the loop; numpy's shape error is no missing .T."""
    t = graded(FORWARD_FROM_X + product, "5.5")
    failed = {c.name: c.message for c in t.checks if c.status == "failed"}
    assert set(failed) == {"structure", "values", "hidden"}, failed
    for message in failed.values():
        assert "is computed from X, the network's input" in message, message
        assert ".T?" not in message, message


# ------------------------------------------------------------------ the models
#: The course's L_layer_model up to its forward pass, as every release writes it.
MODEL_START = """
def L_layer_model(X, Y, layers_dims, learning_rate = 0.0075, num_iterations = 3000, print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
"""  # noqa: E501
OLDER_MODEL = (
    MODEL_START
    + """\
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 100 == 0:
            print ("Cost after iteration %i: %f" %(i, cost))
        if print_cost and i % 100 == 0:
            costs.append(cost)
    return parameters
"""
)
MODEL_2021 = (
    MODEL_START
    + """\
        cost = np.squeeze(np.array(compute_cost(AL, Y)))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 100 == 0 or i == num_iterations - 1:
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if i % 100 == 0 or i == num_iterations:
            costs.append(cost)
    return parameters, costs
"""
)


def test_older_model_returning_only_parameters_is_full_marks_and_recognized():
    t = graded(OLDER_MODEL, "5.12")
    assert full_marks(t), [c.message for c in t.checks]
    assert any("returns only the parameters" in r for r in notes(t, "recognized"))


def test_2021_model_with_0d_costs_and_its_extra_last_line_is_full_marks():
    t = graded(MODEL_2021, "5.12")
    assert full_marks(t), [c.message for c in t.checks]


@pytest.mark.parametrize("init", [STEP_BY_STEP, APPLICATION])
def test_l_layer_model_trains_from_either_course_initialization(init):
    t = graded(init + MODEL_2021, "5.12")
    assert full_marks(t), [c.message for c in t.checks]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("if print_cost and i % 100 == 0 or", "if print_cost or"), "should print"),
        (
            ("format(i, np.squeeze(cost))", "format(i, costs[0] if costs else cost)"),
            "printed a wrong cost at iteration 100",
        ),
        (
            ("if print_cost and i % 100 == 0 or i == num_iterations - 1:", "if False:"),
            "printed:  no cost line",
        ),
    ],
)
def test_wrong_printing_loses_the_printing_check_only(change, message):
    t = graded(MODEL_2021.replace(*change), "5.12")
    failed = {c.name: c.message for c in t.checks if c.status == "failed"}
    assert set(failed) == {"prints_costs"}, failed
    assert message in failed["prints_costs"]
    # only the mistake that prints nothing prints what this does: no other is named
    named = "this looks like a known mistake: never prints the cost"
    assert (named in failed["prints_costs"]) == (change[1] == "if False:"), failed


#: The 2017-2020 application notebook's two_layer_model (returns parameters only).
OLDER_TWO_LAYER = """
def two_layer_model(X, Y, layers_dims, learning_rate = 0.0075, num_iterations = 3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []
    m = X.shape[1]
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, activation = "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, activation = "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, activation = "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, activation = "relu")
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2
        parameters = update_parameters(parameters, grads, learning_rate)
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]
        if print_cost and i % 100 == 0:
            print("Cost after iteration {}: {}".format(i, np.squeeze(cost)))
        if print_cost and i % 100 == 0:
            costs.append(cost)
    return parameters
"""  # noqa: E501
RE_READ = """        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]
"""


def test_a_two_layer_model_reading_its_weights_once_is_told_so_not_to_keep_the_result():
    """Real code: the template's four lines after update_parameters left out; the result is
    kept, so 'keep the result' sent the student to a line that was right."""
    assert full_marks(graded(INIT_TEMPLATE + OLDER_TWO_LAYER, "5.11"))
    t = graded(INIT_TEMPLATE + OLDER_TWO_LAYER.replace(RE_READ, ""), "5.11")
    failed = {c.name: c.message for c in t.checks if c.status == "failed"}
    assert set(failed) == {"values", "hidden"}, failed
    for message in failed.values():
        assert "read W1, b1, W2, b2 from parameters in every iteration" in message, message
        assert "keep the result" not in message, message
    kept = OLDER_TWO_LAYER.replace("parameters = update_parameters(", "update_parameters(")
    failed = [c.message for c in graded(INIT_TEMPLATE + kept, "5.11").checks if not c.passed]
    assert failed and all("keep the result" in m for m in failed), failed


@pytest.mark.parametrize(
    ("code", "task"),
    [
        (STEP_BY_STEP + MODEL_2021, "5.12"),
        (APPLICATION + OLDER_MODEL, "5.12"),
        (INIT_TEMPLATE + OLDER_TWO_LAYER, "5.11"),
    ],
    ids=["2021", "older", "two_layer"],
)
def test_a_learning_rate_written_in_the_model_is_named(code, task):
    """Real code: update_parameters(parameters, grads, 0.0075) in the loop (the course's rate
    written where the argument belongs) got only the generic training hint."""
    code = code.replace("grads, learning_rate)", "grads, 0.0075)")
    failed = {c.name: c.message for c in graded(code, task).checks if c.status == "failed"}
    assert set(failed) == {"values", "hidden"}, failed
    for message in failed.values():
        assert "trains with the learning rate 0.0075 written in its code" in message, message


def test_an_iteration_count_written_in_the_model_is_named():
    code = STEP_BY_STEP + MODEL_2021.replace("range(0, num_iterations)", "range(0, 600)")
    failed = {c.name: c.message for c in graded(code, "5.12").checks if c.status == "failed"}
    assert {"values", "hidden"} <= set(failed), failed
    for name in ("values", "hidden"):
        assert "runs 600 iterations, a number written in its code" in failed[name], failed[name]


@pytest.mark.parametrize("product", ["np.dot(W, A)", "W @ A"])
def test_a_hard_coded_input_size_is_named_whatever_the_constant(product):
    code = (
        MODEL_2021.replace(
            "initialize_parameters_deep(layers_dims)",
            "initialize_parameters_deep([64] + list(layers_dims[1:]))",
        )
        + f"""
def linear_forward(A, W, b):
    return {product} + b, (A, W, b)
"""
    )
    t = graded(code, "5.12")
    assert t.score == 0
    structure = next(c for c in t.checks if c.name == "structure")
    assert "for inputs of size 64" in structure.message
    assert "hard-coded" in structure.message


@pytest.mark.parametrize("function", ["two_layer_model", "L_layer_model"])
def test_grader_training_matches_the_reference_models(function):
    ref = load_reference("deep_network")
    dims = [4, 5, 3, 1] if function == "L_layer_model" else (4, 7, 1)
    runs = unit.trained(function, unit.TOY_X, unit.TOY_Y, dims, 0.05, 201)
    np.random.seed(1)
    params, costs = getattr(ref, function)(unit.TOY_X, unit.TOY_Y, dims, 0.05, 201)
    kit = next(iter(runs.values()))
    assert len(runs) == (3 if function == "L_layer_model" else 1)  # the course forms
    for key, value in params.items():
        np.testing.assert_allclose(kit[0][key], value, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(kit[1], costs, rtol=1e-12)


def test_bundle_accepts_the_older_keys(bundle):
    sub = course_submission(OLDER_BACKWARD)
    result = grade_submission("deep_network", sub, reference=None, tasks=["5.9"])
    (t,) = result.tasks
    assert all(c.status in ("passed", "not_run") for c in t.checks), [c.message for c in t.checks]


DIRECT_BACKWARD = """
def linear_backward(dZ, cache):  # no 1/m
    return cache[1].T @ dZ, dZ @ cache[0].T, dZ.sum(axis=1, keepdims=True)

def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    (A_prev, W, b), Z = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(
        sigmoid_backward(dAL, Z), (A_prev, W, b))
    for l in reversed(range(L - 1)):
        (A_prev, W, b), Z = caches[l]
        dZ = relu_backward(grads["dA" + str(l + 1)], Z)
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_backward(
            dZ, (A_prev, W, b))
    return grads
"""


def test_a_task_function_called_directly_is_a_building_block_too():
    """L_model_backward calling linear_backward itself (not linear_activation_backward): the
    broken linear_backward (no 1/m) costs its own task, not L_model_backward's."""
    assert not full_marks(graded(DIRECT_BACKWARD, "5.7"))
    t = graded(DIRECT_BACKWARD, "5.9")
    assert full_marks(t), [c.message for c in t.checks if not c.passed]
    assert any("correct linear_backward() in place of yours" in n for n in t.check_notes)


def test_a_wrong_activation_branch_is_shown_with_its_own_call_and_named():
    """A real relu branch built dZ from Z instead of the upstream dA: the gradient check shows
    the "relu" call (not the last, "sigmoid", one) and names the branch."""
    from_z = variant("linear_activation_backward", "from_z", "dZ from Z",
                     ("relu_backward(dA, ", "relu_backward(activation_cache, "))  # fmt: skip
    sub = mistake_submission("deep_network", from_z)
    (t,) = grade_submission("deep_network", sub, tasks=["5.8"]).tasks
    gradcheck = next(c for c in t.checks if c.name == "gradcheck")
    assert not gradcheck.passed
    called = next(line for line in gradcheck.message.splitlines() if "called:" in line)
    assert "'relu'" in called or '"relu"' in called, gradcheck.message
    assert 'every gradient of the "relu" layer is wrong' in gradcheck.message, gradcheck.message


def test_an_older_model_that_plots_with_plt_it_never_imports_gets_full_marks(tmp_path):
    """Real code: the 2017-2020 two_layer_model ends with plt.plot(...), plt.show(); the
    notebook's first cell imported plt, which the student's export left out (0/5 before)."""
    from autograder.engine import grade_path

    text = inspect.getsource(load_reference("deep_network"))
    plot = "    plt.plot(np.squeeze(costs))\n    plt.ylabel('cost')\n    plt.show()\n"
    text = text.replace("    return parameters, costs\n", plot + "    return parameters, costs\n")
    assert "import matplotlib" not in text and text.count("plt.show()") == 2
    path = tmp_path / "deep_network.py"
    path.write_text(text)
    (result,) = grade_path(path, "deep_network", tasks=["two_layer_model", "L_layer_model"])
    assert [(t.score, t.max_score) for t in result.tasks] == [(5.0, 5.0), (5.0, 5.0)]


DEEP = "deep_network"
HELPER_WRAPPERS = """
import dnn_app_utils_v3 as _u
from dnn_app_utils_v3 import compute_cost as _ready_cost


def linear_forward(A, W, b):
    return _u.linear_forward(A, W, b)


def compute_cost(AL, Y):
    return _ready_cost(AL, Y)


def L_model_backward(AL, Y, caches):  # through another name the module holds
    return getattr(_u, "L_model_" + "backward")(AL, Y, caches)
"""


@pytest.mark.parametrize("isolated", [True, False])
def test_a_function_that_only_calls_the_helper_of_its_name_is_not_the_students(tmp_path, isolated):
    # the application's dnn_app_utils_v3 holds ready-made blocks; the sandbox provides it
    path = tmp_path / f"{DEEP}.py"
    path.write_text(Path(load_reference(DEEP).__file__).read_text() + HELPER_WRAPPERS)
    sub = from_path(path, DEEP) if isolated else load_in_process(path, DEEP)
    try:
        tasks = {t.function: t for t in grade_submission(DEEP, sub).tasks}
    finally:
        sub.close()
    for function in ("linear_forward", "compute_cost", "L_model_backward"):
        assert tasks[function].score == 0, tasks[function].checks
        assert any(
            f"dnn_app_utils_v3.{function} is the course's ready-made {function}" in c.message
            for c in tasks[function].checks
        )
    # the composites use the student's functions, which work: their own checks pass
    for function in ("linear_activation_forward", "L_model_forward", "L_layer_model"):
        assert tasks[function].score == tasks[function].max_score, tasks[function].checks


def _application_models() -> str:
    """The Deep Neural Network Application notebook's form: its models call every block
    from ``from dnn_app_utils_v3 import *`` (the file defines none)."""
    reference = load_reference(DEEP)
    models = [
        inspect.getsource(reference.two_layer_model),
        inspect.getsource(reference.L_layer_model),
    ]
    return "import numpy as np\nfrom dnn_app_utils_v3 import *\n\n\n" + "\n\n".join(models)


@contextlib.contextmanager
def _isolated(tmp_path: Path, text: str) -> Iterator[Submission]:
    """The deep unit's submission ``text``, loaded as the CLI loads it; closed after."""
    path = tmp_path / f"{DEEP}.py"
    path.write_text(text)
    sub = load_submission(path, DEEP)
    try:
        yield sub
    finally:
        sub.close()


def test_the_sandbox_holds_no_ready_made_graded_function(tmp_path):
    text = Path(load_reference(DEEP).__file__).read_text() + HELPER_BYPASS
    with _isolated(tmp_path, text) as sub:
        tasks = {t.function: t for t in grade_submission(DEEP, sub, tasks=list(BYPASSED)).tasks}
    for function in BYPASSED:
        assert tasks[function].score == 0, [c.message for c in tasks[function].checks]
    # the application's models are built from the helpers' blocks, served by the grader
    models = ["two_layer_model", "L_layer_model"]
    with _isolated(tmp_path, _application_models()) as sub:
        tasks = {t.function: t for t in grade_submission(DEEP, sub, tasks=models).tasks}
    for function in models:
        assert tasks[function].score == tasks[function].max_score, tasks[function].checks


#: A submission that keeps the helpers' code once the grader hands it over (for the models),
#: to use it in a graded block called later.
HELPER_STASH = """
import marshal
import sys
import types

_STASH = "/tmp/compute_cost.code"


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    local = sys.modules["_agcodeload"].local_helpers.get("dnn_app_utils_v3.compute_cost")
    if local is not None:
        with open(_STASH, "wb") as f:
            f.write(marshal.dumps(local.__code__))
    return [_u.compute_cost(np.full((1, 3), 0.5), np.ones((1, 3))) for _ in range(60)]


def compute_cost(AL, Y):
    with open(_STASH, "rb") as f:
        code = marshal.loads(f.read())
    return types.FunctionType(code, {"np": np})(AL, Y)
"""


def test_the_helpers_code_handed_over_for_the_models_never_reaches_a_graded_block(tmp_path):
    X = np.ones((2, 3))
    text = "import numpy as np\nimport dnn_app_utils_v3 as _u\n" + HELPER_STASH
    with _isolated(tmp_path, text) as sub:
        first = sub.call("two_layer_model", (X, X, (2, 2, 1)))  # 60 served calls: the grader's
        second = sub.call("two_layer_model", (X, X, (2, 2, 1)))  # the helpers' code handed over
        block = sub.call("compute_cost", (np.full((1, 3), 0.5), np.ones((1, 3))))
    assert first.error is None and second.error is None, (first.error, second.error)
    assert any(c.name.startswith("helper:") for c in first.proxy_calls)
    assert not any(c.name.startswith("helper:") for c in second.proxy_calls)
    assert block.error is not None and block.error.type == "FileNotFoundError", block
    assert any("a fresh worker to call compute_cost()" in e for e in sub.events), sub.events


#: A submission that keeps whatever helpers' code the grader hands over (red team, round 6:
#: a forced handover in another unit gave it every helper module's whole source).
HELPER_CATCH = """
import _agcodeload as _c
import dnn_app_utils_v3 as _u

_SEEN = {}
_take = _c.take_helpers


def _catch(sources, *rest):
    _SEEN.update(sources)
    return _take(sources, *rest)


_c.take_helpers = _catch


def seen():  # no graded function: the grader may call it as it is
    return {m: text for m, text in _SEEN.items()}


def initialize_parameters(n_x, n_h, n_y):  # may call no helper: each call refused
    for _ in range(60):
        try:
            _u.initialize_parameters_deep([n_x, n_y])
        except RuntimeError:
            pass
    return {}


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    return [_u.compute_cost(np.full((1, 3), 0.5), np.ones((1, 3))) for _ in range(60)]
"""


def test_the_grader_hands_over_only_the_code_of_helpers_a_call_used_and_may_use(tmp_path):
    X = np.ones((2, 3))
    with _isolated(tmp_path, "import numpy as np\n" + HELPER_CATCH) as sub:
        for _ in range(2):  # its 60 served calls, all refused: nothing to hand over
            assert sub.call("initialize_parameters", (2, 2, 1)).error is None
        assert sub.call("seen").value == {}
        for _ in range(2):  # 60 calls of compute_cost: its code alone, then
            assert sub.call("two_layer_model", (X, X, (2, 2, 1))).error is None
        handed = sub.call("seen").value
    assert list(handed) == ["dnn_app_utils_v3"], list(handed)
    real = [
        n.name
        for n in ast.parse(handed["dnn_app_utils_v3"]).body
        if isinstance(n, ast.FunctionDef) and "_agserve" not in ast.unparse(n)
    ]
    assert sorted(real) == ["compute_cost", "load_data", "print_mislabeled_images"], real


def test_a_graded_function_may_call_the_helpers_of_its_blocks_and_no_other():
    from autograder.isolation import served

    deep = units.get(DEEP)
    assert deep.may_call("linear_forward") == frozenset()
    assert deep.may_call("L_model_forward") == {
        "linear_activation_forward", "linear_forward", "sigmoid", "relu"
    }  # fmt: skip
    assert "initialize_parameters" not in deep.may_call("L_layer_model")
    refused = served.refused_for("initialize_parameters", deep.may_call("initialize_parameters"))
    assert {"initialize_parameters", "initialize_parameters_deep", "sigmoid"} <= refused
    assert served.refused_for("L_layer_model", deep.may_call("L_layer_model")) & {
        "L_model_forward", "initialize_parameters_deep", "relu_backward", "linear_forward"
    } == set()  # fmt: skip
    # the course's own versions of the unit's functions (the application's helper module)
    # call only what the function may call: the course's way is never refused
    for key, called in served.helper_calls().items():
        module, name = key.rsplit(".", 1)
        if module == "dnn_app_utils_v3" and name in deep.functions():
            assert {k.rsplit(".", 1)[1] for k in called} <= deep.may_call(name), key


OWN_HELPER = """
def linear_backward(dZ, cache):  # the bug: db summed over every entry, not per unit
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ) / m


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = (
        linear_backward_activation(dAL, caches[L - 1], "sigmoid")
    )
    for l in reversed(range(L - 1)):
        dA, dW, db = linear_backward_activation(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = dA, dW, db
    return grads
"""


def test_a_failing_block_used_through_the_students_own_helper_costs_its_own_task_only(tmp_path):
    # a real notebook: L_model_backward calls its own linear_backward_activation
    reference = load_reference(DEEP)
    helper = inspect.getsource(reference.linear_activation_backward).replace(
        "def linear_activation_backward(", "def linear_backward_activation("
    )  # the student's own helper: the course's block under another name
    path = tmp_path / f"{DEEP}.py"
    path.write_text(Path(reference.__file__).read_text() + OWN_HELPER + "\n\n" + helper)
    sub = load_in_process(path, DEEP)
    tasks = {t.function: t for t in grade_submission(DEEP, sub).tasks}
    assert tasks["linear_backward"].score < tasks["linear_backward"].max_score
    lmb = tasks["L_model_backward"]
    assert lmb.score == lmb.max_score, [c.message for c in lmb.checks if not c.passed]


@pytest.mark.parametrize(
    ("relu_backward", "wrong", "named"),
    [
        ("    return np.array(dA, copy=True)\n", True, True),  # real: forgot dZ[Z <= 0] = 0
        ("    return dA * (cache > 0)\n", False, False),
        ("    return dA * (cache >= 0)\n", False, False),  # ReLU's kink: a convention
        ("    return dA * (cache > 0), cache\n", True, True),  # another form than the caller takes
    ],
)
def test_a_provided_helper_rewritten_wrongly_is_named_where_it_costs(
    tmp_path, relu_backward, wrong, named
):
    path = tmp_path / f"{DEEP}.py"
    own = "\n\ndef relu_backward(dA, cache):\n" + relu_backward
    path.write_text(Path(load_reference(DEEP).__file__).read_text() + own)
    tasks = {t.function: t for t in grade_submission(DEEP, load_in_process(path, DEEP)).tasks}
    lab = tasks["linear_activation_backward"]
    failed = [c.message for c in lab.checks if not c.passed]
    assert bool(failed) == wrong
    hinted = ["calls your own relu_backward(), which replaces the course's" in m for m in failed]
    assert all(hinted) if named else not any(hinted), failed


@pytest.mark.parametrize(
    ("own", "caller", "named"),
    [  # real: a sigmoid pasted from the logistic-regression week, the template line unchanged
        ("def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n", None, True),
        # the student's own convention, consistent with its caller: nothing to name
        (
            "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n",
            ("A, activation_cache = sigmoid(Z)", "A, activation_cache = sigmoid(Z), Z"),
            False,
        ),
    ],
)
def test_a_provided_helper_of_another_form_is_named_where_its_result_is_unpacked(
    tmp_path, own, caller, named
):
    text = Path(load_reference(DEEP).__file__).read_text()
    if caller is not None:
        assert caller[0] in text
        text = text.replace(*caller)
    path = tmp_path / f"{DEEP}.py"
    path.write_text(text + "\n\n" + own)
    tasks = {t.function: t for t in grade_submission(DEEP, load_in_process(path, DEEP)).tasks}
    laf = tasks["linear_activation_forward"]
    failed = [c for c in laf.checks if not c.passed]
    assert bool(failed) == named
    words = "takes 2 values from it, as the provided one returns, but yours returns one value"
    assert all(words in c.message for c in failed), [c.message for c in failed]
    assert any("raised ValueError" in c.message for c in failed) == named  # the unpacking too


@pytest.mark.parametrize(
    "product", ["np.einsum('ij,jk->ik', W, A)", "np.sum(W[:, :, None] * A[None, :, :], axis=1)"]
)
def test_a_product_rounded_otherwise_than_np_dot_gets_full_marks(tmp_path, product):
    # real (sweep 12): the last bit of layer 1's output differs from np.dot's; the caches of
    # L_model_forward were compared exactly
    text = Path(load_reference(DEEP).__file__).read_text()
    assert text.count("Z = np.dot(W, A) + b") == 1
    path = tmp_path / f"{DEEP}.py"
    path.write_text(text.replace("Z = np.dot(W, A) + b", f"Z = {product} + b"))
    result = grade_submission(DEEP, load_in_process(path, DEEP))
    assert result.score == result.max_score, [
        (t.function, c.name, c.message) for t in result.tasks for c in t.checks if not c.passed
    ]


@pytest.mark.parametrize(
    ("function", "old", "new", "words"),
    [  # real (sweeps 11, 12): no catalogue entry has these seeds
        ("initialize_parameters", "    W1 = np.random.randn(n_h, n_x) * 0.01\n",
         "    W1 = np.random.randn(n_h, n_x) * 0.01\n    np.random.seed(5)\n",
         "W1 is the draw of the caller's np.random.seed(7): your np.random.seed(...) comes after"),
        ("initialize_parameters_deep", "    parameters = {}\n",
         "    parameters = {}\n    np.random.seed(4)\n",
         "W1 is np.random.seed(4)'s draw times 1/sqrt(n[l-1]): the course's form is"),
    ],
)  # fmt: skip
def test_weights_drawn_from_another_seed_name_it(tmp_path, function, old, new, words):
    text = Path(load_reference(DEEP).__file__).read_text()
    assert text.count(old) == 1
    path = tmp_path / f"{DEEP}.py"
    path.write_text(text.replace(old, new))
    tasks = {t.function: t for t in grade_submission(DEEP, load_in_process(path, DEEP)).tasks}
    values = next(c for c in tasks[function].checks if c.name == "values")
    assert not values.passed and words in values.message, values.message


def test_another_default_learning_rate_of_the_models_is_advice_not_points(tmp_path):
    # real code: L_layer_model(..., learning_rate=0.009, ...); the course's notebook relies on
    # the default 0.0075, the checks pass their own rate
    path = tmp_path / f"{DEEP}.py"
    text = Path(load_reference(DEEP).__file__).read_text()
    assert text.count("learning_rate: float = 0.0075") == 2
    path.write_text(text.replace("learning_rate: float = 0.0075", "learning_rate: float = 0.009"))
    tasks = {t.function: t for t in grade_submission(DEEP, load_in_process(path, DEEP)).tasks}
    for function in ("two_layer_model", "L_layer_model"):
        task = tasks[function]
        assert task.score == task.max_score
        words = "default learning_rate=0.009 is not the course's 0.0075"
        assert any(words in a for a in task.advice), task.advice
    path.write_text(text.replace("learning_rate: float = 0.0075", "learning_rate: float"))
    tasks = {t.function: t for t in grade_submission(DEEP, load_in_process(path, DEEP)).tasks}
    for function in ("two_layer_model", "L_layer_model"):  # real code: no default at all
        assert any("without learning_rate raises TypeError" in a for a in tasks[function].advice)
    reference = grade_submission(DEEP, load_in_process(Path(load_reference(DEEP).__file__), DEEP))
    assert not any("learning_rate" in a for t in reference.tasks for a in t.advice)


REAL_AL_BACKWARD = """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[-1]
    grads["dA" + str(L)], grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(
        sigmoid_backward(dAL, current_cache[1]), current_cache[0])
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dw_temp, db_temp = linear_backward(
            sigmoid_backward(AL, current_cache[1]), current_cache[0])
        grads["dA" + str(l + 1)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dw_temp
        grads["db" + str(l + 1)] = db_temp
    return grads
"""


def test_a_known_mistake_written_with_the_older_keys_is_named():
    """Real 2018 code: AL through sigmoid_backward for every hidden layer, keys dA1..dAL."""
    text = inspect.getsource(load_reference("deep_network")) + REAL_AL_BACKWARD
    sub = text_submission("deep_network", text)
    (task,) = grade_submission("deep_network", sub, tasks=["L_model_backward"]).tasks
    values = next(c for c in task.checks if c.name == "values")
    assert (
        not values.passed and "every hidden layer gets AL, the network's output" in values.message
    )


def test_distinct_rows_costs_the_array_s_size_not_its_columns():
    from autograder.units._network_checks import distinct_rows

    rng = np.random.default_rng(0)
    for W in (rng.integers(0, 2, (6, 3)).astype(float), rng.normal(size=(5, 4)), -np.zeros((3, 2))):
        assert distinct_rows(W) == np.unique(W.round(12), axis=0).shape[0]
    assert distinct_rows(np.zeros((0, 2**40))) == 0  # np.unique(axis=0) filled the machine
    assert distinct_rows(np.ones((2, 2**21))) == 1


def test_an_error_that_names_no_shapes_is_not_put_down_to_a_known_mistake():
    """A known mistake that raises is named when the student's code raises the same error on
    the same call, for numpy's errors that name shapes only: L_model_forward reading
    W{L + 1} raises KeyError: 'W4' as L = len(parameters) does, and is not told it forgot
    // 2."""
    from autograder.mistakes import variant

    beyond = variant("L_model_forward", "beyond", "W{L + 1}",
                     ('parameters["W" + str(L)]', 'parameters["W" + str(L + 1)]'))  # fmt: skip
    result = grade_submission(
        "deep_network", mistake_submission("deep_network", beyond), tasks=["5.5"]
    )
    failed = [c for c in result.tasks[0].checks if not c.passed]
    assert any("KeyError: 'W4'" in c.message for c in failed), [c.message for c in failed]
    assert not any("forgets // 2" in c.message for c in failed), [c.message for c in failed]


def test_a_parameter_of_another_shape_is_unlike_never_broadcast():
    """Red team (round 7): a W1 of shape (2**20, 4, 1, 1) int8 (4 MB, under the reply cap)
    broadcast against the (4, 5) W1 of each accepted initialization took 1.4 GB and 14 s of the
    grader's own memory and time; an entry of another shape is simply unlike."""
    from autograder.units._network_checks import param_gap

    assert param_gap({"W1": np.zeros((1000, 4, 1, 1))}, {"W1": np.zeros((4, 5))}) == np.inf
    assert param_gap({"W1": np.ones((4, 5))}, {"W1": np.zeros((4, 5))}) == 1.0


def _graded_with_one_edit(tmp_path, isolated: bool, old: str, new: str):
    """The unit's result when the reference has ``old`` (once) made ``new``."""
    text = (ROOT / "solutions" / "deep_network.py").read_text()
    assert text.count(old) == 1
    path = tmp_path / "deep_network.py"
    path.write_text(text.replace(old, new))
    sub = from_path(path, "deep_network", isolated=isolated)
    try:
        return grade_submission("deep_network", sub)
    finally:
        sub.close()


def _failed_with_one_edit(tmp_path, isolated: bool, old: str, new: str) -> list:
    """``[(function, check)]`` that fail when the reference has ``old`` (once) made ``new``."""
    result = _graded_with_one_edit(tmp_path, isolated, old, new)
    return [(t.function, c) for t in result.tasks for c in t.checks if not c.passed]


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
def test_a_relu_backward_that_writes_into_dA_costs_linear_activation_backward_only(
    tmp_path, isolated
):
    """The student's own relu_backward without the copy zeroes the dA it is given: the
    gradient L_model_backward has stored in grads changes. That cost L_model_backward, whose
    code was the course's, 2 + 5 points with a hint naming nothing (sweep 10, P2)."""
    copy = "dZ = np.array(dA, dtype=np.float64, copy=True)"
    failed = _failed_with_one_edit(tmp_path, isolated, copy, "dZ = dA")
    assert [(f, c.name) for f, c in failed] == [("linear_activation_backward", "values")]
    assert failed[0][1].message.count("changed its argument dA in place") == 1  # no note again
    assert "dZ = np.array(dA, copy=True)" in failed[0][1].hint


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
def test_a_float32_linear_forward_passes_by_the_course_tolerance_with_advice(tmp_path, isolated):
    """float32 on purpose (``.astype(np.float32)``) is within the course's np.allclose
    tolerance: no points lost, in linear_forward or its callers, whose values inherit the
    drift (sweep 16 P1; sweep 10 P10 charged it to linear_forward, earlier to its caller)."""
    line = "    Z = np.dot(W, A) + b\n"
    float32 = "    Z = (np.dot(W, A) + b).astype(np.float32)\n"
    result = _graded_with_one_edit(tmp_path, isolated, line, float32)
    assert [(t.function, c.name) for t in result.tasks for c in t.checks if not c.passed] == []
    advised = {t.function for t in result.tasks for c in t.checks if precision.ADVICE in c.advice}
    assert "linear_forward" in advised
    # a real bug in the same float32 code still fails: the allowance is for rounding only
    wrong = "    Z = (np.dot(W, A) + 1.001 * b).astype(np.float32)\n"
    failed = _failed_with_one_edit(tmp_path, isolated, line, wrong)
    assert ("linear_forward", "values") in [(f, c.name) for f, c in failed]


#: One edit of the reference, the function and check it costs, and words of their message and
#: hint: a transposed dA_prev was reshaped, compared scrambled and told "no 1/m there" (sweep 11,
#: P4); caches.insert(0, cache) was told "layer 3 is computed from X" (P5).
NAMED_EDITS = {
    "transposed_dA_prev": (
        ("dA_prev = np.dot(W.T, dZ)", "dA_prev = np.dot(dZ.T, W)"),
        ("linear_backward", "gradcheck"),
        ("dA_prev is the right gradient transposed", "mind the order of the operands"),
    ),
    "caches_reversed": (
        ("        caches.append(cache)\n", "        caches.insert(0, cache)\n"),
        ("L_model_forward", "structure"),
        ("in the order of layers [2, 1, 3]", "not caches.insert(0, cache)"),
    ),
}


@pytest.mark.parametrize("edit", sorted(NAMED_EDITS))
def test_an_edit_is_named_where_it_is(tmp_path, edit):
    (old, new), (function, check), (message, hint) = NAMED_EDITS[edit]
    failed = _failed_with_one_edit(tmp_path, False, old, new)
    assert {f for f, _ in failed} == {function}
    (result,) = [c for f, c in failed if c.name == check]
    assert message in result.message and hint in result.hint


@pytest.mark.parametrize(
    ("b2", "words"),
    [
        (np.zeros(3), "a column, not a flat (n,) vector"),
        (np.zeros((4, 1)), 'parameters["b2"] is (n[1], 1) here, not (n[2], 1)'),  # sweep 13 P10
        (np.zeros((7, 1)), "b{l} has one row per unit of layer l"),  # no symbol's size
    ],
)
def test_a_bias_of_another_size_is_named_by_the_size_it_has(b2, words):
    """b{l} = np.zeros((layer_dims[l - 1], 1)) was told to be a column, which it was."""
    from autograder.units._network_checks import expect_layer_params

    dims = [5, 4, 3]
    params = {"W1": np.zeros((4, 5)), "b1": np.zeros((4, 1)), "W2": np.zeros((3, 4)), "b2": b2}
    with pytest.raises(CheckFailure) as failure:
        expect_layer_params(params, dims)
    assert words in str(failure.value.hint), failure.value.hint


def test_parameters_a_layer_short_are_told_the_loop_stops_early():
    """L = len(layer_dims) - 1 then range(1, L): only 'missing keys' was said (sweep 14 P5)."""
    from autograder.units._network_checks import expect_layer_params, layer_arrays

    params = {"W1": np.zeros((4, 5)), "b1": np.zeros((4, 1))}
    with pytest.raises(CheckFailure) as failure:
        expect_layer_params(params, [5, 4, 3])
    assert "W2 and b2 are missing: the loop stops a layer short" in str(failure.value.hint)
    with pytest.raises(CheckFailure) as failure:
        layer_arrays(params, 2)
    assert "the loop stops a layer short" in str(failure.value.hint)
    with pytest.raises(CheckFailure) as failure:  # another key missing: not this hint
        expect_layer_params({**params, "W2": np.zeros((3, 4))}, [5, 4, 3])
    assert "a layer short" not in str(failure.value.hint)


def test_a_model_whose_gradients_are_all_zero_is_not_told_to_keep_the_update(tmp_path):
    # sweep 16 P4: the output layer's backward step with "relu" (slope 0 where Z2 < 0) left
    # every parameter at its initialization; the hint said to keep update_parameters' result,
    # which the code does
    right = 'dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")'
    wrong = right.replace('"sigmoid"', '"relu"')
    failed = dict((c.name, c) for f, c in _failed_with_one_edit(tmp_path, False, right, wrong)
                  if f == "two_layer_model")  # fmt: skip
    assert "values" in failed
    assert failed["values"].hint == unit.ZERO_GRADS_HINT
    # and the update's result dropped is still told so
    update = "parameters = update_parameters(parameters, grads, learning_rate)"
    text = (ROOT / "solutions" / "deep_network.py").read_text()
    start = text.index("def two_layer_model")
    at = text.index(update, start)
    path = tmp_path / "dropped.py"
    path.write_text(
        text[:at] + "update_parameters(parameters, grads, learning_rate)" + text[at + len(update) :]
    )
    sub = from_path(path, "deep_network", isolated=False)
    try:
        result = grade_submission("deep_network", sub, tasks=["5.11"])
    finally:
        sub.close()
    values = next(c for c in result.tasks[0].checks if c.name == "values")
    assert "result of update_parameters" in values.hint  # the catalogue's mistake, named


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
@pytest.mark.parametrize("in_place", [True, False], ids=["in_place_update", "new_dict_update"])
def test_a_model_relying_on_an_in_place_update_is_graded_with_an_in_place_stand_in(
    tmp_path, in_place, isolated
):
    """Sweep 18 F1: the older templates' update_parameters writes into the caller's dict, and
    a model may drop `parameters =` (right with it, accepted). With a bug in that update, the
    grader's correct one, returning a new dict, trained nothing: the models lost points for
    the update's bug. A model dropping the result of an update that returns a new dict is
    wrong with the student's own blocks too, and still loses them."""
    text = (ROOT / "solutions" / "deep_network.py").read_text()
    changes = [
        ('grads["db" + str(l)]\n', 'grads["db" + str(l)] * 2\n'),  # the update's bug
        ("        parameters = update_parameters(parameters, grads, learning_rate)\n",
         "        update_parameters(parameters, grads, learning_rate)\n"),
    ] + [("    parameters = dict(params)\n", "    parameters = params\n")] * in_place  # fmt: skip
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "deep_network.py"
    path.write_text(text)
    sub = from_path(path, "deep_network", isolated=isolated)
    try:
        tasks = ["update_parameters", "two_layer_model", "L_layer_model"]
        result = grade_submission("deep_network", sub, tasks=tasks)
    finally:
        sub.close()
    lost = {t.function for t in result.tasks if t.score < t.max_score}
    assert lost == ({"update_parameters"} if in_place else set(tasks)), lost
