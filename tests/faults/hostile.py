"""Hostile submissions against the sandbox, the packaging and the worker's protocol.

Written from issue 10, classes 2 and 3 and the protocol part of 4: each submission is the
reference of its unit with an attack appended (or, with ``replace``, a file of stubs that
only scores if the attack works). ``fails`` lists the checks that must fail (with a piece
of their message), every other check must pass; the attack must gain nothing and leave
every other student's files and grade alone. Probes that *look* (at ``/proc``, the file
system, the network) report what they saw through ``L2``'s error message (``OBS ...``),
which the tests read.

The code is built per run from :class:`Target` (secrets, paths and ports the attacks aim
at), so it names the real grader's files, not guesses.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
L1_CHECKS = ("returns_number", "values", "hidden")
#: Process name the lingering processes give themselves (searched for afterwards).
LINGER = "agleftover"


@dataclass(frozen=True)
class Target:
    """What the attacks aim at in one run.

    Attributes:
        secret: a token written in every secret file and in the grader's environment.
        secret_files: files holding the secret (``/srv``, ``/opt``, a home, another
            student's temp folder, ``/etc``), world-readable on purpose.
        kit_files: the installed grader's files (its package, the private reference).
        pycache_dirs: folders a forged bytecode cache would go into.
        victim: another student's submission file.
        grader_cwd: the grader's working directory.
        tcp_port: a port a listener on the host's loopback waits on.
        unix_name: an abstract unix socket name a listener waits on.
    """

    secret: str
    secret_files: tuple[str, ...]
    kit_files: tuple[str, ...]
    pycache_dirs: tuple[str, ...]
    victim: str
    grader_cwd: str
    tcp_port: int
    unix_name: str


@dataclass(frozen=True)
class Hostile:
    """One hostile submission.

    Attributes:
        id: a short name.
        unit: the unit it is graded on.
        code: appended to the reference (or the whole file, with ``replace``).
        fails: ``{"function.check": message piece}`` of the checks that must fail;
            ``{"*": piece}`` for every check.
        replace: the code is the whole submission.
        limits: ``autograder.isolation.Limits`` overrides for this submission.
        observe: True when ``L2``'s message carries the probe's report (``OBS ...``).
    """

    id: str
    unit: str
    code: str
    fails: dict[str, str] = field(default_factory=dict)
    replace: bool = False
    limits: dict[str, float] = field(default_factory=dict)
    observe: bool = False


def _all(fn: str, text: str) -> dict[str, str]:
    return {f"{fn}.{c}": text for c in L1_CHECKS}


def _codec_changed(text: str) -> dict[str, str]:
    """L1's checks fail with ``text`` (the file changes the worker's codec; its other
    functions' code, read and run alone, is what runs: their source checks pass)."""
    return _all("L1", text)


def _at_load_and_every_call(action: str) -> str:
    """Code that runs ``action()`` once when loaded and again in every call of ``L1``."""
    return f"""
{action}()
_L1 = L1

def L1(yhat, y):
    {action}()
    return _L1(yhat, y)
"""


def _code(text: str, **values: object) -> str:
    """Dedent ``text`` and prefix it with ``NAME = repr(value)`` lines."""
    head = "".join(f"{k} = {v!r}\n" for k, v in values.items())
    return head + textwrap.dedent(text)


PROC_WALK = """
import os

def _proc_walk():
    me, found, chain = os.getpid(), [], []
    pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
    for p in pids:
        for what in ("environ", "cmdline"):
            try:
                with open(f"/proc/{p}/{what}", "rb") as f:
                    data = f.read().decode("latin-1")
                if SECRET in data or "grade_many" in data or "pytest" in data:
                    found.append(f"{p}/{what}")
            except OSError:
                pass
        for what in ("cwd", "root", "exe"):
            try:
                if GRADER_CWD in os.readlink(f"/proc/{p}/{what}"):
                    found.append(f"{p}/{what}")
            except OSError:
                pass
        try:
            for fd in os.listdir(f"/proc/{p}/fd"):
                try:
                    target = os.readlink(f"/proc/{p}/fd/{fd}")
                except OSError:
                    continue
                if p != me and ("pipe" in target or "socket" in target):
                    try:  # a pipe of another process: the grader's?
                        os.close(os.open(f"/proc/{p}/fd/{fd}", os.O_WRONLY | os.O_NONBLOCK))
                        found.append(f"{p}/fd/{fd}")
                    except OSError:
                        pass
        except OSError:
            pass
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    for p in pids:  # trace another process (PTRACE_ATTACH) to read or change its memory
        if p != me and libc.ptrace(16, p, 0, 0) == 0:
            found.append(f"{p}/ptrace")
    p = me
    while p > 1 and len(chain) < 10:
        try:
            with open(f"/proc/{p}/stat") as f:
                p = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
        chain.append(p)
    return f"pids={pids} chain={chain} found={found}"

def L2(yhat, y):
    raise RuntimeError("OBS " + _proc_walk())
"""

KILL_EVERYTHING = """
import os, signal
for _how in (lambda: os.kill(os.getppid(), signal.SIGKILL), lambda: os.kill(-1, signal.SIGKILL)):
    try:
        _how()
    except OSError:
        pass

def L1(yhat, y):
    for p in range(1, 2000):
        if p != os.getpid():
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
    for how in (lambda: os.killpg(0, signal.SIGKILL), lambda: os.kill(-1, signal.SIGKILL)):
        try:
            how()
        except OSError:
            pass
    return 0.0
"""

REOPEN_STDOUT = """
import os

def _forge():
    line = FORGED.encode()
    targets = ["/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/console"]
    for p in os.listdir("/proc"):  # every other process's descriptors (the grader's?)
        if p.isdigit() and int(p) != os.getpid():
            targets += [f"/proc/{p}/fd/{fd}" for fd in range(0, 12)]
    wrote = 0
    for t in targets:
        try:
            fd = os.open(t, os.O_WRONLY | os.O_NONBLOCK)
            os.write(fd, line)
            os.close(fd)
            wrote += 1
        except OSError:
            pass
    for fd in range(0, 3):
        try:
            os.write(fd, line)
        except OSError:
            pass
    return wrote
""" + _at_load_and_every_call("_forge")

IMPORT_REFERENCE = """
import importlib, os, sys

def _stub(*args, **kwargs):
    raise NotImplementedError("stub")

for _n in ("basic_sigmoid", "sigmoid", "sigmoid_derivative", "image2vector", "normalize_rows",
           "softmax", "L1", "L2", "propagate_loops", "propagate_vectorized"):
    globals()[_n] = _stub

def _steal(path):
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), globals())

_found = []
for _name in ("solutions.numpy_basics", "autograder._private.solutions.numpy_basics",
              "autograder.mistakes.numpy_basics", "__editable___nn_autograder_kit_0_1_0_finder"):
    try:
        _m = importlib.import_module(_name)
        if hasattr(_m, "install"):
            _m.install()
            _m = importlib.import_module("solutions.numpy_basics")
        for _k in dir(_m):
            globals()[_k] = getattr(_m, _k)
        _found.append(_name)
    except BaseException:
        pass
for _path in KIT_FILES:
    try:
        _steal(_path)
        _found.append(_path)
    except BaseException:
        pass
_seen = 0
for _dir, _subdirs, _files in os.walk("/"):
    _subdirs[:] = [d for d in _subdirs if d not in ("proc", "sys", "dev")]
    _seen += 1
    if _seen > 20000:
        break
    if "numpy_basics.py" in _files and not _dir.startswith("/runner"):
        try:
            _steal(os.path.join(_dir, "numpy_basics.py"))
            _found.append(_dir)
        except BaseException:
            pass
"""

BYTECODE = """
import importlib.util, os, marshal

def _forge_pyc(folder, name):
    data = importlib.util.MAGIC_NUMBER + b"\\0" * 12 + marshal.dumps(("forged", name))
    for target in (os.path.join(folder, "__pycache__", name + ".cpython-311.pyc"),
                   os.path.join(folder, name + ".pyc")):
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(data)
        except OSError:
            pass

for _folder in PYCACHE_DIRS + ["/runner", "/runner/course_helpers"]:
    for _name in ("engine", "__init__", "json", "codeload", "_agexec", "_agcodec", "planar_utils"):
        _forge_pyc(_folder, _name)
"""

LEAVE_PROCESSES = """
import ctypes, os, time

def _linger():
    try:
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                ctypes.CDLL(None).prctl(15, LINGER.encode(), 0, 0, 0)  # PR_SET_NAME
                time.sleep(120)
            os._exit(0)
    except OSError:
        pass
""" + _at_load_and_every_call("_linger")

FORK_BOMB = """
import os

def L1(yhat, y):
    while True:
        try:
            os.fork()
        except OSError:
            pass
"""

#: How many processes can the student's code start? (The limit must bind, even for root.)
NPROC = """
import os, signal, time

def L2(yhat, y):
    children = []
    try:
        for _ in range(300):
            pid = os.fork()
            if pid == 0:
                time.sleep(60)
                os._exit(0)
            children.append(pid)
    except OSError as exc:
        stopped = type(exc).__name__
    else:
        stopped = "never"
    for pid in children:
        os.kill(pid, signal.SIGKILL)
    raise RuntimeError(f"OBS started={len(children)} stopped={stopped}")
"""

NETWORK = """
import socket

def _try(what, fn):
    try:
        fn()
        return f"{what}:ok"
    except Exception as e:
        return f"{what}:{type(e).__name__}"

def _tcp(host, port):
    s = socket.create_connection((host, port), timeout=1.0)
    s.sendall(b"hello from the sandbox")
    s.close()

def _udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.sendto(b"hello", ("127.0.0.1", TCP_PORT))

def _unix():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect("\\0" + UNIX_NAME)
    s.sendall(b"hello")

def L2(yhat, y):
    report = [
        _try("loopback", lambda: _tcp("127.0.0.1", TCP_PORT)),
        _try("internet", lambda: _tcp("1.1.1.1", 80)),
        _try("dns", lambda: socket.getaddrinfo("pypi.org", 443)),
        _try("udp", _udp),
        _try("unix", _unix),
    ]
    raise RuntimeError("OBS net=" + ",".join(report))
"""

READ_DIRS = """
import os

def L2(yhat, y):
    got = []
    for path in SECRET_FILES:
        try:
            with open(path) as f:
                got.append(f.read(200))
        except OSError:
            pass
    listed = {}
    for d in ("/srv", "/opt", "/home", "/var/tmp", "/dev/shm", "/mnt", "/media", "/var", "/run",
              os.path.dirname(VICTIM), os.path.dirname(os.path.dirname(VICTIM))):
        try:
            n = len(os.listdir(d))
        except OSError:
            continue
        if n:
            listed[d] = n
    raise RuntimeError("OBS read=" + repr(got) + " listed=" + repr(listed))
"""

VICTIM_WRITE = """
import os

def _vandalize():
    for path in (VICTIM, os.path.join(os.path.dirname(VICTIM), "extra.py")) + KIT_FILES:
        try:
            with open(path, "w") as f:
                f.write("def L1(yhat, y):\\n    return 0.0\\n")
        except OSError:
            pass
    for folder in ("/tmp", "/var/tmp", "/dev/shm"):
        try:
            with open(os.path.join(folder, "planted.py"), "w") as f:
                f.write("x = 1\\n")
        except OSError:
            pass
""" + _at_load_and_every_call("_vandalize")

#: Wraps the worker's own handlers (found through ``sys.modules["__main__"]``) and reporting
#: code, to make an in-place change of ``normalize_rows``'s argument look like none.
WRAP_HANDLER = """
import sys, gc

def normalize_rows(x):
    if x.dtype.kind != "f":  # the lesson's integer example: a new array (x /= ... would raise)
        return x / np.linalg.norm(x, axis=1, keepdims=True)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x

def _unchanged(data):
    return data

_main = sys.modules.get("__main__")  # the worker's own module (its request handler)
_patched = []
if _main is not None and hasattr(_main, "_after"):
    _main._after = lambda original, reported, *rest: original  # "nothing changed"
    _main._read_back = lambda mem, layout: []
    _patched.append("__main__")
if _main is not None and hasattr(_main, "Supervisor"):
    _main.Supervisor.call = lambda self, req, arrays: ({"value": 0.0}, [])
    _patched.append("Supervisor.call")

_ex = sys.modules.get("_agexec")
if _ex is not None and hasattr(_ex, "Student"):
    _real_call = _ex.Student.call

    def _forged_call(self, req, _real=_real_call):
        reply, arrays = _real(self, req)
        reply["args_after"] = req.get("args")      # "as it was sent": no change
        reply["kwargs_after"] = req.get("kwargs")
        reply["warnings"] = []
        return reply, arrays

    _ex.Student.call = _forged_call
    _patched.append("Student.call")
for _obj in gc.get_objects():
    if type(_obj).__name__ == "Supervisor":
        _patched.append("a Supervisor object")
"""

NAIVE_SIGMOID = """
def sigmoid(x):
    return 1 / (1 + np.exp(-x))
"""

HONEST_QUIET_SIGMOID = """
def sigmoid(x):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))
"""

FORGED_QUIET_SIGMOID = (
    NAIVE_SIGMOID
    + """
import sys
_ex = sys.modules.get("_agexec")
if _ex is not None:
    _real_call = _ex.Student.call

    def _quiet(self, req, _real=_real_call):
        reply, arrays = _real(self, req)
        reply["warnings"] = []
        return reply, arrays

    _ex.Student.call = _quiet
"""
)


#: Memory files hold pages no limit of the process counts (188 held 3 GB under 1 GB).
MEMORY_FILES = """
import os

def L2(yhat, y):
    try:
        fd = os.memfd_create("x")
        os.write(fd, b"1" * (1 << 20))
        seen = "created"
    except OSError as exc:
        seen = type(exc).__name__
    raise RuntimeError(f"OBS memfd={seen}")
"""

#: The helper modules' own files, read in place from another unit than the one whose solutions
#: they hold (red team, round 6: unit 5's L_model_backward was readable in unit 2's feedback):
#: the functions whose code they hold, other than stubs.
READ_HELPERS = """
import ast
import importlib

def L2(yhat, y):
    real = []
    for name in ("dnn_app_utils_v3", "dnn_app_utils_v2", "dnn_utils", "dnn_utils_v2",
                 "planar_utils"):
        with open(importlib.import_module(name).__file__) as f:
            tree = ast.parse(f.read())
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and "_agserve" not in ast.unparse(node):
                real.append(name + "." + node.name)
    raise RuntimeError("OBS real=" + " ".join(sorted(real)) + " ;")
"""

#: An honest L1 that computes in a thread: the sandbox forbids new processes, not threads.
THREAD_L1 = """
import threading


def L1(yhat, y):
    out = []
    worker = threading.Thread(target=lambda: out.append(float(np.sum(np.abs(y - yhat)))))
    worker.start()
    worker.join()
    return out[0]
"""

#: L1's reply names one array 20,000 times (the worker's encoder changed to send it once): a
#: grader decoding every reference apart would hold 20,000 copies (1 TB at the frame's limit).
REPEATED_ARRAY = """
import sys
_codec = sys.modules.get("_agcodec")
if _codec is not None:
    def _once(self, arr):
        ids = self.__dict__.setdefault("_ids", {})
        if id(arr) not in ids:
            self.arrays.append(np.array(arr, copy=True))
            ids[id(arr)] = len(self.arrays) - 1
        return ids[id(arr)]

    _codec.Encoder._array = _once
_BIG = np.zeros(1000)


def L1(yhat, y):
    return [_BIG] * 20_000
"""

#: L1's reply holds 400,000 values (the worker's encoder changed to send them, where it sends
#: one marker): ``[[0.5]] * 1_000_000`` from every function took the grader 288 s.
LONG_LIST = """
import sys
_codec = sys.modules.get("_agcodec")
if _codec is not None:
    def _all_of_it(self, value):
        self._left = 10**9
        return self._encode(value, 0)

    _codec.Encoder.encode = _all_of_it


def L1(yhat, y):
    return [[0.5]] * 200_000
"""

#: L1's reply holds an integer no float holds (the worker's encoder changed to send it): the
#: grader's checks overflowed, and the check ended "not gradable" instead of failing.
HUGE_INT = """
import sys


class _Huge:
    pass


_codec = sys.modules.get("_agcodec")
if _codec is not None:
    _encode = _codec.Encoder.encode

    def _forge(self, value, _encode=_encode):
        return 10 ** 400 if type(value) is _Huge else _encode(self, value)

    _codec.Encoder.encode = _forge


def L1(yhat, y):
    return _Huge()
"""


#: Ways around a guard inside the student's process (red team, round 4: 45/55 of the deep
#: unit with stub functions): the guard's ``__wrapped__``, the guard's flag reset, the helper
#: module's file run again. The sandbox holds no ready-made graded function: the grader
#: serves them and refuses the one it grades.
HELPER_BYPASS = """
import sys
import dnn_app_utils_v3 as _u


def linear_forward(A, W, b):
    return getattr(_u.linear_forward, "__wrap" + "ped__")(A, W, b)


def compute_cost(AL, Y):
    sys.modules["_agcodeload"]._graded[0] = None
    return _u.compute_cost(AL, Y)


def _fresh(name):
    ns = {}
    with open(_u.__file__) as f:
        exec(f.read(), ns)
    return ns[name]


def L_model_backward(AL, Y, caches):
    return _fresh("L_model_backward")(AL, Y, caches)


def linear_backward(dZ, cache):  # through another helper, which calls linear_backward
    return _u.linear_activation_backward(dZ, (cache, np.ones_like(dZ)), "relu")


def initialize_parameters(n_x, n_h, n_y):  # a helper of another name, rescaled (round 6)
    p = _u.initialize_parameters_deep([n_x, n_h, n_y])
    return {k: v * np.sqrt([n_x, n_h][int(k[1]) - 1]) * 0.01 if k[0] == "W" else v
            for k, v in p.items()}
"""
#: The deep unit's checks of the functions HELPER_BYPASS takes from the helpers.
BYPASSED = {
    "initialize_parameters": ("structure", "values", "symmetry", "scale"),
    "linear_forward": ("structure", "values", "hidden"),
    "compute_cost": ("returns_number", "values", "hidden"),
    "L_model_backward": ("structure", "values", "gradcheck_2_layers", "gradcheck_deep", "hidden"),
    "linear_backward": ("structure", "values", "gradcheck", "hidden"),
}
#: Helpers of other names that compute a graded function (red team, rounds 5 and 6): a graded
#: function may call only the helpers of its own building blocks (``Unit.may_call``).
HELPER_ALIKE = """
import dnn_utils
import planar_utils


def basic_sigmoid(x):
    return float(planar_utils.sigmoid(x))


def sigmoid_derivative(x):
    return dnn_utils.sigmoid_backward(np.ones_like(np.asarray(x, dtype=float)), x)
"""
#: The same in the planar unit.
HELPER_ALIKE_PLANAR = """
import dnn_utils


def relu(z):
    z = np.asarray(z, dtype=float)
    return dnn_utils.relu_backward(z, z)


def relu_derivative(z):
    z = np.asarray(z, dtype=float)
    return dnn_utils.relu_backward(np.ones_like(z), z)
"""


def _printing_model() -> str:
    """The reference's ``model``, calling the application's ``predict`` (its block ``predict``'s
    helper, which prints the accuracy) 1000 times: the grader's stand-ins' child wrote those
    lines (14 KB, past its inherited stdout's buffer) to the grader's own stdout (red team,
    round 6). They are the student's output."""
    ref = (ROOT / "solutions" / "logistic_regression.py").read_text()
    start = ref.index("def model(")
    model = ref[start : ref.index("    ### END SOLUTION", start)]
    loop = (
        "    for _ in range(1000):\n"
        "        _u.predict(np.ones((1, 1)), np.ones((1, 1)), {'W1': np.ones((1, 1)), "
        "'b1': np.zeros((1, 1))})\n"
    )
    return "import dnn_app_utils_v3 as _u\n\n\n" + model.replace(
        "    ### BEGIN SOLUTION\n", "    ### BEGIN SOLUTION\n" + loop
    )


def _detect_proxy(by_identity: bool) -> str:
    """A ``nn_model`` that fails only when it sees a probe, else avoids its blocks."""
    ref = (ROOT / "solutions" / "shallow_network.py").read_text()
    body = ref[ref.index("    ### BEGIN SOLUTION\n", ref.index("def nn_model(")) :]
    body = body[: body.index("    ### END SOLUTION")].replace("    ### BEGIN SOLUTION\n", "")
    for name in BLOCKS:
        body = body.replace(f"{name}(", f"_AT_LOAD[{name!r}](")
    check = "        if f is not f0:\n            return True\n" if by_identity else ""
    names = "{" + ", ".join(f"{n!r}: {n}" for n in BLOCKS) + "}"
    return (
        f"_AT_LOAD = {names}\n\n"
        "def _text(f):\n"
        "    c = f.__code__\n"
        "    return ' '.join(map(str, (c.co_filename, c.co_name, c.co_qualname, c.co_names,\n"
        "        c.co_varnames, c.co_freevars, c.co_cellvars, c.co_consts, f.__module__,\n"
        "        f.__qualname__, f.__name__, f.__doc__, f.__defaults__, f.__kwdefaults__)))\n\n"
        "def _probed():\n"
        f"    now = {names}\n"
        "    for n, f0 in _AT_LOAD.items():\n"
        "        f = now[n]\n"
        f"{check}"
        "        c, c0 = f.__code__, f0.__code__\n"
        "        for w in ('grader', 'probe', 'patch', 'proxy', 'stand', '<'):\n"
        "            if w in _text(f).lower() and w not in _text(f0).lower():\n"
        "                return True\n"
        "        if (c.co_filename, c.co_firstlineno, c.co_name, c.co_qualname) != (\n"
        "            c0.co_filename, c0.co_firstlineno, c0.co_name, c0.co_qualname):\n"
        "            return True\n"
        "        if (f.__name__, f.__qualname__, f.__module__, f.__defaults__) != (\n"
        "            f0.__name__, f0.__qualname__, f0.__module__, f0.__defaults__):\n"
        "            return True\n"
        "        if c.co_varnames[: c.co_argcount] != c0.co_varnames[: c0.co_argcount]:\n"
        "            return True\n"
        "    return False\n\n"
        "def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):\n"
        "    if _probed():\n"
        "        raise RuntimeError('probed')\n" + body
    )


BLOCKS = (
    "initialize_parameters",
    "forward_propagation",
    "backward_propagation",
    "update_parameters",
)
#: A composite that looks at its blocks' code objects (``.__code__``) also loses the checks
#: that read sources: the grader cannot tell which code such a submission runs.
PROBE = {"nn_model.uses_blocks": "does not call"}


def corpus(t: Target) -> list[Hostile]:
    """The hostile submissions aimed at ``t``, in grading order (honest ones around them)."""
    values = {
        "SECRET": t.secret,
        "SECRET_FILES": list(t.secret_files),
        "KIT_FILES": tuple(t.kit_files),
        "PYCACHE_DIRS": list(t.pycache_dirs),
        "VICTIM": t.victim,
        "GRADER_CWD": t.grader_cwd,
        "TCP_PORT": t.tcp_port,
        "UNIX_NAME": t.unix_name,
        "LINGER": LINGER,
        "FORGED": json.dumps({"id": "forged", "score": 42.0, "FORGED": True}) + "\n",
    }

    def code(text: str) -> str:
        return _code(text, **values)

    return [
        Hostile("honest-first", "numpy_basics", ""),
        Hostile("proc-walk", "numpy_basics", code(PROC_WALK), _all("L2", "OBS"), observe=True),
        Hostile("kill-everything", "numpy_basics", code(KILL_EVERYTHING), _all("L1", "")),
        Hostile("reopen-stdout", "numpy_basics", code(REOPEN_STDOUT)),
        Hostile("import-reference", "numpy_basics", code(IMPORT_REFERENCE), {"*": ""}, True),
        Hostile("bytecode-cache", "numpy_basics", code(BYTECODE)),
        Hostile("leave-processes", "numpy_basics", code(LEAVE_PROCESSES)),
        Hostile(
            "fork-bomb",
            "numpy_basics",
            code(FORK_BOMB),
            _all("L1", ""),
            limits={"call_timeout": 2.0},
        ),
        Hostile("nproc", "numpy_basics", code(NPROC), _all("L2", "OBS"), observe=True),
        Hostile("network", "numpy_basics", code(NETWORK), _all("L2", "OBS"), observe=True),
        Hostile("read-dirs", "numpy_basics", code(READ_DIRS), _all("L2", "OBS"), observe=True),
        Hostile("victim-write", "numpy_basics", code(VICTIM_WRITE)),
        Hostile(
            "wrap-handler",
            "numpy_basics",
            code(WRAP_HANDLER),
            {"normalize_rows.no_mutation": "changed its argument x in place"},
        ),
        Hostile("thread-honest", "numpy_basics", code(THREAD_L1)),
        Hostile(
            "memory-files", "numpy_basics", code(MEMORY_FILES), _all("L2", "OBS"), observe=True
        ),
        Hostile(
            "read-helpers", "numpy_basics", code(READ_HELPERS), _all("L2", "OBS"), observe=True
        ),
        Hostile(
            "repeated-array", "numpy_basics", code(REPEATED_ARRAY), _codec_changed("bad array")
        ),
        Hostile("huge-int", "numpy_basics", code(HUGE_INT), _all("L1", "integer too large")),
        Hostile("long-list", "numpy_basics", code(LONG_LIST), _all("L1", "100,000 values")),
        Hostile("quiet-sigmoid-honest", "numpy_basics", code(HONEST_QUIET_SIGMOID)),
        Hostile("quiet-sigmoid-forged", "numpy_basics", code(FORGED_QUIET_SIGMOID)),
        Hostile("served-prints", "logistic_regression", _printing_model()),
        Hostile("detect-proxy", "shallow_network", _detect_proxy(False), PROBE),
        Hostile("detect-proxy-identity", "shallow_network", _detect_proxy(True), PROBE),
        Hostile(
            "helper-bypass",
            "deep_network",
            HELPER_BYPASS,
            {f"{f}.{c}": "ready-made" for f, checks in BYPASSED.items() for c in checks},
        ),
        Hostile(
            "helper-alike",
            "numpy_basics",
            HELPER_ALIKE,
            {
                **{f"basic_sigmoid.{c}": "ready-made" for c in ("returns_float", "values")},
                **{f"sigmoid_derivative.{c}": "ready-made" for c in ("shape", "gradcheck")},
            },
        ),
        Hostile(
            "helper-alike-planar",
            "shallow_network",
            HELPER_ALIKE_PLANAR,
            {
                **{f"relu.{c}": "ready-made" for c in ("shape", "values", "no_mutation")},
                **{f"relu_derivative.{c}": "ready-made" for c in ("shape", "gradcheck", "at_zero")},
            },
        ),
        Hostile("victim", "numpy_basics", ""),
    ]
