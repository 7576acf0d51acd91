"""Citation verification: an answer may cite only units that were in its retrieved context.

A citation is a bracketed reference such as "[GB/T 90002—2026，5.3.1]" or a term-entry source
"[来源：GB/T 90002—2026，3.1]". Every one that does not name a retrieved unit is removed from the text and
reported, because an invented citation is worse than none. Brackets that are not citations ("[1]",
"［数值］" placeholders) are left alone.

The same check runs on a token stream (``StreamFilter``): text inside a bracket is held back until the
bracket closes, so a fabricated citation never reaches the user, even for a moment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel

from assistant.document.patterns import DESIGNATION

_BRACKET = re.compile(r"[\[［【]([^\[\]［］【】\n]{1,200})[\]］】]")
_SOURCE_PREFIX = re.compile(r"^\s*(来源|SOURCE)\s*[：:]\s*", re.I)
_LAW_ARTICLE = re.compile(r"第[零〇一二两三四五六七八九十百千\d]+条")
# "[来源：X，有修改]" / "[SOURCE: X, modified — …]" cite X; the modifier is kept, X is what is verified
_MODIFIER = re.compile(r"\s*[，,]\s*(?:有修改|modified\b).*$", re.I)
_OPENERS = "[［【"
_CLOSERS = "]］】"
MAX_HELD = 200  # a bracket open longer than this is prose, not a citation


class RemovedCitation(BaseModel):
    citation: str
    reason_zh: str = "引用的单元不在检索到的上下文中，已删除"
    reason_en: str = "the cited unit was not in the retrieved context; removed"


def normalise(citation: str) -> str:
    """One spelling per citation: no spaces, full-width comma, em dash before a GB year."""
    c = re.sub(r"\s+", "", citation).replace(",", "，")
    c = re.sub(r"(?<=\d)(?:–|-|--)(?=\d{4}(?:\D|$))", "—", c)
    return c.strip("，;；")


def _is_citation_like(part: str, allowed: set[str]) -> bool:
    return normalise(part) in allowed or bool(DESIGNATION.search(part)) or bool(_LAW_ARTICLE.search(part))


class CitationVerifier:
    def __init__(self, allowed: Iterable[str]) -> None:
        self._allowed_raw = list(dict.fromkeys(allowed))
        self.allowed = {normalise(c) for c in self._allowed_raw}
        self.removed: list[RemovedCitation] = []
        self.kept: list[str] = []  # canonical citations used, in order of first use

    def _canonical(self, part: str) -> str:
        n = normalise(part)
        return next((c for c in self._allowed_raw if normalise(c) == n), part.strip())

    def _bracket(self, match: re.Match[str]) -> str:
        inner = match.group(1)
        prefix_m = _SOURCE_PREFIX.match(inner)
        prefix = prefix_m.group(0) if prefix_m else ""
        body = inner[len(prefix):]
        parts = [p for p in re.split(r"[；;]", body) if p.strip()]
        if not parts or not any(_is_citation_like(p, self.allowed) for p in parts):
            return match.group(0)  # not a citation: a placeholder or a list label
        good = []
        for p in parts:
            modifier = _MODIFIER.search(p)
            if modifier and normalise(p[: modifier.start()]) in self.allowed:
                canonical = self._canonical(p[: modifier.start()])
                good.append(canonical + modifier.group(0))
                if canonical not in self.kept:
                    self.kept.append(canonical)
            elif normalise(p) in self.allowed:
                canonical = self._canonical(p)
                good.append(canonical)
                if canonical not in self.kept:
                    self.kept.append(canonical)
            elif _is_citation_like(p, self.allowed):
                self.removed.append(RemovedCitation(citation=p.strip()))
            else:
                good.append(p.strip())  # a non-citation fragment beside a citation: keep as written
        if not any(normalise(_MODIFIER.sub("", g)) in self.allowed for g in good):
            return ""
        return "[" + prefix + "；".join(good) + "]"

    def clean(self, text: str) -> str:
        """The text with every unverified citation removed (and recorded in ``removed``)."""
        out = _BRACKET.sub(self._bracket, text)
        # removing "[…]" can leave "要求 。" or a doubled space; tidy what the removal broke, nothing else
        out = re.sub(r"[ \t]+([。；，、）)])", r"\1", out)
        return re.sub(r"[ \t]{2,}", " ", out)


class StreamFilter:
    """Verify citations in a token stream: feed tokens, get the text that is safe to show now."""

    def __init__(self, verifier: CitationVerifier) -> None:
        self.verifier = verifier
        self._held = ""

    def feed(self, token: str) -> str:
        out = []
        for ch in token:
            if self._held:
                self._held += ch
                if ch in _CLOSERS:
                    out.append(self.verifier.clean(self._held))
                    self._held = ""
                elif ch == "\n" or len(self._held) > MAX_HELD:
                    out.append(self._held)  # never closed on this line: prose, release it
                    self._held = ""
            elif ch in _OPENERS:
                self._held = ch
            else:
                out.append(ch)
        return "".join(out)

    def flush(self) -> str:
        held, self._held = self._held, ""
        return held
