from __future__ import annotations

import re

import pytest

from retrieval import Unit, split_long_text, split_unit

ZH = "系统应记录日志。日志应保存六个月！是否需要加密？需要；见5.3.1条。"
EN = "The system shall log events. See e.g. clause 5.3.1 for details! Is it ok? Yes; done."


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("max_chars", [10, 20, 40, 80])
def test_pieces_fit_and_lose_nothing(max_chars: int) -> None:
    pieces = split_long_text(ZH + EN, max_chars)
    assert all(0 < len(p) <= max_chars for p in pieces)
    assert _squash("".join(pieces)) == _squash(ZH + EN)


def test_cuts_on_chinese_sentence_ends() -> None:
    assert split_long_text(ZH, 20) == [
        "系统应记录日志。日志应保存六个月！",
        "是否需要加密？需要；见5.3.1条。",
    ]


def test_cuts_on_english_sentence_ends_not_inside_numbers_or_abbreviations() -> None:
    pieces = split_long_text(EN, 40)
    assert pieces == [
        "The system shall log events.",
        "See e.g. clause 5.3.1 for details!",
        "Is it ok? Yes; done.",
    ]


def test_over_long_sentence_is_cut_at_commas_then_hard() -> None:
    text = "甲" * 30 + "，" + "乙" * 30 + "。"
    pieces = split_long_text(text, 25)
    assert all(len(p) <= 25 for p in pieces)
    assert "".join(pieces) == text


def test_short_text_is_unchanged() -> None:
    assert split_long_text("  短句。 ", 100) == ["短句。"]
    assert split_long_text("", 100) == []


def _unit(text: str) -> Unit:
    return Unit(
        id="d:5.1",
        doc_id="d",
        designation="GB/T 1",
        doc_title="t",
        number="5.1",
        kind="clause",
        text=text,
        citation="GB/T 1, 5.1",
    )


def test_split_unit_keeps_number_and_citation() -> None:
    pieces = split_unit(_unit(ZH), 20)
    assert [p.id for p in pieces] == ["d:5.1~1", "d:5.1~2"]
    assert [p.piece for p in pieces] == [1, 2]
    assert {p.number for p in pieces} == {"5.1"}
    assert {p.citation for p in pieces} == {"GB/T 1, 5.1"}


def test_split_unit_that_fits_is_returned_as_is() -> None:
    unit = _unit("短。")
    assert split_unit(unit, 100) == [unit]
