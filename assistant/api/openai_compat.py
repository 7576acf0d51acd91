"""An OpenAI-compatible surface (/v1/models, /v1/chat/completions) so existing chat clients use the assistant.

Answers come from the drafting pipeline: the last user message is the request (its task is detected, a
question by default), earlier messages are history, and the answer carries its verified citations, any
removed citations and, for drafted clauses, the check findings. The full result is also attached under the
non-standard key ``stdraft`` for clients that want it as data.

A request naming a draft (header ``X-Stdraft-Draft``) is persisted in that draft's latest conversation.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Header, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict

from assistant.api.auth import Ctx, Who
from assistant.drafting.chat import ChatService
from assistant.drafting.pipeline import Done, DraftResult, Event, LLMError, Token, run
from assistant.drafting.render import footer
from assistant.drafting.tasks import detect
from assistant.settings import Settings
from assistant.workspace.access import Permission

MODEL_ID = "stdraft"


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):  # content parts: keep the text ones
            return "".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatCompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens…: accepted, the pipeline decides
    model: str = MODEL_ID
    messages: list[ChatMessage]
    stream: bool = False


def build_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["openai-compatible"])
    @router.get("/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "stdraft"}]}

    @router.post("/chat/completions", response_model=None)
    def completions(body: ChatCompletionRequest, who: Who, ctx: Ctx,
                    x_stdraft_draft: str | None = Header(default=None)) -> dict[str, Any] | StreamingResponse:
        users = [m for m in body.messages if m.role == "user"]
        if not users or not users[-1].text().strip():
            raise HTTPException(400, detail="no user message / 没有用户消息")
        if x_stdraft_draft and ctx.drafts.is_workspace_draft(x_stdraft_draft):
            # a working group's draft: the caller must be allowed to chat on it
            ctx.drafts.require(who, x_stdraft_draft, Permission.CHAT)
        svc = ctx.chat()  # the application's one chat service and index
        events = ctx.reading(_events(svc, body, users[-1].text(), x_stdraft_draft))
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        if body.stream:
            return StreamingResponse(_sse(events, completion_id, body.model), media_type="text/event-stream")
        try:
            result = next(e.result for e in events if isinstance(e, Done))
        except LLMError as exc:
            raise HTTPException(502, detail=str(exc)) from None
        return {
            "id": completion_id, "object": "chat.completion", "created": int(time.time()), "model": body.model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": _content(result)}}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            "stdraft": result.model_dump(mode="json"),
        }

    return router


def _events(svc: ChatService, body: ChatCompletionRequest, text: str, draft: str | None) -> Iterator[Event]:
    if draft:
        return svc.turn(svc.open(draft), text)
    # earlier turns of the client's own history; the system message of a client is not an instruction to us
    history = "\n".join(f"{m.role}: {m.text()[:500]}" for m in body.messages[:-1] if m.role in ("user", "assistant"))
    return run(detect(text), svc.index, svc.llm, svc.terms_dir, history)


def _content(result: DraftResult) -> str:
    tail = footer(result)
    return f"{result.text}\n\n{tail}" if tail else result.text


def _chunk(completion_id: str, model: str, delta: dict[str, Any], finish: Literal["stop"] | None = None,
           extra: dict[str, Any] | None = None) -> str:
    data: dict[str, Any] = {"id": completion_id, "object": "chat.completion.chunk", "created": int(time.time()),
                            "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if extra:
        data |= extra
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"


def _sse(events: Iterator[Event], completion_id: str, model: str) -> Iterator[str]:
    yield _chunk(completion_id, model, {"role": "assistant", "content": ""})
    try:
        yield from _sse_events(events, completion_id, model)
    except LLMError as exc:  # headers are sent already: the error can only travel in the stream
        yield _chunk(completion_id, model, {"content": f"\n\n{exc}"}, "stop")
    yield "data: [DONE]\n\n"


def _sse_events(events: Iterator[Event], completion_id: str, model: str) -> Iterator[str]:
    for event in events:
        if isinstance(event, Token):
            yield _chunk(completion_id, model, {"content": event.text})
        elif isinstance(event, Done):
            tail = footer(event.result)
            if tail:
                yield _chunk(completion_id, model, {"content": "\n\n" + tail})
            yield _chunk(completion_id, model, {}, "stop", {"stdraft": event.result.model_dump(mode="json")})
