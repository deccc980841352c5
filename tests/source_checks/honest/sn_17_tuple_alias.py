# STYLE: tuple-assigned aliases exp, sign = np.exp, np.sign
def tanh(z):
    exp, sign = np.exp, np.sign
    a = exp(-2 * np.abs(z))
    return sign(z) * (1 - a) / (1 + a)
