"""Score the term-conflict checks (TRM-101 … TRM-109) on evals/terms: precision and recall per kind and overall.

A finding matches a label when the file, the kind (rule id → kind, see assistant.terms.findings.RULE_KINDS) and
the term or the clause agree. Each label is matched at most once. A finding that matches no conflict label is a
false positive; those that fall on a "none" label (a paraphrase or a legitimate homonym) are counted separately
too, because they are the errors the non-conflict cases were written to catch.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.document.loader import load_document  # noqa: E402
from assistant.terms.base import TermBase, default_term_base  # noqa: E402
from assistant.terms.check import check_terms  # noqa: E402
from assistant.terms.findings import DEFAULT_THRESHOLDS, RULE_KINDS, TermFinding, Thresholds  # noqa: E402
from assistant.terms.normalize import en_key, term_key  # noqa: E402

HERE = Path(__file__).resolve().parent
KINDS = sorted(set(RULE_KINDS.values()))


def _name(path: str) -> str:
    return Path(str(path)).name


def _same_term(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return term_key(a) == term_key(b) or (en_key(a) == en_key(b) and bool(en_key(a)))


def _matches(f: TermFinding, label: dict[str, Any]) -> bool:
    terms = [str(t) for t in [label.get("term"), *(label.get("terms") or [])] if t]
    clause = str(label.get("clause") or "")
    by_term = any(_same_term(f.term, t) or _same_term(f.text, t) for t in terms)
    by_clause = bool(clause) and f.clause == clause
    return by_term or by_clause


def load_labels(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):  # {cases: [...]} or {labels: [...]}
        data = data.get("labels") or data.get("cases") or []
    return [dict(x) for x in data if isinstance(x, dict)]


def run(cases_dir: Path, labels: list[dict[str, Any]], base: TermBase, th: Thresholds) -> dict[str, Any]:
    findings: dict[str, list[TermFinding]] = {}
    seconds: dict[str, float] = {}
    for path in sorted(cases_dir.glob("*.md")):
        start = time.perf_counter()
        findings[path.name] = check_terms(load_document(path), base, th)
        seconds[path.name] = time.perf_counter() - start
    return score(findings, labels) | {"seconds": {k: round(v, 3) for k, v in seconds.items()}}


def score(findings: dict[str, list[TermFinding]], labels: list[dict[str, Any]]) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    on_none: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    by_file: dict[str, list[dict[str, Any]]] = {}
    for label in labels:
        by_file.setdefault(_name(label.get("file", "")), []).append(label)
    for name, found in findings.items():
        file_labels = by_file.get(name, [])
        positives = [lab for lab in file_labels if lab.get("kind") != "none"]
        nones = [lab for lab in file_labels if lab.get("kind") == "none"]
        used: set[int] = set()
        for f in found:
            hit = next((i for i, lab in enumerate(positives) if i not in used and lab.get("kind") == f.kind
                        and _matches(f, lab)), None)
            if hit is not None:
                used.add(hit)
                tp[f.kind] += 1
                continue
            fp[f.kind] += 1
            none = any(_matches(f, lab) for lab in nones)
            on_none[f.kind] += int(none)
            errors.append({"file": name, "error": "false positive" + (" (on a 'none' label)" if none else ""),
                           "kind": f.kind, "rule": f.rule, "clause": f.clause, "term": f.term,
                           "score": None if f.score is None else round(f.score, 4), "message": f.message_zh})
        for i, lab in enumerate(positives):
            if i not in used:
                fn[str(lab.get("kind"))] += 1
                errors.append({"file": name, "error": "missed", "kind": lab.get("kind"), "clause": lab.get("clause"),
                               "term": lab.get("term"), "note": lab.get("note", "")})

    def pr(kinds: list[str]) -> dict[str, float | int]:
        t, f, n = sum(tp[k] for k in kinds), sum(fp[k] for k in kinds), sum(fn[k] for k in kinds)
        return {"precision": round(t / (t + f), 3) if t + f else 1.0, "recall": round(t / (t + n), 3) if t + n else 1.0,
                "tp": t, "fp": f, "fn": n, "fp_on_none": sum(on_none[k] for k in kinds)}

    return {"per_kind": {k: pr([k]) for k in KINDS}, "overall": pr(KINDS),
            "none_labels": sum(1 for lab in labels if lab.get("kind") == "none"),
            "conflict_labels": sum(1 for lab in labels if lab.get("kind") != "none"), "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, default=HERE / "cases")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.yaml")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE", help="override a threshold")
    parser.add_argument("--errors", action="store_true", help="print every error")
    args = parser.parse_args()
    th = replace(DEFAULT_THRESHOLDS, **{k: float(v) for k, v in (s.split("=", 1) for s in args.set)})
    labels = load_labels(args.labels) if args.labels.exists() else []
    result = run(args.cases, labels, default_term_base(), th)
    print(f"{'kind':16} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'fp@none':>7}")
    for kind, m in [*result["per_kind"].items(), ("overall", result["overall"])]:
        print(f"{kind:16} {m['precision']:6.3f} {m['recall']:6.3f} {m['tp']:4} {m['fp']:4} {m['fn']:4} "
              f"{m['fp_on_none']:7}")
    print(f"labels: {result['conflict_labels']} conflicts, {result['none_labels']} non-conflicts")
    if args.errors:
        for e in result["errors"]:
            print("  ", json.dumps(e, ensure_ascii=False))
    args.out.write_text(json.dumps(result | {"thresholds": th.__dict__}, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    overall = result["overall"]
    met = overall["precision"] >= 0.90 and overall["recall"] >= 0.85
    heldout = HERE / "heldout"
    if args.cases == HERE / "cases" and (heldout / "labels.yaml").exists():
        # the held-out set was written after the thresholds were tuned on cases/; it is never tuned on
        held = run(heldout / "cases", load_labels(heldout / "labels.yaml"), default_term_base(), th)
        m = held["overall"]
        print(f"held-out set ({held['conflict_labels']} conflicts, {held['none_labels']} non-conflicts): "
              f"precision {m['precision']:.3f}, recall {m['recall']:.3f}")
        for kind, k in held["per_kind"].items():
            print(f"  {kind:16} P {k['precision']:.3f}  R {k['recall']:.3f}  fp@none {k['fp_on_none']}")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
