"""Ingest files and folders: parse, cut into units, hand to the index. Unchanged files cost nothing."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.corpus.index import add_glossary_pairs, load_glossary
from assistant.corpus.units import document_units
from assistant.document.errors import InputError
from assistant.document.loader import SUFFIXES, load_document
from assistant.settings import Settings
from retrieval.errors import RetrievalError
from retrieval.index import RetrievalIndex

# Bump when parsing or unit building changes, so re-ingesting picks the change up.
PIPELINE_VERSION = "1"


class FileResult(BaseModel):
    path: str
    doc_id: str = ""
    status: str  # added, replaced, unchanged, error
    units: int = 0
    error: str = ""


class IngestReport(BaseModel):
    files: list[FileResult] = Field(default_factory=list)

    @property
    def errors(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "error"]


def collect_files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                            and p.name.lower() != "readme.md" and not p.name.startswith("."))
        else:
            found.append(path)
    return found


class SourceRegistry:
    """Which file is which document: the same file keeps its doc_id; another file with a taken
    designation (an extract, a second draft) gets a distinct one instead of replacing it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, str] = json.loads(path.read_text("utf-8")) if path.is_file() else {}

    def doc_id_for(self, source: Path, wanted: str) -> str:
        key = str(source.resolve())
        if key in self.entries:
            return self.entries[key]
        taken = set(self.entries.values())
        doc_id = wanted if wanted not in taken else f"{wanted} [{source.stem}]"
        self.entries[key] = doc_id
        return doc_id

    def forget(self, doc_id: str) -> None:
        self.entries = {k: v for k, v in self.entries.items() if v != doc_id}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.entries, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


def registry(settings: Settings) -> SourceRegistry:
    return SourceRegistry(settings.index_dir / "sources.json")


def ingest(paths: Iterable[Path], index: RetrievalIndex, settings: Settings,
           progress: Callable[[Path, FileResult], None] | None = None) -> IngestReport:
    report = IngestReport()
    sources = registry(settings)
    for path in collect_files(paths):
        result = _ingest_file(path, index, settings, sources)
        report.files.append(result)
        if progress is not None:
            progress(path, result)
    sources.save()
    if any(f.status in ("added", "replaced") for f in report.files):
        index.refresh()  # rebuild BM25 now, so the first search after an ingest is not the slow one
        # the documents' term entries joined the glossary: take it up and embed its terms now, so the first
        # search that uses a term does not pay for it
        load_glossary(index, settings)
    index.prepare_terms()  # a no-op when every term is stored
    index.prepare_hubness()  # likewise when no unit changed
    return report


def _ingest_file(path: Path, index: RetrievalIndex, settings: Settings, sources: SourceRegistry) -> FileResult:
    try:
        data_hash = hashlib.sha256(path.read_bytes() + PIPELINE_VERSION.encode()).hexdigest()
        document = load_document(path, settings.max_file_bytes)
        doc_id = sources.doc_id_for(path, document.meta.doc_id)
        units = document_units(document, doc_id)
        if not units:
            raise InputError(str(path), "no text units found / 未找到可检索的内容")
        outcome = index.add_document(doc_id, units, data_hash, designation=document.meta.designation,
                                     title=document.meta.title)
        pairs = [(t.term_zh, t.term_en) for t in document.term_entries() if t.term_zh and t.term_en]
        if pairs and outcome.status != "unchanged":
            add_glossary_pairs(settings, pairs)
        return FileResult(path=str(path), doc_id=doc_id, status=outcome.status, units=outcome.unit_count)
    except InputError as exc:
        return FileResult(path=str(path), status="error", error=exc.problem)
    except RetrievalError as exc:
        return FileResult(path=str(path), status="error", error=str(exc))


def remove(designation: str, index: RetrievalIndex, settings: Settings) -> list[str]:
    """Remove every indexed document with this designation or id; the ids removed (none: not indexed)."""
    targets = [d.doc_id for d in index.documents() if designation in (d.doc_id, d.designation)]
    sources = registry(settings)
    for doc_id in targets:
        index.remove_document(doc_id)
        sources.forget(doc_id)  # a later ingest of the same file gets the same id again
    sources.save()
    return targets
