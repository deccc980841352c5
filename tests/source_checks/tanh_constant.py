def tanh(z):
    return np.zeros_like(z)
