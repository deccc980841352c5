# STYLE: typing.cast on the cost
from typing import cast
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = cast(float, -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost
