from __future__ import annotations

import pytest

from retrieval import FusionConfig
from retrieval.fusion import Candidate, merge_languages, rrf


def _cands(lang: str, n: int, start: int, score: float = 1.0) -> list[Candidate]:
    return [Candidate(row=start + i, language=lang, score=score - i * 0.01) for i in range(n)]  # type: ignore[arg-type]


def test_rrf_normalised_top_scores_one_and_records_ranks() -> None:
    fused = rrf({"bm25": [1, 2, 3], "dense": [1, 3]}, {"bm25": 1.0, "dense": 1.0}, 20, "zh", normalize=True)
    assert fused[0].row == 1 and fused[0].score == pytest.approx(1.0)
    assert fused[0].sources == {"bm25": 1, "dense": 1}
    assert [c.row for c in fused] == [1, 3, 2]


def test_rrf_weights() -> None:
    fused = rrf({"bm25": [1, 2], "dense": [2, 1]}, {"bm25": 3.0, "dense": 1.0}, 20, "en", normalize=False)
    assert fused[0].row == 1


def test_calibrated_quota_gives_the_other_language_its_share() -> None:
    per = {"zh": _cands("zh", 10, 0, 1.0), "en": _cands("en", 10, 100, 0.5)}
    merged = merge_languages(per, "zh", FusionConfig(quota_window=5, quota_min=2))
    assert [c.language for c in merged[:5]].count("en") == 2
    assert merged[0].language == "zh"
    no_quota = merge_languages(per, "zh", FusionConfig(quota_min=0))
    assert [c.language for c in no_quota[:10]] == ["zh"] * 10


def test_calibrated_ties_prefer_home_language() -> None:
    per = {"zh": _cands("zh", 1, 0), "en": _cands("en", 1, 100)}
    assert merge_languages(per, "en", FusionConfig())[0].language == "en"
    assert merge_languages(per, "zh", FusionConfig())[0].language == "zh"


def test_interleave_alternates_home_first_and_drains_leftovers() -> None:
    per = {"zh": _cands("zh", 2, 0), "en": _cands("en", 4, 100)}
    merged = merge_languages(per, "en", FusionConfig(cross_language="interleave"))
    assert [c.language for c in merged] == ["en", "zh", "en", "zh", "en", "en"]


def test_quota_with_one_language_is_plain_order() -> None:
    per = {"zh": _cands("zh", 3, 0)}
    assert [c.row for c in merge_languages(per, "en", FusionConfig())] == [0, 1, 2]


def test_score_strategy_is_a_plain_sort() -> None:
    per = {"zh": _cands("zh", 3, 0, 0.3), "en": _cands("en", 3, 100, 0.9)}
    merged = merge_languages(per, "zh", FusionConfig(cross_language="score"))
    assert [c.language for c in merged] == ["en"] * 3 + ["zh"] * 3


def test_zscore_ignores_a_language_wide_offset_in_similarity() -> None:
    from retrieval.fusion import zscore_fuse

    zh = zscore_fuse({"dense": [(1, 0.90), (2, 0.85), (3, 0.84)]}, {"dense": 1.0}, "zh")
    en = zscore_fuse({"dense": [(11, 0.80), (12, 0.75), (13, 0.74)]}, {"dense": 1.0}, "en")
    assert zh[0].score == pytest.approx(en[0].score)  # e5's home-language bonus cancels out


def test_zscore_lone_bm25_hit_still_counts_and_missing_rows_get_the_floor() -> None:
    from retrieval.fusion import zscore_fuse

    fused = zscore_fuse(
        {"bm25": [(7, 3.0)], "dense": [(1, 0.9), (7, 0.8), (2, 0.7)]},
        {"bm25": 1.0, "dense": 1.0},
        "zh",
        baselines={"bm25": 0.0},
    )
    assert fused[0].row == 7 and fused[0].sources == {"bm25": 1, "dense": 2}
    assert {c.row for c in fused} == {1, 2, 7}
