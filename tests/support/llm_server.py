"""A scripted OpenAI-compatible chat server on loopback, for tests of LLM paths.

It answers /v1/chat/completions (plain and streaming) and /v1/models with the next scripted reply,
and records every request so a test can assert on the prompt that was sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.net import free_port


@dataclass
class ScriptedLLM:
    replies: list[str]
    model: str = "scripted-model"
    requests: list[dict[str, Any]] = field(default_factory=list)
    base_url: str = ""

    def next_reply(self) -> str:
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    def prompts(self) -> list[str]:
        return ["\n".join(str(m.get("content", "")) for m in r.get("messages", [])) for r in self.requests]




def _handler(script: ScriptedLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                self._json(200, {"object": "list", "data": [{"id": script.model, "object": "model",
                                                              "created": 0, "owned_by": "test"}]})
            else:
                self._json(404, {"error": {"message": "not found"}})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            script.requests.append(body)
            reply = script.next_reply()
            created = int(time.time())
            if not body.get("stream"):
                self._json(200, {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": created, "model": script.model,
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": reply}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                })
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            pieces = [reply[i:i + 8] for i in range(0, len(reply), 8)] or [""]
            for i, piece in enumerate(pieces):
                delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
                chunk = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": created,
                         "model": script.model, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            end = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": created, "model": script.model,
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())

    return Handler


@contextmanager
def serve_on_loopback(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Run ``handler`` on a free loopback port in a thread; yield its base URL; stop it afterwards."""
    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def scripted_llm_server(replies: list[str]) -> Iterator[ScriptedLLM]:
    script = ScriptedLLM(replies=list(replies))
    with serve_on_loopback(_handler(script)) as url:
        script.base_url = f"{url}/v1"
        yield script
