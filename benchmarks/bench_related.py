"""Overlap report for a 300-clause draft against the evaluation index (target in the issue: ≤ 10 s against
a 10k-unit corpus). The index is the one under data/eval/ (built by evals/retrieval or evals/related); its
unit count is reported as measured, not scaled to 10k. The draft is the overlap evaluation draft's
requirement clauses repeated with numbers varied until it has 300 clauses."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.corpus.index import open_index  # noqa: E402
from assistant.document.loader import load_document  # noqa: E402
from assistant.related.overlap import OverlapFinder, draft_units, index_parallel, index_searcher  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from benchmarks.common import write_result  # noqa: E402

CLAUSES = 300


def make_draft(path: Path) -> None:
    units = draft_units(load_document(ROOT / "evals" / "related" / "overlap-draft.md"))
    lines = ["# 人工智能　基准测试草案", "", "## 1　范围", "", "本文件用于性能测试。", "", "## 4　要求", ""]
    for i in range(CLAUSES):
        _, text = units[i % len(units)]
        variant = text if i < len(units) else text.replace("应", f"应（第{i // len(units)}轮）", 1)
        lines += [f"### 4.{i + 1}　{variant}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "eval")
    args = parser.parse_args()
    draft_path = args.out / "bench-related-draft.md"
    args.out.mkdir(parents=True, exist_ok=True)
    make_draft(draft_path)
    document = load_document(draft_path)
    settings = Settings(data_dir=args.data)
    with open_index(settings) as index:
        units = sum(d.unit_count for d in index.documents())
        finder = OverlapFinder(index_searcher(index), parallel=index_parallel(index))
        start = time.perf_counter()
        report = finder.report(document)
        seconds = time.perf_counter() - start
    draft_path.unlink()
    path = write_result(args.out, "related", {
        "draft_clauses": len(report.clauses), "corpus_units": units, "overlap_seconds": round(seconds, 2),
        "matches": sum(len(c.matches) for c in report.clauses), "target_seconds": 10.0,
        "target_corpus_units": 10000,
    })
    print(f"overlap report: {len(report.clauses)} clauses against {units} units in {seconds:.1f} s "
          f"(target ≤ 10 s at 10k units) → {path}")


if __name__ == "__main__":
    main()
