"""check and rules: run the GB/T 1.1 drafting checks on one file, and list the rule catalogue.

Exit codes of `stdraft check`: 0 when there is no error-severity finding, 1 when there is at least one,
2 for bad input (unreadable file, --annotate on a non-.docx input; raised as InputError, which main turns
into exit 2).
"""

from __future__ import annotations

import json as jsonlib
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import emit_json

FileArg = Annotated[Path, typer.Argument(help="A .md, .txt, .docx or .pdf file / 文件")]


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"


def register(app: typer.Typer) -> None:
    app.command("check", help="Check a draft against GB/T 1.1-2020 / 按GB/T 1.1检查草案 "
                              "(exit 0: no errors, 1: errors found, 2: bad input)")(check)
    app.command("rules", help="List the check rules / 列出检查规则")(rules_cmd)


def check(
    file: FileArg,
    json: Annotated[bool, typer.Option("--json", help="JSON list of findings / 输出JSON")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, json or sarif / 输出格式")] = Format.TEXT,
    annotate: Annotated[Path | None, typer.Option("--annotate", help="Write OUT.docx with a Word comment per "
                                                  "finding (.docx input only) / 输出带批注的.docx")] = None,
    only: Annotated[list[str] | None, typer.Option("--rule", "-r", help="Run only these rules or families "
                                                   "(VF-001, NUM) / 只运行指定规则")] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report")] = None,
) -> None:
    from assistant.checks import all_rules, run_checks
    from assistant.checks.annotate import annotate_docx
    from assistant.checks.model import Severity
    from assistant.checks.report import render_text, to_json, to_sarif
    from assistant.document.errors import InputError
    from assistant.document.loader import load_document

    if annotate is not None and file.suffix.lower() != ".docx":
        # refuse before doing any work: annotating needs the original Word file to anchor comments in
        raise InputError(str(file), "--annotate needs a .docx input; annotating an exported copy of other "
                                    "formats is not supported / 批注仅支持.docx输入")
    document = load_document(file)
    findings = run_checks(document, only=only)
    if annotate is not None:
        written = annotate_docx(file, findings, annotate, document=document)
        typer.echo(f"{written} comments written to {annotate} / 已写入{written}条批注", err=True)
    chosen = Format.JSON if json else fmt
    if chosen == Format.JSON:
        emit_json(to_json(findings))
    elif chosen == Format.SARIF:
        from importlib.metadata import PackageNotFoundError, version

        try:
            tool_version = version("stdraft")
        except PackageNotFoundError:
            tool_version = ""
        sys.stdout.write(jsonlib.dumps(to_sarif(findings, all_rules(), str(file), tool_version),
                                       ensure_ascii=False, indent=2) + "\n")
    else:
        typer.echo(render_text(findings, str(file), color=color), nl=False)
    if any(f.severity == Severity.ERROR for f in findings):
        raise typer.Exit(1)


def rules_cmd(json: Annotated[bool, typer.Option("--json", help="JSON output / 输出JSON")] = False) -> None:
    from assistant.checks import all_rules

    catalogue = all_rules()
    if json:
        emit_json([r.describe() for r in catalogue])
        return
    for r in catalogue:
        typer.echo(f"{r.id}\t{r.severity.value}\t{r.title_zh} / {r.title_en}\t[{r.source}]\n\t\t{r.rationale}")
