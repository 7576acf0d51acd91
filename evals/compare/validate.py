"""Check the truth files: every number names a unit in the outline of its file, and every aligned unit is covered.

Run from the repository root:  .venv/bin/python evals/compare/validate.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.document.loader import load_document  # noqa: E402
from assistant.document.model import ClauseKind, outline  # noqa: E402

HERE = Path(__file__).resolve().parent
ALIGNED = {ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.TERM, ClauseKind.ANNEX}
LABELS = {ClauseKind.FOREWORD: "前言", ClauseKind.INTRODUCTION: "引言"}
STATUSES = {"unchanged", "editorial", "technical", "added", "deleted", "moved", "split", "merged"}


def units(path: Path) -> tuple[set[str], set[str]]:
    """(units that must be aligned, optional units: foreword/introduction labels)."""
    required, optional = set(), set()
    for item in outline(load_document(path)):
        if item.kind in ALIGNED:
            required.add(item.number)
        elif item.kind in LABELS:
            optional.add(LABELS[item.kind])
    return required, optional


def check(truth_path: Path) -> Counter:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    folder = truth_path.parent
    lreq, lopt = units(folder / truth["left"])
    rreq, ropt = units(folder / truth["right"])
    errors = []
    for e in truth["units"]:
        s, left, right = e["status"], e["left"], e["right"]
        if s not in STATUSES:
            errors.append(f"bad status {s}")
        if left is not None and left not in lreq | lopt:
            errors.append(f"left {left} not in outline")
        if right is not None and right not in rreq | ropt:
            errors.append(f"right {right} not in outline")
        if (left is None) != (s == "added") or (right is None) != (s == "deleted"):
            errors.append(f"null side does not match status: {e}")
    lseen = Counter(e["left"] for e in truth["units"] if e["left"] is not None)
    rseen = Counter(e["right"] for e in truth["units"] if e["right"] is not None)
    errors += [f"left {u} not aligned" for u in lreq - set(lseen)]
    errors += [f"right {u} not aligned" for u in rreq - set(rseen)]
    for u, n in lseen.items():
        if n > 1 and any(e["status"] != "split" for e in truth["units"] if e["left"] == u):
            errors.append(f"left {u} repeated but not split")
    for u, n in rseen.items():
        if n > 1 and any(e["status"] != "merged" for e in truth["units"] if e["right"] == u):
            errors.append(f"right {u} repeated but not merged")
    if errors:
        raise SystemExit(f"{truth_path}: " + "; ".join(errors))
    return Counter(e["status"] for e in truth["units"])


def main() -> None:
    for sub in ("pairs", "crosslingual"):
        files = sorted((HERE / sub).glob("*-truth.json"))
        total = Counter()
        for f in files:
            total += check(f)
        print(
            f"{sub}: {len(files)} pairs, {sum(total.values())} aligned units, {dict(sorted(total.items()))}"
        )


if __name__ == "__main__":
    main()
