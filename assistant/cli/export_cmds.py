"""export: a document (any format the parsers read) to a .docx in GB/T 1.1 layout, optionally tracked against OLD."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import fail
from assistant.document.model import Stage


def register(app: typer.Typer) -> None:
    app.command("export", help="Write a .docx in GB/T 1.1 layout; --against OLD shows changes as Word revisions "
                               "/ 导出GB/T格式的Word文件")(export)


def export(
    file: Annotated[Path, typer.Argument(help="A .md, .txt, .docx or .pdf file / 文件")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The .docx to write / 输出文件")],
    stage: Annotated[str | None, typer.Option("--stage", help="征求意见稿, 送审稿, 报批稿 or published; "
                                              "overrides the document's stage / 文件阶段")] = None,
    against: Annotated[Path | None, typer.Option("--against", help="An earlier version: differences become "
                                                 "tracked changes / 与旧版比较，以修订标记显示")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="Reference .docx with the styles "
                                                  "(default templates/gbt-reference.docx) / 样式模板")] = None,
    with_findings: Annotated[bool, typer.Option("--with-findings", help="Add the findings of `stdraft check` "
                                                "as Word comments / 将检查结果写为批注")] = False,
) -> None:
    from assistant.document.loader import load_document
    from assistant.export.docx_writer import write_docx
    from assistant.export.revisions import write_tracked_docx

    if out.suffix.lower() != ".docx":
        fail(f"{out}: the output must end in .docx / 输出文件应为.docx")
    chosen: Stage | None = None
    if stage is not None:
        chosen = next((s for s in Stage if s.value == stage), None)
        if chosen is None:
            fail(f"unknown stage '{stage}'; use one of {', '.join(s.value for s in Stage)} / 未知阶段")
    if template is not None and not template.is_file():
        fail(f"{template}: no such template / 模板不存在")
    document = load_document(file)
    if against is not None:
        write_tracked_docx(document, load_document(against), out, chosen, template)
    else:
        write_docx(document, out, chosen, template)
    if with_findings:
        from assistant.checks import run_checks
        from assistant.checks.annotate import annotate_docx

        # check the exported file itself, so every comment is anchored at a paragraph that exists in it
        exported = load_document(out)
        written = annotate_docx(out, run_checks(exported), out, exported)
        typer.echo(f"{written} comments / 条批注", err=True)
    typer.echo(str(out))
