"""Check the heldout3 truth files with the rules of ../validate.py, reading outlines via `stdraft outline --json`.

validate.py's main() checks only pairs/ and crosslingual/; this keeps heldout3 checkable without
importing the package.  Run from anywhere:  .venv/bin/python evals/compare/heldout3/check.py
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
STDRAFT = HERE.parents[2] / ".venv" / "bin" / "stdraft"
ALIGNED = {"chapter", "clause", "term", "annex"}
LABELS = {"foreword": "前言", "introduction": "引言"}
STATUSES = {"unchanged", "editorial", "technical", "added", "deleted", "moved", "split", "merged"}


def units(path: Path) -> tuple[list[str], set[str]]:
    """(numbers that must be aligned, optional labels for foreword/introduction)."""
    run = subprocess.run([str(STDRAFT), "outline", str(path), "--json"], capture_output=True, text=True, check=True)
    required: list[str] = []
    optional: set[str] = set()
    for item in json.loads(run.stdout):
        if item["kind"] in ALIGNED:
            required.append(item["number"])
        elif item["kind"] in LABELS:
            optional.add(LABELS[item["kind"]])
    return required, optional


def check(truth_path: Path) -> Counter[str]:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    lreq, lopt = units(truth_path.parent / truth["left"])
    rreq, ropt = units(truth_path.parent / truth["right"])
    entries = truth["units"]
    errors = [f"duplicate number in outline of {side}" for side, req in (("left", lreq), ("right", rreq)) if len(set(req)) != len(req)]
    for e in entries:
        s, left, right = e["status"], e["left"], e["right"]
        if s not in STATUSES:
            errors.append(f"bad status {s}")
        if left is not None and left not in set(lreq) | lopt:
            errors.append(f"left {left} not in outline")
        if right is not None and right not in set(rreq) | ropt:
            errors.append(f"right {right} not in outline")
        if (left is None) != (s == "added") or (right is None) != (s == "deleted"):
            errors.append(f"null side does not match status: {e}")
    lseen = Counter(e["left"] for e in entries if e["left"] is not None)
    rseen = Counter(e["right"] for e in entries if e["right"] is not None)
    errors += [f"left {u} not aligned" for u in lreq if u not in lseen]
    errors += [f"right {u} not aligned" for u in rreq if u not in rseen]
    errors += [f"left {u} repeated but not split" for u, n in lseen.items() if n > 1 and any(e["status"] != "split" for e in entries if e["left"] == u)]
    errors += [f"right {u} repeated but not merged" for u, n in rseen.items() if n > 1 and any(e["status"] != "merged" for e in entries if e["right"] == u)]
    if errors:
        raise SystemExit(f"{truth_path.name}: " + "; ".join(errors))
    print(f"{truth_path.name}: units L/R {len(lreq)}/{len(rreq)}, entries {len(entries)}")
    return Counter(e["status"] for e in entries)


def main() -> None:
    total: Counter[str] = Counter()
    files = sorted(HERE.glob("*-truth.json"))
    for f in files:
        total += check(f)
    print(f"heldout3: {len(files)} pairs, {sum(total.values())} entries, {dict(sorted(total.items()))}")


if __name__ == "__main__":
    main()
