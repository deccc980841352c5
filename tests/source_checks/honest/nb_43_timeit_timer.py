# STYLE: timeit.default_timer for timing
from timeit import default_timer as timer
def propagate_vectorized(w, b, X, Y):
    start = timer()
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    grads = {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}
    _elapsed = timer() - start
    return grads, cost
