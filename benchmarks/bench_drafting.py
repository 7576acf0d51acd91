"""Drafting benchmark: time to first token and the overhead the assistant adds around the LLM.

    python benchmarks/bench_drafting.py [--out benchmarks/results] [--repeat 3] [--data DIR]

Every request of evals/drafting/requests.yaml runs through the whole pipeline against the scripted
OpenAI-compatible server on loopback (streaming, through LangChain's ChatOpenAI), answering with the
evaluation's grounded reply for that request (one fabricated citation included), so the model itself costs
almost nothing and what is measured is the assistant: retrieval (query embedding, hybrid search), prompt
building, citation verification, parsing and checks. Time to first token is from the start of the request
to the first verified token; the same figure for a bare ChatOpenAI stream to the same server is the baseline.

Target (issue #7): overhead p95 ≤ 300 ms. The index is the one of the drafting evaluation
(data/eval-drafting, built from corpus/standards on the first run).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from langchain_core.messages import HumanMessage  # noqa: E402
from langchain_openai import ChatOpenAI  # noqa: E402
from pydantic import SecretStr  # noqa: E402

from assistant.corpus.index import open_index  # noqa: E402
from assistant.corpus.ingest import collect_files, ingest  # noqa: E402
from assistant.drafting.context import retrieve  # noqa: E402
from assistant.drafting.pipeline import Done, Token, run  # noqa: E402
from assistant.drafting.tasks import Task, detect  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from benchmarks.common import median, peak_rss_mb, percentile, write_result  # noqa: E402
from evals.drafting.run import load_docs, scripted_reply  # noqa: E402
from tests.support.llm_server import scripted_llm_server  # noqa: E402

REPLY = ("#### 5.3.5　风险登记\n组织应在识别风险后5个工作日内将其记入风险登记册[GB/T 90002—2026，5.3.4]，"
         "记录风险描述、来源、可能性、后果和责任人。风险登记册应每季度评审一次[GB/T 46347—2025，7.2]。")
WARMUP = 3  # the first requests load the embedder, the tokenizer dictionaries and the rule modules


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "eval-drafting")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    cases = yaml.safe_load((ROOT / "evals" / "drafting" / "requests.yaml").read_text(encoding="utf-8"))
    settings = Settings(data_dir=args.data)
    terms_dir = settings.corpus_dir / "terms"
    load_start = os.getloadavg()[0]
    with open_index(settings) as index, scripted_llm_server([REPLY]) as server:
        start = time.perf_counter()
        ingest(collect_files([settings.corpus_dir / "standards"]), index, settings)
        index_s = time.perf_counter() - start
        llm = ChatOpenAI(base_url=server.base_url, api_key=SecretStr("bench"), model="scripted-model",
                         max_retries=0, timeout=30)
        ttft, overhead, retrieval, checks, total, bare = [], [], [], [], [], []
        requests = [c for _ in range(args.repeat) for c in cases]
        docs = load_docs(collect_files([settings.corpus_dir / "standards"]))
        for i, case in enumerate(requests):
            request = detect(case["request"])
            request.task = Task(case["task"])
            # each request gets the evaluation's grounded answer, so the checks see varied, realistic text
            server.replies = [scripted_reply(case, request, retrieve(index, request), docs)[0]]
            t0 = time.perf_counter()
            first: float | None = None
            for event in run(request, index, llm, terms_dir):
                if isinstance(event, Token) and first is None:
                    first = time.perf_counter() - t0
                elif isinstance(event, Done):
                    timings = event.result.timings
            end = time.perf_counter() - t0
            t1 = time.perf_counter()
            bare_first: float | None = None
            # read the stream to its end: leaving early resets the connection under the server's feet
            for _chunk in llm.stream([HumanMessage(content=case["request"])]):
                if bare_first is None:
                    bare_first = time.perf_counter() - t1
            if i < WARMUP:
                continue
            ttft.append((first or end) * 1000)
            total.append(end * 1000)
            overhead.append(timings.overhead_ms)
            retrieval.append(timings.retrieval_ms)
            checks.append(timings.checks_ms)
            bare.append((bare_first or 0.0) * 1000)

    def stats(values: list[float]) -> dict[str, float]:
        return {"p50": round(median(values), 1), "p95": round(percentile(values, 95), 1)}

    result = {
        "requests": len(ttft), "index_s": round(index_s, 1),
        "time_to_first_token_ms": stats(ttft), "bare_llm_first_token_ms": stats(bare),
        "overhead_ms": stats(overhead), "retrieval_ms": stats(retrieval), "checks_ms": stats(checks),
        "end_to_end_ms": stats(total),
        "target_overhead_p95_ms": 300, "meets_target": percentile(overhead, 95) <= 300,
        "peak_rss_mb": round(peak_rss_mb()), "load_avg": [round(load_start, 2), round(os.getloadavg()[0], 2)],
    }
    path = write_result(args.out, "drafting", result)
    for key in ("time_to_first_token_ms", "bare_llm_first_token_ms", "overhead_ms", "retrieval_ms", "checks_ms",
                "end_to_end_ms"):
        print(f"{key:<26} p50 {result[key]['p50']:>7} ms   p95 {result[key]['p95']:>7} ms")  # type: ignore[index]
    print(f"overhead p95 ≤ 300 ms: {'yes' if result['meets_target'] else 'NO'}  → {path}")


if __name__ == "__main__":
    main()
