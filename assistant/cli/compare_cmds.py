"""compare: clause-by-clause comparison of two documents (files or corpus designations).

Exit codes: 0 on success, 2 for bad input (raised as InputError, which main turns into exit 2).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import emit_json


class Mode(StrEnum):
    AUTO = "auto"
    MONOLINGUAL = "monolingual"
    CROSSLINGUAL = "crosslingual"


class Degree(StrEnum):
    IDT = "IDT"
    MOD = "MOD"


def register(app: typer.Typer) -> None:
    app.command("compare", help="Compare two documents clause by clause / 逐条比较两个文件 "
                                "(A, B: .md/.txt/.docx/.pdf files or corpus designations)")(compare)


def compare(
    left: Annotated[str, typer.Argument(help="LEFT: earlier version or the international text / 左：旧版或国际文件")],
    right: Annotated[str, typer.Argument(help="RIGHT: later version or the national text / 右：新版或国家标准")],
    json: Annotated[bool, typer.Option("--json", help="JSON: pairs with left, right, status, diff; tables with "
                                                      "their cell changes / 输出JSON")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="Write a side-by-side HTML report / 输出HTML报告")] = None,
    docx: Annotated[Path | None, typer.Option("--docx", help="Write a .docx comparison table / 输出.docx报告")] = None,
    adoption: Annotated[Degree | None, typer.Option("--adoption", help="IDT or MOD: correspondence table and "
                                                    "technical deviations (LEFT = ISO/IEC text) / 采用模式")] = None,
    mode: Annotated[Mode, typer.Option("--mode", help="auto (by language), monolingual or crosslingual")] = Mode.AUTO,
    all_units: Annotated[bool, typer.Option("--all", help="List unchanged units too / 列出未变单元")] = False,
) -> None:
    from assistant.compare.adoption import adoption_report, correspondence_markdown
    from assistant.compare.api import compare_documents
    from assistant.compare.model import STATUS_ZH, Status
    from assistant.compare.report_docx import write_docx
    from assistant.compare.report_html import render_html
    from assistant.compare.sources import resolve

    left_doc, left_label = resolve(left)
    right_doc, right_label = resolve(right)
    crosslingual = None if mode == Mode.AUTO else mode == Mode.CROSSLINGUAL
    result = compare_documents(left_doc, right_doc, crosslingual=crosslingual,
                               left_label=left_label, right_label=right_label)
    if html is not None:
        html.write_text(render_html(result, show_unchanged=True), encoding="utf-8")
        typer.echo(f"HTML report written to {html} / 已写入HTML报告", err=True)
    if docx is not None:
        write_docx(result, docx, show_unchanged=all_units)
        typer.echo(f".docx report written to {docx} / 已写入.docx报告", err=True)
    report = None
    if adoption is not None:
        source = left_doc.meta.designation or left_label
        report = adoption_report(result, adoption.value, source)
    if json:
        data = result.to_json()
        if report is not None:
            data["adoption"] = {**report.model_dump(mode="json"), "foreword": report.foreword()}
        emit_json(data)
        return
    counts = ", ".join(f"{STATUS_ZH[Status(k)]} {k} {v}" for k, v in result.summary.counts.items() if v)
    typer.echo(f"{left_label} → {right_label} [{result.mode}]: {counts}")
    for p in result.pairs:
        if p.status == Status.UNCHANGED and not all_units:
            continue
        why = f"  ({'; '.join(p.changes)})" if p.changes else ""
        typer.echo(f"  {p.left or '—':>10} → {p.right or '—':<10} {p.status.value}{why}")
    for t in result.tables:
        if t.status != "unchanged":
            typer.echo(f"  {t.left_unit or '—':>10} → {t.right_unit or '—':<10} {t.summary()}")
            for c in t.cells:
                typer.echo(f"{'':>16}行 row {c.row} 列 column {c.column + 1}: {c.left} → {c.right}")
    if report is not None:
        typer.echo("\n" + correspondence_markdown(report))
        typer.echo("\n" + report.foreword())
