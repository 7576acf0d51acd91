"""Hostile and unlucky requests: uploads over the limit or of the wrong kind, zip bombs and XML entities,
bodies that never end, stale and concurrent saves."""

from __future__ import annotations

import threading
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient

from assistant.workspace.access import Role
from tests.api.workspace import (
    DRAFT,
    GROUPS,
    Response,
    Workspace,
    docx_bytes,
    make_workspace,
    xxe_docx,
    zip_bomb_docx,
)

LIMIT_MB = 0.05  # 51 200 bytes: small enough to go over cheaply
LIMIT = int(LIMIT_MB * 2**20)


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    workspace = make_workspace(tmp_path / "data", max_file_mb=LIMIT_MB)
    monkeypatch.setattr(workspace.ctx.jobs, "run", lambda job_id, paths, ingest_one: None)
    return workspace


def _h(ws: Workspace) -> dict[str, str]:
    return ws.headers(Role.ADMIN)


def _refused(response: Response, status: int, name: str, *fragments: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body.get("field") == "file", body
    detail = str(body["detail"])
    assert name in detail, detail
    assert name in body["message_zh"] and name in body["message_en"], body
    for fragment in fragments:
        assert fragment in detail, detail


# --- uploads ---------------------------------------------------------------------------------------


UPLOADS = ["/api/check", "/api/drafts/upload", "/api/corpus/uploads"]


def _upload(ws: Workspace, url: str, name: str, data: bytes, mime: str = "application/octet-stream") -> Response:
    field = "files" if url.endswith("uploads") else "file"
    return ws.client.post(url, files=[(field, (name, data, mime))],
                          data={"group": GROUPS[0]} if url.endswith("/upload") else None, headers=_h(ws))


@pytest.mark.parametrize("url", UPLOADS)
def test_file_over_the_limit_is_refused_by_name(ws: Workspace, url: str) -> None:
    big = ("## 1　范围\n" + "本文件规定了要求。" * 4000).encode()  # ~108 kB, over 0.05 MB
    assert len(big) > LIMIT
    _refused(_upload(ws, url, "big-draft.md", big, "text/markdown"), 422, "big-draft.md", "MB")
    assert not list((ws.settings.data_dir / "uploads").glob("*big-draft*")), "a refused upload was kept"


@pytest.mark.parametrize("url", UPLOADS)
def test_file_just_under_the_limit_is_accepted(ws: Workspace, url: str) -> None:
    text = DRAFT + "\n" + "本文件规定了要求。" * ((LIMIT - len(DRAFT.encode()) - 200) // 27) + "\n"
    assert LIMIT - 300 < len(text.encode()) <= LIMIT
    assert _upload(ws, url, "fits.md", text.encode(), "text/markdown").status_code in (200, 201, 202)


def test_body_far_over_the_limit_is_refused_before_parsing(ws: Workspace) -> None:
    huge = b"x" * (LIMIT + (2 << 20))  # over the file limit plus the multipart allowance
    r = _upload(ws, "/api/check", "huge.md", huge)
    assert r.status_code == 413
    assert "STDRAFT_MAX_FILE_MB" in r.json()["detail"]


@pytest.mark.parametrize("url", UPLOADS)
@pytest.mark.parametrize(("name", "data", "fragment"), [
    ("table.xlsx", b"PK\x03\x04 not really", "unsupported file type '.xlsx'"),
    ("program.exe", b"MZ\x90\x00", "unsupported file type '.exe'"),
    ("no-suffix", b"## 1 Scope", "unsupported file type '(none)'"),
], ids=["xlsx", "exe", "no-suffix"])
def test_wrong_type_is_refused_by_name(ws: Workspace, url: str, name: str, data: bytes, fragment: str) -> None:
    _refused(_upload(ws, url, name, data), 422, name, fragment)


@pytest.mark.parametrize("url", ["/api/check", "/api/drafts/upload"])
@pytest.mark.parametrize(("name", "make", "fragment"), [
    ("bomb.docx", zip_bomb_docx, "zip bomb"),
    ("xxe.docx", xxe_docx, "DTD or entities"),
    ("pdf-inside.docx", lambda: b"%PDF-1.7\n%...", "content is .pdf, not .docx"),
    ("word-inside.md", lambda: docx_bytes(["## 1　范围"]), "content is .docx"),
], ids=["zip-bomb", "xxe", "pdf-named-docx", "docx-named-md"])
def test_hostile_documents_are_refused_by_name(ws: Workspace, url: str, name: str, make: Any,
                                               fragment: str) -> None:
    r = _upload(ws, url, name, make())
    _refused(r, 422, name, fragment)
    assert "root:" not in r.text  # the entity was never expanded
    assert ws.client.get("/api/drafts", headers=_h(ws)).json() == []


def test_a_good_docx_is_accepted(ws: Workspace) -> None:
    data = docx_bytes(["1　范围", "本文件规定了数据标注的要求。", "2　规范性引用文件", "本文件没有规范性引用文件。"])
    r = _upload(ws, "/api/drafts/upload", "good.docx", data)
    assert r.status_code == 201, r.text


def test_upload_names_cannot_leave_the_upload_folder(ws: Workspace) -> None:
    r = ws.client.post("/api/corpus/uploads", headers=_h(ws),
                       files=[("files", ("../../../escape.md", DRAFT.encode(), "text/markdown"))])
    assert r.status_code == 202, r.text
    saved = [p for p in ws.settings.data_dir.rglob("*escape*")]
    assert saved and all(p.parent == ws.settings.data_dir / "uploads" for p in saved)
    assert r.json()["files"][0]["name"] == "escape.md"


def _chunked_to_app(ws: Workspace, chunk: int, chunks: int | None) -> tuple[int, int, bytes]:
    """POST /api/check with a body that comes in chunks with no Content-Length (``chunks`` None: never ends);
    returns (status, bytes the app pulled, body)."""
    pulled = 0
    messages: list[dict[str, Any]] = []
    boundary = b"b0undary"
    head = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="endless.md"\r\n'
            b"Content-Type: text/markdown\r\n\r\n")
    sent = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled, sent
        if sent == 0:
            body = head
        elif chunks is not None and sent > chunks:
            return {"type": "http.disconnect"}
        elif chunks is not None and sent == chunks:
            body = b"\r\n--" + boundary + b"--\r\n"
        else:
            body = "本".encode() * (chunk // 3)
        sent += 1
        pulled += len(body)
        return {"type": "http.request", "body": body, "more_body": chunks is None or sent <= chunks}

    async def send(message: MutableMapping[str, Any]) -> None:
        messages.append(dict(message))

    token = ws.tokens[(GROUPS[0], Role.ADMIN)]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/check", "raw_path": b"/api/check", "query_string": b"",
             "root_path": "", "server": ("testserver", 80), "client": ("testclient", 5000),
             "headers": [(b"host", b"testserver"), (b"authorization", f"Bearer {token}".encode()),
                         (b"content-type", b"multipart/form-data; boundary=" + boundary),
                         (b"transfer-encoding", b"chunked")]}
    anyio.run(ws.app, scope, receive, send)
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return start["status"], pulled, body


def test_endless_chunked_body_is_cut_off(ws: Workspace) -> None:
    status, pulled, body = _chunked_to_app(ws, 64 * 1024, None)
    assert status == 413, body
    limit = ws.settings.max_file_bytes + (1 << 20)  # the file limit and the multipart allowance
    assert limit < pulled <= limit + 64 * 1024 + 200, pulled  # reading stopped at the first chunk over
    assert "STDRAFT_MAX_FILE_MB" in body.decode()


def test_small_chunked_body_is_read(ws: Workspace) -> None:
    status, pulled, body = _chunked_to_app(ws, 3 * 1024, 3)
    assert status == 200, body
    assert pulled > 6 * 1024  # read to the end


# --- saves -----------------------------------------------------------------------------------------


def _versions(ws: Workspace, draft: str) -> dict[int, tuple[str, str]]:
    out = {}
    for info in ws.client.get(f"/api/drafts/{draft}/versions", headers=_h(ws)).json():
        full = ws.client.get(f"/api/drafts/{draft}/versions/{info['number']}", headers=_h(ws)).json()
        out[info["number"]] = (full["content"], full["sha256"])
    return out


def test_stale_save_is_refused_and_loses_nothing(ws: Workspace) -> None:
    draft = ws.create_draft()
    mine, theirs = DRAFT + "\n我的修改。\n", DRAFT + "\n他人的修改。\n"
    assert ws.save(draft, 1, theirs).status_code == 200
    before = _versions(ws, draft)
    stale = ws.save(draft, 1, mine, role=Role.DRAFTER)
    assert stale.status_code == 409
    body = stale.json()
    assert body["head"] == 2 and body["base_version"] == 1 and "nothing was saved" in body["message_en"]
    assert _versions(ws, draft) == before  # every version byte for byte as it was
    assert before[1][0] == DRAFT and before[2][0] == theirs
    # the same holds for clause edits, cover metadata and fixes made on the old version
    for url, payload in [(f"/api/drafts/{draft}/clauses/4", {"base_version": 1, "text": "## 4　要求\n改。"}),
                         (f"/api/drafts/{draft}/meta", {"base_version": 1, "ics": "01.040"}),
                         (f"/api/drafts/{draft}/fixes", {"base_version": 1, "finding": 0})]:
        r = ws.client.request("PUT" if "fixes" not in url else "POST", url, json=payload, headers=_h(ws))
        assert r.status_code in (409, 422), (url, r.status_code, r.text)  # 422: finding 0 has no fix
    assert _versions(ws, draft) == before
    # redone on the newest version, the change is saved
    assert ws.save(draft, 2, mine).json()["number"] == 3


@pytest.mark.parametrize("writers", [8])
def test_concurrent_saves_on_one_base_exactly_one_wins(ws: Workspace, writers: int) -> None:
    draft = ws.create_draft()
    barrier = threading.Barrier(writers)
    results: dict[int, Response] = {}

    def write(i: int) -> None:
        with TestClient(ws.app) as client:  # a client (and event loop) per thread, like separate browsers
            barrier.wait()
            results[i] = client.put(f"/api/drafts/{draft}", headers=_h(ws),
                                    json={"base_version": 1, "content": DRAFT + f"\n写入者{i}。\n"})

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    statuses = sorted(r.status_code for r in results.values())
    assert statuses == [200] + [409] * (writers - 1), [(r.status_code, r.text[:100]) for r in results.values()]
    winner = next(i for i, r in results.items() if r.status_code == 200)
    versions = _versions(ws, draft)
    assert sorted(versions) == [1, 2]
    assert versions[2][0] == DRAFT + f"\n写入者{winner}。\n"
    assert versions[1][0] == DRAFT


def test_too_many_files_at_once_is_refused_in_both_languages(ws: Workspace) -> None:
    files = [("files", (f"f{i}.md", DRAFT.encode(), "text/markdown")) for i in range(51)]
    r = ws.client.post("/api/corpus/uploads", files=files, headers=_h(ws))
    assert r.status_code == 422
    assert "1至50" in r.json()["message_zh"] and "1 to 50" in r.json()["message_en"]


@pytest.mark.parametrize("url", [
    "/api/drafts/{d}/versions/99999999999999999999", "/api/drafts/{d}?version=99999999999999999999",
    "/api/drafts/{d}/findings?version=9223372036854775808", "/api/drafts/{d}/export?against=99999999999999999999",
    "/api/corpus/jobs/99999999999999999999", "/api/drafts/{d}/versions/0"])
def test_numbers_no_row_can_have_are_invalid_not_a_server_error(ws: Workspace, url: str) -> None:
    draft = ws.create_draft()
    assert ws.client.get(url.format(d=draft), headers=_h(ws)).status_code == 422
    r = ws.client.put(f"/api/drafts/{draft}", json={"base_version": 2**63, "content": DRAFT}, headers=_h(ws))
    assert r.status_code == 422
