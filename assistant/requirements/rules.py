"""The REQ rules: requirement-analysis findings joining `stdraft check` through the rule catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.context import CheckContext, Segment
from assistant.checks.model import Hit, Severity
from assistant.checks.registry import register_family
from assistant.document.model import Structure
from assistant.requirements.detectors import Detection, detect
from assistant.requirements.methods import clauses_with_methods

_KINDS = ("paragraph", "list_item", "note", "example", "table_cell")
_SOURCE = "GB/T 1.1—2020 §10–§11 (verifiable requirements; ISO/IEC Directives Part 2, 4.2)"


def full_sentences(text: str) -> list[str]:
    """Sentences ended by 。！？ (or . ! ? in English); "；" joins clauses of one sentence (REQ-005 needs them)."""
    if re.search(r"[\u4e00-\u9fff]", text):
        return [s.strip() for s in re.findall(r"[^。！？]+[。！？]?", text) if s.strip()]
    # "9.4" and "e.g." do not end a sentence: only . ! ? before white space and a capital do
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text) if s.strip()]


def provision_sentences(ctx: CheckContext) -> Iterator[tuple[Segment, str, int]]:
    """(segment, sentence, offset of the sentence in the segment). List items read with their lead-in."""
    for segment in ctx.segments:
        if segment.kind not in _KINDS:
            continue
        if segment.kind == "list_item" and segment.lead_in:
            yield segment, segment.lead_in.rstrip("：:") + "：" + segment.text, 0
            continue
        pos = 0
        for sentence in full_sentences(segment.text):
            start = segment.text.find(sentence, pos)
            pos = max(start, 0) + len(sentence)
            yield segment, sentence, max(start, 0)


def _cache(ctx: CheckContext) -> list[tuple[Segment, str, int, Detection]]:
    cached = getattr(ctx, "_req_detections", None)
    if cached is None:
        with_methods = clauses_with_methods(ctx.document)
        cached = [(seg, sentence, offset, d) for seg, sentence, offset in provision_sentences(ctx)
                  for d in detect(sentence) if not (d.rule == "REQ-003" and seg.label in with_methods)]
        ctx._req_detections = cached  # type: ignore[attr-defined]  # one analysis for all REQ rules
    return cached


def _hits(ctx: CheckContext, rule_id: str) -> Iterator[Hit]:
    seen: set[tuple[str, str]] = set()
    for segment, sentence, offset, d in _cache(ctx):
        if d.rule != rule_id or (segment.label, sentence) in seen:
            continue
        seen.add((segment.label, sentence))
        start = offset + max(sentence.find(d.matched), 0) if segment.kind != "list_item" else 0
        yield Hit(
            clause=segment.label, message_zh=d.reason_zh, message_en=d.reason_en, text=sentence,
            suggestion=d.suggestion, span=segment.span(start, start + len(d.matched)) if d.matched else None,
            location=segment.location,
        )


register_family((
    ("REQ-001", Severity.WARNING, "要求含模糊限定词", "Vague qualifier in a requirement",
     "A requirement is an objectively verifiable criterion; 适当/足够/快速 cannot be verified."),
    ("REQ-002", Severity.WARNING, "要求缺少可测量的值", "No measurable value",
     "A property that needs a value (latency, accuracy …) must state it with its unit."),
    ("REQ-003", Severity.INFO, "量化要求缺少测试方法", "Threshold without a test method",
     "A threshold is only verifiable with the conditions and method of measurement."),
    ("REQ-004", Severity.WARNING, "以过程措辞代替特性要求", "Process wording instead of a property",
     "努力/重视/加强 state an attitude; a requirement states an outcome."),
    ("REQ-005", Severity.INFO, "一句包含多项要求", "Several requirements in one sentence",
     "One requirement per sentence keeps each verifiable and citable."),
    ("REQ-101", Severity.ERROR, "开放集合上的全称要求", "Universal quantifier over an open set",
     "'All chips/frameworks' cannot be met or tested; refer to a closed list."),
    ("REQ-102", Severity.ERROR, "绝对目标", "Absolute target",
     "100 %, zero loss or full compatibility is not achievable or provable."),
    ("REQ-103", Severity.WARNING, "阈值超出技术现状", "Threshold beyond the state of the art",
     "A threshold no implementation reaches excludes everyone; the corpus documents what is achievable."),
    ("REQ-104", Severity.ERROR, "强制采用厂商专有技术", "Mandates proprietary technology",
     "A national standard is technology-neutral; one vendor's technology excludes the others."),
    ("REQ-105", Severity.ERROR, "要求符合未发布的文件", "Conformance to an unpublished document",
     "Implementers cannot conform to a document they cannot obtain."),
), _hits, source=_SOURCE, applies_to=(Structure.STANDARD,))
