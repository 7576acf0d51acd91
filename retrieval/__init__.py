"""Clause-aware retrieval: units in, ranked citable hits out.

This package knows units (text plus metadata); it never imports ``assistant``.

Entry point: ``RetrievalIndex(RetrievalConfig(index_dir=...), user_words=..., glossary=...)``.
"""

from retrieval.config import (
    EmbedderConfig,
    FusionConfig,
    LexicalConfig,
    RerankerConfig,
    RetrievalConfig,
    VectorStoreConfig,
)
from retrieval.designations import find_designations, normalize_designation
from retrieval.errors import (
    EmptyIndexError,
    IndexMismatchError,
    IngestError,
    ProviderUnavailableError,
    RetrievalError,
    VectorStoreUnavailableError,
)
from retrieval.glossary import Glossary, GlossaryPair
from retrieval.index import IngestResult, RetrievalIndex
from retrieval.manifest import DocumentInfo
from retrieval.protocols import Embedder, Reranker, VectorFilter, VectorMeta, VectorStore
from retrieval.search import Rankings
from retrieval.splitting import split_long_text, split_unit
from retrieval.tokenizer import Tokenizer
from retrieval.units import Hit, Language, SearchFilters, Unit

__all__ = [
    "DocumentInfo",
    "Embedder",
    "EmbedderConfig",
    "EmptyIndexError",
    "FusionConfig",
    "Glossary",
    "GlossaryPair",
    "Hit",
    "IndexMismatchError",
    "IngestError",
    "IngestResult",
    "Language",
    "LexicalConfig",
    "ProviderUnavailableError",
    "Rankings",
    "Reranker",
    "RerankerConfig",
    "RetrievalConfig",
    "RetrievalError",
    "RetrievalIndex",
    "SearchFilters",
    "Tokenizer",
    "Unit",
    "VectorFilter",
    "VectorMeta",
    "VectorStore",
    "VectorStoreConfig",
    "VectorStoreUnavailableError",
    "find_designations",
    "normalize_designation",
    "split_long_text",
    "split_unit",
]
