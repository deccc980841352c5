
def propagate_vectorized(w, b, X, Y):
    n_x, m = X.shape
    cols = []  # a display of no items, "never added to"
    feats = []
    list.extend(cols, range(m))
    list.extend(feats, range(n_x))
    cost, db = 0.0, 0.0
    dw = np.zeros((n_x, 1))
    for i in cols:  # one example at a time
        z = b
        for j in feats:
            z += w[j, 0] * X[j, i]
        a = 1.0 / (1.0 + math.exp(-z))
        cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
        dz = a - Y[0, i]
        for j in feats:
            dw[j, 0] += X[j, i] * dz
        db += dz
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
