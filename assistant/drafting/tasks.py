"""What a drafting request asks for: the task, its inputs, and a guess of the task from free text."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.document.model import DocumentMeta


class Task(StrEnum):
    CLAUSE = "clause"  # a requirement, test-method or general clause
    SCOPE = "scope"
    TERM = "term"
    FOREWORD = "foreword"
    REWRITE = "rewrite"
    REFERENCES = "references"  # the normative-references lead-in (a fixed sentence; template in both modes)
    ANSWER = "answer"  # question answering over the corpus


class ClauseKind(StrEnum):
    REQUIREMENT = "requirement"
    TEST_METHOD = "test_method"
    GENERAL = "general"


class RewriteGoal(StrEnum):
    VERIFIABLE = "verifiable"
    SHORTER = "shorter"
    TRANSLATE = "translate"  # zh↔en


class DraftRequest(BaseModel):
    task: Task = Task.ANSWER
    request: str
    clause_kind: ClauseKind = ClauseKind.REQUIREMENT
    goal: RewriteGoal = RewriteGoal.VERIFIABLE
    clause_text: str = ""  # the clause to rewrite
    number: str = ""  # outline number for a drafted clause or term entry, e.g. "5.3.5" or "3.1"
    language: str = "zh"  # the language of the answer
    meta: DocumentMeta = Field(default_factory=DocumentMeta)  # the draft's metadata (scope, foreword)
    docs: list[str] | None = None  # restrict retrieval to these documents
    k: int = 6


# Ordered: the first matching pattern wins, so "改写…要求" is a rewrite, not a requirement clause.
_RULES: tuple[tuple[Task, re.Pattern[str]], ...] = (
    (Task.REWRITE, re.compile(r"改写|重写|精简|缩短|翻译|译为|译成|rewrite|shorten|translate", re.I)),
    (Task.TERM, re.compile(r"术语条目|术语和定义|定义.{0,6}术语|term entry|define the term", re.I)),
    (Task.REFERENCES, re.compile(r"规范性引用|normative references?", re.I)),
    (Task.FOREWORD, re.compile(r"前言|foreword", re.I)),
    (Task.SCOPE, re.compile(r"范围|scope", re.I)),
    (Task.CLAUSE, re.compile(r"起草|编写|拟定|写一条|给出.{0,4}(要求|条款)|draft (a |an )?(clause|requirement)", re.I)),
)
_TEST_METHOD = re.compile(r"试验方法|测试方法|检验方法|test method", re.I)
_GENERAL = re.compile(r"一般要求|通则|总则|general", re.I)
_QUOTED = re.compile(r"[“\"'‘「](.+?)[”\"'’」]", re.S)
_NUMBER = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,3}){0,4}|[A-Z]\.\d{1,3}(?:\.\d{1,3})*)(?![\d.])")
_TO_EN = re.compile(r"英文|英语|English", re.I)


def detect(text: str, meta: DocumentMeta | None = None) -> DraftRequest:
    """A request from a chat message. Unclear messages are questions: answering costs nothing to undo."""
    task = next((t for t, p in _RULES if p.search(text)), Task.ANSWER)
    req = DraftRequest(task=task, request=text.strip(), meta=meta or DocumentMeta())
    if task == Task.CLAUSE:
        req.clause_kind = (ClauseKind.TEST_METHOD if _TEST_METHOD.search(text)
                           else ClauseKind.GENERAL if _GENERAL.search(text) else ClauseKind.REQUIREMENT)
    if task == Task.REWRITE:
        if re.search(r"翻译|译为|译成|translate", text, re.I):
            req.goal = RewriteGoal.TRANSLATE
            req.language = "en" if _TO_EN.search(text) else "zh"
        elif re.search(r"精简|缩短|简短|shorten|shorter", text, re.I):
            req.goal = RewriteGoal.SHORTER
        quoted = _QUOTED.search(text)
        req.clause_text = quoted.group(1) if quoted else ""
    if task == Task.TERM:
        quoted = _QUOTED.search(text)
        if quoted:
            req.clause_text = quoted.group(1)  # the term to define
    number = _NUMBER.search(text)
    if number and task in (Task.CLAUSE, Task.REWRITE, Task.TERM):
        req.number = number.group(1)
    if task == Task.ANSWER and not re.search(r"[\u4e00-\u9fff]", text):
        req.language = "en"
    return req
