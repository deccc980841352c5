# STYLE: vt = np.vectorize(f); return vt(z)
import math
def _scalar(x):
    a = math.exp(-2 * abs(x))
    return math.copysign((1 - a) / (1 + a), x)

def tanh(z):
    vt = np.vectorize(_scalar, otypes=[np.float64])
    return vt(z)
