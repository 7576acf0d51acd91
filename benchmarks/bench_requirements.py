"""Requirement checks (REQ-*) on a 300-clause document, no LLM: target ≤ 2 s."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.checks.registry import run_checks  # noqa: E402
from assistant.requirements import rules  # noqa: E402,F401  (registers REQ-*)
from assistant.requirements.review import review_document  # noqa: E402
from benchmarks.common import median, timed, write_result  # noqa: E402
from benchmarks.generate import large_standard  # noqa: E402

REQ = [f"REQ-00{i}" for i in range(1, 6)] + [f"REQ-10{i}" for i in range(1, 6)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    document = large_standard(300)
    clauses = sum(1 for _ in document.walk())
    checks = median(timed(lambda: run_checks(document, only=REQ), 5))
    review = median(timed(lambda: review_document(document), 3))
    findings = len(run_checks(document, only=REQ))
    path = write_result(args.out, "requirements", {"clauses": clauses, "findings": findings,
                                                   "check_seconds": round(checks, 3),
                                                   "review_seconds_no_llm": round(review, 3), "target_seconds": 2.0})
    print(f"requirement checks: {clauses} clauses, {findings} findings, {checks:.3f} s (run_checks), "
          f"{review:.3f} s (review with template rewordings); target ≤ 2 s — {path}")


if __name__ == "__main__":
    main()
