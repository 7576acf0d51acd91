"""Recognise and normalise standard designations (GB/T 18487.1—2023, ISO/IEC 22989:2022, …).

Designations must survive tokenisation as one token: jieba would cut "GB/T 41867—2022" into
"GB", "/", "T", "41867", "—", "2022", and BM25 would then match any text that mentions 2022.
The same designation is written many ways (GB/T41867-2022, GB/T 41867–2022, gb/t 41867—2022),
so every form maps to one canonical spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# ISO-family designations separate parts with "-" and the year with ":"; Chinese ones separate
# parts with "." and the year with a dash (em dash in print, often "-" in plain text).
_ISO_FAMILY = ("ISO", "IEC", "ITU", "EN", "IEEE")

_PREFIX = (
    r"(?:ISO/IEC/IEEE|ISO/IEC|ISO/TR|ISO/TS|ISO/PAS|IEC/TR|IEC/TS|ISO|IEC|IEEE|ITU-T|(?-i:EN)"
    r"|GB/T|GB/Z|GB|T/[A-Z]{2,10}"
    # sector standards such as YD/T, SJ/T, GA/T, JJF; upper case only so English words never match
    r"|(?-i:[A-Z]{2,4}/[TZ])|(?-i:JJF|JJG|HJ))"
)
_TYPE = r"(?:\s*(?P<type>TR|TS|PAS|Guide))?"
_NUMBER = r"\d+(?:\.\d+)*(?:-\d+)*"
_YEAR = r"(?:\s*(?P<sep>[—–:]|-(?=\s*(?:19|20)\d\d\b)|－|：)\s*(?P<year>(?:19|20)\d\d))?"

DESIGNATION_RE = re.compile(
    rf"(?<![A-Za-z0-9/])(?P<prefix>{_PREFIX}){_TYPE}\s*(?P<number>{_NUMBER}){_YEAR}(?![0-9])",
    re.IGNORECASE,
)


def _is_iso_family(prefix: str) -> bool:
    return prefix.startswith(_ISO_FAMILY)


@dataclass(frozen=True)
class Designation:
    prefix: str
    number: str
    year: str | None
    span: tuple[int, int]

    @property
    def undated(self) -> str:
        return f"{self.prefix} {self.number}"

    @property
    def canonical(self) -> str:
        if self.year is None:
            return self.undated
        sep = ":" if _is_iso_family(self.prefix) else "—"
        return f"{self.undated}{sep}{self.year}"


def _split_year(prefix: str, number: str) -> tuple[str, str | None]:
    # "GB/T 1.1-2020": for Chinese designations a trailing -YYYY is the year, not a part number.
    if not _is_iso_family(prefix):
        m = re.fullmatch(r"(.*?)-((?:19|20)\d\d)", number)
        if m and m.group(1):
            return m.group(1), m.group(2)
    return number, None


def find_designations(text: str) -> Iterator[Designation]:
    """Yield every designation in ``text`` with its character span, in order."""
    for m in DESIGNATION_RE.finditer(text):
        prefix = m.group("prefix").upper()
        kind = m.group("type")
        if kind:
            prefix = f"{prefix} {'Guide' if kind.lower() == 'guide' else kind.upper()}"
        number = m.group("number")
        year = m.group("year")
        if year is None:
            number, year = _split_year(prefix, number)
        yield Designation(prefix=prefix, number=number, year=year, span=m.span())


def normalize_designation(text: str) -> str:
    """Canonical spelling of a single designation (returns ``text`` stripped if none is found)."""
    for d in find_designations(text):
        return d.canonical
    return text.strip()
