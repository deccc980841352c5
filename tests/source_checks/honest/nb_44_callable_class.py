# STYLE: activation object with __call__
class Sigmoid:
    def __call__(self, z):
        return 1 / (1 + np.exp(-z))

act = Sigmoid()
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = act(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost
