"""Benchmark: all drafting checks of the GB/T 1.1 catalogue over a 300-clause GB document.

    python benchmarks/bench_checks.py [--clauses 300] [--runs 7] [--out benchmarks/results/checks.json]

The document is generated from the clause bodies of the project's sample standards (chapter by chapter,
renumbered), so its text has the density of real drafts: requirements, lists, notes, tables, cross-references.
The figure is the median wall time of ``run_checks`` over the parsed document (parsing is reported apart).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLES = ["sample-ai-risk-capability.md", "sample-ai-data-quality-mod.md", "sample-hetero-computing-capability-reference.md"]
TARGET_SECONDS = 1.0

HEAD = """---
designation: GB/T 99999—2026
kind: GB/T
title_zh: 人工智能　基准测试文件
title_en: Artificial intelligence—Benchmark document
ics: 35.240.01
ccs: L 70
stage: 征求意见稿
language: zh
---

## 前言
本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

本文件由全国信息技术标准化技术委员会（SAC/TC 28）提出并归口。

本文件起草单位：基准测试单位。

## 1　范围
本文件规定了基准测试文件的结构。

本文件适用于检查功能的性能测试。

## 2　规范性引用文件
下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。

GB/T 24353—2022　风险管理　指南
ISO/IEC 23894:2023　Information technology — Artificial intelligence — Guidance on risk management

## 3　术语和定义
下列术语和定义适用于本文件。

"""


def clause_bodies() -> list[str]:
    """The text under each lowest-level numbered heading of the samples' body chapters."""
    bodies: list[str] = []
    for name in SAMPLES:
        path = ROOT / "corpus" / "standards" / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        body = text[text.find("## 4"):text.find("## 附录")] if "## 附录" in text else text[text.find("## 4"):]
        for chunk in re.split(r"(?m)^#{2,6}\s*\d+(?:\.\d+)*[ \u3000].*$", body):
            chunk = chunk.strip()
            if len(chunk) > 40 and not chunk.startswith("#"):
                bodies.append(chunk)
    return bodies or ["组织应建立形成文件的程序，并应每年评审一次。\n\n注：程序可以电子形式保存。"]


def terms(count: int) -> str:
    out = []
    for i in range(1, count + 1):
        out.append(f"### 3.{i}\n**基准术语{i}**　benchmark term {i}\n用于基准测试的第{i}个概念的说明性名称\n")
    return "\n".join(out) + "\n"


def build(clauses: int) -> str:
    """A GB draft with at least ``clauses`` outline units (chapters, clauses, terms, annexes)."""
    bodies = clause_bodies()
    parts = [HEAD, terms(20)]
    count = 3 + 20 + 2  # chapters 1-3, term entries, foreword and bibliography
    chapter = 3
    k = 0
    while count < clauses - 8:
        chapter += 1
        parts.append(f"## {chapter}　技术要求{chapter}\n")
        count += 1
        for sub in range(1, 4):
            parts.append(f"### {chapter}.{sub}　要求组{sub}\n")
            count += 1
            for leaf in range(1, 5):
                body = bodies[k % len(bodies)]
                k += 1
                parts.append(f"#### {chapter}.{sub}.{leaf}　条款{leaf}\n{body}\n")
                count += 1
    parts.append("## 附录A（规范性）补充要求\n### A.1　通则\n补充要求应符合第4章的规定。\n\n### A.2　细则\n细则应符合4.1的规定。\n\n")
    parts.append("## 附录B（资料性）示例\n### B.1　概述\n本附录给出示例。\n\n### B.2　说明\n示例仅供参考。\n\n")
    parts.append("## 参考文献\n[1]　GB/T 41867—2022　信息技术　人工智能　术语\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results",
                        help="a directory to write checks.json into, or a .json file")
    args = parser.parse_args(argv)

    from assistant.checks import all_rules, run_checks
    from assistant.checks.registry import clear_caches
    from assistant.document.model import outline
    from assistant.document.parse_text import parse_text
    from benchmarks.common import median, write_result

    text = build(args.clauses)
    started = time.perf_counter()
    document = parse_text(text, "bench.md")
    parse_seconds = time.perf_counter() - started
    units = len(outline(document))
    run_checks(document)  # warm-up: rule modules imported, regexes compiled
    times = []
    findings = 0
    for _ in range(args.runs):
        clear_caches()  # each run scans the text afresh, as a new document would be
        started = time.perf_counter()
        findings = len(run_checks(document))
        times.append(time.perf_counter() - started)
    seconds = median(times)
    result = {
        "clauses": units,
        "characters": len(text),
        "rules": len(all_rules()),
        "runs": args.runs,
        "median_seconds": round(seconds, 4),
        "min_seconds": round(min(times), 4),
        "max_seconds": round(max(times), 4),
        "parse_seconds": round(parse_seconds, 4),
        "findings": findings,
        "target_seconds": TARGET_SECONDS,
        "ok": seconds <= TARGET_SECONDS,
    }
    # --out names a directory (as benchmarks/run_all.py passes it) or the JSON file itself
    out_dir, name = (args.out.parent, args.out.stem) if args.out.suffix == ".json" else (args.out, "checks")
    path = write_result(out_dir, name, result)
    print(f"checks: {units} clauses, {len(all_rules())} rules: median {seconds * 1000:.0f} ms over {args.runs} runs "
          f"(min {min(times) * 1000:.0f} ms; parse {parse_seconds * 1000:.0f} ms; {findings} findings); "
          f"target ≤ {TARGET_SECONDS:.0f} s: {'ok' if result['ok'] else 'FAILED'} -> {path}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
