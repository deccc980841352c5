# STYLE: local aliases dot = np.dot, log = np.log
def propagate_vectorized(w, b, X, Y):
    dot, log = np.dot, np.log
    dot2 = np.dot
    m = X.shape[1]
    A = sigmoid(dot2(w.T, X) + b)
    cost = -np.sum(Y * log(A) + (1 - Y) * log(1 - A)) / m
    dw = dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
