def propagate_vectorized(w, b, X, Y):
    # red team 17 F2: each sum taken one example at a time by a local lambda calling itself
    m = X.shape[1]
    _r = lambda i, acc: acc if i == m else _r(i + 1, _example_step(w, b, X, Y, i, acc))  # noqa: E731
    cost, dw, db = _r(0, (0.0, np.zeros_like(w, dtype=float), 0.0))
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
