"""`stdraft check` and `stdraft rules`: the JSON contract, exit codes, SARIF and --annotate."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from assistant.checks.annotate import read_comments
from assistant.cli.main import main
from assistant.document.parse_text import parse_text
from tests.checks.fixtures import CLEAN_ZH, replaced
from tests.document.builders import write_docx


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def _draft(tmp_path: Path, text: str, name: str = "draft.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


FAULTY = replaced(replaced(CLEAN_ZH, "### 4.2　性能", "### 4.3　性能"), "样例系统的响应时间应不大于1 s",
                  "样例系统的响应时间必须不大于1 s")


def test_check_json_contract_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "check", str(_draft(tmp_path, FAULTY)), "--json")
    data = json.loads(out)
    assert code == 1
    assert [(d["rule"], d["clause"]) for d in data] == [("NUM-001", "4.3"), ("VF-001", "4.3")]
    for item in data:
        assert {"rule", "severity", "clause", "message", "suggestion"} <= set(item)
    code, out, _ = _run(capsys, "check", str(_draft(tmp_path, CLEAN_ZH, "clean.md")), "--json")
    assert code == 0 and json.loads(out) == []
    warnings_only = replaced(CLEAN_ZH, "样例系统的响应时间应不大于1 s", "样例系统的响应时间必须不大于1 s")
    code, _, _ = _run(capsys, "check", str(_draft(tmp_path, warnings_only, "warn.md")), "--json")
    assert code == 0


def test_check_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", str(tmp_path / "missing.md"))
    assert code == 2 and "no such file" in err
    code, _, err = _run(capsys, "check", str(_draft(tmp_path, FAULTY)), "--annotate", str(tmp_path / "o.docx"))
    assert code == 2 and "--annotate needs a .docx input" in err


def test_check_sarif_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _draft(tmp_path, FAULTY)
    code, out, _ = _run(capsys, "check", str(path), "--format", "sarif")
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"NUM-001", "VF-001"}
    code, out, _ = _run(capsys, "check", str(path), "--no-color")
    assert code == 1 and "NUM-001" in out and "4.3" in out
    code, out, _ = _run(capsys, "check", str(path), "--rule", "VF", "--json")
    assert code == 0 and [d["rule"] for d in json.loads(out)] == ["VF-001"]


def test_rules_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--json")
    rules = json.loads(out)
    assert code == 0 and len(rules) == 53 + 10 + 9  # GB/T 1.1 rules, REQ-*, TRM-101…109
    assert {"id", "severity", "title_zh", "title_en", "source", "rationale"} <= set(rules[0])


def test_annotate_writes_readable_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_docx(parse_text(FAULTY, "draft.md"), tmp_path / "draft.docx")
    out_path = tmp_path / "annotated.docx"
    code, out, err = _run(capsys, "check", str(source), "--json", "--annotate", str(out_path))
    found = json.loads(out)
    assert code == 1 and {f["rule"] for f in found} >= {"NUM-001", "VF-001"}
    comments = read_comments(out_path)
    assert len(comments) == len(found) and "comments written" in err
    assert all(author == "stdraft" for author, _ in comments)
    assert {text.split("]")[0].lstrip("[") for _, text in comments} == {f["rule"] for f in found}
    with zipfile.ZipFile(out_path) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    anchored = [re.sub(r"<[^>]+>", "", m.group(2)) for m in re.finditer(
        r'<w:commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="\1"/>', xml, re.S)]
    assert len(anchored) == len(found)
    # each comment covers the offending text: the heading for NUM-001, the sentence with 必须 for VF-001
    by_rule = dict(zip((f["rule"] for f in found), anchored, strict=True))
    assert by_rule["NUM-001"] == "4.3　性能"
    assert by_rule["VF-001"] == "样例系统的响应时间必须不大于1 s，测试方法见5.1和附录A。"


def test_annotate_anchor_isolates_the_text(tmp_path: Path) -> None:
    import docx

    from assistant.checks.annotate import _anchor

    document = docx.Document()
    paragraph = document.add_paragraph("样例系统的响应时间必须不大于1 s。")
    runs = _anchor(paragraph, "必须")
    assert "".join(r.text for r in runs) == "必须"
    assert paragraph.text == "样例系统的响应时间必须不大于1 s。"
