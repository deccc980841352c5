# STYLE: the formula as a static method of a class of its own, called as Activations.tanh(z)
class Activations:
    @staticmethod
    def tanh(z):
        e = np.exp(-2.0 * np.abs(z))
        return np.sign(z) * (1.0 - e) / (1.0 + e)


def tanh(z):
    return Activations.tanh(z)
