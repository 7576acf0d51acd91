"""compare_documents: align two Documents, classify every aligned pair, and summarise."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

from assistant.compare.align import Alignment, align
from assistant.compare.classify import classify
from assistant.compare.crosslingual import classify_crosslingual
from assistant.compare.diff import word_diff
from assistant.compare.embed import Embedder
from assistant.compare.model import Comparison, PairResult, Status, Summary, TableDiff
from assistant.compare.tables import compare_tables
from assistant.compare.units import Unit, extract_units, language_of
from assistant.document.model import Document


def compare_files(left: str | Path, right: str | Path, crosslingual: bool | None = None,
                  embedder: Embedder | None = None) -> Comparison:
    from assistant.document.loader import load_document

    return compare_documents(load_document(left), load_document(right), crosslingual=crosslingual,
                             embedder=embedder, left_label=str(left), right_label=str(right))


def compare_documents(left: Document, right: Document, crosslingual: bool | None = None,
                      embedder: Embedder | None = None, left_label: str = "", right_label: str = "") -> Comparison:
    lu, ru = extract_units(left), extract_units(right)
    if crosslingual is None:
        crosslingual = language_of(lu) != language_of(ru)
    alignment = align(lu, ru, crosslingual=crosslingual, embedder=embedder)
    pairs = _results(lu, ru, alignment, crosslingual)
    tables = compare_tables(left, right, [(p.left, p.right) for p in pairs], crosslingual)
    if crosslingual:
        _table_deviations(pairs, tables)
    counts = Counter(p.status.value for p in pairs)
    mode: Literal["monolingual", "crosslingual"] = "crosslingual" if crosslingual else "monolingual"
    return Comparison(
        left_label=left_label or left.meta.designation or left.meta.title,
        right_label=right_label or right.meta.designation or right.meta.title,
        mode=mode,
        pairs=pairs,
        tables=tables,
        summary=Summary(counts={s.value: counts.get(s.value, 0) for s in Status}, left_units=len(lu),
                        right_units=len(ru), mode=mode),
    )


def _results(lu: list[Unit], ru: list[Unit], al: Alignment, crosslingual: bool) -> list[PairResult]:
    right_of = al.right_of()
    rows: list[tuple[float, PairResult]] = []  # (position in RIGHT order, row)

    def row(i: int | None, j: int | None, status: Status) -> PairResult:
        a = lu[i] if i is not None else None
        b = ru[j] if j is not None else None
        either = b or a
        return PairResult(left=a.key if a else None, right=b.key if b else None, status=status,
                          kind=either.kind.value if either else "",
                          left_title=a.title if a else "", right_title=b.title if b else "",
                          score=al.scores.get((i, j), 0.0) if i is not None and j is not None else 0.0,
                          left_text=a.text if a else "", right_text=b.text if b else "")

    for i, j in al.pairs.items():
        if crosslingual:
            informative = lu[i].group in ("foreword", "introduction")
            status, changes = classify_crosslingual(lu[i].body, ru[j].body, informative, term=lu[i].group == "term")
        else:
            status, changes = classify(lu[i].text, ru[j].text, lu[i].body, ru[j].body, term=lu[i].group == "term")
            if status == Status.TECHNICAL and lu[i].group in ("foreword", "introduction"):
                status = Status.EDITORIAL  # GB/T 1.1: the foreword and introduction hold no provisions
        if status in (Status.UNCHANGED, Status.EDITORIAL) and _moved(lu[i], ru[j], right_of):
            status = Status.MOVED
            changes = ["moved to another parent / 移至其他上级章条", *changes]
        r = row(i, j, status)
        r.changes = changes
        if not crosslingual and status != Status.UNCHANGED:
            r.diff = word_diff(lu[i].text, ru[j].text)
        rows.append((j, r))
    for i, parts in al.splits.items():
        for j in parts:
            r = row(i, j, Status.SPLIT)
            r.diff = [] if crosslingual else word_diff(lu[i].text, ru[j].text)
            rows.append((j, r))
    for j, parts in al.merges.items():
        for i in parts:
            r = row(i, j, Status.MERGED)
            r.diff = [] if crosslingual else word_diff(lu[i].text, ru[j].text)
            rows.append((j + i / 1000, r))
    matched_right = set(al.pairs.values()) | {j for parts in al.splits.values() for j in parts} | set(al.merges)
    for j in range(len(ru)):
        if j not in matched_right:
            r = row(None, j, Status.ADDED)
            r.diff = [] if crosslingual else word_diff("", ru[j].text)
            rows.append((j, r))
    matched_left = set(al.pairs) | set(al.splits) | {i for parts in al.merges.values() for i in parts}
    placed = dict(right_of)
    for parts_j, parts in al.merges.items():
        for i in parts:
            placed[i] = parts_j
    for i in range(len(lu)):
        if i in matched_left:
            continue
        # a deleted unit sits after the RIGHT row of the nearest preceding LEFT unit that survived
        anchor = next((placed[k] for k in range(i - 1, -1, -1) if k in placed), -1)
        r = row(i, None, Status.DELETED)
        r.diff = [] if crosslingual else word_diff(lu[i].text, "")
        rows.append((anchor + 0.5 + i / 10000, r))
    rows.sort(key=lambda t: t[0])
    return [r for _, r in rows]


def _table_deviations(pairs: list[PairResult], tables: list[TableDiff]) -> None:
    """Across languages the words of a table cannot be diffed, but a row added or removed can be counted: a
    translation keeps its rows, so a unit whose table gained or lost one deviates technically."""
    for table in tables:
        if table.status != "changed" or not (table.rows_added or table.rows_deleted):
            continue
        for p in pairs:
            if p.left == table.left_unit and p.right == table.right_unit and p.left and p.right:
                if p.status in (Status.UNCHANGED, Status.EDITORIAL):
                    p.status = Status.TECHNICAL
                p.changes.append(f"table / 表格: {table.summary()}")


def _moved(left: Unit, right: Unit, right_of: dict[int, int]) -> bool:
    if left.parent is None and right.parent is None:
        return False
    if left.parent is None or right.parent is None:
        return True
    return right_of.get(left.parent) != right.parent
