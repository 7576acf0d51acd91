"""Shared fixtures: paths to the corpora, and a private data directory for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.requires import missing

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "standards"
PUBLIC = (ROOT.parent / "shared" / "corpus" / "public").resolve()


def public_files() -> list[Path]:
    if not PUBLIC.is_dir():
        return []
    return sorted(p for p in PUBLIC.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md") if CORPUS.is_dir() else []


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # user state never leaks between tests or into the checkout
    monkeypatch.setenv("STDRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    from assistant.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def require_public() -> Path:
    if not PUBLIC.is_dir():
        missing("../shared/corpus/public is not beside this checkout")
    return PUBLIC
