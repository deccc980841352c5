# STYLE: logger = logging.getLogger(__name__); logger.info
import logging
logger = logging.getLogger(__name__)
def propagate_vectorized(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    logger.info("cost %.4f", cost)
    return {"dw": np.dot(X, (A - Y).T) / m, "db": np.sum(A - Y) / m}, cost
