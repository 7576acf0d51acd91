"""Numbering and layout of chapters, clauses and lists (GB/T 1.1-2020 7.3, 7.4, 7.5; Directives Part 2, 22)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.context import CheckContext
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.structure import has_chapters
from assistant.checks.text import excerpt
from assistant.document.lines import NORMATIVE_MARK
from assistant.document.model import Block, Clause, ClauseKind, Example, ListBlock, ListItem, Note, Paragraph
from assistant.document.patterns import REFERENCE_STARTS, normalise_for_match

_NUMBERED = (ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.TERM)
_HEADING_TEXT = re.compile(r"^(?P<num>(?:[A-Z]|\d{1,2})(?:\.\d{1,3}){1,5})[ \t\u3000]+(?P<rest>\S.*)$")


def _last(number: str) -> int | None:
    tail = number.rsplit(".", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _sibling_groups(ctx: CheckContext) -> Iterator[tuple[Clause | None, list[Clause]]]:
    """Numbered siblings: the chapters, and the direct numbered children of every chapter, clause and annex."""
    yield None, [c for c in ctx.document.clauses if c.kind == ClauseKind.CHAPTER]
    for clause in ctx.clauses:
        if clause.kind in (*_NUMBERED, ClauseKind.ANNEX):
            depth = clause.number.count(".") + 1
            kids = [c for c in clause.children if c.kind in _NUMBERED and c.number.count(".") == depth]
            if kids:
                yield clause, kids


@rule("NUM-001", severity=Severity.ERROR, title_zh="编号不连续", title_en="Gap in numbering",
      source="GB/T 1.1—2020 7.3, 7.4; ISO/IEC Directives Part 2 22.2, 22.3",
      rationale="Chapters and clauses are numbered consecutively from 1; a gap suggests a lost clause.",
      when=has_chapters)
def numbering_gap(ctx: CheckContext) -> Iterator[Hit]:
    for parent, kids in _sibling_groups(ctx):
        expected = 1
        previous = ""
        for clause in kids:
            n = _last(clause.number)
            if n is None or clause.number == previous:
                continue  # a repeated number is NUM-002's finding
            if n > expected and all(f"{parent.number if parent else ''}{'.' if parent else ''}{k}" in ctx.stray_headings
                                    for k in range(expected, n)):
                expected = n  # the missing numbers are headings the parser kept as text; they exist
            if n != expected:
                want = f"{parent.number}.{expected}" if parent is not None else str(expected)
                gap_zh = f"缺少{want}" if n > expected else f"应为{want}"
                yield Hit(clause=clause.number, message_zh=f"编号不连续：{clause.number}之前{gap_zh}",
                          message_en=f"numbering gap: {want} is expected before {clause.number}"
                          if n > expected else f"numbering out of sequence: {want} is expected, not {clause.number}",
                          text=excerpt(f"{clause.number}　{clause.title}".strip()), suggestion=f"{want}　{clause.title}"
                          .strip(), location=clause.location)
            expected = n + 1
            previous = clause.number


@rule("NUM-002", severity=Severity.ERROR, title_zh="编号重复", title_en="Number used twice",
      source="GB/T 1.1—2020 7.3, 7.4; ISO/IEC Directives Part 2 22",
      rationale="A number identifies one clause; a repeated number makes references ambiguous.", when=has_chapters)
def duplicate_number(ctx: CheckContext) -> Iterator[Hit]:
    seen: set[str] = set()
    for clause in ctx.clauses:
        if clause.kind not in (*_NUMBERED, ClauseKind.ANNEX) or not clause.number:
            continue
        if clause.number in seen:
            yield Hit(clause=clause.number, message_zh=f"编号{clause.number}重复使用",
                      message_en=f"the number {clause.number} is used twice",
                      text=excerpt(f"{clause.number}　{clause.title}".strip()),
                      suggestion="重新编号，使每个编号只出现一次 / renumber so that each number occurs once",
                      location=clause.location)
        seen.add(clause.number)
    # A repeated heading that comes after deeper clauses ("5.2" after "5.2.1") is not taken as a heading by the
    # parser, which keeps the numbering it trusts; it survives as a paragraph starting with the number.
    for seg in ctx.segments:
        if seg.kind != "paragraph":
            continue
        m = _HEADING_TEXT.match(normalise_for_match(seg.text))
        if m is None or m["num"] not in ctx.numbers or m["num"] == seg.clause.number:
            continue
        rest = m["rest"]
        if rest.lower().startswith(REFERENCE_STARTS) or rest[:1] in "的中规所和与及或至～、）)":
            continue
        yield Hit(clause=m["num"], message_zh=f"编号{m['num']}重复使用", message_en=f"the number {m['num']} is used twice",
                  text=excerpt(seg.text), span=seg.span(0, len(m["num"])),
                  suggestion="重新编号，使每个编号只出现一次 / renumber so that each number occurs once",
                  location=seg.location)


@rule("NUM-003", severity=Severity.WARNING, title_zh="条的层次过多", title_en="More than five levels",
      source="GB/T 1.1—2020 7.3.2; ISO/IEC Directives Part 2 22.3.1",
      rationale="Subdivision stops at five levels of numbering; deeper text belongs in lists.", when=has_chapters)
def too_deep(ctx: CheckContext) -> Iterator[Hit]:
    for clause in ctx.clauses:
        if clause.kind in _NUMBERED and clause.number.count(".") >= 5:
            yield Hit(clause=clause.number, message_zh=f"条{clause.number}超过五个层次",
                      message_en=f"clause {clause.number} is numbered at more than five levels",
                      text=excerpt(f"{clause.number}　{clause.title}".strip()),
                      suggestion="合并层次，或改用列项 / merge levels or use a list", location=clause.location)


@rule("NUM-004", severity=Severity.ERROR, title_zh="单独的条", title_en="Lone subclause",
      source="GB/T 1.1—2020 7.3.2; ISO/IEC Directives Part 2 22.3.3",
      rationale="A clause is subdivided only into two or more subclauses (5.1 needs a 5.2).", when=has_chapters)
def lone_subclause(ctx: CheckContext) -> Iterator[Hit]:
    for parent, kids in _sibling_groups(ctx):
        if parent is None:
            continue
        clauses = [k for k in kids if k.kind == ClauseKind.CLAUSE]
        # a terms chapter with a single entry is normal; only subdivisions into clauses count
        if len(clauses) == 1 and len(kids) == 1:
            lone = clauses[0]
            yield Hit(clause=lone.number, message_zh=f"{parent.number}只有一个下级条{lone.number}",
                      message_en=f"{parent.number} has a single subclause {lone.number}",
                      text=excerpt(f"{lone.number}　{lone.title}".strip()),
                      suggestion=f"取消{lone.number}的编号，将其内容并入{parent.number}，或增加第二个条 / "
                                 f"merge {lone.number} into {parent.number} or add a second subclause",
                      location=lone.location)


def _hanging_blocks(clause: Clause) -> list[Block]:
    out: list[Block] = []
    for block in clause.blocks:
        if isinstance(block, Paragraph):
            # "（规范性）" on its own line under an annex heading is part of the heading
            if clause.kind == ClauseKind.ANNEX and NORMATIVE_MARK.match(normalise_for_match(block.text.strip())):
                continue
            if not block.text.strip():
                continue
        out.append(block)  # a note, list or table is just as hanging as a paragraph
    return out


@rule("NUM-005", severity=Severity.ERROR, title_zh="悬置段", title_en="Hanging paragraph",
      source="GB/T 1.1—2020 7.4; ISO/IEC Directives Part 2 22.3.3",
      rationale="Text between a heading and its first subclause cannot be cited; give it its own subclause.",
      when=has_chapters)
def hanging_paragraph(ctx: CheckContext) -> Iterator[Hit]:
    for clause in ctx.clauses:
        if clause.kind not in (ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.ANNEX):
            continue
        # the lead-in of chapter 3 over its entries (or over group headings like "3.1 通用术语") is required text
        if clause is ctx.terms_chapter:
            continue
        kids = [c for c in clause.children if c.kind == ClauseKind.CLAUSE]
        if not kids:
            continue
        blocks = _hanging_blocks(clause)
        if not blocks:
            continue
        first = ctx.segments_of(clause)
        seg = next((s for s in first if s.block is blocks[0]), None)
        text = seg.text if seg is not None else ""
        first_kid = kids[0].number
        yield Hit(clause=clause.number, message_zh=f"{clause.number}与其第一个下级条{first_kid}之间有悬置段",
                  message_en=f"hanging paragraph between the heading {clause.number} and its first subclause "
                             f"{first_kid}",
                  text=excerpt(text), span=seg.span(0, len(text)) if seg is not None else None,
                  suggestion=f"将这段文字设为{clause.number}.1（如“{clause.number}.1　总则”），其后各条依次顺延编号 / "
                             f"put the text in a new subclause {clause.number}.1 (e.g. 'General') and renumber",
                  location=blocks[0].location)


@rule("NUM-006", severity=Severity.WARNING, title_zh="同级条有的有标题有的无标题",
      title_en="Siblings mix titled and untitled subclauses", source="GB/T 1.1—2020 7.3.3; Directives Part 2 22.3.4",
      rationale="Within one level, either every subclause has a title or none has.", when=has_chapters)
def mixed_titles(ctx: CheckContext) -> Iterator[Hit]:
    # reported once per level, at the parent clause: the fault is the level's inconsistency
    for parent, kids in _sibling_groups(ctx):
        clauses = [k for k in kids if k.kind == ClauseKind.CLAUSE]
        if parent is None or len(clauses) < 2:
            continue
        titled = [c for c in clauses if c.title.strip()]
        untitled = [c for c in clauses if not c.title.strip()]
        if not titled or not untitled:
            continue
        if len(titled) != len(untitled):
            odd = titled if len(titled) < len(untitled) else untitled
        else:
            odd = untitled if clauses[0].title.strip() else titled
        has = bool(odd[0].title.strip())
        names = "、".join(c.number for c in odd)
        first = odd[0]
        yield Hit(clause=parent.number,
                  message_zh=f"{parent.number}的下级条有的有标题、有的无标题：{names}{'有标题' if has else '无标题'}，"
                             f"其余{'无标题' if has else '有标题'}",
                  message_en=f"the subclauses of {parent.number} mix titled and untitled ones: {names.replace('、', ', ')} "
                             f"{'is' if len(odd) == 1 else 'are'} {'titled' if has else 'untitled'}, the others are not",
                  text=excerpt(f"{first.number}　{first.title or first.text()[:40]}"),
                  suggestion=(f"删除{names}的标题，或为所有同级条加标题 / remove the titles or title every sibling"
                              if has else f"为{names}加标题，与同级条一致 / give {names.replace('、', ', ')} a title "
                                          "like the siblings"),
                  location=first.location)


_LEAD_IN_END = ("：", ":")
_LEAD_IN_WORDS = re.compile(r"如下|下列|以下|following|as follows")


def _is_lead_in(block: object) -> bool:
    # a note or example may introduce its own list ("注：常用方法包括：")
    if not isinstance(block, Paragraph | Note | Example):
        return False
    text = block.text.rstrip()
    return text.endswith(_LEAD_IN_END) or bool(_LEAD_IN_WORDS.search(text[-30:]))


def _marker_style(item: ListItem) -> str:
    marker = item.marker.strip()
    if marker.startswith("—"):
        return "dash"
    if marker[:1].isdigit():
        return "numeric"
    if re.match(r"^[a-z][)）]$", marker):
        return "alpha"
    return "other"


@rule("NUM-007", severity=Severity.WARNING, title_zh="列项形式错误", title_en="List fault",
      source="GB/T 1.1—2020 7.5; ISO/IEC Directives Part 2 25.2",
      rationale="A list follows a lead-in sentence, uses one kind of marker per level, and numbers 1) only "
                "under a) items.", when=has_chapters)
def list_form(ctx: CheckContext) -> Iterator[Hit]:
    for clause in ctx.clauses:
        if clause.kind in (ClauseKind.FOREWORD, ClauseKind.BIBLIOGRAPHY):
            continue  # a foreword's list of technical changes follows its own fixed lead-in
        previous = None
        for block in clause.blocks:
            if isinstance(block, ListBlock) and block.items and block.style in ("dash", "alpha", "numeric"):
                found = _list_fault(block, previous)
                if found is not None:
                    zh, en, suggestion = found
                    seg = next((s for s in ctx.segments_of(clause) if s.block is block), None)
                    yield Hit(clause=ctx.label(clause), message_zh=zh, message_en=en,
                              text=excerpt(f"{block.items[0].marker}{block.items[0].text}"),
                              span=seg.span(0, len(seg.text)) if seg is not None else None,
                              suggestion=suggestion, location=block.location)
            previous = block


def _list_fault(block: ListBlock, previous: object) -> tuple[str, str, str] | None:
    if not _is_lead_in(previous):
        return ("列项前缺少引语", "the list has no lead-in sentence",
                "在列项前加引语，如“……包括下列内容：” / add a lead-in such as '… includes the following:'")
    styles = {_marker_style(i) for i in block.items}
    if len(styles) > 1:
        return ("同一层次的列项混用了破折号和字母编号", "one list level mixes '——' and 'a)' markers",
                "同一层次统一使用“——”或“a）、b）” / use one kind of marker per level")
    if styles == {"numeric"}:
        return ("数字编号的列项“1）”不在字母编号的列项“a）”之下", "items numbered 1) are not under an a) item",
                "将“1）、2）”改为“a）、b）”，或将其置于字母编号的项之下 / renumber as a), b) or nest them under an a) item")
    for item in block.items:
        kid_styles = {_marker_style(k) for k in item.children}
        if len(kid_styles) > 1:
            return ("同一层次的列项混用了不同的编号形式", "one list level mixes marker kinds",
                    "同一层次统一编号形式 / use one kind of marker per level")
    return None
