"""Known mistakes for unit 1 (derivatives), as variants of the reference.

Each entry: the function (by its partial), an id, the mistake as a teacher would name it; the
changes to the reference's source; the checks it fails and the hint the student gets.
"""

from functools import partial

from autograder.mistakes import variant

fd, cd = partial(variant, "forward_difference"), partial(variant, "centered_difference")
gf, gb = partial(variant, "graph_forward"), partial(variant, "graph_backward")
gd = partial(variant, "gradient_descent")
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
    fd("np_diff", "np.diff of the two values (returns a 1-element array)",
       numpy("forward_difference"), (FD, "np.diff([f(a), f(a + epsilon)]) / epsilon"),
       fails="returns_number", message=NUMBER),
    fd("fixed_epsilon", "nudges by a fixed 0.001 instead of epsilon",
       (FD, "(f(a + 0.001) - f(a)) / 0.001"),
       fails="uses_epsilon", hint="use the epsilon argument."),
    fd("rounded", "rounds the slope to 3 decimals, as the lesson prints it",
       (FD, "round((f(a + epsilon) - f(a)) / epsilon, 3)"),
       fails="hidden", hint=ROUNDED),
    fd("two_epsilon", "divides by 2 epsilon",
       (FD, "(f(a + epsilon) - f(a)) / (2 * epsilon)"),
       fails="values uses_epsilon hidden", hint="the two points are epsilon apart: divide by epsilon."),
    fd("backward", "nudges to the left: (f(a) - f(a - epsilon)) / epsilon",
       (FD, "(f(a) - f(a - epsilon)) / epsilon"),
       fails="values uses_epsilon hidden", hint="the forward difference nudges a to the right, a + epsilon."),
    fd("returns_function", "returns the slope function instead of its value at a",
       (FD, "lambda x: (f(x + epsilon) - f(x)) / epsilon"),
       fails="returns_number values uses_epsilon hidden", message="should be a number but is function"),
    cd("np_diff", "np.diff of the two values (returns a 1-element array)",
       numpy("centered_difference"), (CD, "np.diff([f(a - epsilon), f(a + epsilon)]) / (2 * epsilon)"),
       fails="returns_number", message=NUMBER),
    cd("fixed_epsilon", "nudges by a fixed 0.001 instead of epsilon",
       (CD, "(f(a + 0.001) - f(a - 0.001)) / 0.002"),
       fails="uses_epsilon", hint="use the epsilon argument."),
    cd("rounded", "rounds the slope to 3 decimals",
       (CD, "round((f(a + epsilon) - f(a - epsilon)) / (2 * epsilon), 3)"),
       fails="hidden", hint=ROUNDED),
    cd("one_epsilon", "divides by epsilon instead of 2 epsilon",
       (CD, "(f(a + epsilon) - f(a - epsilon)) / epsilon"),
       fails="values uses_epsilon hidden", hint="a + epsilon and a - epsilon are 2 epsilon apart."),
    cd("one_sided", "the forward difference instead of the centred one",
       (CD, FD),
       fails="values uses_epsilon hidden", hint="nudge both ways: f(a + epsilon) - f(a - epsilon)."),
    cd("precedence", "/ 2 * epsilon, which multiplies by epsilon: it needs / (2 * epsilon)",
       (CD, "(f(a + epsilon) - f(a - epsilon)) / 2 * epsilon"),
       fails="values uses_epsilon hidden", hint="a / 2 * epsilon is (a / 2) * epsilon: write / (2 * epsilon)."),
    cd("half_steps", "nudges by epsilon / 2 each way (the contract: a + epsilon and a - epsilon)",
       (CD, "(f(a + epsilon / 2) - f(a - epsilon / 2)) / epsilon"),
       fails="uses_epsilon hidden", hint="evaluate f at a + epsilon and a - epsilon, then divide by 2 epsilon."),
    gf("array", "returns np.array([u, v, J]) instead of a tuple",
       numpy("graph_forward"), ("return u, v, J", "return np.array([u, v, J])"),
       fails="returns_tuple", message="should return a tuple (u, v, J)"),
    gf("no_three", "forgets the last node, J = 3v",
       ("J = 3 * v", "J = v"),
       fails="values hidden", hint="the last node multiplies by 3: J = 3v."),
    gf("order", "returns (J, v, u) instead of (u, v, J)",
       ("return u, v, J", "return J, v, u"),
       fails="values hidden", hint="return the nodes in the order (u, v, J)."),
    gf("hard_coded", "returns the lesson's numbers",
       (GF, "return 6.0, 11.0, 33.0"),
       fails="hidden", message="wrong values on hidden inputs"),
    gb("extra_key", 'adds "dJ": 1.0 (the start of back-propagation) to the dict',
       ('return {"dv"', 'return {"dJ": 1.0, "dv"'),
       fails="structure", message="unexpected keys ['dJ']"),
    gb("verbose_keys", 'keys "dJ_da", "dJ_db", ... instead of "da", "db", ...',
       (GB_DICT, '{"dJ_dv": dv, "dJ_du": du, "dJ_da": da, "dJ_db": db, "dJ_dc": dc}'),
       fails="structure values gradcheck", message="missing keys"),
    gb("local_only", "local derivatives only: db = c, dc = b (forgets du)",
       (GB_CHAIN, "db = c\n    dc = b"),
       fails="values gradcheck", hint="chain rule: db = du * du/db = du * c."),
    gb("swapped", "db and dc swapped (db = 3b, dc = 3c)",
       (GB_CHAIN, "db = du * b\n    dc = du * c"),
       fails="values gradcheck", hint="u = bc: du/db = c and du/dc = b."),
    gb("hard_coded", "returns the lesson's numbers",
       (GB_DICT, '{"dv": 3.0, "du": 3.0, "da": 3.0, "db": 6.0, "dc": 9.0}'),
       fails="gradcheck", message="match the numeric gradient"),
    gd("array_costs", "returns costs as a numpy array",
       numpy("gradient_descent"), ("return w, costs", "return w, np.array(costs)"),
       fails="structure", message="costs should be a Python list"),
    gd("no_initial_cost", "records the cost only after each update (forgets J(w0))",
       ("costs = [J(w)]\n", "costs = []\n"),
       fails=EVERY_GD_CHECK, message="should have 101 entries"),
    gd("cost_before_update", "records J(w) before each update: the cost after the last one is missing",
       ("costs = [J(w)]\n", "costs = []\n"), (UPDATE_THEN_COST, "        costs.append(J(w))\n" + STEP_LINE),
       fails=EVERY_GD_CHECK, hint="costs[0] = J(w0) before the loop, then append J(w) after each update."),
    gd("initial_in_loop", "records J(w0) inside the loop (nothing when num_iterations = 0)",
       (LOOP, "costs = []\n    for i in range(num_iterations):\n        if i == 0:\n"
              "            costs.append(J(w))\n"),
       fails="no_iterations", message="should return (w0, [J(w0)])"),
    gd("fixed_learning_rate", "hard-codes the learning rate 0.1",
       (STEP, "w - 0.1 * dJ(w)"),
       fails="uses_arguments too_large_rate", hint="use the learning_rate argument."),
    gd("fixed_iterations", "hard-codes 100 iterations",
       ("in range(num_iterations)", "in range(100)"),
       fails="uses_arguments too_large_rate no_iterations", message="wrong values"),
    gd("ascent", "w + learning_rate * dJ (walks uphill)",
       (STEP, "w + learning_rate * dJ(w)"),
       fails="values uses_arguments too_large_rate hidden", hint="step against the slope: w = w - learning_rate * dJ(w)."),
    gd("one_step_fewer", "takes one step fewer: range(num_iterations - 1)",
       ("for _ in range(num_iterations):", "for _ in range(num_iterations - 1):"),
       fails="structure values uses_arguments too_large_rate hidden", hint="take num_iterations steps: for _ in range(num_iterations)."),
    gd("stops_when_cost_rises", "stops as soon as a step would raise the cost",
       (UPDATE_THEN_COST, "        if J(w - learning_rate * dJ(w)) > J(w):\n            break\n" + UPDATE_THEN_COST),
       fails="too_large_rate", message="stops as soon as a step would raise the cost"),
    gd("clips_w", "clips w to [-10, 10] after each step",
       (STEP_LINE, "        w = min(max(w - learning_rate * dJ(w), -10.0), 10.0)\n"),
       fails="too_large_rate", message="clips w to [-10, 10]"),
]
# fmt: on


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    ("graph_forward", "values"): "a formula wrong at the lesson's point is also wrong at random "
    "points (hidden)",
    ("graph_backward", "values"): "a derivative wrong at the lesson's point is also wrong there "
    "in the gradient check",
    ("gradient_descent", "values"): "an update wrong with the default arguments is also wrong "
    "from random starts (hidden)",
    ("gradient_descent", "hidden"): "a wrong update rule is already wrong on the visible bowl; "
    "hard-coded arguments fail uses_arguments",
    ("gradient_descent", "uses_arguments"): "a learning rate or a count written as a number is "
    "wrong with the overshooting rate too (too_large_rate)",
    ("forward_difference", "values"): "a formula wrong on the lesson's examples is also wrong on "
    "random inputs (hidden)",
    ("centered_difference", "values"): "as for forward_difference",
}
