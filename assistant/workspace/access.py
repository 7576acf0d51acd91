"""Roles per working group and what each may do.

One table decides every permission, so the API, the web pages and the access tests read the same truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from assistant.workspace.errors import Forbidden


class Role(StrEnum):
    DRAFTER = "drafter"  # 起草人
    REVIEWER = "reviewer"  # 审查人
    EDITOR = "editor"  # 编辑
    ADMIN = "admin"  # 管理员


class Permission(StrEnum):
    READ = "read"  # open drafts, versions, findings, comparisons, comments
    CREATE = "create"  # new drafts from a template or an upload
    EDIT = "edit"  # save text, edit clauses, apply fixes
    CHAT = "chat"  # drafting conversations on a draft
    META = "meta"  # cover metadata (designation, ICS, CCS, titles, stage, dates, bodies, adoption)
    COMMENT = "comment"
    EXPORT = "export"
    DELETE = "delete"
    CORPUS = "corpus"  # upload to and remove from the shared corpus


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DRAFTER: frozenset({Permission.READ, Permission.CREATE, Permission.EDIT, Permission.CHAT,
                             Permission.COMMENT, Permission.EXPORT}),
    # a reviewer reads, compares and comments, and never changes the text
    Role.REVIEWER: frozenset({Permission.READ, Permission.COMMENT, Permission.EXPORT}),
    Role.EDITOR: frozenset({Permission.READ, Permission.CREATE, Permission.EDIT, Permission.CHAT,
                            Permission.META, Permission.COMMENT, Permission.EXPORT, Permission.CORPUS}),
    Role.ADMIN: frozenset(Permission),
}

ROLE_NAMES_ZH = {Role.DRAFTER: "起草人", Role.REVIEWER: "审查人", Role.EDITOR: "编辑", Role.ADMIN: "管理员"}


@dataclass(frozen=True)
class Principal:
    """Who is asking: a user and their role in each of their groups (group id → role)."""

    user_id: int
    name: str
    roles: dict[int, Role] = field(default_factory=dict)
    group_slugs: dict[int, str] = field(default_factory=dict)

    def can(self, permission: Permission, group_id: int) -> bool:
        role = self.roles.get(group_id)
        return role is not None and permission in ROLE_PERMISSIONS[role]

    def can_anywhere(self, permission: Permission) -> bool:
        return any(permission in ROLE_PERMISSIONS[role] for role in self.roles.values())

    def require(self, permission: Permission, group_id: int) -> None:
        if group_id not in self.roles:
            # the same answer as for a draft that does not exist: other groups' drafts are not even confirmed
            raise Forbidden("无权访问该工作组的内容", "not a member of this working group")
        if not self.can(permission, group_id):
            role = self.roles[group_id]
            raise Forbidden(f"角色“{ROLE_NAMES_ZH[role]}”无“{permission.value}”权限",
                            f"role '{role.value}' may not {permission.value}")

    def require_anywhere(self, permission: Permission) -> None:
        if not self.can_anywhere(permission):
            raise Forbidden(f"需要“{permission.value}”权限（编辑或管理员）",
                            f"needs the '{permission.value}' permission (editor or admin)")
