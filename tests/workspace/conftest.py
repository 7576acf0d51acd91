"""Services of the workspace on a private SQLite database: accounts, one group per test, a draft store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.store.session import session_factory
from assistant.workspace.access import Principal, Role
from assistant.workspace.accounts import Accounts
from assistant.workspace.drafts import DraftStore


@dataclass
class Services:
    accounts: Accounts
    drafts: DraftStore

    def principal(self, name: str, group: str, role: Role) -> Principal:
        return self.accounts.principal(self.accounts.add_user(name, group, role))


@pytest.fixture
def services(tmp_path: Path) -> Services:
    sessions = session_factory(Settings(data_dir=tmp_path / "data"))
    return Services(Accounts(sessions), DraftStore(sessions, 2**20))
