"""The official `openai` client against /v1 of the app served by uvicorn on loopback (stream and not)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from openai import OpenAI

from assistant.api.app import create_app
from assistant.settings import Settings
from assistant.workspace.access import Role
from tests.drafting.test_pipeline import FABRICATED
from tests.support.llm_server import ScriptedLLM, scripted_llm_server
from tests.support.servers import serve_app

REPLY = ("风险登记册应记录风险描述、风险来源、风险责任人和处置措施[GB/T 90002—2026，5.3.4]。"
         f"另见[{FABRICATED}]。")




@pytest.fixture(scope="module")
def served(drafting_settings: Settings) -> Iterator[tuple[str, ScriptedLLM, str]]:
    with scripted_llm_server([REPLY]) as script:
        settings = drafting_settings.model_copy(update={"llm_provider": "openai", "llm_base_url": script.base_url,
                                                        "llm_model": "scripted-model"})
        app = create_app(settings)
        token = app.state.context.accounts.add_user("writer", "wg", Role.DRAFTER)
        with serve_app(app) as base:
            yield f"{base}/v1", script, token


def test_models_and_completion(served: tuple[str, ScriptedLLM, str]) -> None:
    base_url, script, token = served
    client = OpenAI(base_url=base_url, api_key=token)
    assert [m.id for m in client.models.list().data] == ["stdraft"]
    answer = client.chat.completions.create(model="stdraft",
                                            messages=[{"role": "user", "content": "风险登记册应记录哪些信息？"}])
    content = answer.choices[0].message.content or ""
    assert "[GB/T 90002—2026，5.3.4]" in content and "引用 Citations" in content
    assert f"[{FABRICATED}]" in content.split("Removed citations")[1]  # reported, not cited
    assert FABRICATED not in content.split("\n\n")[0]
    extra = answer.model_extra or {}
    assert extra["stdraft"]["removed_citations"][0]["citation"] == FABRICATED
    assert "<context>" in script.prompts()[-1] and "GB/T 90002—2026，5.3.4" in script.prompts()[-1]


def test_streaming_completion(served: tuple[str, ScriptedLLM, str]) -> None:
    base_url, _, token = served
    client = OpenAI(base_url=base_url, api_key=token)
    stream = client.chat.completions.create(model="stdraft", stream=True,
                                            messages=[{"role": "user", "content": "风险登记册应记录哪些信息？"}])
    pieces = [c.choices[0].delta.content or "" for c in stream if c.choices]
    assert len([p for p in pieces if p]) > 3
    text = "".join(pieces)
    assert text.startswith("风险登记册应记录") and "[GB/T 90002—2026，5.3.4]" in text
    assert FABRICATED not in text.split("\n\n")[0]


def test_draft_header_persists_the_conversation(served: tuple[str, ScriptedLLM, str],
                                                drafting_settings: Settings) -> None:
    base_url, _, token = served
    body = {"model": "stdraft", "messages": [{"role": "user", "content": "风险登记册应记录哪些信息？"}]}
    assert httpx.post(f"{base_url}/chat/completions", json=body, timeout=10).status_code == 401  # no token
    auth = {"Authorization": f"Bearer {token}"}
    r = httpx.post(f"{base_url}/chat/completions", json=body, headers={"X-Stdraft-Draft": "http-draft", **auth},
                   timeout=60)
    assert r.status_code == 200
    from assistant.store.repository import ConversationStore
    from assistant.store.session import session_factory

    store = ConversationStore(session_factory(drafting_settings))
    conv = store.latest_conversation("http-draft")
    assert conv is not None and [m.role for m in store.messages(conv)] == ["user", "assistant"]
    bad = httpx.post(f"{base_url}/chat/completions", json={"model": "stdraft", "messages": []}, headers=auth,
                     timeout=10)
    assert bad.status_code == 400
