"""Labels of notes and examples (GB/T 1.1-2020 9.5.2, 9.5.3; ISO/IEC Directives Part 2, 24.5, 24.6)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.checks.context import CheckContext
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.text import excerpt
from assistant.document.model import (
    Clause,
    Example,
    Figure,
    Note,
    SourceLocation,
    Table,
    TermEntry,
    block_text,
)


@dataclass
class _Labelled:
    label: str
    text: str
    location: SourceLocation | None
    start: int  # offset of the label in Clause.text()


def _groups(clause: Clause, kind: type[Note] | type[Example]) -> list[list[_Labelled]]:
    """The notes (or examples) that are numbered together.

    A clause's own notes are one group; those of each term entry another; and notes right after a table or
    figure are that table's notes (the parser keeps them in the clause), numbered on their own.
    """
    own: list[_Labelled] = []
    groups: list[list[_Labelled]] = []
    offset = 0
    attached: list[_Labelled] | None = None  # the group of the table or figure just above, while notes follow it
    for block in clause.blocks:
        if isinstance(block, Table | Figure):
            attached = []
            groups.append(attached)
        elif isinstance(block, kind):
            item = _Labelled(block.label, block.text, block.location, offset)
            (attached if attached is not None and kind is Note else own).append(item)
        else:
            attached = None
            if isinstance(block, TermEntry):
                items = block.notes if kind is Note else block.examples
                text = block_text(block)
                group = [_Labelled(i.label, i.text, i.location, offset + max(text.find(f"{i.label}：{i.text}"), 0))
                         for i in items]
                if group:
                    groups.append(group)
        offset += len(block_text(block)) + 1
    if own:
        groups.insert(0, own)
    return [g for g in groups if g]


_NUMBER = re.compile(r"(\d+)\s*$")
# ISO numbers notes to entry even when there is only one ("Note 1 to entry"), so they are not checked for that
_TO_ENTRY = re.compile(r"to\s+entry", re.I)


def _label_fault(items: list[_Labelled], zh_word: str, en_word: str) -> tuple[_Labelled, str, str, str] | None:
    numbers = [_NUMBER.search(i.label) for i in items]
    english = not any(zh_word in i.label for i in items)
    word = en_word if english else zh_word
    if len(items) == 1:
        item, m = items[0], numbers[0]
        if m is not None and not _TO_ENTRY.search(item.label):
            return (item, f"只有一个{zh_word}，不应编号（“{item.label}”）",
                    f"a single {en_word.lower()} is not numbered ('{item.label}')",
                    f"{word}：" if not english else f"{word} ")
        return None
    for index, (item, m) in enumerate(zip(items, numbers, strict=True), start=1):
        if m is None or int(m.group(1)) != index:
            want = f"{word}{index}" if not english else f"{word} {index}"
            return (item, f"同一条中有多个{zh_word}，应依次编号为{zh_word}1、{zh_word}2……（此处应为“{want}”，现为“{item.label}”）",
                    f"several {en_word.lower()}s in one clause are numbered {en_word} 1, {en_word} 2 … "
                    f"('{item.label}' should be '{want}')",
                    f"{want}：" if not english else f"{want} ")
    return None


def _check(ctx: CheckContext, kind: type[Note] | type[Example], zh_word: str, en_word: str) -> Iterator[Hit]:
    for clause in ctx.clauses:
        for group in _groups(clause, kind):
            found = _label_fault(group, zh_word, en_word)
            if found is None:
                continue
            item, zh, en, fix = found
            sep = "：" if any("\u4e00" <= ch <= "\u9fff" for ch in item.label) else " "
            yield Hit(clause=ctx.label(clause), message_zh=zh, message_en=en,
                      text=excerpt(f"{item.label}{sep}{item.text}"), span=(item.start, item.start + len(item.label)),
                      suggestion=fix + item.text, location=item.location)


@rule("NTE-001", severity=Severity.WARNING, title_zh="注的编号不规范", title_en="Note labels",
      source="GB/T 1.1—2020 9.5.2; ISO/IEC Directives Part 2 24.5",
      rationale="One note is labelled 注：; several in one clause are 注1：, 注2： …")
def note_labels(ctx: CheckContext) -> Iterator[Hit]:
    yield from _check(ctx, Note, "注", "NOTE")


@rule("NTE-002", severity=Severity.WARNING, title_zh="示例的编号不规范", title_en="Example labels",
      source="GB/T 1.1—2020 9.5.3; ISO/IEC Directives Part 2 24.6",
      rationale="One example is labelled 示例：; several in one clause are 示例1：, 示例2： …")
def example_labels(ctx: CheckContext) -> Iterator[Hit]:
    yield from _check(ctx, Example, "示例", "EXAMPLE")
