from __future__ import annotations

import pytest

from retrieval import FusionConfig
from retrieval.fusion import Candidate, merge_languages, rrf
from retrieval.units import Language


def _cands(lang: Language, n: int, start: int, score: float = 1.0) -> list[Candidate]:
    return [Candidate(row=start + i, language=lang, score=score - i * 0.01) for i in range(n)]


def test_rrf_normalised_top_scores_one_and_records_ranks() -> None:
    fused = rrf({"bm25": [1, 2, 3], "dense": [1, 3]}, {"bm25": 1.0, "dense": 1.0}, 20, "zh", normalize=True)
    assert fused[0].row == 1 and fused[0].score == pytest.approx(1.0)
    assert fused[0].sources == {"bm25": 1, "dense": 1}
    assert [c.row for c in fused] == [1, 3, 2]


def test_rrf_weights() -> None:
    fused = rrf({"bm25": [1, 2], "dense": [2, 1]}, {"bm25": 3.0, "dense": 1.0}, 20, "en", normalize=False)
    assert fused[0].row == 1


def test_calibrated_quota_gives_the_other_language_its_share() -> None:
    per: dict[Language, list[Candidate]] = {"zh": _cands("zh", 10, 0, 1.0), "en": _cands("en", 10, 100, 0.5)}
    merged = merge_languages(per, "zh", FusionConfig(quota_window=5, quota_min=2))
    assert [c.language for c in merged[:5]].count("en") == 2
    assert merged[0].language == "zh"
    no_quota = merge_languages(per, "zh", FusionConfig(quota_min=0))
    assert [c.language for c in no_quota[:10]] == ["zh"] * 10


def test_calibrated_ties_prefer_home_language() -> None:
    per: dict[Language, list[Candidate]] = {"zh": _cands("zh", 1, 0), "en": _cands("en", 1, 100)}
    assert merge_languages(per, "en", FusionConfig())[0].language == "en"
    assert merge_languages(per, "zh", FusionConfig())[0].language == "zh"


def test_interleave_alternates_home_first_and_drains_leftovers() -> None:
    per: dict[Language, list[Candidate]] = {"zh": _cands("zh", 2, 0), "en": _cands("en", 4, 100)}
    merged = merge_languages(per, "en", FusionConfig(cross_language="interleave"))
    assert [c.language for c in merged] == ["en", "zh", "en", "zh", "en", "en"]


def test_quota_with_one_language_is_plain_order() -> None:
    per: dict[Language, list[Candidate]] = {"zh": _cands("zh", 3, 0)}
    assert [c.row for c in merge_languages(per, "en", FusionConfig())] == [0, 1, 2]


def test_score_strategy_is_a_plain_sort() -> None:
    per: dict[Language, list[Candidate]] = {"zh": _cands("zh", 3, 0, 0.3), "en": _cands("en", 3, 100, 0.9)}
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


def test_language_evidence_follows_the_dense_gap_beyond_the_usual_one() -> None:
    from retrieval.fusion import language_evidence

    cfg = FusionConfig(usual_gap_zh_query=-0.06, language_evidence_scale=0.02, language_evidence_weight=1.0)
    # the English best match is closer to the Chinese one than e5 usually puts it: English likely
    assert language_evidence({"zh": 0.90, "en": 0.88}, "zh", cfg) == pytest.approx(2.0)
    # the usual gap: no preference; a wider gap: the home language
    assert language_evidence({"zh": 0.90, "en": 0.84}, "zh", cfg) == pytest.approx(0.0)
    assert language_evidence({"zh": 0.90, "en": 0.80}, "zh", cfg) == pytest.approx(-2.0)
    # English queries have their own usual gap
    en_cfg = FusionConfig(usual_gap_en_query=0.01)
    assert language_evidence({"en": 0.85, "zh": 0.86}, "en", en_cfg) == pytest.approx(0.0)


def test_language_evidence_needs_both_languages_and_can_be_disabled() -> None:
    from retrieval.fusion import language_evidence

    assert language_evidence({"zh": 0.9}, "zh", FusionConfig()) == 0.0
    off = FusionConfig(language_evidence_weight=0)
    assert language_evidence({"zh": 0.90, "en": 0.89}, "zh", off) == 0.0


def test_shifted_moves_a_language_without_reordering_it() -> None:
    from retrieval.fusion import shifted

    en = _cands("en", 3, 100, 0.5)
    moved = shifted(en, 1.0)
    assert [c.row for c in moved] == [100, 101, 102]
    assert [c.score for c in moved] == pytest.approx([1.5, 1.49, 1.48])
    assert en[0].score == pytest.approx(0.5)  # the input is not modified
    zh = _cands("zh", 3, 0, 1.0)
    merged = merge_languages({"zh": zh, "en": moved}, "zh", FusionConfig(quota_min=0))
    assert [c.language for c in merged[:3]] == ["en", "en", "en"]
