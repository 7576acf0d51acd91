"""The application served on a free loopback port: in a thread of the test process (``serve_app``), or as
`stdraft serve` in its own process (``serving``), for tests that kill it or need its real start-up."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from tests.support.net import free_port


@contextmanager
def serve_app(app: FastAPI) -> Iterator[str]:
    """Yield the base URL of ``app`` served by uvicorn in a daemon thread; stopped on exit."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def wait_for_health(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            raise AssertionError("server did not start")
        time.sleep(0.2)


@contextmanager
def serving(data_dir: Path, args: Sequence[str] = (), timeout: float = 60,
            **env_vars: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`stdraft serve` as a subprocess on a free loopback port; yields the process and the base URL."""
    port = free_port()
    env = {**os.environ, "STDRAFT_DATA_DIR": str(data_dir), "STDRAFT_PORT": str(port),
           "STDRAFT_LLM_PROVIDER": "none", **env_vars}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli.main", "serve", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base, proc, timeout)
        yield proc, base
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=15)
