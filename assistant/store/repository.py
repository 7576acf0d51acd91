"""The few operations the chat front ends need, each in its own short transaction."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.store.models import Conversation, Draft, Message


class StoredMessage(BaseModel):
    id: int
    role: str
    content: str
    result: dict[str, Any] | None = None


class ConversationStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def ensure_draft(self, draft_id: str, title: str = "", meta: dict[str, Any] | None = None) -> None:
        with self.sessions.begin() as s:
            draft = s.get(Draft, draft_id)
            if draft is None:
                s.add(Draft(id=draft_id, title=title, meta=meta or {}))
            elif meta:
                draft.meta = meta
                draft.title = title or draft.title

    def draft_meta(self, draft_id: str) -> dict[str, Any]:
        with self.sessions() as s:
            draft = s.get(Draft, draft_id)
            return dict(draft.meta) if draft else {}

    def new_conversation(self, draft_id: str, title: str = "") -> int:
        self.ensure_draft(draft_id)
        with self.sessions.begin() as s:
            conv = Conversation(draft_id=draft_id, title=title)
            s.add(conv)
            s.flush()
            return conv.id

    def latest_conversation(self, draft_id: str) -> int | None:
        with self.sessions() as s:
            return s.scalar(select(Conversation.id).where(Conversation.draft_id == draft_id)
                            .order_by(Conversation.id.desc()).limit(1))

    def conversations(self, draft_id: str) -> list[int]:
        with self.sessions() as s:
            return list(s.scalars(select(Conversation.id).where(Conversation.draft_id == draft_id)
                                  .order_by(Conversation.id)))

    def conversation_draft(self, conversation_id: int) -> str | None:
        with self.sessions() as s:
            conv = s.get(Conversation, conversation_id)
            return conv.draft_id if conv else None

    def add_message(self, conversation_id: int, role: str, content: str,
                    result: dict[str, Any] | None = None) -> int:
        with self.sessions.begin() as s:
            msg = Message(conversation_id=conversation_id, role=role, content=content, result=result)
            s.add(msg)
            s.flush()
            return msg.id

    def messages(self, conversation_id: int) -> list[StoredMessage]:
        with self.sessions() as s:
            rows = s.scalars(select(Message).where(Message.conversation_id == conversation_id).order_by(Message.id))
            return [StoredMessage(id=m.id, role=m.role, content=m.content, result=m.result) for m in rows]
