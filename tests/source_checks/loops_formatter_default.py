# red team 16: a parameter whose default is a def, handed to numpy's printer (m calls)
import math

_STATE = {}


def _one(i):
    """ONE example per call, in Python floats (state in a module dict)."""
    s = _STATE
    i = int(i)
    x = s["X"][:, i]
    z = float(np.dot(s["w"][:, 0], x)) + float(s["b"])
    a = 1.0 / (1.0 + math.exp(-z))
    y = float(s["Y"][0, i])
    s["cost"] = s["cost"] - (y * math.log(a) + (1.0 - y) * math.log(1.0 - a))
    s["dw"] = s["dw"] + x.reshape(-1, 1) * (a - y)
    s["db"] = s["db"] + (a - y)
    return "0"


def propagate_vectorized(w, b, X, Y, _f=_one):
    m = X.shape[1]
    _STATE.update(w=w, b=b, X=X, Y=Y, cost=0.0, dw=np.zeros(w.shape), db=0.0)
    # a parameter whose default is a def is not "code" when handed: the printer calls it m times
    np.array2string(np.arange(m, dtype=np.float64), formatter={"float_kind": _f}, threshold=m + 1)
    s = _STATE
    return {"dw": s["dw"] / m, "db": float(s["db"] / m)}, float(s["cost"] / m)
