"""Write the findings into a copy of the input .docx as Word comments anchored at the offending text."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.checks.model import Finding
from assistant.document.errors import InputError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph as DocxParagraph
    from docx.text.run import Run

    from assistant.document.model import Document

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AUTHOR = "stdraft"
INITIALS = "SD"


def comment_text(f: Finding) -> str:
    lines = [f"[{f.rule}] {f.message_zh}", f.message_en]
    if f.suggestion:
        lines.append(f"建议 / Suggestion: {f.suggestion}")
    return "\n".join(lines)


def annotate_docx(source: Path, findings: Sequence[Finding], out: Path, document: Document | None = None) -> int:
    """Save ``source`` with one comment per finding to ``out``; return the number of comments written.

    Findings carry the body-element index of their paragraph (``location.paragraph``); a finding without one
    (cover, whole document) is anchored at its clause heading or, failing that, the first paragraph.
    """
    if source.suffix.lower() != ".docx":
        raise InputError(str(source), "--annotate needs a .docx input; annotating an exported copy of other "
                                      "formats is not supported / 批注仅支持.docx输入")
    import docx

    word = docx.Document(str(source))
    body = list(word.element.body.iterchildren())
    paragraphs = {p._p: p for p in word.paragraphs}
    tables = {t._tbl: t for t in word.tables}
    headings = _clause_paragraphs(document)
    fallback = next((p for p in word.paragraphs if p.text.strip()), None)
    written = 0
    for f in findings:
        index = f.location.paragraph if f.location is not None else None
        if index is None:
            index = headings.get(f.clause)
        target = _paragraph_for(body[index], f.text, paragraphs, tables) if index is not None and \
            0 <= index < len(body) else None
        target = target or fallback
        if target is None:
            continue
        runs = _anchor(target, f.text)
        word.add_comment(runs, text=comment_text(f), author=AUTHOR, initials=INITIALS)
        written += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    word.save(str(out))
    return written


def _clause_paragraphs(document: Document | None) -> dict[str, int]:
    if document is None:
        return {}
    from assistant.checks.context import CheckContext

    ctx = CheckContext(document)
    found: dict[str, int] = {}
    for clause in ctx.clauses:
        if clause.location is not None and clause.location.paragraph is not None:
            found.setdefault(ctx.label(clause), clause.location.paragraph)
    return found


def _paragraph_for(element: Any, text: str, paragraphs: dict[Any, DocxParagraph],
                   tables: dict[Any, Any]) -> DocxParagraph | None:
    if element.tag == f"{W_NS}p":
        return paragraphs.get(element)
    if element.tag == f"{W_NS}tbl" and element in tables:
        cells = [p for row in tables[element].rows for cell in row.cells for p in cell.paragraphs]
        needle = _needle(text)
        return next((p for p in cells if needle and needle in p.text), None) or next(
            (p for p in cells if p.runs), None)
    return None


def _needle(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first.rstrip("…").strip()


def _anchor(paragraph: DocxParagraph, text: str) -> list[Run]:
    """The runs covering ``text`` in the paragraph, splitting plain runs at its edges; else every run."""
    runs = list(paragraph.runs)
    if not runs:
        return [paragraph.add_run("")]
    needle = _needle(text)
    joined = "".join(r.text for r in runs)
    at = joined.find(needle) if needle else -1
    if at < 0:
        return runs
    return _isolate(runs, at, at + len(needle)) or runs


def _plain(run: Run) -> bool:
    return all(child.tag in (f"{W_NS}rPr", f"{W_NS}t") for child in run._r)


def _split(run: Run, at: int) -> Run:
    """Split a plain-text run at ``at``; return the second half (the first stays in place)."""
    from docx.text.run import Run as DocxRun

    clone = copy.deepcopy(run._r)
    run._r.addnext(clone)
    text = run.text
    run.text = text[:at]
    second = DocxRun(clone, run._parent)
    second.text = text[at:]
    return second


def _isolate(runs: list[Run], start: int, end: int) -> list[Run]:
    chosen: list[Run] = []
    pos = 0
    for run in runs:
        length = len(run.text)
        r_start, r_end = pos, pos + length
        pos = r_end
        if r_end <= start or r_start >= end or length == 0:
            continue
        if not _plain(run):
            chosen.append(run)  # a run with a tab, field or drawing is anchored whole, never rewritten
            continue
        if r_start < start:
            run = _split(run, start - r_start)
            r_start = start
        if r_end > end:
            _split(run, end - r_start)
        chosen.append(run)
    return chosen


def read_comments(path: Path) -> list[tuple[str, str]]:
    """(author, text) of every comment in a .docx: what Word will show."""
    import docx

    word: DocxDocument = docx.Document(str(path))
    return [(c.author, c.text) for c in word.comments]
