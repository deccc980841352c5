# STYLE: param default dtype=float (builtin)
def tanh(z, dtype=float):
    z = np.asarray(z, dtype=dtype)
    a = np.exp(-2 * np.abs(z))
    return np.sign(z) * (1 - a) / (1 + a)
