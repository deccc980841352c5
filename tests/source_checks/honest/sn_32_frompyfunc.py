# STYLE: np.frompyfunc with math (loops allowed)
import math
def scalar_tanh(x):
    a = math.exp(-2 * abs(x))
    return math.copysign((1 - a) / (1 + a), x) if x else 0.0

def tanh(z):
    return np.frompyfunc(scalar_tanh, 1, 1)(np.asarray(z, dtype=float)).astype(np.float64)
