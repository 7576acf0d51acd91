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
    workers: Annotated[int, typer.Option(min=1, max=32, help="Worker processes; each loads its own index and "
                                         "embedder (memory × N) / 工作进程数")] = 1,
) -> None:
    import uvicorn

    from assistant.api.app import create_app

    settings = get_settings()
    app = create_app(settings)
    secret = settings.data_dir / "initial-admin.txt"
    if app.state.context.accounts.ensure_first_admin(secret):
        typer.echo(f"首次启动：已创建管理员 admin，密码和API令牌见 {secret}；用 `stdraft user add` 添加成员 / "
                   f"first start: user 'admin' created, password and API token in {secret}; add members with "
                   "`stdraft user add`", err=True)
    if workers == 1:
        uvicorn.run(app, host=host or settings.host, port=port or settings.port, log_level="info")
    else:
        # each worker builds its own application from the same environment
        app.state.context.close()
        uvicorn.run("assistant.api.app:create_app", factory=True, workers=workers, host=host or settings.host,
                    port=port or settings.port, log_level="info")
