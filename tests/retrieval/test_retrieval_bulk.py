"""Bulk access for whole-index analyses: stored vectors per language, units by row, BM25 lists per language."""

from __future__ import annotations

import itertools

import numpy as np

from retrieval import RetrievalIndex


def test_unit_vectors_rows_resolve_to_units_of_that_language(toy_index: RetrievalIndex) -> None:
    for language in ("zh", "en"):
        rows, matrix = toy_index.unit_vectors(language)
        assert rows and matrix.shape[0] == len(rows)
        assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-3)
        units = toy_index.units_by_row(rows)
        assert set(units) == set(rows)
        assert {u.language for u in units.values()} == {language}
    assert sum(len(toy_index.unit_vectors(lang)[0]) for lang in ("zh", "en")) == toy_index.unit_count()


def test_lexical_rankings_are_per_language_and_ranked(toy_index: RetrievalIndex) -> None:
    lists = toy_index.lexical_rankings("training data")
    assert set(lists) == {"zh", "en"}
    english = lists["en"]
    assert english and all(a[1] >= b[1] for a, b in itertools.pairwise(english))
    top = toy_index.units_by_row([english[0][0]])[english[0][0]]
    assert "training" in top.text.lower() and "data" in top.text.lower()
    assert all(toy_index.units_by_row([row])[row].language == "zh" for row, _ in lists["zh"])
