"""Document → .docx in GB/T 1.1 layout, on the styles of templates/gbt-reference.docx.

Three sections: the cover (no page numbers), the front matter (目次, 前言, 引言; Roman page
numbers) and the body (Arabic from 1). Headers carry the designation. Paragraph XML is built
directly with lxml because python-docx has no API for East Asian fonts, fields or revisions,
and because it is several times faster for 300-clause documents.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any, Literal

from docx.oxml.ns import qn

from assistant.document.model import Document, Stage
from assistant.export.layout import Item, Layout, Para, RunKind, SectionBreak, TableItem, TocField, lay_out
from assistant.export.ooxml import (
    Element,
    el,
    field_begin,
    field_end,
    field_runs,
    indent_chars,
    page_number_format,
    ppr_set,
    rpr_set,
    run,
    set_fonts,
)
from assistant.export.styles import HEI, TEXT_WIDTH_TWIPS, open_template, page_setup

Change = Literal["", "ins", "del"]
Seg = tuple[str, RunKind, Change]
META_PREFIX = "stdraft-meta:"  # core-properties comment that carries metadata the cover cannot show
AUTHOR = "stdraft"


class Emitter:
    """Appends layout items to a python-docx document body, optionally as tracked changes."""

    def __init__(self, document: Any, author: str = AUTHOR) -> None:
        self.document = document
        self.final_sect = document.element.body.find(qn("w:sectPr"))
        self.last_p: Element | None = None
        self._toc_pending = False
        self._ids = count(1)
        self.author = author
        self.date = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")

    # --- items ---------------------------------------------------------------------------

    def item(self, item: Item) -> None:
        if isinstance(item, Para):
            self.para(item)
        elif isinstance(item, TableItem):
            self.table(item.rows)
        elif isinstance(item, SectionBreak):
            self.section_break()
        else:
            self.toc(item)

    def para(self, item: Para, segs: list[Seg] | None = None, mark: Change = "") -> Element:
        p = el("w:p")
        ppr = el("w:pPr")
        p.append(ppr)
        ppr_set(ppr, "w:pStyle", val=item.style)
        if item.left_chars is not None:
            indent_chars(ppr, left=item.left_chars, hanging=200)
        if mark:  # a paragraph inserted or deleted as a whole: its mark is revised too
            mark_rpr = ppr_set(ppr, "w:rPr")
            mark_rpr.append(self._change_el(mark))
        if self._toc_pending and item.toc:
            for r in field_begin('TOC \\o "1-2" \\h \\z \\u', dirty=True):
                p.append(r)
            self._toc_pending = False
        for text, kind, change in segs if segs is not None else [(t, k, "") for t, k in item.runs]:
            node = self._run(text, kind, change == "del")
            if change:
                wrapper = self._change_el(change)
                wrapper.append(node)
                node = wrapper
            p.append(node)
        self._append(p)
        return p

    def table(self, rows: list[list[str]], change: Change = "", row_changes: list[Change] | None = None) -> None:
        """A bordered table, header row repeated; rows may be tracked insertions or deletions."""
        width = max((len(r) for r in rows), default=1)
        col = TEXT_WIDTH_TWIPS // width
        tbl = el("w:tbl")
        tbl_pr = el("w:tblPr")
        tbl_pr.append(el("w:tblW", w="5000", type="pct"))
        tbl_pr.append(el("w:jc", val="center"))
        borders = el("w:tblBorders")
        for side, size in (("top", "8"), ("left", "8"), ("bottom", "8"), ("right", "8"),
                           ("insideH", "4"), ("insideV", "4")):
            borders.append(el(f"w:{side}", val="single", sz=size, space="0", color="000000"))
        tbl_pr.append(borders)
        tbl_pr.append(el("w:tblLayout", type="autofit"))
        tbl.append(tbl_pr)
        grid = el("w:tblGrid")
        for _ in range(width):
            grid.append(el("w:gridCol", w=str(col)))
        tbl.append(grid)
        for i, row in enumerate(rows):
            row_change: Change = row_changes[i] if row_changes is not None else change
            tr = el("w:tr")
            tr_pr = el("w:trPr")
            if i == 0:  # the header row repeats on every page the table runs over
                tr_pr.append(el("w:tblHeader"))
            if row_change:
                tr_pr.append(self._change_el(row_change))
            if len(tr_pr):
                tr.append(tr_pr)
            for cell in [*row, *[""] * (width - len(row))]:
                tc = el("w:tc")
                tc_pr = el("w:tcPr")
                tc_pr.append(el("w:tcW", w=str(col), type="dxa"))
                tc.append(tc_pr)
                p = el("w:p")
                ppr = el("w:pPr")
                ppr_set(ppr, "w:pStyle", val="GBTableText")
                p.append(ppr)
                if cell:
                    node = self._run(cell, "hei" if i == 0 else "", row_change == "del")
                    if row_change:
                        wrapper = self._change_el(row_change)
                        wrapper.append(node)
                        node = wrapper
                    p.append(node)
                tc.append(p)
                tr.append(tc)
            tbl.append(tr)
        self.final_sect.addprevious(tbl)
        self.last_p = None

    def section_break(self, fresh: bool = False) -> None:
        """End the current section at the last paragraph: a copy of the page setup, starting a new page.

        `fresh` puts the break in an empty paragraph of its own, so that accepting or rejecting a
        tracked deletion of the last paragraph never takes the section break with it.
        """
        if self.last_p is None or fresh:
            self.para(Para("GBBody0", []))
        assert self.last_p is not None
        ppr = self.last_p.find(qn("w:pPr"))
        sect = el("w:sectPr")
        sect.append(el("w:type", val="nextPage"))
        for tag in ("w:pgSz", "w:pgMar", "w:cols", "w:docGrid"):
            found = self.final_sect.find(qn(tag))
            if found is not None:
                sect.append(_copy(found))
        ppr.replace(ppr_set(ppr, "w:sectPr"), sect)  # ppr_set puts it in schema order; then fill it
        self.last_p = None

    def toc(self, item: TocField) -> None:
        if item.edge == "begin":
            self._toc_pending = True
            return
        if self._toc_pending:  # no entries: the field still goes in, Word fills it on update
            p = self.para(Para("TOC1", [], toc=True))
            self._toc_pending = False
        else:
            p = self.last_p
        assert p is not None
        p.append(field_end())

    # --- runs ----------------------------------------------------------------------------

    def _run(self, text: str, kind: RunKind, deleted: bool) -> Element:
        rpr = None
        if kind == "hei":
            rpr = el("w:rPr")
            set_fonts(rpr, HEI, HEI)
        elif kind == "bold":
            rpr = el("w:rPr")
            rpr_set(rpr, "w:b")
        if kind == "br":
            r = el("w:r")
            r.append(el("w:br"))
            return r
        r = run(text, rpr)
        if deleted:  # deleted text must be w:delText or Word reports the file as corrupt
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
        return r

    def _change_el(self, change: Change) -> Element:
        return el(f"w:{change}", id=str(next(self._ids)), author=self.author, date=self.date)

    def _append(self, p: Element) -> None:
        self.final_sect.addprevious(p)
        self.last_p = p

    # --- page furniture ----------------------------------------------------------------

    def finish(self, layout: Layout) -> None:
        sections = self.document.sections
        for section in sections:
            page_setup(section)
        numbered = [(sections[1], "upperRoman"), (sections[2], "decimal")] if len(sections) >= 3 else \
            [(sections[-1], "decimal")]
        # GB prints the designation and the page number on the outer side: right on odd pages, left on even
        self.document.settings.odd_and_even_pages_header_footer = True
        for section, fmt in numbered:
            page_number_format(section._sectPr, fmt, 1)
            for header, align in ((section.header, "right"), (section.even_page_header, "left")):
                header.is_linked_to_previous = False
                hp = header.paragraphs[0]
                hp.style = self.document.styles["Header"]
                hp.text = layout.header_text
                ppr_set(hp._p.get_or_add_pPr(), "w:jc", val=align)
            for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
                footer.is_linked_to_previous = False
                fp = footer.paragraphs[0]
                fp.style = self.document.styles["Footer"]
                ppr_set(fp._p.get_or_add_pPr(), "w:jc", val=align)
                for r in field_runs("PAGE", "1"):
                    fp._p.append(r)
        _core_properties(self.document, layout)


def _copy(node: Element) -> Element:
    from copy import deepcopy

    return deepcopy(node)


def _core_properties(document: Any, layout: Layout) -> None:
    meta = layout.meta
    props = document.core_properties
    props.title = meta.title_zh or meta.title_en
    props.subject = meta.designation
    props.author = AUTHOR
    props.keywords = " ".join(x for x in (meta.ics and f"ICS {meta.ics}", meta.ccs and f"CCS {meta.ccs}") if x)
    # only what the cover cannot show; core properties are limited to 255 characters
    # dates and issuers matter for laws, which have no cover; they go first when space runs out
    for fields in (_META_FIELDS | {"release_date", "implementation_date", "issuing_bodies"}, _META_FIELDS):
        data = meta.model_dump(mode="json", include=fields, exclude_defaults=True)
        comment = META_PREFIX + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if len(comment) <= 255:
            props.comments = comment
            return


_META_FIELDS = {"kind", "structure", "adoption", "plan_number", "sample", "language", "stage"}


def build_docx(document: Document, stage: Stage | None = None, template: Path | None = None) -> Any:
    """The python-docx Document for `document` in GB layout (not saved)."""
    layout = lay_out(document, stage)
    out = open_template(template)
    emitter = Emitter(out)
    for item in layout.items:
        emitter.item(item)
    emitter.finish(layout)
    return out


def write_docx(document: Document, path: Path, stage: Stage | None = None, template: Path | None = None) -> Path:
    build_docx(document, stage, template).save(str(path))
    return path


__all__ = ["Emitter", "build_docx", "write_docx"]
