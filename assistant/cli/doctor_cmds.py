"""doctor: what is configured, and whether each part answers."""

from __future__ import annotations

import time
from typing import Annotated, Any

import typer

from assistant import __version__
from assistant.cli.output import emit_json
from assistant.settings import Settings, get_settings


def register(app: typer.Typer) -> None:
    app.command("doctor", help="Show the configuration and check each part / 检查配置与各组件状态")(doctor)


def doctor(json: Annotated[bool, typer.Option("--json")] = False) -> None:
    settings = get_settings()
    report: dict[str, Any] = {"version": __version__, "data_dir": str(settings.data_dir.resolve()),
                              "public_corpus": str(settings.public_corpus_dir) if settings.public_corpus_dir.is_dir()
                              else None}
    report["embedding"] = _check(lambda: _embedding(settings))
    report["index"] = _check(lambda: _index(settings))
    report["llm"] = _check(lambda: _llm(settings))
    if json:
        emit_json(report)
        return
    typer.echo(f"stdraft {__version__}")
    typer.echo(f"数据目录 data dir:     {report['data_dir']}")
    typer.echo(f"公开语料 public corpus: {report['public_corpus'] or '未找到 / not present'}")
    for key, label in (("embedding", "嵌入模型 embedding"), ("index", "索引 index"), ("llm", "大模型 LLM")):
        part = report[key]
        mark = "✓" if part["ok"] else "✗"
        typer.echo(f"{mark} {label}: {part.get('detail', '')}{'  — ' + part['error'] if part.get('error') else ''}")


def _check(probe: Any) -> dict[str, Any]:
    try:
        return {"ok": True, **probe()}
    except Exception as exc:  # doctor reports every failure instead of stopping at the first
        return {"ok": False, "error": f"{exc.__class__.__name__}: {exc}"}


def _embedding(settings: Settings) -> dict[str, Any]:
    from assistant.corpus.index import retrieval_config
    from retrieval.embedders import build_embedder

    config = retrieval_config(settings)
    start = time.perf_counter()
    embedder = build_embedder(config.embedder)
    vector = embedder.embed_queries(["人工智能 风险管理"])
    return {"detail": f"{settings.embedding_model} (dim {vector.shape[1]}, {time.perf_counter() - start:.2f} s)"}


def _index(settings: Settings) -> dict[str, Any]:
    from assistant.corpus.index import open_index

    store = f"Chroma server {settings.chroma_url}" if settings.chroma_url else "embedded Chroma"
    if not (settings.index_dir / "manifest.sqlite3").is_file():
        return {"detail": f"空 / empty ({store}); run `stdraft ingest PATH`", "documents": 0, "units": 0}
    with open_index(settings) as index:
        docs = index.documents()
        units = sum(d.unit_count for d in docs)
    return {"detail": f"{len(docs)} documents, {units} units ({store})", "documents": len(docs), "units": units}


def _llm(settings: Settings) -> dict[str, Any]:
    from assistant.llm.providers import chat_model, describe

    model = chat_model(settings)
    if model is None:
        return {"detail": describe(settings), "mode": "no-llm"}
    start = time.perf_counter()
    answer = model.invoke("ping")
    return {"detail": f"{describe(settings)} answered in {time.perf_counter() - start:.1f} s",
            "mode": "llm", "sample": str(answer.content)[:60]}
