"""The result of a comparison: aligned pairs with a status and a word-level diff, plus a summary."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class Status(StrEnum):
    UNCHANGED = "unchanged"
    EDITORIAL = "editorial"
    TECHNICAL = "technical"
    ADDED = "added"
    DELETED = "deleted"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"


STATUS_ZH: dict[Status, str] = {
    Status.UNCHANGED: "未变",
    Status.EDITORIAL: "编辑性修改",
    Status.TECHNICAL: "技术性修改",
    Status.ADDED: "增加",
    Status.DELETED: "删除",
    Status.MOVED: "移动",
    Status.SPLIT: "拆分",
    Status.MERGED: "合并",
}


class DiffOp(BaseModel):
    op: Literal["equal", "insert", "delete", "replace"]
    left: str = ""
    right: str = ""


class PairResult(BaseModel):
    """One row of the correspondence: a LEFT unit, a RIGHT unit, or both (a None side is added/deleted)."""

    left: str | None  # unit key: clause number, or 前言 / 引言
    right: str | None
    status: Status
    kind: str = ""
    left_title: str = ""
    right_title: str = ""
    score: float = 0.0  # alignment score; 0 for added/deleted
    changes: list[str] = Field(default_factory=list)  # why technical: "verbal form 应→宜", "value 3→6"
    diff: list[DiffOp] = Field(default_factory=list)
    left_text: str = ""
    right_text: str = ""


class Summary(BaseModel):
    counts: dict[str, int]
    left_units: int
    right_units: int
    mode: Literal["monolingual", "crosslingual"]


class Comparison(BaseModel):
    left_label: str
    right_label: str
    mode: Literal["monolingual", "crosslingual"]
    pairs: list[PairResult]
    summary: Summary

    def to_json(self, with_text: bool = False) -> dict[str, object]:
        exclude = None if with_text else {"pairs": {"__all__": {"left_text", "right_text"}}}
        return self.model_dump(mode="json", exclude=exclude)
