"""The same store on PostgreSQL: migrations from nothing, drafts and versions, and the 409 on a stale save."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect

from assistant.document.model import DocumentMeta
from assistant.settings import Settings
from assistant.store.session import head_revision, make_engine, session_factory
from assistant.workspace.access import Role
from assistant.workspace.accounts import Accounts
from assistant.workspace.drafts import DraftStore
from assistant.workspace.errors import Conflict
from assistant.workspace.skeleton import skeleton
from tests.support.postgres import postgres_url


@pytest.fixture(scope="module")
def pg_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    with postgres_url() as url:
        yield Settings(data_dir=tmp_path_factory.mktemp("pg-data"), database_url=url)


def test_migrations_and_versions_on_postgres(pg_settings: Settings) -> None:
    engine = make_engine(pg_settings)
    tables = set(inspect(engine).get_table_names())
    assert {"drafts", "draft_versions", "users", "api_tokens", "memberships", "comments", "alembic_version"} <= tables
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select version_num from alembic_version").scalar() == head_revision()
    sessions = session_factory(pg_settings)
    accounts = Accounts(sessions)
    token = accounts.add_user("pg-user", "pg-wg", Role.DRAFTER)
    who = accounts.principal(token)
    store = DraftStore(sessions, 10 * 2**20)
    group = next(iter(who.roles))
    text = skeleton(DocumentMeta(title_zh="人工智能　测试"))
    draft = store.create(who, group, text)
    second = store.save(who, draft.id, 1, text.replace("……。", "要求。", 1))
    assert second.number == 2
    with pytest.raises(Conflict):
        store.save(who, draft.id, 1, text + "\n")
    # eight writers on the same base: exactly one wins
    def attempt(i: int) -> str:
        try:
            saved = store.save(who, draft.id, 2, f"{text}\n附加{i}\n")
            return f"ok {saved.number}"
        except Conflict:
            return "conflict"

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(attempt, range(8)))
    assert outcomes.count("ok 3") == 1 and outcomes.count("conflict") == 7
    assert store.version(who, draft.id, 1).content == text  # the first version is untouched
    engine.dispose()
    sessions.kw["bind"].dispose()  # close pooled connections before the server stops
