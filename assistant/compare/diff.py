"""Word-level diff: jieba tokens for Chinese, words for English, as a list of operations."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from assistant.compare.model import DiffOp

_EN_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@lru_cache(maxsize=1)
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def tokens(text: str) -> list[str]:
    if text.isascii():
        return _EN_TOKEN.findall(text)
    jieba = _jieba()
    return list(jieba.lcut(text))  # type: ignore[attr-defined]


def word_diff(left: str, right: str) -> list[DiffOp]:
    a, b = tokens(left), tokens(right)
    ops: list[DiffOp] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        op = DiffOp(op=tag, left="".join(a[i1:i2]), right="".join(b[j1:j2]))
        if op.op == "insert":
            op.left = ""
        if op.op == "delete":
            op.right = ""
        ops.append(op)
    return ops
