"""Every public text parses into the units a reader would cite, in the numbers the texts have."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.document.loader import load_document
from assistant.document.model import ClauseKind, Structure
from tests.conftest import public_files, require_public

# (file, structure, {kind: count}) — counts read from the texts themselves (see shared/corpus/public/README.md)
EXPECTED = [
    ("cn-gov-genai-interim-measures-2023.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 24}),
    ("cn-gov-deep-synthesis-provisions-2022.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 25}),
    ("cn-gov-algorithm-recommendation-provisions-2021.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 35}),
    ("cn-law-data-security-law-2021.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 55}),
    ("cn-law-personal-information-protection-law-2021.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 74}),
    ("cn-law-cybersecurity-law-2025-amended.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 81}),
    ("cn-reg-network-data-security-regulation-2024.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 64}),
    ("cn-reg-government-data-sharing-regulation-2025.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 44}),
    ("cn-law-standardization-law-2017.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 45}),
    ("cn-law-science-technology-progress-law-2021.zh.md", Structure.LAW, {ClauseKind.ARTICLE: 117}),
    ("eu-ai-act-2024-1689.en.md", Structure.EU_ACT,
     {ClauseKind.ARTICLE: 113, ClauseKind.ANNEX: 13, ClauseKind.CHAPTER: 13, ClauseKind.RECITAL: 180,
      ClauseKind.POINT: 68}),
    ("eu-ai-act-art3-definitions.en.md", Structure.EU_ACT, {ClauseKind.POINT: 68}),
    ("nist-ai-rmf-1.0-core.en.md", Structure.NIST_RMF,
     {ClauseKind.FUNCTION: 4, ClauseKind.CATEGORY: 19, ClauseKind.SUBCATEGORY: 72}),
    ("nist-ai-100-1-ai-rmf-1.0.en.txt", Structure.NIST_RMF,
     {ClauseKind.CATEGORY: 19, ClauseKind.SUBCATEGORY: 72, ClauseKind.CHAPTER: 6, ClauseKind.ANNEX: 4}),
    ("nist-ai-rmf-playbook.en.txt", Structure.NIST_RMF, {ClauseKind.SUBCATEGORY: 72}),
]


def test_every_public_file_is_covered() -> None:
    public = require_public()
    listed = {name for name, _, _ in EXPECTED}
    assert {p.name for p in public_files()} == listed, f"new files in {public}: add their expected counts"


@pytest.mark.parametrize(("name", "structure", "counts"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_public_text_unit_counts(name: str, structure: Structure, counts: dict[ClauseKind, int]) -> None:
    document = load_document(require_public() / name)
    assert document.meta.structure == structure
    found = Counter(c.kind for c in document.walk())
    for kind, expected in counts.items():
        assert found[kind] == expected, f"{name}: {kind} {found[kind]} != {expected}"


def test_law_articles_are_numbered_in_sequence() -> None:
    from assistant.document.patterns import cn_to_int

    for path in public_files():
        if not path.name.startswith("cn-"):
            continue
        articles = [c.number for c in load_document(path).walk() if c.kind == ClauseKind.ARTICLE]
        numbers = [cn_to_int(a[1:-1]) for a in articles]
        assert numbers == list(range(1, len(numbers) + 1)), path.name


def test_citable_units_carry_text_and_location() -> None:
    document = load_document(require_public() / "cn-gov-genai-interim-measures-2023.zh.md")
    article = document.find("第七条")
    assert article is not None
    assert "训练数据" in article.text()
    assert article.location is not None and article.location.line and article.location.line > 10
    assert document.meta.designation == "生成式人工智能服务管理暂行办法"


def test_eu_definitions_are_term_entries() -> None:
    document = load_document(require_public() / "eu-ai-act-2024-1689.en.md")
    point = document.find("Article 3(1)")
    assert point is not None and point.title == "AI system"
    entry = point.term_entry
    assert entry is not None and entry.definition.startswith("means a machine-based system")
    assert document.meta.designation == "Regulation (EU) 2024/1689"
    article = document.find("Article 9")
    assert article is not None and article.title == "Risk management system"
    chapter = document.find("Chapter III")
    assert chapter is not None and chapter.title == "High-risk AI systems"


def test_nist_subcategory_text() -> None:
    document = load_document(require_public() / "nist-ai-rmf-1.0-core.en.md")
    sub = document.find("GOVERN 1.1")
    assert sub is not None and "Legal and regulatory requirements" in sub.text()
    assert document.find("MANAGE 4.3") is not None


def test_pdf_extraction_artefacts_are_removed(tmp_path: Path) -> None:
    document = load_document(require_public() / "nist-ai-100-1-ai-rmf-1.0.en.txt")
    texts = "\n".join(c.text() for c in document.walk())
    assert "Page 22" not in texts
    sub = document.find("GOVERN 1.2")
    assert sub is not None and "integrated into organizational" in sub.text()  # "inte-\ngrated" joined
