"""What every rule needs from a document, computed once per run.

Rules see the document as *segments*: each piece of text (a paragraph, a list item, a note, a table
cell, a term definition …) with the clause it belongs to and its offset inside ``Clause.text()``,
so that a match inside a segment becomes a character span a reviewer (or an editor) can jump to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from assistant.checks.model import Finding
from assistant.checks.text import has_cjk
from assistant.document.model import (
    Block,
    Clause,
    ClauseKind,
    Document,
    DocumentKind,
    Example,
    Figure,
    Formula,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Reference,
    SourceLocation,
    Table,
    TermEntry,
    block_text,
)
from assistant.document.patterns import normalise_for_match, title_like

GB_KINDS = frozenset({DocumentKind.GB, DocumentKind.GBT, DocumentKind.GBZ, DocumentKind.SECTOR,
                      DocumentKind.GROUP})
SCOPE_TITLES = ("范围", "scope")
REFS_TITLES = ("规范性引用文件", "normative references")
TERMS_TITLES = ("术语和定义", "术语与定义", "术语、定义和缩略语", "术语、定义、符号和缩略语", "术语、定义和符号",
                "terms and definitions", "terms, definitions and abbreviated terms",
                "terms, definitions, symbols and abbreviated terms")
SPECIAL_LABELS = {
    ClauseKind.FOREWORD: "前言",
    ClauseKind.INTRODUCTION: "引言",
    ClauseKind.BIBLIOGRAPHY: "参考文献",
    ClauseKind.INDEX: "索引",
    ClauseKind.PREAMBLE: "",
}
NUMBERED_KINDS = (ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.TERM, ClauseKind.ANNEX)
_STRAY_CHAPTER = re.compile(r"^(?P<num>[1-9]\d?)[ \u3000]+(?P<rest>\S.*)$")
_STRAY_HEADING = re.compile(r"^(?P<num>(?:[A-Z]|\d{1,2})(?:\.\d{1,3}){1,5})[ \u3000]+(?P<rest>\S.*)$")


def clause_label(clause: Clause) -> str:
    """How findings name a clause: its number, or 前言/引言/参考文献 for the unnumbered elements."""
    if clause.kind in SPECIAL_LABELS:
        return SPECIAL_LABELS[clause.kind]
    return clause.number or clause.title


def norm_title(title: str) -> str:
    return "".join(title.split()).lower() if any("\u4e00" <= ch <= "\u9fff" for ch in title) else \
        " ".join(title.split()).lower()


@dataclass
class Segment:
    """One piece of text of a clause. ``offset`` is where ``text`` starts inside ``clause.text()``."""

    clause: Clause
    label: str  # the clause as findings name it
    kind: str  # paragraph, list_item, note, example, table_caption, table_cell, figure_caption, formula,
    # term_head, term_abbreviation, term_definition, term_note, term_example, term_source, reference
    text: str
    offset: int
    location: SourceLocation | None
    block: Block
    top: Clause
    informative: bool  # foreword, introduction, bibliography, an informative annex
    tag: str = ""  # the label of a note or example ("注1", "NOTE"); the marker of a list item
    lead_in: str = ""  # for list items: the text of the paragraph that introduces the list
    depth: int = 0  # nesting of a list item
    extra: dict[str, str] = field(default_factory=dict)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return (self.offset + start, self.offset + end)

    @property
    def in_note(self) -> bool:
        return self.kind in ("note", "term_note")

    @property
    def in_example(self) -> bool:
        return self.kind in ("example", "term_example")


class CheckContext:
    """A document with the indexes rules share. Built once per ``run_checks`` call."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.meta = document.meta
        self.language = document.meta.language
        self.clauses: list[Clause] = list(document.walk())
        self._order = {id(c): i for i, c in enumerate(self.clauses)}
        self._parent: dict[int, Clause | None] = {}
        self._top: dict[int, Clause] = {}
        for top in document.clauses:
            self._index(top, None, top)

    def _index(self, clause: Clause, parent: Clause | None, top: Clause) -> None:
        self._parent[id(clause)] = parent
        self._top[id(clause)] = top
        for child in clause.children:
            self._index(child, clause, top)

    # --- document facts ---------------------------------------------------------------------

    @property
    def is_gb(self) -> bool:
        """A Chinese national, sector or group standard (GB/T 1.1 applies in full, foreword and cover too)."""
        return self.meta.kind in GB_KINDS

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def label(self, clause: Clause) -> str:
        return clause_label(clause)

    def parent(self, clause: Clause) -> Clause | None:
        return self._parent.get(id(clause))

    def top(self, clause: Clause) -> Clause:
        return self._top.get(id(clause), clause)

    def order(self, clause: Clause) -> int:
        return self._order.get(id(clause), len(self.clauses))

    def is_informative(self, clause: Clause) -> bool:
        top = self.top(clause)
        return top.kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.BIBLIOGRAPHY,
                            ClauseKind.INDEX) or (top.kind == ClauseKind.ANNEX and top.normative is False)

    @cached_property
    def chapters(self) -> list[Clause]:
        return [c for c in self.document.clauses if c.kind == ClauseKind.CHAPTER]

    def chapter_titled(self, titles: tuple[str, ...]) -> Clause | None:
        wanted = {norm_title(t) for t in titles}
        return next((c for c in self.chapters if norm_title(c.title) in wanted), None)

    @cached_property
    def scope(self) -> Clause | None:
        return self.chapter_titled(SCOPE_TITLES)

    @cached_property
    def refs_chapter(self) -> Clause | None:
        return self.chapter_titled(REFS_TITLES)

    @cached_property
    def terms_chapter(self) -> Clause | None:
        found = self.chapter_titled(TERMS_TITLES)
        if found is None:
            # "术语、定义和缩略语" and other combinations still start with 术语 / Terms
            found = next((c for c in self.chapters if norm_title(c.title).startswith(("术语", "terms"))), None)
        return found

    def first_of(self, kind: ClauseKind) -> Clause | None:
        return next((c for c in self.document.clauses if c.kind == kind), None)

    @cached_property
    def foreword(self) -> Clause | None:
        return self.first_of(ClauseKind.FOREWORD)

    @cached_property
    def introduction(self) -> Clause | None:
        return self.first_of(ClauseKind.INTRODUCTION)

    @cached_property
    def annexes(self) -> list[Clause]:
        return [c for c in self.document.clauses if c.kind == ClauseKind.ANNEX]

    @cached_property
    def numbers(self) -> set[str]:
        """Every clause, term and annex number of the document (annexes by letter)."""
        return {c.number for c in self.clauses if c.kind in NUMBERED_KINDS and c.number}

    @cached_property
    def stray_headings(self) -> dict[str, Segment]:
        """Headings the parser kept as body text, by number.

        The parser refuses a numbered line it does not trust as a heading ("6.2 Specification of measures" reads
        to it like "6.2 specifies …"); such a paragraph still shows that the clause exists, so references to it
        resolve and the numbering has no gap there.
        """
        found: dict[str, Segment] = {}
        for seg in self.segments:
            if seg.kind != "paragraph":
                continue
            m = _STRAY_HEADING.match(normalise_for_match(seg.text.strip()))
            if m is None or m["num"] in self.numbers or not title_like(m["rest"]):
                continue
            # a capital or Chinese start reads as a title; "8.7　nuScenes…" shows it by the full-width space
            full_width = seg.text.strip()[len(m["num"]):len(m["num"]) + 1] == "\u3000"
            if not (m["rest"][:1].isupper() or has_cjk(m["rest"][:1]) or full_width):
                continue
            parent = m["num"].rsplit(".", 1)[0]
            if parent in self.numbers:
                found.setdefault(m["num"], seg)
        return found

    @cached_property
    def stray_chapters(self) -> dict[str, Segment]:
        """Chapter headings after an annex: the parser takes no body chapter after annexes, so "7　检测与验证"
        placed after 附录A stays a paragraph of the annex. It still shows the chapter exists (and is misplaced)."""
        found: dict[str, Segment] = {}
        chapters = {c.number for c in self.chapters}
        last = max((int(n) for n in chapters if n.isdigit()), default=0)
        for seg in self.segments:
            if seg.kind != "paragraph" or seg.top.kind != ClauseKind.ANNEX:
                continue
            m = _STRAY_CHAPTER.match(normalise_for_match(seg.text.strip()))
            if m is None or m["num"] in chapters or int(m["num"]) <= last:
                continue
            # "7　检测与验证": a full-width space after a bare number is heading layout, never running text (the
            # parser may have joined the next line onto it, so the rest need not look like a title)
            if seg.text.strip()[len(m["num"])] == "\u3000" or (title_like(m["rest"], 30) and (
                    m["rest"][:1].isupper() or has_cjk(m["rest"][:1]))):
                found.setdefault(m["num"], seg)
        return found

    @cached_property
    def known_numbers(self) -> set[str]:
        return self.numbers | set(self.stray_headings) | set(self.stray_chapters)

    @cached_property
    def tables(self) -> set[str]:
        return {b.number for c in self.clauses for b in c.blocks if isinstance(b, Table) and b.number}

    @cached_property
    def figures(self) -> set[str]:
        return {b.number for c in self.clauses for b in c.blocks if isinstance(b, Figure) and b.number}

    @cached_property
    def formulas(self) -> set[str]:
        return {b.number for c in self.clauses for b in c.blocks if isinstance(b, Formula) and b.number}

    # --- segments ---------------------------------------------------------------------------

    @cached_property
    def segments(self) -> list[Segment]:
        out: list[Segment] = []
        for clause in self.clauses:
            out.extend(self.clause_segments(clause))
        return out

    def clause_segments(self, clause: Clause) -> Iterator[Segment]:
        label = self.label(clause)
        top = self.top(clause)
        informative = self.is_informative(clause)
        offset = 0
        previous: Block | None = None
        for block in clause.blocks:
            for piece in _pieces(block):
                lead_in = previous.text if piece.kind == "list_item" and isinstance(previous, Paragraph) else ""
                yield Segment(
                    clause=clause, label=label, kind=piece.kind, text=piece.text, offset=offset + piece.start,
                    location=piece.location or block.location, block=block, top=top, informative=informative,
                    tag=piece.tag, lead_in=lead_in, depth=piece.depth, extra=piece.extra,
                )
            offset += len(block_text(block)) + 1
            previous = block

    @cached_property
    def _by_clause(self) -> dict[int, list[Segment]]:
        table: dict[int, list[Segment]] = {}
        for seg in self.segments:
            table.setdefault(id(seg.clause), []).append(seg)
        return table

    def segments_of(self, clause: Clause, deep: bool = False) -> list[Segment]:
        """The clause's own segments, or (deep) those of the clause and all its subclauses, in order."""
        if not deep:
            return list(self._by_clause.get(id(clause), []))
        return [s for c in clause.walk() for s in self._by_clause.get(id(c), [])]

    # --- ordering -----------------------------------------------------------------------------

    def clause_by_label(self, label: str) -> Clause | None:
        """The first clause findings name ``label`` ("5.3", "前言", "A")."""
        return self._by_label.get(label)

    @cached_property
    def _by_label(self) -> dict[str, Clause]:
        table: dict[str, Clause] = {}
        for clause in self.clauses:
            table.setdefault(self.label(clause), clause)
        return table

    def sort(self, findings: list[Finding]) -> list[Finding]:
        """Document order: cover and document-level findings first, then by source position."""

        def key(f: Finding) -> tuple[int, float, int, int, str]:
            clause = self._by_label.get(f.clause) if f.clause not in ("", "cover") else None
            head = 0 if clause is None and f.clause in ("", "cover") else 1
            pos = _position(f.location)
            if pos is None and clause is not None:
                pos = _position(clause.location)
            order = self.order(clause) if clause is not None else -1
            return (head, math.inf if pos is None else pos, order, f.span[0] if f.span else -1, f.rule)

        return sorted(findings, key=key)


def _position(location: SourceLocation | None) -> float | None:
    if location is None:
        return None
    for value in (location.line, location.paragraph, location.page):
        if value is not None:
            return float(value)
    return None


# --- how Clause.text() lays out each block (kept in step with model.block_text) ------------------


@dataclass
class _Piece:
    kind: str
    text: str
    start: int  # offset inside block_text(block)
    tag: str = ""
    depth: int = 0
    location: SourceLocation | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _pieces(block: Block) -> Iterator[_Piece]:
    if isinstance(block, Paragraph):
        yield _Piece("paragraph", block.text, 0)
    elif isinstance(block, Note):
        yield _Piece("note", block.text, len(block.label) + 1, tag=block.label)
    elif isinstance(block, Example):
        yield _Piece("example", block.text, len(block.label) + 1, tag=block.label)
    elif isinstance(block, ListBlock):
        yield from _list_pieces(block.items, 0, [0])
    elif isinstance(block, Table):
        yield from _table_pieces(block)
    elif isinstance(block, Figure):
        if block.caption:
            yield _Piece("figure_caption", block.caption, len(f"图{block.number}　"), extra={"number": block.number})
    elif isinstance(block, Formula):
        yield _Piece("formula", block.text, 0, extra={"number": block.number})
    elif isinstance(block, TermEntry):
        yield from _term_pieces(block)
    elif isinstance(block, Reference):
        before = len(block.label) + 1 if block.label else 0
        text = "　".join(x for x in (block.designation, block.title) if x)
        yield _Piece("reference", text, before, extra={"designation": block.designation})


def _table_pieces(table: Table) -> Iterator[_Piece]:
    head = f"表{table.number}　{table.caption}".rstrip()
    if table.caption:
        yield _Piece("table_caption", table.caption, len(head) - len(table.caption), extra={"number": table.number})
    pos = len(head) + 1
    for r, row in enumerate(table.rows):
        cell_pos = pos
        for c, cell in enumerate(row):
            yield _Piece("table_cell", cell, cell_pos, extra={"row": str(r), "col": str(c), "number": table.number})
            cell_pos += len(cell) + 1
        pos += len("　".join(row)) + 1
    for note in table.notes:
        yield _Piece("note", note.text, pos + len(note.label) + 1, tag=note.label, location=note.location)
        pos += len(note.label) + 1 + len(note.text) + 1


def _list_pieces(items: list[ListItem], depth: int, pos: list[int]) -> Iterator[_Piece]:
    for item in items:
        indent = "  " * depth
        yield _Piece("list_item", item.text, pos[0] + len(indent) + len(item.marker), tag=item.marker, depth=depth,
                     location=item.location)
        pos[0] += len(indent) + len(item.marker) + len(item.text) + 1
        yield from _list_pieces(item.children, depth + 1, pos)


def _term_pieces(entry: TermEntry) -> Iterator[_Piece]:
    head = "　".join(x for x in (entry.term_zh, entry.term_en) if x)
    yield _Piece("term_head", head, 0, extra={"term_zh": entry.term_zh, "term_en": entry.term_en})
    pos = len(head) + 1
    if entry.abbreviation:
        yield _Piece("term_abbreviation", entry.abbreviation, pos)
        pos += len(entry.abbreviation) + 1
    if entry.definition:
        yield _Piece("term_definition", entry.definition, pos)
        pos += len(entry.definition) + 1
    for note in entry.notes:
        yield _Piece("term_note", note.text, pos + len(note.label) + 1, tag=note.label, location=note.location)
        pos += len(note.label) + 1 + len(note.text) + 1
    for example in entry.examples:
        yield _Piece("term_example", example.text, pos + len(example.label) + 1, tag=example.label,
                     location=example.location)
        pos += len(example.label) + 1 + len(example.text) + 1
    if entry.source:
        yield _Piece("term_source", entry.source, pos + len("[来源："))
