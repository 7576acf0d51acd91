"""The foreword (前言): fixed drafting sentence, content, order (GB/T 1.1-2020 8.2, 9.4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.context import CheckContext, Segment
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.structure import _out_of_order
from assistant.checks.text import excerpt, sentence_spans, squash
from assistant.document.model import ClauseKind, Figure, Formula, Table

DRAFTING_SENTENCE = "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"
PATENT_STATEMENT = "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"
_DRAFTING_HINT = re.compile(r"GB\s*/\s*T\s*1\.1|标准化工作导则|结构和起草规则")


def gb_chinese(ctx: CheckContext) -> bool:
    return ctx.is_gb


def _foreword_segments(ctx: CheckContext) -> list[Segment]:
    return ctx.segments_of(ctx.foreword, deep=True) if ctx.foreword is not None else []


def _drafting_sentence(ctx: CheckContext) -> tuple[Segment, tuple[int, int]] | None:
    for seg in _foreword_segments(ctx):
        for start, end in sentence_spans(seg.text):
            if _DRAFTING_HINT.search(seg.text[start:end]):
                return seg, (start, end)
    return None


def _what_is_altered(sentence: str) -> tuple[str, str]:
    flat = squash(sentence)
    if m := re.search(r"GB/T1\.1([^0-9《]?)(\d{4})?", flat):
        sep, year = m.group(1), m.group(2)
        if not year:
            return "缺少年代号“—2020”", "the year '—2020' is missing"
        if year != "2020":
            return f"年代号应为2020，现为{year}", f"the year is {year}, not 2020"
        if sep != "—":
            return f"年代号前应使用一字线“—”，现为“{sep or '（无）'}”", f"'{sep or '(nothing)'}' joins the year; use '—'"
    if "《标准化工作导则第1部分：标准化文件的结构和起草规则》" not in flat:
        return "文件名称不是《标准化工作导则　第1部分：标准化文件的结构和起草规则》", "the title of GB/T 1.1 is altered"
    return "表述与规定的句子不一致", "the wording differs from the fixed sentence"


@rule("FWD-001", severity=Severity.ERROR, title_zh="前言缺少或改动了起草规则的固定表述",
      title_en="Drafting-rules sentence of the foreword missing or altered", source="GB/T 1.1—2020 8.2 a)",
      rationale="Every GB document states in fixed words that it was drafted under GB/T 1.1—2020.",
      languages=("zh",), when=gb_chinese)
def drafting_sentence(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.foreword is None:
        yield Hit(clause="前言", message_zh="文件没有前言，缺少起草规则的固定表述",
                  message_en="the document has no foreword, so the drafting-rules sentence is missing",
                  suggestion=f"前言\n{DRAFTING_SENTENCE}")
        return
    found = _drafting_sentence(ctx)
    if found is None:
        yield Hit(clause="前言", message_zh="前言缺少“本文件按照GB/T 1.1—2020……的规定起草。”",
                  message_en="the foreword lacks the sentence stating that the document was drafted under "
                             "GB/T 1.1—2020", suggestion=DRAFTING_SENTENCE, location=ctx.foreword.location)
        return
    seg, (start, end) = found
    sentence = seg.text[start:end]
    if squash(sentence) == squash(DRAFTING_SENTENCE):
        return
    zh, en = _what_is_altered(sentence)
    yield Hit(clause="前言", message_zh=f"起草规则的固定表述被改动：{zh}", message_en=f"the drafting-rules sentence is "
              f"altered: {en}", text=sentence, suggestion=DRAFTING_SENTENCE, span=seg.span(start, end),
              location=seg.location)


@rule("FWD-002", severity=Severity.ERROR, title_zh="前言中有表、图、公式或编号的条",
      title_en="Table, figure, formula or numbered subclause in the foreword", source="GB/T 1.1—2020 8.2; ISO/IEC Directives Part 2 12.1",
      rationale="The foreword is unnumbered, plain text: no provisions, tables, figures, formulas or subclauses.")
def foreword_content(ctx: CheckContext) -> Iterator[Hit]:
    foreword = ctx.foreword
    if foreword is None:
        return
    for clause in foreword.walk():
        for block in clause.blocks:
            if isinstance(block, Table | Figure | Formula):
                what = {Table: ("表", "a table"), Figure: ("图", "a figure"), Formula: ("公式", "a formula")}[type(block)]
                yield Hit(clause="前言", message_zh=f"前言中不应有{what[0]}", message_en=f"the foreword contains {what[1]}",
                          text=excerpt(f"{what[0]}{block.number}　{getattr(block, 'caption', '') or getattr(block, 'text', '')}"),
                          suggestion="删除，或将其移入正文或附录 / remove it or move it to the body or an annex",
                          location=block.location)
    subclauses = [c for c in foreword.walk() if c is not foreword]
    # "0.1 …" headings right after 前言 are opened as top-level clauses; they belong to the foreword
    tops = ctx.document.clauses
    at = tops.index(foreword)
    for clause in tops[at + 1:]:
        if clause.kind != ClauseKind.CLAUSE:
            break
        subclauses.append(clause)
    for clause in subclauses:
        yield Hit(clause="前言", message_zh=f"前言不应分条（“{clause.number}”）",
                  message_en=f"the foreword is not divided into numbered subclauses ('{clause.number}')",
                  text=excerpt(f"{clause.number}　{clause.title}"),
                  suggestion="删除条编号，改为不编号的段 / remove the number and write unnumbered paragraphs",
                  location=clause.location)


@rule("FWD-003", severity=Severity.WARNING, title_zh="前言缺少专利说明", title_en="Patent statement missing",
      source="GB/T 1.1—2020 8.2 e), 9.4.3", rationale="The foreword states that the document may involve patents "
      "and that the issuer is not responsible for identifying them.", languages=("zh",), when=gb_chinese)
def patent_statement(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.foreword is None:
        return
    if any("涉及专利" in squash(s.text) for s in _foreword_segments(ctx)):
        return
    yield Hit(clause="前言", message_zh="前言缺少专利说明", message_en="the foreword has no patent statement",
              suggestion=PATENT_STATEMENT, location=ctx.foreword.location)


@rule("FWD-004", severity=Severity.WARNING, title_zh="前言缺少提出或归口信息",
      title_en="Proposer or responsible committee missing", source="GB/T 1.1—2020 8.2 f)",
      rationale="The foreword names who proposed the document (提出) and the committee responsible for it (归口).",
      languages=("zh",), when=gb_chinese)
def proposer(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.foreword is None:
        return
    text = "".join(squash(s.text) for s in _foreword_segments(ctx))
    missing = [w for w in ("提出", "归口") if w not in text]
    if not missing:
        return
    en = {"提出": "the proposer (提出)", "归口": "the responsible committee (归口)"}
    yield Hit(clause="前言", message_zh=f"前言缺少{'和'.join(missing)}信息",
              message_en=f"the foreword does not name {' or '.join(en[m] for m in missing)}",
              suggestion="本文件由……提出并归口。" if len(missing) == 2 else
              ("本文件由……提出。" if missing == ["提出"] else "本文件由……归口。"),
              location=ctx.foreword.location)


# The items of a foreword, in the order GB/T 1.1-2020 8.2 lists them, recognised by their fixed openings so
# that free text (a sample's disclaimer, an explanation) is left unranked. The first pattern that matches wins.
_ITEMS: list[tuple[int, re.Pattern[str], str]] = [
    (1, re.compile(r"^本文件按照.{0,12}(?:GB\s*/\s*T\s*1\.1|标准化工作导则)"), "起草规则"),
    (7, re.compile(r"^本文件(?:及其所代替文件)?的?历次版本|^本文件于\d{4}年首次发布"), "历次版本"),
    (5, re.compile(r"^请注意本文件的?某些内容可能涉及专利|^在提交反馈意见时，请将您知道的相关专利"), "专利说明"),
    (6, re.compile(r"^本文件由.{1,80}(?:提出|归口)"), "提出和归口"),
    (7, re.compile(r"^本文件(?:主要)?起草(?:单位|人)"), "起草单位和起草人"),
    (4, re.compile(r"^本文件(?:使用翻译法)?(?:等同|修改|参照)采用|^本文件与.{1,60}(?:的技术性?差异|相比存在技术性?差异)"),
     "与国际文件的关系"),
    (3, re.compile(r"^本文件代替|^与GB.{1,40}相比"), "代替和技术变化"),
    (2, re.compile(r"^本文件是.{0,60}的第\d+部分|^GB.{1,40}已经?发布了以下部分|^GB.{1,40}拟由.{0,10}部分构成"),
     "与系列文件的关系"),
]


def _item(text: str) -> tuple[int, str] | None:
    for rank, pattern, name in _ITEMS:
        if pattern.search(text):
            return rank, name
    return None


@rule("FWD-005", severity=Severity.WARNING, title_zh="前言内容顺序错误", title_en="Foreword items out of order",
      source="GB/T 1.1—2020 8.2", rationale="Foreword items follow a fixed order: drafting rules, series, "
      "replacement, international relation, patents, proposer/committee, drafters.", languages=("zh",),
      when=gb_chinese)
def foreword_order(ctx: CheckContext) -> Iterator[Hit]:
    items: list[tuple[int, str, Segment]] = []
    for seg in _foreword_segments(ctx):
        if seg.kind != "paragraph":
            continue  # list items under "主要技术变化如下：" belong to their lead-in
        found = _item(seg.text.strip())
        if found is not None:
            items.append((found[0], found[1], seg))
    misplaced = sorted(_out_of_order([rank for rank, _, _ in items]))
    if not misplaced:
        return
    index = misplaced[0]
    rank, name, seg = items[index]
    later = next(((r, n) for r, n, _ in items[:index] if r > rank), None)
    after_zh = f"，位于“{later[1]}”之后" if later else ""
    yield Hit(clause="前言", message_zh=f"前言中“{name}”的位置不符合规定的顺序{after_zh}",
              message_en=f"the foreword item '{name}' is out of the order of GB/T 1.1—2020 8.2",
              text=excerpt(seg.text), span=seg.span(0, len(seg.text)), location=seg.location,
              suggestion="按顺序排列：起草规则→与系列文件的关系→代替和技术变化→与国际文件的关系→专利说明→提出和归口→起草单位和起草人 / "
                         "order: drafting rules, series, replacement, international relation, patents, proposer and "
                         "committee, drafters")
