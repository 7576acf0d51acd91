"""Lookup by unit number: "Article 9", "Annex III", "第二十四条", "第24条"."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import RetrievalConfig, RetrievalIndex, Unit
from retrieval.references import chinese_number, query_tokens, to_chinese, unit_tokens
from tests.retrieval.retrieval_test_support import MemoEmbedder


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (10, "十"), (11, "十一"), (24, "二十四"), (104, "一百零四"), (112, "一百一十二")]
)
def test_chinese_numerals_both_ways(n: int, text: str) -> None:
    assert to_chinese(n) == text
    assert chinese_number(text) == n


def test_a_unit_gets_a_token_from_its_own_number_only() -> None:
    assert unit_tokens("Article 9") == unit_tokens("article 9")
    assert unit_tokens("Annex III") == unit_tokens("Annex iii") != unit_tokens("Annex II")
    assert unit_tokens("附录A") == unit_tokens("Annex A")  # GB and ISO annexes
    assert unit_tokens("第二十四条") != unit_tokens("第四十四条")
    assert unit_tokens("5.3.1") == [] and unit_tokens("GOVERN 1.1") == []  # plain tokens already match


def test_query_references_in_either_spelling() -> None:
    assert set(unit_tokens("第二十四条")) <= set(query_tokens("个人信息保护法第24条"))
    assert set(unit_tokens("Article 24")) <= set(query_tokens("个人信息保护法第24条"))
    assert set(unit_tokens("Article 9")) <= set(query_tokens("risk management, Art. 9 of the AI Act"))
    assert set(unit_tokens("第九条")) <= set(query_tokens("Article 9 of the AI Act"))
    assert query_tokens("articles of association") == []
    assert query_tokens("no numbers here") == []


def _unit(number: str, text: str) -> Unit:
    return Unit(id=f"act#{number}", doc_id="act", designation="Regulation (EU) 2024/1689", doc_title="AI Act",
                number=number, kind="article", text=text, language="en", citation=f"AI Act, {number}")


def test_lookup_by_number_finds_the_unit_not_the_ones_citing_it(tmp_path: Path, embedder: MemoEmbedder) -> None:
    filler = " ".join(["The risk management system shall be a continuous iterative process."] * 12)
    units = [
        _unit("Article 9", f"Article 9 Risk management system {filler}"),  # long: BM25 normalises it down
        _unit("Article 2", "This Regulation applies to providers, see Article 9 and Article 10 and Article 9."),
        _unit("Article 10", "Data and data governance for training data; see Article 9."),
    ]
    with RetrievalIndex(RetrievalConfig(index_dir=tmp_path / "index"), embedder=embedder) as index:
        index.add_document("act", units, "v1")
        assert index.search("Article 9", k=3, mode="bm25")[0].unit.number == "Article 9"
        assert index.search("第9条", k=3, mode="bm25")[0].unit.number == "Article 9"
        assert index.search("Article 10", k=3)[0].unit.number == "Article 10"


def test_an_index_stored_without_reference_tokens_is_retokenised(tmp_path: Path, embedder: MemoEmbedder) -> None:
    from retrieval.manifest import Manifest

    config = RetrievalConfig(index_dir=tmp_path / "index")
    with RetrievalIndex(config, embedder=embedder) as index:
        index.add_document("act", [_unit("Article 9", "Risk management system.")], "v1")
    # what an index written before reference tokens looks like: other tokens, another key
    old = Manifest(tmp_path / "index" / "manifest.sqlite3")
    old.retokenize(lambda u: ["risk", "management", "system"])
    old.set_meta("tokenizer", "0123456789abcdef")
    old.close()
    with RetrievalIndex(config, embedder=embedder) as index:
        assert index.search("Article 9", k=1, mode="bm25")[0].unit.number == "Article 9"
    check = Manifest(tmp_path / "index" / "manifest.sqlite3")
    try:
        assert unit_tokens("Article 9")[0] in check.active_rows("en")[0].tokens
    finally:
        check.close()
