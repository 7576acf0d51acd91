"""Errors the workspace raises; the API maps each to one HTTP status with a bilingual message."""

from __future__ import annotations

from typing import Any


class WorkspaceError(Exception):
    status = 400

    def __init__(self, message_zh: str, message_en: str, **detail: Any) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en
        self.detail = detail

    @property
    def message(self) -> str:
        return f"{self.message_zh} / {self.message_en}"


class NotFound(WorkspaceError):
    status = 404


class Forbidden(WorkspaceError):
    status = 403


class Unauthorized(WorkspaceError):
    status = 401


class Conflict(WorkspaceError):
    """A write based on a version that is no longer the newest; the caller's text is returned untouched."""

    status = 409


class Invalid(WorkspaceError):
    status = 422
