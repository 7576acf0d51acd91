"""Source hints: a query that names a document ("按欧盟规定…", "under China's PIPL") searches it first.

Cross-lingual retrieval is weakest exactly where drafters ask across languages, and such questions
usually name their source; honouring that name is what a colleague would do. Aliases come from the
index's own designations and titles plus corpus/aliases.yaml (official names and abbreviations).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.manifest import DocumentInfo

ALIASES = Path(__file__).resolve().parents[2] / "corpus" / "aliases.yaml"


@lru_cache(maxsize=4)
def _alias_table(path: Path = ALIASES) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    if not path.is_file():
        return ()
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple((tuple(e["documents"]), tuple(e["aliases"])) for e in entries)


def hinted_documents(query: str, documents: list[DocumentInfo]) -> list[str]:
    """doc_ids the query names, through designations, titles or aliases; [] when it names none."""
    lowered = query.lower()
    named: list[str] = []

    def add(doc_ids: list[str]) -> None:
        named.extend(d for d in doc_ids if d not in named)

    for doc in documents:
        names = [n for n in (doc.designation, doc.title) if n and len(n) >= 4]
        if any(n.lower() in lowered for n in names):
            add([doc.doc_id])
    for fragments, aliases in _alias_table():
        if any(a.lower() in lowered for a in aliases):
            add([d.doc_id for d in documents
                 if any(f in (d.designation or "") or f in (d.title or "") or f in d.doc_id for f in fragments)])
    return named
