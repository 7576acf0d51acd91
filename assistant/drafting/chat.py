"""A conversation turn: the message, its task, the pipeline, and both sides persisted with the draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.document.model import DocumentMeta
from assistant.drafting.pipeline import Done, Event, run
from assistant.drafting.tasks import Task, detect
from assistant.store.repository import ConversationStore
from retrieval.index import RetrievalIndex

HISTORY_TURNS = 6  # enough for "把上一条改写…" follow-ups without letting old turns crowd out the context


class ChatService:
    def __init__(self, store: ConversationStore, index: RetrievalIndex | None, llm: BaseChatModel | None,
                 terms_dir: Path) -> None:
        self.store = store
        self.index = index
        self.llm = llm
        self.terms_dir = terms_dir

    def open(self, draft_id: str, meta: DocumentMeta | None = None, new: bool = False) -> int:
        """The draft's latest conversation (or a new one)."""
        if meta is not None:
            self.store.ensure_draft(draft_id, meta.title, meta.model_dump(mode="json"))
        else:
            self.store.ensure_draft(draft_id)
        latest = None if new else self.store.latest_conversation(draft_id)
        return latest if latest is not None else self.store.new_conversation(draft_id)

    def turn(self, conversation_id: int, text: str) -> Iterator[Event]:
        draft_id = self.store.conversation_draft(conversation_id)
        meta = DocumentMeta.model_validate(self.store.draft_meta(draft_id)) if draft_id else DocumentMeta()
        previous = self.store.messages(conversation_id)
        request = detect(text, meta)
        if request.task == Task.REWRITE and not request.clause_text:
            # "改写上一条": the clause is the last drafted one in this conversation
            last = next((m.result for m in reversed(previous) if m.result and m.result.get("clause_text")), None)
            request.clause_text = str(last["clause_text"]) if last else ""
        history = "\n".join(f"{m.role}: {m.content[:500]}" for m in previous[-HISTORY_TURNS:])
        self.store.add_message(conversation_id, "user", text)
        for event in run(request, self.index, self.llm, self.terms_dir, history):
            if isinstance(event, Done):
                self.store.add_message(conversation_id, "assistant", event.result.text,
                                       event.result.model_dump(mode="json"))
            yield event
