"""/api/drafts: create, read, save (with optimistic concurrency), versions, clauses, cover metadata,
findings and fixes, comments, comparison, export and chat."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Path, Query, UploadFile
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from assistant.api.auth import Ctx, Who
from assistant.api.schemas import (
    ROW_MAX,
    ChatIn,
    ClauseEdit,
    CommentIn,
    DraftCreate,
    DraftSave,
    FixApply,
    MetaEdit,
    errors,
)
from assistant.api.uploads import read_upload
from assistant.compare.model import Comparison
from assistant.document.markdown import to_markdown
from assistant.document.model import DocumentKind, DocumentMeta, Stage
from assistant.workspace.access import Permission, Principal
from assistant.workspace.drafts import CommentOut, DraftDetail, DraftInfo, DraftVersionOut, VersionInfo
from assistant.workspace.errors import Invalid, NotFound
from assistant.workspace.fixes import apply_fix
from assistant.workspace.related import RelatedOut, related
from assistant.workspace.review import FindingOut, compare_versions, export_docx
from assistant.workspace.sections import parse_draft
from assistant.workspace.skeleton import skeleton

router = APIRouter(prefix="/api/drafts", tags=["drafts"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
VersionQuery = Annotated[int | None, Query(ge=1, le=ROW_MAX)]


def _group(ctx: Ctx, who: Principal, slug: str) -> int:
    group_id = ctx.accounts.group_id(slug)
    if group_id is None or group_id not in who.roles:
        # the same answer whether the group exists or not: its name is not disclosed to outsiders
        raise NotFound(f"您不属于工作组“{slug}”", f"you are not a member of a working group '{slug}'", field="group")
    return group_id


@router.get("", response_model=list[DraftInfo], summary="Drafts of my groups / 我的草案")
def list_drafts(ctx: Ctx, who: Who, group: str | None = None) -> list[DraftInfo]:
    return ctx.drafts.list_drafts(who, _group(ctx, who, group) if group else None)


@router.post("", response_model=DraftInfo, status_code=201, summary="New draft from the template or a text")
def create_draft(ctx: Ctx, who: Who, body: DraftCreate) -> DraftInfo:
    group_id = _group(ctx, who, body.group)
    who.require(Permission.CREATE, group_id)
    if body.content is not None:
        content = body.content
    else:
        meta = DocumentMeta(designation=body.designation or f"{body.kind} XXXXX—XXXX", kind=DocumentKind(body.kind),
                            title_zh=body.title_zh, title_en=body.title_en, stage=body.stage,
                            language=body.language)  # type: ignore[arg-type]
        content = skeleton(meta)
    return ctx.drafts.create(who, group_id, content)


@router.post("/upload", response_model=DraftInfo, status_code=201,
             summary="New draft from an uploaded .md, .txt, .docx or .pdf / 上传文件创建草案")
def upload_draft(ctx: Ctx, who: Who, file: Annotated[UploadFile, File()],
                 group: Annotated[str, Form(min_length=1, max_length=100)]) -> DraftInfo:
    group_id = _group(ctx, who, group)
    who.require(Permission.CREATE, group_id)
    document = read_upload(file, ctx.settings.max_file_bytes)
    return ctx.drafts.create(who, group_id, to_markdown(document), f"上传 {file.filename} / uploaded")


@router.get("/{draft_id}", response_model=DraftDetail, summary="A draft: newest (or given) version and outline")
def get_draft(ctx: Ctx, who: Who, draft_id: str, version: VersionQuery = None) -> DraftDetail:
    return ctx.drafts.detail(who, draft_id, version)


@router.put("/{draft_id}", response_model=VersionInfo, responses=errors(409),
            summary="Save the whole text as a new version (409 when base_version is stale)")
def save_draft(ctx: Ctx, who: Who, draft_id: str, body: DraftSave) -> VersionInfo:
    return ctx.drafts.save(who, draft_id, body.base_version, body.content, body.message)


@router.delete("/{draft_id}", status_code=204, summary="Delete a draft (its versions are kept)")
def delete_draft(ctx: Ctx, who: Who, draft_id: str) -> Response:
    ctx.drafts.delete(who, draft_id)
    return Response(status_code=204)


@router.get("/{draft_id}/versions", response_model=list[VersionInfo], summary="Version history / 版本历史")
def versions(ctx: Ctx, who: Who, draft_id: str) -> list[VersionInfo]:
    return ctx.drafts.versions(who, draft_id)


@router.get("/{draft_id}/versions/{number}", response_model=DraftVersionOut)
def version(ctx: Ctx, who: Who, draft_id: str,
            number: Annotated[int, Path(ge=1, le=ROW_MAX)]) -> DraftVersionOut:
    return ctx.drafts.version(who, draft_id, number)


@router.put("/{draft_id}/clauses/{clause}", response_model=VersionInfo, responses=errors(409),
            summary="Replace one clause's section (heading and text) / 编辑条款")
def edit_clause(ctx: Ctx, who: Who, draft_id: str, clause: str, body: ClauseEdit) -> VersionInfo:
    return ctx.drafts.edit_clause(who, draft_id, body.base_version, clause, body.text, body.message)


@router.put("/{draft_id}/meta", response_model=VersionInfo, responses=errors(409),
            summary="Cover metadata / 封面信息")
def edit_meta(ctx: Ctx, who: Who, draft_id: str, body: MetaEdit) -> VersionInfo:
    return ctx.drafts.update_meta(who, draft_id, body.base_version, body.changes())


@router.get("/{draft_id}/findings", response_model=list[FindingOut],
            summary="Check findings of a version, with the fixes that can be applied / 检查结果")
def findings(ctx: Ctx, who: Who, draft_id: str,
             version: VersionQuery = None) -> list[FindingOut]:
    v = ctx.drafts.version(who, draft_id, version)
    return ctx.findings.get(v.sha256, v.content)


@router.post("/{draft_id}/fixes", response_model=VersionInfo, responses=errors(409),
             summary="Apply a finding's fix / 应用修改建议")
def fix(ctx: Ctx, who: Who, draft_id: str, body: FixApply) -> VersionInfo:
    v = ctx.drafts.version(who, draft_id, body.base_version, Permission.EDIT)
    found = ctx.findings.get(v.sha256, v.content)
    if body.finding >= len(found):
        raise NotFound(f"第{v.number}版没有第{body.finding}条检查结果", f"version {v.number} has no finding "
                       f"{body.finding}", field="finding")
    item = found[body.finding]
    if item.fix is None:
        raise Invalid(f"检查结果{item.finding.rule}（{item.finding.clause}）没有可自动应用的修改",
                      f"finding {item.finding.rule} at {item.finding.clause} has no fix that can be applied "
                      "automatically", field="finding")
    content = apply_fix(v.content, item.fix)
    return ctx.drafts.save(who, draft_id, body.base_version, content,
                           f"应用{item.finding.rule}修改（{item.finding.clause}） / applied {item.finding.rule} fix")


@router.get("/{draft_id}/comments", response_model=list[CommentOut], summary="Review comments / 批注")
def comments(ctx: Ctx, who: Who, draft_id: str) -> list[CommentOut]:
    return ctx.drafts.comments(who, draft_id)


@router.post("/{draft_id}/comments", response_model=CommentOut, status_code=201)
def add_comment(ctx: Ctx, who: Who, draft_id: str, body: CommentIn) -> CommentOut:
    return ctx.drafts.add_comment(who, draft_id, body.version, body.clause, body.text)


@router.post("/{draft_id}/comments/{comment_id}/resolve", response_model=CommentOut)
def resolve_comment(ctx: Ctx, who: Who, draft_id: str,
                    comment_id: Annotated[int, Path(ge=1, le=ROW_MAX)]) -> CommentOut:
    return ctx.drafts.resolve_comment(who, draft_id, comment_id)


def comparison(ctx: Ctx, who: Who, draft_id: str, left: int | None, right: int | None, other: str | None,
               corpus: str | None) -> Comparison:
    detail = ctx.drafts.detail(who, draft_id, right)
    new = parse_draft(detail.version.content)
    right_label = f"{draft_id} v{detail.version.number}"
    if other:
        o = ctx.drafts.detail(who, other, None)
        return compare_versions(parse_draft(o.version.content), new, f"{other} v{o.version.number}", right_label)
    if corpus:
        from assistant.compare.sources import resolve
        from assistant.document.errors import InputError

        try:
            document, _ = resolve(corpus, ctx.corpus_folders())
        except InputError as exc:
            raise NotFound(f"语料库中没有“{corpus}”", f"no corpus document '{corpus}': {exc.problem}",
                           field="corpus") from None
        return compare_versions(document, new, corpus, right_label)
    base = left if left is not None else max(detail.version.number - 1, 1)
    old = ctx.drafts.version(who, draft_id, base)
    return compare_versions(parse_draft(old.content), new, f"{draft_id} v{old.number}", right_label)


@router.get("/{draft_id}/compare", response_model=None,
            responses={200: {"content": {"text/html": {"schema": {"type": "string"}}},
                             "description": "the comparison as data, or with format=html as a report page"}},
            summary="Clause-by-clause comparison: two versions, another draft, or a corpus document / 逐条比较")
def compare(ctx: Ctx, who: Who, draft_id: str,
            left: Annotated[int | None, Query(ge=1, le=ROW_MAX,
                                              description="older version (default: the one before)")] = None,
            right: Annotated[int | None, Query(ge=1, le=ROW_MAX,
                                               description="newer version (default: newest)")] = None,
            other: Annotated[str | None, Query(max_length=200, description="another draft's id")] = None,
            corpus: Annotated[str | None, Query(max_length=200, description="a corpus designation")] = None,
            format: Literal["json", "html"] = "json") -> Any:
    result = comparison(ctx, who, draft_id, left, right, other, corpus)
    if format == "html":
        from assistant.compare.report_html import render_html

        return HTMLResponse(render_html(result))
    return result.to_json(with_text=True)


@router.get("/{draft_id}/related", response_model=RelatedOut,
            summary="Overlap with the corpus and suggested normative references / 重复条款与规范性引用建议")
def related_standards(ctx: Ctx, who: Who, draft_id: str, version: VersionQuery = None) -> RelatedOut:
    v = ctx.drafts.version(who, draft_id, version)
    document = parse_draft(v.content)
    corpus = ctx.corpus_documents.get(ctx.corpus_folders())
    with ctx.index() as index:
        return related(document, f"{draft_id} v{v.number}", v.number, index, corpus)


@router.get("/{draft_id}/export", response_class=Response,
            responses={200: {"content": {DOCX: {}}, "description": "the .docx"}},
            summary=".docx in GB/T layout; against=N shows changes since version N as tracked changes / 导出")
def export(ctx: Ctx, who: Who, draft_id: str, version: VersionQuery = None,
           against: VersionQuery = None, stage: Stage | None = None) -> Response:
    v = ctx.drafts.version(who, draft_id, version, Permission.EXPORT)
    old = parse_draft(ctx.drafts.version(who, draft_id, against).content) if against else None
    data = export_docx(parse_draft(v.content), stage, old)
    name = f"{draft_id}-v{v.number}{f'-vs-v{against}' if against else ''}.docx"
    return Response(data, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/{draft_id}/chat", summary="The draft's latest conversation / 对话记录")
def chat_history(ctx: Ctx, who: Who, draft_id: str) -> list[dict[str, Any]]:
    ctx.drafts.require(who, draft_id, Permission.READ)
    service = ctx.chat()
    conversation = service.store.latest_conversation(draft_id)
    if conversation is None:
        return []
    return [m.model_dump() for m in service.store.messages(conversation)]


@router.post("/{draft_id}/chat", response_class=StreamingResponse,
             responses={200: {"content": {"application/x-ndjson": {}},
                              "description": "one JSON object per line: {type: token, text} … {type: done, result}"}},
             summary="Chat on the draft, streamed / 起草对话（流式）")
def chat(ctx: Ctx, who: Who, draft_id: str, body: ChatIn) -> StreamingResponse:
    from assistant.drafting.pipeline import Done, LLMError

    ctx.drafts.require(who, draft_id, Permission.CHAT)
    head = ctx.drafts.version(who, draft_id)
    meta = DocumentMeta.model_validate(head.meta)
    service = ctx.chat()
    conversation = service.open(draft_id, meta, new=body.new_conversation)

    def events() -> Iterator[str]:
        try:
            for event in ctx.reading(service.turn(conversation, body.message)):
                if isinstance(event, Done):
                    yield json.dumps({"type": "done", "result": event.result.model_dump(mode="json")},
                                     ensure_ascii=False) + "\n"
                else:
                    yield json.dumps({"type": "token", "text": event.text}, ensure_ascii=False) + "\n"
        except LLMError as exc:
            yield json.dumps({"type": "error", "message": str(exc)}, ensure_ascii=False) + "\n"

    return StreamingResponse(events(), media_type="application/x-ndjson")


