"""The course's ``dnn_utils_v2`` (2017–2020 releases): the same helpers as ``dnn_utils``."""

from dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward

__all__ = ["relu", "relu_backward", "sigmoid", "sigmoid_backward"]
