"""What the HTTP application holds for its lifetime: settings, database sessions, the workspace services,
and the corpus index and chat service, opened once on first use (loading the embedder costs seconds)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from assistant.settings import Settings
from assistant.store.session import session_factory
from assistant.workspace.accounts import Accounts
from assistant.workspace.drafts import DraftStore
from assistant.workspace.jobs import Jobs
from assistant.workspace.related import CorpusDocuments
from assistant.workspace.review import FindingsCache

if TYPE_CHECKING:
    from assistant.drafting.chat import ChatService
    from retrieval.index import RetrievalIndex


T = TypeVar("T")


class ReadWriteLock:
    """Many readers or one writer. Searches run side by side (most of their time is the query embedding);
    ingesting or removing a document waits for them and holds the index alone."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and self._readers == 0)
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class AppContext:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sessions = session_factory(settings)
        self.accounts = Accounts(self.sessions)
        self.drafts = DraftStore(self.sessions, settings.max_file_bytes)
        self.jobs = Jobs(self.sessions)
        self.findings = FindingsCache()
        self.corpus_documents = CorpusDocuments()
        # one index object per process: searches share it, ingestion and removal have it alone
        self.index_lock = ReadWriteLock()
        self._open_lock = threading.Lock()
        self._index: RetrievalIndex | None = None
        self._index_opened = False
        self._chat: ChatService | None = None

    @property
    def upload_dir(self) -> Path:
        return self.settings.data_dir / "uploads"

    def _open_index(self, create: bool) -> RetrievalIndex | None:
        with self._open_lock:
            return self._open_index_locked(create)

    def _open_index_locked(self, create: bool) -> RetrievalIndex | None:
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
    def index(self) -> Iterator[RetrievalIndex | None]:
        """The index for reading (searches, listings, sources); None while nothing has been ingested."""
        with self.index_lock.read():
            yield self._open_index(False)

    @contextmanager
    def index_for_writing(self) -> Iterator[RetrievalIndex]:
        """The index, created when missing, held alone (ingestion, removal)."""
        with self.index_lock.write():
            index = self._open_index(True)
            assert index is not None
            yield index

    def reading(self, events: Iterator[T]) -> Iterator[T]:
        """A stream that holds the index for reading while it is consumed (a chat answer retrieves as it goes)."""
        with self.index_lock.read():
            yield from events

    def chat(self) -> ChatService:
        with self._open_lock:
            if self._chat is None:
                from assistant.drafting.chat import ChatService
                from assistant.llm.providers import chat_model
                from assistant.store.repository import ConversationStore

                self._chat = ChatService(ConversationStore(self.sessions), self._open_index_locked(False),
                                         chat_model(self.settings), self.settings.corpus_dir / "terms")
            return self._chat

    def corpus_folders(self) -> list[Path]:
        return [*self.settings.default_corpus_paths, self.upload_dir]

    def close(self) -> None:
        with self.index_lock.write():
            if self._index is not None:
                self._index.close()
                self._index = None
