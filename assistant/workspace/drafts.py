"""Drafts and their versions, with optimistic concurrency.

Every save writes a new immutable version (the whole Markdown text and its cover metadata). A save names
the version it was based on; when that is no longer the newest, the save is refused with a Conflict that
carries the newest version number, and nothing already saved changes. The compare-and-set on
``drafts.head`` plus the unique (draft, number) constraint make this hold for concurrent writers on
SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from assistant.document.markdown import front_matter
from assistant.document.model import Document, DocumentMeta
from assistant.store.models import Comment, Draft, DraftVersion
from assistant.workspace.access import Permission, Principal
from assistant.workspace.errors import Conflict, Invalid, NotFound
from assistant.workspace.sections import Section, parse_draft, replace_section, sections

WRITE_ATTEMPTS = 3  # SQLite reports a writer that lost the race as "locked"; re-read and decide again


def _utc(value: datetime) -> datetime:
    # times are written in UTC, but SQLite gives them back without a zone; an API time must name its zone
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_utc)]


class DraftInfo(BaseModel):
    id: str
    group: str
    title: str
    designation: str
    stage: str | None
    head: int
    created_at: UtcDatetime


class VersionInfo(BaseModel):
    number: int
    author: str
    message: str
    sha256: str
    created_at: UtcDatetime


class DraftVersionOut(VersionInfo):
    draft_id: str
    content: str
    meta: dict[str, Any]


class DraftDetail(BaseModel):
    draft: DraftInfo
    version: DraftVersionOut
    outline: list[Section]


class CommentOut(BaseModel):
    id: int
    version: int
    clause: str
    text: str
    author: str
    resolved: bool
    created_at: UtcDatetime


def _sha(content: str) -> str:
    return hashlib.sha256(content.encode()).hexdigest()


def meta_of(document: Document) -> dict[str, Any]:
    return document.meta.model_dump(mode="json", exclude={"source_path"})


class DraftStore:
    def __init__(self, sessions: sessionmaker[Session], max_bytes: int) -> None:
        self.sessions = sessions
        self.max_bytes = max_bytes

    # --- reading -------------------------------------------------------------------------------

    def _draft(self, s: Session, principal: Principal, draft_id: str, permission: Permission) -> Draft:
        draft = s.get(Draft, draft_id)
        if draft is None or draft.deleted or draft.group_id is None:
            raise NotFound(f"草案“{draft_id}”不存在", f"no draft '{draft_id}'", field="draft_id")
        if draft.group_id not in principal.roles:
            # the same answer as for a missing draft: another group's drafts are not even confirmed to exist
            raise NotFound(f"草案“{draft_id}”不存在", f"no draft '{draft_id}'", field="draft_id")
        principal.require(permission, draft.group_id)
        return draft

    def _info(self, draft: Draft, principal: Principal) -> DraftInfo:
        meta = draft.meta or {}
        return DraftInfo(id=draft.id, group=principal.group_slugs.get(draft.group_id or 0, ""), title=draft.title,
                         designation=str(meta.get("designation", "")), stage=meta.get("stage"),
                         head=draft.head, created_at=draft.created_at)

    def list_drafts(self, principal: Principal, group_id: int | None = None) -> list[DraftInfo]:
        groups = [g for g in principal.roles if group_id is None or g == group_id]
        with self.sessions() as s:
            rows = s.scalars(select(Draft).where(Draft.group_id.in_(groups), Draft.deleted.is_(False))
                             .order_by(Draft.created_at.desc()))
            return [self._info(d, principal) for d in rows]

    def is_workspace_draft(self, draft_id: str) -> bool:
        with self.sessions() as s:
            draft = s.get(Draft, draft_id)
            return draft is not None and draft.group_id is not None

    def require(self, principal: Principal, draft_id: str, permission: Permission) -> DraftInfo:
        with self.sessions() as s:
            return self._info(self._draft(s, principal, draft_id, permission), principal)

    def version(self, principal: Principal, draft_id: str, number: int | None = None,
                permission: Permission = Permission.READ) -> DraftVersionOut:
        with self.sessions() as s:
            return self._version(s, self._draft(s, principal, draft_id, permission), number)

    @staticmethod
    def _version(s: Session, draft: Draft, number: int | None) -> DraftVersionOut:
        wanted = draft.head if number is None else number
        row = s.scalar(select(DraftVersion).where(DraftVersion.draft_id == draft.id, DraftVersion.number == wanted))
        if row is None:
            raise NotFound(f"草案“{draft.id}”没有第{wanted}版", f"draft '{draft.id}' has no version {wanted}",
                           field="version")
        return DraftVersionOut(draft_id=draft.id, number=row.number, author=row.author, message=row.message,
                               sha256=row.sha256, created_at=row.created_at, content=row.content, meta=row.meta)

    def detail(self, principal: Principal, draft_id: str, number: int | None = None) -> DraftDetail:
        with self.sessions() as s:
            draft = self._draft(s, principal, draft_id, Permission.READ)
            info, version = self._info(draft, principal), self._version(s, draft, number)
        return DraftDetail(draft=info, version=version, outline=sections(version.content))

    def versions(self, principal: Principal, draft_id: str) -> list[VersionInfo]:
        with self.sessions() as s:
            self._draft(s, principal, draft_id, Permission.READ)
            rows = s.scalars(select(DraftVersion).where(DraftVersion.draft_id == draft_id)
                             .order_by(DraftVersion.number.desc()))
            return [VersionInfo(number=r.number, author=r.author, message=r.message, sha256=r.sha256,
                                created_at=r.created_at) for r in rows]

    # --- writing -------------------------------------------------------------------------------

    def _check_content(self, content: str) -> Document:
        if len(content.encode()) > self.max_bytes:
            raise Invalid(f"草案超过{self.max_bytes // 2**20} MB上限", f"the draft is over the "
                          f"{self.max_bytes // 2**20} MB limit", field="content")
        if not content.strip():
            raise Invalid("草案内容为空", "the draft is empty", field="content")
        return parse_draft(content)

    def create(self, principal: Principal, group_id: int, content: str, message: str = "") -> DraftInfo:
        principal.require(Permission.CREATE, group_id)
        document = self._check_content(content)
        draft_id = "d-" + secrets.token_hex(5)
        with self.sessions.begin() as s:
            draft = Draft(id=draft_id, title=document.meta.title, meta=meta_of(document), group_id=group_id, head=1)
            s.add(draft)
            s.flush()
            s.add(DraftVersion(draft_id=draft_id, number=1, content=content, meta=meta_of(document),
                               sha256=_sha(content), author=principal.name, message=message or "创建 / created"))
            s.flush()
            return self._info(draft, principal)

    def save(self, principal: Principal, draft_id: str, base_version: int, content: str, message: str = "",
             permission: Permission = Permission.EDIT) -> VersionInfo:
        document = self._check_content(content)
        meta = meta_of(document)
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.sessions.begin() as s:
                    draft = self._draft(s, principal, draft_id, permission)
                    if draft.head != base_version:
                        raise self._stale(draft_id, base_version, draft.head)
                    number = base_version + 1
                    done = s.execute(update(Draft).where(Draft.id == draft_id, Draft.head == base_version)
                                     .values(head=number, title=document.meta.title, meta=meta))
                    if done.rowcount != 1:  # type: ignore[attr-defined]
                        raise self._stale(draft_id, base_version, None)
                    row = DraftVersion(draft_id=draft_id, number=number, content=content, meta=meta,
                                       sha256=_sha(content), author=principal.name, message=message)
                    s.add(row)
                    s.flush()
                    return VersionInfo(number=number, author=row.author, message=row.message, sha256=row.sha256,
                                       created_at=row.created_at)
            except IntegrityError:
                raise self._stale(draft_id, base_version, None) from None
            except OperationalError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _stale(draft_id: str, base: int, head: int | None) -> Conflict:
        newest = f"（最新为第{head}版）" if head is not None else ""
        return Conflict(f"草案已被他人修改：第{base}版不是最新版{newest}，本次未保存任何内容，请保留您的文本并在最新版上重做修改",
                        f"the draft has changed: version {base} is not the newest"
                        f"{f' (newest: {head})' if head is not None else ''}; nothing was saved — keep your text "
                        "and redo the change on the newest version", draft_id=draft_id, base_version=base,
                        head=head)

    def edit_clause(self, principal: Principal, draft_id: str, base_version: int, clause: str, text: str,
                    message: str = "") -> VersionInfo:
        current = self.version(principal, draft_id, base_version, Permission.EDIT)
        content = replace_section(current.content, clause, text)
        return self.save(principal, draft_id, base_version, content, message or f"编辑 {clause} / edited {clause}")

    def update_meta(self, principal: Principal, draft_id: str, base_version: int, changes: dict[str, Any],
                    message: str = "") -> VersionInfo:
        current = self.version(principal, draft_id, base_version, Permission.META)
        document = parse_draft(current.content)
        data = document.meta.model_dump(mode="json", exclude={"source_path"})
        data.update(changes)
        try:
            meta = DocumentMeta.model_validate(data)
        except ValueError as exc:
            field = ".".join(str(p) for p in exc.errors()[0]["loc"]) if hasattr(exc, "errors") else "meta"
            raise Invalid(f"封面信息字段“{field}”无效", f"invalid cover field '{field}'", field=field) from None
        lines = current.content.split("\n")
        cover = sections(current.content, document)[0]
        body = lines[cover.end:] if cover.label == "cover" else lines
        content = front_matter(meta) + "\n\n" + "\n".join(body).lstrip("\n")
        return self.save(principal, draft_id, base_version, content, message or "封面信息 / cover metadata",
                         permission=Permission.META)

    def delete(self, principal: Principal, draft_id: str) -> None:
        with self.sessions.begin() as s:
            draft = self._draft(s, principal, draft_id, Permission.DELETE)
            draft.deleted = True  # versions stay: a deleted draft can be restored by an administrator

    # --- comments ------------------------------------------------------------------------------

    def add_comment(self, principal: Principal, draft_id: str, version: int, clause: str, text: str) -> CommentOut:
        if not text.strip():
            raise Invalid("批注内容为空", "the comment is empty", field="text")
        content = self.version(principal, draft_id, version, Permission.COMMENT).content
        if clause and not any(sec.label == clause or sec.number == clause for sec in sections(content)):
            raise Invalid(f"第{version}版中没有条款“{clause}”", f"version {version} has no clause '{clause}'",
                          field="clause")
        with self.sessions.begin() as s:
            row = Comment(draft_id=draft_id, version=version, clause=clause, text=text.strip(),
                          author=principal.name)
            s.add(row)
            s.flush()
            return CommentOut.model_validate(row, from_attributes=True)

    def comments(self, principal: Principal, draft_id: str) -> list[CommentOut]:
        with self.sessions() as s:
            self._draft(s, principal, draft_id, Permission.READ)
            rows = s.scalars(select(Comment).where(Comment.draft_id == draft_id).order_by(Comment.id))
            return [CommentOut.model_validate(r, from_attributes=True) for r in rows]

    def resolve_comment(self, principal: Principal, draft_id: str, comment_id: int) -> CommentOut:
        with self.sessions.begin() as s:
            self._draft(s, principal, draft_id, Permission.COMMENT)
            row = s.get(Comment, comment_id)
            if row is None or row.draft_id != draft_id:
                raise NotFound(f"批注{comment_id}不存在", f"no comment {comment_id}", field="comment_id")
            row.resolved = True
            s.flush()
            return CommentOut.model_validate(row, from_attributes=True)
