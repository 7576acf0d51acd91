"""The TRM-1xx rules: term conflicts joining `stdraft check` through the rule catalogue.

All nine rules share one analysis per document (embedding the draft's definitions is the costly part), kept on
the CheckContext the runner builds once per run.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.checks.context import CheckContext
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import register_family
from assistant.document.model import Structure
from assistant.terms.check import check_terms
from assistant.terms.findings import TermFinding

_SOURCE = "GB/T 1.1—2020 §8.5, GB/T 20001.1—2024 (one concept, one term; terms consistent with terminology standards)"


def _findings(ctx: CheckContext) -> list[TermFinding]:
    cached: list[TermFinding] | None = getattr(ctx, "_term_findings", None)
    if cached is None:
        cached = check_terms(ctx.document)
        ctx._term_findings = cached  # type: ignore[attr-defined]  # one analysis for all TRM-1xx rules
    return cached


def _hits(ctx: CheckContext, rule_id: str) -> Iterator[Hit]:
    for f in _findings(ctx):
        if f.rule == rule_id:
            # the messages already cite the conflicting entry; the suggestion stays the bare replacement
            yield Hit(clause=f.clause, message_zh=f.message_zh, message_en=f.message_en, text=f.text or f.term,
                      suggestion=f.suggestion, location=f.location)


register_family((
    ("TRM-101", Severity.WARNING, "术语定义与术语库冲突", "Term defined differently from the term base",
     "A term defined differently from GB/T 41867, ISO/IEC 22989 or a published standard splits one term into two "
     "concepts."),
    ("TRM-102", Severity.WARNING, "同一概念另起新术语", "Synonym of a term in the term base",
     "One concept, one term: a new name for a concept the base already names fragments the standards family."),
    ("TRM-103", Severity.WARNING, "英文对应词不一致", "English equivalent differs from the term base",
     "The same Chinese term with different English equivalents (or the reverse) breaks bilingual consistency."),
    ("TRM-104", Severity.ERROR, "来源条目与术语不符", "Source entry defines another term",
     "A [来源：X，n] that points to an entry defining something else misleads every reader who checks it."),
    ("TRM-105", Severity.ERROR, "术语重复界定", "Term defined twice",
     "Two definitions of one term in one document contradict each other or are redundant."),
    ("TRM-106", Severity.WARNING, "不同术语定义相同", "Two terms with the same definition",
     "Two terms for one concept inside a document; keep one and list the other as admitted."),
    ("TRM-107", Severity.WARNING, "术语未界定", "Term used but not defined",
     "A term marked as such in the text needs a definition in clause 3 or in a cited terminology document."),
    ("TRM-108", Severity.INFO, "术语已界定未使用", "Term defined but not used",
     "Clause 3 defines only the terms the document uses (GB/T 1.1—2020 §8.5.2)."),
    ("TRM-109", Severity.WARNING, "术语异体写法", "Term written in a variant form",
     "全角/半角, 繁体 or 体系/系统 variants of one term read as different terms and break search."),
), _hits, source=_SOURCE, applies_to=(Structure.STANDARD,))
