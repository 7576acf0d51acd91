"""A server killed with SIGKILL while a client saves in a tight loop loses no version it acknowledged.

The real server (`stdraft serve`, uvicorn) runs as a subprocess on SQLite in a private data directory. The
client records the number and SHA-256 of every save the server answered 200; after the kill and a restart,
each of them must be there with the same bytes, the version numbers must have no gaps, and SQLite's
integrity check must pass.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from assistant.settings import Settings
from assistant.store.session import session_factory
from assistant.workspace.access import Role
from assistant.workspace.accounts import Accounts
from tests.api.workspace import DRAFT
from tests.support.servers import serving

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def test_sigkill_while_saving_loses_no_acknowledged_version(tmp_path: Path) -> None:
    data = tmp_path / "data"
    token = Accounts(session_factory(Settings(data_dir=data))).add_user("writer", "wg", Role.EDITOR)
    h = {"Authorization": f"Bearer {token}"}
    acked: dict[int, str] = {}  # version number → sha256 of the text sent
    stop = threading.Event()
    errors: list[str] = []

    with serving(data) as (proc, base):
        draft = httpx.post(f"{base}/api/drafts", json={"group": "wg", "content": DRAFT}, headers=h).json()["id"]
        acked[1] = hashlib.sha256(DRAFT.encode()).hexdigest()

        def save_loop() -> None:
            head = 1
            with httpx.Client(base_url=base, headers=h, timeout=10) as client:
                for i in range(100_000):
                    if stop.is_set():
                        return
                    # texts of varying size, so pages are split and reused while the server dies
                    text = DRAFT + "\n" + f"第{i}次保存。" * (1 + (i * 37) % 400) + "\n"
                    try:
                        r = client.put(f"/api/drafts/{draft}", json={"base_version": head, "content": text})
                    except httpx.TransportError:
                        return  # the server is gone: this save was never acknowledged
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {r.text[:200]}")
                        return
                    sha = hashlib.sha256(text.encode()).hexdigest()
                    if r.json()["sha256"] != sha:
                        errors.append(f"server hashed v{r.json()['number']} differently")
                    head = r.json()["number"]
                    acked[head] = sha

        writer = threading.Thread(target=save_loop)
        writer.start()
        deadline = time.monotonic() + 60
        while len(acked) < 60 and time.monotonic() < deadline and writer.is_alive():
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)  # mid-loop: a save is almost certainly in flight
        proc.wait(timeout=10)
        stop.set()
        writer.join(30)
    assert not errors, errors
    assert len(acked) >= 20, f"only {len(acked)} saves before the kill"

    with serving(data) as (_, base):
        versions = httpx.get(f"{base}/api/drafts/{draft}/versions", headers=h).json()
        numbers = sorted(v["number"] for v in versions)
        assert numbers == list(range(1, numbers[-1] + 1)), "a gap in the version numbers"
        head = httpx.get(f"{base}/api/drafts/{draft}", headers=h).json()["draft"]["head"]
        assert head == numbers[-1]
        for number, sha in acked.items():
            version = httpx.get(f"{base}/api/drafts/{draft}/versions/{number}", headers=h).json()
            assert version["sha256"] == sha, number
            assert hashlib.sha256(version["content"].encode()).hexdigest() == sha, number
        # at most the one save in flight committed without being acknowledged
        assert numbers[-1] - max(acked) in (0, 1)
        # and the server still takes saves on the newest version
        r = httpx.put(f"{base}/api/drafts/{draft}", json={"base_version": head, "content": DRAFT}, headers=h)
        assert r.status_code == 200 and r.json()["number"] == head + 1

    with sqlite3.connect(data / "stdraft.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
