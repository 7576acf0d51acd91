"""The form of term entries and of the terms chapter (GB/T 1.1-2020 8.5; ISO/IEC Directives Part 2, 16)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.context import CheckContext, Segment
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.text import excerpt, has_cjk, squash, squash_en
from assistant.checks.verbal import find_forms
from assistant.document.model import Clause, ClauseKind, Paragraph, TermEntry
from assistant.document.patterns import normalise_for_match
from assistant.document.provisions import ProvisionType


def _entries(ctx: CheckContext) -> Iterator[tuple[Clause, TermEntry]]:
    for clause in ctx.clauses:
        if clause.kind == ClauseKind.TERM and (entry := clause.term_entry) is not None:
            yield clause, entry


def _segment(ctx: CheckContext, clause: Clause, kind: str) -> Segment | None:
    return next((s for s in ctx.segments_of(clause) if s.kind == kind), None)


@rule("TRM-001", severity=Severity.WARNING, title_zh="术语条目缺少英文对应词", title_en="English equivalent missing",
      source="GB/T 1.1—2020 8.5.4.2", rationale="Each entry of a Chinese document gives the English equivalent of "
      "the term after the Chinese term.", languages=("zh",))
def english_equivalent(ctx: CheckContext) -> Iterator[Hit]:
    for clause, entry in _entries(ctx):
        if entry.term_en.strip() or not entry.term_zh.strip():
            continue
        seg = _segment(ctx, clause, "term_head")
        yield Hit(clause=clause.number, message_zh=f"术语“{entry.term_zh}”缺少英文对应词",
                  message_en=f"the term '{entry.term_zh}' has no English equivalent", text=entry.term_zh,
                  span=seg.span(0, len(seg.text)) if seg else None, location=entry.location or clause.location,
                  suggestion=f"{entry.term_zh}　<English term>")


_ZH_LEAD = re.compile(r"^(?:是指|系指|是|指)(?![令标南针数定纹导挥示出引否])")
_EN_LEAD = re.compile(r"^(?:refers\s+to|is|means|an?|the)\s+", re.I)


@rule("TRM-002", severity=Severity.WARNING, title_zh="定义以“是”或“指”开头", title_en="Definition starts with 是/指",
      source="GB/T 1.1—2020 8.5.4.3; ISO/IEC Directives Part 2 16.5.6",
      rationale="A definition can replace the term in a sentence, so it starts with no 是/指 (in English: no "
                "article, no 'refers to').")
def definition_lead(ctx: CheckContext) -> Iterator[Hit]:
    for clause, entry in _entries(ctx):
        definition = entry.definition.strip()
        if not definition:
            continue
        m = (_ZH_LEAD if has_cjk(definition) else _EN_LEAD).match(definition)
        if m is None:
            continue
        seg = _segment(ctx, clause, "term_definition")
        fixed = definition[m.end():].lstrip()
        while (more := (_ZH_LEAD if has_cjk(fixed) else _EN_LEAD).match(fixed)) is not None:
            fixed = fixed[more.end():].lstrip()  # "refers to the …", "是指…": drop every leading word
        yield Hit(clause=clause.number, message_zh=f"定义不应以“{m.group(0).strip()}”开头",
                  message_en=f"the definition starts with '{m.group(0).strip()}'", text=definition,
                  span=seg.span(0, m.end()) if seg else None, location=entry.location or clause.location,
                  suggestion=fixed)


_EN_SENTENCE_BREAK = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)\.\s+(?=[A-Z])")


@rule("TRM-003", severity=Severity.WARNING, title_zh="定义多于一句或以句号结尾",
      title_en="Definition of more than one sentence or ending with a full stop",
      source="GB/T 1.1—2020 8.5.4.3; ISO/IEC Directives Part 2 16.5.6",
      rationale="A definition is a single phrase without a final full stop; further information goes into a note "
                "to entry.")
def definition_sentence(ctx: CheckContext) -> Iterator[Hit]:
    for clause, entry in _entries(ctx):
        definition = entry.definition.strip()
        if not definition:
            continue
        seg = _segment(ctx, clause, "term_definition")
        if has_cjk(definition):
            body = definition.rstrip("。")
            multiple = "。" in body
            final = definition.endswith("。")
            split = body.index("。") if multiple else -1
        else:
            body = definition.rstrip(".")
            m = _EN_SENTENCE_BREAK.search(body)
            multiple = m is not None
            final = definition.endswith(".") and not definition.endswith(("etc.", "e.g.", "i.e."))
            split = m.start() if m is not None else -1
        if not multiple and not final:
            continue
        if multiple:
            first, rest = body[:split], body[split + 1:].strip()
            label = "注：" if has_cjk(definition) else "Note 1 to entry: "
            yield Hit(clause=clause.number, message_zh="定义多于一句，补充信息应作为注给出",
                      message_en="the definition has more than one sentence; give further information in a note to "
                                 "entry", text=definition, span=seg.span(0, len(seg.text)) if seg else None,
                      location=entry.location or clause.location,
                      suggestion=f"{first}\n{label}{rest}{'。' if has_cjk(definition) else '.'}")
        else:
            yield Hit(clause=clause.number, message_zh="定义不应以句号结尾", message_en="the definition ends with a full stop",
                      text=definition, span=seg.span(len(seg.text) - 1, len(seg.text)) if seg else None,
                      location=entry.location or clause.location, suggestion=body)


_DESIG = (r"(?:GB(?:/[TZ])?|ISO/IEC(?:\s*(?:TR|TS|Guide))?|ISO(?:/(?:TR|TS))?|IEC(?:/(?:TR|TS))?|[A-Z]{2}/[TZ]|T/[A-Z]{2,10})"
          r"\s*(?:\d+|X{3,6})(?:\.\d+)*(?:-\d+)?(?:\s*(?:[—–:\-－]|--)\s*(?:\d{4}|X{4}))?(?:[（(]所有部分[)）]|\(all parts\))?")
_ZH_LEADS = [
    re.compile(r"^下列术语和定义适用于本文件。$"),
    re.compile(rf"^{_DESIG}(?:(?:、|和|及|以及){_DESIG})*界定的(?:以及下列)?术语和定义适用于本文件。$"),
    re.compile(r"^本文件没有需要界定的术语和定义。$"),
]
_EN_LEADS = [
    re.compile(r"^for the purposes of this document, the following terms and definitions apply\.$"),
    re.compile(rf"^for the purposes of this document, the terms and definitions given in {_DESIG.lower()}"
               rf"(?:(?:,| and|, and) {_DESIG.lower()})*(?: and the following)? apply\.$"),
    re.compile(r"^no terms and definitions are listed in this document\.$"),
]
LEAD_ZH = "下列术语和定义适用于本文件。"
LEAD_EN = "For the purposes of this document, the following terms and definitions apply."


def lead_in_ok(text: str, english: bool) -> bool:
    if english:
        flat = squash_en(normalise_for_match(text))
        return any(p.match(flat) for p in _EN_LEADS)
    flat = squash(text)
    return any(p.match(flat) for p in _ZH_LEADS)


@rule("TRM-004", severity=Severity.WARNING, title_zh="术语和定义章的引导语缺失或不规范",
      title_en="Lead-in of the terms clause missing or not a fixed wording", source="GB/T 1.1—2020 8.5.3; "
      "ISO/IEC Directives Part 2 16.5.3", rationale="Chapter 3 opens with one of the fixed lead-ins, which state "
      "which terms apply.")
def terms_lead_in(ctx: CheckContext) -> Iterator[Hit]:
    chapter = ctx.terms_chapter
    if chapter is None:
        return
    has_entries = any(c.kind == ClauseKind.TERM for c in chapter.walk())
    first = next((b for b in chapter.blocks if isinstance(b, Paragraph) and b.text.strip()), None)
    english = ctx.is_english
    suggestion = LEAD_EN if english else LEAD_ZH
    if first is None:
        if has_entries:
            yield Hit(clause=chapter.number, message_zh="术语和定义章缺少引导语",
                      message_en="the terms and definitions clause has no lead-in", suggestion=suggestion,
                      location=chapter.location)
        return
    if lead_in_ok(first.text, english) or not has_entries:
        return  # a chapter without entries needs "本文件没有需要界定的术语和定义。": STR-004's finding
    seg = next((s for s in ctx.segments_of(chapter) if s.block is first), None)
    designations = re.findall(_DESIG, normalise_for_match(first.text))
    if designations and not english:
        suggestion = f"{'和'.join(designations)}界定的以及下列术语和定义适用于本文件。"
    elif designations:
        suggestion = (f"For the purposes of this document, the terms and definitions given in "
                      f"{' and '.join(designations)} and the following apply.")
    yield Hit(clause=chapter.number, message_zh="术语和定义章的引导语不是规定的表述",
              message_en="the lead-in of the terms and definitions clause is not one of the fixed wordings",
              text=first.text, span=seg.span(0, len(seg.text)) if seg else None, location=first.location,
              suggestion=suggestion)


@rule("TRM-005", severity=Severity.ERROR, title_zh="定义中有要求", title_en="Requirement inside a definition",
      source="GB/T 1.1—2020 8.5.4.3; ISO/IEC Directives Part 2 16.5.6",
      rationale="A definition describes a concept; a requirement in it is hidden from the reader of the body.")
def requirement_in_definition(ctx: CheckContext) -> Iterator[Hit]:
    for clause, entry in _entries(ctx):
        forms = [f for f in find_forms(entry.definition) if f.type == ProvisionType.REQUIREMENT]
        if not forms:
            continue
        seg = _segment(ctx, clause, "term_definition")
        form = forms[0]
        yield Hit(clause=clause.number, message_zh=f"定义中不应有要求（“{form.form}”）",
                  message_en=f"the definition contains a requirement ('{form.form}')", text=entry.definition,
                  span=seg.span(form.start, form.end) if seg else None, location=entry.location or clause.location,
                  suggestion="将要求移入正文相应条款，定义只描述概念 / move the requirement into the body; the "
                             "definition only describes the concept")


_SOURCE_ZH = re.compile(rf"^{_DESIG}，(?:(?:[A-Z]|\d{{1,2}})(?:\.\d{{1,3}})*|第\d+章)(?:，有修改)?$")
_SOURCE_EN = re.compile(rf"^{_DESIG}, (?:(?:[A-Z]|\d{{1,2}})(?:\.\d{{1,3}})*)(?:, modified(?:\s*[—–-]\s*.+)?)?$")
_LOOSE_SOURCE = re.compile(r"[\[［【(（]?\s*(?:来源|SOURCE)\s*[：:]")


@rule("TRM-006", severity=Severity.INFO, title_zh="术语来源的格式不规范", title_en="Source line not in the standard form",
      source="GB/T 1.1—2020 8.5.4.6; ISO/IEC Directives Part 2 16.5.10",
      rationale="A source is written [来源：GB/T x—yyyy，n] (with '，有修改' when modified) / [SOURCE: X, n].")
def source_form(ctx: CheckContext) -> Iterator[Hit]:
    for clause, entry in _entries(ctx):
        if entry.source:
            zh = ctx.language == "zh" or has_cjk(entry.source)
            # Chinese sources keep full-width punctuation (the fault is often an ASCII comma), so no normalising
            text = entry.source.strip() if zh else normalise_for_match(entry.source.strip())
            if (_SOURCE_ZH if zh else _SOURCE_EN).match(text):
                continue
            seg = _segment(ctx, clause, "term_source")
            yield Hit(clause=clause.number, message_zh="术语来源的格式应为“[来源：文件编号，条号]”",
                      message_en="the source is not in the form [SOURCE: document, clause]", text=entry.source,
                      span=seg.span(0, len(seg.text)) if seg else None, location=entry.location or clause.location,
                      suggestion=_fix_source(entry.source, zh))
            continue
        for seg in ctx.segments_of(clause):
            if seg.kind in ("term_definition", "term_note") and (m := _LOOSE_SOURCE.search(seg.text)):
                yield Hit(clause=clause.number, message_zh="术语来源应单独一行，写作“[来源：文件编号，条号]”",
                          message_en="the source is not on its own line in the form [SOURCE: document, clause]",
                          text=excerpt(seg.text[m.start():]), span=seg.span(m.start(), len(seg.text)),
                          location=seg.location, suggestion=_fix_source(seg.text[m.end():].strip(" ]）)】］"), zh=True))
                break


def _fix_source(source: str, zh: bool) -> str:
    text = source.strip()
    if zh:
        text = re.sub(r"\s*[,，]\s*", "，", text)
        text = text.replace("，有改动", "，有修改").replace("，修改", "，有修改")
        return f"[来源：{text}]"
    text = re.sub(r"\s*[,，]\s*", ", ", text)
    return f"[SOURCE: {text}]"
