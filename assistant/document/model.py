"""A standard as GB/T 1.1-2020 sees it: metadata, a tree of clauses, and typed blocks.

Laws (第N章/第N条), the EU AI Act (Article/paragraph/point) and the NIST AI RMF
(GOVERN 1.1) use the same tree with their own clause kinds, so every feature can cite
their units the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field


class DocumentKind(StrEnum):
    GB = "GB"
    GBT = "GB/T"
    GBZ = "GB/Z"
    ISO = "ISO"
    ISO_IEC = "ISO/IEC"
    IEC = "IEC"
    SECTOR = "sector"
    GROUP = "group"
    LAW = "law"
    OTHER = "other"


class Structure(StrEnum):
    """How the document is organised; decides which checks apply."""

    STANDARD = "standard"  # GB/T 1.1 / ISO Directives Part 2 clauses
    LAW = "law"  # Chinese laws and regulations: 章, 节, 条, 款, 项
    EU_ACT = "eu_act"  # EU legal acts: chapters, sections, articles, paragraphs, points
    NIST_RMF = "nist_rmf"  # functions, categories, subcategories
    PLAIN = "plain"  # anything else: paragraphs only


class Stage(StrEnum):
    COMMENT_DRAFT = "征求意见稿"
    REVIEW_DRAFT = "送审稿"
    APPROVAL_DRAFT = "报批稿"
    PUBLISHED = "published"


class AdoptionDegree(StrEnum):
    IDT = "IDT"
    MOD = "MOD"
    NEQ = "NEQ"


class Adoption(BaseModel):
    degree: AdoptionDegree
    source: str


class SourceLocation(BaseModel):
    """Where a unit came from, so a reviewer can open it: line in text, paragraph in .docx, page in PDF."""

    path: str = ""
    line: int | None = None
    end_line: int | None = None
    paragraph: int | None = None
    page: int | None = None

    def describe(self) -> str:
        parts = [self.path] if self.path else []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        return ", ".join(parts)


class DocumentMeta(BaseModel):
    designation: str = ""
    kind: DocumentKind = DocumentKind.OTHER
    structure: Structure = Structure.STANDARD
    title_zh: str = ""
    title_en: str = ""
    ics: str = ""
    ccs: str = ""
    stage: Stage | None = None
    replaces: str = ""
    adoption: Adoption | None = None
    release_date: str = ""
    implementation_date: str = ""
    issuing_bodies: list[str] = Field(default_factory=list)
    plan_number: str = ""
    language: Literal["zh", "en"] = "zh"
    sample: bool = False
    source_path: str = ""

    @property
    def title(self) -> str:
        return self.title_zh or self.title_en

    @property
    def doc_id(self) -> str:
        """The key a document is known by in the corpus: its designation, else its plan number or title."""
        if self.designation and "X" not in self.designation.upper().split(" ", 1)[-1]:
            return self.designation
        return self.plan_number or self.title or self.designation or self.source_path


# --- blocks -------------------------------------------------------------------------------


class _Block(BaseModel):
    location: SourceLocation | None = None


class Paragraph(_Block):
    type: Literal["paragraph"] = "paragraph"
    text: str


class ListItem(BaseModel):
    marker: str  # "——", "a）", "1）", "（一）", "(a)"
    text: str
    children: list[ListItem] = Field(default_factory=list)
    location: SourceLocation | None = None


class ListBlock(_Block):
    type: Literal["list"] = "list"
    style: Literal["dash", "alpha", "numeric", "cn_paren", "paren_alpha", "bullet"]
    items: list[ListItem]


class Note(_Block):
    type: Literal["note"] = "note"
    label: str  # "注", "注1", "NOTE", "NOTE 1"
    text: str


class Example(_Block):
    type: Literal["example"] = "example"
    label: str  # "示例", "示例1", "EXAMPLE"
    text: str


class Table(_Block):
    type: Literal["table"] = "table"
    number: str  # "1", "A.1"
    caption: str
    rows: list[list[str]] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)


class Figure(_Block):
    type: Literal["figure"] = "figure"
    number: str
    caption: str
    source: str = ""


class Formula(_Block):
    type: Literal["formula"] = "formula"
    number: str  # "1", "A.1"
    text: str


class TermEntry(_Block):
    type: Literal["term"] = "term"
    number: str
    term_zh: str = ""
    term_en: str = ""
    abbreviation: str = ""
    admitted: list[str] = Field(default_factory=list)
    definition: str = ""
    notes: list[Note] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    source: str = ""  # the text inside [来源：…] / [SOURCE: …]

    @property
    def term(self) -> str:
        return self.term_zh or self.term_en


class Reference(_Block):
    """An entry of 规范性引用文件 (normative) or 参考文献 (bibliography)."""

    type: Literal["reference"] = "reference"
    designation: str
    title: str = ""
    dated: bool = False
    all_parts: bool = False
    normative: bool = True
    label: str = ""  # "[1]" in a bibliography


Block = Annotated[
    Paragraph | ListBlock | Note | Example | Table | Figure | Formula | TermEntry | Reference,
    Field(discriminator="type"),
]


# --- the clause tree ----------------------------------------------------------------------


class ClauseKind(StrEnum):
    FOREWORD = "foreword"
    INTRODUCTION = "introduction"
    CHAPTER = "chapter"
    CLAUSE = "clause"
    TERM = "term"
    ANNEX = "annex"
    BIBLIOGRAPHY = "bibliography"
    INDEX = "index"
    SECTION = "section"  # 第一节, EU SECTION 1
    ARTICLE = "article"  # 第七条, Article 3
    POINT = "point"  # Article 3(1) definitions
    RECITAL = "recital"
    PREAMBLE = "preamble"
    FUNCTION = "function"  # NIST GOVERN
    CATEGORY = "category"  # NIST GOVERN 1
    SUBCATEGORY = "subcategory"  # NIST GOVERN 1.1


class Clause(BaseModel):
    number: str = ""
    title: str = ""
    kind: ClauseKind
    normative: bool | None = None  # annexes: 规范性 True, 资料性 False
    blocks: list[Block] = Field(default_factory=list)
    children: list[Clause] = Field(default_factory=list)
    location: SourceLocation | None = None

    def walk(self) -> Iterator[Clause]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def term_entry(self) -> TermEntry | None:
        for block in self.blocks:
            if isinstance(block, TermEntry):
                return block
        return None

    def text(self) -> str:
        """The clause's own text (not its children's), as plain lines."""
        return "\n".join(block_text(b) for b in self.blocks)


class Document(BaseModel):
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    clauses: list[Clause] = Field(default_factory=list)  # top level, in document order

    def walk(self) -> Iterator[Clause]:
        for clause in self.clauses:
            yield from clause.walk()

    def find(self, number: str) -> Clause | None:
        for clause in self.walk():
            if clause.number == number:
                return clause
        return None

    def of_kind(self, *kinds: ClauseKind) -> list[Clause]:
        return [c for c in self.walk() if c.kind in kinds]

    def term_entries(self) -> list[TermEntry]:
        return [t for c in self.walk() if (t := c.term_entry) is not None]


class OutlineItem(BaseModel):
    number: str
    title: str
    kind: ClauseKind
    level: int
    normative: bool | None = None
    location: SourceLocation | None = None


def outline(document: Document) -> list[OutlineItem]:
    items: list[OutlineItem] = []

    def visit(clause: Clause, level: int) -> None:
        items.append(
            OutlineItem(
                number=clause.number,
                title=clause.title,
                kind=clause.kind,
                level=level,
                normative=clause.normative if clause.kind == ClauseKind.ANNEX else None,
                location=clause.location,
            )
        )
        for child in clause.children:
            visit(child, level + 1)

    for top in document.clauses:
        if top.kind == ClauseKind.PREAMBLE:  # unnumbered, untitled text before the first heading
            continue
        visit(top, 1)
    return items


def block_text(block: Block) -> str:
    """Plain text of one block, in the form a reader sees it (labels included)."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return "\n".join(_list_lines(block.items))
    if isinstance(block, Note | Example):
        return f"{block.label}：{block.text}"
    if isinstance(block, Table):
        lines = [f"表{block.number}　{block.caption}".rstrip()]
        lines += ["　".join(row) for row in block.rows]
        lines += [f"{n.label}：{n.text}" for n in block.notes]
        return "\n".join(lines)
    if isinstance(block, Figure):
        return f"图{block.number}　{block.caption}".rstrip()
    if isinstance(block, Formula):
        return f"{block.text}　（{block.number}）"
    if isinstance(block, TermEntry):
        head = "　".join(x for x in (block.term_zh, block.term_en) if x)
        lines = [head]
        if block.abbreviation:
            lines.append(block.abbreviation)
        if block.definition:
            lines.append(block.definition)
        lines += [f"{n.label}：{n.text}" for n in block.notes]
        lines += [f"{e.label}：{e.text}" for e in block.examples]
        if block.source:
            lines.append(f"[来源：{block.source}]")
        return "\n".join(lines)
    # Reference
    return "　".join(x for x in (block.label, block.designation, block.title) if x)


def _list_lines(items: list[ListItem], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines.append(f"{'  ' * depth}{item.marker}{item.text}")
        lines.extend(_list_lines(item.children, depth + 1))
    return lines
