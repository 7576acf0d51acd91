"""The standards-system map in the workspace: the indexed documents (and a draft) placed in the national AI
standards framework, drawn by the related-standards module. Placing costs seconds (descriptions are
embedded), so the map is kept per corpus state and draft version."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from assistant.document.errors import InputError
from assistant.document.model import Document
from assistant.workspace.access import Principal
from assistant.workspace.sections import parse_draft

if TYPE_CHECKING:
    from assistant.api.context import AppContext
    from assistant.related.placement import Placer
    from assistant.related.sysmap import MapEntry

_lock = threading.Lock()
_placer: Placer | None = None
_pages: dict[tuple[str, ...], str] = {}


def _corpus_documents(context: AppContext) -> tuple[list[tuple[Document, Path]], tuple[str, ...]]:
    from assistant.corpus.ingest import registry
    from assistant.document.loader import load_document

    with context.index() as index:
        indexed = {d.doc_id: d.content_hash for d in index.documents()} if index is not None else {}
    documents: list[tuple[Document, Path]] = []
    for path, doc_id in sorted(registry(context.settings).entries.items()):
        if doc_id not in indexed:
            continue
        try:
            documents.append((load_document(path, context.settings.max_file_bytes), Path(path)))
        except InputError:
            continue  # a source file moved or changed since ingestion: it is left off the map
    return documents, tuple(sorted(f"{k}:{v}" for k, v in indexed.items()))


def _link(entry: MapEntry) -> str:
    # a document opens as a corpus search for its designation (or title), where its clauses can be opened
    if entry.draft:
        return ""
    return f"/corpus?q={quote(entry.designation or entry.name)}"


def system_map_page(context: AppContext, who: Principal, draft_id: str | None) -> str:
    from assistant.related.placement import Placer
    from assistant.related.sysmap import build_map, render_html

    global _placer
    draft: tuple[Document, Path] | None = None
    key_draft = ""
    if draft_id:
        version = context.drafts.version(who, draft_id)
        draft = (parse_draft(version.content), Path(f"{draft_id}.md"))
        key_draft = version.sha256
    documents, corpus_key = _corpus_documents(context)
    key = (*corpus_key, key_draft)
    with _lock:
        if key in _pages:
            return _pages[key]
        if _placer is None:
            _placer = Placer()
        page = render_html(build_map(documents, _placer, draft), context.settings.data_dir, _link)
        _pages.clear()  # one corpus state at a time: an ingest makes older maps stale
        _pages[key] = page
        return page
