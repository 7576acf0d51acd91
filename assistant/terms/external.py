"""Conflicts between a draft's term entries and the term base (TRM-101 … TRM-104)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import numpy as np

from assistant.document.model import Document
from assistant.terms.base import TermBase
from assistant.terms.draft import DraftTerm, domain_is_ai, is_ai_document
from assistant.terms.entries import BaseEntry, Origin
from assistant.terms.findings import TermFinding, Thresholds, content_grams, dice, overlap
from assistant.terms.normalize import en_key, has_cjk, same_designation, term_key, term_keys
from assistant.terms.vectors import DIM, Vectors


def own_entries(base: TermBase, document: Document) -> set[int]:
    """Entries that come from the draft itself (a draft checked after being ingested must not conflict with itself)."""
    meta = document.meta
    return {i for i, e in enumerate(base.entries) if e.origin != Origin.TERM_BASE and (
        (meta.source_path and e.path == meta.source_path) or (meta.designation and same_designation(e.source,
                                                                                                    meta.doc_id)))}


def lang_of(d: DraftTerm) -> str:
    return "zh" if has_cjk(d.definition) else "en"


def _comparable(d: DraftTerm, e: BaseEntry) -> bool:
    # e5 places a Chinese and an English text of one meaning far apart compared with two Chinese texts, so a
    # Chinese definition is judged only against Chinese base definitions (and English against English)
    return bool(e.text_for(lang_of(d)))


def _same_concept(d: DraftTerm, v: Vectors, base: TermBase, i: int, th: Thresholds) -> tuple[bool, float]:
    """Whether the draft's definition and entry ``i``'s describe one concept (similar meaning or wording)."""
    e = base.entries[i]
    if not _comparable(d, e):
        return (False, 0.0)
    sim = float(base.vector_of(i, lang_of(d)) @ v)
    return (sim >= th.conflict_sim or overlap(d.definition, e.text_for(lang_of(d))) >= th.conflict_overlap, sim)


def _names_match(d: DraftTerm, e: BaseEntry) -> bool:
    zh = {term_key(n) for n in d.names_zh}
    en = {en_key(n) for n in d.names_en}
    return bool(zh & {term_key(n) for n in e.names_zh()} or en & {en_key(n) for n in e.names_en()})


def _nearest_other(d: DraftTerm, v: Vectors, base: TermBase, exclude: set[int], k: int = 10) -> tuple[float, int]:
    """The most similar base definition of another concept, among the ``k`` sharing most wording with the draft's
    (the wording pass is cheap and needs no vectors, so only those few entries are embedded)."""
    lang = lang_of(d)
    mine = content_grams(d.definition)
    near = sorted(((dice(mine, g), i) for i, g in enumerate(base.grams(lang))
                   if g and i not in exclude and base.entries[i].origin != Origin.EU), reverse=True)[:k]
    scored = [(float(base.vector_of(i, lang) @ v), i) for _, i in near]
    return max(scored, default=(0.0, -1))


def definition_conflicts(doc: Document, terms: Sequence[DraftTerm], vectors: Vectors, base: TermBase,
                         skip: set[int], th: Thresholds) -> Iterator[TermFinding]:
    """TRM-101: the base defines the draft's term with a different meaning.

    e5-small scores two independent wordings of one concept anywhere from 0.93 to 0.99, so similarity alone
    cannot tell a paraphrase from another concept. Two signals are used: the draft's definition is far from every
    same-named entry (below ``conflict_sim``), or it is clearly nearer another concept of the base (过拟合
    defined as underfitting lands on 欠拟合) by at least ``conflict_gap`` and keeps that concept's key words. Shared
    wording (``conflict_overlap``) or a same-named entry at ``paraphrase_sim`` and above always reads as a
    paraphrase; below ``conflict_sim``, a definition that keeps the base definition's key concepts is the base's
    concept worded for the draft's field (``_specialises``).
    """
    if not is_ai_document(doc):
        return  # a draft of another field: its terms are homonyms of the AI base, not conflicts
    index = {id(e): i for i, e in enumerate(base.entries)}
    for d, v in zip(terms, vectors, strict=True):
        if not d.definition or not domain_is_ai(d.domain):
            continue
        same = base.by_zh(d.entry.term_zh) if d.entry.term_zh else base.by_en(d.entry.term_en)
        # the EU Article 3 definitions are legal definitions for the Regulation's scope: a technical standard's
        # term of the same name is a homonym by domain, so they are cited in lookups but never judged here
        cands = [index[id(e)] for e in same if index[id(e)] not in skip and _comparable(d, e)
                 and e.origin != Origin.EU and not _is_synonym_match(d, e)]
        if not cands:
            continue
        lang = lang_of(d)
        scored = [(float(base.vector_of(i, lang) @ v), i) for i in cands]
        sim, best = max(scored)
        if sim >= th.paraphrase_sim or any(overlap(d.definition, base.entries[i].text_for(lang)) >=
                                           th.conflict_overlap for i in cands):
            continue  # one source defines it the same way, in other words: not a conflict
        names = {term_key(n) for i in cands for n in base.entries[i].names_zh()}
        exclude = skip | set(cands) | {i for i, e in enumerate(base.entries) if term_key(e.term_zh) in names}
        other_sim, other = _nearest_other(d, v, base, exclude)
        gap = other_sim - sim if other >= 0 else 0.0
        nearer_other = gap >= th.conflict_gap and _keeps_rival(d, base, cands, other, lang)
        if not nearer_other and (sim >= (th.conflict_sim if lang == "zh" else th.conflict_sim_en)
                                 or _specialises(d, base, cands, lang, gap, th)):
            continue
        entry = base.entries[best]
        why_zh = f"，更接近{base.entries[other].citation()}（{other_sim:.2f}）" if nearer_other else ""
        why_en = f", nearer to {base.entries[other].citation('en')} ({other_sim:.2f})" if nearer_other else ""
        yield TermFinding(
            rule="TRM-101", clause=d.clause, term=d.term, entry=entry, score=sim, location=d.location,
            text=d.definition,
            message_zh=f"术语“{d.term}”的定义与{entry.citation()}的定义含义不同（相似度{sim:.2f}{why_zh}）："
                       f"{entry.text_for(lang)}",
            message_en=f"term '{d.term}' is defined with a different meaning from {entry.citation('en')} "
                       f"(similarity {sim:.2f}{why_en}): {entry.text_for(lang)}",
            suggestion=f"采用或引用已有定义：{entry.text_for(lang)}；或改用其他术语 / adopt or cite the existing "
                       f"definition, or choose another term",
        )


def _keeps_rival(d: DraftTerm, base: TermBase, cands: Sequence[int], other: int, lang: str) -> bool:
    """Whether the draft keeps at least as many of the nearer concept's key concepts as of its namesake's.

    A definition of another concept says that concept's words (过拟合 defined with 欠拟合's 过于简单, 未能刻画规律);
    a rewording of the namesake that merely lands near a rival (the field's objects it names may sit nearer, say,
    行为识别 than 目标检测 in e5's space) keeps the namesake's words instead.
    """
    own = max(base.key_coverage(d.definition, i, lang) for i in cands)
    return base.key_coverage(d.definition, other, lang) >= own


def _specialises(d: DraftTerm, base: TermBase, cands: Sequence[int], lang: str, gap: float, th: Thresholds) -> bool:
    """A low-similarity definition that is still the base's concept, worded for the draft's field.

    The evidence is the share of the base definition's key concepts the draft keeps (``key_cover``), plus how much
    nearer the same-named entry is than any other concept of the base (a negative ``gap``, weighted by
    ``gap_weight``): a specialised rewording keeps most key concepts and has no closer rival; a definition of
    another concept keeps few of them. The gap counts down to ``-gap_floor`` only: in a small or sparse base every
    rival is far, which says little about the draft.
    """
    kept = max(base.key_coverage(d.definition, i, lang) for i in cands)
    return kept - th.gap_weight * max(gap, -th.gap_floor) >= th.key_cover


def _is_synonym_match(d: DraftTerm, e: BaseEntry) -> bool:
    """The draft's term is only a listed synonym of ``e`` (the base prefers another name for the concept)."""
    if d.entry.term_zh:
        key = term_key(d.entry.term_zh)
        return key in {term_key(n) for n in e.synonyms_zh} and key not in term_keys(e.term_zh)
    # the base's English synonyms are admitted equivalents ("machine learning model" for model), not
    # deprecated names, so an English term listed there is not flagged
    return False


def synonyms(terms: Sequence[DraftTerm], vectors: Vectors, base: TermBase, skip: set[int],
             th: Thresholds) -> Iterator[TermFinding]:
    """TRM-102: the draft names a concept that the base already names differently.

    Either the draft's term is one the base lists only as a synonym of its preferred term, or it is not in the
    base at all but its definition is that of a base entry (high similarity and shared wording).
    """
    index = {id(e): i for i, e in enumerate(base.entries)}
    for d, v in zip(terms, vectors, strict=True):
        # the Chinese name decides for a Chinese term: the English one may well be the base's preferred one
        named = base.by_zh(d.entry.term_zh) if d.entry.term_zh else base.by_en(d.entry.term_en)
        listed = [e for e in named if index[id(e)] not in skip and _is_synonym_match(d, e)]
        preferred = [e for e in named if not _is_synonym_match(d, e)]
        if listed and not preferred:
            e = listed[0]
            preferred_name = e.term_zh if d.entry.term_zh else e.term_en
            yield TermFinding(
                rule="TRM-102", clause=d.clause, term=d.term, entry=e, location=d.location, text=d.term,
                message_zh=f"“{d.term}”在{e.citation()}中只是“{preferred_name}”的同义词，宜使用优选术语",
                message_en=f"'{d.term}' is only a synonym of '{preferred_name}' in {e.citation('en')}; use the "
                           f"preferred term",
                suggestion=f"改用“{preferred_name}” / use '{preferred_name}'",
            )
            continue
        if not d.definition or any(base.by_zh(n) for n in d.names_zh) or any(base.by_en(n) for n in d.names_en):
            continue
        lang = lang_of(d)
        # a synonym must share wording (synonym_overlap) as well as meaning, so the overlap — cheap, no model —
        # picks the candidates and only those few are embedded and compared
        mine = content_grams(d.definition)
        grams = base.grams(lang)
        near = sorted(((dice(mine, g), i) for i, g in enumerate(grams) if g and i not in skip), reverse=True)
        candidates = [(i, float(base.vector_of(i, lang) @ v)) for ov, i in near[:10] if ov >= th.synonym_overlap]
        for i, sim in sorted(candidates, key=lambda x: -x[1]):
            e = base.entries[i]
            if sim < th.synonym_sim:
                break
            yield TermFinding(
                rule="TRM-102", clause=d.clause, term=d.term, entry=e, score=sim, location=d.location,
                text=d.definition,
                message_zh=f"术语“{d.term}”与{e.citation()}表示同一概念（定义相似度{sim:.2f}），一个概念宜只用一个术语",
                message_en=f"term '{d.term}' names the concept that {e.citation('en')} already names "
                           f"(definition similarity {sim:.2f}); use one term per concept",
                suggestion=f"改用“{e.term}” / use '{e.term}'",
            )
            break


def english_mismatches(terms: Sequence[DraftTerm], vectors: Vectors, base: TermBase, skip: set[int],
                       th: Thresholds) -> Iterator[TermFinding]:
    """TRM-103: the English equivalent differs for the same Chinese term, or the reverse.

    A Chinese term the base lists only as a synonym is a TRM-102 finding instead; the reverse direction (same
    English, other Chinese term) is raised only when the definitions show the same concept, since English
    words such as "policy" name several concepts.
    """
    index = {id(e): i for i, e in enumerate(base.entries)}
    for d, v in zip(terms, vectors, strict=True):
        zh, en = d.entry.term_zh, d.entry.term_en
        if not zh or not en:
            continue
        by_zh = [e for e in base.by_zh(zh) if index[id(e)] not in skip and e.names_en()]
        if any(_is_synonym_match(d, e) for e in by_zh):
            continue
        if by_zh and not any(en_key(n) in {en_key(x) for x in e.names_en()} for e in by_zh for n in d.names_en):
            e = by_zh[0]
            yield TermFinding(
                rule="TRM-103", clause=d.clause, term=zh, entry=e, text=en, location=d.location,
                message_zh=f"术语“{zh}”的英文对应词“{en}”与{e.citation()}的“{e.term_en}”不一致",
                message_en=f"the English equivalent '{en}' of '{zh}' differs from '{e.term_en}' in {e.citation('en')}",
                suggestion=e.term_en,
            )
            continue
        by_en = [e for e in base.by_en(en) if index[id(e)] not in skip and e.names_zh()
                 and _same_concept(d, v, base, index[id(e)], th)[0]]
        if by_en and not by_zh and not any(term_key(n) in {term_key(x) for x in e.names_zh()}
                                           for e in by_en for n in d.names_zh):
            e = by_en[0]
            yield TermFinding(
                rule="TRM-103", clause=d.clause, term=zh, entry=e, text=en, location=d.location,
                message_zh=f"英文术语“{en}”在{e.citation()}中的中文术语为“{e.term_zh}”，本文件为“{zh}”",
                message_en=f"'{en}' is '{e.term_zh}' in {e.citation('en')}, but '{zh}' in this draft",
                suggestion=e.term_zh,
            )


_SOURCE = re.compile(r"^\s*(?P<doc>.+?)\s*[，,]\s*(?P<num>(?:Article\s*)?[A-Z]?\d+(?:\.\d+)*(?:\s*[（(]\d+[)）])?"
                     r"|第\s*\d+\s*条[^，,]*)")


def parse_source(source: str) -> tuple[str, str] | None:
    """"ISO/IEC 22989:2022，3.1.4，有修改" → ("ISO/IEC 22989:2022", "3.1.4")."""
    m = _SOURCE.match(source)
    return (m["doc"].strip(), m["num"].strip()) if m else None


def source_mismatches(terms: Sequence[DraftTerm], base: TermBase) -> Iterator[TermFinding]:
    """TRM-104: "[来源：X，n]" where entry n of X defines another term (or X has no entry n)."""
    for d in terms:
        parsed = parse_source(d.entry.source)
        if parsed is None or not base.knows_document(parsed[0]):
            continue
        doc, number = parsed
        there = base.at(doc, number)
        if there and _modified_narrower(d, there):
            continue
        if there and not any(_names_match(d, e) for e in there):
            e = next((x for x in there if x.origin != Origin.TERM_BASE), there[0])
            yield TermFinding(
                rule="TRM-104", clause=d.clause, term=d.term, entry=e, text=d.entry.source, location=d.location,
                message_zh=f"来源“{doc}，{number}”界定的是“{e.term}”而不是“{d.term}”",
                message_en=f"source '{doc}, {number}' defines '{e.term_en or e.term}', not '{d.term}'",
                suggestion=_right_place(d, base, doc) or "核对来源的条目编号 / check the cited entry number",
            )
        elif not there and any(same_designation(doc, s) for s in _complete_sources(base)):
            yield TermFinding(
                rule="TRM-104", clause=d.clause, term=d.term, text=d.entry.source, location=d.location,
                message_zh=f"来源“{doc}”中没有编号为{number}的术语条目",
                message_en=f"source '{doc}' has no term entry numbered {number}",
                suggestion=_right_place(d, base, doc) or "核对来源的条目编号 / check the cited entry number",
            )


def _modified_narrower(d: DraftTerm, there: list[BaseEntry]) -> bool:
    """"[来源：X，n，有修改]" for a narrower concept with the source's head word (样例系统 from 人工智能系统):
    GB/T 1.1 lets a drafter adapt a source definition, so this is an adaptation, not a wrong citation."""
    if not re.search(r"有修改|modified", d.entry.source, re.IGNORECASE):
        return False
    zh, en = term_key(d.entry.term_zh), d.entry.term_en.split()
    return any((len(zh) > 2 and term_key(e.term_zh)[-2:] == zh[-2:]) or
               (bool(en) and bool(e.term_en) and en_key(e.term_en.split()[-1]) == en_key(en[-1]))
               for e in there)


def _complete_sources(base: TermBase) -> set[str]:
    return {e.source for e in base.entries if e.origin != Origin.TERM_BASE}


def _right_place(d: DraftTerm, base: TermBase, doc: str) -> str:
    """Where ``doc`` does define the draft's term, if the base knows."""
    for e in [*base.by_zh(d.entry.term_zh), *base.by_en(d.entry.term_en)]:
        if e.origin != Origin.TERM_BASE and same_designation(e.source, doc) and e.number:
            return f"{doc}，{e.number}"
        for ref in e.references:
            if ref.number and same_designation(ref.designation, doc):
                return f"{doc}，{ref.number}"
    return ""


def draft_vectors(terms: Sequence[DraftTerm], base: TermBase) -> Vectors:
    texts = [d.definition or d.term for d in terms]
    return base.embed(texts) if texts else np.zeros((0, DIM), dtype=np.float32)
