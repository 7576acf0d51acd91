"""Which text of a unit each retriever sees.

BM25 also sees the designation and document title, so that "GB/T 41867 的术语" finds that
document's units.  The dense passage gets the heading context and the designation (short:
"Regulation (EU) 2024/1689", "NIST AI 100-1", "中华人民共和国个人信息保护法") but not the long document
title, which would make every short unit of a document look alike.  The designation tells e5 which
regime a unit belongs to, and questions usually say it ("欧盟…", "under China's PIPL"): on the
development queries it raised hybrid recall@5 from 0.929 to 0.944, cross-lingual from 0.857 to 0.929.
"""

from __future__ import annotations

from retrieval.config import PieceConfig
from retrieval.splitting import split_long_text
from retrieval.units import Unit

# Bumped whenever ``passage_text`` changes: stored vectors were embedded from the old text, so an
# index with another version re-embeds every document at its next ingest (RetrievalIndex).
PASSAGE_VERSION = "2"


def _heading(unit: Unit) -> str:
    return " ".join(p for p in (unit.number, unit.title) if p)


def lexical_text(unit: Unit) -> str:
    parts = [unit.designation, unit.doc_title, *unit.heading_path[-2:], _heading(unit), unit.text]
    return "\n".join(p for p in parts if p)


def passage_text(unit: Unit) -> str:
    context = unit.heading_path[-1] if unit.heading_path else ""
    head = _heading(unit)
    parts = [unit.designation, context if context and context != head else "", head, unit.text]
    return "\n".join(p for p in parts if p)


def passage_pieces(unit: Unit, max_chars: int) -> list[str]:
    """The dense passages of a unit: its passage text, or one per piece when the text is longer than
    ``max_chars`` (0: never split).

    e5 reads at most 512 tokens and blurs a long article into its general topic, so a question about
    one paragraph of a long EU article missed it; each piece keeps the designation and heading, so it
    still says which article it belongs to.
    """
    if max_chars <= 0 or len(unit.text) <= max_chars:
        return [passage_text(unit)]
    return [passage_text(unit.model_copy(update={"text": piece})) for piece in split_long_text(unit.text, max_chars)]


def passage_key(pieces: PieceConfig) -> str:
    """What stored vectors depend on besides the model: the passage text and the piece lengths."""
    return f"{PASSAGE_VERSION}-pieces-{pieces.zh}-{pieces.en}"
