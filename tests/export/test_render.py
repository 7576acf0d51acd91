"""The layout as LibreOffice renders it (one conversion for the suite, see conftest.exported)."""

from __future__ import annotations

import re
import subprocess

from pypdf import PdfReader

from assistant.export.render import page_texts, printed_page_numbers
from tests.export.conftest import Rendered


def _fonts(pdf: object) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def test_pages_are_a4(exported: Rendered) -> None:
    for pdf in (exported.published_pdf, exported.draft_pdf):
        for page in PdfReader(pdf).pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1


def test_cover_text(exported: Rendered) -> None:
    cover = page_texts(exported.published_pdf)[0]
    for text in ("ICS", "CCS L 70", "中华人民共和国国家标准", "GB/T 90003—2026", "人工智能", "过程要求",
                 "(ISO/IEC 90003:2025, MOD)", "2026-03-01", "发布", "实施", "国家市场监督管理总局"):
        assert text in cover, text
    draft_cover = page_texts(exported.draft_pdf)[0]
    assert "（征求意见稿）" in draft_cover
    assert "请将您知道的相关专利连同支持性文件一并附上" in draft_cover.replace(" ", "").replace("\n", "")


def test_contents_page(exported: Rendered) -> None:
    contents = page_texts(exported.published_pdf)[1]
    assert "目次" in contents.replace(" ", "")
    assert "1 范围" in contents and "5.1 策划" in contents and "参考文献" in contents


def test_roman_then_arabic_page_numbers(exported: Rendered) -> None:
    numbers = printed_page_numbers(exported.published_pdf)
    assert numbers[0] == ""  # the cover carries no number
    first_body = numbers.index("1")
    assert numbers[1:first_body] == ["I", "II", "III"][: first_body - 1] and first_body >= 2
    assert numbers[first_body:] == [str(i) for i in range(1, len(numbers) - first_body + 1)]
    body = re.sub(r"[ \u3000]+", " ", page_texts(exported.published_pdf)[first_body])
    assert "1 范围" in body and "GB/T 90003—2026" in body  # chapter 1 opens the body; header present


def test_heading_in_bold_cjk_font(exported: Rendered) -> None:
    fonts = _fonts(exported.published_pdf)
    assert "CJK" in fonts and "Bold" in fonts
    reader = PdfReader(exported.published_pdf)
    first_body = printed_page_numbers(exported.published_pdf).index("1")
    seen: dict[str, str] = {}

    def visit(text: str, cm: object, tm: object, font: dict[str, object] | None, size: float) -> None:
        if font and text.strip():
            seen.setdefault(text.strip(), str(font.get("/BaseFont", "")))

    reader.pages[first_body].extract_text(visitor_text=visit)
    heading_font = next(font for text, font in seen.items() if "范围" in text)
    body_font = next(font for text, font in seen.items() if "本文件规定了" in text)
    assert "CJK" in heading_font and "Bold" in heading_font  # 黑体 heading
    assert "CJK" in body_font and "Bold" not in body_font  # 宋体 body
