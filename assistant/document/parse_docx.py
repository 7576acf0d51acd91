""".docx to a Document: paragraphs and tables in body order become lines for the text parser.

Heading styles are kept only as hints (markdown marks); the GB numbering in the text decides,
because real Word drafts apply heading styles inconsistently.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

from assistant.document.errors import InputError
from assistant.document.model import Document, DocumentMeta
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
    fields: list[str] = []  # open complex fields (TOC, PAGE, ...), innermost last; spans paragraphs
    for index, element in enumerate(document.element.body.iterchildren()):
        if element.tag == f"{W_NS}p":
            text = _paragraph_text(element, fields)
            style = element.find(f"{W_NS}pPr/{W_NS}pStyle")
            style_id = style.get(f"{W_NS}val") if style is not None else ""
            if _SKIPPED_STYLE.match(style_id or ""):
                continue  # 目次 entries and the title repeated over chapter 1 are not content
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


# TOC entry styles (Word's "toc 1" is TOC1) and the title stdraft repeats above chapter 1
_SKIPPED_STYLE = re.compile(r"^(?:TOC\d|GBBodyTitle)$", re.I)
# stdraft's own styles that stand for headings: the term number ("3.1") needs the hint a heading mark gives
_STYLE_LEVELS = {"GBTermNumber": 3, "GBFrontHeading": 2, "GBAnnexHeading": 2}


def _paragraph_text(element: Any, fields: list[str]) -> str:
    """Text of w:t and w:tab, leaving out what a TOC field shows (its entries are not headings)."""
    parts: list[str] = []
    for node in element.iter(f"{W_NS}t", f"{W_NS}tab", f"{W_NS}fldChar", f"{W_NS}instrText"):
        if node.tag == f"{W_NS}fldChar":
            kind = node.get(f"{W_NS}fldCharType")
            if kind == "begin":
                fields.append("")
            elif kind == "end" and fields:
                fields.pop()
        elif node.tag == f"{W_NS}instrText":
            if fields and not fields[-1]:
                fields[-1] = (node.text or "").strip().split(" ", 1)[0].upper()
        elif "TOC" not in fields:
            parts.append((node.text or "") if node.tag == f"{W_NS}t" else "\t")
    return "".join(parts)


def _heading_level(style_id: str) -> int:
    if style_id in _STYLE_LEVELS:
        return _STYLE_LEVELS[style_id]
    m = re.search(r"(?:Heading|标题)\s*(\d)", style_id, re.I)
    return int(m.group(1)) if m else 0


def parse_docx(path: Path, label: str) -> Document:
    lines, where = docx_lines(path, label)
    document = parse_text("\n".join(lines), label, wrapped=False)
    remap_lines(document, where, "paragraph")
    _stdraft_metadata(path, document.meta)
    return document


def _stdraft_metadata(path: Path, meta: DocumentMeta) -> None:
    """Metadata of a file stdraft exported: the cover paragraphs by their style, as the user left them.

    The generic cover reader normalises widths and guesses fields from content; the styles say exactly
    which line is which. The core-properties comment carries what the cover does not show.
    """
    import docx

    document = docx.Document(str(path))
    comment = document.core_properties.comments or ""
    if comment.startswith("stdraft-meta:"):
        try:
            data = json.loads(comment[len("stdraft-meta:"):])
        except ValueError:
            data = {}
        if isinstance(data, dict):
            merged = {**meta.model_dump(), **{k: v for k, v in data.items() if k in _CORE_FIELDS}}
            try:
                fresh = DocumentMeta.model_validate(merged)
            except ValueError:
                fresh = meta
            for key in _CORE_FIELDS:
                setattr(meta, key, getattr(fresh, key))
        # texts without a GB cover (laws, EU acts) keep their title and designation in the core properties
        title = document.core_properties.title or ""
        if title and not meta.title_zh and not meta.title_en:
            if re.search(r"[\u4e00-\u9fff]", title):
                meta.title_zh = title
            else:
                meta.title_en = title
        meta.designation = meta.designation or document.core_properties.subject or ""
    cover: dict[str, list[str]] = {}
    for element in document.element.body.iterchildren(f"{W_NS}p"):
        style = element.find(f"{W_NS}pPr/{W_NS}pStyle")
        style_id = style.get(f"{W_NS}val") if style is not None else ""
        if style_id and style_id.startswith("GBCover"):
            text = "".join(t.text or "" for t in element.iter(f"{W_NS}t")).strip()
            if text:
                cover.setdefault(style_id, []).append(text)
    if cover:
        _apply_cover(cover, meta)


_CORE_FIELDS = ("kind", "structure", "adoption", "plan_number", "sample", "language", "stage", "release_date",
                "implementation_date", "issuing_bodies")


def _apply_cover(cover: dict[str, list[str]], meta: DocumentMeta) -> None:
    from assistant.document.cover import kind_of
    from assistant.document.model import Adoption, AdoptionDegree, Stage

    for line in cover.get("GBCoverCode", []):
        if m := re.match(r"^(ICS|CCS)\s*(.+)$", line):
            setattr(meta, m.group(1).lower(), m.group(2).strip())
    if d := cover.get("GBCoverDesignation"):
        meta.designation, meta.kind = d[0], kind_of(d[0])
    if r := cover.get("GBCoverReplaces"):
        meta.replaces = re.sub(r"^代替\s*", "", r[0])
    titles = cover.get("GBCoverTitleZh", []) + cover.get("GBCoverTitleEn", [])
    if titles:
        zh = [t for t in titles if re.search(r"[\u4e00-\u9fff]", t)]
        en = [t for t in titles if t not in zh]
        meta.title_zh, meta.title_en = (zh[0] if zh else ""), (en[0] if en else "")
    adoption = cover.get("GBCoverAdoption", [""])[0]
    if m := re.match(r"^[（(]\s*(.+?)\s*[,，]\s*(IDT|MOD|NEQ)\s*[)）]$", adoption):
        meta.adoption = Adoption(degree=AdoptionDegree(m.group(2)), source=m.group(1))
    if s := cover.get("GBCoverStage"):
        stage = s[0].strip("（）() ")
        meta.stage = next((x for x in Stage if x.value == stage), meta.stage)
    for style, field in (("GBCoverDate", "release_date"), ("GBCoverDateRight", "implementation_date")):
        if v := cover.get(style):
            m = re.match(r"^(\d{4}-\d{2}-\d{2})", v[0])
            setattr(meta, field, m.group(1) if m else "")
    if i := cover.get("GBCoverIssuer"):
        meta.issuing_bodies = [b for b in re.split(r"[\s\u3000]+", re.sub(r"\s*发布$", "", i[0])) if b]
