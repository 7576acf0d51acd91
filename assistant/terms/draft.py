"""What the term checks read from a draft: its term entries and the text where terms are used."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.checks.context import clause_label
from assistant.document.model import ClauseKind, Document, SourceLocation, TermEntry, block_text
from assistant.terms.entries import term_entries
from assistant.terms.normalize import en_key, has_cjk, term_key

# words in a title or scope that put a draft in the AI domain of the term base; without any of them the draft
# belongs to another field, and a term the base defines differently is a homonym there, not a conflict
AI_DOMAIN_WORDS = ("人工智能", "智能", "机器学习", "深度学习", "神经网络", "大模型", "模型", "算法", "数据", "算力",
                   "芯片", "智能体", "生成式", "自然语言", "计算机视觉", "可信", "artificial intelligence", " ai",
                   "machine learning", "model", "data", "algorithm", "neural", "computing")
AI_DOMAIN_LABELS = ("人工智能", "通用", "数据", "机器学习", "大模型", "智能体", "安全", "可信", "风险", "自然语言",
                    "计算机视觉", "芯片", "计算", "信息技术", "ai")


@dataclass
class DraftTerm:
    clause: str
    entry: TermEntry
    names_zh: list[str]
    names_en: list[str]
    definition: str
    domain: str
    location: SourceLocation | None

    @property
    def term(self) -> str:
        return self.entry.term_zh or self.entry.term_en

    @property
    def key(self) -> str:
        return term_key(self.entry.term_zh) if self.entry.term_zh else "en:" + en_key(self.entry.term_en)


@dataclass
class DraftText:
    """The draft's running text by clause, outside its own term entries (where use of a term counts)."""

    pieces: list[tuple[str, str]] = field(default_factory=list)  # (clause label, text)
    locations: list[SourceLocation | None] = field(default_factory=list)  # one per piece
    term_pieces: list[tuple[str, str]] = field(default_factory=list)  # text inside term entries (notes, defs)


def draft_terms(document: Document) -> list[DraftTerm]:
    return [DraftTerm(clause=clause_label(p.clause), entry=p.entry, names_zh=p.names_zh, names_en=p.names_en,
                      definition=p.definition, domain=p.domain, location=p.entry.location or p.clause.location)
            for p in term_entries(document)]


def draft_text(document: Document) -> DraftText:
    text = DraftText()
    for clause in document.walk():
        label = clause_label(clause)
        for block in clause.blocks:
            if isinstance(block, TermEntry):
                rest = [block.definition, *(n.text for n in block.notes), *(e.text for e in block.examples)]
                text.term_pieces.append((label, "\n".join(rest)))
            else:
                text.pieces.append((label, block_text(block)))
                text.locations.append(block.location or clause.location)
        if clause.title and clause.kind != ClauseKind.TERM:
            text.pieces.append((label, clause.title))
            text.locations.append(clause.location)
    return text


def is_ai_document(document: Document) -> bool:
    """Whether the draft is in the field the term base covers (see AI_DOMAIN_WORDS)."""
    meta = document.meta
    scope = next((c for c in document.clauses if c.title.strip() in ("范围", "Scope")), None)
    words = " ".join([meta.title_zh, meta.title_en, scope.text() if scope is not None else ""]).lower()
    return any(w in words for w in AI_DOMAIN_WORDS)


def domain_is_ai(label: str) -> bool:
    return not label or any(w in label.lower() for w in AI_DOMAIN_LABELS)


def cited_documents(document: Document) -> list[str]:
    """Designations the draft cites anywhere (normative references, the chapter 3 lead-in, the body)."""
    found: list[str] = []
    pattern = re.compile(r"(?:GB/[TZ]|GB|ISO/IEC(?: TR| TS)?|ISO|IEC)\s*\d+(?:\.\d+)*(?:[—–\-:]\s*\d{4})?")
    for clause in document.walk():
        for block in clause.blocks:
            designation = getattr(block, "designation", "")
            if designation:
                found.append(designation)
            found += pattern.findall(block_text(block))
    return found


def zh_like(text: str) -> bool:
    return has_cjk(text)
