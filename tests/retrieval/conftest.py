"""Fixtures for the retrieval tests: one real embedder per session, small indexes, a Chroma server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval import EmbedderConfig, RetrievalIndex
from retrieval.embedders import build_embedder
from tests.retrieval.retrieval_test_support import MemoEmbedder, open_toy_index
from tests.support.net import free_port
from tests.support.requires import missing


@pytest.fixture(scope="session")
def embedder() -> MemoEmbedder:
    return MemoEmbedder(build_embedder(EmbedderConfig()))




@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``chroma run`` on loopback for the whole session; killed at the end."""
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        found = shutil.which("chroma")
        if found is None:
            missing("the chroma CLI is not installed")
        exe = Path(found)
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("wb")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"chroma run exited with {proc.returncode}; see {data / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("chroma run did not answer its heartbeat within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(params=["persistent", "http"])
def backend(request: pytest.FixtureRequest) -> str | None:
    """Runs a test once against embedded Chroma and once against a real ``chroma run`` server."""
    if request.param == "http":
        url: str = request.getfixturevalue("chroma_server")
        return url
    return None


@pytest.fixture
def toy_index(tmp_path: Path, embedder: MemoEmbedder, backend: str | None) -> Iterator[RetrievalIndex]:
    index = open_toy_index(tmp_path / "index", embedder, url=backend)
    yield index
    index.close()


@pytest.fixture
def local_index(tmp_path: Path, embedder: MemoEmbedder) -> Iterator[RetrievalIndex]:
    """The toy index on embedded Chroma only (for tests that are not about the store)."""
    index = open_toy_index(tmp_path / "index", embedder)
    yield index
    index.close()


@pytest.fixture
def empty_index(tmp_path: Path, embedder: MemoEmbedder) -> Iterator[RetrievalIndex]:
    index = open_toy_index(tmp_path / "index", embedder, ingest=False)
    yield index
    index.close()
