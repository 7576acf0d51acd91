"""A real server on loopback for the browser tests, with users in two working groups."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.api.app import create_app
from assistant.settings import Settings
from assistant.workspace.access import Role
from tests.support.servers import serve_app

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "web"
PASSWORD = "correct horse 电池"


@dataclass
class Served:
    url: str
    settings: Settings
    tokens: dict[str, str]


@contextmanager
def serve(settings: Settings) -> Iterator[Served]:
    app = create_app(settings)
    accounts = app.state.context.accounts
    tokens = {
        "drafter": accounts.add_user("zhang", "wg-ai", Role.DRAFTER, password=PASSWORD, display_name="张起草"),
        "reviewer": accounts.add_user("li", "wg-ai", Role.REVIEWER, password=PASSWORD),
        "editor": accounts.add_user("wang", "wg-ai", Role.EDITOR, password=PASSWORD),
    }
    with serve_app(app) as base:
        yield Served(base, settings, tokens)


def shot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path


def log_in(page: object, url: str, user: str) -> None:
    page.goto(f"{url}/login")  # type: ignore[attr-defined]
    page.fill("input[name=username]", user)  # type: ignore[attr-defined]
    page.fill("input[name=password]", PASSWORD)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url(f"{url}/")  # type: ignore[attr-defined]
