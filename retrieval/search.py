"""The query pipeline: per-language BM25 and dense lists, fusion, reranking, hits.

Kept apart from ``index.py`` (which owns storage and ingestion) so that the retrieval logic reads in
one place.  Everything here is read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, Field

from retrieval.config import FusionConfig
from retrieval.fusion import Candidate, language_evidence, merge_languages, rrf, shifted, zscore_fuse
from retrieval.glossary import Glossary
from retrieval.hubness import Hubness
from retrieval.language import detect_language, has_cjk
from retrieval.lexical import LanguageLexicon
from retrieval.manifest import Manifest
from retrieval.protocols import Embedder, FloatMatrix, Reranker, VectorFilter, VectorStore
from retrieval.references import query_tokens as query_references
from retrieval.term_vectors import TermVectors
from retrieval.texts import passage_text
from retrieval.tokenizer import Tokenizer
from retrieval.units import Hit, Language, SearchFilters, Unit

Mode = Literal["hybrid", "bm25", "dense"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")


class Rankings(BaseModel):
    """The three rankings of one query, computed from the same retriever lists (for evaluation)."""

    query: str
    home_language: Language
    hybrid: list[Hit] = Field(default_factory=list)
    bm25: list[Hit] = Field(default_factory=list)
    dense: list[Hit] = Field(default_factory=list)


@dataclass
class Retrieved:
    """Per-language retriever lists of (row, score), best first."""

    home: Language
    # Share of the query the other language's BM25 can see (glossary terms, designations, numbers);
    # an expanded query that kept only a generic word ranks noise, so its list counts less.
    coverage: float = 1.0
    bm25: dict[Language, list[tuple[int, float]]] = field(default_factory=dict)
    dense: dict[Language, list[tuple[int, float]]] = field(default_factory=dict)


def _is_language(token: str, language: Language) -> bool:
    # Tokens with digits (designations, clause numbers) read the same in both languages.
    if any(ch.isdigit() for ch in token):
        return False
    return has_cjk(token) == (language == "zh")


def to_vector_filter(filters: SearchFilters | None) -> VectorFilter | None:
    if filters is None:
        return None
    flt = VectorFilter(
        doc_ids=tuple(filters.doc_ids) if filters.doc_ids is not None else None,
        kinds=tuple(filters.kinds) if filters.kinds is not None else None,
        normative=filters.normative,
    )
    return None if flt.is_empty else flt


class Searcher:
    def __init__(
        self,
        *,
        manifest: Manifest,
        lexicons: Callable[[], Mapping[Language, LanguageLexicon]],
        tokenizer: Tokenizer,
        embedder: Embedder,
        store: VectorStore,
        reranker: Reranker | None,
        fusion: FusionConfig,
        rerank_depth: int,
        glossary: Callable[[], Glossary],
        term_vectors: TermVectors,
        hubness: Hubness | None = None,
    ) -> None:
        self._manifest = manifest
        self._lexicons = lexicons
        self._tokenizer = tokenizer
        self._embedder = embedder
        self._store = store
        self._reranker = reranker
        self._fusion = fusion
        self._rerank_depth = rerank_depth
        self._glossary = glossary
        self._terms = term_vectors
        self._hubness = hubness

    # -- retrieval ----------------------------------------------------------------------------
    def retrieve(
        self, query: str, filters: SearchFilters | None, modes: set[str], fusion: FusionConfig | None = None
    ) -> Retrieved:
        cfg = fusion or self._fusion
        lexicons = self._lexicons()
        home = detect_language(query)
        wanted = [filters.language] if filters is not None and filters.language else list(LANGUAGES)
        languages = [lang for lang in wanted if len(lexicons[lang]) > 0]
        flt = to_vector_filter(filters)
        depth = cfg.candidates
        translations = self._glossary().expand(query)
        tokens = self._tokenizer.tokenize(query)
        out = Retrieved(home=home, coverage=self._coverage(query, tokens, home))
        references = query_references(query)  # "Article 9", "第二十四条": see references.py
        keep = {lang: self._keep(lexicons[lang], flt, filters, cfg) for lang in languages}
        if "bm25" in modes:
            for lang in languages:
                extra = self._tokenizer.tokenize(" ".join(translations[lang])) if translations[lang] else []
                out.bm25[lang] = lexicons[lang].search(
                    tokens, depth, extra_tokens=extra, extra_weight=cfg.expansion_weight,
                    references=references, keep=keep[lang],
                )
        if "dense" in modes and languages:
            vectors = self._query_vectors(query, languages, home, translations, cfg)
            for lang in languages:
                hits = self._dense(lang, vectors[lang], lexicons[lang], flt, keep[lang], cfg)
                out.dense[lang] = self._hubness.adjust(hits, lang, home, cfg.hub_weight) if self._hubness else hits
        return out

    @staticmethod
    def _keep(
        lexicon: LanguageLexicon, flt: VectorFilter | None, filters: SearchFilters | None, cfg: FusionConfig
    ) -> NDArray[np.bool_] | None:
        """The filter's positions, less the kinds that are not ranked unless a filter asks for them."""
        keep = lexicon.mask(flt)
        if cfg.unranked_kinds and (filters is None or filters.kinds is None):
            listed = lexicon.without_kinds(cfg.unranked_kinds)
            if listed is not None:
                keep = listed if keep is None else keep & listed
        return keep

    def _dense(
        self,
        lang: Language,
        vector: FloatMatrix,
        lexicon: LanguageLexicon,
        flt: VectorFilter | None,
        keep: NDArray[np.bool_] | None,
        cfg: FusionConfig,
    ) -> list[tuple[int, float]]:
        """Nearest units of one language that pass the filter and are still in the index.

        A Chroma ``where`` costs ~70–140 ms at 100k units, an unfiltered query ~2 ms (30 ms for 1,000
        results) and fetching 200 vectors by id ~6 ms.  So a narrow filter (a few documents) is
        scored exactly here from the fetched vectors of the units it keeps, a broad one is applied
        to an over-fetched unfiltered result, and only what lies between goes to Chroma as ``where``.
        """
        depth = cfg.candidates
        if keep is None:
            return self._known(lexicon, self._store.query(lang, vector, depth), None)
        selected = int(keep.sum())
        if selected == 0:
            return []
        if selected <= cfg.exact_max_units:
            ids, matrix = self._store.get_vectors(lang, [int(r) for r in lexicon.rows[keep]], pieces=True)
            if not ids:
                return []
            sims = matrix @ np.asarray(vector, dtype=np.float32).reshape(-1)
            best: dict[int, float] = {}
            for i in np.argsort(-sims, kind="stable"):  # a long unit counts by its best piece
                best.setdefault(ids[i], float(sims[i]))
            return list(best.items())[:depth]
        share = selected / len(lexicon)
        fetch = min(len(lexicon), int(depth / share * 2) + 1)
        if share >= cfg.postfilter_min_share and fetch <= cfg.postfilter_max_fetch:
            found = self._known(lexicon, self._store.query(lang, vector, fetch), keep)
            if len(found) >= min(depth, selected) or fetch >= len(lexicon):
                return found[:depth]
        return self._known(lexicon, self._store.query(lang, vector, depth, where=flt), keep)

    @staticmethod
    def _known(
        lexicon: LanguageLexicon, hits: list[tuple[int, float]], keep: NDArray[np.bool_] | None
    ) -> list[tuple[int, float]]:
        # Drops vectors whose unit was replaced or removed (deletion pending after a crash) and,
        # with ``keep``, units outside the filter.
        if not hits:
            return hits
        pos = lexicon.positions(np.fromiter((r for r, _ in hits), dtype=np.int64, count=len(hits)))
        ok = pos >= 0
        if keep is not None:
            ok &= keep[np.maximum(pos, 0)]
        return [h for h, good in zip(hits, ok, strict=True) if good]

    def _coverage(self, query: str, tokens: list[str], home: Language) -> float:
        """1 − (home-language tokens left once glossary terms are removed) / (all tokens)."""
        if not tokens:
            return 1.0
        rest = self._tokenizer.tokenize(self._glossary().without_terms(query, home))
        untranslated = [t for t in rest if _is_language(t, home)]
        return max(0.0, 1.0 - len(untranslated) / len(tokens))

    def _query_vectors(
        self,
        query: str,
        languages: Sequence[Language],
        home: Language,
        translations: Mapping[Language, list[str]],
        cfg: FusionConfig,
    ) -> dict[Language, FloatMatrix]:
        # The query plus its glossary translations moves the vector towards the other language.
        expansion = cfg.dense_expansion
        other = [lang for lang in languages if lang != home and translations.get(lang)]
        if expansion == "terms":
            return self._term_vectors(query, languages, other, translations, cfg.term_vector_weight)
        expanded = f"{query} {' '.join(translations[other[0]])}" if other and expansion != "none" else query
        if expansion != "other" or expanded == query:
            vector = self._embedder.embed_queries([expanded])[0]  # one model pass: the usual case
            return dict.fromkeys(languages, vector)
        matrix = self._embedder.embed_queries([query, expanded])
        return {lang: matrix[1] if lang in other else matrix[0] for lang in languages}

    def _term_vectors(
        self,
        query: str,
        languages: Sequence[Language],
        other: Sequence[Language],
        translations: Mapping[Language, list[str]],
        weight: float,
    ) -> dict[Language, FloatMatrix]:
        """The plain query for its own language; for the other, the query vector moved towards the mean of
        its glossary translations' vectors (prepared at ingest, see term_vectors.py)."""
        vector = self._embedder.embed_queries([query])[0]
        out = dict.fromkeys(languages, vector)
        if not other:
            return out
        terms = translations[other[0]]
        known = self._terms.vectors(terms, self._embedder)
        moved = vector + weight * np.mean([known[t] for t in terms], axis=0)
        out[other[0]] = (moved / (np.linalg.norm(moved) or 1.0)).astype(np.float32)
        return out

    # -- ranking ------------------------------------------------------------------------------
    def rank(self, retrieved: Retrieved, mode: Mode, fusion: FusionConfig | None = None) -> list[Candidate]:
        cfg = fusion or self._fusion
        lists = {"bm25": retrieved.bm25, "dense": retrieved.dense}
        names = ("bm25", "dense") if mode == "hybrid" else (mode,)
        languages = sorted({lang for name in names for lang in lists[name]})
        per_language: dict[Language, list[Candidate]] = {}
        if mode != "hybrid" and cfg.single_retriever_merge == "score":
            for lang in languages:
                per_language[lang] = [
                    Candidate(row=r, language=lang, score=s, sources={mode: i})
                    for i, (r, s) in enumerate(lists[mode].get(lang, []), start=1)
                ]
            return merge_languages(per_language, retrieved.home, cfg, strategy="score")
        nominal = {"bm25": cfg.bm25_weight, "dense": cfg.dense_weight}
        for lang in languages:
            weights = dict(nominal)
            if lang != retrieved.home:
                weights["bm25"] *= retrieved.coverage**cfg.coverage_power
            if cfg.cross_language == "zscore":
                scored = {name: lists[name].get(lang, []) for name in names}
                per_language[lang] = zscore_fuse(scored, weights, lang, baselines={"bm25": 0.0})
            else:
                ranked = {name: [r for r, _ in lists[name].get(lang, [])] for name in names}
                normalize = cfg.cross_language == "calibrated"
                per_language[lang] = rrf(ranked, weights, cfg.rrf_k, lang, normalize, nominal)
        if mode == "hybrid" and cfg.cross_language == "zscore":
            top = {lang: hits[0][1] for lang, hits in retrieved.dense.items() if hits}
            evidence = language_evidence(top, retrieved.home, cfg)
            for lang in per_language:
                if lang != retrieved.home:
                    per_language[lang] = shifted(per_language[lang], evidence)
        return merge_languages(per_language, retrieved.home, cfg)

    # -- hits ---------------------------------------------------------------------------------
    def hits(self, query: str, candidates: list[Candidate], k: int, rerank: bool) -> list[Hit]:
        use_reranker = rerank and self._reranker is not None
        wanted = max(k, self._rerank_depth) if use_reranker else k
        # Over-fetch a little: a unit removed since the lists were built is dropped here, and the
        # list must still fill ``k``.  Units come from the manifest, so a hit always exists in it.
        head = candidates[: wanted + 10]
        units = self._manifest.units([c.row for c in head])
        present = [(c, units[c.row]) for c in head if c.row in units][:wanted]
        if use_reranker and present:
            present = self._rerank(query, present)
        return [
            Hit(unit=unit, score=cand.score, rank=i, sources=dict(cand.sources))
            for i, (cand, unit) in enumerate(present[:k], start=1)
        ]

    def _rerank(self, query: str, present: list[tuple[Candidate, Unit]]) -> list[tuple[Candidate, Unit]]:
        assert self._reranker is not None
        top = present[: self._rerank_depth]
        scores = self._reranker.score(query, [passage_text(u) for _, u in top])
        order = sorted(range(len(top)), key=lambda i: -scores[i])
        reranked: list[tuple[Candidate, Unit]] = []
        for new_rank, i in enumerate(order, start=1):
            cand, unit = top[i]
            sources = {**cand.sources, "fused": i + 1, "rerank": new_rank}
            reranked.append((Candidate(cand.row, cand.language, scores[i], sources), unit))
        return reranked + present[self._rerank_depth :]
