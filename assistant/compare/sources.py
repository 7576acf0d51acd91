"""Resolve a CLI argument to a document: a file path, or the designation of an indexed corpus document.

The index stores units, not source files, so a designation is looked up in the corpus folders the index
is built from (the same default paths `stdraft ingest` reads), by the designation in each file's header.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.document.errors import InputError
from assistant.document.loader import SUFFIXES, load_document
from assistant.document.model import Document

_HEADER = re.compile(r"^designation:\s*(.+)$", re.M)


def _key(designation: str) -> str:
    return re.sub(r"[\s　]+", "", designation).replace("-", "—").upper()


def resolve(argument: str, folders: list[Path] | None = None) -> tuple[Document, str]:
    path = Path(argument)
    if path.exists():
        return load_document(path), str(path)
    if path.suffix.lower() in SUFFIXES:
        load_document(path)  # raises the loader's one-line "no such file" error
    if folders is None:
        from assistant.settings import get_settings

        folders = get_settings().default_corpus_paths
    wanted = _key(argument)
    for folder in folders:
        for candidate in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if candidate.suffix.lower() not in (".md", ".markdown", ".txt"):
                continue
            head = candidate.read_text(encoding="utf-8", errors="replace")[:2000]
            m = _HEADER.search(head)
            if m and _key(m.group(1).strip().strip("'\"")) == wanted:
                return load_document(candidate), str(candidate)
    raise InputError(argument, "neither a file nor the designation of a corpus document / 既不是文件也不是语料库中的标准编号")
