class _Acc:
    # red team 17 F2: a lambda bound in the class body, recursing through self.step
    step = lambda self, i, m, acc, w, b, X, Y: acc if i == m else self.step(  # noqa: E731
        i + 1, m, _example_step(w, b, X, Y, i, acc), w, b, X, Y
    )


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    cost, dw, db = _Acc().step(0, m, (0.0, np.zeros_like(w, dtype=float), 0.0), w, b, X, Y)
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)
