""".docx to a Document: paragraphs and tables in body order become lines for the text parser.

Heading styles are kept only as hints (markdown marks); the GB numbering in the text decides,
because real Word drafts apply heading styles inconsistently.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from assistant.document.errors import InputError
from assistant.document.model import Document
from assistant.document.parse_text import parse_text, remap_lines

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200  # a zip bomb inflates far beyond what Office XML compresses to


def check_zip_container(path: Path, label: str) -> None:
    """Refuse zip bombs, missing parts and XML with DTDs/entities before any XML parser sees the file."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_UNZIPPED_BYTES:
                raise InputError(label, f"unpacks to {total // 2**20} MB, over the {MAX_UNZIPPED_BYTES // 2**20} MB "
                                        "limit (zip bomb?) / 解压后过大")
            for info in infos:
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
                    raise InputError(label, f"part {info.filename} has a compression ratio over {MAX_RATIO} "
                                            "(zip bomb?) / 压缩比异常")
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise InputError(label, "not a Word document: word/document.xml is missing / 缺少正文部件")
            for name in names:
                if name.endswith(".xml") or name.endswith(".rels"):
                    head = zf.read(name)[:4096] if zf.getinfo(name).file_size < 50 * 2**20 else zf.open(name).read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise InputError(label, f"part {name} declares a DTD or entities; refused for safety "
                                                "/ 含有DTD或实体声明")
    except zipfile.BadZipFile:
        raise InputError(label, "corrupt .docx: not a valid zip container / 文件已损坏") from None


def docx_lines(path: Path, label: str) -> tuple[list[str], list[int]]:
    """Body paragraphs and table rows as text lines, with the body-element index of each line."""
    import docx  # python-docx; imported here so text-only use does not pay for lxml start-up

    check_zip_container(path, label)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise InputError(label, f"cannot open .docx: {exc.__class__.__name__}: {exc} / 无法打开") from None
    lines: list[str] = []
    where: list[int] = []
    for index, element in enumerate(document.element.body.iterchildren()):
        if element.tag == f"{W_NS}p":
            text = "".join(
                (node.text or "") if node.tag == f"{W_NS}t" else "\t"
                for node in element.iter(f"{W_NS}t", f"{W_NS}tab")
            )
            style = element.find(f"{W_NS}pPr/{W_NS}pStyle")
            style_id = style.get(f"{W_NS}val") if style is not None else ""
            level = _heading_level(style_id or "")
            for part in text.split("\n"):
                lines.append(("#" * level + " " if level and part.strip() else "") + part)
                where.append(index)
        elif element.tag == f"{W_NS}tbl":
            for row in element.iter(f"{W_NS}tr"):
                cells = []
                for cell in row.iter(f"{W_NS}tc"):
                    cell_text = " ".join(
                        "".join(t.text or "" for t in p.iter(f"{W_NS}t")) for p in cell.iter(f"{W_NS}p")
                    ).strip()
                    cells.append(cell_text.replace("|", "｜"))
                lines.append("| " + " | ".join(cells) + " |")
                where.append(index)
            lines.append("")
            where.append(index)
    return lines, where


def _heading_level(style_id: str) -> int:
    m = re.search(r"(?:Heading|标题)\s*(\d)", style_id, re.I)
    return int(m.group(1)) if m else 0


def parse_docx(path: Path, label: str) -> Document:
    lines, where = docx_lines(path, label)
    document = parse_text("\n".join(lines), label)
    remap_lines(document, where, "paragraph")
    return document
