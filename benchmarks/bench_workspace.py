"""Workspace load benchmark: 20 concurrent clients on loopback doing search and check for 30 s.

    python benchmarks/bench_workspace.py [--out benchmarks/results] [--clients 20] [--seconds 30] [--workers 1]

A real server (`stdraft serve`) runs in its own process on a free port, with SQLite and an index of
corpus/standards (built in data/bench-workspace on the first run, reused after). Each client logs nothing
in: it holds an API token and loops over three requests, in turn:
  - search:   GET /api/search with one of a set of Chinese, English and mixed queries;
  - check:    POST /api/check uploading a generated 100-clause draft (no cache: every request parses and
              runs all rules);
  - findings: GET /api/drafts/{id}/findings of a stored 100-clause draft (findings of an immutable version
              are cached by content hash; this is what reviewers opening the same version get).
Throughput, p50/p95 latency per kind and every non-2xx or transport error are recorded.

Target (issue #10): zero errors, check p95 ≤ 500 ms for a 100-clause draft.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.corpus.index import open_index  # noqa: E402
from assistant.corpus.ingest import ingest  # noqa: E402
from assistant.document.markdown import to_markdown  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.store.session import session_factory  # noqa: E402
from assistant.workspace.access import Role  # noqa: E402
from assistant.workspace.accounts import Accounts  # noqa: E402
from benchmarks.common import percentile, write_result  # noqa: E402
from benchmarks.generate import large_standard  # noqa: E402
from tests.support.servers import serving  # noqa: E402

QUERIES = ["风险管理能力 成熟度等级 评估", "训练数据 质量 要求", "heterogeneous computing programming model",
           "算力利用率 测试方法", "data quality characteristics accuracy completeness", "风险登记册 记录 内容",
           "统一中间表示 编译", "AI system risk treatment plan", "术语和定义 人工智能系统", "能力域 评分 规则"]


def build_index(settings: Settings) -> int:
    with open_index(settings) as index:
        report = ingest([ROOT / "corpus" / "standards"], index, settings)
        assert not report.errors, report.errors
        return len(index.documents())


async def client(url: str, token: str, draft_id: str, upload: bytes, stop: float, n: int,
                 samples: dict[str, list[float]], errors: list[str]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:
        i = n
        while time.perf_counter() < stop:
            kind = ("search", "check", "findings")[i % 3]
            start = time.perf_counter()
            try:
                if kind == "search":
                    r = await http.get("/api/search", params={"q": QUERIES[i % len(QUERIES)], "k": 10})
                elif kind == "check":
                    # every upload differs from the last in one clause, as when a drafter re-checks after an edit
                    edited = upload + f"\n试验次数应不少于{i}次。\n".encode()
                    r = await http.post("/api/check", files={"file": ("draft-100.md", edited, "text/markdown")})
                else:
                    r = await http.get(f"/api/drafts/{draft_id}/findings")
                if r.status_code >= 300:
                    errors.append(f"{kind}: {r.status_code} {r.text[:100]}")
            except httpx.HTTPError as exc:
                errors.append(f"{kind}: {type(exc).__name__}")
            samples[kind].append((time.perf_counter() - start) * 1000)
            i += 1


async def load(url: str, token: str, draft_id: str, upload: bytes, clients: int, seconds: float
               ) -> tuple[dict[str, list[float]], list[str], float]:
    samples: dict[str, list[float]] = {"search": [], "check": [], "findings": []}
    errors: list[str] = []
    start = time.perf_counter()
    stop = start + seconds
    await asyncio.gather(*(client(url, token, draft_id, upload, stop, n, samples, errors) for n in range(clients)))
    return samples, errors, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "bench-workspace")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)  # one per core of this machine
    args = parser.parse_args()

    settings = Settings(data_dir=args.data)
    build_index(settings)
    token = Accounts(session_factory(settings)).add_user("bench", "bench-wg", Role.EDITOR)
    draft = to_markdown(large_standard(100, seed=11))
    upload = to_markdown(large_standard(100, seed=12)).encode()
    with serving(args.data, ["--workers", str(args.workers)], timeout=120) as (_, url):
        headers = {"Authorization": f"Bearer {token}"}
        created = httpx.post(f"{url}/api/drafts", json={"group": "bench-wg", "content": draft}, headers=headers,
                             timeout=60).json()
        # warm-up: the first search loads the embedder, the first check the rule modules
        httpx.get(f"{url}/api/search", params={"q": QUERIES[0]}, headers=headers, timeout=120)
        httpx.post(f"{url}/api/check", files={"file": ("w.md", upload, "text/markdown")}, headers=headers, timeout=120)
        httpx.get(f"{url}/api/drafts/{created['id']}/findings", headers=headers, timeout=120)
        samples, errors, elapsed = asyncio.run(load(url, token, created["id"], upload, args.clients, args.seconds))
    total = sum(len(v) for v in samples.values())
    per_kind = {k: {"requests": len(v), "p50_ms": round(percentile(v, 50), 1), "p95_ms": round(percentile(v, 95), 1)}
                for k, v in samples.items() if v}
    result = {
        "clients": args.clients, "seconds": round(elapsed, 1), "server_workers": args.workers,
        "requests": total, "throughput_rps": round(total / elapsed, 1), "errors": len(errors),
        "error_examples": errors[:5], "per_kind": per_kind, "draft_clauses": 100,
        "target": {"errors": 0, "check_p95_ms": 500},
        "meets_target": not errors and per_kind["check"]["p95_ms"] <= 500,
        "load_avg": [round(x, 2) for x in os.getloadavg()[:2]],
    }
    path = write_result(args.out, "workspace", result)
    print(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
