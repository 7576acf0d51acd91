"""The LLM pass: evidence goes into the prompt; a rewrite that fails the rules is not offered."""

from __future__ import annotations

import json

from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from assistant.document.parse_text import parse_text
from assistant.requirements.review import EvidenceUnit, review_document
from tests.support.llm_server import scripted_llm_server

DRAFT = """---
designation: GB/Z XXXXX—XXXX
---
## 8　性能要求
### 8.1　利用率
8.1.1　在任意芯片上的算力利用率应不低于95%。
### 8.2　时延
8.2.1　推理时延应不大于20 ms，按9.2规定的方法测试。
"""
EVIDENCE = [EvidenceUnit(citation="STDRAFT-REF 1—2026，6.2", text="公开报道的大模型训练MFU多在约二成至六成之间。")]


def _search(text: str, k: int) -> list[EvidenceUnit]:
    return EVIDENCE[:k]


def test_llm_rewrite_is_grounded_and_rechecked() -> None:
    good = json.dumps({"explanation": "利用率与负载有关", "citations": ["STDRAFT-REF 1—2026，6.2", "GB/T 1—1"],
                       "rewrite": "在表A.1所列芯片上运行9.4规定的基准负载时，算力利用率应不低于40%，按9.4规定的方法测试。"},
                      ensure_ascii=False)
    llm = FakeListChatModel(responses=[good])
    reviews = review_document(parse_text(DRAFT), llm=llm, search=_search)
    assert [r.clause for r in reviews] == ["8.1.1"]
    review = reviews[0]
    assert {"REQ-101"} <= {f.rule for f in review.findings}
    assert review.rewrite is not None and review.rewrite.source == "llm"
    assert review.rewrite.citations == ["STDRAFT-REF 1—2026，6.2"]  # a citation not in the evidence is removed


def test_failing_llm_rewrite_is_dropped() -> None:
    bad = json.dumps({"explanation": "x", "rewrite": "在所有芯片上算力利用率应达到100%。"}, ensure_ascii=False)
    reviews = review_document(parse_text(DRAFT), llm=FakeListChatModel(responses=[bad]), search=_search)
    review = reviews[0]
    assert review.dropped_rewrite == "在所有芯片上算力利用率应达到100%。"
    assert review.rewrite is not None and review.rewrite.source == "template"
    assert any("REQ-10" in reason for reason in review.dropped_reasons)


def test_loopback_openai_server_receives_the_evidence() -> None:
    reply = json.dumps({"explanation": "e", "rewrite": "在表A.1所列芯片上，算力利用率应不低于40%，按9.4规定的方法测试。",
                        "citations": []}, ensure_ascii=False)
    with scripted_llm_server([reply]) as server:
        llm = ChatOpenAI(base_url=server.base_url, api_key=SecretStr("test"), model=server.model, max_retries=0)
        reviews = review_document(parse_text(DRAFT), llm=llm, search=_search)
        prompt = server.prompts()[0]
    assert "STDRAFT-REF 1—2026，6.2" in prompt and "二成至六成" in prompt
    assert "<evidence>" in prompt and "8.1.1" in prompt
    assert reviews[0].rewrite is not None and reviews[0].rewrite.source == "llm"


def test_no_llm_mode_offers_template_wording() -> None:
    reviews = review_document(parse_text(DRAFT))
    assert reviews and reviews[0].rewrite is not None and reviews[0].rewrite.source == "template"
    assert "无LLM模式" in reviews[0].rewrite.explanation
