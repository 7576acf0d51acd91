"""The project's clean samples and the public texts: no errors, no crashes, spans that fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checks import CheckContext, Severity, run_checks
from assistant.document.loader import load_document
from tests.conftest import corpus_files, public_files

REQ_DRAFT = "sample-hetero-chip-programming-model-draft.md"
SAMPLES = [p for p in corpus_files() if p.name != "README.md"]


@pytest.mark.parametrize("path", [p for p in SAMPLES if p.name != REQ_DRAFT], ids=lambda p: p.name)
def test_clean_samples_have_no_errors(path: Path) -> None:
    errors = [f for f in run_checks(load_document(path)) if f.severity == Severity.ERROR]
    assert errors == [], [f.message for f in errors]


@pytest.mark.parametrize("path", SAMPLES + public_files(), ids=lambda p: p.name)
def test_no_internal_errors_and_spans_fit(path: Path) -> None:
    document = load_document(path)
    ctx = CheckContext(document)
    for seg in ctx.segments:
        assert seg.clause.text()[seg.offset:seg.offset + len(seg.text)] == seg.text
    found = run_checks(document)
    assert not [f for f in found if f.rule == "SYS-001"]
    texts = {ctx.label(c): c.text() for c in ctx.clauses}
    for f in found:
        if f.span is not None and f.clause in texts:
            start, end = f.span
            assert 0 <= start <= end <= len(texts[f.clause])
