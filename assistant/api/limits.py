"""A cap on request bodies, enforced while they stream in, before any upload is parsed or spooled."""

from __future__ import annotations

import json
from typing import Any

Scope = dict[str, Any]


class BodyLimit:
    """ASGI middleware: a declared Content-Length over the limit is refused at once; an undeclared
    (chunked) body is counted and cut off the moment it passes the limit."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send, int(declared))
            return
        seen = 0
        refused = False

        async def counted() -> Any:
            nonlocal seen, refused
            if refused:  # nothing more is read once the limit is passed
                raise _TooLarge
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    raise _TooLarge
            return message

        started = False

        async def tracked_send(message: Any) -> None:
            nonlocal started
            if refused and not started:
                # the app's own answer to a body cut short (FastAPI: 400 "error parsing the body") gives way
                # to the 413 below, which says what happened
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked_send)
        except Exception:
            if not refused or started:
                raise
        if refused and not started:
            await self._refuse(send, seen)

    async def _refuse(self, send: Any, size: int) -> None:
        mb = self.max_bytes / 2**20
        body = json.dumps({"detail": f"请求体超过{mb:.0f} MB上限 / the request body is over the {mb:.0f} MB limit "
                                     "(STDRAFT_MAX_FILE_MB)", "field": "file"}, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass
