r"""Unit 4 · one hidden layer: activations, their slopes, and a two-layer classifier.

Shape convention of the kit: examples are **columns**. ``X`` has shape ``(n_x, m)``: ``n_x``
features, ``m`` examples; the labels ``Y`` have shape ``(n_y, m)`` (here ``n_y = 1``).
The parameters of the network are ``W1 (n_h, n_x)``, ``b1 (n_h, 1)``, ``W2 (n_y, n_h)`` and
``b2 (n_y, 1)``, where ``n_h`` is the number of hidden units.

The network of the lesson (tanh hidden layer, sigmoid output)::

    Z1 = W1 X + b1    A1 = tanh(Z1)    Z2 = W2 A1 + b2    A2 = sigmoid(Z2)

Run ``pytest exercises -m task4_1`` (and so on) to check one task, and
``autograder train shallow_network`` to train your network on the planar "flower" data set,
compare it with logistic regression and save the decision-boundary plots.
"""

# Generated from solutions/shallow_network.py by `python -m autograder.stubs`.
# Write your code in place of each `raise NotImplementedError(...)`.

from __future__ import annotations

import numpy as np


# ## Task 4.1 — sigmoid
def sigmoid(z: np.ndarray) -> np.ndarray:
    r"""Compute the sigmoid of every entry of ``z``.

    Math:
        $\sigma(z) = \frac{1}{1 + e^{-z}}$, applied elementwise.

    Args:
        z: an array of any shape, such as ``(n,)``, ``(n, 1)`` or ``(n_h, m)``.

    Returns:
        An array of the same shape as ``z``, values in $(0, 1)$.

    Examples:
        >>> sigmoid(np.array([-1.0, 0.0, 2.0]))
        array([0.26894142, 0.5       , 0.88079708])

    Hint:
        ``np.exp`` works on whole arrays: no loop is needed.
    """
    # TODO: Implement for Task 4.1.
    raise NotImplementedError("Task 4.1: implement sigmoid")


# ## Task 4.2 — sigmoid_derivative
def sigmoid_derivative(z: np.ndarray) -> np.ndarray:
    r"""Compute the slope of the sigmoid at every entry of ``z``.

    Math:
        with $a = \sigma(z)$: $\sigma'(z) = a\,(1 - a)$.

    Args:
        z: an array of any shape (the pre-activation, not $a$).

    Returns:
        An array of the same shape as ``z``, values in $(0, 0.25]$.

    Examples:
        >>> sigmoid_derivative(np.array([-1.0, 0.0, 2.0]))
        array([0.19661193, 0.25      , 0.10499359])

    Hint:
        Compute ``a`` first (call your ``sigmoid`` or write the formula), then ``a * (1 - a)``.
    """
    # TODO: Implement for Task 4.2.
    raise NotImplementedError("Task 4.2: implement sigmoid_derivative")


# ## Task 4.3 — tanh
def tanh(z: np.ndarray) -> np.ndarray:
    r"""Compute the hyperbolic tangent of every entry of ``z``, with exponentials.

    Math:
        $\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}
        = \operatorname{sign}(z)\,\frac{1 - e^{-2|z|}}{1 + e^{-2|z|}}$

    Write it yourself from ``np.exp``: ``np.tanh``, ``math.tanh`` and friends are not allowed
    here (the grader reads your code). Policy for large inputs:
    ``tanh(np.array([-1000.0, 1000.0]))`` must give ``[-1.0, 1.0]``; the first form above
    computes ``inf / inf = nan`` there, the second does not (nor does it warn of overflow).

    Args:
        z: an array of any shape.

    Returns:
        An array of the same shape as ``z``, values in $[-1, 1]$.

    Examples:
        >>> tanh(np.array([-1.0, 0.0, 2.0]))
        array([-0.76159416,  0.        ,  0.96402758])

    Hint:
        ``e = np.exp(-2 * np.abs(z))`` is never larger than 1; multiply by ``np.sign(z)``.
    """
    # TODO: Implement for Task 4.3.
    raise NotImplementedError("Task 4.3: implement tanh")


# ## Task 4.4 — tanh_derivative
def tanh_derivative(z: np.ndarray) -> np.ndarray:
    r"""Compute the slope of tanh at every entry of ``z``.

    Math:
        with $a = \tanh(z)$: $\tanh'(z) = 1 - a^2$.

    Args:
        z: an array of any shape (the pre-activation, not $a$).

    Returns:
        An array of the same shape as ``z``, values in $[0, 1]$.

    Examples:
        >>> tanh_derivative(np.array([-1.0, 0.0, 2.0]))
        array([0.41997434, 1.        , 0.07065082])

    Hint:
        ``1 - a ** 2``: the square matters (``1 - a`` is a classic slip). Here you may compute
        ``a`` with your ``tanh`` or with ``np.tanh``.
    """
    # TODO: Implement for Task 4.4.
    raise NotImplementedError("Task 4.4: implement tanh_derivative")


# ## Task 4.5 — relu
def relu(z: np.ndarray) -> np.ndarray:
    r"""Compute the rectified linear unit of every entry of ``z``.

    Math:
        $\operatorname{relu}(z) = \max(0, z)$, applied elementwise.

    The input must not be modified: return a new array.

    Args:
        z: a float array of any shape.

    Returns:
        A float array of the same shape as ``z``.

    Examples:
        >>> relu(np.array([-1.0, 0.0, 2.0]))
        array([0., 0., 2.])

    Hint:
        ``np.maximum(0, z)`` (not ``np.max``, which reduces an array to one number).
    """
    # TODO: Implement for Task 4.5.
    raise NotImplementedError("Task 4.5: implement relu")


# ## Task 4.6 — relu_derivative
def relu_derivative(z: np.ndarray) -> np.ndarray:
    r"""Compute the slope of relu at every entry of ``z``.

    Math:
        $\operatorname{relu}'(z) = 0$ for $z < 0$ and $1$ for $z > 0$. At exactly $z = 0$
        the slope is undefined; as in the lesson, either 0 or 1 is accepted there.

    Args:
        z: a float array of any shape.

    Returns:
        A float array (0.0 and 1.0) of the same shape as ``z``.

    Examples:
        >>> relu_derivative(np.array([-1.0, 0.5, 2.0]))
        array([0., 1., 1.])

    Hint:
        ``np.where(condition, 1.0, 0.0)`` gives floats; a bare ``z > 0`` gives booleans.
    """
    # TODO: Implement for Task 4.6.
    raise NotImplementedError("Task 4.6: implement relu_derivative")


# ## Task 4.7 — leaky_relu
def leaky_relu(z: np.ndarray, slope: float = 0.01) -> np.ndarray:
    r"""Compute the leaky relu of every entry of ``z``.

    Math:
        $\operatorname{leaky}(z) = z$ for $z > 0$ and $\text{slope} \cdot z$ for $z \le 0$.

    The input must not be modified: return a new array.

    Args:
        z: a float array of any shape.
        slope: the slope for negative inputs, $0 \le \text{slope} < 1$.

    Returns:
        A float array of the same shape as ``z``.

    Examples:
        >>> leaky_relu(np.array([-1.0, 0.0, 2.0]))
        array([-0.01,  0.  ,  2.  ])

    Hint:
        Use the ``slope`` argument, never the number 0.01 itself.
    """
    # TODO: Implement for Task 4.7.
    raise NotImplementedError("Task 4.7: implement leaky_relu")


# ## Task 4.8 — leaky_relu_derivative
def leaky_relu_derivative(z: np.ndarray, slope: float = 0.01) -> np.ndarray:
    r"""Compute the slope of the leaky relu at every entry of ``z``.

    Math:
        $\operatorname{leaky}'(z) = 1$ for $z > 0$ and $\text{slope}$ for $z < 0$ (either
        value is accepted at exactly $z = 0$).

    Args:
        z: a float array of any shape.
        slope: the slope for negative inputs, as in :func:`leaky_relu`.

    Returns:
        A float array of the same shape as ``z``.

    Examples:
        >>> leaky_relu_derivative(np.array([-1.0, 2.0]), slope=0.2)
        array([0.2, 1. ])

    Hint:
        ``np.where(z > 0, 1.0, slope)``.
    """
    # TODO: Implement for Task 4.8.
    raise NotImplementedError("Task 4.8: implement leaky_relu_derivative")


# ## Task 4.9 — layer_sizes
def layer_sizes(X: np.ndarray, Y: np.ndarray) -> tuple[int, int, int]:
    r"""Read the sizes of the three layers from the data.

    Math:
        $n_x$ = number of rows of $X$, $n_h = 4$ (fixed in this lesson), $n_y$ = number of rows
        of $Y$.

    Args:
        X: input data, shape ``(n_x, m)``.
        Y: labels, shape ``(n_y, m)``.

    Returns:
        The tuple ``(n_x, n_h, n_y)`` of Python ints, with ``n_h = 4``.

    Examples:
        >>> layer_sizes(np.zeros((5, 3)), np.zeros((2, 3)))
        (5, 4, 2)

    Hint:
        ``X.shape[0]``: rows are features, columns are examples.
    """
    # TODO: Implement for Task 4.9.
    raise NotImplementedError("Task 4.9: implement layer_sizes")


# ## Task 4.10 — initialize_parameters
def initialize_parameters(n_x: int, n_h: int, n_y: int) -> dict[str, np.ndarray]:
    r"""Initialize the weights with small random numbers and the biases with zeros.

    Math:
        $W^{[1]} \sim 0.01 \cdot \mathcal{N}(0, 1)$, $b^{[1]} = 0$,
        $W^{[2]} \sim 0.01 \cdot \mathcal{N}(0, 1)$, $b^{[2]} = 0$.

    Draw from numpy's global generator, ``W1`` first, then ``W2``, with
    ``np.random.randn(...) * 0.01``. Do **not** call ``np.random.seed`` here: the caller seeds
    (``nn_model`` does ``np.random.seed(3)``; the older course template's ``np.random.seed(2)``
    is accepted, but then every call returns the same weights). Random weights break the
    symmetry between hidden units (with zeros every unit would compute, and learn, the same
    thing); the factor 0.01 keeps tanh away from its flat, saturated regions.

    Args:
        n_x: size of the input layer.
        n_h: size of the hidden layer.
        n_y: size of the output layer.

    Returns:
        ``{"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}``, float64.

    Examples:
        >>> np.random.seed(2)
        >>> p = initialize_parameters(2, 4, 1)
        >>> p["W1"].shape, p["b2"].shape, float(p["W2"][0, 0].round(8))
        ((4, 2), (1, 1), -0.01057952)

    Hint:
        ``np.random.randn(n_h, n_x) * 0.01`` and ``np.zeros((n_h, 1))``.
    """
    # TODO: Implement for Task 4.10.
    raise NotImplementedError("Task 4.10: implement initialize_parameters")


# ## Task 4.11 — forward_propagation
def forward_propagation(
    X: np.ndarray, parameters: dict[str, np.ndarray]
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    r"""Run the network forward: a tanh hidden layer, then a sigmoid output unit.

    Math:
        $Z^{[1]} = W^{[1]} X + b^{[1]}$, $A^{[1]} = \tanh(Z^{[1]})$,
        $Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$, $A^{[2]} = \sigma(Z^{[2]})$.

    Args:
        X: input data, shape ``(n_x, m)``.
        parameters: ``{"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}``.

    Returns:
        ``(A2, cache)``: ``A2`` the output, shape ``(n_y, m)``, and
        ``cache = {"Z1": (n_h, m), "A1": (n_h, m), "Z2": (n_y, m), "A2": (n_y, m)}``.

    Examples:
        >>> p = {"W1": np.ones((2, 1)), "b1": np.zeros((2, 1)),
        ...      "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
        >>> A2, cache = forward_propagation(np.array([[0.0, 1.0]]), p)
        >>> A2.round(4), cache["A1"].shape
        (array([[0.5  , 0.821]]), (2, 2))

    Hint:
        ``np.dot(W1, X)`` (not ``np.dot(X, W1)``); ``np.tanh`` is allowed here, and so is your
        ``sigmoid`` from Task 4.1.
    """
    # TODO: Implement for Task 4.11.
    raise NotImplementedError("Task 4.11: implement forward_propagation")


# ## Task 4.12 — compute_cost
def compute_cost(A2: np.ndarray, Y: np.ndarray) -> float:
    r"""Compute the cross-entropy cost, averaged over the m examples.

    Math:
        $J = -\frac{1}{m}\sum_{i=1}^{m}\big(y^{(i)}\log a^{[2](i)}
        + (1 - y^{(i)})\log(1 - a^{[2](i)})\big)$

    Args:
        A2: sigmoid outputs, shape ``(1, m)``, values in $(0, 1)$.
        Y: true labels, shape ``(1, m)``, values in {0, 1}.

    Returns:
        The cost as one number: a Python ``float`` is best (a numpy scalar or a 0-d array is
        accepted too, a ``(1, 1)`` array is not).

    Examples:
        >>> round(compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1.0, 0.0, 1.0]])), 4)
        1.1473

    Hint:
        ``np.sum`` of both terms, divided by ``m``, then ``float(...)``.
    """
    # TODO: Implement for Task 4.12.
    raise NotImplementedError("Task 4.12: implement compute_cost")


# ## Task 4.13 — backward_propagation
def backward_propagation(
    parameters: dict[str, np.ndarray],
    cache: dict[str, np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
) -> dict[str, np.ndarray]:
    r"""Compute the gradients of the cost with respect to every parameter.

    Math:
        $dZ^{[2]} = A^{[2]} - Y$,
        $dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}$,
        $db^{[2]} = \frac{1}{m} \sum_i dZ^{[2]}$,
        $dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - (A^{[1]})^2)$,
        $dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T$,
        $db^{[1]} = \frac{1}{m} \sum_i dZ^{[1]}$ (sums over the examples, axis 1).

    Use ``A1`` and ``A2`` from the cache; ``Z1`` and ``Z2`` are not needed (the grader checks
    that your result does not depend on them). Do not modify the arrays of ``cache``.

    Args:
        parameters: ``{"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}``.
        cache: ``{"Z1": (n_h, m), "A1": (n_h, m), "Z2": (n_y, m), "A2": (n_y, m)}`` from
            :func:`forward_propagation`.
        X: input data, shape ``(n_x, m)``.
        Y: labels, shape ``(n_y, m)``.

    Returns:
        ``{"dW1": (n_h, n_x), "db1": (n_h, 1), "dW2": (n_y, n_h), "db2": (n_y, 1)}``: each
        gradient has the shape of its parameter.

    Examples:
        >>> p = {"W1": np.ones((2, 1)), "b1": np.zeros((2, 1)),
        ...      "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
        >>> X, Y = np.array([[0.0, 1.0]]), np.array([[0.0, 1.0]])
        >>> g = backward_propagation(p, forward_propagation(X, p)[1], X, Y)
        >>> g["db2"].round(4), g["dW1"].shape
        (array([[0.1605]]), (2, 1))

    Hint:
        ``np.sum(dZ1, axis=1, keepdims=True)`` keeps ``db1`` a column ``(n_h, 1)``.
    """
    # TODO: Implement for Task 4.13.
    raise NotImplementedError("Task 4.13: implement backward_propagation")


# ## Task 4.14 — update_parameters
def update_parameters(
    parameters: dict[str, np.ndarray],
    grads: dict[str, np.ndarray],
    learning_rate: float = 1.2,
) -> dict[str, np.ndarray]:
    r"""Take one step of gradient descent.

    Math:
        $\theta \leftarrow \theta - \alpha \, d\theta$ for each of $W^{[1]}, b^{[1]}, W^{[2]},
        b^{[2]}$, with learning rate $\alpha$.

    Return a **new** dict; the caller's ``parameters`` (and its arrays) must not change.

    Args:
        parameters: ``{"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}``.
        grads: ``{"dW1", "db1", "dW2", "db2"}``, each shaped like its parameter.
        learning_rate: the step size $\alpha$.

    Returns:
        The updated parameters, same keys and shapes as ``parameters``.

    Examples:
        >>> p = {k: np.ones((1, 1)) for k in ("W1", "b1", "W2", "b2")}
        >>> g = {"d" + k: np.ones((1, 1)) for k in p}
        >>> update_parameters(p, g, learning_rate=0.5)["W1"], p["W1"]
        (array([[0.5]]), array([[1.]]))

    Hint:
        ``W1 = parameters["W1"] - learning_rate * grads["dW1"]`` builds a new array; ``-=``
        would change the caller's array in place.
    """
    # TODO: Implement for Task 4.14.
    raise NotImplementedError("Task 4.14: implement update_parameters")


# ## Task 4.15 — nn_model
def nn_model(
    X: np.ndarray,
    Y: np.ndarray,
    n_h: int,
    num_iterations: int = 10000,
    print_cost: bool = False,
) -> dict[str, np.ndarray]:
    r"""Train the two-layer network with gradient descent, using your building blocks.

    Math:
        after ``np.random.seed(3)`` and ``initialize_parameters(n_x, n_h, n_y)``, repeat
        ``num_iterations`` times: forward propagation, cost, backward propagation, and
        ``update_parameters(parameters, grads)`` (default learning rate 1.2).

    Call your own functions from Tasks 4.10 to 4.14: the grader checks that the result is
    exactly what they give, and that ``nn_model`` fails when one of them is broken.

    Args:
        X: input data, shape ``(n_x, m)``.
        Y: labels, shape ``(n_y, m)``.
        n_h: size of the hidden layer (use it: do not hard-code 4).
        num_iterations: number of gradient-descent steps.
        print_cost: if True, print ``Cost after iteration i: cost`` every 1000 iterations
            (i = 0, 1000, ...), the cost of that iteration's forward pass; if False, print
            nothing.

    Returns:
        The trained parameters
        ``{"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}``.

    Examples:
        >>> X, Y = np.array([[0.0, 1.0, 2.0]]), np.array([[0.0, 1.0, 1.0]])
        >>> nn_model(X, Y, n_h=3, num_iterations=5)["W1"].shape
        (3, 1)

    Hint:
        ``np.random.seed(3)`` first; ``n_x = X.shape[0]``, ``n_y = Y.shape[0]``.
    """
    # TODO: Implement for Task 4.15.
    raise NotImplementedError("Task 4.15: implement nn_model")


# ## Task 4.16 — predict
def predict(parameters: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    r"""Predict a class for every example: 1 where the network's output is above 0.5.

    Math:
        $\hat{y}^{(i)} = 1$ if $a^{[2](i)} > 0.5$, else $0$ (exactly 0.5 gives 0; ``>=``
        is accepted with advice).

    Args:
        parameters: the trained parameters (as returned by :func:`nn_model`).
        X: input data, shape ``(n_x, m)``.

    Returns:
        The predictions, shape ``(1, m)``: booleans (``A2 > 0.5``) or the numbers 0 and 1.

    Examples:
        >>> p = {"W1": np.ones((2, 1)), "b1": np.zeros((2, 1)),
        ...      "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
        >>> predict(p, np.array([[-1.0, 0.0, 1.0]]))
        array([[False, False,  True]])

    Hint:
        Call your ``forward_propagation``; ``A2 > 0.5`` compares every entry at once.
    """
    # TODO: Implement for Task 4.16.
    raise NotImplementedError("Task 4.16: implement predict")


# ## Task 4.17 — train_with_restarts
def train_with_restarts(
    X: np.ndarray,
    Y: np.ndarray,
    n_h: int,
    num_restarts: int = 5,
    num_iterations: int = 2000,
    learning_rate: float = 1.2,
    seed: int = 0,
) -> tuple[dict[str, np.ndarray], list[float]]:
    r"""Train from several random initializations and keep the best network.

    The cost of a neural network is not convex: gradient descent can end in a poor local
    minimum. The lesson's remedy is to restart from several initializations.

    Math:
        for restart $r = 0, \dots, R-1$: ``np.random.seed(seed + r)``, then
        ``initialize_parameters(n_x, n_h, n_y)`` and ``num_iterations`` steps of forward
        propagation, backward propagation and ``update_parameters(..., learning_rate)``.
        Its final cost $J_r$ is ``compute_cost`` of a forward pass with the **trained**
        parameters. Keep the parameters with the smallest $J_r$ (the first one on a tie).

    Args:
        X: input data, shape ``(n_x, m)``.
        Y: labels, shape ``(n_y, m)``.
        n_h: size of the hidden layer.
        num_restarts: number of initializations $R$.
        num_iterations: gradient-descent steps per restart.
        learning_rate: the step size passed to ``update_parameters``.
        seed: restart $r$ seeds numpy's global generator with ``seed + r`` (so your
            ``initialize_parameters`` must not reseed it: then every restart would be alike).

    Returns:
        ``(best_parameters, final_costs)``: the parameters of the restart with the lowest
        final cost, and the list of the $R$ final costs (Python floats) in restart order.

    Examples:
        >>> X, Y = np.array([[0.0, 1.0, 2.0]]), np.array([[0.0, 1.0, 0.0]])
        >>> best, costs = train_with_restarts(X, Y, 2, num_restarts=3, num_iterations=10)
        >>> len(costs), best["W1"].shape
        (3, (2, 1))

    Hint:
        Reuse your functions from Tasks 4.10 to 4.14; compute the final cost *after* the last
        update, not the cost of the last loop iteration.
    """
    # TODO: Implement for Task 4.17.
    raise NotImplementedError("Task 4.17: implement train_with_restarts")
