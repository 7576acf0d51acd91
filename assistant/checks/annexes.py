"""Annexes: lettering, citation, order of first citation, normative/informative label (GB/T 1.1-2020 8.6)."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.context import CheckContext
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.structure import has_chapters
from assistant.checks.text import excerpt
from assistant.checks.xrefs import find_references
from assistant.document.model import Clause, ClauseKind


def has_annexes(ctx: CheckContext) -> bool:
    return has_chapters(ctx) and bool(ctx.annexes)


def _heading(annex: Clause, english: bool = False) -> str:
    if english:
        mark = "" if annex.normative is None else (" (normative)" if annex.normative else " (informative)")
        return f"Annex {annex.number}{mark} {annex.title}".rstrip()
    mark = "" if annex.normative is None else ("（规范性）" if annex.normative else "（资料性）")
    return f"附录{annex.number}{mark}{annex.title}"


@rule("ANX-001", severity=Severity.ERROR, title_zh="附录编号不连续", title_en="Annex letters not consecutive",
      source="GB/T 1.1—2020 8.6.3; ISO/IEC Directives Part 2 20.2",
      rationale="Annexes are lettered A, B, C … without gaps; a single annex is still Annex A.", when=has_annexes)
def annex_letters(ctx: CheckContext) -> Iterator[Hit]:
    expected = "A"
    for annex in ctx.annexes:
        letter = annex.number[:1]
        if letter != expected:
            yield Hit(clause=annex.number, message_zh=f"附录编号不连续：此处应为附录{expected}，现为附录{letter}",
                      message_en=f"annex letters are not consecutive: Annex {expected} is expected, not Annex {letter}",
                      text=excerpt(_heading(annex, ctx.is_english)),
                      suggestion=_heading(annex, ctx.is_english).replace(f"附录{letter}", f"附录{expected}", 1)
                      .replace(f"Annex {letter}", f"Annex {expected}", 1),
                      location=annex.location)
        # after a gap (A, C) carry on from the letter found, so that D is not reported as well
        if letter.isalpha() and letter >= expected:
            expected = chr(ord(letter) + 1)


def _citations(ctx: CheckContext, explicit_only: bool, foreword: bool) -> dict[str, int]:
    """Annex letter -> position (segment index) of its first citation outside the annex itself.

    Explicit citations are "附录A"/"Annex A"; otherwise a reference to its table, figure or clause (表A.1, A.2)
    also shows the annex is used. The foreword cites an annex of clause correspondence (GB/T 1.1-2020 8.2),
    so it counts as citing, but not for the order of first citation in the body.
    """
    first: dict[str, int] = {}
    for index, seg in enumerate(ctx.segments):
        if seg.top.kind == ClauseKind.BIBLIOGRAPHY or seg.kind in ("reference", "term_head"):
            continue
        if seg.top.kind == ClauseKind.FOREWORD and not foreword:
            continue
        own = seg.top.number if seg.top.kind == ClauseKind.ANNEX else ""
        for ref in find_references(seg.text):
            if ref.external is not None or ref.old_edition:
                continue
            if ref.kind == "annex":
                letter = ref.target
            elif not explicit_only and ref.kind in ("table", "figure", "clause") and ref.target[:1].isalpha():
                letter = ref.target[:1]
            else:
                continue
            if letter != own:
                first.setdefault(letter, index)
    return first


@rule("ANX-002", severity=Severity.ERROR, title_zh="附录未在正文中提及", title_en="Annex never cited",
      source="GB/T 1.1—2020 8.6.2; ISO/IEC Directives Part 2 20.1",
      rationale="Every annex is cited in the text; an uncited annex has no stated role.", when=has_annexes)
def uncited_annex(ctx: CheckContext) -> Iterator[Hit]:
    cited = _citations(ctx, explicit_only=False, foreword=True)
    for annex in ctx.annexes:
        if annex.number in cited:
            continue
        yield Hit(clause=annex.number, message_zh=f"附录{annex.number}在正文中没有被提及",
                  message_en=f"Annex {annex.number} is not cited anywhere in the text",
                  text=excerpt(_heading(annex, ctx.is_english)),
                  suggestion=(f"在正文相关条款中提及，如“……应符合附录{annex.number}的规定。”" if annex.normative else
                              f"在正文相关条款中提及，如“……参见附录{annex.number}。”") +
                  f" / cite it where it applies ('… see Annex {annex.number}')",
                  location=annex.location)


@rule("ANX-003", severity=Severity.WARNING, title_zh="附录顺序与提及顺序不一致",
      title_en="Annexes not in order of first citation", source="GB/T 1.1—2020 8.6.3; ISO/IEC Directives Part 2 20.2",
      rationale="Annexes are lettered in the order in which the text first cites them.", when=has_annexes)
def annex_citation_order(ctx: CheckContext) -> Iterator[Hit]:
    explicit = _citations(ctx, explicit_only=True, foreword=False)
    loose = _citations(ctx, explicit_only=False, foreword=False)
    first = {a.number: explicit.get(a.number, loose.get(a.number)) for a in ctx.annexes}
    previous: tuple[str, int] | None = None
    for annex in ctx.annexes:
        at = first.get(annex.number)
        if at is None:
            continue  # an uncited annex is ANX-002's finding
        if previous is not None and at < previous[1]:
            seg = ctx.segments[at]
            yield Hit(clause=annex.number,
                      message_zh=f"附录{annex.number}在正文中首次被提及（{seg.label}）早于附录{previous[0]}，附录顺序应与提及顺序一致",
                      message_en=f"Annex {annex.number} is first cited ({seg.label}) before Annex {previous[0]}; "
                                 "letter annexes in order of first citation",
                      text=excerpt(seg.text), location=annex.location,
                      suggestion=f"调换附录{previous[0]}与附录{annex.number}的编号（及其中的条、表、图编号和全部引用） / "
                                 f"swap the letters of Annexes {previous[0]} and {annex.number} and update every reference")
            continue
        previous = (annex.number, at)


@rule("ANX-004", severity=Severity.ERROR, title_zh="附录未标明规范性或资料性",
      title_en="Annex not marked normative or informative", source="GB/T 1.1—2020 8.6.2; ISO/IEC Directives Part 2 20.1",
      rationale="The label （规范性）/（资料性） tells readers whether the annex contains requirements.", when=has_annexes)
def annex_status(ctx: CheckContext) -> Iterator[Hit]:
    for annex in ctx.annexes:
        if annex.normative is not None:
            continue
        yield Hit(clause=annex.number, message_zh=f"附录{annex.number}未标明“（规范性）”或“（资料性）”",
                  message_en=f"Annex {annex.number} is not marked (normative) or (informative)",
                  text=excerpt(_heading(annex, ctx.is_english)),
                  suggestion=f"附录{annex.number}（规范性）{annex.title} 或 附录{annex.number}（资料性）{annex.title}"
                  if not ctx.is_english else f"Annex {annex.number} (normative) {annex.title}",
                  location=annex.location)
