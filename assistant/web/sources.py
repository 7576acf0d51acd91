"""Open the clause a citation names ("GB/T 90002—2026，5.3.1", "生成式人工智能服务管理暂行办法 第七条",
"Regulation (EU) 2024/1689, Article 9"): the document is found among the indexed ones by designation or
title, its source file is read again, and the clause with that number is shown whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from assistant.document.errors import InputError

if TYPE_CHECKING:
    from assistant.api.context import AppContext


class SourceClause(BaseModel):
    designation: str
    title: str
    number: str
    heading: str
    text: str


def split_citation(citation: str, names: list[str]) -> tuple[str, str] | None:
    """(document name, clause number) for the longest indexed name the citation starts with."""
    for name in sorted((n for n in names if n), key=len, reverse=True):
        if citation.startswith(name):
            number = citation[len(name):].lstrip("，,、 \u3000")
            return name, number
    return None


def find_source(context: AppContext, citation: str) -> SourceClause | None:
    from assistant.corpus.ingest import registry
    from assistant.document.loader import load_document

    with context.index() as index:
        documents = index.documents() if index is not None else []
    names: dict[str, str] = {}  # designation or title → doc_id
    for d in documents:
        for name in (d.designation, d.title, d.doc_id):
            if name:
                names.setdefault(name, d.doc_id)
    found = split_citation(citation.strip(), list(names))
    if found is None:
        return None
    name, number = found
    # the file the unit was ingested from, as recorded at ingestion
    paths = [path for path, doc_id in registry(context.settings).entries.items() if doc_id == names[name]]
    if not paths:
        return None
    try:
        document = load_document(paths[0], context.settings.max_file_bytes)
    except InputError:
        return None
    for clause in document.walk():
        if clause.number == number:
            parts = [f"{c.number}　{c.title}\n{c.text()}".strip() if c is not clause else c.text()
                     for c in clause.walk()]
            return SourceClause(designation=document.meta.designation, title=document.meta.title, number=number,
                                heading=f"{clause.number}　{clause.title}".strip(),
                                text="\n\n".join(p for p in parts if p))
    return None
