"""The calls a source check can follow in the code it reads, and the ones it cannot.

A source check (``no_loops``, tanh's ``own_implementation``) judges the code it reads. Each
red-team round found another way to run what the reading did not see: a loop function under
another name (``_M = map``, ``from itertools import starmap as _sm``), text run by a module
that compiles it (``cProfile.Profile().runctx``), a function looked up by name in a module's
tables (``string.Formatter().get_field``), a function kept in a dict, a parameter's default
or a class's special method (red team, round 13). Listing what to refuse leaks; this module
lists what a check can follow instead:

- the submission's own functions called by name (the check reads them too), and the
  parameters of the code read (its calls are read where the code is handed:
  ``checklib.code_values``);
- numpy (but not the functions that call Python code once per item, :data:`NUMPY_LOOPS`),
  ``math``, a few modules that run no code of the caller's, the course's helper modules;
- the builtins of :data:`FOLLOWED_BUILTINS`;
- methods of values (``X.sum()``, ``grads.items()``);
- a local name given only such functions (``act = sigmoid``).

Everything else (a call of a subscript, of a call's result, of a name from another module,
of a builtin that calls what it is given, such as ``map``, ``iter`` or ``next``) is a call
the check cannot follow, and the check fails, naming it. Parameter defaults that are code or
a call are such calls too (``def go(i, f=step)``).
"""

from __future__ import annotations

import ast
import builtins
import sys
from collections.abc import Collection, Iterable, Sequence

from autograder import codeload

#: Modules whose functions the code read may call (and their submodules), and single
#: functions of others (a decorator's ``functools.wraps``).
FOLLOWED_MODULES = ("numpy", "math", "copy", "time", "warnings", "scipy.special")
FOLLOWED_MODULES += ("functools.wraps", "functools.lru_cache", "functools.cache")
FOLLOWED_MODULES += ("collections.namedtuple", "dataclasses.dataclass", "typing.NamedTuple")
FOLLOWED_MODULES += (  # functions that call nothing of the caller's (sweep 15)
    "typing.cast", "collections.OrderedDict", "timeit.default_timer", "datetime.datetime",
    "datetime.date", "datetime.timedelta", "contextlib.suppress", "pprint.pprint",
    "pprint.pformat", "logging.getLogger", "logging.basicConfig", "logging.debug",
    "logging.info", "logging.warning", "logging.error",
    *(f"operator.{f}" for f in ("add", "sub", "mul", "truediv", "matmul", "neg", "pow")),
)  # fmt: skip
#: Builtin types a default value may be (``dtype=float``).
DEFAULT_TYPES = frozenset({"float", "int", "bool", "complex", "str", "True", "False", "None"})
#: The key of :func:`import_origins` under which the modules of ``from m import *`` are.
STAR = "*"
#: numpy's functions that call Python code once per item (a loop written as a call).
NUMPY_LOOPS = frozenset(
    {"vectorize", "frompyfunc", "apply_along_axis", "apply_over_axes", "fromiter"}
    | {"fromfunction", "piecewise", "nditer", "ndindex", "ndenumerate", "nested_iters"}
)
#: Builtins the code read may call: none of them calls code it is given once per item.
FOLLOWED_BUILTINS = frozenset(
    {"abs", "all", "any", "bool", "dict", "divmod", "enumerate", "float", "int", "isinstance"}
    | {"len", "list", "max", "min", "pow", "print", "range", "reversed", "round", "set"}
    | {"sorted", "str", "sum", "tuple", "zip", "type", "repr", "callable", "hasattr", "format"}
    | {"complex", "issubclass", "object", "super", "slice", "frozenset", "hash", "id"}
    | {n for n in dir(builtins) if n.endswith(("Error", "Exception", "Warning"))}
)


def import_origins(cells: Sequence[str]) -> dict[str, set[str]]:
    """``{name: {"numpy.tanh", ...}}``: what every import of ``cells`` binds each name to.

    Imports anywhere (in a block, in a function): a name bound by an import anywhere may be
    that import's, whichever binding runs. The modules of ``from m import *`` are under
    :data:`STAR`.
    """
    out: dict[str, set[str]] = {}
    for _, _, tree in codeload.trees(list(cells)):
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    name = a.asname or a.name.split(".")[0]
                    out.setdefault(name, set()).add(a.name if a.asname else name)
            elif isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                for a in node.names:
                    star = a.name == "*"
                    name = STAR if star else a.asname or a.name
                    out.setdefault(name, set()).add(module if star else f"{module}.{a.name}")
    return out


def pairs(target: ast.expr, value: ast.expr) -> list[tuple[str, ast.expr]]:
    """The names an assignment binds, each with its value: ``dot, log = np.dot, np.log``.

    A name unpacked from anything but a display of as many values gets the whole value.
    """
    if isinstance(target, ast.Name):
        return [(target.id, value)]
    if isinstance(target, ast.Tuple | ast.List):
        if isinstance(value, ast.Tuple | ast.List) and len(value.elts) == len(target.elts):
            return [p for t, v in zip(target.elts, value.elts) for p in pairs(t, v)]
        return [(n.id, value) for n in ast.walk(target) if isinstance(n, ast.Name)]
    return []


def _followed_origin(origin: str, numpy_loops: Collection[str] = NUMPY_LOOPS) -> bool:
    """Whether a function of this dotted origin is one the code read may call."""
    modules = (*FOLLOWED_MODULES, *codeload.HELPER_MODULES)
    inside = any(origin == m or origin.startswith(m + ".") for m in modules)
    return inside and not (set(origin.split(".")) & set(numpy_loops))


def unfollowed_call(
    trees: Iterable[ast.AST],
    code_names: Collection[str],
    origins: dict[str, set[str]],
    refused: Collection[str] = (),
    *,
    aliases: dict[str, ast.expr] | None = None,
    accepted: Collection[int] = (),
    loops: bool = False,
    classes: Collection[str] = (),
    defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] | None = None,
    own_methods: Collection[str] = (),
) -> tuple[ast.AST, str] | None:
    """The first call in ``trees`` (the code a check read) that it cannot follow, and why.

    Args:
        trees: the code read (functions, and the statements that give read globals values).
        code_names: the names of the code read (its functions, and names holding them).
        origins: :func:`import_origins` of the submission.
        refused: attribute names no call may reach (``tanh`` for tanh's check).
        aliases: the submission's top-level ``name = value`` (``sigmoid = expit``).
        accepted: ids of calls accepted otherwise (``map`` over a few values written out).
        loops: whether loops written as calls are followed too (``map``, ``np.vectorize``:
            tanh may loop, it must not reach numpy's tanh).
        classes: the submission's classes: an object of one is called through its
            ``__call__``, which is read with the class (``act = Sigmoid(); act(z)``).
        defs: the defs of all the code read, by name: what a call hands to a parameter the
            def calls must be followed too (red team, round 14: numpy's tanh, found by
            name, handed to ``def _apply(f, z): return f(z)``).
        own_methods: classes of the code read whose methods named in ``refused`` are their
            own defs, read with them (``Activations.tanh(z)``, a static method).

    Returns:
        ``(node, what)``: the call or default and what the code does there (``calls map()``,
        ``has the default value ...``), or None.
    """
    trees = list(trees)
    params: set[str] = set()
    given: dict[str, list[ast.expr]] = {}  # local names and the values assigned to them
    targets: set[str] = set()  # loop, with and comprehension targets
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                args = node.args
                params |= {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
                params |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
                for default in [*args.defaults, *(d for d in args.kw_defaults if d)]:
                    if not _plain_default(default, code_names, origins, refused):
                        return default, f"has the default value {ast.unparse(default)}"
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    for name, value in pairs(t, node.value):
                        given.setdefault(name, []).append(value)
            elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
                for name, value in pairs(node.target, node.value):  # f: object = map
                    given.setdefault(name, []).append(value)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                given.setdefault(node.target.id, []).append(node.value)
            elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
                targets |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                targets |= {n.id for n in ast.walk(node.optional_vars) if isinstance(n, ast.Name)}
    scope = _Scope(
        code_names, origins, params, given, targets, refused, aliases or {}, loops, classes
    )
    scope.own_methods = frozenset(own_methods)
    calling = {name: [_called_params(fn) for fn in fns] for name, fns in (defs or {}).items()}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and id(node) not in accepted:
                partial = scope.partial_of_constants(node)  # makes a call of its function
                why = scope.why_not(node.args[0] if partial else node.func)
                if why is not None:
                    return node, f"calls {why}"
                handed = _handed_to_calls(node, calling, scope)
                if handed is not None:
                    return node, handed
                if not loops and _objects_array(node):
                    return node, (
                        "makes an array of Python objects (dtype=object), whose methods numpy "
                        "calls once per item"
                    )
            elif (
                isinstance(node, ast.Attribute)
                and node.attr in refused
                and getattr(node.value, "id", None) not in scope.own_methods
            ):
                return node, f"uses {ast.unparse(node)}"
    return None


def _called_params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str | int, str]:
    """``{position or keyword: parameter}`` of the parameters ``fn`` calls."""
    called = {
        n.func.id for n in ast.walk(fn) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    named = [*fn.args.posonlyargs, *fn.args.args]
    out: dict[str | int, str] = {i: a.arg for i, a in enumerate(named) if a.arg in called}
    out |= {a.arg: a.arg for a in [*named, *fn.args.kwonlyargs] if a.arg in called}
    return out


def _handed_to_calls(
    call: ast.Call, calling: dict[str, list[dict[str | int, str]]], scope: _Scope
) -> str | None:
    """What ``call`` hands to a parameter its def calls, where that cannot be followed.

    ``calling``: for each def of the code read by name, the parameters it calls
    (:func:`_called_params`).
    """
    name = call.func.id if isinstance(call.func, ast.Name) else None
    for called in calling.get(name or "", ()):
        given = [*enumerate(call.args), *((k.arg, k.value) for k in call.keywords)]
        for at, value in given:
            if at in called and (isinstance(value, ast.Starred) or scope.why_not(value)):
                return f"hands {ast.unparse(value)} to {name}(), which calls it"
    return None


def _objects_array(call: ast.Call) -> bool:
    """A call that makes an array of Python objects: ``dtype=object``, ``.astype(object)``."""
    values = [k.value for k in call.keywords if k.arg == "dtype"]
    if isinstance(call.func, ast.Attribute) and call.func.attr == "astype":
        values += call.args[:1]
    return any(
        (isinstance(v, ast.Name) and v.id == "object")
        or (isinstance(v, ast.Attribute) and v.attr == "object_")
        or (isinstance(v, ast.Constant) and v.value in ("O", "object"))
        for v in values
    )


def _plain_default(
    node: ast.expr,
    code_names: Collection[str],
    origins: dict[str, set[str]],
    refused: Collection[str],
) -> bool:
    """A default value that holds no code but the code read: a constant, ``np.float64``, ``float``.

    It may call followed functions with such values (``np.finfo(float).eps``): a default is
    computed once, when the def runs. It may be one of the functions read, by name
    (``activation=sigmoid``): a call of the parameter is then a call of it (a loop through it
    back to the def is recursion, :func:`autograder.checklib.default_names`).
    """
    if isinstance(node, ast.Name) and node.id in code_names:
        return True
    for n in ast.walk(node):
        if isinstance(n, ast.Lambda | ast.NamedExpr):
            return False
        if isinstance(n, ast.Call):
            func = n.func.value if isinstance(n.func, ast.Attribute) else n.func
            root = func
            while isinstance(root, ast.Attribute):
                root = root.value
            if not (isinstance(root, ast.Name) and root.id in origins):
                return False
        if isinstance(n, ast.Attribute) and n.attr in NUMPY_LOOPS | set(refused):
            return False
        if isinstance(n, ast.Name):
            if n.id in code_names:
                return False
            if n.id in origins:
                if not all(_followed_origin(o) for o in origins[n.id]):
                    return False
            elif hasattr(builtins, n.id) and n.id not in DEFAULT_TYPES:
                return False
    return True


class _Scope:
    """What the names of the code read are, to tell whether a call can be followed."""

    def __init__(
        self,
        code_names: Collection[str],
        origins: dict[str, set[str]],
        params: set[str],
        given: dict[str, list[ast.expr]],
        targets: set[str],
        refused: Collection[str],
        aliases: dict[str, ast.expr],
        loops: bool,
        classes: Collection[str],
    ) -> None:
        self.code, self.origins, self.params = code_names, origins, params
        self.given, self.targets, self.refused = given, targets, refused
        self.aliases, self.classes = aliases, frozenset(classes)  # an object: its __call__
        self.own_methods: frozenset[str] = frozenset()  # Activations.tanh: a def read
        self.numpy_loops = frozenset() if loops else NUMPY_LOOPS
        self.builtins = FOLLOWED_BUILTINS | ({"map", "filter"} if loops else set())

    def why_not(self, func: ast.expr, seen: frozenset[str] = frozenset()) -> str | None:
        """None where a call of ``func`` can be followed, else a phrase naming it."""
        if isinstance(func, ast.Name):
            return self._name(func.id, seen)
        if isinstance(func, ast.Lambda):  # read where it stands (``act = lambda z: ...``)
            return None
        if isinstance(func, ast.Call) and self.partial_of_constants(func):
            return self.why_not(func.args[0], seen)  # partial(np.sum, axis=1): np.sum
        if isinstance(func, ast.Call) and self._made(func.func):
            return None  # what a followed module's factory makes (namedtuple("P", "two"))
        if isinstance(func, ast.Call) and getattr(func.func, "id", None) in self.classes:
            return None  # an object of the submission's own class: its __call__ is read
        if isinstance(func, ast.Attribute):
            chain = []
            root: ast.expr = func
            while isinstance(root, ast.Attribute | ast.Call | ast.Subscript):
                if isinstance(root, ast.Attribute):
                    chain.append(root.attr)
                    root = root.value
                else:
                    root = root.func if isinstance(root, ast.Call) else root.value
            own = len(chain) == 1 and getattr(root, "id", None) in self.own_methods
            if set(chain) & self.numpy_loops or (set(chain) & set(self.refused) and not own):
                return f"{ast.unparse(func)}()"
            if isinstance(root, ast.Name) and root.id in self.origins:
                dotted = ".".join([root.id, *reversed(chain)])
                if not all(
                    self._followed(o + dotted[len(root.id) :]) for o in self.origins[root.id]
                ):
                    return f"{ast.unparse(func)}(), from a module the check does not read"
            return None  # a method of a value
        return f"{ast.unparse(func)}(), a function taken out of data or made by a call"

    def _name(self, name: str, seen: frozenset[str]) -> str | None:
        if name in seen:
            return None
        if name in self.code:  # a def, unless it is also bound to something else
            others = [
                *self.given.get(name, ()),
                *([self.aliases[name]] if name in self.aliases else []),
            ]
            for value in others:
                if self.why_not(value, seen | {name}) is not None:
                    return f"{name}() (also = {ast.unparse(value)})"
            if name in self.origins and not all(self._followed(o) for o in self.origins[name]):
                return f"{name}() (also imported from {sorted(self.origins[name])[0]})"
            return None
        if name in self.params and name not in self.given:
            return None
        if name in self.targets:
            return f"{name}(), a function taken by a loop"
        if name in self.given:
            for value in self.given[name]:  # a local alias: what it is given must be followed
                why = self.why_not(value, seen | {name})
                if why is not None:
                    return f"{name}() (= {ast.unparse(value)})"
            return None
        if name in self.origins:
            if all(self._followed(o) for o in self.origins[name]):
                return None
            return f"{name}(), from a module the check does not read"
        if name in self.aliases:  # a top-level alias (sigmoid = expit)
            why = self.why_not(self.aliases[name], seen | {name})
            return None if why is None else f"{name}() (= {ast.unparse(self.aliases[name])})"
        if name in self.builtins and name not in self.refused:
            return None
        for module in self.origins.get(STAR, ()):  # ``from numpy import *`` then exp(z)
            if self._followed(f"{module}.{name}") and hasattr(sys.modules.get(module), name):
                return None
        return f"{name}()"

    def partial_of_constants(self, call: ast.Call) -> bool:
        """``functools.partial(f, 2, axis=1)``: a function and constants only (sweep 16).

        Calling it calls ``f`` with those constants, so it is followed as ``f`` is.
        """
        func = call.func
        if isinstance(func, ast.Name):
            origins = self.origins.get(func.id, set())
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            origins = {f"{o}.{func.attr}" for o in self.origins.get(func.value.id, ())}
        else:
            return False
        return (
            origins == {"functools.partial"}
            and getattr(func, "id", None) not in self.code
            and bool(call.args)
            and all(_constant(a) for a in [*call.args[1:], *(k.value for k in call.keywords)])
            and all(k.arg is not None for k in call.keywords)
        )

    def _made(self, factory: ast.expr) -> bool:
        """Whether ``factory`` is a function of a followed module (not of the submission)."""
        names = [n.id for n in ast.walk(factory) if isinstance(n, ast.Name)]
        return (
            bool(names)
            and names[0] in self.origins
            and names[0] not in self.code
            and self.why_not(factory) is None
        )

    def _followed(self, origin: str) -> bool:
        return _followed_origin(origin, self.numpy_loops)


def _constant(node: ast.expr) -> bool:
    """A number, string, bool or None written out, or a tuple of them (``axis=(0, 1)``)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        node = node.operand
    if isinstance(node, ast.Tuple):
        return all(_constant(e) for e in node.elts)
    return isinstance(node, ast.Constant) and not isinstance(node.value, bytes)
