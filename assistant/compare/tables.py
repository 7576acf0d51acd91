"""Tables of two documents, aligned and diffed cell by cell.

A table belongs to the unit that holds it, so tables are paired through the unit alignment first (the
table of clause 6.2.2 against the table of the clause 6.2.2 became), then by table number. Rows are paired
in order: by their wording in one language, by what a translation keeps (values, Latin tokens, term-base
names, the first cell's position) across two. A changed cell gets a word diff in one language; across
languages only its values are compared, since words cannot be.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

import numpy as np

from assistant.compare.crosslingual import values
from assistant.compare.diff import word_diff
from assistant.compare.model import CellChange, TableDiff
from assistant.compare.similarity import jaccard, shingles
from assistant.compare.units import ALIGNED, LABELS, normalise, unit_key
from assistant.document.model import Clause, Document, Table

ROW_MATCH = 0.5  # a row keeping half its wording is the same row, edited


@dataclass
class Located:
    table: Table
    unit: str  # key of the holding unit (clause number, 前言, 引言)


def tables_of(document: Document) -> list[Located]:
    out: list[Located] = []

    def visit(clause: Clause, holder: str) -> None:
        here = unit_key(clause) if clause.kind in ALIGNED or clause.kind in LABELS else holder
        out.extend(Located(b, here) for b in clause.blocks if isinstance(b, Table))
        for child in clause.children:
            visit(child, here)

    for top in document.clauses:
        visit(top, top.number)
    return out


def compare_tables(left: Document, right: Document, unit_pairs: list[tuple[str | None, str | None]],
                   crosslingual: bool) -> list[TableDiff]:
    """UNIT_PAIRS: the (LEFT key, RIGHT key) rows of the unit comparison, splits and merges included."""
    lt, rt = tables_of(left), tables_of(right)
    pairs: list[tuple[int, int]] = []
    used_l: set[int] = set()
    used_r: set[int] = set()
    # 1. through the units that hold them, in table order within the unit
    for lu, ru in unit_pairs:
        if lu is None or ru is None:
            continue
        ls = [k for k, t in enumerate(lt) if t.unit == lu and k not in used_l]
        rs = [k for k, t in enumerate(rt) if t.unit == ru and k not in used_r]
        for a, b in zip(ls, rs, strict=False):
            pairs.append((a, b))
            used_l.add(a)
            used_r.add(b)
    # 2. by number, for tables whose holders were not paired (a table moved to another clause)
    by_number = {t.table.number: k for k, t in enumerate(rt) if k not in used_r and t.table.number}
    for a, t in enumerate(lt):
        match = by_number.get(t.table.number)
        if a not in used_l and match is not None and match not in used_r:
            pairs.append((a, match))
            used_l.add(a)
            used_r.add(match)
    out = [diff_table(lt[a], rt[b], crosslingual) for a, b in sorted(pairs, key=lambda p: p[1])]
    out += [_alone(rt[b], "added") for b in range(len(rt)) if b not in used_r]
    out += [_alone(lt[a], "deleted") for a in range(len(lt)) if a not in used_l]
    return out


def _shape(table: Table) -> tuple[int, int]:
    return len(table.rows), max((len(r) for r in table.rows), default=0)


def _alone(located: Located, status: Literal["added", "deleted"]) -> TableDiff:
    t = located.table
    if status == "added":
        return TableDiff(left=None, right=t.number, right_unit=located.unit, caption_right=t.caption,
                         status=status, shape_right=_shape(t), rows_added=list(range(len(t.rows))))
    return TableDiff(left=t.number, right=None, left_unit=located.unit, caption_left=t.caption, status=status,
                     shape_left=_shape(t), rows_deleted=list(range(len(t.rows))))


def diff_table(left: Located, right: Located, crosslingual: bool) -> TableDiff:
    lt, rt = left.table, right.table
    rows = _pair_rows(lt.rows, rt.rows, crosslingual)
    cells: list[CellChange] = []
    for a, b in rows:
        lrow, rrow = lt.rows[a], rt.rows[b]
        for c in range(max(len(lrow), len(rrow))):
            x = lrow[c] if c < len(lrow) else ""
            y = rrow[c] if c < len(rrow) else ""
            if crosslingual:
                if values(x) != values(y):
                    cells.append(CellChange(row=b, column=c, left=x, right=y))
            elif normalise(x) != normalise(y) or (x.strip() != y.strip() and normalise(x) == ""):
                cells.append(CellChange(row=b, column=c, left=x, right=y, diff=word_diff(x, y)))
    paired_l = {a for a, _ in rows}
    paired_r = {b for _, b in rows}
    added = [b for b in range(len(rt.rows)) if b not in paired_r]
    deleted = [a for a in range(len(lt.rows)) if a not in paired_l]
    changed = bool(cells or added or deleted or _shape(lt)[1] != _shape(rt)[1])
    return TableDiff(left=lt.number, right=rt.number, left_unit=left.unit, right_unit=right.unit,
                     caption_left=lt.caption, caption_right=rt.caption,
                     status="changed" if changed else "unchanged", shape_left=_shape(lt), shape_right=_shape(rt),
                     rows_added=added, rows_deleted=deleted, cells=cells,
                     added_text=["　".join(rt.rows[b]) for b in added],
                     deleted_text=["　".join(lt.rows[a]) for a in deleted])


def _pair_rows(left: list[list[str]], right: list[list[str]], crosslingual: bool) -> list[tuple[int, int]]:
    if not left or not right:
        return []
    if crosslingual:
        return _pair_rows_crosslingual(left, right)
    a = [normalise("".join(r)) for r in left]
    b = [normalise("".join(r)) for r in right]
    out: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += list(zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "replace":
            # edited rows: pair each with the most alike row of the other block, in order
            j = j1
            for i in range(i1, i2):
                scores = [(jaccard(shingles(left[i][0] if left[i] else ""), shingles(right[k][0] if right[k] else ""))
                           + jaccard(shingles(" ".join(left[i])), shingles(" ".join(right[k]))), k)
                          for k in range(j, j2)]
                if not scores:
                    break
                best, k = max(scores)
                if best >= ROW_MATCH:
                    out.append((i, k))
                    j = k + 1
    return out


def _pair_rows_crosslingual(left: list[list[str]], right: list[list[str]]) -> list[tuple[int, int]]:
    """Rows in order, scored by the values and Latin tokens they keep; the header always pairs."""
    from assistant.compare.structure import concepts, monotone

    def keys(row: list[str], chinese: bool) -> set[str]:
        text = " ".join(row)
        out = {f"v:{v}#{k}" for v, n in values(text).items() for k in range(n)}
        out |= {f"c:{c}" for c in concepts(text, chinese)}
        out |= {f"l:{w.lower()}" for w in _latin_words(text)}
        return out

    left_zh = _is_chinese(left)
    lk = [keys(r, left_zh) for r in left]
    rk = [keys(r, not left_zh) for r in right]
    score = np.zeros((len(left), len(right)))
    for i, a in enumerate(lk):
        for j, b in enumerate(rk):
            union = len(a | b)
            overlap = len(a & b) / union if union else 0.0
            place = 1.0 - abs(i / max(len(left) - 1, 1) - j / max(len(right) - 1, 1))
            score[i, j] = 2 * overlap + place
    score[0, 0] += 3.0
    return sorted(monotone(score, floor=1.2).items())


def _latin_words(text: str) -> list[str]:
    import re

    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9+#/]*", text) if len(w) >= 2 and not w.islower()]


def _is_chinese(rows: list[list[str]]) -> bool:
    text = "".join("".join(r) for r in rows)
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 0.15 * max(len(text), 1)
