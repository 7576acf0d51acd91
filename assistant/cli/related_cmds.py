"""refs, overlap, map: related standards of a draft (overlap with the corpus, place in the AI standards system)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.output import emit_json


def register(app: typer.Typer) -> None:
    app.command("refs", help="Suggested normative references for a draft, in chapter 2 order / "
                             "建议的规范性引用文件")(refs)
    app.command("overlap", help="Clauses of a draft already covered by (or conflicting with) the corpus / "
                                "草案与现有标准的重复和冲突")(overlap)
    app.command("map", help="Place the corpus (and a draft) in the national AI standards system / "
                            "标准体系图")(system_map)


def overlap(
    draft: Annotated[Path, typer.Argument(help="DRAFT: .md/.txt/.docx/.pdf / 草案文件")],
    json: Annotated[bool, typer.Option("--json", help="Output JSON / 输出JSON")] = False,
) -> None:
    from collections import Counter

    from assistant.corpus.index import open_index
    from assistant.document.loader import load_document
    from assistant.related.candidates import index_finder
    from assistant.settings import get_settings

    document = load_document(draft)
    with open_index(get_settings()) as index:
        report = index_finder(index).report(document, name=draft.name)
    if json:
        emit_json(report.model_dump(mode="json"))
        return
    names = {"duplicate": "重复 duplicate", "stricter": "更严 stricter", "looser": "更宽 looser",
             "contradicting": "冲突 contradicting"}
    for c in report.clauses:
        for m in c.matches:
            also = f"（另见 also in: {'; '.join(x.citation for x in m.copies)}）" if m.copies else ""
            typer.echo(f"{c.number}\t{names.get(m.relation, m.relation)}\t{m.similarity:.3f}\t{m.citation}{also}")
    shared = Counter(s.designation for s in report.summary)
    for s in report.summary:
        # two files can carry one designation (the NIST RMF and its core): then the file tells them apart
        name = s.designation or s.source_file
        if s.designation and shared[s.designation] > 1:
            name = f"{s.designation} [{s.source_file}]"
        typer.echo(f"草案要求条款的 {s.covered_percent:.0f}% 已见于 {name}（{s.clauses} 条）/ "
                   f"{s.covered_percent:.0f} % of the draft's requirements are already covered by "
                   f"{name} ({s.clauses} clauses)")


def system_map(
    draft: Annotated[Path | None, typer.Option("--draft", help="Also place this draft / 同时定位草案")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder (or .html file) / 输出文件夹")] = Path("."),
    json: Annotated[bool, typer.Option("--json", help="Also print the placements as JSON / 输出JSON")] = False,
) -> None:
    from assistant.corpus.ingest import collect_files
    from assistant.document.loader import load_document
    from assistant.related.placement import Placer
    from assistant.related.sysmap import build_map, render_html
    from assistant.settings import get_settings

    files = collect_files(get_settings().default_corpus_paths)
    docs = [(load_document(p), p) for p in files]
    draft_doc = (load_document(draft), draft) if draft else None
    result = build_map(docs, Placer(), draft_doc)
    page = output if output.suffix.lower() in (".html", ".htm") else output / "system-map.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(render_html(result, page.parent), encoding="utf-8")
    if json:
        emit_json(result.model_dump(mode="json"))
    else:
        typer.echo(f"标准体系图 / system map: {page}（{result.total} 份文件 documents，"
                   f"{len(result.gaps())} 个空白 gaps）")


def refs(
    draft: Annotated[Path, typer.Argument(help="DRAFT: .md/.txt/.docx/.pdf / 草案文件")],
    json: Annotated[bool, typer.Option("--json", help="Output JSON / 输出JSON")] = False,
    with_overlap: Annotated[bool, typer.Option("--overlap", help="Also use restated provisions (searches the "
                                               "index; slower) / 同时依据重复条款")] = False,
) -> None:
    from assistant.corpus.ingest import collect_files
    from assistant.document.loader import load_document
    from assistant.related.references import CorpusDocument, chapter_2, suggest_references
    from assistant.settings import get_settings

    settings = get_settings()
    document = load_document(draft)
    corpus = [CorpusDocument.of(load_document(p), p) for p in collect_files(settings.default_corpus_paths)]
    report = None
    if with_overlap:
        from assistant.corpus.index import open_index
        from assistant.related.candidates import index_finder

        with open_index(settings) as index:
            report = index_finder(index).report(document)
    suggestions = suggest_references(document, corpus, report)
    if json:
        emit_json({"draft": draft.name, "suggestions": [s.model_dump(mode="json") for s in suggestions],
                   "chapter_2": chapter_2(suggestions)})
        return
    for s in suggestions:
        mark = "" if s.listed else "  [not listed]"
        typer.echo(f"{s.designation}　{s.title}{mark}\n    {'; '.join(s.reasons)}")
