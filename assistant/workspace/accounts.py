"""Users, working groups, memberships and API tokens.

Tokens are random and shown once; only their SHA-256 is stored. Passwords (for the web log-in) are
hashed with scrypt from the standard library.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assistant.store.models import ApiToken, Group, Membership, User
from assistant.workspace.access import Principal, Role
from assistant.workspace.errors import Invalid, NotFound, Unauthorized

TOKEN_PREFIX = "sdt_"
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class GroupInfo(BaseModel):
    id: int
    slug: str
    name: str
    role: Role | None = None


class UserInfo(BaseModel):
    name: str
    display_name: str
    groups: list[GroupInfo]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
        given = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    except ValueError:
        return False
    return hmac.compare_digest(given.hex(), digest)


class Accounts:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def ensure_group(self, slug: str, name: str = "") -> int:
        if not _SLUG.match(slug):
            raise Invalid(f"工作组标识“{slug}”无效（字母、数字、- _ .）",
                          f"invalid group id '{slug}' (letters, digits, - _ .)", field="group")
        with self.sessions.begin() as s:
            group = s.scalar(select(Group).where(Group.slug == slug))
            if group is None:
                group = Group(slug=slug, name=name or slug)
                s.add(group)
                s.flush()
            elif name:
                group.name = name
            return group.id

    def add_user(self, name: str, group: str, role: Role, password: str | None = None,
                 display_name: str = "") -> str:
        """Create the user if needed, give them ``role`` in ``group``, and return a new API token."""
        if not _SLUG.match(name):
            raise Invalid(f"用户名“{name}”无效", f"invalid user name '{name}'", field="name")
        group_id = self.ensure_group(group)
        with self.sessions.begin() as s:
            user = s.scalar(select(User).where(User.name == name))
            if user is None:
                user = User(name=name, display_name=display_name or name)
                s.add(user)
                s.flush()
            if password:
                user.password_hash = hash_password(password)
            membership = s.get(Membership, (user.id, group_id))
            if membership is None:
                s.add(Membership(user_id=user.id, group_id=group_id, role=role.value))
            else:
                membership.role = role.value
            return self._issue(s, user.id, "cli")

    def has_users(self) -> bool:
        with self.sessions() as s:
            return s.scalar(select(User.id).limit(1)) is not None

    def ensure_first_admin(self, secret_file: Path, group: str = "default") -> bool:
        """On a fresh database, create user "admin" (admin of group ``group``) with a random password, and
        write the password and an API token to ``secret_file`` (readable by its owner only). True if made."""
        if self.has_users():
            return False
        password = secrets.token_urlsafe(12)
        token = self.add_user("admin", group, Role.ADMIN, password=password, display_name="管理员")
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        secret_file.touch(mode=0o600)
        secret_file.write_text(f"user: admin\npassword: {password}\ntoken: {token}\n", encoding="utf-8")
        return True

    def issue_token(self, user_id: int, label: str = "") -> str:
        with self.sessions.begin() as s:
            return self._issue(s, user_id, label)

    @staticmethod
    def _issue(s: Session, user_id: int, label: str) -> str:
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        s.add(ApiToken(user_id=user_id, token_hash=hash_token(token), label=label))
        return token

    def revoke(self, token: str) -> None:
        with self.sessions.begin() as s:
            row = s.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
            if row is not None:
                row.revoked = True

    def login(self, name: str, password: str) -> str:
        with self.sessions() as s:
            user = s.scalar(select(User).where(User.name == name))
            ok = user is not None and user.password_hash is not None and verify_password(password,
                                                                                          user.password_hash)
        if not ok or user is None:
            raise Unauthorized("用户名或密码错误", "wrong user name or password")
        return self.issue_token(user.id, "web log-in")

    def principal(self, token: str) -> Principal:
        with self.sessions() as s:
            row = s.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token),
                                                  ApiToken.revoked.is_(False)))
            if row is None:
                raise Unauthorized("令牌无效或已撤销", "invalid or revoked token")
            user = s.get(User, row.user_id)
            if user is None:
                raise Unauthorized("令牌无效", "invalid token")
            rows = s.execute(select(Membership.group_id, Membership.role, Group.slug)
                             .join(Group, Group.id == Membership.group_id)
                             .where(Membership.user_id == user.id)).all()
            return Principal(user_id=user.id, name=user.name,
                             roles={g: Role(r) for g, r, _ in rows}, group_slugs={g: slug for g, _, slug in rows})

    def user_info(self, principal: Principal) -> UserInfo:
        with self.sessions() as s:
            user = s.get(User, principal.user_id)
            if user is None:
                raise NotFound("用户不存在", "no such user")
            groups = [GroupInfo(id=g.id, slug=g.slug, name=g.name, role=principal.roles.get(g.id))
                      for g in s.scalars(select(Group).where(Group.id.in_(principal.roles)).order_by(Group.slug))]
            return UserInfo(name=user.name, display_name=user.display_name, groups=groups)

    def group_id(self, slug: str) -> int | None:
        with self.sessions() as s:
            return s.scalar(select(Group.id).where(Group.slug == slug))
