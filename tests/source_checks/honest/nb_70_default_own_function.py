# STYLE: a helper whose activation defaults to the student's own sigmoid (red team 14 F)
def _forward(w, b, X, activation=sigmoid):
    return activation(np.dot(w.T, X) + b)


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = _forward(w, b, X)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, float(cost)
