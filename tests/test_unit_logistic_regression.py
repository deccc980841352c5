"""Unit 3 (logistic regression): course values, older releases, printing, the digits demo."""

from __future__ import annotations

import inspect
from pathlib import Path

import numpy as np
import pytest

from autograder.demos import load_impl
from autograder.demos import logistic_regression as demo
from autograder.engine import grade_path, grade_submission, load_reference
from autograder.mistakes import catalogue, variant
from autograder.submission import Submission
from solutions import logistic_regression as ref

from .course_code import HERE as COURSE_CODE
from .course_code import read_fixture
from .helpers import mistake_submission, text_submission

ROOT = Path(__file__).resolve().parents[1]
UNIT = "logistic_regression"


def _statuses(function: str, mistake_id: str) -> dict[str, str]:
    m = next(m for m in catalogue(UNIT) if (m.function, m.id) == (function, mistake_id))
    result = grade_submission(UNIT, mistake_submission(UNIT, m))
    return {c.name: c.status for t in result.tasks if t.function == function for c in t.checks}


def _task(sub: Submission, function: str):
    return grade_submission(UNIT, sub, tasks=[function]).tasks[0]


def _submission(code: str) -> Submission:
    """The reference with ``code`` appended: its defs replace the reference's."""
    reference = load_reference(UNIT)
    ns = dict(vars(reference))
    exec(compile(code, "<student>", "exec"), ns)
    return Submission(UNIT, ns, "student", source_text=inspect.getsource(reference) + "\n" + code)


def _changed(function: str, *changes: tuple[str, str]) -> Submission:
    """The reference file with ``function`` changed: every function sees the changed one."""
    source = inspect.getsource(load_reference(UNIT))
    text = source + "\n\n" + variant(function, "probe", "probe", *changes).source(ref)
    return text_submission(UNIT, text)


def test_course_values():
    grads, cost = ref.propagate(
        np.array([[1.0], [2.0]]),
        2.0,
        np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]),
        np.array([[1.0, 0.0, 1.0]]),
    )
    assert cost == pytest.approx(5.801545319394553, rel=1e-12)
    np.testing.assert_allclose(grads["dw"], [[0.99845601], [2.39507239]], rtol=1e-7)
    assert grads["db"] == pytest.approx(0.00145557813678, rel=1e-9)
    w, b = ref.initialize_with_zeros(3)
    assert type(b) is float and w.shape == (3, 1) and not w.any()


def _course_cell(release: str, function: str) -> str:
    """The code cell of the course's ``release`` notebook that defines ``function``, verbatim."""
    nb = read_fixture(COURSE_CODE / UNIT / f"{release}.ipynb")
    return next(
        c.source for c in nb.cells if c.cell_type == "code" and f"def {function}(" in c.source
    )


# The 2017-2020 template's forms, each correct by the course's standard: the 2017 release's
# own initialize_with_zeros (b = 0, an int), propagate and optimize, then a predict and a model
# written as students of those releases did.
OLDER_RELEASE = (
    "\n\n".join(
        _course_cell("v4_2017", f) for f in ("initialize_with_zeros", "propagate", "optimize")
    )
    + """

def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m), dtype=int)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction

def model(X_train, Y_train, X_test, Y_test, num_iterations = 2000, learning_rate = 0.5,
          print_cost = False):
    w, b = np.zeros((X_train.shape[0], 1)), 0
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                        print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
    print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    return {"costs": costs, "Y_prediction_test": Y_prediction_test,
            "Y_prediction_train" : Y_prediction_train, "w" : w, "b" : b,
            "learning_rate" : learning_rate, "num_iterations": num_iterations}
"""
)


def test_the_older_release_gets_full_marks_with_advice():
    result = grade_submission(UNIT, _submission(OLDER_RELEASE))
    lost = {t.function: [c.name for c in t.checks if not c.passed] for t in result.tasks}
    assert {f: names for f, names in lost.items() if names} == {}
    advice = {t.function: t.advice for t in result.tasks if t.advice}
    assert set(advice) == {"initialize_with_zeros", "model"}
    assert "float 0.0" in advice["initialize_with_zeros"][0]
    assert "does not call initialize_with_zeros()" in advice["model"][0]


def test_consistent_missing_mean_passes_gradcheck_but_not_values():
    """Why propagate is checked against the reference too: 1/m missing everywhere is consistent."""
    status = _statuses("propagate", "no_mean")
    assert status["gradcheck"] == "passed"
    assert status["values"] == "failed" and status["hidden"] == "failed"


def test_a_cost_that_is_not_finite_is_said_not_shown_as_a_nan_gradient():
    # real: A = sigmoid(np.dot(w.T, X)) + b leaves (0, 1), and log(1 - A) or log(A) is nan
    m = next(m for m in catalogue(UNIT) if (m.function, m.id) == ("propagate", "bias_outside"))
    check = next(
        c for c in _task(mistake_submission(UNIT, m), "propagate").checks if c.name == "gradcheck"
    )
    assert "not a finite number: there is no gradient to check" in check.message
    assert "nan (centred difference" not in check.message


def test_an_in_place_update_costs_nothing_and_is_advised_against():
    m = next(m for m in catalogue(UNIT) if (m.function, m.id) == ("optimize", "in_place"))
    task = _task(mistake_submission(UNIT, m), "optimize")
    assert task.score == task.max_score
    assert any("changed its argument w in place" in a for a in task.advice)


def test_gradcheck_note_is_cs231n_style():
    task = _task(_submission(""), "propagate")
    check = next(c for c in task.checks if c.name == "gradcheck")
    assert check.passed
    assert "dw max relative error" in check.message and "db max relative error" in check.message


@pytest.mark.parametrize(
    ("changes", "wrong"),
    [
        ((("np.mean(np.abs(Y_prediction_train", "np.sum(np.abs(Y_prediction_train"),), "train"),
        (
            (("100 - np.mean(np.abs(Y_prediction_test", "100 + np.mean(np.abs(Y_prediction_test"),),
            "test",
        ),
        ((("Y_prediction_train - Y_train", "Y_prediction_test - Y_test"),), "train"),
        ((("accuracy: {train_accuracy:", "accuracy: {test_accuracy:"),), "train"),
        (
            (("np.abs(Y_prediction_test - Y_test)) * 100", "np.abs(Y_prediction_test - Y_test))"),),
            "test",
        ),
        ((("learning_rate, print_cost\n", "learning_rate\n"),), "cost"),
    ],
    ids=[
        "sum_for_mean",
        "sign",
        "operands",
        "swapped_lines",
        "no_percent",
        "print_cost_not_passed",
    ],
)
def test_model_printing_wrong_numbers_loses_the_print_check_only(changes, wrong):
    task = _task(_changed("model", *changes), "model")
    failed = {c.name: c.message for c in task.checks if not c.passed}
    assert set(failed) == {"prints"}
    assert ("wrong " + wrong if wrong != "cost" else "0 cost line") in failed["prints"]


PRINT = '                print(f"Cost after iteration {i}: {float(cost):f}")\n'
UPDATE = "b = b - learning_rate * db\n"


@pytest.mark.parametrize(
    "changes",
    [
        (
            ("            if print_cost:\n" + PRINT, ""),
            (UPDATE, UPDATE + "        if print_cost:\n" + PRINT[4:]),
        ),
        (("{float(cost):f}", "{float(db):f}"),),
        (("Cost after iteration {i}", "Cost after iteration {i + 1}"),),
    ],
    ids=["every_iteration", "prints_db", "iteration_off_by_one"],
)
def test_optimize_printing_wrong_lines_loses_the_print_check_only(changes):
    task = _task(_changed("optimize", *changes), "optimize")
    assert [c.name for c in task.checks if not c.passed] == ["prints"]


CN_COST = (
    'f"Cost after iteration {i}: {float(cost):f}"',
    'f"循环{i}次后的成本值: {float(cost):f}"',
)
CN_ACCURACY = (
    ('"train accuracy: {', '"训练集准确度: {'),
    ('"test accuracy: {', '"测试集准确度: {'),
)


@pytest.mark.parametrize(
    ("function", "changes", "wrong"),
    [
        ("optimize", (CN_COST,), None),
        (
            "optimize",
            ((CN_COST[0], CN_COST[1].replace("float(cost)", "float(cost) + 1")),),
            "wrong cost",
        ),
        ("optimize", ((CN_COST[0], 'f"成本值: {float(cost):f}"'),), None),
        (
            "optimize",
            (("            if print_cost:\n", "            if True:\n"), CN_COST),
            "printed 3 cost line(s) although print_cost was False",
        ),
        ("model", CN_ACCURACY, None),
        # a wrong value in another language reads as no test accuracy line: advice only
        ("model", (*CN_ACCURACY, ("test_accuracy:.1f", "train_accuracy:.1f")), None),
    ],
    ids=["cost", "wrong_cost", "cost_alone", "always", "accuracies", "wrong_accuracy"],
)
def test_printed_lines_in_another_language_are_read_by_their_numbers(function, changes, wrong):
    """A student who translated the print lines (real code does) is graded on the numbers."""
    task = _task(_changed(function, *changes), function)
    failed = {c.name: c.message for c in task.checks if not c.passed}
    assert set(failed) == ({"prints"} if wrong else set()), failed
    assert wrong is None or wrong in failed["prints"], failed


@pytest.mark.parametrize(
    "line",
    [
        'f"Cost after 100 iteration {i}: {float(cost):f}"',  # real: the iteration comes second
        'f"iter={i} cost={float(cost):f}"',
        'f"Cost after iteration {i} (of 100): {float(cost):f}"',
    ],
)
def test_the_iteration_of_a_cost_line_is_the_number_after_the_word(line):
    task = _task(_changed("optimize", (CN_COST[0], line)), "optimize")
    assert all(c.passed for c in task.checks), [c.message for c in task.checks]


def test_costs_recorded_every_iteration_cost_the_values_not_the_printing():
    """The printed iterations come from the call (250: 0, 100, 200), not from len(costs)."""
    every = ("        if i % 100 == 0:\n            costs.append(cost)\n",
             "        costs.append(cost)\n        if i % 100 == 0:\n")  # fmt: skip
    task = _task(_changed("optimize", every), "optimize")
    failed = {c.name: c.message for c in task.checks if not c.passed}
    assert set(failed) == {"values"}  # once (sweep 16 P2): the other checks compare w, b, grads
    assert "100 costs for num_iterations = 100: record the cost once every 100" in failed["values"]


def test_printed_costs_are_compared_as_printed():
    """The course's %f (six decimals) and a full repr both match; a wrong digit does not."""
    from autograder.checklib import printed_close, printed_numbers

    out = "Cost after iteration 0: 0.693147\ncost 1e-3\ntrain accuracy: 99.04306220095694 %\n"
    assert [tokens for _, tokens in printed_numbers(out, "cost")] == [["0", "0.693147"], ["1e-3"]]
    assert printed_close("0.693147", 0.6931471805599453)
    assert not printed_close("0.693148", 0.6931471805599453)
    assert printed_close("99.0", 99.04306220095694) and printed_close("1e-3", 0.00104)
    assert not printed_close("nan", 99.0)
    # a cost that is no number is printed as it is (msg 17 M6: "printed a wrong cost" for nan)
    assert printed_close("nan", float("nan")) and printed_close("-inf", float("-inf"))
    assert not printed_close("inf", float("nan")) and not printed_close("0.5", float("inf"))


def test_printed_numbers_no_float_or_int_holds_are_wrong_output_not_grader_errors():
    """Red team (round 7): a cost printed as 1e99999 (OverflowError) or an iteration of 5000
    digits (int() refuses them) made optimize's and model's prints checks "not gradable",
    keeping an earlier score in nbgrader; now they are printed output that matches nothing."""
    from autograder.checklib import iteration_of, printed_close

    assert not printed_close("1e99999", 0.5)
    line = "Cost after iteration " + "9" * 5000 + ": 0.5"
    assert iteration_of(["9" * 5000, "0.5"], line) is None
    text = inspect.getsource(load_reference("logistic_regression")).replace(
        'print(f"Cost after iteration {i}: {float(cost):f}")',
        'print(f"Cost after iteration {i}: 1e99999")',
    )
    assert "1e99999" in text
    result = grade_submission(
        "logistic_regression", text_submission("logistic_regression", text), tasks=["3.4"]
    )
    prints = next(c for c in result.tasks[0].checks if c.name == "prints")
    assert prints.status == "failed", prints.message


@pytest.mark.parametrize(
    "dead",
    [
        "    if False:\n        optimize(w, b, X_train, Y_train, 1, 0.1)\n",
        "    return d\n    optimize(w, b, X_train, Y_train, 1, 0.1)\n",
    ],
    ids=["if_false", "after_return"],
)
def test_calls_building_blocks_ignores_code_that_cannot_run(dead):
    inlined = next(m for m in catalogue(UNIT) if (m.function, m.id) == ("model", "inlined"))
    code = inlined.code.replace("    return {", "    d = {") + "\n" + dead
    if "return d" not in dead:
        code += "    return d\n"
    task = _task(_submission(code), "model")
    status = {c.name: c.status for c in task.checks}
    assert status["calls_building_blocks"] == "failed"
    assert [n for n, s in status.items() if s != "passed"] == ["calls_building_blocks"]


@pytest.mark.parametrize("size", [12288, 4096, 784])
def test_a_hard_coded_input_size_is_named_whatever_the_number(size):
    sub = _changed(
        "model", ("initialize_with_zeros(X_train.shape[0])", f"initialize_with_zeros({size})")
    )
    task = _task(sub, "model")
    failed = [c for c in task.checks if not c.passed]
    # model raises on every call: calls_building_blocks has no result to credit either
    trained = {"structure", "values", "uses_arguments", "prints", "calls_building_blocks"}
    assert {c.name for c in failed} == trained
    assert all(f"initialize_with_zeros({size})" in c.message for c in failed)
    assert all("a missing .T" not in c.message for c in failed)


def test_numpy_names_of_a_star_import_are_not_read_as_the_students_functions():
    # real (sweep 12): from numpy import *, then zeros(...) and mean(abs(...)) unqualified;
    # calls_building_blocks failed with "the source of zeros() could not be read"
    text = inspect.getsource(load_reference(UNIT))
    text = text.replace("import copy\n", "from numpy import *\nimport copy\n")
    text = (
        text.replace("np.abs(", "abs(").replace("np.mean(", "mean(").replace("np.zeros(", "zeros(")
    )
    assert "from numpy import *" in text and "mean(abs(" in text
    result = grade_submission(UNIT, text_submission(UNIT, text))
    assert result.score == result.max_score, [
        (t.function, c.name, c.message) for t in result.tasks for c in t.checks if not c.passed
    ]


def test_a_transposed_dw_undone_in_optimize_costs_propagate_only():
    # real (sweep 13, P1): dw = np.dot(X, (A - Y).T).T in propagate, w - learning_rate * dw.T
    # in optimize: the pair is right (the course's tests pass); optimize's structure check
    # charged the grads its own propagate returns
    text = inspect.getsource(load_reference(UNIT))
    edits = (("    dw = np.dot(X, dZ.T) / m\n", "    dw = (np.dot(X, dZ.T) / m).T\n"),
             ("w = w - learning_rate * dw\n", "w = w - learning_rate * dw.T\n"))  # fmt: skip
    for old, new in edits:
        assert text.count(old) == 1
        text = text.replace(old, new)
    tasks = {t.function: t for t in grade_submission(UNIT, text_submission(UNIT, text)).tasks}
    assert tasks["optimize"].score == tasks["optimize"].max_score, [
        c.message for c in tasks["optimize"].checks if not c.passed
    ]
    assert [c.name for c in tasks["propagate"].checks if not c.passed] == ["structure"]


MODEL_THROUGH_A_CLASS = """

class LogReg:
    def __init__(self, num_iterations, learning_rate, print_cost):
        self.settings = num_iterations, learning_rate, print_cost

    def fit(self, X, Y):
        w, b = initialize_with_zeros(X.shape[0])
        params, _, self.costs = optimize(w, b, X, Y, *self.settings)
        self.w, self.b = params["w"], params["b"]
        return self

    def predict(self, X):
        return predict(self.w, self.b, X)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    clf = LogReg(num_iterations, learning_rate, print_cost).fit(X_train, Y_train)
    test, train = clf.predict(X_test), clf.predict(X_train)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(train - Y_train)) * 100} %")
        print(f"test accuracy: {100 - np.mean(np.abs(test - Y_test)) * 100} %")
    return {"costs": clf.costs, "Y_prediction_test": test, "Y_prediction_train": train,
            "w": clf.w, "b": clf.b, "learning_rate": learning_rate,
            "num_iterations": num_iterations}
"""


def test_a_model_calling_its_blocks_through_a_class_of_its_own_gets_full_marks():
    # sweep 13, P3: "the source of LogReg() could not be read"
    text = inspect.getsource(load_reference(UNIT)) + MODEL_THROUGH_A_CLASS
    task = _task(text_submission(UNIT, text), "model")
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


def test_a_hard_coded_m_is_named_whatever_the_number():
    task = _task(_changed("propagate", ("m = X.shape[1]\n", "m = 4\n")), "propagate")
    failed = [c for c in task.checks if not c.passed]
    assert failed and all("writes a size as a number (m = 4)" in c.message for c in failed)


def test_a_broken_predict_costs_model_nothing_and_is_named_in_the_kit():
    """One bug costs once: model is graded with a correct predict; without it, it names it."""
    change = ("(A > 0.5).astype", "(A < 0.5).astype")
    task = grade_submission(UNIT, _changed("predict", change), tasks=["model"]).tasks[0]
    assert task.score == task.max_score
    assert any("correct predict() in place of yours" in n for n in task.check_notes)
    kit = grade_submission(UNIT, _changed("predict", change), tasks=["model"], reference=None)
    messages = [c.message for c in kit.tasks[0].checks if c.status == "failed"]
    assert messages
    assert all("uses your predict(), which fails Task 3.5" in m for m in messages)
    assert not any("pass num_iterations" in m for m in messages)


def test_tasks_declare_the_functions_they_use():
    from autograder import units

    uses = {t.function: t.uses for t in units.get(UNIT).tasks}
    assert uses["optimize"] == ("propagate",) and uses["propagate"] == ("sigmoid",)
    assert uses["predict"] == ("sigmoid",)
    assert set(uses["model"]) == {"initialize_with_zeros", "optimize", "predict"}


def test_demo_reaches_the_stated_accuracy_and_writes_the_plot(tmp_path):
    report = demo.run(ref, tmp_path)
    d, stats = demo.train(ref)
    assert stats["m_train"] == 268 and stats["m_test"] == 89
    assert stats["train"] >= 99.0
    assert stats["test"] >= 97.0  # measured: 98.9 % (88 of 89)
    assert len(d["costs"]) == 20 and d["costs"][-1] < 0.05 < d["costs"][0]
    png = tmp_path / demo.PLOT_NAME
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000
    assert f"test {stats['test']:.1f} %" in report


def test_demo_with_the_stubs_says_not_implemented(tmp_path):
    stubs = load_impl(ROOT / "exercises" / "logistic_regression.py", "logistic_regression")
    with pytest.raises(NotImplementedError, match="Task 3.6"):
        demo.run(stubs, tmp_path)
    assert not (tmp_path / demo.PLOT_NAME).exists()


def test_a_changed_default_of_model_is_advice_not_points():
    """The course always passes num_iterations and learning_rate to model(): its defaults are
    never exercised, so another default costs nothing and is advised against."""
    task = _task(_changed("model", ("num_iterations: int = 2000", "num_iterations: int = 4000")),
                 "model")  # fmt: skip
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]
    assert any(
        "model()'s default num_iterations=4000 is not the course's" in a for a in task.advice
    ), task.advice


@pytest.mark.parametrize(
    ("function", "defaults"),
    [
        ("optimize", ("num_iterations: int = 100", "learning_rate: float = 0.009")),
        ("model", ("num_iterations: int = 2000", "learning_rate: float = 0.5")),
    ],
)
def test_a_signature_without_any_default_gets_full_marks(function, defaults):
    """The 2017 notebooks passed num_iterations, learning_rate and print_cost explicitly: a
    real optimize/model without a default for any of them ran there (print_cost too)."""
    changes = [(d, d.split(" = ")[0]) for d in defaults]
    changes.append(("print_cost: bool = False", "print_cost: bool"))
    task = _task(_changed(function, *changes), function)
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


def test_a_model_that_never_passes_print_cost_loses_the_print_check_with_a_broken_optimize():
    """Real code: model() called optimize(..., print_cost=False) and its optimize failed its
    own task, so the grader's optimize stood in and the print check was skipped (1 point)."""
    text = inspect.getsource(load_reference(UNIT))
    text = text.replace(
        "w, b, X_train, Y_train, num_iterations, learning_rate, print_cost\n",
        "w, b, X_train, Y_train, num_iterations, learning_rate, print_cost=False\n",
    )
    text = text.replace("w = w - learning_rate * dw", "w = w + learning_rate * dw")
    task = _task(text_submission(UNIT, text), "model")
    prints = next(c for c in task.checks if c.name == "prints")
    assert any("correct optimize() in place of yours" in n for n in task.check_notes)
    assert not prints.passed
    assert "calls optimize() with print_cost=False" in prints.message


def test_costs_recorded_and_printed_every_10_iterations_cost_the_values_not_the_prints():
    """One condition, i % 10 == 0, decides both what is recorded and what is printed: the
    values checks charge it; the print check holds the call to what it recorded (real code
    was told 'printed 25 lines but should print 25: iterations 0, 100, ..., 2400')."""
    every_10 = ("        if i % 100 == 0:\n            costs.append(cost)\n",
                "        if i % 10 == 0:\n            costs.append(cost)\n")  # fmt: skip
    task = _task(_changed("optimize", every_10), "optimize")
    checks = {c.name: c for c in task.checks}
    assert not checks["values"].passed and checks["uses_arguments"].passed  # charged once
    assert checks["prints"].passed, checks["prints"].message


def test_print_cost_reaching_a_replaced_optimize_is_read_by_the_students_own_parameters(
    tmp_path,
):
    """Real code: optimize(w, b, X, Y, num_iterations, learning_rate, l1_rate=0.0,
    print_cost=False), called by keyword. The sandbox's stand-in records the call bound to the
    student's parameters; read by the stub's order, l1_rate was taken for print_cost."""
    from autograder.engine import grade_path

    text = inspect.getsource(load_reference(UNIT))
    text = text.replace(
        "learning_rate: float = 0.009,\n    print_cost: bool = False,",
        "learning_rate: float = 0.009,\n    l1_rate=0.0,\n    print_cost: bool = False,",
    )
    text = text.replace(
        "w, b, X_train, Y_train, num_iterations, learning_rate, print_cost\n",
        "w, b, X_train, Y_train, num_iterations, learning_rate, l1_rate=0.0, "
        "print_cost=print_cost\n",
    )
    text = text.replace(  # a silent optimize: it fails its task, and model's print check
        '                print(f"Cost after iteration {i}: {float(cost):f}")',
        "                pass",
    )
    assert "l1_rate=0.0, print_cost=print_cost" in text and "l1_rate=0.0,\n" in text
    path = tmp_path / "logistic_regression.py"
    path.write_text(text)
    (result,) = grade_path(path, UNIT, tasks=["model"])
    task = result.tasks[0]
    assert any("correct optimize() in place of yours" in n for n in task.check_notes)
    prints = next(c for c in task.checks if c.name == "prints")
    assert prints.passed, prints.message


@pytest.mark.parametrize("db", ["np.sum(dZ, axis=1) / m", "np.sum(dZ, axis=1, keepdims=True) / m"])
def test_a_one_element_db_array_passes_the_older_asserts_and_costs_nothing(db):
    """2017-2020 asserted only db.dtype == float: db and the b it trains may be (1,) or (1, 1)."""
    sub = _changed("propagate", ("np.sum(dZ) / m", db), ('"db": float(db)', '"db": db'))
    for function in ("propagate", "optimize", "model"):
        task = _task(sub, function)
        assert all(c.passed for c in task.checks), [c.message for c in task.checks]
        assert any("not a number: the 2017-2020 notebooks accepted it" in a for a in task.advice)


def test_a_one_element_db_array_costs_the_kit_only_propagation_its_structure():
    source = inspect.getsource(load_reference("numpy_basics"))
    text = source.replace('"db": float(db)', '"db": np.array([db])')
    sub = text_submission("numpy_basics", text)
    task = grade_submission("numpy_basics", sub, tasks=["propagate_vectorized"]).tasks[0]
    failed = {c.name: c.message for c in task.checks if not c.passed}
    assert "structure" in failed and "is an array of shape (1,)" in failed["structure"], failed


@pytest.mark.parametrize(
    ("summed", "words"),
    [
        (", axis=1)", "np.sum(..., axis=1) of a (1, m) row"),
        (", axis=1, keepdims=True)", "keepdims"),
    ],
    ids=["axis_1", "keepdims"],
)
def test_a_one_entry_cost_array_is_named_by_how_its_shape_came(summed, words):
    """cost = -np.sum(..., axis=1) / m, shape (1,), was told to squeeze a (1, 1) np.dot
    (sweep 13 P4)."""
    source = inspect.getsource(load_reference("numpy_basics"))
    whole = "np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))"
    assert source.count(whole) == 1 and source.count(", float(cost)") == 1
    text = source.replace(whole, whole[:-1] + summed).replace(", float(cost)", ", cost")
    sub = text_submission("numpy_basics", text)
    task = grade_submission("numpy_basics", sub, tasks=["propagate_vectorized"]).tasks[0]
    failed = {c.name: c for c in task.checks if not c.passed}
    assert "structure" in failed and words in str(failed["structure"].hint), failed


def test_a_size_computed_from_a_notebook_variable_is_named_as_that_variable():
    """np.zeros(num_px * num_px * 3) in model: the NameError of num_px was told "writes a size
    as a number" (sweep 12 P6)."""
    line = "w, b = initialize_with_zeros(X_train.shape[0])"
    sub = _changed("model", (line, "w, b = np.zeros((num_px * num_px * 3, 1)), 0.0"))
    task = _task(sub, "model")
    hints = {str(c.hint) for c in task.checks if not c.passed}
    assert hints and all("writes a size as a number" not in h for h in hints), hints
    assert any("reads 'num_px'" in h and "a variable of the notebook" in h for h in hints), hints


def test_accuracy_lines_left_out_are_advice_and_a_wrong_one_costs_the_print_check():
    """The template prints the accuracies; the course's tests never read them."""
    train = '        print(f"train accuracy: {train_accuracy:.1f} %")\n'
    test = '        print(f"test accuracy: {test_accuracy:.1f} %")\n'
    task = _task(_changed("model", (train, ""), (test, "")), "model")
    assert all(c.passed for c in task.checks), [c.message for c in task.checks]
    advice = [a for a in task.advice if "accuracy line" in a]
    assert len(advice) == 2 and "costs nothing" in advice[0], task.advice
    wrong = ("np.abs(Y_prediction_test - Y_test)", "np.abs(Y_prediction_test)")
    failed = {
        c.name: c.message for c in _task(_changed("model", wrong), "model").checks if not c.passed
    }
    assert set(failed) == {"prints"} and "printed a wrong test accuracy" in failed["prints"]


def test_checks_against_the_students_own_code_give_nothing_for_doing_nothing():
    """Red team (round 7): propagate returning zero gradients and a constant cost passed the
    gradient check (zero is the slope of a constant), and optimize recording no cost and
    printing none passed prints (the costs it printed were those it recorded)."""
    text = inspect.getsource(load_reference("logistic_regression"))
    nothing = (
        "\n\ndef propagate(w, b, X, Y):\n"
        '    return {"dw": np.zeros_like(w), "db": 0.0}, 0.0\n'
        "\n\ndef optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):\n"
        '    return {"w": w, "b": b}, {"dw": np.zeros_like(w), "db": 0.0}, []\n'
    )
    result = grade_submission(
        "logistic_regression", text_submission("logistic_regression", text + nothing),
        tasks=["3.3", "3.4"],
    )  # fmt: skip
    checks = {(t.function, c.name): c for t in result.tasks for c in t.checks}
    gradcheck, prints = checks["propagate", "gradcheck"], checks["optimize", "prints"]
    assert gradcheck.status == "failed" and "does not change with w or b" in gradcheck.message
    assert prints.status == "failed", prints.message


@pytest.mark.parametrize("recorded", ["if True:", "if print_cost and i % 100 == 0:"])
def test_one_costs_recording_mistake_costs_optimize_its_values_check_only(recorded):
    # sweep 16 P2 (a real 2019 file): costs appended at every iteration failed values,
    # uses_arguments and hidden, 5 of 7 points, though w, b and the gradients were right
    text = (ROOT / "solutions" / "logistic_regression.py").read_text()
    right = "        if i % 100 == 0:\n            costs.append(cost)\n"
    assert text.count(right) == 1
    text = text.replace(right, f"        {recorded}\n            costs.append(cost)\n")
    result = grade_submission(UNIT, text_submission(UNIT, text), tasks=["3.4"])
    failed = [c.name for c in result.tasks[0].checks if not c.passed]
    assert failed == ["values"], result.tasks[0].checks


def test_costs_of_the_right_count_at_100_iterations_and_wrong_at_250_still_fail():
    # only the values' finding is left out: a count right on the course's example and wrong
    # with num_iterations = 250 is uses_arguments' own
    text = (ROOT / "solutions" / "logistic_regression.py").read_text()
    right = "        if i % 100 == 0:\n"
    text = text.replace(right, "        if i == 0:\n")
    result = grade_submission(UNIT, text_submission(UNIT, text), tasks=["3.4"])
    failed = {c.name for c in result.tasks[0].checks if not c.passed}
    assert "uses_arguments" in failed


def test_wrong_gradients_with_a_right_cost_are_not_told_about_the_cost():
    # msg sweep 16 M5.4: dZ = Z - Y (the gradient before the sigmoid) failed propagate's
    # values with "check the 1/m and both terms of the cost", though the cost was right
    text = (ROOT / "solutions" / "logistic_regression.py").read_text()
    start = text.index("def propagate(")
    right = "dZ = A - Y"
    at = text.index(right, start)
    z = "dZ = (np.dot(w.T, X) + b) - Y"
    text = text[:at] + z + text[at + len(right) :]
    result = grade_submission(UNIT, text_submission(UNIT, text), tasks=["3.3"])
    values = next(c for c in result.tasks[0].checks if c.name == "values")
    assert not values.passed
    assert "cost" not in (values.hint or ""), values.message


def test_a_model_printing_whatever_it_is_given_fails_with_optimize_replaced():
    """Sweep 17 P3: where a failing optimize() (it prints nothing) is replaced by the
    grader's, model() was held to passing print_cost=True on, never to passing False."""
    source = inspect.getsource(load_reference(UNIT))
    quiet_optimize = variant(
        "optimize",
        "probe",
        "probe",
        ('print(f"Cost after iteration {i}: {float(cost):f}")', "pass"),
    ).source(ref)
    always = variant(
        "model",
        "probe",
        "probe",
        ("num_iterations, learning_rate, print_cost\n", "num_iterations, learning_rate, True\n"),
    ).source(ref)
    result = grade_submission(
        UNIT, text_submission(UNIT, f"{source}\n\n{quiet_optimize}\n\n{always}")
    )
    tasks = {t.function: t for t in result.tasks}
    assert any(c.name == "prints" and not c.passed for c in tasks["optimize"].checks)
    prints = next(c for c in tasks["model"].checks if c.name == "prints")
    assert not prints.passed and "print_cost=False" in prints.message, prints.message
    assert "calls optimize() with print_cost=True" in prints.message


def test_a_notebook_run_of_model_that_raised_while_loading_costs_nothing(tmp_path):
    """Sweep 17 P4: ``model = model(train_set_x, ...)`` at the top level raised (no data) and
    model stayed the def; the text read as a rebinding cost calls_building_blocks."""
    source = inspect.getsource(load_reference(UNIT))
    run = "\n\nmodel = model(train_set_x, train_set_y, test_set_x, test_set_y, 2000, 0.005, True)\n"
    path = tmp_path / f"{UNIT}.py"
    path.write_text(source + run)
    (result,) = grade_path(path, tasks=["3.6"])
    (task,) = result.tasks
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


def test_a_random_start_is_no_sign_of_other_defaults():
    """Sweep 17 P11: a model with the course's defaults written, whose initialization draws
    random numbers, was told its defaults train otherwise (two unseeded calls differed)."""
    sub = _changed(
        "initialize_with_zeros", ("w = np.zeros((dim, 1))", "w = np.random.randn(dim, 1) * 0.01")
    )
    result = grade_submission(UNIT, sub, tasks=["3.6"])
    advice = [a for c in result.tasks[0].checks for a in c.advice] + result.tasks[0].advice
    assert not any("default" in a for a in advice), advice


def test_a_model_returning_its_initial_weights_is_charged_by_its_values_only():
    """msg 17 M5: a model predicting with the initial w and b (the lines reading params
    deleted) lost calls_building_blocks too: its short probe records one cost, the same for
    any data, so the result was said to compute nothing from its input."""
    sub = _changed("model", ('    w = params["w"]\n    b = params["b"]\n', ""))
    (task,) = grade_submission(UNIT, sub, tasks=["3.6"]).tasks
    failed = {c.name for c in task.checks if not c.passed}
    assert "values" in failed and "calls_building_blocks" not in failed, failed


def test_gradients_of_minus_the_cost_are_told_the_cost_sign():
    """msg 18 l10: the cost's minus left out, right dw and db: the gradient check said their
    relative error was 1.0, with its generic "same 1/m, same terms"."""
    change = ("cost = -np.sum(", "cost = np.sum(")
    task = _task(_changed("propagate", change), "propagate")
    (check,) = [c for c in task.checks if c.name == "gradcheck"]
    assert not check.passed and "derivatives of minus your cost" in check.message, check.message
