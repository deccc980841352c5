# red team 17 F4: the course's own sigmoid returns its local s; propagate_vectorized binds
# another s, a lambda. Each s is its function's own: sigmoid returns no code.
def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    s = lambda v: np.sum(v) / m  # noqa: E731 - a small local helper: the mean over examples
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -s(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = s(dZ)
    return {"dw": dw, "db": float(db)}, float(cost)
