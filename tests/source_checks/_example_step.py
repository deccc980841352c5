
def _example_step(w, b, X, Y, i, acc):
    """``acc`` (cost, dw, db) with example ``i`` added: the body of a loop over examples."""
    a = 1 / (1 + np.exp(-(float(w.T @ X[:, i:i + 1]) + b)))
    cost, dw, db = acc
    y = Y[0, i]
    return (cost - (y * np.log(a) + (1 - y) * np.log(1 - a)), dw + X[:, i:i + 1] * (a - y), db + (a - y))
