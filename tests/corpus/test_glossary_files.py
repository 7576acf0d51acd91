"""The bilingual glossary files in corpus/glossary/: well-formed, and used by the index."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.corpus.index import term_pairs
from assistant.settings import Settings
from retrieval import Glossary

GLOSSARY = Path(__file__).resolve().parents[2] / "corpus" / "glossary"


def _pairs() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for path in sorted(GLOSSARY.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert isinstance(entry, list) and len(entry) == 2, f"{path.name}: {entry!r}"
            out.append((str(entry[0]), str(entry[1])))
    return out


def test_every_entry_is_a_chinese_english_pair() -> None:
    pairs = _pairs()
    assert len(pairs) > 500
    for zh, en in pairs:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
        assert en.strip() and not any("\u4e00" <= ch <= "\u9fff" for ch in en), en
    assert len(set(pairs)) == len(pairs), "duplicate pair"


def test_index_glossary_translates_general_vocabulary_both_ways(tmp_path: Path) -> None:
    glossary = Glossary.from_pairs(term_pairs(Settings(data_dir=tmp_path)))
    assert "employer" in glossary.translations("雇主在工作场所使用人工智能", "zh")
    assert "处罚" in glossary.translations("penalties for breaching filing obligations", "en")
    assert "备案" in glossary.translations("penalties for breaching filing obligations", "en")
