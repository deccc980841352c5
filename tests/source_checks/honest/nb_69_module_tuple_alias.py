# STYLE: module-level tuple alias dot, log = np.dot, np.log
dot, log = np.dot, np.log
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(dot(w.T, X) + b)
    cost = -np.sum(Y * log(A) + (1 - Y) * log(1 - A)) / m
    return {"dw": dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost
