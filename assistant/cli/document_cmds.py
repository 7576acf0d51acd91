"""parse, outline, provisions: read one file through the document model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import emit_json
from assistant.document.loader import load_document
from assistant.document.markdown import to_markdown
from assistant.document.model import outline
from assistant.document.provisions import extract_provisions

FileArg = Annotated[Path, typer.Argument(help="A .md, .txt, .docx or .pdf file / 文件")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output / 输出JSON")]


def register(app: typer.Typer) -> None:
    app.command("parse", help="Parse a document into the standard model / 解析文件")(parse)
    app.command("outline", help="List the clauses in document order / 列出章条")(outline_cmd)
    app.command("provisions", help="List provisions with their verbal forms / 列出条款的助动词")(provisions)


def parse(file: FileArg, json: JsonOpt = False, markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the project's Markdown form / 输出Markdown")] = False) -> None:
    document = load_document(file)
    if markdown:
        typer.echo(to_markdown(document), nl=False)
        return
    if json:
        emit_json(document.model_dump(mode="json", exclude_none=True))
        return
    meta = document.meta
    typer.echo(f"{meta.designation or '-'}  {meta.title}  [{meta.structure.value}, {meta.language}]")
    typer.echo(f"{sum(1 for _ in document.walk())} units, {len(document.term_entries())} term entries")


def outline_cmd(file: FileArg, json: JsonOpt = False) -> None:
    items = outline(load_document(file))
    if json:
        emit_json([item.model_dump(mode="json", exclude_none=True) for item in items])
        return
    for item in items:
        mark = "" if item.normative is None else ("（规范性）" if item.normative else "（资料性）")
        typer.echo(f"{'  ' * (item.level - 1)}{item.number} {item.title}{mark}".rstrip())


def provisions(file: FileArg, json: JsonOpt = False) -> None:
    found = [p for p in extract_provisions(load_document(file)) if p.verbal_form]
    if json:
        emit_json([p.model_dump(mode="json", exclude_none=True) for p in found])
        return
    for p in found:
        typer.echo(f"{p.clause}\t{p.type.value}\t{p.verbal_form}\t{p.text}")
