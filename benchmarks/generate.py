"""Large documents for benchmarks, built from the samples' own clause shapes (deterministic)."""

from __future__ import annotations

import random

from assistant.document.model import Clause, ClauseKind, Document, DocumentMeta, Paragraph, Structure

_SENTENCES = [
    "在表{t}规定的测试条件下，单卡推理吞吐量应不低于{v} tokens/s，按9.{m}规定的方法测试。",
    "系统应具有良好的易用性。",
    "统一编程接口应支持所有主流AI芯片。",
    "跨平台迁移后的性能损失应为零。",
    "组织应至少每12个月评审一次风险管理方针，并形成记录。",
    "推理时延应不大于{v} ms。",
    "实现宜在符合性声明中列出支持的数据类型。",
    "运营者应加强对模型运行状态的监控。",
    "日志格式应符合GB/T XXXXX—XXXX的规定。",
    "注：本条不限定实现方式。",
]


def large_standard(clauses: int = 300, seed: int = 7) -> Document:
    """A GB/T-shaped document with about ``clauses`` numbered units and realistic provisions."""
    rng = random.Random(seed)
    meta = DocumentMeta(designation="GB/T 99000—2026", title_zh="基准测试文件", structure=Structure.STANDARD)
    chapters: list[Clause] = []
    made = 0
    number = 4
    while made < clauses:
        number += 1
        chapter = Clause(number=str(number), title=f"技术要求{number}", kind=ClauseKind.CHAPTER)
        for i in range(1, 6):
            clause = Clause(number=f"{number}.{i}", title=f"条款{i}", kind=ClauseKind.CLAUSE)
            for j in range(1, 5):
                text = "".join(rng.choice(_SENTENCES).format(t=rng.randint(1, 9), v=rng.randint(5, 900),
                                                             m=rng.randint(1, 9)) for _ in range(2))
                clause.children.append(Clause(number=f"{number}.{i}.{j}", kind=ClauseKind.CLAUSE,
                                              blocks=[Paragraph(text=text)]))
                made += 1
            chapter.children.append(clause)
            made += 1
        chapters.append(chapter)
        made += 1
    return Document(meta=meta, clauses=chapters)
