"""Split long units into pieces on sentence boundaries.

The embedder averages over long inputs, which blurs a long clause into its general topic; pieces of
a few hundred characters keep each requirement findable.  Every piece keeps the unit's number and
citation so that a hit on any piece cites the clause it came from.
"""

from __future__ import annotations

import re

from retrieval.units import Unit

# A sentence ends after Chinese 。！？； (plus any closing quote or bracket), or after English . ! ? ;
# followed by white space; "5.3.1" and "e.g.," therefore never end a sentence.
_SENTENCE_END_RE = re.compile(r"[。！？；][”’」』）)\]]*|[.!?;][\"')\]]*(?=\s)")
_SOFT_BREAK_RE = re.compile(r"[，、：,:][”’」』）)\]]*")
_ABBREVIATION_RE = re.compile(r"(?:\b(?:e\.g|i\.e|etc|cf|No|Fig|vs|al)\.)$", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    parts: list[str] = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if _ABBREVIATION_RE.search(text, 0, m.end()):
            continue
        parts.append(text[pos : m.end()])
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return [p for p in parts if p.strip()]


def _hard_cut(text: str, max_chars: int) -> list[str]:
    # Prefer a space in the second half of the window so English words stay whole.
    out: list[str] = []
    while len(text) > max_chars:
        cut = text.rfind(" ", max_chars // 2, max_chars + 1)
        cut = cut if cut > 0 else max_chars
        out.append(text[:cut])
        text = text[cut:]
    if text:
        out.append(text)
    return out


def _cut_after(text: str, pattern: re.Pattern[str]) -> list[str]:
    parts: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        parts.append(text[pos : m.end()])
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return [p for p in parts if p.strip()]


def _fit(sentence: str, max_chars: int) -> list[str]:
    """Break one over-long sentence at commas, then hard, so that no piece exceeds ``max_chars``."""
    if len(sentence) <= max_chars:
        return [sentence]
    return _pack(_cut_after(sentence, _SOFT_BREAK_RE), max_chars, hard=True)


def _pack(parts: list[str], max_chars: int, hard: bool = False) -> list[str]:
    pieces: list[str] = []
    current = ""
    for part in parts:
        if len(part) > max_chars:
            if current:
                pieces.append(current)
                current = ""
            if hard:
                pieces.extend(_hard_cut(part, max_chars))
            else:
                pieces.extend(_fit(part, max_chars))
            continue
        if len(current) + len(part) > max_chars and current:
            pieces.append(current)
            current = ""
        current += part
    if current:
        pieces.append(current)
    return pieces


def split_long_text(text: str, max_chars: int) -> list[str]:
    """Split ``text`` into pieces of at most ``max_chars`` characters, cutting between sentences.

    Sentences are packed greedily; a single sentence longer than ``max_chars`` is cut at commas and,
    failing that, at ``max_chars``.  Pieces are stripped; a text that fits is returned as it is.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    text = text.strip()
    if len(text) <= max_chars:
        return [text] if text else []
    pieces = _pack(_sentences(text), max_chars)
    return [p.strip() for p in pieces if p.strip()]


def split_unit(unit: Unit, max_chars: int) -> list[Unit]:
    """The unit itself if it fits, else its pieces with ids ``<unit id>~<piece>`` (piece from 1)."""
    pieces = split_long_text(unit.text, max_chars)
    if len(pieces) <= 1:
        return [unit]
    return [
        unit.model_copy(update={"id": f"{unit.id}~{i}", "text": piece, "piece": i})
        for i, piece in enumerate(pieces, start=1)
    ]
