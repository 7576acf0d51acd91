"""--against: NEW with OLD's differences as w:ins / w:del; accept all gives NEW, reject all gives OLD."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from assistant.document.loader import load_document
from assistant.document.model import outline
from assistant.export.docx_writer import write_docx
from assistant.export.revisions import tokens, word_diff
from tests.export.conftest import Rendered
from tests.export.revision_reader import body_lines, revision_counts


def test_accept_all_is_new_reject_all_is_old(exported: Rendered, tmp_path: Path) -> None:
    plain_new = body_lines(write_docx(exported.new, tmp_path / "new.docx"))
    plain_old = body_lines(write_docx(exported.old, tmp_path / "old.docx"))
    assert plain_new != plain_old
    assert body_lines(exported.tracked_docx, accept=True) == plain_new
    assert body_lines(exported.tracked_docx, accept=False) == plain_old


def test_changes_are_word_level(exported: Rendered) -> None:
    inserted, deleted = revision_counts(exported.tracked_docx)
    assert 0 < inserted < 200 and 0 < deleted < 200
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(exported.tracked_docx).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    deleted = ["".join(d.itertext()) for d in root.iter(f"{w}del") if d.getparent().tag == f"{w}p"]
    inserted = ["".join(i.itertext()) for i in root.iter(f"{w}ins") if i.getparent().tag == f"{w}p"]
    # OLD said "给出了" where NEW says "规定了": just that word is revised, not the sentence
    assert "给出" in deleted and "规定" in inserted


def test_tracked_file_imports_as_new(exported: Rendered) -> None:
    again = load_document(exported.tracked_docx)
    assert [(i.number, i.title) for i in outline(again)] == [(i.number, i.title) for i in outline(exported.new)]


def test_libreoffice_opens_tracked_file(exported: Rendered) -> None:
    assert len(PdfReader(exported.tracked_pdf).pages) >= 5


def test_word_diff_on_chinese() -> None:
    assert "规定" in tokens("本文件规定了过程要求")
    segs = word_diff([("本文件给出了过程要求。", "")], [("本文件规定了过程要求。", "")])
    deleted = "".join(t for t, _, c in segs if c == "del")
    inserted = "".join(t for t, _, c in segs if c == "ins")
    assert deleted and inserted and len(deleted) <= 3 and len(inserted) <= 3
    assert "".join(t for t, _, c in segs if c != "del") == "本文件规定了过程要求。"
    assert "".join(t for t, _, c in segs if c != "ins") == "本文件给出了过程要求。"
