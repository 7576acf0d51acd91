"""Hub units: a passage near every query of a language gives up its place to one that is near this query."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from retrieval.hubness import Hubness
from tests.retrieval.retrieval_test_support import MemoEmbedder, open_toy_index


def _vectors() -> dict[str, tuple[list[int], np.ndarray]]:
    # four Chinese units on four axes; English unit 10 leans on two of them (a hub), unit 11 on the first only
    zh = np.eye(4, 5, dtype=np.float32)
    hub = np.array([[0.7, 0.7, 0.1, 0.1, 0.0]], dtype=np.float32)
    specific = np.array([[0.9, 0.0, 0.0, 0.0, 0.44]], dtype=np.float32)
    return {"zh": ([1, 2, 3, 4], zh), "en": ([10, 11], np.vstack([hub, specific]))}


def test_a_hub_gives_its_place_to_the_unit_near_the_query(tmp_path: Path) -> None:
    hubness = Hubness(tmp_path / "hubness.npz", "model|5")
    assert hubness.prepare(_vectors(), "zh:1,en:1", k=2, sample=100)
    hits = [(10, 0.82), (11, 0.80)]  # the hub is a little nearer this Chinese query
    assert hubness.adjust(hits, "en", "zh", weight=0.3) == [(11, 0.82), (10, 0.80)]  # places keep their cosines
    assert hubness.adjust(hits, "en", "zh", weight=0.0) == hits
    # a unit without a stored score (added since) is not moved; neither are hits clearly apart
    assert hubness.adjust([(99, 0.9), (11, 0.5)], "en", "zh", weight=0.3) == [(99, 0.9), (11, 0.5)]
    assert hubness.adjust([(10, 0.95), (11, 0.60)], "en", "zh", weight=0.3) == [(10, 0.95), (11, 0.60)]


def test_scores_are_kept_for_their_versions_and_their_model(tmp_path: Path) -> None:
    path = tmp_path / "hubness.npz"
    assert Hubness(path, "model|5").prepare(_vectors(), "zh:1,en:1", k=2, sample=100)
    again = Hubness(path, "model|5")
    assert len(again) == 6 and again.versions == "zh:1,en:1"
    assert not again.prepare(_vectors(), "zh:1,en:1", k=2, sample=100)  # nothing changed: nothing computed
    assert again.prepare(_vectors(), "zh:2,en:1", k=2, sample=100)
    assert len(Hubness(path, "other-model|5")) == 0  # another model's vectors: not used
    path.write_bytes(b"damaged")
    assert len(Hubness(path, "model|5")) == 0  # a damaged file is no error


def test_prepared_after_ingest_and_used_by_search(tmp_path: Path, embedder: MemoEmbedder) -> None:
    index = open_toy_index(tmp_path / "i", embedder)
    try:
        assert index.prepare_hubness()
        assert (tmp_path / "i" / "hubness.npz").is_file()
        assert not index.prepare_hubness()  # the same units: kept
        assert index.search("高风险人工智能系统的鲁棒性", k=5)
    finally:
        index.close()
