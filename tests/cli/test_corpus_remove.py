"""`stdraft corpus remove`: the document leaves the index and the source registry; an unknown one is an error."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.main import app
from assistant.corpus.index import open_index
from assistant.corpus.ingest import ingest, registry
from assistant.settings import get_settings

DOC = """---
designation: GB/T 99201—2026
kind: GB/T
title_zh: 人工智能　删除测试样例
language: zh
sample: true
---

## 1　范围
本文件规定了删除测试的要求。
"""


def test_remove_then_remove_again(tmp_path: Path) -> None:
    source = tmp_path / "doc.md"
    source.write_text(DOC, encoding="utf-8")
    settings = get_settings()
    with open_index(settings) as index:
        assert not ingest([source], index, settings).errors
    runner = CliRunner()
    first = runner.invoke(app, ["corpus", "remove", "GB/T 99201—2026"])
    assert first.exit_code == 0 and "GB/T 99201—2026" in first.output
    with open_index(settings) as index:
        assert index.documents() == []
    assert "GB/T 99201—2026" not in registry(settings).entries.values()
    again = runner.invoke(app, ["corpus", "remove", "GB/T 99201—2026"])
    assert again.exit_code == 2 and "not in the index" in again.output
