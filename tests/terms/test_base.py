"""The term base: sources, lookups by name, abbreviation, variant and description, the on-disk caches."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from assistant.terms.base import build_term_base, default_sources
from assistant.terms.entries import Origin
from assistant.terms.normalize import designation_key, en_key, number_key, term_key, term_keys
from tests.conftest import PUBLIC, ROOT
from tests.support.requires import missing
from tests.terms.conftest import hash_embedder, public_present


def test_sources_loaded(base):
    origins = {e.origin for e in base.entries}
    assert Origin.TERM_BASE in origins and Origin.DOCUMENT in origins
    assert sum(e.origin == Origin.TERM_BASE for e in base.entries) >= 150
    assert any(e.source.startswith("GB/T 90001") for e in base.entries)


def test_eu_definitions_present_when_public_folder_exists(base):
    if not public_present():
        missing("../shared/corpus/public is not beside this checkout")
    eu = [e for e in base.entries if e.origin == Origin.EU]
    assert len(eu) == 68
    provider = base.at("Regulation (EU) 2024/1689", "Article 3(3)")
    assert [e.term_en for e in provider] == ["provider"]
    assert not provider[0].definition.startswith("means")


def test_base_without_public_folder(tmp_path):
    yamls, docs = default_sources(ROOT / "corpus", tmp_path / "absent")
    assert all("eu-ai-act" not in p.name for p in docs)
    base = build_term_base(yamls, docs, tmp_path, embedder=hash_embedder, model="hash", with_vectors=False)
    assert base.by_zh("人工智能系统") and not any(e.origin == Origin.EU for e in base.entries)


@pytest.mark.parametrize("query,expected", [
    ("人工智能系统", "人工智能系统"),
    ("artificial intelligence system", "人工智能系统"),
    ("Artificial-Intelligence Systems", "人工智能系统"),
    ("AI系统", "人工智能系统"),
    ("ＡＩ系统", "人工智能系统"),  # full-width
    ("人工智慧系統", "人工智能系统"),  # traditional characters, 智慧 for 智能
    ("AI", "人工智能"),
    ("训练数据", "训练数据"),
])
def test_lookup_by_name(base, query, expected):
    found = base.lookup(query)
    assert found and expected in {m.entry.term_zh for m in found}
    assert {m.entry.term_zh for m in found} <= {expected, ""}  # "" : an EU Article 3 entry (English only)
    # side by side: the YAML record and the sample standard both define it
    assert len({m.entry.source for m in found}) >= 2


def test_lookup_by_description(base):
    found = base.lookup("在训练中用于确定或调整模型参数的数据样本")
    assert found and found[0].how == "description" and found[0].entry.term_zh == "训练数据"


def test_lookup_unknown(base):
    assert base.lookup("完全无关的查询词语组合甲乙丙") == []


def test_places_from_documents_and_references(base):
    assert [e.term_zh for e in base.at("GB/T 90001-2026", "3.1.2")] == ["人工智能系统"]
    assert any(e.term_zh == "人工智能系统" for e in base.at("ISO/IEC 22989:2022", "3.1.4"))


def test_normal_forms():
    assert term_key("人工智能体系") in term_keys("人工智能系统")
    assert "多智能体体系" in term_keys("多智能体系统")  # 体系 straddling 智能体|系统 must not break the swap
    assert term_key("ＡＩ系统") == term_key("AI系统")
    assert en_key("life-cycle") == en_key("life cycle") and en_key("Labelling") == en_key("labeling")
    assert designation_key("GB/T 90001—2026") == designation_key("GB/T 90001-2026")
    assert designation_key("Regulation (EU) 2024/1689")[0] == designation_key("EU AI Act")[0]
    assert number_key("Article 3(1)") == number_key("3（1）") == number_key("第3条第(1)项") == "3(1)"


def test_cache_makes_warm_load_fast(tmp_path):
    calls: list[int] = []

    def counting(texts: list[str]):
        calls.append(len(texts))
        return hash_embedder(texts)

    yamls, docs = default_sources(ROOT / "corpus", PUBLIC)
    first = build_term_base(yamls, docs, tmp_path, embedder=counting, model="hash-counted")
    embedded = sum(calls)
    assert embedded >= len(first)  # the primary definitions, then the English ones
    start = time.perf_counter()
    second = build_term_base(yamls, docs, tmp_path, embedder=counting, model="hash-counted")
    assert time.perf_counter() - start < 2.0
    assert sum(calls) == embedded  # nothing embedded again
    assert (second.vectors == first.vectors).all()
    assert len(json.loads(next(Path(tmp_path, "terms").glob("entries-*.json")).read_text(encoding="utf-8"))) == \
        len(first)


def test_vector_cache_keeps_rows_and_keys_paired(tmp_path):
    import numpy as np

    from assistant.terms.vectors import VectorCache

    cache = VectorCache(tmp_path, model="pairing-test", embedder=hash_embedder)
    first = cache.get(["甲乙丙丁", "戊己庚辛"])
    cache.put(["甲乙丙丁"], np.ones((1, 384), dtype=np.float32) / np.sqrt(384))  # overwrite a known text
    cache.put(["壬癸子丑"], hash_embedder(["壬癸子丑"]))
    reread = VectorCache(tmp_path, model="pairing-test", embedder=hash_embedder)
    reread._load()
    row = reread._matrix[reread._index[next(k for k in reread._index)]]
    assert row.shape == (384,)
    from assistant.terms.vectors import text_hash

    for text, expected in (("戊己庚辛", first[1]), ("壬癸子丑", hash_embedder(["壬癸子丑"])[0])):
        assert np.allclose(reread._matrix[reread._index[text_hash("pairing-test", text)]], expected)
    assert len(reread._index) == reread._matrix.shape[0] == 3
