
def propagate_vectorized(w, b, X, Y):
    """One example at a time: a helper handed a step calls it with the step itself."""
    m = X.shape[1]
    cost, dw, db = _apply(_one, (w, b, X, Y, m), 0, (0.0, np.zeros_like(w), 0.0))
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)


def _apply(f, data, i, acc):
    return f(f, data, i, acc)


def _one(me, data, i, acc):
    w, b, X, Y, m = data
    if i == m:
        return acc
    return me(me, data, i + 1, _example_step(w, b, X, Y, i, acc))
