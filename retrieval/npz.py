"""Arrays the index keeps beside its stores (term vectors, hub scores), tied to the model that made them."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from numpy.typing import NDArray


def load_keyed(path: Path, embedder_key: str) -> dict[str, NDArray[np.generic]] | None:
    """The file's arrays, or None when it is missing, damaged or made with another model's vectors (a cache
    miss, never an error)."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["embedder"]) != embedder_key:
                return None
            return {name: data[name] for name in data.files}
    except (OSError, KeyError, ValueError):
        return None


def save_keyed(path: Path, embedder_key: str, arrays: dict[str, NDArray[np.generic]]) -> None:
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, embedder=np.asarray(embedder_key), **arrays)  # type: ignore[arg-type]
    os.replace(tmp, path)  # atomic: readers see the old file or the new one
