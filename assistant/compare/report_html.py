"""Side-by-side HTML report: one self-contained page (inline CSS, no scripts, no external resources)."""

from __future__ import annotations

from html import escape

from assistant.compare.model import STATUS_ZH, Comparison, DiffOp, PairResult, Status

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",SimSun,sans-serif;margin:24px;
color:#222;font-size:14px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:6px 8px;vertical-align:top}
th{background:#f0f0f0;text-align:left}
table.summary{width:auto}td.n{text-align:right}h3{font-size:14px;margin:16px 0 4px}
h3.changed,h3.added,h3.deleted{color:#b91c1c}table.cells{width:auto;max-width:100%}
td.key{white-space:nowrap;font-weight:bold;width:5em}td.text{width:42%;white-space:pre-wrap}
ins{background:#86efac;text-decoration:none}del{background:#fca5a5}
.st{display:inline-block;padding:1px 6px;border-radius:3px;font-size:12px;white-space:nowrap}
.st.unchanged{background:#eee}.st.editorial{background:#dbeafe}.st.technical{background:#fecaca}
.st.added{background:#bbf7d0}.st.deleted{background:#fca5a5}.st.moved{background:#fde68a}
.st.split,.st.merged{background:#e9d5ff}tr.technical td.key{border-left:4px solid #dc2626}
tr.added td.key,tr.deleted td.key{border-left:4px solid #16a34a}tr.unchanged{color:#666}ul.why{margin:4px 0 0 16px;padding:0;font-size:12px;color:#555}
"""


def render_html(result: Comparison, show_unchanged: bool = True) -> str:
    counts = result.summary.counts
    summary = "".join(
        f'<tr><td><span class="st {s.value}">{STATUS_ZH[s]} {s.value}</span></td><td class="n">{counts.get(s.value, 0)}</td></tr>'
        for s in Status
    )
    rows = "".join(_row(p) for p in result.pairs if show_unchanged or p.status != Status.UNCHANGED)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>比较报告 Comparison report</title><style>{_CSS}</style></head>
<body>
<h1>逐条比较报告 Clause-by-clause comparison</h1>
<p>左 Left：{escape(result.left_label)}<br>右 Right：{escape(result.right_label)}<br>
方式 Mode：{'跨语言 cross-lingual' if result.mode == 'crosslingual' else '同语言 monolingual'}；
单元 Units：{result.summary.left_units} / {result.summary.right_units}</p>
<h2>汇总 Summary</h2>
<table class="summary"><tr><th>类别 Status</th><th>数量 Count</th></tr>{summary}</table>
<h2>对照 Side by side</h2>
<table class="pairs"><tr><th>左 Left</th><th>左文本 Left text</th><th>右 Right</th><th>右文本 Right text</th>
<th>类别 Status</th></tr>{rows}</table>
{_tables(result)}
</body></html>
"""


def _tables(result: Comparison) -> str:
    """Tables paired across the documents: shape, rows added or removed, and each changed cell."""
    if not result.tables:
        return ""
    blocks = []
    for t in result.tables:
        head = (f'<h3 class="table-diff {t.status}">{escape(t.summary())}</h3>'
                f'<p>左 Left：{escape(t.left or "—")} {escape(t.caption_left)}（{escape(t.left_unit or "—")}，'
                f'{t.shape_left[0]}×{t.shape_left[1]}）<br>右 Right：{escape(t.right or "—")} '
                f'{escape(t.caption_right)}（{escape(t.right_unit or "—")}，{t.shape_right[0]}×{t.shape_right[1]}）</p>')
        rows = "".join(
            f'<tr><td class="n">{c.row}</td><td class="n">{c.column + 1}</td>'
            f'<td class="text">{_mark(c.diff, "left") if c.diff else escape(c.left)}</td>'
            f'<td class="text">{_mark(c.diff, "right") if c.diff else escape(c.right)}</td></tr>'
            for c in t.cells)
        cells = (f'<table class="cells"><tr><th>行 Row</th><th>列 Column</th><th>左 Left</th><th>右 Right</th></tr>'
                 f"{rows}</table>") if rows else ""
        moved_rows = "".join(f"<li><ins>{escape(r)}</ins></li>" for r in t.added_text[:50])
        moved_rows += "".join(f"<li><del>{escape(r)}</del></li>" for r in t.deleted_text[:50])
        rows_list = f'<ul class="rows">{moved_rows}</ul>' if moved_rows and t.left and t.right else ""
        blocks.append(head + rows_list + cells)
    return "<h2>表格 Tables</h2>" + "".join(blocks)


def _row(p: PairResult) -> str:
    left, right = _sides(p)
    why = "".join(f"<li>{escape(c)}</li>" for c in p.changes)
    return (f'<tr class="{p.status.value}"><td class="key">{escape(p.left or "—")}</td><td class="text">{left}</td>'
            f'<td class="key">{escape(p.right or "—")}</td><td class="text">{right}</td>'
            f'<td><span class="st {p.status.value}">{STATUS_ZH[p.status]}<br>{p.status.value}</span>'
            f'{f"<ul class=why>{why}</ul>" if why else ""}</td></tr>')


def _sides(p: PairResult) -> tuple[str, str]:
    if not p.diff:
        return escape(p.left_text), escape(p.right_text)
    return _mark(p.diff, "left"), _mark(p.diff, "right")


def _mark(ops: list[DiffOp], side: str) -> str:
    out: list[str] = []
    for op in ops:
        text = escape(op.left if side == "left" else op.right)
        if not text:
            continue
        if op.op == "equal":
            out.append(text)
        elif side == "left":
            out.append(f"<del>{text}</del>")
        else:
            out.append(f"<ins>{text}</ins>")
    return "".join(out)
