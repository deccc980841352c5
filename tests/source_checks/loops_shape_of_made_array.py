def propagate_vectorized(w, b, X, Y):
    n_x, m = X.shape
    cost, dw, db, i = 0.0, np.zeros((n_x, 1)), 0.0, 0
    for _ in np.empty((1,) * m).shape:  # "a shape": m ones, so one pass per example
        z = b + float(np.dot(w[:, 0], X[:, i]))
        a = 1 / (1 + math.exp(-z))
        cost -= Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a)
        dw[:, 0] += X[:, i] * (a - Y[0, i])
        db += a - Y[0, i]
        i += 1
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
