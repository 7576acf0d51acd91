"""Related standards of a draft version for the workspace: overlap with the indexed corpus and suggested
normative references (the CLI's `stdraft overlap` and `stdraft refs --overlap`, for one stored version)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.corpus.ingest import collect_files
from assistant.document.errors import InputError
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
        key = tuple((str(p), s.st_mtime_ns, s.st_size) for p in files if (s := _stat(p)) is not None)
        with self._lock:
            if key != self._key:
                self._documents = [d for p in files if (d := _read(p)) is not None]
                self._key = key
            return list(self._documents)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None  # removed meanwhile: not a candidate


def _read(path: Path) -> CorpusDocument | None:
    # a corpus file that no longer parses (or was removed meanwhile) is no reference candidate; ingestion
    # reports it, the suggestions go on without it
    try:
        return CorpusDocument.of(load_document(path), path)
    except (InputError, OSError):
        return None


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
