"""A small term base for every API test: the project's YAML term files only, with a hashing embedder. The
default base also parses the public corpus's EU definitions and embeds every definition with e5, which
costs most of a minute on a cold cache and is not what these tests are about."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import numpy as np
import pytest

from assistant.settings import PROJECT_ROOT
from assistant.terms.base import TermBase, build_term_base, set_default_term_base
from assistant.terms.vectors import Vectors


def bigram_embedder(texts: list[str]) -> Vectors:
    """Character bigrams hashed into 256 dimensions: the same text, the same vector; no model."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    for row, text in enumerate(texts):
        for i in range(len(text) - 1):
            out[row, int(hashlib.md5(text[i:i + 2].encode()).hexdigest()[:8], 16) % 256] += 1.0
        out[row] /= float(np.linalg.norm(out[row])) or 1.0
    return out


@pytest.fixture(scope="session")
def _yaml_term_base() -> TermBase:
    return build_term_base(sorted((PROJECT_ROOT / "corpus" / "terms").glob("*.yaml")), embedder=bigram_embedder,
                           model="bigram-hash", with_vectors=False)


@pytest.fixture(autouse=True)
def _small_term_base(_yaml_term_base: TermBase) -> Iterator[None]:
    set_default_term_base(_yaml_term_base)
    yield
    set_default_term_base(None)
