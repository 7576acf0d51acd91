"""Alignment on handmade edits: renumbering by insertion, move, split, merge, insert, delete."""

from __future__ import annotations

from assistant.compare import compare_documents
from assistant.compare.model import Comparison
from tests.compare.conftest import CLAUSES, base, base_chapters, doc, render


def _pairs(result: Comparison) -> dict[tuple[str | None, str | None], str]:
    return {(p.left, p.right): p.status.value for p in result.pairs}


def _no_embed(texts: object) -> object:
    raise AssertionError("monolingual alignment of these edits needs no embeddings")


def test_identical_documents_are_unchanged() -> None:
    result = compare_documents(base(), base(), embedder=_no_embed)  # type: ignore[arg-type]
    assert {p.status.value for p in result.pairs} == {"unchanged"}
    assert all(p.left == p.right for p in result.pairs)


def test_insert_renumbers_later_clauses() -> None:
    chapters = base_chapters()
    chapters[0][2].insert(1, ("4.2", "日志格式", "日志条目应包含时间、主体、客体、操作类型和结果五个字段。"))
    chapters[0] = ("4", "日志", [(f"4.{i + 1}", t, b) for i, (_, t, b) in enumerate(chapters[0][2])])
    pairs = _pairs(compare_documents(base(), doc(render(chapters)), embedder=_no_embed))  # type: ignore[arg-type]
    assert pairs[(None, "4.2")] == "added"
    assert pairs[("4.2", "4.3")] == "unchanged"
    assert pairs[("4.3", "4.4")] == "unchanged"
    assert pairs[("4.4", "4.5")] == "unchanged"


def test_delete() -> None:
    chapters = base_chapters()
    del chapters[1][2][1]
    chapters[1] = ("5", "备份", [("5.1", *CLAUSES["5.1"]), ("5.2", *CLAUSES["5.3"])])
    pairs = _pairs(compare_documents(base(), doc(render(chapters)), embedder=_no_embed))  # type: ignore[arg-type]
    assert pairs[("5.2", None)] == "deleted"
    assert pairs[("5.3", "5.2")] == "unchanged"


def test_move_to_another_chapter() -> None:
    chapters = base_chapters()
    chapters[0] = ("4", "日志", [(k, *CLAUSES[k]) for k in ("4.1", "4.2", "4.4")])
    chapters[0] = ("4", "日志", [(f"4.{i + 1}", t, b) for i, (_, t, b) in enumerate(chapters[0][2])])
    chapters[1][2].append(("5.4", *CLAUSES["4.3"]))
    pairs = _pairs(compare_documents(base(), doc(render(chapters)), embedder=_no_embed))  # type: ignore[arg-type]
    assert pairs[("4.3", "5.4")] == "moved"
    assert pairs[("4.4", "4.3")] == "unchanged"


def test_split_one_clause_into_two() -> None:
    long = CLAUSES["5.3"][1] + "演练发现的问题应在30天内完成整改，并对整改结果进行验证。"
    left = base_chapters()
    left[1][2][2] = ("5.3", "恢复演练", long)
    right = base_chapters()
    right[1][2][2] = ("5.3", "恢复演练", CLAUSES["5.3"][1])
    right[1][2].append(("5.4", "问题整改", "演练发现的问题应在30天内完成整改，并对整改结果进行验证。"))
    pairs = _pairs(compare_documents(doc(render(left)), doc(render(right)), embedder=_no_embed))  # type: ignore[arg-type]
    assert pairs[("5.3", "5.3")] == "split"
    assert pairs[("5.3", "5.4")] == "split"


def test_merge_two_clauses_into_one() -> None:
    right = base_chapters()
    right[1] = ("5", "备份", [("5.1", "备份策略和介质", CLAUSES["5.1"][1] + CLAUSES["5.2"][1]),
                             ("5.2", *CLAUSES["5.3"])])
    pairs = _pairs(compare_documents(base(), doc(render(right)), embedder=_no_embed))  # type: ignore[arg-type]
    assert pairs[("5.1", "5.1")] == "merged"
    assert pairs[("5.2", "5.1")] == "merged"
    assert (None, "5.1") not in pairs  # the merged unit is not also reported as added
    assert pairs[("5.3", "5.2")] == "unchanged"


def test_crosslingual_uses_numbers_and_embeddings() -> None:
    """With a stand-in embedder: each unit is a one-hot of its topic, so translations coincide."""
    import numpy as np

    from assistant.compare import embed as embed_module

    topics = [("操作日志", "administrator"), ("防篡改", "tampering"), ("时钟", "clocks"), ("关联分析", "analysis"),
              ("备份策略", "policy"), ("物理隔离", "production"), ("恢复演练", "drill"), ("规定了", "specifies"),
              ("起草", "prepared"), ("日志\n", "Logging\n"), ("备份\n", "Backup\n")]

    def fake(texts: object) -> object:
        out = []
        for t in texts:  # type: ignore[attr-defined]
            v = np.full(16, 0.05, dtype=np.float32)
            hit = next((i for i, pair in enumerate(topics) if any(k in t for k in pair)), 15)
            v[hit] = 1.0
            out.append(v / np.linalg.norm(v))
        return np.stack(out)

    embed_module._CACHE.clear()
    en = doc("""---
designation: ISO/IEC 99990:2025
language: en
---

## Foreword
This document was prepared by a test committee.

## 1　Scope
This document specifies logging requirements.

## 4　Logging
### 4.1　Logging records
All administrator operations shall be recorded and logs kept for at least 6 months.
### 4.2　Log protection
Log files shall be protected against tampering.
### 4.3　Clock synchronisation
Node clocks shall be synchronised with a deviation of no more than 1 s.
### 4.4　Log analysis
Automated tools should be used for log analysis.

## 5　Backup
### 5.1　Backup policy
A backup policy shall be established.
### 5.2　Backup media
Backup media shall be stored apart from production.
### 5.3　Recovery drill
A recovery drill shall be performed every year.
""")
    result = compare_documents(en, base(), embedder=fake)  # type: ignore[arg-type]
    embed_module._CACHE.clear()
    assert result.mode == "crosslingual"
    pairs = _pairs(result)
    for key in ("4.1", "4.2", "4.3", "5.1", "5.2", "5.3"):
        assert (key, key) in pairs, key


def _topic_embedder(seen: list[str]) -> object:
    """Texts about driver alerts embed 0.94 apart (close in meaning, below a near-copy); anything else apart."""
    import numpy as np

    def fake(texts: object) -> object:
        out = []
        for t in texts:  # type: ignore[attr-defined]
            seen.append(t)
            v = np.zeros(8, dtype=np.float32)
            if "告警" in t:
                v[0], v[1] = 1.0, (0.36 if "值班" in t else 0.0)
            else:
                v[2 + len(t) % 6] = 1.0
            out.append(v / np.linalg.norm(v))
        return np.stack(out)
    return fake


def test_a_rewording_moved_to_another_chapter_needs_a_near_copy() -> None:
    from assistant.compare import embed as embed_module

    reworded = ("4.4", "日志分析", "平台须借助自动化工具分析日志，一旦发现可疑登录即通知值班人员并告警。")
    embed_module._CACHE.clear()
    chapters = base_chapters()
    chapters[0][2][3] = reworded
    seen: list[str] = []
    in_place = _pairs(compare_documents(base(), doc(render(chapters)), embedder=_topic_embedder(seen)))  # type: ignore[arg-type]
    assert in_place[("4.4", "4.4")] == "technical"  # reworded where it stood: still that clause

    chapters = base_chapters()
    del chapters[0][2][3]
    chapters[1][2].append(("5.4", *reworded[1:]))
    seen.clear()
    moved = _pairs(compare_documents(base(), doc(render(chapters)), embedder=_topic_embedder(seen)))  # type: ignore[arg-type]
    embed_module._CACHE.clear()
    assert any("值班" in t for t in seen)  # meaning was asked, and 0.94 is not a near-copy
    assert moved[("4.4", None)] == "deleted" and moved[(None, "5.4")] == "added"
