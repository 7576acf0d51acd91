"""The roles table and the principal's checks."""

from __future__ import annotations

from itertools import pairwise

import pytest

from assistant.workspace.access import ROLE_PERMISSIONS, Permission, Principal, Role
from assistant.workspace.errors import Forbidden


def test_roles_hold_what_the_issue_says() -> None:
    # reviewer: reads, comments, exports; never changes text, creates, chats or edits the cover
    assert ROLE_PERMISSIONS[Role.REVIEWER] == {Permission.READ, Permission.COMMENT, Permission.EXPORT}
    assert Permission.META not in ROLE_PERMISSIONS[Role.DRAFTER]
    assert Permission.CORPUS not in ROLE_PERMISSIONS[Role.DRAFTER]
    assert ROLE_PERMISSIONS[Role.EDITOR] == set(Permission) - {Permission.DELETE}
    assert ROLE_PERMISSIONS[Role.ADMIN] == set(Permission)
    # each role can do at least what the one below it can
    order = [Role.REVIEWER, Role.DRAFTER, Role.EDITOR, Role.ADMIN]
    assert all(ROLE_PERMISSIONS[a] < ROLE_PERMISSIONS[b] for a, b in pairwise(order))


def test_principal_checks_each_group_separately() -> None:
    who = Principal(1, "x", roles={1: Role.ADMIN, 2: Role.REVIEWER})
    assert who.can(Permission.DELETE, 1) and not who.can(Permission.EDIT, 2) and not who.can(Permission.READ, 3)
    assert who.can_anywhere(Permission.CORPUS)
    who.require(Permission.EDIT, 1)
    with pytest.raises(Forbidden, match="reviewer"):
        who.require(Permission.EDIT, 2)
    with pytest.raises(Forbidden, match="not a member"):
        who.require(Permission.READ, 3)
    with pytest.raises(Forbidden):
        Principal(2, "y", roles={2: Role.DRAFTER}).require_anywhere(Permission.CORPUS)
