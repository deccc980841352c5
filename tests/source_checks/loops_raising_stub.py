
def propagate_vectorized(w, b, X, Y):
    raise RuntimeError("not done yet")
    return 0
