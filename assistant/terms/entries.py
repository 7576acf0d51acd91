"""One entry of the term base, whichever source it came from (the project YAML, a standard, the EU AI Act)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.document.model import Clause, Document, Structure, TermEntry
from assistant.terms.normalize import has_cjk
from assistant.terms.termbase import TermRecord

TERM_BASE_NAME = "stdraft AI术语库"
TERM_BASE_NAME_EN = "stdraft AI term base"
EU_DOMAIN = "法律（欧盟）"


class Origin(StrEnum):
    TERM_BASE = "term_base"  # corpus/terms/*.yaml, definitions in the project's own words
    DOCUMENT = "document"  # a term entry of an ingested standard
    EU = "eu"  # Regulation (EU) 2024/1689, Article 3


class Citation(BaseModel):
    """A place a term is defined: a document and the number of the entry in it."""

    designation: str
    number: str = ""


class BaseEntry(BaseModel):
    id: str
    number: str = ""  # the entry's number in its own document ("3.1.2", "Article 3(1)"); "" for YAML records
    term_zh: str = ""
    term_en: str = ""
    abbreviation: str = ""
    admitted_zh: list[str] = Field(default_factory=list)  # synonyms, admitted terms, Chinese abbreviations
    admitted_en: list[str] = Field(default_factory=list)
    # names the base lists as synonyms of the preferred term (not abbreviations): a draft using one as its term
    # names the concept differently from the base
    synonyms_zh: list[str] = Field(default_factory=list)
    synonyms_en: list[str] = Field(default_factory=list)
    definition: str = ""  # Chinese when there is one (drafts are Chinese), else English
    definition_en: str = ""
    source: str = ""  # the document the entry is in (its designation), or the term base
    cited_source: str = ""  # the entry's own [来源：…] line
    references: list[Citation] = Field(default_factory=list)  # where else the concept is defined (facts)
    domain: str = ""
    origin: Origin = Origin.DOCUMENT
    own_words: bool = False
    path: str = ""

    @property
    def term(self) -> str:
        return self.term_zh or self.term_en

    def names_zh(self) -> list[str]:
        return [n for n in [self.term_zh, *self.admitted_zh] if n]

    def names_en(self) -> list[str]:
        return [n for n in [self.term_en, *self.admitted_en] if n]

    def citation(self, lang: str = "zh") -> str:
        """How a finding names the entry: "GB/T 90001—2026，3.1.2“人工智能系统”"."""
        source = TERM_BASE_NAME_EN if lang == "en" and self.origin == Origin.TERM_BASE else self.source
        where = (f"{source}，{self.number}" if lang == "zh" else f"{source}, {self.number}") if self.number else source
        refs = "; ".join(f"{r.designation} {r.number}".strip() for r in self.references[:2])
        if lang == "zh":
            return f"{where}“{self.term_zh or self.term_en}”" + (f"（参见{refs}）" if refs else "")
        return f"{where} '{self.term_en or self.term_zh}'" + (f" (see {refs})" if refs else "")

    def embed_text(self) -> str:
        return self.definition or self.definition_en or self.term

    def text_for(self, lang: str) -> str:
        """The definition in ``lang`` ("zh" or "en"), or "" when the entry has none in that language."""
        if lang == "zh":
            return self.definition if has_cjk(self.definition) else ""
        return self.definition_en or ("" if has_cjk(self.definition) else self.definition)


def split_names(text: str) -> tuple[list[str], list[str]]:
    """An abbreviation/admitted line ("AI系统　AI system", "AI系统 / AI system") → (Chinese, English) names."""
    zh: list[str] = []
    en: list[str] = []
    for part in re.split(r"\s*[/／;；,，、]\s*|\u3000+|\s{2,}", text or ""):
        part = part.strip()
        if not part or part.lower() in ("null", "none"):
            continue
        (zh if has_cjk(part) else en).append(part)
    return zh, en


def from_record(record: TermRecord) -> BaseEntry:
    abbr_zh, abbr_en = split_names(record.abbreviation or "")
    return BaseEntry(
        id=record.id,
        term_zh=record.term_zh,
        term_en=record.term_en,
        abbreviation=record.abbreviation or "",
        admitted_zh=[*record.synonyms_zh, *abbr_zh],
        admitted_en=[*record.synonyms_en, *abbr_en],
        synonyms_zh=list(record.synonyms_zh),
        synonyms_en=list(record.synonyms_en),
        definition=record.definition_zh or record.definition_en,
        definition_en=record.definition_en,
        source=TERM_BASE_NAME,
        references=[Citation(designation=r.designation, number=r.number or "") for r in record.references],
        domain=record.domain,
        origin=Origin.TERM_BASE,
        own_words=record.own_words,
    )


_CROSS_REF = re.compile(r"[（(]\s*(?:[A-Z]?\d+(?:\.\d+)*|见[^）)]*)\s*[）)]")
_DOMAIN_MARK = re.compile(r"^\s*[〈<＜]([^〉>＞]{1,20})[〉>＞]\s*")


def clean_definition(text: str) -> str:
    """The definition without cross-reference numbers "（3.1.2）" and EU "means …" lead-ins."""
    text = re.sub(r"^\s*means\s+", "", text.strip())
    return _CROSS_REF.sub("", text).strip()


def entry_domain(entry: TermEntry) -> str:
    """The domain label GB/T 1.1 puts before a definition ("〈包装〉…"), or ""."""
    m = _DOMAIN_MARK.match(entry.definition)
    return m.group(1).strip() if m else ""


@dataclass(frozen=True)
class EntryParts:
    """A document's term entry unpacked: its other names by language, its definition without cross-references or
    domain label, and that label. The term base and the draft checks read entries the same way through this."""

    clause: Clause
    entry: TermEntry
    other_zh: list[str]  # abbreviations, then admitted terms
    other_en: list[str]
    definition: str
    domain: str  # the 〈…〉 label, or ""

    @property
    def names_zh(self) -> list[str]:
        return [n for n in [self.entry.term_zh, *self.other_zh] if n]

    @property
    def names_en(self) -> list[str]:
        return [n for n in [self.entry.term_en, *self.other_en] if n]


def term_entries(document: Document) -> Iterator[EntryParts]:
    """Every term entry of ``document`` that names a term, unpacked."""
    for clause in document.walk():
        entry = clause.term_entry
        if entry is None or not (entry.term_zh or entry.term_en):
            continue
        abbr_zh, abbr_en = split_names(entry.abbreviation)
        adm_zh, adm_en = split_names("；".join(entry.admitted))
        yield EntryParts(clause=clause, entry=entry, other_zh=abbr_zh + adm_zh, other_en=abbr_en + adm_en,
                         definition=_DOMAIN_MARK.sub("", clean_definition(entry.definition)),
                         domain=entry_domain(entry))


def from_document(document: Document, domain: str = "") -> Iterator[BaseEntry]:
    eu = document.meta.structure == Structure.EU_ACT
    source = document.meta.doc_id
    for parts in term_entries(document):
        entry, definition = parts.entry, parts.definition
        number = entry.number or parts.clause.number
        yield BaseEntry(
            id=f"{source} {number}",
            number=number,
            term_zh=entry.term_zh,
            term_en=entry.term_en,
            abbreviation=entry.abbreviation,
            admitted_zh=parts.other_zh,
            admitted_en=parts.other_en,
            # a purely Chinese name on the line after the term is an admitted term (许用术语), not an abbreviation
            synonyms_zh=[n for n in parts.other_zh if not re.search(r"[A-Za-z]", n)],
            definition=definition,
            definition_en="" if has_cjk(definition) else definition,
            source=source,
            cited_source=entry.source,
            domain=EU_DOMAIN if eu else (parts.domain or domain),
            origin=Origin.EU if eu else Origin.DOCUMENT,
            path=document.meta.source_path,
        )
