"""Drafting evaluation: retrieval into the prompt, citation verification and checks, per drafting request.

With the scripted server (always run) the "model" answers each request from the units a good answer must
cite, adds one fabricated citation, and cites nothing else: this measures the pipeline around the model —
retrieval hit rate into the prompt, whether citation verification keeps every retrieved citation and removes
every other one, and how many drafted elements pass the checks. When STDRAFT_LLM_* configures a real
endpoint, the same requests go to it and the same table is printed, so a team with an LLM can measure it.

    python -m evals.drafting.run [--data DIR] [--public] [--no-scripted] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from langchain_core.language_models.chat_models import BaseChatModel  # noqa: E402
from langchain_openai import ChatOpenAI  # noqa: E402
from pydantic import SecretStr  # noqa: E402

from assistant.corpus.index import open_index  # noqa: E402
from assistant.corpus.ingest import collect_files, ingest  # noqa: E402
from assistant.document.loader import load_document  # noqa: E402
from assistant.document.model import Clause, Document  # noqa: E402
from assistant.drafting.context import ContextUnit, retrieve  # noqa: E402
from assistant.drafting.pipeline import DraftResult, draft  # noqa: E402
from assistant.drafting.tasks import DraftRequest, Task, detect  # noqa: E402
from assistant.llm.providers import chat_model, describe  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from retrieval.index import RetrievalIndex  # noqa: E402
from tests.support.llm_server import scripted_llm_server  # noqa: E402

FABRICATED = "GB/T 46347—2025，7.2"
Key = tuple[str, str]


def unit_key(u: ContextUnit) -> Key:
    return Path(u.source_path).name, u.number


def load_docs(files: list[Path]) -> dict[str, Document]:
    return {p.name: load_document(p) for p in files}


def find_clause(doc: Document, number: str) -> Clause | None:
    return next((c for c in doc.walk() if c.number == number), None)


def first_sentences(text: str, n: int = 2) -> str:
    parts = [p for p in text.replace("\n", "").split("。") if p.strip()]
    return "。".join(parts[:n]) + "。" if parts else text


def scripted_reply(case: dict[str, Any], request: DraftRequest, units: list[ContextUnit],
                   docs: dict[str, Document]) -> tuple[str, list[str], list[str]]:
    """An ideal answer from the must-cite units: (reply, citations that must be kept, that must be removed)."""
    by_key = {unit_key(u): u for u in units}
    keep: list[str] = []
    remove: list[str] = [FABRICATED]
    body: list[str] = []
    entry_text = ""
    for must in case["must_cite"]:
        key = (must["file"], str(must["number"]))
        doc = docs.get(must["file"])
        clause = find_clause(doc, key[1]) if doc else None
        if key in by_key:
            citation = by_key[key].citation
            keep.append(citation)
        else:
            citation = f"{doc.meta.doc_id if doc else must['file']}，{key[1]}"
            remove.append(citation)  # not retrieved: verification must drop it even though it is "true"
        text = clause.text() if clause else ""
        entry = clause.term_entry if clause else None
        if entry is not None and not entry_text:
            entry_text = (f"### {request.number or '3.1'}\n**{entry.term_zh}**　{entry.term_en}\n{entry.definition}"
                          f"\n注：另见[{FABRICATED}]。\n\n[来源：{citation}]")
        body.append(f"{first_sentences(text)}[{citation}]")
    if request.task == Task.TERM and entry_text:
        return entry_text, keep, remove
    heading = {Task.CLAUSE: f"#### {request.number or '5.9'}　条款\n", Task.SCOPE: "## 1　范围\n"}.get(request.task, "")
    return heading + "\n\n".join(body) + f"另见[{FABRICATED}]。", keep, remove


def evaluate(cases: list[dict[str, Any]], index: RetrievalIndex, docs: dict[str, Document], terms_dir: Path,
             llm: BaseChatModel | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    rows = []
    for case in cases:
        request = detect(case["request"])
        detected = request.task.value == case["task"]
        request.task = Task(case["task"])
        units = retrieve(index, request)
        keys = {unit_key(u) for u in units}
        must = [(m["file"], str(m["number"])) for m in case["must_cite"]]
        row: dict[str, Any] = {"id": case["id"], "task": case["task"], "task_detected": detected,
                               "hit": any(m in keys for m in must),
                               "recall": sum(m in keys for m in must) / len(must)}
        if llm is None:
            reply, keep, remove = scripted_reply(case, request, units, docs)
            with scripted_llm_server([reply]) as server:
                model = ChatOpenAI(base_url=server.base_url, api_key=SecretStr("eval"), model="scripted-model",
                                   max_retries=0, timeout=30)
                result = draft(request, index, model, terms_dir)
            removed = {r.citation for r in result.removed_citations}
            decisions = [c in result.citations for c in keep] + [c in removed for c in remove]
            row["citation_accuracy"] = sum(decisions) / len(decisions)
            row["fabricated_removed"] = FABRICATED in removed and FABRICATED not in result.text
        else:
            t = time.perf_counter()
            result = draft(request, index, llm, terms_dir)
            row["latency_s"] = time.perf_counter() - t
            cited = {unit_key(u) for u in units if u.citation in result.citations}
            row["cites_must"] = any(m in cited for m in must)
            row["removed"] = len(result.removed_citations)
        row |= _result_fields(result)
        rows.append(row)
    return summarise(rows, llm is None), rows


def _result_fields(result: DraftResult) -> dict[str, Any]:
    return {"passed": result.passed if result.task != Task.ANSWER else None,
            "findings": [f"{f.rule}:{f.clause}" for f in result.findings],
            "overhead_ms": result.timings.overhead_ms, "citations": result.citations,
            "removed_citations": [r.citation for r in result.removed_citations]}


def summarise(rows: list[dict[str, Any]], scripted: bool) -> dict[str, Any]:
    checked = [r["passed"] for r in rows if r["passed"] is not None]
    overhead = sorted(r["overhead_ms"] for r in rows)
    s: dict[str, Any] = {
        "requests": len(rows),
        "task_detection": sum(r["task_detected"] for r in rows) / len(rows),
        "retrieval_hit_rate": sum(r["hit"] for r in rows) / len(rows),
        "must_cite_recall": statistics.mean(r["recall"] for r in rows),
        "check_pass_rate": sum(checked) / len(checked) if checked else None,
        "overhead_ms_p50": statistics.median(overhead),
        "overhead_ms_p95": overhead[max(0, round(0.95 * len(overhead)) - 1)],
    }
    if scripted:
        s["citation_accuracy"] = statistics.mean(r["citation_accuracy"] for r in rows)
        s["fabricated_removed_rate"] = sum(r["fabricated_removed"] for r in rows) / len(rows)
    else:
        s["answers_citing_a_must_unit"] = sum(r["cites_must"] for r in rows) / len(rows)
        s["removed_citations_per_answer"] = statistics.mean(r["removed"] for r in rows)
        s["latency_s_p50"] = statistics.median(r["latency_s"] for r in rows)
    return s


def print_table(label: str, summary: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    print(f"\n{label}")
    for key, value in summary.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"  {key:<32} {shown}")
    by_task: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_task.setdefault(r["task"], []).append(r)
    print(f"  {'task':<10} {'n':>3} {'hit':>6} {'recall':>7} {'pass':>6}")
    for task, group in by_task.items():
        checked = [r["passed"] for r in group if r["passed"] is not None]
        passed = f"{sum(checked) / len(checked):.2f}" if checked else "-"
        print(f"  {task:<10} {len(group):>3} {sum(r['hit'] for r in group) / len(group):>6.2f} "
              f"{statistics.mean(r['recall'] for r in group):>7.2f} {passed:>6}")
    misses = [r["id"] for r in rows if not r["hit"]]
    if misses:
        print(f"  retrieval misses: {', '.join(misses)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=Path, default=ROOT / "evals" / "drafting" / "requests.yaml")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "eval-drafting")
    parser.add_argument("--public", action="store_true", help="index the public corpus too (slower first run)")
    parser.add_argument("--no-scripted", action="store_true", help="only the real endpoint")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--json", type=Path, default=ROOT / "evals" / "drafting" / "results.json")
    args = parser.parse_args()

    cases = yaml.safe_load(args.requests.read_text(encoding="utf-8"))
    cases = cases[: args.limit] if args.limit else cases
    env = Settings()  # STDRAFT_LLM_* from the environment decide whether a real endpoint is measured
    settings = Settings(data_dir=args.data)
    paths = settings.default_corpus_paths if args.public else [settings.corpus_dir / "standards"]
    files = collect_files(paths)
    docs = load_docs(files)
    for case in cases:  # a label naming a unit that does not exist would count as a miss forever
        for m in case["must_cite"]:
            doc = docs.get(m["file"])
            if doc is None or find_clause(doc, str(m["number"])) is None:
                print(f"warning: {case['id']}: {m['file']} {m['number']} is not a unit of the corpus")
    start = time.perf_counter()
    results: dict[str, Any] = {}
    with open_index(settings) as index:
        report = ingest(files, index, settings)
        print(f"index: {len(report.files)} files ({time.perf_counter() - start:.0f} s)")
        terms_dir = settings.corpus_dir / "terms"
        if not args.no_scripted:
            summary, rows = evaluate(cases, index, docs, terms_dir, None)
            print_table("scripted server (pipeline around the model)", summary, rows)
            results["scripted"] = {"summary": summary, "rows": rows}
        llm = chat_model(env)
        if llm is not None:
            summary, rows = evaluate(cases, index, docs, terms_dir, llm)
            print_table(f"real endpoint: {describe(env)}", summary, rows)
            results["real"] = {"endpoint": describe(env), "summary": summary, "rows": rows}
        else:
            print("\nno real endpoint: set STDRAFT_LLM_PROVIDER/BASE_URL/MODEL to measure one "
                  "/ 未配置大模型，跳过真实端点评测")
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
