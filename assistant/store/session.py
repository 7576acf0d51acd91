"""The engine and sessions: SQLite under the data directory, or the URL in STDRAFT_DATABASE_URL.

The schema is brought to the newest Alembic revision when an engine is first made for a URL, so
`make run` on an old data directory upgrades it in place.
"""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from assistant.settings import Settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION = "0001"
_migrated: set[str] = set()
_lock = threading.Lock()


def database_url(settings: Settings) -> str:
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{(settings.data_dir / 'stdraft.db').resolve()}"


def make_engine(settings: Settings) -> Engine:
    url = database_url(settings)
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        # the HTTP server answers from worker threads; SQLite's same-thread guard would refuse them
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")  # SQLite ignores ON DELETE CASCADE without it
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer of a streaming answer
            cursor.execute("PRAGMA synchronous=FULL")  # a committed version survives a crash of the machine too
            cursor.close()
    else:
        engine = create_engine(url, pool_pre_ping=True)
    migrate(engine)
    return engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest revision (once per URL and process)."""
    key = str(engine.url)
    with _lock:
        if key in _migrated:
            return
        config = alembic_config()
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # batch mode rebuilds a table (copy, drop the old one, rename the copy); with foreign keys on,
                # dropping the old drafts table would cascade to every conversation and message. The pragma
                # only takes effect outside a transaction, hence before begin()
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                connection.commit()
            try:
                with connection.begin():
                    current = MigrationContext.configure(connection).get_current_revision()
                    config.attributes["connection"] = connection
                    if current is None and inspect(connection).has_table("drafts"):
                        # a database from the first release, made by create_all before migrations existed
                        command.stamp(config, FIRST_REVISION)
                    if current != head_revision():
                        command.upgrade(config, "head")
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                    connection.commit()
        _migrated.add(key)


def session_factory(settings: Settings) -> sessionmaker[Session]:
    return sessionmaker(make_engine(settings), expire_on_commit=False)
