"""An exported file re-imports; damaged or hostile copies of it are refused with a clear message."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from assistant.document.errors import InputError
from assistant.document.loader import load_document
from assistant.export.docx_writer import write_docx
from tests.export.conftest import PUBLISHED


@pytest.fixture(scope="module")
def exported_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(load_document(PUBLISHED), tmp_path_factory.mktemp("hostile") / "ok.docx")


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change.get(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in change.items():
            if name not in zin.namelist() and data is not None:
                zout.writestr(name, data)
    return target


def test_exported_file_reimports(exported_file: Path) -> None:
    assert load_document(exported_file).meta.designation == "GB/T 90003—2026"


def test_truncated_file_is_refused(exported_file: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.docx"
    data = exported_file.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="corrupt"):
        load_document(cut)


def test_missing_body_part_is_refused(exported_file: Path, tmp_path: Path) -> None:
    broken = _rewrite(exported_file, tmp_path / "nobody.docx", {"word/document.xml": None})
    with pytest.raises(InputError, match=r"document\.xml is missing"):
        load_document(broken)


def test_external_entity_is_refused(exported_file: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(exported_file) as zf:
        xml = zf.read("word/document.xml")
    evil = xml.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    broken = _rewrite(exported_file, tmp_path / "xxe.docx", {"word/document.xml": evil})
    with pytest.raises(InputError, match="DTD or entities"):
        load_document(broken)


def test_zip_bomb_part_is_refused(exported_file: Path, tmp_path: Path) -> None:
    # 4 MB of zeros deflate to a few kB: a ratio no Office part reaches
    broken = _rewrite(exported_file, tmp_path / "bomb.docx", {"word/media/pad.bin": b"\0" * (4 * 2**20)})
    with pytest.raises(InputError, match="compression ratio"):
        load_document(broken)
