from __future__ import annotations

import subprocess
import sys

import pytest

from retrieval.tokenizer import Tokenizer


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return Tokenizer(["人工智能系统", "数据标注"])


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("应符合GB/T 18487.1的规定", "GB/T 18487.1"),
        ("见GB/T 41867—2022。", "GB/T 41867—2022"),
        ("see ISO/IEC 22989 for terms", "ISO/IEC 22989"),
        ("ISO/IEC 22989:2022, 3.1.4", "ISO/IEC 22989:2022"),
        ("GB/T41867-2022", "GB/T 41867—2022"),  # plain-text spelling → canonical form
        ("gb/t 41867–2022", "GB/T 41867—2022"),
    ],
)
def test_designations_stay_one_token(tok: Tokenizer, text: str, token: str) -> None:
    tokens = tok.tokenize(text)
    assert token in tokens
    assert "41867" not in tokens and "18487" not in tokens and "22989" not in tokens


def test_dated_designation_also_matches_undated_query(tok: Tokenizer) -> None:
    assert "GB/T 41867" in tok.tokenize("GB/T 41867—2022")
    assert tok.tokenize("GB/T 41867") == ["GB/T 41867"]


def test_chinese_uses_user_words_and_drops_punctuation(tok: Tokenizer) -> None:
    tokens = tok.tokenize("人工智能系统应记录数据标注过程。")
    assert "人工智能系统" in tokens
    assert "数据标注" in tokens
    assert not any(t in tokens for t in ("。", "，", "的"))


def test_english_is_lowercased_and_split_on_non_word(tok: Tokenizer) -> None:
    tokens = tok.tokenize("Robustness, Accuracy & Cyber-Security (of AI systems).")
    assert tokens == ["robustness", "accuracy", "cyber", "security", "ai", "systems"]


def test_clause_numbers_stay_whole(tok: Tokenizer) -> None:
    assert "5.3.1" in tok.tokenize("见5.3.1条")
    assert "a.2" in tok.tokenize("see Annex A.2")


def test_mixed_text(tok: Tokenizer) -> None:
    tokens = tok.tokenize("人工智能系统　artificial intelligence system")
    assert {"人工智能系统", "artificial", "intelligence", "system"} <= set(tokens)


def test_fingerprint_follows_user_words() -> None:
    assert Tokenizer(["甲乙"]).fingerprint != Tokenizer(["丙丁"]).fingerprint
    assert Tokenizer(["甲乙", "丙丁"]).fingerprint == Tokenizer(["丙丁", "甲乙"]).fingerprint


def test_import_and_first_use_are_quiet() -> None:
    code = "from retrieval.tokenizer import Tokenizer; print(Tokenizer().tokenize('人工智能系统'))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stderr == ""
    assert "人工" in done.stdout
