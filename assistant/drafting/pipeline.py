"""The drafting pipeline: retrieve → prompt with cited units as data → LLM → verify citations → parse → check.

``run`` is a generator of events so that every front end (terminal chat, HTTP streaming, tests) shows tokens
as they arrive and receives the same verified, checked result at the end. Without an LLM the same events
carry a labelled template and cited examples.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage, BaseMessageChunk
from pydantic import BaseModel, Field

from assistant.checks.model import Finding
from assistant.drafting import templates
from assistant.drafting.checking import check_fragment, passes
from assistant.drafting.citations import CitationVerifier, RemovedCitation, StreamFilter
from assistant.drafting.context import ContextUnit, retrieve
from assistant.drafting.parse import clause_text, to_document
from assistant.drafting.prompting import build_messages
from assistant.drafting.tasks import DraftRequest, Task
from retrieval.errors import EmptyIndexError
from retrieval.index import RetrievalIndex


class LLMError(RuntimeError):
    """The model could not be reached or failed mid-answer; the message is bilingual and names the cause."""


class Timings(BaseModel):
    retrieval_ms: float = 0.0
    prompt_ms: float = 0.0
    first_token_ms: float | None = None  # from the start of the request
    llm_ms: float = 0.0
    checks_ms: float = 0.0  # citation verification, parsing and checks

    @property
    def overhead_ms(self) -> float:
        """What the assistant adds around the LLM."""
        return self.retrieval_ms + self.prompt_ms + self.checks_ms


class DraftResult(BaseModel):
    task: Task
    mode: Literal["llm", "no-llm"]
    text: str  # the answer as shown: verified citations only
    clause_text: str = ""  # the drafted element without inline citations, as parsed and checked
    citations: list[str] = Field(default_factory=list)  # verified citations used in the answer
    removed_citations: list[RemovedCitation] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    passed: bool = True
    context: list[str] = Field(default_factory=list)  # citations of every unit the prompt held
    prompt: str = ""  # "name@version" of the prompt file used
    notice: str = ""  # e.g. the no-LLM label or an empty-index warning
    timings: Timings = Field(default_factory=Timings)


@dataclass
class Token:
    text: str


@dataclass
class Done:
    result: DraftResult


Event = Token | Done


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def run(request: DraftRequest, index: RetrievalIndex | None, llm: BaseChatModel | None, terms_dir: Path,
        history: str = "") -> Iterator[Event]:
    t0 = time.perf_counter()
    timings = Timings()
    notice = ""
    units: list[ContextUnit] = []
    if index is not None:
        try:
            units = retrieve(index, request)
        except EmptyIndexError:
            notice = "索引为空，请先运行 `stdraft ingest` / the index is empty; run `stdraft ingest` first"
    timings.retrieval_ms = _ms(t0)

    if llm is None or request.task == Task.REFERENCES:
        yield from _template(request, units, terms_dir, timings, notice)
        return

    t = time.perf_counter()
    prompt, messages, extra = build_messages(request, units, terms_dir, history)
    verifier = CitationVerifier([u.citation for u in units] + extra)
    stream = StreamFilter(verifier)
    timings.prompt_ms = _ms(t)

    t = time.perf_counter()
    shown: list[str] = []
    for chunk in _stream(llm, messages):
        piece = chunk.content if isinstance(chunk.content, str) else "".join(
            p if isinstance(p, str) else str(p.get("text", "")) for p in chunk.content)
        if not piece:
            continue
        if timings.first_token_ms is None:
            timings.first_token_ms = _ms(t0)
        safe = stream.feed(piece)
        if safe:
            shown.append(safe)
            yield Token(safe)
    tail = stream.flush()
    if tail:
        shown.append(tail)
        yield Token(tail)
    timings.llm_ms = _ms(t)

    t = time.perf_counter()
    # the streamed text was verified bracket by bracket; a second pass catches citations split by the
    # flush rules (an unclosed bracket at a line end) so the stored text never holds an unverified one
    text = verifier.clean("".join(shown)).strip()
    body = clause_text(text) if request.task != Task.ANSWER else ""
    findings = check_fragment(to_document(body, request)) if body else []
    timings.checks_ms = _ms(t)
    yield Done(DraftResult(task=request.task, mode="llm", text=text, clause_text=body, citations=verifier.kept,
                           removed_citations=verifier.removed, findings=findings, passed=passes(findings),
                           context=[u.citation for u in units], prompt=f"{prompt.name}@{prompt.version}",
                           notice=notice, timings=timings))


def _stream(llm: BaseChatModel, messages: list[BaseMessage]) -> Iterator[BaseMessageChunk]:
    try:
        yield from llm.stream(messages)
    except Exception as exc:  # provider errors differ per client (openai, httpx, ollama); one type for callers
        raise LLMError(f"大模型调用失败 / the LLM call failed: {exc.__class__.__name__}: {exc}") from exc


def _template(request: DraftRequest, units: list[ContextUnit], terms_dir: Path, timings: Timings,
              notice: str) -> Iterator[Event]:
    t = time.perf_counter()
    if request.task == Task.ANSWER:
        element = ""
        head = templates.answer_without_llm(units)
        shown_examples = templates.examples(units, n=5)
    else:
        element = templates.element(request, terms_dir)
        head = element
        shown_examples = templates.examples(units)
    label = templates.NO_LLM_LABEL if request.task != Task.REFERENCES else "【模板 / template】"
    text = "\n\n".join(p for p in (label, head, shown_examples) if p)
    # the element is template text: parse and check it like any draft, because a template the checks reject
    # would teach the drafter the wrong form
    body = element if request.task not in (Task.ANSWER, Task.REWRITE) else ""
    findings = check_fragment(to_document(body, request)) if body else []
    timings.checks_ms = _ms(t)
    yield Token(text)
    cited = [u.citation for u in units[: (5 if request.task == Task.ANSWER else 3)]]
    yield Done(DraftResult(task=request.task, mode="no-llm", text=text, clause_text=body, citations=cited,
                           findings=findings, passed=passes(findings), context=[u.citation for u in units],
                           prompt="template", notice=notice or label, timings=timings))


def draft(request: DraftRequest, index: RetrievalIndex | None, llm: BaseChatModel | None, terms_dir: Path,
          history: str = "") -> DraftResult:
    """The whole pipeline without streaming."""
    for event in run(request, index, llm, terms_dir, history):
        if isinstance(event, Done):
            return event.result
    raise RuntimeError("drafting pipeline ended without a result")  # unreachable: run always ends with Done
