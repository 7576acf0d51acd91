"""`make eval`: every evaluation runner, one after another; each prints its own table."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# cheapest first: retrieval embeds the whole corpus (minutes on the first run, cached after)
RUNNERS = ["checks", "requirements", "terms", "compare", "drafting", "related", "retrieval"]


def main() -> None:
    only = sys.argv[1:] or RUNNERS
    failed = []
    for name in only:
        script = ROOT / "evals" / name / "run.py"
        if not script.is_file():
            print(f"\n=== {name}: no runner yet ===")
            continue
        print(f"\n=== {name} ===", flush=True)
        start = time.perf_counter()
        if subprocess.run([sys.executable, "-m", f"evals.{name}.run"], cwd=ROOT).returncode != 0:
            failed.append(name)
        print(f"({time.perf_counter() - start:.0f} s)", flush=True)
    if failed:
        print(f"failed: {failed}")
        sys.exit(1)


if __name__ == "__main__":
    main()
