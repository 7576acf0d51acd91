"""Exceptions raised by the retrieval package.

Every message is bilingual (Chinese first, then English) because the assistant shows them to
drafters as they are, and the drafters work in both languages.
"""

from __future__ import annotations


class RetrievalError(Exception):
    """Base class: catch this to handle any retrieval failure."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class EmptyIndexError(RetrievalError):
    """The index holds no searchable unit (nothing ingested, or the vector collection is gone)."""

    def __init__(self, detail_zh: str = "", detail_en: str = "") -> None:
        zh = "检索索引为空：请先导入文件。" + detail_zh
        en = "The retrieval index is empty: ingest documents first." + (f" {detail_en}" if detail_en else "")
        super().__init__(zh, en)


class IndexMismatchError(RetrievalError):
    """The index on disk was built with another embedder or layout than the one configured."""


class VectorStoreUnavailableError(RetrievalError):
    """The vector store cannot be reached or answered with an error."""


class IngestError(RetrievalError):
    """A document could not be ingested; the previous version (if any) is still searchable."""


class ProviderUnavailableError(RetrievalError):
    """An optional provider (sentence-transformers, a local model) is configured but missing."""
