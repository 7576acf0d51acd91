"""Markdown and plain text (including text extracted from PDF or OCR) to a Document."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Literal

from assistant.document.builder import Builder, split_term_line
from assistant.document.cover import (
    meta_from_front_matter,
    read_cover,
    read_eu_header,
    read_law_header,
    read_plain_header,
    split_front_matter,
)
from assistant.document.lines import Line, classify
from assistant.document.model import Document, DocumentMeta, Structure
from assistant.document.patterns import CJK, DESIGNATION, normalise_for_match, title_like

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BODY_START = {"foreword", "introduction", "contents", "numbered", "bare_number", "annex",
               "law_chapter", "law_article", "eu_chapter", "nist_function", "nist_category"}


def detect_structure(text: str) -> Structure:
    law = len(re.findall(r"(?m)^\s*#*\s*第[零一二三四五六七八九十百]+条[\s\u3000]", text))
    eu = len(re.findall(r"(?m)^#*\s*Article \d+\s*$", text))
    nist = len(re.findall(r"(?m)^(?:[-*]\s+)?(?:\*\*)?(?:GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+\b", text))
    gb = len(re.findall(r"(?m)^#*\s*(?:\d{1,2}(?:\.\d{1,3})*)[\s\u3000]+\S", normalise_for_match(text)))
    if law >= 3 and law >= gb / 4:
        return Structure.LAW
    eu_defs = len(re.findall(r"(?m)^\(\d+\)\s+[‘'\"“][^’'\"”]+[’'\"”]\s*,?\s+(?:[^‘\n]*?,\s+)?means\b", text))
    if eu >= 3 or eu_defs >= 3:
        return Structure.EU_ACT
    if nist >= 3 and gb < nist:
        return Structure.NIST_RMF
    return Structure.STANDARD


def parse_text(text: str, path: str = "", wrapped: bool | None = None) -> Document:
    """``wrapped``: lines may be hard-wrapped (PDF extraction, OCR, plain .txt), so an unfinished line
    continues on the next; in Markdown and .docx every line is a paragraph of its own. By default,
    .txt sources are taken as wrapped."""
    if wrapped is None:
        wrapped = path.lower().endswith((".txt", ".text"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    front, body, offset = split_front_matter(text, path)
    meta = meta_from_front_matter(front, path) if front else DocumentMeta()
    meta.source_path = path
    # comments (source notes in the public texts) are not content; keep line numbers by blanking them
    body = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), body).replace("\f", "\n")
    structure = Structure(front["structure"]) if "structure" in front else detect_structure(body)
    meta.structure = structure
    raw_lines = body.split("\n")
    numbered = _split_glued_headings(list(enumerate(raw_lines, start=1 + offset)), structure)
    lines = [classify(raw, lineno, structure.value) for lineno, raw in numbered]
    _drop_running_heads(lines, meta)
    start = _body_start(lines, structure)
    header = [ln.text if ln.md_level == 0 else "#" * ln.md_level + " " + ln.text for ln in lines[:start]]
    if structure == Structure.LAW:
        read_law_header([raw_lines[i] for i in range(start)], meta)
    elif structure == Structure.EU_ACT:
        read_eu_header([raw_lines[i] for i in range(start)], meta)
    elif structure == Structure.NIST_RMF:
        read_plain_header([raw_lines[i] for i in range(start)], meta)
    else:
        read_cover(header, meta)
        if meta.designation == "" and not meta.title_zh:
            read_plain_header([raw_lines[i] for i in range(start)], meta)
    if not front.get("language"):
        meta.language = _language(body)
    body_lines = _skip_contents(lines[start:])
    body_lines = _reorder_term_lines(body_lines)

    builder = Builder(path, structure.value, wrapped=wrapped)
    if m := re.search(r"\bArticle (\d+) definitions", "\n".join(raw_lines[:start + 5])):
        builder.default_article = f"Article {m.group(1)}"
    non_blank = [ln for ln in body_lines if ln.kind != "blank"]
    nxt = {id(a): b for a, b in pairwise(non_blank)}
    for line in body_lines:
        if structure == Structure.EU_ACT and line.text.strip() == "Whereas:":
            builder.start_recitals()
            continue
        builder.feed(line, nxt.get(id(line)))
    return Document(meta=meta, clauses=builder.finish())


_GLUED_NIST = re.compile(r"^(.*\S)\s{2,}((?:GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+)\s*$")


def _split_glued_headings(lines: list[tuple[int, str]], structure: Structure) -> list[tuple[int, str]]:
    """PDF extraction sometimes glues a heading to the end of the previous line ("2022).  MAP 1.2")."""
    if structure != Structure.NIST_RMF:
        return lines
    out: list[tuple[int, str]] = []
    for lineno, raw in lines:
        m = _GLUED_NIST.match(raw)
        if m and not raw.lstrip().startswith(("GOVERN", "MAP", "MEASURE", "MANAGE", "-")):
            out += [(lineno, m.group(1)), (lineno, m.group(2))]
        else:
            out.append((lineno, raw))
    return out


def remap_lines(document: Document, where: list[int], field: str) -> None:
    """Turn line numbers of synthesised text into .docx paragraph indexes or PDF pages."""
    for clause in document.walk():
        for loc in [clause.location, *(b.location for b in clause.blocks)]:
            if loc is not None and loc.line is not None and 0 < loc.line <= len(where):
                setattr(loc, field, where[loc.line - 1])
                if field == "paragraph":
                    loc.line = None


def _language(text: str) -> Literal["zh", "en"]:
    cjk = len(re.findall(f"[{CJK}]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk * 3 >= latin else "en"


def _body_start(lines: list[Line], structure: Structure) -> int:
    for i, line in enumerate(lines):
        if line.kind in _BODY_START:
            if line.kind == "numbered" and not title_like(line.rest):
                continue
            if line.kind == "bare_number":
                continue
            return i
        if (structure == Structure.EU_ACT and line.text.strip() in ("Whereas:",)) or (
            structure == Structure.EU_ACT and line.kind == "text" and line.md_level == 0 and i > 0
        ):
            return i
    return 0 if structure != Structure.STANDARD else len(lines) if not lines else 0


def _drop_running_heads(lines: list[Line], meta: DocumentMeta) -> None:
    """Page headers and footers repeated through PDF text ("GB/T 41867—2022", "NIST AI 100-1")."""
    counts = Counter(ln.text.strip() for ln in lines if ln.kind in ("text", "designation_line"))
    for line in lines:
        t = line.text.strip()
        if (line.kind in ("text", "designation_line") and counts[t] >= 3 and len(t) <= 60 and \
                not re.search(r"[。；，]", t)) or (line.kind == "designation_line" and DESIGNATION.fullmatch(normalise_for_match(t)) and counts[t] >= 2):
            line.kind = "page_artefact"


_ENTRY_KINDS = ("numbered", "annex", "bare_number", "law_chapter", "law_section", "eu_chapter", "eu_article")


def _skip_contents(lines: list[Line]) -> list[Line]:
    """Drop the 目次 block: its entries look like headings but are not.

    It ends at 前言/引言, at the first sentence, or where a numbered entry repeats (the body begins).
    """
    out: list[Line] = []
    in_contents = False
    seen: set[tuple[str, str]] = set()
    for line in lines:
        if line.kind == "contents":
            in_contents, seen = True, set()
            continue
        if in_contents:
            if line.kind in ("foreword", "introduction") or (line.kind == "text" and not title_like(line.text, 80)) or (line.kind in _ENTRY_KINDS and (line.kind, line.number) in seen):
                in_contents = False
            else:
                if line.kind in _ENTRY_KINDS:
                    seen.add((line.kind, line.number))
                continue
        out.append(line)
    return out


def _reorder_term_lines(lines: list[Line]) -> list[Line]:
    """Term lines placed before their number (OCR, copy-paste): move the number up.

    "**机器学习模型**　machine learning model" / "ML模型　ML model" / "3.3" / definition
    becomes "3.3" / term / admitted term / definition.
    """
    out = list(lines)
    idx = [i for i, ln in enumerate(out) if ln.kind != "blank"]
    for pos in range(1, len(idx) - 1):
        number, after = out[idx[pos]], out[idx[pos + 1]]
        if number.kind != "bare_number" or "." not in number.number or after.kind != "text":
            continue
        before = [out[idx[p]] for p in range(max(0, pos - 2), pos)]
        movable = [b for b in before if b.kind == "text" and _term_like(b, after.text)]
        # only the lines directly above the number, nearest first
        run: list[Line] = []
        for b in reversed(before):
            if b in movable:
                run.insert(0, b)
            else:
                break
        if not run:
            continue
        first = out.index(run[0])
        block = out[first : idx[pos] + 1]
        out[first : idx[pos] + 1] = [number, *[b for b in block if b is not number]]
    return out


def _term_like(line: Line, definition: str) -> bool:
    """A term line: 'term　English term', or a short emphasised term ('**label**')."""
    zh, en = split_term_line(line.text)
    if zh and en:
        return title_like(zh, 30) and len(line.text) <= 60
    head = zh or en
    return line.bold and bool(head) and title_like(head, 40) and len(head) < len(definition)
