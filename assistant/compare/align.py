"""Align the units of two documents: 1:1 pairs, splits (1:n), merges (n:1); the rest is added or deleted.

Scores combine content similarity (lexical for one language; across languages structure first and
embeddings for what it leaves open, see crossalign.py), number and title agreement and, in a second pass,
whether the two parents are aligned. Assignment is greedy by score:
unlike an optimal 1:1 assignment it leaves weak candidates unmatched, which is what an inserted or a
deleted clause should be, and the split/merge pass afterwards can still claim them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from assistant.compare.crossalign import crosslingual_content
from assistant.compare.embed import Embedder, embed
from assistant.compare.similarity import containment, jaccard_matrix, shingles
from assistant.compare.units import Unit

Matrix = npt.NDArray[np.float64]

# Thresholds, tuned on evals/compare: a clause keeps >= 0.45 of its bigrams through technical edits, while
# unrelated clauses of one standard share < 0.2.
MONO_ACCEPT = 0.45
MONO_WITH_CUE = 0.25  # accepted when the numbers agree, or in the gap between two aligned neighbours
SPLIT_CONTAINMENT = 0.8
SPLIT_COVERAGE = 0.7
# Across languages content is on the CSLS scale of crossalign.py: a translation pair >= 0, a deleted or added
# clause's best below -0.01.
CROSS_ACCEPT = -0.015
CROSS_WITH_CUE = -0.065
MONO_EMBED_ACCEPT = 0.93
# a clause both moved to another parent and reworded beyond lexical recognition is rarer than two clauses
# of one draft on the same subject (two driver alerts in different chapters): a move needs a near-copy
MOVED_EMBED_ACCEPT = 0.96
# A piece whose length does not settle it: the whole must read closer to both pieces together than to the
# paired piece alone (a split's second half adds meaning the whole has; a neighbour clause dilutes it), and
# the length fit may not get worse by more than this (log of the length ratio).
PIECE_EMBED_GAIN = 0.003
PIECE_LENGTH_SLACK = 0.2
PIECE_FLOOR = -0.1  # a piece's meaning is checked again by length and by _completes
UNSCORED = -1.0  # crossalign's score of a pair structure ruled out or never sent to the model
PIECE_UNSCORED_GAIN = 0.01  # the gain in meaning a piece structure never scored must show (more than usual)
PIECE_LENGTH_WEIGHT = 0.02  # gain lost per unit of worse length fit (log ratio), so the better-fitting neighbour wins
# A unit left unpaired takes a right unit from a weak pair when it is clearly the closer in content (a move:
# a clause taken elsewhere leaves a gap that the order alignment fills with the wrong neighbour)
MOVE_MARGIN = 0.03
RESCUE_FLOOR = 0.1


@dataclass
class Alignment:
    pairs: dict[int, int] = field(default_factory=dict)  # left index -> right index
    scores: dict[tuple[int, int], float] = field(default_factory=dict)
    splits: dict[int, list[int]] = field(default_factory=dict)  # left -> right pieces
    merges: dict[int, list[int]] = field(default_factory=dict)  # right -> left pieces

    def right_of(self) -> dict[int, int]:
        out = dict(self.pairs)
        for left, rights in self.splits.items():
            out[left] = rights[0]
        return out


def align(left: list[Unit], right: list[Unit], crosslingual: bool = False,
          embedder: Embedder | None = None) -> Alignment:
    pieces_content = None
    if crosslingual:
        content, pieces_content = crosslingual_content(left, right, embedder)
        accept, with_cue = CROSS_ACCEPT, CROSS_WITH_CUE
    else:
        content = _lexical(left, right)
        accept, with_cue = MONO_ACCEPT, MONO_WITH_CUE
    cues = _cues(left, right, crosslingual)
    parent_bonus = 0.02 if crosslingual else 0.1
    result = _greedy(left, right, content, cues, accept, with_cue, None, parent_bonus)
    # second pass: a pair whose parents are aligned is more likely than one whose parents are not
    result = _greedy(left, right, content, cues, accept, with_cue, result, parent_bonus)
    _pair_singletons(left, right, result)
    _fill_gaps(left, right, content, with_cue, result)
    if crosslingual:
        _moves_over_weak_pairs(left, right, content, result)
        _pieces_by_length(left, right, pieces_content if pieces_content is not None else content, result,
                          embedder)
    else:
        _splits_and_merges(left, right, result)
        _embedding_rescue(left, right, content, result, embedder)
    return result


def _lexical(left: list[Unit], right: list[Unit]) -> Matrix:
    out = jaccard_matrix([shingles(u.profile) for u in left], [shingles(u.profile) for u in right])
    lg = np.array([u.group for u in left], dtype=object)[:, None]
    rg = np.array([u.group for u in right], dtype=object)[None, :]
    out[lg != rg] = 0.0  # a term never aligns with a clause, nor a foreword with a chapter
    return out


def _cues(left: list[Unit], right: list[Unit], crosslingual: bool) -> Matrix:
    """Bonus for agreeing numbers and titles and for similar relative position."""
    out = np.zeros((len(left), len(right)))
    n, m = max(len(left), 1), max(len(right), 1)
    for i, lu in enumerate(left):
        for j, ru in enumerate(right):
            bonus = 0.0
            if lu.key and lu.key == ru.key:
                bonus += 0.03 if crosslingual else 0.1
            if not crosslingual and lu.title and lu.title == ru.title:
                bonus += 0.08
            if crosslingual and _names_other(lu, ru):
                bonus += 0.05
            if crosslingual:
                # translations keep the order; the number alone is a weak cue once a clause is inserted
                bonus -= 0.1 * abs(i / n - j / m)
            out[i, j] = bonus
    return out


def _names_other(a: Unit, b: Unit) -> bool:
    """A Chinese term entry carries its English term: the English unit's title, verbatim."""
    for x, y in ((a, b), (b, a)):
        if len(x.title) >= 3 and x.title.isascii() and not y.title.isascii() and x.title.lower() in y.body.lower():
            return True
    return False


def _greedy(left: list[Unit], right: list[Unit], content: Matrix, cues: Matrix, accept: float,
            with_cue: float, previous: Alignment | None, parent_bonus: float) -> Alignment:
    score = content + cues
    if previous is not None:
        for i, lu in enumerate(left):
            if lu.parent is None:
                continue
            mapped = previous.pairs.get(lu.parent)
            for j, ru in enumerate(right):
                if ru.parent is not None and mapped == ru.parent:
                    score[i, j] += parent_bonus
    candidates: list[tuple[float, int, int]] = []
    for i in range(len(left)):
        for j in range(len(right)):
            c = content[i, j]
            if c >= accept or (c >= with_cue and bool(left[i].key) and left[i].key == right[j].key):
                candidates.append((float(score[i, j]), i, j))
    candidates.sort(key=lambda t: (-t[0], t[1], t[2]))
    result = Alignment()
    used: set[int] = set()
    for _, i, j in candidates:
        if i in result.pairs or j in used:
            continue
        result.pairs[i] = j
        result.scores[(i, j)] = round(float(content[i, j]), 3)
        used.add(j)
    return result


def _pair_singletons(left: list[Unit], right: list[Unit], result: Alignment) -> None:
    """One foreword on each side is the same foreword, however much national text it gained."""
    used = set(result.pairs.values())
    for group in ("foreword", "introduction"):
        ls = [i for i, u in enumerate(left) if u.group == group]
        rs = [j for j, u in enumerate(right) if u.group == group]
        if len(ls) == 1 and len(rs) == 1 and ls[0] not in result.pairs and rs[0] not in used:
            result.pairs[ls[0]] = rs[0]


def _pieces_by_length(left: list[Unit], right: list[Unit], content: Matrix, result: Alignment,
                      embedder: Embedder | None = None) -> None:
    """Across languages a split or merge shows in length: the pieces together fit the whole's length.

    An unaligned unit next to an aligned neighbour joins that pair when it is close in meaning and adding
    its length brings the pair nearer the document's usual translation length ratio. When length alone
    does not settle it (a short second piece barely moves the ratio), meaning does: see _completes. Both
    neighbours are weighed, and the piece joins the one it fits best: the second half of a split clause
    sits between its first half and the next clause.
    """
    ratios = [len(right[j].body) / len(left[i].body) for i, j in result.pairs.items() if left[i].body]
    if not ratios:
        return
    t = float(np.median(ratios))
    used = set(result.pairs.values())
    for b in range(len(left)):
        if b in result.pairs:
            continue
        best = _best_whole(left, right, b, result.pairs.get, 1 / t, content[b, :], embedder)
        if best is not None:
            a, j = best
            result.merges[j] = sorted((a, b))
            del result.pairs[a]
    inverse = {j: i for i, j in result.pairs.items()}

    def unsplit(a: int) -> int | None:  # the left partner of right unit A, unless it was split already
        i = inverse.get(a)
        return None if i is None or i in result.splits else i

    for b in range(len(right)):
        if b in used or b in result.merges:
            continue
        best = _best_whole(right, left, b, unsplit, t, content[:, b], embedder)
        if best is not None:
            a, i = best
            result.splits[i] = sorted((a, b))
            del result.pairs[i]


def _best_whole(pieces: list[Unit], wholes: list[Unit], b: int, partner: Callable[[int], int | None],
                ratio: float, scores: npt.NDArray[np.float64], embedder: Embedder | None) -> tuple[int, int] | None:
    """Of the pairs beside the unpaired unit B of PIECES (under the same parent), the one whose whole B
    completes best, as (neighbour, whole); None when it completes neither. PARTNER gives a piece's aligned
    whole, SCORES B's content score against each whole, RATIO the pieces' length per whole length."""
    fits = []
    for a in (b - 1, b + 1):
        w = partner(a)
        if w is not None and pieces[a].parent == pieces[b].parent:
            fit = _piece_fit(wholes[w], pieces[a], pieces[b], ratio, float(scores[w]), embedder)
            if fit is not None:
                fits.append((fit, a, w))
    if not fits:
        return None
    _, a, w = max(fits)
    return a, w


def _piece_fit(whole: Unit, paired: Unit, extra: Unit, ratio: float, score: float,
               embedder: Embedder | None) -> float | None:
    """How well EXTRA completes the pair of WHOLE and PAIRED (None: not at all). A length that fits
    clearly better wins over meaning alone (ranked above any embedding gain); a piece structure did not
    score (no shared names or values to go on) must show a larger gain in meaning."""
    if whole.group != extra.group or whole.group == "term":
        return None
    if score >= PIECE_FLOOR:
        target = ratio * len(whole.body)
        before, after = abs(target - len(paired.body)), abs(target - (len(paired.body) + len(extra.body)))
        if after < before * 0.6:
            return 1.0 + (before - after) / max(target, 1.0)
        gain = _completes(whole, paired, extra, ratio, embedder)
        return gain if gain is not None and gain >= PIECE_EMBED_GAIN else None
    if score > UNSCORED:
        return None
    gain = _completes(whole, paired, extra, ratio, embedder)
    return gain if gain is not None and gain >= PIECE_UNSCORED_GAIN else None


def _completes(whole: Unit, paired: Unit, extra: Unit, ratio: float, embedder: Embedder | None) -> float | None:
    """How much nearer WHOLE reads to PAIRED and EXTRA together than to PAIRED alone (None: ruled out).

    The extra piece may bring no kind of provision the whole lacks (an inserted national requirement is
    not part of a translated statement), and the pair's length fit may not get much worse; the gain is
    the whole's similarity to both pieces, in document order, less that to the paired piece alone.
    """
    from assistant.compare.crosslingual import provision_types

    if not provision_types(extra.body) <= provision_types(whole.body):
        return None
    target = ratio * max(len(whole.body), 1)
    alone = abs(np.log(max(len(paired.body), 1) / target))
    both = abs(np.log((len(paired.body) + len(extra.body)) / target))
    if both > alone + PIECE_LENGTH_SLACK:
        return None
    first, second = sorted((paired, extra), key=lambda u: u.index)
    # full bodies, not the short keys of crossalign: the second piece is what the comparison is about
    v = embed([whole.body, paired.body, f"{first.body}\n{second.body}"], embedder, 400, 1200).astype(np.float64)
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    # a worse length fit counts against the gain in meaning, so of two neighbours the one it fits wins
    return float(v[0] @ v[2] - v[0] @ v[1] - PIECE_LENGTH_WEIGHT * (both - alone))


def _moves_over_weak_pairs(left: list[Unit], right: list[Unit], content: Matrix, result: Alignment) -> None:
    """An unpaired LEFT unit whose best RIGHT unit is held by a pair MOVE_MARGIN weaker takes it over.

    Both must agree: the right unit is the unpaired unit's best partner, and the unpaired unit is the right
    unit's best partner on the left. The displaced left unit is left unpaired (deleted) unless a later pass
    finds it a piece; order and place are no evidence here, since a move keeps neither.
    """
    holder = {j: i for i, j in result.pairs.items()}
    for i in range(len(left)):
        if i in result.pairs:
            continue
        row = [j for j in range(len(right)) if right[j].group == left[i].group]
        if not row:
            continue
        j = max(row, key=lambda k: content[i, k])
        other = holder.get(j)
        if other is None or content[i, j] < CROSS_ACCEPT:
            continue
        if content[i, j] - content[other, j] < MOVE_MARGIN or int(np.argmax(content[:, j])) != i:
            continue
        del result.pairs[other]
        result.scores.pop((other, j), None)
        result.pairs[i] = j
        result.scores[(i, j)] = round(float(content[i, j]), 3)
        holder[j] = i


def _fill_gaps(left: list[Unit], right: list[Unit], content: Matrix, with_cue: float, result: Alignment) -> None:
    """A heavily rewritten clause between two aligned neighbours is still that clause."""
    used = set(result.pairs.values())
    for i in range(len(left)):
        if i in result.pairs:
            continue
        before = [result.pairs[k] for k in range(i - 1, -1, -1) if k in result.pairs][:1]
        after = [result.pairs[k] for k in range(i + 1, len(left)) if k in result.pairs][:1]
        lo = before[0] + 1 if before else 0
        hi = after[0] if after else len(right)
        gap = [j for j in range(lo, hi) if j not in used and left[i].group == right[j].group]
        if not gap:
            continue
        j = max(gap, key=lambda g: content[i, g])
        same_title = bool(left[i].title) and left[i].title == right[j].title
        if content[i, j] >= with_cue or (same_title and content[i, j] >= with_cue / 2):
            result.pairs[i] = j
            result.scores[(i, j)] = round(float(content[i, j]), 3)
            used.add(j)


def _splits_and_merges(left: list[Unit], right: list[Unit], result: Alignment) -> None:
    lb = [shingles(u.body) for u in left]
    rb = [shingles(u.body) for u in right]
    _pieces(lb, rb, result.pairs, result.splits)
    reverse = {j: i for i, j in result.pairs.items()}
    merges: dict[int, list[int]] = {}
    _pieces(rb, lb, reverse, merges)
    result.merges.update(merges)
    for whole, parts in result.splits.items():
        result.pairs.pop(whole, None)
        for j in parts:
            for i in [k for k, v in result.pairs.items() if v == j]:
                del result.pairs[i]
    for whole, parts in result.merges.items():
        for i in parts:
            result.pairs.pop(i, None)
        for i in [k for k, v in result.pairs.items() if v == whole]:
            del result.pairs[i]


def _pieces(whole_sets: list[frozenset[str]], part_sets: list[frozenset[str]], pairs: dict[int, int],
            out: dict[int, list[int]]) -> None:
    """Units of one side that each lie inside one unit of the other side and together cover it."""
    taken = set(pairs.values())
    for w, whole in enumerate(whole_sets):
        if len(whole) < 8:
            continue
        parts = [p for p, s in enumerate(part_sets)
                 if len(s) >= 4 and (p not in taken or pairs.get(w) == p)
                 and containment(s, whole) >= SPLIT_CONTAINMENT]
        if len(parts) < 2 or all(p in taken for p in parts):
            continue
        covered = frozenset().union(*(part_sets[p] for p in parts))
        if containment(whole, covered) >= SPLIT_COVERAGE:
            out[w] = sorted(parts)
            taken.update(parts)


def _embedding_rescue(left: list[Unit], right: list[Unit], content: Matrix, result: Alignment,
                      embedder: Embedder | None) -> None:
    """The second signal: a clause reworded beyond lexical recognition, found by meaning."""
    in_split = {j for parts in result.splits.values() for j in parts}
    in_merge = {i for parts in result.merges.values() for i in parts}
    lfree = [i for i in range(len(left)) if i not in result.pairs and i not in result.splits and i not in in_merge]
    used = set(result.pairs.values()) | in_split | set(result.merges)
    rfree = [j for j in range(len(right)) if j not in used]
    # Embeddings cost tens of milliseconds a text: ask only about units that share some wording with a
    # free unit of the same kind on the other side (a rewording keeps some; an unrelated clause shares ~none)
    lfree = [i for i in lfree if any(content[i, j] >= RESCUE_FLOOR for j in rfree)]
    rfree = [j for j in rfree if any(content[i, j] >= RESCUE_FLOOR for i in lfree)]
    if not lfree or not rfree:
        return
    lv = embed([left[i].profile for i in lfree], embedder)
    rv = embed([right[j].profile for j in rfree], embedder)
    sims = lv @ rv.T
    order = sorted(((float(sims[a, b]), a, b) for a in range(len(lfree)) for b in range(len(rfree))), reverse=True)
    done_l: set[int] = set()
    done_r: set[int] = set()
    for s, a, b in order:
        i, j = lfree[a], rfree[b]
        if s < MONO_EMBED_ACCEPT:
            break
        if a in done_l or b in done_r or left[i].group != right[j].group:
            continue
        pl, pr = left[i].parent, right[j].parent
        same_place = pl == pr if pl is None or pr is None else result.pairs.get(pl) == pr
        if not same_place and s < MOVED_EMBED_ACCEPT:
            continue
        result.pairs[i] = j
        result.scores[(i, j)] = round(s, 3)
        done_l.add(a)
        done_r.add(b)
