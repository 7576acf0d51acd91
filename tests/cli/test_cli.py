"""The CLI contract later work builds on: JSON on stdout, errors on stderr with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant.cli.main", *args], capture_output=True, text=True,
                          timeout=120)


def test_outline_json_contract() -> None:
    result = run("outline", str(CORPUS / "sample-ai-risk-capability.md"), "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert all({"number", "title", "kind", "level"} <= set(item) for item in items)
    by_number = {i["number"]: i for i in items if i["number"]}
    assert by_number["5.3.1"]["kind"] == "clause" and by_number["5.3.1"]["level"] == 3
    assert by_number["3.2"]["kind"] == "term"
    assert by_number["A"]["kind"] == "annex" and by_number["A"]["normative"] is True
    assert by_number["B"]["normative"] is False
    assert "normative" not in by_number["5"]


def test_parse_json_is_the_whole_document() -> None:
    result = run("parse", str(CORPUS / "sample-ai-terminology.md"), "--json")
    data = json.loads(result.stdout)
    assert data["meta"]["designation"] == "GB/T 90001—2026"
    assert data["meta"]["sample"] is True
    terms = [b for c in _walk(data["clauses"]) for b in c["blocks"] if b["type"] == "term"]
    assert len(terms) >= 40 and all(t["term_zh"] and t["definition"] for t in terms)


def test_markdown_output_parses_again(tmp_path: Path) -> None:
    result = run("parse", str(CORPUS / "sample-ai-terminology.md"), "--markdown")
    out = tmp_path / "again.md"
    out.write_text(result.stdout, encoding="utf-8")
    again = run("outline", str(out), "--json")
    first = run("outline", str(CORPUS / "sample-ai-terminology.md"), "--json")
    strip = lambda items: [{k: v for k, v in i.items() if k != "location"} for i in json.loads(items)]  # noqa: E731
    assert strip(again.stdout) == strip(first.stdout)


def _walk(clauses: list[dict[str, object]]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for c in clauses:
        out.append(c)
        out += _walk(c.get("children", []))  # type: ignore[arg-type]
    return out
