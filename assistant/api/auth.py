"""Who is calling: a bearer token (API clients) or the session cookie the web log-in sets (browsers).

Every route but /health, the log-in page and static assets depends on ``principal``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.api.context import AppContext
from assistant.workspace.access import Principal
from assistant.workspace.errors import Unauthorized

COOKIE = "stdraft_token"
bearer = HTTPBearer(auto_error=False, description="An API token from `stdraft user add` / API令牌")


def app_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.context
    return context


def principal(request: Request,
              credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None) -> Principal:
    token = credentials.credentials if credentials is not None else request.cookies.get(COOKIE)
    if not token:
        raise Unauthorized("需要登录或API令牌", "a log-in or an API token is required")
    return app_context(request).accounts.principal(token)


Ctx = Annotated[AppContext, Depends(app_context)]
Who = Annotated[Principal, Depends(principal)]
