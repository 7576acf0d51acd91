"""Key concepts of a definition: the words that carry its differentia, found with jieba and the term base.

e5-small scores a definition that specialises the base's wording to the draft's field ("在巡检图像中找出绝缘子等
关注对象的位置并判定类别的任务" for "在图像中定位目标并确定其类别的任务") as low as a definition of another
concept (0.92–0.94 both), so the embedding cannot tell them apart. What does is whether the draft keeps the base
definition's key concepts: a specialisation mentions (a synonym of) most of them, another concept few. Character
bigrams measure that badly (the draft's added field words dilute them, and "训练数据" shares 数据 with everything),
so the words are cut with jieba, with the base's term names added to its dictionary so that a term stays whole.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from typing import Protocol

import jieba

from assistant.terms.normalize import fold_words, has_cjk


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# function words and definitional glue ("能够", "用于", "进行") that every definition uses: not key concepts
_STOP_ZH = _words(
    "能够 可以 进行 一种 某种 一个 一组 各种 以及 或者 并且 而且 其中 通过 按照 依据 根据 所需 相关 有关 对于 关于 其他 "
    "用于 用以 用来 使其 使得 得到 给出 具有 具备 作为 属于 过程中 方面 情况 一定 所有 全部 "
    "主要 基于 包括 包含 有效 相应 特定 规定 需要")
_STOP_EN = _words(
    "the of and or a an to by for in on with that which from as is are be being been its their it this these those "
    "such other used use using into at than not any all each can may has have one more")

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_added: set[str] = set()


def _jieba() -> jieba.Tokenizer:
    """One private jieba instance (its prefix dictionary takes about a second to build, so only on first use)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba logs its set-up; checks stay quiet
            tok = jieba.Tokenizer()
            tok.initialize()
            _tokenizer = tok
        return _tokenizer


def add_glossary(names: Iterable[str]) -> None:
    """Keep these term names whole when cutting definitions ("人工智能系统", not 人工智能 + 系统).

    Names stay for the life of the process (jieba cannot forget a word), so a second base adds to the first; a
    name of any base is a term, so that only keeps more terms whole."""
    tok = _jieba()
    with _lock:
        for name in names:
            word = fold_words(name.strip())
            if 2 <= len(word) <= 12 and has_cjk(word) and not re.search(r"\s", word) and word not in _added:
                tok.add_word(word)
                _added.add(word)


def key_words(text: str) -> set[str]:
    """The content words of a definition (folded): jieba words for Chinese, words of 3+ letters for English."""
    folded = fold_words(text)
    if not has_cjk(folded):
        return {w for w in re.findall(r"[a-z][a-z\-]{2,}", folded) if w not in _STOP_EN}
    tok = _jieba()
    with _lock:  # add_glossary may be growing the dictionary in another thread (the web server)
        words = tok.lcut(folded)
    return {w for w in words if len(w) >= 2 and re.search(r"[\u4e00-\u9fffa-z]", w) and w not in _STOP_ZH}


class Glossary(Protocol):
    """What coverage needs of the term base: the other names of a word that is a term."""

    def names_of(self, word: str) -> set[str]: ...


def coverage(draft: str, reference: str, glossary: Glossary | None = None) -> float:
    """Share of ``reference``'s key words that ``draft`` mentions, itself or by another name the base gives it.

    Containment, not equality: "巡检图像" mentions 图像. Only the reference's words are counted, so the words a
    draft adds for its own field do not lower the score.
    """
    words = key_words(reference)
    if not words:
        return 0.0
    text = fold_words(draft)
    if not has_cjk(text):
        text = " ".join(re.findall(r"[a-z][a-z\-]*", text))
    found = 0
    for word in words:
        names = {word} | (glossary.names_of(word) if glossary is not None else set())
        if any(_mentions(text, fold_words(n)) for n in names if n):
            found += 1
    return found / len(words)


def _mentions(text: str, word: str) -> bool:
    if has_cjk(word):
        return word in text
    # English: the word itself or an inflection ("label" in "labels", "labelled")
    return re.search(rf"(?<![a-z]){re.escape(word[:-1] if len(word) > 4 else word)}", text) is not None
