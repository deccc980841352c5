"""The course helpers' versions of graded functions, served by the grader, never in the sandbox.

The course's helper modules hold ready-made versions of functions a unit grades
(``dnn_app_utils_v3.linear_forward``, ``planar_utils.sigmoid``...). The application's
``L_layer_model`` is rightly built from them; a graded ``linear_forward`` that only calls the
helper of its name is not the student's work. Whatever the student's process holds it can
reach (a guard inside it can be undone: ``__wrapped__``, its flags, the helper's source file
or bytecode read back), so the worker's copy of the helper modules
(:func:`write_helpers`) holds no such function: in its place a stub that asks the grader
(:func:`autograder.codeload.serve_helper`). The grader answers with the real helper, run like
any stand-in in the call's limited child, except the helper of the very function it is
grading: that call raises in the student's code (:func:`helper_proxies`). The decision is
the grader's, on the name it called; nothing the student's process says can change it.

Helper functions the unit does not grade (``load_data``, the activations of ``dnn_utils`` in
the deep unit) stay in the sandbox and run there, as in the course.

Serving costs a round trip per helper call, and the application's models make thousands. So
once a call of a function that no helper stands for (``L_layer_model``) has made
:data:`HANDOVER_CALLS` served calls, the grader hands the helpers' code to the worker for the
following such calls (:func:`helper_sources`, :func:`autograder.codeload.take_helpers`);
before it next calls a function a helper stands for, it starts a fresh worker (a new sandbox:
the student's code may have kept the helpers' code anywhere in the old one), and from then on
the helpers stay served. See :class:`autograder.isolation.submission.IsolatedSubmission`.
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


#: Helpers of other names that compute what a graded function must: refused for it too
#: (``basic_sigmoid`` as ``float(planar_utils.sigmoid(x))``, ``sigmoid_derivative`` as
#: ``dnn_utils.sigmoid_backward(1, x)``: red team, round 5).
SAME_AS: dict[str, tuple[str, ...]] = {
    "basic_sigmoid": ("sigmoid",),
    "sigmoid_derivative": ("sigmoid_backward",),
    "relu_derivative": ("relu_backward",),
}


def served_names(graded: Collection[str]) -> frozenset[str]:
    """The helper functions that stand for one of ``graded`` (a unit's task functions)."""
    wanted = {*graded, *(h for g in graded for h in SAME_AS.get(g, ()))}
    return frozenset(helper_functions()) & wanted


def refused_for(graded: str | None) -> frozenset[str]:
    """The helpers refused while the grader calls the student's ``graded`` (None: none)."""
    return frozenset() if graded is None else frozenset({graded, *SAME_AS.get(graded, ())})


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


def helper_sources(served: Collection[str]) -> dict[str, str]:
    """``{module: source}`` of the helper modules that define one of ``served``."""
    modules = {m for name in served for m in helper_functions().get(name, ())}
    return {m: (HELPERS / f"{m}.py").read_text() for m in sorted(modules)}


@functools.cache
def _modules() -> dict[str, Any]:
    """The grader's own imports of the helper modules."""
    from autograder import codeload  # noqa: PLC0415 - the helpers' folder, on first use

    codeload.ensure_helpers_importable()
    return {path.stem: importlib.import_module(path.stem) for path in sorted(HELPERS.glob("*.py"))}


def _refusing(module: str, name: str, graded: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(
            f"{module}.{name} is the course's ready-made {name}: the graded {graded} must "
            "compute it itself, not call it"
        )

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
def helper_proxies(served: frozenset[str], graded: str | None) -> dict[str, Callable[..., Any]]:
    """The stand-ins that answer the worker's served helpers during a call of ``graded``.

    Built once for each ``(served, graded)``: asked for before every call of student code.

    Args:
        served: the served function names (:func:`served_names`).
        graded: the graded function the grader calls (its helpers refuse: see
            :func:`refused_for`), or None.

    Returns:
        ``{PREFIX + "module.function": function}``.
    """
    refused = refused_for(graded)
    out: dict[str, Callable[..., Any]] = {}
    for name in sorted(served):
        for module in helper_functions().get(name, ()):
            if name in refused:
                fn = _refusing(module, name, str(graded))
            else:
                fn = _serving(module, name, refused, str(graded))
            out[f"{PREFIX}{module}.{name}"] = fn
    return out
