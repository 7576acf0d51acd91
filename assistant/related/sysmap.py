"""The standards-system map: corpus documents (and a draft) placed in the framework, with gaps.

Drawn with plotly as a treemap (framework → part → sub-area → document): the area of a part or sub-area is
its number of documents, a sub-area without any document keeps one unit of area so that the gap stays
visible, and the draft is a leaf of its own colour. The HTML carries plotly.js inline, so the page opens
offline (no CDN).
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from assistant.document.model import Document
from assistant.related.placement import Placement, Placer

ROOT_ID = "framework"
GAP_COLOUR = "#f4c7c3"
DRAFT_COLOUR = "#e8710a"
DOC_COLOUR = "#9fc5e8"
# one hue per part, so that the seven parts read apart at a glance
# a document weighs more than a gap, so that filled sub-areas stay legible beside many gaps
DOC_AREA = 3
GAP_AREA = 1
PART_COLOURS = ("#3c78d8", "#6aa84f", "#8e7cc3", "#c27ba0", "#45818e", "#bf9000", "#a61c00")


class MapEntry(BaseModel):
    name: str
    designation: str
    source_file: str
    draft: bool = False
    placement: Placement


class SubAreaCell(BaseModel):
    id: str
    label: str
    zh: str
    entries: list[MapEntry] = Field(default_factory=list)


class PartRow(BaseModel):
    part: int
    zh: str
    en: str
    cells: list[SubAreaCell]

    @property
    def count(self) -> int:
        return sum(len(c.entries) for c in self.cells)


class SystemMap(BaseModel):
    parts: list[PartRow]

    def gaps(self) -> list[str]:
        return [c.id for p in self.parts for c in p.cells if not c.entries]

    @property
    def total(self) -> int:
        return sum(p.count for p in self.parts)


def build_map(documents: list[tuple[Document, Path]], placer: Placer,
              draft: tuple[Document, Path] | None = None) -> SystemMap:
    rows = [PartRow(part=p.part, zh=p.zh, en=p.en,
                    cells=[SubAreaCell(id=s.id, label=s.label, zh=s.zh) for s in p.sub_areas])
            for p in placer.framework.parts]
    cells = {c.id: c for r in rows for c in r.cells}
    items = [(d, p, False) for d, p in documents] + ([(draft[0], draft[1], True)] if draft else [])
    for document, path, is_draft in items:
        placement = placer.place_document(document)
        cells[placement.sub_area_id].entries.append(MapEntry(
            name=document.meta.title or path.name, designation=document.meta.designation, source_file=str(path),
            draft=is_draft, placement=placement))
    return SystemMap(parts=rows)


def _href(entry: MapEntry, base: Path) -> str:
    """The document relative to the page, so the folder can be moved or served as a whole."""
    if not entry.source_file:
        return ""
    return Path(os.path.relpath(Path(entry.source_file).resolve(), base.resolve())).as_posix()


def _label(entry: MapEntry) -> str:
    # laws are designated by their title: print it once
    shown = entry.name if not entry.designation or entry.designation in entry.name else \
        f"{entry.designation} {entry.name}"
    label = html.escape(shown.strip())
    if len(label) > 40:
        label = label[:39] + "…"
    return ("<b>【草案 draft】</b><br>" if entry.draft else "") + label


# plotly.js drops <a href> to file: pages from text (only http(s)/mailto survive), so a click on a document
# opens it through the figure's own click event; the default zoom is kept for parts and sub-areas
_CLICK_SCRIPT = """
var gd = document.getElementById('{plot_id}');
gd.on('plotly_treemapclick', function (ev) {
  var url = ev.points[0].customdata;
  if (url) { window.open(url, '_blank'); return false; }
});
"""


def figure(system_map: SystemMap, base: Path, link: Callable[[MapEntry], str] | None = None) -> Any:
    """The plotly treemap; `ids` are the framework's own (part number, sub-area id, file) so tests can find them."""
    import plotly.graph_objects as go

    ids: list[str] = [ROOT_ID]
    parents: list[str] = [""]
    labels: list[str] = [f"国家人工智能标准体系<br>{system_map.total} 份文件 / documents，"
                         f"{len(system_map.gaps())} 个空白 / gaps"]
    values: list[float] = [0]
    colours: list[str] = ["#ffffff"]
    hovers: list[str] = [""]
    links: list[str] = [""]
    for row in system_map.parts:
        part_id = f"part-{row.part}"
        ids.append(part_id)
        parents.append(ROOT_ID)
        labels.append(f"{row.part} {row.zh} / {row.en}<br>{row.count} 份 documents")
        values.append(0)
        colours.append(PART_COLOURS[(row.part - 1) % len(PART_COLOURS)])
        hovers.append(f"{row.count} documents, {sum(not c.entries for c in row.cells)} gaps")
        links.append("")
        for cell in row.cells:
            ids.append(cell.id)
            parents.append(part_id)
            n = len(cell.entries)
            labels.append(f"{cell.zh}<br>{cell.label}<br><b>{n}</b>" + ("" if n else " 空白 gap"))
            # a gap keeps one unit of area; a filled sub-area's area comes from its documents
            values.append(0 if n else GAP_AREA)
            colours.append("#ffffff" if n else GAP_COLOUR)
            hovers.append(f"{cell.id}: {n} documents" if n else f"{cell.id}: gap / 空白")
            links.append("")
            for i, entry in enumerate(cell.entries):
                ids.append(f"{cell.id}/{i}/{Path(entry.source_file).name}")
                parents.append(cell.id)
                labels.append(_label(entry))
                links.append(link(entry) if link else _href(entry, base))
                values.append(DOC_AREA)
                colours.append(DRAFT_COLOUR if entry.draft else DOC_COLOUR)
                hovers.append(f"confidence {entry.placement.confidence:.2f}; "
                              f"{html.escape('; '.join(entry.placement.evidence)) or 'by similarity'}")
    trace = go.Treemap(ids=ids, parents=parents, labels=labels, values=values, branchvalues="remainder",
                       customdata=links,
                       marker={"colors": colours, "line": {"width": 1, "color": "#666"}},
                       hovertext=hovers, hoverinfo="label+text", textinfo="label", maxdepth=-1,
                       textfont={"size": 12}, pathbar={"visible": False})
    fig = go.Figure(trace)
    fig.update_layout(margin={"t": 50, "l": 10, "r": 10, "b": 10}, height=900,
                      title="标准体系图 / standards-system map — 橙色为草案 (draft in orange), 红色为空白 (gaps in red)",
                      font={"family": "Noto Sans CJK SC, Noto Sans SC, sans-serif"})
    return fig


def render_html(system_map: SystemMap, folder: Path, link: Callable[[MapEntry], str] | None = None) -> str:
    """A whole page, to be written into `folder`, with plotly.js inline: it must open where nothing can be
    downloaded. ``link``: where a document opens (default: its file, relative to ``folder``)."""
    result: str = figure(system_map, folder, link).to_html(full_html=True, include_plotlyjs=True, div_id="system-map",
                                             config={"displaylogo": False, "responsive": True},
                                             post_script=_CLICK_SCRIPT)
    return result.replace("<html>", '<html lang="zh">', 1)
