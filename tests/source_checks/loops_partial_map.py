import functools


def _example(i, w, b, X, Y):
    a = sigmoid(float(np.dot(w[:, 0], X[:, i])) + b)
    cost = -(Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a))
    return np.vstack([X[:, i : i + 1] * (a - Y[0, i]), [[a - Y[0, i]]], [[cost]]])


def propagate_vectorized(w, b, X, Y):
    # map behind functools.partial, handed a function: a loop by a call
    m = X.shape[1]
    each = functools.partial(map, lambda i: _example(i, w, b, X, Y))
    total = np.sum(np.hstack(list(each(range(m)))), axis=1, keepdims=True) / m
    return {"dw": total[:-2], "db": float(total[-2, 0])}, float(total[-1, 0])
