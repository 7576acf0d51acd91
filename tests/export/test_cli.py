"""stdraft export: plain, with --stage, with --against; bad options fail with exit 2."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.main import app
from assistant.document.loader import load_document
from assistant.document.markdown import to_markdown
from assistant.document.model import Stage
from tests.export.conftest import PUBLISHED, older_version
from tests.export.revision_reader import revision_counts

runner = CliRunner()


def test_export_with_stage(tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    result = runner.invoke(app, ["export", str(PUBLISHED), "-o", str(out), "--stage", "征求意见稿"])
    assert result.exit_code == 0, result.output
    assert load_document(out).meta.stage == Stage.COMMENT_DRAFT


def test_export_against_old(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    old.write_text(to_markdown(older_version(load_document(PUBLISHED))), encoding="utf-8")
    out = tmp_path / "t.docx"
    result = runner.invoke(app, ["export", str(PUBLISHED), "--against", str(old), "-o", str(out)])
    assert result.exit_code == 0, result.output
    inserted, deleted = revision_counts(out)
    assert inserted and deleted


def test_bad_stage_and_suffix(tmp_path: Path) -> None:
    bad = runner.invoke(app, ["export", str(PUBLISHED), "-o", str(tmp_path / "x.docx"), "--stage", "草稿"])
    assert bad.exit_code == 2 and "unknown stage" in bad.output
    bad = runner.invoke(app, ["export", str(PUBLISHED), "-o", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 2
