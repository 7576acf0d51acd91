"""Bilingual query expansion from term pairs (zh ↔ en) that the caller passes, e.g. its term base.

A Chinese query shares no BM25 token with an English answer; adding the English names of the
Chinese terms it mentions (and vice versa) lets the other language's BM25 list find it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from pydantic import BaseModel, Field

from retrieval.units import Language


class GlossaryPair(BaseModel):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Glossary(BaseModel):
    pairs: list[GlossaryPair] = Field(default_factory=list)
    max_expansions: int = Field(default=8, ge=0)  # a long query must not drown in translations

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]], max_expansions: int = 8) -> Glossary:
        return cls(
            pairs=[
                GlossaryPair(zh=zh.strip(), en=en.strip()) for zh, en in pairs if zh.strip() and en.strip()
            ],
            max_expansions=max_expansions,
        )

    @cached_property
    def _zh_to_en(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for p in self.pairs:
            out.setdefault(p.zh, []).append(p.en)
        return out

    @cached_property
    def _en_to_zh(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for p in self.pairs:
            out.setdefault(p.en.lower(), []).append(p.zh)
        return out

    @staticmethod
    def _alternation(terms: Iterable[str], english: bool) -> re.Pattern[str] | None:
        # Longest first, so "人工智能系统" wins over "人工智能" at the same position.
        ordered = sorted(set(terms), key=len, reverse=True)
        if not ordered:
            return None
        body = "|".join(re.escape(t) for t in ordered)
        if english:
            # A plural ("penalties" for "penalty", "logs" for "log") names the same term.
            return re.compile(rf"(?<![\w-])(?:{body})(?:s|es)?(?![\w-])", re.IGNORECASE)
        return re.compile(body)

    @cached_property
    def _zh_re(self) -> re.Pattern[str] | None:
        return self._alternation(self._zh_to_en, english=False)

    @cached_property
    def _en_re(self) -> re.Pattern[str] | None:
        return self._alternation(self._en_to_zh, english=True)

    def translations(self, query: str, source: Language) -> list[str]:
        """Other-language names of the glossary terms found in ``query`` (written in ``source``)."""
        pattern, table = (self._zh_re, self._zh_to_en) if source == "zh" else (self._en_re, self._en_to_zh)
        if pattern is None:
            return []
        found: list[str] = []
        for m in pattern.finditer(query):
            key = m.group() if source == "zh" else self._english_key(m.group())
            for other in table.get(key, []):
                if other not in found:
                    found.append(other)
        return found[: self.max_expansions]

    def _english_key(self, found: str) -> str:
        key = found.lower()
        for suffix in ("", "s", "es"):
            if key.endswith(suffix) and key[: len(key) - len(suffix)] in self._en_to_zh:
                return key[: len(key) - len(suffix)]
        return key

    def without_terms(self, query: str, source: Language) -> str:
        """``query`` with its glossary terms (of language ``source``) blanked out."""
        pattern = self._zh_re if source == "zh" else self._en_re
        return query if pattern is None else pattern.sub(" ", query)

    def expand(self, query: str) -> dict[Language, list[str]]:
        """Translations of the query's terms in both directions (a mixed query can hold both)."""
        return {"en": self.translations(query, "zh"), "zh": self.translations(query, "en")}
