"""Suggested normative references for a draft (GB/T 1.1—2020, chapter 2).

A corpus standard is suggested when the draft uses its terms without defining them, restates its provisions
(overlap report: duplicate, stricter or looser), or names it in a provision without listing it. Laws, rules,
frameworks and project reference documents are never suggested; the document a draft adopts is not a
reference of its adoption; a national adoption is preferred to its international original. Dated when the
draft relies on particular clauses (restated provisions, a clause cited with its number, a term taken with
its source line); otherwise undated. Ordered: GB, GB/T, GB/Z by number, sector, then ISO, ISO/IEC, IEC.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from assistant.document.model import ClauseKind, Document, DocumentKind, Reference
from assistant.related.overlap import OverlapReport

STANDARD_KINDS = {DocumentKind.GB, DocumentKind.GBT, DocumentKind.GBZ, DocumentKind.SECTOR, DocumentKind.ISO,
                  DocumentKind.ISO_IEC, DocumentKind.IEC}
ORDER = {DocumentKind.GB: 0, DocumentKind.GBT: 1, DocumentKind.GBZ: 2, DocumentKind.SECTOR: 3,
         DocumentKind.ISO: 4, DocumentKind.ISO_IEC: 5, DocumentKind.IEC: 6}
MIN_TERMS = 3  # distinct borrowed terms before term use alone makes a reference
MIN_RESTATED = 2  # restated provisions before they alone make a reference
MIN_TERM_CHARS = 3  # shorter Chinese terms (风险, 标签) are too common to be evidence
SKIP_TITLES = {"前言", "引言", "foreword", "introduction", "参考文献", "bibliography", "规范性引用文件",
               "normative references"}


class Trigger(BaseModel):
    number: str
    why: str


class Suggestion(BaseModel):
    designation: str  # as to be written in chapter 2 (dated or undated form)
    full_designation: str
    title: str
    source_file: str
    dated: Literal["required", "optional"]
    reasons: list[str] = Field(default_factory=list)
    triggers: list[Trigger] = Field(default_factory=list)
    listed: bool = False  # already in the draft's chapter 2


class CorpusDocument(BaseModel):
    designation: str
    title: str
    kind: DocumentKind
    source_file: str
    adopts: str = ""
    terms: list[str] = Field(default_factory=list)
    term_numbers: dict[str, str] = Field(default_factory=dict)
    sample_reference: bool = False  # a project reference document (STDRAFT-REF …), never cited normatively

    @staticmethod
    def of(document: Document, path: Path) -> CorpusDocument:
        meta = document.meta
        terms: list[str] = []
        numbers: dict[str, str] = {}
        for clause in document.walk():
            entry = clause.term_entry
            if entry is None:
                continue
            for name in [entry.term_zh, *entry.admitted]:
                if name and len(name) >= MIN_TERM_CHARS and not name.isascii():
                    terms.append(name)
                    numbers[name] = clause.number
        return CorpusDocument(designation=meta.designation, title=meta.title, kind=meta.kind,
                              source_file=path.name, adopts=meta.adoption.source if meta.adoption else "",
                              terms=terms, term_numbers=numbers,
                              sample_reference="STDRAFT-REF" in meta.designation.upper())


def undated(designation: str) -> str:
    return re.split(r"[—:：]\s*\d{4}", designation)[0].strip()


def _norm(designation: str) -> str:
    return re.sub(r"\s+", "", designation).replace("-", "—").upper()


def _provision_texts(draft: Document) -> list[tuple[str, str]]:
    """(number, text) of the draft's provisions: term entries and body clauses, not foreword, intro, ch. 2."""
    out = []
    skip = False
    for clause in draft.walk():
        if clause.kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.BIBLIOGRAPHY):
            skip = True
        elif clause.kind in (ClauseKind.CHAPTER, ClauseKind.ANNEX):
            skip = clause.title.strip().lower() in SKIP_TITLES
        if skip or not clause.number:
            continue
        entry = clause.term_entry
        text = f"{entry.definition}\n{entry.source}" if entry else clause.text()
        out.append((clause.number, f"{clause.title}\n{text}"))
    return out


def suggest_references(draft: Document, corpus: list[CorpusDocument],
                       overlap: OverlapReport | None = None) -> list[Suggestion]:
    meta = draft.meta
    own = {_norm(meta.designation), _norm(undated(meta.designation))} if meta.designation else set()
    adopted = _norm(meta.adoption.source) if meta.adoption else ""
    listed = {_norm(undated(b.designation)) for c in draft.walk() for b in c.blocks
              if isinstance(b, Reference) and b.normative}
    own_terms = {t.term_zh for t in draft.term_entries()} | {a for t in draft.term_entries() for a in t.admitted}
    provisions = _provision_texts(draft)
    candidates = [d for d in corpus if d.kind in STANDARD_KINDS and not d.sample_reference and d.designation
                  and "X" not in d.designation.upper().split(" ", 1)[-1]
                  and _norm(d.designation) not in own and _norm(undated(d.designation)) not in own
                  and _norm(d.designation) != adopted]
    adopted_by_candidates = {_norm(d.adopts) for d in candidates if d.adopts}
    suggestions = []
    for doc in candidates:
        triggers: list[Trigger] = []
        reasons: list[str] = []
        dated = False
        # terms used without being defined by the draft
        used: dict[str, str] = {}
        for term in doc.terms:
            if term in own_terms:
                continue
            for number, text in provisions:
                if term in text:
                    used.setdefault(term, number)
                    break
        if len(used) >= MIN_TERMS:
            reasons.append(f"uses {len(used)} terms defined there: {'、'.join(sorted(used)[:8])}")
            triggers += [Trigger(number=n, why=f"{t} ({doc.term_numbers.get(t, '')})") for t, n in used.items()]
        # named in a provision, with or without a clause number, or as a term's source
        base = re.escape(undated(doc.designation))
        named = [(n, t) for n, t in provisions if re.search(base, t)]
        for number, text in named:
            specific = re.search(base + r"[^，,。]{0,8}[，,]\s*(?:表|图|附录)?\s*[A-Z\d]", text)
            dated = dated or bool(specific)
            triggers.append(Trigger(number=number, why="named in a provision" + (" with a clause" if specific
                                                                                else "")))
        if named:
            reasons.append(f"named in {len(named)} provision(s)")
        # provisions restated from it
        if overlap is not None:
            restated = [(c.number, m.number, m.relation) for c in overlap.clauses for m in c.matches
                        if m.source_file == doc.source_file and m.relation != "contradicting"]
            if len(restated) >= MIN_RESTATED:
                dated = True
                reasons.append(f"{len(restated)} provisions restate, tighten or loosen its clauses")
                triggers += [Trigger(number=n, why=f"{rel} of {src}") for n, src, rel in restated]
        if not reasons or (not named and len(used) < MIN_TERMS and "restate" not in " ".join(reasons)):
            continue
        if _norm(doc.designation) in adopted_by_candidates:
            continue  # cite the national adoption rather than the international original
        written = doc.designation if dated else undated(doc.designation)
        suggestions.append(Suggestion(designation=written, full_designation=doc.designation, title=doc.title,
                                      source_file=doc.source_file, dated="required" if dated else "optional",
                                      reasons=reasons, triggers=triggers,
                                      listed=_norm(undated(doc.designation)) in listed))
    return sorted(suggestions, key=lambda s: _order_key(s, corpus))


def _order_key(s: Suggestion, corpus: list[CorpusDocument]) -> tuple[int, list[int], str]:
    kind = next((d.kind for d in corpus if d.designation == s.full_designation), DocumentKind.OTHER)
    numbers = [int(n) for n in re.findall(r"\d+", undated(s.full_designation))]
    return ORDER.get(kind, 9), numbers, s.designation


def chapter_2(suggestions: list[Suggestion]) -> list[str]:
    """Lines ready for chapter 2, in order."""
    return [f"{s.designation}　{s.title}" for s in suggestions]


__all__ = ["CorpusDocument", "Suggestion", "Trigger", "chapter_2", "suggest_references"]
