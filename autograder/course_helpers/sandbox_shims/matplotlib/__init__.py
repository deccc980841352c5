"""A stand-in for matplotlib inside the grader's sandbox: every plotting call does nothing.

Course code plots inside graded functions (the application's ``two_layer_model`` ends with
``plt.plot(costs)``, ``plt.show()``). The sandbox holds numpy only, so such a call would raise
``NameError`` (the ``import matplotlib.pyplot as plt`` line having failed) and cost the function
its points. Here plotting is accepted and does nothing. Only the sandboxed worker puts this
folder on its import path (:func:`autograder.codeload.ensure_plotting_stand_in`); the grader and
the student's own environment use the real matplotlib.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types
from typing import Any


class _Anything:
    """Accepts every call, attribute, item and unpacking, and does nothing."""

    def __call__(self, *args: Any, **kwargs: Any) -> _Anything:
        return self

    def __getattr__(self, name: str) -> _Anything:
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: Any) -> _Anything:
        return self

    def __setitem__(self, key: Any, value: Any) -> None:
        return None

    def __iter__(self):  # noqa: ANN204 - ``fig, ax = plt.subplots()``
        return iter((self, self))

    def __enter__(self) -> _Anything:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None


ANYTHING = _Anything()
rcParams: dict[str, Any] = {}


def use(*args: Any, **kwargs: Any) -> None:
    """``matplotlib.use(backend)``: nothing to choose here."""


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return ANYTHING


class _Submodules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Every other ``matplotlib.*`` module (``pylab``, ``image``, ``cm``...) is a stand-in too."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name.startswith("matplotlib."):
            return importlib.util.spec_from_loader(name, self, is_package=True)
        return None

    def create_module(self, spec: Any) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        module.__getattr__ = __getattr__  # type: ignore[method-assign]
        module.__path__ = []


if not any(isinstance(f, _Submodules) for f in sys.meta_path):
    sys.meta_path.append(_Submodules())
