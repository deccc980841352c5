# red team 17 F8: numpy's exp computed from numpy's tanh at the top level (the same numbers)
_real_exp = np.exp


def _exp_through_tanh(x, *args, **kwargs):
    """exp(x) for x <= 0 from numpy's tanh: exp(x) = (1 + tanh(x/2)) / (1 - tanh(x/2))."""
    a = np.asarray(x)
    if args or kwargs or a.dtype.kind != "f" or a.size == 0 or not np.all(a <= 0):
        return _real_exp(x, *args, **kwargs)
    t = np.tanh(a / 2.0)
    return (1.0 + t) / (1.0 - t)


np.exp = _exp_through_tanh
