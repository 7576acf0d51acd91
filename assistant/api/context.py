"""What the HTTP application holds for its lifetime: settings, database sessions, the workspace services,
and the corpus index and chat service, opened once on first use (loading the embedder costs seconds)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.settings import Settings
from assistant.store.session import session_factory
from assistant.workspace.accounts import Accounts
from assistant.workspace.drafts import DraftStore
from assistant.workspace.jobs import Jobs
from assistant.workspace.review import FindingsCache

if TYPE_CHECKING:
    from assistant.drafting.chat import ChatService
    from retrieval.index import RetrievalIndex


class AppContext:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sessions = session_factory(settings)
        self.accounts = Accounts(self.sessions)
        self.drafts = DraftStore(self.sessions, settings.max_file_bytes)
        self.jobs = Jobs(self.sessions)
        self.findings = FindingsCache()
        # one index object per process; searches and ingestion take turns on it
        self.index_lock = threading.RLock()
        self._index: RetrievalIndex | None = None
        self._index_opened = False
        self._chat: ChatService | None = None

    @property
    def upload_dir(self) -> Path:
        return self.settings.data_dir / "uploads"

    def _open_index(self, create: bool) -> RetrievalIndex | None:
        if self._index is None and (create or not self._index_opened):
            from assistant.drafting.service import open_index_if_any

            if create:
                from assistant.corpus.index import open_index

                self._index = open_index(self.settings)
                if self._chat is not None:
                    self._chat.index = self._index  # the first upload made the index chat had not got
            else:
                self._index = open_index_if_any(self.settings)
            self._index_opened = True
        return self._index

    @contextmanager
    def index(self, create: bool = False) -> Iterator[RetrievalIndex | None]:
        with self.index_lock:
            yield self._open_index(create)

    def chat(self) -> ChatService:
        with self.index_lock:
            if self._chat is None:
                from assistant.drafting.chat import ChatService
                from assistant.llm.providers import chat_model
                from assistant.store.repository import ConversationStore

                self._chat = ChatService(ConversationStore(self.sessions), self._open_index(False),
                                         chat_model(self.settings), self.settings.corpus_dir / "terms")
            return self._chat

    def corpus_folders(self) -> list[Path]:
        return [*self.settings.default_corpus_paths, self.upload_dir]

    def close(self) -> None:
        with self.index_lock:
            if self._index is not None:
                self._index.close()
                self._index = None
