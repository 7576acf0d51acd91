"""Cross-references: clauses, chapters, annexes, tables and figures that must exist; dated clause citations.

A bare "5.3" in running text is not always a reference ("提高至1.5倍", "SYCL 2020", "OpenCL 3.0"), so a
number counts as a clause reference only in a referencing context (见, 按, 符合…的规定, "in accordance with",
"see", parentheses) or as part of a chain that started with one ("5.1、5.2和5.3"). A reference that follows a
document designation ("GB/T 24353—2022中6.3.4") points into that document, not this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from assistant.checks.context import CheckContext, Segment
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.structure import has_chapters
from assistant.checks.text import (
    DESIGNATION_RE,
    Designation,
    find_designations,
    has_cjk,
    mask_quotes,
)
from assistant.document.patterns import normalise_for_match

_NUM = r"(?:[A-Z]|\d{1,2})(?:\.\d{1,3}){1,5}"
_CLAUSE_NUM = re.compile(rf"(?<![\dA-Za-z.\-/:：_#\[])({_NUM})(?![\dA-Za-z%‰_]|\.\d)")
_ZH_CONNECTOR = re.compile(r"^\s*(?:、|，|,|和|及|与|或|以及|至|～|~|到)\s*$")
_EN_CONNECTOR = re.compile(r"^\s*(?:,|, and|and|or|, or|to|–|-)\s*$", re.I)
_ZH_BEFORE = re.compile(r"(?:见|按|按照|依据|根据|符合|满足|参照|遵循|执行|采用|在|对|即|同|（|\()\s*(?:第)?\s*$")
_EN_BEFORE = re.compile(r"(?:\bsee|\bin|\bwith|\bunder|\bper|\bby|\b[Cc]lauses?|\b[Ss]ubclauses?|\()\s*$")
_ZH_AFTER = re.compile(r"^\s*(?:的规定|规定的|中规定|中的|中|所述|所列|列出|给出|的要求|的方法|的规则|的测试|的内容|的条件|的程序|）|\))")
_EN_AFTER = re.compile(r"^\s*(?:\)|of\b|applies|apply)")
_UNIT_AFTER_ZH = re.compile(r"^\s?(?:[A-Za-zµμ%‰°℃′″Ω]|[倍个次秒分时天日年月周米克元位级版度寸千万亿台套页字行])")
_UNIT_AFTER_EN = re.compile(r"^\s?(?:[%‰°℃′″Ω]|(?:[kMGTµμmn]?(?:B|Hz|W|V|m|g|s|A)|mm|cm|km|kg|ms|seconds?|minutes?|"
                           r"hours?|days?|weeks?|months?|years?|times|percent|per\s?cent|million|billion|x)\b)")
_OLD_EDITION = re.compile(r"(?:年版|版本|edition)\s*(?:的|中的|中|of)?\s*(?:第)?\s*$")
_DESIG_BEFORE = re.compile(r"\s*(?:的|中的|中|，|,|：|:)?\s*(?:第)?\s*")
_EN_OF_DESIG = re.compile(rf"^\s*(?:of|in)\s+(?:{DESIGNATION_RE.pattern})")

# formula numbers look like clause numbers: "按公式（A.1）～（A.4）计算", "Formula (3)"
_FORMULA = re.compile(r"(?:公式|式|[Ff]ormulae?|[Ee]quations?)\s*[（(]\s*(?:[A-Z]\.)?\d{1,3}\s*[)）]"
                      r"(?:\s*(?:～|~|至|到|、|，|,|和|及|或|与|—|–|-|and|or|to)\s*[（(]\s*(?:[A-Z]\.)?\d{1,3}\s*[)）])*")
_CHAPTER_ZH = re.compile(r"第\s*(\d{1,2})\s*章")
_CHAPTER_EN = re.compile(r"\b[Cc]lauses?\s+(\d{1,2})(?![\d.])((?:\s*(?:,|and|or|to)\s*\d{1,2}(?![\d.]))*)")
_ANNEX_ZH = re.compile(r"附\s*录\s*([A-Z])(?![A-Za-z])((?:\s*(?:、|，|和|及|与|或|至|～)\s*(?:附\s*录)?\s*[A-Z](?![A-Za-z]))*)")
_ANNEX_EN = re.compile(r"\bAnnex(?:es)?\s+([A-Z])\b((?:\s*(?:,|and|or|to)\s*(?:Annex\s+)?[A-Z]\b)*)")
_TABLE = re.compile(r"(?<![A-Za-z列代附报])表\s*((?:[A-Z]\.)?\d{1,3})(?![\d.]\d)|\bTable\s+((?:[A-Z]\.)?\d{1,3})\b(?!\.\d)")
_FIGURE = re.compile(r"(?<![A-Za-z附插])图\s*((?:[A-Z]\.)?\d{1,3})(?![\d.]\d)|\bFigure\s+((?:[A-Z]\.)?\d{1,3})\b(?!\.\d)")


@dataclass(frozen=True)
class Ref:
    kind: str  # clause, chapter, annex, table, figure
    target: str
    start: int
    end: int
    external: Designation | None = None  # the document the reference points into, when not this one
    old_edition: bool = False


_TITLE_BEFORE = re.compile(r"》\s*(?:的|中的|中|，|,)?\s*(?:第)?\s*$")
# stands for a document cited by its title only ("《信息安全技术　个人信息安全规范》的5.2")
TITLED_DOCUMENT = Designation(text="《》", prefix="《》", number="", parts="", isopart="", sep="", year="")


def _designation_before(text: str, at: int, designations: list[Designation]) -> Designation | None:
    """The designation that a reference starting at ``at`` belongs to ("GB/T 24353—2022中6.3.4")."""
    before = [d for d in designations if d.end <= at]
    if before and _DESIG_BEFORE.fullmatch(text[before[-1].end:at]):
        return before[-1]
    if _TITLE_BEFORE.search(text[max(0, at - 6):at]):
        return TITLED_DOCUMENT
    return None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_references(text: str) -> list[Ref]:
    """Internal and external references in one piece of text (quotations and 《titles》 are skipped)."""
    return list(_find_references(text))


@lru_cache(maxsize=16384)
def _find_references(text: str) -> tuple[Ref, ...]:
    # several rules (REF-001..003, ANX-002/003) scan the same segments; the scan is a pure function of the text
    masked = normalise_for_match(mask_quotes(text))
    designations = find_designations(masked)
    taken = [(d.start, d.end) for d in designations]
    zh = has_cjk(text)
    refs: list[Ref] = []
    taken += [m.span() for m in _FORMULA.finditer(masked)]

    def add(kind: str, target: str, start: int, end: int, anchor: int) -> None:
        external = _designation_before(masked, anchor, designations)
        after = masked[end:end + 60]
        if external is None and (m := _EN_OF_DESIG.match(after)):
            external = find_designations(m.group(0))[0] if find_designations(m.group(0)) else None
        old = bool(_OLD_EDITION.search(masked[max(0, anchor - 12):anchor]))
        refs.append(Ref(kind, target, start, end, external, old))

    for m in _CHAPTER_ZH.finditer(masked):
        add("chapter", m.group(1), m.start(), m.end(), m.start())
        taken.append(m.span())
    for m in _CHAPTER_EN.finditer(masked):
        for n in re.finditer(r"\d{1,2}", m.group(0)[m.start(1) - m.start():]):
            s = m.start(1) + n.start()
            add("chapter", n.group(0), s, s + len(n.group(0)), m.start())
        taken.append(m.span())
    for pattern in (_ANNEX_ZH, _ANNEX_EN):
        for m in pattern.finditer(masked):
            for letter in re.finditer(r"(?<![A-Za-z])[A-Z](?![A-Za-z])", masked[m.start(1):m.end()]):
                s = m.start(1) + letter.start()
                add("annex", letter.group(0), s, s + 1, m.start())
            taken.append(m.span())
    for kind, pattern in (("table", _TABLE), ("figure", _FIGURE)):
        for m in pattern.finditer(masked):
            group = 1 if m.group(1) is not None else 2
            add(kind, m.group(group), m.start(), m.end(), m.start())
            taken.append(m.span())

    chain_end = -1
    chain_external: Designation | None = None
    chain_old = False
    for m in _CLAUSE_NUM.finditer(masked):
        number = m.group(1) or m.group(2)
        start, end = m.span(1) if m.group(1) else m.span(2)
        if _inside(taken, start, end):
            continue
        parts = number.split(".")
        if any(p == "0" or (p.isdigit() and p.startswith("0")) for p in parts):
            continue  # "3.0", "1.05": versions and decimals, never clause numbers
        before = masked[max(0, start - 12):start]
        after = masked[end:end + 12]
        connector = chain_end >= 0 and (_ZH_CONNECTOR if zh else _EN_CONNECTOR).match(masked[chain_end:start])
        if connector:
            refs.append(Ref("clause", number, start, end, chain_external, chain_old))
            chain_end = end
            continue
        if (_UNIT_AFTER_ZH if zh else _UNIT_AFTER_EN).match(after) and not re.match(r"^\s?[a-z][)）]", after):
            chain_end = -1
            continue
        triggered = bool((_ZH_BEFORE if zh else _EN_BEFORE).search(before)) or bool(
            (_ZH_AFTER if zh else _EN_AFTER).match(after))
        external = _designation_before(masked, start, designations)
        if external is None and (em := _EN_OF_DESIG.match(masked[end:end + 60])):
            found = find_designations(em.group(0))
            external = found[0] if found else None
        old = bool(_OLD_EDITION.search(masked[max(0, start - 12):start]))
        if not triggered and external is None:
            chain_end = -1
            continue
        refs.append(Ref("clause", number, start, end, external, old))
        chain_end, chain_external, chain_old = end, external, old
    return tuple(sorted(refs, key=lambda r: r.start))


# segments whose numbers are not references into this document
_SKIP_KINDS = ("reference", "term_head", "term_source", "table_caption", "figure_caption", "formula")


def internal_refs(ctx: CheckContext) -> Iterator[tuple[Segment, Ref]]:
    for seg in ctx.segments:
        if seg.kind in _SKIP_KINDS or seg.top.kind.value == "bibliography":
            continue
        for ref in find_references(seg.text):
            if ref.external is None and not ref.old_edition:
                yield seg, ref


def _siblings_hint(ctx: CheckContext, target: str) -> str:
    parent = target.rsplit(".", 1)[0] if "." in target else ""
    if parent and parent in ctx.numbers:
        kids = sorted((n for n in ctx.numbers if n.rsplit(".", 1)[0] == parent and n.count(".") == target.count(".")),
                      key=_num_key)
        if kids:
            return "、".join(kids)
    return ""


def _num_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 10_000 + sum(map(ord, p)) for p in number.split("."))


@rule("REF-001", severity=Severity.ERROR, title_zh="引用的章或条不存在", title_en="Reference to a missing clause",
      source="GB/T 1.1—2020 9.5.4.2; ISO/IEC Directives Part 2 10.6",
      rationale="A cross-reference that resolves nowhere sends the reader to text that does not exist.",
      when=has_chapters)
def missing_clause(ctx: CheckContext) -> Iterator[Hit]:
    chapters = {c.number for c in ctx.chapters} | set(ctx.stray_chapters)
    for seg, ref in internal_refs(ctx):
        if ref.kind == "chapter" and ref.target not in chapters:
            yield Hit(clause=seg.label, message_zh=f"引用的第{ref.target}章不存在",
                      message_en=f"Clause {ref.target} is referred to but does not exist",
                      text=seg.text[ref.start:ref.end], span=seg.span(ref.start, ref.end), location=seg.location,
                      suggestion=f"核对章编号；现有的章为{'、'.join(sorted(chapters, key=_num_key))} / check the number")
        elif ref.kind == "clause" and ref.target not in ctx.known_numbers:
            if ref.target[0].isalpha() and ref.target[0] not in ctx.numbers:
                continue  # "D.1" when there is no annex D at all is reported as a missing annex
            hint = _siblings_hint(ctx, ref.target)
            yield Hit(clause=seg.label, message_zh=f"引用的条{ref.target}不存在",
                      message_en=f"{ref.target} is referred to but does not exist",
                      text=seg.text[ref.start:ref.end], span=seg.span(ref.start, ref.end), location=seg.location,
                      suggestion=f"核对引用的编号{('（现有：' + hint + '）') if hint else ''} / check the number"
                                 f"{(' (existing: ' + hint.replace('、', ', ') + ')') if hint else ''}")


@rule("REF-002", severity=Severity.ERROR, title_zh="引用的附录不存在", title_en="Reference to a missing annex",
      source="GB/T 1.1—2020 9.5.4.2, 8.6; ISO/IEC Directives Part 2 20",
      rationale="A cross-reference to an annex that does not exist cannot be followed.", when=has_chapters)
def missing_annex(ctx: CheckContext) -> Iterator[Hit]:
    letters = {a.number for a in ctx.annexes}
    existing = "、".join(f"附录{x}" for x in sorted(letters)) or "无"
    for seg, ref in internal_refs(ctx):
        target = ref.target if ref.kind == "annex" else ref.target[0] if ref.kind == "clause" and \
            ref.target[0].isalpha() else ""
        if not target or target in letters:
            continue
        yield Hit(clause=seg.label, message_zh=f"引用的附录{target}不存在",
                  message_en=f"Annex {target} is referred to but does not exist",
                  text=seg.text[ref.start:ref.end], span=seg.span(ref.start, ref.end), location=seg.location,
                  suggestion=f"核对附录编号（现有：{existing}） / check the annex letter")


@rule("REF-003", severity=Severity.ERROR, title_zh="引用的表或图不存在", title_en="Reference to a missing table or figure",
      source="GB/T 1.1—2020 9.5.4.2, 9.3, 9.4; ISO/IEC Directives Part 2 28, 29",
      rationale="A cross-reference to a table or figure that does not exist cannot be followed.", when=has_chapters)
def missing_table_or_figure(ctx: CheckContext) -> Iterator[Hit]:
    for seg, ref in internal_refs(ctx):
        if ref.kind not in ("table", "figure"):
            continue
        existing = ctx.tables if ref.kind == "table" else ctx.figures
        if ref.target in existing:
            continue
        zh_kind, en_kind = ("表", "Table") if ref.kind == "table" else ("图", "Figure")
        have = "、".join(f"{zh_kind}{n}" for n in sorted(existing, key=_num_key)) or "无"
        yield Hit(clause=seg.label, message_zh=f"引用的{zh_kind}{ref.target}不存在",
                  message_en=f"{en_kind} {ref.target} is referred to but does not exist",
                  text=seg.text[ref.start:ref.end], span=seg.span(ref.start, ref.end), location=seg.location,
                  suggestion=f"核对编号（现有：{have}） / check the number")


@rule("REF-004", severity=Severity.ERROR, title_zh="引用不注日期文件的具体条款",
      title_en="Specific clause of an undated document cited",
      source="GB/T 1.1—2020 9.5.4.3; ISO/IEC Directives Part 2 10.4",
      rationale="A clause number is only stable within one edition; citing a specific clause requires the year.",
      when=has_chapters)
def undated_clause_citation(ctx: CheckContext) -> Iterator[Hit]:
    for seg in ctx.segments:
        if seg.kind in ("reference", "term_head") or seg.top.kind.value == "bibliography":
            continue
        seen: set[int] = set()
        for ref in _external_refs(seg):
            d = ref.external
            if d is None or d is TITLED_DOCUMENT or d.dated or d.placeholder or d.start in seen:
                continue
            seen.add(d.start)
            what = {"chapter": f"第{ref.target}章", "annex": f"附录{ref.target}", "table": f"表{ref.target}",
                    "figure": f"图{ref.target}"}.get(ref.kind, ref.target)
            yield Hit(clause=seg.label, message_zh=f"引用了不注日期文件{d.key}的具体内容（{what}），应注明年代号",
                      message_en=f"a specific part ({what}) of the undated document {d.key} is cited; give its year",
                      text=seg.text[d.start:ref.end], span=seg.span(d.start, ref.end), location=seg.location,
                      suggestion=f"{d.key}—YYYY（填写所引版本的年代号） / {d.key}:YYYY with the year of the edition cited")


def _external_refs(seg: Segment) -> list[Ref]:
    if seg.kind == "term_source":
        # "[来源：GB/T 24353，3.3]": the source names a clause of the document it cites
        found = find_designations(normalise_for_match(seg.text))
        m = re.search(rf"[，,]\s*({_NUM}|\d{{1,2}})", seg.text[found[0].end:]) if found else None
        if found and m is not None:
            d = found[0]
            return [Ref("clause", m.group(1), d.end + m.start(1), d.end + m.end(1), d)]
        return []
    return [r for r in find_references(seg.text) if r.external is not None]
