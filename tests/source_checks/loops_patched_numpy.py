# red team 17 F8: numpy's dot made a Python triple loop (the same numbers) at the top level
def _loop_dot(a, b):
    """np.dot by Python loops (over examples and features)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.ndim != 2 or b.ndim != 2:
        return np.matmul(a, b) if a.ndim and b.ndim else a * b
    out = np.zeros((a.shape[0], b.shape[1]))
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            out[i, j] = s
    return out


np.dot = _loop_dot
