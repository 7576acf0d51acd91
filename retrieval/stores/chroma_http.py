"""A Chroma server reached over HTTP (``chroma run`` or a shared deployment)."""

from __future__ import annotations

from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings

from retrieval.errors import VectorStoreUnavailableError
from retrieval.stores._chroma import ChromaStore


class ChromaHttpStore(ChromaStore):
    def __init__(self, url: str, *, name_prefix: str, ef_search: int = 100) -> None:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if not parsed.hostname:
            raise VectorStoreUnavailableError(f"向量库地址无效：{url}", f"Invalid vector store URL: {url}")
        ssl = parsed.scheme == "https"
        port = parsed.port or (443 if ssl else 8000)
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname,
                port=port,
                ssl=ssl,
                settings=Settings(anonymized_telemetry=False),
            )
            client.heartbeat()
        except Exception as exc:
            raise VectorStoreUnavailableError(
                f"无法连接向量库服务器 {url}：{exc}", f"Cannot reach the Chroma server at {url}: {exc}"
            ) from exc
        super().__init__(client, name_prefix=name_prefix, ef_search=ef_search, where_label=f"url {url}")
