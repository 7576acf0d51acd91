"""The .docx as Word reads it: page setup, sections and page numbers, East Asian fonts, TOC field, header."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assistant.document.loader import load_document
from assistant.export.docx_writer import write_docx
from assistant.export.styles import TEMPLATE, build_template
from tests.export.conftest import PUBLISHED

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, etree._Element]:
    path = write_docx(load_document(PUBLISHED), tmp_path_factory.mktemp("xml") / "p.docx")
    with zipfile.ZipFile(path) as zf:
        return {name: etree.fromstring(zf.read(name)) for name in zf.namelist() if name.endswith(".xml")}


def test_a4_and_gb_margins(package: dict[str, etree._Element]) -> None:
    sections = package["word/document.xml"].findall(f".//{W}sectPr")
    assert len(sections) == 3  # cover, front matter, body
    for sect in sections:
        size, margin = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
        # 2.5 cm top and left, 2.0 cm bottom and right (1 cm = 567 twips)
        assert [int(margin.get(f"{W}{k}")) for k in ("top", "left", "bottom", "right")] == [1417, 1417, 1134, 1134]


def test_roman_front_matter_then_arabic_body(package: dict[str, etree._Element]) -> None:
    sections = package["word/document.xml"].findall(f".//{W}sectPr")
    formats = [(s.find(f"{W}pgNumType").get(f"{W}fmt") if s.find(f"{W}pgNumType") is not None else None)
               for s in sections]
    assert formats == [None, "upperRoman", "decimal"]
    assert sections[0].find(f"{W}headerReference") is None  # the cover has no header
    headers = [root for name, root in package.items() if name.startswith("word/header")]
    assert headers and all("GB/T 90003—2026" in "".join(root.itertext()) for root in headers)


def test_styles_name_east_asian_fonts(package: dict[str, etree._Element]) -> None:
    styles = {s.get(f"{W}styleId"): s for s in package["word/styles.xml"].iter(f"{W}style")}

    def east_asia(style_id: str) -> tuple[str | None, str | None]:
        fonts, size = styles[style_id].find(f"{W}rPr/{W}rFonts"), styles[style_id].find(f"{W}rPr/{W}sz")
        return fonts.get(f"{W}eastAsia"), size.get(f"{W}val")

    assert east_asia("GBBody") == ("SimSun", "21")  # 10.5 pt
    assert east_asia("Heading1") == ("SimHei", "21")
    assert east_asia("GBNote") == ("SimSun", "18")  # 9 pt
    assert east_asia("GBCoverTitleZh") == ("SimHei", "52")  # 26 pt
    indent = styles["GBBody"].find(f"{W}pPr/{W}ind")
    assert indent.get(f"{W}firstLineChars") == "200"


def test_toc_field_with_prerendered_entries(package: dict[str, etree._Element]) -> None:
    body = package["word/document.xml"]
    instructions = "".join(t.text or "" for t in body.iter(f"{W}instrText"))
    assert "TOC \\o" in instructions
    entries = ["".join(p.itertext()).strip() for p in body.iter(f"{W}p")
               if p.find(f"{W}pPr/{W}pStyle") is not None and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") in
               ("TOC1", "TOC2")]
    assert "1　范围" in entries and "5.1　策划" in entries and "附录A（规范性）数据质量评估报告的内容" in entries


def test_template_is_current(tmp_path: Path) -> None:
    """templates/gbt-reference.docx is what the script builds (rebuild: python -m assistant.export.styles)."""
    rebuilt = build_template(tmp_path / "t.docx")
    with zipfile.ZipFile(TEMPLATE) as a, zipfile.ZipFile(rebuilt) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml")
