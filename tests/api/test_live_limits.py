"""Over a real socket: an upload sent chunked, with no Content-Length, that never ends is answered 413 and
the server stops reading soon after the limit instead of taking the whole stream."""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path

from assistant.settings import Settings
from assistant.store.session import session_factory
from assistant.workspace.access import Role
from assistant.workspace.accounts import Accounts
from tests.support.servers import serving

LIMIT_MB = 0.05


def test_endless_chunked_upload_is_cut_off_by_the_live_server(tmp_path: Path) -> None:
    data = tmp_path / "data"
    token = Accounts(session_factory(Settings(data_dir=data))).add_user("w", "wg", Role.EDITOR)
    limit = int(LIMIT_MB * 2**20) + (1 << 20)  # the file limit and the multipart allowance
    with serving(data, STDRAFT_MAX_FILE_MB=str(LIMIT_MB)) as (_, base):
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.encode()
                         + b"\r\nContent-Type: multipart/form-data; boundary=bb\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n")
            head = b'--bb\r\nContent-Disposition: form-data; name="file"; filename="endless.md"\r\n\r\n'
            sock.sendall(b"%x\r\n%s\r\n" % (len(head), head))
            chunk = b"a" * 65536
            sent, answer = 0, b""
            sock.settimeout(0.05)
            deadline = time.monotonic() + 30
            while b"\r\n\r\n" not in answer and time.monotonic() < deadline:
                try:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    break
                except TimeoutError:
                    pass
                with contextlib.suppress(TimeoutError):
                    answer += sock.recv(65536)
            sock.settimeout(5)
            while b"\r\n\r\n" not in answer:
                more = sock.recv(65536)
                if not more:
                    break
                answer += more
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    # answered once the limit was passed, not after the 30 s the client was ready to keep sending
    assert sent < limit + (8 << 20), sent
