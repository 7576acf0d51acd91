"""One prompt file per task; this module only chooses the file and fills its variables."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from assistant.drafting.context import ContextUnit, quote
from assistant.drafting.tasks import DraftRequest, Task
from assistant.drafting.templates import find_term, term_reference
from assistant.llm.prompts import Prompt, load_prompt

PROMPT_FOR: dict[Task, str] = {
    Task.CLAUSE: "draft_clause",
    Task.SCOPE: "draft_scope",
    Task.TERM: "draft_term",
    Task.FOREWORD: "draft_foreword",
    Task.REWRITE: "draft_rewrite",
    Task.ANSWER: "answer_question",
}


def termbase_record(request: DraftRequest, terms_dir: Path) -> tuple[str, list[str]]:
    """The term-base record quoted to the model, and the reference it may cite as a source."""
    record = find_term(request.clause_text or request.request, terms_dir)
    if record is None:
        return "（术语库中没有该术语 / not in the term base）", []
    ref = term_reference(record)
    data = {"term_zh": record.term_zh, "term_en": record.term_en, "definition_zh": record.definition_zh,
            "definition_en": record.definition_en, "reference": ref}
    return json.dumps(data, ensure_ascii=False), [ref] if ref else []


def build_messages(request: DraftRequest, units: Sequence[ContextUnit], terms_dir: Path,
                   history: str = "") -> tuple[Prompt, list[BaseMessage], list[str]]:
    """(prompt, messages, extra citable strings beyond the retrieved units)."""
    prompt = load_prompt(PROMPT_FOR[request.task])
    context = quote(units)
    extra: list[str] = []
    values: dict[str, str] = {"request": request.request, "language": request.language, "context": context}
    if request.task == Task.CLAUSE:
        values |= {"clause_kind": request.clause_kind.value, "number": request.number or "X.X"}
    elif request.task == Task.SCOPE:
        values["title"] = request.meta.title or "……"
    elif request.task == Task.TERM:
        termbase, extra = termbase_record(request, terms_dir)
        values |= {"term": request.clause_text or "……", "number": request.number or "3.1", "termbase": termbase}
    elif request.task == Task.FOREWORD:
        values["metadata"] = request.meta.model_dump_json(
            include={"designation", "title_zh", "title_en", "replaces", "adoption", "issuing_bodies"})
    elif request.task == Task.REWRITE:
        values |= {"clause": request.clause_text or "……", "goal": request.goal.value}
    elif request.task == Task.ANSWER:
        values["history"] = history or "（无 / none）"
    system, user = prompt.render(**values)
    return prompt, [SystemMessage(content=system), HumanMessage(content=user)], extra
