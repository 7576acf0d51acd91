"""The assistant's settings reach the retrieval index's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.index import retrieval_config
from assistant.settings import Settings


def test_piece_lengths_come_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = retrieval_config(Settings(data_dir=tmp_path))
    assert default.pieces.zh > 0 and default.pieces.en > default.pieces.zh
    monkeypatch.setenv("STDRAFT_PIECE_CHARS_EN", "0")
    monkeypatch.setenv("STDRAFT_PIECE_CHARS_ZH", "250")
    configured = retrieval_config(Settings(data_dir=tmp_path))
    assert (configured.pieces.zh, configured.pieces.en) == (250, 0)
    monkeypatch.setenv("STDRAFT_PIECE_CHARS_EN", "-1")
    with pytest.raises(ValueError, match="piece_chars_en"):
        Settings(data_dir=tmp_path)
