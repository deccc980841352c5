# STYLE: small class with @staticmethod helpers
class LogReg:
    @staticmethod
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    @staticmethod
    def cost(A, Y):
        return -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))

def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = LogReg.sigmoid(np.dot(w.T, X) + b)
    cost = LogReg.cost(A, Y)
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost
