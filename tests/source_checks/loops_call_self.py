class _Acc:
    # red team 17 F2: an object calling itself (its __call__) one example at a time
    def __init__(self, w, b, X, Y):
        self.w, self.b, self.X, self.Y = w, b, X, Y

    def __call__(self, i, acc):
        if i == self.X.shape[1]:
            return acc
        return self(i + 1, _example_step(self.w, self.b, self.X, self.Y, i, acc))


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    cost, dw, db = _Acc(w, b, X, Y)(0, (0.0, np.zeros_like(w, dtype=float), 0.0))
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
