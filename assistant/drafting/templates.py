"""No-LLM mode: element templates filled from metadata and the term base, labelled as templates.

These are the parts of GB/T 1.1—2020 whose wording is fixed or formulaic (the foreword's drafting-rules and
patent sentences, the normative-references lead-in, the scope's two sentence openings, the term-entry layout),
so a template is a real answer for them; for everything else the template is a skeleton and the most
similar corpus clauses are offered beside it as cited examples.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from assistant.document.model import DocumentMeta
from assistant.drafting.context import ContextUnit
from assistant.drafting.tasks import ClauseKind, DraftRequest, Task
from assistant.terms.termbase import TermRecord, load_term_base

NO_LLM_LABEL = "【无LLM模式：模板 / no-LLM mode: template】"
DRAFTING_RULES = ("本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》"
                  "的规定起草。")
PATENT = "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"
NORMATIVE_LEAD_IN = ("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
                     "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。")
NO_REFERENCES = "本文件没有规范性引用文件。"


def subject(meta: DocumentMeta) -> str:
    title = re.sub(r"[（(]样例[）)]", "", meta.title_zh or meta.title_en)
    return re.sub(r"[\s\u3000]+", "", title) or "……"


def scope(meta: DocumentMeta) -> str:
    return f"## 1　范围\n本文件规定了{subject(meta)}的……。\n\n本文件适用于……。"


def foreword(meta: DocumentMeta) -> str:
    parts = ["## 前言", DRAFTING_RULES]
    if meta.replaces:
        parts.append(f"本文件代替{meta.replaces}，与{meta.replaces}相比，除结构调整和编辑性改动外，主要技术变化如下：\n——……。")
    if meta.adoption:
        verb = {"IDT": "等同采用", "MOD": "修改采用", "NEQ": "参考"}[meta.adoption.degree.value]
        parts.append(f"本文件{verb}{meta.adoption.source}。")
    parts += [PATENT, "本文件由……提出。", "本文件由……归口。", "本文件起草单位：……。", "本文件主要起草人：……。"]
    return "\n\n".join(parts)


def normative_references() -> str:
    return f"## 2　规范性引用文件\n{NORMATIVE_LEAD_IN}\n\n……\n\n（没有规范性引用文件时写：{NO_REFERENCES}）"


def find_term(text: str, terms_dir: Path) -> TermRecord | None:
    """The term-base record whose name occurs in the request; the longest name wins ("人工智能系统" over "人工智能")."""
    best: tuple[int, TermRecord] | None = None
    lowered = text.lower()
    for record in load_term_base(terms_dir):
        for name in [*record.names_zh(), *record.names_en()]:
            if name and name.lower() in lowered and (best is None or len(name) > best[0]):
                best = (len(name), record)
    return best[1] if best else None


def term_reference(record: TermRecord) -> str:
    ref = record.references[0] if record.references else None
    if ref is None:
        return ""
    return f"{ref.designation}，{ref.number}" if ref.number else ref.designation


def term_entry(request: DraftRequest, record: TermRecord | None) -> str:
    number = request.number or "3.1"
    if record is None:
        name = request.clause_text or "……"
        return f"### {number}\n**{name}**　……\n……（定义：上位概念＋区别特征，不以“是”开头，不以句号结尾）"
    en = record.term_en or "……"
    definition = (record.definition_zh or "……") if request.language == "zh" else (record.definition_en or "……")
    entry = f"### {number}\n**{record.term_zh}**　{en}\n{definition}"
    ref = term_reference(record)
    if ref and not record.own_words:
        entry += f"\n\n[来源：{ref}]"
    return entry


def clause_skeleton(request: DraftRequest) -> str:
    number = request.number or "X.X"
    if request.clause_kind == ClauseKind.TEST_METHOD:
        return (f"#### {number}　……试验方法\n"
                "a）原理：……；\nb）试验条件：……；\nc）试验步骤：……；\nd）结果判定：……。")
    if request.clause_kind == ClauseKind.GENERAL:
        return f"#### {number}　一般要求\n……宜……。"
    return f"#### {number}　……\n……应……（特性、数值和单位、条件），验证方法见……。"


def rewrite_hints(clause: str) -> str:
    from assistant.requirements.detectors import detect

    detections = detect(clause) if clause else []
    if not detections:
        return clause or "（未给出待改写的条款 / no clause given to rewrite）"
    hints = "\n".join(f"——{d.rule}：{d.reason_zh}；建议：{d.suggestion}" for d in detections)
    return f"{clause}\n\n问题与改写框架 findings and template wording:\n{hints}"


def examples(units: Sequence[ContextUnit], n: int = 3, max_chars: int = 300) -> str:
    """The most similar corpus units, quoted with their citations, as examples to draft from."""
    if not units:
        return ""
    lines = ["相似条款示例 Similar clauses from the corpus:"]
    for u in units[:n]:
        text = u.text if len(u.text) <= max_chars else u.text[:max_chars] + "……"
        lines.append(f"> {text.replace(chr(10), chr(10) + '> ')}\n> [{u.citation}]")
    return "\n\n".join(lines)


def answer_without_llm(units: Sequence[ContextUnit]) -> str:
    if not units:
        return "检索到的语料中没有相关单元 / nothing relevant in the corpus."
    return "未配置大模型，以下为最相关的语料单元 / no LLM configured; the most relevant corpus units:"


def element(request: DraftRequest, terms_dir: Path) -> str:
    """The template text of the requested element (the part that is parsed and checked)."""
    if request.task == Task.SCOPE:
        return scope(request.meta)
    if request.task == Task.FOREWORD:
        return foreword(request.meta)
    if request.task == Task.REFERENCES:
        return normative_references()
    if request.task == Task.TERM:
        return term_entry(request, find_term(request.clause_text or request.request, terms_dir))
    if request.task == Task.CLAUSE:
        return clause_skeleton(request)
    if request.task == Task.REWRITE:
        return rewrite_hints(request.clause_text)
    return ""
