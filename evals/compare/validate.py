"""Check the truth files: every number names a unit in the outline of its file, and every aligned unit is covered.

Run from the repository root:  .venv/bin/python evals/compare/validate.py [FOLDER ...]
(default: every set in evals/compare: pairs/, crosslingual/, heldout*/). run.py checks each truth file the same
way before scoring it.
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


def units(path: Path) -> tuple[set[str], set[str], list[str]]:
    """(units that must be aligned, optional units: foreword/introduction labels, numbers the outline repeats)."""
    required: set[str] = set()
    optional: set[str] = set()
    repeated: list[str] = []
    for item in outline(load_document(path)):
        if item.kind in ALIGNED:
            if item.number in required:
                repeated.append(item.number)
            required.add(item.number)
        elif item.kind in LABELS:
            optional.add(LABELS[item.kind])
    return required, optional, repeated


def check(truth_path: Path) -> Counter[str]:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    folder = truth_path.parent
    lreq, lopt, lrep = units(folder / truth["left"])
    rreq, ropt, rrep = units(folder / truth["right"])
    errors = [f"{side} outline repeats {n}" for side, rep in (("left", lrep), ("right", rrep)) for n in rep]
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
    # a split needs one LEFT unit in at least two entries, a merge one RIGHT unit likewise
    for status, side, seen in (("split", "left", lseen), ("merged", "right", rseen)):
        errors += [f"{status} {e[side]} has only one entry" for e in truth["units"]
                   if e["status"] == status and seen[e[side]] < 2]
    if errors:
        raise SystemExit(f"{truth_path}: " + "; ".join(errors))
    return Counter(e["status"] for e in truth["units"])


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    folders = [Path(a) for a in args] or sorted({f.parent for f in HERE.glob("*/*-truth.json")})
    for folder in folders:
        files = sorted(folder.glob("*-truth.json"))
        if not files:
            raise SystemExit(f"{folder}: no truth files / 没有真值文件")
        total: Counter[str] = Counter()
        for f in files:
            total += check(f)
        print(
            f"{folder.name}: {len(files)} pairs, {sum(total.values())} aligned units, {dict(sorted(total.items()))}"
        )


if __name__ == "__main__":
    main()
