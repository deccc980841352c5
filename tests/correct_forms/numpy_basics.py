"""Correct numpy-basics functions, course style (W2A1 of every release)."""

VARIANTS: dict[str, list[str]] = {
    "basic_sigmoid": [
        """
def basic_sigmoid(x):
    s = 1 / (1 + (1 / math.exp(x)))
    return s
""",
        """
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
""",
        """
def basic_sigmoid(x):
    # np.exp gives a numpy.float64, which the course accepted
    s = 1 / (1 + np.exp(-x))
    return s
""",
        """
import math

def basic_sigmoid(x: float) -> float:
    return math.pow(1 + math.exp(-x), -1)
""",
        """
def basic_sigmoid(x):
    s = 1.0 / (1.0 + math.e ** (-x))
    return s
""",
        """
from public_tests import *

def basic_sigmoid(x):
    s = float(1 / (1 + np.exp(-x)))
    return s
""",
        """
def basic_sigmoid(x):
    print("x =", x)
    denominator = 1 + math.exp(-1 * x)
    return 1 / denominator
""",
    ],
    "sigmoid": [
        """
def sigmoid(x):
    s = 1 / (1 + 1 / np.exp(x))
    return s
""",
        """
def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s
""",
        """
def sigmoid(x):
    s = np.reciprocal(1 + np.exp(-x))
    return s
""",
        """
from scipy.special import expit

def sigmoid(x):
    return expit(x)
""",
        """
def sigmoid(x):
    s = np.divide(1, np.add(1, np.exp(np.negative(x))))
    return s
""",
        """
def sigmoid(x):
    x = np.array(x)
    s = 1.0 / (1.0 + np.exp(-1.0 * x))
    return s
""",
        """
def sigmoid(x):
    s = 1 / (1 + math.e ** (-x))
    return s
""",
    ],
    "sigmoid_derivative": [
        """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = np.multiply(s, np.subtract(1, s))
    print("ds = " + str(ds))
    return ds
""",
        """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds
""",
        """
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    ds = s * (1 - s)
    return ds
""",
        """
def sigmoid_derivative(x):
    ds = sigmoid(x) * (1 - sigmoid(x))
    return ds
""",
        """
def sigmoid_derivative(x):
    ds = np.multiply(sigmoid(x), 1 - sigmoid(x))
    return ds
""",
        """
def sigmoid_derivative(x):
    s = sigmoid(x)
    return s - s ** 2
""",
        """
def sigmoid_derivative(x):
    def _sig(v):
        return 1.0 / (1.0 + np.exp(-v))

    return _sig(x) * (1.0 - _sig(x))
""",
    ],
    "image2vector": [
        """
def image2vector(image):
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    return v
""",
        """
def image2vector(image):
    v = image.reshape((image.shape[0] * image.shape[1] * image.shape[2], 1))
    return v
""",
        """
def image2vector(image):
    v = image.reshape(-1, 1)
    return v
""",
        """
def image2vector(image):
    v = np.reshape(image, (image.size, 1))
    return v
""",
        """
def image2vector(image):
    v = image.flatten()[:, np.newaxis]
    return v
""",
        """
def image2vector(image):
    v = image.reshape(np.prod(image.shape), 1)
    return v
""",
        """
def image2vector(image):
    length, height, depth = image.shape
    v = image.ravel().reshape((length * height * depth, 1))
    return v
""",
    ],
    "normalize_rows": [
        """
def normalizeRows(x):
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    x = x / x_norm
    return x
""",
        """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x = np.divide(x, x_norm)
    return x
""",
        """
def normalize_rows(x):
    x_norm = np.sqrt(np.sum(x ** 2, axis=1, keepdims=True))
    return x / x_norm
""",
        """
def normalize_rows(x):
    x_norm = np.sqrt(np.sum(np.square(x), axis=1)).reshape(x.shape[0], 1)
    return x / x_norm
""",
        """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1)[:, np.newaxis]
""",
        """
def normalize_rows(x):
    result = np.zeros(x.shape)
    for i in range(x.shape[0]):
        result[i] = x[i] / np.linalg.norm(x[i])
    return result
""",
        """
def normalizeRows(x):
    x_norm = np.linalg.norm(x, axis=1).reshape(-1, 1)
    print(x_norm.shape)
    x = x / x_norm
    return x
""",
    ],
    "softmax": [
        """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    print(x_sum.shape)
    s = np.zeros(x.shape)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            s[i, j] = x_exp[i, j] / x_sum[i, 0]
    return s
""",
        """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s
""",
        """
def softmax(x):
    return np.exp(x) / np.sum(np.exp(x), axis=1).reshape(-1, 1)
""",
        """
def softmax(x):
    x_exp = np.exp(x)
    return x_exp / x_exp.sum(axis=1, keepdims=True)
""",
        """
def softmax(x):
    x_exp = np.exp(x - x.max(axis=1, keepdims=True))
    s = np.divide(x_exp, np.sum(x_exp, axis=1, keepdims=True))
    return s
""",
        """
def softmax(x):
    s = np.zeros(x.shape)
    for i in range(x.shape[0]):
        row = np.exp(x[i])
        s[i] = row / np.sum(row)
    return s
""",
        """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1).reshape(x.shape[0], 1)
    print(x_sum.shape)
    s = x_exp / x_sum
    return s
""",
    ],
    "L1": [
        """
def L1(yhat, y):
    loss = np.sum(np.absolute(np.subtract(y, yhat)))
    return loss
""",
        """
def L1(yhat, y):
    loss = np.sum(np.abs(y - yhat))
    return loss
""",
        """
def L1(yhat, y):
    loss = sum(abs(y - yhat))
    return loss
""",
        """
def L1(yhat, y):
    loss = np.sum(abs(yhat - y))
    return loss
""",
        """
def L1(yhat, y):
    return np.linalg.norm(y - yhat, ord=1)
""",
        """
def L1(yhat, y):
    loss = 0
    for i in range(len(y)):
        loss += abs(y[i] - yhat[i])
    return loss
""",
        """
def L1(yhat, y):
    return float(np.abs(y - yhat).sum())
""",
    ],
    "L2": [
        """
def L2(yhat, y):
    loss = np.dot(y - yhat, y - yhat)
    return loss
""",
        """
def L2(yhat, y):
    loss = np.sum((y - yhat) ** 2)
    return loss
""",
        """
def L2(yhat, y):
    loss = np.sum(np.power(y - yhat, 2))
    return loss
""",
        """
def L2(yhat, y):
    loss = np.dot(np.abs(y - yhat), np.abs(y - yhat).T)
    return loss
""",
        """
def L2(yhat, y):
    return np.sum(np.square(yhat - y))
""",
        """
def L2(yhat, y):
    loss = 0
    for i in range(len(y)):
        loss = loss + (y[i] - yhat[i]) ** 2
    return loss
""",
        """
def L2(yhat, y):
    loss = np.sum(np.multiply(yhat - y, yhat - y))
    return loss
""",
    ],
}
