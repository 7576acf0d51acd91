"""Conversations persisted with the draft survive a restart; `stdraft chat` in the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from langchain_openai import ChatOpenAI
from pydantic import SecretStr
from typer.testing import CliRunner

from assistant.cli.main import app
from assistant.document.model import DocumentMeta
from assistant.drafting.chat import ChatService
from assistant.drafting.pipeline import Done
from assistant.settings import Settings, get_settings
from assistant.store.repository import ConversationStore
from assistant.store.session import session_factory
from retrieval.index import RetrievalIndex
from tests.support.llm_server import scripted_llm_server
from tests.support.net import free_port


def test_conversation_survives_restart(tmp_path: Path, index: RetrievalIndex, terms_dir: Path) -> None:
    settings = Settings(data_dir=tmp_path / "d")
    meta = DocumentMeta(designation="GB/T XXXXX—XXXX", title_zh="人工智能　风险登记")
    reply_1 = "#### 5.3.5　风险登记\n组织应及时记录风险[GB/T 90002—2026，5.3.4]。"
    reply_2 = "#### 5.3.5　风险登记\n组织应在识别风险后5个工作日内记录风险[GB/T 90002—2026，5.3.4]。"
    with scripted_llm_server([reply_1, reply_2]) as server:
        llm = ChatOpenAI(base_url=server.base_url, api_key=SecretStr("t"), model="m", max_retries=0)
        first = ChatService(ConversationStore(session_factory(settings)), index, llm, terms_dir)
        conv = first.open("GB/T XXXXX—XXXX", meta)
        done = list(first.turn(conv, "起草5.3.5风险登记的要求"))[-1]
        assert isinstance(done, Done)
        first.store.sessions.kw["bind"].dispose()  # the "server" stops: its engine goes away

        # restart: a new engine and session factory on the same SQLite file
        second = ChatService(ConversationStore(session_factory(settings)), index, llm, terms_dir)
        assert second.open("GB/T XXXXX—XXXX") == conv
        stored = second.store.messages(conv)
        assert [m.role for m in stored] == ["user", "assistant"]
        assert stored[1].content == done.result.text
        assert stored[1].result is not None and stored[1].result["findings"]
        # a follow-up refers to the stored draft: "改写上一条" rewrites the clause drafted before the restart
        list(second.turn(conv, "把上一条改写为可验证的要求"))
    rewrite_prompt = server.prompts()[1]
    assert "组织应及时记录风险" in rewrite_prompt
    assert (tmp_path / "d" / "stdraft.db").is_file()
    assert second.store.draft_meta("GB/T XXXXX—XXXX")["title_zh"] == "人工智能　风险登记"


def test_chat_cli_once_json_and_repl(drafting_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STDRAFT_DATA_DIR", str(drafting_settings.data_dir))
    get_settings.cache_clear()
    runner = CliRunner()
    once = runner.invoke(app, ["chat", "--once", "风险登记册应记录哪些信息", "--json"])
    assert once.exit_code == 0, once.output
    data = json.loads(once.stdout)
    assert data["mode"] == "no-llm" and data["citations"] and data["task"] == "answer"
    repl = runner.invoke(app, ["chat", "--draft", "demo"], input="起草范围\n规范性引用文件\n\n")
    assert repl.exit_code == 0, repl.output
    assert "本文件规定了" in repl.stdout and "下列文件中的内容通过文中的规范性引用" in repl.stdout
    assert "无LLM" in repl.stdout


def test_unreachable_llm_is_a_clear_error(drafting_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()  # a port nobody listens on
    monkeypatch.setenv("STDRAFT_DATA_DIR", str(drafting_settings.data_dir))
    monkeypatch.setenv("STDRAFT_LLM_PROVIDER", "openai")
    monkeypatch.setenv("STDRAFT_LLM_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("STDRAFT_LLM_MODEL", "none")
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["chat", "--once", "风险登记册应记录哪些信息"])
    assert result.exit_code == 2
    assert "大模型调用失败 / the LLM call failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_chat_reads_the_draft_metadata(drafting_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    doc = tmp_path / "draft.md"
    doc.write_text("---\ndesignation: GB/T 99998—2027\ntitle_zh: 人工智能　数据标注平台技术要求\n---\n"
                   "## 1　范围\n本文件规定了……\n", encoding="utf-8")
    monkeypatch.setenv("STDRAFT_DATA_DIR", str(drafting_settings.data_dir))
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["chat", "--document", str(doc), "--once", "起草范围", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["draft"] == "GB/T 99998—2027" and data["task"] == "scope"
    assert "本文件规定了人工智能数据标注平台技术要求的" in data["clause_text"]
