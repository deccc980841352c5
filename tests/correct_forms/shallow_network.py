"""Correct one-hidden-layer functions, course style (W3A1 "planar data" of every release)."""

_COST_2017 = """
# older release (2017): compute_cost(A2, Y, parameters), cost a numpy.float64
def compute_cost(A2, Y, parameters):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = - np.sum(logprobs) / m
    cost = np.squeeze(cost)
    assert(isinstance(cost, float))
    return cost
"""

_INIT_2017 = """
# older release (2017-2020): the template seeds inside
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    assert (W1.shape == (n_h, n_x))
    assert (b1.shape == (n_h, 1))
    assert (W2.shape == (n_y, n_h))
    assert (b2.shape == (n_y, 1))
    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters
"""

VARIANTS: dict[str, list[str]] = {
    "layer_sizes": [
        """
def layer_sizes(X, Y):
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    return (n_x, n_h, n_y)
""",
        """
def layer_sizes(X, Y):
    return X.shape[0], 4, Y.shape[0]
""",
        """
def layer_sizes(X, Y):
    n_x = len(X)
    n_h = 4
    n_y = len(Y)
    return n_x, n_h, n_y
""",
        """
def layer_sizes(X, Y):
    n_x = np.shape(X)[0]
    n_y = np.shape(Y)[0]
    print("n_x =", n_x, "n_y =", n_y)
    return (n_x, 4, n_y)
""",
        """
def layer_sizes(X, Y):
    n_x, _ = X.shape
    n_y, _ = Y.shape
    n_h = 4
    return (n_x, n_h, n_y)
""",
    ],
    "initialize_parameters": [
        _INIT_2017,
        """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters
""",
        """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * .01
    b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.randn(n_y, n_h) * .01
    b2 = np.zeros(shape=(n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        """
def initialize_parameters(n_x, n_h, n_y):
    parameters = {}
    parameters["W1"] = 0.01 * np.random.randn(*(n_h, n_x))
    parameters["b1"] = np.zeros((n_h, 1))
    parameters["W2"] = 0.01 * np.random.randn(*(n_y, n_h))
    parameters["b2"] = np.zeros((n_y, 1))
    return parameters
""",
        """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) / 100
    W2 = None
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) / 100
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "W2": W2, "b1": b1, "b2": b2}
""",
        """
def initialize_parameters(n_x: int, n_h: int, n_y: int) -> dict:
    W1 = np.random.normal(size=(n_h, n_x)) * 0.01
    b1 = np.zeros((n_h, 1), dtype=float)
    W2 = np.random.normal(size=(n_y, n_h)) * 0.01
    b2 = np.zeros((n_y, 1), dtype=float)
    return dict(W1=W1, b1=b1, W2=W2, b2=b2)
""",
    ],
    "forward_propagation": [
        """
def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    assert(A2.shape == (1, X.shape[1]))
    cache = {"Z1": Z1,
             "A1": A1,
             "Z2": Z2,
             "A2": A2}
    return A2, cache
""",
        """
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""",
        """
from scipy.special import expit

def forward_propagation(X, parameters):
    W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
    Z1 = np.matmul(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.matmul(W2, A1) + b2
    A2 = expit(Z2)
    cache = dict(Z1=Z1, A1=A1, Z2=Z2, A2=A2)
    return A2, cache
""",
        """
from planar_utils import plot_decision_boundary, sigmoid, load_planar_dataset, load_extra_datasets

def forward_propagation(X, parameters):
    W1 = parameters['W1']
    b1 = parameters['b1']
    W2 = parameters['W2']
    b2 = parameters['b2']
    Z1 = W1.dot(X) + b1
    A1 = np.tanh(Z1)
    Z2 = W2.dot(A1) + b2
    A2 = sigmoid(Z2)
    cache = {"A1": A1, "A2": A2, "Z1": Z1, "Z2": Z2}
    return A2, cache
""",
        """
def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.add(np.dot(W1, X), b1)
    A1 = (np.exp(Z1) - np.exp(-Z1)) / (np.exp(Z1) + np.exp(-Z1))
    Z2 = np.add(np.dot(W2, A1), b2)
    A2 = sigmoid(Z2)
    print("A2 shape:", A2.shape)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache
""",
        """
import planar_utils

def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = planar_utils.sigmoid(Z2)
    cache = {}
    for name, value in (("Z1", Z1), ("A1", A1), ("Z2", Z2), ("A2", A2)):
        cache[name] = value
    return A2, cache
""",
    ],
    "compute_cost": [
        _COST_2017,
        """
# older release (2020): compute_cost(A2, Y, parameters)
def compute_cost(A2, Y, parameters):
    m = Y.shape[1]
    logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)
    cost = (-1 / m) * np.sum(logprobs)
    cost = float(np.squeeze(cost))
    assert(isinstance(cost, float))
    return cost
""",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), (1 - Y))
    cost = - np.sum(logprobs) / m
    cost = float(np.squeeze(cost))
    return cost
""",
        """
def compute_cost(A2, Y):
    cost = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    return cost
""",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    cost = -1 / m * (np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T))
    cost = float(np.squeeze(cost))
    return cost
""",
        """
def compute_cost(A2, Y):
    m = len(Y[0])
    logprobs = np.multiply(Y, np.log(A2)) + np.multiply((1 - Y), np.log(1 - A2))
    cost = -(1.0 / m) * np.sum(logprobs)
    cost = np.squeeze(cost)
    return cost
""",
        """
def compute_cost(A2: np.ndarray, Y: np.ndarray) -> float:
    m = Y.size
    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
    return cost.item()
""",
    ],
    "backward_propagation": [
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    grads = {"dW1": dW1,
             "db1": db1,
             "dW2": dW2,
             "db2": db2}
    return grads
""",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = parameters["W2"].T @ dZ2 * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW2": dW2, "db2": db2, "dW1": dW1, "db1": db1}
""",
        """
def backward_propagation(parameters, cache, X, Y):
    m = len(X[0])
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1).reshape(-1, 1)
    dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.square(A1))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1).reshape(-1, 1)
    grads = {}
    grads["dW1"] = dW1
    grads["db1"] = db1
    grads["dW2"] = dW2
    grads["db2"] = db2
    return grads
""",
        """
def backward_propagation(parameters, cache, X, Y):
    W2 = parameters["W2"]
    A1 = cache["A1"]
    dZ2 = cache["A2"] - Y
    dW2 = np.dot(dZ2, A1.T) / X.shape[1]
    db2 = np.mean(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - A1 * A1)
    dW1 = np.dot(dZ1, X.T) / X.shape[1]
    db1 = np.mean(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1 = copy.deepcopy(parameters["W1"])
    W2 = copy.deepcopy(parameters["W2"])
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    g_prime = 1 - np.power(A1, 2)
    dZ1 = np.dot(W2.T, dZ2) * g_prime
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    assert dW1.shape == W1.shape
    assert dW2.shape == W2.shape
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""",
    ],
    "update_parameters": [
        """
def update_parameters(parameters, grads, learning_rate = 1.2):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    dW1 = grads["dW1"]
    db1 = grads["db1"]
    dW2 = grads["dW2"]
    db2 = grads["db2"]
    W1 = W1 - learning_rate * dW1
    b1 = b1 - learning_rate * db1
    W2 = W2 - learning_rate * dW2
    b2 = b2 - learning_rate * db2
    parameters = {"W1": W1,
                  "b1": b1,
                  "W2": W2,
                  "b2": b2}
    return parameters
""",
        """
def update_parameters(parameters, grads, learning_rate = 1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = parameters["b1"]
    W2 = copy.deepcopy(parameters["W2"])
    b2 = parameters["b2"]
    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {key: parameters[key] - learning_rate * grads["d" + key] for key in parameters}
""",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    new_parameters = copy.deepcopy(parameters)
    for key in ("W1", "b1", "W2", "b2"):
        new_parameters[key] -= learning_rate * grads[f"d{key}"]
    return new_parameters
""",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    for key in ["W1", "b1", "W2", "b2"]:
        parameters[key] = parameters[key] - learning_rate * grads["d" + key]
    return parameters
""",
        """
def update_parameters(parameters, grads, learning_rate: float = 1.2) -> dict:
    W1 = parameters["W1"] - np.multiply(learning_rate, grads["dW1"])
    b1 = parameters["b1"] - np.multiply(learning_rate, grads["db1"])
    W2 = parameters["W2"] - np.multiply(learning_rate, grads["dW2"])
    b2 = parameters["b2"] - np.multiply(learning_rate, grads["db2"])
    return {"W2": W2, "b2": b2, "W1": W1, "b1": b1}
""",
    ],
    "nn_model": [
        _COST_2017
        + """
def nn_model(X, Y, n_h, num_iterations = 10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print ("Cost after iteration %i: %f" %(i, cost))
    return parameters
""",
        _INIT_2017
        + """
def nn_model(X, Y, n_h, num_iterations = 10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            print ("Cost after iteration %i: %f" %(i, cost))
    return parameters
""",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost}")
    return parameters
""",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = X.shape[0]
    n_y = Y.shape[0]
    parameters = initialize_parameters(n_x, n_h, n_y)
    i = 0
    while i < num_iterations:
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, 1.2)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
        i += 1
    return parameters
""",
        """
def nn_model(X, Y, n_h, num_iterations = 10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % 1000 == 0:
            cost = compute_cost(A2, Y)
            print("Cost after iteration {}: {}".format(i, cost))
    return parameters
""",
    ],
    "predict": [
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 > 0.5)
    return predictions
""",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = np.round(A2)
    return predictions
""",
        """
def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return np.where(A2 > 0.5, 1, 0)
""",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 > 0.5).astype(int)
    return predictions
""",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = np.zeros((1, X.shape[1]))
    for i in range(A2.shape[1]):
        if A2[0, i] > 0.5:
            predictions[0, i] = 1
    return predictions
""",
        """
def predict(parameters, X):
    threshold = 0.5
    A2, cache = forward_propagation(X, parameters)
    predictions = np.array(A2 > threshold, dtype=float)
    return predictions
""",
    ],
}
