"""Score the requirement checks (no-LLM mode) on the labelled provisions: precision and recall per kind.

Each provision is placed in a small document in its labelled context (body, note, example, scope,
foreword, introduction, informative annex) and goes through `run_checks`, the same path as
`stdraft check`, so the misplaced-requirement rules (VF-006…VF-011) are scored together with REQ-*.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.checks.registry import run_checks  # noqa: E402
from assistant.document.parse_text import parse_text  # noqa: E402
from assistant.requirements import rules as _rules  # noqa: E402,F401  (registers REQ-*)

SCORED = {f"REQ-00{i}" for i in range(1, 6)} | {f"REQ-10{i}" for i in range(1, 6)} | {
    f"VF-0{i:02d}" for i in range(6, 12)}
KINDS = {"unverifiable": {f"REQ-00{i}" for i in range(1, 6)}, "infeasible": {f"REQ-10{i}" for i in range(1, 6)},
         "misplaced": {f"VF-0{i:02d}" for i in range(6, 12)}}

_ZH = {
    "body": "## 5　要求\n### 5.1　通则\n{t}\n### 5.2　其他\n本条无要求。\n",
    "note": "## 5　要求\n### 5.1　通则\n本条给出通用说明。\n注：{t}\n### 5.2　其他\n本条无要求。\n",
    "example": "## 5　要求\n### 5.1　通则\n本条给出通用说明。\n示例：{t}\n### 5.2　其他\n本条无要求。\n",
    "scope": "## 1　范围\n{t}\n",
    "foreword": "## 前言\n{t}\n",
    "introduction": "## 引言\n{t}\n",
    "informative_annex": "## 附录A（资料性）实施示例\n### A.1　概述\n{t}\n### A.2　其他\n本条无要求。\n",
}
_EN = {
    "body": "## 5 Requirements\n### 5.1 General\n{t}\n### 5.2 Other\nThis clause has no requirement.\n",
    "note": "## 5 Requirements\n### 5.1 General\nThis clause explains.\nNOTE {t}\n### 5.2 Other\nNothing.\n",
    "example": "## 5 Requirements\n### 5.1 General\nThis clause explains.\nEXAMPLE {t}\n### 5.2 Other\nNothing.\n",
    "scope": "## 1 Scope\n{t}\n",
    "foreword": "## Foreword\n{t}\n",
    "introduction": "## Introduction\n{t}\n",
    "informative_annex": "## Annex A (informative) Examples\n### A.1 General\n{t}\n### A.2 Other\nNothing.\n",
}


def predict(text: str, lang: str, context: str) -> set[str]:
    template = (_EN if lang == "en" else _ZH)[context]
    front = f"---\nlanguage: {lang}\nkind: GB/T\n---\n"
    document = parse_text(front + template.format(t=text.strip()), f"<{context}>")
    return {f.rule for f in run_checks(document, only=SCORED)}


def score(items: list[dict[str, object]]) -> dict[str, object]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors = []
    for item in items:
        gold = set(item.get("labels") or [])  # type: ignore[arg-type]
        got = predict(str(item["text"]), str(item["lang"]), str(item["context"]))
        for r in got & gold:
            tp[r] += 1
        for r in got - gold:
            fp[r] += 1
        for r in gold - got:
            fn[r] += 1
        if got != gold:
            errors.append({"id": item["id"], "text": item["text"], "gold": sorted(gold), "got": sorted(got)})

    def pr(rules: set[str]) -> tuple[float, float, int]:
        t, f, n = sum(tp[r] for r in rules), sum(fp[r] for r in rules), sum(fn[r] for r in rules)
        return (t / (t + f) if t + f else 1.0, t / (t + n) if t + n else 1.0, t + n)

    per_rule = {r: pr({r}) for r in sorted(SCORED)}
    per_kind = {k: pr(v) for k, v in KINDS.items()}
    overall = pr(SCORED)
    return {"per_rule": per_rule, "per_kind": per_kind, "overall": overall, "errors": errors}


def print_table(title: str, result: dict[str, object]) -> None:
    print(f"\n{title}")
    print(f"{'rule':12} {'precision':>9} {'recall':>7} {'support':>7}")
    for name, (p, r, n) in {**result["per_rule"], **result["per_kind"]}.items():  # type: ignore[dict-item]
        print(f"{name:12} {p:9.3f} {r:7.3f} {n:7d}")
    p, r, n = result["overall"]  # type: ignore[misc]
    print(f"{'overall':12} {p:9.3f} {r:7.3f} {n:7d}   (targets: precision ≥ 0.90, recall ≥ 0.85)")


def demo_draft(labels_path: Path) -> dict[str, object]:
    """Clause-level: does every faulty clause of the demo draft get a REQ finding, and no good clause?"""
    from assistant.document.loader import load_document

    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    findings = run_checks(load_document(ROOT / labels["file"]), only=SCORED)
    flagged: dict[str, set[str]] = {}
    for f in findings:
        flagged.setdefault(f.clause, set()).add(f.rule)
    faulty = set(labels["infeasible"]) | set(labels["unverifiable"])
    clean = set(labels["good"]) | set(labels["traps"])
    caught = {c for c in faulty if any(r.startswith("REQ-") for r in flagged.get(c, ()))}
    false_alarms = {c: sorted(flagged[c]) for c in clean if any(r.startswith("REQ-") for r in flagged.get(c, ()))}
    return {"faulty": len(faulty), "caught": len(caught), "missed": sorted(faulty - caught),
            "clean": len(clean), "false_alarms": false_alarms}


def main() -> None:
    parser = argparse.ArgumentParser()
    here = ROOT / "evals" / "requirements"
    parser.add_argument("--data", type=Path, default=here / "provisions.yaml")
    parser.add_argument("--heldout", type=Path, default=here / "heldout.yaml")
    parser.add_argument("--json", type=Path, default=here / "results.json")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    results: dict[str, object] = {}
    for name, path in (("development", args.data), ("held-out", args.heldout)):
        if not path.is_file():
            continue
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
        result = score(items)
        results[name] = result
        print_table(f"Requirement checks, no-LLM mode — {name} set, {len(items)} labelled provisions ({path.name})",
                    result)
        if args.show_errors:
            for e in result["errors"]:  # type: ignore[attr-defined]
                print(f"  {e['id']}: gold={e['gold']} got={e['got']}  {e['text']}")
    demo = demo_draft(here / "demo-draft-labels.yaml")
    results["demo-draft"] = demo
    print(f"\nDemo draft ({demo['faulty']} faulty clauses, {demo['clean']} good ones): caught {demo['caught']}, "
          f"missed {demo['missed']}, false alarms {demo['false_alarms']}")
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
