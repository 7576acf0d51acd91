"""Requirement extraction: each sentence that states a provision, with its verbal form and type.

Verbal forms follow GB/T 1.1-2020 Annex C and ISO/IEC Directives Part 2, clause 7. Chinese has no
word boundaries, so each form is matched with the words that merely contain its character
excluded (应用, 响应, 可靠, 可信 …), which is what a reader does too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum

from pydantic import BaseModel

from assistant.document.model import (
    Block,
    Clause,
    ClauseKind,
    Document,
    Example,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    SourceLocation,
    Table,
    TermEntry,
)


class ProvisionType(StrEnum):
    REQUIREMENT = "requirement"
    RECOMMENDATION = "recommendation"
    PERMISSION = "permission"
    POSSIBILITY = "possibility"
    STATEMENT = "statement"


class Context(StrEnum):
    """Where the sentence stands; GB/T 1.1 allows provisions only in normative body text."""

    BODY = "body"
    NOTE = "note"
    EXAMPLE = "example"
    TABLE = "table"
    TERM = "term"
    LIST = "list"


class Provision(BaseModel):
    clause: str  # clause number
    clause_kind: ClauseKind
    text: str
    verbal_form: str  # the form as written ("应", "不应", "shall", "必须" …); "" for statements
    type: ProvisionType
    context: Context
    normative: bool  # False inside informative annexes, the foreword, the introduction
    location: SourceLocation | None = None


# Preceding / following characters that make 应, 可, 能 part of another word.
_YING_BEFORE = "响对相供适反效回呼感答照报顺"
_YING_AFTER = "用对急变答激收付届聘征诉援验允"
_KE_BEFORE = "许认即宁无不尽"  # 不可 is its own form
_KE_AFTER = "靠信用视行控扩移维测重比读见知观溯解证计量追复配定持接访理替观"
_NENG_BEFORE = "功性智可效本技体职动耗产潜赋储热势电"
_NENG_AFTER = "力源耗量效"

ZH_FORMS: list[tuple[str, ProvisionType]] = [
    (r"不应(?!用)", ProvisionType.REQUIREMENT),
    (r"不得", ProvisionType.REQUIREMENT),
    (r"不准许", ProvisionType.REQUIREMENT),
    (r"只准许", ProvisionType.REQUIREMENT),
    (r"应当", ProvisionType.REQUIREMENT),
    (r"应该", ProvisionType.REQUIREMENT),
    (r"必须", ProvisionType.REQUIREMENT),
    (r"严禁|禁止", ProvisionType.REQUIREMENT),
    (rf"(?<![{_YING_BEFORE}])应(?![{_YING_AFTER}])", ProvisionType.REQUIREMENT),
    (r"不宜", ProvisionType.RECOMMENDATION),
    (r"(?<![便适])宜(?![人居])", ProvisionType.RECOMMENDATION),
    # not 推荐性国家标准 (a kind of standard) or 建议的行动 ("suggested actions", a heading)
    (r"(?<![^，。；：\s])(?:推荐|建议)(?![性的])", ProvisionType.RECOMMENDATION),
    (r"不必|无须|无需|不需要", ProvisionType.PERMISSION),
    (r"可以|(?<![经被])(?<!法律)允许", ProvisionType.PERMISSION),  # 经法律允许: "permitted by law", a statement
    (r"不可能|可能", ProvisionType.POSSIBILITY),
    # 不可 as a prohibition; not 必不可少, 不可抗力, 不可逆, 不可能, 不可比 (incomparable) …
    (r"(?<!必)不可(?![靠信用视行控逆抗少缺避替分思估能测量知读写见实移预复调变忽比])", ProvisionType.REQUIREMENT),
    # 可 as a permission; not 可逆性, 可用性, 可获得性 (an -ability noun: 可 + one or two characters + 性,
    # but 可提高性能 is "may improve performance");
    # nor an attribute: 可解释、可诠释的系统 ("explainable, interpretable systems")
    (rf"(?<![{_KE_BEFORE}])可(?![{_KE_AFTER}能以])(?!选(?!择|用))(?![\u4e00-\u9fff]{{1,2}}性(?!能))"
     r"(?![\u4e00-\u9fff]{2}、可)(?<!、可(?=[\u4e00-\u9fff]{2}的))",
     ProvisionType.PERMISSION),
    (r"不能|能够", ProvisionType.POSSIBILITY),
    (rf"(?<![{_NENG_BEFORE}])能(?![{_NENG_AFTER}])", ProvisionType.POSSIBILITY),
]
EN_FORMS: list[tuple[str, ProvisionType]] = [
    (r"\bshall not\b|\bshall\b", ProvisionType.REQUIREMENT),
    (r"\bmust not\b|\bmust\b", ProvisionType.REQUIREMENT),
    (r"\bshould not\b|\bshould\b", ProvisionType.RECOMMENDATION),
    (r"\bneed not\b|\bmay\b", ProvisionType.PERMISSION),
    (r"\bcannot\b|\bcan\b", ProvisionType.POSSIBILITY),
]
_ZH = [(re.compile(p), t) for p, t in ZH_FORMS]
_EN = [(re.compile(p, re.I), t) for p, t in EN_FORMS]
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?|[^.!?;\n]+[.!?;]?")
_QUOTED = re.compile(r"《[^》]*》|“[^”]*”|「[^」]*」|‘[^’]*’|\"[^\"]*\"")


def verbal_form(sentence: str) -> tuple[str, ProvisionType]:
    """The first (and strongest) verbal form in a sentence. Titles in 《》 and quotations are ignored."""
    text = _QUOTED.sub("", sentence)
    found: list[tuple[int, str, ProvisionType]] = []
    for pattern, kind in _ZH:
        for m in pattern.finditer(text):
            found.append((m.start(), m.group(0), kind))
    if not found:
        for pattern, kind in _EN:
            for m in pattern.finditer(text):
                found.append((m.start(), m.group(0).lower(), kind))
    if not found:
        return "", ProvisionType.STATEMENT
    strength = list(ProvisionType)
    found.sort(key=lambda f: (strength.index(f[2]), f[0]))
    return found[0][1], found[0][2]


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def extract_provisions(document: Document) -> list[Provision]:
    provisions: list[Provision] = []
    for clause, normative in _clauses(document):
        for block, context in _blocks(clause.blocks):
            for text in _block_texts(block):
                for sentence in split_sentences(text):
                    form, kind = verbal_form(sentence)
                    provisions.append(
                        Provision(clause=clause.number or clause.title, clause_kind=clause.kind, text=sentence,
                                  verbal_form=form, type=kind, context=context, normative=normative,
                                  location=block.location)
                    )
    return provisions


def _clauses(document: Document) -> Iterator[tuple[Clause, bool]]:
    def visit(clause: Clause, normative: bool) -> Iterator[tuple[Clause, bool]]:
        yield clause, normative
        for child in clause.children:
            yield from visit(child, normative)

    for top in document.clauses:
        informative = top.kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.BIBLIOGRAPHY) or (
            top.kind == ClauseKind.ANNEX and top.normative is False
        )
        yield from visit(top, not informative)


def _blocks(blocks: list[Block]) -> Iterator[tuple[Block, Context]]:
    for block in blocks:
        if isinstance(block, Note):
            yield block, Context.NOTE
        elif isinstance(block, Example):
            yield block, Context.EXAMPLE
        elif isinstance(block, Table):
            yield block, Context.TABLE
            for note in block.notes:
                yield note, Context.NOTE
        elif isinstance(block, TermEntry):
            yield block, Context.TERM
            for note in block.notes:
                yield note, Context.NOTE
            for example in block.examples:
                yield example, Context.EXAMPLE
        elif isinstance(block, ListBlock):
            yield block, Context.LIST
        elif isinstance(block, Paragraph):
            yield block, Context.BODY


def _block_texts(block: Block) -> list[str]:
    if isinstance(block, Paragraph | Note | Example):
        return [block.text]
    if isinstance(block, ListBlock):
        return [item.text for item in _flatten(block.items)]
    if isinstance(block, Table):
        return [cell for row in block.rows[1:] for cell in row]
    if isinstance(block, TermEntry):
        return [block.definition]
    return []


def _flatten(items: list[ListItem]) -> Iterator[ListItem]:
    for item in items:
        yield item
        yield from _flatten(item.children)
