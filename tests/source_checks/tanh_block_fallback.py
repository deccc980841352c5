try:
    from numpy import tanh_from_exponentials as _t  # no such name: the fallback runs
except ImportError:
    def _t(z):
        return np.tanh(z)


def tanh(z):
    return _t(z)
