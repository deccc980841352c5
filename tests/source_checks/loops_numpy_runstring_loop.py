# red team 16: numpy itself runs the text (np.testing.measure / runstring)
LOOP = """
n_x, m = X.shape
cost, dw, db = 0.0, np.zeros((n_x, 1)), 0.0
for i in range(m):
    z = b
    for j in range(n_x):
        z += w[j, 0] * X[j, i]
    a = 1.0 / (1.0 + math.exp(-z))
    cost += -(Y[0, i] * math.log(a) + (1 - Y[0, i]) * math.log(1 - a))
    for j in range(n_x):
        dw[j, 0] += X[j, i] * (a - Y[0, i])
    db += a - Y[0, i]
result = ({"dw": dw / m, "db": float(db / m)}, float(cost / m))
"""


def propagate_vectorized(w, b, X, Y):
    ns = {"np": np, "math": math, "w": w, "b": b, "X": X, "Y": Y}
    np.testing.runstring(LOOP, ns)  # the two nested loops of propagate_loops, as text
    return ns["result"]
