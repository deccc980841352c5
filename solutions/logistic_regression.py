r"""Unit 3 · logistic regression as a neural network: a "3 or 8?" digit classifier.

You build the course's logistic-regression model piece by piece (initialize, propagate,
optimize, predict) and put the pieces together in :func:`model`. The data is a set of 8×8
handwritten digits (see ``autograder.datasets.load_digits_binary``): label 1 for a 3,
label 0 for an 8.

Shape convention of the kit: examples are **columns**. ``X`` has shape ``(n_x, m)`` (``n_x``
features, ``m`` examples), labels ``Y`` have shape ``(1, m)``, weights ``w`` ``(n_x, 1)``.

Run ``pytest exercises -m task3_1`` (and so on) to check one task, and
``autograder train logistic_regression`` to train your model on the digits.
"""

from __future__ import annotations

import copy

import numpy as np


# ## Task 3.1 — sigmoid
def sigmoid(z: np.ndarray) -> np.ndarray:
    r"""Compute the sigmoid of ``z``, elementwise.

    Math:
        $\sigma(z) = \frac{1}{1 + e^{-z}}$

    Large inputs (advice, not scored: the course never uses them): the formula above gives
    ``sigmoid(np.array([-1000.0, 1000.0]))`` exactly, ``[0.0, 1.0]`` (``np.exp(1000)``
    overflows to ``inf`` with a warning and ``1 / (1 + inf)`` is 0), but the rewritten form
    $\frac{e^{z}}{1 + e^{z}}$ gives ``inf / inf = nan``.

    Args:
        z: a number or an array of any shape, such as ``(1, m)``.

    Returns:
        $\sigma(z)$, of the same shape as ``z``, values in $[0, 1]$.

    Examples:
        >>> sigmoid(np.array([0.0, 2.0]))
        array([0.5       , 0.88079708])

    Hint:
        ``np.exp`` works elementwise on arrays; ``math.exp`` only takes a single number.
    """
    ### BEGIN SOLUTION
    return 1 / (1 + np.exp(-z))
    ### END SOLUTION


# ## Task 3.2 — initialize_with_zeros
def initialize_with_zeros(dim: int) -> tuple[np.ndarray, float]:
    r"""Create the initial parameters: a column of zeros for ``w`` and ``b = 0``.

    Math:
        $w = \mathbf{0} \in \mathbb{R}^{\text{dim} \times 1}$, $b = 0$. For logistic
        regression (a single unit) zeros are a fine start: there is no symmetry to break.

    Args:
        dim: the number of features $n_x$ (the size of ``w``).

    Returns:
        ``(w, b)``: ``w`` a float array of zeros of shape ``(dim, 1)`` and ``b`` the number
        ``0.0`` (not an array or a tuple; the int ``0`` of the 2017-2020 course is accepted,
        the float is preferred).

    Examples:
        >>> w, b = initialize_with_zeros(2)
        >>> w.shape, b
        ((2, 1), 0.0)

    Hint:
        ``np.zeros`` takes the shape as one tuple: ``np.zeros((dim, 1))``.
    """
    ### BEGIN SOLUTION
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b
    ### END SOLUTION


# ## Task 3.3 — propagate
def propagate(
    w: np.ndarray, b: float, X: np.ndarray, Y: np.ndarray
) -> tuple[dict[str, np.ndarray | float], float]:
    r"""Forward pass (cost) and backward pass (gradients) of logistic regression.

    Math:
        $A = \sigma(w^T X + b)$,
        $J = -\frac{1}{m}\sum_{i}\big(y^{(i)}\log a^{(i)} + (1 - y^{(i)})\log(1 - a^{(i)})\big)$,

        $dw = \frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^T$,
        $db = \frac{\partial J}{\partial b} = \frac{1}{m}\sum_{i=1}^{m}(a^{(i)} - y^{(i)})$.

    Args:
        w: weights, shape ``(n_x, 1)``.
        b: bias, a number.
        X: data, shape ``(n_x, m)``.
        Y: labels in {0, 1}, shape ``(1, m)``.

    Returns:
        ``(grads, cost)``: ``grads = {"dw": array of shape (n_x, 1), "db": number}`` and
        ``cost`` a number (a ``float`` or a 0-d array, not a ``(1, 1)`` array).

    Examples:
        >>> X = np.array([[1.0, 2.0, -1.0, 0.5], [3.0, 0.5, -2.0, 1.0]])  # m = 4
        >>> Y = np.array([[1.0, 0.0, 1.0, 0.0]])
        >>> grads, cost = propagate(np.array([[1.0], [-1.0]]), 0.5, X, Y)
        >>> round(float(cost), 4), grads["dw"].ravel().round(4).tolist(), round(grads["db"], 4)
        (1.1807, [0.3441, -0.2869], 0.0952)

    Hint:
        Divide by ``m = X.shape[1]`` in all three results. ``np.dot(Y, np.log(A).T)`` gives a
        ``(1, 1)`` array: use ``np.sum(...)`` or ``np.squeeze(...)`` for a number.
    """
    ### BEGIN SOLUTION
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = np.sum(dZ) / m
    return {"dw": dw, "db": float(db)}, float(cost)
    ### END SOLUTION


# ## Task 3.4 — optimize
def optimize(
    w: np.ndarray,
    b: float,
    X: np.ndarray,
    Y: np.ndarray,
    num_iterations: int = 100,
    learning_rate: float = 0.009,
    print_cost: bool = False,
) -> tuple[dict[str, np.ndarray | float], dict[str, np.ndarray | float], list[float]]:
    r"""Learn ``w`` and ``b`` by gradient descent, using :func:`propagate` for the gradients.

    Math:
        repeat ``num_iterations`` times: compute ``grads, cost = propagate(w, b, X, Y)``,
        then $w := w - \alpha\, dw$ and $b := b - \alpha\, db$ with
        $\alpha$ = ``learning_rate``.

    ``costs`` records the cost computed at iterations 0, 100, 200, ... (before that
    iteration's update): ``ceil(num_iterations / 100)`` entries; with ``print_cost`` each
    recorded cost is also printed, ``Cost after iteration 100: 0.692836``. Leave the caller's
    ``w`` unchanged (advice: ``w = w - ...`` makes a new array, ``w -= ...`` would modify the
    caller's). ``num_iterations`` is at least 1.

    Args:
        w: initial weights, shape ``(n_x, 1)``.
        b: initial bias, a number.
        X: data, shape ``(n_x, m)``.
        Y: labels in {0, 1}, shape ``(1, m)``.
        num_iterations: number of gradient-descent updates.
        learning_rate: the step size $\alpha$.
        print_cost: if True, print each recorded cost (every 100 iterations).

    Returns:
        ``(params, grads, costs)``: ``params = {"w": (n_x, 1) array, "b": number}`` after
        the last update; ``grads = {"dw", "db"}`` from the last call of ``propagate``;
        ``costs`` a Python ``list`` of numbers.

    Examples:
        >>> X = np.array([[1.0, 2.0, -1.0, 0.5], [3.0, 0.5, -2.0, 1.0]])  # m = 4
        >>> Y = np.array([[1.0, 0.0, 1.0, 0.0]])
        >>> params, grads, costs = optimize(np.array([[1.0], [-1.0]]), 0.5, X, Y,
        ...                                 num_iterations=1, learning_rate=1.0)
        >>> params["w"].ravel().round(4).tolist(), round(params["b"], 4)
        ([0.6559, -0.7131], 0.4048)
        >>> [round(float(c), 4) for c in costs]
        [1.1807]

    Hint:
        ``if i % 100 == 0: costs.append(cost)`` inside the loop over ``range(num_iterations)``.
    """
    ### BEGIN SOLUTION
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {float(cost):f}")
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
    ### END SOLUTION


# ## Task 3.5 — predict
def predict(w: np.ndarray, b: float, X: np.ndarray) -> np.ndarray:
    r"""Predict labels 0 or 1 with learned parameters.

    Math:
        $A = \sigma(w^T X + b)$; the prediction is 1 where $a^{(i)} > 0.5$ and 0 elsewhere.

    Policy at the threshold: $a^{(i)} = 0.5$ exactly (that is, $w^T x^{(i)} + b = 0$)
    predicts **0**: the comparison is strict, ``A > 0.5``, as the course's text says
    (``A >= 0.5``, which its tests never tell apart, is accepted with advice).

    Args:
        w: weights, shape ``(n_x, 1)``.
        b: bias, a number.
        X: data, shape ``(n_x, m)``.

    Returns:
        ``Y_prediction``: an array of shape ``(1, m)`` holding 0.0 and 1.0 (floats, or the
        ints 0 and 1; not booleans).

    Examples:
        >>> predict(np.array([[1.0], [-1.0]]), 0.0, np.array([[2.0, 0.0, 1.0], [1.0, 3.0, 1.0]]))
        array([[1., 0., 0.]])

    Hint:
        ``(A > 0.5)`` is a boolean array; ``.astype(float)`` turns it into 0.0 and 1.0.
    """
    ### BEGIN SOLUTION
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    return (A > 0.5).astype(np.float64)
    ### END SOLUTION


# ## Task 3.6 — model
def model(
    X_train: np.ndarray,
    Y_train: np.ndarray,
    X_test: np.ndarray,
    Y_test: np.ndarray,
    num_iterations: int = 2000,
    learning_rate: float = 0.5,
    print_cost: bool = False,
) -> dict:
    r"""Build the logistic-regression model from your functions, train it and predict.

    Math:
        $w, b \leftarrow 0$; gradient descent on $J(w, b)$ for ``num_iterations`` steps of
        size ``learning_rate``; $\hat{Y} = [\sigma(w^T X + b) > 0.5]$ for both sets.

    Steps: ``initialize_with_zeros(n_x)`` → ``optimize(...)`` with **this function's**
    ``num_iterations``, ``learning_rate`` and ``print_cost`` → ``predict`` on the training and
    the test set with the learned ``w`` and ``b``. Call your own functions; do not copy their
    code here.

    Args:
        X_train: training data, shape ``(n_x, m_train)``.
        Y_train: training labels, shape ``(1, m_train)``.
        X_test: test data, shape ``(n_x, m_test)``.
        Y_test: test labels, shape ``(1, m_test)``.
        num_iterations: number of gradient-descent updates.
        learning_rate: the step size.
        print_cost: if True, print the costs (through ``optimize``), then the accuracies
            ``train accuracy: 80.0 %`` and ``test accuracy: 75.0 %``, each
            $100 - 100 \cdot \text{mean}(|\hat{Y} - Y|)$ on its set.

    Returns:
        A dict with exactly the keys ``"costs"`` (the list from ``optimize``),
        ``"Y_prediction_test"`` ``(1, m_test)``, ``"Y_prediction_train"`` ``(1, m_train)``,
        ``"w"`` ``(n_x, 1)``, ``"b"`` (a number), ``"learning_rate"`` and
        ``"num_iterations"`` (the arguments, unchanged).

    Examples:
        >>> X = np.array([[1.0, -1.0, 2.0, -2.0]])
        >>> Y = np.array([[1.0, 0.0, 1.0, 0.0]])
        >>> d = model(X, Y, X, Y, num_iterations=100, learning_rate=0.1)
        >>> d["Y_prediction_test"], len(d["costs"])
        (array([[1., 0., 1., 0.]]), 1)

    Hint:
        Three calls and a dict; ``Y_test`` is not needed to train, only to measure accuracy.
    """
    ### BEGIN SOLUTION
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(
        w, b, X_train, Y_train, num_iterations, learning_rate, print_cost
    )
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        train_accuracy = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
        test_accuracy = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
        print(f"train accuracy: {train_accuracy:.1f} %")
        print(f"test accuracy: {test_accuracy:.1f} %")
    return {
        "costs": costs,
        "Y_prediction_test": Y_prediction_test,
        "Y_prediction_train": Y_prediction_train,
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }
    ### END SOLUTION
