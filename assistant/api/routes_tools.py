"""Log-in and identity, search, term lookup, checks of an uploaded file, and the corpus (upload with
progress, list, remove)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Path, Query, Request, Response, UploadFile

from assistant.api.auth import COOKIE, Ctx, Who
from assistant.api.schemas import ROW_MAX, LoginIn, TokenOut
from assistant.api.uploads import read_upload, save_upload
from assistant.checks.model import Finding
from assistant.corpus.search import SearchResult
from assistant.workspace.access import Permission
from assistant.workspace.accounts import UserInfo
from assistant.workspace.errors import Invalid, NotFound
from assistant.workspace.jobs import JobOut

router = APIRouter(prefix="/api")


@router.post("/login", response_model=TokenOut, tags=["access"],
             summary="Log in with a password; returns a token and sets the session cookie / 登录")
def login(ctx: Ctx, body: LoginIn, response: Response) -> TokenOut:
    token = ctx.accounts.login(body.username, body.password)
    # SameSite=Strict: the cookie never rides on a request another site starts (no cross-site writes)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", max_age=14 * 24 * 3600)
    return TokenOut(token=token)


@router.post("/logout", status_code=204, tags=["access"], summary="Revoke the token in use / 退出")
def logout(ctx: Ctx, who: Who, request: Request) -> Response:
    del who
    header = request.headers.get("authorization", "")
    token = header[7:] if header.lower().startswith("bearer ") else request.cookies.get(COOKIE, "")
    ctx.accounts.revoke(token)
    out = Response(status_code=204)
    out.delete_cookie(COOKIE)
    return out


@router.get("/me", response_model=UserInfo, tags=["access"], summary="Who I am and my groups / 当前用户")
def me(ctx: Ctx, who: Who) -> UserInfo:
    return ctx.accounts.user_info(who)


@router.get("/search", response_model=list[SearchResult], tags=["corpus"],
            summary="Hybrid search over the corpus, with citations / 检索")
def search(ctx: Ctx, who: Who, q: Annotated[str, Query(min_length=1, max_length=1000)],
           k: Annotated[int, Query(ge=1, le=100)] = 10,
           doc: Annotated[list[str] | None, Query(max_length=20)] = None,
           kind: Annotated[list[str] | None, Query(max_length=20)] = None,
           lang: Annotated[str | None, Query(pattern=r"^(zh|en)$")] = None) -> list[SearchResult]:
    from assistant.corpus.search import run_search

    del who
    with ctx.index() as index:
        if index is None or not index.documents():
            raise NotFound("语料库为空，请先上传并索引文件", "the corpus is empty; upload and ingest files first",
                           field="corpus")
        return run_search(index, q, k=k, docs=doc, kinds=kind, language=lang)


@router.get("/terms", tags=["terms"], summary="Term lookup: every definition side by side / 术语查询")
def terms(ctx: Ctx, who: Who, q: Annotated[str, Query(min_length=1, max_length=300)],
          k: Annotated[int, Query(ge=1, le=50)] = 5) -> dict[str, Any]:
    from assistant.terms.base import default_term_base

    del who, ctx
    base = default_term_base(with_vectors=False)
    matches = base.lookup(q, k=k)
    return {"query": q, "entries": [{**m.entry.model_dump(mode="json"), "matched_by": m.how,
                                     "score": round(m.score, 4)} for m in matches]}


@router.post("/check", response_model=list[Finding], tags=["checks"],
             summary="Check an uploaded file against GB/T 1.1 and the requirement and term rules / 检查上传文件")
def check_upload(ctx: Ctx, who: Who, file: Annotated[UploadFile, File()]) -> list[Finding]:
    from assistant.checks import run_checks

    del who
    return run_checks(read_upload(file, ctx.settings.max_file_bytes))


@router.get("/corpus/documents", tags=["corpus"], summary="Documents in the index / 语料库文件")
def corpus_documents(ctx: Ctx, who: Who) -> list[dict[str, Any]]:
    del who
    with ctx.index() as index:
        if index is None:
            return []
        return [d.model_dump(mode="json") for d in index.documents()]


@router.delete("/corpus/documents/{designation:path}", status_code=204, tags=["corpus"],
               summary="Remove a document from the index / 移除文件")
def corpus_remove(ctx: Ctx, who: Who, designation: str) -> Response:
    who.require_anywhere(Permission.CORPUS)
    from assistant.corpus.ingest import remove

    with ctx.index_for_writing() as index:
        if not remove(designation, index, ctx.settings):
            raise NotFound(f"语料库中没有“{designation}”", f"no document '{designation}' in the corpus",
                           field="designation")
    return Response(status_code=204)


@router.post("/corpus/uploads", response_model=JobOut, status_code=202, tags=["corpus"],
             summary="Upload files and ingest them in the background; poll the job for progress / 上传入库")
def corpus_upload(ctx: Ctx, who: Who,
                  files: Annotated[list[UploadFile], File(min_length=1)]) -> JobOut:
    who.require_anywhere(Permission.CORPUS)
    if not files or len(files) > 50:
        raise Invalid("一次上传1至50个文件", "upload 1 to 50 files at a time", field="files")
    paths = [save_upload(f, ctx.upload_dir, ctx.settings.max_file_bytes) for f in files]
    job_id = ctx.jobs.create(who.name, [p.name for p in paths])

    def ingest_one(path: Any) -> dict[str, Any]:
        from assistant.corpus.ingest import ingest

        with ctx.index_for_writing() as index:
            report = ingest([path], index, ctx.settings)
        result = report.files[0]
        return {"status": result.status, "units": result.units, "doc_id": result.doc_id, "error": result.error}

    ctx.jobs.run(job_id, paths, ingest_one)
    return ctx.jobs.get(job_id)


@router.get("/corpus/jobs/{job_id}", response_model=JobOut, tags=["corpus"], summary="Upload progress / 入库进度")
def corpus_job(ctx: Ctx, who: Who, job_id: Annotated[int, Path(ge=1, le=ROW_MAX)]) -> JobOut:
    del who
    return ctx.jobs.get(job_id)
