import math


class _Walker:
    """Gives one example's (a - y, x, loss) at a time."""

    def __init__(self, w, b, X, Y):
        self.w, self.b, self.X, self.Y = w, b, X, Y

    if True:  # the special method sits in a block of the class body

        def __getitem__(self, i):
            if i >= self.X.shape[1]:
                raise IndexError(i)
            x = self.X[:, i]
            z = float(np.dot(self.w[:, 0], x)) + float(self.b)
            a = 1.0 / (1.0 + math.exp(-z))  # one example, one math.exp
            y = float(self.Y[0, i])
            loss = -(y * math.log(a) + (1.0 - y) * math.log(1.0 - a))
            return np.concatenate([[a - y, loss], x * (a - y)])


def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    rows = np.array(list(_Walker(w, b, X, Y)))  # one row per example, made in Python
    dw = rows[:, 2:].sum(axis=0).reshape(-1, 1) / m
    db = rows[:, 0].sum() / m
    cost = rows[:, 1].sum() / m
    return {"dw": dw, "db": float(db)}, float(cost)
