"""BM25 over one language's units (bm25s), with the arrays that filters need, saved to disk.

Each language has its own index: IDF statistics of English text say nothing about Chinese text,
and searching languages separately is what keeps the cross-language merge fair.  The index is built
from the tokens stored in the manifest (never by re-tokenising) and saved under a directory named
by the manifest version, so a restart loads it instead of rebuilding.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
from numpy.typing import NDArray

from retrieval.config import LexicalConfig
from retrieval.manifest import UnitRow
from retrieval.protocols import VectorFilter

# bm25s warns through logging when the corpus is tiny; that is our tests' normal case.
logging.getLogger("bm25s").setLevel(logging.ERROR)

_NORMATIVE_CODE = {True: 1, False: 0, None: -1}


class LanguageLexicon:
    """BM25 plus row-id and metadata arrays aligned with BM25's document positions."""

    def __init__(
        self,
        bm25: bm25s.BM25 | None,
        rows: NDArray[np.int64],
        doc_codes: NDArray[np.int32],
        doc_vocab: list[str],
        kind_codes: NDArray[np.int32],
        kind_vocab: list[str],
        normative: NDArray[np.int8],
    ) -> None:
        self.bm25 = bm25
        self.rows = rows
        self.doc_codes = doc_codes
        self.doc_vocab = doc_vocab
        self.kind_codes = kind_codes
        self.kind_vocab = kind_vocab
        self.normative = normative

    def __len__(self) -> int:
        return int(self.rows.shape[0])

    def positions(self, rows: NDArray[np.int64]) -> NDArray[np.int64]:
        """Positions of ``rows`` in this lexicon (whose own rows are sorted), -1 where it has none."""
        if len(self) == 0:
            return np.full(rows.shape, -1, dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.rows, rows), len(self) - 1)
        return np.where(self.rows[pos] == rows, pos, -1).astype(np.int64)

    @classmethod
    def build(cls, units: Sequence[UnitRow], config: LexicalConfig) -> LanguageLexicon:
        doc_vocab = sorted({u.doc_id for u in units})
        kind_vocab = sorted({u.kind for u in units})
        doc_index = {d: i for i, d in enumerate(doc_vocab)}
        kind_index = {k: i for i, k in enumerate(kind_vocab)}
        bm25: bm25s.BM25 | None = None
        if units:
            bm25 = bm25s.BM25(k1=config.k1, b=config.b, method=config.method)
            # an empty token list would make bm25s infer the wrong corpus type; "" is its empty token
            bm25.index([u.tokens or [""] for u in units], show_progress=False)
        return cls(
            bm25=bm25,
            rows=np.fromiter((u.row for u in units), dtype=np.int64, count=len(units)),
            doc_codes=np.fromiter((doc_index[u.doc_id] for u in units), dtype=np.int32, count=len(units)),
            doc_vocab=doc_vocab,
            kind_codes=np.fromiter((kind_index[u.kind] for u in units), dtype=np.int32, count=len(units)),
            kind_vocab=kind_vocab,
            normative=np.fromiter(
                (_NORMATIVE_CODE[u.normative] for u in units), dtype=np.int8, count=len(units)
            ),
        )

    # -- filtering ----------------------------------------------------------------------------
    def mask(self, flt: VectorFilter | None) -> NDArray[np.bool_] | None:
        """Positions that pass ``flt`` (None: all of them)."""
        if flt is None or flt.is_empty:
            return None
        keep = np.ones(len(self), dtype=np.bool_)
        if flt.doc_ids is not None:
            codes = [i for i, d in enumerate(self.doc_vocab) if d in set(flt.doc_ids)]
            keep &= np.isin(self.doc_codes, codes)
        if flt.kinds is not None:
            codes = [i for i, k in enumerate(self.kind_vocab) if k in set(flt.kinds)]
            keep &= np.isin(self.kind_codes, codes)
        if flt.normative is not None:
            keep &= self.normative == _NORMATIVE_CODE[flt.normative]
        return keep

    def without_kinds(self, kinds: Sequence[str]) -> NDArray[np.bool_] | None:
        """Positions whose kind is not one of ``kinds``; None when no unit has those kinds."""
        codes = [i for i, k in enumerate(self.kind_vocab) if k in set(kinds)]
        if not codes:
            return None
        return ~np.isin(self.kind_codes, codes)

    # -- scoring ------------------------------------------------------------------------------
    def _scores(self, tokens: Sequence[str]) -> NDArray[np.float32] | None:
        assert self.bm25 is not None
        ids = self.bm25.get_tokens_ids(list(tokens))
        if not ids:
            return None
        return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)

    def search(
        self,
        tokens: Sequence[str],
        k: int,
        *,
        extra_tokens: Sequence[str] = (),
        extra_weight: float = 1.0,
        references: Sequence[str] = (),
        keep: NDArray[np.bool_] | None = None,
    ) -> list[tuple[int, float]]:
        """Top ``k`` (row, score) with a positive score among positions ``keep`` (see ``mask``);
        ``extra_tokens`` (glossary translations) count ``extra_weight`` times.

        Units holding one of the ``references`` tokens (a unit number the query names, see
        references.py) get the best text score on top of their own: a lookup by number must find the
        numbered unit whatever its length, which BM25's length normalisation would hold against it.
        """
        if self.bm25 is None or k <= 0:
            return []
        scores = self._scores(tokens)
        extra = [t for t in dict.fromkeys(extra_tokens) if t not in set(tokens)]
        if extra and extra_weight > 0:
            more = self._scores(extra)
            if more is not None:
                scores = more * extra_weight if scores is None else scores + more * extra_weight
        named = self._scores(list(dict.fromkeys(references))) if references else None
        if named is not None:
            bonus = max(float(scores.max()), 1.0) if scores is not None else 1.0
            hit = (named > 0).astype(np.float32) * bonus
            scores = hit if scores is None else scores + hit
        if scores is None:
            return []
        if keep is not None:
            scores = np.where(keep, scores, 0.0).astype(np.float32)
        positive = int(np.count_nonzero(scores > 0))
        n = min(k, positive)
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.rows[i]), float(scores[i])) for i in top if scores[i] > 0]

    # -- persistence --------------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        if self.bm25 is not None:
            self.bm25.save(str(directory / "bm25"), show_progress=False)
        np.savez(
            directory / "arrays.npz",
            rows=self.rows,
            doc_codes=self.doc_codes,
            kind_codes=self.kind_codes,
            normative=self.normative,
        )
        (directory / "vocab.json").write_text(
            json.dumps({"docs": self.doc_vocab, "kinds": self.kind_vocab}, ensure_ascii=False),
            encoding="utf-8",
        )

    @classmethod
    def load(cls, directory: Path) -> LanguageLexicon:
        arrays = np.load(directory / "arrays.npz")
        vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        bm25 = None
        if (directory / "bm25").is_dir():
            bm25 = bm25s.BM25.load(str(directory / "bm25"), show_progress=False)
        return cls(
            bm25=bm25,
            rows=arrays["rows"],
            doc_codes=arrays["doc_codes"],
            doc_vocab=list(vocab["docs"]),
            kind_codes=arrays["kind_codes"],
            kind_vocab=list(vocab["kinds"]),
            normative=arrays["normative"],
        )


class LexiconStore:
    """Saved lexicons under ``<index_dir>/lexical``: one directory per (language, version, tokenizer),
    and a small pointer file switched by atomic rename, so a crash mid-save never leaves a torn index."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _pointer(self, language: str) -> Path:
        return self.root / f"{language}.json"

    def load(self, language: str, version: int, tokenizer: str) -> LanguageLexicon | None:
        try:
            pointer = json.loads(self._pointer(language).read_text(encoding="utf-8"))
            if pointer.get("version") != version or pointer.get("tokenizer") != tokenizer:
                return None
            return LanguageLexicon.load(self.root / str(pointer["dir"]))
        except (OSError, ValueError, KeyError):
            return None  # missing or damaged: the caller rebuilds from the manifest

    def save(self, language: str, version: int, tokenizer: str, lexicon: LanguageLexicon) -> None:
        name = f"{language}-v{version}-{tokenizer}"
        target = self.root / name
        if not target.exists():
            # Written aside and renamed, so another process never sees (or deletes) a half-written index.
            staging = self.root / f".{name}.{os.getpid()}.tmp"
            shutil.rmtree(staging, ignore_errors=True)
            lexicon.save(staging)
            try:
                os.rename(staging, target)
            except OSError:  # another process saved the same version first: theirs is as good
                shutil.rmtree(staging, ignore_errors=True)
        tmp = self._pointer(language).with_suffix(f".json.{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps({"version": version, "tokenizer": tokenizer, "dir": name}), encoding="utf-8"
        )
        os.replace(tmp, self._pointer(language))
        for old in self.root.glob(f"{language}-v*"):
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)
