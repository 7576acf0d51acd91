"""Related standards of a draft version for the workspace: overlap with the indexed corpus and suggested
normative references (the CLI's `stdraft overlap` and `stdraft refs --overlap`, for one stored version)."""

from __future__ import annotations

import threading
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.corpus.ingest import collect_files
from assistant.document.loader import load_document
from assistant.document.model import Document
from assistant.related.candidates import index_finder
from assistant.related.overlap import OverlapReport
from assistant.related.references import CorpusDocument, Suggestion, chapter_2, suggest_references
from retrieval.index import RetrievalIndex


class RelatedOut(BaseModel):
    draft: str
    version: int
    # None when nothing is indexed yet: references still come from the corpus files
    overlap: OverlapReport | None = None
    references: list[Suggestion] = Field(default_factory=list)
    chapter_2: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class CorpusDocuments:
    """The corpus files read as reference candidates, read again only when a file is added, removed or changed:
    parsing every file on each request would cost seconds."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[tuple[str, int, int], ...] = ()
        self._documents: list[CorpusDocument] = []

    def get(self, folders: list[Path]) -> list[CorpusDocument]:
        files = collect_files([f for f in folders if f.exists()])
        key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
        with self._lock:
            if key != self._key:
                self._documents = [CorpusDocument.of(load_document(p), p) for p in files]
                self._key = key
            return list(self._documents)


def related(document: Document, name: str, version: int, index: RetrievalIndex | None,
            corpus: list[CorpusDocument]) -> RelatedOut:
    out = RelatedOut(draft=name, version=version)
    if index is None or not index.documents():
        out.notes.append("语料库尚未导入，未做重复分析 / nothing is indexed yet: no overlap report")
    else:
        out.overlap = index_finder(index).report(document, name=name)
    out.references = suggest_references(document, corpus, out.overlap)
    out.chapter_2 = chapter_2(out.references)
    return out
