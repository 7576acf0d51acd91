"""Which clauses a document's test-method chapter covers: their thresholds have a method, by reference."""

from __future__ import annotations

import re

from assistant.document.model import ClauseKind, Document

_METHOD_TITLES = re.compile(r"测试方法|试验方法|检验方法|测试|试验|test methods?|testing", re.I)
_CLAUSE_REF = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,3}){1,5}|[A-Z]\.\d{1,3}(?:\.\d{1,3})*)(?![\d.]*\d)")


def clauses_with_methods(document: Document) -> set[str]:
    """Clause numbers cited inside the test-method chapter (often a table mapping requirements to tests)."""
    covered: set[str] = set()
    for chapter in document.clauses:
        if chapter.kind != ClauseKind.CHAPTER or not _METHOD_TITLES.search(chapter.title):
            continue
        for clause in chapter.walk():
            for number in _CLAUSE_REF.findall(clause.text()):
                if not number.startswith(chapter.number + "."):
                    covered.add(number)
    return covered
