"""Web pages: log-in, drafts, the draft workspace, review, export and corpus.

Pages are rendered on the server with what they need to show first; the buttons on them call the JSON API
with the log-in cookie (static/app.js), so the web workspace and other clients share one set of rules.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from assistant.api.auth import COOKIE, app_context
from assistant.document.model import Stage
from assistant.settings import PROJECT_ROOT
from assistant.web.i18n import LANGS, translator
from assistant.web.sources import find_source
from assistant.workspace.access import ROLE_NAMES_ZH, Permission, Principal
from assistant.workspace.errors import Unauthorized, WorkspaceError

WEB = PROJECT_ROOT / "templates" / "web"
templates = Jinja2Templates(directory=str(WEB))
router = APIRouter(include_in_schema=False)


def static_files() -> StaticFiles:
    return StaticFiles(directory=str(WEB / "static"))


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
    return lang if lang in LANGS else "zh"


def _who(request: Request) -> Principal | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    try:
        return app_context(request).accounts.principal(token)
    except Unauthorized:
        return None


def _render(request: Request, name: str, who: Principal | None, **values: Any) -> Response:
    lang = _lang(request)
    context = app_context(request)
    response = templates.TemplateResponse(request, name, {
        "t": translator(lang), "lang": lang, "who": who, "llm": context.settings.llm_provider != "none",
        "stages": [s.value for s in Stage], "role_names": ROLE_NAMES_ZH, **values})
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("lang", lang, samesite="strict", max_age=365 * 24 * 3600)
    return response


def _login_redirect() -> Response:
    return RedirectResponse("/login", status_code=303)


@router.get("/login")
def login_page(request: Request) -> Response:
    return _render(request, "login.html", None, error="")


@router.post("/login")
def login_form(request: Request, username: Annotated[str, Form()], password: Annotated[str, Form()]) -> Response:
    try:
        token = app_context(request).accounts.login(username, password)
    except Unauthorized as exc:
        return _render(request, "login.html", None, error=exc.message)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", max_age=14 * 24 * 3600)
    return response


@router.get("/logout")
def logout(request: Request) -> Response:
    token = request.cookies.get(COOKIE)
    if token:
        app_context(request).accounts.revoke(token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    who = _who(request)
    if who is None:
        return _login_redirect()
    context = app_context(request)
    info = context.accounts.user_info(who)
    creatable = [g for g in info.groups if who.can(Permission.CREATE, g.id)]
    return _render(request, "home.html", who, user=info, drafts=context.drafts.list_drafts(who), creatable=creatable)


def _draft_page(request: Request, draft_id: str, name: str, **extra: Any) -> Response:
    who = _who(request)
    if who is None:
        return _login_redirect()
    context = app_context(request)
    try:
        detail = context.drafts.detail(who, draft_id)
        versions = context.drafts.versions(who, draft_id)
    except WorkspaceError as exc:
        page = _render(request, "error.html", who, message=exc.message, status=exc.status)
        page.status_code = exc.status
        return page
    group_id = next(g for g, slug in who.group_slugs.items() if slug == detail.draft.group)
    can = {p.value: who.can(p, group_id) for p in Permission}
    state = {"draft": detail.draft.model_dump(mode="json"), "version": detail.version.number,
             "content": detail.version.content, "outline": [s.model_dump() for s in detail.outline],
             "can": can, "lang": _lang(request)}
    return _render(request, name, who, detail=detail, versions=versions, can=can,
                   state=json.dumps(state, ensure_ascii=False).replace("</", "<\\/"), **extra)


@router.get("/drafts/{draft_id}", response_class=HTMLResponse)
def draft_page(request: Request, draft_id: str) -> Response:
    return _draft_page(request, draft_id, "draft.html")


@router.get("/drafts/{draft_id}/review", response_class=HTMLResponse)
def review_page(request: Request, draft_id: str) -> Response:
    return _draft_page(request, draft_id, "review.html")


@router.get("/drafts/{draft_id}/export", response_class=HTMLResponse)
def export_page(request: Request, draft_id: str) -> Response:
    return _draft_page(request, draft_id, "export.html")


@router.get("/corpus", response_class=HTMLResponse)
def corpus_page(request: Request) -> Response:
    who = _who(request)
    if who is None:
        return _login_redirect()
    return _render(request, "corpus.html", who, can_upload=who.can_anywhere(Permission.CORPUS))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, draft: str = "") -> Response:
    who = _who(request)
    if who is None:
        return _login_redirect()
    return _render(request, "map.html", who, draft=draft)


@router.get("/map/figure", response_class=HTMLResponse)
def map_figure(request: Request, draft: str = "") -> Response:
    """The standards-system map of the corpus (and a draft of the caller's), as a self-contained plotly page."""
    who = _who(request)
    if who is None:
        return _login_redirect()
    from assistant.web.sysmap import system_map_page

    try:
        return HTMLResponse(system_map_page(app_context(request), who, draft or None))
    except WorkspaceError as exc:
        return HTMLResponse(exc.message, status_code=exc.status)


@router.get("/source", response_class=HTMLResponse)
def source_page(request: Request, citation: str = "") -> Response:
    who = _who(request)
    if who is None:
        return _login_redirect()
    source = find_source(app_context(request), citation) if citation else None
    return _render(request, "source.html", who, citation=citation, source=source)
