"""The CLI contract: `stdraft compare A B --json`, adoption mode, reports and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.main import app
from tests.compare.conftest import base_chapters, render

STATUSES = {"unchanged", "editorial", "technical", "added", "deleted", "moved", "split", "merged"}


def _files(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "a.md", tmp_path / "b.md"
    left.write_text(render(base_chapters()), encoding="utf-8")
    chapters = base_chapters()
    chapters[0][2][0] = ("4.1", "日志记录", "系统宜记录全部管理员操作日志，日志至少保存6个月。")
    del chapters[1][2][2]
    right.write_text(render(chapters), encoding="utf-8")
    return left, right


def test_json_contract(tmp_path: Path) -> None:
    left, right = _files(tmp_path)
    out = CliRunner().invoke(app, ["compare", str(left), str(right), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data) >= {"pairs", "summary", "mode", "left_label", "right_label"}
    for pair in data["pairs"]:
        assert set(pair) >= {"left", "right", "status", "diff"}
        assert pair["status"] in STATUSES
        assert pair["left"] is None or isinstance(pair["left"], str)
        for op in pair["diff"]:
            assert op["op"] in {"equal", "insert", "delete", "replace"}
    by_key = {(p["left"], p["right"]): p for p in data["pairs"]}
    assert by_key[("4.1", "4.1")]["status"] == "technical"
    assert by_key[("5.3", None)]["status"] == "deleted"
    assert data["summary"]["counts"]["technical"] == 1
    assert data["mode"] == "monolingual"


def test_adoption_mode(tmp_path: Path) -> None:
    left, right = _files(tmp_path)
    out = CliRunner().invoke(app, ["compare", str(left), str(right), "--json", "--adoption", "MOD"])
    assert out.exit_code == 0, out.output
    adoption = json.loads(out.stdout)["adoption"]
    assert {d["clause"] for d in adoption["deviations"]} == {"4.1", "5.3"}
    assert "技术差异" in adoption["foreword"]
    assert any(r["national"] == "—" and r["international"] == "5.3" for r in adoption["correspondence"])


def test_text_output_and_reports(tmp_path: Path) -> None:
    left, right = _files(tmp_path)
    html, docx = tmp_path / "r.html", tmp_path / "r.docx"
    out = CliRunner().invoke(app, ["compare", str(left), str(right), "--html", str(html), "--docx", str(docx)])
    assert out.exit_code == 0, out.output
    assert "technical" in out.stdout and "deleted" in out.stdout
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert docx.stat().st_size > 0


def test_designation_lookup_and_bad_input(tmp_path: Path) -> None:
    from assistant.compare.sources import resolve
    from assistant.document.errors import InputError

    document, label = resolve("GB/T 90003-2026")
    assert label.endswith("sample-ai-data-quality-mod.md")
    assert document.meta.designation.startswith("GB/T 90003")
    try:
        resolve(str(tmp_path / "missing.md"))
    except InputError:
        pass
    else:
        raise AssertionError("a missing file must be refused")
