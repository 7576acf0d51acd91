"""Sentence-transformers embedder for a user's own local model directory.

Imported lazily by the factory: the package must work without torch installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.errors import ProviderUnavailableError
from retrieval.protocols import FloatMatrix


def load_sentence_transformers() -> Any:
    try:
        import sentence_transformers
    except ImportError as exc:
        raise ProviderUnavailableError(
            "未安装 sentence-transformers：请安装后再使用本地嵌入/重排模型。",
            "sentence-transformers is not installed: install it to use a local embedding or reranking model.",
        ) from exc
    return sentence_transformers


def check_local_model(path: str) -> None:
    if not Path(path).is_dir():
        raise ProviderUnavailableError(
            f"找不到本地模型目录：{path}",
            f"Local model directory not found: {path} (models are never downloaded)",
        )


class SentenceTransformerEmbedder:
    def __init__(
        self,
        model_path: str,
        *,
        batch_size: int = 32,
        query_prefix: str = "",
        passage_prefix: str = "",
        device: str = "cpu",
    ) -> None:
        check_local_model(model_path)
        st = load_sentence_transformers()
        self._model = st.SentenceTransformer(model_path, device=device, local_files_only=True)
        self._path = str(Path(model_path).resolve())
        self._batch_size = batch_size
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        # renamed in sentence-transformers 6 (the old name warns); older releases only have the old one
        get_dim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        if dim is None:
            dim = int(self._encode(["dimension probe"]).shape[1])
        self._dim = int(dim)

    @property
    def fingerprint(self) -> str:
        return f"sentence-transformers:{self._path}:{self._query_prefix}|{self._passage_prefix}"

    @property
    def dim(self) -> int:
        return self._dim

    def _encode(self, texts: Sequence[str]) -> FloatMatrix:
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        return self._encode([self._passage_prefix + t for t in texts])

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        return self._encode([self._query_prefix + t for t in texts])
