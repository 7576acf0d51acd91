"""Thresholds beyond the documented state of the art (REQ-103), with the corpus clause as evidence.

The limits live in corpus/requirements/state-of-the-art.yaml; each one is derived from a clause of a
project-written reference document in corpus/standards/, so every finding cites where the state of
the art is documented, and a working group can correct a limit without touching code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from assistant.requirements.analysis import RequirementAnalysis

DEFAULT_LIMITS = Path(__file__).resolve().parents[2] / "corpus" / "requirements" / "state-of-the-art.yaml"


class Evidence(BaseModel):
    designation: str
    clause: str

    @property
    def citation(self) -> str:
        return f"{self.designation}，{self.clause}"


class Limit(BaseModel):
    id: str
    metric_zh: list[str] = Field(default_factory=list)
    metric_en: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    direction: Literal["lower_is_better", "higher_is_better"]
    limit: float
    unit: str = ""
    evidence: Evidence
    note: str = ""

    def names(self) -> list[str]:
        return [*self.metric_zh, *self.metric_en]


@lru_cache(maxsize=4)
def load_limits(path: Path = DEFAULT_LIMITS) -> tuple[Limit, ...]:
    if not path.is_file():
        return ()
    return tuple(Limit(**item) for item in yaml.safe_load(path.read_text(encoding="utf-8")) or [])


_NUMBER = re.compile(r"(?P<v>\d+(?:[ ,]\d{3})*(?:\.\d+)?)\s*(?P<pct>%|％)?")
# One pattern, negated forms first: "不大于" must not be read as "大于"
_BOUND = re.compile(
    r"(?P<upper>不高于|不大于|不超过|不多于|at most|not exceed|not more than|no more than|no greater than|"
    r"not be more than|not be greater than)|"
    r"(?P<lower>不低于|不少于|不小于|at least|not less than|no less than|not be less than)|"
    r"(?P<upper2>低于|小于|以内|以下|之内|≤|less than|below|within|up to)|"
    r"(?P<lower2>至少|达到|高于|大于|以上|≥|greater than|more than|above|reach|achieve)",
    re.I,
)


def _value(text: str, unit: str) -> float | None:
    m = _NUMBER.match(text.lstrip())
    if not m:
        return None
    after = text.lstrip()[m.end():].lstrip()
    # the threshold must be in the limit's unit: "400 labelled records" is not an accuracy
    if unit == "%" and not m.group("pct") and float(m.group("v").replace(" ", "").replace(",", "")) > 1:
        return None
    if unit not in ("%", "ratio", "") and not m.group("pct") and not after.lower().startswith(unit.lower()):
        return None
    value = float(m.group("v").replace(" ", "").replace(",", ""))
    if unit == "ratio" and m.group("pct"):
        return value / 100
    if unit == "%" and not m.group("pct") and value <= 1:
        return value * 100  # "kappa ≥ 0.99" style written as a ratio against a % limit
    return value


def beyond_state_of_art(sentence: str, analysis: RequirementAnalysis,
                        limits: tuple[Limit, ...] | None = None) -> tuple[Limit, float] | None:
    """The limit the sentence's threshold exceeds, and the threshold, if any."""
    lower = sentence.lower()
    for limit in limits if limits is not None else load_limits():
        name = next((n for n in limit.names() if n.lower() in lower), None)
        if name is None or any(c.lower() not in lower for c in limit.context):
            continue
        tail = sentence[lower.find(name.lower()) + len(name):]
        bound = _BOUND.search(tail)
        if bound is None:
            continue
        value = _value(tail[bound.end():], limit.unit)
        if value is None:
            continue
        demands_more = bool(bound.group("lower") or bound.group("lower2"))
        if limit.direction == "higher_is_better" and demands_more and value > limit.limit:
            return limit, value
        if limit.direction == "lower_is_better" and not demands_more and value < limit.limit:
            return limit, value
    return None
