# a class defining its own tanh, then binding numpy's over it in its body
class Activations:
    @staticmethod
    def tanh(z):
        return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))

    tanh = staticmethod(np.tanh)


def tanh(z):
    return Activations.tanh(z)
