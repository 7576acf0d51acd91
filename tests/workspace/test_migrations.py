"""The Alembic migrations and the SQLAlchemy models describe the same schema, and a database of the first
release (made by create_all, no alembic_version) is upgraded in place with its rows kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from assistant.settings import Settings
from assistant.store import session as store_session
from assistant.store.models import Base
from assistant.store.repository import ConversationStore
from assistant.store.session import head_revision, make_engine, session_factory

# the schema the first release created with Base.metadata.create_all (SQLite DDL of its models)
FIRST_RELEASE = """
CREATE TABLE drafts (
    id VARCHAR(200) NOT NULL,
    title VARCHAR(500) NOT NULL,
    meta JSON NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE conversations (
    id INTEGER NOT NULL,
    draft_id VARCHAR(200) NOT NULL,
    title VARCHAR(500) NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(draft_id) REFERENCES drafts (id) ON DELETE CASCADE
);
CREATE INDEX ix_conversations_draft_id ON conversations (draft_id);
CREATE TABLE messages (
    id INTEGER NOT NULL,
    conversation_id INTEGER NOT NULL,
    role VARCHAR(20) NOT NULL,
    content TEXT NOT NULL,
    result JSON,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);
CREATE INDEX ix_messages_conversation_id ON messages (conversation_id);
INSERT INTO drafts VALUES ('GB/T 99999', '数据标注　质量要求', '{"title_zh": "数据标注　质量要求"}',
                           '2026-01-05 08:00:00.000000');
INSERT INTO conversations VALUES (1, 'GB/T 99999', '范围', '2026-01-05 08:01:00.000000');
INSERT INTO messages VALUES (1, 1, 'user', '起草范围一章', NULL, '2026-01-05 08:01:00.000000');
INSERT INTO messages VALUES (2, 1, 'assistant', '## 1　范围\n本文件规定了……', '{"task": "scope"}',
                             '2026-01-05 08:01:05.000000');
"""


def _differences(url: str) -> list[object]:
    engine = create_engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": False})
        return list(compare_metadata(context, Base.metadata))


def test_alembic_head_matches_the_models(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    make_engine(settings)  # a fresh database, migrated to the head
    diff = _differences(f"sqlite:///{settings.data_dir / 'stdraft.db'}")
    assert diff == [], diff


def test_the_comparison_sees_a_missing_column(tmp_path: Path) -> None:
    """The check above can fail: a database lacking a column the models have is reported."""
    settings = Settings(data_dir=tmp_path / "data")
    make_engine(settings)
    db = settings.data_dir / "stdraft.db"
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE comments DROP COLUMN resolved")
    diff = _differences(f"sqlite:///{db}")
    assert any("resolved" in str(d) for d in diff), diff


def test_first_release_database_is_upgraded_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "stdraft.db"
    with sqlite3.connect(db) as conn:
        conn.executescript(FIRST_RELEASE)
    settings = Settings(data_dir=data)
    engine = make_engine(settings)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    assert {"groups", "users", "api_tokens", "memberships", "draft_versions", "comments", "ingest_jobs"} <= set(
        inspect(engine).get_table_names())
    # the old rows are all there, and the conversation reads as before
    store = ConversationStore(session_factory(settings))
    assert store.draft_meta("GB/T 99999") == {"title_zh": "数据标注　质量要求"}
    conversation = store.latest_conversation("GB/T 99999")
    assert conversation == 1
    messages = store.messages(conversation)
    assert [(m.role, m.content) for m in messages] == [("user", "起草范围一章"),
                                                       ("assistant", "## 1　范围\n本文件规定了……")]
    assert messages[1].result == {"task": "scope"}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT head, deleted, group_id FROM drafts").fetchall() == [(0, 0, None)]
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _differences(f"sqlite:///{db}") == []
    # a second start (a new process: nothing remembered) finds nothing to do and keeps the rows
    monkeypatch.setattr(store_session, "_migrated", set())
    make_engine(settings)
    assert ConversationStore(session_factory(settings)).latest_conversation("GB/T 99999") == 1
