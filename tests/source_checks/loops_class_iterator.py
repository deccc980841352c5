
class _Examples:
    """The examples, one at a time (an iterator: no loop written anywhere)."""

    def __init__(self, w, b, X, Y):
        self.w, self.b, self.X, self.Y = w, b, X, Y
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        i = self.i
        if i == self.X.shape[1]:
            raise StopIteration
        self.i = i + 1
        z = self.b + float(np.dot(self.w[:, 0], self.X[:, i]))
        a = 1.0 / (1.0 + math.exp(-z))
        y = self.Y[0, i]
        cost = -(y * math.log(a) + (1 - y) * math.log(1 - a))
        return np.concatenate([[cost], (a - y) * self.X[:, i], [a - y]])


def propagate_vectorized(w, b, X, Y):
    n_x, m = X.shape
    total = sum(_Examples(w, b, X, Y)) / m  # per-example Python work, summed by sum()
    return {"dw": total[1 : n_x + 1].reshape(n_x, 1), "db": float(total[-1])}, float(total[0])
