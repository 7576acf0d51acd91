"""An answer's text as a fragment of a standard: the clause text, and its document model."""

from __future__ import annotations

import re

from assistant.document.model import Document
from assistant.document.parse_text import parse_text
from assistant.drafting.tasks import DraftRequest, Task

_FENCE = re.compile(r"^```[\w-]*\s*\n(.*?)\n```\s*$", re.S | re.M)
_CITE = re.compile(r"[\[［【](?!\s*(?:来源|SOURCE))[^\[\]［］【】\n]*?"
                   r"(?:GB|ISO|IEC|T/|第[^\]］】]*条)[^\[\]［］【】\n]*[\]］】]", re.I)
_HEADING = re.compile(r"(?m)^#{1,6}\s")
_TRAILER = re.compile(r"(?ms)^\s*(?:#+\s*)?(?:引用|参考依据|依据|Citations?|Sources?)\s*[:：].*\Z")


def clause_text(answer: str) -> str:
    """The provision text of an answer: fences, a trailing citation list and inline citations removed.

    Inline citations show the grounding to the drafter; they are not part of the clause a standard would
    print. Term-entry sources "[来源：…]" are part of the entry (GB/T 1.1 §8.5.4) and stay.
    """
    fenced = _FENCE.search(answer)
    text = fenced.group(1) if fenced else answer
    text = _TRAILER.sub("", text)
    text = _CITE.sub("", text)
    return re.sub(r"[ \t]+([。；，])", r"\1", text).strip()


def to_document(text: str, request: DraftRequest) -> Document:
    """Parse a drafted fragment, giving it the heading it needs to be read as the intended element."""
    body = text
    if request.task == Task.FOREWORD and "前言" not in body.split("\n", 1)[0]:
        body = "## 前言\n" + body
    elif request.task == Task.SCOPE and not _HEADING.search(body):
        body = "## 1　范围\n" + body
    elif request.task == Task.TERM:
        if not _HEADING.search(body):
            body = f"### {request.number or '3.1'}\n" + body
        # a term entry is one only inside the terms chapter, and that chapter's lead-in is not the drafter's concern
        body = "## 3　术语和定义\n下列术语和定义适用于本文件。\n\n" + body
    elif request.task in (Task.CLAUSE, Task.REWRITE) and not _HEADING.search(body) and request.number:
        body = f"#### {request.number}\n" + body
    document = parse_text(body)
    document.meta.language = "en" if request.language == "en" else "zh"
    return document
