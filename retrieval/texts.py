"""Which text of a unit each retriever sees.

BM25 also sees the designation and document title, so that "GB/T 41867 的术语" finds that
document's units; the dense passage gets the heading context but not the document title, which
would make every short unit of a document look alike.
"""

from __future__ import annotations

from retrieval.units import Unit


def _heading(unit: Unit) -> str:
    return " ".join(p for p in (unit.number, unit.title) if p)


def lexical_text(unit: Unit) -> str:
    parts = [unit.designation, unit.doc_title, *unit.heading_path[-2:], _heading(unit), unit.text]
    return "\n".join(p for p in parts if p)


def passage_text(unit: Unit) -> str:
    context = unit.heading_path[-1] if unit.heading_path else ""
    head = _heading(unit)
    parts = [context if context and context != head else "", head, unit.text]
    return "\n".join(p for p in parts if p)
