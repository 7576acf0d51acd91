"""Check the terms of a draft against the term base and against itself: every TRM finding in one pass."""

from __future__ import annotations

from assistant.document.model import Document
from assistant.terms.base import TermBase, default_term_base
from assistant.terms.draft import DraftTerm, draft_terms, draft_text
from assistant.terms.external import (
    definition_conflicts,
    draft_vectors,
    english_mismatches,
    own_entries,
    source_mismatches,
    synonyms,
)
from assistant.terms.findings import DEFAULT_THRESHOLDS, TermFinding, Thresholds
from assistant.terms.internal import duplicates, same_definitions, undefined, unused, variants


def _first_definitions(terms: list[DraftTerm]) -> list[int]:
    seen: set[str] = set()
    keep = []
    for i, d in enumerate(terms):
        if d.key not in seen:
            seen.add(d.key)
            keep.append(i)
    return keep


def check_terms(document: Document, base: TermBase | None = None,
                thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[TermFinding]:
    # the checks embed only the base entries a draft's terms lead to, never the whole base
    base = base if base is not None else default_term_base(with_vectors=False)
    terms = draft_terms(document)
    text = draft_text(document)
    vectors = draft_vectors(terms, base)
    skip = own_entries(base, document)
    findings: list[TermFinding] = []
    # a term's second definition is reported as a duplicate (TRM-105), not judged against the base again
    first = _first_definitions(terms)
    findings += definition_conflicts(document, [terms[i] for i in first], vectors[first], base, skip, thresholds)
    findings += synonyms(terms, vectors, base, skip, thresholds)
    findings += english_mismatches(terms, vectors, base, skip, thresholds)
    findings += source_mismatches(terms, base)
    findings += duplicates(terms)
    findings += same_definitions(terms, vectors, thresholds)
    if terms:  # a draft without term entries has nothing to be used, unused or varied
        findings += undefined(document, terms, text, base)
        findings += unused(terms, text)
        findings += variants(terms, text, base)
    return findings
