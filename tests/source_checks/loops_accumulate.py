import itertools


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]

    def step(acc, i):
        a = sigmoid(float(np.dot(w[:, 0], X[:, i])) + b)
        return (acc[0] + X[:, i : i + 1] * (a - Y[0, i]), acc[1] + a - Y[0, i],
                acc[2] - (Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)))

    *_, (dw, db, cost) = itertools.accumulate(range(m), step, initial=(np.zeros_like(w, dtype=float), 0.0, 0.0))
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
