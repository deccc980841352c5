"""Unit 2 (numpy basics): the course's own forms get full marks, hints name what was seen."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from autograder import units
from autograder.engine import grade_submission, load_reference
from autograder.submission import Submission

UNIT = "numpy_basics"


def submission(code: str, drop: tuple[str, ...] = ()) -> Submission:
    """The reference with ``code`` appended (its defs replace the reference's) and ``drop`` gone."""
    ref = load_reference(UNIT)
    ns = {k: v for k, v in vars(ref).items() if k not in drop}
    exec(compile(code, "<student>", "exec"), ns)
    text = inspect.getsource(ref) + "\n\n" + code
    for name in drop:  # the student's file never defined it
        text = text.replace(f"def {name}(", f"def _gone_{name}(")
    return Submission(UNIT, ns, "course-style student", source_text=text)


def task_results(sub: Submission, *functions: str) -> dict:
    result = grade_submission(UNIT, sub, tasks=list(functions))
    return {t.function: t for t in result.tasks}


# The course's forms (2017-2021 notebooks): each correct by the course's standard.
COURSE_FORMS = """
def basic_sigmoid(x):
    return 1 / (1 + np.exp(-x))

def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s

def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds

def normalizeRows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / x_norm
    return x

def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    return x_exp / x_sum

def L1(yhat, y):
    return np.sum(abs(y - yhat))

def L2(yhat, y):
    return np.sum(np.dot(y - yhat, y - yhat))
"""


def test_the_course_forms_get_full_marks_and_the_kit_s_advice():
    tasks = task_results(
        submission(COURSE_FORMS, drop=("normalize_rows",)),
        *[t.function for t in units.get(UNIT).tasks if t.course],
    )
    lost = {f: t.score for f, t in tasks.items() if t.score != t.max_score}
    assert lost == {}
    assert any("Python float" in a for a in tasks["basic_sigmoid"].advice)
    assert any("overflow encountered in exp" in a for a in tasks["sigmoid"].advice)
    assert any("nan" in a for a in tasks["softmax"].advice)
    assert any(
        "normalizeRows() is the course's older name" in r
        for r in tasks["normalize_rows"].recognized
    )
    assert tasks["L1"].advice == [] and tasks["L2"].advice == []  # numpy floats: nothing to say
    assert tasks["sigmoid_derivative"].advice == []  # its sigmoid's warning is sigmoid's advice


def test_the_reference_gets_no_advice():
    tasks = task_results(submission(""), *[t.function for t in units.get(UNIT).tasks])
    assert {f: t.advice for f, t in tasks.items() if t.advice} == {}


def test_stability_advice_goes_only_to_a_function_right_on_ordinary_inputs():
    wrong = "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e, axis=0, keepdims=True)\n"
    task = task_results(submission(wrong), "softmax")["softmax"]
    assert task.score < task.max_score
    assert task.advice == []


@pytest.mark.parametrize("size", [12, 24, 20])
def test_a_size_written_as_a_number_is_named_whatever_the_number(size):
    code = f"def image2vector(image):\n    return image.reshape({size}, 1)\n"
    task = task_results(submission(code), "image2vector")["image2vector"]
    failed = [c for c in task.checks if not c.passed]
    assert failed
    assert all(f"image.reshape({size}, 1)" in c.message for c in failed)
    assert all(c.status == "failed" for c in task.checks if not c.passed)


def test_a_correct_function_with_numbers_in_it_gets_no_size_hint():
    code = "def image2vector(image):\n    return image.reshape(-1, 1)\n"
    task = task_results(submission(code), "image2vector")["image2vector"]
    assert task.score == task.max_score


@pytest.mark.parametrize(
    ("function", "code", "hint"),
    [
        ("sigmoid", "def sigmoid(x):\n    return 1 / (1 + math.exp(-x))\n", "calls math.exp"),
        (
            "sigmoid_derivative",
            "def sigmoid_derivative(x):\n    s = sigmoid(x)\n    return np.dot(s, 1 - s)\n",
            "uses np.dot, the matrix product",
        ),
    ],
)
def test_elementwise_functions_get_the_hint_for_what_their_source_calls(function, code, hint):
    task = task_results(submission(code), function)[function]
    failed = [c for c in task.checks if not c.passed]
    assert failed and all(c.status == "failed" for c in failed)
    assert any(hint in c.message for c in failed)
    assert not any("a missing .T" in c.message for c in failed)  # numpy's shapes, misread


@pytest.mark.parametrize(
    "value",
    ["np.zeros((x.shape[0], x.shape[0]))", "np.ones((7, 7))", "np.outer(x, x)", "float(x.sum())"],
)
def test_a_derivative_of_another_shape_is_a_shape_failure_never_a_grader_error(value):
    code = f"def sigmoid_derivative(x):\n    return {value}\n"
    task = task_results(submission(code), "sigmoid_derivative")["sigmoid_derivative"]
    gradcheck = next(c for c in task.checks if c.name == "gradcheck")
    assert gradcheck.status == "failed"
    assert "shape" in gradcheck.message or "type" in gradcheck.message


def test_the_kit_only_tasks_keep_the_kit_s_standard():
    u = units.get(UNIT)
    assert [t.id for t in u.tasks if not t.course] == ["2.9", "2.10"]
    assert u.task("2.10").uses == ("sigmoid",) and u.task("2.3").uses == ("sigmoid",)
    assert all(not c.name.startswith("large") for t in u.tasks if t.course for c in t.checks)


def test_extreme_inputs_are_exact_for_the_reference():
    ref = load_reference(UNIT)
    with np.errstate(over="raise", invalid="raise"):
        assert ref.sigmoid(np.array([-1000.0, 1000.0])).tolist() == [0.0, 1.0]
        assert ref.softmax(np.array([[1000.0, 1000.0]])).tolist() == [[0.5, 0.5]]


def test_a_loop_step_is_not_called_a_size():
    """Only a size written as a number is named: range(0, m, 2) skips examples but fixes no size."""
    ref = inspect.getsource(load_reference(UNIT).propagate_loops)
    code = ref.replace("for i in range(m):", "for i in range(0, m, 2):")
    assert code != ref
    task = task_results(submission(code), "propagate_loops")["propagate_loops"]
    failed = [c for c in task.checks if not c.passed]
    assert failed
    assert not any("writes a size as a number" in c.message for c in failed)


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("image.reshape(image.shape[0] * image.shape[1] * image.shape[2])", False),
        ("image.reshape(18, 1)", True),
    ],
    ids=["indices", "number"],
)
def test_an_index_of_a_shape_is_not_called_a_size(body, named):
    """``image.shape[2]`` reads a size from the argument: only ``reshape(18, 1)`` fixes one."""
    code = f"def image2vector(image):\n    return {body}\n"
    task = task_results(submission(code), "image2vector")["image2vector"]
    failed = [c for c in task.checks if not c.passed]
    assert failed and any("writes a size as a number" in c.message for c in failed) == named


@pytest.mark.parametrize(
    ("code", "loops"),
    [
        ("from scipy.special import expit as sigmoid", False),  # a library's: not read
        ("sigmoid = lambda z: np.array([1 / (1 + np.exp(-v)) for v in z.ravel()])", True),
        ("from scipy.special import expit as sigmoid\nsigmoid = lambda z: [v for v in z]", True),
        ("from scipy.special import expit\nsigmoid = expit", False),
        (
            "from scipy.special import expit as sigmoid\n"
            "exec('def sigmoid(z):\\n    return np.array([1 / (1 + np.exp(-v)) for v in z])')",
            True,
        ),
        ("EXP = np.exp\n\ndef sigmoid(z):\n    return 1 / (1 + EXP(-z))", False),
        (
            "_e = lambda v: np.array([np.exp(x) for x in v])\n\n"
            "def sigmoid(z):\n    return 1 / (1 + _e(-z))",
            True,
        ),
    ],
    ids=[
        "imported",
        "lambda",
        "imported_then_rebound",
        "imported_then_aliased",
        "exec",
        "library_alias",  # real code: read as "the source of EXP() could not be read"
        "alias_of_a_looping_lambda",
    ],
)
def test_no_loops_reads_every_function_the_vectorized_code_calls_but_a_library_s(code, loops):
    (check,) = [
        c for c in task_results(submission(code), "propagate_vectorized")[
            "propagate_vectorized"
        ].checks if c.name == "no_loops"
    ]  # fmt: skip
    assert (check.status == "failed") == loops, check.message


def test_basic_sigmoid_is_graded_on_the_courses_ints_and_a_float_only_advised():
    """Real code asserted type(x) == int: the course's tests pass ints (basic_sigmoid(3),
    x = 1), so it gets full marks; failing on 1.5 is advice."""
    code = (
        "import math\n\ndef basic_sigmoid(x):\n    assert type(x) == int\n"
        "    return 1 / (1 + math.exp(-x))\n"
    )
    task = task_results(submission(code), "basic_sigmoid")["basic_sigmoid"]
    assert task.score == task.max_score
    assert any("basic_sigmoid(1.5) does not give sigmoid(1.5)" in a for a in task.advice)


def test_sigmoid_grad_the_exercise_texts_name_is_graded_as_sigmoid_derivative():
    code = "def sigmoid_grad(x):\n    s = sigmoid(x)\n    return s * (1 - s)\n"
    task = task_results(submission(code, drop=("sigmoid_derivative",)), "sigmoid_derivative")
    assert task["sigmoid_derivative"].score == task["sigmoid_derivative"].max_score


LOOPS_BEHIND = {
    "default_argument": "def propagate_vectorized(w, b, X, Y, _impl=propagate_loops):\n"
    "    return _impl(w, b, X, Y)\n",
    "top_level_alias": "_impl = propagate_loops\n\n"
    "def propagate_vectorized(w, b, X, Y):\n    return _impl(w, b, X, Y)\n",
    "local_alias": "def propagate_vectorized(w, b, X, Y):\n"
    "    f = propagate_loops\n    return f(w, b, X, Y)\n",
    "map": "def propagate_vectorized(w, b, X, Y):\n"  # red team: a loop written as a call
    "    m = X.shape[1]\n"
    "    A = np.array(list(map(lambda i: sigmoid(w.T @ X[:, i] + b), range(m)))).reshape(1, m)\n"
    "    dZ = A - Y\n"
    "    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n"
    '    return {"dw": X @ dZ.T / m, "db": float(np.sum(dZ) / m)}, float(cost)\n',
}


@pytest.mark.parametrize("how", sorted(LOOPS_BEHIND))
def test_the_loop_version_reached_by_another_name_is_not_vectorized(how):
    text = load_reference(UNIT).__file__
    with open(text) as f:
        source = f.read() + "\n\n" + LOOPS_BEHIND[how]
    ns: dict = {"__name__": "__student__"}
    exec(compile(source, "<student>", "exec"), ns)  # noqa: S102
    sub = Submission(UNIT, ns, "student", source_text=source)
    task = grade_submission(UNIT, sub, tasks=["propagate_vectorized"]).tasks[0]
    failed = {c.name for c in task.checks if not c.passed}
    assert failed == {"no_loops"}, [c.message for c in task.checks]


def test_a_known_mistake_in_an_accepted_form_is_named():
    """Real code: the course's softmax without the max subtraction, divided by sum(x)."""
    code = (
        "def softmax(x):\n    x_exp = np.exp(x)\n"
        "    return x_exp / np.sum(x, axis=1, keepdims=True)\n"
    )
    task = task_results(submission(code), "softmax")["softmax"]
    failed = [c.message for c in task.checks if not c.passed]
    assert failed and all("divides by the row sums of x instead of" in m for m in failed), failed


def test_a_stable_sigmoid_branching_at_the_wrong_point_costs_sigmoid_alone():
    """np.where(x >= 1, ...) is wrong only on (0, 1): no visible input of sigmoid lay there, so
    it cost propagate_loops and propagate_vectorized instead (the mutation sweep)."""
    from .helpers import ROOT, text_submission

    text = (ROOT / "solutions" / f"{UNIT}.py").read_text()
    right = "s = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))"
    result = grade_submission(
        UNIT, text_submission(UNIT, text.replace(right, right.replace("0,", "1,", 1)))
    )
    lost = {
        (t.function, c.name): c.max_score - c.score
        for t in result.tasks
        for c in t.checks
        if not c.passed
    }
    assert lost == {("sigmoid", "values"): 2.0, ("sigmoid", "hidden"): 3.0}
    (values,) = [
        c for t in result.tasks for c in t.checks if (t.function, c.name) == ("sigmoid", "values")
    ]
    assert "sigmoid(x) does not match the expected values" in values.message
