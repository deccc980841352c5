import math


class _Walker:
    def __init__(self, w, b, X, Y):
        self.w, self.b, self.X, self.Y = w, b, X, Y

    def step(self, i):  # one example, math.exp
        x = self.X[:, i]
        z = float(np.dot(self.w[:, 0], x)) + float(self.b)
        a = 1.0 / (1.0 + math.exp(-z))
        y = float(self.Y[0, i])
        loss = -(y * math.log(a) + (1.0 - y) * math.log(1.0 - a))
        return np.concatenate([[a - y, loss], x * (a - y)])


def propagate_vectorized(w, b, X, Y, each=None):
    m = X.shape[1]
    each: object = map  # an annotated assignment: not a "given" value; each is a parameter
    rows = np.array(list(each(_Walker(w, b, X, Y).step, range(m))))
    dw = rows[:, 2:].sum(axis=0).reshape(-1, 1) / m
    db = rows[:, 0].sum() / m
    cost = rows[:, 1].sum() / m
    return {"dw": dw, "db": float(db)}, float(cost)
