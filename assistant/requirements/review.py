"""Review the requirements of a document: findings, evidence from the corpus, and a better wording.

With an LLM, each faulty requirement gets an explanation and a rewrite grounded on the retrieved
evidence; the rewrite is checked by the same detectors and dropped when it still fails, because an
offered fix that is itself faulty costs a reviewer more than no fix. Without an LLM, the template
rewording of each detector is offered, labelled as such.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Literal

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from assistant.document.model import Document
from assistant.document.provisions import ProvisionType, extract_provisions
from assistant.llm.prompts import load_prompt
from assistant.requirements.analysis import RequirementAnalysis, analyse
from assistant.requirements.detectors import Detection, detect
from assistant.requirements.methods import clauses_with_methods

EvidenceSearch = Callable[[str, int], list["EvidenceUnit"]]


class EvidenceUnit(BaseModel):
    citation: str
    text: str


class Rewrite(BaseModel):
    text: str
    source: Literal["llm", "template"]
    explanation: str = ""
    citations: list[str] = Field(default_factory=list)


class RequirementReview(BaseModel):
    clause: str
    text: str
    analysis: RequirementAnalysis
    findings: list[Detection]
    evidence: list[EvidenceUnit] = Field(default_factory=list)
    rewrite: Rewrite | None = None
    dropped_rewrite: str = ""  # an LLM rewrite that failed the rules again, kept for transparency
    dropped_reasons: list[str] = Field(default_factory=list)


def review_document(document: Document, llm: BaseChatModel | None = None,
                    search: EvidenceSearch | None = None, evidence_k: int = 3) -> list[RequirementReview]:
    reviews: list[RequirementReview] = []
    with_methods = clauses_with_methods(document)
    for provision in extract_provisions(document):
        if provision.type not in (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION):
            continue
        findings = [d for d in detect(provision.text)
                    if not (d.rule == "REQ-003" and provision.clause in with_methods)]
        if not findings:
            continue
        review = RequirementReview(clause=provision.clause, text=provision.text, analysis=analyse(provision.text),
                                   findings=findings)
        if search is not None:
            review.evidence = search(provision.text, evidence_k)
        if llm is not None:
            _llm_rewrite(review, llm, document.meta.language)
        else:
            review.rewrite = Rewrite(text=findings[0].suggestion, source="template",
                                     explanation="无LLM模式：按模板给出改写框架 / no-LLM mode: template wording")
        reviews.append(review)
    return reviews


def _llm_rewrite(review: RequirementReview, llm: BaseChatModel, language: str) -> None:
    prompt = load_prompt("requirement_rewrite")
    findings = "\n".join(f"- {d.rule}: {d.reason_zh} / {d.reason_en}" for d in review.findings)
    evidence = "\n\n".join(f"[{e.citation}]\n{e.text}" for e in review.evidence) or "（无 / none）"
    system, user = prompt.render(language=language, requirement=review.text, clause=review.clause,
                                 findings=findings, evidence=evidence)
    answer = llm.invoke([SystemMessage(content=system), HumanMessage(content=user)])
    parsed = _parse_json(str(answer.content))
    text = str(parsed.get("rewrite", "")).strip()
    if not text:
        review.dropped_reasons = ["LLM answer had no rewrite / 模型未给出改写"]
        return
    still = detect(text)
    if still:
        review.dropped_rewrite = text
        review.dropped_reasons = [f"{d.rule}: {d.reason_zh}" for d in still]
        review.rewrite = Rewrite(text=review.findings[0].suggestion, source="template",
                                 explanation="模型改写未通过检查，改用模板 / the LLM rewrite failed the checks")
        return
    allowed = {e.citation for e in review.evidence}
    raw = parsed.get("citations", [])
    citations = [c for c in raw if isinstance(c, str) and c in allowed] if isinstance(raw, list) else []
    review.rewrite = Rewrite(text=text, source="llm", explanation=str(parsed.get("explanation", "")),
                             citations=citations)


def _parse_json(text: str) -> dict[str, object]:
    m = re.search(r"\{.*\}", text, re.S)
    if not m:
        return {}
    try:
        data = json.loads(m.group(0))
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}
