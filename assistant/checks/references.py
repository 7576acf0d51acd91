"""Normative references (规范性引用文件): lead-in, order, designation form, citation both ways (GB/T 1.1-2020 8.4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.context import CheckContext, Segment
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.structure import NO_REFS_EN, NO_REFS_ZH, has_chapters
from assistant.checks.text import (
    EM_DASH,
    Designation,
    excerpt,
    find_designations,
    mask_quotes,
    sentence_spans,
    squash,
    squash_en,
)
from assistant.document.model import ClauseKind, Paragraph, Reference
from assistant.document.patterns import normalise_for_match

LEAD_ZH = ("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；"
           "不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。")
LEAD_EN = ("The following documents are referred to in the text in such a way that some or all of their content "
           "constitutes requirements of this document. For dated references, only the edition cited applies. For "
           "undated references, the latest edition of the referenced document (including any amendments) applies.")


def _entries(ctx: CheckContext) -> list[Reference]:
    chapter = ctx.refs_chapter
    if chapter is None:
        return []
    return [b for c in chapter.walk() for b in c.blocks if isinstance(b, Reference)]


def _entry_segment(ctx: CheckContext, entry: Reference) -> Segment | None:
    return next((s for s in ctx.segments if s.block is entry), None)


@rule("NRF-001", severity=Severity.ERROR, title_zh="规范性引用文件的引导语缺失或被改动",
      title_en="Lead-in of the normative references missing or altered", source="GB/T 1.1—2020 8.4.2; "
      "ISO/IEC Directives Part 2 15.5.2", rationale="The fixed lead-in states how dated and undated references "
      "apply; any other wording changes their legal effect.", when=has_chapters)
def references_lead_in(ctx: CheckContext) -> Iterator[Hit]:
    chapter = ctx.refs_chapter
    if chapter is None or not _entries(ctx):
        return  # an empty chapter 2 needs "本文件没有规范性引用文件。" instead: STR-003
    lead = LEAD_EN if ctx.is_english else LEAD_ZH
    paragraphs = [b for b in chapter.blocks if isinstance(b, Paragraph) and b.text.strip()]
    if not paragraphs:
        yield Hit(clause=chapter.number, message_zh="规范性引用文件一章缺少引导语",
                  message_en="the normative references clause has no lead-in", suggestion=lead,
                  location=chapter.location)
        return
    first = paragraphs[0]
    if ctx.is_english:
        if squash_en(normalise_for_match(first.text)) == squash_en(lead):
            return
    elif squash(first.text) == squash(lead):
        return
    if squash(first.text) in (squash(NO_REFS_ZH), squash(NO_REFS_EN)):
        return
    seg = next((s for s in ctx.segments_of(chapter) if s.block is first), None)
    yield Hit(clause=chapter.number, message_zh="规范性引用文件的引导语与规定的表述不一致",
              message_en="the lead-in of the normative references differs from the fixed wording", text=first.text,
              span=seg.span(0, len(seg.text)) if seg else None, suggestion=lead, location=first.location)


def _group(d: Designation | None) -> int:
    if d is None:
        return 9
    prefix = d.prefix.split()[0]
    order = {"GB": 0, "GB/T": 1, "GB/Z": 2}
    if prefix in order:
        return order[prefix]
    if re.fullmatch(r"[A-Z]{2}/[TZ]", prefix):
        return 3
    if prefix.startswith("T/"):
        return 4
    if prefix.startswith("ISO/IEC"):
        return 6
    if prefix.startswith("ISO"):
        return 5
    if prefix.startswith("IEC"):
        return 7
    return 8


def _sort_key(d: Designation | None) -> tuple[int, ...]:
    if d is None:
        return (9,)
    number = int(d.number) if d.number.isdigit() else 10**9
    parts = [int(p) for p in d.parts.split(".") if p.isdigit()]
    part = int(d.isopart[1:]) if d.isopart else 0
    return (_group(d), number, *parts, part)


@rule("NRF-002", severity=Severity.WARNING, title_zh="规范性引用文件排列顺序错误",
      title_en="Normative references out of order", source="GB/T 1.1—2020 8.4.3",
      rationale="Entries are listed GB, GB/T, GB/Z, sector, ISO, ISO/IEC, IEC, others, each in ascending number.",
      when=has_chapters)
def references_order(ctx: CheckContext) -> Iterator[Hit]:
    entries = _entries(ctx)
    keys = [_sort_key(_designation(e)) for e in entries]
    for i in range(1, len(entries)):
        if keys[i] < keys[i - 1]:
            entry = entries[i]
            seg = _entry_segment(ctx, entry)
            before = entries[i - 1].designation
            ordered = sorted(entries, key=lambda e: _sort_key(_designation(e)))
            yield Hit(clause=ctx.refs_chapter.number if ctx.refs_chapter else "2",
                      message_zh=f"{entry.designation}应排在{before}之前",
                      message_en=f"{entry.designation} should be listed before {before}",
                      text=excerpt(f"{entry.designation}　{entry.title}"), location=entry.location,
                      span=seg.span(0, len(seg.text)) if seg else None,
                      suggestion="\n".join((f"{e.designation}, {e.title}" if ctx.is_english and e.title else
                                             f"{e.designation}　{e.title}").strip() for e in ordered))
            return


def _designation(entry: Reference) -> Designation | None:
    found = find_designations(entry.designation)
    return found[0] if found else None


_BAD_SEPS = ("-", "－", "‐", "‑", ":", "：", "–", "--")


@rule("NRF-003", severity=Severity.ERROR, title_zh="国家标准编号的年代号连接符错误",
      title_en="GB designation with a colon or hyphen before the year", source="GB/T 1.1—2020 8.4.3, 9.5.4.3",
      rationale="GB designations join number and year with an em dash (GB/T 1.1—2020); a colon is the ISO form.",
      when=has_chapters)
def gb_designation_form(ctx: CheckContext) -> Iterator[Hit]:
    from assistant.checks.foreword import _DRAFTING_HINT

    for seg in ctx.segments:
        # GB/T 1.1 in the drafting sentence of the foreword is FWD-001's; other designations there are ours
        drafting = seg.top.kind == ClauseKind.FOREWORD and bool(_DRAFTING_HINT.search(seg.text))
        for d in find_designations(seg.text):
            if not d.is_gb or d.sep not in _BAD_SEPS or (drafting and d.key == "GB/T 1.1"):
                continue
            fixed = f"{d.prefix} {d.number}{d.parts}{EM_DASH}{d.year}"
            yield Hit(clause=seg.label, message_zh=f"“{d.text}”中年代号前应使用一字线“—”",
                      message_en=f"'{d.text}' joins the year with '{d.sep}'; use an em dash '—'",
                      text=d.text, span=seg.span(d.start, d.end), suggestion=fixed, location=seg.location)


def _citations(ctx: CheckContext, segments: list[Segment]) -> set[str]:
    keys: set[str] = set()
    for seg in segments:
        for d in find_designations(mask_quotes(seg.text)):
            keys.add(d.key)
    return keys


def _cited_key(entry_key: str, cited: set[str]) -> bool:
    # a citation of one part (GB/T 5271.28) also cites the series listed as "GB/T 5271（所有部分）"
    return entry_key in cited or any(k.startswith(entry_key + ".") or k.startswith(entry_key + "-") for k in cited)


@rule("NRF-004", severity=Severity.ERROR, title_zh="列出的引用文件在正文中未被引用",
      title_en="Listed document never cited in the text", source="GB/T 1.1—2020 8.4.1; ISO/IEC Directives Part 2 "
      "15.5.1", rationale="Chapter 2 lists only documents the text cites normatively; anything else belongs in the "
      "bibliography.", when=has_chapters)
def uncited_reference(ctx: CheckContext) -> Iterator[Hit]:
    chapter = ctx.refs_chapter
    if chapter is None:
        return
    inside = {id(c) for c in chapter.walk()}
    # any mention counts (term sources, notes, tables): precision first; an entry cited only in a note is rare
    elsewhere = [s for s in ctx.segments if id(s.clause) not in inside and s.top.kind != ClauseKind.BIBLIOGRAPHY]
    cited = _citations(ctx, elsewhere)
    for entry in _entries(ctx):
        d = _designation(entry)
        if d is None or _cited_key(d.key, cited):
            continue
        seg = _entry_segment(ctx, entry)
        yield Hit(clause=chapter.number, message_zh=f"{entry.designation}列于规范性引用文件，但正文中没有引用",
                  message_en=f"{entry.designation} is listed as a normative reference but never cited in the text",
                  text=excerpt(f"{entry.designation}　{entry.title}"), location=entry.location,
                  span=seg.span(0, len(seg.text)) if seg else None,
                  suggestion=f"在正文中规范性地引用{entry.designation}，或将其从第2章删除（资料性引用列入参考文献） / cite it "
                             "normatively or move it to the bibliography")


_INFORMATIVE_BEFORE = re.compile(r"(?:参见|参考|see also|see|cf\.)\s*(?:[^。；;.\n]{0,40}?(?:和|及|、|与|,|，|and)\s*)?$",
                                 re.I)
_INFORMATIVE_AFTER = re.compile(r"^\s*(?:[:：]\s*\d{4})?\s*(?:\[\d+\]|［\d+］|[（(]\s*(?:参见|见)?\s*参考文献|系列\s*\[)")
_CHAIN = re.compile(r"^\s*(?:或|和|、|及|与|以及|,|，|and|or)\s*$")
# a citation is normative when its sentence states a provision, or when a normative verb governs it
_NORMATIVE_VERB = re.compile(r"(?:按|按照|依据|根据|依照|符合|满足|遵循|遵守|执行|采用|in accordance with|as specified in|"
                             r"conform(?:s|ing)? to|complying with|comply with)\s*$", re.I)


def _chain_end(designations: list[Designation], index: int, text: str) -> int:
    """End of the run of designations joined by 或/和/、 that starts at ``index`` ("GB/T 12642或ISO 9283[69]")."""
    end = designations[index].end
    for nxt in designations[index + 1:]:
        if not _CHAIN.match(text[end:nxt.start]):
            break
        end = nxt.end
    return end


def _chain_start(designations: list[Designation], index: int, text: str) -> int:
    start = designations[index].start
    for prev in reversed(designations[:index]):
        if not _CHAIN.match(text[prev.end:start]):
            break
        start = prev.start
    return start


def _is_normative_citation(seg: Segment, masked: str, designations: list[Designation], index: int) -> bool:
    from assistant.checks.verbal import find_forms
    from assistant.document.provisions import ProvisionType

    d = designations[index]
    start, end = _chain_start(designations, index, masked), _chain_end(designations, index, masked)
    if _INFORMATIVE_BEFORE.search(masked[max(0, start - 60):start]) or _INFORMATIVE_AFTER.match(masked[end:end + 20]):
        return False
    if _NORMATIVE_VERB.search(masked[max(0, start - 24):start]):
        return True
    sentence = next(((a, b) for a, b in sentence_spans(masked) if a <= d.start < b), (0, len(masked)))
    provision = (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION, ProvisionType.PERMISSION)
    return any(f.type in provision for f in find_forms(seg.text[sentence[0]:sentence[1]]))


def _normative_segments(ctx: CheckContext) -> list[Segment]:
    out = []
    for seg in ctx.segments:
        if seg.informative or seg.top is ctx.refs_chapter:
            continue
        if seg.kind not in ("paragraph", "list_item", "table_cell"):
            continue  # notes, examples, term sources and notes to entry cite informatively
        out.append(seg)
    return out


@rule("NRF-005", severity=Severity.ERROR, title_zh="正文规范性引用的文件未列入规范性引用文件",
      title_en="Normatively cited document not listed", source="GB/T 1.1—2020 8.4.1, 9.5.4.3; ISO/IEC Directives "
      "Part 2 15.5.1", rationale="Every document the text cites normatively is listed in chapter 2, so that its "
      "edition and title are known.", when=has_chapters)
def unlisted_reference(ctx: CheckContext) -> Iterator[Hit]:
    listed = {d.key for e in _entries(ctx) if (d := _designation(e)) is not None}
    reported: set[str] = set()
    for seg in _normative_segments(ctx):
        masked = mask_quotes(seg.text)
        designations = find_designations(masked)
        for index, d in enumerate(designations):
            if d.placeholder or d.key in reported:
                continue
            if d.key in listed or any(d.key.startswith(k + ".") or d.key.startswith(k + "-") for k in listed):
                continue
            if not _is_normative_citation(seg, masked, designations, index):
                continue
            reported.add(d.key)
            yield Hit(clause=seg.label, message_zh=f"正文规范性引用了{d.text}，但它未列入第2章",
                      message_en=f"{d.text} is cited normatively but not listed in Clause 2", text=d.text,
                      span=seg.span(d.start, d.end), location=seg.location,
                      suggestion=f"将{d.text}（含名称）列入第2章；如仅为资料性引用，改为“参见{d.text}”并列入参考文献 / list it in "
                                 "Clause 2, or cite it informatively ('see …') and list it in the bibliography")
