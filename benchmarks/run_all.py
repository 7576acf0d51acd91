"""`make bench`: run every benchmark, each writing benchmarks/results/NAME.json; print one summary."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--only", nargs="*", help="benchmark names, e.g. parse retrieval")
    args = parser.parse_args()
    scripts = sorted(ROOT.glob("benchmarks/bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    failed = []
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(script), "--out", str(args.out)], cwd=ROOT)
        print(f"({time.perf_counter() - start:.0f} s)")
        if result.returncode != 0:
            failed.append(script.stem)
    summary = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.out.glob("*.json"))
               if p.stem != "summary"}
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    if failed:
        print(f"failed: {failed}")
        sys.exit(1)


if __name__ == "__main__":
    main()
