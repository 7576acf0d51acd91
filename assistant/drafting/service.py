"""Wiring from settings: the index (when one exists), the configured LLM, and the conversation store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from assistant.drafting.chat import ChatService
from assistant.settings import Settings
from assistant.store.repository import ConversationStore
from assistant.store.session import session_factory
from retrieval.index import RetrievalIndex


def open_index_if_any(settings: Settings) -> RetrievalIndex | None:
    from assistant.corpus.index import open_index

    # an absent index is not an error for chat: answers say so and templates still work
    if not settings.chroma_url and not (settings.index_dir / "manifest.sqlite3").is_file():
        return None
    return open_index(settings)


@contextmanager
def chat_service(settings: Settings) -> Iterator[ChatService]:
    from assistant.llm.providers import chat_model

    index = open_index_if_any(settings)
    try:
        yield ChatService(ConversationStore(session_factory(settings)), index, chat_model(settings),
                          settings.corpus_dir / "terms")
    finally:
        if index is not None:
            index.close()
