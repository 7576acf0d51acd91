"""Document metadata: YAML front matter, GB/ISO cover lines, and law/EU headers."""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.document.errors import InputError
from assistant.document.model import Adoption, DocumentKind, DocumentMeta, Stage
from assistant.document.patterns import DESIGNATION, collapse_cjk_spaces, is_cjk, normalise_for_match

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.S)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, rest of text, number of lines the front matter took)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text, 0
    try:
        # BaseLoader keeps every scalar as written: "ics: 35.020" must not become the float 35.02
        data = yaml.load(m.group(1), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        raise InputError(path, f"front matter is not valid YAML / 文件头YAML格式错误: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a mapping / 文件头应为键值对")
    return data, text[m.end() :], m.group(0).count("\n")


def meta_from_front_matter(data: dict[str, Any], path: str) -> DocumentMeta:
    fields = dict(data)
    # YAML reads "ics: 35.240" as a number and dates as dates; these fields are text
    for key in ("release_date", "implementation_date", "ics", "ccs", "designation", "plan_number", "replaces"):
        if key in fields and fields[key] is not None and not isinstance(fields[key], str):
            fields[key] = str(fields[key])
    if isinstance(fields.get("adoption"), dict):
        fields["adoption"] = Adoption(**fields["adoption"])
    if fields.get("stage") in ("published", "发布"):
        fields["stage"] = Stage.PUBLISHED
    designation = str(fields.get("designation") or "")
    if designation and "kind" not in fields:
        fields["kind"] = kind_of(designation)
    try:
        return DocumentMeta(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        raise InputError(path, f"front matter field '{field}': {err['msg']}") from None


def kind_of(designation: str) -> DocumentKind:
    d = designation.replace(" ", "").upper()
    for prefix, kind in (
        ("GB/T", DocumentKind.GBT),
        ("GB/Z", DocumentKind.GBZ),
        ("GB", DocumentKind.GB),
        ("ISO/IEC", DocumentKind.ISO_IEC),
        ("ISO", DocumentKind.ISO),
        ("IEC", DocumentKind.IEC),
        ("T/", DocumentKind.GROUP),
    ):
        if d.startswith(prefix):
            return kind
    if re.match(r"^[A-Z]{2}/[TZ]", d):
        return DocumentKind.SECTOR
    return DocumentKind.OTHER


_STAGES = {"征求意见稿": Stage.COMMENT_DRAFT, "送审稿": Stage.REVIEW_DRAFT, "报批稿": Stage.APPROVAL_DRAFT}


def read_cover(lines: list[str], meta: DocumentMeta) -> None:
    """Fill unset metadata from the cover lines of a GB or ISO document (before 目次/前言/1)."""
    for raw in lines:
        line = normalise_for_match(raw).strip().strip("#").strip()
        if not line:
            continue
        if m := re.match(r"^ICS\s*(.+)$", line):
            meta.ics = meta.ics or m.group(1).strip()
            continue
        if m := re.match(r"^CCS\s*(.+)$", line):
            meta.ccs = meta.ccs or m.group(1).strip()
            continue
        if m := re.match(r"^代替\s*(.+)$", line):
            meta.replaces = meta.replaces or m.group(1).strip()
            continue
        stage = next((s for k, s in _STAGES.items() if k in line), None)
        if stage is not None:
            meta.stage = meta.stage or stage
            continue
        if m := re.match(r"^(\d{4}-\d{2}-\d{2})\s*(发布|实施)$", line):
            if m.group(2) == "发布":
                meta.release_date = meta.release_date or m.group(1)
            else:
                meta.implementation_date = meta.implementation_date or m.group(1)
            continue
        if line.endswith("发布") and is_cjk(line):
            meta.issuing_bodies = meta.issuing_bodies or line[:-2].split()
            continue
        if line in ("中华人民共和国国家标准", "中华人民共和国国家标准化指导性技术文件", "INTERNATIONAL STANDARD"):
            continue
        dm = DESIGNATION.match(line)
        if dm and not meta.designation and len(line) - dm.end() < 30:
            meta.designation = dm.group(0).strip()
            meta.kind = kind_of(meta.designation)
            continue
        if is_cjk(line):
            if not meta.title_zh:
                meta.title_zh = collapse_cjk_spaces(line) if " " not in line.strip() else line
        elif re.search(r"[A-Za-z]", line) and not meta.title_en:
            meta.title_en = line


def read_law_header(lines: list[str], meta: DocumentMeta) -> None:
    for raw in lines:
        line = raw.strip()
        if line.startswith("#") and not meta.title_zh:
            meta.title_zh = line.lstrip("#").strip()
        elif m := re.match(r"^-\s*发布/通过日期[：:]\s*(\S+)", line):
            meta.release_date = m.group(1)
        elif m := re.match(r"^-\s*施行日期[：:]\s*(\S+)", line):
            meta.implementation_date = m.group(1)
        elif m := re.match(r"^-\s*发布机关[：:]\s*(.+)$", line):
            meta.issuing_bodies = [b for b in re.split(r"[、，,]", m.group(1)) if b]
    meta.kind = DocumentKind.LAW
    meta.designation = meta.designation or meta.title_zh


def read_eu_header(lines: list[str], meta: DocumentMeta) -> None:
    headings = [ln.lstrip("#").strip() for ln in lines if ln.startswith("#")]
    for h in headings:
        if m := re.search(r"(REGULATION|DIRECTIVE|Regulation|Directive) \((EU|EC)\) (\d{4}/\d+)", h):
            meta.designation = meta.designation or f"{m.group(1).title()} ({m.group(2)}) {m.group(3)}"
        if m := re.search(r"\(([^()]*Act)\)\s*$", h):
            meta.title_en = meta.title_en or m.group(1)
    if not meta.title_en and headings:
        meta.title_en = headings[0]
    meta.designation = meta.designation or meta.title_en
    meta.kind = DocumentKind.LAW
    meta.language = "en"


def read_plain_header(lines: list[str], meta: DocumentMeta) -> None:
    for raw in lines:
        line = raw.strip()
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            if is_cjk(title):
                meta.title_zh = meta.title_zh or title
            else:
                meta.title_en = meta.title_en or title
            break
    joined = "\n".join(lines)
    head = "\n".join([ln for ln in lines if ln.strip()][:8])
    if re.search(r"AI RMF\s+PLAYBOOK", head, re.I):
        meta.designation = meta.designation or "NIST AI RMF Playbook"
        meta.title_en = meta.title_en or "NIST AI RMF Playbook"
    if m := re.search(r"\b(NIST AI \d{3}-\d)\b", joined):
        meta.designation = meta.designation or m.group(1)
