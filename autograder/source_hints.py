"""Hints read from the student's own source: what a value or an exception alone cannot name.

Five kinds of mistake leave a trace in the text of the submission rather than in a result:

- a ``return`` in the body of a loop (indented one level too deep): the loop stops after its
  first pass, whatever the number of iterations or layers;
- a name spelled two ways (``def compute_cost(A_L, Y)`` and then ``np.log(AL)``): the
  ``NameError`` names ``AL``, the source shows the parameter ``A_L``;
- a string compared or used as a key with the wrong spelling (``activation == "ReLu"``,
  ``grads["dw1"]``): strings compare exactly, so a branch never runs or a key is missing;
- a count written as a number (``m = 209``, the training set's size) where the call's own
  number of examples belongs: :func:`integers` gives
  :func:`autograder.relations.hard_coded_count_hint` the numbers to try;
- parameters in another order than the stub's (``predict(X, parameters)``), a signature
  changed from the stub's (``optimize`` without ``print_cost``), or a call of
  one of the submission's functions that does not fit it: the ``TypeError`` names the
  function, the submission tells whether it is the student's.

Each function returns one sentence, or None when the source shows nothing of the kind.
"""

from __future__ import annotations

import ast
import difflib
import functools
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence

from autograder import codeload

#: A string that reads as a name: an activation (``relu``) or a dict key (``dW``).
_WORD = re.compile(r"^[A-Za-z_]\w{0,24}$")
#: Calls whose string arguments are text for people, not names the code relies on.
_TEXT_CALLS = frozenset({"print", "format", "join", "write", "warn", "info", "debug"})


def _tree(source: str | None) -> ast.AST | None:
    try:
        return ast.parse(source) if source else None
    except SyntaxError:
        return None


@functools.lru_cache(maxsize=256)
def called_names(source: str | None) -> frozenset[str] | None:
    """Names a function's source calls directly (None when the source is unknown).

    Asked before every check of a task that has building blocks: parsed once per source.
    """
    tree = _tree(source)
    if tree is None:
        return None
    return frozenset(
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    )


def called_name(node: ast.Call) -> str:
    """The name a call calls: ``np.dot(...)`` → ``dot``, ``f(...)`` → ``f`` (else ``""``)."""
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


#: What ``_``, ``-`` and spaces are to a name's spelling: nothing.
_SEPARATORS = re.compile(r"[\s_-]")


def _folded(name: str) -> str:
    """``name`` without case and separators: ``A_L``, ``a_l`` and ``AL`` fold alike."""
    return _SEPARATORS.sub("", name).casefold()


#: How a string is used, by the place it stands in, and what a misspelling of it does.
_USES = {
    "compare": ("compares with", "so that branch never runs"),
    "key": ("uses the key", "so the dict holds or looks up another key"),
    "argument": ("passes", "so the function it is passed to never recognizes it"),
}


#: Nodes a string can stand inside and still be the value used (``"dA" + str(l)``,
#: ``("relu", "sigmoid")``, ``f"W{l}"``).
_PARTS = (ast.BinOp, ast.Tuple, ast.List, ast.Set, ast.JoinedStr, ast.FormattedValue)


def _use(node: ast.AST, parents: dict[int, ast.AST]) -> str | None:
    """How the string ``node`` is used: the first place above it that is not a part."""
    child, parent = node, parents.get(id(node))
    while isinstance(parent, _PARTS):
        child, parent = parent, parents.get(id(parent))
    if isinstance(parent, ast.Compare):
        return "compare"
    if (isinstance(parent, ast.Subscript) and child is parent.slice) or (
        isinstance(parent, ast.Dict) and child in parent.keys
    ):
        return "key"
    if isinstance(parent, ast.keyword):
        parent = parents.get(id(parent))
    if isinstance(parent, ast.Call) and child is not parent.func:
        return None if called_name(parent) in _TEXT_CALLS else "argument"
    return None


def key_strings(source: str | None) -> dict[str, str]:
    """The name-like strings the code compares, uses as keys or passes on, with their use.

    Returns:
        ``{string: "compare" | "key" | "argument"}``, the first use in that order.
        Strings of ``print`` and of formatting are left out: they are text, not names.
    """
    tree = _tree(source)
    if tree is None:
        return {}
    parents = {id(c): p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
    uses: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            use = _use(node, parents)
            if use and _WORD.match(node.value):
                uses.setdefault(node.value, set()).add(use)
    return {s: next(u for u in _USES if u in found) for s, found in uses.items()}


#: Longest string :func:`alike` compares.
MAX_NAME = 64
#: The most names a misspelling is compared with, letter by letter.
MAX_CANDIDATES = 500


def alike(a: str, b: str) -> bool:
    """``a`` and ``b`` differ, but only by spelling.

    By case, ``_``/``-``/space, one or two letters, or the order of their words
    (``Y_test_prediction`` for ``Y_prediction_test``).
    """
    if a == b or max(len(a), len(b)) > MAX_NAME:  # a name; difflib is quadratic in length
        return False
    if _folded(a) == _folded(b):
        return True
    words = sorted(w.casefold() for w in _SEPARATORS.split(a) if w)
    if len(words) > 1 and words == sorted(w.casefold() for w in _SEPARATORS.split(b) if w):
        return True
    short = min(len(a), len(b))
    return short >= 4 and difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8


def misspelled_string_hint(function: str, source: str | None, wanted: Iterable[str]) -> str | None:
    """The hint for a string the code spells unlike one it must use, or None.

    Args:
        function: the student's function, for the message.
        source: its source.
        wanted: strings it must handle exactly: the call's string arguments and the keys and
            names the reference's function uses.
    """
    own = key_strings(source)
    for want in sorted(set(wanted) - set(own)):
        spelled = sorted(s for s in own if alike(s, want))
        if spelled and _WORD.match(want):
            verb, effect = _USES[own[spelled[0]]]
            return (
                f"{function}() {verb} {spelled[0]!r} where {want!r} belongs: strings match "
                f"exactly (case too), {effect}."
            )
    return None


def missing_key_hint(key: str, vocabulary: Iterable[str]) -> str | None:
    """The hint for a ``KeyError`` of ``key`` spelled like a key the course uses, or None.

    Args:
        key: the key the error names (``w1``).
        vocabulary: the names and keys the course's code uses (:func:`key_strings` of the
            reference).
    """
    words = set(vocabulary)
    near = sorted(w for w in words if alike(key, w))
    if key in words or not near or not _WORD.match(key):
        return None
    return (
        f"the key {key!r} is looked up, but the course's key is {near[0]!r}: keys match "
        "exactly (case too). Is it written so where the dict is filled, or where it is read?"
    )


def _assigned(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
            names.update(a.arg for a in node.args.args + node.args.kwonlyargs)
    return names


#: The modules every submission has, by the names the course imports them as.
MODULES = {"np": "numpy", "math": "math", "plt": "matplotlib.pyplot", "copy": "copy"}


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two names of one length differ in exactly one letter (``mp`` and ``np``)."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _spelled_like(missing: str, known: set[str]) -> list[str]:
    """The names of ``known`` that ``missing`` may be a misspelling of, the likeliest first.

    In order: the same but for case and ``_`` (``a_l`` for ``A_L``); the same letters in
    another order (``bd2`` for ``db2``); a name that extends it by a ``_`` part
    (``dA_prev`` for ``dA_prev_temp``); then the closest by letters (difflib, 0.75).
    """

    def tier(name: str) -> int | None:
        if _folded(name) == _folded(missing):
            return 0
        if len(missing) >= 3 and sorted(name) == sorted(missing):
            return 1
        longer, shorter = (name, missing) if len(name) > len(missing) else (missing, name)
        if longer.startswith(shorter + "_"):
            return 2
        return None

    if len(missing) > MAX_NAME:  # no name of the course's; difflib is quadratic in length
        return []
    tiers = {n: t for n in known if n != missing and (t := tier(n)) is not None}
    found = sorted(tiers, key=lambda n: (tiers[n], n))
    # a ratio of 0.75 needs lengths within 0.6 of each other; a file of thousands of defs
    # is not read name by name (red team 15 C: 9,000 long names cost 11 minutes)
    rest = sorted(
        n
        for n in known - set(found) - {missing}
        if len(n) <= MAX_NAME and 0.6 * max(len(n), len(missing)) <= min(len(n), len(missing))
    )[:MAX_CANDIDATES]
    return found + difflib.get_close_matches(missing, rest, 1, cutoff=0.75)


def undefined_name_hint(
    function: str, source: str | None, missing: str, functions: Iterable[str] = ()
) -> str | None:
    """The hint for a ``NameError`` of ``missing``, or None.

    A name spelled like one the code has (a parameter, a local, a function), else a name the
    function reads but neither takes nor assigns (a notebook variable such as ``x_train``).

    Args:
        function: the student's function, for the message.
        source: its source.
        missing: the name the error names.
        functions: the functions the submission defines (it may call one misspelled).
    """
    tree = _tree(source)
    if tree is None:
        return None
    params: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function:
            params = {a.arg for a in node.args.args + node.args.kwonlyargs}
            break
    local = _assigned(tree)
    loop = _loop_counting_otherwise(tree, missing, local)
    if loop is not None:
        return (
            f"{missing!r} is not defined: the loop on line {loop.lineno} in {function}() "
            f"counts with {ast.unparse(loop.target)!r}, and its body reads {missing!r}. Use one "
            "name for the loop variable."
        )
    close = _spelled_like(missing, local | set(functions))
    module = next((m for m in MODULES if _one_letter_apart(m, missing)), None)
    if not close and module is not None:
        return (
            f"{missing!r} is not defined, but {module} is ({MODULES[module]}): the same name "
            "spelled two ways?"
        )
    if not close:
        called = missing in (called_names(source) or ())
        read = any(
            isinstance(n, ast.Name) and n.id == missing and isinstance(n.ctx, ast.Load)
            for n in ast.walk(tree)
        )
        if missing in local or called or not read or not params:
            return None
        return (
            f"{function}() reads {missing!r}, which is neither one of its parameters "
            f"({', '.join(sorted(params))}) nor assigned in it: a variable of the notebook? "
            "The grader calls the function on its own: compute it from the arguments."
        )
    name = close[0]
    if name in params:
        what = f"{function}() has a parameter {name!r}"
    elif name in local:
        what = f"{function}() assigns {name!r}"
    else:
        what = f"your code defines a function {name!r}"
    return f"{missing!r} is not defined, but {what}: the same name spelled two ways?"


def _loop_counting_otherwise(tree: ast.AST, missing: str, local: set[str]) -> ast.For | None:
    """The ``for`` loop whose body reads ``missing`` but whose variable is another name.

    ``for i in reversed(range(L - 1)):`` and then ``caches[l]`` in its body, ``l`` assigned
    nowhere: the loop variable spelled two ways.
    """
    looks_like_a_counter = len(missing) <= 2 and not any(
        _one_letter_apart(m, missing) or m == missing for m in MODULES
    )
    if missing in local or not looks_like_a_counter:
        return None
    for node in ast.walk(tree):
        if not (isinstance(node, ast.For) and isinstance(node.target, ast.Name)):
            continue
        if node.target.id == missing:
            continue
        reads = (
            isinstance(n, ast.Name) and n.id == missing and isinstance(n.ctx, ast.Load)
            for stmt in node.body
            for n in ast.walk(stmt)
        )
        if any(reads):
            return node
    return None


def integers(source: str | None) -> set[int]:
    """The whole numbers from 2 up written in ``source`` (a hard-coded size such as 209)."""
    tree = _tree(source)
    if tree is None:
        return set()
    return {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and type(n.value) is int and n.value >= 2
    }


def rates(source: str | None) -> list[float]:
    """The numbers above 0 and up to 10 written in ``source``, in order (a learning rate)."""
    tree = _tree(source)
    if tree is None:
        return []
    found = (n.value for n in ast.walk(tree) if isinstance(n, ast.Constant))
    return sorted({float(v) for v in found if type(v) in (int, float) and 0 < v <= 10})


def number_defaults(source: str | None) -> dict[str, float]:
    """``{parameter: default}`` of a function's parameters whose default is a number written.

    ``def model(X, Y, num_iterations=2000, learning_rate=0.8)`` gives
    ``{"num_iterations": 2000, "learning_rate": 0.8}``.
    """
    tree = _tree(source)
    fn = next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)), None) if tree else None
    if fn is None:
        return {}
    args = fn.args
    pairs = list(zip((args.posonlyargs + args.args)[::-1], args.defaults[::-1]))
    pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
    return {
        a.arg: d.value
        for a, d in pairs
        if isinstance(d, ast.Constant) and type(d.value) in (int, float)
    }


def swallowed_error_hint(function: str, source: str | None, printed: str) -> str | None:
    """The hint for a ``try`` that catches every exception and goes on, or None.

    Only where the call printed something (the handler's report, shown in the hint): real
    code wrapped its whole body in ``try: ... except Exception as ex: print(...)`` and
    returned a dict of ``None`` with no word of the ``AttributeError`` it printed.
    """
    tree = _tree(source)
    lines = [line for line in printed.splitlines() if line.strip()]
    if tree is None or not lines:
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        for handler in node.handlers:
            broad = handler.type is None or (
                isinstance(handler.type, ast.Name)
                and handler.type.id in ("Exception", "BaseException")
            )
            raises = any(isinstance(n, ast.Raise) for n in ast.walk(handler))
            if broad and not raises:
                shown = lines[0] if len(lines[0]) <= 160 else lines[0][:157] + "..."
                return (
                    f"{function}() catches every exception (line {handler.lineno}) and goes "
                    f"on; this call printed {shown!r}. Let the error raise: its message says "
                    "what went wrong."
                )
    return None


def has_loop(source: str | None) -> bool:
    """Whether ``source`` has a ``for`` or ``while`` loop (True where it cannot be read)."""
    tree = _tree(source)
    return tree is None or any(isinstance(n, ast.For | ast.While) for n in ast.walk(tree))


def return_in_loop_hint(function: str, source: str | None) -> str | None:
    """The hint for a ``return`` that every pass of a loop of ``function`` reaches, or None.

    Only a ``return`` standing in the loop's own body counts (one inside an ``if`` may be a
    deliberate early stop); loops of nested functions are their own.
    """
    tree = _tree(source)
    if tree is None:
        return None
    loops: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(tree))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.For | ast.While | ast.AsyncFor):
            loops.append(node)
        if not isinstance(node, ast.Lambda | ast.ClassDef) and not (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != function
        ):
            stack.extend(ast.iter_child_nodes(node))
    for loop in sorted(loops, key=lambda n: n.lineno):
        ret = next((st for st in loop.body if isinstance(st, ast.Return)), None)
        if ret is not None:
            kind = "for" if isinstance(loop, ast.For | ast.AsyncFor) else "while"
            return (
                f"{function}() returns inside its {kind} loop (line {ret.lineno}"
                "): the loop stops after its first pass. Dedent the return to after "
                "the loop."
            )
    return None


#: TypeErrors of a call that does not fit a function's parameters: ``(function, what)``.
_SIGNATURE = re.compile(
    r"(\w+)\(\) (got an unexpected keyword argument '\w+'|missing \d+ required .+|"
    r"got multiple values for argument '\w+'|"
    r"takes (?:from )?\d+ (?:to \d+ )?positional arguments? but \d+ (?:were|was) given)"
)


def signature_hint(
    message: str, called: str, functions: Iterable[str], stub: str | None = None
) -> str | None:
    """The hint for a call that does not fit a function of the submission's parameters.

    Args:
        message: the ``TypeError``'s message (``optimize() got an unexpected keyword argument
            'print_cost'``).
        called: the function the grader called.
        functions: the functions the submission defines; a call of any other (numpy's) is
            not about a signature of the student's.
        stub: the stub's signature of the function that does not fit, ``(w, b, X, Y, ...)``,
            where known.
    """
    m = _SIGNATURE.search(message)
    if m is None or m[1] not in set(functions):
        return None
    fn, what = m[1], m[2]
    keep = f"keep the stub's signature, {fn}{stub}" if stub else "keep the stub's signature"
    if fn == called:
        return (
            f"{fn}() does not fit the call the course's notebook and tests make ({what}): "
            f"{keep} (an extra parameter needs a default; an unused one may stay)."
        )
    return (
        f"{called}() calls your {fn}() in a way that does not fit its parameters ({what}): "
        f"{keep}, and call it so."
    )


def none_placeholder_hint(function: str, source: str | None, message: str) -> str | None:
    """A template's ``W1 = None`` left in place, then computed with (sweep 17 P12).

    The course's templates write ``W1 = None`` (``### START CODE HERE``) for each value to
    compute; a student who writes the computation below it but keeps a placeholder whose
    name a later line reads gets ``unsupported operand type(s) for -: 'NoneType' ...``.
    """
    if "'NoneType'" not in message or not source:
        return None
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    assigned: dict[str, int] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and node.value.value is None
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, node.lineno)
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp | ast.AugAssign):
            operands = [node.left, node.right] if isinstance(node, ast.BinOp) else [node.target]
            for name in (n.id for n in operands if isinstance(n, ast.Name)):
                if name in assigned and node.lineno > assigned[name]:
                    return (
                        f"{function}() sets {name} = None (line {assigned[name]}, the "
                        f"template's placeholder) and then computes with {name} (line "
                        f"{node.lineno}): delete the placeholder lines, or compute the value "
                        "there."
                    )
    return None


def tuple_argument_hint(message: str, source: str | None) -> str | None:
    """The hint for a call given one tuple where its arguments belong, or None.

    ``linear_activation_forward((A1, W2, b2, "sigmoid"))`` raises ``missing 3 required
    positional arguments``: the call at fault is in ``source`` (the caller's), whoever
    wrote the function it calls.

    Args:
        message: the ``TypeError``'s message.
        source: the source of the function whose line raised it.
    """
    m = _SIGNATURE.search(message)
    tree = _tree(source)
    if m is None or tree is None or not m[2].startswith("missing"):
        return None
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and called_name(node) == m[1]
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Tuple)
            and not node.keywords
        ):
            inner = ", ".join(ast.unparse(e) for e in node.args[0].elts)
            return (
                f"{ast.unparse(node)} passes one tuple (line {node.lineno}): "
                f"the extra parentheses make its arguments one. Call {m[1]}({inner})."
            )
    return None


def _unpacked_names(tree: ast.AST) -> list[tuple[int, tuple[str, ...]]]:
    """``(line, names)`` of every assignment to a tuple of two or more plain names."""
    found = []
    for node in ast.walk(tree):
        for target in node.targets if isinstance(node, ast.Assign) else ():
            if isinstance(target, ast.Tuple | ast.List) and len(target.elts) > 1:
                names = tuple(e.id for e in target.elts if isinstance(e, ast.Name))
                if len(names) == len(target.elts):
                    found.append((node.lineno, names))
    return found


def unpacked_counts(source: str | None, name: str) -> frozenset[int]:
    """How many names ``name(...)``'s result is assigned to (``a = f()``: 1, ``a, b = f()``: 2)."""
    tree = _tree(source)
    counts = set()
    for node in ast.walk(tree) if tree is not None else ():
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        if not (isinstance(node.value.func, ast.Name) and node.value.func.id == name):
            continue
        for target in node.targets:
            counts.add(len(target.elts) if isinstance(target, ast.Tuple | ast.List) else 1)
    return frozenset(counts)


def read_otherwise_hint(function: str, source: str | None, reference: str | None) -> str | None:
    """The hint for something the function reads otherwise than the reference, or None.

    Names unpacked in another order (``W, A_prev, b = cache`` where the course's cache is
    ``(A_prev, W, b)``: each name gets another's value; the student's own ``linear_forward``
    may build its cache in that order, but the course's calls pass the course's), else a size
    read from another axis (``m = X.shape[0]`` where the course's ``m`` is ``X.shape[1]``:
    with examples as columns, axis 0 counts the features).

    Args:
        function: the student's function.
        source: its source.
        reference: the reference function's source.
    """
    tree, ref_tree = _tree(source), _tree(reference)
    if tree is None or ref_tree is None:
        return None
    found = _unpack_order(function, tree, ref_tree) or _shape_axis(function, tree, ref_tree)
    return found or _loop_bound(function, tree, ref_tree)


def _ranges(tree: ast.AST) -> list[ast.Call]:
    """The ``range(...)`` calls that ``for`` loops of ``tree`` walk."""
    return [
        node.iter
        for node in ast.walk(tree)
        if isinstance(node, ast.For | ast.AsyncFor)
        and isinstance(node.iter, ast.Call)
        and called_name(node.iter) == "range"
        and node.iter.args
    ]


def _loop_bound(function: str, tree: ast.AST, ref_tree: ast.AST) -> str | None:
    """A loop that stops one pass later or earlier than the course's only loop (sweep 17 P7).

    ``for l in range(1, L + 1)`` in ``L_model_forward``, whose course loop is ``range(1, L)``:
    the output layer runs as a relu layer too, then as the sigmoid one, and numpy's shape
    error in linear_forward says nothing of the loop.
    """
    mine, course = _ranges(tree), _ranges(ref_tree)
    if len(mine) != 1 or len(course) != 1 or len(mine[0].args) != len(course[0].args):
        return None
    got, right = mine[0].args[-1], course[0].args[-1]
    starts = [ast.dump(a) for a in mine[0].args[:-1]] == [ast.dump(a) for a in course[0].args[:-1]]

    def plus_one(a: ast.expr, b: ast.expr) -> bool:  # a is b + 1
        return (
            isinstance(a, ast.BinOp)
            and isinstance(a.op, ast.Add)
            and ast.dump(a.left) == ast.dump(b)
            and isinstance(a.right, ast.Constant)
            and a.right.value == 1
        )

    more, fewer = plus_one(got, right), plus_one(right, got)
    if not starts or not (more or fewer):
        return None
    return (
        f"{function}() loops over {ast.unparse(mine[0])} (line {mine[0].lineno}) where the "
        f"course's loops over {ast.unparse(course[0])}: one pass {'more' if more else 'fewer'}."
    )


def _unpack_order(function: str, tree: ast.AST, ref_tree: ast.AST) -> str | None:
    course = {tuple(sorted(names)): names for _, names in _unpacked_names(ref_tree)}
    for line, names in _unpacked_names(tree):
        right = course.get(tuple(sorted(names)))
        if right and right != names and len(set(names)) == len(names):
            return (
                f"{function}() unpacks {', '.join(names)} (line {line}) in "
                f"another order than the course's {', '.join(right)}: each name gets "
                "another's value."
            )
    return None


def _shape_read(node: ast.AST) -> tuple[str, int] | None:
    """``(array, axis)`` where ``node`` is ``array.shape[axis]``, else None."""
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "shape"
        and isinstance(node.value.value, ast.Name)
        and isinstance(node.slice, ast.Constant)
        and type(node.slice.value) is int
    ):
        return node.value.value.id, node.slice.value
    return None


def _shape_reads(tree: ast.AST) -> dict[str, tuple[str, int, int]]:
    """``{name: (array, axis, line)}`` for each ``name = array.shape[axis]`` of a function."""
    out: dict[str, tuple[str, int, int]] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target, read = node.targets[0], _shape_read(node.value)
        if isinstance(target, ast.Name) and read is not None:
            out.setdefault(target.id, (*read, node.lineno))
    return out


def _shape_arguments(tree: ast.AST) -> dict[tuple[str, int], tuple[str, int, int]]:
    """``{(function, position): (array, axis, line)}`` for each ``f(..., array.shape[axis])``."""
    out: dict[tuple[str, int], tuple[str, int, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            for i, arg in enumerate(node.args):
                if (read := _shape_read(arg)) is not None:
                    out.setdefault((node.func.id, i), (*read, node.lineno))
    return out


def _shape_axis(function: str, tree: ast.AST, ref_tree: ast.AST) -> str | None:
    course_args = _shape_arguments(ref_tree)
    for (called, at), (array, axis, line) in _shape_arguments(tree).items():
        right = course_args.get((called, at))
        if right is not None and right[1] != axis:
            counted = {0: "rows", 1: "columns"}.get(axis, f"axis {axis}")
            return (
                f"{function}() calls {called}({array}.shape[{axis}]) (line {line}"
                f"), the number of {counted} of {array}; the course passes "
                f"{right[0]}.shape[{right[1]}] (examples are the columns, features the rows)."
            )
    course = _shape_reads(ref_tree)
    for name, (array, axis, line) in _shape_reads(tree).items():
        if name in course and course[name][1] != axis:
            ref_array, ref_axis, _ = course[name]
            counted = {0: "rows", 1: "columns"}.get(axis, f"axis {axis}")
            return (
                f"{function}() sets {name} = {array}.shape[{axis}] (line {line}"
                f"), the number of {counted} of {array}; the course's {name} is "
                f"{ref_array}.shape[{ref_axis}] (examples are the columns, features the rows)."
            )
    return None


def repeated_key_hint(function: str, source: str | None) -> str | None:
    """The hint for one key assigned twice in one unpacking, or written twice in a dict.

    ``grads["dA" + str(L)], grads["db" + str(L)], grads["db" + str(L)] = current_cache``
    stores ``db`` where ``dW`` belongs, which then is missing. Only subscripts count: a name
    such as ``_`` may repeat on purpose.
    """
    tree = _tree(source)
    if tree is None:
        return None
    for node in ast.walk(tree):
        keys = [k.value for k in getattr(node, "keys", ()) if isinstance(k, ast.Constant)]
        twice = next((k for i, k in enumerate(keys) if k in keys[:i]), None)
        if isinstance(node, ast.Dict) and twice is not None:  # sweep 12 P11
            return (
                f"{function}() writes the key {twice!r} twice in one dict (line {node.lineno}"
                "): the second replaces the first. One of them should be "
                "another key."
            )
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            if not isinstance(target, ast.Tuple | ast.List):
                continue
            seen: set[str] = set()
            for element in target.elts:
                text = ast.unparse(element)
                if isinstance(element, ast.Subscript) and text in seen:
                    return (
                        f"{function}() assigns {text} twice in one unpacking (line "
                        f"{node.lineno}): the second overwrites the first. "
                        "One of them should be another key."
                    )
                seen.add(text)
    return None


def gradient_key_reused_hint(function: str, source: str | None) -> str | None:
    """The hint for a loop that stores a ``dA`` gradient under the key it reads it from, or None.

    ``grads["dA" + str(l + 1)] = dA_prev_temp`` in the course's backward loop, which reads
    ``grads["dA" + str(l + 1)]``: each layer's ``dA_prev`` overwrites its own input, and the key
    one lower (``dA0`` at the end) is never written.
    """
    tree = _tree(source)
    for loop in ast.walk(tree) if tree is not None else ():
        if not isinstance(loop, ast.For | ast.While):
            continue
        read = {
            ast.unparse(n)
            for n in ast.walk(loop)
            if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load)
        }
        for node in ast.walk(loop):
            if not (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store)):
                continue
            text = ast.unparse(node)
            words = [c.value for c in ast.walk(node.slice) if isinstance(c, ast.Constant)]
            if text in read and any(isinstance(w, str) and w.startswith("dA") for w in words):
                return (
                    f"{function}() stores dA_prev under {text} (line {node.lineno}"
                    "), the key the same loop reads dA from: each layer overwrites "
                    "its own input, and the key one lower is never written: store dA_prev "
                    "one index lower than the dA it comes from."
                )
    return None


def _parameter_names(cells: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """``{name: its positional parameters' names}`` of the top-level defs of ``cells``."""
    out = {}
    for text in cells:
        tree = _tree(text)
        for node in tree.body if tree is not None else ():
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                out[node.name] = tuple(a.arg for a in (*node.args.posonlyargs, *node.args.args))
    return out


def other_block_hint(function: str, source: str | None, blocks: Iterable[str]) -> str | None:
    """The hint for a function that calls a variant of its building block instead of the block.

    ``predict`` calling the student's ``forward_propagation1`` (an experiment with a sigmoid
    hidden layer) rather than ``forward_propagation`` (sweep 12, P5): a name that holds the
    block's (``my_forward_propagation``, ``forward_propagation_v2``).
    """
    called = called_names(source)
    if called is None:
        return None
    for block in blocks:
        others = sorted(n for n in called if n != block and _folded(block) in _folded(n))
        if block not in called and others:
            return (
                f"{function}() calls {others[0]}(), not {block}(): it is built from "
                f"{block}() (its own task's function), so call that one."
            )
    return None


def misnamed_function_hint(
    function: str,
    cells: Sequence[str],
    others: Iterable[str],
    signatures: dict[str, tuple[str, ...]] | None = None,
) -> str | None:
    """The hint for a function the submission defines under another spelling, or nested.

    ``propogate`` for ``propagate``, ``initialize_with_zero``, ``l1`` for ``L1``: a top-level
    function spelled alike (and not one of ``others``, the unit's other functions); else a
    ``def`` of the name inside another function, where no caller can reach it. A def whose
    parameters fit another of the unit's functions and not this one is not offered
    (``initialize_parameters_n(layer_dims)`` is not ``initialize_parameters(n_x, n_h, n_y)``,
    sweep 14 P10).

    Args:
        function: the function not found.
        cells: the submitted code, a text per cell.
        others: the unit's other functions' names.
        signatures: the required parameters of the unit's functions (the reference's), where
            known: a def of another name whose parameters start with exactly this function's
            is offered too (``neural_network_model(X, Y, n_h, ...)`` for ``nn_model``, sweep
            16 P8).
    """
    others, signatures = set(others), signatures or {}
    defs = codeload.def_places(list(cells))
    params = _parameter_names(cells)
    arity = {n: len(p) for n, p in signatures.items()}
    fits = {n for n in arity if n not in defs}  # missing, like this one

    def elsewhere(name: str) -> bool:
        k = len(params[name]) if name in params else None
        if k is None or arity.get(function) in (None, k):
            return False
        return any(arity[o] == k for o in fits if o != function)

    candidates = [n for n in defs if n not in others and n != function and not elsewhere(n)]
    close = [n for n in candidates if _folded(n) == _folded(function)]  # l1 for L1
    alike = [  # of a length that can match (cutoff 0.8), and bounded: difflib is quadratic
        n
        for n in candidates
        if len(n) <= MAX_NAME and 0.6 * max(len(n), len(function)) <= min(len(n), len(function))
    ][:MAX_CANDIDATES]
    close = close or difflib.get_close_matches(function, alike, 1, cutoff=0.8)
    holding = [n for n in candidates if _folded(n).endswith(_folded(function))]  # my_model
    close = close or (holding if len(holding) == 1 else [])
    if close:
        return (
            f"the code defines {close[0]}(), spelled like {function}(): the course's tests and "
            f"the grader call {function}(). Rename it (and its calls)."
        )
    wanted = signatures.get(function, ())
    same = [
        n for n in candidates if len(wanted) >= 2 and params.get(n, ())[: len(wanted)] == wanted
    ]
    if len(same) == 1 and not any(signatures.get(o) == wanted for o in fits if o != function):
        return (
            f"the code defines {same[0]}({', '.join(params[same[0]])}), with {function}()'s "
            f"parameters: the course's tests and the grader call {function}(). Rename it (and "
            "its calls)."
        )
    for text in cells:
        tree = _tree(text)
        for outer in tree.body if tree is not None else ():
            if isinstance(outer, ast.ClassDef) and any(
                isinstance(n, ast.FunctionDef) and n.name == function for n in outer.body
            ):
                return (
                    f"{function}() is a method of the class {outer.name}: the course's tests "
                    "and the grader call a function of the module, so define it at the top "
                    "level, as the stub does."
                )
            if not isinstance(outer, ast.FunctionDef):
                continue
            for node in ast.walk(outer):
                if (
                    isinstance(node, ast.FunctionDef)
                    and node is not outer
                    and node.name == function
                ):
                    return (
                        f"{function}() is defined inside {outer.name}(), where only that "
                        "function can call it: define it at the top level, as the stub does."
                    )
    return None


def swapped_arguments_hint(
    function: str, source: str | None, params_of: Callable[[str], Sequence[str] | None]
) -> str | None:
    """The hint for a call in ``function`` that passes a function's parameters out of order.

    ``A2, cache = forward_propagation(parameters, X)`` in ``predict``, where the function
    takes ``(X, parameters)`` (sweep 12 P8): each argument is a variable named as one of the
    callee's parameters, all of its first ones, in another order.

    Args:
        function: the student's function whose source is read.
        source: its source.
        params_of: the positional parameters of a function of the submission (None: unknown).
    """
    tree = _tree(source)
    for call in ast.walk(tree) if tree is not None else ():
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
            continue
        given = [a.id if isinstance(a, ast.Name) else "" for a in call.args]
        params = list(params_of(call.func.id) or ())[: len(given)]
        if len(given) > 1 and sorted(given) == sorted(params) and given != params:
            return (
                f"{function}() calls {ast.unparse(call)} (line {call.lineno}), "
                f"but {call.func.id}() takes ({', '.join(params)}) in this order: each argument "
                "gets another's place."
            )
    return None


def reordered_parameters_hint(
    function: str,
    params: Sequence[str] | None,
    stub: Sequence[str],
    signature: str,
    required: int | None = None,
) -> str | None:
    """The hint for a function whose parameters stand where the stub has others, or None.

    The stub's parameters in another order, or a parameter named as the stub's in the place
    of one the course's calls pass by position (``predict(params, X, Y)`` for
    ``predict(w, b, X)``): each one gets another's value.

    Args:
        function: the student's function.
        params: its positional parameters (None where unknown).
        stub: the stub's parameters.
        signature: the stub's signature as shown, ``(parameters, X)``.
        required: how many of the stub's first parameters have no default (the calls pass
            those by position, the others by keyword); all of them where None.
    """
    if not params or list(params) == list(stub):
        return None
    if sorted(params) == sorted(stub):
        return (
            f"{function}({', '.join(params)}) takes the stub's parameters in another order: "
            f"the course's calls pass them as {function}{signature}, so each one gets "
            "another's value. Keep the stub's order."
        )
    moved = [
        (name, stub[i])
        for i, name in enumerate(params[: len(stub) if required is None else required])
        if name in stub and stub.index(name) != i
    ]
    if not moved:
        return None
    gets = ", ".join(f"{name} gets the course's {other}" for name, other in moved)
    return (
        f"{function}({', '.join(params)}) does not take the stub's parameters in the stub's "
        f"places: the course's calls pass {function}{signature}, so {gets}. Keep the stub's "
        "signature."
    )


def ends_printing(source: str | None) -> bool:
    """Whether a function's last statement prints, where its ``return`` would be.

    ``print((f(a + epsilon) - f(a)) / epsilon)`` ends a forward_difference that returns None
    (msg 18 d04); a model printing its costs in its loop and missing its return does not.
    """
    try:
        fn = next(n for n in ast.parse(textwrap.dedent(source or "")).body)
    except (StopIteration, SyntaxError, ValueError):
        return False
    last = fn.body[-1] if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) else None
    return (
        isinstance(last, ast.Expr)
        and isinstance(last.value, ast.Call)
        and isinstance(last.value.func, ast.Name)
        and last.value.func.id == "print"
    )
