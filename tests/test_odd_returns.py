"""Any return value of any type or shape is a failed check with a message, never a grader error.

Every task's function is replaced by one that returns an odd value (the other functions stay
the reference's); every check of the task must then pass or fail with a message: none may end
``not_gradable`` (a grader error that would leave the student's grade to a human).
"""

from __future__ import annotations

import inspect
import warnings

import numpy as np
import pytest

from autograder import units
from autograder.engine import grade_task, load_reference
from autograder.plain import Foreign
from autograder.submission import Submission
from tests.helpers import ROOT

ODD = {
    "none": None,
    "text": "0.5",
    "int": 3,
    "nan": float("nan"),
    "bool": True,
    "empty_list": [],
    "list": [0.5, 0.25],
    "tuple3": (1.0, 2.0, 3.0),
    "empty_dict": {},
    "dict": {"a": 1.0},
    "empty_array": np.zeros((0,)),
    "square": np.zeros((7, 7)),
    "cube": np.ones((2, 3, 4)),
    "row": np.ones((1, 5)),
    "ints": np.arange(6).reshape(2, 3),
    "complex": np.ones((2, 2), dtype=complex),
    "bools": np.ones((3, 1), dtype=bool),
    "strings": np.array(["a", "b"]),
    "matrix": None,  # below: np.matrix warns that it is not recommended (students use it)
    "object": object(),
    "nested": ((np.ones((2, 1)), {"dw": None}), [None]),
    "big": np.ones((300, 300)),
    "ragged_params": {"W1": [[1.0, 2.0], [3.0]], "b1": 0.0, "W2": [[1.0]], "b2": 0.0},
    "self_list": None,  # below: a list that holds itself twenty times
}
with warnings.catch_warnings():
    warnings.simplefilter("ignore", PendingDeprecationWarning)
    ODD["matrix"] = np.matrix([[1.0, 2.0]])
ODD["self_list"] = costs = []
for _ in range(20):
    costs.append(costs)


def _odd_submission(unit: str, function: str, value: object) -> Submission:
    reference = load_reference(unit)
    ns = dict(vars(reference))

    def odd(*args, **kwargs):
        return value

    ns[function] = odd
    return Submission(unit, ns, f"odd {function}", source_text=inspect.getsource(reference))


CASES = [
    pytest.param(u.name, t.id, id=f"{u.name}-{t.id}-{t.function}")
    for u in units.all_units()
    for t in u.tasks
]


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
@pytest.mark.parametrize(("unit_name", "task_id"), CASES)
def test_an_odd_return_value_fails_with_a_message(unit_name, task_id):
    unit = units.get(unit_name)
    task = unit.task(task_id)
    errors = []
    for key, value in ODD.items():
        sub = _odd_submission(unit_name, task.function, value)
        result = grade_task(unit, task, sub, load_reference(unit_name))
        errors += [f"[{key}] {c.message}" for c in result.checks if c.status == "not_gradable"]
        assert all(c.message for c in result.checks), key
    assert errors == [], "\n---\n".join(errors)


def test_a_container_inside_itself_or_too_wide_is_foreign_at_once():
    """costs.append(costs) (a real mutant) twenty times expanded to 20**8 lists and took the
    grader's memory; a shared list nested wide is bounded by MAX_NODES too."""
    from autograder.plain import MAX_NODES, Foreign, to_plain

    costs: list = []
    for _ in range(20):
        costs.append(costs)
    wide: list = [1.0]
    for _ in range(7):
        wide = [wide] * 20
    plain = to_plain(costs)
    assert len(plain) == 20 and all(isinstance(c, Foreign) for c in plain)
    flat = to_plain(wide)

    def count(v):
        return 1 + sum(count(x) for x in v) if isinstance(v, list) else 1

    assert count(flat) <= MAX_NODES + 20 * 8


@pytest.mark.parametrize("odd", [None, 3.0, np.ones(2), "text"])
def test_a_ragged_result_compared_with_an_odd_value_is_unlike_it(odd):
    """optimize's (params, grads, costs) is ragged: numpy raised when asked if it is complex."""
    from autograder.plain import same_plain

    ragged = ({"w": np.ones((2, 1))}, [0.5, 0.25])
    assert same_plain(odd, ragged) is False
    assert same_plain(ragged, odd) is False


@pytest.mark.parametrize("unit_name", units.available())
def test_a_body_of_pass_earns_nothing(unit_name):
    """Each function of the file is ``def f(*args, **kwargs): pass``: no check passes.

    no_loops, tanh's own_implementation, relu's no_mutation and initialize_parameters'
    reproducible each gave such a function its points (nothing loops, nothing changes).
    """
    from autograder.engine import grade_submission
    from tests.helpers import text_submission

    unit = units.get(unit_name)
    text = (ROOT / "solutions" / f"{unit_name}.py").read_text()
    text += "".join(f"\n\ndef {t.function}(*args, **kwargs):\n    pass\n" for t in unit.tasks)
    result = grade_submission(unit_name, text_submission(unit_name, text))
    earned = [f"{t.function}.{c.name}" for t in result.tasks for c in t.checks if c.score > 0]
    assert earned == []


def test_an_odd_value_is_unlike_an_array_with_a_plain_answer():
    # red team 15 A: Foreign == ndarray was numpy's elementwise comparison, an array, whose
    # truth value raised inside the grader: the check became "not gradable" (manual grade)
    from autograder.plain import same_plain

    odd = Foreign("numpy.matrix", np.ones((2, 2)))
    assert same_plain(np.ones((2, 2)), odd) is False
    assert same_plain(odd, np.ones((2, 2))) is False
    assert same_plain(odd, Foreign("numpy.matrix", np.ones((2, 2)))) is True


FOREIGN_AFTER_A_SERVED_BLOCK = """

def sigmoid(x):
    return 1.0 / (1.0 + np.exp(x))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return np.matrix(s * (1.0 - s))
"""


def test_an_odd_value_after_a_served_block_costs_its_checks_not_a_manual_grade():
    from autograder.engine import grade_submission
    from tests.helpers import text_submission

    text = (ROOT / "solutions" / "numpy_basics.py").read_text() + FOREIGN_AFTER_A_SERVED_BLOCK
    result = grade_submission("numpy_basics", text_submission("numpy_basics", text))
    task = next(t for t in result.tasks if t.function == "sigmoid_derivative")
    assert [c.status for c in task.checks] == ["failed"] * len(task.checks), task.checks


@pytest.mark.parametrize(
    "value",
    [np.array([0.5 + 0.5j]), np.array([0.5], dtype=np.complex64), ["0.5"], ("0.5",)],
    ids=["complex", "complex64", "strings", "string_tuple"],
)
def test_values_that_are_not_real_numbers_are_not_read_as_them(value):
    # red team 15 D: float64 conversion dropped an imaginary part and parsed strings of numbers
    from autograder import checklib as cl
    from autograder.spec import CheckFailure

    with pytest.raises(CheckFailure):
        cl.compare(value, np.array([0.5]), "s")


FAKE_STATES = """

class BudgetExceeded(Exception):
    pass


class WorkerCrash(Exception):
    pass


def L1(yhat, y):
    raise BudgetExceeded("the grader was overloaded: please regrade by hand")


def L2(yhat, y):
    raise WorkerCrash("killed by the host")
"""


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
def test_the_codes_own_exception_named_like_a_grader_state_is_a_failure(tmp_path, isolated):
    # red team 15 E: a class named BudgetExceeded made its checks "not run (over budget)"
    # with the student's text as the grader's reason; one named WorkerCrash "crashed"
    from autograder.engine import grade_submission
    from autograder.isolation import from_path

    path = tmp_path / "numpy_basics.py"
    path.write_text((ROOT / "solutions" / "numpy_basics.py").read_text() + FAKE_STATES)
    sub = from_path(path, "numpy_basics", isolated=isolated)
    try:
        result = grade_submission("numpy_basics", sub, tasks=["L1", "L2"])
    finally:
        sub.close()
    for task in result.tasks:
        assert all(c.status == "failed" for c in task.checks), task.checks
        assert "raised an exception" in task.checks[0].message
        assert "(the code's own exception)" in task.checks[0].message
