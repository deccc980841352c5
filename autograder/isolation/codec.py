"""The wire format between the grader and the worker: JSON plus raw array bytes.

A frame is ``8-byte big-endian length | 4-byte JSON length | JSON | array bytes``. The JSON
holds numbers, strings, lists and small tagged objects; every numeric array travels as its
raw bytes, described in the JSON (``"array_specs": [[dtype, shape, fortran], ...]``, the
dtype a plain numeric one such as ``"<f8"``) and read back with :func:`numpy.frombuffer`.
Nothing is ever unpickled, and a value that is not plain data (see :mod:`autograder.plain`)
is sent as a *foreign* marker naming its type.

This module runs on both sides of the seam, so it imports only the standard library and
numpy (the worker cannot import :mod:`autograder`). Tags:

* ``{"t": [...]}`` tuple, ``{"d": [[k, v], ...]}`` dict (int or str keys)
* ``{"a": i}`` ndarray number ``i``, ``{"s": i}`` numpy scalar (a 0-d array)
* ``{"c": [re, im]}`` complex, ``{"f": type name, "a": i or null}`` foreign value
* ``{"l": name}`` lesson function passed by name (grader to worker only)
* ``{"m": i}`` "still argument array ``i``" (executor to supervisor only: the supervisor
  replaces it by what it reads from the shared memory the array lives in)
"""

from __future__ import annotations

import json
import math
import os
import re
import select
import signal
import socket
import struct
import time
from typing import Any

import numpy as np

#: Largest frame either side accepts (bytes).
MAX_FRAME = 64 * 1024 * 1024
#: Characters kept of any string crossing the seam.
MAX_STRING = 100_000
MAX_DEPTH = 8
NUMERIC_KINDS = "biufc"
_SCALARS = (bool, int, float, str, type(None))
#: The dtypes an array may travel as: byte order, a numeric kind, the item size.
_DTYPE = re.compile(r"[<>|=][biufc][0-9]{1,2}")
MAX_NDIM = 32
#: Largest size of one dimension of an array crossing the seam: the course's largest is 12,288
#: (a flattened image); the grader's analyses of an array (its distinct rows, its pairs of
#: rows) must never meet a (0, 2**40) array, which is legal numpy and holds no data.
MAX_DIM = 2**20
#: Largest integer crossing the seam (the encoder marks larger ones foreign).
MAX_INT = 2**1023
#: Values (containers, numbers, strings, arrays) one encoded value holds at most; a larger
#: one travels as one foreign marker. The twin of :data:`autograder.plain.MAX_NODES` (the
#: worker imports no autograder). A student's honest result holds a few thousand at most;
#: ``[[0.5]] * 1_000_000`` (two million) cost the grader minutes of ``numpy.asarray``.
MAX_NODES = 100_000
#: The marker of a value over :data:`MAX_NODES` (as :func:`autograder.plain.to_plain` names it).
TOO_LARGE = "{} of over " + f"{MAX_NODES:,} values"


class FrameError(Exception):
    """A frame could not be decoded (truncated, oversized, or malformed)."""


class _TooLargeError(Exception):
    """An encoded value passed :data:`MAX_NODES`."""


def _qualified(t: type) -> str:
    module = getattr(t, "__module__", "") or ""
    if module.startswith("numpy"):
        module = "numpy"
    name = getattr(t, "__qualname__", "?")
    return f"{module}.{name}" if module and module != "builtins" else name


class Encoder:
    """Turn a value into JSON-able data plus a list of arrays.

    Anything that is not plain data becomes a foreign marker; this is the worker-side twin
    of :func:`autograder.plain.to_plain`, applied *before* anything leaves the worker.

    Args:
        lesson_type: the class of lesson functions, encoded by name (grader side only).
        shared: ``{id(array): i}`` of arrays that live in shared memory: they are encoded as
            ``{"m": i}`` (a reference), not by value (executor side only).
    """

    def __init__(
        self, lesson_type: type | None = None, shared: dict[int, int] | None = None
    ) -> None:
        self.arrays: list[np.ndarray] = []
        self._lesson_type = lesson_type
        self._shared = shared or {}

    def _array(self, arr: np.ndarray) -> int:
        self.arrays.append(np.array(arr, copy=True))
        return len(self.arrays) - 1

    def encode(self, value: Any) -> Any:
        """Return the JSON form of ``value`` (arrays are collected in :attr:`arrays`).

        A value holding more than :data:`MAX_NODES` values becomes one foreign marker.
        """
        start, self._left = len(self.arrays), MAX_NODES
        try:
            return self._encode(value, 0)
        except _TooLargeError:
            del self.arrays[start:]
            return {"f": TOO_LARGE.format(type(value).__name__)}

    def _encode(self, value: Any, depth: int) -> Any:
        self._left -= 1
        t = type(value)
        base = _container(t)
        if self._left < 0 or (base is not None and base.__len__(value) > self._left):
            raise _TooLargeError
        if t in _SCALARS:
            if t is str and len(value) > MAX_STRING:
                return value[:MAX_STRING] + "..."
            if t is int and abs(value) > MAX_INT:
                return {"f": "int too large to send"}
            return value
        if t is complex:
            return {"c": [value.real, value.imag]}
        if isinstance(value, np.ndarray) and any(d > MAX_DIM for d in value.shape):
            return {"f": f"{_qualified(t)} of shape {value.shape} (a dimension over {MAX_DIM:,})"}
        if t is np.ndarray:
            if id(value) in self._shared:
                return {"m": self._shared[id(value)]}
            if value.dtype.kind in NUMERIC_KINDS:
                return {"a": self._array(value)}
            return {"f": f"numpy.ndarray of dtype {value.dtype}"}
        if isinstance(value, np.generic) and t.__module__ == "numpy":
            if value.dtype.kind in NUMERIC_KINDS:
                return {"s": self._array(np.asarray(value))}
            return {"f": f"numpy scalar of dtype {value.dtype}"}
        if isinstance(value, np.ndarray):
            try:
                data = np.array(np.asarray(value), dtype=np.float64, copy=True)
                index: int | None = self._array(data)
            except Exception:  # noqa: BLE001 - a hostile subclass may raise anything
                index = None
            return {"f": _qualified(t), "a": index}
        if self._lesson_type is not None and t is self._lesson_type:
            return {"l": value.name}
        if depth >= MAX_DEPTH:
            return {"f": "too deeply nested container"}
        if base is tuple:
            return {"t": [self._encode(v, depth + 1) for v in tuple.__iter__(value)]}
        if base is list:
            return [self._encode(v, depth + 1) for v in list.__iter__(value)]
        if base is dict:
            items = []
            for k, v in dict.items(value):
                if type(k) in (str, int):
                    items.append([k, self._encode(v, depth + 1)])
                elif _is_tuple_key(k):  # grads["db", str(l)]: a plain mistake, shown as it is
                    items.append([{"t": list(k)}, self._encode(v, depth + 1)])
                else:
                    return {"f": "dict with non-string keys"}
            return {"d": items}
        return {"f": _qualified(t)}


def _container(t: type) -> type | None:
    """The container type ``t`` is read as: tuple, list, dict, or None.

    Subclasses (a namedtuple, an OrderedDict, a defaultdict) are read through the base type's
    own methods. The twin of :func:`autograder.plain.container` (the worker imports no autograder).
    """
    for base in (tuple, list, dict):
        if issubclass(t, base):
            return base
    return None


def _is_tuple_key(key: Any) -> bool:
    """A dict key that is a short tuple of strings and ints (as :mod:`autograder.plain`)."""
    return type(key) is tuple and len(key) <= 8 and all(type(e) in (str, int) for e in key)


def decode(
    data: Any,
    arrays: list[np.ndarray],
    make_foreign: Any,
    make_lesson: Any = None,
    *,
    copy: bool = True,
) -> Any:
    """Rebuild plain data from its JSON form.

    Args:
        data: the JSON form.
        arrays: the arrays of the frame.
        make_foreign: ``(type_name, array or None) -> marker`` for foreign values.
        make_lesson: ``name -> callable`` for lesson functions (worker side), or None.
        copy: copy each array (False: hand out ``arrays`` themselves, e.g. views of shared
            memory, each at most once).

    Returns:
        Plain data.

    Raises:
        FrameError: if the data is malformed.
    """
    used: set[int] = set()
    left = [MAX_NODES]

    def arr(i: Any) -> np.ndarray:
        # each array once: a frame that names one array a million times would be decoded
        # into a million copies (the honest encoder never repeats a reference)
        if type(i) is not int or not 0 <= i < len(arrays) or i in used:
            raise FrameError(f"bad array reference {i!r}")
        used.add(i)
        return arrays[i]

    def walk(x: Any, depth: int) -> Any:
        if depth > MAX_DEPTH + 2:
            raise FrameError("nesting too deep")
        left[0] -= 1
        if left[0] < 0:  # the encoder sends a larger value as one marker
            raise FrameError(f"more than {MAX_NODES:,} values")
        t = type(x)
        if t is int and abs(x) > MAX_INT:  # forged: the encoder marks such integers
            raise FrameError("integer too large")
        if t in _SCALARS:
            return x
        if t is list:
            return [walk(v, depth + 1) for v in x]
        if t is not dict or len(x) not in (1, 2):
            raise FrameError(f"unexpected {t.__name__}")
        if "t" in x:
            return tuple(walk(v, depth + 1) for v in x["t"])
        if "d" in x:
            out = {}
            for k, v in x["d"]:
                if type(k) is dict and list(k) == ["t"] and type(k["t"]) is list:
                    k = tuple(k["t"])
                if not (type(k) in (str, int) or _is_tuple_key(k)):
                    raise FrameError("bad dict key")
                out[k] = walk(v, depth + 1)
            return out
        if "a" in x and "f" not in x:
            return np.array(arr(x["a"]), copy=True) if copy else arr(x["a"])
        if "s" in x:
            return arr(x["s"])[()]
        if "c" in x:
            re, im = x["c"]
            return complex(float(re), float(im))
        if "f" in x:
            i = x.get("a")
            return make_foreign(str(x["f"])[:200], None if i is None else arr(i))
        if "l" in x and make_lesson is not None:
            return make_lesson(str(x["l"]))
        raise FrameError(f"unknown tag {sorted(x)}")

    try:
        return walk(data, 0)
    except (TypeError, ValueError, KeyError, IndexError, OverflowError) as exc:
        # the student's process wrote it: any malformed record is the frame's fault
        raise FrameError(f"malformed data ({type(exc).__name__}: {str(exc)[:100]})") from None


def pack(message: dict[str, Any], arrays: list[np.ndarray]) -> bytes:
    """Serialize a message (JSON-able dict) and its numeric arrays into one frame.

    Raises:
        ValueError: for an array that is not numeric (it cannot travel).
    """
    specs, blobs = [], []
    for a in arrays:
        a = np.asarray(a)
        if a.dtype.kind not in NUMERIC_KINDS or a.dtype.fields is not None:
            raise ValueError(f"cannot send an array of dtype {a.dtype}")
        fortran = bool(a.flags.f_contiguous and not a.flags.c_contiguous)
        specs.append([a.dtype.str, list(a.shape), fortran])
        blobs.append(a.tobytes(order="F" if fortran else "C"))
    message = {**message, "n_arrays": len(arrays), "array_specs": specs}
    body = json.dumps(message, allow_nan=True, separators=(",", ":")).encode()
    payload = b"".join([struct.pack(">I", len(body)), body, *blobs])
    return struct.pack(">Q", len(payload)) + payload


def _array(payload: bytes, offset: int, spec: Any) -> tuple[np.ndarray, int]:
    """The array ``spec`` describes at ``offset``, and the offset after it."""
    if type(spec) is not list or len(spec) != 3:
        raise FrameError("bad array description")
    dt, shape, fortran = spec
    if type(dt) is not str or not _DTYPE.fullmatch(dt) or type(fortran) is not bool:
        raise FrameError("bad array description")
    dtype = np.dtype(dt)
    if type(shape) is not list or len(shape) > MAX_NDIM:
        raise FrameError("bad array shape")
    if any(type(k) is not int or not 0 <= k <= MAX_DIM for k in shape):
        raise FrameError("bad array shape")
    count = math.prod(shape)
    end = offset + count * dtype.itemsize
    if end > len(payload):
        raise FrameError("truncated array")
    flat = np.frombuffer(payload, dtype=dtype, count=count, offset=offset)
    return flat.reshape(shape, order="F" if fortran else "C").copy(order="K"), end


def unpack(payload: bytes) -> tuple[dict[str, Any], list[np.ndarray]]:
    """Read a frame payload (without its 8-byte length) back into a message and arrays.

    Raises:
        FrameError: on any malformed input.
    """
    try:
        (n,) = struct.unpack(">I", payload[:4])
        message = json.loads(payload[4 : 4 + n].decode())
        if type(message) is not dict:
            raise FrameError("message is not an object")
        specs = message.pop("array_specs", [])
        if type(specs) is not list or message.get("n_arrays", 0) != len(specs):
            raise FrameError("the arrays do not match their count")
        offset, arrays = 4 + n, []
        for spec in specs:
            a, offset = _array(payload, offset, spec)
            arrays.append(a)
        if offset != len(payload):
            raise FrameError("bytes left after the arrays")
        return message, arrays
    except FrameError:
        raise
    except Exception as exc:  # noqa: BLE001 - malformed frames can fail anywhere
        raise FrameError(f"{type(exc).__name__}: {exc}") from None


def finite_or_none(x: Any) -> float | None:
    """Return ``x`` as a float if it is a finite number, else None (for timings)."""
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def describe_end(returncode: int) -> str:
    """Describe how a process ended, for the student (``-11``: a segmentation fault).

    Args:
        returncode: ``Popen.returncode`` style: the exit status, or minus the signal number.
    """
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        if -returncode == signal.SIGKILL:
            return f"the process was killed ({name}), probably for using too much memory"
        what = {"SIGSEGV": "segmentation fault", "SIGABRT": "abort", "SIGBUS": "bus error"}
        return f"the process crashed ({name}, {what.get(name, 'fatal signal')})"
    if returncode == 137:
        return "the process was killed (SIGKILL), probably for using too much memory"
    return f"the process exited with status {returncode} (os._exit, exit() or a crash)"


def wait_status_code(status: int) -> int:
    """Turn an ``os.waitpid`` status into a ``Popen.returncode`` style code."""
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    return 255


class Channel:
    """Frames (see :func:`pack`) over a pair of descriptors, or one socket, with deadlines.

    Args:
        fd_in: descriptor to read frames from.
        fd_out: descriptor to write frames to.
        sock: the socket both descriptors belong to (needed to pass descriptors along).
    """

    def __init__(self, fd_in: int, fd_out: int, sock: socket.socket | None = None) -> None:
        self.fd_in = fd_in
        self.fd_out = fd_out
        self.sock = sock

    @classmethod
    def from_socket_fd(cls, fd: int) -> Channel:
        """A channel over a connected ``AF_UNIX`` stream socket's descriptor."""
        sock = socket.socket(fileno=fd)
        return cls(fd, fd, sock)

    def send(
        self,
        message: dict[str, Any],
        arrays: list[np.ndarray] | None = None,
        fds: list[int] | None = None,
    ) -> None:
        """Write one frame (a result too large to send becomes an error frame).

        Args:
            message: JSON-able message.
            arrays: its arrays.
            fds: descriptors to pass along after the frame (socket channels only).
        """
        data = pack(message, arrays or [])
        if len(data) > MAX_FRAME + 8:
            text = "the result is too large to send back to the grader"
            data = pack({"error": ["ResultTooLarge", text, ""]}, [])
        view = memoryview(data)
        while view:
            k = os.write(self.fd_out, view[: 1 << 20])
            view = view[k:]
        if fds:
            assert self.sock is not None
            socket.send_fds(self.sock, [b"F"], fds)

    def receive(self, deadline: float | None = None) -> tuple[dict[str, Any], list[np.ndarray]]:
        """Read one frame.

        Args:
            deadline: ``time.monotonic()`` value to give up at (None: wait).

        Raises:
            EOFError: the other side closed its end.
            TimeoutError: no complete frame by the deadline.
            FrameError: the frame is malformed or too large.
        """
        (n,) = struct.unpack(">Q", self._read(8, deadline))
        if n > MAX_FRAME:
            raise FrameError("frame too large")
        return unpack(self._read(n, deadline))

    def drain(self) -> None:
        """Throw away whatever is waiting to be read (frames nobody asked for)."""
        while select.select([self.fd_in], [], [], 0)[0]:
            try:
                if not os.read(self.fd_in, 1 << 16):
                    return
            except OSError:
                return

    def receive_fd(self) -> int:
        """Receive one descriptor passed with :meth:`send` (``fds``)."""
        assert self.sock is not None
        _, fds, _, _ = socket.recv_fds(self.sock, 1, 1)
        if len(fds) != 1:
            raise FrameError("expected a descriptor")
        return fds[0]

    def _read(self, n: int, deadline: float | None) -> bytes:
        chunks, left = [], n
        while left:
            if deadline is not None:
                wait = deadline - time.monotonic()
                if wait <= 0:
                    raise TimeoutError
                ready, _, _ = select.select([self.fd_in], [], [], wait)
                if not ready:
                    continue
            b = os.read(self.fd_in, min(left, 1 << 20))
            if not b:
                raise EOFError
            chunks.append(b)
            left -= len(b)
        return b"".join(chunks)
