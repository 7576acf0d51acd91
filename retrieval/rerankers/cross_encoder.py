"""Cross-encoder reranker through sentence-transformers, from a local model directory.

Imported lazily by the factory: without torch the package still works (reranking is optional).
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.embedders.st_embedder import check_local_model, load_sentence_transformers


class CrossEncoderReranker:
    def __init__(self, model_path: str, *, batch_size: int = 16, device: str = "cpu") -> None:
        check_local_model(model_path)
        st = load_sentence_transformers()
        self._model = st.CrossEncoder(model_path, device=device, local_files_only=True)
        self._batch_size = batch_size

    def score(self, query: str, passages: Sequence[str]) -> list[float]:
        if not passages:
            return []
        scores = self._model.predict(
            [(query, p) for p in passages], batch_size=self._batch_size, show_progress_bar=False
        )
        return [float(s) for s in scores]
