"""The .docx report: a comparison table laid out as GB documents lay out tables (SimSun body, SimHei
caption centred above, "表N　caption" with a full-width space), readable in Word, WPS and LibreOffice."""

from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from assistant.compare.model import STATUS_ZH, Comparison, DiffOp, Status

_FONT = "宋体"
_HEAD_FONT = "黑体"


def write_docx(result: Comparison, path: str | Path, show_unchanged: bool = False) -> Path:
    out = Path(path)
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.name = _FONT
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), _FONT)  # python-docx sets only the Latin font
    _caption(doc, "逐条比较报告（Clause-by-clause comparison）", 14)
    doc.add_paragraph(f"左（Left）：{result.left_label}")
    doc.add_paragraph(f"右（Right）：{result.right_label}")
    _caption(doc, "表1　变化汇总（Summary）", 10.5)
    summary = doc.add_table(rows=1, cols=2)
    summary.style = "Table Grid"
    _header(summary.rows[0].cells, ["类别（Status）", "数量（Count）"])
    for s in Status:
        cells = summary.add_row().cells
        cells[0].text = f"{STATUS_ZH[s]}（{s.value}）"
        cells[1].text = str(result.summary.counts.get(s.value, 0))
    _caption(doc, "表2　逐条比较（Comparison）", 10.5)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    _header(table.rows[0].cells, ["左章条", "左文本", "右章条", "右文本", "类别及说明"])
    for p in result.pairs:
        if p.status == Status.UNCHANGED and not show_unchanged:
            continue
        cells = table.add_row().cells
        cells[0].text = p.left or "—"
        cells[2].text = p.right or "—"
        if p.diff:
            _diff_runs(cells[1].paragraphs[0], p.diff, "left")
            _diff_runs(cells[3].paragraphs[0], p.diff, "right")
        else:
            cells[1].text = p.left_text
            cells[3].text = p.right_text
        cells[4].text = "\n".join([f"{STATUS_ZH[p.status]}（{p.status.value}）", *p.changes])
    _table_changes(doc, result)
    doc.save(str(out))
    return out


def _table_changes(doc: object, result: Comparison) -> None:
    """表3: one row per changed table cell, and per table added, removed or gaining or losing rows."""
    changed = [t for t in result.tables if t.status != "unchanged"]
    if not changed:
        return
    _caption(doc, "表3　表格变化（Table changes）", 10.5)
    table = doc.add_table(rows=1, cols=5)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    _header(table.rows[0].cells, ["表格", "行", "列", "左", "右"])
    for t in changed:
        cells = table.add_row().cells
        cells[0].text = f"{t.left or '—'} → {t.right or '—'}"
        cells[1].text = "—"
        cells[2].text = "—"
        cells[3].text = t.caption_left
        cells[4].text = t.summary()
        for c in t.cells:
            cells = table.add_row().cells
            cells[0].text = t.right or t.left or ""
            cells[1].text = str(c.row)
            cells[2].text = str(c.column + 1)
            if c.diff:
                _diff_runs(cells[3].paragraphs[0], c.diff, "left")
                _diff_runs(cells[4].paragraphs[0], c.diff, "right")
            else:
                cells[3].text = c.left
                cells[4].text = c.right


def _caption(doc: object, text: str, size: float) -> None:
    para = doc.add_paragraph()  # type: ignore[attr-defined]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    run.font.name = _HEAD_FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _HEAD_FONT)


def _header(cells: object, names: list[str]) -> None:
    for cell, name in zip(cells, names, strict=True):  # type: ignore[call-overload]
        cell.text = ""
        cell.paragraphs[0].add_run(name).bold = True


def _diff_runs(paragraph: object, ops: list[DiffOp], side: str) -> None:
    for op in ops:
        text = op.left if side == "left" else op.right
        if not text:
            continue
        run = paragraph.add_run(text)  # type: ignore[attr-defined]
        if op.op != "equal":
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00) if side == "left" else RGBColor(0x00, 0x70, 0x20)
            if side == "left":
                run.font.strike = True
            else:
                run.font.underline = True
