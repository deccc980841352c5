
def propagate_vectorized(w, b, X, Y):
    n_x, m = X.shape
    cost, db = 0.0, 0.0
    dw = np.zeros((n_x, 1))
    D = (0, 1, 2, 3, 4, 5, 6, 7)  # eight digits, written out
    for i in D:  # 8 ** 4 = 4096 example indices, every loop over a written-out tuple
        for j in D:
            for k in D:
                for l in D:
                    e = ((i * 8 + j) * 8 + k) * 8 + l
                    if e < m:  # one example at a time
                        z = b + float(np.dot(w[:, 0], X[:, e]))
                        a = 1.0 / (1.0 + math.exp(-z))
                        cost += -(Y[0, e] * math.log(a) + (1 - Y[0, e]) * math.log(1 - a))
                        dw += X[:, e : e + 1] * (a - Y[0, e])
                        db += a - Y[0, e]
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
