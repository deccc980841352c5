# red team 16: a method of an object of a class read, handed to numpy's printer (m calls)
import math


class _Walker:
    """Holds the sums; step() handles ONE example, in Python floats."""

    def __init__(self, w, b, X, Y):
        self.w, self.b, self.X, self.Y = w, b, X, Y
        self.cost, self.dw, self.db = 0.0, np.zeros(w.shape), 0.0

    def step(self, i):
        i = int(i)
        x = self.X[:, i]
        z = float(np.dot(self.w[:, 0], x)) + float(self.b)
        a = 1.0 / (1.0 + math.exp(-z))
        y = float(self.Y[0, i])
        self.cost = self.cost - (y * math.log(a) + (1.0 - y) * math.log(1.0 - a))
        self.dw = self.dw + x.reshape(-1, 1) * (a - y)
        self.db = self.db + (a - y)
        return "0"


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    walker = _Walker(w, b, X, Y)
    # numpy's printer calls the formatter once per entry: m calls of walker.step
    np.array2string(np.arange(m, dtype=np.float64), formatter={"float_kind": walker.step},
                    threshold=m + 1)
    return {"dw": walker.dw / m, "db": float(walker.db / m)}, float(walker.cost / m)
