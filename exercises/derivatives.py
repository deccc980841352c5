r"""Unit 1 · derivatives: slopes by nudging, a computation graph, gradient descent.

The lessons' intuition, in code: the derivative of $f$ at $a$ is how much $f(a)$ moves when
$a$ is nudged a tiny bit, divided by the nudge; a computation graph is evaluated left to right
and differentiated right to left with the chain rule; gradient descent walks downhill along
the slope.

Some functions here receive another function ``f`` (or ``J``, ``dJ``) as an argument: call
it like any Python function, ``f(2.0)``, and it returns a number.

Run ``pytest exercises -m task1_1`` (and so on) to check one task.
"""

# Generated from solutions/derivatives.py by `python -m autograder.stubs`.
# Write your code in place of each `raise NotImplementedError(...)`.

from __future__ import annotations

from collections.abc import Callable


# ## Task 1.1 — forward_difference
def forward_difference(f: Callable[[float], float], a: float, epsilon: float = 0.001) -> float:
    r"""Estimate the slope of ``f`` at ``a`` by nudging ``a`` to the right.

    Math:
        $f'(a) \approx \frac{f(a + \varepsilon) - f(a)}{\varepsilon}$

    The lesson's examples: $f(a) = 3a$ has slope 3 everywhere; $f(a) = a^2$ at $a = 2$,
    nudged by $\varepsilon = 0.001$, moves from 4 to 4.004001, a slope of about 4.001
    (the exact slope is $2a = 4$).

    Args:
        f: a function of one number that returns a number.
        a: the point, a number.
        epsilon: the nudge, a positive number.

    Returns:
        The estimated slope, a number (a ``float``, not an array or a list). Do not round it.

    Examples:
        >>> round(forward_difference(lambda a: a**2, 2.0), 6)
        4.001

    Hint:
        Evaluate ``f`` twice: at ``a + epsilon`` and at ``a``; divide by ``epsilon`` (the
        argument, not the number 0.001).
    """
    # TODO: Implement for Task 1.1.
    raise NotImplementedError("Task 1.1: implement forward_difference")


# ## Task 1.2 — centered_difference
def centered_difference(f: Callable[[float], float], a: float, epsilon: float = 0.001) -> float:
    r"""Estimate the slope of ``f`` at ``a`` by nudging ``a`` both ways (more accurate).

    Math:
        $f'(a) \approx \frac{f(a + \varepsilon) - f(a - \varepsilon)}{2\varepsilon}$

    Its error shrinks like $\varepsilon^2$ instead of $\varepsilon$: for $f(a) = a^2$ it is
    exact, $4$ at $a = 2$ (up to rounding); for $f(a) = a^3$ at $a = 2$ with
    $\varepsilon = 0.01$ it gives $12.0001$ (exact slope $3a^2 = 12$).

    Args:
        f: a function of one number that returns a number.
        a: the point, a number.
        epsilon: the nudge, a positive number.

    Returns:
        The estimated slope, a number (a ``float``). Do not round it.

    Examples:
        >>> round(centered_difference(lambda a: a**3, 2.0, 0.01), 6)
        12.0001

    Hint:
        The two points are ``2 * epsilon`` apart, so divide by ``2 * epsilon``.
    """
    # TODO: Implement for Task 1.2.
    raise NotImplementedError("Task 1.2: implement centered_difference")


# ## Task 1.3 — graph_forward
def graph_forward(a: float, b: float, c: float) -> tuple[float, float, float]:
    r"""Evaluate the lesson's computation graph from left to right.

    Math:
        $u = b c$, $\quad v = a + u$, $\quad J = 3 v$ (so $J = 3(a + b c)$).

    Args:
        a: a number.
        b: a number.
        c: a number.

    Returns:
        The tuple ``(u, v, J)`` of three numbers, in that order.

    Examples:
        >>> graph_forward(5.0, 3.0, 2.0)
        (6.0, 11.0, 33.0)

    Hint:
        One line per node of the graph; each node uses the one before.
    """
    # TODO: Implement for Task 1.3.
    raise NotImplementedError("Task 1.3: implement graph_forward")


# ## Task 1.4 — graph_backward
def graph_backward(a: float, b: float, c: float) -> dict[str, float]:
    r"""Differentiate the lesson's graph $J = 3(a + bc)$ from right to left (chain rule).

    Notation of the course: ``dvar`` means $\frac{dJ}{d\,\text{var}}$, the derivative of the
    final output $J$ with respect to ``var``.

    Math:
        $dv = \frac{dJ}{dv} = 3$; $\; du = dv \cdot \frac{dv}{du} = dv$;
        $\; da = dv \cdot \frac{dv}{da} = dv$;
        $\; db = du \cdot \frac{du}{db} = du \cdot c$;
        $\; dc = du \cdot \frac{du}{dc} = du \cdot b$.

    Args:
        a: a number.
        b: a number.
        c: a number.

    Returns:
        A dict with exactly the keys ``"dv", "du", "da", "db", "dc"``, each a number.

    Examples:
        >>> graph_backward(5.0, 3.0, 2.0)
        {'dv': 3.0, 'du': 3.0, 'da': 3.0, 'db': 6.0, 'dc': 9.0}

    Hint:
        Start from the output: each derivative is the one of the node to its right times a
        local derivative (``du/db = c``, ``du/dc = b``).
    """
    # TODO: Implement for Task 1.4.
    raise NotImplementedError("Task 1.4: implement graph_backward")


# ## Task 1.5 — gradient_descent
def gradient_descent(
    J: Callable[[float], float],
    dJ: Callable[[float], float],
    w0: float,
    learning_rate: float = 0.1,
    num_iterations: int = 100,
) -> tuple[float, list[float]]:
    r"""Minimize a convex cost of one parameter $w$ by gradient descent.

    Math:
        repeat ``num_iterations`` times: $w := w - \alpha \frac{dJ(w)}{dw}$, with
        $\alpha$ = ``learning_rate``.

    ``costs`` records the cost **before any update and after each update**:
    ``costs[0] = J(w0)`` and ``costs[i] = J(w)`` after the ``i``-th update, so it has
    ``num_iterations + 1`` entries (just ``[J(w0)]`` when ``num_iterations`` is 0). Nothing
    is clipped or stopped early: a learning rate that is too large makes the costs grow, and
    that is what the function must show.

    Args:
        J: the cost, a function of one number that returns a number.
        dJ: its derivative $\frac{dJ}{dw}$, a function of one number.
        w0: the starting value of $w$.
        learning_rate: the step size $\alpha$.
        num_iterations: how many updates to make.

    Returns:
        ``(w, costs)``: the final $w$ (a number) and the Python ``list`` of
        ``num_iterations + 1`` costs.

    Examples:
        >>> w, costs = gradient_descent(lambda w: (w - 3) ** 2, lambda w: 2 * (w - 3), 0.0, 0.25, 2)
        >>> w, costs
        (2.25, [9.0, 2.25, 0.5625])

    Hint:
        Start with ``costs = [J(w)]``, then in the loop update ``w`` and append ``J(w)``.
    """
    # TODO: Implement for Task 1.5.
    raise NotImplementedError("Task 1.5: implement gradient_descent")
