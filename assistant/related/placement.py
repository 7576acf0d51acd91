"""Placement of a document (or a description of one) in the seven-part national AI standards framework.

Each sub-area of the framework (corpus/framework/ai-standards-framework.yaml) is embedded from its labels and
keywords; a document is embedded from its title and scope. The score of a sub-area is the cosine similarity
plus a bonus for each of its keywords found in the text; the part's score is its best sub-area's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml
from pydantic import BaseModel, Field

from assistant.document.model import ClauseKind, Document
from assistant.settings import PROJECT_ROOT

Vectors = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Vectors]

FRAMEWORK_PATH = PROJECT_ROOT / "corpus" / "framework" / "ai-standards-framework.yaml"
# Typical titles and scopes of each sub-area, written by the project from the guide: a new document reads
# more like the documents of its area than like a list of keywords. The sub-area's similarity weighs its
# nearest exemplar's against its description's (weights set on the development placements).
EXEMPLARS_PATH = PROJECT_ROOT / "corpus" / "framework" / "exemplars.yaml"
EXEMPLAR_WEIGHT = 0.7
_TEXT_CHARS = 600
KEYWORD_BONUS = 0.01  # per distinct keyword found in the text (the exemplars carry most of what keywords did)
KEYWORD_CAP = 3  # at most this many keywords count
# What kind of standard the title says it is decides the place before the technology it is about: the guide
# files a terminology standard for agents under terminology, a security requirement for agents under safety
# and security, human oversight of high-risk systems under governance.
TITLE_CUES: dict[str, tuple[str, ...]] = {
    "1.terminology": ("术语", "词汇", "vocabulary", "terminology"),
    # security, not safety: the physical safety of a robot or vehicle stays with the product
    "7.safety-security": ("安全要求", "安全规范", "安全指南", "安全评估", "安全测评", "安全防护", "供应链安全",
                          "security requirements", "security specification"),
    "7.governance": ("人工监督", "人类监督", "伦理", "治理", "可控性", "可信", "human oversight", "ethics", "ethical",
                     "governance", "controllability", "trustworthiness", "trustworthy"),
}
TITLE_BONUS = 0.08
# A terminology standard is filed under terminology whatever its concepts are about ("可信赖性　术语" defines
# governance concepts): that cue outweighs the others.
TITLE_WEIGHT = {"1.terminology": 2.0}
_TITLE_END = re.compile(r"\s+—\s+|——")


class SubArea(BaseModel):
    id: str
    label: str
    zh: str
    keywords: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    part: int = 0

    def description(self) -> str:
        return f"{self.zh} {self.label}: {'、'.join(self.keywords)}"


class Part(BaseModel):
    part: int
    zh: str
    en: str
    sub_areas: list[SubArea]


class Framework(BaseModel):
    source: str = ""
    parts: list[Part]

    def sub_areas(self) -> list[SubArea]:
        return [s for p in self.parts for s in p.sub_areas]

    def part(self, number: int) -> Part:
        return next(p for p in self.parts if p.part == number)


class Candidate(BaseModel):
    sub_area_id: str
    sub_area: str
    part: int
    score: float
    cosine: float
    keywords: list[str] = Field(default_factory=list)


class Placement(BaseModel):
    part: int
    part_name: str
    sub_area_id: str
    sub_area: str
    confidence: float  # margin-based, 0..1
    score: float
    evidence: list[str] = Field(default_factory=list)  # matched keywords of the chosen sub-area
    candidates: list[Candidate] = Field(default_factory=list)  # the best few, best first


def load_framework(path: Path | None = None, exemplars: Path | None = None) -> Framework:
    """The framework at PATH (the shipped one by default) with the EXEMPLARS of its sub-areas (by default the
    shipped ones, for the shipped framework only)."""
    raw: dict[str, Any] = yaml.safe_load((path or FRAMEWORK_PATH).read_text(encoding="utf-8"))
    framework = Framework.model_validate(raw)
    source = exemplars if exemplars is not None else (EXEMPLARS_PATH if path is None else None)
    examples: dict[str, Any] = {}
    if source is not None and source.is_file():
        examples = (yaml.safe_load(source.read_text(encoding="utf-8")) or {}).get("exemplars") or {}
    for part in framework.parts:
        for sub in part.sub_areas:
            sub.part = part.part
            sub.examples = [str(e) for e in examples.get(sub.id) or []]
    return framework


def _normalise(v: Vectors) -> Vectors:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: Vectors = (v / norms).astype(np.float32)
    return result


def keyword_hits(text: str, keywords: Sequence[str]) -> list[str]:
    low = text.lower()
    hits = []
    for kw in keywords:
        k = kw.lower()
        if not k:
            continue
        if k.isascii():
            # whole words for Latin keywords ("AI" must not match "maintain")
            if re.search(rf"(?<![a-z0-9]){re.escape(k)}(?![a-z0-9])", low):
                hits.append(kw)
        elif k in low:
            hits.append(kw)
    return hits


def document_description(document: Document) -> str:
    """Title and scope: what a standards officer reads to file a document."""
    meta = document.meta
    parts = [meta.title_zh, meta.title_en]
    for clause in document.walk():
        if clause.kind == ClauseKind.CHAPTER and clause.title.strip().lower() in {"范围", "scope"}:
            parts.append(clause.text())
            break
    else:
        # laws, rules and frameworks: the first articles or clauses carry the subject
        texts = [c.text() for c in document.walk() if c.text().strip()][:2]
        parts.extend(texts)
    return " ".join(p.strip() for p in parts if p and p.strip())[:600]


def title_of(description: str) -> str:
    """The title of a "title — scope" description ("" when it has no such separator). English titles separate
    their elements with dashes too ("Artificial intelligence — AI agents — Security requirements — …"), so
    the scope is what follows the last one."""
    cuts = list(_TITLE_END.finditer(description))
    return description[: cuts[-1].start()] if cuts else ""


class Placer:
    """Places texts in the framework; sub-area vectors are computed once."""

    def __init__(self, framework: Framework | None = None, embedder: Embedder | None = None) -> None:
        self.framework = framework or load_framework()
        self.subs = self.framework.sub_areas()
        # both sides as passages: a title + scope is a description, not a question
        self._embedder = embedder
        self.vectors = self._embed([s.description() for s in self.subs])
        flat = [e for s in self.subs for e in s.examples]
        vectors = self._embed(flat) if flat else np.zeros((0, self.vectors.shape[1]), dtype=np.float32)
        self.example_vectors: list[Vectors] = []
        start = 0
        for sub in self.subs:
            self.example_vectors.append(vectors[start:start + len(sub.examples)])
            start += len(sub.examples)

    def _embed(self, texts: Sequence[str]) -> Vectors:
        # the comparison's vector store: framework texts are embedded once per machine, not per process
        from assistant.compare.embed import embed

        return _normalise(embed(list(texts), self._embedder, _TEXT_CHARS, _TEXT_CHARS))

    def place_many(self, texts: Sequence[str], top: int = 3, titles: Sequence[str] | None = None) -> list[Placement]:
        """``titles``: each text's title; by default what precedes " — " in a "title — scope" description."""
        if not texts:
            return []
        q = self._embed([t[:_TEXT_CHARS] for t in texts])
        sims = q @ self.vectors.T
        for k, examples in enumerate(self.example_vectors):
            if len(examples):
                sims[:, k] = (1 - EXEMPLAR_WEIGHT) * sims[:, k] + EXEMPLAR_WEIGHT * (q @ examples.T).max(axis=1)
        heads = list(titles) if titles is not None else [title_of(t) for t in texts]
        return [self._place(text, sims[i], top, heads[i]) for i, text in enumerate(texts)]

    def place(self, text: str, top: int = 3, title: str | None = None) -> Placement:
        return self.place_many([text], top, None if title is None else [title])[0]

    def place_document(self, document: Document, top: int = 3) -> Placement:
        title = " ".join(t for t in (document.meta.title_zh, document.meta.title_en) if t)
        return self.place(document_description(document), top, title)

    def _place(self, text: str, sims: npt.NDArray[np.float32], top: int, title: str = "") -> Placement:
        cands = []
        for sub, cos in zip(self.subs, sims, strict=True):
            hits = keyword_hits(text, sub.keywords)
            cues = keyword_hits(title, TITLE_CUES.get(sub.id, ()))
            in_title = keyword_hits(title, sub.keywords)  # the title names the subject: its keywords count twice
            score = (float(cos) + KEYWORD_BONUS * min(len(hits) + len(in_title), KEYWORD_CAP)
                     + (TITLE_BONUS * TITLE_WEIGHT.get(sub.id, 1.0) if cues else 0.0))
            cands.append(Candidate(sub_area_id=sub.id, sub_area=sub.label, part=sub.part, score=score,
                                   cosine=float(cos), keywords=hits + [f"title: {c}" for c in cues]))
        cands.sort(key=lambda c: -c.score)
        best = cands[0]
        runner = next((c for c in cands[1:] if c.part != best.part), cands[1] if len(cands) > 1 else best)
        margin = best.score - runner.score
        confidence = float(min(1.0, max(0.0, 0.5 + margin * 10)))
        part = self.framework.part(best.part)
        evidence = [f"keyword: {k}" for k in best.keywords]
        evidence.append(f"best sub-area: {best.sub_area_id} (cosine {best.cosine:.3f})")
        return Placement(part=best.part, part_name=f"{part.zh} / {part.en}", sub_area_id=best.sub_area_id,
                         sub_area=best.sub_area, confidence=round(confidence, 3), score=round(best.score, 4),
                         evidence=evidence, candidates=cands[:top])
