"""Faults inside one draft (TRM-105 … TRM-109): duplicates, one definition for two terms, undefined and unused
terms, and variant spellings of a term."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.document.model import Document, SourceLocation
from assistant.terms.base import TermBase
from assistant.terms.draft import DraftTerm, DraftText, cited_documents
from assistant.terms.entries import BaseEntry
from assistant.terms.findings import TermFinding, Thresholds, overlap
from assistant.terms.normalize import (
    en_key,
    fold_chars,
    fold_words,
    has_cjk,
    surface,
    term_key,
    word_variants,
)
from assistant.terms.vectors import Vectors


def duplicates(terms: Sequence[DraftTerm]) -> Iterator[TermFinding]:
    """TRM-105: one term defined twice."""
    first: dict[str, DraftTerm] = {}
    for d in terms:
        if d.key in first:
            f = first[d.key]
            yield TermFinding(
                rule="TRM-105", clause=d.clause, term=d.term, location=d.location, text=d.definition,
                message_zh=f"术语“{d.term}”已在{f.clause}中界定，在此再次界定",
                message_en=f"term '{d.term}' is already defined in {f.clause} and is defined again here",
                suggestion=f"删除重复条目，保留{f.clause} / delete the duplicate entry, keep {f.clause}",
            )
        else:
            first[d.key] = d


def same_definitions(terms: Sequence[DraftTerm], vectors: Vectors, th: Thresholds) -> Iterator[TermFinding]:
    """TRM-106: two different terms with one definition (two names for one concept)."""
    flagged: set[int] = set()
    for j, d in enumerate(terms):
        for i in range(j):
            e = terms[i]
            if d.key == e.key or not d.definition or not e.definition or j in flagged:
                continue
            same_text = fold_words(d.definition) == fold_words(e.definition)
            sim = float(vectors[i] @ vectors[j])
            if same_text or (sim >= th.same_sim and overlap(d.definition, e.definition) >= th.same_overlap):
                flagged.add(j)
                yield TermFinding(
                    rule="TRM-106", clause=d.clause, term=d.term, location=d.location, text=d.definition, score=sim,
                    message_zh=f"术语“{d.term}”与{e.clause}“{e.term}”的定义相同，同一概念宜只用一个术语",
                    message_en=f"'{d.term}' has the same definition as '{e.term}' ({e.clause}); one concept, one term",
                    suggestion="保留一个术语，另一个作为许用术语 / keep one term; list the other as admitted",
                )


def _occurs(name: str, folded_text: str) -> bool:
    key = fold_words(name)
    if not key:
        return False
    if has_cjk(key):
        return key in folded_text
    return re.search(rf"(?<![a-z0-9]){re.escape(key)}(?![a-z0-9])", folded_text) is not None


def unused(terms: Sequence[DraftTerm], text: DraftText) -> Iterator[TermFinding]:
    """TRM-108: a defined term never used outside its own entry."""
    body = fold_words("\n".join(t for _, t in text.pieces))
    for d in terms:
        # a term used in another term's definition or note is used (GB/T 1.1 cross-references rely on it)
        others = fold_words("\n".join(t for label, t in text.term_pieces if label != d.clause))
        names = [*d.names_zh, *d.names_en]
        if not any(_occurs(n, body) or _occurs(n, others) for n in names):
            yield TermFinding(
                rule="TRM-108", clause=d.clause, term=d.term, location=d.location,
                message_zh=f"术语“{d.term}”已界定但在正文中未使用",
                message_en=f"term '{d.term}' is defined but never used in the text",
                suggestion="删除该条目或在正文中使用 / delete the entry or use the term",
            )


# a term marked as one in running text: "…（English term）" after a Chinese phrase, or a quoted phrase; the quotes
# may close before the gloss (“数据投毒”（data poisoning）) or after it (“数据投毒（data poisoning）”), both usual
# (straight quotes too: drafts typed on an English keyboard use them)
_WITH_ENGLISH = re.compile(r"([“「\"]?)([\u4e00-\u9fff]{2,12})([”」\"]?)[（(]\s*([A-Za-z][A-Za-z \-]{2,60}?)\s*[)）]"
                           r"([”」\"]?)")
_QUOTED = re.compile(r"[“「\"]([\u4e00-\u9fff]{2,12})[”」\"](?![（(])")
_EN_QUOTED = re.compile(r"[\"“]([A-Za-z][A-Za-z\-]+(?: [A-Za-z\-]+){0,4})[\"”](\s*\([A-Z]{2,6}\))?")
_EN_ABBREVIATED = re.compile(r"\b([A-Za-z][a-z\-]+(?: [a-z\-]+){1,4}) \(([A-Z]{2,6})\)")
# clauses whose phrases are not uses of terms: abbreviation and symbol lists define their own, the foreword and
# the bibliography describe other documents
_NOT_TEXT = ("前言", "参考文献", "Foreword", "Bibliography")
_LISTS = re.compile(r"缩略语|符号|abbreviat|symbol", re.IGNORECASE)


def undefined(doc: Document, terms: Sequence[DraftTerm], text: DraftText, base: TermBase) -> Iterator[TermFinding]:
    """TRM-107: a term used in the text, not defined in the draft, and not in a terminology document it cites.

    Only phrases marked as terms are candidates, and only when the marking is strong — quoted *and* glossed with
    its English equivalent (or abbreviation) — or the phrase is a term of the base: a quoted word is often only
    emphasis ("零幻觉"), and a gloss such as "中央处理器（CPU）" is an explanation, not a term. A base term is
    covered when the draft cites a document that defines it.
    """
    defined = {term_key(n) for d in terms for n in d.names_zh} | {"en:" + en_key(n) for d in terms
                                                                  for n in d.names_en}
    covered = base.from_documents(cited_documents(doc))
    index = {id(e): i for i, e in enumerate(base.entries)}
    lists = {c.number or c.title for c in doc.walk() if _LISTS.search(c.title)}
    seen: set[str] = set()
    for (label, piece), where in zip(text.pieces, text.locations, strict=True):
        if label in _NOT_TEXT or label in lists or label.split(".")[0] in lists:
            continue
        for name, en, strong in _marked(piece, base):
            key = term_key(name) if has_cjk(name) else "en:" + en_key(name)
            if key in seen or key in defined or ("en:" + en_key(en) if en else "") in defined:
                continue
            known = (base.by_zh(name) if has_cjk(name) else []) or (base.by_en(en) if en else [])
            if not (strong or known) or (known and any(index[id(e)] in covered for e in known)):
                continue
            seen.add(key)
            yield _undefined(name, label, where, known[0] if known else None)


def _undefined(name: str, label: str, where: SourceLocation | None, known: BaseEntry | None) -> TermFinding:
    hint = f"；术语库中见{known.citation()}" if known else ""
    hint_en = f"; the term base has it in {known.citation('en')}" if known else ""
    return TermFinding(
        rule="TRM-107", clause=label, term=name, entry=known, text=name, location=where,
        message_zh=f"术语“{name}”在正文中使用但未在第3章界定，也不在所引用的术语文件中{hint}",
        message_en=f"term '{name}' is used in the text but defined neither in clause 3 nor in a cited "
                   f"terminology document{hint_en}",
        suggestion="在第3章增加该术语条目或引用界定它的文件 / add an entry in clause 3 or cite a document "
                   "defining it",
    )


_BOUNDARY = re.compile(r"[的了和与及或对在将把由为是即应可宜能于从向以被等称其该此各]")


def _marked(piece: str, base: TermBase) -> Iterator[tuple[str, str, bool]]:
    """(phrase, English equivalent or "", strongly marked) for each phrase the text marks as a term."""
    for m in _WITH_ENGLISH.finditer(piece):
        quoted = bool(m.group(1) and (m.group(3) or m.group(5)))
        zh = m.group(2) if quoted else _phrase(m.group(2), m.group(4).strip(), base)
        if len(zh) >= 2:
            yield zh, m.group(4).strip(), quoted
    for m in _QUOTED.finditer(piece):
        yield m.group(1), "", False
    for m in _EN_QUOTED.finditer(piece):
        yield m.group(1), m.group(1), bool(m.group(2))
    for m in _EN_ABBREVIATED.finditer(piece):
        # "… when federated learning (FL) is used": the term is as many words as its abbreviation has letters
        words = " ".join(m.group(1).split()[-len(m.group(2)):])
        yield words, words, False


def _phrase(run: str, english: str, base: TermBase) -> str:
    """The term at the end of a run of Chinese characters: "系统应防御提示注入" → "提示注入".

    The longest tail the base knows wins; otherwise the tail after the last function character (应, 的, 对 …),
    since running text rarely puts those inside a term.
    """
    for start in range(len(run) - 1):
        if base.by_zh(run[start:]):
            return run[start:]
    if base.by_en(english):
        return run[-len(base.by_en(english)[0].term_zh):] if base.by_en(english)[0].term_zh else run
    cuts = [m.end() for m in _BOUNDARY.finditer(run) if m.end() <= len(run) - 2]
    return run[cuts[-1]:] if cuts else run


def variants(terms: Sequence[DraftTerm], text: DraftText, base: TermBase) -> Iterator[TermFinding]:
    """TRM-109: a defined term written in another form (全角/半角, 繁体, 体系/系统) in the text, or defined in a
    variant form of the base's term."""
    known = {surface(n) for d in terms for n in [*d.names_zh, *d.names_en]}
    # folded once for all terms: folding is most of the cost of this rule on a long draft
    pieces = [(label, piece, fold_chars(piece)) for label, piece in [*text.pieces, *text.term_pieces]]
    uses = [u for d in terms for name in [*d.names_zh, *d.names_en] for u in _variant_uses(d, name, pieces, known)]
    reported: set[tuple[int, str, str]] = set()
    for use in _outermost(uses):
        key = (id(use.term), use.name, surface(use.finding.text))
        if key not in reported:  # each variant spelling of a name once, where it first occurs
            reported.add(key)
            yield use.finding
    for d in terms:
        for e in base.by_zh(d.entry.term_zh) if d.entry.term_zh else []:
            forms = [n for n in e.names_zh() if term_key(n) == term_key(d.entry.term_zh)]
            if forms and all(surface(f) != surface(d.entry.term_zh) for f in forms):
                yield TermFinding(
                    rule="TRM-109", clause=d.clause, term=d.term, entry=e, text=d.entry.term_zh,
                    location=d.location,
                    message_zh=f"术语“{d.term}”是{e.citation()}中“{forms[0]}”的异体写法",
                    message_en=f"'{d.term}' is a variant form of '{forms[0]}' in {e.citation('en')}",
                    suggestion=forms[0],
                )
                break


@dataclass(frozen=True)
class _Use:
    """One occurrence of a variant spelling: which piece of text and where in it."""

    term: DraftTerm
    name: str
    piece: int
    start: int
    end: int
    finding: TermFinding


def _outermost(uses: list[_Use]) -> list[_Use]:
    """One misspelling, one finding: "ＡＭＲ集群调度" is reported for the term AMR集群调度, not again for its
    abbreviation AMR, whose variant "ＡＭＲ" lies inside that very occurrence (elsewhere it still counts)."""
    by_piece: dict[int, list[_Use]] = {}
    for u in uses:
        by_piece.setdefault(u.piece, []).append(u)
    return [u for u in uses if not any(v.start <= u.start and u.end <= v.end and v.end - v.start > u.end - u.start
                                       for v in by_piece[u.piece])]


def _variant_uses(d: DraftTerm, name: str, pieces: list[tuple[str, str, str]], known: set[str]) -> Iterator[_Use]:
    if not has_cjk(name):
        yield from _latin_variant_uses(d, name, pieces)
        return
    base_form = fold_chars(name)
    if len(base_form) < 2:
        return
    # 体系 for 系统 inside a short term is another word (体系结构), not a variant: word swaps need 4+ characters
    forms = word_variants(base_form) if len(base_form) >= 4 else {base_form}
    for p, (label, piece, folded) in enumerate(pieces):
        if not any(form in folded for form in forms):
            continue
        for form in forms:
            start = folded.find(form)
            while start >= 0:
                raw = piece[start:start + len(form)]
                if surface(raw) != surface(name) and surface(raw) not in known \
                        and _bounded(folded, start, len(form), form):
                    yield _Use(d, name, p, start, start + len(form), _variant(d, name, raw, label))
                start = folded.find(form, start + 1)


def _latin_variant_uses(d: DraftTerm, name: str, pieces: list[tuple[str, str, str]]) -> Iterator[_Use]:
    """"data pre-processing" for "data preprocessing", "lifecycle" for "life cycle": spacing and hyphens."""
    letters = re.sub(r"[^a-z0-9]", "", fold_chars(name))
    if len(letters) < 2:
        return
    # full-width letters fold to ASCII before matching, so ＡＩ for AI is found too
    pattern = re.compile(r"(?<![a-z0-9])" + r"[\s\-]?".join(map(re.escape, letters)) + r"(?![a-z0-9])")
    canonical = " ".join(fold_chars(name).split())
    # other defined names spelled exactly so are not variants (a spacing difference does matter here)
    known_latin = {" ".join(fold_chars(k).split()) for k in d.names_en if k != name}
    for p, (label, piece, folded) in enumerate(pieces):
        for m in pattern.finditer(folded):
            raw = piece[m.start():m.end()]
            if " ".join(fold_chars(raw).split()) == canonical and raw == " ".join(raw.split()) and \
                    raw.isascii():
                continue  # the same spelling (case aside)
            spelled = " ".join(fold_chars(raw).split())
            if spelled in known_latin or "\n" in raw:
                continue
            if raw.isascii() and " ".join(raw.lower().split()) == canonical:
                continue
            yield _Use(d, name, p, m.start(), m.end(), _variant(d, name, raw, label))


def _variant(d: DraftTerm, name: str, raw: str, label: str) -> TermFinding:
    return TermFinding(
        rule="TRM-109", clause=label, term=d.term, text=raw,
        message_zh=f"“{raw}”是术语“{name}”（{d.clause}）的异体写法",
        message_en=f"'{raw}' is a variant form of the term '{name}' ({d.clause})",
        suggestion=name,
    )


def _bounded(folded: str, start: int, length: int, key: str) -> bool:
    if has_cjk(key):
        return True
    before = folded[start - 1] if start > 0 else " "
    after = folded[start + length] if start + length < len(folded) else " "
    return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())
