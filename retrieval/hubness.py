"""Hub units: passages near almost any query, kept in the index directory.

In a multilingual embedding space some passages are close to most queries of a language ("hubs"): a
long EU AI Act recital on AI in general comes up for every Chinese question about the EU. Cross-lingual
retrieval (CSLS, Conneau et al. 2018) scores a candidate less its mean similarity to its nearest
neighbours. Here that neighbourhood is the query language's units (a sample of them): a unit's hub score
for Chinese queries is its mean cosine to its ``k`` nearest Chinese units.

The scores are computed after an ingest (``RetrievalIndex.prepare_hubness``) and saved with the manifest
versions they were computed for. A search never computes them: with none stored, or for a unit added
since, it does not adjust.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import get_args

import numpy as np
from numpy.typing import NDArray

from retrieval.npz import load_keyed, save_keyed
from retrieval.protocols import FloatMatrix
from retrieval.units import Language

LANGUAGES: tuple[Language, ...] = get_args(Language)

_BLOCK = 4096  # units scored at a time: 4096 × 2000 cosines is 32 MB
_Scores = tuple[NDArray[np.int64], NDArray[np.float32], float]  # sorted rows, their hub scores, the median


class Hubness:
    def __init__(self, path: Path, embedder_key: str) -> None:
        self._path = path
        self._key = embedder_key
        self._lock = threading.Lock()
        # (unit language, query language) → (sorted rows, hub scores, median score)
        self._scores: dict[tuple[Language, Language], _Scores] = {}
        self.versions = ""
        self._load()

    def _load(self) -> None:
        data = load_keyed(self._path, self._key)
        if data is None:
            return
        try:
            scores: dict[tuple[Language, Language], _Scores] = {}
            for unit_lang in LANGUAGES:
                rows = data[f"rows_{unit_lang}"].astype(np.int64)
                for query_lang in LANGUAGES:
                    hub = data[f"hub_{unit_lang}_{query_lang}"].astype(np.float32)
                    scores[(unit_lang, query_lang)] = (rows, hub, float(np.median(hub)) if len(hub) else 0.0)
            self._scores, self.versions = scores, str(data["versions"])
        except KeyError:
            self._scores = {}  # written by another version: no adjustment, never an error

    def __len__(self) -> int:
        return sum(len(rows) for (unit_lang, query_lang), (rows, _, _) in self._scores.items()
                   if unit_lang == query_lang)

    def adjust(self, hits: list[tuple[int, float]], unit_lang: Language, query_lang: Language,
               weight: float) -> list[tuple[int, float]]:
        """HITS (row, cosine; best first) in the order of cosine less WEIGHT × (hub score − the median hub
        score). Each place keeps the cosine it had: the fusion compares languages by their cosines, and
        this correction only says which unit of the list deserves which place."""
        stored = self._scores.get((unit_lang, query_lang))
        if not hits or stored is None or weight == 0:
            return hits
        rows, hub, median = stored
        wanted = np.fromiter((r for r, _ in hits), dtype=np.int64, count=len(hits))
        pos = np.minimum(np.searchsorted(rows, wanted), max(len(rows) - 1, 0))
        found = (rows[pos] == wanted) if len(rows) else np.zeros(len(hits), dtype=bool)
        excess = np.where(found, hub[pos] - median, 0.0)
        adjusted = np.array([s for _, s in hits]) - weight * excess
        order = np.argsort(-adjusted, kind="stable")
        return [(hits[i][0], hits[place][1]) for place, i in enumerate(order)]

    def prepare(self, vectors: Mapping[Language, tuple[list[int], FloatMatrix]], versions: str, k: int,
                sample: int) -> bool:
        """Compute every unit's hub scores from VECTORS (per language: rows and their vectors) and save them,
        unless those of VERSIONS are stored already; whether it computed."""
        if versions == self.versions and self._scores:
            return False
        normed = {lang: _normalised(matrix) for lang, (_, matrix) in vectors.items()}
        rng = np.random.default_rng(0)
        samples = {lang: m[rng.permutation(len(m))[:sample]] if len(m) > sample else m for lang, m in normed.items()}
        arrays: dict[str, NDArray[np.generic]] = {}
        scores: dict[tuple[Language, Language], _Scores] = {}
        for unit_lang in LANGUAGES:
            rows = np.asarray(vectors[unit_lang][0] if unit_lang in vectors else [], dtype=np.int64)
            order = np.argsort(rows)
            rows = rows[order]
            units = normed[unit_lang][order] if unit_lang in normed else np.zeros((0, 1), np.float32)
            arrays[f"rows_{unit_lang}"] = rows
            for query_lang in LANGUAGES:
                neighbours = samples.get(query_lang)
                hub = _hub_scores(units, neighbours, k, same=unit_lang == query_lang)
                arrays[f"hub_{unit_lang}_{query_lang}"] = hub
                scores[(unit_lang, query_lang)] = (rows, hub, float(np.median(hub)) if len(hub) else 0.0)
        save_keyed(self._path, self._key, {"versions": np.asarray(versions), **arrays})
        with self._lock:
            self._scores, self.versions = scores, versions
        return True


def _normalised(matrix: FloatMatrix) -> FloatMatrix:
    m: FloatMatrix = np.asarray(matrix, dtype=np.float32)
    if m.size == 0:
        return m
    out: FloatMatrix = (m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)).astype(np.float32)
    return out


def _hub_scores(units: FloatMatrix, neighbours: FloatMatrix | None, k: int, same: bool) -> NDArray[np.float32]:
    """Each unit's mean cosine to its K nearest NEIGHBOURS; SAME: the neighbours include the units
    themselves, whose cosine of 1 to themselves is left out by taking one more and dropping the best."""
    if neighbours is None or len(neighbours) == 0 or len(units) == 0:
        return np.zeros(len(units), dtype=np.float32)
    take = min(k + (1 if same else 0), len(neighbours))
    out = np.empty(len(units), dtype=np.float32)
    for start in range(0, len(units), _BLOCK):
        sims = units[start:start + _BLOCK] @ neighbours.T
        top = -np.partition(-sims, take - 1, axis=1)[:, :take]
        if same and take > 1:
            top = np.sort(top, axis=1)[:, :-1]  # the unit itself, when sampled, is its own best neighbour
        out[start:start + _BLOCK] = top.mean(axis=1)
    return out
