"""How a result is shown after its streamed text: citations, removed citations and check findings."""

from __future__ import annotations

from assistant.drafting.pipeline import DraftResult


def footer(result: DraftResult) -> str:
    lines: list[str] = []
    if result.citations:
        lines.append("引用 Citations: " + "；".join(f"[{c}]" for c in result.citations))
    if result.removed_citations:
        lines.append("已删除的引用（不在检索上下文中） Removed citations (not in the retrieved context): "
                     + "；".join(f"[{r.citation}]" for r in result.removed_citations))
    if result.task.value != "answer":
        if result.findings:
            lines.append("检查发现 Check findings:")
            lines += [f"- {f.rule} [{f.severity.value}] {f.clause or ''} {f.message}".replace("  ", " ")
                      for f in result.findings]
        else:
            lines.append("检查通过 Checks passed: 无发现 / no findings")
    if result.mode == "no-llm":
        lines.append("模式 Mode: 无LLM（模板）/ no-LLM (template)")
    if result.notice and result.notice not in lines and result.mode == "llm":
        lines.append(result.notice)
    return "\n".join(lines)
