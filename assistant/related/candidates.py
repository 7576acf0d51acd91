"""Candidates from the product's index for the overlap finder: BM25 per language, the nearest stored unit
vectors, glossary translations and adoption parallels.

The retrieval package has no public call yet for per-language BM25 lists, for the stored vectors or for
units by row; these adapters read its searcher, store and manifest directly, and fall back to ordinary
searches (`run_search`) on any failure, so a change there costs speed, never results.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.corpus.search import EXCLUDED_KINDS, SearchResult, run_search
from assistant.related.overlap import CROSS_K, OverlapFinder, Parallel, Searcher, Vectors
from assistant.related.text import is_latin

COPY_K = 10  # copies of one sentence: the NIST core, AI 100-1 and the playbook hold it three times at most


class _DenseMatrix:
    """All unit vectors of one language of the index in memory, so a few hundred draft vectors are scored in
    one matrix product instead of one vector-store query each (~7 ms apiece), through the index's bulk calls
    (unit_vectors, units_by_row); any failure (another embedder or dimension, a store without the vectors)
    makes `nearest` return None and the caller searches by text instead."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.rows: dict[str, npt.NDArray[np.int64]] = {}
        self.matrix: dict[str, Vectors] = {}
        self.starts: dict[str, npt.NDArray[np.int64]] = {}  # first vector of each unit in ``matrix``
        self.ready: dict[tuple[str, str], list[tuple[int, float]]] = {}  # (text, language) → (position, cosine)
        self.failed = False

    def _load(self, language: str) -> bool:
        if language in self.matrix:
            return True
        try:
            # pieces too: a long EU article is found by the paragraph a draft clause restates, which its
            # mean vector blurs
            ids, matrix = self.index.unit_vectors(language, pieces=True)
        except Exception:
            self.failed = True
            return False
        order = np.argsort(np.asarray(ids, dtype=np.int64), kind="stable")
        rows = np.asarray(ids, dtype=np.int64)[order]
        self.rows[language], self.starts[language] = np.unique(rows, return_index=True)
        self.matrix[language] = np.asarray(matrix, dtype=np.float32).reshape(len(ids), -1)[order]
        return True

    def _unit_sims(self, language: str, sims: Vectors) -> Vectors:
        """Per unit, the best of its vectors (own and pieces); vectors are grouped by unit in ``_load``."""
        return np.maximum.reduceat(sims, self.starts[language], axis=-1)

    def prepare(self, texts: Sequence[str], vectors: Vectors, k: int) -> None:
        """Every draft unit's nearest units in one matrix product per language (one product for 300 vectors
        costs what ~6 separate ones do)."""
        for language in ("zh", "en"):
            if self.failed or not self._load(language) or self.matrix[language].shape[0] == 0:
                continue
            matrix = self.matrix[language]
            if matrix.shape[1] != vectors.shape[-1]:
                self.failed = True
                return
            sims = self._unit_sims(language, vectors @ matrix.T)
            depth = min(k + 4, sims.shape[1])
            part = np.argpartition(-sims, depth - 1, axis=1)[:, :depth]
            for i, text in enumerate(texts):
                order = part[i][np.argsort(-sims[i, part[i]])]
                self.ready[(text, language)] = [(int(j), float(sims[i, j])) for j in order]

    def nearest(self, text: str, vector: Vectors, language: str, k: int) -> list[SearchResult] | None:
        if self.failed or not self._load(language):
            return None
        matrix = self.matrix[language]
        if matrix.shape[0] == 0:
            return []
        if matrix.shape[1] != vector.shape[-1]:
            self.failed = True
            return None
        ready = self.ready.get((text, language))
        if ready is None or len(ready) < min(k + 4, len(self.rows[language])):
            sims = self._unit_sims(language, matrix @ vector.reshape(-1))
            ready = [(int(j), float(sims[j])) for j in np.argsort(-sims)[: k + 4]]
        top = [j for j, _ in ready]
        score = dict(ready)
        rows = [int(self.rows[language][i]) for i in top]
        try:
            units = self.index.units_by_row(rows)
        except Exception:
            self.failed = True
            return None
        out: list[SearchResult] = []
        for i, row in zip(top, rows, strict=True):
            u = units.get(row)
            if u is None or u.kind in EXCLUDED_KINDS:
                continue
            out.append(_result(u, score[int(i)]))
        return out[:k]


class _Lexical:
    """Both languages' BM25 lists (with glossary expansion) from one retrieval pass: tokenising and expanding
    once instead of once per language halves the lexical cost (the index's lexical_rankings); None on any
    failure, and the caller runs one filtered search per language instead."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.failed = False
        self.last: tuple[str, int, dict[str, list[SearchResult]]] | None = None

    def per_language(self, text: str, k: int) -> dict[str, list[SearchResult]] | None:
        if self.failed:
            return None
        if self.last is not None and self.last[:2] == (text, k):
            return self.last[2]
        try:
            lists = self.index.lexical_rankings(text)
            out: dict[str, list[SearchResult]] = {}
            for language in ("zh", "en"):
                ranked = lists.get(language, [])[: k + 4]
                units = self.index.units_by_row([r for r, _ in ranked])
                found = [_result(units[r], s) for r, s in ranked if r in units]
                out[language] = [h for h in found if h.kind not in EXCLUDED_KINDS][:k]
        except Exception:
            self.failed = True
            return None
        self.last = (text, k, out)
        return out


def _result(u: Any, score: float) -> SearchResult:
    return SearchResult(rank=0, designation=u.designation, doc_id=u.doc_id, number=u.number, title=u.title,
                        kind=u.kind, text=u.text, score=float(score), citation=u.citation, location=u.location,
                        source_path=u.source_path)


class IndexSearcher:
    """BM25 over both languages (glossary expansion reaches the other one) plus the nearest units by meaning
    in each language, merged without duplicates. `prepare` scores all draft vectors at once."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.dense = _DenseMatrix(index)
        self.lexical = _Lexical(index)

    def prepare(self, texts: Sequence[str], vectors: Vectors, k: int) -> None:
        self.dense.prepare(texts, vectors, max(k, CROSS_K))

    def __call__(self, text: str, vector: Vectors | None, k: int) -> list[SearchResult]:
        found: list[SearchResult] = []
        seen: set[tuple[str, str, str]] = set()
        home = "en" if is_latin(text) else "zh"
        for language in ("zh", "en"):
            depth = k if language == home else max(k, CROSS_K)
            # per language: merged, the home language's BM25 scores would push the other one out
            bm25 = self.lexical.per_language(text, k)
            lists = [bm25[language] if bm25 is not None else
                     run_search(self.index, text, k=k, hints=False, mode="bm25", language=language)]
            dense = self.dense.nearest(text, vector, language, depth) if vector is not None else None
            lists.append(dense if dense is not None else
                         run_search(self.index, text, k=depth, hints=False, mode="dense", language=language))
            for h in (h for hits in lists for h in hits):
                if (h.source_path, h.number, h.text) not in seen:
                    seen.add((h.source_path, h.number, h.text))
                    found.append(h)
        return found


def index_searcher(index: Any) -> Searcher:
    return IndexSearcher(index)


def index_translator(index: Any) -> Callable[[str], list[str]]:
    """English names of the glossary terms in a Chinese text (and the reverse), from the index's glossary."""
    def translate(text: str) -> list[str]:
        try:
            out: list[str] = index.glossary.translations(text, "en" if is_latin(text) else "zh")
        except Exception:  # no glossary: the shortlist falls back to the first sentences
            return []
        return out

    return translate


def index_parallel(index: Any) -> Parallel:
    """Parallel units through the adoption statement of the hit's document (loaded once per file)."""
    from assistant.document.loader import load_document

    adopted: dict[str, str] = {}
    twins: dict[tuple[str, str], SearchResult | None] = {}

    def parallel(hit: SearchResult, text: str) -> SearchResult | None:
        if not hit.source_path or not hit.number:
            return None
        if hit.source_path not in adopted:
            try:
                meta = load_document(hit.source_path).meta
                adopted[hit.source_path] = meta.adoption.source if meta.adoption else ""
            except Exception:  # an unreadable source: no parallel
                adopted[hit.source_path] = ""
        source = adopted[hit.source_path]
        if not source:
            return None
        key = (source, hit.number)
        if key not in twins:
            twins[key] = None
            # BM25 inside the one adopted document (glossary-expanded) needs no query embedding; a dense
            # search is the fallback when the twin's wording shares too little
            for mode, depth in (("bm25", 60), ("dense", 10)):
                hits = run_search(index, hit.text, k=depth, docs=[source], mode=mode, hints=False)
                twins[key] = next((h for h in hits if h.number == hit.number), None)
                if twins[key] is not None:
                    break
        return twins[key]

    return parallel


def index_copies(index: Any) -> Callable[[str], list[SearchResult]]:
    """Units that may hold a sentence word for word: BM25 over the whole index (no embedding needed)."""
    seen: dict[str, list[SearchResult]] = {}

    def copies(sentence: str) -> list[SearchResult]:
        if sentence not in seen:  # one source sentence often matches several clauses of a draft
            try:
                seen[sentence] = run_search(index, sentence, k=COPY_K, mode="bm25", hints=False)
            except Exception:  # no lexical index: copies stay those among the candidates
                seen[sentence] = []
        return seen[sentence]

    return copies


def index_finder(index: Any) -> OverlapFinder:
    """The finder the CLI, the evaluation and the benchmark use: candidates, glossary, parallels and copies from
    the index."""
    return OverlapFinder(index_searcher(index), parallel=index_parallel(index), translate=index_translator(index),
                         copies=index_copies(index))
