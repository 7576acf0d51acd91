from __future__ import annotations

from retrieval import Glossary


def _g() -> Glossary:
    return Glossary.from_pairs(
        [("人工智能", "artificial intelligence"), ("人工智能系统", "AI system"), ("鲁棒性", "robustness")]
    )


def test_chinese_terms_translate_to_english_longest_first() -> None:
    assert _g().translations("人工智能系统的鲁棒性", "zh") == ["AI system", "robustness"]


def test_english_terms_translate_to_chinese_case_insensitively_on_word_boundaries() -> None:
    g = _g()
    assert g.translations("Robustness of an AI System", "en") == ["鲁棒性", "人工智能系统"]
    assert g.translations("AI systematic review", "en") == []


def test_expand_goes_both_ways_and_is_capped() -> None:
    g = Glossary.from_pairs([(f"术语{i}", f"term{i}") for i in range(20)], max_expansions=3)
    out = g.expand(" ".join(f"术语{i}" for i in range(20)))
    assert len(out["en"]) == 3
    assert out["zh"] == []


def test_empty_glossary() -> None:
    assert Glossary().expand("anything") == {"en": [], "zh": []}


def test_english_plurals_find_the_singular_term_and_vice_versa() -> None:
    g = Glossary.from_pairs([("处罚", "penalty"), ("日志", "logs"), ("图像", "image")])
    assert g.translations("images and logs", "en") == ["图像", "日志"]
    assert g.translations("imagery", "en") == []  # a longer word is another word
    assert g.without_terms("Images", "en").strip() == ""
