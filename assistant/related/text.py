"""Texts cut for matching: sentences, a source unit's sentences (lists with their lead-in), the provisions
of a draft clause, character bigrams and their overlap, and the script of a text."""

from __future__ import annotations

import functools
import re

from assistant.related.relations import _force, _negated, _verbal

_SPLIT = re.compile(r"(?<=[。；;!?！？])|\n|(?<=\.)\s+|(?=（[一二三四五六七八九十]+）)|(?=\b[a-z]\)\s)")


def sentences(text: str) -> list[str]:
    out = [s.strip() for s in _SPLIT.split(text) if s and s.strip()]
    return [s for s in out if len(s) >= 6][:40] or [text.strip()]


_ITEM = re.compile(r"^(?:——|—|-|•|[a-z]\)|[a-z]）|（[一二三四五六七八九十]+）|\([a-z]\)|\d+[.)）])\s*")


# an index entry ("natural language processing　自然语言处理　3.5.2") names a term, it provides nothing
_INDEX_LINE = re.compile(r"[\u4e00-\u9fff].*\s\d+(?:\.\d+)+\s*$|[a-z]\s.*[\u4e00-\u9fff]+\s+\d+(?:\.\d+)+\s*$")


def _name_line(line: str) -> bool:
    """A term entry's name or synonym line ("生成式AI　generative AI"), as opposed to its definition."""
    return len(line) <= 60 and not re.search(r"[的，。；,.;]", line) and line.count(" ") <= 4


@functools.lru_cache(maxsize=16384)
def _source_sentences(text: str, term: bool) -> tuple[str, ...]:
    return tuple(source_sentences(text, term))


def source_sentences(text: str, term: bool = False) -> list[str]:
    """The sentences of a corpus unit, plus each list with its lead-in as one provision ("应至少覆盖下列方面：
    ——a；——b" restated as "应至少覆盖a、b"). A term entry's first line is its name, not its definition."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not _INDEX_LINE.search(ln)]
    if term and len(lines) > 1:
        lines = [ln for ln in lines[1:] if not _name_line(ln)] or lines
    out = sentences("\n".join(lines))
    lead, items = "", []
    for ln in [*lines, ""]:
        if _ITEM.match(ln):
            items.append(_ITEM.sub("", ln).rstrip("；;，,。."))
            continue
        if lead and len(items) > 1:
            out.append(lead.rstrip("：:") + "、".join(items) + "。")
        lead, items = (ln, []) if ln.endswith(("：", ":")) else ("", [])
    return out


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"\s+", "", text.lower())
    return {t[i:i + 2] for i in range(len(t) - 1)}


@functools.lru_cache(maxsize=65536)
def is_latin(text: str) -> bool:
    sample = text[:200]  # the script of a text shows in its opening; counting whole articles cost seconds
    return sum(ch.isascii() for ch in sample) > 0.7 * max(1, len(sample))


_MODAL_CLAUSE = re.compile(r"[，,](?=[^，,。；;]{0,30}?(?:不应|不得|不宜|应当|应|宜|可以|可|须|shall|should|may|must))")


def provisions(text: str) -> list[str]:
    """Sentences, and within a sentence each comma-joined part with its own subject and verbal form
    ("组织应…审核，内部审核人员可审核本人负责的工作" holds two provisions)."""
    out: list[str] = []
    for sentence in sentences(text):
        parts: list[str] = []
        lead = ""
        for piece in (p.strip() for p in _MODAL_CLAUSE.split(sentence)):
            if not piece:
                continue
            if _force(_verbal(piece)) or _negated(piece):
                parts.append(f"{lead}，{piece}" if lead else piece)
                lead = ""
            else:
                lead = f"{lead}，{piece}" if lead else piece  # a condition belongs to the provision after it
        if lead and parts:
            parts[-1] += f"，{lead}"
        out += [sentence, *parts] if len(parts) > 1 else [sentence]
    return out


def dice(a: str, b: str) -> tuple[float, float]:
    """Bigram Dice of two texts and the share of `a`'s bigrams found in `b`."""
    ga, gb = _bigrams(a), _bigrams(b)
    if not ga or not gb:
        return 0.0, 0.0
    common = len(ga & gb)
    return 2 * common / (len(ga) + len(gb)), common / len(ga)
