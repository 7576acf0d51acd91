"""chat: draft clauses and ask questions in the terminal, with citations and check findings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.output import emit_json
from assistant.settings import get_settings

if TYPE_CHECKING:
    from assistant.drafting.chat import ChatService

PROMPT = "stdraft> "


def register(app: typer.Typer) -> None:
    app.command("chat", help="Draft and ask in the terminal / 在终端中起草与问答")(chat)


def chat(
    once: Annotated[str | None, typer.Option("--once", help="Answer one request and exit / 只回答一条请求")] = None,
    draft: Annotated[str, typer.Option("--draft", help="Draft id the conversation belongs to / 草案标识")] = "default",
    document: Annotated[Path | None, typer.Option("--document", help="The draft file: its metadata feeds scope "
                                                  "and foreword / 草案文件（用于范围与前言）")] = None,
    new: Annotated[bool, typer.Option("--new", help="Start a new conversation / 新建对话")] = False,
    json: Annotated[bool, typer.Option("--json", help="One JSON result per request / 每条请求输出JSON")] = False,
) -> None:
    from assistant.document.loader import load_document
    from assistant.drafting.pipeline import LLMError
    from assistant.drafting.service import chat_service

    settings = get_settings()
    meta = load_document(document, settings.max_file_bytes).meta if document else None
    draft_id = draft if draft != "default" or meta is None else (meta.doc_id or "default")
    with chat_service(settings) as service:
        conversation = service.open(draft_id, meta, new=new)
        if not json and once is None:
            mode = "LLM" if service.llm is not None else "无LLM模式 / no-LLM mode"
            typer.echo(f"草案 draft: {draft_id} · 对话 conversation: {conversation} · {mode}\n"
                       "输入请求，空行或 Ctrl-D 结束 / type a request; an empty line or Ctrl-D ends", err=True)
        requests = [once] if once is not None else _stdin_lines(interactive=not json)
        for text in requests:
            try:
                _answer(service, conversation, draft_id, text, json)
            except LLMError as exc:
                typer.echo(f"stdraft: error: {exc}", err=True)
                if once is not None:  # scripts need the failure; a person at the prompt can try again
                    raise typer.Exit(2) from None


def _answer(service: ChatService, conversation: int, draft_id: str, text: str, json: bool) -> None:
    from assistant.drafting.pipeline import Done, Token
    from assistant.drafting.render import footer

    for event in service.turn(conversation, text):
        if isinstance(event, Token) and not json:
            sys.stdout.write(event.text)  # tokens as they arrive
            sys.stdout.flush()
        elif isinstance(event, Done):
            if json:
                emit_json({"draft": draft_id, "conversation": conversation, **event.result.model_dump(mode="json")})
            else:
                typer.echo("\n\n" + footer(event.result) + "\n")


def _stdin_lines(interactive: bool) -> list[str] | _Lines:
    return _Lines(interactive and sys.stdin.isatty())


class _Lines:
    """Requests read one line at a time, so each is answered before the next is read."""

    def __init__(self, show_prompt: bool) -> None:
        self.show_prompt = show_prompt

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.show_prompt:
            sys.stderr.write(PROMPT)
            sys.stderr.flush()
        line = sys.stdin.readline()
        if not line or not line.strip():
            raise StopIteration
        return line.strip()
