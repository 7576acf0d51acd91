"""Mechanical fixes: offered only for a rewrite of the offending text, applied to that clause only."""

from __future__ import annotations

import pytest

from assistant.checks.model import Finding, Severity
from assistant.workspace.errors import Conflict
from assistant.workspace.fixes import apply_fix, fix_for
from assistant.workspace.review import FindingsCache, findings_for
from tests.api.workspace import DRAFT


def _finding(text: str, suggestion: str, clause: str = "4") -> Finding:
    return Finding(rule="VF-001", severity=Severity.ERROR, clause=clause, message_zh="甲", message_en="a", text=text,
                   suggestion=suggestion)


def test_the_modal_verb_finding_carries_a_fix_that_applies() -> None:
    fixable = [f for f in findings_for(DRAFT) if f.fix is not None]
    assert [(f.finding.rule, f.fix.clause) for f in fixable if f.fix] == [("VF-001", "4")]
    fixed = apply_fix(DRAFT, fixable[0].fix)  # type: ignore[arg-type]
    assert fixed == DRAFT.replace("标注员必须经过培训。", "标注员应经过培训。")


@pytest.mark.parametrize(("text", "suggestion", "clause"), [
    ("标注员必须经过培训。", "将要求移至正文 / move the requirement into the body", "4"),  # an instruction
    ("标注员必须经过培训。", "完全不同的一句话，与原文无关。", "4"),  # not a rewrite
    ("本文件", "本标准", "1"),  # occurs twice in clause 1: which one is unclear
    ("标注员必须经过培训。", "标注员应经过培训。", "9"),  # no such clause
    ("", "应", "4"),
])
def test_no_fix_when_it_could_go_wrong(text: str, suggestion: str, clause: str) -> None:
    assert fix_for(_finding(text, suggestion, clause), DRAFT) is None


def test_a_fix_on_a_changed_clause_is_refused() -> None:
    fix = fix_for(_finding("标注员必须经过培训。", "标注员应经过培训。"), DRAFT)
    assert fix is not None
    with pytest.raises(Conflict):
        apply_fix(DRAFT.replace("标注员必须经过培训。", "已改写。"), fix)


def test_findings_are_cached_by_content_hash() -> None:
    cache = FindingsCache(size=2)
    first = cache.get("h1", DRAFT)
    assert cache.get("h1", "not even parsed: the hash decides") is first
    cache.get("h2", DRAFT)
    cache.get("h3", DRAFT)
    assert cache.get("h1", DRAFT) is not first  # evicted, computed again
