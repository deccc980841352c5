"""Correct logistic-regression functions, course style (W2A2 of every release)."""

VARIANTS: dict[str, list[str]] = {
    "sigmoid": [
        """
def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s
""",
        """
from scipy.special import expit

def sigmoid(z):
    s = expit(z)
    return s
""",
        """
def sigmoid(z):
    s = 1.0 / (1.0 + np.exp(-1.0 * z))
    return s
""",
        """
def sigmoid(z):
    s = 0.5 * (1 + np.tanh(0.5 * z))
    return s
""",
        """
def sigmoid(z: np.ndarray) -> np.ndarray:
    print("z shape:", np.shape(z))
    return np.divide(1, 1 + np.exp(-z))
""",
        """
def sigmoid(z):
    return np.power(1 + np.exp(-z), -1)
""",
    ],
    "initialize_with_zeros": [
        """
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0
    assert(w.shape == (dim, 1))
    assert(isinstance(b, float) or isinstance(b, int))
    return w, b
""",
        """
def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1))
    b = 0.
    return w, b
""",
        """
def initialize_with_zeros(dim):
    w = np.zeros([dim, 1], dtype=float)
    b = float(0)
    return w, b
""",
        """
def initialize_with_zeros(dim):
    w = np.zeros(dim).reshape(dim, 1)
    b = 0.0
    return (w, b)
""",
        """
def initialize_with_zeros(dim: int):
    w = np.zeros((dim, 1), dtype=np.float64)
    b = 0
    print(w.shape, b)
    return w, b
""",
        """
def initialize_with_zeros(dim):
    w = np.array([[0.0] for _ in range(dim)])
    b = 0.0
    return w, b
""",
    ],
    "propagate": [
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    assert(dw.shape == w.shape)
    assert(db.dtype == float)
    cost = np.squeeze(cost)
    assert(cost.shape == ())
    grads = {"dw": dw, "db": db}
    return grads, cost
""",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    cost = np.squeeze(cost)
    grads = {"dw": dw, "db": db}
    return grads, cost
""",
        """
def propagate(w, b, X, Y):
    A = sigmoid(w.T @ X + b)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = X @ (A - Y).T / X.shape[1]
    db = np.mean(A - Y)
    return {"dw": dw, "db": db}, cost
""",
        """
def propagate(w, b, X, Y):
    m = len(X[0])
    Z = np.matmul(w.T, X) + b
    A = 1 / (1 + np.exp(-Z))
    cost = float(-np.sum(np.multiply(Y, np.log(A)) + np.multiply(1 - Y, np.log(1 - A))) / m)
    dZ = A - Y
    dw = np.matmul(X, dZ.T) / m
    db = float(np.sum(dZ) / m)
    grads = {"db": db, "dw": dw}
    return grads, cost
""",
        """
def propagate(w, b, X, Y):
    m = Y.size
    A = sigmoid(np.dot(w.T, X) + b)
    logprobs = Y * np.log(A) + (1 - Y) * np.log(1 - A)
    cost = -(1.0 / m) * np.sum(logprobs)
    dw = (1.0 / m) * np.dot(X, (A - Y).T)
    db = (1.0 / m) * np.sum(A - Y)
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw,
             "db": db}
    return grads, cost
""",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = np.sum(-(Y * np.log(A)) - (1 - Y) * np.log(1 - A)) / m
    dw = np.zeros(w.shape)
    for i in range(m):
        dw += X[:, i:i + 1] * (A[0, i] - Y[0, i])
    dw = dw / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""",
    ],
    "optimize": [
        """
def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost = False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
        if print_cost and i % 100 == 0:
            print ("Cost after iteration %i: %f" %(i, cost))
    params = {"w": w,
              "b": b}
    grads = {"dw": dw,
             "db": db}
    return params, grads, costs
""",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
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
                print ("Cost after iteration %i: %f" %(i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
""",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = w.copy()
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return {"w": w, "b": b}, grads, costs
""",
        """
def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    i = 0
    while i < num_iterations:
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w = w - np.multiply(learning_rate, dw)
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
        i += 1
    params = {"b": b, "w": w}
    grads = {"db": db, "dw": dw}
    return params, grads, costs
""",
        """
import copy

def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []
    for i in range(0, num_iterations):
        grads, cost = propagate(w=w, b=b, X=X, Y=Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration {}: {}".format(i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs
""",
        """
def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost = False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
        if print_cost and i % 100 == 0:
            print ("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    return params, grads, costs
""",
    ],
    "predict": [
        """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1,m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    assert(Y_prediction.shape == (1, m))
    return Y_prediction
""",
        """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction
""",
        """
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    Y_prediction = (A > 0.5) * 1.0
    return Y_prediction
""",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return np.where(A > 0.5, 1, 0)
""",
        """
def predict(w, b, X):
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = np.round(A)
    return Y_prediction
""",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(int)
    return Y_prediction
""",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    A[A > 0.5] = 1
    A[A <= 0.5] = 0
    Y_prediction = A
    return Y_prediction
""",
    ],
    "model": [
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations = 2000, learning_rate = 0.5, print_cost = False):
    w, b = initialize_with_zeros(X_train.shape[0])
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
    print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train" : Y_prediction_train,
         "w" : w,
         "b" : b,
         "learning_rate" : learning_rate,
         "num_iterations": num_iterations}
    return d
""",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                    learning_rate=learning_rate, print_cost=print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        print("test accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
""",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    dim = X_train.shape[0]
    w, b = initialize_with_zeros(dim)
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100} %")
    return dict(costs=costs, Y_prediction_test=Y_prediction_test,
                Y_prediction_train=Y_prediction_train, w=w, b=b,
                learning_rate=learning_rate, num_iterations=num_iterations)
""",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(len(X_train))
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    if print_cost:
        train_acc = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
        test_acc = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
        print("train accuracy: " + str(train_acc) + " %")
        print("test accuracy: " + str(test_acc) + " %")
    d = {"costs": costs, "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train, "w": w, "b": b,
         "learning_rate": learning_rate, "num_iterations": num_iterations}
    return d
""",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    Y_prediction_test = predict(params["w"], params["b"], X_test)
    Y_prediction_train = predict(params["w"], params["b"], X_train)
    if print_cost:
        print("train accuracy: %.1f %%" % (100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        print("test accuracy: %.1f %%" % (100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))
    d = {}
    d["costs"] = costs
    d["Y_prediction_test"] = Y_prediction_test
    d["Y_prediction_train"] = Y_prediction_train
    d["w"] = params["w"]
    d["b"] = params["b"]
    d["learning_rate"] = learning_rate
    d["num_iterations"] = num_iterations
    return d
""",
    ],
}
