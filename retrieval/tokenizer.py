"""BM25 tokens for Chinese, English and mixed text.

jieba segments Chinese; designations are cut out before jieba sees them so they stay one token;
Latin runs are lowercased and split on non-word characters (dotted clause numbers such as 5.3.1
stay whole, they are what drafters type); punctuation and a few function words are dropped.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Iterable
from typing import Literal

import jieba

from retrieval.designations import find_designations
from retrieval.language import CJK_RE

# Bumped whenever the token stream for the same input changes, so stored tokens get rebuilt.
TOKENIZER_VERSION = "1"

_LATIN_TOKEN_RE = re.compile(r"\d+(?:\.\d+)+|[^\W_]+")
# Clause numbers (5.3.1, A.2) are cut out before jieba, which would split them at the dots.
_CLAUSE_NUMBER_RE = re.compile(r"(?<![A-Za-z0-9.])(?:[A-Z]|\d+)(?:\.\d+)+(?![0-9])")
_ZH_STOP = frozenset(
    {
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "在",
        "是",
        "为",
        "等",
        "之",
        "其",
        "对",
        "由",
        "把",
        "被",
        "将",
        "中",
        "以",
        "个",
    }
)
_EN_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "as",
        "at",
        "from",
        "is",
        "are",
        "be",
        "was",
        "were",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "which",
        "into",
    }
)

_lock = threading.Lock()
_jieba: jieba.Tokenizer | None = None
_added_words: set[str] = set()


def _shared_jieba() -> jieba.Tokenizer:
    """One jieba instance per process: building its prefix dictionary takes about a second."""
    global _jieba
    with _lock:
        if _jieba is None:
            # jieba logs "Building prefix dict…" to stderr at DEBUG; the assistant's CLI must stay quiet.
            logging.getLogger("jieba").setLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            _jieba = tok
        return _jieba


def _add_words(words: Iterable[str]) -> None:
    tok = _shared_jieba()
    with _lock:
        for word in words:
            w = word.strip()
            # jieba cannot hold words with spaces; English multi-word terms match word by word anyway.
            if not w or w in _added_words or re.search(r"\s", w):
                continue
            tok.add_word(w)
            _added_words.add(w)


class Tokenizer:
    """Turns text into BM25 tokens.  ``user_words`` (term names, title words) join jieba's dictionary.

    jieba's dictionary is process-wide, so words added by one ``Tokenizer`` also help the others;
    ``fingerprint`` only covers this instance's words, which is what decides re-tokenising an index.
    """

    def __init__(self, user_words: Iterable[str] = (), mode: Literal["search", "precise"] = "search") -> None:
        self.user_words = sorted({w.strip() for w in user_words if w.strip()})
        self.mode = mode
        self._jieba = _shared_jieba()
        _add_words(self.user_words)

    @property
    def fingerprint(self) -> str:
        h = hashlib.sha256(f"{TOKENIZER_VERSION}|{self.mode}|".encode())
        for w in self.user_words:
            h.update(w.encode())
            h.update(b"\x00")
        return h.hexdigest()[:16]

    def tokenize(self, text: str) -> list[str]:
        tokens: list[str] = []
        pos = 0
        for d in find_designations(text):
            start, end = d.span
            tokens.extend(self._plain(text[pos:start]))
            tokens.append(d.canonical)
            if d.year is not None:
                # an undated reference ("GB/T 41867") should still match the dated one
                tokens.append(d.undated)
            pos = end
        tokens.extend(self._plain(text[pos:]))
        return tokens

    def _plain(self, text: str) -> list[str]:
        out: list[str] = []
        pos = 0
        for m in _CLAUSE_NUMBER_RE.finditer(text):
            out.extend(self._segment(text[pos : m.start()]))
            out.append(m.group().lower())
            pos = m.end()
        out.extend(self._segment(text[pos:]))
        return out

    def tokenize_many(self, texts: Iterable[str]) -> list[list[str]]:
        return [self.tokenize(t) for t in texts]

    def _segment(self, text: str) -> list[str]:
        if not text.strip():
            return []
        if self.mode == "search":
            pieces = self._jieba.cut_for_search(text, HMM=True)
        else:
            pieces = self._jieba.cut(text, HMM=True)
        out: list[str] = []
        for piece in pieces:
            if CJK_RE.search(piece):
                # Chinese (possibly mixed, e.g. a user word "AI系统"): keep as segmented
                if piece not in _ZH_STOP:
                    out.append(piece.lower())
                continue
            for tok in _LATIN_TOKEN_RE.findall(piece.lower()):
                if tok not in _EN_STOP:
                    out.append(tok)
        return out
