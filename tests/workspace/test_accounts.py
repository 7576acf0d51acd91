"""Tokens are shown once and stored hashed; revoking works at once; passwords are salted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.workspace.access import Role
from assistant.workspace.accounts import hash_password, hash_token, verify_password
from assistant.workspace.errors import Invalid, Unauthorized
from tests.workspace.conftest import Services


def test_token_is_stored_only_as_a_hash(services: Services, tmp_path: Path) -> None:
    token = services.accounts.add_user("alice", "wg", Role.DRAFTER)
    with sqlite3.connect(tmp_path / "data" / "stdraft.db") as db:
        stored = [row[0] for row in db.execute("SELECT token_hash FROM api_tokens")]
        dump = "\n".join(db.iterdump())
    assert stored == [hash_token(token)]
    assert token not in dump


def test_revoke_and_unknown_tokens(services: Services) -> None:
    token = services.accounts.add_user("bob", "wg", Role.EDITOR)
    assert services.accounts.principal(token).name == "bob"
    services.accounts.revoke(token)
    with pytest.raises(Unauthorized):
        services.accounts.principal(token)
    with pytest.raises(Unauthorized):
        services.accounts.principal("sdt_" + "x" * 43)


def test_role_change_keeps_one_membership(services: Services) -> None:
    services.accounts.add_user("carol", "wg", Role.REVIEWER)
    token = services.accounts.add_user("carol", "wg", Role.EDITOR)
    who = services.accounts.principal(token)
    assert list(who.roles.values()) == [Role.EDITOR]
    other = services.accounts.add_user("carol", "wg2", Role.DRAFTER)
    assert sorted(services.accounts.principal(other).group_slugs.values()) == ["wg", "wg2"]


def test_login_needs_the_right_password(services: Services) -> None:
    services.accounts.add_user("dora", "wg", Role.DRAFTER, password="correct horse")
    token = services.accounts.login("dora", "correct horse")
    assert services.accounts.principal(token).name == "dora"
    for name, password in [("dora", "wrong"), ("nobody", "correct horse"), ("dora", "")]:
        with pytest.raises(Unauthorized):
            services.accounts.login(name, password)
    services.accounts.add_user("token-only", "wg", Role.DRAFTER)
    with pytest.raises(Unauthorized):
        services.accounts.login("token-only", "")


def test_password_hashes_are_salted() -> None:
    a, b = hash_password("same"), hash_password("same")
    assert a != b and verify_password("same", a) and verify_password("same", b)
    assert not verify_password("other", a) and not verify_password("same", "garbage")


@pytest.mark.parametrize("name", ["", "a b", "../x", "-dash", "x" * 101])
def test_bad_names_are_refused(services: Services, name: str) -> None:
    with pytest.raises(Invalid):
        services.accounts.add_user(name, "wg", Role.DRAFTER)
    with pytest.raises(Invalid):
        services.accounts.add_user("ok", name, Role.DRAFTER)
