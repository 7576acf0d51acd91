"""ingest, corpus list/remove, search: the corpus behind every answer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import emit_json, fail
from assistant.settings import get_settings

corpus_app = typer.Typer(help="The indexed corpus / 语料库", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("ingest", help="Index files or folders (unchanged files are skipped) / 导入并索引文件")(ingest)
    app.command("search", help="Hybrid search with citations / 检索")(search)
    app.add_typer(corpus_app, name="corpus")


def ingest(paths: Annotated[list[Path], typer.Argument(help="Files or folders / 文件或目录")],
           json: Annotated[bool, typer.Option("--json")] = False) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from assistant.corpus.index import open_index
    from assistant.corpus.ingest import collect_files
    from assistant.corpus.ingest import ingest as run_ingest

    settings = get_settings()
    missing = [p for p in paths if not p.exists()]
    if missing:
        fail(f"{missing[0]}: no such file or folder / 文件或目录不存在")
    files = collect_files(paths)
    with open_index(settings) as index, Progress(
        TextColumn("[bold]导入 ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        transient=True, disable=json,
    ) as bar:
        task = bar.add_task("", total=len(files))
        report = run_ingest(files, index, settings,
                            progress=lambda path, _r: bar.update(task, advance=1, description=path.name))
    if json:
        emit_json(report.model_dump(mode="json"))
    else:
        counts: dict[str, int] = {}
        for f in report.files:
            counts[f.status] = counts.get(f.status, 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        typer.echo(f"{len(report.files)} files: {summary}; {sum(f.units for f in report.files)} units")
        for f in report.errors:
            typer.echo(f"stdraft: error: {f.path}: {f.error}", err=True)
    if report.errors:
        raise typer.Exit(2)


@corpus_app.command("list", help="Documents in the index / 已索引的文件")
def corpus_list(json: Annotated[bool, typer.Option("--json")] = False) -> None:
    from assistant.corpus.index import open_index

    with open_index(get_settings()) as index:
        docs = index.documents()
    if json:
        emit_json([d.model_dump(mode="json") for d in docs])
        return
    if not docs:
        typer.echo("索引为空 / the index is empty: run `stdraft ingest PATH`")
    for d in docs:
        typer.echo(f"{d.doc_id}\t{d.unit_count} units\t{d.language}\t{d.title}")


@corpus_app.command("remove", help="Remove a document by designation or id / 删除文件")
def corpus_remove(designation: Annotated[str, typer.Argument(help="e.g. 'GB/T 90001—2026'")]) -> None:
    from assistant.corpus.index import open_index
    from assistant.corpus.ingest import remove

    settings = get_settings()
    with open_index(settings) as index:
        targets = remove(designation, index, settings)
    if not targets:
        fail(f"{designation}: not in the index / 索引中没有该文件")
    typer.echo(f"removed {', '.join(targets)}")


def search(
    query: Annotated[str, typer.Argument(help="Chinese or English / 中文或英文")],
    k: Annotated[int, typer.Option("-k", help="Number of results")] = 10,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only this document (designation or id)")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="clause, term, article, note, …")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="zh or en")] = None,
    normative: Annotated[bool | None, typer.Option("--normative/--informative")] = None,
    mode: Annotated[str, typer.Option(help="hybrid, bm25 or dense")] = "hybrid",
    json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    from assistant.corpus.index import open_index
    from assistant.corpus.search import run_search

    if lang not in (None, "zh", "en"):
        fail(f"--lang {lang}: use zh or en")
    if mode not in ("hybrid", "bm25", "dense"):
        fail(f"--mode {mode}: use hybrid, bm25 or dense")
    with open_index(get_settings()) as index:
        results = run_search(index, query, k=k, docs=doc, kinds=kind, language=lang, normative=normative,
                             mode=mode)
    if json:
        emit_json([r.model_dump(mode="json") for r in results])
        return
    for r in results:
        typer.echo(f"{r.rank:>2}. [{r.citation}] {r.title}  ({r.score:.3f})")
        typer.echo("    " + r.text[:160].replace("\n", " "))
