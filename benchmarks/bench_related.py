"""Overlap report for a 300-clause draft against a 10k-unit corpus (target in issue 11: ≤ 10 s).

The corpus: every real unit of the evaluation index (data/eval/, built by evals/retrieval or evals/related,
~1,800 units of the project's samples and the public corpus) with its stored vector, plus generated units
up to 10,000 made the way benchmarks/bench_retrieval.py makes them (a real paragraph plus a sentence of
another; its vector a mix of their real vectors), so no 10k passages need embedding. The glossary is the
product's. The draft is the overlap evaluation draft's clauses repeated with a variation until it has 300.

Three figures: a first run with nothing cached (every draft clause and provision, and every corpus sentence
that needs a cosine, goes to the model); the same draft again with the vectors kept (what a drafter sees
when re-checking a draft: only changed clauses are embedded again); and another draft whose 224 varied
clauses are new, with the corpus sentences' vectors kept from the first run.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.compare import embed as vector_cache  # noqa: E402
from assistant.corpus.index import load_glossary, open_index, user_words  # noqa: E402
from assistant.document.loader import load_document  # noqa: E402
from assistant.related.candidates import index_finder  # noqa: E402
from assistant.related.overlap import draft_units  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from benchmarks.bench_retrieval import GeneratedEmbedder, add_piece_vectors, generate_units  # noqa: E402
from benchmarks.common import write_result  # noqa: E402
from retrieval import RetrievalConfig, RetrievalIndex  # noqa: E402
from retrieval.config import EmbedderConfig  # noqa: E402
from retrieval.embedders import build_embedder  # noqa: E402
from retrieval.texts import passage_text  # noqa: E402
from retrieval.units import Unit  # noqa: E402

CLAUSES = 300
UNITS = 10_000


def make_draft(path: Path, tag: str = "轮") -> None:
    units = draft_units(load_document(ROOT / "evals" / "related" / "overlap-draft.md"))
    lines = ["# 人工智能　基准测试草案", "", "## 1　范围", "", "本文件用于性能测试。", "", "## 4　要求", ""]
    for i in range(CLAUSES):
        _, text = units[i % len(units)]
        variant = text if i < len(units) else text.replace("应", f"应（第{i // len(units)}{tag}）", 1)
        lines += [f"### 4.{i + 1}　{variant}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def real_corpus(settings: Settings) -> tuple[list[Unit], np.ndarray]:
    """The evaluation index's units with their stored vectors (read through the index's own parts)."""
    with open_index(settings) as index:
        units: list[Unit] = []
        vectors = []
        for language, lexicon in index._fresh_lexicons().items():
            ids, matrix = index._store.get_vectors(language, [int(r) for r in lexicon.rows])
            found = index._manifest.units(ids)
            for row, vec in zip(ids, matrix, strict=True):
                if row in found:
                    units.append(found[row])
                    vectors.append(vec)
    return units, np.asarray(vectors, dtype=np.float32)


def build_index(workdir: Path, settings: Settings, units: list[Unit], vectors: np.ndarray) -> RetrievalIndex:
    rng = np.random.default_rng(11)
    extra, table = generate_units(UNITS - len(units), units, vectors, rng)
    table.update({passage_text(u): v for u, v in zip(units, vectors, strict=True)})
    add_piece_vectors(table, units, list(vectors), rng)
    real = build_embedder(EmbedderConfig())
    index = RetrievalIndex(RetrievalConfig(index_dir=workdir / "index"), embedder=GeneratedEmbedder(real, table),
                           user_words=user_words(settings))
    load_glossary(index, settings)
    for doc_id, group in itertools.groupby(sorted([*units, *extra], key=lambda u: u.doc_id),
                                           key=lambda u: u.doc_id):
        chunk = list(group)
        index.add_document(doc_id, chunk, f"h{doc_id}")
    index.refresh()
    return index


def run(index: RetrievalIndex, draft: Path) -> tuple[float, int, Any, dict[str, int]]:
    before = vector_cache.STATS["embedded"]
    start = time.perf_counter()
    finder = index_finder(index)
    report = finder.report(load_document(draft))
    return time.perf_counter() - start, int(vector_cache.STATS["embedded"] - before), report, finder.texts_needed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "eval")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=args.data)
    units, vectors = real_corpus(settings)
    if not units:
        sys.exit(f"no evaluation index under {args.data}: run `.venv/bin/python -m evals.related.run` first / "
                 "请先建立评测索引")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        draft_path, other_path = workdir / "bench-related-draft.md", workdir / "bench-related-other.md"
        make_draft(draft_path)
        make_draft(other_path, "稿")  # 224 of its 300 clauses differ from the first draft's
        t = time.perf_counter()
        index = build_index(workdir, settings, units, vectors)
        build_s = time.perf_counter() - t
        try:
            corpus_units = index.unit_count()
            vector_cache.set_store(None)  # nothing persisted or read back: the first run is really cold
            vector_cache.clear_caches()
            cold_s, cold_embedded, report, needed = run(index, draft_path)
            warm_s, warm_embedded, _, _ = run(index, draft_path)
            new_s, new_embedded, _, _ = run(index, other_path)
        finally:
            index.close()
            shutil.rmtree(workdir / "index", ignore_errors=True)
    path = write_result(args.out, "related", {
        "draft_clauses": len(report.clauses), "corpus_units": corpus_units, "real_units": len(units),
        "index_build_s_without_embedding": round(build_s, 1),
        "overlap_seconds_cold": round(cold_s, 2), "texts_embedded_cold": cold_embedded,
        "texts_needing_a_vector": needed,
        "overlap_seconds_vectors_kept": round(warm_s, 2), "texts_embedded_vectors_kept": warm_embedded,
        "overlap_seconds_new_draft_corpus_vectors_kept": round(new_s, 2),
        "texts_embedded_new_draft_corpus_vectors_kept": new_embedded,
        "matches": sum(len(c.matches) for c in report.clauses), "target_seconds": 10.0,
    })
    print(f"overlap report: {len(report.clauses)} clauses against {corpus_units} units "
          f"({len(units)} real): {cold_s:.1f} s cold ({cold_embedded} texts embedded: {needed}), "
          f"{warm_s:.1f} s with vectors kept ({warm_embedded} embedded), {new_s:.1f} s for another draft "
          f"({new_embedded} embedded); target ≤ 10 s → {path}")


if __name__ == "__main__":
    main()
