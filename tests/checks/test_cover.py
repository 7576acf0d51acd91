"""COV-001 to COV-004: designation form, ICS/CCS, English title, patent notice of drafts."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where


def test_cov001_colon_and_hyphen() -> None:
    for bad in ("GB/T 90901:2026", "GB/T 90901-2026"):
        found = findings(replaced(CLEAN_ZH, "designation: GB/T 90901—2026", f"designation: {bad}"), "COV-001")
        assert where(found) == ["cover"] and found[0].suggestion == "GB/T 90901—2026"


def test_cov001_no_year() -> None:
    found = findings(replaced(CLEAN_ZH, "designation: GB/T 90901—2026", "designation: GB/T 90901"), "COV-001")
    assert where(found) == ["cover"] and "年代号" in found[0].message_zh


def test_cov001_negative_em_dash_placeholder_and_iso() -> None:
    placeholder = replaced(CLEAN_ZH, "designation: GB/T 90901—2026", "designation: GB/T XXXXX—XXXX")
    assert findings(CLEAN_ZH, "COV-001") == [] and findings(placeholder, "COV-001") == []
    assert findings(CLEAN_EN, "COV-001") == []  # "ISO/IEC 90999:2026" is right for ISO


def test_cov002_ics_missing() -> None:
    found = findings(replaced(CLEAN_ZH, "ics: 35.240.01\n", ""), "COV-002")
    assert where(found) == ["cover"] and "ICS" in found[0].message_en


def test_cov002_negative() -> None:
    assert findings(CLEAN_ZH, "COV-002") == []
    assert findings(CLEAN_EN, "COV-002") == []  # ISO documents carry no CCS


def test_cov003_english_title_missing() -> None:
    found = findings(replaced(CLEAN_ZH, "title_en: Artificial intelligence—Test sample for check rules\n", ""),
                     "COV-003")
    assert where(found) == ["cover"]


def test_cov003_negative() -> None:
    assert findings(CLEAN_ZH, "COV-003") == []


def test_cov004_draft_without_patent_notice() -> None:
    text = replaced(CLEAN_ZH, "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。\n", "")
    assert where(findings(text, "COV-004")) == ["cover"]


def test_cov004_negative_published_or_notice_present() -> None:
    published = replaced(CLEAN_ZH, "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。\n", "")
    published = replaced(published, "stage: 征求意见稿", "stage: published")
    assert findings(CLEAN_ZH, "COV-004") == [] and findings(published, "COV-004") == []
