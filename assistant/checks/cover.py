"""Cover metadata (GB/T 1.1-2020 8.1; GB/T 1.1 Annex on the cover of drafts)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.context import CheckContext
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import rule
from assistant.checks.text import EM_DASH, parse_designation
from assistant.document.model import DocumentKind, Stage

_NATIONAL = (DocumentKind.GB, DocumentKind.GBT, DocumentKind.GBZ)


def national(ctx: CheckContext) -> bool:
    return ctx.meta.kind in _NATIONAL or ctx.meta.designation.replace(" ", "").upper().startswith("GB")


def gb_document(ctx: CheckContext) -> bool:
    return ctx.is_gb


@rule("COV-001", severity=Severity.ERROR, title_zh="文件编号格式错误", title_en="Malformed designation",
      source="GB/T 1.1—2020 8.1.2; GB/T 1.1—2020 附录 (封面)",
      rationale="A GB designation joins number and year with an em dash (GB/T 41867—2022); a colon is ISO's form "
                "and a hyphen is a typing error.", when=national)
def designation_form(ctx: CheckContext) -> Iterator[Hit]:
    raw = ctx.meta.designation.strip()
    if not raw:
        yield Hit(clause="cover", message_zh="封面缺少文件编号", message_en="the cover has no designation",
                  suggestion=f"{ctx.meta.kind.value} XXXXX{EM_DASH}XXXX")
        return
    found = parse_designation(raw)
    if found is None or not found.is_gb:
        return
    if found.sep and found.sep != EM_DASH:
        yield Hit(clause="cover", message_zh=f"文件编号“{raw}”中顺序号与年代号之间应使用一字线“—”，不应使用“{found.sep}”",
                  message_en=f"in the designation '{raw}' the year is joined with '{found.sep}'; use an em dash '—'",
                  text=raw, suggestion=found.corrected() + raw[found.end:], span=None)
    elif not found.year:
        yield Hit(clause="cover", message_zh=f"文件编号“{raw}”缺少年代号", message_en=f"the designation '{raw}' has no year",
                  text=raw, suggestion=f"{found.corrected()}{EM_DASH}{'XXXX' if found.placeholder else 'YYYY'}")


@rule("COV-002", severity=Severity.WARNING, title_zh="缺少ICS或CCS分类号", title_en="ICS or CCS missing",
      source="GB/T 1.1—2020 8.1.2", rationale="The cover carries the ICS and CCS codes that file the document.",
      when=gb_document)
def classification(ctx: CheckContext) -> Iterator[Hit]:
    missing = [name for name, value in (("ICS", ctx.meta.ics), ("CCS", ctx.meta.ccs)) if not value.strip()]
    if not missing:
        return
    names = "和".join(missing)
    yield Hit(clause="cover", message_zh=f"封面缺少{names}分类号", message_en=f"the cover has no {' and '.join(missing)} code",
              suggestion="\n".join(f"{m} …" for m in missing))


@rule("COV-003", severity=Severity.WARNING, title_zh="缺少英文名称", title_en="English title missing",
      source="GB/T 1.1—2020 8.1.2", rationale="The cover of a Chinese standard gives its English title.",
      languages=("zh",), when=gb_document)
def english_title(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.meta.title_en.strip():
        return
    yield Hit(clause="cover", message_zh="封面缺少文件的英文名称", message_en="the cover has no English title",
              text=ctx.meta.title_zh, suggestion="在中文名称下给出对应的英文名称 / add the English title below the Chinese title")


_PATENT = re.compile(r"可能涉及专利|相关专利|专利连同支持性文件|may be the subject of patent rights|"
                     r"possibility that (?:the implementation of )?this document (?:can|may) involve the use of "
                     r"(?:one or more )?patents", re.I)
DRAFT_NOTICE = "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。"


@rule("COV-004", severity=Severity.ERROR, title_zh="征求意见稿或送审稿缺少专利提示",
      title_en="Draft without the patent notice", source="GB/T 1.1—2020 9.4.3 (专利), 附录 (征求意见稿封面)",
      rationale="Comment and review drafts ask readers to disclose patents they know of.", when=gb_document)
def draft_patent_notice(ctx: CheckContext) -> Iterator[Hit]:
    stage = ctx.meta.stage
    if stage not in (Stage.COMMENT_DRAFT, Stage.REVIEW_DRAFT):
        return
    if any(_PATENT.search(s.text) for s in ctx.segments):
        return
    yield Hit(clause="cover", message_zh=f"{stage.value}缺少专利提示",
              message_en=f"the {'comment' if stage == Stage.COMMENT_DRAFT else 'review'} draft has no patent notice",
              suggestion=DRAFT_NOTICE)
