"""The standards-system map: corpus documents (and a draft) placed in the framework, with gaps.

No plotting or diagram library is installed in this environment (neither plotly nor matplotlib), so the
map is rendered as an HTML table with counts and links, through Jinja2 (autoescaped), not as a picture.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from pydantic import BaseModel, Field

from assistant.document.model import Document
from assistant.related.placement import Placement, Placer


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


_TEMPLATE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>标准体系图 / standards-system map</title>
<style>
body{font-family:sans-serif;margin:1.5em} table{border-collapse:collapse;width:100%}
td,th{border:1px solid #999;padding:4px 6px;vertical-align:top;font-size:13px}
th{background:#eef} .gap{background:#fdd} .draft{font-weight:bold;color:#a40}
.count{font-weight:bold} small{color:#555}
</style></head><body>
<h1>国家人工智能标准体系 — 标准体系图 / standards-system map</h1>
<p>{{ total }} documents placed; {{ gaps|length }} sub-areas without any document (gaps, shaded).
Rendered as an HTML table: no plotting library (plotly, matplotlib) is installed.</p>
<table>
<tr><th>part</th><th>sub-area</th><th>count</th><th>documents (confidence; evidence)</th></tr>
{% for part in parts %}{% for cell in part.cells %}
<tr class="{{ 'gap' if not cell.entries else '' }}">
{% if loop.first %}<td rowspan="{{ part.cells|length }}">{{ part.part }} {{ part.zh }}<br><small>{{ part.en }}
</small><br><span class="count">{{ part.count }}</span></td>{% endif %}
<td>{{ cell.zh }}<br><small>{{ cell.label }}</small></td>
<td class="count">{{ cell.entries|length }}</td>
<td>{% for e in cell.entries %}<div class="{{ 'draft' if e.draft else '' }}">
<a href="{{ e.source_file }}">{{ e.designation or '' }} {{ e.name }}</a>{% if e.draft %} [draft]{% endif %}
<small>({{ '%.2f'|format(e.placement.confidence) }}; {{ e.placement.evidence|join('; ') }})</small></div>
{% else %}<small>gap</small>{% endfor %}</td></tr>
{% endfor %}{% endfor %}
</table></body></html>
"""


def render_html(system_map: SystemMap) -> str:
    env = Environment(autoescape=True)
    template = env.from_string(_TEMPLATE)
    total = sum(p.count for p in system_map.parts)
    return template.render(parts=system_map.parts, gaps=system_map.gaps(), total=total)
