"""The catalogue and the runner: SYS-001, rule selection, structures, order, robustness."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.checks import (
    CheckContext,
    Hit,
    RuleInfo,
    Severity,
    all_rules,
    get_rule,
    register,
    rule,
    run_checks,
)
from assistant.checks.registry import unregister
from assistant.document.model import (
    Clause,
    ClauseKind,
    Document,
    DocumentMeta,
    Paragraph,
    Structure,
    TermEntry,
)
from assistant.document.parse_text import parse_text
from tests.checks.fixtures import CLEAN_ZH, findings, replaced

# the GB/T 1.1 rules of assistant/checks, plus the rules other packages add to the same catalogue:
# REQ-* (assistant/requirements) and TRM-101…109 (assistant/terms)
CATALOGUE = {
    "STR": 4, "COV": 4, "FWD": 5, "NUM": 7, "REF": 4, "ANX": 4, "VF": 11, "TRM": 6 + 9, "NRF": 5, "NTE": 2, "SYS": 1,
    "REQ": 10,
}


def test_catalogue_is_complete_and_described() -> None:
    rules = all_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) == sum(CATALOGUE.values())
    for prefix, count in CATALOGUE.items():
        assert sum(1 for i in ids if i.startswith(prefix + "-")) == count
    for r in rules:
        assert r.title_zh and r.title_en and r.source and r.rationale
        assert set(r.describe()) >= {"id", "severity", "title_zh", "title_en", "source", "rationale"}
    assert get_rule("VF-001").severity == Severity.WARNING and get_rule("NUM-004").severity == Severity.ERROR


def test_failing_rule_becomes_sys001_and_others_still_run() -> None:
    def broken(ctx: CheckContext) -> Iterator[Hit]:
        raise RuntimeError("boom")
        yield  # pragma: no cover

    bad = RuleInfo(id="TST-999", severity=Severity.WARNING, title_zh="测试", title_en="test", source="-",
                   rationale="-", func=broken)
    text = replaced(CLEAN_ZH, "样例系统的响应时间应不大于1 s", "样例系统的响应时间必须不大于1 s")
    found = run_checks(parse_text(text, "t.md"), rules=[bad, get_rule("VF-001")])
    assert [f.rule for f in found] == ["SYS-001", "VF-001"]
    assert "TST-999" in found[0].message_en and "boom" in found[0].message_en
    assert found[0].severity == Severity.ERROR


def test_registered_failing_rule_runs_with_the_catalogue() -> None:
    @rule("TST-998", severity="info", title_zh="测试", title_en="test", source="-", rationale="-")
    def broken(ctx: CheckContext) -> Iterator[Hit]:
        raise KeyError("missing")

    try:
        found = run_checks(parse_text(CLEAN_ZH, "t.md"))
        assert [f.rule for f in found] == ["SYS-001"]
    finally:
        unregister("TST-998")
    assert "TST-998" not in {r.id for r in all_rules()}


def test_register_refuses_a_duplicate_id() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register(RuleInfo(id="VF-001", severity=Severity.INFO, title_zh="x", title_en="x", source="-",
                          rationale="-", func=lambda ctx: ()))


def test_only_selects_rules_and_families() -> None:
    text = replaced(CLEAN_ZH, "### 4.2　性能", "### 4.3　性能")
    text = replaced(text, "样例系统的响应时间应不大于1 s", "样例系统的响应时间必须不大于1 s")
    document = parse_text(text, "t.md")
    assert {f.rule for f in run_checks(document)} == {"NUM-001", "VF-001"}
    assert {f.rule for f in run_checks(document, only=["NUM"])} == {"NUM-001"}
    assert {f.rule for f in run_checks(document, only=["vf-001"])} == {"VF-001"}


def test_findings_in_document_order_with_bilingual_message() -> None:
    text = replaced(CLEAN_ZH, "designation: GB/T 90901—2026", "designation: GB/T 90901-2026")
    text = replaced(text, "### 4.2　性能", "### 4.3　性能")
    text = replaced(text, "测试记录应保存不少于3年", "测试记录必须保存不少于3年")
    found = findings(text)
    assert [f.clause for f in found] == ["cover", "4.3", "B.2"]
    for f in found:
        assert f.message == f"{f.message_zh} / {f.message_en}"


LAW = """# 中华人民共和国样例法

## 第一章　总则

第一条　为了规范样例活动，制定本法。

第二条　从事样例活动，必须遵守法律、行政法规。

第三条　国家支持样例技术的应用。

第四条　任何组织不得利用样例危害国家安全。
"""


def test_law_runs_only_applicable_rules() -> None:
    document = parse_text(LAW, "law.md")
    assert document.meta.structure == Structure.LAW
    ctx = CheckContext(document)
    applicable = {r.id for r in all_rules() if r.applies(ctx)}
    assert applicable == {"SYS-001"}
    assert run_checks(document) == []


def test_eu_and_nist_structures_skip_gb_rules() -> None:
    meta = DocumentMeta(structure=Structure.EU_ACT, language="en")
    ctx = CheckContext(Document(meta=meta))
    applicable = {r.id for r in all_rules() if r.applies(ctx)}
    assert applicable == {"SYS-001", "VF-006", "VF-007"}
    for prefix in ("STR", "COV", "FWD", "NUM", "ANX", "TRM", "NRF"):
        assert not any(a.startswith(prefix) for a in applicable)


def test_malformed_document_never_crashes() -> None:
    weird = Document(meta=DocumentMeta(kind="GB/T"), clauses=[
        Clause(kind=ClauseKind.ANNEX, number="", title="", children=[Clause(kind=ClauseKind.CLAUSE, number=".1")]),
        Clause(kind=ClauseKind.CHAPTER, number="x", title="", blocks=[Paragraph(text="见第99章和附录Q。")]),
        Clause(kind=ClauseKind.TERM, number="3.1", blocks=[TermEntry(number="3.1", definition="。")]),
        Clause(kind=ClauseKind.CLAUSE, number="5.1.1.1.1.1.1", blocks=[Paragraph(text="")]),
        Clause(kind=ClauseKind.BIBLIOGRAPHY, title="参考文献"),
        Clause(kind=ClauseKind.FOREWORD, title="前言"),
    ])
    found = run_checks(weird)
    assert not [f for f in found if f.rule == "SYS-001"], [f.message for f in found if f.rule == "SYS-001"]
    empty = run_checks(Document())
    assert empty == []
