"""serve: the web application on localhost."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.settings import get_settings


def register(app: typer.Typer) -> None:
    app.command("serve", help="Serve the web application / 启动服务")(serve)


def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default STDRAFT_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default STDRAFT_PORT)")] = None,
) -> None:
    import uvicorn

    from assistant.api.app import create_app

    settings = get_settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info")
