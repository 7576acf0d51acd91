"""Small handmade documents: a base draft and edited versions of it, parsed by the project's parser."""

from __future__ import annotations

from assistant.document.model import Document
from assistant.document.parse_text import parse_text

HEAD = """---
designation: GB/T 99990—2026
kind: GB/T
title_zh: 测试文件
language: zh
---

## 前言
本文件按照GB/T 1.1—2020的规定起草。

## 1　范围
本文件规定了测试系统日志与备份的要求。

"""

CLAUSES = {
    "4.1": ("日志记录", "系统应记录全部管理员操作日志，日志至少保存6个月。"),
    "4.2": ("日志保护", "日志文件应采取防篡改措施，只有审计人员能够读取审计日志的全部内容。"),
    "4.3": ("时钟同步", "各节点的系统时钟应与统一时间源同步，偏差不大于1 s。"),
    "4.4": ("日志分析", "宜采用自动化工具对日志进行关联分析，发现异常行为后及时告警。"),
    "5.1": ("备份策略", "应制定数据备份策略，明确备份范围、频率和保存期限。"),
    "5.2": ("备份介质", "备份介质应存放在与生产环境物理隔离的场所，并定期检查介质的可读性。"),
    "5.3": ("恢复演练", "应每年至少开展一次数据恢复演练，演练结果应形成记录并提交管理层评审。"),
}


def render(chapters: list[tuple[str, str, list[tuple[str, str, str]]]]) -> str:
    out = [HEAD]
    for number, title, clauses in chapters:
        out.append(f"## {number}　{title}\n")
        for n, t, body in clauses:
            out.append(f"### {n}　{t}\n{body}\n")
    return "\n".join(out)


def base_chapters() -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    return [
        ("4", "日志", [(k, *CLAUSES[k]) for k in ("4.1", "4.2", "4.3", "4.4")]),
        ("5", "备份", [(k, *CLAUSES[k]) for k in ("5.1", "5.2", "5.3")]),
    ]


def doc(text: str) -> Document:
    return parse_text(text, "test.md")


def base() -> Document:
    return doc(render(base_chapters()))
