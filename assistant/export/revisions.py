"""NEW with its differences from OLD as Word tracked changes (w:ins / w:del).

Both versions are laid out the same way, then aligned in two steps: clauses by number (a renumbered
clause shows as deleted and inserted, which is what a reviewer should see), then the paragraphs of
a clause. A paragraph kept with the same style is compared word by word; Chinese has no spaces,
so words are jieba tokens.
"""

from __future__ import annotations

import logging
import re
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.document.model import Document, Stage
from assistant.export.docx_writer import Change, Emitter, Seg
from assistant.export.layout import Item, Para, RunKind, SectionBreak, TableItem, TocField, lay_out
from assistant.export.styles import open_template

Chunk = tuple[str, list[Item]]


def build_tracked_docx(new: Document, old: Document, stage: Stage | None = None, template: Path | None = None,
                       author: str = "stdraft") -> Any:
    new_layout, old_layout = lay_out(new, stage), lay_out(old, stage)
    out = open_template(template)
    emitter = Emitter(out, author)
    new_chunks, old_chunks = _chunks(new_layout.items), _chunks(old_layout.items)
    matcher = SequenceMatcher(None, [k for k, _ in old_chunks], [k for k, _ in new_chunks], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for (_, old_items), (_, new_items) in zip(old_chunks[i1:i2], new_chunks[j1:j2], strict=True):
                _diff_items(emitter, old_items, new_items)
        else:
            for _, items in old_chunks[i1:i2]:
                for item in items:
                    _whole(emitter, item, "del")
            for _, items in new_chunks[j1:j2]:
                for item in items:
                    _whole(emitter, item, "ins")
    emitter.finish(new_layout)
    return out


def write_tracked_docx(new: Document, old: Document, path: Path, stage: Stage | None = None,
                       template: Path | None = None) -> Path:
    build_tracked_docx(new, old, stage, template).save(str(path))
    return path


def _chunks(items: list[Item]) -> list[Chunk]:
    """Runs of items with the same clause key; section breaks and TOC edges are chunks of their own."""
    chunks: list[Chunk] = []
    for item in items:
        if isinstance(item, SectionBreak):
            chunks.append((f"§{item.kind}", [item]))
            continue
        if isinstance(item, TocField):
            chunks.append((f"§toc-{item.edge}", [item]))
            continue
        key = item.key if isinstance(item, TableItem) else ("§toc" if item.toc else item.key or f"§{item.style}")
        if chunks and chunks[-1][0] == key and not key.startswith("§toc-"):
            chunks[-1][1].append(item)
        else:
            chunks.append((key, [item]))
    return chunks


def _signature(item: Item) -> tuple[str, ...]:
    if isinstance(item, Para):
        return ("p", item.style, item.text)
    if isinstance(item, TableItem):
        return ("t", *("\t".join(r) for r in item.rows))
    return ("x", type(item).__name__)


def _whole(emitter: Emitter, item: Item, change: Change) -> None:
    """An item inserted or deleted as a whole. Structure (sections, TOC field) always follows NEW."""
    if isinstance(item, Para):
        emitter.para(item, [(t, k, change) for t, k in item.runs], mark=change)
    elif isinstance(item, TableItem):
        emitter.table(item.rows, change)
    elif change == "ins" or not isinstance(item, SectionBreak | TocField):
        _structural(emitter, item)


def _structural(emitter: Emitter, item: Item) -> None:
    if isinstance(item, SectionBreak):
        emitter.section_break(fresh=True)
    elif isinstance(item, TocField):
        emitter.toc(item)


def _diff_items(emitter: Emitter, old: list[Item], new: list[Item]) -> None:
    if len(new) == 1 and isinstance(new[0], SectionBreak | TocField):
        _structural(emitter, new[0])
        return
    matcher = SequenceMatcher(None, [_signature(i) for i in old], [_signature(i) for i in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for item in new[j1:j2]:
                emitter.item(item)
            continue
        olds, news = old[i1:i2], new[j1:j2]
        for k in range(max(len(olds), len(news))):
            a = olds[k] if k < len(olds) else None
            b = news[k] if k < len(news) else None
            if isinstance(a, Para) and isinstance(b, Para) and a.style == b.style:
                emitter.para(b, word_diff(a.runs, b.runs))
            elif isinstance(a, TableItem) and isinstance(b, TableItem):
                rows, changes = _row_diff(a.rows, b.rows)
                emitter.table(rows, row_changes=changes)
            else:
                if a is not None:
                    _whole(emitter, a, "del")
                if b is not None:
                    _whole(emitter, b, "ins")


def _row_diff(old: list[list[str]], new: list[list[str]]) -> tuple[list[list[str]], list[Change]]:
    rows: list[list[str]] = []
    changes: list[Change] = []
    matcher = SequenceMatcher(None, ["\t".join(r) for r in old], ["\t".join(r) for r in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += new[j1:j2]
            changes += [""] * (j2 - j1)
            continue
        rows += old[i1:i2]
        changes += ["del"] * (i2 - i1)
        rows += new[j1:j2]
        changes += ["ins"] * (j2 - j1)
    return rows, changes


# --- words ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not for our users
    return jieba


_LATIN_OR_SPACE = re.compile(r"[A-Za-z0-9_.\-]+|\s+|[^\sA-Za-z0-9_.\-]")


def tokens(text: str) -> list[str]:
    """Words: jieba for Chinese runs, whole words and spaces for Latin text."""
    if re.search(r"[\u4e00-\u9fff]", text):
        return [t for t in _jieba().lcut(text, HMM=False) if t]
    return _LATIN_OR_SPACE.findall(text)


def word_diff(old: list[tuple[str, RunKind]], new: list[tuple[str, RunKind]]) -> list[Seg]:
    """Segments of NEW's paragraph with OLD's words that are gone marked deleted, new words inserted."""

    def toks(runs: list[tuple[str, RunKind]]) -> list[tuple[str, RunKind]]:
        out: list[tuple[str, RunKind]] = []
        for text, kind in runs:
            out += [("", "br")] if kind == "br" else [(t, kind) for t in tokens(text)]
        return out

    a, b = toks(old), toks(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    segs: list[Seg] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segs += [(t, k, "") for t, k in b[j1:j2]]
            continue
        segs += [(t, k, "del") for t, k in a[i1:i2]]
        segs += [(t, k, "ins") for t, k in b[j1:j2]]
    return _merge(segs)


def _merge(segs: list[Seg]) -> list[Seg]:
    """Adjacent tokens with the same kind and change become one run (fewer, readable revisions)."""
    out: list[Seg] = []
    for text, kind, change in segs:
        if out and kind != "br" and out[-1][1] == kind and out[-1][2] == change:
            out[-1] = (out[-1][0] + text, kind, change)
        else:
            out.append((text, kind, change))
    return out
