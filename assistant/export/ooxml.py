"""Small WordprocessingML helpers for what python-docx has no API for.

East Asian fonts, character-based indents, fields (PAGE, TOC), page-number formats and
tracked-change wrappers are all raw XML; keeping them here keeps the writer readable.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# python-docx elements are lxml elements with extra methods; typing them as Any keeps mypy honest
# about what we know (nothing static) without sprinkling ignores through the writer.
Element = Any


def el(tag: str, **attrs: str) -> Element:
    """A w: element with w: attributes: el("w:ind", firstLineChars="200")."""
    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), value)
    return node


def child(parent: Element, tag: str) -> Element:
    """The first child with this tag, created (appended) if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = el(tag)
        parent.append(found)
    return found


_RPR_ORDER = ["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:strike", "w:color",
              "w:spacing", "w:kern", "w:sz", "w:szCs", "w:u", "w:vertAlign", "w:lang"]


def rpr_set(rpr: Element, tag: str, **attrs: str) -> Element:
    """Set one rPr property, replacing an existing one, in schema order (Word rejects misordered rPr)."""
    old = rpr.find(qn(tag))
    if old is not None:
        rpr.remove(old)
    node = el(tag, **attrs)
    rank = _RPR_ORDER.index(tag) if tag in _RPR_ORDER else len(_RPR_ORDER)
    for i, existing in enumerate(list(rpr)):
        name = existing.tag.replace(f"{{{W_NS}}}", "w:")
        if name in _RPR_ORDER and _RPR_ORDER.index(name) > rank:
            rpr.insert(i, node)
            return node
    rpr.append(node)
    return node


def set_fonts(rpr: Element, latin: str, east_asia: str) -> None:
    """rFonts with an explicit East Asian face; theme attributes are dropped because they win over names."""
    rpr_set(rpr, "w:rFonts", ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asia)


def set_size(rpr: Element, points: float) -> None:
    half = str(round(points * 2))
    rpr_set(rpr, "w:sz", val=half)
    rpr_set(rpr, "w:szCs", val=half)


_PPR_ORDER = ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl", "w:numPr",
              "w:pBdr", "w:shd", "w:tabs", "w:snapToGrid", "w:spacing", "w:ind", "w:jc", "w:outlineLvl",
              "w:rPr", "w:sectPr", "w:pPrChange"]


def ppr_set(ppr: Element, tag: str, **attrs: str) -> Element:
    old = ppr.find(qn(tag))
    if old is not None:
        ppr.remove(old)
    node = el(tag, **attrs)
    rank = _PPR_ORDER.index(tag)
    for i, existing in enumerate(list(ppr)):
        name = existing.tag.replace(f"{{{W_NS}}}", "w:")
        if name in _PPR_ORDER and _PPR_ORDER.index(name) > rank:
            ppr.insert(i, node)
            return node
    ppr.append(node)
    return node


def indent_chars(ppr: Element, first_line: int = 0, left: int = 0, hanging: int = 0, size: float = 10.5) -> None:
    """Indent in characters (GB counts indents in characters), with twips as a fallback for old readers.

    Values are in hundredths of a character, as Word stores them (200 = two characters).
    """
    twips_per_char = size * 20
    attrs: dict[str, str] = {}
    if left:
        attrs |= {"leftChars": str(left), "left": str(round(left / 100 * twips_per_char))}
    if first_line:
        attrs |= {"firstLineChars": str(first_line), "firstLine": str(round(first_line / 100 * twips_per_char))}
    if hanging:
        attrs |= {"hangingChars": str(hanging), "hanging": str(round(hanging / 100 * twips_per_char))}
    ppr_set(ppr, "w:ind", **attrs)


def tabs(ppr: Element, *stops: tuple[str, int, str]) -> None:
    """Tab stops as (alignment, position in twips, leader)."""
    node = ppr_set(ppr, "w:tabs")
    for align, pos, leader in stops:
        node.append(el("w:tab", val=align, pos=str(pos), leader=leader))


def run(text: str, rpr: Element | None = None) -> Element:
    """A w:r with text; tabs in the text become w:tab so Word and the importer both see a tab."""
    r = el("w:r")
    if rpr is not None:
        r.append(rpr)
    for i, part in enumerate(text.split("\t")):
        if i:
            r.append(el("w:tab"))
        if part:
            t = el("w:t")
            t.text = part
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    return r


def field_runs(instruction: str, result: str = "", dirty: bool = False) -> list[Element]:
    """The runs of a complex field: begin, instruction, separate, cached result, end."""
    begin = el("w:fldChar", fldCharType="begin")
    if dirty:  # Word recomputes a dirty field on open (the TOC page numbers we cannot know)
        begin.set(qn("w:dirty"), "true")
    out = [_wrap(begin)]
    instr = el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    out.append(_wrap(instr))
    out.append(_wrap(el("w:fldChar", fldCharType="separate")))
    if result:
        out.append(run(result))
    out.append(_wrap(el("w:fldChar", fldCharType="end")))
    return out


def field_begin(instruction: str, dirty: bool = False) -> list[Element]:
    """Begin + instruction + separate, for a field whose result spans paragraphs (TOC)."""
    return field_runs(instruction, dirty=dirty)[:-1]


def field_end() -> Element:
    return _wrap(el("w:fldChar", fldCharType="end"))


def _wrap(node: Element) -> Element:
    r = el("w:r")
    r.append(node)
    return r


def page_number_format(sect_pr: Element, fmt: str, start: int | None = 1) -> None:
    """w:pgNumType in its schema place (after pgMar/paperSrc/pgBorders/lnNumType, before cols)."""
    old = sect_pr.find(qn("w:pgNumType"))
    if old is not None:
        sect_pr.remove(old)
    node = el("w:pgNumType", fmt=fmt)
    if start is not None:
        node.set(qn("w:start"), str(start))
    anchor = sect_pr.find(qn("w:cols"))
    if anchor is None:
        anchor = sect_pr.find(qn("w:docGrid"))
    if anchor is not None:
        anchor.addprevious(node)
    else:
        sect_pr.append(node)
