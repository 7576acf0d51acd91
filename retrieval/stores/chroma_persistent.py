"""Chroma embedded in the process, persisted at a local path."""

from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings

from retrieval.stores._chroma import ChromaStore


class ChromaPersistentStore(ChromaStore):
    def __init__(self, path: Path, *, name_prefix: str, ef_search: int = 100) -> None:
        path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))
        super().__init__(client, name_prefix=name_prefix, ef_search=ef_search, where_label=f"path {path}")
