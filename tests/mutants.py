# ruff: noqa: E501 - the JUDGED table is keyed by whole diff lines of the reference
"""Mutation sweep of the reference solutions: does every single-point bug lose points, once?

Usage: python -m tests.mutants [--unit NAME ...] [--function NAME ...] [--sample N]
                               [--seed S] [--operator NAME ...] [--all] [--json FILE]
                               [--verbose]

``tests/test_mutants.py`` grades a fixed sample of it with the suite.

For every task function of every unit (course functions and kit-only ones, reported
apart), the reference function's body (docstring left out) is parsed and every single-point
mutant of it is generated (the operators are listed in :data:`OPERATORS`). Each mutant is
graded in-process exactly as ``tests/test_mistakes.py`` grades a catalogue entry: a
:class:`~autograder.mistakes.Mistake` with the mutant's full code, the reference module with
that one function replaced in place in the reference file, which runs as a student's file
does, so the composites call the mutant (``tests.helpers.mistake_submission``), only the
tasks the mutant can reach (``tests.helpers.reached_tasks``).

A mutant is
- **killed** when a check of its own function's task fails;
- **elsewhere** when its own task keeps full marks but another task loses points (the bug
  is punished, but not where it is);
- **survived** when every graded check passes (the diff line is printed);
- **error** when it could not be built or graded (a grader error, or over the time limit).
A killed mutant that also fails checks of another task is a **double penalty**
(composites are supposed to be checked against the student's own blocks): listed apart.

Mutants judged equivalent or course-accepted are listed in :data:`JUDGED`, keyed by
``(unit, function, diff)``, with the reason; they are counted apart from true survivors.

Why not mutmut / cosmic-ray / mutatest: none exposes a plain "mutated source texts of this
code string" API (mutmut 3 renders a trampolined module, cosmic-ray and mutatest rewrite
files on disk and run a test command), and none has the numpy-specific operators that
matter here (axis, keepdims, ``.T``, np.sum/np.mean, argument order of np.dot). So this
is a small ``ast`` mutator.

The whole sweep (2,838 mutants) takes about 15 minutes on a 2-core machine (895 s);
``--sample N`` grades a random sample of N mutants per function instead (fixed ``--seed``,
default 0). The scope operators
(``variable``, ``string``) keep at most :data:`SCOPE_SAMPLE` mutants a function unless
``--all`` is given (4,272 ``variable`` and 478 ``string`` mutants instead of 1,101 and 338).
"""

from __future__ import annotations

import argparse
import ast
import copy
import inspect
import json
import random
import signal
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: Seconds one mutant may take to grade (a mutant can make a training loop very long).
TIME_LIMIT_S = 30

#: Sibling functions a mutant may call instead (``np.sum`` -> ``np.mean``...).
SIBLINGS: dict[str, tuple[str, ...]] = {
    "sum": ("mean",),
    "mean": ("sum",),
    "max": ("min",),
    "min": ("max",),
    "maximum": ("minimum",),
    "minimum": ("maximum",),
    "zeros": ("ones",),
    "ones": ("zeros",),
    "randn": ("rand",),
    "rand": ("randn",),
    "exp": ("log",),
    "log": ("exp",),
    "tanh": ("sigmoid",),
    "sigmoid": ("relu", "tanh"),
    "relu": ("sigmoid",),
    "relu_backward": ("sigmoid_backward",),
    "sigmoid_backward": ("relu_backward",),
    "dot": ("multiply",),
    "multiply": ("dot",),
    "deepcopy": ("copy",),
    "reversed": ("list",),
    "abs": ("square",),
    "square": ("abs",),
    "sqrt": ("square",),
}

#: String constants a mutant may swap (activation names).
STRING_SWAPS: dict[str, str] = {"relu": "sigmoid", "sigmoid": "relu"}

BINOP_SWAPS: dict[type, tuple[type, ...]] = {
    ast.Add: (ast.Sub,),
    ast.Sub: (ast.Add,),
    ast.Mult: (ast.Div,),
    ast.Div: (ast.Mult, ast.FloorDiv),
    ast.FloorDiv: (ast.Div,),
    ast.Pow: (ast.Mult,),
    ast.Mod: (ast.FloorDiv,),
    ast.MatMult: (ast.Mult,),
}

CMP_SWAPS: dict[type, tuple[type, ...]] = {
    ast.Gt: (ast.GtE, ast.Lt),
    ast.GtE: (ast.Gt, ast.Lt),
    ast.Lt: (ast.LtE, ast.Gt),
    ast.LtE: (ast.Lt, ast.Gt),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
}


def _binop_swap(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.BinOp):
        for op in BINOP_SWAPS.get(type(node.op), ()):
            yield ast.BinOp(node.left, op(), node.right)


def _aug_swap(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.AugAssign):
        for op in BINOP_SWAPS.get(type(node.op), ()):
            yield ast.AugAssign(node.target, op(), node.value)
        yield ast.Assign([copy.deepcopy(node.target)], node.value, lineno=node.lineno)


def _drop_operand(node: ast.AST) -> Iterator[ast.AST]:
    """``a + b`` -> ``a`` / ``b``; ``a * b`` -> ``a`` / ``b``; ``a / m`` -> ``a``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub | ast.Mult):
        yield node.left
        yield node.right
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.FloorDiv | ast.Pow):
        yield node.left


def _compare_swap(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        for op in CMP_SWAPS.get(type(node.ops[0]), ()):
            yield ast.Compare(node.left, [op()], node.comparators)


def _unary(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.Not):
        yield node.operand


def _constant(node: ast.AST) -> Iterator[ast.AST]:
    if not isinstance(node, ast.Constant):
        return
    v = node.value
    if isinstance(v, bool):
        yield ast.Constant(not v)
    elif isinstance(v, int | float):
        seen = {v}
        for new in (v + 1, v - 1, 0 if v else 1, 2 * v if isinstance(v, float) else None):
            if new is not None and new not in seen:
                seen.add(new)
                yield ast.Constant(type(v)(new))
    elif isinstance(v, str) and v in STRING_SWAPS:
        yield ast.Constant(STRING_SWAPS[v])


def _keyword(node: ast.AST) -> Iterator[ast.AST]:
    """``axis=0`` <-> ``axis=1``, and each keyword argument dropped."""
    if not isinstance(node, ast.Call):
        return
    for i, kw in enumerate(node.keywords):
        if kw.arg is None:
            continue
        yield ast.Call(node.func, node.args, node.keywords[:i] + node.keywords[i + 1 :])


def _transpose(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.Attribute) and node.attr == "T":
        yield node.value


def _call(node: ast.AST) -> Iterator[ast.AST]:
    """Sibling functions; swapped arguments of a two-argument call; np.dot(a, b) -> a * b."""
    if not isinstance(node, ast.Call):
        return
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    for sibling in SIBLINGS.get(name or "", ()):
        if isinstance(func, ast.Attribute):
            new_func = ast.Attribute(func.value, sibling, ast.Load())
        else:
            new_func = ast.Name(sibling, ast.Load())
        yield ast.Call(new_func, node.args, node.keywords)
    if len(node.args) == 2 and name in {"dot", "divide", "multiply", "matmul", "power"}:
        yield ast.Call(func, node.args[::-1], node.keywords)
    if name == "dot" and len(node.args) == 2:
        yield ast.BinOp(node.args[0], ast.Mult(), node.args[1])
    if name == "range" and node.args:
        for delta in (ast.Add(), ast.Sub()):
            last = ast.BinOp(node.args[-1], delta, ast.Constant(1))
            yield ast.Call(func, [*node.args[:-1], last], node.keywords)
    if name in {"float", "squeeze", "deepcopy", "copy", "asarray", "reversed"} and node.args:
        yield node.args[0]  # the wrapper dropped


def _subscript(node: ast.AST) -> Iterator[ast.AST]:
    """``caches[l]`` -> ``caches[l + 1]`` / ``caches[l - 1]`` for a name index."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name):
        for delta in (ast.Add(), ast.Sub()):
            yield ast.Subscript(node.value, ast.BinOp(node.slice, delta, ast.Constant(1)), node.ctx)


def _range_start(node: ast.AST) -> Iterator[ast.AST]:
    """``range(1, L)`` -> ``range(L)``; a non-constant start of ``range`` +-1."""
    if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "range"):
        return
    if len(node.args) == 2:
        yield ast.Call(node.func, node.args[1:], node.keywords)
        if not isinstance(node.args[0], ast.Constant):
            for delta in (ast.Add(), ast.Sub()):
                first = ast.BinOp(node.args[0], delta, ast.Constant(1))
                yield ast.Call(node.func, [first, *node.args[1:]], node.keywords)


def _slice_bound(node: ast.AST) -> Iterator[ast.AST]:
    """A name bound of a slice +-1: ``x[:n]`` -> ``x[:n + 1]`` / ``x[:n - 1]``."""
    if not isinstance(node, ast.Slice):
        return
    for attr in ("lower", "upper"):
        bound = getattr(node, attr)
        if isinstance(bound, ast.Name):
            for delta in (ast.Add(), ast.Sub()):
                new = copy.copy(node)
                setattr(new, attr, ast.BinOp(bound, delta, ast.Constant(1)))
                yield new


def _return(node: ast.AST) -> Iterator[ast.AST]:
    """``return X`` -> ``return None``; a returned tuple with an item dropped or two swapped."""
    if not isinstance(node, ast.Return) or node.value is None:
        return
    yield ast.Return(ast.Constant(None))
    value = node.value
    if isinstance(value, ast.Tuple) and len(value.elts) >= 2:
        elts = value.elts
        for i in range(len(elts)):
            rest = elts[:i] + elts[i + 1 :]
            yield ast.Return(rest[0] if len(rest) == 1 else ast.Tuple(rest, ast.Load()))
        for i in range(len(elts)):
            for j in range(i + 1, len(elts)):
                swapped = list(elts)
                swapped[i], swapped[j] = swapped[j], swapped[i]
                yield ast.Return(ast.Tuple(swapped, ast.Load()))


def _function_names(fn: ast.FunctionDef) -> dict[str, int]:
    """Parameters (line 0) and every name the function binds, with the line of its first binding."""
    args = fn.args
    names = {a.arg: 0 for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
    for extra in (args.vararg, args.kwarg):
        if extra is not None:
            names[extra.arg] = 0
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.setdefault(node.id, node.lineno)
        elif isinstance(node, ast.arg) and node.arg not in names:
            names[node.arg] = node.lineno
    return names


def _strings(fn: ast.FunctionDef) -> list[str]:
    """String constants of the body (not the docstring, f-strings or print's arguments)."""
    skip: set[int] = set()
    for node in ast.walk(fn):
        if isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"
        ):
            skip.update(id(n) for n in ast.walk(node))
    found = [
        n.value
        for stmt in _body_without_docstring(fn)
        for n in ast.walk(stmt)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
    ]
    return list(dict.fromkeys(found))


@dataclass
class Scope:
    """What a context operator knows of the function: its local names and string constants."""

    names: dict[str, int]
    strings: list[str]
    skip: set[int] = field(default_factory=set)  # ids of nodes not to mutate (print, f-strings)


def _variable(node: ast.AST, scope: Scope) -> Iterator[ast.AST]:
    """A read of a local variable or parameter -> another one bound before that line."""
    if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)):
        return
    if node.id not in scope.names or id(node) in scope.skip:
        return
    for other, line in scope.names.items():
        if other != node.id and line < node.lineno:
            yield ast.Name(other, ast.Load())


def _string(node: ast.AST, scope: Scope) -> Iterator[ast.AST]:
    """A string constant -> another string constant of the same function (``"W1"`` -> ``"b1"``,
    ``"W"`` + str(l) -> ``"b"`` + str(l), ``"dW1"`` -> ``"db1"``)."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return
    if id(node) in scope.skip:
        return
    for other in scope.strings:
        if other != node.value:
            yield ast.Constant(other)


#: Expression operators: each maps a node to its mutated replacements.
OPERATORS: dict[str, Callable[[ast.AST], Iterator[ast.AST]]] = {
    "binop": _binop_swap,
    "drop_operand": _drop_operand,
    "compare": _compare_swap,
    "unary": _unary,
    "constant": _constant,
    "keyword": _keyword,
    "transpose": _transpose,
    "call": _call,
    "subscript": _subscript,
    "augassign": _aug_swap,
    "range_start": _range_start,
    "slice_bound": _slice_bound,
    "return": _return,
}

#: Operators that also need the function's scope (its names and string constants). They can
#: be many (every read times every other name, every key times every other key): a function
#: with more than :data:`SCOPE_SAMPLE` of one of them keeps a fixed sample of it (seeded by
#: the function's name and the operator, the same every run).
SCOPE_OPERATORS: dict[str, Callable[[ast.AST, Scope], Iterator[ast.AST]]] = {
    "variable": _variable,
    "string": _string,
}

#: At most this many mutants of one scope operator a function (a fixed sample beyond).
SCOPE_SAMPLE = 40


def _body_without_docstring(fn: ast.FunctionDef) -> list[ast.stmt]:
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        return body[1:]
    return body


def _statement_lists(fn: ast.FunctionDef) -> Iterator[list[ast.stmt]]:
    yield _body_without_docstring(fn)
    for node in ast.walk(fn):
        if node is fn:
            continue
        for attr in ("body", "orelse"):
            stmts = getattr(node, attr, None)
            if isinstance(stmts, list) and stmts and isinstance(stmts[0], ast.stmt):
                yield stmts


@dataclass
class Mutant:
    """One single-point change of a function's source."""

    operator: str
    code: str
    diff: str


def _diff(before: str, after: str) -> str:
    a, b = before.splitlines(), after.splitlines()
    import difflib

    lines = [line for line in difflib.unified_diff(a, b, lineterm="", n=0)][2:]
    changed = [line for line in lines if not line.startswith("@@")]
    return " | ".join(
        line.strip() if line[0] == " " else line[0] + line[1:].strip() for line in changed
    )


def mutants_of(source: str, cap: int | None = SCOPE_SAMPLE) -> list[Mutant]:
    """Every single-point mutant of a function's source (its docstring never mutated).

    ``cap``: at most this many mutants of one scope operator (a fixed sample beyond);
    ``None`` keeps them all (``--all``).
    """
    tree = ast.parse(textwrap.dedent(source))
    fn = tree.body[0]
    assert isinstance(fn, ast.FunctionDef)
    fn.decorator_list = []
    original = ast.unparse(tree)
    body = _body_without_docstring(fn)
    targets = [n for stmt in body for n in ast.walk(stmt)]
    index = {id(n): i for i, n in enumerate(ast.walk(tree))}
    out: list[Mutant] = []
    seen: set[str] = {original}

    def emit(operator: str, new_tree: ast.AST) -> None:
        try:
            code = ast.unparse(ast.fix_missing_locations(new_tree))
            compile(code, "<mutant>", "exec")
        except (SyntaxError, ValueError, TypeError):
            return
        if code not in seen:
            seen.add(code)
            out.append(Mutant(operator, code, _diff(original, code)))

    for node in targets:
        for operator, generate in OPERATORS.items():
            for replacement in generate(node):
                new_tree = copy.deepcopy(tree)
                target_index = index[id(node)]
                new_tree = _replace(new_tree, target_index, copy.deepcopy(replacement))
                emit(operator, new_tree)
    # statement deletion (a line left out): replaced by ``pass``
    for stmts in _statement_lists(fn):
        for stmt in stmts:
            if isinstance(stmt, ast.Return | ast.Pass | ast.Raise):
                continue
            new_tree = copy.deepcopy(tree)
            new_tree = _replace(new_tree, index[id(stmt)], ast.Pass())
            emit("delete_statement", new_tree)
    # scope operators: another variable, another string constant of the same function
    skip = {
        id(n)
        for node in ast.walk(fn)
        if isinstance(node, ast.JoinedStr)
        or (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print")
        for n in ast.walk(node)
    }
    scope = Scope(_function_names(fn), _strings(fn), skip)
    for operator, generate in SCOPE_OPERATORS.items():
        start = len(out)
        for node in targets:
            for replacement in generate(node, scope):
                new_tree = _replace(copy.deepcopy(tree), index[id(node)], replacement)
                emit(operator, new_tree)
        if cap is not None and len(out) - start > cap:
            rng = random.Random(f"{fn.name}:{operator}")
            kept = set(map(id, rng.sample(out[start:], cap)))
            out[start:] = [m for m in out[start:] if id(m) in kept]
    return out


def _replace(tree: ast.AST, target_index: int, replacement: ast.AST) -> ast.AST:
    """Replace the node at ``target_index`` (in ``ast.walk`` order) of ``tree``."""
    nodes = list(ast.walk(tree))
    target = nodes[target_index]
    for parent in nodes:
        for name, value in ast.iter_fields(parent):
            if value is target:
                setattr(parent, name, replacement)
                return tree
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is target:
                        value[i] = replacement
                        return tree
    raise LookupError("node not found")


#: Survivors judged not to be real bugs: ``(unit, function, diff) -> reason``. A mutant
#: listed here that is killed is reported as usual; one that survives is counted "judged".
JUDGED: dict[tuple[str, str, str], str] = {
    (
        "derivatives",
        "graph_backward",
        "-du = dv * 1.0 | +du = dv / 1.0",
    ): "equivalent: multiplying or dividing by 1.0",
    (
        "derivatives",
        "graph_backward",
        "-du = dv * 1.0 | +du = dv",
    ): "equivalent: the factor 1.0 dropped",
    (
        "derivatives",
        "graph_backward",
        "-da = dv * 1.0 | +da = dv / 1.0",
    ): "equivalent: multiplying or dividing by 1.0",
    (
        "derivatives",
        "graph_backward",
        "-da = dv * 1.0 | +da = dv",
    ): "equivalent: the factor 1.0 dropped",
    (
        "numpy_basics",
        "sigmoid",
        "-x = np.asarray(x, dtype=np.float64) | +x = np.asarray(x)",
    ): "equivalent: np.exp/np.abs/np.where convert numbers and int arrays themselves",
    (
        "numpy_basics",
        "sigmoid",
        "-x = np.asarray(x, dtype=np.float64) | +x = x",
    ): "equivalent: np.exp/np.abs/np.where convert numbers and int arrays themselves",
    (
        "numpy_basics",
        "sigmoid",
        "-x = np.asarray(x, dtype=np.float64) | +pass",
    ): "equivalent: np.exp/np.abs/np.where convert numbers and int arrays themselves",
    (
        "numpy_basics",
        "sigmoid",
        "-s = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)) | +s = np.where(x > 0, 1.0 / (1.0 + e), e / (1.0 + e))",
    ): "equivalent: both branches give 0.5 at x = 0",
    (
        "numpy_basics",
        "sigmoid",
        "-return s[()] if s.ndim == 0 else s | +return s[()] if s.ndim != 0 else s",
    ): "course-accepted: a 0-d array instead of a numpy float for a number (s[()] of an n-d array is s)",
    (
        "numpy_basics",
        "sigmoid",
        "-return s[()] if s.ndim == 0 else s | +return s[()] if s.ndim == 1 else s",
    ): "course-accepted: a 0-d array instead of a numpy float for a number",
    (
        "numpy_basics",
        "sigmoid",
        "-return s[()] if s.ndim == 0 else s | +return s[()] if s.ndim == -1 else s",
    ): "course-accepted: a 0-d array instead of a numpy float for a number",
    (
        "numpy_basics",
        "normalize_rows",
        "-x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True) | +x_norm = np.linalg.norm(x, axis=1, keepdims=True)",
    ): "equivalent: ord=2 is the default for vectors",
    (
        "numpy_basics",
        "softmax",
        "-x_exp = np.exp(x - np.max(x, axis=1, keepdims=True)) | +x_exp = np.exp(x + np.max(x, axis=1, keepdims=True))",
    ): "equivalent: softmax is unchanged by any shift of a row (overflow only past the course's inputs: advice)",
    (
        "numpy_basics",
        "softmax",
        "-x_exp = np.exp(x - np.max(x, axis=1, keepdims=True)) | +x_exp = np.exp(x)",
    ): "course-accepted: the course's textbook softmax (large inputs: advice)",
    (
        "numpy_basics",
        "softmax",
        "-x_exp = np.exp(x - np.max(x, axis=1, keepdims=True)) | +x_exp = np.exp(x - np.max(x, keepdims=True))",
    ): "equivalent: a shift by the global max is still a shift of every row",
    (
        "numpy_basics",
        "softmax",
        "-x_exp = np.exp(x - np.max(x, axis=1, keepdims=True)) | +x_exp = np.exp(x - np.min(x, axis=1, keepdims=True))",
    ): "equivalent: softmax is unchanged by any shift of a row (large inputs: advice)",
    (
        "numpy_basics",
        "L1",
        "-return float(np.sum(np.abs(y - yhat))) | +return np.sum(np.abs(y - yhat))",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "numpy_basics",
        "L2",
        "-return float(np.dot(d, d)) | +return np.dot(d, d)",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "numpy_basics",
        "propagate_loops",
        "-a = float(sigmoid(z)) | +a = sigmoid(z)",
    ): "equivalent: sigmoid of a number is a number",
    (
        "numpy_basics",
        "propagate_loops",
        "-dz = a - Y[0, i] | +dz = a - Y[-1, i]",
    ): "equivalent: Y has one row: index -1 is 0",
    (
        "numpy_basics",
        "propagate_loops",
        "-dw[j, 0] += X[j, i] * dz | +dw[j, -1] += X[j, i] * dz",
    ): "equivalent: dw has one column: index -1 is 0",
    (
        "numpy_basics",
        "propagate_loops",
        "-z += w[j, 0] * X[j, i] | +z += w[j, -1] * X[j, i]",
    ): "equivalent: w has one column: index -1 is 0",
    (
        "numpy_basics",
        "propagate_loops",
        "-cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a)) | +cost += -(Y[-1, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))",
    ): "equivalent: Y has one row: index -1 is 0",
    (
        "numpy_basics",
        "propagate_loops",
        "-cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a)) | +cost += -(Y[0, i] * math.log(a) + (1 - Y[-1, i]) * math.log(1 - a))",
    ): "equivalent: Y has one row: index -1 is 0",
    (
        "numpy_basics",
        "propagate_loops",
        "-return ({'dw': dw / m, 'db': float(db / m)}, float(cost / m)) | +return ({'dw': dw / m, 'db': float(db / m)}, cost / m)",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "numpy_basics",
        "propagate_loops",
        "-return ({'dw': dw / m, 'db': float(db / m)}, float(cost / m)) | +return ({'dw': dw / m, 'db': db / m}, float(cost / m))",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "numpy_basics",
        "propagate_vectorized",
        "-return ({'dw': dw, 'db': float(db)}, float(cost)) | +return ({'dw': dw, 'db': float(db)}, cost)",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "numpy_basics",
        "propagate_vectorized",
        "-return ({'dw': dw, 'db': float(db)}, float(cost)) | +return ({'dw': dw, 'db': db}, float(cost))",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "logistic_regression",
        "propagate",
        "-return ({'dw': dw, 'db': float(db)}, float(cost)) | +return ({'dw': dw, 'db': float(db)}, cost)",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "logistic_regression",
        "propagate",
        "-return ({'dw': dw, 'db': float(db)}, float(cost)) | +return ({'dw': dw, 'db': db}, float(cost))",
    ): "course-accepted: a numpy float / 0-d array for a number, as the course's own code returns",
    (
        "logistic_regression",
        "optimize",
        "-w = copy.deepcopy(w) | +w = copy.copy(w)",
    ): "equivalent: w = w - lr * dw rebinds w, the caller's array is never written (older releases had no copy)",
    (
        "logistic_regression",
        "optimize",
        "-w = copy.deepcopy(w) | +w = w",
    ): "equivalent: w = w - lr * dw rebinds w (older releases had no copy)",
    (
        "logistic_regression",
        "optimize",
        "-w = copy.deepcopy(w) | +pass",
    ): "equivalent: w = w - lr * dw rebinds w (older releases had no copy)",
    (
        "logistic_regression",
        "optimize",
        "-b = copy.deepcopy(b) | +b = copy.copy(b)",
    ): "equivalent: b is a number",
    (
        "logistic_regression",
        "optimize",
        "-b = copy.deepcopy(b) | +b = b",
    ): "equivalent: b is a number",
    (
        "logistic_regression",
        "optimize",
        "-b = copy.deepcopy(b) | +pass",
    ): "equivalent: b is a number",
    (
        "logistic_regression",
        "optimize",
        "-print(f'Cost after iteration {i}: {float(cost):f}') | +print(f'Cost after iteration {i}: {cost:f}')",
    ): "equivalent: the cost is already a float",
    (
        "logistic_regression",
        "optimize",
        "-grads = {'dw': dw, 'db': db} | +pass",
    ): "equivalent: grads is then propagate's last dict, with the same dw and db",
    (
        "logistic_regression",
        "model",
        "-if print_cost: | -train_accuracy = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100 | -test_accuracy = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100 | -print(f'train accuracy: {train_accuracy:.1f} %') | -print(f'test accuracy: {test_accuracy:.1f} %') | +pass",
    ): "course-accepted: the accuracy lines are the template's and the course's tests never read them (advice)",
    (
        "logistic_regression",
        "model",
        "-print(f'train accuracy: {train_accuracy:.1f} %') | +pass",
    ): "course-accepted: the accuracy lines are the template's and the course's tests never read them (advice)",
    (
        "logistic_regression",
        "model",
        "-print(f'test accuracy: {test_accuracy:.1f} %') | +pass",
    ): "course-accepted: the accuracy lines are the template's and the course's tests never read them (advice)",
    (
        "logistic_regression",
        "predict",
        "-w = w.reshape(X.shape[0], 1) | +pass",
    ): "equivalent: w already has shape (n_x, 1) (the course's defensive line)",
    (
        "logistic_regression",
        "predict",
        "-return (A > 0.5).astype(np.float64) | +return (A >= 0.5).astype(np.float64)",
    ): "course-accepted: its tests never reach A = 0.5 exactly (advice: threshold)",
    (
        "logistic_regression",
        "model",
        "-train_accuracy = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100 | +train_accuracy = 100 - np.mean(np.square(Y_prediction_train - Y_train)) * 100",
    ): "equivalent: |d| = d**2 for 0/1 predictions and labels",
    (
        "logistic_regression",
        "model",
        "-test_accuracy = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100 | +test_accuracy = 100 - np.mean(np.square(Y_prediction_test - Y_test)) * 100",
    ): "equivalent: |d| = d**2 for 0/1 predictions and labels",
    (
        "shallow_network",
        "sigmoid_derivative",
        "-a = 1.0 / (1.0 + np.exp(-z)) | +a = 1.0 / (1.0 + np.exp(z))",
    ): "equivalent: a becomes 1 - sigmoid(z), and a (1 - a) is symmetric",
    (
        "shallow_network",
        "tanh",
        "-z = np.asarray(z, dtype=np.float64) | +z = np.asarray(z)",
    ): "equivalent: np.exp/np.abs/np.where convert numbers and int arrays themselves",
    (
        "shallow_network",
        "tanh",
        "-z = np.asarray(z, dtype=np.float64) | +z = z",
    ): "equivalent: np.exp/np.abs/np.where convert numbers and int arrays themselves",
    (
        "shallow_network",
        "tanh",
        "-z = np.asarray(z, dtype=np.float64) | +pass",
    ): "equivalent: np.exp/np.abs/np.where convert numbers and int arrays themselves",
    (
        "shallow_network",
        "relu_derivative",
        "-return np.where(z > 0, 1.0, 0.0) | +return np.where(z >= 0, 1.0, 0.0)",
    ): "course-accepted: either slope 0 or 1 at exactly z = 0 (at_zero accepts both)",
    (
        "shallow_network",
        "leaky_relu",
        "-return np.where(z > 0, z, slope * z) | +return np.where(z >= 0, z, slope * z)",
    ): "equivalent: both branches give 0 at z = 0",
    (
        "shallow_network",
        "leaky_relu_derivative",
        "-return np.where(z > 0, 1.0, slope) | +return np.where(z >= 0, 1.0, slope)",
    ): "course-accepted: either one-sided slope at exactly z = 0",
    (
        "shallow_network",
        "compute_cost",
        "-logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1.0 - A2), 1.0 - Y) | +logprobs = np.multiply(Y, np.log(A2)) + np.multiply(np.log(1.0 - A2), 1.0 - Y)",
    ): "equivalent: np.multiply is commutative",
    (
        "shallow_network",
        "compute_cost",
        "-logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1.0 - A2), 1.0 - Y) | +logprobs = np.multiply(np.log(A2), Y) + np.multiply(1.0 - Y, np.log(1.0 - A2))",
    ): "equivalent: np.multiply is commutative",
    (
        "shallow_network",
        "compute_cost",
        "-return float(np.squeeze(cost)) | +return np.squeeze(cost)",
    ): "course-accepted: np.squeeze(...) (numpy.float64), the 2017-2020 releases' return",
    (
        "shallow_network",
        "compute_cost",
        "-return float(np.squeeze(cost)) | +return float(cost)",
    ): "equivalent: the cost is already 0-d",
    (
        "shallow_network",
        "backward_propagation",
        "-db2 = np.sum(dZ2, axis=1, keepdims=True) / m | +db2 = np.sum(dZ2, keepdims=True) / m",
    ): "course-accepted: identical with the course's single output unit (n_y = 1), the only case the course has",
    (
        "shallow_network",
        "backward_propagation",
        "-dZ1 = np.dot(W2.T, dZ2) * (1.0 - np.power(A1, 2)) | +dZ1 = np.multiply(W2.T, dZ2) * (1.0 - np.power(A1, 2))",
    ): "course-accepted: an outer product by broadcasting equals np.dot when n_y = 1, the only case the course has",
    (
        "shallow_network",
        "backward_propagation",
        "-dZ1 = np.dot(W2.T, dZ2) * (1.0 - np.power(A1, 2)) | +dZ1 = W2.T * dZ2 * (1.0 - np.power(A1, 2))",
    ): "course-accepted: an outer product by broadcasting equals np.dot when n_y = 1, the only case the course has",
    (
        "shallow_network",
        "train_with_restarts",
        "-if cost < best_cost: | +if cost <= best_cost:",
    ): "equivalent: ties between two restarts' costs do not happen",
    (
        "shallow_network",
        "train_with_restarts",
        "-best_parameters = None | +pass",
    ): "equivalent: the first restart's finite cost is always below inf, so it is always assigned",
    (
        "deep_network",
        "compute_cost",
        "-return float(np.squeeze(cost)) | +return np.squeeze(cost)",
    ): "course-accepted: np.squeeze(...) (numpy.float64), the course's return",
    (
        "deep_network",
        "compute_cost",
        "-return float(np.squeeze(cost)) | +return float(cost)",
    ): "equivalent: the cost is already 0-d",
    (
        "shallow_network",
        "predict",
        "-return A2 > 0.5 | +return A2 >= 0.5",
    ): "course-accepted: its tests never reach A2 = 0.5 exactly (advice: threshold)",
    (
        "deep_network",
        "L_model_backward",
        "-Y = Y.reshape(AL.shape) | +pass",
    ): "equivalent: Y already has AL's shape (the course's defensive line)",
    (
        "deep_network",
        "two_layer_model",
        "-costs.append(float(cost)) | +costs.append(cost)",
    ): "equivalent: compute_cost already returns a float",
    (
        "deep_network",
        "two_layer_model",
        "-print(f'Cost after iteration {i}: {float(cost)}') | +print(f'Cost after iteration {i}: {cost}')",
    ): "equivalent: compute_cost already returns a float",
    (
        "deep_network",
        "L_layer_model",
        "-costs.append(float(cost)) | +costs.append(cost)",
    ): "equivalent: compute_cost already returns a float",
    (
        "deep_network",
        "L_layer_model",
        "-print(f'Cost after iteration {i}: {float(cost)}') | +print(f'Cost after iteration {i}: {cost}')",
    ): "equivalent: compute_cost already returns a float",
    (
        "deep_network",
        "linear_activation_forward",
        "-cache = (linear_cache, activation_cache) | +cache = (linear_cache, Z)",
    ): "equivalent: the activation cache the helpers return is Z itself",
    (
        "deep_network",
        "compute_cost",
        "-m = Y.shape[1] | +m = AL.shape[1]",
    ): "equivalent: AL and Y have the same shape (1, m)",
    (
        "deep_network",
        "linear_backward",
        "-m = A_prev.shape[1] | +m = dZ.shape[1]",
    ): "equivalent: dZ and A_prev both have m columns",
    (
        "deep_network",
        "update_parameters",
        "-parameters['b' + str(l)] = params['b' + str(l)] - learning_rate * grads['db' + str(l)] | +parameters['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]",
    ): "equivalent: parameters is a copy of params whose b{l} is not yet updated when read",
    (
        "deep_network",
        "two_layer_model",
        "-return (parameters, costs) | +return parameters",
    ): "course-accepted: the 2017-2020 application template returned only the parameters (its costs are checked through what it prints)",
    (
        "deep_network",
        "L_layer_model",
        "-return (parameters, costs) | +return parameters",
    ): "course-accepted: the 2017-2020 application template returned only the parameters (its costs are checked through what it prints)",
    (
        "shallow_network",
        "compute_cost",
        "-m = Y.shape[1] | +m = A2.shape[1]",
    ): "equivalent: A2 and Y have the same shape (1, m)",
    (
        "derivatives",
        "graph_backward",
        "-return {'dv': dv, 'du': du, 'da': da, 'db': db, 'dc': dc} | +return {'dv': du, 'du': du, 'da': da, 'db': db, 'dc': dc}",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-return {'dv': dv, 'du': du, 'da': da, 'db': db, 'dc': dc} | +return {'dv': dv, 'du': da, 'da': da, 'db': db, 'dc': dc}",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-return {'dv': dv, 'du': du, 'da': da, 'db': db, 'dc': dc} | +return {'dv': dv, 'du': du, 'da': dv, 'db': db, 'dc': dc}",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-return {'dv': dv, 'du': du, 'da': da, 'db': db, 'dc': dc} | +return {'dv': dv, 'du': du, 'da': du, 'db': db, 'dc': dc}",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "gradient_descent",
        "-costs = [J(w)] | +costs = [J(w0)]",
    ): "equivalent: w is w0 before the first step",
    (
        "numpy_basics",
        "sigmoid",
        "-return s[()] if s.ndim == 0 else s | +return s[()] if x.ndim == 0 else s",
    ): "equivalent: x, e and s have the same shape",
    (
        "numpy_basics",
        "sigmoid",
        "-return s[()] if s.ndim == 0 else s | +return s[()] if e.ndim == 0 else s",
    ): "equivalent: x, e and s have the same shape",
    (
        "numpy_basics",
        "propagate_vectorized",
        "-m = X.shape[1] | +m = Y.shape[1]",
    ): "equivalent: X and Y both have m columns",
    (
        "logistic_regression",
        "predict",
        "-w = w.reshape(X.shape[0], 1) | +w = w.reshape(w.shape[0], 1)",
    ): "equivalent: w already has shape (n_x, 1) (the course's defensive line)",
    (
        "shallow_network",
        "backward_propagation",
        "-m = X.shape[1] | +m = Y.shape[1]",
    ): "equivalent: X and Y both have m columns",
    (
        "logistic_regression",
        "propagate",
        "-m = X.shape[1] | +m = Y.shape[1]",
    ): "equivalent: X and Y both have m columns",
    (
        "logistic_regression",
        "model",
        "-w, b = initialize_with_zeros(X_train.shape[0]) | +w, b = initialize_with_zeros(X_test.shape[0])",
    ): "equivalent: the training and the test set have the same n_x features",
    (
        "logistic_regression",
        "model",
        "-if print_cost: | +if num_iterations:",
    ): "course-accepted: prints the accuracies whatever print_cost, as the 2017-2020 releases did",
    (
        "logistic_regression",
        "model",
        "-if print_cost: | +if learning_rate:",
    ): "course-accepted: prints the accuracies whatever print_cost, as the 2017-2020 releases did",
    (
        "logistic_regression",
        "model",
        "-if print_cost: | +if b:",
    ): "course-accepted: prints the accuracies whatever print_cost, as the 2017-2020 releases did (b is never exactly 0 after training)",
    (
        "logistic_regression",
        "model",
        "-if print_cost: | +if params:",
    ): "course-accepted: prints the accuracies whatever print_cost, as the 2017-2020 releases did",
    (
        "logistic_regression",
        "model",
        "-if print_cost: | +if grads:",
    ): "course-accepted: prints the accuracies whatever print_cost, as the 2017-2020 releases did",
    (
        "logistic_regression",
        "model",
        "-if print_cost: | +if costs:",
    ): "course-accepted: prints the accuracies whatever print_cost, as the 2017-2020 releases did (costs holds the cost of iteration 0)",
    (
        "deep_network",
        "L_model_forward",
        "-A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], 'relu') | +A, cache = linear_activation_forward(A, parameters['W' + str(l)], parameters['b' + str(l)], 'relu')",
    ): "equivalent: A_prev = A on the line before",
    (
        "deep_network",
        "L_model_backward",
        "-Y = Y.reshape(AL.shape) | +Y = Y.reshape(Y.shape)",
    ): "equivalent: a no-op, as the line itself (Y already has AL's shape)",
    (
        "deep_network",
        "update_parameters",
        "-L = len(parameters) // 2 | +L = len(params) // 2",
    ): "equivalent: parameters is a copy of params, with the same keys",
    (
        "deep_network",
        "update_parameters",
        "-parameters['W' + str(l)] = params['W' + str(l)] - learning_rate * grads['dW' + str(l)] | +parameters['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]",
    ): "equivalent: parameters is a copy of params whose W{l} is not yet updated when read",
    (
        "derivatives",
        "graph_backward",
        "-da = dv * 1.0 | +da = du * 1.0",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-db = du * c | +db = dv * c",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-db = du * c | +db = da * c",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-dc = du * b | +dc = dv * b",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-dc = du * b | +dc = da * b",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-return {'dv': dv, 'du': du, 'da': da, 'db': db, 'dc': dc} | +return {'dv': da, 'du': du, 'da': da, 'db': db, 'dc': dc}",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
    (
        "derivatives",
        "graph_backward",
        "-return {'dv': dv, 'du': du, 'da': da, 'db': db, 'dc': dc} | +return {'dv': dv, 'du': dv, 'da': da, 'db': db, 'dc': dc}",
    ): "equivalent: dv = du = da (each is dv * 1.0) in this graph",
}


class _OverTime(BaseException):
    """Raised by the alarm when one mutant takes longer than :data:`TIME_LIMIT_S`."""


def _alarm(signum, frame):  # noqa: ANN001, ANN202, ARG001
    raise _OverTime


@dataclass
class Outcome:
    """The grading of one mutant."""

    unit: str
    function: str
    course: bool
    operator: str
    diff: str
    status: str  # killed | elsewhere | survived | judged | error
    own_failed: list[str] = field(default_factory=list)
    other_failed: list[str] = field(default_factory=list)
    note: str = ""


def grade_mutant(unit: str, function: str, course: bool, number: int, mut: Mutant) -> Outcome:
    """Grade one mutant as ``tests/test_mistakes.py`` grades a catalogue entry."""
    from autograder.engine import grade_submission
    from autograder.mistakes import mistake
    from tests.helpers import mistake_submission, reached_tasks

    m = mistake(function, f"mutant{number}", mut.diff, mut.code, "")
    out = Outcome(unit, function, course, mut.operator, mut.diff, "error")
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_LIMIT_S)
    try:
        result = grade_submission(
            unit, mistake_submission(unit, m), tasks=reached_tasks(unit, {m.function})
        )
    except _OverTime:
        out.note = f"over {TIME_LIMIT_S} s"
        return out
    except Exception as exc:  # noqa: BLE001 - a mutant may break the grader's own calls
        out.note = f"{type(exc).__name__}: {exc}"[:200]
        return out
    finally:
        signal.alarm(0)
    for t in result.tasks:
        for c in t.checks:
            if c.status == "passed":
                continue
            if c.status == "not_gradable":
                out.note = f"{t.function}.{c.name} not gradable"
            (out.own_failed if t.function == function else out.other_failed).append(
                f"{t.function}.{c.name}"
            )
    if out.note:
        out.status = "error"
    elif out.own_failed:
        out.status = "killed"
    elif out.other_failed:
        out.status = "elsewhere"
    elif (unit, function, mut.diff) in JUDGED:
        out.status = "judged"
        out.note = JUDGED[(unit, function, mut.diff)]
    else:
        out.status = "survived"
    return out


def sweep(
    unit_names: list[str],
    functions: list[str],
    sample: int | None,
    seed: int,
    verbose: bool,
    operators: list[str] | None = None,
    everything: bool = False,
) -> list[Outcome]:
    """Generate and grade the mutants of every selected task function (``everything``: no
    cap on the scope operators, see :data:`SCOPE_SAMPLE`)."""
    from autograder import units
    from autograder.private import load_reference

    rng = random.Random(seed)
    outcomes: list[Outcome] = []
    for unit in unit_names:
        ref = load_reference(unit)
        for task in units.get(unit).tasks:
            if functions and task.function not in functions:
                continue
            source = inspect.getsource(getattr(ref, task.function))
            muts = mutants_of(source, cap=None if everything else SCOPE_SAMPLE)
            if operators:
                muts = [m for m in muts if m.operator in operators]
            if sample is not None and len(muts) > sample:
                muts = sorted(rng.sample(muts, sample), key=muts.index)
            t0 = time.perf_counter()
            for number, mut in enumerate(muts):
                o = grade_mutant(unit, task.function, task.course, number, mut)
                outcomes.append(o)
                if verbose:
                    print(f"  {o.status:9} {unit}.{task.function}: {o.diff}", flush=True)
            print(
                f"{unit}.{task.function}: {len(muts)} mutants, {time.perf_counter() - t0:.1f} s",
                file=sys.stderr,
                flush=True,
            )
    return outcomes


STATUSES = ("killed", "elsewhere", "survived", "judged", "error")


def report(outcomes: list[Outcome]) -> None:
    """Print the tables, the survivors, the double penalties and the errors."""
    for course in (True, False):
        rows = [o for o in outcomes if o.course == course]
        if not rows:
            continue
        print(f"\n## {'course functions' if course else 'kit-only functions'}")
        print(f"{'unit':22} {'mutants':>8} " + " ".join(f"{s:>9}" for s in STATUSES))
        for unit in dict.fromkeys(o.unit for o in rows):
            mine = [o for o in rows if o.unit == unit]
            counts = [sum(o.status == s for o in mine) for s in STATUSES]
            print(f"{unit:22} {len(mine):>8} " + " ".join(f"{n:>9}" for n in counts))
        counts = [sum(o.status == s for o in rows) for s in STATUSES]
        print(f"{'total':22} {len(rows):>8} " + " ".join(f"{n:>9}" for n in counts))
    sections = [
        ("SURVIVORS (full marks everywhere)", "survived", lambda o: ""),
        ("punished elsewhere only", "elsewhere", lambda o: " -> " + ", ".join(o.other_failed)),
        ("errors", "error", lambda o: " -> " + o.note),
        ("judged equivalent / course-accepted", "judged", lambda o: " -- " + o.note),
    ]
    for title, status, extra in sections:
        rows = [o for o in outcomes if o.status == status]
        print(f"\n## {title}: {len(rows)}")
        for o in rows:
            kit = "" if o.course else " [kit]"
            print(f"- {o.unit}.{o.function}{kit} [{o.operator}]: {o.diff}{extra(o)}")
    doubles = [o for o in outcomes if o.status == "killed" and o.other_failed]
    print(f"\n## double penalties (own task and another): {len(doubles)}")
    for o in doubles:
        print(
            f"- {o.unit}.{o.function} [{o.operator}]: {o.diff} -> also {', '.join(o.other_failed)}"
        )


def main() -> None:
    from autograder import units

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", action="append", default=[], help="only this unit")
    parser.add_argument("--function", action="append", default=[], help="only this function")
    parser.add_argument("--sample", type=int, default=None, help="at most N mutants a function")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample")
    parser.add_argument("--json", type=Path, help="also write every outcome to this file")
    parser.add_argument("--verbose", action="store_true", help="print every mutant's outcome")
    parser.add_argument("--operator", action="append", default=[], help="only this operator")
    parser.add_argument(
        "--all",
        action="store_true",
        dest="everything",
        help=f"every mutant of the scope operators (default: at most {SCOPE_SAMPLE} a function)",
    )
    args = parser.parse_args()
    t0 = time.perf_counter()
    outcomes = sweep(
        args.unit or list(units.available()),
        args.function,
        args.sample,
        args.seed,
        args.verbose,
        args.operator,
        args.everything,
    )
    report(outcomes)
    print(f"\n{len(outcomes)} mutants in {time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for o in outcomes], indent=1))


if __name__ == "__main__":
    main()
