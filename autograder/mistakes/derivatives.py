"""Known mistakes for unit 1 (derivatives), as variants of the reference.

A table per function (:func:`autograder.mistakes.table`), a row per entry: its id and the mistake
as a teacher would name it, the checks it fails, then the changes to the reference's source and
the hint the student gets (or the message a failing check must contain).
"""

from autograder.mistakes import reasons, table

FD = "(f(a + epsilon) - f(a)) / epsilon"
CD = "(f(a + epsilon) - f(a - epsilon)) / (2 * epsilon)"
GF = "u = b * c\n    v = a + u\n    J = 3 * v\n    return u, v, J"
GB_CHAIN = "db = du * c\n    dc = du * b"
GB_DICT = '{"dv": dv, "du": du, "da": da, "db": db, "dc": dc}'
STEP = "w - learning_rate * dJ(w)"
STEP_LINE = "        w = w - learning_rate * dJ(w)\n"
UPDATE_THEN_COST = STEP_LINE + "        costs.append(J(w))\n"
LOOP = "costs = [J(w)]\n    for _ in range(num_iterations):\n"
NUMBER = "should be a number"
ROUNDED = "return the unrounded quotient; rounding is for printing."
EVERY_GD_CHECK = "structure values uses_arguments too_large_rate no_iterations hidden"


def numpy(function: str) -> tuple[str, str]:
    """The change that imports numpy above ``function`` (the reference module does not)."""
    return f"def {function}(", f"import numpy as np\n\n\ndef {function}("


# fmt: off
MISTAKES = [
    *table("forward_difference",
        ("np_diff: np.diff of the two values (returns a 1-element array)", "returns_number", "message",
         *numpy("forward_difference"),
         FD, "np.diff([f(a), f(a + epsilon)]) / epsilon", NUMBER),
        ("fixed_epsilon: nudges by a fixed 0.001 instead of epsilon", "uses_epsilon", "hint",
         FD, "(f(a + 0.001) - f(a)) / 0.001", "use the epsilon argument."),
        ("rounded: rounds the slope to 3 decimals, as the lesson prints it", "hidden", "hint",
         FD, "round((f(a + epsilon) - f(a)) / epsilon, 3)", ROUNDED),
        ("two_epsilon: divides by 2 epsilon", "values uses_epsilon hidden", "hint",
         FD, "(f(a + epsilon) - f(a)) / (2 * epsilon)", "the two points are epsilon apart: divide by epsilon."),
        ("backward: nudges to the left: (f(a) - f(a - epsilon)) / epsilon", "values uses_epsilon hidden", "hint",
         FD, "(f(a) - f(a - epsilon)) / epsilon", "the forward difference nudges a to the right, a + epsilon."),
        ("returns_function: returns the slope function instead of its value at a", "returns_number values uses_epsilon hidden", "message",
         FD, "lambda x: (f(x + epsilon) - f(x)) / epsilon", "should be a number but is function"),
    ),
    *table("centered_difference",
        ("np_diff: np.diff of the two values (returns a 1-element array)", "returns_number", "message",
         *numpy("centered_difference"),
         CD, "np.diff([f(a - epsilon), f(a + epsilon)]) / (2 * epsilon)", NUMBER),
        ("fixed_epsilon: nudges by a fixed 0.001 instead of epsilon", "uses_epsilon", "hint",
         CD, "(f(a + 0.001) - f(a - 0.001)) / 0.002", "use the epsilon argument."),
        ("rounded: rounds the slope to 3 decimals", "hidden", "hint",
         CD, "round((f(a + epsilon) - f(a - epsilon)) / (2 * epsilon), 3)", ROUNDED),
        ("one_epsilon: divides by epsilon instead of 2 epsilon", "values uses_epsilon hidden", "hint",
         CD, "(f(a + epsilon) - f(a - epsilon)) / epsilon", "a + epsilon and a - epsilon are 2 epsilon apart."),
        ("one_sided: the forward difference instead of the centred one", "values uses_epsilon hidden", "hint",
         CD, FD, "nudge both ways: f(a + epsilon) - f(a - epsilon)."),
        ("precedence: / 2 * epsilon, which multiplies by epsilon: it needs / (2 * epsilon)", "values uses_epsilon hidden", "hint",
         CD, "(f(a + epsilon) - f(a - epsilon)) / 2 * epsilon", "a / 2 * epsilon is (a / 2) * epsilon: write / (2 * epsilon)."),
        ("half_steps: nudges by epsilon / 2 each way (the contract: a + epsilon and a - epsilon)", "uses_epsilon hidden", "hint",
         CD, "(f(a + epsilon / 2) - f(a - epsilon / 2)) / epsilon", "evaluate f at a + epsilon and a - epsilon, then divide by 2 epsilon."),
    ),
    *table("graph_forward",
        ("array: returns np.array([u, v, J]) instead of a tuple", "returns_tuple", "message",
         *numpy("graph_forward"),
         "return u, v, J", "return np.array([u, v, J])", "should return a tuple (u, v, J)"),
        ("no_three: forgets the last node, J = 3v", "values hidden", "hint",
         "J = 3 * v", "J = v", "the last node multiplies by 3: J = 3v."),
        ("order: returns (J, v, u) instead of (u, v, J)", "values hidden", "hint",
         "return u, v, J", "return J, v, u", "return the nodes in the order (u, v, J)."),
        ("hard_coded: returns the lesson's numbers", "hidden", "message",
         GF, "return 6.0, 11.0, 33.0", "wrong values on hidden inputs"),
    ),
    *table("graph_backward",
        ('extra_key: adds "dJ": 1.0 (the start of back-propagation) to the dict', "structure", "message",
         'return {"dv"', 'return {"dJ": 1.0, "dv"', "unexpected keys ['dJ']"),
        ('verbose_keys: keys "dJ_da", "dJ_db", ... instead of "da", "db", ...', "structure values gradcheck", "message",
         GB_DICT, '{"dJ_dv": dv, "dJ_du": du, "dJ_da": da, "dJ_db": db, "dJ_dc": dc}', "missing keys"),
        ("local_only: local derivatives only: db = c, dc = b (forgets du)", "values gradcheck", "hint",
         GB_CHAIN, "db = c\n    dc = b", "chain rule: db = du * du/db = du * c."),
        ("swapped: db and dc swapped (db = 3b, dc = 3c)", "values gradcheck", "hint",
         GB_CHAIN, "db = du * b\n    dc = du * c", "u = bc: du/db = c and du/dc = b."),
        ("hard_coded: returns the lesson's numbers", "gradcheck", "message",
         GB_DICT, '{"dv": 3.0, "du": 3.0, "da": 3.0, "db": 6.0, "dc": 9.0}', "match the numeric gradient"),
    ),
    *table("gradient_descent",
        ("array_costs: returns costs as a numpy array", "structure", "message",
         *numpy("gradient_descent"),
         "return w, costs", "return w, np.array(costs)", "costs should be a Python list"),
        ("no_initial_cost: records the cost only after each update (forgets J(w0))", EVERY_GD_CHECK, "message",
         "costs = [J(w)]\n", "costs = []\n", "should have 101 entries"),
        ("cost_before_update: records J(w) before each update: the cost after the last one is missing", EVERY_GD_CHECK, "hint",
         "costs = [J(w)]\n", "costs = []\n",
         UPDATE_THEN_COST, "        costs.append(J(w))\n" + STEP_LINE,
         "costs[0] = J(w0) before the loop, then append J(w) after each update."),
        ("initial_in_loop: records J(w0) inside the loop (nothing when num_iterations = 0)", "no_iterations", "message",
         LOOP, "costs = []\n    for i in range(num_iterations):\n        if i == 0:\n"
              "            costs.append(J(w))\n",
         "should return (w0, [J(w0)])"),
        ("fixed_learning_rate: hard-codes the learning rate 0.1", "uses_arguments too_large_rate", "hint",
         STEP, "w - 0.1 * dJ(w)", "use the learning_rate argument."),
        ("fixed_iterations: hard-codes 100 iterations", "uses_arguments too_large_rate no_iterations", "message",
         "in range(num_iterations)", "in range(100)", "wrong values"),
        ("ascent: w + learning_rate * dJ (walks uphill)", "values uses_arguments too_large_rate hidden", "hint",
         STEP, "w + learning_rate * dJ(w)", "step against the slope: w = w - learning_rate * dJ(w)."),
        ("one_step_fewer: takes one step fewer: range(num_iterations - 1)", "structure values uses_arguments too_large_rate hidden", "hint",
         "for _ in range(num_iterations):", "for _ in range(num_iterations - 1):", "take num_iterations steps: for _ in range(num_iterations)."),
        ("stops_when_cost_rises: stops as soon as a step would raise the cost", "too_large_rate", "message",
         UPDATE_THEN_COST, "        if J(w - learning_rate * dJ(w)) > J(w):\n            break\n" + UPDATE_THEN_COST,
         "stops as soon as a step would raise the cost"),
        ("clips_w: clips w to [-10, 10] after each step", "too_large_rate", "message",
         STEP_LINE, "        w = min(max(w - learning_rate * dJ(w), -10.0), 10.0)\n", "clips w to [-10, 10]"),
    ),
]
# fmt: on


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = reasons(
    "graph_forward values: a formula wrong at the lesson's point is also wrong at random "
    "points (hidden)",
    "graph_backward values: a derivative wrong at the lesson's point is also wrong there "
    "in the gradient check",
    "gradient_descent values: an update wrong with the default arguments is also wrong "
    "from random starts (hidden)",
    "gradient_descent hidden: a wrong update rule is already wrong on the visible bowl; "
    "hard-coded arguments fail uses_arguments",
    "gradient_descent uses_arguments: a learning rate or a count written as a number is "
    "wrong with the overshooting rate too (too_large_rate)",
    "forward_difference values: a formula wrong on the lesson's examples is also wrong on "
    "random inputs (hidden)",
    "centered_difference values: as for forward_difference",
)
