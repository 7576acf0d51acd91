"""PDF to a Document: text extraction with pypdf, then the text parser (which drops running heads)."""

from __future__ import annotations

import logging
from pathlib import Path

from assistant.document.errors import InputError
from assistant.document.model import Document
from assistant.document.parse_text import parse_text, remap_lines


def pdf_lines(path: Path, label: str) -> tuple[list[str], list[int]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every odd font; not the user's concern
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))  # an empty user password still opens many "protected" PDFs
            except Exception:
                opened = False
            if not opened:
                raise InputError(label, "encrypted PDF: remove the password and try again / PDF已加密")
        pages = list(reader.pages)
        lines: list[str] = []
        where: list[int] = []
        for number, page in enumerate(pages, start=1):
            text = page.extract_text() or ""
            for line in text.split("\n"):
                lines.append(line)
                where.append(number)
            lines.append("")
            where.append(number)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(label, f"corrupt PDF: {exc} / PDF已损坏") from None
    if not any(line.strip() for line in lines):
        raise InputError(label, "PDF has no text layer (a scan?); run OCR first / PDF无文字层，请先OCR")
    return lines, where


def parse_pdf(path: Path, label: str) -> Document:
    lines, where = pdf_lines(path, label)
    document = parse_text("\n".join(lines), label, wrapped=True)
    remap_lines(document, where, "page")
    return document
