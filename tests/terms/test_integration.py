"""The TRM rules in `stdraft check` (same formats as the other rules) and `stdraft term --json`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.checks.registry import all_rules, run_checks
from assistant.cli.main import app
from assistant.terms.base import set_default_term_base
from tests.terms.conftest import draft, entry


@pytest.fixture
def installed(base):
    set_default_term_base(base)
    yield base
    set_default_term_base(None)


def test_rules_registered():
    import assistant.terms.rules  # noqa: F401

    ids = {r.id for r in all_rules()}
    assert {f"TRM-10{i}" for i in range(1, 10)} <= ids


def test_run_checks_reports_term_findings(installed):
    import assistant.terms.rules  # noqa: F401

    doc = draft(entry("3.1", "样例概念", "sample concept", "某种样例概念") + entry("3.2", "样例概念", "sample concept", "另一种"),
                "样例概念。")
    findings = run_checks(doc, only=["TRM-1"])
    assert [f.rule for f in findings] == ["TRM-105"]
    assert findings[0].clause == "3.2" and " / " in findings[0].message


def test_cli_term_json(installed):
    result = CliRunner().invoke(app, ["term", "AI系统", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["count"] >= 2
    assert {"definition", "source", "number", "references"} <= set(data["entries"][0])
    assert {e["term_zh"] for e in data["entries"]} >= {"人工智能系统"}


def test_cli_term_not_found(installed):
    result = CliRunner().invoke(app, ["term", "完全无关的查询词语组合甲乙丙"])
    assert result.exit_code == 1
