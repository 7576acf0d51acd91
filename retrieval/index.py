"""``RetrievalIndex``: the package's facade — ingestion, the document list, and search.

Layout of an index directory::

    manifest.sqlite3     documents, units (payload + BM25 tokens), meta; the source of truth
    lexical/             BM25 per language, saved by manifest version (see lexical.py)
    chroma/              vectors, when the embedded Chroma store is used

Consistency rule: a unit is searchable only while the manifest has it active.  Replacing a document
stages the new rows, stores their vectors, then swaps old for new in one SQLite transaction; any
failure before the swap leaves the old version as it was.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from types import TracebackType
from typing import Literal

import numpy as np
from pydantic import BaseModel

from retrieval.config import FusionConfig, RetrievalConfig
from retrieval.embedders import build_embedder
from retrieval.errors import EmptyIndexError, IndexMismatchError, IngestError, RetrievalError
from retrieval.glossary import Glossary
from retrieval.hubness import Hubness
from retrieval.language import detect_language
from retrieval.lexical import LanguageLexicon, LexiconStore
from retrieval.manifest import DocumentInfo, Manifest, now_iso
from retrieval.protocols import Embedder, FloatMatrix, Reranker, VectorMeta, VectorStore
from retrieval.references import VERSION as REFERENCES_VERSION
from retrieval.references import unit_tokens as reference_tokens
from retrieval.rerankers import build_reranker
from retrieval.search import LANGUAGES, Mode, Rankings, Searcher
from retrieval.stores import build_store
from retrieval.term_vectors import TermVectors
from retrieval.texts import lexical_text, passage_key, passage_pieces
from retrieval.tokenizer import Tokenizer
from retrieval.units import Hit, Language, SearchFilters, Unit


class IngestResult(BaseModel):
    doc_id: str
    status: Literal["added", "replaced", "unchanged"]
    unit_count: int
    seconds: float


class RetrievalIndex:
    """Hybrid (BM25 + dense) index of units, persisted in ``config.index_dir``.

    ``user_words`` join jieba's dictionary (term names, title words); ``glossary`` holds zh↔en term
    pairs for cross-language query expansion.  ``embedder``, ``store`` and ``reranker`` override
    the providers that ``config`` would build (tests, benchmarks, or a caller that shares them).
    """

    def __init__(
        self,
        config: RetrievalConfig,
        *,
        user_words: Iterable[str] = (),
        glossary: Glossary | None = None,
        embedder: Embedder | None = None,
        store: VectorStore | None = None,
        reranker: Reranker | None = None,
    ) -> None:
        self.config = config
        config.index_dir.mkdir(parents=True, exist_ok=True)
        self._manifest = Manifest(config.index_dir / "manifest.sqlite3")
        try:
            self._embedder = embedder or build_embedder(config.embedder)
            self._tokenizer = Tokenizer(user_words, mode=config.lexical.jieba_mode)
            self._store = store or build_store(
                config.vector_store, index_dir=config.index_dir, index_id=self._manifest.index_id
            )
            self._check_embedder()
            self._check_passages()
            self._reranker = reranker if reranker is not None else build_reranker(config.reranker)
        except BaseException:
            self._manifest.close()
            raise
        self._glossary = glossary or Glossary()
        self._lexicon_store = LexiconStore(config.index_dir / "lexical")
        self._lexicons: dict[Language, tuple[int, LanguageLexicon]] = {}
        self._lock = threading.RLock()
        self._terms = TermVectors(
            config.index_dir / "term-vectors.npz", f"{self._embedder.fingerprint}|{self._embedder.dim}"
        )
        self._hubness = Hubness(
            config.index_dir / "hubness.npz", f"{self._embedder.fingerprint}|{self._embedder.dim}"
        )
        self._retokenize_if_needed()
        self._collect_garbage()
        self._searcher = Searcher(
            manifest=self._manifest,
            lexicons=self._fresh_lexicons,
            tokenizer=self._tokenizer,
            embedder=self._embedder,
            store=self._store,
            reranker=self._reranker,
            fusion=config.fusion,
            rerank_depth=config.reranker.depth,
            glossary=lambda: self._glossary,
            term_vectors=self._terms,
            hubness=self._hubness,
        )

    # -- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        self._store.close()
        self._manifest.close()

    def __enter__(self) -> RetrievalIndex:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def glossary(self) -> Glossary:
        return self._glossary

    @glossary.setter
    def glossary(self, value: Glossary) -> None:
        # Only queries use the glossary, so it can change at any time without re-indexing.
        self._glossary = value

    def prepare_terms(self) -> int:
        """Embed every glossary term not stored yet (both languages) and keep them in the index directory,
        so that no search pays for a term's first use; returns how many were embedded.  Call after an
        ingest or a glossary change (the assistant's ingest does)."""
        terms = [t for p in self._glossary.pairs for t in (p.zh, p.en)]
        return self._terms.prepare(terms, self._embedder)

    def prepare_hubness(self) -> bool:
        """Compute every unit's hub score (hubness.py) unless those of the current units are stored;
        whether it computed. Call after an ingest (the assistant's ingest does): searches never compute
        them, and until then they leave the order of units added since unchanged."""
        versions = ",".join(f"{lang}:{self._manifest.version(lang)}" for lang in LANGUAGES)
        if versions == self._hubness.versions and len(self._hubness):
            return False
        vectors = {lang: self.unit_vectors(lang) for lang in LANGUAGES if self.unit_count(lang)}
        fusion = self.config.fusion
        return self._hubness.prepare(vectors, versions, fusion.hub_k, fusion.hub_sample)

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    def _check_embedder(self) -> None:
        stored = self._manifest.get_meta("embedder")
        current = f"{self._embedder.fingerprint}|{self._embedder.dim}"
        if stored is not None and stored != current:
            if self._manifest.active_count() > 0:
                raise IndexMismatchError(
                    f"索引由另一嵌入模型构建（{stored}），当前配置为 {current}：请重建索引。",
                    f"The index was built with another embedder ({stored}); configured: {current}. "
                    "Rebuild it.",
                )
            # Empty index: start over, since Chroma collections keep the first vectors' dimension.
            self._store.drop()
        self._manifest.set_meta("embedder", current)

    @property
    def _token_key(self) -> str:
        # What the stored BM25 tokens depend on: the tokenizer and the unit reference tokens.
        return f"{self._tokenizer.fingerprint}-r{REFERENCES_VERSION}"

    def _unit_tokens(self, unit: Unit) -> list[str]:
        return self._tokenizer.tokenize(lexical_text(unit)) + reference_tokens(unit.number)

    def _check_passages(self) -> None:
        """Vectors embedded from an older ``passage_text`` are replaced at the next ingest.

        Until then they still serve searches (they are vectors of the same units, from older text);
        forgetting the content hashes makes ``add_document`` re-embed instead of skipping.
        """
        key = passage_key(self.config.pieces)
        if self._manifest.get_meta("passage") != key:
            if self._manifest.active_count() > 0:
                self._manifest.mark_stale()
            self._manifest.set_meta("passage", key)

    def _retokenize_if_needed(self) -> None:
        if self._manifest.get_meta("tokenizer") != self._token_key:
            if self._manifest.active_count() > 0:
                self._manifest.retokenize(self._unit_tokens)
            self._manifest.set_meta("tokenizer", self._token_key)

    def _collect_garbage(self) -> None:
        """Delete vectors of units that no longer exist (left by a crash or a failed delete)."""
        self._manifest.discard_leftovers()
        self._delete_vectors(self._manifest.orphans())

    def _delete_vectors(self, rows: Sequence[tuple[int, Language]]) -> None:
        for lang in LANGUAGES:
            ids = [r for r, lg in rows if lg == lang]
            if not ids:
                continue
            try:
                self._store.delete(lang, ids)
            except RetrievalError:
                continue  # stays in the orphan table; searches skip them; retried at next open
            self._manifest.forget_orphans(ids)

    # -- ingestion ----------------------------------------------------------------------------
    def add_document(
        self,
        doc_id: str,
        units: Sequence[Unit],
        content_hash: str,
        *,
        designation: str | None = None,
        title: str | None = None,
    ) -> IngestResult:
        """Add or replace a document.  Same ``content_hash`` as stored: nothing is done."""
        start = time.perf_counter()
        _validate(doc_id, units)
        existing = self._manifest.document(doc_id)
        if existing is not None and existing.content_hash == content_hash:
            return IngestResult(
                doc_id=doc_id,
                status="unchanged",
                unit_count=existing.unit_count,
                seconds=time.perf_counter() - start,
            )
        # The slow, failure-prone work comes first, while nothing has been touched, and outside the
        # lock so that searches go on meanwhile.
        tokens = [self._unit_tokens(u) for u in units]
        vectors, pieces = self._embed(units)
        with self._lock:
            existing = self._manifest.document(doc_id)
            staged = self._manifest.stage(doc_id, units, tokens)
            try:
                for lang in LANGUAGES:
                    idx = [i for i, u in enumerate(units) if u.language == lang]
                    meta = {i: VectorMeta(doc_id=doc_id, kind=units[i].kind, normative=units[i].normative)
                            for i in idx}
                    extra = [(i, n, v) for i in idx for n, v in enumerate(pieces.get(i, ()), start=1)]
                    self._store.add(
                        lang,
                        [staged[i] for i in idx] + [staged[i] for i, _, _ in extra],
                        np.concatenate([vectors[idx], *(v[None, :] for _, _, v in extra)]),
                        [meta[i] for i in idx] + [meta[i] for i, _, _ in extra],
                        pieces=[0] * len(idx) + [n for _, n, _ in extra],
                    )
            except Exception as exc:
                rows = [(r, u.language) for r, u in zip(staged, units, strict=True)]
                self._manifest.discard(rows)
                self._delete_vectors(rows)
                raise IngestError(
                    f"导入 {doc_id} 失败，原有版本保持可检索：{exc}",
                    f"Ingesting {doc_id} failed; the previous version stays searchable: {exc}",
                ) from exc
            info = DocumentInfo(
                doc_id=doc_id,
                designation=designation
                if designation is not None
                else (units[0].designation if units else ""),
                title=title if title is not None else (units[0].doc_title if units else ""),
                unit_count=len(units),
                content_hash=content_hash,
                language=_majority_language(units),
                updated_at=now_iso(),
            )
            replaced = self._manifest.activate(info, staged)
            self._delete_vectors(replaced)
        return IngestResult(
            doc_id=doc_id,
            status="replaced" if existing is not None else "added",
            unit_count=len(units),
            seconds=time.perf_counter() - start,
        )

    def _embed(self, units: Sequence[Unit]) -> tuple[FloatMatrix, dict[int, FloatMatrix]]:
        """Each unit's own vector, and the piece vectors of long units (index → matrix).

        A long unit's own vector is the normalised mean of its pieces' rather than an embedding of
        its (truncated) whole text: no text is embedded twice.
        """
        limits = {"zh": self.config.pieces.zh, "en": self.config.pieces.en}
        passages = [passage_pieces(u, limits[u.language]) for u in units]
        flat = [p for ps in passages for p in ps]
        matrix = self._embedder.embed_passages(flat)
        if matrix.shape != (len(flat), self._embedder.dim):
            raise IngestError(
                f"嵌入模型返回的向量形状错误：{matrix.shape}",
                f"Embedder returned vectors of shape {matrix.shape}",
            )
        own = np.empty((len(units), self._embedder.dim), dtype=np.float32)
        pieces: dict[int, FloatMatrix] = {}
        start = 0
        for i, ps in enumerate(passages):
            block = matrix[start : start + len(ps)]
            start += len(ps)
            if len(ps) == 1:
                own[i] = block[0]
                continue
            mean = block.mean(axis=0)
            own[i] = mean / (np.linalg.norm(mean) or 1.0)
            pieces[i] = block
        return own, pieces

    def remove_document(self, doc_id: str) -> bool:
        """Remove a document and its units; False if it was not in the index."""
        with self._lock:
            removed = self._manifest.remove(doc_id)
            if removed is None:
                return False
            self._delete_vectors(removed)
            return True

    def documents(self) -> list[DocumentInfo]:
        return self._manifest.documents()

    def document(self, doc_id: str) -> DocumentInfo | None:
        return self._manifest.document(doc_id)

    def unit_count(self, language: Language | None = None) -> int:
        return self._manifest.active_count(language)

    def reset(self) -> None:
        """Remove every document and vector of this index."""
        with self._lock:
            for doc in self._manifest.documents():
                self._manifest.remove(doc.doc_id)
            self._store.drop()
            self._manifest.forget_orphans([r for r, _ in self._manifest.orphans()])
            self._lexicons.clear()

    # -- lexical index ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Bring the BM25 indexes up to date now (otherwise the first search after a change does)."""
        self._fresh_lexicons()

    def _lexicon_key(self) -> str:
        """Names a saved BM25 index: same tokens and same BM25 parameters, else it is rebuilt."""
        lex = self.config.lexical
        params = hashlib.sha256(f"{lex.k1}|{lex.b}|{lex.method}".encode()).hexdigest()[:8]
        return f"{self._token_key}-{params}"

    def _fresh_lexicons(self) -> Mapping[Language, LanguageLexicon]:
        with self._lock:
            out: dict[Language, LanguageLexicon] = {}
            for lang in LANGUAGES:
                version = self._manifest.version(lang)
                cached = self._lexicons.get(lang)
                if cached is None or cached[0] != version:
                    fp = self._lexicon_key()
                    lexicon = self._lexicon_store.load(lang, version, fp)
                    if lexicon is None:
                        lexicon = LanguageLexicon.build(self._manifest.active_rows(lang), self.config.lexical)
                        self._lexicon_store.save(lang, version, fp, lexicon)
                    cached = (version, lexicon)
                    self._lexicons[lang] = cached
                out[lang] = cached[1]
            return out

    # -- search -------------------------------------------------------------------------------
    def _ensure_not_empty(self) -> None:
        if sum(len(lex) for lex in self._fresh_lexicons().values()) == 0:
            raise EmptyIndexError()

    def search(
        self,
        query: str,
        k: int = 10,
        filters: SearchFilters | None = None,
        mode: Mode = "hybrid",
        fusion: FusionConfig | None = None,
    ) -> list[Hit]:
        """Ranked hits for ``query``; ``mode`` "bm25" / "dense" gives one retriever's ranking.

        ``fusion`` overrides ``config.fusion`` for this call (the evaluation compares strategies on
        one index).  Raises ``EmptyIndexError`` when nothing is indexed or the vectors are gone.
        """
        if k <= 0 or not query.strip():
            return []
        self._ensure_not_empty()
        modes: set[str] = {"bm25", "dense"} if mode == "hybrid" else {mode}
        retrieved = self._searcher.retrieve(query, filters, modes, fusion)
        ranked = self._searcher.rank(retrieved, mode, fusion)
        return self._searcher.hits(query, ranked, k, rerank=mode == "hybrid")

    # -- bulk access for analyses over the whole index (overlap reports) ---------------------------
    def unit_vectors(self, language: Language, pieces: bool = False) -> tuple[list[int], FloatMatrix]:
        """Row ids and stored vectors of every active unit in one language, for one matrix product against
        many query vectors instead of one search per query.  With ``pieces`` the piece vectors of long
        units come too (a row id then repeats: score such a unit by its best vector)."""
        lexicon = self._fresh_lexicons()[language]
        return self._store.get_vectors(language, [int(r) for r in lexicon.rows], pieces=pieces)

    def units_by_row(self, rows: Sequence[int]) -> dict[int, Unit]:
        """The units stored under these row ids (as returned by ``unit_vectors`` and ``lexical_rankings``)."""
        return self._manifest.units(rows)

    def lexical_rankings(self, query: str) -> dict[Language, list[tuple[int, float]]]:
        """BM25 (row id, score) lists per language, glossary expansion included, from one retrieval pass."""
        self._ensure_not_empty()
        retrieved = self._searcher.retrieve(query, None, {"bm25"})
        return {lang: list(retrieved.bm25.get(lang, [])) for lang in LANGUAGES}

    def rankings(
        self,
        query: str,
        k: int = 10,
        filters: SearchFilters | None = None,
        fusion: FusionConfig | None = None,
    ) -> Rankings:
        """Hybrid, BM25-only and dense-only rankings of one query, sharing one retrieval pass."""
        if k <= 0 or not query.strip():
            return Rankings(query=query, home_language=detect_language(query))
        self._ensure_not_empty()
        retrieved = self._searcher.retrieve(query, filters, {"bm25", "dense"}, fusion)
        out = Rankings(query=query, home_language=retrieved.home)
        for mode in ("hybrid", "bm25", "dense"):
            ranked = self._searcher.rank(retrieved, mode, fusion)
            setattr(out, mode, self._searcher.hits(query, ranked, k, rerank=mode == "hybrid"))
        return out


def _validate(doc_id: str, units: Sequence[Unit]) -> None:
    foreign = sorted({u.doc_id for u in units if u.doc_id != doc_id})
    if foreign:
        raise ValueError(f"units of {doc_id!r} carry other doc_id values: {foreign}")
    seen: set[str] = set()
    for u in units:
        if u.id in seen:
            raise ValueError(f"duplicate unit id {u.id!r} in {doc_id!r}")
        seen.add(u.id)


def _majority_language(units: Sequence[Unit]) -> Language:
    if not units:
        return "zh"
    counts = Counter(u.language for u in units)
    return max(("zh", "en"), key=lambda lang: counts.get(lang, 0))
