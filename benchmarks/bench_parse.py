"""Parse throughput (clauses/s and MB/s) for .md, .docx and PDF."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.document.loader import load_document  # noqa: E402
from benchmarks.common import median, timed, write_result  # noqa: E402
from tests.document.builders import write_docx, write_pdf  # noqa: E402


def measure(paths: list[Path], repeat: int) -> dict[str, float]:
    size = sum(p.stat().st_size for p in paths)
    clauses = sum(sum(1 for _ in load_document(p).walk()) for p in paths)
    seconds = median(timed(lambda: [load_document(p) for p in paths], repeat))
    return {"files": len(paths), "mb": round(size / 2**20, 3), "clauses": clauses, "seconds": round(seconds, 4),
            "clauses_per_s": round(clauses / seconds), "mb_per_s": round(size / 2**20 / seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    samples = sorted((ROOT / "corpus" / "standards").glob("*.md"))
    public = ROOT.parent / "shared" / "corpus" / "public"
    md = samples + sorted(p for p in public.glob("*.*") if p.name != "README.md")
    with tempfile.TemporaryDirectory() as tmp:
        docs = [load_document(p) for p in samples]
        docx = [write_docx(d, Path(tmp) / f"{i}.docx") for i, d in enumerate(docs)]
        pdf = [write_pdf(d, Path(tmp) / f"{i}.pdf", running_head=d.meta.designation) for i, d in enumerate(docs)]
        results = {"md": measure(md, args.repeat), "docx": measure(docx, args.repeat),
                   "pdf": measure(pdf, max(1, args.repeat // 2))}
    path = write_result(args.out, "parse", {"results": results})
    print(f"{'format':6} {'files':>5} {'MB':>7} {'clauses':>8} {'clauses/s':>10} {'MB/s':>7}")
    for fmt, r in results.items():
        print(f"{fmt:6} {r['files']:>5} {r['mb']:>7} {r['clauses']:>8} {r['clauses_per_s']:>10} {r['mb_per_s']:>7}")
    print(f"written to {path}")


if __name__ == "__main__":
    main()
