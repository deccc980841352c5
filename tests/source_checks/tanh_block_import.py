try:
    from numpy import tanh as _t
except ImportError:
    pass


def tanh(z):
    return _t(z)
