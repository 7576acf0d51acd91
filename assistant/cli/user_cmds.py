"""user: accounts of the web workspace and the API — a user, their role in a working group, a token."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.workspace.access import Role

user_app = typer.Typer(help="Users, working groups and API tokens / 用户、工作组与API令牌", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")


@user_app.command("add", help="Add a user (or change their role) in a working group and print a new API token "
                              "/ 添加用户并输出API令牌")
def add(
    name: Annotated[str, typer.Argument(help="User name (letters, digits, - _ .) / 用户名")],
    group: Annotated[str, typer.Option("--group", "-g", help="Working group id; created when new / 工作组")],
    role: Annotated[Role, typer.Option("--role", "-r", help="drafter, reviewer, editor or admin / 角色")],
    password: Annotated[bool, typer.Option("--password", help="Also set a password for the web log-in (asked "
                                           "for, or read from STDRAFT_NEW_PASSWORD) / 设置网页登录密码")] = False,
    display_name: Annotated[str, typer.Option("--display-name", help="Name shown in the pages / 显示名")] = "",
) -> None:
    import os

    from assistant.settings import get_settings
    from assistant.store.session import session_factory
    from assistant.workspace.accounts import Accounts
    from assistant.workspace.errors import WorkspaceError

    secret = None
    if password:
        secret = os.environ.get("STDRAFT_NEW_PASSWORD") or typer.prompt("密码 / password", hide_input=True,
                                                                        confirmation_prompt=True)
    try:
        token = Accounts(session_factory(get_settings())).add_user(name, group, role, secret, display_name)
    except WorkspaceError as exc:
        typer.echo(exc.message, err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{name}: {role.value} @ {group}", err=True)
    typer.echo(token)
