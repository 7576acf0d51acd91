"""Adoption mode (IDT/MOD): the clause correspondence table and the draft list of technical deviations.

LEFT is the international document, RIGHT the national adoption. The correspondence table follows the
layout of GB/T 1.1-2020 Annex (本文件章条编号 | 对应的国际文件章条编号); the deviations are drafted as the
foreword's dash list, one item per technical change, with a reason left for the drafter to write.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.compare.model import Comparison, PairResult, Status

REASON = "（原因待填写 / reason to be stated）"


class Correspondence(BaseModel):
    national: str  # "—" when the clause has no counterpart
    international: str
    status: Status


class Deviation(BaseModel):
    clause: str  # national clause, or the international one for a deletion
    change: str
    reason: str = REASON
    text: str  # the foreword item, ready to paste


class AdoptionReport(BaseModel):
    degree: str
    source: str
    correspondence: list[Correspondence]
    deviations: list[Deviation]
    technical_changes: bool

    def foreword(self) -> str:
        head = f"本文件修改采用{self.source}。" if self.degree == "MOD" else f"本文件等同采用{self.source}。"
        if not self.deviations:
            return head
        items = "\n".join(f"——{d.text}" for d in self.deviations)
        return f"{head}\n\n本文件与{self.source}的技术差异及其原因如下：\n\n{items}"


def adoption_report(result: Comparison, degree: str, source: str = "") -> AdoptionReport:
    source = source or result.left_label
    rows = [Correspondence(national=p.right or "—", international=p.left or "—", status=p.status)
            for p in result.pairs]
    deviations = [d for p in result.pairs if (d := _deviation(p, source)) is not None]
    return AdoptionReport(degree=degree.upper(), source=source, correspondence=rows, deviations=deviations,
                          technical_changes=bool(deviations))


def _deviation(p: PairResult, source: str) -> Deviation | None:
    if p.status == Status.ADDED:
        text = f"增加了{p.right}（{p.right_title}）" if p.right_title else f"增加了{p.right}"
        return Deviation(clause=p.right or "", change="added / 增加", text=f"{text}，{REASON}；")
    if p.status == Status.DELETED:
        text = f"删除了{source}的{p.left}" + (f"（{p.left_title}）" if p.left_title else "")
        return Deviation(clause=p.left or "", change="deleted / 删除", text=f"{text}，{REASON}；")
    if p.status == Status.TECHNICAL:
        what = "；".join(p.changes) or "technical change / 技术性修改"
        return Deviation(clause=p.right or "", change=what, text=f"更改了{p.right}（{what}），{REASON}；")
    return None


def correspondence_markdown(report: AdoptionReport) -> str:
    lines = ["| 本文件章条编号 | 对应的国际文件章条编号 | 类别 |", "|---|---|---|"]
    lines += [f"| {r.national} | {r.international} | {r.status.value} |" for r in report.correspondence]
    return "\n".join(lines)
