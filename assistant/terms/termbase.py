"""The project's bilingual AI term base (corpus/terms/*.yaml), as typed records."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.document.errors import InputError


class TermReference(BaseModel):
    designation: str
    number: str | None = None


class TermRecord(BaseModel):
    id: str
    term_zh: str
    term_en: str = ""
    abbreviation: str | None = None
    synonyms_zh: list[str] = Field(default_factory=list)
    synonyms_en: list[str] = Field(default_factory=list)
    domain: str = ""
    definition_zh: str = ""
    definition_en: str = ""
    references: list[TermReference] = Field(default_factory=list)
    own_words: bool = True

    def names_zh(self) -> list[str]:
        return [self.term_zh, *self.synonyms_zh]

    def names_en(self) -> list[str]:
        return [n for n in [self.term_en, *self.synonyms_en] if n]


def load_term_file(path: Path) -> list[TermRecord]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML / YAML格式错误: {exc}") from None
    records = []
    for i, item in enumerate(data):
        try:
            records.append(TermRecord(**item))
        except (ValidationError, TypeError) as exc:
            raise InputError(str(path), f"entry {i + 1} ({item.get('id', '?') if isinstance(item, dict) else '?'}): "
                                        f"{exc}") from None
    return records


@lru_cache(maxsize=4)
def load_term_base(terms_dir: Path) -> tuple[TermRecord, ...]:
    records: list[TermRecord] = []
    for path in sorted(terms_dir.glob("*.yaml")):
        records += load_term_file(path)
    return tuple(records)
