"""Hints for exceptions that student code raised: say what numpy's message means here.

numpy's errors name the operation, not the mistake: ``shapes (2,1) and (2,3) not aligned``
is, in this course, almost always a missing transpose (``np.dot(w, X)`` for
``np.dot(w.T, X)``). :func:`hint_for` turns the common ones into one actionable sentence.
"""

from __future__ import annotations

import math
import re

_SHAPE = r"\((\d+(?:,\s*\d+)*),?\)"
_NOT_ALIGNED = re.compile(rf"shapes {_SHAPE} and {_SHAPE} not aligned")
_BROADCAST = re.compile(
    r"operands could not be broadcast together with shapes ((?:\([\d, ]*\) ?)+)"
)
_MATMUL = re.compile(r"matmul: Input operand \d has a mismatch in its core dimension")
#: A tuple in arithmetic or in a comparison (``Z <= 0`` with the linear cache for Z).
_TUPLE_OPERAND = re.compile(
    r"unsupported operand type\(s\) for .+: .*'tuple'|bad operand type for unary .: 'tuple'"
    r"|not supported between instances of ('tuple' and|'\w+' and 'tuple')"
)
#: ``list + int`` and ``str + int``: what is joined to the list or the text.
_CONCATENATE = re.compile(r'can only concatenate (list|str) \(not "([\w.]+)"\) to')
_NUMPY2 = re.compile(r"module 'numpy' has no attribute '(\w+)'")
#: A boolean mask of another shape than the array it indexes (``dZ[Z <= 0] = 0``).
_BOOLEAN_INDEX = re.compile(
    r"boolean index did not match indexed array along axis \d+; "
    r"size of axis is (\d+) but size of corresponding boolean axis is (\d+)"
)
_NOT_SUBSCRIPTABLE = re.compile(r"'(int|float|NoneType|bool|function)' object is not subscriptable")
_NO_SHAPE = re.compile(
    r"'(int|float|NoneType|bool|list|tuple|dict|str)' object has no attribute '(\w+)'"
)
_STRINGS = re.compile(r"unsupported operand type\(s\) for .+: 'str' and|for .+: .* and 'str'")
_ARRAY_INDEX = re.compile(
    r"only integers, slices .* are valid indices|arrays used as indices must be of integer"
)
_RESHAPE = re.compile(r"cannot reshape array of size (\d+) into shape \(([\d, ]*),?\)")
_AMBIGUOUS = re.compile(r"truth value of an array with more than one element is ambiguous")
#: ``np.zeros(n, 1)``: the second argument of np.zeros / np.ones / np.empty is the dtype.
_SHAPE_AS_DTYPE = re.compile(r"Cannot interpret '[^']*' as a data type|data type .* not understood")
_STR_COMPARED = re.compile(r"not supported between instances of '\w+' and 'str'|of 'str' and")
_UNPACK = re.compile(r"(too many|not enough) values to unpack")
#: ``range(num_iterations)`` given the learning rate: arguments passed in the wrong order.
_NOT_AN_INTEGER = re.compile(
    r"'(float|numpy\.float\d*)' object cannot be interpreted as an integer"
)
#: ``x /= x_norm`` on an array of integers (the course's own example): fractions cannot be
#: stored in it.
_IN_PLACE_CAST = re.compile(
    r"Cannot cast ufunc '(\w+)' output from dtype\('float\d*'\) to dtype\('u?int\d*'\)"
)
_UNBOUND = re.compile(r"local variable '(\w+)'")
#: How a value's type reads in a sentence.
_KINDS = {"int": "an int", "NoneType": "None", "str": "a string", "function": "a function"}
_KINDS |= {k: f"a {k}" for k in ("float", "bool", "list", "tuple", "dict")}
#: A missing key of a layer: ``'W4'``, ``'db0'``, ``'dA3'`` (a layer index out of range).
_LAYER_KEY = re.compile(r"^'(d?[WbA])(-?\d+)'$")
_NUMPY2_FIX = {
    "float": "float",
    "int": "int",
    "bool": "bool",
    "object": "object",
    "product": "np.prod",
    "float_": "np.float64",
    "NaN": "np.nan",
    "Inf": "np.inf",
    "alltrue": "np.all",
    "sometrue": "np.any",
    "cumproduct": "np.cumprod",
    "asscalar": "a.item()",
    "round_": "np.round",
    "in1d": "np.isin",
    "row_stack": "np.vstack",
    "trapz": "np.trapezoid",
}


def _dims(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.replace(" ", "").split(",") if x)


def _fmt(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def dot_hint(a: tuple[int, ...], b: tuple[int, ...]) -> str:
    """The hint for ``np.dot`` of shapes ``a`` and ``b`` whose inner sizes differ."""
    inner = (
        f"a product of shapes {_fmt(a)} and {_fmt(b)}: the inner sizes {a[-1]} and {b[0]} "
        "must be equal"
    )
    first, second = len(a) == 2 and a[0] == b[0], len(b) == 2 and a[-1] == b[-1]
    if first and second:  # two rows (Y and log(A), both (1, m)): two products, which one?
        outer, inner_product = (a[1], b[1]), (a[0], b[0])
        return (
            f"{inner}; with the second operand transposed the product is {_fmt(inner_product)} "
            f"(a sum over the {a[1]} columns, as in a cost), with the first transposed "
            f"{_fmt(outer)} (every pair of columns): a missing .T on the second?"
        )
    if first:
        return f"{inner}; the first operand transposed, {_fmt(a[::-1])}, fits: a missing .T?"
    if second:
        return f"{inner}; the second operand transposed, {_fmt(b[::-1])}, fits: a missing .T?"
    return f"{inner}: check the order of the operands and their shapes (n_x, m), (n_l, n_l-1)."


def _no_such_numpy_name(name: str) -> str:
    """The hint of ``np.<name>`` that numpy does not have: a typo, or not numpy's."""
    import difflib

    import numpy

    names = [n for n in dir(numpy) if not n.startswith("_")]
    close = difflib.get_close_matches(name, names, 1, cutoff=0.8)
    if close:
        return f"numpy has no {name}: a typo of np.{close[0]}?"
    return (
        f"numpy has no {name}: is it a function of your own or of the course's helpers "
        f"({name}(...), not np.{name}(...)), or one numpy 2 removed?"
    )


#: What to do about a failing assert of the student's own (after what failed).
OWN_ASSERT = (
    "either what it checks is wrong for these arguments (a size written as a number where the "
    "arguments give it?), or it holds only for the notebook's example: assert what must hold "
    "for any input, or remove it."
)


def hint_for(kind: str, message: str) -> str | None:
    """A hint for an exception of type ``kind`` with ``message`` raised by student code.

    Args:
        kind: the exception's class name (``ValueError``).
        message: its message.

    Returns:
        One sentence, or None when there is nothing more useful to say than the message.
    """
    if kind == "ValueError" and (m := _NOT_ALIGNED.search(message)):
        return dot_hint(_dims(m.group(1)), _dims(m.group(2)))
    if m := _IN_PLACE_CAST.search(message):
        op = {"divide": "/=", "true_divide": "/=", "multiply": "*=", "subtract": "-="}
        return (
            f"an in-place {op.get(m[1], m[1])} on an array of integers (the course's example "
            "is one) cannot hold the fractions: write x = x / x_norm, which makes a new array."
        )
    if kind == "ValueError" and _MATMUL.search(message):
        return "the inner sizes of the matrix product differ: is one operand missing a .T?"
    if kind == "ValueError" and (m := _BROADCAST.search(message)):
        shapes = " and ".join(m.group(1).split())
        return (
            f"arrays of shapes {shapes} cannot be combined elementwise: check each shape "
            "(a bias is an (n, 1) column; sums over examples need keepdims=True)."
        )
    if kind == "TypeError" and _TUPLE_OPERAND.search(message):
        return (
            "a tuple is used where a number or an array belongs: a trailing comma "
            "(b = 0.0,), a function's (value, cache) result used without unpacking, or a "
            "cache passed where its array belongs (the linear cache (A_prev, W, b) where the "
            "activation cache Z goes)?"
        )
    if kind == "TypeError" and (m := _CONCATENATE.search(message)):
        other = _KINDS.get(m[2], m[2])
        if m[1] == "str":
            return (
                f"text is joined with {other} by +: turn it into text first, "
                '"W" + str(l) or an f-string, not "W" + l.'
            )
        return (
            f"a list is joined with {other} by +: list + x needs x to be a list too. Is "
            f"{other} passed where a list belongs? The course passes each size as an int "
            "(n_h = 4); [n_x, n_h, n_y] builds the list."
        )
    if kind == "AttributeError" and (m := _NUMPY2.search(message)):
        fix = _NUMPY2_FIX.get(m.group(1))
        if fix:
            return f"numpy 2 removed np.{m.group(1)}: use {fix}."
        return _no_such_numpy_name(m.group(1))
    if kind == "IndexError" and (m := _BOOLEAN_INDEX.search(message)):
        return (
            f"a mask of {m[2]} rows indexes an array of {m[1]} (dZ[Z <= 0] = 0 in relu_backward "
            "does this): the upstream gradient dA and the cache's Z belong to different layers. "
            "Is dA the gradient the layer above returned, and the cache the one of the same "
            "layer (caches[l] for layer l + 1)?"
        )
    if kind == "KeyError" and (m := _LAYER_KEY.match(message.strip())):
        if m[1] == "dA":
            return (
                f"no key {m[0]}: check the range of the layer index. grads holds dA0..dA{{L-1}} "
                "(dA1..dAL in the releases before 2021) besides dW1, db1, ..., dWL, dbL."
            )
        return (
            f"no key {m[0]}: check the range of the layer index, and the dict: parameters hold "
            "W1, b1, ..., WL, bL with L = len(parameters) // 2, grads dW1, db1, ... (with a d) "
            "and dA0..dA{L-1}, so len(grads) is not 2 L."
        )
    if kind == "TypeError" and (m := _NOT_SUBSCRIPTABLE.search(message)):
        return (
            f"{_KINDS.get(m[1], m[1])} is indexed like a dict or an array ([...]): a variable "
            "mixed up with another? Check what each name holds where it is indexed."
        )
    if kind == "AttributeError" and (m := _NO_SHAPE.search(message)):
        return (
            f"{_KINDS.get(m[1], m[1])} is used where an array belongs (.{m[2]}): an argument in "
            "the wrong place, or a variable mixed up with another?"
        )
    if kind == "TypeError" and _STRINGS.search(message):
        return (
            'text is used in arithmetic: a dict key ("W1") where its value '
            '(parameters["W1"]) belongs, or an activation name passed as a number?'
        )
    if kind == "TypeError" and _SHAPE_AS_DTYPE.search(message):
        return (
            "np.zeros, np.ones and np.empty take the shape as one tuple: np.zeros((n, 1)), not "
            "np.zeros(n, 1) (whose second argument is the data type)."
        )
    if kind == "TypeError" and _STR_COMPARED.search(message):
        return (
            "text is compared with a number: a string (an activation name, a dict key) passed "
            "where an array belongs, as in relu_backward(dA, activation) for (dA, cache)?"
        )
    if kind == "TypeError" and "'module' object is not callable" in message:
        return (
            "a module is called like a function: call a function of it, np.linalg.norm(x), "
            "not np.linalg(x); or an import binds the module where a function belongs."
        )
    if kind == "TypeError" and message.startswith("issubclass() arg 1 must be a class"):
        return "issubclass() takes a class: isinstance(b, float) asks it of a value."
    if kind == "TypeError" and message.startswith("len() of unsized object"):
        return (
            "len() of a 0-d array: np.squeeze of a (1, 1) array (one example, m = 1) leaves no "
            "axis; loop over range(A.shape[1]), the examples being columns, or work on the "
            "whole array (A > 0.5)."
        )
    if kind == "TypeError" and "unhashable type" in message:
        return (
            "a value is put in a set or used as a dict key: {'dw', dw} is a set; a dict "
            "needs colons, {'dw': dw, 'db': db}."
        )
    if kind == "IndexError" and message.startswith("tuple index out of range"):
        return (
            "an index past the end of a tuple: a shape (n, m) has indices 0 and 1 only, an "
            "image's (length, height, depth) 0, 1 and 2."
        )
    if kind == "IndexError" and _ARRAY_INDEX.search(message):
        return "an array (or a float) is used as an index: a value where a loop counter belongs?"
    if kind == "ValueError" and (m := _RESHAPE.search(message)):
        wanted = math.prod(_dims(m[2]))
        return (
            f"the array has {m[1]} entries but shape {_fmt(_dims(m[2]))} holds {wanted}: a size "
            "written as a number fits one data set only; read sizes from the arrays' .shape, or "
            "let reshape work one out with -1."
        )
    if kind == "ValueError" and _AMBIGUOUS.search(message):
        return (
            "an array in an if or while condition (or x if cond else y): test a number or a "
            "flag (i % 100 == 0, print_cost); for one result per entry, compare elementwise "
            "((A2 > 0.5) * 1.0, np.where(A2 > 0.5, 1, 0)); np.all(...) / np.any(...) give one."
        )
    if kind == "TypeError" and _NOT_AN_INTEGER.search(message):
        return (
            "a number with a fraction where a count belongs (range(n), a size): are arguments "
            "passed in another order than the parameters' (the learning rate for the number of "
            "iterations)? Pass them by name: num_iterations=..., learning_rate=...."
        )
    if kind == "ValueError" and (m := _UNPACK.search(message)):
        return (
            f"a value with {'more' if m[1] == 'too many' else 'fewer'} parts than names is "
            "unpacked (a, b = x): is it the right tuple? A linear cache is (A_prev, W, b), a "
            "layer's cache (linear_cache, activation_cache), a function's result (value, cache)."
        )
    if kind == "TypeError" and "cannot unpack non-iterable NoneType" in message:
        return (
            "None is unpacked into names (a, b = f(...)): the function called on that line "
            "returned None. Is its return statement missing?"
        )
    if kind == "UnboundLocalError" and (m := _UNBOUND.search(message)):
        return (
            f"{m[1]} is used before the function assigns it in this call: its assignment comes "
            "later, or sits in a branch or loop that did not run (an if without an else?)."
        )
    if kind == "AssertionError":
        return f"an assert of your own failed on this call: {OWN_ASSERT}"
    if kind == "NameError":
        return (
            "the function uses a name it does not define: create it first (costs = [] before "
            "the loop), or, for a variable of the notebook or a helper of a cell you did not "
            "submit, use the function's arguments."
        )
    return None
