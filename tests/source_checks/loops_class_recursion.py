
class _Walker:
    def __init__(self, w, b, X, Y):
        self.w, self.b, self.X, self.Y = w, b, X, Y

    def step(self, i, cost, dw, db):
        X, Y = self.X, self.Y
        if i == X.shape[1]:
            m = X.shape[1]
            return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
        z = self.b + float(np.dot(self.w[:, 0], X[:, i]))
        a = 1.0 / (1.0 + math.exp(-z))
        cost = cost - (Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        dz = a - Y[0, i]
        return self.step(i + 1, cost, dw + X[:, i : i + 1] * dz, db + dz)


def propagate_vectorized(w, b, X, Y):
    return _Walker(w, b, X, Y).step(0, 0.0, np.zeros((X.shape[0], 1)), 0.0)
