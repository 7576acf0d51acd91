"""The SARIF log and the terminal report."""

from __future__ import annotations

import json

from assistant.checks import all_rules
from assistant.checks.report import render_text, to_json, to_sarif
from tests.checks.fixtures import CLEAN_ZH, findings, replaced


def _faulty() -> str:
    text = replaced(CLEAN_ZH, "### 4.2　性能", "### 4.3　性能")
    text = replaced(text, "样例系统的响应时间应不大于1 s", "样例系统的响应时间必须不大于1 s")
    return replaced(text, "ics: 35.240.01\n", "")


def test_sarif_is_structurally_valid() -> None:
    found = findings(_faulty())
    log = json.loads(json.dumps(to_sarif(found, all_rules(), "drafts/x.md", "0.1.0"), ensure_ascii=False))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "stdraft"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for r in driver["rules"]:
        assert r["shortDescription"]["text"] and r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert len(run["results"]) == len(found) >= 3
    for result, f in zip(run["results"], found, strict=True):
        assert result["ruleId"] == f.rule and rule_ids[result["ruleIndex"]] == f.rule
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "drafts/x.md"
        if "region" in physical:
            assert isinstance(physical["region"]["startLine"], int) and physical["region"]["startLine"] >= 1
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"COV-002": "warning", "NUM-001": "error", "VF-001": "warning"}
    assert any("region" in r["locations"][0]["physicalLocation"] for r in run["results"])


def test_text_report_groups_by_clause() -> None:
    found = findings(_faulty())
    text = render_text(found, "x.md", color=False)
    assert text.index("封面 / cover") < text.index("4.3") < text.index("4.2")
    assert "NUM-001" in text and "编号不连续" in text and "numbering gap" in text
    assert "1 个错误、2 个警告、0 个提示" in text
    assert "\x1b[" not in text
    assert "\x1b[" in render_text(found, "x.md", color=True)


def test_json_contract_fields() -> None:
    data = to_json(findings(_faulty()))
    for item in data:
        assert {"rule", "severity", "clause", "message", "message_zh", "message_en", "suggestion", "text",
                "span", "location"} <= set(item)
