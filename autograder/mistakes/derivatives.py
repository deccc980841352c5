"""Known mistakes for unit 1 (derivatives), each with the checks it must fail."""

from autograder.mistakes import mistake

MISTAKES = [
    # ------------------------------------------------------------ 1.1 forward_difference
    mistake(
        "forward_difference",
        "np_diff",
        "np.diff of the two values (returns a 1-element array)",
        """
import numpy as np

def forward_difference(f, a, epsilon=0.001):
    return np.diff([f(a), f(a + epsilon)]) / epsilon
""",
        "returns_number",
        message="should be a number",
    ),
    mistake(
        "forward_difference",
        "fixed_epsilon",
        "nudges by a fixed 0.001 instead of epsilon",
        """
def forward_difference(f, a, epsilon=0.001):
    return (f(a + 0.001) - f(a)) / 0.001
""",
        "uses_epsilon",
        hint="use the epsilon argument.",
    ),
    mistake(
        "forward_difference",
        "rounded",
        "rounds the slope to 3 decimals, as the lesson prints it",
        """
def forward_difference(f, a, epsilon=0.001):
    return round((f(a + epsilon) - f(a)) / epsilon, 3)
""",
        "hidden",
        hint="return the unrounded quotient; rounding is for printing.",
    ),
    mistake(
        "forward_difference",
        "two_epsilon",
        "divides by 2 epsilon",
        """
def forward_difference(f, a, epsilon=0.001):
    return (f(a + epsilon) - f(a)) / (2 * epsilon)
""",
        "values uses_epsilon hidden",
        hint="the two points are epsilon apart: divide by epsilon.",
    ),
    mistake(
        "forward_difference",
        "backward",
        "nudges to the left: (f(a) - f(a - epsilon)) / epsilon",
        """
def forward_difference(f, a, epsilon=0.001):
    return (f(a) - f(a - epsilon)) / epsilon
""",
        "values uses_epsilon hidden",
        hint="the forward difference nudges a to the right, a + epsilon.",
    ),
    mistake(
        "forward_difference",
        "returns_function",
        "returns the slope function instead of its value at a",
        """
def forward_difference(f, a, epsilon=0.001):
    return lambda x: (f(x + epsilon) - f(x)) / epsilon
""",
        "returns_number values uses_epsilon hidden",
        message="should be a number but is function",
    ),
    # ------------------------------------------------------------ 1.2 centered_difference
    mistake(
        "centered_difference",
        "np_diff",
        "np.diff of the two values (returns a 1-element array)",
        """
import numpy as np

def centered_difference(f, a, epsilon=0.001):
    return np.diff([f(a - epsilon), f(a + epsilon)]) / (2 * epsilon)
""",
        "returns_number",
        message="should be a number",
    ),
    mistake(
        "centered_difference",
        "fixed_epsilon",
        "nudges by a fixed 0.001 instead of epsilon",
        """
def centered_difference(f, a, epsilon=0.001):
    return (f(a + 0.001) - f(a - 0.001)) / 0.002
""",
        "uses_epsilon",
        hint="use the epsilon argument.",
    ),
    mistake(
        "centered_difference",
        "rounded",
        "rounds the slope to 3 decimals",
        """
def centered_difference(f, a, epsilon=0.001):
    return round((f(a + epsilon) - f(a - epsilon)) / (2 * epsilon), 3)
""",
        "hidden",
        hint="return the unrounded quotient; rounding is for printing.",
    ),
    mistake(
        "centered_difference",
        "one_epsilon",
        "divides by epsilon instead of 2 epsilon",
        """
def centered_difference(f, a, epsilon=0.001):
    return (f(a + epsilon) - f(a - epsilon)) / epsilon
""",
        "values uses_epsilon hidden",
        hint="a + epsilon and a - epsilon are 2 epsilon apart.",
    ),
    mistake(
        "centered_difference",
        "one_sided",
        "the forward difference instead of the centred one",
        """
def centered_difference(f, a, epsilon=0.001):
    return (f(a + epsilon) - f(a)) / epsilon
""",
        "values uses_epsilon hidden",
        hint="nudge both ways: f(a + epsilon) - f(a - epsilon).",
    ),
    # ------------------------------------------------------------ 1.3 graph_forward
    mistake(
        "graph_forward",
        "array",
        "returns np.array([u, v, J]) instead of a tuple",
        """
import numpy as np

def graph_forward(a, b, c):
    u = b * c
    v = a + u
    return np.array([u, v, 3 * v])
""",
        "returns_tuple",
        message="should return a tuple (u, v, J)",
    ),
    mistake(
        "graph_forward",
        "no_three",
        "forgets the last node, J = 3v",
        """
def graph_forward(a, b, c):
    u = b * c
    v = a + u
    return u, v, v
""",
        "values hidden",
        hint="the last node multiplies by 3: J = 3v.",
    ),
    mistake(
        "graph_forward",
        "order",
        "returns (J, v, u) instead of (u, v, J)",
        """
def graph_forward(a, b, c):
    u = b * c
    v = a + u
    return 3 * v, v, u
""",
        "values hidden",
        hint="return the nodes in the order (u, v, J).",
    ),
    mistake(
        "graph_forward",
        "hard_coded",
        "returns the lesson's numbers",
        """
def graph_forward(a, b, c):
    return 6.0, 11.0, 33.0
""",
        "hidden",
        message="wrong values on hidden inputs",
    ),
    # ------------------------------------------------------------ 1.4 graph_backward
    mistake(
        "graph_backward",
        "extra_key",
        'adds "dJ": 1.0 (the start of back-propagation) to the dict',
        """
def graph_backward(a, b, c):
    dv = 3.0
    return {"dJ": 1.0, "dv": dv, "du": dv, "da": dv, "db": dv * c, "dc": dv * b}
""",
        "structure",
        message="unexpected keys ['dJ']",
    ),
    mistake(
        "graph_backward",
        "verbose_keys",
        'keys "dJ_da", "dJ_db", ... instead of "da", "db", ...',
        """
def graph_backward(a, b, c):
    dv = 3.0
    return {"dJ_dv": dv, "dJ_du": dv, "dJ_da": dv, "dJ_db": dv * c, "dJ_dc": dv * b}
""",
        "structure values gradcheck",
        message="missing keys",
    ),
    mistake(
        "graph_backward",
        "local_only",
        "local derivatives only: db = c, dc = b (forgets du)",
        """
def graph_backward(a, b, c):
    dv = 3.0
    return {"dv": dv, "du": dv, "da": dv, "db": c, "dc": b}
""",
        "values gradcheck",
        hint="chain rule: db = du * du/db = du * c.",
    ),
    mistake(
        "graph_backward",
        "swapped",
        "db and dc swapped (db = 3b, dc = 3c)",
        """
def graph_backward(a, b, c):
    dv = 3.0
    return {"dv": dv, "du": dv, "da": dv, "db": dv * b, "dc": dv * c}
""",
        "values gradcheck",
        hint="u = bc: du/db = c and du/dc = b.",
    ),
    mistake(
        "graph_backward",
        "hard_coded",
        "returns the lesson's numbers",
        """
def graph_backward(a, b, c):
    return {"dv": 3.0, "du": 3.0, "da": 3.0, "db": 6.0, "dc": 9.0}
""",
        "gradcheck",
        message="does not match the numeric gradient",
    ),
    # ------------------------------------------------------------ 1.5 gradient_descent
    mistake(
        "gradient_descent",
        "array_costs",
        "returns costs as a numpy array",
        """
import numpy as np

def gradient_descent(J, dJ, w0, learning_rate=0.1, num_iterations=100):
    w = w0
    costs = [J(w)]
    for _ in range(num_iterations):
        w = w - learning_rate * dJ(w)
        costs.append(J(w))
    return w, np.array(costs)
""",
        "structure",
        message="costs should be a Python list",
    ),
    mistake(
        "gradient_descent",
        "no_initial_cost",
        "records the cost only after each update (forgets J(w0))",
        """
def gradient_descent(J, dJ, w0, learning_rate=0.1, num_iterations=100):
    w = w0
    costs = []
    for _ in range(num_iterations):
        w = w - learning_rate * dJ(w)
        costs.append(J(w))
    return w, costs
""",
        "structure values uses_arguments no_iterations hidden",
        message="should have 101 entries",
    ),
    mistake(
        "gradient_descent",
        "initial_in_loop",
        "records J(w0) inside the loop (nothing when num_iterations = 0)",
        """
def gradient_descent(J, dJ, w0, learning_rate=0.1, num_iterations=100):
    w = w0
    costs = []
    for i in range(num_iterations):
        if i == 0:
            costs.append(J(w))
        w = w - learning_rate * dJ(w)
        costs.append(J(w))
    return w, costs
""",
        "no_iterations",
        message="should return (w0, [J(w0)])",
    ),
    mistake(
        "gradient_descent",
        "fixed_learning_rate",
        "hard-codes the learning rate 0.1",
        """
def gradient_descent(J, dJ, w0, learning_rate=0.1, num_iterations=100):
    w = w0
    costs = [J(w)]
    for _ in range(num_iterations):
        w = w - 0.1 * dJ(w)
        costs.append(J(w))
    return w, costs
""",
        "uses_arguments",
        hint="use the learning_rate argument.",
    ),
    mistake(
        "gradient_descent",
        "fixed_iterations",
        "hard-codes 100 iterations",
        """
def gradient_descent(J, dJ, w0, learning_rate=0.1, num_iterations=100):
    w = w0
    costs = [J(w)]
    for _ in range(100):
        w = w - learning_rate * dJ(w)
        costs.append(J(w))
    return w, costs
""",
        "uses_arguments no_iterations",
        message="wrong values",
    ),
    mistake(
        "gradient_descent",
        "ascent",
        "w + learning_rate * dJ (walks uphill)",
        """
def gradient_descent(J, dJ, w0, learning_rate=0.1, num_iterations=100):
    w = w0
    costs = [J(w)]
    for _ in range(num_iterations):
        w = w + learning_rate * dJ(w)
        costs.append(J(w))
    return w, costs
""",
        "values uses_arguments hidden",
        hint="step against the slope: w = w - learning_rate * dJ(w).",
    ),
]


#: Checks that no realistic mistake fails alone, with the reason (see tests/test_mistakes.py).
NOT_ISOLATED = {
    (
        "graph_forward",
        "values",
    ): "a formula wrong at the lesson's point is also wrong at random points (hidden)",
    (
        "graph_backward",
        "values",
    ): "a derivative wrong at the lesson's point is also wrong there in the gradient check",
    (
        "gradient_descent",
        "values",
    ): "an update wrong with the default arguments is also wrong from random starts (hidden)",
    (
        "gradient_descent",
        "hidden",
    ): "a wrong update rule is already wrong on the visible bowl; hard-coded arguments fail "
    "uses_arguments",
    (
        "forward_difference",
        "values",
    ): "a formula wrong on the lesson's examples is also wrong on random inputs (hidden)",
    ("centered_difference", "values"): "as for forward_difference",
}
