"""The units two documents are aligned by: chapters, clauses, terms, annexes, foreword and introduction.

A unit's text is its title plus its own blocks (not its children's), the same cut a reviewer reads as
"clause 5.2"; a change in a child is reported on the child, not on every ancestor.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from assistant.document.model import Clause, ClauseKind, Document

ALIGNED = (ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.TERM, ClauseKind.ANNEX)
LABELS = {ClauseKind.FOREWORD: "前言", ClauseKind.INTRODUCTION: "引言"}
# Kinds that may align with each other: a clause promoted to a chapter is still the same provision.
GROUP = {
    ClauseKind.CHAPTER: "body",
    ClauseKind.CLAUSE: "body",
    ClauseKind.ANNEX: "body",
    ClauseKind.TERM: "term",
    ClauseKind.FOREWORD: "foreword",
    ClauseKind.INTRODUCTION: "introduction",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass
class Unit:
    index: int  # position in document order
    key: str  # the number, or 前言 / 引言
    kind: ClauseKind
    title: str
    body: str  # own text without the title
    parent: int | None  # index of the enclosing unit
    children_titles: list[str] = field(default_factory=list)

    @property
    def group(self) -> str:
        return GROUP[self.kind]

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}" if self.body else self.title

    @property
    def profile(self) -> str:
        """Text used for similarity: headings without a body are recognised by their children's titles."""
        if self.body.strip():
            return self.text
        return self.title + "\n" + "\n".join(self.children_titles)


def unit_key(clause: Clause) -> str:
    return LABELS.get(clause.kind, clause.number)


def extract_units(document: Document) -> list[Unit]:
    units: list[Unit] = []

    def visit(clause: Clause, parent: int | None) -> None:
        me = parent
        if clause.kind in ALIGNED or clause.kind in LABELS:
            me = len(units)
            units.append(Unit(index=me, key=unit_key(clause), kind=clause.kind, title=clause.title,
                              body=clause.text(), parent=parent,
                              children_titles=[c.title for c in clause.children if c.title]))
        for child in clause.children:
            visit(child, me)

    for top in document.clauses:
        visit(top, None)
    return units


def normalise(text: str) -> str:
    """Width, case, whitespace and punctuation folded away: what is left is the wording."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower())


def language_of(units: list[Unit]) -> str:
    sample = "".join(u.text for u in units[:80])
    if not sample:
        return "zh"
    return "zh" if len(_CJK.findall(sample)) / len(sample) > 0.15 else "en"
