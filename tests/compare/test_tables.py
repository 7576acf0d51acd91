"""Tables: paired through the units that hold them (or by number), rows paired, cells diffed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.compare import compare_documents
from assistant.compare.report_docx import write_docx
from assistant.compare.report_html import render_html
from tests.compare.conftest import doc

HEAD = "---\ndesignation: GB/T 99991—2026\nkind: GB/T\ntitle_zh: 表格测试\nlanguage: zh\n---\n\n"
ROWS = [("日志类型", "保存期限", "存储位置"), ("操作日志", "6个月", "本地"), ("审计日志", "12个月", "异地"),
        ("安全日志", "12个月", "异地")]


def _table(rows: Sequence[tuple[str, ...]], number: str = "1") -> str:
    lines = [f"表{number}　日志保存要求", "", "| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _zh(rows: Sequence[tuple[str, ...]], before: str = "") -> str:
    return (HEAD + "## 4　日志\n\n" + before + "### 4.1　保存\n\n日志应按表1的规定保存。\n\n" + _table(rows) + "\n\n"
            "### 4.2　检查\n\n审计人员应每月检查日志。\n")


def test_cells_and_rows_diffed() -> None:
    rows = list(ROWS)
    rows[2] = ("审计日志", "24个月", "异地")
    rows.append(("访问日志", "3个月", "本地"))
    result = compare_documents(doc(_zh(ROWS)), doc(_zh(rows)))
    [table] = result.tables
    assert (table.left, table.right, table.left_unit, table.right_unit) == ("1", "1", "4.1", "4.1")
    assert table.status == "changed"
    assert table.rows_added == [4] and table.rows_deleted == []
    assert table.added_text == ["访问日志　3个月　本地"]
    [cell] = table.cells
    assert (cell.row, cell.column, cell.left, cell.right) == (2, 1, "12个月", "24个月")
    assert any(op.op == "replace" and op.left == "12" and op.right == "24" for op in cell.diff)
    pair = next(p for p in result.pairs if p.left == "4.1")
    assert pair.status.value == "technical"


def test_table_follows_its_renumbered_clause() -> None:
    inserted = "### 4.1　范围\n\n本章适用于全部日志。\n\n"
    right = _zh(ROWS, before=inserted).replace("### 4.1　保存", "### 4.2　保存").replace("### 4.2　检查", "### 4.3　检查")
    result = compare_documents(doc(_zh(ROWS)), doc(right))
    [table] = result.tables
    assert (table.left_unit, table.right_unit, table.status) == ("4.1", "4.2", "unchanged")
    assert table.cells == [] and table.rows_added == []


def test_added_and_deleted_tables() -> None:
    without = _zh(ROWS).replace(_table(ROWS), "")
    added = compare_documents(doc(without), doc(_zh(ROWS))).tables
    assert [(t.status, t.right, t.rows_added) for t in added] == [("added", "1", [0, 1, 2, 3])]
    deleted = compare_documents(doc(_zh(ROWS)), doc(without)).tables
    assert [(t.status, t.left) for t in deleted] == [("deleted", "1")]


EN = """---
designation: ISO/IEC 99991:2026
kind: ISO/IEC
title_en: Table test
language: en
---

## 4 Logging

### 4.1 Retention

Logs shall be retained as specified in Table 1.

Table 1 — Log retention requirements

| Log type | Retention period | Storage location |
|---|---|---|
| Operation log | 6 months | local |
| Audit log | 12 months | off-site |
| Security log | 12 months | off-site |

### 4.2 Review

Auditors shall review the logs every month.
"""


def test_crosslingual_row_added_is_a_technical_deviation() -> None:
    def no_embedding(texts: object) -> object:
        raise AssertionError("numbers, values and order pair these units without the model")

    rows = [*ROWS, ("访问日志", "3个月", "本地")]
    result = compare_documents(doc(EN), doc(_zh(rows)), embedder=no_embedding)  # type: ignore[arg-type]
    assert result.mode == "crosslingual"
    [table] = result.tables
    assert table.rows_added == [4] and table.cells == []  # values of the kept rows agree across languages
    pair = next(p for p in result.pairs if p.left == "4.1")
    assert pair.right == "4.1" and pair.status.value == "technical"
    assert any("表格" in c for c in pair.changes)
    faithful = compare_documents(doc(EN), doc(_zh(ROWS)), embedder=no_embedding)  # type: ignore[arg-type]
    assert faithful.tables[0].status == "unchanged"
    assert next(p for p in faithful.pairs if p.left == "4.1").status.value == "unchanged"


def test_reports_show_table_changes(tmp_path: Path) -> None:
    import docx

    rows = list(ROWS)
    rows[2] = ("审计日志", "24个月", "异地")
    result = compare_documents(doc(_zh(ROWS)), doc(_zh(rows)))
    page = render_html(result)
    assert "表格 Tables" in page and "<del>12</del>" in page and "<ins>24</ins>" in page
    opened = docx.Document(str(write_docx(result, tmp_path / "r.docx")))
    assert len(opened.tables) == 3
    texts = {c.text for row in opened.tables[2].rows for c in row.cells}
    assert "12个月" in texts and "24个月" in texts


def test_table_section_in_chromium(tmp_path: Path) -> None:
    from tests.support.browser import chromium_page

    rows = list(ROWS)
    rows[2] = ("审计日志", "24个月", "异地")
    page_path = tmp_path / "tables.html"
    page_path.write_text(render_html(compare_documents(doc(_zh(ROWS)), doc(_zh([*rows, ("访问日志", "3个月", "本地")])))),
                         encoding="utf-8")
    artifacts = Path(__file__).resolve().parents[1] / "artifacts"
    artifacts.mkdir(exist_ok=True)
    shot = artifacts / "compare-report-tables.png"
    with chromium_page() as page:
        page.goto(page_path.as_uri())
        assert page.locator("h3.changed").count() == 1
        assert page.locator("table.cells ins").inner_text() == "24"
        assert page.locator("ul.rows ins").inner_text() == "访问日志　3个月　本地"
        page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 5000


def test_cli_json_and_text_carry_tables(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from assistant.cli.main import app

    rows = list(ROWS)
    rows[2] = ("审计日志", "24个月", "异地")
    left, right = tmp_path / "a.md", tmp_path / "b.md"
    left.write_text(_zh(ROWS), encoding="utf-8")
    right.write_text(_zh(rows), encoding="utf-8")
    out = CliRunner().invoke(app, ["compare", str(left), str(right), "--json"])
    assert out.exit_code == 0, out.output
    [table] = json.loads(out.stdout)["tables"]
    assert table["status"] == "changed" and table["cells"][0]["right"] == "24个月"
    text = CliRunner().invoke(app, ["compare", str(left), str(right)])
    assert "12个月 → 24个月" in text.stdout
