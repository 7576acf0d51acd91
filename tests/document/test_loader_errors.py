"""Bad input is refused with one line naming the file and the problem, exit code 2, no traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.document.errors import InputError
from assistant.document.loader import load_document
from tests.conftest import corpus_files
from tests.document.builders import write_docx


def _docx(tmp_path: Path) -> Path:
    return write_docx(load_document(corpus_files()[0]), tmp_path / "ok.docx")


def _expect(path: Path, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        load_document(path)
    assert str(path) in str(info.value)
    assert fragment in str(info.value)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "e.md").write_bytes(b"")
    _expect(tmp_path / "e.md", "empty file")


def test_binary_file_named_text(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 10)
    _expect(tmp_path / "b.txt", "binary content")


def test_wrong_extension(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_text("a")
    _expect(tmp_path / "x.xlsx", "unsupported file type '.xlsx'")
    pdf_named_docx = tmp_path / "really-a-pdf.docx"
    pdf_named_docx.write_bytes(b"%PDF-1.7\n%...")
    _expect(pdf_named_docx, "content is .pdf, not .docx")
    docx_named_md = tmp_path / "doc.md"
    docx_named_md.write_bytes(_docx(tmp_path).read_bytes())
    _expect(docx_named_md, "content is .docx, but the name ends in .md")


def test_gb18030_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("## 1　范围\n本文件规定了术语。\n".encode("gb18030"))
    assert load_document(path).find("1") is not None


def test_encrypted_docx(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _docx(tmp_path)
    encrypted = tmp_path / "locked.docx"
    with plain.open("rb") as src, encrypted.open("wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    _expect(encrypted, "password-protected")


def test_corrupt_docx(tmp_path: Path) -> None:
    data = _docx(tmp_path).read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(data[: len(data) // 2])
    _expect(broken, "corrupt .docx")


def test_docx_missing_body_part(tmp_path: Path) -> None:
    path = tmp_path / "nobody.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    _expect(path, "word/document.xml is missing")


def test_zip_bomb_docx(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (8 * 2**20))
    _expect(path, "zip bomb")


def test_docx_with_external_entity(tmp_path: Path) -> None:
    source = _docx(tmp_path)
    hostile = tmp_path / "xxe.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(hostile, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1
                )
            zout.writestr(item, data)
    _expect(hostile, "DTD or entities")


def test_corrupt_and_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    corrupt = tmp_path / "c.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    _expect(corrupt, "corrupt PDF")
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    (tmp_path / "e.pdf").write_bytes(buf.getvalue())
    _expect(tmp_path / "e.pdf", "encrypted PDF")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with (tmp_path / "scan.pdf").open("wb") as fh:
        writer.write(fh)
    _expect(tmp_path / "scan.pdf", "no text layer")


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as fh:
        fh.truncate(200 * 2**20)  # sparse: 200 MB on paper, nothing on disk
    _expect(big, "over the 50 MB limit")


def test_bad_front_matter_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\nstage: 草稿\n---\n## 1　范围\n", encoding="utf-8")
    _expect(path, "front matter field 'stage'")


@pytest.mark.parametrize("name", ["empty.md", "big.pdf", "missing.docx"])
def test_cli_error_is_one_line_exit_2(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "empty.md":
        path.write_bytes(b"")
    elif name == "big.pdf":
        with path.open("wb") as fh:
            fh.truncate(200 * 2**20)
    result = subprocess.run([sys.executable, "-m", "assistant.cli.main", "outline", str(path)],
                            capture_output=True, text=True, env={**os.environ}, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("stdraft: error: ") and str(path) in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
