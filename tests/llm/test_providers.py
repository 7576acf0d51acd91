"""The providers chosen by settings talk to real HTTP servers on loopback: OpenAI-compatible and Ollama."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.llm.providers import LLMConfigError, chat_model, describe
from assistant.settings import Settings
from tests.support.llm_server import scripted_llm_server
from tests.support.ollama_server import scripted_ollama_server


def test_no_provider_is_no_llm_mode(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert chat_model(settings) is None
    assert "no-LLM" in describe(settings)


def test_openai_compatible_provider(tmp_path: Path) -> None:
    with scripted_llm_server(["应在5 min内完成。"]) as server:
        settings = Settings(data_dir=tmp_path, llm_provider="openai", llm_base_url=server.base_url,
                            llm_model=server.model)
        model = chat_model(settings)
        assert model is not None
        assert model.invoke("起草一条要求").content == "应在5 min内完成。"
        assert "起草一条要求" in server.prompts()[0]


def test_ollama_provider_streams(tmp_path: Path) -> None:
    with scripted_ollama_server("本文件规定了人工智能风险管理能力的评估方法。") as server:
        settings = Settings(data_dir=tmp_path, llm_provider="ollama", llm_base_url=server.base_url,
                            llm_model=server.model)
        model = chat_model(settings)
        assert model is not None
        chunks = [str(c.content) for c in model.stream("起草范围")]
        assert "".join(chunks) == "本文件规定了人工智能风险管理能力的评估方法。"
        assert len(chunks) > 1
        chat = next(r for r in server.requests if r["path"] == "/api/chat")
        assert chat["model"] == server.model and chat["messages"][-1]["content"] == "起草范围"


def test_missing_endpoint_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LLMConfigError, match="STDRAFT_LLM_BASE_URL"):
        chat_model(Settings(data_dir=tmp_path, llm_provider="openai"))
