"""The course's ``dnn_app_utils_v2`` (2017 release): the same building blocks as ``v3``."""

from dnn_app_utils_v3 import *  # noqa: F403
from dnn_app_utils_v3 import __all__  # noqa: F401
