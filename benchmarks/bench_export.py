"""Benchmark: export a 300-clause GB document to .docx (target ≤ 3 s), and the same with tracked changes.

    python benchmarks/bench_export.py [--clauses 300] [--runs 5] [--out benchmarks/results]

The document is generated (benchmarks/generate.py) and given what real drafts carry besides clauses:
the front matter and chapters 1-3 of a sample (foreword, references, term entries), plus a note, a
list and a table in every tenth clause. Figures are median wall times of writing the file to disk.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.document.model import (  # noqa: E402
    ClauseKind,
    Document,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Table,
)
from benchmarks.common import median, peak_rss_mb, timed, write_result  # noqa: E402
from benchmarks.generate import large_standard  # noqa: E402

TARGET_SECONDS = 3.0
SAMPLE = ROOT / "corpus" / "standards" / "sample-ai-data-quality-mod.md"


def benchmark_document(clauses: int) -> Document:
    from assistant.document.loader import load_document

    sample = load_document(SAMPLE)
    document = large_standard(clauses)
    document.meta = sample.meta.model_copy(deep=True)
    head = [c for c in sample.clauses if c.kind != ClauseKind.CHAPTER or c.number in ("1", "2", "3")]
    head = [c for c in head if c.kind in (ClauseKind.FOREWORD, ClauseKind.INTRODUCTION, ClauseKind.CHAPTER)]
    for i, clause in enumerate(c for c in document.walk() if c.kind == ClauseKind.CLAUSE and c.blocks):
        if i % 10 == 0:
            clause.blocks += [
                Paragraph(text="测试结果应记录下列内容："),
                ListBlock(style="dash", items=[ListItem(marker="——", text="测试条件；"),
                                               ListItem(marker="——", text="测得的数值。")]),
                Note(label="注", text="记录可采用电子形式。"),
                Table(number=str(i // 10 + 1), caption="测试项目", rows=[["项目", "要求", "方法"]] +
                      [[f"项目{k}", f"不低于{k * 10}", f"见9.{k}"] for k in range(1, 6)]),
            ]
    document.clauses = head + document.clauses
    return document


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clauses", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()

    from assistant.document.loader import load_document
    from assistant.export.docx_writer import write_docx
    from assistant.export.revisions import write_tracked_docx

    document = benchmark_document(args.clauses)
    units = sum(1 for _ in document.walk())
    old = document.model_copy(deep=True)
    for k, clause in enumerate(c for c in old.walk() if c.blocks):  # an earlier version: every 7th clause differs
        first = clause.blocks[0]
        if k % 7 == 0 and isinstance(first, Paragraph):
            first.text = first.text.replace("应", "宜", 1) + "修改前的文字。"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.docx"
        export_times = timed(lambda: write_docx(document, out), args.runs)
        size = out.stat().st_size
        import_times = timed(lambda: load_document(out), 3)
        tracked = Path(tmp) / "tracked.docx"
        write_tracked_docx(document, old, tracked)  # warm jieba's dictionary once; users pay it once per run
        tracked_times = timed(lambda: write_tracked_docx(document, old, tracked), 3)
    result = {
        "clauses": units,
        "export_median_s": round(median(export_times), 3),
        "export_max_s": round(max(export_times), 3),
        "tracked_export_median_s": round(median(tracked_times), 3),
        "reimport_median_s": round(median(import_times), 3),
        "docx_kb": round(size / 1024, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "target_s": TARGET_SECONDS,
        "ok": median(export_times) <= TARGET_SECONDS,
    }
    path = write_result(args.out, "export", result)
    print(result)
    print(path)
    if not result["ok"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
