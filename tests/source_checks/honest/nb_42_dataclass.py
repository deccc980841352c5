# STYLE: @dataclass for grads
from dataclasses import dataclass, asdict
@dataclass
class Gradients:
    dw: np.ndarray
    db: float

def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    g = Gradients(dw=np.dot(X, (A - Y).T) / m, db=np.sum(A - Y) / m)
    return {"dw": g.dw, "db": g.db}, cost
