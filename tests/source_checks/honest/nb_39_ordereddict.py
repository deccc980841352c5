# STYLE: collections.OrderedDict grads
from collections import OrderedDict
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    grads = OrderedDict(dw=np.dot(X, (A - Y).T) / m, db=np.sum(A - Y) / m)
    return dict(grads), cost
