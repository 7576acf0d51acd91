"""The engine and sessions: SQLite under the data directory, or the URL in STDRAFT_DATABASE_URL."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from assistant.settings import Settings
from assistant.store.models import Base


def database_url(settings: Settings) -> str:
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{(settings.data_dir / 'stdraft.db').resolve()}"


def make_engine(settings: Settings) -> Engine:
    url = database_url(settings)
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        # the HTTP server answers from worker threads; SQLite's same-thread guard would refuse them
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")  # SQLite ignores ON DELETE CASCADE without it
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer of a streaming answer
            cursor.close()
    else:
        engine = create_engine(url, pool_pre_ping=True)
    # create_all is idempotent and enough while the schema has one version; migrations come with the second
    Base.metadata.create_all(engine)
    return engine


def session_factory(settings: Settings) -> sessionmaker[Session]:
    return sessionmaker(make_engine(settings), expire_on_commit=False)
