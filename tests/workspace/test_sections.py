"""Clause sections: an edit replaces one section's lines and nothing else."""

from __future__ import annotations

from itertools import pairwise

import pytest

from assistant.workspace.errors import Invalid, NotFound
from assistant.workspace.sections import replace_section, section_text, sections
from tests.api.workspace import DRAFT


def test_sections_cover_the_draft_in_order() -> None:
    found = sections(DRAFT)
    assert [s.label for s in found] == ["cover", "前言", "1", "2", "3", "4"]
    lines = DRAFT.split("\n")
    assert found[0].start == 0 and found[-1].end == len(lines)
    assert all(a.end == b.start for a, b in pairwise(found))
    assert section_text(DRAFT, "1").startswith("## 1　范围")


@pytest.mark.parametrize("label", ["1", "2", "4", "前言"])
def test_replacing_one_section_leaves_the_others_untouched(label: str) -> None:
    before = {s.label: section_text(DRAFT, s.label) for s in sections(DRAFT)}
    heading = section_text(DRAFT, label).split("\n")[0]
    edited = replace_section(DRAFT, label, f"{heading}\n新的文字。\r\n")
    after = {s.label: section_text(edited, s.label) for s in sections(edited)}
    assert after.keys() == before.keys()
    assert after[label] == f"{heading}\n新的文字。"
    assert {k: v for k, v in after.items() if k != label} == {k: v for k, v in before.items() if k != label}


def test_unknown_clause_and_broken_structure() -> None:
    with pytest.raises(NotFound):
        replace_section(DRAFT, "9", "## 9　其他\n文字")
    with pytest.raises(Invalid):
        replace_section(DRAFT, "cover", "---\ntitle_zh: [unclosed\n---")
