# STYLE: default eps=np.finfo(float).eps (a numpy call)
def propagate_vectorized(w, b, X, Y, eps=np.finfo(float).eps):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    Ac = np.clip(A, eps, 1 - eps)
    cost = -np.sum(Y * np.log(Ac) + (1 - Y) * np.log(1 - Ac)) / m
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost
