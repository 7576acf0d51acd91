"""Real .docx and PDF files parse to the same outline as the text they were made from."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.document.loader import load_document
from assistant.document.model import ClauseKind, outline
from tests.conftest import corpus_files
from tests.document.builders import write_docx, write_pdf

SAMPLES = corpus_files()


def _items(path: Path) -> list[tuple[str, str, str, int]]:
    return [(i.number, i.title, i.kind.value, i.level) for i in outline(load_document(path))]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_docx_outline_matches_text(sample: Path, tmp_path: Path) -> None:
    document = load_document(sample)
    docx_path = write_docx(document, tmp_path / (sample.stem + ".docx"))
    parsed = load_document(docx_path)
    assert _items(docx_path) == _items(sample)
    assert [t.term for t in parsed.term_entries()] == [t.term for t in document.term_entries()]
    first = next(iter(parsed.walk()))
    assert first.location is not None and first.location.paragraph is not None


def test_docx_cover_lines_become_metadata(tmp_path: Path) -> None:
    sample = next(p for p in SAMPLES if "terminology" in p.name)
    document = load_document(sample)
    cover = ["ICS 35.240.01", "CCS L 70", "中华人民共和国国家标准", "GB/T 90001—2026", "人工智能　术语",
             "Artificial intelligence—Vocabulary", "2026-03-01 发布", "2026-10-01 实施"]
    document.meta = type(document.meta)()
    parsed = load_document(write_docx(document, tmp_path / "c.docx", cover=cover))
    assert parsed.meta.designation == "GB/T 90001—2026"
    assert parsed.meta.ics == "35.240.01" and parsed.meta.ccs == "L 70"
    assert parsed.meta.title_en == "Artificial intelligence—Vocabulary"
    assert parsed.meta.release_date == "2026-03-01" and parsed.meta.implementation_date == "2026-10-01"


@pytest.mark.parametrize("sample", SAMPLES[:2], ids=[p.name for p in SAMPLES[:2]])
def test_pdf_outline_matches_text(sample: Path, tmp_path: Path) -> None:
    document = load_document(sample)
    pdf_path = write_pdf(document, tmp_path / (sample.stem + ".pdf"), running_head=document.meta.designation)
    parsed = load_document(pdf_path)
    assert _items(pdf_path) == _items(sample)
    # page furniture is gone and wrapped paragraphs are whole again
    body = "\n".join(c.text() for c in parsed.walk())
    assert document.meta.designation not in body.split("\n")
    chapter = next(c for c in parsed.walk() if c.kind == ClauseKind.CHAPTER and c.number == "1")
    original = next(c for c in document.walk() if c.kind == ClauseKind.CHAPTER and c.number == "1")
    assert chapter.text() == original.text()
    assert chapter.location is not None and chapter.location.page is not None
