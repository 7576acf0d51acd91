"""Evaluate the drafting checks against the labelled drafts: precision and recall per rule, and clean samples.

    python -m evals.checks.run [--json OUT] [--verbose] [--strict]

A finding matches a label when file, rule and clause are equal; each label is matched at most once. Findings
of rules outside this catalogue (the REQ-* requirement checks, for instance) are ignored. Every finding on a
clean sample (evals/checks/clean/*, corpus/standards/*.md except the hetero-chip draft, whose faults are REQ
faults) counts as a false positive; error-severity ones are also counted on their own, the target being zero.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
CLEAN = HERE / "clean"
LABELS = HERE / "labels.yaml"
CORPUS = ROOT / "corpus" / "standards"
EXCLUDED_CLEAN = {"sample-hetero-chip-programming-model-draft.md", "README.md"}
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.90

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Label:
    file: str  # relative to evals/checks, e.g. "cases/x.md"
    rule: str
    clause: str
    note: str = ""


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_clean: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        found = self.tp + self.fp
        return self.tp / found if found else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.support if self.support else None


@dataclass
class Result:
    per_rule: dict[str, Tally] = field(default_factory=dict)
    false_positives: list[dict[str, str]] = field(default_factory=list)
    false_negatives: list[dict[str, str]] = field(default_factory=list)
    clean_findings: list[dict[str, str]] = field(default_factory=list)
    clean_errors: int = 0
    files: int = 0
    clean_files: int = 0
    seconds: float = 0.0

    def tally(self, rule: str) -> Tally:
        return self.per_rule.setdefault(rule, Tally())

    @property
    def overall(self) -> Tally:
        total = Tally()
        for t in self.per_rule.values():
            total.tp += t.tp
            total.fp += t.fp
            total.fn += t.fn
            total.fp_clean += t.fp_clean
        return total


def _normalise_file(name: str) -> str:
    name = name.strip().lstrip("./")
    return name if name.startswith(("cases/", "clean/")) else f"cases/{name}"


def load_labels(path: Path = LABELS) -> list[Label]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []
    labels: list[Label] = []
    for item in data or []:
        if not isinstance(item, dict) or "rule" not in item or "file" not in item:
            continue
        clause = item.get("clause", "")
        labels.append(Label(file=_normalise_file(str(item["file"])), rule=str(item["rule"]).strip(),
                            clause="" if clause is None else str(clause).strip(), note=str(item.get("note", ""))))
    return labels


def clean_samples() -> list[Path]:
    files = sorted(p for p in CLEAN.glob("*") if p.is_file() and p.suffix in (".md", ".txt", ".docx")) \
        if CLEAN.is_dir() else []
    files += sorted(p for p in CORPUS.glob("*.md") if p.name not in EXCLUDED_CLEAN)
    return files


def evaluate(labels: list[Label] | None = None) -> Result:
    from assistant.checks import all_rules, run_checks
    from assistant.checks.registry import BUILTIN_MODULES
    from assistant.document.loader import load_document

    labels = load_labels(LABELS) if labels is None else labels
    # this catalogue only: REQ-* and TRM-1xx rules registered by other packages are scored elsewhere
    ours = {r.id for r in all_rules() if r.area in BUILTIN_MODULES or r.id == "SYS-001"}
    result = Result()
    for rule_id in sorted(ours | {lb.rule for lb in labels if lb.rule in ours}):
        result.tally(rule_id)
    started = time.perf_counter()
    by_file: dict[str, list[Label]] = {}
    for label in labels:
        if label.rule in ours:
            by_file.setdefault(label.file, []).append(label)
    case_files = {f"cases/{p.name}" for p in CASES.glob("*") if p.is_file()} if CASES.is_dir() else set()
    for name in sorted(case_files | set(by_file)):
        path = CASES.parent / name
        expected = Counter((lb.rule, lb.clause) for lb in by_file.get(name, []))
        if not path.is_file():
            for lb in by_file.get(name, []):
                result.tally(lb.rule).fn += 1
                result.false_negatives.append({"file": name, "rule": lb.rule, "clause": lb.clause,
                                               "note": "file missing"})
            continue
        result.files += 1
        findings = [f for f in run_checks(load_document(path)) if f.rule in ours]
        for f in findings:
            key = (f.rule, f.clause)
            if expected[key] > 0:
                expected[key] -= 1
                result.tally(f.rule).tp += 1
            else:
                result.tally(f.rule).fp += 1
                result.false_positives.append({"file": name, "rule": f.rule, "clause": f.clause,
                                               "message": f.message, "text": f.text[:120]})
        for (rule_id, clause), left in expected.items():
            for _ in range(left):
                note = next((lb.note for lb in by_file[name] if lb.rule == rule_id and lb.clause == clause), "")
                result.tally(rule_id).fn += 1
                result.false_negatives.append({"file": name, "rule": rule_id, "clause": clause, "note": note})
    for path in clean_samples():
        result.clean_files += 1
        rel = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        for f in run_checks(load_document(path)):
            if f.rule not in ours:
                continue
            tally = result.tally(f.rule)
            tally.fp += 1
            tally.fp_clean += 1
            result.clean_errors += f.severity.value == "error"
            result.clean_findings.append({"file": rel, "rule": f.rule, "severity": f.severity.value,
                                          "clause": f.clause, "message": f.message, "text": f.text[:120]})
    result.seconds = time.perf_counter() - started
    return result


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def render(result: Result, verbose: bool = False) -> str:
    lines = [f"{'rule':<9} {'prec':>5} {'recall':>6} {'support':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'fp(clean)':>9}"]
    for rule_id, t in sorted(result.per_rule.items()):
        if t.tp + t.fp + t.fn == 0:
            continue
        lines.append(f"{rule_id:<9} {_fmt(t.precision):>5} {_fmt(t.recall):>6} {t.support:>7} {t.tp:>4} {t.fp:>4} "
                     f"{t.fn:>4} {t.fp_clean:>9}")
    silent = sorted(r for r, t in result.per_rule.items() if t.tp + t.fp + t.fn == 0)
    total = result.overall
    lines.append("-" * 56)
    lines.append(f"{'overall':<9} {_fmt(total.precision):>5} {_fmt(total.recall):>6} {total.support:>7} "
                 f"{total.tp:>4} {total.fp:>4} {total.fn:>4} {total.fp_clean:>9}")
    lines.append(f"rules with no labels and no findings: {', '.join(silent) if silent else '-'}")
    lines.append(f"case files: {result.files}; clean samples: {result.clean_files}; "
                 f"error findings on clean samples: {result.clean_errors}; {result.seconds:.2f} s")
    ok = (total.precision or 0) >= TARGET_PRECISION and (total.recall or 0) >= TARGET_RECALL and \
        result.clean_errors == 0
    lines.append(f"targets (precision ≥ {TARGET_PRECISION}, recall ≥ {TARGET_RECALL}, 0 clean errors): "
                 f"{'met' if ok else 'NOT met'}")
    if verbose or result.clean_findings:
        for f in result.clean_findings:
            lines.append(f"  clean {f['severity']}: {f['file']} {f['rule']} [{f['clause']}] {f['message']}")
    if verbose:
        for f in result.false_positives:
            lines.append(f"  FP {f['file']} {f['rule']} [{f['clause']}] {f['message']} | {f['text']}")
        for f in result.false_negatives:
            lines.append(f"  FN {f['file']} {f['rule']} [{f['clause']}] {f['note']}")
    return "\n".join(lines)


def to_json(result: Result) -> dict[str, Any]:
    total = result.overall
    return {
        "overall": {"precision": total.precision, "recall": total.recall, "support": total.support, "tp": total.tp,
                    "fp": total.fp, "fn": total.fn, "fp_clean": total.fp_clean},
        "per_rule": {r: {"precision": t.precision, "recall": t.recall, "support": t.support, "tp": t.tp, "fp": t.fp,
                         "fn": t.fn, "fp_clean": t.fp_clean} for r, t in sorted(result.per_rule.items())},
        "clean_error_findings": result.clean_errors,
        "clean_findings": result.clean_findings,
        "false_positives": result.false_positives,
        "false_negatives": result.false_negatives,
        "case_files": result.files,
        "clean_files": result.clean_files,
        "seconds": round(result.seconds, 3),
        "targets": {"precision": TARGET_PRECISION, "recall": TARGET_RECALL, "clean_errors": 0},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate the GB/T 1.1 drafting checks / 评估起草检查规则")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--verbose", "-v", action="store_true", help="list false positives and negatives")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is not met")
    parser.add_argument("--set", choices=("development", "heldout", "both"), default="both",
                        help="development: cases/ (rules were tuned on it); heldout: heldout/ (written apart, "
                             "never tuned on)")
    args = parser.parse_args(argv)
    if args.set == "both":
        main([*(argv or sys.argv[1:]), "--set", "development"])
        return main([*(argv or sys.argv[1:]), "--set", "heldout"])
    global CASES, CLEAN, LABELS
    base = HERE / "heldout" if args.set == "heldout" else HERE
    CASES, CLEAN, LABELS = base / "cases", base / "clean", base / "labels.yaml"
    print(f"\n[{args.set} set: {base.relative_to(ROOT)}]")
    if not LABELS.is_file():
        print(f"no labels at {LABELS.relative_to(ROOT)}; nothing to evaluate", file=sys.stderr)
        return 0
    result = evaluate()
    print(render(result, verbose=args.verbose))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    total = result.overall
    met = (total.precision or 0) >= TARGET_PRECISION and (total.recall or 0) >= TARGET_RECALL and \
        result.clean_errors == 0
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
