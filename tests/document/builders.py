"""Make real .docx and PDF files from a parsed document, the way Word and PDF printers lay them out."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.document.markdown import to_markdown
from assistant.document.model import Document


def body_lines(document: Document) -> list[str]:
    text = to_markdown(document)
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return text.split("\n")


def write_docx(document: Document, path: Path, cover: list[str] | None = None) -> Path:
    import docx

    out = docx.Document()
    for line in cover or []:
        out.add_paragraph(line)
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = out.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
            rows.clear()

    for line in body_lines(document):
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r"-{2,}", c) for c in cells):
                rows.append(cells)
            continue
        flush()
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            out.add_paragraph(m.group(2).replace("**", ""), style=f"Heading {min(len(m.group(1)), 9)}")
        elif line.strip():
            out.add_paragraph(line.replace("**", ""))
    flush()
    out.save(str(path))
    return path


def write_pdf(document: Document, path: Path, running_head: str = "", wrap: int = 38) -> Path:
    """A PDF with a running head and page numbers on every page, body lines hard-wrapped like a printer."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    y, page = 780.0, 1

    def new_page() -> None:
        nonlocal y, page
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(280, 40, str(page))
        pdf.showPage()
        page += 1
        y = 780.0

    def head() -> None:
        pdf.setFont("STSong-Light", 9)
        if running_head:
            pdf.drawString(400, 810, running_head)
        pdf.setFont("STSong-Light", 10)

    head()
    for raw in body_lines(document):
        line = re.sub(r"^#{1,6}\s+", "", raw).replace("**", "")
        if not line.strip() or line.startswith("|---"):
            continue
        is_heading = raw.startswith("#") or line.startswith("|")
        pieces = [line] if is_heading else _wrap(line, wrap)
        for piece in pieces:
            if y < 60:
                new_page()
                head()
            pdf.drawString(60, y, piece)
            y -= 14
    new_page()
    pdf.save()
    return path


def _wrap(line: str, width: int) -> list[str]:
    """Break where a printed line fills up: CJK characters are one unit wide, ASCII half a unit."""
    pieces, current, used = [], "", 0.0
    for ch in line:
        w = 0.5 if ord(ch) < 128 else 1.0
        if used + w > width:
            pieces.append(current)
            current, used = "", 0.0
        current += ch
        used += w
    return [*pieces, current] if current else pieces
