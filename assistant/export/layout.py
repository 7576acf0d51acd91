"""A Document laid out as GB/T 1.1 pages: a flat list of styled paragraphs, tables and section breaks.

The layout is separate from the XML so that tracked changes can compare two layouts item by
item (same keys, same styles) before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.document.markdown import to_markdown
from assistant.document.model import (
    Block,
    Clause,
    ClauseKind,
    Document,
    DocumentKind,
    DocumentMeta,
    Example,
    Figure,
    Formula,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Reference,
    Stage,
    Structure,
    Table,
    TermEntry,
)

RunKind = Literal["", "hei", "bold", "br"]

PATENT_NOTICE_ZH = "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。"
PATENT_NOTICE_EN = ("Recipients of this draft are invited to submit, with their comments, notification of any "
                    "relevant patent rights of which they are aware and to provide supporting documentation.")
DRAFT_STAGES = (Stage.COMMENT_DRAFT, Stage.REVIEW_DRAFT)


@dataclass
class Para:
    style: str
    runs: list[tuple[str, RunKind]]
    key: str = ""  # clause the paragraph belongs to: tracked changes align on it
    left_chars: int | None = None  # list nesting overrides the style's indent
    toc: bool = False  # pre-rendered 目次 entry (inside the TOC field)

    @property
    def text(self) -> str:
        return "".join("\n" if kind == "br" else text for text, kind in self.runs)


@dataclass
class TableItem:
    rows: list[list[str]]
    key: str = ""


@dataclass
class SectionBreak:
    """Ends a section: the cover (no page numbers) or the front matter (Roman numerals)."""

    kind: Literal["cover", "front"]


@dataclass
class TocField:
    """Marks where the TOC field begins ("begin") and ends ("end") around the pre-rendered entries."""

    edge: Literal["begin", "end"]
    levels: str = "1-2"


Item = Para | TableItem | SectionBreak | TocField


@dataclass
class Layout:
    meta: DocumentMeta
    items: list[Item] = field(default_factory=list)

    @property
    def header_text(self) -> str:
        return self.meta.designation or self.meta.plan_number or self.meta.title


def lay_out(document: Document, stage: Stage | None = None) -> Layout:
    meta = document.meta.model_copy(deep=True)
    if stage is not None:
        meta.stage = stage
    english = meta.language == "en"
    layout = Layout(meta)
    items = layout.items
    if meta.structure != Structure.STANDARD:
        # laws, EU acts and NIST texts have no GB cover or 目次: a title, their own headings, one section
        if meta.title:
            items.append(Para("GBBodyTitle", [(meta.title, "")]))
        items += _markdown_body(document)
        return layout
    items += _cover(meta, english)
    items.append(SectionBreak("cover"))
    front = [c for c in document.clauses if c.kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION)]
    body = [c for c in document.clauses if c not in front]
    items += _contents(document, english)
    for clause in front:
        _clause(clause, 1, english, items)
    items.append(SectionBreak("front"))
    if meta.title_zh or meta.title_en:  # GB repeats the title above chapter 1
        items.append(Para("GBBodyTitle", [((meta.title_en if english else meta.title_zh) or meta.title, "")]))
    for clause in body:
        _clause(clause, 1, english, items)
    return layout


# --- cover ---------------------------------------------------------------------------------

_KIND_LINE = {
    DocumentKind.GB: "中华人民共和国国家标准",
    DocumentKind.GBT: "中华人民共和国国家标准",
    DocumentKind.GBZ: "中华人民共和国国家标准化指导性技术文件",
}


def _cover(meta: DocumentMeta, english: bool) -> list[Item]:
    def p(style: str, text: str) -> Para:
        return Para(style, [(text, "")])

    out: list[Item] = []
    if meta.ics:
        out.append(p("GBCoverCode", f"ICS {meta.ics}"))
    if meta.ccs:
        out.append(p("GBCoverCode", f"CCS {meta.ccs}"))
    kind_line = _KIND_LINE.get(meta.kind, "INTERNATIONAL STANDARD" if english else "")
    if kind_line:
        out.append(p("GBCoverKind", kind_line))
    if meta.designation:
        out.append(p("GBCoverDesignation", meta.designation))
    if meta.replaces:
        out.append(p("GBCoverReplaces", f"代替 {meta.replaces}"))
    if meta.title_zh:
        # GB covers put each element of the title on its own line; the full-width space stays in the text
        runs: list[tuple[str, RunKind]] = []
        for i, part in enumerate(meta.title_zh.split("　")):
            if i:
                runs += [("　", ""), ("", "br")]
            runs.append((part, ""))
        out.append(Para("GBCoverTitleZh", runs))
    if meta.title_en:
        out.append(p("GBCoverTitleEn" if meta.title_zh else "GBCoverTitleZh", meta.title_en))
    if meta.adoption is not None:
        out.append(p("GBCoverAdoption", f"({meta.adoption.source}, {meta.adoption.degree.value})"))
    if meta.stage is not None and meta.stage != Stage.PUBLISHED:
        out.append(p("GBCoverStage", f"（{meta.stage.value}）"))
        if meta.stage in DRAFT_STAGES:
            out.append(p("GBCoverNotice", PATENT_NOTICE_EN if english else PATENT_NOTICE_ZH))
    draft = meta.stage is not None and meta.stage != Stage.PUBLISHED
    if meta.release_date or draft:
        out.append(p("GBCoverDate", f"{meta.release_date or 'XXXX-XX-XX'}发布"))
    if meta.implementation_date or draft:
        out.append(p("GBCoverDateRight", f"{meta.implementation_date or 'XXXX-XX-XX'}实施"))
    if meta.issuing_bodies:
        out.append(p("GBCoverIssuer", "　".join(meta.issuing_bodies) + "　发布"))
    return out


# --- 目次 ----------------------------------------------------------------------------------


def _contents(document: Document, english: bool) -> list[Item]:
    out: list[Item] = [Para("GBContentsHeading", [("Contents" if english else "目次", "")]), TocField("begin")]
    for clause in document.clauses:
        for c, level in _toc_clauses(clause, 1):
            out.append(Para("TOC1" if level == 1 else "TOC2", [(heading_text(c, english).replace("\n", " " if english else ""), "")],
                            toc=True))
    out.append(TocField("end"))
    return out


def _toc_clauses(clause: Clause, level: int) -> list[tuple[Clause, int]]:
    if clause.kind in (ClauseKind.PREAMBLE, ClauseKind.TERM) or (level == 2 and not clause.title):
        return []
    found = [(clause, level)]
    if level == 1:
        for child in clause.children:
            found += _toc_clauses(child, 2)
    return found


def heading_text(clause: Clause, english: bool) -> str:
    """Number and title as printed: "5.1　通则", "附录A\n（规范性）\n标题", "1 Scope"."""
    kind, number, title = clause.kind, clause.number, clause.title
    if kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.BIBLIOGRAPHY, ClauseKind.INDEX):
        return title
    if kind == ClauseKind.ANNEX:
        if english:
            mark = "" if clause.normative is None else ("(normative)" if clause.normative else "(informative)")
            return "\n".join(x for x in (f"Annex {number}", mark, title) if x)
        mark = "" if clause.normative is None else ("（规范性）" if clause.normative else "（资料性）")
        return "\n".join(x for x in (f"附录{number}", mark, title) if x)
    sep = " " if english else "　"
    return f"{number}{sep}{title}" if title else number


# --- body ----------------------------------------------------------------------------------

_FRONT_KINDS = (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.BIBLIOGRAPHY, ClauseKind.INDEX)


def _clause(clause: Clause, depth: int, english: bool, out: list[Item]) -> None:
    key = clause.number or clause.kind.value
    blocks = list(clause.blocks)
    if clause.kind == ClauseKind.PREAMBLE:
        pass
    elif clause.kind in _FRONT_KINDS:
        out.append(Para("GBFrontHeading", [(clause.title, "")], key))
    elif clause.kind == ClauseKind.ANNEX:
        runs: list[tuple[str, RunKind]] = []
        for i, line in enumerate(heading_text(clause, english).split("\n")):
            if i:
                runs.append(("", "br"))
            runs.append((line, ""))
        out.append(Para("GBAnnexHeading", runs, key))
    elif clause.kind == ClauseKind.TERM:
        out.append(Para("GBTermNumber", [(clause.number, "")], key))
    elif clause.title or not blocks or not isinstance(blocks[0], Paragraph):
        out.append(Para(f"Heading{min(depth, 5)}", [(heading_text(clause, english), "")], key))
    else:
        # an untitled clause: its number leads the first paragraph, in 黑体, as GB prints it
        first = blocks.pop(0)
        assert isinstance(first, Paragraph)
        sep = " " if english else "　"
        out.append(Para("GBBody0", [(clause.number + sep, "hei"), (first.text, "")], key))
    in_bibliography = clause.kind == ClauseKind.BIBLIOGRAPHY
    for block in blocks:
        out += _block(block, key, english, in_bibliography)
    for sub in clause.children:
        _clause(sub, depth + 1, english, out)


def _note_text(label: str, text: str, english: bool) -> str:
    if english:
        return f"{label}{':' if 'entry' in label else ''} {text}"
    return f"{label}：{text}"


def _block(block: Block, key: str, english: bool, in_bibliography: bool) -> list[Item]:
    def p(style: str, text: str) -> list[Item]:
        return [Para(style, [(line, "")], key) for line in text.split("\n")]

    if isinstance(block, Paragraph):
        return p("GBBody", block.text)
    if isinstance(block, ListBlock):
        return _list(block.items, 0, key)
    if isinstance(block, Note):
        return p("GBNote", _note_text(block.label, block.text, english))
    if isinstance(block, Example):
        return p("GBExample", f"{block.label} {block.text}" if english else f"{block.label}：{block.text}")
    if isinstance(block, Table):
        out: list[Item] = []
        if block.number or block.caption:
            caption = f"Table {block.number} — {block.caption}" if english else f"表{block.number}　{block.caption}"
            out += p("GBTableCaption", caption)
        if block.rows:
            out.append(TableItem([list(r) for r in block.rows], key))
        for note in block.notes:
            out += p("GBNote", _note_text(note.label, note.text, english))
        return out
    if isinstance(block, Figure):
        return p("GBFigureCaption", f"Figure {block.number} — {block.caption}" if english
                 else f"图{block.number}　{block.caption}")
    if isinstance(block, Formula):
        return [Para("GBFormula", [(f"\t{block.text}\t（{block.number}）", "")], key)]
    if isinstance(block, TermEntry):
        return _term(block, key, english)
    assert isinstance(block, Reference)
    text = "　".join(x for x in (block.label, block.designation, block.title) if x)
    return p("GBBibliography" if in_bibliography or block.label else "GBReference", text)


def _term(entry: TermEntry, key: str, english: bool) -> list[Item]:
    out: list[Item] = []
    if entry.term_zh:
        runs: list[tuple[str, RunKind]] = [(entry.term_zh, "")]
        if entry.term_en:
            runs.append((f"　{entry.term_en}", ""))
        out.append(Para("GBTerm", runs, key))
    elif entry.term_en:
        out.append(Para("GBTerm", [(entry.term_en, "bold")], key))
    if entry.abbreviation:
        out.append(Para("GBTerm", [(entry.abbreviation, "")], key))
    if entry.definition:
        out.append(Para("GBBody", [(entry.definition, "")], key))
    for note in entry.notes:
        out.append(Para("GBNote", [(_note_text(note.label, note.text, english), "")], key))
    for example in entry.examples:
        text = f"{example.label} {example.text}" if english else f"{example.label}：{example.text}"
        out.append(Para("GBExample", [(text, "")], key))
    if entry.source:
        out.append(Para("GBSource", [(f"[SOURCE: {entry.source}]" if english else f"[来源：{entry.source}]", "")],
                        key))
    return out


def _list(items: list[ListItem], depth: int, key: str) -> list[Item]:
    out: list[Item] = []
    for item in items:
        # "——" and "a）" join their text; ISO's "—" and bullets need a space to stay list markers
        sep = " " if item.marker in ("—", "-", "*", "•") else ""
        out.append(Para("GBList", [(f"{item.marker}{sep}{item.text}", "")], key, left_chars=400 + 200 * depth))
        out += _list(item.children, depth + 1, key)
    return out


def _markdown_body(document: Document) -> list[Item]:
    """Laws, EU acts and NIST texts have no GB layout: their project Markdown, line by line, headings styled."""
    import re

    text = re.sub(r"\A---\n.*?\n---\n", "", to_markdown(document), flags=re.S)
    out: list[Item] = []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("|---"):
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            out.append(Para(f"Heading{min(len(m.group(1)), 5)}", [(m.group(2).replace("**", ""), "")]))
        else:
            out.append(Para("GBBody", [(line.replace("**", ""), "")]))
    return out
