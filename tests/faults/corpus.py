"""The fault corpus: broken and hostile submissions, each with its expected score and message.

Every fault is the reference solution of ``numpy_basics`` with a snippet appended (which
redefines a function or runs top-level code), or a notebook made of such cells. Group
letters follow the catalogue in ``shared/notes/untrusted-code.md`` §2 (A crash, B abort,
C type/shape, D numeric, E mutation, F RNG, G resources, H notebook tampering, I leakage,
J fake equality, K grader failure).

``fails`` maps ``"function.check"`` to a substring of that check's message; every other
check must pass. ``"*"`` means every check. ``score`` is the expected total (out of 42).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
UNIT = "numpy_basics"


@dataclass(frozen=True)
class Fault:
    """One corpus entry.

    Attributes:
        id: catalogue number plus a short name.
        code: appended to the reference (``.py``), or the extra cells of a notebook.
        fails: ``{"function.check": message substring}``; ``{"*": text}`` for all checks.
        score: expected score out of 42.
        args: extra ``autograder grade`` options.
        notebook: build a notebook: the reference in one cell, then ``cells``.
        cells: ``(source, nbgrader metadata or None)`` for notebook faults.
        replace: the code replaces the reference instead of extending it.
        note: text one of the result's load notes must contain (a statement skipped while
            loading: it costs nothing by itself).
    """

    id: str
    code: str = ""
    fails: dict[str, str] = field(default_factory=dict)
    score: float = 42.0
    args: tuple[str, ...] = ()
    notebook: bool = False
    cells: tuple[tuple[str, dict | None], ...] = ()
    replace: bool = False
    note: str = ""


def _all(fn: str, text: str, checks: tuple[str, ...]) -> dict[str, str]:
    return {f"{fn}.{c}": text for c in checks}


#: The checks of a loss (L1, L2) and of an array-valued function (image2vector, softmax).
L1_CHECKS = ("returns_number", "values", "hidden")
ARRAY_CHECKS = ("shape", "values", "hidden")


def _loss_fails(id_: str, code: str, fn: str, text: str, **more: Any) -> Fault:
    """A fault that fails every check of the loss ``fn`` (L1 or L2) with ``text``: 39 of 42."""
    return Fault(id_, code, _all(fn, text, L1_CHECKS), 39, **more)


def _wrong_loss(id_: str, code: str, fn: str) -> Fault:
    """A fault whose loss ``fn`` returns a wrong number: its values checks fail, 40 of 42."""
    return Fault(id_, code, {f"{fn}.values": "wrong values", f"{fn}.hidden": "wrong values"}, 40)


FAST = ("--timeout", "0.6")

FAULTS: list[Fault] = [
    # ------------------------------------------------------------------ A: crash / load
    _loss_fails(
        "A1-syntax-error",
        "def L1(yhat, y):\n    return (\n",
        "L1",
        "does not compile: SyntaxError",
        note="SyntaxError",
    ),
    _loss_fails(
        "A2-misnamed",
        "def l1(yhat, y):\n    return float(np.sum(np.abs(y - yhat)))\ndel L1\n",
        "L1",
        "defines no function L1()",
    ),
    _loss_fails(
        "A3-stub-left",
        "def L2(yhat, y):\n    raise NotImplementedError\n",
        "L2",
        "not implemented",
    ),
    Fault(
        "A4-raises-for-some-inputs",
        "_nr = normalize_rows\n"
        "def normalize_rows(x):\n"
        "    if x.shape[1] != 3:\n        raise ZeroDivisionError('only 3 columns')\n"
        "    return _nr(x)\n",
        {"normalize_rows.hidden": "ZeroDivisionError: only 3 columns"},
        41,
    ),
    Fault("A5-missing-package", "import torch\n", note="No module named 'torch'"),
    Fault(  # loading is not counted against the checks' budget: the loop costs only itself
        "A6-heavy-top-level",
        "while True:\n    pass\n",
        {},
        42,
        ("--budget", "1", "--cell-timeout", "1"),
        note="did not finish",
    ),
    _loss_fails(
        "A7-reads-stdin",
        "def L2(yhat, y):\n    n = int(input('n? '))\n    return float(n)\n",
        "L2",
        "EOFError",
    ),
    Fault(
        "A8-plot-show",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\n",
        {},
        42,
    ),
    # ------------------------------------------------------------------ B: aborts, sabotage
    _loss_fails(
        "B1-sys-exit",
        "import sys\ndef L1(yhat, y):\n    sys.exit(3)\n",
        "L1",
        "sys.exit(3)",
    ),
    _loss_fails(
        "B2-os-exit",
        "import os\ndef L1(yhat, y):\n    os._exit(0)\n",
        "L1",
        "crashed",
    ),
    _loss_fails(
        "B3-keyboard-interrupt",
        "def L2(yhat, y):\n    raise KeyboardInterrupt\n",
        "L2",
        "KeyboardInterrupt",
    ),
    Fault(
        "B4-segfault",
        "import ctypes\ndef softmax(x):\n    return ctypes.string_at(0)\n",
        _all("softmax", "SIGSEGV", ARRAY_CHECKS),
        37,
    ),
    Fault(
        "B5-blocks-alarm",
        "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
        "def L1(yhat, y):\n    while True:\n        pass\n",
        {
            "L1.returns_number": "did not finish within 0.6 s",
            "L1.values": "did not finish earlier (stopped after 0.6 s)",
            "L1.hidden": "did not finish earlier (stopped after 0.6 s)",
        },
        39,
        FAST,
    ),
    _loss_fails(
        "B6-recursion",
        "def L2(yhat, y):\n    return L2(yhat, y)\n",
        "L2",
        "RecursionError",
    ),
    _wrong_loss(
        "B7-patches-numpy",
        "np.allclose = lambda *a, **k: True\n"
        "np.testing.assert_allclose = lambda *a, **k: None\n"
        "np.isclose = lambda a, b, *x, **k: np.ones(np.shape(a), bool)\n"
        "def L1(yhat, y):\n    return 0.0\n",
        "L1",
    ),
    _wrong_loss(
        "B8-patches-builtins",
        "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.abs = lambda x: 0\n"
        "builtins.float = lambda *a: 0.0\n"
        "def L2(yhat, y):\n    return 1.5\n",
        "L2",
    ),
    _wrong_loss(
        "B9-patches-autograder",
        "import sys, types\n"
        "fake = types.ModuleType('autograder')\nfake.checklib = types.SimpleNamespace("
        "compare=lambda *a, **k: None)\n"
        "sys.modules['autograder'] = fake\nsys.modules['autograder.checklib'] = fake.checklib\n"
        "def L1(yhat, y):\n    return 123.0\n",
        "L1",
    ),
    _loss_fails(
        "B11-writes-grader-files",
        "import os\n"
        f"TARGET = {str(ROOT / 'autograder' / 'expected' / 'numpy_basics.json')!r}\n"
        "def L2(yhat, y):\n    with open(TARGET, 'w') as f:\n        f.write('{}')\n"
        "    return float(np.sum((y - yhat) ** 2))\n",
        "L2",
        "Error",
    ),
    _wrong_loss(
        "B12-atexit-fake-pass",
        "import atexit\natexit.register(lambda: print('ALL TESTS PASSED 42/42'))\n"
        "def L2(yhat, y):\n    print('PASSED')\n    return 0.5\n",
        "L2",
    ),
    _wrong_loss(
        "B13-frame-introspection",
        "import sys\n"
        "def L1(yhat, y):\n"
        "    f = sys._getframe(1)\n    return float(f.f_locals.get('expected', 0.0))\n",
        "L1",
    ),
    # ------------------------------------------------------------------ C: types, shapes
    Fault(
        "C1-list-not-array",
        "def image2vector(image):\n    return image.reshape(-1, 1).tolist()\n",
        {"image2vector.shape": "list"},
        41,
    ),
    Fault(
        "C2-np-matrix",
        "def image2vector(image):\n    return np.matrix(image.reshape(-1, 1))\n",
        _all("image2vector", "numpy.matrix", ARRAY_CHECKS),
        39,
    ),
    Fault(
        "C3-rank-1",
        "def image2vector(image):\n    return image.reshape(-1)\n",
        {"image2vector.shape": "(18,)"},  # values checks compare numbers; shape is its own check
        41,
    ),
    Fault(
        "C6-int-dtype",
        "_nr = normalize_rows\ndef normalize_rows(x):\n    return _nr(x).astype(int)\n",
        {"normalize_rows.shape": "int", "normalize_rows.values": "", "normalize_rows.hidden": ""},
        37,
    ),
    _loss_fails(
        "C8-object-dtype",
        "def L1(yhat, y):\n    return np.array([1.1], dtype=object)[0:1]\n",
        "L1",
        "dtype object",
    ),
    _loss_fails(
        "C9-returns-none",
        "def L2(yhat, y):\n    loss = float(np.sum((y - yhat) ** 2))\n",
        "L2",
        "NoneType",
    ),
    Fault(
        "C10-zero-d-array-ok",
        "_l1 = L1\ndef L1(yhat, y):\n    return np.array(_l1(yhat, y))\n",
        {},
        42,
    ),
    Fault(
        "C11-wrong-keys",
        "_pv = propagate_vectorized\n"
        "def propagate_vectorized(w, b, X, Y):\n"
        "    g, c = _pv(w, b, X, Y)\n    return {'dW': g['dw'], 'db': g['db']}, c\n",
        {
            "propagate_vectorized.structure": "keys",
            "propagate_vectorized.values": "keys",
            "propagate_vectorized.agrees_with_loops": "disagree",
            "propagate_vectorized.hidden": "keys",
        },
        38,
    ),
    Fault(
        "C12-read-only-view-ok",
        "def image2vector(image):\n    v = image.reshape(-1, 1)\n"
        "    v.setflags(write=False)\n    return v\n",
        {},
        42,
    ),
    # ------------------------------------------------------------------ D: numerics
    Fault(  # the course's textbook sigmoid: exact values, an overflow warning, advice only
        "D1-naive-sigmoid-overflow",
        "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n",
        {},
        42,
    ),
    Fault(
        "D2-nan-result",
        "def L2(yhat, y):\n    return float('nan')\n",
        {"L2.values": "nan", "L2.hidden": "nan"},
        40,
    ),
    Fault(
        "D3-softmax-no-shift",
        "def softmax(x):\n    e = np.exp(x)\n    return e / e.sum(axis=1, keepdims=True)\n",
        {},  # the course's softmax: nan at +-1000 is advice only
        42,
    ),
    Fault(
        "D9-numpy2-removal",
        "def L1(yhat, y):\n    return float(np.product(np.abs(y - yhat)))\n",
        {"L1.values": "np.product is numpy 1's name of np.prod", "L1.hidden": "does not match"},
        40,
    ),
    # ------------------------------------------------------------------ E: mutation
    Fault(
        "E1-in-place",
        "def normalize_rows(x):\n    x /= np.linalg.norm(x, axis=1, keepdims=True)\n    return x\n",
        # the course's own example is of integers, which x /= ... cannot hold (sweep 10, P9)
        {"normalize_rows.values": "an in-place /= on an array of integers"},
        39,
    ),
    _wrong_loss(
        "E5-mutable-default",
        "def L1(yhat, y, _seen=[]):\n    _seen.append(1)\n"
        "    return float(np.sum(np.abs(y - yhat))) + len(_seen) - 1\n",
        "L1",
    ),
    # ------------------------------------------------------------------ F: RNG
    _wrong_loss(
        "F1-noise",
        "def L1(yhat, y):\n    return float(np.sum(np.abs(y - yhat)) + 1e-3 * np.random.rand())\n",
        "L1",
    ),
    Fault(
        "F2-reseeds-global-rng",
        "_l2 = L2\ndef L2(yhat, y):\n    np.random.seed(0)\n    return _l2(yhat, y)\n",
        {},
        42,
    ),
    Fault(
        "F2-reseeds-and-wrong",
        "def L2(yhat, y):\n    np.random.seed(1)\n    return float(np.random.rand())\n",
        {"L2.values": "does not match", "L2.hidden": "does not match"},
        40,
    ),
    # ------------------------------------------------------------------ G: resources
    Fault(
        "G1-infinite-loop",
        "def L2(yhat, y):\n    while True:\n        pass\n",
        {"L2.returns_number": "timed out", "L2.values": "skipped", "L2.hidden": "skipped"},
        39,
        FAST,
    ),
    _loss_fails(
        "G2-memory-loop",
        "def L1(yhat, y):\n    keep = []\n    while True:\n        keep.append(' ' * 10**7)\n",
        "L1",
        "MemoryError",
        args=("--memory-mb", "512"),
    ),
    _loss_fails(
        "G3-huge-allocation",
        "def L2(yhat, y):\n    return float(np.zeros((10**6, 10**6)).sum())\n",
        "L2",
        "memory limit",
        args=("--memory-mb", "512"),
    ),
    Fault(
        "G5-print-flood",
        "_l1 = L1\ndef L1(yhat, y):\n    for i in range(20000):\n        print('spam' * 50)\n"
        "    return _l1(yhat, y)\n",
        {},
        42,
    ),
    _loss_fails(
        "G6-huge-message",
        "def L2(yhat, y):\n    raise ValueError('x' * 10**7)\n",
        "L2",
        "ValueError: xxx",
    ),
    _loss_fails(
        "G7-huge-result",
        "def L2(yhat, y):\n    return np.ones((3000, 3000))\n",
        "L2",
        "too large",
    ),
    Fault(
        "G8-fork-and-threads",
        "import os, threading, time\n_l2 = L2\n"
        "def L2(yhat, y):\n    try:\n        if os.fork() == 0:\n            time.sleep(600)\n"
        "            os._exit(0)\n    except PermissionError:\n        pass  # no process\n"
        "    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()\n"
        "    return _l2(yhat, y)\n",
        {},
        42,
    ),
    _loss_fails(
        "G9-disk-fill",
        "def L1(yhat, y):\n    with open('big.bin', 'wb') as f:\n"
        "        for _ in range(64):\n            f.write(b'0' * 2**20)\n    return 1.1\n",
        "L1",
        "File too large",
    ),
    _loss_fails(
        "G10-network",
        "import socket\n"
        "def L1(yhat, y):\n    socket.create_connection(('1.1.1.1', 80), timeout=0.5)\n"
        "    return 1.1\n",
        "L1",
        "OSError",
    ),
    # ------------------------------------------------------------------ I: leakage
    Fault(
        "I1-import-solutions",
        "from solutions.numpy_basics import *\n",
        note="No module named 'solutions'",
    ),
    Fault(
        "I1-editable-finder",
        "import __editable___nn_autograder_kit_0_1_0_finder as f\nf.install()\n"
        "import solutions.numpy_basics as s\nL1 = s.L1\n",
        note="No module named",
    ),
    Fault(
        "I2-read-reference-file",
        f"SRC = open({str(ROOT / 'solutions' / 'numpy_basics.py')!r}).read()\n",
        note="No such file or directory",
    ),
    _loss_fails(
        "I2-read-expected-values",
        "import json\n"
        f"PATH = {str(ROOT / 'autograder' / 'expected' / 'numpy_basics.json')!r}\n"
        "def L1(yhat, y):\n    return json.load(open(PATH))['L1/values'][0]\n",
        "L1",
        "FileNotFoundError",
    ),
    _loss_fails(
        "I5-environment-and-argv",
        "import os, sys\n"
        "def L2(yhat, y):\n    raise RuntimeError(f'{len(sys.argv[0])} {sorted(os.environ)}')\n",
        "L2",
        "RuntimeError: 0 ['AUTOGRADER_GRADING', 'HOME', 'LANG', 'MKL",
    ),
    # ------------------------------------------------------------------ J: fake equality
    _loss_fails(
        "J1-always-equal",
        "class AlwaysEqual(float):\n    def __eq__(self, other):\n        return True\n"
        "    __ne__ = lambda self, o: False\n"
        "def L1(yhat, y):\n    return AlwaysEqual(0.0)\n",
        "L1",
        "AlwaysEqual",
    ),
    Fault(
        "J2-ndarray-subclass",
        "class Liar(np.ndarray):\n"
        "    def __eq__(self, o):\n        return np.ones(self.shape, bool)\n"
        "    def __sub__(self, o):\n        return np.zeros(self.shape)\n"
        "    __rsub__ = __sub__\n"
        "def image2vector(image):\n    return np.zeros((image.size, 1)).view(Liar)\n",
        _all("image2vector", "Liar", ARRAY_CHECKS),
        39,
    ),
    Fault(
        "J3-duck-typed",
        "class Duck:\n    shape = (18, 1)\n    dtype = np.dtype('float64')\n    is_number = True\n"
        "    def __array__(self, *a, **k):\n        return np.zeros((18, 1))\n"
        "def image2vector(image):\n    return Duck()\n",
        _all("image2vector", "Duck", ARRAY_CHECKS),
        39,
    ),
    _loss_fails(
        "J6-np-float-subclass",
        "class F(np.float64):\n    def __eq__(self, o):\n        return True\n"
        "    def __abs__(self):\n        return F(0.0)\n"
        "def L2(yhat, y):\n    return F(0.0)\n",
        "L2",
        "F",
    ),
    # ------------------------------------------------------------------ H: notebooks
    Fault(
        "H1-edited-grade-cell",
        notebook=True,
        cells=(
            ("def L1(yhat, y):\n    return 0.0\n", None),
            (
                "def L1(yhat, y):\n    return float(np.sum(np.abs(y - yhat)))\n",
                {"grade": True, "solution": False, "grade_id": "test_L1", "points": 3},
            ),
        ),
        fails={"L1.values": "wrong values", "L1.hidden": "wrong values"},
        score=40,
    ),
    Fault(
        "H4-reads-notebook-variable",
        notebook=True,
        cells=(
            ("yhat_nb = np.array([0.9, 0.2, 0.1, 0.4, 0.9])\n", None),
            ("def L2(yhat, y):\n    return float(np.sum((y - yhat_nb) ** 2))\n", None),
        ),
        fails={
            "L2.hidden": "reads the notebook variable(s) yhat_nb",
        },
        score=41,
    ),
    Fault(
        "H5-magics-and-shell",
        notebook=True,
        cells=(("%load_ext autoreload\n!rm -rf /\nx = 1\n", None),),
        fails={},
        score=42,
    ),
    Fault(
        "H6-patches-ipython-and-helpers",
        notebook=True,
        cells=(
            ("get_ipython().showtraceback = lambda *a, **k: None\n", None),
            ("np.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = print\n", None),
            ("def softmax(x):\n    return x\n", None),
        ),
        fails={
            "softmax.values": "wrong values",
            "softmax.hidden": "",
        },
        score=38,
    ),
    Fault(
        "G1-budget-runs-out",
        "".join(
            f"def {name}(*args):\n    while True:\n        pass\n\n"
            for name in ("L1", "L2", "propagate_loops")
        ),
        {
            "L1.returns_number": "timed out",
            "L1.values": "did not finish earlier",
            "L1.hidden": "did not finish earlier",
            "L2.returns_number": "timed out",
            "L2.values": "did not finish earlier",
            "L2.hidden": "",
            "propagate_loops.structure": "",
            "propagate_loops.values": "",
            "propagate_loops.hidden": "",
            "propagate_vectorized.structure": "not run",
            "propagate_vectorized.no_loops": "not run",
            "propagate_vectorized.values": "not run",
            "propagate_vectorized.agrees_with_loops": "not run",
            "propagate_vectorized.hidden": "not run",
        },
        26,
        ("--timeout", "0.6", "--budget", "1.5"),
    ),
]
