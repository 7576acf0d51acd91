"""Text helpers shared by the rules: quotation masking, sentences, document designations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.document.patterns import normalise_for_match

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Quoted matter is not the document's own wording: titles in 《》, quotations of laws and examples.
_QUOTED = re.compile(r"《[^》\n]*》|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』|‘[^’\n]*’|\"[^\"\n]*\"")


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


def mask_quotes(text: str) -> str:
    """The text with everything inside quotation marks and 《》 blanked, same length so spans still fit."""
    return _QUOTED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


_ZH_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_EN_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"“‘\[])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries: Chinese full stops and semicolons; in English text, '. ' before a capital."""
    spans: list[tuple[int, int]] = []
    for m in _ZH_SENTENCE.finditer(text):
        start, end = m.span()
        chunk = text[start:end]
        if has_cjk(chunk):
            spans.append(_strip(text, start, end))
            continue
        pos = start
        for b in _EN_BREAK.finditer(chunk):
            spans.append(_strip(text, pos, start + b.start()))
            pos = start + b.end()
        spans.append(_strip(text, pos, end))
    return [s for s in spans if s[1] > s[0]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def squash(text: str) -> str:
    """Whitespace-insensitive form for comparing fixed wordings (full-width space included)."""
    return re.sub(r"[\s\u3000]+", "", normalise_for_match(text))


def squash_en(text: str) -> str:
    return " ".join(text.split()).lower()


def excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split()) if not has_cjk(text) else text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- designations ----------------------------------------------------------------------------

_PREFIX = (r"GB(?:/[TZ])?|ISO/IEC(?:\s+(?:TR|TS|Guide))?|ISO(?:/(?:TR|TS))?|IEC(?:/(?:TR|TS))?"
           r"|[A-Z]{2}/[TZ]|T/[A-Z]{2,10}|STDRAFT-REF")
DESIGNATION_RE = re.compile(
    rf"(?<![A-Za-z/])(?P<prefix>{_PREFIX})\s*(?P<number>\d+|X{{3,6}}|x{{3,6}})(?P<parts>(?:\.\d+)*)"
    r"(?P<isopart>-\d{1,3}(?!\d))?"
    r"(?:\s*(?P<sep>——|—|–|--|-|－|‐|‑|:|：)\s*(?P<year>(?:19|20)\d{2}|X{4}|x{4})(?![\d]))?"
)
GB_PREFIXES = ("GB", "GB/T", "GB/Z")
EM_DASH = "—"


@dataclass(frozen=True)
class Designation:
    text: str
    prefix: str
    number: str
    parts: str  # ".1.2"
    isopart: str  # "-1" (ISO part numbers)
    sep: str
    year: str
    start: int = 0
    end: int = 0

    @property
    def key(self) -> str:
        """The document without its year: what the text cites and chapter 2 lists."""
        return f"{' '.join(self.prefix.split())} {self.number.upper()}{self.parts}{self.isopart}"

    @property
    def dated(self) -> bool:
        return bool(self.year)

    @property
    def is_gb(self) -> bool:
        return self.prefix in GB_PREFIXES

    @property
    def placeholder(self) -> bool:
        return "X" in self.number.upper()

    def corrected(self) -> str:
        """The designation written as GB/T 1.1 wants it: em dash before the year for GB, colon for ISO."""
        base = f"{' '.join(self.prefix.split())} {self.number}{self.parts}{self.isopart}"
        if not self.year:
            return base
        sep = ":" if self.prefix.startswith(("ISO", "IEC")) else EM_DASH
        return f"{base}{sep}{self.year}"


def find_designations(text: str) -> list[Designation]:
    """Every designation in a text. "-2022" after a GB number is a year joined with a hyphen, not a part."""
    return list(_find_designations(text))


@lru_cache(maxsize=16384)
def _find_designations(text: str) -> tuple[Designation, ...]:
    norm = normalise_for_match(text)
    out: list[Designation] = []
    for m in DESIGNATION_RE.finditer(norm):
        prefix, isopart, sep, year = m["prefix"], m["isopart"] or "", m["sep"] or "", m["year"] or ""
        out.append(Designation(text=text[m.start():m.end()], prefix=prefix, number=m["number"],
                               parts=m["parts"] or "", isopart=isopart, sep=sep, year=year,
                               start=m.start(), end=m.end()))
    return tuple(out)


def parse_designation(text: str) -> Designation | None:
    found = find_designations(text.strip())
    return found[0] if found and found[0].start == 0 else None
