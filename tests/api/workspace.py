"""An in-process workspace for the API tests: the app on a private data directory, two working groups, one
user per role in each, and helpers to make drafts. No corpus index is opened (no embedding)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.api.context import AppContext
from assistant.settings import Settings
from assistant.store.models import Draft, Group
from assistant.workspace.access import Role

if TYPE_CHECKING:  # starlette's TestClient answers with httpx2's Response when httpx2 is installed, as here
    from httpx2 import Response as Response
else:
    Response = object

GROUPS = ("wg-a", "wg-b")

# a small draft in the project's Markdown form; clause 4 holds "必须", which the checks rewrite to "应"
# (a finding with a mechanical fix)
DRAFT = """---
designation: GB/T 99999—2026
kind: GB/T
title_zh: 信息技术　测试草案
stage: 征求意见稿
structure: standard
language: zh
---

## 前言
本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

## 1　范围
本文件规定了测试草案的要求。

本文件适用于测试。

## 2　规范性引用文件
本文件没有规范性引用文件。

## 3　术语和定义
本文件没有需要界定的术语和定义。

## 4　要求
标注员必须经过培训。
"""

SECRET = "机密条文：只有本组成员可见"  # put into group B's draft; must never appear in an answer to group A


@dataclass
class Workspace:
    app: FastAPI
    client: TestClient
    settings: Settings
    tokens: dict[tuple[str, Role], str] = field(default_factory=dict)

    @property
    def ctx(self) -> AppContext:
        context: AppContext = self.app.state.context
        return context

    def headers(self, role: Role, group: str = GROUPS[0]) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[(group, role)]}"}

    def create_draft(self, group: str = GROUPS[0], content: str = DRAFT) -> str:
        r = self.client.post("/api/drafts", json={"group": group, "content": content},
                             headers=self.headers(Role.ADMIN, group))
        assert r.status_code == 201, r.text
        return str(r.json()["id"])

    def head(self, draft_id: str) -> int:
        """The newest version number, read from the database (1 for a draft that does not exist)."""
        with self.ctx.sessions() as s:
            draft = s.get(Draft, draft_id)
            return draft.head if draft is not None else 1

    def owner(self, draft_id: str) -> dict[str, str]:
        """Headers of the administrator of the draft's group (group A's for a draft that does not exist)."""
        with self.ctx.sessions() as s:
            draft = s.get(Draft, draft_id)
            group = s.get(Group, draft.group_id) if draft is not None else None
            return self.headers(Role.ADMIN, group.slug if group is not None else GROUPS[0])

    def save(self, draft_id: str, base: int, content: str, role: Role = Role.ADMIN,
             group: str = GROUPS[0]) -> Response:
        return self.client.put(f"/api/drafts/{draft_id}", json={"base_version": base, "content": content},
                               headers=self.headers(role, group))


def make_workspace(data_dir: Path, **settings: Any) -> Workspace:
    config = Settings(data_dir=data_dir, **settings)
    app = create_app(config)
    ws = Workspace(app=app, client=TestClient(app), settings=config)
    for group in GROUPS:
        for role in Role:
            name = f"{role.value}-{group}"
            ws.tokens[(group, role)] = ws.ctx.accounts.add_user(name, group, role, password=f"pw-{name}")
    return ws


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    out = docx.Document()
    for text in paragraphs:
        out.add_paragraph(text)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def zip_bomb_docx() -> bytes:
    """A .docx whose body inflates far beyond its size (the loader's ratio guard must refuse it)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (8 * 2**20))
    return buf.getvalue()


def xxe_docx() -> bytes:
    """A real .docx whose body declares an external entity pointing at a local file."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["## 1　范围", "本文件规定了要求。"])))
    buf = io.BytesIO()
    with source as zin, zipfile.ZipFile(buf, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
                data = data.replace("本文件规定了要求。".encode(), "本文件规定了&xxe;要求。".encode(), 1)
            zout.writestr(item, data)
    return buf.getvalue()


