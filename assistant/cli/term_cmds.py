"""term: look a term up in the term base — by Chinese or English term, abbreviation or description — with every
definition side by side and its source. Importing this module also registers the TRM-1xx rules, so that
`stdraft check` reports term conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

import assistant.terms.rules as _term_rules  # noqa: F401  (registers TRM-101 … TRM-109 with `stdraft check`)
from assistant.cli.output import emit_json


def register(app: typer.Typer) -> None:
    app.command("term", help="Look up a term: all definitions side by side with their sources / "
                             "查询术语：并列给出各来源的定义")(term)


def term(
    query: Annotated[str, typer.Argument(help="Chinese or English term, abbreviation or a description / 术语或描述")],
    json: Annotated[bool, typer.Option("--json", help="JSON output / 输出JSON")] = False,
    doc: Annotated[list[Path] | None, typer.Option("--doc", help="Also take the term entries of this document / "
                                                   "同时收录该文件的术语条目")] = None,
    limit: Annotated[int, typer.Option("--limit", "-k", help="Description matches to show / 描述检索返回条数")] = 5,
) -> None:
    from assistant.terms.base import default_term_base

    base = default_term_base(extra_docs=doc or [], with_vectors=False)
    matches = base.lookup(query, k=limit)
    rows: list[dict[str, Any]] = [
        {
            "term_zh": m.entry.term_zh, "term_en": m.entry.term_en, "abbreviation": m.entry.abbreviation,
            "definition": m.entry.definition, "definition_en": m.entry.definition_en,
            "source": m.entry.source, "number": m.entry.number, "cited_source": m.entry.cited_source,
            "references": [r.model_dump() for r in m.entry.references], "domain": m.entry.domain,
            "origin": m.entry.origin.value, "own_words": m.entry.own_words, "matched_by": m.how,
            "score": round(m.score, 4),
        }
        for m in matches
    ]
    if json:
        emit_json({"query": query, "count": len(rows), "entries": rows})
        return
    if not rows:
        typer.echo(f"未找到“{query}” / no entry found for '{query}'")
        raise typer.Exit(1)
    for r in rows:
        where = f"{r['source']}，{r['number']}" if r["number"] else r["source"]
        names = "　".join(x for x in (r["term_zh"], r["term_en"], r["abbreviation"]) if x)
        typer.echo(f"{names}\n  [{where}]{'（本项目自拟定义 / own words）' if r['own_words'] else ''}")
        typer.echo(f"  {r['definition']}")
        if r["definition_en"] and r["definition_en"] != r["definition"]:
            typer.echo(f"  {r['definition_en']}")
        refs = "；".join(f"{x['designation']} {x['number']}".strip() for x in r["references"])
        if refs or r["cited_source"]:
            typer.echo(f"  参见 / see: {refs or r['cited_source']}")
