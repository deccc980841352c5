"""Expected values for visible checks, stored as data next to the checks.

Students get the kit without ``solutions/``; their visible checks still need expected outputs.
Each unit's visible expected values live in ``autograder/expected/<unit>.json``, written by
``python -m autograder.freeze`` from the reference. A test fails if the stored values drift
from what the reference computes now.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

EXPECTED_DIR = Path(__file__).with_name("expected")


def encode(value: Any) -> Any:
    """Encode plain data as JSON-able data (floats keep all their digits)."""
    if isinstance(value, np.ndarray):
        return {"__array__": value.tolist(), "dtype": str(value.dtype), "shape": list(value.shape)}
    if isinstance(value, np.generic):
        return {"__scalar__": value.item(), "dtype": str(value.dtype)}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"__dict__": {str(k): encode(v) for k, v in value.items()}}
    if isinstance(value, float) and not np.isfinite(value):
        return {"__float__": repr(value)}
    return value


def decode(data: Any) -> Any:
    """Invert :func:`encode`."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if isinstance(data, dict):
        if "__array__" in data:
            arr = np.array(data["__array__"], dtype=data["dtype"])
            return arr.reshape(data["shape"])
        if "__scalar__" in data:
            return np.dtype(data["dtype"]).type(data["__scalar__"])
        if "__tuple__" in data:
            return tuple(decode(v) for v in data["__tuple__"])
        if "__dict__" in data:
            return {k: decode(v) for k, v in data["__dict__"].items()}
        if "__float__" in data:
            return float(data["__float__"])
    return data


def load(unit: str) -> dict[str, Any]:
    """Return the stored expected values of a unit (empty if none are stored)."""
    path = EXPECTED_DIR / f"{unit}.json"
    if not path.exists():
        return {}
    return {k: decode(v) for k, v in json.loads(path.read_text()).items()}


def dumps(values: dict[str, Any]) -> str:
    """Serialize expected values deterministically."""
    return json.dumps({k: encode(values[k]) for k in sorted(values)}, indent=1) + "\n"
