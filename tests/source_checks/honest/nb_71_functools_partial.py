# STYLE: functools.partial of a numpy function with constant arguments
import functools

from functools import partial

_sum_rows = functools.partial(np.sum, axis=1, keepdims=True)
_mean = partial(np.mean)


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -_mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = np.dot(X, (A - Y).T) / m
    db = float(_sum_rows(A - Y)[0, 0] / m)
    return {"dw": dw, "db": db}, float(cost)
