"""Running submitted code leniently: a statement that fails costs only itself.

Students' files and notebooks come from many releases of the course and from many
environments. A line such as ``from public_tests import *`` (a module that exists only on the
course's servers), a test call on the course's ``testCases`` data, or one function that does
not compile must not cost the rest of the submission. This module turns a file or a notebook
cell into **blocks** (top-level statements) that are compiled and run one by one:

- a block that raises is skipped and reported (``line 3: ModuleNotFoundError: ...``), the
  following blocks still run;
- where the text does not parse, the top-level block holding the syntax error is left out
  (found from the error's line) and the rest is parsed again; a function whose *last*
  definition is such a block is reported as broken, so the grader can say "does not compile"
  rather than grade an earlier definition.

It uses the standard library only: the isolated worker runs a copy of this file (it cannot
import :mod:`autograder`), and the in-process loader imports it directly, so both load code
the same way.
"""

from __future__ import annotations
import __future__ as future_flags

import ast
import contextlib
import functools
import importlib
import io
import os
import re
import signal
import sys
import textwrap
import tokenize
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import methodcaller
from types import CodeType, FunctionType
from typing import Any

#: Folder of the course's helper modules (``dnn_utils``, ``planar_utils``...), importable
#: under the course's names once it is on ``sys.path``.
HELPERS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "course_helpers")
HELPER_MODULES = (
    "dnn_utils",
    "dnn_utils_v2",
    "dnn_app_utils_v2",
    "dnn_app_utils_v3",
    "planar_utils",
)

#: Names every submission starts with, per unit: what the course's notebooks provide from
#: their helper modules, so that code that calls ``sigmoid_backward`` without importing it
#: (its import was in a cell that was not submitted) still runs. ``(module, attribute)``;
#: student definitions replace them, and the grader never grades a helper as student code.
PRELUDE: dict[str, dict[str, tuple[str, str]]] = {
    "deep_network": {
        name: ("dnn_utils", name)
        for name in ("sigmoid", "relu", "sigmoid_backward", "relu_backward")
    },
    "shallow_network": {"sigmoid": ("planar_utils", "sigmoid")},
}
#: Modules every submission starts with (the course's notebooks all import them first;
#: the older models plot with plt inside the graded function, whose import cell a student's
#: export may leave out).
PRELUDE_MODULES = {"np": "numpy", "math": "math", "copy": "copy", "plt": "matplotlib.pyplot"}

#: numpy 1 names that numpy 2 removed, which course code of every release uses: restored for
#: submissions (the course accepted them), and reported as a recognized convention.
NUMPY1_ALIASES: dict[str, tuple[str, str]] = {
    "int": ("builtins", "int"),
    "float": ("builtins", "float"),
    "bool": ("builtins", "bool"),
    "object": ("builtins", "object"),
    "complex": ("builtins", "complex"),
    "str": ("builtins", "str"),
    "long": ("builtins", "int"),
    "unicode": ("builtins", "str"),
    "product": ("numpy", "prod"),
    "cumproduct": ("numpy", "cumprod"),
    "alltrue": ("numpy", "all"),
    "sometrue": ("numpy", "any"),
    "float_": ("numpy", "float64"),
    "complex_": ("numpy", "complex128"),
    "NaN": ("numpy", "nan"),
    "NAN": ("numpy", "nan"),
    "Inf": ("numpy", "inf"),
    "Infinity": ("numpy", "inf"),
    "infty": ("numpy", "inf"),
    "PINF": ("numpy", "inf"),
    "asscalar": ("method", "item"),  # np.asscalar(a) was a.item()
}

_FUTURE_FLAGS = {
    name: getattr(future_flags, name).compiler_flag for name in future_flags.all_feature_names
}
_DEF = re.compile(r"^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)")
_AT_MODULE_LEVEL = re.compile(r" \(line \d+, in <module>\)$")
_CONTINUES = re.compile(r"^(?:else\b|elif\b|except\b|finally\b|case\b|[)\]}])")


class LoadTimeout(BaseException):  # noqa: N818 - raised into student code, like an interrupt
    """Raised inside student code when its time limit passes (``except Exception`` misses it)."""


@dataclass
class Block:
    """One top-level statement, compiled.

    Attributes:
        first: its first line in the file or cell.
        last: its last line.
        code: the compiled code object.
        defines: the function a top-level ``def`` defines, else None.
    """

    first: int
    last: int
    code: CodeType
    defines: str | None = None


@dataclass
class Compiled:
    """A file or cell split into blocks.

    Attributes:
        blocks: the statements that compiled, in order.
        errors: one message per part of the text that did not compile.
        broken: ``{function name: message}`` for functions whose last definition in this text
            did not compile.
        defined: names of functions and classes defined at top level by compiled blocks.
        flags: the ``__future__`` compiler flags in force at the end (pass them on to the
            next notebook cell, as IPython does).
    """

    blocks: list[Block] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)
    defined: list[str] = field(default_factory=list)
    flags: int = 0


def ensure_helpers_importable() -> None:
    """Put the course's helper modules on ``sys.path`` (idempotent)."""
    if os.path.isdir(HELPERS_DIR) and HELPERS_DIR not in sys.path:
        sys.path.append(HELPERS_DIR)


def ensure_plotting_stand_in() -> None:
    """Where matplotlib is absent (the sandbox), give ``import matplotlib`` a stand-in.

    Course code plots inside graded functions; the stand-in's plotting calls do nothing.
    """
    import importlib.util

    shims = os.path.join(HELPERS_DIR, "sandbox_shims")
    if importlib.util.find_spec("matplotlib") is None and os.path.isdir(shims):
        if shims not in sys.path:
            sys.path.append(shims)


def is_helper(value: Any) -> bool:
    """True for a function the course's helper modules (or the grader) provide, not the student.

    The submissions' ``float`` and ``int`` (:func:`numpy1_conversions`) count as provided.
    """
    if isinstance(value, _Numpy1Conversion):
        return True
    if _is_guard(value):
        value = value.__wrapped__
    code = getattr(value, "__code__", None)
    filename = getattr(code, "co_filename", None)
    if type(filename) is not str:
        return False
    return os.path.dirname(os.path.abspath(filename)) == HELPERS_DIR


#: Attribute marking :func:`guard_helpers`'s wrappers.
_GUARD = "_autograder_helper_guard"


def _is_guard(value: Any) -> bool:
    """Whether ``value`` is one of :func:`guard_helpers`'s wrappers.

    Only a plain function's own ``__dict__`` is read: a student's object may answer every
    attribute (matplotlib's stand-in, a mock).
    """
    return type(value) is FunctionType and value.__dict__.get(_GUARD) is True


#: Name of the student function the grader is calling now (:func:`grading`), or None.
_graded: list[str | None] = [None]


@contextmanager
def grading(name: str) -> Iterator[None]:
    """While the grader calls the student's function ``name``: see :func:`guard_helpers`."""
    previous, _graded[0] = _graded[0], name
    try:
        yield
    finally:
        _graded[0] = previous


#: How a served helper's call reaches the grader: the worker's stand-in bridge, set by the
#: executor during a call of the grader's (``bridge(stand-in name, *args, **kwargs)``), or None.
helper_server: list[Callable[..., Any] | None] = [None]


#: The served helpers' own code, once the grader has handed it over (:func:`take_helpers`):
#: ``{"module.function": function}``.
local_helpers: dict[str, Callable[..., Any]] = {}


def serve_helper(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Call the course helper ``module.function`` the grader serves (see isolation.served).

    The worker's copy of a helper module holds, for each of its functions but those that load
    or plot data, a stub that calls this: the real helper runs in the grader, which refuses
    those the function it is grading may not call; or here, once the grader has handed its
    code over for calls that may use it.
    """
    local = local_helpers.get(name)
    if local is not None:
        return local(*args, **kwargs)
    server = helper_server[0]
    if server is None:
        raise RuntimeError(
            f"{name} is served by the grader while it calls your functions, not while your "
            "code loads"
        )
    return server("helper:" + name, *args, **kwargs)


def take_helpers(sources: dict[str, str], names: list[str]) -> list[str]:
    """Run served helpers' own code here, for :func:`serve_helper`.

    Args:
        sources: ``{module: source}``: each module with the code of the functions of
            ``names`` (its other served functions stubs, which still ask the grader).
        names: the ``module.function`` names handed over.

    Returns:
        The ``module.function`` names now run here.
    """
    ensure_helpers_importable()
    wanted = {str(n) for n in names}
    for module, source in sources.items():
        ns: dict[str, Any] = {"__name__": f"_agreal_{module}"}
        exec(compile(str(source), os.path.join(HELPERS_DIR, f"{module}.py"), "exec"), ns)  # noqa: S102
        for name, value in ns.items():
            key = f"{module}.{name}"
            if key in wanted and type(value) is FunctionType and value.__module__ == ns["__name__"]:
                local_helpers[key] = value
    return sorted(local_helpers)


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def guard(*args: Any, **kwargs: Any) -> Any:
        if _graded[0] == fn.__name__:
            raise RuntimeError(
                f"{fn.__module__}.{fn.__name__} is the course's ready-made {fn.__name__}: "
                f"the graded {fn.__name__} must compute it itself, not call it"
            )
        return fn(*args, **kwargs)

    setattr(guard, _GUARD, True)
    return guard


def guard_helpers() -> None:
    """Make each imported course helper refuse to stand in for the function being graded.

    The application's helper modules hold ready-made versions of graded functions
    (``dnn_app_utils_v3.linear_forward``...): a ``linear_forward`` that only calls the helper
    of its name is not the student's work. While the grader calls the student's ``f``
    (:func:`grading`), the helper named ``f`` raises ``RuntimeError`` however it is reached
    (imported under another name, through another helper); helpers of other names work as in
    the course (the application's ``L_layer_model`` is built from the helpers' blocks).
    Idempotent; modules imported later are not guarded (the sandbox imports them all first).
    """
    modules = [sys.modules[m] for m in HELPER_MODULES if m in sys.modules]
    guards: dict[int, Callable[..., Any]] = {}
    for module in modules:
        for attr, value in list(vars(module).items()):
            if type(value) is not FunctionType or _is_guard(value) or not is_helper(value):
                continue
            if id(value) not in guards:
                guards[id(value)] = _guarded(value)
            setattr(module, attr, guards[id(value)])


def import_helpers() -> None:
    """Import the installed course helper modules and guard them (:func:`guard_helpers`)."""
    ensure_helpers_importable()
    for module in HELPER_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:  # the student kit leaves the application's helpers out
            pass
    guard_helpers()


def restore_numpy1_aliases() -> None:
    """Give numpy back the numpy-1 names course code uses (``np.int``...); idempotent."""
    import builtins

    import numpy

    sources = {"builtins": builtins, "numpy": numpy}
    for name, (module, attr) in NUMPY1_ALIASES.items():
        if name not in vars(numpy):
            value = methodcaller(attr) if module == "method" else getattr(sources[module], attr)
            setattr(numpy, name, value)


class _Numpy1Conversion(type):
    """The type of the submissions' ``float`` and ``int``: the builtin's for every test.

    Only the stand-in itself (which holds ``_builtin``) answers as the builtin; a student's
    subclass of it (``class AlwaysEqual(float)``) is an ordinary class.
    """

    def __instancecheck__(cls, obj: Any) -> bool:
        builtin = cls.__dict__.get("_builtin")
        return isinstance(obj, builtin) if builtin else type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub: type) -> bool:
        builtin = cls.__dict__.get("_builtin")
        return issubclass(sub, builtin) if builtin else type.__subclasscheck__(cls, sub)

    def __eq__(cls, other: object) -> bool:
        return other is cls or (other is not None and other is cls.__dict__.get("_builtin"))

    def __hash__(cls) -> int:
        return hash(cls.__dict__.get("_builtin") or id(cls))


def _numpy1_conversion(builtin: type) -> type:
    """``builtin`` (float or int) converting an array of one entry of any shape, as numpy 1 did.

    numpy 2 refuses ``float(np.dot(Y, np.log(A2).T))`` (a (1, 1) array), which every release
    of the course ran: submissions get this stand-in under the builtin's name. It returns the
    builtin's own values, passes ``isinstance``/``issubclass``/``==`` as the builtin, and is
    the builtin's dtype for numpy (``dtype=float``).
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:  # noqa: N807
        import numpy

        if len(args) == 1 and isinstance(args[0], numpy.ndarray) and args[0].size == 1:
            args = (args[0].reshape(()),)
        if "_builtin" not in cls.__dict__:  # a student's subclass: its own instances
            return builtin.__new__(cls, *args, **kwargs)
        return builtin(*args, **kwargs)

    import numpy

    namespace = {
        "__new__": __new__,
        "dtype": numpy.dtype(builtin),
        "__module__": "builtins",
        "_builtin": builtin,
    }
    return _Numpy1Conversion(builtin.__name__, (builtin,), namespace)


#: ``float`` and ``int`` as submissions see them (see :func:`_numpy1_conversion`).
NUMPY1_CONVERSIONS: dict[str, type] = {}


def numpy1_conversions() -> dict[str, type]:
    """The submissions' ``float`` and ``int``, made once."""
    if not NUMPY1_CONVERSIONS:
        NUMPY1_CONVERSIONS.update({t.__name__: _numpy1_conversion(t) for t in (float, int)})
    return dict(NUMPY1_CONVERSIONS)


def numpy1_names(source: str | None) -> list[str]:
    """The numpy-1 names (``np.int``...) a function's source uses."""
    if not source:
        return []
    found = re.findall(r"\b(?:np|numpy)\.(\w+)\b", source)
    return sorted({n for n in found if n in NUMPY1_ALIASES})


def prelude(unit: str) -> dict[str, Any]:
    """Return the names a submission of ``unit`` starts with (see :data:`PRELUDE`)."""
    import_helpers()
    restore_numpy1_aliases()
    ns: dict[str, Any] = numpy1_conversions()
    for alias, module in PRELUDE_MODULES.items():
        try:
            ns[alias] = importlib.import_module(module)
        except ImportError:
            continue
    for name, (module, attr) in PRELUDE.get(unit, {}).items():
        try:
            ns[name] = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            continue
    return ns


def _top_level_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Split lines into top-level blocks ``(first, last)``, 1-based, by indentation alone.

    A block starts at a line that begins in column 0 (not blank, not a comment) unless it
    continues the previous statement (``else:``, ``except``, a closing bracket) or follows a
    decorator. Used only for text that does not parse, to find the block to leave out.
    """
    starts: list[int] = []
    previous = ""
    for i, line in enumerate(lines, start=1):
        if not line.strip() or line[0] in " \t#":
            continue
        if starts and (_CONTINUES.match(line) or previous.startswith("@")):
            previous = line
            continue
        starts.append(i)
        previous = line
    if not starts:
        return []
    ends = [s - 1 for s in starts[1:]] + [len(lines)]
    return list(zip(starts, ends))


def _describe_syntax_error(exc: SyntaxError) -> str:
    return f"SyntaxError: {exc.msg} (line {exc.lineno})"


def parse_lenient(
    text: str, filename: str = "<student>"
) -> tuple[ast.Module, list[tuple[int, int, str, list[str]]]]:
    """Parse ``text``, leaving out each top-level block that holds a syntax error.

    Line numbers are kept: a left-out block becomes blank lines.

    Args:
        text: Python source.
        filename: the name in error messages.

    Returns:
        ``(tree, left_out)`` with ``left_out = [(first line, last line, message, names of the
        functions and classes defined there)]``.

    Raises:
        ValueError: for text Python cannot read at all (NUL bytes).
    """
    tree, blanked = _parse_lenient(text, filename)
    return tree, list(blanked)


@functools.lru_cache(maxsize=8)
def _parse_lenient(text: str, filename: str) -> tuple[ast.Module, tuple]:
    """:func:`parse_lenient`, once per text (the loader and the static reading both ask)."""
    lines = text.splitlines()
    blanked: list[tuple[int, int, str, list[str]]] = []

    def blank(first: int, last: int, message: str) -> None:
        nonlocal lines
        names = [m.group(1) for ln in lines[first - 1 : last] if (m := _DEF.match(ln))]
        if not names and (m := _DEF.match(lines[first - 1].lstrip())):  # an indented def
            names = [m.group(1)]
        blanked.append((first, last, message, names))
        lines = lines[: first - 1] + [""] * (last - first + 1) + lines[last:]

    for _ in range(len(lines) + 1):
        try:
            return ast.parse("\n".join(lines), filename), tuple(blanked)
        except SyntaxError as exc:
            where = exc.lineno or 1
            opened = _OPENED_ON.search(exc.msg or "")  # the error belongs to that statement's block
            if opened and 1 <= int(opened.group(1)) <= where:
                where = int(opened.group(1))
            first, last = next(
                ((a, b) for a, b in _top_level_blocks(lines) if a <= where <= b),
                (where, where),
            )
            message = _describe_syntax_error(exc)
            indented = _DEF.match(lines[where - 1].lstrip()) if opened and first < where else None
            if indented:  # a def indented into the block above (sweep 17 P2): its lines only
                first = where
                message += (
                    f"; its def is indented into the function above it: start def "
                    f"{indented.group(1)} at the beginning of line {where}"
                )
            if len(blanked) >= MAX_SKIPPED_BLOCKS:  # each retry parses the whole text again
                last = len(lines)
                message += (
                    f"; more than {MAX_SKIPPED_BLOCKS} blocks did not parse: the rest is left out"
                )
            blank(first, last, message)
        except (RecursionError, MemoryError):  # no line number: find the blocks one by one
            deep = [ab for ab in _top_level_blocks(lines) if _too_deep(lines, *ab)]
            if not deep:
                break
            for first, last in deep:
                blank(first, last, TOO_DEEP)
    return ast.Module(body=[], type_ignores=[]), tuple(blanked)


#: Python's "expected an indented block after function definition on line 4": the block to
#: leave out is that statement's, not the one where the parser noticed.
_OPENED_ON = re.compile(r"\bafter .+ on line (\d+)")
#: Blocks :func:`parse_lenient` leaves out one by one before it leaves out the rest at once.
MAX_SKIPPED_BLOCKS = 50
#: The message of a block Python's parser cannot read (RecursionError, MemoryError).
TOO_DEEP = "SyntaxError: nested too deeply for Python to read (RecursionError)"


def _too_deep(lines: list[str], first: int, last: int) -> bool:
    """Whether the block ``first..last`` alone is too deeply nested to parse."""
    try:
        ast.parse("\n".join(lines[first - 1 : last]))
    except (RecursionError, MemoryError):
        return True
    except SyntaxError:
        return False
    return False


#: Calls and attributes that can change at run time which code runs: where the code a source
#: check reads (a graded function and what it follows, ``checklib.own_code``) uses one, the
#: grader cannot tell from the text what it computes with (:func:`dynamic_construct`). Code
#: elsewhere in the submission may use them: whether what a name runs is the code read is
#: shown by running that code alone (``checklib.expect_runs_as_read``), never by what the
#: student's process reports.
DYNAMIC_CALLS = frozenset(
    {"exec", "eval", "compile", "setattr", "globals", "vars", "__import__", "locals"}
    | {"attrgetter", "methodcaller"}  # operator's: an attribute by a computed name
)
DYNAMIC_ATTRIBUTES = frozenset(
    {"__code__", "__globals__", "__dict__", "__builtins__", "__wrapped__", "__class__"}
    # an attribute set or found under any name (red team, round 8: a code object swapped in)
    | {"__setattr__", "__delattr__", "__getattribute__", "attrgetter", "methodcaller"}
    # the interpreter's own tables and frames: from them code reaches any namespace, the
    # worker's own modules included, and patches the report of what each name runs (red
    # team, round 8: ``sys.modules["_agcodeload"].bound_identities = ...``)
    | {"modules", "_getframe", "_current_frames", "settrace", "setprofile", "currentframe"}
    | {"f_globals", "f_locals", "f_back", "f_builtins", "tb_frame", "gi_frame", "cr_frame"}
    | {"ag_frame", "cell_contents", "read_pickle"}
    # library calls that evaluate text as code (red team, round 9: a string annotation read
    # by typing.get_type_hints, a statement run by timeit)
    | {"get_type_hints", "timeit", "resolve_name", "locate", "ForwardRef"}
    # numpy's own: np.testing.measure and runstring exec a string in the caller's frame, f2py
    # evaluates text, ctypeslib loads native code (red team, round 16)
    | {"measure", "runstring", "f2py", "ctypeslib", "load_library", "distutils"}
    # the calls above, reached through a module (``builtins.exec``, ``operator.attrgetter``)
    | (DYNAMIC_CALLS - {"compile"})  # re.compile is a pattern's
)
#: numpy's modules that run text or native code (red team, round 16).
NUMPY_TEXT_MODULES = frozenset({"f2py", "ctypeslib", "distutils"})
#: The special (``__x__``) attributes a submission may read and keep its source checks: the others
#: reach functions' insides, classes' tables or modules' machinery (``__closure__``,
#: ``__self__``, ``__subclasses__``, ``__loader__``...).
PLAIN_DUNDERS = frozenset(
    {"__name__", "__qualname__", "__doc__", "__module__", "__version__", "__file__"}
    | {"__init__", "__len__", "__repr__", "__str__", "__call__", "__iter__", "__next__"}
    | {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__"}
    | {"__add__", "__sub__", "__mul__", "__truediv__", "__pow__", "__matmul__", "__neg__"}
    | {"__abs__", "__float__", "__int__", "__getitem__", "__contains__", "__array__"}
    | {"__enter__", "__exit__", "__annotations__", "__debug__", "__all__", "__slots__"}
)
#: Calls that reach an attribute by a name: dynamic unless it is a literal, not ``__x__``.
NAMED_ATTRIBUTE_CALLS = frozenset({"getattr", "delattr"})
#: Functions that reach code by a name or run text: refused as values too (``reduce(getattr,
#: ["ta" + "nh"], np)``), not only where called by name.
VALUE_CALLS = DYNAMIC_CALLS | NAMED_ATTRIBUTE_CALLS
#: Names of a module's namespace that reach the interpreter's machinery.
DYNAMIC_NAMES = frozenset({"__builtins__", "__import__", "__loader__", "__spec__"})
#: Modules whose import lets code reach the interpreter's namespaces or the worker's own
#: modules (the collector, frames, raw memory, the import system, the builtins every module
#: shares), or run text or bytes as code without a visible ``exec`` (a pickle, marshalled
#: code, a debugger); a module of the grader's own (its copies in the worker are named
#: ``_ag*``) counts as well.
INTERPRETER_MODULES = frozenset(
    {"gc", "inspect", "ctypes", "_ctypes", "cffi", "importlib", "builtins", "__builtin__"}
    | {"__main__", "autograder", "pickle", "_pickle", "cloudpickle", "dill", "shelve"}
    | {"marshal", "code", "codeop", "runpy", "pdb", "bdb"}
)


def dynamic_construct(tree: ast.AST) -> str | None:
    """The first construct in ``tree`` that can change at run time which code runs, if any.

    Such as ``"exec()"``, ``".__code__"``, ``"getattr as a value"`` or ``"import gc"``.
    """
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        found = _dynamic_node(node, called)
        if found is not None:
            return found
    return None


def _dynamic_node(node: ast.AST, called: set[int]) -> str | None:
    """:func:`dynamic_construct` of one node (not of its children).

    ``called``: the ids of the nodes that are called (``getattr`` in ``getattr(x, "a")``).
    """
    if isinstance(node, ast.keyword) and node.arg == "allow_pickle":  # np.load runs a pickle
        if not (isinstance(node.value, ast.Constant) and node.value.value is False):
            return "allow_pickle="
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id in DYNAMIC_CALLS:
            return f"{node.func.id}()"
        if node.func.id in NAMED_ATTRIBUTE_CALLS and not _plain_attribute(node):
            return f"{node.func.id}() of a computed or special name"
    if isinstance(node, ast.Attribute) and (
        node.attr in DYNAMIC_ATTRIBUTES or (_dunder(node.attr) and node.attr not in PLAIN_DUNDERS)
    ):
        return f".{node.attr}"
    if isinstance(node, ast.Name) and node.id in DYNAMIC_NAMES:
        return node.id
    if isinstance(node, ast.Name) and node.id in VALUE_CALLS and id(node) not in called:
        return f"{node.id} as a value"  # functools.reduce(getattr, ...) (red team, round 9)
    if isinstance(node, ast.Import):
        modules = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom) and not node.level:
        modules = [node.module or ""]
        for alias in node.names:
            if alias.name in DYNAMIC_ATTRIBUTES or alias.name in DYNAMIC_CALLS:
                return f"from {node.module} import {alias.name}"
    else:
        return None
    for module in modules:
        top = module.split(".")[0]
        if top in INTERPRETER_MODULES or top.startswith("_ag"):
            return f"import {module}"
        if set(module.split(".")) & NUMPY_TEXT_MODULES:  # import numpy.f2py
            return f"import {module}"
    return None


def _dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def global_rebinds(cells: list[str]) -> dict[str, str]:
    """``{name: where}`` for each global a function binds again (``global f`` then ``f = g``).

    Once that function runs, such a name may run other code than the ``def`` the text shows,
    whatever the worker reports afterwards (the report is the student's to forge).

    Args:
        cells: the submitted code.

    Returns:
        ``{name: "global f in _setup() (line 12)"}``; a notebook's cell is named too.
    """
    return dict(_global_rebinds(tuple(cells)))


@functools.lru_cache(maxsize=32)
def _global_rebinds(cells: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for index, _, tree in trees(cells):
        for scope in ast.walk(tree):
            if not isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            declared = {
                name: node.lineno
                for node in ast.walk(scope)
                if isinstance(node, ast.Global)
                for name in node.names
            }
            for name in sorted(declared.keys() & _stored_names(scope)):
                cell = f" of cell {index + 1}" if len(cells) > 1 else ""
                where = f"global {name} in {scope.name}() (line {declared[name]}{cell})"
                out.setdefault(name, where)
    return out


def trees(cells: Sequence[str]) -> Iterator[tuple[int, str, ast.Module]]:
    """``(cell index, cell text, its parse)`` of each cell that parses (leniently)."""
    for index, text in enumerate(cells):
        try:
            tree, _ = parse_lenient(text)
        except ValueError:
            continue
        yield index, text, tree


def _stored_names(scope: ast.AST) -> set[str]:
    """The names ``scope``'s code binds: assignments, loops, imports, defs, ``del``."""
    names = {
        n.id for n in ast.walk(scope) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)
    }
    for node in ast.walk(scope):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif node is not scope and isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
        ):
            names.add(node.name)
    return names


def _plain_attribute(call: ast.Call) -> bool:
    """``getattr(x, "name")``: an ordinary attribute named by a literal."""
    name = call.args[1] if len(call.args) > 1 else None
    return (
        isinstance(name, ast.Constant)
        and isinstance(name.value, str)
        and not name.value.startswith("__")
        and name.value not in DYNAMIC_ATTRIBUTES  # getattr(sys, "modules") (red team, round 9)
    )


def _bound_names(node: ast.stmt) -> list[str]:
    """Names a top-level statement (not a ``def``) binds: assignments, imports, loops..."""
    names: list[str] = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
            names.append(sub.id)
        elif isinstance(sub, ast.Import | ast.ImportFrom):  # ``*`` rebinds only helpers'
            names.extend((a.asname or a.name.split(".")[0]) for a in sub.names if a.name != "*")
        elif isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(sub.name)
    return names


def function_sources(cells: list[str]) -> dict[str, str | None]:
    """The source of the function each name is bound to after ``cells`` run in order.

    Found in the submitted text (never from a location student code reports), by following
    the top-level statements in order: a ``def`` binds its name to its source, ``a = b``
    binds ``a`` to what ``b`` was bound to then, any other binding (an assignment, an
    import) to None; ``from m import *`` is ignored (the only modules a submission can
    import are numpy's and the course's helpers, whose functions are never graded as the
    student's). Everything is unknown where the code runs text as code
    (:func:`text_as_code`); whether a source is the code that runs is for the checks to show
    (``checklib.expect_runs_as_read``).

    Args:
        cells: the code of the notebook's cells, or of a file, in order.

    Returns:
        ``{name: dedented source of its def, or None}`` (a fresh dict: every check of a
        submission asks, so the parse is done once per text).
    """
    return dict(_bindings(tuple(cells))[0])


@dataclass(frozen=True)
class DefPlace:
    """Where the ``def`` a name is bound to (:func:`function_sources`) is written.

    Attributes:
        cell: index of its cell (0 for a ``.py`` file).
        first: its first line in the cell, the first decorator's if any (its code object's
            ``co_firstlineno``).
        name: the name in the ``def`` (its code object's ``co_name``).
        decorated: whether decorators are applied to it.
    """

    cell: int
    first: int
    name: str
    decorated: bool


def def_places(cells: list[str]) -> dict[str, DefPlace]:
    """``{name: where its def is}`` for each name :func:`function_sources` gives a source."""
    return dict(_bindings(tuple(cells))[2])


def imported_names(cells: list[str]) -> frozenset[str]:
    """The names ``cells``, run in order, leave bound to what an ``import`` bound.

    Read as :func:`function_sources` reads the text (``a = b`` passes on what ``b`` holds;
    a later ``def`` or other binding of the name ends it); none where the code is dynamic.
    """
    return _bindings(tuple(cells))[1]


#: Calls that run text as code where the grader cannot read it.
TEXT_AS_CODE = frozenset({"exec", "eval", "compile"})


def text_as_code(cells: list[str]) -> str | None:
    """``"exec()"`` where ``cells`` call ``exec``, ``eval`` or ``compile`` by name, else None.

    Such code can define any function without a ``def`` the grader reads (a looping helper
    behind a library's name), so no source of the submission is read
    (:func:`function_sources`).
    """
    return _text_as_code(tuple(cells))


@functools.lru_cache(maxsize=32)
def _text_as_code(cells: tuple[str, ...]) -> str | None:
    for _, _, tree in trees(cells):
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in TEXT_AS_CODE
            ):
                return f"{node.func.id}()"
    return None


@functools.lru_cache(maxsize=32)
def _bindings(
    cells: tuple[str, ...],
) -> tuple[dict[str, str | None], frozenset[str], dict[str, DefPlace]]:
    """``(function_sources, imported_names, def_places)`` of ``cells``, from one walk."""
    bound: dict[str, str | None] = {}
    imported: set[str] = set()
    places: dict[str, DefPlace] = {}
    if _text_as_code(cells) is not None:
        return bound, frozenset(), places
    for index, _, lines, node in _top_level(cells):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            bound[node.name] = textwrap.dedent("\n".join(lines[first - 1 : node.end_lineno]))
            if isinstance(node, ast.ClassDef):  # read whole (its methods), never watched
                places.pop(node.name, None)
            else:
                places[node.name] = DefPlace(index, first, node.name, bool(node.decorator_list))
            imported.discard(node.name)
            continue
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Name)
        ):
            target, value = node.targets[0].id, node.value.id
            bound[target] = bound.get(value)
            _carry(places, target, places.get(value))
            (imported.add if value in imported else imported.discard)(target)
            continue
        if _self_call(node) and bound.get(node.targets[0].id):
            # ``model = model(...)``, a notebook's run: where the call raises (no data
            # loaded) the def stays bound; where it returns, the name holds the result, and
            # a callable one is told apart at run time (the def's place is kept: sweep 17 P4)
            continue
        names = _bound_names(node)
        bound.update(dict.fromkeys(names))
        for name in names:
            places.pop(name, None)
        if isinstance(node, ast.Import | ast.ImportFrom):
            imported.update(names)
        else:  # an import inside a try/if/with block of imports is one too (red team 12)
            imported.difference_update(names)
            if _import_block(node):
                _bind_import_block(node, lines, bound, imported)
    return bound, frozenset(imported), places


def _self_call(node: ast.stmt) -> bool:
    """Whether ``node`` is ``name = name(...)``: a name given what its own call returns."""
    return (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == node.targets[0].id
    )


def _bind_import_block(
    node: ast.stmt, lines: list[str], bound: dict[str, str | None], imported: set[str]
) -> None:
    """Bind what a ``try``/``if``/``with`` block of imports binds (:func:`_import_block`).

    Its imports are imports, but a name it also binds otherwise (a fallback ``def``, an
    assignment) is not (red team, round 13: ``from numpy import propagate_examples as _walk``
    with a looping fallback ``def _walk`` was taken for a library's and never read); its
    ``def``s are read as the submission's functions.
    """
    inside = [n for n in ast.walk(node) if n is not node]
    defs = [n for n in inside if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    other = {n.id for n in inside if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    other |= {d.name for d in defs}
    for sub in inside:
        if isinstance(sub, ast.Import | ast.ImportFrom):
            imported.update(set(_bound_names(sub)) - other)
    for d in defs:
        first = min([d.lineno, *(x.lineno for x in d.decorator_list)])
        bound[d.name] = textwrap.dedent("\n".join(lines[first - 1 : d.end_lineno]))


def _carry(places: dict[str, DefPlace], target: str, place: DefPlace | None) -> None:
    if place is None:
        places.pop(target, None)
    else:
        places[target] = place


def _top_level(cells: Sequence[str]) -> Iterator[tuple[int, str, list[str], ast.stmt]]:
    """``(cell index, cell text, its lines, statement)`` for each top-level statement."""
    for index, text, tree in trees(cells):
        lines = text.splitlines()
        for node in tree.body:
            yield index, text, lines, node


#: The file name the code the grader read runs under (see :func:`program_as_read`).
AS_READ_FILE = "<the code the grader read>"


def program_as_read(cells: list[str], names: Collection[str]) -> str:
    """The program made of what the grader read of ``names``, and nothing else.

    The top-level statements of ``cells``, in order, that are imports (also inside a
    ``try`` of imports only), the ``def`` or ``class`` of one of ``names`` (decorators
    included), or an assignment to one of ``names`` (``_L = {...}``, ``_L["impl"] = f``).
    Run alone, it is the code a source check judged: what the names run where nothing else
    of the submission ran first (no call at the top level, no patch of a module, no
    rebinding), so comparing its results with the submission's shows whether that code is
    what runs.

    Args:
        cells: the submitted code.
        names: the functions and globals a source check read.
    """
    future: list[str] = []
    body: list[str] = []
    setters = _setters(cells, names)
    for _, text, lines, node in _top_level(cells):
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            future.append(ast.unparse(node))
        elif _read_statement(node, {*names, *setters}) or _sets_read(node, names, setters):
            first = min([node.lineno, *(d.lineno for d in _decorators(node))])
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                body.append("\n".join(lines[first - 1 : node.end_lineno]))
            else:
                body.append(ast.get_source_segment(text, node) or ast.unparse(node))
    return "\n".join([*future, *body]) + "\n"


def _setters(cells: Sequence[str], names: Collection[str]) -> set[str]:
    """The top-level defs that set one of ``names``: run with the code read when called.

    ``def _setup(): global TWO; TWO = 2.0``, or ``def _fill(): CONST["two"] = 2.0``.
    """
    return {
        node.name
        for _, _, _, node in _top_level(cells)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (
            any(isinstance(n, ast.Global) and set(n.names) & set(names) for n in ast.walk(node))
            or any(_sets_read(s, names, ()) for s in node.body)
        )
    }


def statements_setting(cells: Sequence[str], name: str) -> list[ast.stmt]:
    """The top-level statements :func:`program_as_read` runs for the global ``name``.

    Its assignments, the statements that set it otherwise (:func:`_sets_read`: a whole ``if``
    or ``for`` block, a method call) and the defs that set it: a source check reads them all
    (red team, round 12: a block setting a constant also patched numpy, unread).
    """
    setters = _setters(cells, {name})
    return [
        node
        for _, _, _, node in _top_level(cells)
        if (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in setters)
        or _sets_read(node, {name}, setters)
    ]


def _sets_read(node: ast.stmt, names: Collection[str], setters: Collection[str]) -> bool:
    """Whether a top-level statement gives a read global its value other than by ``=``.

    An ``if``/``for``/``with``/``try`` assigning it, a method call putting into it
    (``SETTINGS.update(...)``, ``COEF.append(k)``), a call of a def that sets it with
    ``global`` (red team, round 11: honest constants set so were missing when run alone).
    Function and class definitions are not (their bodies run when called).
    """
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return False
    for n in ast.walk(node):
        if isinstance(n, ast.Assign):
            roots = set().union(*(target_roots(t) for t in n.targets))
        elif isinstance(n, ast.AugAssign | ast.AnnAssign | ast.NamedExpr):
            roots = target_roots(n.target)
        elif isinstance(n, ast.For | ast.AsyncFor | ast.comprehension):
            roots = target_roots(n.target)
        elif isinstance(n, ast.withitem) and n.optional_vars is not None:
            roots = target_roots(n.optional_vars)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            roots = target_roots(n.func.value)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in setters:
            return True
        else:
            continue
        if roots & set(names):
            return True
    return False


def _decorators(node: ast.stmt) -> list[ast.expr]:
    return list(getattr(node, "decorator_list", []))


def _read_statement(node: ast.stmt, names: Collection[str]) -> bool:
    """Whether a top-level statement belongs to :func:`program_as_read`."""
    if isinstance(node, ast.Import | ast.ImportFrom):
        return True
    if isinstance(node, ast.Try | ast.If | ast.With):
        return _import_block(node)
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name in names
    if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
        if (
            isinstance(node, ast.Assign)
            and all(isinstance(t, ast.Name) for t in node.targets)
            and _plain_reference(node.value)
        ):
            return True  # an alias (``sigmoid = expit``), read as an import is
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(root in names for t in targets for root in target_roots(t))
    return False


#: Calls an import block may make: a message, warnings silenced (``with
#: warnings.catch_warnings(): warnings.simplefilter("ignore"); import ...``).
_IMPORT_BLOCK_CALLS = frozenset(
    {"print", "catch_warnings", "simplefilter", "filterwarnings", "suppress"}
)


def _import_block(node: ast.stmt) -> bool:
    """A ``try``/``if``/``with`` block of imports, which runs nothing else.

    Imports, ``pass``, a ``print`` of a message (``except ImportError: print("pip install
    numpy")``), warnings silenced, a ``raise``, constants, a fallback ``def`` (read as the
    submission's: :func:`_bind_import_block`); its ``if`` test and ``with`` items only read
    names or make such calls. No other call (red team, round 13: a test ``if setattr(np,
    "expm1", np.tanh) is None:`` patched numpy in the code run alone, unread).
    """
    parts = [
        *getattr(node, "body", []),
        *(s for h in getattr(node, "handlers", []) for s in h.body),
        *getattr(node, "orelse", []),
        *getattr(node, "finalbody", []),
    ]
    if not any(isinstance(s, ast.Import | ast.ImportFrom) for s in parts):
        return False
    heads = [getattr(node, "test", None), *(i.context_expr for i in getattr(node, "items", []))]
    heads += [h.type for h in getattr(node, "handlers", [])]
    if not all(_inert(h) for h in heads if h is not None):
        return False
    for s in parts:
        if isinstance(s, ast.Try | ast.If | ast.With):
            if not _import_block(s):
                return False
        elif isinstance(s, ast.Expr | ast.Raise | ast.Assign):
            value = s.exc if isinstance(s, ast.Raise) else s.value
            if value is not None and not _inert(value, raised=isinstance(s, ast.Raise)):
                return False
        elif not isinstance(s, ast.Import | ast.ImportFrom | ast.Pass | ast.FunctionDef):
            return False
    return True


def _inert(node: ast.expr, *, raised: bool = False) -> bool:
    """Whether ``node`` only reads names and constants, or makes a call of an import block.

    ``raised``: the exception of a ``raise``, which may be made (``ImportError("...")``).
    """
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            name = n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
            made = raised and n is node and isinstance(n.func, ast.Name)
            if not (made or name in _IMPORT_BLOCK_CALLS) or not _plain_reference(n.func):
                return False
        elif isinstance(n, ast.NamedExpr | ast.Lambda | ast.Await | ast.Yield | ast.YieldFrom):
            return False
    return True


def _plain_reference(node: ast.expr) -> bool:
    """``name`` or ``module.name``: a value that runs nothing."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def target_roots(node: ast.AST) -> set[str]:
    """The names a target starts from: ``_L`` of ``_L["impl"].x``; ``a``, ``b`` of ``a, b[0]``."""
    if isinstance(node, ast.Tuple | ast.List):
        return {name for elt in node.elts for name in target_roots(elt)}
    while isinstance(node, ast.Subscript | ast.Attribute | ast.Starred):
        node = node.value
    return {node.id} if isinstance(node, ast.Name) else set()


def function_source(cells: list[str], name: str) -> str | None:
    """The source of the function ``cells``, run in order, leave bound to ``name``.

    See :func:`function_sources`; None where the name is not bound to a ``def`` of the text.
    """
    return function_sources(cells).get(name)


def compile_text(text: str, filename: str, flags: int = 0) -> Compiled:
    """Compile ``text`` statement by statement, leaving out the parts that do not compile.

    Args:
        text: a ``.py`` file or one notebook cell.
        filename: the name tracebacks and code objects carry.
        flags: ``__future__`` compiler flags already in force (from earlier cells).

    Returns:
        The compiled blocks, the compile errors and the broken definitions.
    """
    out = Compiled(flags=flags)
    try:
        tree, blanked = parse_lenient(text, filename)
    except ValueError as exc:  # NUL bytes and similar
        out.errors.append(f"{type(exc).__name__}: {exc}")
        return out
    for first, last, message, names in blanked:
        what = f"; the definition of {', '.join(n + '()' for n in names)} there was skipped"
        out.errors.append(f"lines {first}-{last}: {message}{what if names else ''}")
    body_defs: list[tuple[int, str]] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                out.flags |= _FUTURE_FLAGS.get(alias.name, 0)
            continue
        module = ast.Module(body=[node], type_ignores=[])
        try:
            code = compile(module, filename, "exec", flags=out.flags, dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:  # 'return' outside
            if isinstance(exc, SyntaxError):
                message = _describe_syntax_error(exc)
            else:
                message = str(exc) if isinstance(exc, ValueError) else TOO_DEEP
            out.errors.append(f"line {node.lineno}: {message}")
            continue
        defines = node.name if isinstance(node, ast.FunctionDef) else None
        out.blocks.append(Block(node.lineno, node.end_lineno or node.lineno, code, defines))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body_defs.append((node.lineno, node.name))
            out.defined.append(node.name)
    for first, _, message, names in blanked:
        for name in names:
            later = any(line > first and n == name for line, n in body_defs)
            if not later:
                out.broken[name] = f"{message}, in the definition at line {first}"
    return out


def run_blocks(
    blocks: list[Block],
    ns: dict[str, Any],
    describe: Callable[[BaseException], str],
    *,
    block_limit: Callable[[], float | None] | None = None,
    skip: Mapping[int, str] | None = None,
    before_block: Callable[[int, Block], None] | None = None,
    own: dict[str, Any] | None = None,
) -> list[str]:
    """Run compiled blocks in ``ns``; return a message for each block that failed.

    Args:
        blocks: from :func:`compile_text`.
        ns: the submission's namespace.
        describe: turns an exception into ``"Type: message"``.
        block_limit: if given, called before each block for the seconds it may take; a block
            that takes longer is stopped and skipped like one that raises. Without it a
            :class:`LoadTimeout` propagates: the caller's own limit decides.
        skip: ``{block index: why}`` of blocks not to run (one that ended the interpreter
            in an earlier attempt); each is reported with its reason.
        before_block: called with ``(index, block)`` just before each block runs.
        own: filled with ``{name: function}`` of each ``def`` that ran (the last one).

    Returns:
        ``"line 3: ModuleNotFoundError: No module named 'public_tests' (skipped)"``, ...
    """
    errors: list[str] = []
    for index, block in enumerate(blocks):
        where = (
            f"line {block.first}"
            if block.first == block.last
            else f"lines {block.first}-{block.last}"
        )
        if skip and index in skip:
            errors.append(f"{where}: {skip[index]}")
            continue
        if before_block is not None:
            before_block(index, block)
        limit = block_limit() if block_limit is not None else None
        try:
            with time_limit(limit):
                exec(block.code, ns)  # noqa: S102 - running the student's code is the point
            if own is not None and block.defines is not None:
                own[block.defines] = ns.get(block.defines)
        except LoadTimeout:
            if block_limit is None:
                raise
            errors.append(
                f"{where}: TimeoutError: did not finish within {limit:g} s (skipped; infinite "
                "loop?)"
            )
        except BaseException as exc:  # noqa: BLE001 - student code may raise anything
            text = _AT_MODULE_LEVEL.sub("", describe(exc))
            errors.append(f"{where}: {text} (skipped)")
    return errors


@contextmanager
def time_limit(seconds: float | None, error: type[BaseException] = LoadTimeout) -> Iterator[None]:
    """Raise ``error`` in the block after ``seconds`` (main thread, POSIX only).

    No limit where ``seconds`` is None or not positive. ``error`` should derive from
    ``BaseException`` only, so that student code's ``except Exception`` cannot swallow it
    (:class:`LoadTimeout` while loading, a call's own time-out while calling).
    """
    usable = (
        seconds is not None and seconds > 0 and hasattr(signal, "setitimer") and _in_main_thread()
    )
    if not usable:
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise error()

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, max(float(seconds), 0.001))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextmanager
def timer_paused() -> Iterator[None]:
    """Stop the clock of :func:`time_limit` in the block: a stand-in's time is the grader's.

    A call whose building block stands in as the grader's is limited by the student's own
    time, as in the sandbox's worker, not by how fast the grader answers.
    """
    if not hasattr(signal, "setitimer"):
        yield
        return
    left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield
    finally:
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


@dataclass
class LoadReport:
    """What loading a submission's cells left behind besides its namespace.

    Attributes:
        errors: one line per statement or cell that failed (``cell 2, line 3: ...``).
        broken: ``{function name: message}`` for functions whose last definition did not
            compile; they are removed from the namespace.
        flags: ``__future__`` flags in force at the end.
        own: ``{name: function}`` of the last ``def`` of each name that ran.
    """

    errors: list[str] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)
    flags: int = 0
    own: dict[str, Any] = field(default_factory=dict)


def load_cells(
    cells: list[tuple[str, str]],
    ns: dict[str, Any],
    *,
    notebook: bool,
    cell_timeout: float,
    deadline: float,
    describe: Callable[[BaseException], str],
    clock: Callable[[], float],
    report: LoadReport | None = None,
    skip_blocks: Mapping[int, str] | None = None,
    before_block: Callable[[int, Block], None] | None = None,
) -> LoadReport:
    """Run a submission's cells in ``ns``, statement by statement, within time limits.

    A ``.py`` file is one cell; each of its top-level statements may take ``cell_timeout``
    seconds. A notebook cell as a whole may take ``cell_timeout`` seconds (as nbgrader's
    per-cell limit); a cell that overruns is stopped and the following cells still run.

    Args:
        cells: ``[(file name, code)]`` in order.
        ns: the namespace to run in.
        notebook: True for notebook cells, False for one ``.py`` file.
        cell_timeout: seconds per notebook cell, or per top-level statement of a file.
        deadline: ``clock()`` value after which nothing more runs.
        describe: turns an exception into ``"Type: message"``.
        clock: a monotonic clock.
        report: an earlier report to continue (cells loaded one at a time).
        skip_blocks: ``{block index: why}`` of top-level statements not to run (for one
            cell: pass one cell at a time), see :func:`run_blocks`.
        before_block: called with ``(index, block)`` before each statement runs (the
            isolated worker reports progress with it, to know which statement to skip when
            one ends the interpreter).

    Returns:
        The errors, the broken definitions and the ``__future__`` flags.
    """
    report = report if report is not None else LoadReport()
    with _registered(ns):
        for filename, code in cells:
            label = f"{filename.strip('<>').replace('student ', '')}, " if notebook else ""
            left = deadline - clock()
            if left <= 0:
                report.errors.append(f"{label}not run: the time for loading the code ran out")
                continue
            compiled = compile_text(code, filename, report.flags)
            report.flags = compiled.flags
            report.errors.extend(label + e for e in compiled.errors)
            for name in compiled.defined:
                report.broken.pop(name, None)
            report.broken.update(compiled.broken)
            if notebook:
                limit = min(cell_timeout, left)
                try:
                    with time_limit(limit):
                        errors = run_blocks(
                            compiled.blocks,
                            ns,
                            describe,
                            skip=skip_blocks,
                            before_block=before_block,
                            own=report.own,
                        )
                except LoadTimeout:
                    errors = [
                        f"TimeoutError: the cell did not finish within {limit:g} s and was stopped "
                        "(infinite loop?)"
                    ]
            else:
                errors = run_blocks(
                    compiled.blocks,
                    ns,
                    describe,
                    block_limit=lambda: max(min(cell_timeout, deadline - clock()), 0.001),
                    skip=skip_blocks,
                    before_block=before_block,
                    own=report.own,
                )
            report.errors.extend(label + e for e in errors)
    for name in report.broken:
        ns.pop(name, None)
    _keep_own_defs(ns, report)
    return report


class _Namespace:
    """The submission's entry in ``sys.modules``: its ``__dict__`` is the namespace.

    ``@dataclass`` looks its class's module up there (sweep 15: a top-level dataclass
    failed to load, and every function using it with it).
    """

    def __init__(self, ns: dict[str, Any]) -> None:
        self.__dict__ = ns


@contextlib.contextmanager
def _registered(ns: dict[str, Any]) -> Iterator[None]:
    """``ns`` registered in ``sys.modules`` under its ``__name__`` while its code loads."""
    name = str(ns.get("__name__", "__student__"))
    before = sys.modules.get(name)
    sys.modules[name] = _Namespace(ns)  # type: ignore[assignment]
    try:
        yield
    finally:
        if before is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = before


def _keep_own_defs(ns: dict[str, Any], report: LoadReport) -> None:
    """Give back a student's ``def`` that a later import of the course's helpers rebound.

    A file that holds both of the course's notebooks defines ``L_model_forward`` and then
    runs the application's ``from dnn_app_utils_v2 import *``, which binds the helper's: the
    student's own function is the one to grade (the static reading of the text ignores such
    an import too, see :func:`function_sources`).
    """
    for name, fn in report.own.items():
        if name not in report.broken and ns.get(name) is not fn and is_helper(ns.get(name)):
            ns[name] = fn
            report.errors.append(
                f"{name}(): a later import of the course's helper module rebinds it (skipped: "
                "your own definition is graded)"
            )


# --------------------------------------------------------------------------- run-time identity

#: How many ``__wrapped__`` links :func:`code_identity` follows.
MAX_WRAPPED = 8


def code_identity(value: Any) -> list[Any]:
    """What a name is bound to at run time, as plain data, to compare with the def read.

    Each entry is ``[co_filename, co_firstlineno, co_name]`` of a plain function's code, or
    the type's name (``"numpy.ufunc"``) of any other object. The first entry is the object
    itself; the next follow a decorator's ``__wrapped__`` links (read from a function's own
    ``__dict__`` only, never through attributes student code could answer).
    """
    out: list[Any] = []
    seen: set[int] = set()
    while len(out) <= MAX_WRAPPED and id(value) not in seen:
        seen.add(id(value))
        if type(value) is FunctionType:
            code = FunctionType.__dict__["__code__"].__get__(value)
            out.append([str(code.co_filename), int(code.co_firstlineno), str(code.co_name)])
            wrapped = value.__dict__.get("__wrapped__")
        elif type(value) is _LRU_CACHE_WRAPPER:  # @functools.lru_cache, @functools.cache
            out.append("functools._lru_cache_wrapper")
            wrapped = value.__dict__.get("__wrapped__")
        else:
            out.append(_type_name(type(value)))
            break
        if wrapped is None:
            break
        value = wrapped
    return out


_LRU_CACHE_WRAPPER = type(functools.lru_cache()(len))


def _type_name(kind: type) -> str:
    """``module.qualname`` of a type, read past any metaclass of the student's."""
    try:
        module = type.__getattribute__(kind, "__module__")
        qualname = type.__getattribute__(kind, "__qualname__")
    except Exception:  # noqa: BLE001 - a student's class may hold anything
        return "?"
    return f"{module}.{qualname}" if type(module) is str and type(qualname) is str else "?"


def bound_identities(ns: Mapping[str, Any], names: Any = None) -> dict[str, list[Any] | None]:
    """``{name: code_identity}`` of the callables of ``ns`` (of ``names``: None where absent).

    Read by the grader's code after the student's code ran (the isolated worker reports it
    after loading and after each call), see :func:`rebinding`.
    """
    if names is None:
        names = [n for n in list(ns) if type(n) is str and not n.startswith("__")]
    out: dict[str, list[Any] | None] = {}
    for name in names:
        value = ns.get(name)
        out[name] = code_identity(value) if callable(value) else None
    return out


def rebinding(name: str, place: DefPlace, files: list[str], identity: Any) -> str | None:
    """Why ``name`` does not run the ``def`` at ``place``, or None when it runs it.

    Only a plain match counts: the code object of the function bound to ``name`` (for a
    decorated def, or one of its ``__wrapped__`` links) has the def's file, first line and
    name. Anything else (another function, another kind of object, nothing, a report that
    is not plain data) is a mismatch: the source the grader reads is not the code that runs.

    Args:
        name: the name bound.
        place: where its def is (:func:`def_places`).
        files: the file name each cell was compiled with.
        identity: :func:`code_identity` of what ``name`` is bound to, as reported.
    """
    if not 0 <= place.cell < len(files):
        return None
    expected = [files[place.cell], place.first, place.name]
    entries = identity if type(identity) is list else []
    own = entries[:1] if not place.decorated else entries[: MAX_WRAPPED + 1]
    if any(type(e) is list and e == expected for e in own):
        return None
    what = _describe_identity(entries[0] if entries else None, files)
    shown = f"def {place.name}" + (f" ({name} = {place.name})" if name != place.name else "")
    cell = f" of cell {place.cell + 1}" if len(files) > 1 else ""
    return (
        f"{name} is rebound at run time to {what}, not the {shown} of line {place.first}"
        f"{cell} whose source the grader reads: its source checks cannot pass (define "
        f"{name} once with def and do not rebind it with global or through a frame's "
        "f_globals)."
    )


def _describe_identity(entry: Any, files: list[str]) -> str:
    """A reported identity entry in words, from plain values only."""
    if type(entry) is str:
        kind = entry[:80] if re.fullmatch(r"[\w.<>]+", entry) else "an object"
        return f"a {kind} object" if kind != "an object" else kind
    if type(entry) is list and len(entry) == 3:
        file, line, co_name = entry
        fname = co_name if type(co_name) is str and co_name.isidentifier() else "?"
        fname = fname[:60]
        if type(file) is str and file in files and type(line) is int:
            cell = files.index(file)
            where = f" of cell {cell + 1}" if len(files) > 1 else ""
            return f"another function, {fname}() of line {line}{where}"
        if type(file) is str and os.path.dirname(os.path.abspath(file)) == HELPERS_DIR:
            return f"the course helper {fname}()"
        return f"another function ({fname}(), not defined in the submitted code)"
    return "something other than a function"


# --------------------------------------------------------------------------- stand-ins

_CO_VARARGS, _CO_VARKEYWORDS = 0x04, 0x08


def _signature(code: CodeType) -> tuple[str, str]:
    """``(parameter list, call arguments)`` re-creating a code object's signature."""
    names = code.co_varnames
    argc, posonly, kwonly = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
    pos, kwo = list(names[:argc]), list(names[argc : argc + kwonly])
    i = argc + kwonly
    varargs = varkw = None
    if code.co_flags & _CO_VARARGS:
        varargs, i = names[i], i + 1
    if code.co_flags & _CO_VARKEYWORDS:
        varkw = names[i]
    params = pos[:posonly] + (["/"] if posonly else []) + pos[posonly:]
    call = list(pos)
    if varargs:
        params.append(f"*{varargs}")
        call.append(f"*{varargs}")
    elif kwo:
        params.append("*")
    params += kwo
    call += [f"{k}={k}" for k in kwo]
    if varkw:
        params.append(f"**{varkw}")
        call.append(f"**{varkw}")
    return ", ".join(params), ", ".join(call)


def stand_in(original: Any, bridge: Callable[..., Any], name: str) -> Any:
    """A function that looks like the submission's ``original`` and forwards calls to ``bridge``.

    The grader's proxies bind a name of the submission to such a stand-in for one call (see
    :meth:`autograder.submission.Submission.call`). It has the original's ``__name__``,
    ``__qualname__``, ``__module__``, docstring, defaults and parameter names, and its code
    object the original's file name and first line; the code holds no other strings (its one
    free variable is named after the function). Each call is passed on as
    ``bridge(*positional, **keyword)``, bound as the original's signature binds it.

    Args:
        original: the submission's function (or any callable bound to ``name``).
        bridge: what the calls go to.
        name: the name being replaced.

    Returns:
        The stand-in function.
    """
    import keyword
    import types

    code = getattr(original, "__code__", None)
    if type(original) is not types.FunctionType or type(code) is not CodeType:
        code = compile("def f(*args, **kwargs): pass", "<string>", "exec").co_consts[0]
        filename, first, qualname, module = "<string>", 1, name, None
    else:
        filename, first = code.co_filename, code.co_firstlineno
        qualname, module = original.__qualname__, original.__module__
    fname = getattr(original, "__name__", name)
    if type(fname) is not str or not fname.isidentifier() or keyword.iskeyword(fname):
        fname = name
    params, call = _signature(code)
    free = fname if fname not in code.co_varnames else "_" + fname
    source = f"def _({free}):\n def {free}({params}):\n  return {free}({call})\n return {free}\n"
    outer = compile(source, filename, "exec", dont_inherit=True).co_consts[0]
    inner = next(c for c in outer.co_consts if type(c) is CodeType)
    inner = inner.replace(co_name=fname, co_qualname=qualname, co_firstlineno=first)
    fn = types.FunctionType(
        inner,
        getattr(original, "__globals__", {}),
        fname,
        getattr(original, "__defaults__", None),
        (types.CellType(bridge),),
    )
    fn.__qualname__ = qualname
    if module is not None:
        fn.__module__ = module
    for attr in ("__doc__", "__kwdefaults__", "__annotations__"):
        try:
            setattr(fn, attr, getattr(original, attr))
        except (AttributeError, TypeError):
            pass
    try:
        fn.__dict__.update(dict(getattr(original, "__dict__", {})))
    except (TypeError, ValueError):
        pass
    return fn


def in_place_like(original: Any, bridge: Callable[..., Any]) -> Callable[..., Any]:
    """``bridge``, writing its result into its first argument as ``original`` does.

    The course's older ``update_parameters`` writes the new arrays into the caller's dict
    (``parameters["W1"] = ...``), or into the arrays themselves (``-=``), and a model may rely
    on it (it drops ``parameters =``, or never reads W1 again): right with the student's own
    block, such a model trained nothing with the grader's, which returns a new dict (sweep 18
    F1, F2: a double penalty). On its first call the stand-in runs ``original`` once on copies
    (what it prints and draws discarded) to see which it does; then, where the first argument
    is a dict and the result a dict, it writes each array of the result into that dict as
    ``original`` did: into the arrays themselves, or as the dict's entries; and returns that
    dict where ``original`` returns the dict it was given.
    """
    how: list[tuple[str | None, bool]] = []

    def call(*args: Any, **kwargs: Any) -> Any:
        value = bridge(*args, **kwargs)
        target = args[0] if args and type(args[0]) is dict else None
        if target is None or type(value) is not dict:
            return value
        if not how:
            how.append(_mutation_of(original, args, kwargs))
        mode, returns_it = how[0]
        if mode is None:
            return value
        for key, new in value.items():
            old = target.get(key)
            if mode == "arrays" and _writable_like(old, new):
                old[...] = new
            else:
                target[key] = new
        return target if returns_it else value

    return call


def _writable_like(old: Any, new: Any) -> bool:
    import numpy as np

    return (
        isinstance(old, np.ndarray)
        and isinstance(new, np.ndarray)
        and old.shape == new.shape
        and old.flags.writeable
    )


def _mutation_of(
    original: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[str | None, bool]:
    """How ``original`` changes its first argument, a dict, and whether it returns that dict.

    ``"arrays"`` (``-=``), ``"entries"`` (``parameters["W1"] = ...``) or None.
    """
    import copy

    import numpy as np

    try:
        a, k = copy.deepcopy((args, kwargs))
        target = a[0]
        ids = {key: id(v) for key, v in target.items()}
        before = {key: np.array(v, copy=True) for key, v in target.items()}
        state = np.random.get_state()
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                returned = original(*a, **k)
        finally:
            np.random.set_state(state)
    except Exception:  # noqa: BLE001 - the student's block failing says nothing of it
        return None, False
    arrays = any(
        id(v) == ids.get(key) and not np.array_equal(np.asarray(v), before[key])
        for key, v in target.items()
        if key in before
    )
    entries = target.keys() != ids.keys() or any(id(v) != ids[key] for key, v in target.items())
    return ("arrays" if arrays else "entries" if entries else None), returned is target


def proxy_error(type_name: str, message: str) -> Exception:
    """The exception a stand-in raises where the grader's function raised ``type_name``.

    A built-in exception type is kept (``ValueError``); any other becomes ``RuntimeError``.
    A ``KeyError`` raises its key again (``'db1'``, not ``"'db1'"``).
    """
    import builtins

    kind = getattr(builtins, str(type_name), None)
    if not (isinstance(kind, type) and issubclass(kind, Exception)):
        kind = RuntimeError
    if kind is KeyError:  # its message is the key's repr: raise the key, not its repr again
        try:
            return KeyError(ast.literal_eval(str(message)))
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            pass
    try:
        return kind(str(message))
    except Exception:  # noqa: BLE001 - types with other constructors
        return RuntimeError(str(message))


#: Cell magics whose body IPython runs as Python in the notebook's namespace (``%%time``...):
#: their first line is left out, their body is the cell's code. Any other cell magic
#: (``%%writefile``, ``%%script``, ``%%bash``, ``%%html``...) makes a cell that is not Python.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "memit"})


def cell_code(source: str) -> str:
    """A notebook code cell's source as the grader runs it: IPython's magics left out.

    As IPython reads a cell: a cell magic on its first line (after blank lines) runs its
    body as Python only for :data:`PYTHON_CELL_MAGICS`; any other makes the whole cell
    contribute no code. A line whose first non-blank character is ``%`` or ``!`` is a line
    magic or a shell escape, dropped, only where it starts a logical line: inside brackets,
    a string or after a backslash it continues the statement (``% (i, cost))``, ``!= 0``).

    Args:
        source: the cell's source.

    Returns:
        The cell's Python code (empty for a cell that is not Python).
    """
    lines = source.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip()), len(lines))
    if first < len(lines) and lines[first].startswith("%%"):
        magic = lines[first][2:].split(maxsplit=1)
        if not magic or magic[0] not in PYTHON_CELL_MAGICS:
            return ""
        lines = lines[first + 1 :]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith(("%", "!")):
            i += 1
            continue
        span = _logical_line_span(lines, i)
        kept.extend(lines[i : i + span])
        i += span
    return "\n".join(kept)


def _logical_line_span(lines: list[str], start: int) -> int:
    """How many physical lines the logical line starting at ``lines[start]`` spans.

    Read with :mod:`tokenize` up to the logical line's end, each line without its
    indentation (which does not change where a bracket, string or backslash ends, and
    spares tokenize's indentation checks). A statement still open at the end of ``lines``
    spans all the rest; a line tokenize cannot read spans itself.
    """
    feed = (lines[j].lstrip() + "\n" for j in range(start, len(lines)))
    depth = 0
    try:
        for tok in tokenize.generate_tokens(lambda: next(feed, "")):
            if tok.type == tokenize.OP and tok.string in "([{":
                depth += 1
            elif tok.type == tokenize.OP and tok.string in ")]}":
                depth -= 1
            elif tok.type == tokenize.NEWLINE or (tok.type == tokenize.NL and depth <= 0):
                return tok.end[0]
            elif tok.type == tokenize.ENDMARKER:
                break
    except tokenize.TokenError:
        return len(lines) - start
    except SyntaxError:  # IndentationError and other errors of text that is not Python
        return 1
    return max(1, len(lines) - start)


#: Methods of ``get_ipython()`` a Jupyter ``.py`` export calls for a line magic or a shell
#: escape (``%matplotlib inline``, ``!pip install``): such a statement is left out.
_EXPORTED_LINE_MAGICS = frozenset({"run_line_magic", "system", "magic", "getoutput"})


def decode_source(data: bytes) -> str:
    """A ``.py`` file's text, read as Python reads it: in its PEP 263 encoding.

    ``# -*- coding: cp1252 -*-`` (or a UTF-8 BOM) names the encoding; without one, UTF-8.
    A declaration Python does not know is ignored (read as UTF-8). Line ends become newlines.

    Args:
        data: the file's bytes.

    Returns:
        The text.

    Raises:
        UnicodeDecodeError: for bytes that are not text in that encoding.
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # an unknown encoding, or a declaration that contradicts a BOM
        encoding = "utf-8"
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding).read()


def script_code(text: str) -> str:
    """A ``.py`` file's code as the grader runs it: Jupyter's exported magics undone.

    Jupyter's export to Python (nbconvert) writes a cell magic as a top-level statement
    ``get_ipython().run_cell_magic('time', '', 'the cell's code')``: such a statement is
    replaced by the cell's code as :func:`cell_code` reads the cell (nothing for a
    ``%%writefile`` cell), which then takes the lines after it further down. Exported line
    magics and shell escapes (``get_ipython().run_line_magic(...)``, ``.system(...)``) at top
    level are left out. Everything else is kept as it is.

    Args:
        text: the file's text.

    Returns:
        The code.
    """
    if "get_ipython()" not in text:
        return text
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        span = _logical_line_span(lines, i)
        statement = lines[i : i + span]
        if lines[i].startswith("get_ipython()"):
            cell = _exported_cell(statement)
            if cell is not None:
                out.extend(cell_code(cell).splitlines())
                i += span
                continue
        out.extend(statement)
        i += span
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _exported_cell(statement: list[str]) -> str | None:
    """The notebook cell an exported ``get_ipython()`` statement stands for, else None.

    ``get_ipython().run_cell_magic(NAME, LINE, BODY)`` with string constants is the cell
    ``%%NAME LINE`` + BODY; a line magic or shell escape is an empty cell.
    """
    try:
        tree = ast.parse("\n".join(statement))
    except (SyntaxError, ValueError):
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    call = tree.body[0].value
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Call)
        and isinstance(call.func.value.func, ast.Name)
        and call.func.value.func.id == "get_ipython"
        and not call.func.value.args
        and not call.func.value.keywords
        and not call.keywords
        and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)
    ):
        return None
    args = [a.value for a in call.args]
    if call.func.attr == "run_cell_magic" and len(args) == 3:
        return f"%%{args[0]} {args[1]}\n{args[2]}"
    if call.func.attr in _EXPORTED_LINE_MAGICS:
        return ""
    return None
