"""GET /api/drafts/{id}/related: the overlap report and suggested normative references of a stored version."""

from __future__ import annotations

from pathlib import Path

from assistant.workspace.access import Role
from tests.api.workspace import GROUPS, make_workspace

CORPUS_DOC = """---
designation: GB/T 90009—2026
kind: GB/T
title_zh: 人工智能　数据标注过程管理
stage: published
structure: standard
language: zh
---

## 1　范围
本文件规定了人工智能数据标注过程的管理要求。

## 4　过程要求
### 4.1　质量抽检
每批标注结果应按不低于5%的比例抽检，抽检不合格的批次应全部返工。
"""

DRAFT = """---
designation: GB/T 99998—2026
kind: GB/T
title_zh: 人工智能　数据标注质量要求
stage: 征求意见稿
structure: standard
language: zh
---

## 1　范围
本文件规定了人工智能系统训练数据标注的质量要求。

## 4　要求
### 4.1　抽检比例
每批标注结果应按不低于10%的比例抽检，抽检不合格的批次应全部返工。

### 4.2　标注工具
标注工具的界面应支持深色模式。
"""


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "public"
    folder.mkdir()
    (folder / "sample-annotation-process.md").write_text(CORPUS_DOC, encoding="utf-8")
    return folder


def test_related_of_a_version_with_an_indexed_corpus(tmp_path: Path) -> None:
    from assistant.corpus.index import open_index
    from assistant.corpus.ingest import ingest

    folder = _corpus(tmp_path)
    ws = make_workspace(tmp_path / "data", public_corpus_dir=folder)
    with open_index(ws.settings) as index:
        assert not ingest([folder], index, ws.settings).errors
    draft = ws.create_draft(content=DRAFT)
    r = ws.client.get(f"/api/drafts/{draft}/related", headers=ws.headers(Role.REVIEWER))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["version"] == 1 and body["notes"] == []
    clauses = {c["number"]: c for c in body["overlap"]["clauses"]}
    match = clauses["4.1"]["matches"][0]
    assert (match["source_file"], match["number"], match["relation"]) == (
        "sample-annotation-process.md", "4.1", "stricter")  # 10 % against "not less than 5 %"
    assert clauses["4.2"]["matches"] == []  # nothing in the corpus is about dark mode
    # the draft uses the terminology sample's term 人工智能系统: GB/T 90001 is suggested for chapter 2
    assert any(s["source_file"] == "sample-ai-terminology.md" for s in body["references"])
    assert body["chapter_2"] and all("　" in line for line in body["chapter_2"])


def test_related_without_an_index_says_so_and_still_suggests_references(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "data", public_corpus_dir=_corpus(tmp_path))
    draft = ws.create_draft(content=DRAFT)
    r = ws.client.get(f"/api/drafts/{draft}/related?version=1", headers=ws.headers(Role.DRAFTER))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["overlap"] is None and "nothing is indexed" in body["notes"][0]
    assert any(s["source_file"] == "sample-ai-terminology.md" for s in body["references"])
    # another group's member gets the same 404 as for a missing draft
    other = ws.client.get(f"/api/drafts/{draft}/related", headers=ws.headers(Role.ADMIN, GROUPS[1]))
    assert other.status_code == 404
    missing = ws.client.get(f"/api/drafts/{draft}/related?version=9", headers=ws.headers(Role.DRAFTER))
    assert missing.status_code == 404


def test_a_corpus_file_that_does_not_parse_is_left_out(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "broken.docx").write_bytes(b"not a docx at all")
    ws = make_workspace(tmp_path / "data", public_corpus_dir=folder)
    draft = ws.create_draft(content=DRAFT)
    r = ws.client.get(f"/api/drafts/{draft}/related", headers=ws.headers(Role.DRAFTER))
    assert r.status_code == 200, r.text
    assert any(s["source_file"] == "sample-ai-terminology.md" for s in r.json()["references"])
