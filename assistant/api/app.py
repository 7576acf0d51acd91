"""The HTTP application. Edges only: requests become calls of the core, results become responses."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from assistant import __version__
from assistant.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="stdraft", version=__version__,
                  description="Drafting assistant for GB/T, GB/Z and ISO/IEC standards / 标准起草助手")

    @app.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__, "data_dir": str(settings.data_dir)}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> str:
        return (
            "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>stdraft 标准起草助手</title>"
            "<h1>stdraft 标准起草助手</h1><p>服务运行中 / The service is running. "
            "<a href='/docs'>API</a> · <a href='/health'>health</a></p></html>"
        )

    from assistant.api.openai_compat import build_router

    app.include_router(build_router(settings))  # /v1: OpenAI-compatible chat over the drafting pipeline

    return app
