"""A scripted Ollama server on loopback (/api/chat, streaming NDJSON), for tests of the Ollama provider."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.support.llm_server import serve_on_loopback


@dataclass
class ScriptedOllama:
    reply: str
    model: str = "qwen2.5:7b"
    requests: list[dict[str, Any]] = field(default_factory=list)
    base_url: str = ""


def _handler(script: ScriptedOllama) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            script.requests.append({"path": self.path, **body})
            if self.path != "/api/chat":
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.end_headers()
            pieces = [script.reply[i:i + 6] for i in range(0, len(script.reply), 6)]
            for piece in pieces:
                line = {"model": script.model, "created_at": "2026-01-01T00:00:00Z",
                        "message": {"role": "assistant", "content": piece}, "done": False}
                self.wfile.write((json.dumps(line) + "\n").encode())
            end = {"model": script.model, "created_at": "2026-01-01T00:00:00Z",
                   "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": "stop",
                   "total_duration": 1, "load_duration": 1, "prompt_eval_count": 1, "prompt_eval_duration": 1,
                   "eval_count": 1, "eval_duration": 1}
            self.wfile.write((json.dumps(end) + "\n").encode())

    return Handler


@contextmanager
def scripted_ollama_server(reply: str) -> Iterator[ScriptedOllama]:
    script = ScriptedOllama(reply=reply)
    with serve_on_loopback(_handler(script)) as url:
        script.base_url = url
        yield script
