def propagate_vectorized(w, b, X, Y):
    n_x, m = X.shape

    def step(i, cost, dw, db):
        if i == m:
            return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
        z = b + float(np.dot(w[:, 0], X[:, i]))
        a = 1 / (1 + math.exp(-z))
        cost = cost - (Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        dz = a - Y[0, i]
        return go(i + 1, cost, dw + X[:, i : i + 1] * dz, db + dz)

    def go(i, cost, dw, db, f=step):
        return f(i, cost, dw, db)

    return step(0, 0.0, np.zeros((n_x, 1)), 0.0)
