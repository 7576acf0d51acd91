"""Search the index and shape results for users: designation, number, title, text, score, citation."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from retrieval.index import RetrievalIndex
from retrieval.units import SearchFilters


class SearchResult(BaseModel):
    rank: int
    designation: str
    doc_id: str
    number: str
    title: str
    kind: str
    text: str
    score: float
    citation: str
    location: str


def run_search(index: RetrievalIndex, query: str, k: int = 10, docs: list[str] | None = None,
               kinds: list[str] | None = None, language: str | None = None, normative: bool | None = None,
               mode: str = "hybrid") -> list[SearchResult]:
    doc_ids = None
    if docs:
        known = index.documents()
        doc_ids = [d.doc_id for d in known if d.doc_id in docs or d.designation in docs]
        if not doc_ids:
            return []
    filters = SearchFilters(doc_ids=doc_ids, kinds=kinds, language=language,  # type: ignore[arg-type]
                            normative=normative)
    search_mode: Literal["hybrid", "bm25", "dense"] = mode  # type: ignore[assignment]
    hits = index.search(query, k=k, filters=filters, mode=search_mode)
    return [
        SearchResult(rank=h.rank, designation=h.unit.designation, doc_id=h.unit.doc_id, number=h.unit.number,
                     title=h.unit.title, kind=h.unit.kind, text=h.unit.text, score=h.score,
                     citation=h.unit.citation, location=h.unit.location)
        for h in hits
    ]
