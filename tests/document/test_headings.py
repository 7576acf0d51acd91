"""Headings whose title begins with a word that usually continues a cross-reference (与, 的, 和)."""

from __future__ import annotations

from assistant.document.parse_text import parse_text

FRONT = "---\ndesignation: GB/T 1—2026\nkind: GB/T\ntitle_zh: 测试\n---\n\n## 5　要求\n### 5.1　总则\n"


def numbers(text: str) -> list[str]:
    return [c.number for c in parse_text(FRONT + text, "t.md").walk()]


def test_markdown_heading_starting_with_yu_is_a_heading() -> None:
    assert "5.1.1" in numbers("#### 5.1.1　与人工智能有关的风险\n组织应识别风险。\n")


def test_full_width_space_marks_a_heading_in_plain_text() -> None:
    assert "5.1.1" in numbers("5.1.1　与人工智能有关的风险\n组织应识别风险。\n")


def test_reference_wrapped_to_line_start_stays_text() -> None:
    parsed = numbers("组织应满足\n5.1.1 与5.1.2规定的要求。\n")
    assert "5.1.1" not in parsed
