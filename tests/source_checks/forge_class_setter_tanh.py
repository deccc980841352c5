# numpy's tanh set on the class by a def run at the top level
class Activations:
    @staticmethod
    def tanh(z):
        return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))


def _install():
    setattr(Activations, "tanh", staticmethod(np.tanh))


_install()


def tanh(z):
    return Activations.tanh(z)
