"""Citation verification and the task guess, without an index or a model."""

from __future__ import annotations

import pytest

from assistant.drafting.citations import CitationVerifier, StreamFilter
from assistant.drafting.tasks import ClauseKind, RewriteGoal, Task, detect

ALLOWED = ["GB/T 90002—2026，5.3.1", "生成式人工智能服务管理暂行办法 第七条"]
TEXT = ("组织应记录风险[GB/T 90002—2026, 5.3.1]。应评估[GB/T 99999—2030，4.2]。值为［数值］[1]。"
        "依据[生成式人工智能服务管理暂行办法 第七条]和[生成式人工智能服务管理暂行办法 第九十九条]。"
        "[GB/T 90002—2026，5.3.1；ISO 9999:2020，1]")


def test_only_retrieved_units_survive() -> None:
    v = CitationVerifier(ALLOWED)
    out = v.clean(TEXT)
    assert "99999" not in out and "第九十九条" not in out and "ISO 9999" not in out
    assert "[GB/T 90002—2026，5.3.1]" in out  # respelled to the canonical citation
    assert "［数值］[1]" in out  # placeholders and list labels are not citations
    assert [r.citation for r in v.removed] == ["GB/T 99999—2030，4.2", "生成式人工智能服务管理暂行办法 第九十九条",
                                               "ISO 9999:2020，1"]
    assert v.kept == ALLOWED
    assert "应评估。" in out  # no stray space where a citation was removed


@pytest.mark.parametrize("size", [1, 2, 3, 7, 16, 1000])
def test_stream_filter_matches_whole_text_verification(size: int) -> None:
    whole = CitationVerifier(ALLOWED).clean(TEXT)
    f = StreamFilter(CitationVerifier(ALLOWED))
    pieces = [f.feed(TEXT[i:i + size]) for i in range(0, len(TEXT), size)]
    assert "".join(pieces) + f.flush() == whole
    assert all("99999" not in p for p in pieces)


def test_unclosed_bracket_is_released_at_line_end() -> None:
    f = StreamFilter(CitationVerifier(ALLOWED))
    assert f.feed("见[注意\n下一行") == "见[注意\n下一行"


@pytest.mark.parametrize(("text", "task"), [
    ("起草一条关于训练数据标注质量的要求，参照GB/T 46347的风险评估能力域", Task.CLAUSE),
    ("把5.3改写为可验证的要求", Task.REWRITE),
    ("给出'人工智能系统'的术语条目", Task.TERM),
    ("为本文件起草范围", Task.SCOPE),
    ("起草前言", Task.FOREWORD),
    ("规范性引用文件的引导语怎么写", Task.REFERENCES),
    ("风险登记册应记录哪些信息？", Task.ANSWER),
    ("What does the standard say about risk registers?", Task.ANSWER),
])
def test_task_is_guessed_from_the_message(text: str, task: Task) -> None:
    assert detect(text).task == task


def test_request_details_are_read() -> None:
    r = detect("把5.3改写为可验证的要求")
    assert r.number == "5.3" and r.goal == RewriteGoal.VERIFIABLE
    t = detect("将“组织应记录风险。”翻译成英文")
    assert t.goal == RewriteGoal.TRANSLATE and t.language == "en" and t.clause_text == "组织应记录风险。"
    assert detect("起草风险评估的试验方法条款").clause_kind == ClauseKind.TEST_METHOD
    assert detect("给出“人工智能系统”的术语条目").clause_text == "人工智能系统"


def test_source_with_modification_note_is_verified_on_its_unit() -> None:
    v = CitationVerifier(["ISO/IEC 22989:2022，3.1.4"])
    assert v.clean("[来源：ISO/IEC 22989:2022，3.1.4，有修改]") == "[来源：ISO/IEC 22989:2022，3.1.4，有修改]"
    assert v.clean("[来源：ISO/IEC 22989:2022，3.9.9，有修改]") == ""
    assert [r.citation for r in v.removed] == ["ISO/IEC 22989:2022，3.9.9，有修改"]
