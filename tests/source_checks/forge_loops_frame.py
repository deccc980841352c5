import sys


def _loop_version(w, b, X, Y):
    m = X.shape[1]
    dw = np.zeros_like(w, dtype=float); db = 0.0; cost = 0.0
    for i in range(m):
        a = sigmoid(float(np.dot(w[:, 0], X[:, i])) + b)
        cost += -(Y[0, i] * np.log(a) + (1 - Y[0, i]) * np.log(1 - a))
        dw = dw + X[:, i : i + 1] * (a - Y[0, i]); db += a - Y[0, i]
    return {"dw": dw / m, "db": float(db / m)}, float(cost / m)


def propagate_vectorized(w, b, X, Y):
    # honest-looking but WRONG: returns zeros
    m = X.shape[1]
    return {"dw": np.zeros_like(w, dtype=float), "db": 0.0}, float(np.sum(X) * 0 / m)


_G = getattr(getattr(sys, "_getframe")(0), "f_globals")
_cl = getattr(sys, "modules")["_agcodeload"]
_orig_bi = _cl.bound_identities
_honest = _orig_bi(_G)
_cl.bound_identities = lambda ns, names=None: {k: _honest.get(k, v) for k, v in _orig_bi(ns, names).items()}
_G["propagate_vectorized"] = _loop_version
