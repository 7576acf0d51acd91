"""Query vectors of glossary terms, kept in the index directory.

The other language's query vector is moved towards the vectors of the query's glossary translations
(``dense_expansion="terms"``). Embedding a term costs a model pass (~20 ms), which would land on the first
query that uses it; ``RetrievalIndex.prepare_terms`` embeds the whole glossary once after an ingest and
saves it here, so searches find every term ready. A term missing anyway (a glossary changed since) is
embedded at its first query and kept for the process.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

from retrieval.npz import load_keyed, save_keyed
from retrieval.protocols import Embedder, FloatMatrix

_BATCH = 256


class TermVectors:
    def __init__(self, path: Path, embedder_key: str) -> None:
        self._path = path
        self._key = embedder_key
        self._lock = threading.Lock()
        self._vectors: dict[str, FloatMatrix] = {}
        self._load()

    def _load(self) -> None:
        data = load_keyed(self._path, self._key)
        if data is not None and "terms" in data and "vectors" in data:
            self._vectors = dict(zip(data["terms"].tolist(), data["vectors"].astype(np.float32), strict=True))

    def __len__(self) -> int:
        return len(self._vectors)

    def vectors(self, terms: Iterable[str], embedder: Embedder) -> Mapping[str, FloatMatrix]:
        """The terms' vectors, embedding (in one batch) and keeping those not known yet."""
        wanted = list(dict.fromkeys(terms))
        missing = [t for t in wanted if t not in self._vectors]
        if missing:
            found = embedder.embed_queries(missing)
            with self._lock:
                self._vectors.update(zip(missing, found, strict=True))
        return {t: self._vectors[t] for t in wanted}

    def prepare(self, terms: Iterable[str], embedder: Embedder) -> int:
        """Embed the terms not stored yet and save the file; the number embedded."""
        missing = sorted({t for t in terms if t not in self._vectors})
        for start in range(0, len(missing), _BATCH):
            chunk = missing[start : start + _BATCH]
            found = embedder.embed_queries(chunk)
            with self._lock:
                self._vectors.update(zip(chunk, found, strict=True))
        if missing or not self._path.is_file():
            self._save()
        return len(missing)

    def _save(self) -> None:
        with self._lock:
            terms = list(self._vectors)
            matrix = np.stack([self._vectors[t] for t in terms]) if terms else np.zeros((0, 0), np.float32)
        save_keyed(self._path, self._key, {"terms": np.asarray(terms, dtype=str), "vectors": matrix})
