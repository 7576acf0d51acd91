"""Document to the project's Markdown form (docs/corpus-format.md); parsing it again gives the same outline."""

from __future__ import annotations

from typing import Any

import yaml

from assistant.document.model import (
    Block,
    Clause,
    ClauseKind,
    Document,
    DocumentMeta,
    Example,
    Figure,
    Formula,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Reference,
    Structure,
    Table,
    TermEntry,
)


def to_markdown(document: Document) -> str:
    meta = document.meta
    english = meta.language == "en"
    out: list[str] = [front_matter(meta), ""]
    for clause in document.clauses:
        _clause(clause, 2, meta.structure, english, out)
    return "\n".join(out).rstrip() + "\n"


def front_matter(meta: DocumentMeta) -> str:
    """The YAML front matter block (with its --- fences) that carries the cover metadata."""
    data: dict[str, Any] = meta.model_dump(mode="json", exclude={"source_path"}, exclude_defaults=True)
    data["structure"] = meta.structure.value
    data["language"] = meta.language
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False).strip() + "\n---"


def _heading(clause: Clause, structure: Structure, english: bool) -> list[str]:
    kind, number, title = clause.kind, clause.number, clause.title
    if kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.BIBLIOGRAPHY, ClauseKind.INDEX):
        return [title]
    if kind == ClauseKind.ANNEX and structure in (Structure.STANDARD, Structure.NIST_RMF):
        if english:
            mark = "" if clause.normative is None else (" (normative)" if clause.normative else " (informative)")
            return [f"Annex {number}{mark} {title}".rstrip()]
        mark = "" if clause.normative is None else ("（规范性）" if clause.normative else "（资料性）")
        return [f"附录{number}{mark}{title}"]
    if structure == Structure.EU_ACT and kind in (ClauseKind.CHAPTER, ClauseKind.SECTION, ClauseKind.ANNEX):
        return [number.upper(), title] if title else [number.upper()]
    if structure == Structure.EU_ACT and kind == ClauseKind.ARTICLE:
        return [number, f"**{title}**"] if title else [number]
    if kind == ClauseKind.CATEGORY:
        return [f"{number}: {title}"]
    if kind == ClauseKind.TERM:
        return [number]
    if structure != Structure.STANDARD or english:
        return [f"{number} {title}".strip()]
    return [f"{number}　{title}".rstrip("　")]


def _clause(clause: Clause, depth: int, structure: Structure, english: bool, out: list[str]) -> None:
    marks = "#" * min(depth, 6) + " "
    if clause.kind == ClauseKind.PREAMBLE:
        pass
    elif clause.kind == ClauseKind.RECITAL:
        if not out or "Whereas:" not in out:
            out += ["Whereas:", ""]
        text = clause.blocks[0].text if clause.blocks and isinstance(clause.blocks[0], Paragraph) else ""
        out += [f"({clause.number.split()[-1]}) {text}", ""]
        for block in clause.blocks[1:]:
            out += [*_block(block, english), ""]
        return
    elif clause.kind == ClauseKind.POINT:
        entry = clause.term_entry
        n = clause.number[clause.number.rfind("(") :]
        out += [f"{n} ‘{clause.title}’ {entry.definition if entry else ''};", ""]
        return
    elif clause.kind == ClauseKind.SUBCATEGORY:
        first = clause.blocks[0].text if clause.blocks and isinstance(clause.blocks[0], Paragraph) else ""
        out += [f"- **{clause.number}:** {first}".rstrip(), ""]
        for block in clause.blocks[1:]:
            out += [*_block(block, english), ""]
        for child in clause.children:
            _clause(child, depth + 1, structure, english, out)
        return
    elif clause.kind == ClauseKind.ARTICLE and structure == Structure.LAW:
        first = clause.blocks[0].text if clause.blocks and isinstance(clause.blocks[0], Paragraph) else ""
        out += [f"{clause.number}　{first}".rstrip("　"), ""]
        for block in clause.blocks[1 if first else 0 :]:
            out += [*_block(block, english), ""]
        return
    else:
        heading = _heading(clause, structure, english)
        out += [marks + heading[0], *heading[1:], ""]
    for block in clause.blocks:
        out += [*_block(block, english), ""]
    for child in clause.children:
        _clause(child, depth + 1, structure, english, out)


def _block(block: Block, english: bool) -> list[str]:
    colon = ":" if english else "："
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, ListBlock):
        return _items(block.items, 0)
    if isinstance(block, Note):
        if english:
            return [f"{block.label}{':' if 'entry' in block.label else ''} {block.text}"]
        return [f"{block.label}{colon}{block.text}"]
    if isinstance(block, Example):
        return [f"{block.label} {block.text}" if english else f"{block.label}{colon}{block.text}"]
    if isinstance(block, Table):
        lines = []
        if block.number or block.caption:
            lines.append(f"Table {block.number} — {block.caption}" if english else f"表{block.number}　{block.caption}")
        if block.rows:
            width = max(len(r) for r in block.rows)
            rows = [r + [""] * (width - len(r)) for r in block.rows]
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * width)
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        for note in block.notes:
            lines += _block(note, english)
        return lines
    if isinstance(block, Figure):
        return [f"Figure {block.number} — {block.caption}" if english else f"图{block.number}　{block.caption}"]
    if isinstance(block, Formula):
        return [f"{block.text}　　（{block.number}）"]
    if isinstance(block, TermEntry):
        head = f"**{block.term_zh}**　{block.term_en}".strip("　") if block.term_zh else block.term_en
        lines = [head]
        if block.abbreviation:
            lines.append(block.abbreviation)
        if block.definition:
            lines.append(block.definition)
        for note in block.notes:
            lines += _block(note, english)
        for example in block.examples:
            lines += _block(example, english)
        if block.source:
            lines.append(f"[SOURCE: {block.source}]" if english else f"[来源：{block.source}]")
        return ["\n".join(lines)]
    assert isinstance(block, Reference)
    return ["　".join(x for x in (block.label, block.designation, block.title) if x)]


def _items(items: list[ListItem], depth: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines.append(f"{'  ' * depth}{item.marker}{item.text}")
        lines += _items(item.children, depth + 1)
    return lines
