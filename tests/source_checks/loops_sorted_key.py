def propagate_vectorized(w, b, X, Y):
    # sorted(key=...) calls step once per example: a Python loop not in LOOP_CALLS
    m = X.shape[1]
    acc = [np.zeros_like(w, dtype=float), 0.0, 0.0]

    def step(i):
        a = sigmoid(float(np.dot(w[:, 0], X[:, i])) + b)
        acc[2] += -(Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a))
        acc[0] = acc[0] + X[:, i : i + 1] * (a - Y[0, i])
        acc[1] += a - Y[0, i]
        return i

    sorted(range(m), key=step)
    return {"dw": acc[0] / m, "db": float(acc[1] / m)}, float(acc[2] / m)
