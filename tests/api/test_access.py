"""Who may call what: every role against every endpoint, cross-group isolation, and tokens everywhere.

The expected answer of each role/endpoint pair is derived, not written out: the table below says which
permission an endpoint needs and what it answers when allowed, and ``ROLE_PERMISSIONS`` says which roles
hold that permission. The table is checked against the app's routes, so an endpoint added without an
entry here makes ``test_every_route_has_an_access_rule`` fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assistant.workspace.access import ROLE_PERMISSIONS, Permission, Role
from tests.api.workspace import DRAFT, GROUPS, SECRET, Response, Workspace, make_workspace

A, B = GROUPS
PUBLIC, USER, GROUP, ANYWHERE, PAGE = "public", "user", "group", "anywhere", "page"
Call = Callable[[Workspace, str, dict[str, str]], Response]


@dataclass(frozen=True)
class Rule:
    """scope: public (no token), user (any valid token), group (``permission`` in the draft's or the named
    group), anywhere (``permission`` in any of the caller's groups), page (web page: log-in cookie, or a
    redirect to /login). ``ok``: the status when allowed. ``call``: a valid request for the draft given."""

    scope: str
    call: Call
    ok: int = 200
    permission: Permission | None = None


def _save(ws: Workspace, d: str, h: dict[str, str]) -> Response:
    return ws.client.put(f"/api/drafts/{d}", json={"base_version": ws.head(d), "content": DRAFT + "\n补充。\n"},
                         headers=h)


def _clause(ws: Workspace, d: str, h: dict[str, str]) -> Response:
    return ws.client.put(f"/api/drafts/{d}/clauses/4", headers=h,
                         json={"base_version": ws.head(d), "text": "## 4　要求\n标注员应经过培训。"})


def _meta(ws: Workspace, d: str, h: dict[str, str]) -> Response:
    return ws.client.put(f"/api/drafts/{d}/meta", json={"base_version": ws.head(d), "ics": "35.240"}, headers=h)


def _fix(ws: Workspace, d: str, h: dict[str, str]) -> Response:
    found = ws.client.get(f"/api/drafts/{d}/findings", headers=ws.owner(d))
    index = next((f["index"] for f in found.json() if f["fix"] is not None), 0) if found.status_code == 200 else 0
    return ws.client.post(f"/api/drafts/{d}/fixes", json={"base_version": ws.head(d), "finding": index}, headers=h)


def _resolve(ws: Workspace, d: str, h: dict[str, str]) -> Response:
    made = ws.client.post(f"/api/drafts/{d}/comments", json={"version": 1, "clause": "4", "text": "请核实"},
                          headers=ws.owner(d))
    comment = made.json()["id"] if made.status_code == 201 else 1
    return ws.client.post(f"/api/drafts/{d}/comments/{comment}/resolve", headers=h)


def _logout(ws: Workspace, d: str, h: dict[str, str]) -> Response:
    # log out with a second token of the same user, so the caller's own token stays usable
    who = ws.ctx.accounts.principal(h["Authorization"][7:])
    spare = ws.ctx.accounts.issue_token(who.user_id, "spare")
    response = ws.client.post("/api/logout", headers={"Authorization": f"Bearer {spare}"})
    assert ws.client.get("/api/me", headers={"Authorization": f"Bearer {spare}"}).status_code == 401
    return response


def _job(ws: Workspace, d: str, h: dict[str, str]) -> Response:
    return ws.client.get(f"/api/corpus/jobs/{ws.ctx.jobs.create('admin', ['a.md'])}", headers=h)


def _md(name: str = "draft.md") -> dict[str, Any]:
    return {"file": (name, DRAFT.encode(), "text/markdown")}


def _get(path: str) -> Call:
    return lambda ws, d, h: ws.client.get(path.format(d=d), headers=h)


def _page(path: str) -> Call:
    def call(ws: Workspace, d: str, h: dict[str, str]) -> Response:
        token = h.get("Authorization", "")[7:]
        return ws.client.get(path.format(d=d), cookies={"stdraft_token": token} if token else {},
                             follow_redirects=False)
    return call


P = Permission
ENDPOINTS: dict[tuple[str, str], Rule] = {
    ("GET", "/health"): Rule(PUBLIC, _get("/health")),
    # the schema and its viewers describe the API, they hold no data
    ("GET", "/openapi.json"): Rule(PUBLIC, _get("/openapi.json")),
    ("GET", "/docs"): Rule(PUBLIC, _get("/docs")),
    ("GET", "/docs/oauth2-redirect"): Rule(PUBLIC, _get("/docs/oauth2-redirect")),
    ("GET", "/redoc"): Rule(PUBLIC, _get("/redoc")),
    ("MOUNT", "/static"): Rule(PUBLIC, _get("/static/app.css")),
    # logging in is how a token is obtained
    ("POST", "/api/login"): Rule(PUBLIC, lambda ws, d, h: ws.client.post(
        "/api/login", json={"username": f"drafter-{A}", "password": f"pw-drafter-{A}"})),
    ("POST", "/api/logout"): Rule(USER, _logout, 204),
    ("GET", "/api/me"): Rule(USER, _get("/api/me")),
    # an empty corpus: the search is allowed and answers that there is nothing to search
    ("GET", "/api/search"): Rule(USER, _get("/api/search?q=范围"), 404),
    ("GET", "/api/terms"): Rule(USER, _get("/api/terms?q=人工智能")),
    ("POST", "/api/check"): Rule(USER, lambda ws, d, h: ws.client.post("/api/check", files=_md(), headers=h)),
    ("GET", "/api/corpus/documents"): Rule(USER, _get("/api/corpus/documents")),
    # an empty corpus: removing is allowed and answers that there is no such document
    ("DELETE", "/api/corpus/documents/{designation:path}"): Rule(
        ANYWHERE, lambda ws, d, h: ws.client.delete("/api/corpus/documents/GB/T 1-2000", headers=h), 404, P.CORPUS),
    ("POST", "/api/corpus/uploads"): Rule(ANYWHERE, lambda ws, d, h: ws.client.post(
        "/api/corpus/uploads", files=[("files", ("up.md", DRAFT.encode(), "text/markdown"))], headers=h),
        202, P.CORPUS),
    ("GET", "/api/corpus/jobs/{job_id}"): Rule(USER, _job),
    ("GET", "/api/drafts"): Rule(USER, _get("/api/drafts")),
    ("POST", "/api/drafts"): Rule(GROUP, lambda ws, d, h: ws.client.post(
        "/api/drafts", json={"group": A, "title_zh": "新草案"}, headers=h), 201, P.CREATE),
    ("POST", "/api/drafts/upload"): Rule(GROUP, lambda ws, d, h: ws.client.post(
        "/api/drafts/upload", files=_md(), data={"group": A}, headers=h), 201, P.CREATE),
    ("GET", "/api/drafts/{draft_id}"): Rule(GROUP, _get("/api/drafts/{d}"), permission=P.READ),
    ("PUT", "/api/drafts/{draft_id}"): Rule(GROUP, _save, permission=P.EDIT),
    ("DELETE", "/api/drafts/{draft_id}"): Rule(GROUP, lambda ws, d, h: ws.client.delete(
        f"/api/drafts/{d}", headers=h), 204, P.DELETE),
    ("GET", "/api/drafts/{draft_id}/versions"): Rule(GROUP, _get("/api/drafts/{d}/versions"), permission=P.READ),
    ("GET", "/api/drafts/{draft_id}/versions/{number}"): Rule(GROUP, _get("/api/drafts/{d}/versions/1"),
                                                               permission=P.READ),
    ("PUT", "/api/drafts/{draft_id}/clauses/{clause}"): Rule(GROUP, _clause, permission=P.EDIT),
    ("PUT", "/api/drafts/{draft_id}/meta"): Rule(GROUP, _meta, permission=P.META),
    ("GET", "/api/drafts/{draft_id}/findings"): Rule(GROUP, _get("/api/drafts/{d}/findings"), permission=P.READ),
    ("POST", "/api/drafts/{draft_id}/fixes"): Rule(GROUP, _fix, permission=P.EDIT),
    ("GET", "/api/drafts/{draft_id}/comments"): Rule(GROUP, _get("/api/drafts/{d}/comments"), permission=P.READ),
    ("POST", "/api/drafts/{draft_id}/comments"): Rule(GROUP, lambda ws, d, h: ws.client.post(
        f"/api/drafts/{d}/comments", json={"version": 1, "clause": "4", "text": "请核实"}, headers=h),
        201, P.COMMENT),
    ("POST", "/api/drafts/{draft_id}/comments/{comment_id}/resolve"): Rule(GROUP, _resolve, permission=P.COMMENT),
    ("GET", "/api/drafts/{draft_id}/compare"): Rule(GROUP, _get("/api/drafts/{d}/compare"), permission=P.READ),
    ("GET", "/api/drafts/{draft_id}/related"): Rule(GROUP, _get("/api/drafts/{d}/related"), permission=P.READ),
    ("GET", "/api/drafts/{draft_id}/export"): Rule(GROUP, _get("/api/drafts/{d}/export"), permission=P.EXPORT),
    ("GET", "/api/drafts/{draft_id}/chat"): Rule(GROUP, _get("/api/drafts/{d}/chat"), permission=P.READ),
    ("POST", "/api/drafts/{draft_id}/chat"): Rule(GROUP, lambda ws, d, h: ws.client.post(
        f"/api/drafts/{d}/chat", json={"message": "起草范围一章"}, headers=h), permission=P.CHAT),
    ("GET", "/v1/models"): Rule(USER, _get("/v1/models")),
    # naming a working group's draft makes the chat a chat on that draft
    ("POST", "/v1/chat/completions"): Rule(GROUP, lambda ws, d, h: ws.client.post(
        "/v1/chat/completions", json={"messages": [{"role": "user", "content": "起草范围一章"}]},
        headers={**h, "X-Stdraft-Draft": d}), permission=P.CHAT),
    # web pages: the log-in cookie instead of a bearer token; without it, the log-in page
    ("GET", "/login"): Rule(PUBLIC, _get("/login")),
    ("POST", "/login"): Rule(PUBLIC, lambda ws, d, h: ws.client.post(
        "/login", data={"username": f"drafter-{A}", "password": "wrong"})),
    ("GET", "/logout"): Rule(PUBLIC, lambda ws, d, h: ws.client.get("/logout", follow_redirects=False), 303),
    ("GET", "/"): Rule(PAGE, _page("/")),
    ("GET", "/drafts/{draft_id}"): Rule(PAGE, _page("/drafts/{d}"), permission=P.READ),
    ("GET", "/drafts/{draft_id}/review"): Rule(PAGE, _page("/drafts/{d}/review"), permission=P.READ),
    ("GET", "/drafts/{draft_id}/export"): Rule(PAGE, _page("/drafts/{d}/export"), permission=P.READ),
    ("GET", "/corpus"): Rule(PAGE, _page("/corpus")),
    ("GET", "/source"): Rule(PAGE, _page("/source?citation=GB/T 1.1—2020")),
    ("GET", "/map"): Rule(PAGE, _page("/map?draft={d}")),
    ("GET", "/map/figure"): Rule(PAGE, _page("/map/figure?draft={d}"), permission=P.READ),
}


def app_routes(ws: Workspace) -> set[tuple[str, str]]:
    """(method, path) of every route the app serves, routers included (FastAPI may keep them lazily)."""
    try:
        from fastapi.routing import iter_route_contexts  # FastAPI ≥ 0.160 keeps included routers lazily

        routes: Iterator[Any] = iter(iter_route_contexts(ws.app.routes))
    except ImportError:
        routes = iter(ws.app.routes)
    found: set[tuple[str, str]] = set()
    for route in routes:
        methods = getattr(route, "methods", None)
        if methods is None:
            found.add(("MOUNT", route.path))
        else:
            found.update((m, route.path) for m in methods if m != "HEAD")
    return found


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    workspace = make_workspace(tmp_path / "data")
    # corpus ingestion (embedding) is not what these tests are about: jobs are recorded but not run
    monkeypatch.setattr(workspace.ctx.jobs, "run", lambda job_id, paths, ingest_one: None)
    return workspace


def test_every_route_has_an_access_rule(ws: Workspace) -> None:
    routes = app_routes(ws)
    assert ("POST", "/api/drafts/{draft_id}/fixes") in routes  # the lazy routers were looked into
    assert routes - ENDPOINTS.keys() == set(), "routes without an access rule in ENDPOINTS"
    assert ENDPOINTS.keys() - routes == set(), "access rules for routes the app no longer has"


def test_the_matrix_is_not_trivial() -> None:
    # every role is refused something and allowed something, so the matrix tests both directions
    for role in Role:
        allowed = {r.permission for r in ENDPOINTS.values() if r.permission in ROLE_PERMISSIONS[role]}
        refused = {r.permission for r in ENDPOINTS.values() if r.scope in (GROUP, ANYWHERE)} - allowed
        assert allowed, role
        assert refused or role is Role.ADMIN, role
    assert ROLE_PERMISSIONS[Role.REVIEWER].isdisjoint({P.EDIT, P.CREATE, P.CHAT, P.META})
    assert {r for r in Role if P.META in ROLE_PERMISSIONS[r]} == {Role.EDITOR, Role.ADMIN}
    assert {r for r in Role if P.CORPUS in ROLE_PERMISSIONS[r]} == {Role.EDITOR, Role.ADMIN}
    assert {r for r in Role if P.DELETE in ROLE_PERMISSIONS[r]} == {Role.ADMIN}


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_role_matrix(ws: Workspace, role: Role) -> None:
    wrong: list[str] = []
    for (method, path), rule in ENDPOINTS.items():
        if rule.scope == PUBLIC:
            continue
        draft = ws.create_draft(A)
        before = ws.head(draft)
        response = rule.call(ws, draft, ws.headers(role, A))
        allowed = rule.permission is None or rule.permission in ROLE_PERMISSIONS[role]
        expected = rule.ok if allowed else 403
        if response.status_code != expected:
            wrong.append(f"{method} {path}: {response.status_code} (expected {expected}) {response.text[:200]}")
        if not allowed and ws.head(draft) != before:
            wrong.append(f"{method} {path}: refused, yet a version was saved")  # a refusal leaves nothing behind
    assert not wrong, f"role {role.value}:\n" + "\n".join(wrong)


def test_refusal_names_the_role_and_permission(ws: Workspace) -> None:
    draft = ws.create_draft(A)
    r = ws.save(draft, 1, DRAFT + "\n改。\n", role=Role.REVIEWER)
    assert r.status_code == 403
    assert "审查人" in r.json()["message_zh"] and "reviewer" in r.json()["message_en"]
    assert ws.head(draft) == 1


def test_public_endpoints_answer_without_a_token(ws: Workspace) -> None:
    draft = ws.create_draft(A)
    for (method, path), rule in ENDPOINTS.items():
        if rule.scope == PUBLIC:
            response = rule.call(ws, draft, {})
            assert response.status_code == rule.ok, (method, path, response.status_code)


def _no_token_cases() -> list[tuple[str, str]]:
    return sorted(key for key, rule in ENDPOINTS.items() if rule.scope in (USER, GROUP, ANYWHERE))


def _raw(ws: Workspace, method: str, path: str, draft: str, headers: dict[str, str]) -> Response:
    """The endpoint with its path filled in and no body: authentication must be refused before anything
    about the request is looked at."""
    url = (path.replace("{draft_id}", draft).replace("{number}", "1").replace("{clause}", "4")
           .replace("{comment_id}", "1").replace("{job_id}", "1").replace("{designation:path}", "GB/T 1"))
    return ws.client.request(method, url, headers=headers, follow_redirects=False)


@pytest.mark.parametrize("token", ["none", "garbage", "revoked", "empty-bearer", "cookie-garbage"])
def test_every_endpoint_needs_a_valid_token(ws: Workspace, token: str) -> None:
    draft = ws.create_draft(A)
    revoked = ws.ctx.accounts.issue_token(ws.ctx.accounts.principal(ws.tokens[(A, Role.ADMIN)]).user_id)
    ws.ctx.accounts.revoke(revoked)
    headers = {"none": {}, "garbage": {"Authorization": "Bearer sdt_not-a-token"},
               "revoked": {"Authorization": f"Bearer {revoked}"}, "empty-bearer": {"Authorization": "Bearer "},
               "cookie-garbage": {"Cookie": "stdraft_token=sdt_forged"}}[token]
    wrong = []
    for method, path in _no_token_cases():
        response = _raw(ws, method, path, draft, headers)
        if response.status_code != 401 or SECRET in response.text or "标注员" in response.text:
            wrong.append(f"{method} {path}: {response.status_code} {response.text[:120]}")
        elif response.headers.get("www-authenticate") != "Bearer":
            wrong.append(f"{method} {path}: no WWW-Authenticate header")
    assert not wrong, "\n".join(wrong)
    # the pages send the visitor to the log-in page instead
    for (method, path), rule in ENDPOINTS.items():
        if rule.scope == PAGE:
            response = _raw(ws, method, path, draft, {"Cookie": "stdraft_token=sdt_forged"} if "cookie" in token
                            else {})
            assert response.status_code in (302, 303, 307) and response.headers["location"].endswith("/login"), path


def test_revoked_token_stops_working_at_once(ws: Workspace) -> None:
    token = ws.ctx.accounts.issue_token(ws.ctx.accounts.principal(ws.tokens[(A, Role.DRAFTER)]).user_id)
    h = {"Authorization": f"Bearer {token}"}
    assert ws.client.get("/api/drafts", headers=h).status_code == 200
    assert ws.client.post("/api/logout", headers=h).status_code == 204
    assert ws.client.get("/api/drafts", headers=h).status_code == 401
    # the user's other tokens are untouched
    assert ws.client.get("/api/drafts", headers=ws.headers(Role.DRAFTER, A)).status_code == 200


def test_cookie_authenticates_the_api(ws: Workspace) -> None:
    r = ws.client.post("/api/login", json={"username": f"editor-{A}", "password": f"pw-editor-{A}"})
    assert r.status_code == 200
    token = r.json()["token"]
    me = ws.client.get("/api/me", cookies={"stdraft_token": token})
    assert me.status_code == 200 and me.json()["name"] == f"editor-{A}"
    assert ws.client.post("/api/login", json={"username": f"editor-{A}", "password": "nope"}).status_code == 401


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_other_groups_drafts_are_not_found(ws: Workspace, role: Role) -> None:
    """A member of group A, whatever their role, gets 404 for every endpoint on group B's drafts, the same
    answer as for a draft that does not exist, and never a byte of B's text."""
    foreign = ws.create_draft(B, DRAFT.replace("标注员必须经过培训。", SECRET))
    ws.client.post(f"/api/drafts/{foreign}/comments", json={"version": 1, "text": SECRET},
                   headers=ws.headers(Role.ADMIN, B))
    mine = ws.create_draft(A)
    h = ws.headers(role, A)
    wrong = []
    for (method, path), rule in ENDPOINTS.items():
        if "{draft_id}" not in path:
            continue
        response = rule.call(ws, foreign, h)
        leaked = SECRET in response.text
        if rule.scope == PAGE:
            bad = leaked
        else:
            missing = rule.call(ws, "d-does-not-exist", h)
            bad = leaked or response.status_code != 404 or missing.status_code != 404 or (
                response.json()["message_en"] != missing.json()["message_en"].replace("d-does-not-exist", foreign))
        if bad:
            wrong.append(f"{method} {path}: {response.status_code} {response.text[:160]}")
    mapped = _page("/map/figure?draft={d}")(ws, foreign, h)
    if mapped.status_code != 404 or SECRET in mapped.text:
        wrong.append(f"GET /map/figure?draft=<B's draft>: {mapped.status_code}")
    compared = ws.client.get(f"/api/drafts/{mine}/compare?other={foreign}", headers=h)
    if compared.status_code != 404 or SECRET in compared.text:
        wrong.append(f"GET …/compare?other=<B's draft>: {compared.status_code}")
    listed = ws.client.get("/api/drafts", headers=h)
    if listed.status_code != 200 or foreign in listed.text:
        wrong.append(f"GET /api/drafts: {listed.status_code} lists group B's draft")
    # naming group B: the answer of a group that does not exist, and nothing of B's
    named = ws.client.get(f"/api/drafts?group={B}", headers=h)
    if named.status_code != 404 or foreign in named.text:
        wrong.append(f"GET /api/drafts?group={B}: {named.status_code} {named.text[:160]}")
    chat = ws.client.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "起草范围"}]},
                          headers={**h, "X-Stdraft-Draft": foreign})
    if chat.status_code != 404 or SECRET in chat.text:
        wrong.append(f"POST /v1/chat/completions on B's draft: {chat.status_code}")
    created = ws.client.post("/api/drafts", json={"group": B, "content": DRAFT}, headers=h)
    if created.status_code not in (403, 404):
        wrong.append(f"POST /api/drafts in group B: {created.status_code}")
    assert not wrong, f"role {role.value} of {A}:\n" + "\n".join(wrong)
    # and nothing of B's changed
    versions = ws.client.get(f"/api/drafts/{foreign}/versions", headers=ws.headers(Role.ADMIN, B)).json()
    assert [v["number"] for v in versions] == [1]
    assert ws.client.get("/api/drafts", headers=ws.headers(Role.ADMIN, B)).json()[0]["id"] == foreign


def test_group_names_are_not_disclosed_to_outsiders() -> None:
    """Creating a draft in a group one is not in: the same 404 whether that group exists or not."""
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app
    from assistant.settings import get_settings
    from assistant.workspace.access import Role

    app = create_app(get_settings())
    accounts = app.state.context.accounts
    token = accounts.add_user("outsider", "group-a", Role.DRAFTER)
    accounts.add_user("insider", "group-b", Role.DRAFTER)
    with TestClient(app) as client:
        auth = {"Authorization": f"Bearer {token}"}
        existing = client.post("/api/drafts", json={"group": "group-b", "title_zh": "测试"}, headers=auth)
        absent = client.post("/api/drafts", json={"group": "group-zzz", "title_zh": "测试"}, headers=auth)
    assert existing.status_code == absent.status_code == 404
    assert existing.json()["message_en"].replace("group-b", "X") == absent.json()["message_en"].replace("group-zzz", "X")
