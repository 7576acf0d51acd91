"""Request bodies of the workspace API (responses are the workspace's own models)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.document.model import Stage


class ErrorOut(BaseModel):
    """Every refusal: a bilingual message and, where it can be told, the field at fault."""

    model_config = ConfigDict(extra="allow")  # a conflict also carries draft_id, base_version and head
    detail: str | list[dict[str, Any]]  # a list only for FastAPI's own request validation (422)
    message_zh: str | None = None
    message_en: str | None = None
    field: str | None = None


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error responses of a route for the OpenAPI schema, so clients (and the fuzz tests) know them."""
    return {status: {"model": ErrorOut} for status in statuses}


# what any authenticated route may answer: a body that does not decode, no or a bad token, a role without
# the permission, an unknown or foreign object, a body over STDRAFT_MAX_FILE_MB, an invalid request
COMMON_ERRORS = errors(400, 401, 403, 404, 413, 422)


# numbers that name a row (versions, comments, jobs) fit an INTEGER column; a larger one names nothing and must
# be refused as invalid rather than overflow the database driver
ROW_MAX = 2**31 - 1


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=500)


class TokenOut(BaseModel):
    token: str


class DraftCreate(Strict):
    group: str = Field(min_length=1, max_length=100, description="working group id / 工作组")
    title_zh: str = Field(default="", max_length=300)
    title_en: str = Field(default="", max_length=300)
    designation: str = Field(default="", max_length=100, description="e.g. GB/T XXXXX—XXXX")
    kind: str = Field(default="GB/T", pattern=r"^(GB|GB/T|GB/Z|ISO|ISO/IEC|IEC|sector|group|other)$")
    stage: Stage | None = Stage.COMMENT_DRAFT
    language: str = Field(default="zh", pattern=r"^(zh|en)$")
    content: str | None = Field(default=None, max_length=50_000_000,
                                description="the whole draft in the project's Markdown form; "
                                            "omitted: the GB/T 1.1 template / 省略则使用模板")


class DraftSave(Strict):
    base_version: int = Field(ge=1, le=ROW_MAX, description="the version the change was made on / 修改所基于的版本")
    content: str = Field(max_length=50_000_000)
    message: str = Field(default="", max_length=500)


class ClauseEdit(Strict):
    base_version: int = Field(ge=1, le=ROW_MAX)
    text: str = Field(max_length=5_000_000, description="the clause's section: heading line and text")
    message: str = Field(default="", max_length=500)


class MetaEdit(Strict):
    base_version: int = Field(ge=1, le=ROW_MAX)
    designation: str | None = Field(default=None, max_length=100)
    title_zh: str | None = Field(default=None, max_length=300)
    title_en: str | None = Field(default=None, max_length=300)
    ics: str | None = Field(default=None, max_length=50)
    ccs: str | None = Field(default=None, max_length=50)
    stage: Stage | None = None
    replaces: str | None = Field(default=None, max_length=200)
    release_date: str | None = Field(default=None, max_length=20)
    implementation_date: str | None = Field(default=None, max_length=20)
    issuing_bodies: list[str] | None = Field(default=None, max_length=10)
    plan_number: str | None = Field(default=None, max_length=100)
    adoption_degree: str | None = Field(default=None, pattern=r"^(IDT|MOD|NEQ|)$")
    adoption_source: str | None = Field(default=None, max_length=200)

    def changes(self) -> dict[str, Any]:
        data = self.model_dump(exclude_unset=True, exclude={"base_version", "adoption_degree", "adoption_source"},
                               mode="json")
        if self.adoption_degree is not None:
            data["adoption"] = ({"degree": self.adoption_degree, "source": self.adoption_source or ""}
                                if self.adoption_degree else None)
        return data


class FixApply(Strict):
    base_version: int = Field(ge=1, le=ROW_MAX)
    finding: int = Field(ge=0, le=ROW_MAX, description="index of the finding in GET …/findings of that version")


class CommentIn(Strict):
    version: int = Field(ge=1, le=ROW_MAX)
    clause: str = Field(default="", max_length=100)
    text: str = Field(min_length=1, max_length=20_000)


class ChatIn(Strict):
    message: str = Field(min_length=1, max_length=20_000)
    new_conversation: bool = False
