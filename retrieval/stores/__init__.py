"""Vector store implementations and the factory that picks one from ``VectorStoreConfig``."""

from __future__ import annotations

from pathlib import Path

from retrieval.config import VectorStoreConfig
from retrieval.protocols import VectorStore


def build_store(config: VectorStoreConfig, *, index_dir: Path, index_id: str) -> VectorStore:
    """``index_id`` goes into collection names so that indexes sharing a server never collide."""
    prefix = f"{config.collection_prefix}-{index_id}"
    if config.resolved_provider == "chroma-http":
        from retrieval.stores.chroma_http import ChromaHttpStore

        if not config.url:
            raise ValueError("chroma-http store needs url")
        return ChromaHttpStore(config.url, name_prefix=prefix, ef_search=config.hnsw_ef_search)
    from retrieval.stores.chroma_persistent import ChromaPersistentStore

    return ChromaPersistentStore(
        config.path or index_dir / "chroma", name_prefix=prefix, ef_search=config.hnsw_ef_search
    )


__all__ = ["build_store"]
