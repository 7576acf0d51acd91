"""Classify one line of text by its content (GB numbering, labels, markers), not its formatting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.document.patterns import (
    CN_NUMERAL,
    DESIGNATION,
    collapse_cjk_spaces,
    normalise_for_match,
    strip_markdown,
    title_like,
)


@dataclass
class Line:
    kind: str
    text: str  # the content, markdown marks removed, original width
    lineno: int
    md_level: int = 0
    bold: bool = False  # the whole line was **emphasised**: a hint for term lines, never decisive alone
    number: str = ""
    rest: str = ""
    label: str = ""
    extra: dict[str, str] = field(default_factory=dict)


NUMBERED = re.compile(r"^(?P<num>(?:[A-Z]\.\d{1,3}|\d{1,2})(?:\.\d{1,3}){0,5})(?:\.(?=\s))?(?:\s+|$)(?P<rest>.*)$")
BARE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,3}){0,5}$")
ANNEX_ZH = re.compile(r"^附\s*录\s*(?P<letter>[A-Z])(?![A-Za-z])\s*(?P<rest>.*)$")
ANNEX_EN = re.compile(r"^(?:Annex|ANNEX|Appendix)\s+(?P<letter>[A-Z])\b[:.]?\s*(?P<rest>.*)$")
NORMATIVE_MARK = re.compile(
    r"^[（(]\s*(?P<kind>规范性|资料性|normative|informative)\s*(?:附录)?\s*[)）]\s*(?P<rest>.*)$", re.I
)
NOTE = re.compile(r"^(?P<label>注\s*\d*)\s*(?:到术语条目)?\s*[：:]\s*(?P<text>.*)$")
NOTE_EN = re.compile(r"^(?P<label>NOTE(?:\s+\d+)?|Note\s+\d+\s+to\s+entry)\s*[:：]?\s+(?P<text>.*)$")
EXAMPLE = re.compile(r"^(?P<label>示例\s*\d*)\s*(?:[：:]\s*(?P<text>.*))?$")
EXAMPLE_EN = re.compile(r"^(?P<label>EXAMPLE(?:\s+\d+)?)\s*[:：]?\s*(?P<text>.*)$")
SOURCE = re.compile(r"^[\[［【]\s*(?:来源|SOURCE)\s*[：:]\s*(?P<text>.*?)\s*[\]］】]$")
TABLE_CAPTION = re.compile(r"^表\s*(?P<num>[A-Z]?\.?\d+)(?:\s+(?P<cap>.*)|$)")
TABLE_CAPTION_EN = re.compile(r"^Table\s+(?P<num>[A-Z]?\.?\d+)\s*(?:[—–:-]\s*(?P<cap>.*))?$")
FIGURE_CAPTION = re.compile(r"^图\s*(?P<num>[A-Z]?\.?\d+)(?:\s+(?P<cap>.*)|$)")
FIGURE_CAPTION_EN = re.compile(r"^Figure\s+(?P<num>[A-Z]?\.?\d+)\s*(?:[—–:-]\s*(?P<cap>.*))?$")
FORMULA = re.compile(r"^(?P<expr>.*\S)\s*[（(](?P<num>(?:[A-Z]\.)?\d+)[)）]$")
BIB_ENTRY = re.compile(r"^\[(?P<label>\d+)\]\s*(?P<text>.+)$")
LIST_ITEM = re.compile(
    r"^(?P<marker>——|—(?=\s)|[-*•](?=\s)|[a-z][)）]|\d{1,2}[)）]|（[" + CN_NUMERAL[1:-2] + r"]+）|\([a-z]{1,4}\)|\([ivx]+\))\s*(?P<text>.*)$"
)
TOC_LINE = re.compile(r"(?:\.{5,}|…{2,}|·{4,}|\.\s\.\s\.)\s*[\dIVXivx]*\s*$")
PAGE_ARTEFACT = re.compile(r"^(?:(?:Page|第)\s*)?[-—–\s]*(?:\d{1,4}|[IVXivx]{1,6})[-—–\s]*(?:页)?$")
PAGE_LABEL = re.compile(r"^(?:Page\s+\d{1,4}|\d{1,4}\s+of\s+\d{1,4}|[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页|[IVXivx]{1,6})$")
LAW_CHAPTER = re.compile(rf"^第(?P<n>{CN_NUMERAL})章\s*(?P<title>.*)$")
LAW_SECTION = re.compile(rf"^第(?P<n>{CN_NUMERAL})节\s*(?P<title>.*)$")
LAW_ARTICLE = re.compile(rf"^第(?P<n>{CN_NUMERAL})条(?:[\s\u3000]+(?P<text>.*)|$)")
EU_CHAPTER = re.compile(r"^CHAPTER\s+(?P<n>[IVXLC]+)$")
EU_SECTION = re.compile(r"^SECTION\s+(?P<n>\d+)$")
EU_ARTICLE = re.compile(r"^Article\s+(?P<n>\d+[a-z]?)$")
EU_ANNEX = re.compile(r"^ANNEX\s+(?P<n>[IVXLC]+)$")
EU_POINT_DEF = re.compile(r"^\((?P<n>\d+)\)\s+[‘'\"“](?P<term>[^’'\"”]+)[’'\"”]\s*,?\s+(?P<text>(?:[^‘]*?,\s+)?means\b.*)$")
EU_RECITAL = re.compile(r"^\((?P<n>\d+)\)\s+(?P<text>.+)$")
EU_PARAGRAPH = re.compile(r"^(?P<n>\d+)\.\s+(?P<text>.+)$")
NIST_FUNCTIONS = "GOVERN|MAP|MEASURE|MANAGE"
NIST_FUNCTION = re.compile(rf"^(?P<n>{NIST_FUNCTIONS})$")
NIST_CATEGORY = re.compile(rf"^(?P<n>(?:{NIST_FUNCTIONS}) \d+):\s*(?P<text>.*)$")
NIST_SUBCATEGORY = re.compile(rf"^(?:[-*]\s+)?(?P<n>(?:{NIST_FUNCTIONS}) \d+\.\d+)(?::\s*(?P<text>.*)|\s*$)")

FRONT_HEADINGS = {
    "前言": "foreword",
    "Foreword": "foreword",
    "FOREWORD": "foreword",
    "引言": "introduction",
    "Introduction": "introduction",
    "INTRODUCTION": "introduction",
    "目次": "contents",
    "目录": "contents",
    "Contents": "contents",
    "CONTENTS": "contents",
    "Table of Contents": "contents",
    "参考文献": "bibliography",
    "Bibliography": "bibliography",
    "BIBLIOGRAPHY": "bibliography",
    "索引": "index",
    "Index": "index",
}


def classify(raw: str, lineno: int, structure: str) -> Line:
    """What a line is, judged by its text. ``structure`` switches law/EU/NIST patterns on."""
    text, md_level = strip_markdown(raw)
    if not text:
        return Line("blank", "", lineno)
    norm = normalise_for_match(text).strip()
    line = Line("text", text, lineno, md_level=md_level, bold=raw.strip().lstrip("#").strip().startswith("**"))

    def orig(m: re.Match[str], name: str) -> str:
        # normalise_for_match maps one character to one, so spans carry over to the original text
        start, end = m.span(name)
        return text[start:end].strip() if start >= 0 else ""

    if norm.startswith("|") and norm.endswith("|"):
        line.kind = "table_row"
        return line
    if TOC_LINE.search(norm):
        line.kind = "toc"
        return line
    heading = collapse_cjk_spaces(norm).strip()
    if heading in FRONT_HEADINGS:
        line.kind = FRONT_HEADINGS[heading]
        return line

    if structure == "law":
        if m := LAW_CHAPTER.match(norm):
            return _set(line, "law_chapter", f"第{m['n']}章", collapse_cjk_spaces(orig(m, "title")))
        if m := LAW_SECTION.match(norm):
            return _set(line, "law_section", f"第{m['n']}节", collapse_cjk_spaces(orig(m, "title")))
        if m := LAW_ARTICLE.match(norm):
            return _set(line, "law_article", f"第{m['n']}条", orig(m, "text"))
    if structure == "eu_act":
        for pattern, kind in ((EU_CHAPTER, "eu_chapter"), (EU_SECTION, "eu_section"), (EU_ANNEX, "eu_annex")):
            if m := pattern.match(norm):
                return _set(line, kind, m["n"], "")
        if m := EU_ARTICLE.match(norm):
            return _set(line, "eu_article", m["n"], "")
        if m := EU_POINT_DEF.match(norm):
            line.extra["term"] = orig(m, "term")
            return _set(line, "eu_point_def", m["n"], orig(m, "text"))
        if m := EU_RECITAL.match(norm):
            return _set(line, "eu_numbered_paren", m["n"], orig(m, "text"))
        if m := EU_PARAGRAPH.match(norm):
            return _set(line, "eu_paragraph", m["n"], orig(m, "text"))
    if structure in ("nist_rmf", "standard"):
        if m := NIST_SUBCATEGORY.match(norm):
            return _set(line, "nist_subcategory", m["n"], orig(m, "text"))
        if m := NIST_CATEGORY.match(norm):
            return _set(line, "nist_category", m["n"], orig(m, "text"))
        if structure == "nist_rmf" and (m := NIST_FUNCTION.match(norm)):
            return _set(line, "nist_function", m["n"], "")

    if m := SOURCE.match(norm):
        line.kind, line.rest = "source", orig(m, "text")
        return line
    if m := NOTE.match(norm):
        return _labelled(line, "note", m["label"], text, orig(m, "text"))
    if m := NOTE_EN.match(norm):
        return _labelled(line, "note", m["label"], text, orig(m, "text"))
    if m := EXAMPLE.match(norm):
        return _labelled(line, "example", m["label"], text, orig(m, "text"))
    if norm.startswith("EXAMPLE") and (m := EXAMPLE_EN.match(norm)):
        return _labelled(line, "example", m["label"], text, orig(m, "text"))
    if structure in ("standard", "nist_rmf"):
        if (m := ANNEX_ZH.match(norm)) and _annex_rest_ok(orig(m, "rest")):
            return _set(line, "annex", m["letter"], orig(m, "rest"))
        if (m := ANNEX_EN.match(norm)) and (not m["rest"] or m["rest"][0] in "(（" or m["rest"][0].isupper()):
            return _set(line, "annex", m["letter"], orig(m, "rest"))
    if m := NORMATIVE_MARK.match(norm):
        line.kind = "normative_mark"
        line.label = m["kind"].lower()
        line.rest = orig(m, "rest")
        return line
    if m := TABLE_CAPTION.match(norm) or TABLE_CAPTION_EN.match(norm):
        return _set(line, "table_caption", m["num"], orig(m, "cap"))
    if m := FIGURE_CAPTION.match(norm) or FIGURE_CAPTION_EN.match(norm):
        return _set(line, "figure_caption", m["num"], orig(m, "cap"))
    if norm.startswith("!["):
        line.kind = "image"
        return line
    if m := BIB_ENTRY.match(norm):
        line.kind, line.label, line.rest = "bib_entry", f"[{m['label']}]", orig(m, "text")
        return line
    if m := LIST_ITEM.match(norm):
        marker = m["marker"]
        if marker not in "-*•" or structure != "nist_rmf":
            line.kind, line.label, line.rest = "list_item", text[m.start("marker") : m.end("marker")], orig(m, "text")
            line.extra["style"] = _list_style(marker)
            return line
    if PAGE_LABEL.match(norm):
        line.kind = "page_artefact"
        return line
    if structure in ("standard", "plain", "nist_rmf"):
        if BARE_NUMBER.match(norm):
            return _set(line, "bare_number", norm, "")
        if m := NUMBERED.match(norm):
            return _set(line, "numbered", m["num"], orig(m, "rest"))
        if PAGE_ARTEFACT.match(norm):
            line.kind = "page_artefact"
            return line
    if (m := FORMULA.match(norm)) and "=" in m["expr"] and len(m["expr"]) < 120:
        return _set(line, "formula", m["num"], orig(m, "expr"))
    if DESIGNATION.match(norm):
        line.kind = "designation_line"
    return line


def _annex_rest_ok(rest: str) -> bool:
    """'附录A（规范性）标题' is a heading; '附录B给出了交付清单的示例。' is a sentence."""
    return not rest or rest[0] in "（(" or title_like(rest, 60)


def _set(line: Line, kind: str, number: str, rest: str) -> Line:
    line.kind, line.number, line.rest = kind, number, rest
    return line


def _labelled(line: Line, kind: str, label: str, text: str, content: str) -> Line:
    line.kind = kind
    line.label = re.sub(r"\s+", "", label) if "注" in label or "示例" in label else re.sub(r"\s+", " ", label)
    line.rest = content.strip()
    return line


def _list_style(marker: str) -> str:
    if marker in ("——", "—"):
        return "dash"
    if marker in ("-", "*", "•"):
        return "bullet"
    if marker.startswith("（"):
        return "cn_paren"
    if marker.startswith("("):
        return "paren_alpha"
    if marker[0].isdigit():
        return "numeric"
    return "alpha"
