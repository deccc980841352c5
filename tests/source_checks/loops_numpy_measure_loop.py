# red team 16: numpy itself runs the text (np.testing.measure / runstring)
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    acc = {"cost": 0.0, "dw": np.zeros(w.shape), "db": 0.0}
    # numpy's own timing helper compiles and runs this text in this frame: a Python loop
    np.testing.measure(
        "for i in range(m):\n"
        "    z = float(np.dot(w[:, 0], X[:, i])) + float(b)\n"
        "    a = 1.0 / (1.0 + math.exp(-z))\n"
        "    y = float(Y[0, i])\n"
        "    acc['cost'] += -(y * math.log(a) + (1.0 - y) * math.log(1.0 - a))\n"
        "    acc['dw'] = acc['dw'] + X[:, i].reshape(-1, 1) * (a - y)\n"
        "    acc['db'] += a - y\n"
    )
    return {"dw": acc["dw"] / m, "db": float(acc["db"] / m)}, float(acc["cost"] / m)
