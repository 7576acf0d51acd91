"""Findings for people and tools: JSON, a terminal report grouped by clause, and SARIF 2.1.0."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.checks.model import Finding, RuleInfo, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_NAME_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def to_json(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    return [f.model_dump(mode="json") for f in findings]


def clause_heading(clause: str) -> str:
    if clause == "":
        return "全文 / whole document"
    if clause == "cover":
        return "封面 / cover"
    return clause


def summary(findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    return (f"{counts[Severity.ERROR]} 个错误、{counts[Severity.WARNING]} 个警告、{counts[Severity.INFO]} 个提示 / "
            f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} notes")


def render_text(findings: Sequence[Finding], path: str = "", color: bool | None = None, width: int = 110) -> str:
    """The terminal report: findings grouped by clause in document order, severity coloured when possible."""
    try:
        from rich.console import Console
        from rich.markup import escape
    except ImportError:  # rich is a dependency, but a plain report is better than none
        return _render_plain(findings, path)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=color is False, width=width, highlight=False,
                      soft_wrap=True)
    if path:
        console.print(f"[bold]{escape(path)}[/bold]")
    if not findings:
        console.print("未发现问题 / no findings")
        return buffer.getvalue()
    for clause, group in _grouped(findings):
        console.print(f"\n[bold]{escape(clause_heading(clause))}[/bold]")
        for f in group:
            where = f.location.describe() if f.location else ""
            head = f"  [{_STYLE[f.severity]}]{f.severity.value:<7}[/] [bold]{f.rule}[/bold]"
            if where:
                head += f"  [dim]{escape(where)}[/dim]"
            console.print(head)
            console.print(f"    {escape(f.message_zh)}")
            console.print(f"    [dim]{escape(f.message_en)}[/dim]")
            if f.text:
                console.print(f"    原文 / text: {escape(_one_line(f.text))}")
            if f.suggestion:
                console.print(f"    建议 / suggestion: [green]{escape(_one_line(f.suggestion))}[/green]")
    console.print(f"\n{summary(findings)}")
    return buffer.getvalue()


def _render_plain(findings: Sequence[Finding], path: str) -> str:
    lines = [path] if path else []
    for clause, group in _grouped(findings):
        lines.append(f"\n{clause_heading(clause)}")
        for f in group:
            lines.append(f"  {f.severity.value:<7} {f.rule}  {f.location.describe() if f.location else ''}".rstrip())
            lines += [f"    {f.message_zh}", f"    {f.message_en}"]
            if f.text:
                lines.append(f"    原文 / text: {_one_line(f.text)}")
            if f.suggestion:
                lines.append(f"    建议 / suggestion: {_one_line(f.suggestion)}")
    lines.append(summary(findings) if findings else "未发现问题 / no findings")
    return "\n".join(lines) + "\n"


def _grouped(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """Consecutive runs of one clause; the findings are already in document order."""
    groups: list[tuple[str, list[Finding]]] = []
    index: dict[str, int] = {}
    for f in findings:
        if f.clause in index:
            groups[index[f.clause]][1].append(f)
        else:
            index[f.clause] = len(groups)
            groups.append((f.clause, [f]))
    return groups


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ⏎ ".join(line.strip() for line in text.splitlines() if line.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def to_sarif(findings: Sequence[Finding], rules: Sequence[RuleInfo], path: str, tool_version: str = "") -> dict[str, Any]:
    """A SARIF 2.1.0 log: one run, the rule catalogue as tool.driver.rules, one result per finding."""
    used = {f.rule for f in findings}
    catalogue = [r for r in rules if r.id in used] or list(rules)
    index = {r.id: i for i, r in enumerate(catalogue)}
    uri = Path(path).as_posix() if path else ""
    results: list[dict[str, Any]] = []
    for f in findings:
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": 0}}
        line = f.location.line if f.location is not None else None
        if line is not None and line >= 1:
            region: dict[str, Any] = {"startLine": line}
            if f.location is not None and f.location.end_line:
                region["endLine"] = f.location.end_line
            physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        if f.clause:
            location["logicalLocations"] = [{"name": f.clause, "kind": "section"}]
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f"\n建议 / suggestion: {f.suggestion}" if f.suggestion else "")},
            "locations": [location],
            "properties": {"clause": f.clause, "text": f.text, "suggestion": f.suggestion,
                           "message_zh": f.message_zh, "message_en": f.message_en},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if f.location is not None and f.location.paragraph is not None:
            result["properties"]["paragraph"] = f.location.paragraph
        if f.span is not None:
            result["properties"]["span"] = list(f.span)
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "stdraft",
                **({"version": tool_version} if tool_version else {}),
                "rules": [_sarif_rule(r) for r in catalogue],
            }},
            "artifacts": [{"location": {"uri": uri}}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _sarif_rule(info: RuleInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": info.title_en,
        "shortDescription": {"text": f"{info.title_zh} / {info.title_en}"},
        "fullDescription": {"text": info.rationale},
        "help": {"text": f"{info.rationale} ({info.source})"},
        "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity]},
        "properties": {"source": info.source, "title_zh": info.title_zh, "severity": info.severity.value},
    }
