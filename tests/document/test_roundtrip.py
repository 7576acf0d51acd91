"""parse → Markdown → parse keeps the outline (and term entries) of every sample and public text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.document.loader import load_document
from assistant.document.markdown import to_markdown
from assistant.document.model import outline
from assistant.document.parse_text import parse_text
from tests.conftest import corpus_files, public_files

MESSY = sorted((Path(__file__).parent / "messy").glob("[0-9]*.[mt][dx]*"))
FILES = corpus_files() + public_files() + MESSY


def _shape(path: Path) -> tuple[list[tuple[str, str, str, int, bool | None]], list[tuple[str, str, str]]]:
    document = load_document(path)
    again = parse_text(to_markdown(document), str(path))
    items = [(i.number, i.title, i.kind.value, i.level, i.normative) for i in outline(again)]
    terms = [(t.number, t.term, t.definition) for t in again.term_entries()]
    return items, terms


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_markdown_round_trip(path: Path) -> None:
    document = load_document(path)
    expected_items = [(i.number, i.title, i.kind.value, i.level, i.normative) for i in outline(document)]
    expected_terms = [(t.number, t.term, t.definition) for t in document.term_entries()]
    items, terms = _shape(path)
    assert items == expected_items
    assert terms == expected_terms


def test_round_trip_keeps_metadata() -> None:
    samples = corpus_files()
    assert samples, "corpus/standards has no samples"
    for path in samples:
        document = load_document(path)
        again = parse_text(to_markdown(document), str(path))
        assert again.meta.model_dump(exclude={"source_path"}) == document.meta.model_dump(exclude={"source_path"})
