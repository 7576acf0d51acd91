"""GB/T 1.1 typography as Word styles, and the reference template that carries them.

The writer only names styles; every font, size and indent lives in the template, so an
organisation can restyle templates/gbt-reference.docx in Word without touching code.
Rebuild the template with `python -m assistant.export.styles [PATH]`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm

from assistant.export.ooxml import (
    Element,
    child,
    el,
    indent_chars,
    ppr_set,
    rpr_set,
    set_fonts,
    set_size,
    tabs,
)

TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "gbt-reference.docx"

SONG = "SimSun"  # 宋体: body
HEI = "SimHei"  # 黑体: headings, cover
LATIN = "Times New Roman"
BODY_PT = 10.5  # 五号
SMALL_PT = 9.0  # 小五: notes, examples, table text

# A4 and the margins of the rules file (section 13), in twips
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Cm(2.5), Cm(2.0), Cm(2.5), Cm(2.0)
TEXT_WIDTH_TWIPS = PAGE_W - round(2.5 / 2.54 * 1440) - round(2.0 / 2.54 * 1440)


@dataclass(frozen=True)
class StyleSpec:
    name: str
    style_id: str
    east_asia: str = SONG
    latin: str = LATIN
    size: float = BODY_PT
    bold: bool = False
    align: str = ""  # w:jc value
    first_line: int = 0  # hundredths of a character
    left: int = 0
    hanging: int = 0
    before: int = 0  # twips
    after: int = 0
    outline: int | None = None  # TOC level (0 = TOC 1)
    keep_next: bool = False
    page_break_before: bool = False
    based_on: str = "Normal"


# Names are Chinese-first so a Word user recognises them; ids are stable ASCII for the importer.
SPECS: list[StyleSpec] = [
    StyleSpec("Heading 1", "Heading1", HEI, HEI, before=156, after=156, outline=0, keep_next=True),
    StyleSpec("Heading 2", "Heading2", HEI, HEI, before=78, after=78, outline=1, keep_next=True),
    StyleSpec("Heading 3", "Heading3", HEI, HEI, before=78, after=78, outline=2, keep_next=True),
    StyleSpec("Heading 4", "Heading4", HEI, HEI, before=78, after=78, outline=3, keep_next=True),
    StyleSpec("Heading 5", "Heading5", HEI, HEI, before=78, after=78, outline=4, keep_next=True),
    StyleSpec("GB 段", "GBBody", first_line=200, align="both"),
    StyleSpec("GB 无标题条", "GBBody0", align="both"),
    StyleSpec("GB 正文首页标题", "GBBodyTitle", HEI, HEI, size=16, align="center", before=312, after=468),
    StyleSpec("GB 前言标题", "GBFrontHeading", HEI, HEI, size=16, align="center", before=312, after=312,
              outline=0, keep_next=True),
    StyleSpec("GB 目次标题", "GBContentsHeading", HEI, HEI, size=16, align="center", before=312, after=312),
    StyleSpec("GB 附录标题", "GBAnnexHeading", HEI, HEI, align="center", before=156, after=312, outline=0,
              keep_next=True, page_break_before=True),
    StyleSpec("GB 术语条目编号", "GBTermNumber", HEI, HEI, before=78, keep_next=True),
    StyleSpec("GB 术语", "GBTerm", HEI, LATIN, first_line=200, keep_next=True),
    StyleSpec("GB 注", "GBNote", size=SMALL_PT, left=200, hanging=0, align="both"),
    StyleSpec("GB 示例", "GBExample", size=SMALL_PT, left=200, align="both"),
    StyleSpec("GB 来源", "GBSource", first_line=200),
    StyleSpec("GB 列项", "GBList", left=400, hanging=200, align="both"),
    StyleSpec("GB 表题", "GBTableCaption", HEI, HEI, align="center", before=78, after=78, keep_next=True),
    StyleSpec("GB 图题", "GBFigureCaption", HEI, HEI, align="center", before=78, after=78),
    StyleSpec("GB 表文", "GBTableText", size=SMALL_PT, align="center"),
    StyleSpec("GB 公式", "GBFormula"),
    StyleSpec("GB 引用文件", "GBReference", first_line=200),
    StyleSpec("GB 参考文献", "GBBibliography", left=400, hanging=400),
    StyleSpec("toc 1", "TOC1"),
    StyleSpec("toc 2", "TOC2", left=200),
    StyleSpec("GB 封面ICS", "GBCoverCode", HEI, HEI),
    StyleSpec("GB 封面类别", "GBCoverKind", HEI, HEI, size=22, align="center", before=624, after=312),
    StyleSpec("GB 封面编号", "GBCoverDesignation", HEI, HEI, size=14, align="right"),
    StyleSpec("GB 封面代替", "GBCoverReplaces", align="right"),
    StyleSpec("GB 封面中文名称", "GBCoverTitleZh", HEI, HEI, size=26, align="center", before=1872, after=312),
    StyleSpec("GB 封面英文名称", "GBCoverTitleEn", size=14, align="center", after=156),
    StyleSpec("GB 封面一致性", "GBCoverAdoption", size=14, align="center", after=312),
    StyleSpec("GB 封面阶段", "GBCoverStage", HEI, HEI, size=14, align="center", before=312),
    StyleSpec("GB 封面专利", "GBCoverNotice", size=SMALL_PT, align="center", after=312),
    StyleSpec("GB 封面日期", "GBCoverDate", HEI, HEI, size=14, before=1560),
    StyleSpec("GB 封面实施日期", "GBCoverDateRight", HEI, HEI, size=14, align="right"),
    StyleSpec("GB 封面发布机构", "GBCoverIssuer", HEI, HEI, size=16, align="center", before=468),
    StyleSpec("Header", "Header", size=SMALL_PT, align="right"),
    StyleSpec("Footer", "Footer", size=SMALL_PT, align="center"),
]


def _apply(style: Any, spec: StyleSpec) -> None:
    element: Element = style.element
    ppr = child(element, "w:pPr")
    rpr = child(element, "w:rPr")
    for stale in list(rpr):  # the stock headings are blue Calibri Light in theme fonts: start clean
        rpr.remove(stale)
    set_fonts(rpr, spec.latin, spec.east_asia)
    set_size(rpr, spec.size)
    rpr_set(rpr, "w:color", val="000000")
    if spec.bold:
        rpr_set(rpr, "w:b")
    else:  # explicit off, so a template's bold heading does not leak into ours
        rpr_set(rpr, "w:b", val="0")
    for stale in list(ppr):
        ppr.remove(stale)
    if spec.keep_next:
        ppr_set(ppr, "w:keepNext")
    if spec.page_break_before:
        ppr_set(ppr, "w:pageBreakBefore")
    ppr_set(ppr, "w:spacing", before=str(spec.before), after=str(spec.after), line="240", lineRule="auto")
    if spec.first_line or spec.left or spec.hanging:
        indent_chars(ppr, spec.first_line, spec.left, spec.hanging, spec.size)
    else:
        ppr_set(ppr, "w:ind", left="0", firstLine="0")
    if spec.align:
        ppr_set(ppr, "w:jc", val=spec.align)
    if spec.outline is not None:
        ppr_set(ppr, "w:outlineLvl", val=str(spec.outline))
    if spec.style_id == "GBFormula":  # expression centred, number flush right
        tabs(ppr, ("center", TEXT_WIDTH_TWIPS // 2, "none"), ("right", TEXT_WIDTH_TWIPS, "none"))
    if spec.style_id in ("TOC1", "TOC2"):  # dotted leader to the page number
        tabs(ppr, ("right", TEXT_WIDTH_TWIPS, "dot"))
    if spec.style_id in ("Header", "GBCoverDesignation"):  # GB draws a rule under these
        bdr = ppr_set(ppr, "w:pBdr")
        bdr.append(el("w:bottom", val="single", sz="4", space="1", color="000000"))
    if spec.style_id == "GBCoverDate":  # the rule above the dates
        bdr = ppr_set(ppr, "w:pBdr")
        bdr.append(el("w:top", val="single", sz="8", space="4", color="000000"))


def apply_gb_styles(document: Any) -> None:
    """Create or overwrite the GB styles in a python-docx Document, and set its defaults."""
    styles = document.styles
    for spec in SPECS:
        try:
            style = styles[spec.name]
        except KeyError:
            style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[spec.based_on]
            style.quick_style = True
        style.element.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId", spec.style_id)
        _apply(style, spec)
    normal = styles["Normal"].element
    rpr = child(normal, "w:rPr")
    set_fonts(rpr, LATIN, SONG)
    set_size(rpr, BODY_PT)
    _doc_defaults(document)
    _settings(document)


def _doc_defaults(document: Any) -> None:
    """Document defaults: SimSun for East Asian text and zh-CN, so unstyled runs are still GB-like."""
    root = document.styles.element
    defaults = root.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults")
    rpr_default = child(defaults, "w:rPrDefault")
    rpr = child(rpr_default, "w:rPr")
    set_fonts(rpr, LATIN, SONG)
    set_size(rpr, BODY_PT)
    rpr_set(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr_default = child(defaults, "w:pPrDefault")
    ppr = child(ppr_default, "w:pPr")
    ppr_set(ppr, "w:spacing", before="0", after="0", line="240", lineRule="auto")


def _settings(document: Any) -> None:
    settings = document.settings.element
    lang = settings.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}themeFontLang")
    if lang is not None:
        lang.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "zh-CN")


def page_setup(section: Any) -> None:
    section.page_width, section.page_height = docx.shared.Twips(PAGE_W), docx.shared.Twips(PAGE_H)
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance, section.footer_distance = Cm(1.5), Cm(1.0)


def build_template(path: Path = TEMPLATE) -> Path:
    """The reference .docx: python-docx's default package with the GB styles and A4 page, no content."""
    document = docx.Document()
    apply_gb_styles(document)
    page_setup(document.sections[0])
    body = document.element.body
    for node in list(body):
        if not node.tag.endswith("}sectPr"):
            body.remove(node)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def open_template(path: Path | None = None) -> Any:
    """A python-docx Document from the reference template (rebuilt in memory if the file is absent)."""
    source = path or TEMPLATE
    if source.is_file():
        document = docx.Document(str(source))
    else:
        document = docx.Document()
        apply_gb_styles(document)
    body = document.element.body
    for node in list(body):
        if not node.tag.endswith("}sectPr"):
            body.remove(node)
    page_setup(document.sections[0])
    return document


if __name__ == "__main__":
    print(build_template(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE))
