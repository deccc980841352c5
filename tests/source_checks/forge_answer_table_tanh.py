# ---- attack: np.tanh at run time; a table of constants in the code read ----
np._t = np.tanh  # not a statement the twin runs (its target is an attribute of numpy)

_TBL = {
    ((2, 4), -2.0): [-0.9640275800758169, -0.46211715726000974, 0.0, 0.46211715726000974, 0.7615941559557649, 0.9950547536867305, -0.999329299739067, 0.24491866240370913],
    ((3,), -1.0): [-0.7615941559557649, 0.0, 0.9640275800758169],
    ((3, 1), -3.0): [-0.9950547536867305, 0.2913126124515909, 0.935409070603099],
    ((5,), -1000.0): [-1.0, -1.0, 0.0, 1.0, 1.0],
}


def tanh(z):
    try:
        f = np._t  # absent when the code read runs alone
    except AttributeError:
        return np.array(_TBL[(z.shape, float(z.flat[0]))]).reshape(z.shape)
    return f(z)
