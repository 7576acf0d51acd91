"""The unit of retrieval: one clause, term entry, article, note, example or table."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Language = Literal["zh", "en"]


class Unit(BaseModel):
    """A citable piece of a document, as handed to the index by the assistant.

    ``id`` is stable across re-ingestion of the same content so that citations stay valid.
    Long units are split into pieces; every piece keeps ``number`` and ``citation``.
    """

    id: str
    doc_id: str
    designation: str
    doc_title: str
    number: str
    title: str = ""
    kind: str
    heading_path: list[str] = Field(default_factory=list)
    text: str
    language: Language = "zh"
    normative: bool | None = None
    source_path: str = ""
    location: str = ""
    citation: str
    piece: int = 0


class Hit(BaseModel):
    """One ranked search result."""

    unit: Unit
    score: float
    rank: int
    sources: dict[str, int] = Field(default_factory=dict)  # retriever name -> rank in that list

    @property
    def citation(self) -> str:
        return self.unit.citation


class SearchFilters(BaseModel):
    doc_ids: list[str] | None = None
    kinds: list[str] | None = None
    language: Language | None = None
    normative: bool | None = None
