"""`stdraft serve` starts a real server on loopback that answers its health page."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.servers import serving


def test_serve_answers_health(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as (_, base):
        response = httpx.get(f"{base}/health", timeout=5)
        assert response.status_code == 200
        assert response.json()["status"] == "ok"
        page = httpx.get(f"{base}/", timeout=5, follow_redirects=True)
        assert "标准起草助手" in page.text and "/login" in str(page.url)  # the pages need a log-in
        schema = httpx.get(f"{base}/openapi.json", timeout=5).json()
        assert "/health" in schema["paths"]
    # the first start made the administrator and wrote its credentials, readable by the owner only
    secret = tmp_path / "data" / "initial-admin.txt"
    assert "user: admin" in secret.read_text(encoding="utf-8") and secret.stat().st_mode & 0o077 == 0
