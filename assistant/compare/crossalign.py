"""Cross-lingual content scores: structure first, the embedding model only for what structure leaves open.

Embedding costs tens of milliseconds per text here, and more than linearly with length, so a 300-clause
adoption cannot embed every unit within seconds. structure.py pairs most units by numbers, values, names,
provisions, length and order; what it leaves open is embedded as a short key (the opening of the unit),
together with a few anchored units as context, and scored by CSLS (cross-domain similarity local scaling):
raw cosines of one standard's clauses crowd together (0.78-0.92), so each is taken relative to the mean
similarity of either side's nearest neighbours.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from assistant.compare import structure
from assistant.compare.embed import Embedder, embed
from assistant.compare.units import Unit, language_of

Matrix = npt.NDArray[np.float64]

CSLS_K = 3
# Structure first (structure.py): an order-aligned pair with this much evidence is taken without embedding;
# next to an unpaired unit, where a renumbering shift would show, more is asked.
ANCHOR_EVIDENCE = structure.MATCH_FLOOR
ANCHOR_NEAR_GAP = 1.5
ANCHOR_SCORE = 0.05
CONTEXT_MIN = 4
DOUBTED_KEY = 0.25  # weight of an agreeing number when checking the order alignment for a renumbering shift
# structure.content_matrix score of an open pair taken without embedding: in place, or moved (which must agree in
# names, values, provisions and length), and by how much it must beat every rival of either unit
STRUCTURE_SURE = 0.8
MOVE_SURE = 1.8
SURE_MARGIN = 0.5
PLAUSIBLE = 0.0  # structure.content_matrix score below which an open pair is not worth an embedding
KEY_CJK, KEY_LATIN = 48, 150  # the embedded key: the opening of the unit (cost grows faster than length)


def crosslingual_content(left: list[Unit], right: list[Unit], embedder: Embedder | None) -> tuple[Matrix, Matrix]:
    """Content scores on the CSLS scale, embedding only what structure leaves open.

    Pairs the order alignment of structure.py makes with strong evidence are anchors (ANCHOR_SCORE, nothing
    else in their row or column). An open unit is embedded only when some open unit of the other side is a
    plausible partner by structure (a weak order pair, or a move); CSLS over those and a few anchors as
    context scores them. Returns the matrix for pairing (anchors exclusive) and one for splits and merges,
    where an open unit is scored against anchored units by structure: a piece keeps part of the whole's
    names, values and Latin tokens.
    """
    n, m = len(left), len(right)
    if not n or not m:
        return np.zeros((n, m)), np.zeros((n, m))
    profiles = structure.profiles(left, right, language_of(left) == "zh")
    evidence = structure.evidence(left, right, profiles)
    matched = structure.monotone(evidence)
    # A split or merge and a deletion under one heading renumber every clause between them while keeping their
    # count: the same numbers then pair the wrong clauses all along. Where the order alignment changes once the
    # numbers are doubted, the pairs it changes are asked of the model like any open pair.
    doubted_l, doubted_r = doubted(matched, structure.monotone(
        structure.evidence(left, right, profiles, key_weight=DOUBTED_KEY)))
    unmatched_l = set(range(n)) - set(matched)
    unmatched_r = set(range(m)) - set(matched.values())
    anchors: dict[int, int] = {}
    for i, j in matched.items():
        near_gap = bool({i - 1, i + 1} & unmatched_l or {j - 1, j + 1} & unmatched_r)
        if i in doubted_l or j in doubted_r:
            continue
        if evidence[i, j] >= (ANCHOR_NEAR_GAP if near_gap else ANCHOR_EVIDENCE):
            anchors[i] = j
    open_l = [i for i in range(n) if i not in anchors]
    anchored_r = set(anchors.values())
    open_r = [j for j in range(m) if j not in anchored_r]
    content = np.full((n, m), -1.0)
    for i, j in anchors.items():
        content[i, j] = ANCHOR_SCORE
    pieces = content.copy()
    for i in open_l:
        for j in anchored_r:
            if structure.piece_of(profiles, i, j):
                pieces[i, j] = 0.0
    for j in open_r:
        for i in anchors:
            if structure.piece_of(profiles, i, j, whole_left=True):
                pieces[i, j] = 0.0
    # Open pairs: both in the gap between the same two anchors (a clause rewritten in place, or one replaced
    # by another), or alike in content alone (a move keeps neither number nor place). A pair that stands out
    # by structure among those candidates, for both its units, is taken without asking the model.
    gaps = _gaps(anchors, n, m)
    alike = structure.content_matrix(profiles, open_l, open_r)
    candidates: list[tuple[float, int, int, bool]] = []  # (content, i, j, in the same gap)
    for a, i in enumerate(open_l):
        for b, j in enumerate(open_r):
            if left[i].group != right[j].group:
                continue
            in_gap = gaps[i][0] <= j < gaps[i][1]
            if in_gap or alike[a, b] >= PLAUSIBLE:
                candidates.append((float(alike[a, b]), i, j, in_gap))
    sure = _sure_by_structure(candidates)
    sure.update(_parents_of_pairs(left, right, {**anchors, **sure}, open_l, open_r))
    for i, j in sure.items():
        content[i, j] = pieces[i, j] = ANCHOR_SCORE
    taken_r = set(sure.values())
    plausible = [(i, j) for _, i, j, _ in candidates if i not in sure and j not in taken_r]
    el = sorted({i for i, _ in plausible})
    er = sorted({j for _, j in plausible})
    if el and er:
        context = _context_anchors(anchors, el)
        el = sorted(set(el) | set(context))
        er = sorted(set(er) | {anchors[i] for i in context})
        lv = embed([left[i].profile for i in el], embedder, KEY_CJK, KEY_LATIN)
        rv = embed([right[j].profile for j in er], embedder, KEY_CJK, KEY_LATIN)
        cos = (lv @ rv.T).astype(np.float64)
        k = max(1, min(CSLS_K, len(el) - 1, len(er) - 1))
        row = np.sort(cos, axis=1)[:, -k:].mean(axis=1)
        col = np.sort(cos, axis=0)[-k:, :].mean(axis=0)
        csls = 2 * cos - row[:, None] - col[None, :]
        lpos, rpos = {i: a for a, i in enumerate(el)}, {j: b for b, j in enumerate(er)}
        for i, j in plausible:
            content[i, j] = pieces[i, j] = csls[lpos[i], rpos[j]]
    names_l = [_english_name(u) for u in left]
    names_r = [_english_name(u) for u in right]
    for i in [k for k, name in enumerate(names_l) if name]:
        for j in [k for k, name in enumerate(names_r) if name and name != names_l[i]]:
            content[i, j] = pieces[i, j] = -1.0  # different English terms are different concepts
    groups_l = np.array([u.group for u in left], dtype=object)[:, None]
    groups_r = np.array([u.group for u in right], dtype=object)[None, :]
    content[groups_l != groups_r] = -1.0
    pieces[groups_l != groups_r] = -1.0
    return content, pieces


def doubted(matched: dict[int, int], unkeyed: dict[int, int]) -> tuple[set[int], set[int]]:
    """Left and right units whose pairing changes when the numbers are doubted: a pair of MATCHED that
    UNKEYED pairs otherwise, on either side. A pair UNKEYED merely drops is not in question: without its
    number it is weaker, not wrong."""
    unkeyed_r = {j: i for i, j in unkeyed.items()}
    rivals = [(i, j) for i, j in matched.items() if unkeyed.get(i, j) != j or unkeyed_r.get(j, i) != i]
    # the units UNKEYED pairs instead are open already, or among these
    return {i for i, _ in rivals}, {j for _, j in rivals}


def _sure_by_structure(candidates: list[tuple[float, int, int, bool]]) -> dict[int, int]:
    """Pairs that win clearly among their candidates on both sides, best first: in the same gap with
    STRUCTURE_SURE, or out of place (a move) with MOVE_SURE, by SURE_MARGIN over every rival of either unit
    among the candidates still free."""
    out: dict[int, int] = {}
    used: set[int] = set()
    by_left: dict[int, list[tuple[float, int, int, bool]]] = {}
    by_right: dict[int, list[tuple[float, int, int, bool]]] = {}
    for c in candidates:
        by_left.setdefault(c[1], []).append(c)
        by_right.setdefault(c[2], []).append(c)
    strong = [c for c in candidates if c[0] >= min(STRUCTURE_SURE, MOVE_SURE)]
    for score, i, j, in_gap in sorted(strong, reverse=True):
        if i in out or j in used or score < (STRUCTURE_SURE if in_gap else MOVE_SURE):
            continue
        rivals = [(s, g) for s, a, b, g in by_left[i] + by_right[j]
                  if (a == i) != (b == j) and a not in out and b not in used]
        # a translation keeps its place: a rival out of place must beat one in place by the margin
        if all(score - s >= (SURE_MARGIN if g or not in_gap else -SURE_MARGIN) for s, g in rivals):
            out[i] = j
            used.add(j)
    return out


def _parents_of_pairs(left: list[Unit], right: list[Unit], pairs: dict[int, int], open_l: list[int],
                      open_r: list[int]) -> dict[int, int]:
    """Two open headings whose subclauses are paired with each other are the same heading, whatever their
    titles say (a short heading gives the model little to go on, and its children settle it). Deepest
    first, so that a chapter counts the clauses just paired under it."""
    pairs = dict(pairs)
    free_r = set(open_r) - set(pairs.values())
    out: dict[int, int] = {}
    children: dict[int, list[int]] = {}
    for k, unit in enumerate(left):
        if unit.parent is not None:
            children.setdefault(unit.parent, []).append(k)
    for i in sorted((i for i in open_l if i in children and i not in pairs), key=lambda i: -left[i].key.count(".")):
        votes = [right[pairs[c]].parent for c in children[i] if c in pairs]
        if not votes:
            continue
        best = max(set(votes), key=votes.count)
        if (best is not None and best in free_r and right[best].group == left[i].group
                and votes.count(best) * 2 > len(children[i])):
            out[i] = pairs[i] = best
            free_r.discard(best)
    return out


def _gaps(anchors: dict[int, int], n: int, m: int) -> list[tuple[int, int]]:
    """For each LEFT position, the RIGHT range between the partners of the anchors before and after it."""
    out: list[tuple[int, int]] = []
    lo = 0
    for i in range(n):
        if i in anchors:
            lo = anchors[i] + 1
        hi = next((anchors[k] for k in range(i + 1, n) if k in anchors), m)
        out.append((lo, max(lo, hi)))
    return out


def _context_anchors(anchors: dict[int, int], open_l: list[int]) -> list[int]:
    """Anchors spread over the document, so that CSLS compares each open unit with a realistic
    neighbourhood (the anchors nearest the open units first: the likeliest confusions)."""
    near = sorted({k for i in open_l for k in (i - 1, i + 1) if k in anchors})[:CONTEXT_MIN // 2]
    rest = sorted(set(anchors) - set(near))
    want = CONTEXT_MIN - len(near)
    step = max(1, len(rest) // want) if want else 1
    return sorted(set(near) | set(rest[::step][:want]))


def _english_name(unit: Unit) -> str:
    """The English term of a term entry: its title in English, or the Latin part of a Chinese heading line."""
    if unit.group != "term":
        return ""
    if unit.title.isascii():
        return unit.title.strip().lower()
    head = unit.body.split("\n", 1)[0]
    latin = "".join(ch if ch.isascii() else " " for ch in head).strip()
    return " ".join(latin.split()).lower() if len(latin) >= 3 else ""
