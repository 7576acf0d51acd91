"""Glossary term vectors kept in the index directory: saved, reloaded, and never an error when damaged."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from retrieval.protocols import FloatMatrix
from retrieval.term_vectors import TermVectors


class CountingEmbedder:
    """Deterministic vectors from the text's characters; records every call."""

    fingerprint = "counting"
    dim = 4

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        return self.embed_queries(texts)

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        self.calls.append(list(texts))
        return np.asarray([[len(t), sum(map(ord, t)) % 7, 1.0, 0.0] for t in texts], dtype=np.float32)


def test_prepare_saves_and_a_new_process_reloads(tmp_path: Path) -> None:
    path, embedder = tmp_path / "term-vectors.npz", CountingEmbedder()
    first = TermVectors(path, "m1")
    assert first.prepare(["鲁棒性", "robustness", "鲁棒性"], embedder) == 2
    assert embedder.calls == [["robustness", "鲁棒性"]]
    second = TermVectors(path, "m1")
    assert len(second) == 2 and second.prepare(["鲁棒性"], embedder) == 0
    got = second.vectors(["robustness"], embedder)
    assert np.allclose(got["robustness"], embedder.embed_queries(["robustness"])[0])
    assert TermVectors(path, "another model").prepare(["鲁棒性"], embedder) == 1  # other vectors: embed again


def test_missing_terms_are_embedded_once_in_one_batch(tmp_path: Path) -> None:
    embedder = CountingEmbedder()
    terms = TermVectors(tmp_path / "t.npz", "m")
    terms.vectors(["a", "b", "a"], embedder)
    terms.vectors(["b", "a"], embedder)
    assert embedder.calls == [["a", "b"]]


def test_damaged_file_is_a_cache_miss(tmp_path: Path) -> None:
    path = tmp_path / "term-vectors.npz"
    path.write_bytes(b"not an npz file")
    terms = TermVectors(path, "m")
    assert len(terms) == 0
    assert terms.prepare(["x"], CountingEmbedder()) == 1
    assert len(TermVectors(path, "m")) == 1  # rewritten whole
