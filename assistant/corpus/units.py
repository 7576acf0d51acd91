"""Documents become citable units: one per clause, term entry, article, note, example and table.

Citations follow the conventions readers use: "GB/T 41867—2022，3.1.2" (Chinese standards, full-width
comma), "ISO/IEC 22989:2022, 3.1.4", "Regulation (EU) 2024/1689, Article 3(1)",
"生成式人工智能服务管理暂行办法 第七条", "NIST AI 100-1, GOVERN 1.1".
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.document.model import (
    Block,
    Clause,
    ClauseKind,
    Document,
    Example,
    Figure,
    Note,
    Structure,
    Table,
    TermEntry,
    block_text,
)
from retrieval.units import Unit

# Notes, examples and tables are their own units; the rest of a clause's blocks form its body.
_SEPARATE = (Note, Example, Table, Figure)
_INFORMATIVE_TOP = (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.BIBLIOGRAPHY, ClauseKind.PREAMBLE,
                    ClauseKind.RECITAL)


def unit_label(document: Document, clause: Clause) -> str:
    """How a reader names the unit inside its document: "3.1.2", "附录A", "前言", "第七条", "Annex A"."""
    english = document.meta.language == "en"
    if clause.kind == ClauseKind.ANNEX and document.meta.structure in (Structure.STANDARD, Structure.NIST_RMF):
        return f"Annex {clause.number}" if english else f"附录{clause.number}"
    if clause.number:
        return clause.number
    return clause.title or clause.kind.value


def citation(document: Document, label: str, extra: str = "") -> str:
    meta = document.meta
    name = meta.designation or meta.title or meta.source_path
    if meta.structure == Structure.LAW or label.startswith("第"):
        text = f"{name} {label}"
        return f"{text} {extra}".rstrip() if extra else text
    sep = ", " if meta.language == "en" else "，"
    return sep.join(x for x in (name, label, extra) if x)


def document_units(document: Document, doc_id: str) -> list[Unit]:
    units: list[Unit] = []
    used: set[str] = set()
    meta = document.meta
    title = meta.title
    for clause, path, normative in _walk(document):
        label = unit_label(document, clause)
        own = [b for b in clause.blocks if not isinstance(b, _SEPARATE)]
        body = "\n".join(block_text(b) for b in own if block_text(b).strip())
        heading = " ".join(x for x in (clause.number, clause.title) if x) if clause.kind != ClauseKind.TERM else ""
        text = "\n".join(x for x in (heading, body) if x)
        kind = "term" if clause.term_entry is not None else clause.kind.value
        if body or clause.term_entry is not None or not clause.children:
            units.append(_unit(document, doc_id, title, clause, label, path, kind, text, normative, used))
        for index, block in enumerate(b for b in clause.blocks if isinstance(b, _SEPARATE)):
            extra = _block_label(block, index)
            # a table in an index (索引) is part of that navigation element, not a table of content
            block_kind = "index" if clause.kind == ClauseKind.INDEX else _block_kind(block)
            units.append(_unit(document, doc_id, title, clause, label, path, block_kind,
                               block_text(block), False if isinstance(block, Note | Example) else normative,
                               used, extra=extra, location_of=block))
    return [u for u in units if u.text.strip()]


def _unit(document: Document, doc_id: str, title: str, clause: Clause, label: str, path: list[str], kind: str,
          text: str, normative: bool | None, used: set[str], extra: str = "",
          location_of: Block | None = None) -> Unit:
    base = f"{doc_id}#{label}" + (f"/{extra}" if extra else "")
    unit_id, n = base, 1
    while unit_id in used:  # a malformed document may repeat a number; ids must stay unique
        n += 1
        unit_id = f"{base}~dup{n}"
    used.add(unit_id)
    location = (location_of.location if location_of is not None else None) or clause.location
    entry = clause.term_entry
    shown_title = clause.title or (entry.term if isinstance(entry, TermEntry) else "")
    return Unit(
        id=unit_id, doc_id=doc_id, designation=document.meta.designation or title, doc_title=title,
        number=label, title=shown_title, kind=kind, heading_path=path, text=text,
        language=document.meta.language, normative=normative,
        source_path=document.meta.source_path, location=location.describe() if location else "",
        citation=citation(document, label, extra),
    )


def _block_label(block: Block, index: int) -> str:
    if isinstance(block, Note | Example):
        return block.label
    if isinstance(block, Table):
        return f"表{block.number}" if block.number else f"表{index + 1}"
    if isinstance(block, Figure):
        return f"图{block.number}"
    return ""


def _block_kind(block: Block) -> str:
    return {Note: "note", Example: "example", Table: "table", Figure: "figure"}.get(type(block), "paragraph")


def _walk(document: Document) -> Iterator[tuple[Clause, list[str], bool | None]]:
    law_like = document.meta.structure in (Structure.LAW, Structure.EU_ACT, Structure.NIST_RMF)

    def visit(clause: Clause, path: list[str], normative: bool | None) -> Iterator[tuple[Clause, list[str],
                                                                                         bool | None]]:
        yield clause, path, normative
        here = " ".join(x for x in (clause.number, clause.title) if x)
        for child in clause.children:
            yield from visit(child, [*path, here], normative)

    for top in document.clauses:
        if law_like:
            normative: bool | None = None
        elif top.kind in _INFORMATIVE_TOP or (top.kind == ClauseKind.ANNEX and top.normative is False):
            normative = False
        else:
            normative = True
        yield from visit(top, [], normative)
