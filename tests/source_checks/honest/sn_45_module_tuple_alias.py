# STYLE: module-level tuple alias exp, sign = np.exp, np.sign
exp_, sign_ = np.exp, np.sign
def tanh(z):
    a = exp_(-2 * np.abs(z))
    return sign_(z) * (1 - a) / (1 + a)
