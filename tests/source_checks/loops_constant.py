def propagate_vectorized(w, b, X, Y):
    return {"dw": np.zeros(w.shape), "db": 0.0}, 0.0
