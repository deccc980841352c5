"""Source checks read the text, and the code read must be the code that runs (red team 8, 9).

Each file of ``tests/source_checks/`` is appended to a unit's reference (a later ``def``
replaces the earlier one). The ``forge_*`` files put a wrong ``def`` in the text and make the
name run other code with constructs no reading of the text refuses (a literal ``getattr``, a
string annotation evaluated by ``typing``, a statement run by ``timeit``), and forge the
worker's report of what each name runs: only running the code read alone shows it. The others
hide what the checked function does inside its own code. Code that reaches into the
interpreter anywhere else costs nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from autograder.engine import grade_submission
from autograder.isolation import Limits, from_path

ROOT = Path(__file__).resolve().parents[1]
FAST = Limits(call_timeout=5.0)

TANH = ("shallow_network", "4.3", "own_implementation")
LOOPS = ("numpy_basics", "2.10", "no_loops")
MODEL = ("logistic_regression", "3.6", "calls_building_blocks")
RUNS = "is not the code the grader read"
#: ``{file: ((unit, task, check), piece of its message, whether it patches the worker's own
#: modules, so that it runs in the sandbox only)}``.
#: What a source check says of a submission that patches what the code read calls (red
#: team 17 F8): the attacks above that patch numpy to tell the grader's calls apart say it too.
PATCHED = "changes a module the grader reads as it is"
CASES = {
    "forge_getattr_literal.py": (TANH, RUNS, True),
    "forge_type_hints.py": (TANH, RUNS, True),
    "forge_timeit.py": (TANH, RUNS, True),
    "forge_loops_frame.py": (LOOPS, RUNS, True),
    "tanh_reduce_getattr.py": (TANH, "getattr as a value", False),
    "tanh_ufunc_domain.py": (TANH, "a function found at run time", False),
    "tanh_complex_tangent.py": (TANH, "uses np.tan (line", False),
    "loops_recursion.py": (LOOPS, "loops by recursion", False),
    "loops_sorted_key.py": (LOOPS, "sorted(), a loop by a call", False),
    "loops_accumulate.py": (LOOPS, "accumulate(), a loop by a call", False),
    "model_dead_branch.py": (MODEL, "does not call optimize()", False),
    "model_local_shadow.py": (MODEL, "does not call optimize()", False),
    # red team 10: the comparison's own seeded calls told apart, code handed to a call,
    # a stub that only raises
    "forge_seeded_probe.py": (LOOPS, PATCHED, True),
    "forge_seeded_tanh.py": (TANH, PATCHED, True),
    "loops_groupby_key.py": (LOOPS, "a loop by a call", False),
    "loops_self_applied_lambda.py": (LOOPS, "a loop by a call", False),
    "loops_raising_stub.py": (LOOPS, "no result to check\n  propagate_vectorized() ret", False),
    "model_results_unused.py": (MODEL, "does not use what it returns", False),
    # red team 11: the answers to the public inputs as a table in the code read (np.tanh at
    # run time), and a recursion through a list holding the function
    "forge_answer_table_tanh.py": (TANH, PATCHED, True),
    "loops_answer_table.py": (LOOPS, "it holds answers for the inputs it was shown", False),
    "loops_recursion_box.py": (LOOPS, "step(), a loop by a call", False),
    # indices written out are not a few values: they walk examples
    "loops_over_written_indices.py": (LOOPS, "contains a Python loop (for on line", False),
    # red team 12: a block setting a read constant also patched numpy (run alone, unread);
    # loops through written-out values nested, or through a list grown by list.extend; a
    # class's iterator or self-recursing method
    "forge_block_patch_tanh.py": (TANH, "uses np.tanh", True),
    "forge_block_patch_loops.py": (LOOPS, "contains a Python loop", True),
    "loops_nested_written_out.py": (LOOPS, "contains a Python loop (for on line", False),
    "loops_list_extended.py": (LOOPS, "contains a Python loop (for on line", False),
    "loops_class_iterator.py": (LOOPS, "defines __iter__(): iterating it is a loop", False),
    "loops_class_recursion.py": (LOOPS, "calls itself: a loop by recursion", False),
    # red team 17 F8: numpy patched at the top level with code giving the same numbers (in
    # the sandbox only: in process the patch would stay in the tests' own numpy)
    "loops_patched_numpy.py": (LOOPS, f"{PATCHED}: np.dot", True),
    "tanh_patched_numpy.py": (TANH, f"{PATCHED}: np.exp", True),
    # red team 17 F2: a lambda bound to a local name, or in a class body, calling itself
    "loops_lambda_recursion.py": (LOOPS, "_r() calls itself", False),
    "loops_class_lambda_recursion.py": (LOOPS, "the method _Acc.step() calls itself", False),
    "loops_call_self.py": (LOOPS, "the method _Acc.__call__() calls itself", False),
    # a name no statement binds is not read (a star import's): the code run alone lacks it
    "loops_injected_global.py": (LOOPS, "calls _hidden() (line", False),
    # code handed to a function of its own that hands it back, or hands it on to itself
    "loops_handed_back.py": (LOOPS, "run(), a loop by a call", False),
    "loops_handed_on.py": (LOOPS, "a loop by a call", False),
    # a step returned by a helper and given itself
    "loops_returned_step.py": (LOOPS, "s(), a loop by a call", False),
    # red team 13: names imported in a try/if block were a library's, a fallback def never
    # read; an if test that patched numpy ran unread with the code run alone
    "tanh_block_import.py": (TANH, "uses _t (= numpy.tanh)", False),
    "tanh_block_fallback.py": (TANH, "calls _t(), which uses np.tanh", False),
    "loops_block_fallback.py": (LOOPS, "calls _walk(), which contains a Python loop", False),
    "forge_block_test_tanh.py": (TANH, PATCHED, True),
    # a class's own tanh is read as the student's (sweep 16's honest static method); numpy's
    # bound over it in the class body is seen, and set on it from outside, run alone, differs
    "tanh_class_numpy_attribute.py": (TANH, "uses np.tanh (line", False),
    "forge_class_patched_tanh.py": (TANH, "which uses np.tanh (line", False),
    "forge_class_setter_tanh.py": (TANH, RUNS, False),
    # functools.partial of constants is followed as its function (sweep 16's honest form)
    "loops_partial_map.py": (LOOPS, "a loop by a call", False),
    "loops_partial_own_loop.py": (LOOPS, "contains a Python loop (for on line", False),
    # red team 16: numpy runs text (np.testing.measure, runstring); a step handed to numpy's
    # printer as an object's method or as a parameter's default
    "loops_numpy_measure_loop.py": (LOOPS, "uses .measure, which can change", False),
    "loops_numpy_runstring_loop.py": (LOOPS, "uses .runstring, which can change", False),
    "tanh_numpy_measure_tanh.py": (TANH, "uses .measure, which can change", False),
    "tanh_numpy_runstring_tanh.py": (TANH, "uses .runstring, which can change", False),
    "loops_formatter_method.py": (LOOPS, "array2string(), a loop by a call", False),
    "loops_formatter_default.py": (LOOPS, "array2string(), a loop by a call", False),
    "forge_block_test_loops.py": (LOOPS, PATCHED, True),
    # red team 13: a loop or np.tanh behind what no reading follows (a loop function under
    # another name, text run by cProfile, a dict of functions, a default argument, a name
    # found by string.Formatter), recursion in a nested def, a class's special method or
    # property, written-out values that walk the examples
    "loops_nested_recursion.py": (LOOPS, "loops by recursion: step() calls itself", False),
    "loops_dict_recursion.py": (LOOPS, "calls _T['go'](), a function taken out of data", False),
    "loops_alias_map.py": (LOOPS, "calls _M() (= map)", False),
    "loops_shadowed_helper.py": (LOOPS, "calls _apply() (also = map)", False),
    "loops_profiled_text.py": (LOOPS, "cProfile.Profile().runctx(), from a module", False),
    "loops_class_eq.py": (LOOPS, "defines __eq__, which Python may call once per item", False),
    "loops_property_recursion.py": (LOOPS, "_Walk.total() calls itself", False),
    "loops_shape_of_made_array.py": (LOOPS, "contains a Python loop (for on line", False),
    "loops_written_out_split.py": (LOOPS, "contains a Python loop (for on line", False),
    "tanh_formatter_lookup.py": (TANH, "has the default value string.Formatter()", False),
    "tanh_default_lookup.py": (TANH, "has the default value next(", False),
    # the blocks' results put in an extra key of a result made inline
    "model_blocks_in_extra_key.py": (MODEL, "returned the same result under 'costs'", False),
    # red team 14: a lookup handed to a helper that calls it, map bound by an annotated
    # assignment, an array of Python objects, a dunder defined in a block of the class body
    "tanh_handed_lookup.py": (TANH, "to _apply(), which calls it", False),
    "loops_annotated_map.py": (LOOPS, "a loop by a call", False),
    "loops_object_array.py": (LOOPS, "which numpy may call once per item", False),
    "loops_class_block_dunder.py": (LOOPS, "defines __getitem__(): iterating it is a loop", False),
    # a function of its own as a default is followed (activation=sigmoid): through it, back
    # to its def, is recursion
    "loops_default_recursion.py": (LOOPS, "loops by recursion: step() calls itself", False),
    # red team 15: an array of objects made without dtype=object (a list of them, np.full),
    # whose method numpy's exp calls once per item
    "loops_object_array_implicit.py": (LOOPS, "defines exp, which numpy may call once", False),
    # red team 15 H: str([obj] * m) calls the object's __repr__ once per item
    "loops_class_repr.py": (LOOPS, "defines __repr__, which Python may call once per item", False),
    # red team 15 F: a constant answer computes nothing, and earned the source check
    "loops_constant.py": (LOOPS, "whatever the values of its input", False),
    "tanh_constant.py": (TANH, "whatever the values of its input", False),
    # red team 16 C: the table with db of another form fails structure, and kept no_loops
    "loops_answer_table_wrong_form.py": (LOOPS, "holds answers for the inputs it was shown", False),
    "loops_moves_with_w_only.py": (LOOPS, "whatever the values of its input X", False),
}
#: Checks these files fail besides the targeted one, as they should: the inline copies of
#: model print no costs.
ALSO = {
    "model_dead_branch.py": {"prints"},
    "model_local_shadow.py": {"prints"},
    "loops_raising_stub.py": {"structure", "values", "agrees_with_loops", "hidden"},
    "loops_answer_table.py": {"hidden"},
    # every call of a source-checked function is seeded now: the switch on "a seeded call"
    # answers every call with the code read's error
    "forge_seeded_probe.py": {"agrees_with_loops", "hidden"},
    "forge_seeded_tanh.py": {"shape", "values"},
    # its discarded predict call has the untrained w, which the values check names
    "model_results_unused.py": {"values"},
    "loops_constant.py": {"values", "agrees_with_loops", "hidden"},
    "tanh_constant.py": {"values", "large_inputs"},
    "loops_answer_table_wrong_form.py": {"structure", "hidden"},
    "loops_moves_with_w_only.py": {"values", "agrees_with_loops", "hidden"},
}


def _task(tmp_path: Path, unit: str, task_id: str, extra: str, isolated: bool):
    path = tmp_path / f"{unit}.py"
    path.write_text((ROOT / "solutions" / f"{unit}.py").read_text() + "\n\n" + extra)
    sub = from_path(path, unit, isolated=isolated, limits=FAST if isolated else None)
    try:
        return grade_submission(unit, sub, tasks=[task_id]).tasks[0]
    finally:
        sub.close()


def _cases() -> list:
    out = []
    for name, (*_, sandbox_only) in CASES.items():
        modes = [True] if sandbox_only else [True, False]
        out += [
            pytest.param(name, m, id=f"{name[:-3]}-{'sandbox' if m else 'in_process'}")
            for m in modes
        ]
    return out


#: The body of a loop over examples, which the ``loops_*`` files call one example at a time.
STEP = (ROOT / "tests" / "source_checks" / "_example_step.py").read_text()


@pytest.mark.parametrize(("name", "isolated"), _cases())
def test_what_the_check_reads_is_what_runs(tmp_path, name, isolated):
    (unit, task_id, check), piece, _ = CASES[name]
    extra = (ROOT / "tests" / "source_checks" / name).read_text()
    extra = (STEP + "\n\n" if name.startswith("loops_") else "") + extra
    task = _task(tmp_path, unit, task_id, extra, isolated)
    failed = {c.name: c for c in task.checks if not c.passed}
    assert check in failed and piece in failed[check].message, failed.get(check)
    assert set(failed) - {check} == ALSO.get(name, set()), failed


#: Code that reaches into the interpreter, outside every function a source check reads (real
#: notebooks: reloading a helper, pickling the parameters, a leftover pdb, skipping a cell's
#: training when it ran before; red team, round 9).
ELSEWHERE = """
import gc, importlib, inspect, pdb, pickle, sys
import builtins
_tables = (sys.modules, vars(np), getattr(sys, "modules"), inspect.isfunction)
if "parameters" not in globals():
    gc.collect()
"""


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
@pytest.mark.parametrize("unit", ["numpy_basics", "logistic_regression", "shallow_network"])
def test_reaching_into_the_interpreter_elsewhere_costs_nothing(tmp_path, unit, isolated):
    path = tmp_path / f"{unit}.py"
    path.write_text((ROOT / "solutions" / f"{unit}.py").read_text() + ELSEWHERE)
    sub = from_path(path, unit, isolated=isolated, limits=FAST if isolated else None)
    try:
        result = grade_submission(unit, sub)
    finally:
        sub.close()
    assert result.score == result.max_score, [
        (t.function, c.name, c.message) for t in result.tasks for c in t.checks if not c.passed
    ]


#: An honest tanh reading a constant set otherwise than by a top-level ``=`` (red teams 11,
#: 12: the code run alone lacked it, and the check said the code was patched).
SET_OTHERWISE = {
    "filled_by_a_def": "CONST = {}\n\n\ndef _fill():\n    CONST['two'] = 2.0\n\n\n_fill()\n"
    "TWO = CONST['two']\n",
    "if": "if True:\n    TWO = 2.0\nelse:\n    TWO = 2.0\n",
    "global_in_setup": "def _setup():\n    global TWO\n    TWO = 2.0\n\n\n_setup()\n",
    "method": "TWO = {}\nTWO.update(two=2.0)\nTWO = TWO['two']\n",
    "for": "COEF = []\nfor _k in (1.0, 2.0):\n    COEF.append(_k)\nTWO = COEF[1]\n",
    "namedtuple": "from collections import namedtuple\n\nParams = namedtuple('Params', 'two')\n"
    "TWO = Params(two=2.0).two\n",
    "star_import": "from numpy import *  # noqa: F403\n\nTWO = float(sqrt(4.0))\n",
}
HONEST_TANH = "\n\ndef tanh(z):\n    e = np.exp(-TWO * np.abs(z))\n"
HONEST_TANH += "    return np.sign(z) * (1 - e) / (1 + e)\n"


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
@pytest.mark.parametrize("how", list(SET_OTHERWISE))
def test_globals_the_code_reads_set_otherwise_are_set_when_it_runs_alone(tmp_path, how, isolated):
    task = _task(tmp_path, *TANH[:2], "\n" + SET_OTHERWISE[how] + HONEST_TANH, isolated)
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


def test_honest_slow_code_is_not_failed_for_the_second_run_of_it(tmp_path):
    # red team 11: propagate_vectorized taking 0.3 s a call, with a 4 s budget: the run of the
    # code read alone timed out on the budget's remainder and the check said it was patched
    text = (ROOT / "solutions" / "numpy_basics.py").read_text()
    line = "    m = X.shape[1]\n    A = sigmoid(np.dot(w.T, X) + b)\n"
    assert text.count(line) == 1
    path = tmp_path / "numpy_basics.py"
    path.write_text(text.replace(line, "    time.sleep(0.3)\n" + line) + "\nimport time\n")
    sub = from_path(path, "numpy_basics", limits=Limits(call_timeout=5.0, submission_budget=4.0))
    try:
        task = grade_submission("numpy_basics", sub, tasks=["2.10"]).tasks[0]
    finally:
        sub.close()
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


#: A vectorized propagation: the code before it, its A, and the lines that make its grads.
VECTORIZED = """
{}
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = {}
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dZ = A - Y
{}    return {{"dw": grads["dw"], "db": float(grads["db"])}}, cost
"""
SIGMOID_A = "1 / (1 + np.exp(-(w.T @ X + b)))"
GRADS = "    grads = {'dw': X @ dZ.T / m, 'db': np.sum(dZ) / m}\n"

#: Vectorized propagations whose only loop walks a few values the code writes out (sweep 13).
WRITTEN_OUT = {
    "dict_comprehension": "    raw = {'dw': X @ dZ.T, 'db': np.sum(dZ)}\n"
    "    grads = {k: v / m for k, v in raw.items()}\n",
    "debug_loop": GRADS + "    for key in grads:\n        print(key, np.shape(grads[key]))\n",
    "assert_generator": "    assert all(d > 0 for d in X.shape), 'empty data'\n" + GRADS,
    "map_over_results": "    dw, db = map(lambda t: t / m, (X @ dZ.T, np.sum(dZ)))\n"
    "    grads = {'dw': dw, 'db': db}\n",
}


@pytest.mark.parametrize("how", list(WRITTEN_OUT))
def test_a_loop_through_a_few_values_written_out_is_not_a_loop_over_examples(tmp_path, how):
    code = VECTORIZED.format("", SIGMOID_A, WRITTEN_OUT[how])
    task = _task(tmp_path, *LOOPS[:2], code, False)
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


#: Vectorized propagations that hand a function to a helper of their own which only calls it
#: (red team 12, E: "a loop by a call"): the helpers, and A.
HANDED = {
    "positional": (
        "def _layer(X, w, b, g):\n    return g(w.T @ X + b)\n\n\n"
        "def _act(z):\n    return 1 / (1 + np.exp(-z))\n",
        "_layer(X, w, b, _act)",
    ),
    "keyword_lambda": (
        "def _layer(X, w, b, *, g):\n    return g(w.T @ X + b)\n",
        "_layer(X, w, b, g=lambda z: 1 / (1 + np.exp(-z)))",
    ),
    "tested": (  # red team 13, K
        "def _layer(X, w, b, g=None):\n    assert g is None or callable(g)\n"
        "    z = w.T @ X + b\n    return z if g is None else g(z)\n",
        "_layer(X, w, b, lambda z: 1 / (1 + np.exp(-z)))",
    ),
}


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
@pytest.mark.parametrize("how", list(HANDED))
def test_a_function_handed_to_a_helper_that_calls_it_is_not_a_loop(tmp_path, how, isolated):
    task = _task(tmp_path, *LOOPS[:2], VECTORIZED.format(*HANDED[how], GRADS), isolated)
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


#: numpy imported in a block (red team 12: every np call of the file was then read as the
#: checked function's, np.tanh of forward_propagation included).
IMPORT_BLOCKS = {
    "try_print": "try:\n    import numpy as np\nexcept ImportError:\n"
    "    print('This notebook needs numpy: pip install numpy')\n    raise\n",
    "with": "import warnings\n\nwith warnings.catch_warnings():\n"
    "    warnings.simplefilter('ignore')\n    import numpy as np\n",
    "raise_and_constant": "try:\n    import numpy as np\n    TWO = 2.0\nexcept ImportError:\n"
    "    raise ImportError('pip install numpy')\n",
}


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
@pytest.mark.parametrize("how", list(IMPORT_BLOCKS))
def test_numpy_imported_in_a_block_is_an_import(tmp_path, how, isolated):
    text = (ROOT / "solutions" / "shallow_network.py").read_text()
    assert text.count("\nimport numpy as np\n") == 1
    path = tmp_path / "shallow_network.py"
    path.write_text(text.replace("\nimport numpy as np\n", "\n" + IMPORT_BLOCKS[how]))
    sub = from_path(path, "shallow_network", isolated=isolated, limits=FAST if isolated else None)
    try:
        result = grade_submission("shallow_network", sub)
    finally:
        sub.close()
    assert result.score == result.max_score, [
        (t.function, c.name, c.message) for t in result.tasks for c in t.checks if not c.passed
    ]


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
def test_a_fallback_def_in_a_block_of_imports_is_read_as_the_students(tmp_path, isolated):
    """try: from scipy.special import expit / except ImportError: def expit(x): ... (red
    teams 12, 13: it was a library's, then unread, then a false reject)."""
    block = "try:\n    from scipy.special import expit\nexcept ImportError:\n"
    block += "    def expit(z):\n        return 1 / (1 + np.exp(-z))\n"
    code = VECTORIZED.format(block, "expit(w.T @ X + b)", GRADS)
    task = _task(tmp_path, *LOOPS[:2], code, isolated)
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "in_process"])
def test_a_wrong_block_costs_only_its_own_task(tmp_path, isolated):
    """A wrong sigmoid (Task 2.2): the code read, run alone, calls the same sigmoid (and the
    same stand-ins) as the submission's propagate_vectorized, so no_loops does not charge
    sigmoid's bug again."""
    text = (ROOT / "solutions" / "numpy_basics.py").read_text()
    line = "    s = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n"
    assert text.count(line) == 1
    path = tmp_path / "numpy_basics.py"
    path.write_text(text.replace(line, line.rstrip("\n") + " * 0.9\n"))
    sub = from_path(path, "numpy_basics", isolated=isolated, limits=FAST if isolated else None)
    try:
        result = grade_submission("numpy_basics", sub)
    finally:
        sub.close()
    failed = [(t.function, c.name) for t in result.tasks for c in t.checks if not c.passed]
    assert failed == [("sigmoid", "values"), ("sigmoid", "hidden")]


def _aliases_and_handings(k: int) -> list:
    """The code read of a function with ``k`` aliases of a function, in a chain written
    backwards, and ``k`` handings of it to a helper (red team 13)."""
    from autograder.checklib import OwnCode

    lines = ["def pv(w, b, X, Y):"] + [f"    a{i} = a{i - 1}" for i in range(k, 0, -1)]
    lines += ["    a0 = sigmoid"] + ["    _h(a0, 0.0)"] * k + ["    return a1"]
    source = (
        "\n".join(lines)
        + "\n\n\ndef _h(g, x):\n    return g(x)\n\n\ndef sigmoid(z):\n    return z\n"
    )
    return [OwnCode(f.name, f) for f in ast.parse(source).body]


def test_reading_code_values_grows_with_the_code_not_its_square(monkeypatch):
    """A chain of aliases made the grader's reading take 154 s for 300 (red team 13)."""
    from autograder import checklib

    counted = []
    holds = checklib._holds_code

    def counting(node, code):
        counted.append(1)
        return holds(node, code)

    monkeypatch.setattr(checklib, "_holds_code", counting)
    work = []
    for k in (50, 400):
        counted.clear()
        values = checklib.code_values(_aliases_and_handings(k))
        assert {"a0", f"a{k}"} <= values.names
        work.append(len(counted))
    assert work[1] < 8 * 2 * work[0], work  # 8 times the code: about 8 times the work


def test_reading_loops_grows_with_the_code_not_its_depth_squared(monkeypatch):
    """A dead branch of `t = m + m + ... + m` (950 terms deep) cost 4 s of grader CPU per
    statement: every node's whole subtree was walked to find a loop (red team 17 F1)."""
    from autograder import checklib

    visited = []
    walk = ast.walk

    def counting(node):
        for n in walk(node):
            visited.append(1)
            yield n

    work = []
    for depth in (100, 800):
        source = "def pv(w, b, X, Y):\n    m = 3\n    t = " + " + ".join(["m"] * depth)
        source += "\n    for key in ('dw', 'db'):\n        print(key)\n    return t\n"
        read = [checklib.OwnCode("pv", ast.parse(source).body[0])]
        code = checklib.code_values(read)
        monkeypatch.setattr(checklib.ast, "walk", counting)
        visited.clear()
        assert len(checklib._written_loops(read[0].code, code)) == 1  # the loop over keys
        monkeypatch.setattr(checklib.ast, "walk", walk)
        work.append(len(visited))
    assert work[1] < 8 * 2 * work[0], work  # 8 times the code: about 8 times the work


#: Honest forms real students write, each appended to its unit's reference (sweep 15: aliases
#: set by unpacking, logging, typing.cast, timing, a default computed by numpy, dtype=float,
#: a static method or a callable object of the student's class, a global counter; tanh
#: through np.vectorize or np.frompyfunc of a scalar formula).
HONEST = sorted((ROOT / "tests" / "source_checks" / "honest").glob("*.py"))


@pytest.mark.parametrize("path", HONEST, ids=[p.stem for p in HONEST])
def test_honest_forms_keep_their_source_check(tmp_path, path):
    unit, task_id, _ = TANH if path.name.startswith("sn_") else LOOPS
    task = _task(tmp_path, unit, task_id, path.read_text(), False)
    assert task.score == task.max_score, [c.message for c in task.checks if not c.passed]


#: tanh's own formula, made a ufunc by a decorator: the name runs a np.vectorize object, not
#: the def read, so the source check fails; its values are numpy's tanh's.
VECTORIZE_DECORATED = """
import math


@np.vectorize
def _tanh_scalar(v):
    a = math.exp(-2 * abs(v))
    return math.copysign((1 - a) / (1 + a), v)


def tanh(z):
    return _tanh_scalar(z)
"""


def test_a_source_check_failing_on_right_values_names_no_known_mistake(tmp_path):
    """A catalogued mistake whose output is the right one is no sign of anything: a correct
    tanh failing own_implementation was told it "re-exports np.tanh" (sweep 17 review)."""
    task = _task(tmp_path, *TANH[:2], VECTORIZE_DECORATED, False)
    check = next(c for c in task.checks if c.name == TANH[2])
    assert not check.passed and "values" not in {c.name for c in task.checks if not c.passed}
    assert "known mistake" not in check.message and check.mistake is None, check.message
