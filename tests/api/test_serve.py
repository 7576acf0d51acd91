"""`stdraft serve` starts a real server on loopback that answers its health page."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.net import free_port


def test_serve_answers_health(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "STDRAFT_DATA_DIR": str(tmp_path / "data"), "STDRAFT_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli.main", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError("server did not start") from None
                time.sleep(0.3)
        assert response.status_code == 200
        assert response.json()["status"] == "ok"
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5, follow_redirects=True)
        assert "标准起草助手" in page.text and "/login" in str(page.url)  # the pages need a log-in
        schema = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert "/health" in schema["paths"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
