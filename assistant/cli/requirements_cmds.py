"""requirements: verifiability and feasibility review of a draft's requirements, with evidence and rewrites."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.output import emit_json
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:
    from assistant.requirements.review import EvidenceSearch


def register(app: typer.Typer) -> None:
    app.command("requirements", help="Review requirements: verifiable and feasible? / 要求可验证性与可行性审查")(
        requirements)


def requirements(
    file: Annotated[Path, typer.Argument(help="A .md, .txt, .docx or .pdf file / 文件")],
    json: Annotated[bool, typer.Option("--json")] = False,
    evidence: Annotated[bool, typer.Option("--evidence/--no-evidence", help="Cite corpus evidence (needs an index)")]
    = True,
) -> None:
    from assistant.document.loader import load_document
    from assistant.llm.providers import chat_model, describe
    from assistant.requirements.review import review_document

    settings = get_settings()
    document = load_document(file)
    search = _evidence_search(settings) if evidence else None
    reviews = review_document(document, llm=chat_model(settings), search=search)
    if json:
        emit_json([r.model_dump(mode="json") for r in reviews])
        return
    typer.echo(f"LLM: {describe(settings)}")
    for r in reviews:
        typer.echo(f"\n{r.clause}  {r.text}")
        for d in r.findings:
            typer.echo(f"  [{d.rule}] {d.reason_zh} / {d.reason_en}")
        for e in r.evidence:
            typer.echo(f"  证据 evidence: [{e.citation}] {e.text[:100]}")
        if r.rewrite:
            label = "建议改写 (LLM)" if r.rewrite.source == "llm" else "建议改写 (模板 template)"
            typer.echo(f"  {label}: {r.rewrite.text}")
    typer.echo(f"\n{len(reviews)} requirements with findings")


def _evidence_search(settings: Settings) -> EvidenceSearch | None:
    """Corpus evidence when an index exists; the review runs without it otherwise."""
    from assistant.corpus.index import open_index
    from assistant.corpus.search import run_search
    from assistant.requirements.review import EvidenceUnit
    from retrieval.errors import RetrievalError

    if not (settings.index_dir / "manifest.sqlite3").is_file():
        return None
    index = open_index(settings)

    def search(text: str, k: int) -> list[EvidenceUnit]:
        try:
            return [EvidenceUnit(citation=r.citation, text=r.text) for r in run_search(index, text, k=k)]
        except RetrievalError:
            return []

    return search
