"""Uploaded files: saved to a private temporary file, size-checked, then read by the same loader as the
CLI, so a bad upload gets the loader's one-line reason (encrypted, zip bomb, XML entities, wrong type)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fastapi import UploadFile

from assistant.document.errors import InputError
from assistant.document.loader import SUFFIXES, load_document
from assistant.document.model import Document
from assistant.workspace.errors import Invalid
from assistant.workspace.jobs import safe_name

CHUNK = 1 << 20


def save_upload(upload: UploadFile, folder: Path, max_bytes: int) -> Path:
    """Copy the upload to ``folder`` under a safe name; refuse it when too large or of an unknown type."""
    name = safe_name(upload.filename or "upload")
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise Invalid(f"{name}：不支持的文件类型“{suffix or '（无）'}”，请用.md、.txt、.docx或.pdf",
                      f"{name}: unsupported file type '{suffix or '(none)'}'; use .md, .txt, .docx or .pdf",
                      field="file")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    written = 0
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".upload-", suffix=suffix, delete=False) as out:
        tmp = Path(out.name)
        try:
            while chunk := upload.file.read(CHUNK):
                written += len(chunk)
                if written > max_bytes:
                    raise Invalid(f"{name}：文件超过{max_bytes // 2**20} MB上限",
                                  f"{name}: the file is over the {max_bytes // 2**20} MB limit", field="file")
                out.write(chunk)
        except BaseException:
            out.close()
            tmp.unlink(missing_ok=True)
            raise
    shutil.move(tmp, target)
    return target


def read_upload(upload: UploadFile, max_bytes: int) -> Document:
    with tempfile.TemporaryDirectory() as tmp:
        path = save_upload(upload, Path(tmp), max_bytes)
        try:
            return load_document(path, max_bytes)
        except InputError as exc:
            raise Invalid(f"{path.name}：{exc.problem}", f"{path.name}: {exc.problem}", field="file") from None
