# STYLE: operator.matmul / operator.sub
import operator
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(operator.matmul(w.T, X) + b)
    dZ = operator.sub(A, Y)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {"dw": X @ dZ.T / m, "db": np.sum(dZ) / m}, cost
