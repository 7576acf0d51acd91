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


class CellChange(BaseModel):
    row: int  # index in the RIGHT table (LEFT for a deleted row), header = 0
    column: int
    left: str
    right: str
    diff: list[DiffOp] = Field(default_factory=list)


class TableDiff(BaseModel):
    left: str | None  # "1", "A.1"; None: the table was added
    right: str | None  # None: deleted
    left_unit: str | None = None  # the unit holding the table
    right_unit: str | None = None
    caption_left: str = ""
    caption_right: str = ""
    status: Literal["unchanged", "changed", "added", "deleted"]
    shape_left: tuple[int, int] = (0, 0)  # rows, columns
    shape_right: tuple[int, int] = (0, 0)
    rows_added: list[int] = Field(default_factory=list)  # RIGHT row indexes
    rows_deleted: list[int] = Field(default_factory=list)  # LEFT row indexes
    added_text: list[str] = Field(default_factory=list)  # the added rows, cells joined by "　"
    deleted_text: list[str] = Field(default_factory=list)
    cells: list[CellChange] = Field(default_factory=list)

    def summary(self) -> str:
        """One line for reports and the technical-change list: 表A.1: +1 row, 2 cells."""
        parts = []
        if self.rows_added:
            parts.append(f"+{len(self.rows_added)} 行 row(s)")
        if self.rows_deleted:
            parts.append(f"−{len(self.rows_deleted)} 行 row(s)")
        if self.cells:
            parts.append(f"{len(self.cells)} 单元格 cell(s)")
        if self.shape_left[1] and self.shape_right[1] and self.shape_left[1] != self.shape_right[1]:
            parts.append(f"列 columns {self.shape_left[1]}→{self.shape_right[1]}")
        name = self.right or self.left or "?"
        return f"表 Table {name}: " + (", ".join(parts) or self.status)


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
    tables: list[TableDiff] = Field(default_factory=list)

    def to_json(self, with_text: bool = False) -> dict[str, object]:
        exclude = None if with_text else {"pairs": {"__all__": {"left_text", "right_text"}}}
        return self.model_dump(mode="json", exclude=exclude)
