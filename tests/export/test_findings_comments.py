"""Review comments: the findings of `stdraft check` travel with the exported .docx as Word comments."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from assistant.checks.annotate import read_comments
from assistant.cli.main import app
from tests.conftest import CORPUS


def test_export_with_findings_writes_comments(tmp_path: Path) -> None:
    out = tmp_path / "draft.docx"
    result = CliRunner().invoke(app, ["export", str(CORPUS / "sample-hetero-chip-programming-model-draft.md"),
                                      "-o", str(out), "--with-findings"])
    assert result.exit_code == 0, result.output
    comments = read_comments(out)
    texts = " ".join(text for _, text in comments)
    assert len(comments) >= 20
    assert "REQ-101" in texts and "REQ-102" in texts  # the draft's infeasible requirements are commented


def test_export_without_findings_has_no_comments(tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    result = CliRunner().invoke(app, ["export", str(CORPUS / "sample-ai-terminology.md"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_comments(out) == []
