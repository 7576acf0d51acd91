"""Elements and their order (GB/T 1.1-2020 chapter 6; ISO/IEC Directives Part 2, clauses 10-15)."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.context import REFS_TITLES, SCOPE_TITLES, TERMS_TITLES, CheckContext, Segment
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.text import excerpt, squash, squash_en
from assistant.document.model import Clause, ClauseKind, Reference, TermEntry

NO_REFS_ZH = "本文件没有规范性引用文件。"
NO_REFS_EN = "There are no normative references in this document."
NO_TERMS_ZH = "本文件没有需要界定的术语和定义。"
NO_TERMS_EN = "No terms and definitions are listed in this document."


def has_chapters(ctx: CheckContext) -> bool:
    # a text with no numbered chapters at all is not drafted as a standard; its structure is not ours to judge
    return bool(ctx.chapters)


_MANDATORY = (
    ("1", SCOPE_TITLES, "范围", "Scope"),
    ("2", REFS_TITLES, "规范性引用文件", "Normative references"),
    ("3", TERMS_TITLES, "术语和定义", "Terms and definitions"),
)


def _mandatory(ctx: CheckContext) -> list[tuple[str, Clause | None, str, str]]:
    found = (ctx.scope, ctx.refs_chapter, ctx.terms_chapter)
    return [(number, clause, zh, en) for (number, _, zh, en), clause in zip(_MANDATORY, found, strict=True)]


@rule("STR-001", severity=Severity.ERROR, title_zh="缺少必备章", title_en="Mandatory chapter missing",
      source="GB/T 1.1—2020 6.2, 8.2, 8.3, 8.4; ISO/IEC Directives Part 2 13-16",
      rationale="Chapters 1 范围, 2 规范性引用文件 and 3 术语和定义 are required in every standard, even when empty.",
      when=has_chapters)
def missing_chapter(ctx: CheckContext) -> Iterator[Hit]:
    for number, clause, zh, en in _mandatory(ctx):
        if clause is not None:
            continue
        title = en if ctx.is_english else zh
        if number == "2":
            body = NO_REFS_EN if ctx.is_english else NO_REFS_ZH
        elif number == "3":
            body = NO_TERMS_EN if ctx.is_english else NO_TERMS_ZH
        else:
            body = "This document specifies …" if ctx.is_english else "本文件规定了……。本文件适用于……。"
        yield Hit(clause="", message_zh=f"缺少必备的第{number}章“{zh}”",
                  message_en=f"the mandatory Clause {number} '{en}' is missing",
                  suggestion=f"{number}　{title}\n{body}")


_RANK = {ClauseKind.FOREWORD: 0, ClauseKind.INTRODUCTION: 1, ClauseKind.CHAPTER: 2, ClauseKind.CLAUSE: 2,
         ClauseKind.ANNEX: 3, ClauseKind.BIBLIOGRAPHY: 4, ClauseKind.INDEX: 5}
_NAMES = {ClauseKind.FOREWORD: ("前言", "the foreword"), ClauseKind.INTRODUCTION: ("引言", "the introduction"),
          ClauseKind.CHAPTER: ("正文章", "a body clause"), ClauseKind.CLAUSE: ("正文章", "a body clause"),
          ClauseKind.ANNEX: ("附录", "an annex"), ClauseKind.BIBLIOGRAPHY: ("参考文献", "the bibliography"),
          ClauseKind.INDEX: ("索引", "the index")}


def _out_of_order(ranks: list[int], weights: list[float] | None = None) -> set[int]:
    """Indexes outside the heaviest non-decreasing run of ranks: the elements that are out of place.

    Weights break ties: an annex between chapters 6 and 7 is the misplaced one, not chapter 7.
    """
    n = len(ranks)
    w = weights or [1.0] * n
    best = list(w)
    back = [-1] * n
    for i in range(n):
        for j in range(i):
            if ranks[j] <= ranks[i] and best[j] + w[i] > best[i]:
                best[i], back[i] = best[j] + w[i], j
    if not n:
        return set()
    i = max(range(n), key=lambda k: (best[k], -k))
    keep: set[int] = set()
    while i >= 0:
        keep.add(i)
        i = back[i]
    return set(range(n)) - keep


def _name_zh(ctx: CheckContext, clause: Clause) -> str:
    if clause.kind == ClauseKind.CHAPTER:
        return f"第{clause.number}章"
    if clause.kind == ClauseKind.ANNEX:
        return f"附录{clause.number}"
    return ctx.label(clause) or _NAMES[clause.kind][0]


def _name_en(ctx: CheckContext, clause: Clause) -> str:
    if clause.kind == ClauseKind.CHAPTER:
        return f"Clause {clause.number}"
    if clause.kind == ClauseKind.ANNEX:
        return f"Annex {clause.number}"
    return _NAMES[clause.kind][1]


@rule("STR-002", severity=Severity.ERROR, title_zh="要素顺序错误", title_en="Elements out of order",
      source="GB/T 1.1—2020 6.1, 6.2 (表1); ISO/IEC Directives Part 2 6.1",
      rationale="Readers find elements by position: foreword, introduction, 1 scope, 2 references, 3 terms, "
                "body, annexes, bibliography.",
      when=has_chapters)
def element_order(ctx: CheckContext) -> Iterator[Hit]:
    tops = [c for c in ctx.document.clauses if c.kind in _RANK]
    after_chapter: dict[int, tuple[str, Segment]] = {}
    # body chapters are the skeleton: an annex or a foreword is the element out of place, never a chapter
    weights = [10.0 if c.kind == ClauseKind.CHAPTER else 1.0 for c in tops]
    misplaced = _out_of_order([_RANK[c.kind] for c in tops], weights)
    for number, seg in ctx.stray_chapters.items():
        # a body chapter after an annex (kept as annex text by the parser): the first annex is out of place
        first_annex = next((i for i, c in enumerate(tops) if c.kind == ClauseKind.ANNEX), None)
        if first_annex is not None and not misplaced & set(range(first_annex, len(tops))):
            misplaced.add(first_annex)
            after_chapter[first_annex] = (number, seg)
    for index in sorted(misplaced):
        clause = tops[index]
        zh, en = _NAMES[clause.kind]
        label = ctx.label(clause) or clause.number
        after = next((t for t in tops[:index] if _RANK[t.kind] > _RANK[clause.kind]), None)
        before = next((t for t in tops[index + 1:] if _RANK[t.kind] < _RANK[clause.kind]), None)
        if after is not None:
            where_zh, where_en = f"位于{_name_zh(ctx, after)}之后", f"placed after {_name_en(ctx, after)}"
        elif before is not None:
            where_zh, where_en = f"位于{_name_zh(ctx, before)}之前", f"placed before {_name_en(ctx, before)}"
        else:
            where_zh, where_en = "位置不对", "misplaced"
        if index in after_chapter:
            where_zh, where_en = f"位于第{after_chapter[index][0]}章之前", f"placed before Clause {after_chapter[index][0]}"
        named_zh = zh if label == zh else f"{zh}“{label}”" if clause.kind != ClauseKind.ANNEX else f"附录{label}"
        named_en = en if label == zh else f"{en} '{label}'" if clause.kind != ClauseKind.ANNEX else f"Annex {label}"
        yield Hit(clause=label, message_zh=f"{named_zh}{where_zh}，不符合要素的规定顺序",
                  message_en=f"{named_en} is {where_en}, out of the required order of elements",
                  text=excerpt(f"{clause.number} {clause.title}".strip()),
                  suggestion="按以下顺序排列：前言、引言、1 范围、2 规范性引用文件、3 术语和定义、其他章、附录、参考文献、索引 / "
                             "order: foreword, introduction, 1 scope, 2 references, 3 terms, other clauses, "
                             "annexes, bibliography, index",
                  location=clause.location)
    mandatory = _mandatory(ctx)
    present = 0
    for number, chapter, zh, en in mandatory:
        if chapter is None:
            continue
        present += 1
        # a chapter renumbered after a missing one (2 术语和定义 when 2 is missing) is STR-001's fault, not ours
        if chapter.number in (number, str(present)):
            continue
        yield Hit(clause=chapter.number, message_zh=f"“{zh}”应为第{number}章，现为第{chapter.number}章",
                  message_en=f"'{en}' shall be Clause {number}, not Clause {chapter.number}",
                  text=excerpt(f"{chapter.number} {chapter.title}"), suggestion=f"{number}　{chapter.title}",
                  location=chapter.location)


def _has_sentence(clause: Clause, zh: str, en: str) -> bool:
    text = clause.text()
    return squash(zh) in squash(text) or squash_en(en) in squash_en(text)


@rule("STR-003", severity=Severity.ERROR, title_zh="空的规范性引用文件章缺少固定表述",
      title_en="Empty normative references clause without the fixed statement",
      source="GB/T 1.1—2020 8.4; ISO/IEC Directives Part 2 15.5",
      rationale="An empty chapter 2 must say so, so that readers know nothing was forgotten.", when=has_chapters)
def empty_references(ctx: CheckContext) -> Iterator[Hit]:
    chapter = ctx.refs_chapter
    if chapter is None:
        return
    if any(isinstance(b, Reference) for c in chapter.walk() for b in c.blocks):
        return
    if _has_sentence(chapter, NO_REFS_ZH, NO_REFS_EN):
        return
    yield Hit(clause=chapter.number, message_zh="第2章没有列出引用文件，也没有写明“本文件没有规范性引用文件。”",
              message_en="Clause 2 lists no documents and does not state that there are none",
              text=excerpt(chapter.text()) if chapter.blocks else f"{chapter.number} {chapter.title}",
              suggestion=NO_REFS_EN if ctx.is_english else NO_REFS_ZH, location=chapter.location)


@rule("STR-004", severity=Severity.ERROR, title_zh="空的术语和定义章缺少固定表述",
      title_en="Empty terms and definitions clause without the fixed statement",
      source="GB/T 1.1—2020 8.5.2; ISO/IEC Directives Part 2 16.5.2",
      rationale="An empty chapter 3 must say so, so that readers know nothing was forgotten.", when=has_chapters)
def empty_terms(ctx: CheckContext) -> Iterator[Hit]:
    chapter = ctx.terms_chapter
    if chapter is None:
        return
    if any(c.kind == ClauseKind.TERM or any(isinstance(b, TermEntry) for b in c.blocks) for c in chapter.walk()):
        return
    text = chapter.text()
    if _has_sentence(chapter, NO_TERMS_ZH, NO_TERMS_EN):
        return
    # "GB/T x界定的术语和定义适用于本文件。": every term comes from the cited document, which is allowed
    if "界定的术语和定义适用于本文件" in squash(text) or "terms and definitions given in" in squash_en(text):
        return
    yield Hit(clause=chapter.number, message_zh="第3章没有术语条目，也没有写明“本文件没有需要界定的术语和定义。”",
              message_en="Clause 3 has no entries and does not state that there are none",
              text=excerpt(text) if text else f"{chapter.number} {chapter.title}",
              suggestion=NO_TERMS_EN if ctx.is_english else NO_TERMS_ZH, location=chapter.location)
