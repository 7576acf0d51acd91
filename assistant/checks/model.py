"""What a check reports: a Finding per fault, and the catalogue entry (RuleInfo) of the rule that found it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, model_validator

from assistant.document.model import SourceLocation, Structure

if TYPE_CHECKING:
    from assistant.checks.context import CheckContext


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Finding(BaseModel):
    """One fault at one place. ``message`` is always ``message_zh + " / " + message_en``."""

    rule: str
    severity: Severity
    clause: str = ""  # outline number, "前言", "引言", "参考文献", "cover", or "" for the whole document
    span: tuple[int, int] | None = None  # [start, end) within Clause.text() of that clause, when known
    message_zh: str
    message_en: str
    message: str = ""
    text: str = ""  # the offending text
    suggestion: str = ""  # what to write instead (corrected text where it can be derived)
    location: SourceLocation | None = None

    @model_validator(mode="before")
    @classmethod
    def _join_message(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("message"):
            data = dict(data)
            data["message"] = f"{data.get('message_zh', '')} / {data.get('message_en', '')}"
        return data


@dataclass(frozen=True)
class Hit:
    """What a rule function yields; the runner adds the rule id and severity to make a Finding."""

    clause: str
    message_zh: str
    message_en: str
    text: str = ""
    suggestion: str = ""
    span: tuple[int, int] | None = None
    location: SourceLocation | None = None


RuleFunc = Callable[["CheckContext"], Iterable[Hit]]

ALL_STRUCTURES: frozenset[Structure] = frozenset(Structure)
GB_STRUCTURE: frozenset[Structure] = frozenset({Structure.STANDARD})


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severity: Severity
    title_zh: str
    title_en: str
    source: str  # the GB/T 1.1-2020 or ISO/IEC Directives Part 2 clause the rule comes from
    rationale: str
    func: RuleFunc = field(compare=False, repr=False)
    applies_to: frozenset[Structure] = GB_STRUCTURE
    languages: frozenset[str] = frozenset({"zh", "en"})
    # an extra condition on the document (e.g. "a GB document"), beyond structure and language
    when: Callable[[CheckContext], bool] | None = field(default=None, compare=False, repr=False)
    area: str = ""

    def applies(self, ctx: CheckContext) -> bool:
        if ctx.meta.structure not in self.applies_to or ctx.language not in self.languages:
            return False
        return self.when is None or self.when(ctx)

    def describe(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity.value,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "source": self.source,
            "rationale": self.rationale,
            "applies_to": sorted(s.value for s in self.applies_to),
            "languages": sorted(self.languages),
            "area": self.area,
        }
