"""The retrieved units a prompt may rely on, and how they are quoted into it as data."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from assistant.corpus.search import SearchResult, run_search
from assistant.drafting.tasks import DraftRequest, Task
from retrieval.index import RetrievalIndex


class ContextUnit(BaseModel):
    citation: str  # "GB/T 90002—2026，5.3.1": the only strings an answer may cite
    designation: str
    number: str
    title: str
    kind: str
    text: str
    score: float = 0.0
    source_path: str = ""


def query_for(request: DraftRequest) -> str:
    # a rewrite is grounded on what resembles the clause, not on the instruction around it
    if request.task == Task.REWRITE and request.clause_text:
        return request.clause_text
    if request.task == Task.TERM and request.clause_text:
        return request.clause_text + " " + request.request
    return request.request


def retrieve(index: RetrievalIndex, request: DraftRequest) -> list[ContextUnit]:
    results: list[SearchResult] = run_search(index, query_for(request), k=request.k, docs=request.docs)
    units: list[ContextUnit] = []
    seen: set[str] = set()
    for r in results:
        if r.citation in seen:  # split pieces of one unit share a citation; quote it once
            continue
        seen.add(r.citation)
        units.append(ContextUnit(citation=r.citation, designation=r.designation, number=r.number, title=r.title,
                                 kind=r.kind, text=r.text, score=r.score,
                                 source_path=r.source_path))
    return units


def quote(units: Sequence[ContextUnit], max_chars: int = 1200) -> str:
    """The units as a data block. Each starts with its citation, the exact string the model must copy."""
    if not units:
        return "（无检索结果 / no retrieved units）"
    blocks = []
    for u in units:
        text = u.text if len(u.text) <= max_chars else u.text[:max_chars] + "……"
        # angle brackets inside corpus text could close the data block early; neutralise them
        text = text.replace("<", "＜").replace(">", "＞")
        blocks.append(f'<unit citation="[{u.citation}]">\n{text}\n</unit>')
    return "\n".join(blocks)
