"""Open any supported file as a Document, refusing bad input with one clear line."""

from __future__ import annotations

from pathlib import Path

from assistant.document.errors import InputError
from assistant.document.model import Document
from assistant.document.parse_text import parse_text

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf"}
_MAGIC = {b"%PDF": ".pdf", b"PK\x03\x04": ".docx", b"\xd0\xcf\x11\xe0": "ole"}


def sniff(head: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def decode_text(data: bytes, label: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(label, "binary content in a text file / 文本文件中含二进制内容")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(label, "not UTF-8 or GB18030 text / 编码无法识别")


def load_document(path: str | Path, max_bytes: int | None = None) -> Document:
    from assistant.settings import get_settings

    p = Path(path)
    label = str(path)
    if not p.exists():
        raise InputError(label, "no such file / 文件不存在")
    if not p.is_file():
        raise InputError(label, "not a file / 不是文件")
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(label, f"unsupported file type '{suffix or '(none)'}'; use .md, .txt, .docx or .pdf "
                                "/ 不支持的文件类型")
    size = p.stat().st_size
    limit = max_bytes if max_bytes is not None else get_settings().max_file_bytes
    if size > limit:
        raise InputError(label, f"file is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit "
                                "(STDRAFT_MAX_FILE_MB) / 文件过大")
    if size == 0:
        raise InputError(label, "empty file / 空文件")
    with p.open("rb") as fh:
        head = fh.read(8)
    actual = sniff(head)
    if actual == "ole":
        raise InputError(label, "an OLE container: a password-protected .docx or a legacy .doc; remove the password "
                                "or save as .docx / 加密或旧版Word文件")
    if suffix in TEXT_SUFFIXES:
        if actual in (".pdf", ".docx"):
            raise InputError(label, f"content is {actual}, but the name ends in {suffix} / 扩展名与内容不符")
        return parse_text(decode_text(p.read_bytes(), label), label)
    if actual != suffix:
        what = actual or "text or unknown data"
        raise InputError(label, f"content is {what}, not {suffix} / 扩展名与内容不符")
    if suffix == ".docx":
        from assistant.document.parse_docx import parse_docx

        return parse_docx(p, label)
    from assistant.document.parse_pdf import parse_pdf

    return parse_pdf(p, label)
