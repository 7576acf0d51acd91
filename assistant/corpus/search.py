"""Search the index and shape results for users: designation, number, title, text, score, citation."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from assistant.corpus.hints import hinted_documents
from retrieval.config import FusionConfig
from retrieval.index import RetrievalIndex
from retrieval.units import Hit, SearchFilters


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
    source_path: str = ""


# Reference lists match every query that shares a designation with them and answer none; an index (索引)
# lists every term of its document in both languages and so matches any question about any of them. The
# rankings leave them out already (FusionConfig.unranked_kinds); callers that read the index's lists
# directly (the overlap candidates) leave out the same kinds.
EXCLUDED_KINDS = frozenset(FusionConfig().unranked_kinds)


def run_search(index: RetrievalIndex, query: str, k: int = 10, docs: list[str] | None = None,
               kinds: list[str] | None = None, language: str | None = None, normative: bool | None = None,
               mode: str = "hybrid", hints: bool = True) -> list[SearchResult]:
    known = index.documents()
    doc_ids = None
    if docs:
        doc_ids = [d.doc_id for d in known if d.doc_id in docs or d.designation in docs]
        if not doc_ids:
            return []
    search_mode: Literal["hybrid", "bm25", "dense"] = mode  # type: ignore[assignment]

    def search(ids: list[str] | None, n: int) -> list[Hit]:
        filters = SearchFilters(doc_ids=ids, kinds=kinds, language=language,  # type: ignore[arg-type]
                                normative=normative)
        return index.search(query, k=n, filters=filters, mode=search_mode)

    hits = search(doc_ids, k)
    named = hinted_documents(query, known) if hints and doc_ids is None else []
    if named:
        # the named documents' best units first, then everything else in its own order
        first = search(named, k)[: max(3, k // 2)]
        seen = {h.unit.id for h in first}
        hits = first + [h for h in hits if h.unit.id not in seen]
    hits = hits[:k]
    return [
        SearchResult(rank=rank, designation=h.unit.designation, doc_id=h.unit.doc_id, number=h.unit.number,
                     title=h.unit.title, kind=h.unit.kind, text=h.unit.text, score=h.score,
                     citation=h.unit.citation, location=h.unit.location, source_path=h.unit.source_path)
        for rank, h in enumerate(hits, start=1)
    ]
