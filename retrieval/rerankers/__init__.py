"""Reranker implementations and the factory that picks one from ``RerankerConfig``."""

from __future__ import annotations

import threading

from retrieval.config import RerankerConfig
from retrieval.protocols import Reranker

_cache: dict[RerankerConfig, Reranker] = {}
_lock = threading.Lock()


def build_reranker(config: RerankerConfig) -> Reranker | None:
    """None for ``provider="none"``; a cross-encoder is loaded once per process."""
    if config.provider == "none":
        return None
    with _lock:
        cached = _cache.get(config)
        if cached is None:
            from retrieval.rerankers.cross_encoder import CrossEncoderReranker  # lazy: needs torch

            assert config.model_path is not None  # checked by RerankerConfig
            cached = CrossEncoderReranker(
                config.model_path, batch_size=config.batch_size, device=config.device
            )
            _cache[config] = cached
        return cached


__all__ = ["build_reranker"]
