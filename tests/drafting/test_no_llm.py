"""No-LLM mode: labelled templates from metadata and the term base, with cited corpus examples."""

from __future__ import annotations

from pathlib import Path

from assistant.document.model import DocumentMeta
from assistant.drafting.pipeline import draft
from assistant.drafting.tasks import DraftRequest, Task
from assistant.drafting.templates import DRAFTING_RULES, NO_LLM_LABEL, NORMATIVE_LEAD_IN, PATENT
from retrieval.index import RetrievalIndex

META = DocumentMeta(designation="GB/T XXXXX—XXXX", title_zh="人工智能　训练数据标注质量要求")


def test_scope_template(index: RetrievalIndex, terms_dir: Path) -> None:
    result = draft(DraftRequest(task=Task.SCOPE, request="起草范围", meta=META), index, None, terms_dir)
    assert result.mode == "no-llm" and result.text.startswith(NO_LLM_LABEL)
    assert "本文件规定了人工智能训练数据标注质量要求的" in result.clause_text
    assert "本文件适用于" in result.clause_text
    assert result.citations and all(f"[{c}]" in result.text for c in result.citations)  # cited examples
    assert set(result.citations) <= set(result.context)


def test_foreword_template_passes_the_foreword_checks(index: RetrievalIndex, terms_dir: Path) -> None:
    result = draft(DraftRequest(task=Task.FOREWORD, request="起草前言", meta=META), index, None, terms_dir)
    assert DRAFTING_RULES in result.clause_text and PATENT in result.clause_text
    assert not [f for f in result.findings if f.rule.startswith("FWD")], result.findings


def test_term_entry_from_the_term_base(index: RetrievalIndex, terms_dir: Path) -> None:
    request = DraftRequest(task=Task.TERM, request="给出“人工智能系统”的术语条目", clause_text="人工智能系统")
    result = draft(request, index, None, terms_dir)
    assert "**人工智能系统**　artificial intelligence system" in result.clause_text
    assert "工程化系统" in result.clause_text
    assert result.passed, result.findings


def test_references_lead_in_and_answer_examples(index: RetrievalIndex, terms_dir: Path) -> None:
    refs = draft(DraftRequest(task=Task.REFERENCES, request="规范性引用文件"), index, None, terms_dir)
    assert NORMATIVE_LEAD_IN in refs.clause_text
    answer = draft(DraftRequest(request="风险登记册应记录哪些信息"), index, None, terms_dir)
    assert answer.mode == "no-llm" and "GB/T 90002—2026" in answer.text
    assert any(c.startswith("GB/T 90002—2026，5.3") for c in answer.citations)
