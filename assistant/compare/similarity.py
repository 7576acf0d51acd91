"""Lexical similarity of unit texts: character bigrams for Chinese, word bigrams for English.

Character bigrams need no segmenter and survive editorial rewording (one synonym changes two or three
bigrams of a hundred), which is what separates "the same clause, edited" from "another clause".
"""

from __future__ import annotations

import re
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from assistant.compare.units import normalise

_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str) -> frozenset[str]:
    flat = normalise(text)
    if not flat:
        return frozenset()
    if flat.isascii():
        words = _WORD.findall(text.lower())
        return frozenset(" ".join(p) for p in pairwise(words)) | frozenset(words)
    if len(flat) == 1:
        return frozenset({flat})
    return frozenset(flat[i : i + 2] for i in range(len(flat) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """Share of PART found in WHOLE: near 1 for each half of a split clause against the original."""
    if not part:
        return 0.0
    return len(part & whole) / len(part)


def jaccard_matrix(left: list[frozenset[str]], right: list[frozenset[str]]) -> npt.NDArray[np.float64]:
    """All pairwise Jaccard scores at once, through an inverted index of the right side's shingles.

    300 x 300 clauses is 90 000 set intersections in Python; the index touches each shared shingle once.
    """
    postings: dict[str, list[int]] = {}
    for j, shingle_set in enumerate(right):
        for s in shingle_set:
            postings.setdefault(s, []).append(j)
    arrays = {s: np.asarray(js, dtype=np.intp) for s, js in postings.items()}
    inter = np.zeros((len(left), len(right)))
    for i, shingle_set in enumerate(left):
        row = inter[i]
        for s in shingle_set:
            hit = arrays.get(s)
            if hit is not None:
                row[hit] += 1.0  # indices within one posting list are distinct
    sizes_l = np.array([len(s) for s in left], dtype=float)[:, None]
    sizes_r = np.array([len(s) for s in right], dtype=float)[None, :]
    union = sizes_l + sizes_r - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        # two units with no wording at all (a heading over a dash) are alike; numbers then decide
        out: npt.NDArray[np.float64] = np.where(union > 0, inter / np.maximum(union, 1.0), 1.0)
    return out
