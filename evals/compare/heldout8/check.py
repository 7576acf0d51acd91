"""Check the truth files of heldout8/ against the outlines of their two documents.

检查 heldout8/ 的真值文件与左右两份文件的大纲是否一致。

Run from the repository root: ``.venv/bin/python evals/compare/heldout8/check.py``.
The outline comes from ``stdraft outline FILE --json`` (a subprocess), so this
script does not depend on the comparer's code.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
STDRAFT = ROOT / ".venv" / "bin" / "stdraft"

STATUSES = {"unchanged", "editorial", "technical", "added", "deleted", "moved", "split", "merged"}
UNIT_KINDS = {"chapter", "clause", "term", "annex"}
# Foreword and introduction have no number; the truth names them by label.
LABELS = {"foreword": "前言", "introduction": "引言"}


def outline_units(doc: Path) -> set[str]:
    """Numbers (or 前言/引言 labels) of the units the truth must cover."""
    out = subprocess.run(
        [str(STDRAFT), "outline", str(doc), "--json"],
        check=True, capture_output=True, text=True,
    ).stdout
    units: set[str] = set()
    for entry in json.loads(out):
        kind = str(entry["kind"])
        if kind in UNIT_KINDS:
            units.add(str(entry["number"]))
        elif kind in LABELS:
            units.add(LABELS[kind])
    return units


def _side_errors(
    entries: list[dict[str, object]], side: str, known: set[str], repeat_ok: str
) -> list[str]:
    """Coverage, existence and uniqueness of one side (repeats allowed only for repeat_ok)."""
    errors: list[str] = []
    seen = Counter(str(e[side]) for e in entries if e[side] is not None)
    for number in sorted(set(seen) - known):
        errors.append(f"{side} {number}: not in the outline / 大纲中不存在")
    for number in sorted(known - set(seen)):
        errors.append(f"{side} {number}: not covered / 未覆盖")
    for number, count in seen.items():
        if count < 2:
            continue
        statuses = {e["status"] for e in entries if e[side] == number}
        if statuses != {repeat_ok}:
            errors.append(f"{side} {number}: appears {count} times, only {repeat_ok} may repeat / 重复出现")
    return errors


def _entry_errors(entries: list[dict[str, object]]) -> list[str]:
    """Status values, nulls and the minimum size of split/merge groups."""
    errors: list[str] = []
    for e in entries:
        status = e.get("status")
        if status not in STATUSES:
            errors.append(f"{e}: unknown status / 未知状态")
        if (e["left"] is None) != (status == "added"):
            errors.append(f"{e}: left is null iff added / 仅新增条款左侧为空")
        if (e["right"] is None) != (status == "deleted"):
            errors.append(f"{e}: right is null iff deleted / 仅删除条款右侧为空")
    # A split needs one LEFT unit in at least two entries, a merge one RIGHT unit likewise.
    for status, side in (("split", "left"), ("merged", "right")):
        groups = Counter(str(e[side]) for e in entries if e["status"] == status)
        errors += [f"{status} {n}: only one entry / 只有一条" for n, c in groups.items() if c < 2]
    return errors


def check(truth_path: Path) -> list[str]:
    """Return the errors of one truth file (empty when it is valid)."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    entries: list[dict[str, object]] = truth["units"]
    left = outline_units(truth_path.parent / truth["left"])
    right = outline_units(truth_path.parent / truth["right"])
    errors = _entry_errors(entries)
    errors += _side_errors(entries, "left", left, "split")
    errors += _side_errors(entries, "right", right, "merged")
    return [f"{truth_path.name}: {msg}" for msg in errors]


def main() -> int:
    files = sorted(HERE.glob("*-truth.json"))
    errors = [msg for path in files for msg in check(path)]
    totals: Counter[str] = Counter()
    for path in files:
        totals.update(str(e["status"]) for e in json.loads(path.read_text(encoding="utf-8"))["units"])
    for msg in errors:
        print(msg)
    print(f"{len(files)} truth files, {sum(totals.values())} entries: "
          + ", ".join(f"{s} {totals[s]}" for s in sorted(STATUSES)))
    return 1 if errors or not files else 0


if __name__ == "__main__":
    sys.exit(main())
