"""The HTTP application. Edges only: requests become calls of the core, results become responses.

/health is open; everything else needs a token (``Authorization: Bearer …``) or the web log-in cookie.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from assistant import __version__
from assistant.api.auth import principal
from assistant.api.context import AppContext
from assistant.api.limits import BodyLimit
from assistant.api.schemas import COMMON_ERRORS, errors
from assistant.document.errors import InputError
from assistant.settings import Settings, get_settings
from assistant.workspace.errors import Unauthorized, WorkspaceError

UPLOAD_OVERHEAD = 1 << 20  # multipart boundaries and form fields around the file itself


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    context = AppContext(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        context.close()

    app = FastAPI(title="stdraft", version=__version__, lifespan=lifespan,
                  description="Drafting assistant for GB/T, GB/Z and ISO/IEC standards / 标准起草助手. "
                              "Every endpoint but /health needs `Authorization: Bearer <token>` "
                              "(`stdraft user add`) or the web log-in cookie.")
    app.state.context = context
    app.add_middleware(BodyLimit, max_bytes=settings.max_file_bytes + UPLOAD_OVERHEAD)

    @app.exception_handler(WorkspaceError)
    async def workspace_error(_: Request, exc: WorkspaceError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
        return JSONResponse({"detail": exc.message, "message_zh": exc.message_zh, "message_en": exc.message_en,
                             **exc.detail}, status_code=exc.status, headers=headers)

    @app.exception_handler(InputError)
    async def input_error(_: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": f"{exc.path}: {exc.problem}", "field": "file"}, status_code=422)

    @app.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    from assistant.api.openai_compat import build_router
    from assistant.api.routes_drafts import router as drafts
    from assistant.api.routes_tools import router as tools
    from assistant.web.pages import router as pages
    from assistant.web.pages import static_files

    app.include_router(tools, responses=COMMON_ERRORS)
    app.include_router(drafts, responses=COMMON_ERRORS)
    # /v1: OpenAI-compatible chat over the drafting pipeline; the API token is the client's "API key"
    app.include_router(build_router(settings), dependencies=[Depends(principal)],
                       responses={**COMMON_ERRORS, **errors(400, 502)})
    app.include_router(pages)
    app.mount("/static", static_files(), name="static")
    return app
