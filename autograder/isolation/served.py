"""The course helpers' functions, served by the grader, never in the sandbox.

The course's helper modules hold ready-made versions of graded functions
(``dnn_app_utils_v3.linear_forward``, ``planar_utils.sigmoid``...), and helpers of other
names compute them as well (``relu_backward(z, z)`` is ``relu(z)``,
``initialize_parameters_deep([n_x, n_h, n_y])`` is ``initialize_parameters``; red team,
rounds 5 and 6). The application's ``L_layer_model`` is rightly built from them; a graded
``linear_forward`` that calls one is not the student's work. Whatever the student's process
holds it can reach (a guard inside it can be undone: ``__wrapped__``, its flags, the helper's
source file or bytecode read back), so the worker's copy of the helper modules
(:func:`write_helpers`) holds none of their functions that compute anything, in any unit
(:func:`served_names`; what one unit leaves real another grades: unit 5's building blocks
were readable in unit 2): in their place stubs that ask the grader
(:func:`autograder.codeload.serve_helper`). The grader answers with the real helper, run like
any stand-in in the call's limited child, unless it is refused for the function it is
grading (:func:`refused_for`): every helper but those of the function's own building blocks
and of its course template (``Unit.may_call``) and what they call themselves; such a call
raises in the student's code (:func:`helper_proxies`), and so does the function's own helper
reached inside another. The decision is the grader's, on the name it called; nothing the
student's process says can change it.

Helpers that load or plot data (:data:`IN_SANDBOX`) stay in the sandbox and run there, as in
the course.

Serving costs a round trip per helper call, and the application's models make thousands. So
once a call of a function has made :data:`HANDOVER_CALLS` served calls, the grader hands the
worker the code of the helpers it used (and of those they call), not refused for it, before
its next call (:func:`helper_closure`, :func:`helper_code`,
:func:`autograder.codeload.take_helpers`): only those functions, the rest of their modules
stays stubs. Before it next calls a function for which one of them is refused, it starts a
fresh worker (a new sandbox: the student's code may have kept the code anywhere in the old
one). Each function gets the code once. See
:class:`autograder.isolation.submission.IsolatedSubmission`.
"""

from __future__ import annotations

import ast
import functools
import importlib
import shutil
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

#: Where the helper modules are (the grader's own copy).
HELPERS = Path(__file__).resolve().parent.parent / "course_helpers"
#: A served helper's stand-in name: ``helper:dnn_app_utils_v3.linear_forward``.
PREFIX = "helper:"
#: Served calls one call must make before the helpers' code is handed over (a training loop's
#: thousands, not a forward pass's sigmoid).
HANDOVER_CALLS = 50


def _defined(path: Path) -> list[ast.FunctionDef]:
    """The top-level functions a helper module defines."""
    return [n for n in ast.parse(path.read_text()).body if isinstance(n, ast.FunctionDef)]


@functools.cache
def helper_functions() -> dict[str, tuple[str, ...]]:
    """``{function name: (module, ...)}`` of the functions the helper modules define."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(HELPERS.glob("*.py")):
        for node in _defined(path):
            found[node.name] = (*found.get(node.name, ()), path.stem)
    return found


#: Helper functions that stay in the sandbox: they load or plot data and compute nothing a
#: unit grades (a plot calls the student's model, which could not cross to the grader).
IN_SANDBOX = frozenset(
    {
        "flower",
        "load_data",
        "load_extra_datasets",
        "load_planar_dataset",
        "plot_decision_boundary",
        "print_mislabeled_images",
    }
)


@functools.cache
def served_names() -> frozenset[str]:
    """The helper functions the grader serves (every one but :data:`IN_SANDBOX`), in any unit."""
    return frozenset(helper_functions()) - IN_SANDBOX


def refused_for(graded: str | None, may_call: Collection[str] | None = None) -> frozenset[str]:
    """The served helpers refused while the grader calls the student's ``graded``.

    Args:
        graded: the graded function the grader calls, or None (a call of no graded function:
            nothing is refused).
        may_call: the helpers ``graded`` may call (``Unit.may_call``): those and what they
            call themselves (a helper runs as the course wrote it: ``dnn_utils``'
            ``sigmoid_backward`` calls ``sigmoid``), never ``graded`` itself; every other
            served helper is refused. None (not known): only the helper of its own name.
    """
    if graded is None:
        return frozenset()
    if may_call is None:
        return served_names() & {graded}
    return served_names() - (_reach(frozenset(may_call)) - {graded})


@functools.cache
def _reach(names: frozenset[str]) -> frozenset[str]:
    """``names`` and the served helpers their helpers call, transitively (by name)."""
    calls = helper_calls()
    out: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in out:
            continue
        out.add(name)
        for module in helper_functions().get(name, ()):
            todo.extend(k.rsplit(".", 1)[1] for k in calls.get(f"{module}.{name}", ()))
    return frozenset(out)


def _stubbed(path: Path, served: frozenset[str]) -> str | None:
    """``path``'s text with each served function a stub that asks the grader, or None."""
    text = path.read_text()
    nodes = [n for n in _defined(path) if n.name in served]
    if not nodes:
        return None
    lines = text.splitlines(keepends=True)
    for node in reversed(nodes):
        start = (node.decorator_list[0] if node.decorator_list else node).lineno - 1
        key = f"{path.stem}.{node.name}"
        lines[start : node.end_lineno] = [
            f"def {node.name}(*args, **kwargs):  # served by the grader\n",
            f"    return _agserve({key!r}, args, kwargs)\n",
        ]
    lines.append("\n\nfrom _agcodeload import serve_helper as _agserve  # noqa: E402\n")
    return "".join(lines)


def write_helpers(dest: Path, served: Collection[str]) -> None:
    """Write the worker's copy of the helper modules into ``dest``.

    Each function named in ``served`` is a stub; no bytecode cache is copied (it would hold
    the real code).
    """

    def ignore(folder: str, names: list[str]) -> set[str]:  # the package's own __init__ only
        top = Path(folder) == HELPERS
        return {n for n in names if n == "__pycache__" or (top and n == "__init__.py")}

    shutil.copytree(HELPERS, dest, ignore=ignore)
    names = frozenset(served)
    for path in sorted(dest.glob("*.py")):
        text = _stubbed(path, names)
        if text is not None:
            path.write_text(text)


@functools.cache
def helper_calls() -> dict[str, frozenset[str]]:
    """``{"module.function": the served helpers ("module.function") its code names}``.

    A name is the module's own function or one it imports from another helper module
    (``dnn_app_utils_v3``'s ``from dnn_utils import relu``).
    """
    served = served_names()
    out: dict[str, frozenset[str]] = {}
    for path in sorted(HELPERS.glob("*.py")):
        tree = ast.parse(path.read_text())
        table = {n.name: f"{path.stem}.{n.name}" for n in _defined(path)}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module in helper_modules():
                for alias in node.names:
                    table[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for node in _defined(path):
            names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            found = {table[n] for n in names if n in table}
            out[f"{path.stem}.{node.name}"] = frozenset(
                k for k in found if k.rsplit(".", 1)[1] in served
            )
    return out


@functools.cache
def helper_modules() -> frozenset[str]:
    """The helper modules' names."""
    return frozenset(path.stem for path in HELPERS.glob("*.py"))


def helper_closure(used: Collection[str], refused: Collection[str]) -> frozenset[str]:
    """The served helpers (``"module.function"``) whose code a call that used ``used`` needs.

    ``used`` and the helpers they call, transitively, but none refused for the call (a
    helper that calls a refused one still calls it through its stub, and is refused there).
    """
    calls = helper_calls()
    out: set[str] = set()
    todo = [k for k in used if k in calls]
    while todo:
        key = todo.pop()
        if key in out or key.rsplit(".", 1)[1] in refused:
            continue
        out.add(key)
        todo.extend(calls.get(key, ()))
    return frozenset(out)


def helper_code(keys: Collection[str]) -> dict[str, str]:
    """``{module: source}``: the modules of ``keys`` with only those functions' code.

    Every other served function of the module is the sandbox's stub (:func:`_stubbed`).
    """
    modules: dict[str, set[str]] = {}
    for key in keys:
        module, name = key.rsplit(".", 1)
        modules.setdefault(module, set()).add(name)
    out = {}
    for module, names in sorted(modules.items()):
        path = HELPERS / f"{module}.py"
        out[module] = _stubbed(path, served_names() - names) or path.read_text()
    return out


@functools.cache
def _modules() -> dict[str, Any]:
    """The grader's own imports of the helper modules."""
    from autograder import codeload  # noqa: PLC0415 - the helpers' folder, on first use

    codeload.ensure_helpers_importable()
    return {path.stem: importlib.import_module(path.stem) for path in sorted(HELPERS.glob("*.py"))}


def _refusing(module: str, name: str, graded: str) -> Callable[..., Any]:
    if name == graded:
        text = f"the graded {graded} must compute it itself, not call it"
    else:
        text = (
            f"the graded {graded} may call only the course helpers of its own building "
            "blocks; it must compute its result itself"
        )

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"{module}.{name} is the course's ready-made {name}: {text}")

    return refuse


def _serving(module: str, name: str, refused: frozenset[str], graded: str) -> Callable[..., Any]:
    """The real helper ``module.name``, run with every refused helper refusing inside it too.

    ``linear_forward`` that calls ``linear_activation_forward`` for its Z reaches the helper
    ``linear_forward`` through it (red team, round 5): while it runs, every helper module's
    refused names are bound to refusals, and bound back after (the stand-in runs in the
    call's own forked child, so nothing else ever sees them).
    """
    modules = _modules()
    fn = getattr(modules[module], name)

    def serve(*args: Any, **kwargs: Any) -> Any:
        saved = []
        for mod_name, mod in modules.items():
            for r in refused & set(vars(mod)):
                saved.append((mod, r, getattr(mod, r)))
                setattr(mod, r, _refusing(mod_name, r, graded))
        try:
            return fn(*args, **kwargs)
        finally:
            for mod, r, value in reversed(saved):
                setattr(mod, r, value)

    return serve


@functools.cache
def helper_proxies(refused: frozenset[str], graded: str | None) -> dict[str, Callable[..., Any]]:
    """The stand-ins that answer the worker's served helpers during a call of ``graded``.

    Built once for each ``(refused, graded)``: asked for before every call of student code.

    Args:
        refused: the helpers refused for the call (:func:`refused_for`).
        graded: the graded function the grader calls, or None.

    Returns:
        ``{PREFIX + "module.function": function}`` for every served helper.
    """
    out: dict[str, Callable[..., Any]] = {}
    for name in sorted(served_names()):
        for module in helper_functions().get(name, ()):
            if name in refused:
                fn = _refusing(module, name, str(graded))
            else:
                fn = _serving(module, name, refused, str(graded))
            out[f"{PREFIX}{module}.{name}"] = fn
    return out
