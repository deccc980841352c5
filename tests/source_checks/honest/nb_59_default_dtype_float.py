# STYLE: extra param default dtype=float (builtin name)
def propagate_vectorized(w, b, X, Y, dtype=float):
    X = np.asarray(X, dtype=dtype)
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost
