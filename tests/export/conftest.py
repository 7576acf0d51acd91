"""One LibreOffice run for the whole export suite: two samples and one tracked-changes file become PDFs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.document.loader import load_document
from assistant.document.model import Document, Paragraph, Stage, Table
from tests.conftest import CORPUS
from tests.support.requires import missing as skip_or_fail

PUBLISHED = CORPUS / "sample-ai-data-quality-mod.md"
DRAFT = CORPUS / "sample-hetero-chip-programming-model-draft.md"


def older_version(document: Document) -> Document:
    """A plausible earlier draft of `document`: a changed word, a changed definition, a table cell, a clause
    that was later removed, a clause that was later added, and another title."""
    old = document.model_copy(deep=True)
    old.meta.title_zh = old.meta.title_zh.replace("过程要求", "过程指南")
    scope = old.find("1")
    assert scope is not None and isinstance(scope.blocks[0], Paragraph)
    scope.blocks[0].text = scope.blocks[0].text.replace("规定了", "给出了")
    entries = old.term_entries()
    entries[0].definition = "数据满足其预期用途要求的程度"
    table = next(b for c in old.walk() for b in c.blocks if isinstance(b, Table) and len(b.rows) > 2)
    table.rows[1][-1] = table.rows[1][-1] + "（旧）"
    chapter = old.find("5")
    assert chapter is not None and len(chapter.children) > 2
    del chapter.children[1]  # NEW adds this clause
    extra = chapter.children[0].model_copy(deep=True)
    extra.number, extra.title, extra.children = "5.9", "已删除的条", []
    chapter.children.append(extra)  # NEW removes this clause
    return old


@dataclass
class Rendered:
    published_docx: Path
    draft_docx: Path
    tracked_docx: Path
    published_pdf: Path
    draft_pdf: Path
    tracked_pdf: Path
    new: Document
    old: Document


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    from assistant.export.docx_writer import write_docx
    from assistant.export.render import missing_tools, to_pdf
    from assistant.export.revisions import write_tracked_docx

    missing = missing_tools()
    if missing:
        skip_or_fail(f"rendering tools missing ({', '.join(missing)}): `make sysdeps` installs them")
    root = tmp_path_factory.mktemp("export")
    new = load_document(PUBLISHED)
    old = older_version(new)
    published = write_docx(new, root / "published.docx")
    draft = write_docx(load_document(DRAFT), root / "draft.docx", stage=Stage.COMMENT_DRAFT)
    tracked = write_tracked_docx(new, old, root / "tracked.docx")
    profile = root / "lo-profile"
    pdfs = to_pdf([published, draft, tracked], root / "pdf", profile=profile)
    yield Rendered(published, draft, tracked, *pdfs, new=new, old=old)
    shutil.rmtree(profile, ignore_errors=True)
