"""Fusing ranked lists: within a language (RRF), then across languages.

Measured on the project's corpus, e5-small ranks a Chinese query's English answer far below the
Chinese units, and one flat fusion of all lists lets same-language hits crowd out the other
language.  So each language is fused on its own, and the languages are then merged by a strategy
that gives each a fair share of the top ranks (see ``FusionConfig``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from retrieval.config import FusionConfig
from retrieval.units import Language


@dataclass
class Candidate:
    row: int
    language: Language
    score: float
    sources: dict[str, int] = field(default_factory=dict)  # retriever → 1-based rank in its list


def rrf(
    lists: Mapping[str, Sequence[int]],
    weights: Mapping[str, float],
    k: float,
    language: Language,
    normalize: bool,
    nominal_weights: Mapping[str, float] | None = None,
) -> list[Candidate]:
    """Weighted reciprocal-rank fusion of ranked row lists.

    With ``normalize`` the score is divided by the best achievable one (first in every list) under
    ``nominal_weights`` (default: ``weights``), so that fused scores of different languages are on
    one [0, 1] scale.  A list whose weight was lowered below nominal (an unreliable translated
    query) then lowers that language's ceiling instead of being normalised away.
    """
    by_row: dict[int, Candidate] = {}
    for name, rows in lists.items():
        w = weights.get(name, 1.0)
        for rank, row in enumerate(rows, start=1):
            cand = by_row.setdefault(row, Candidate(row=row, language=language, score=0.0))
            cand.score += w / (k + rank)
            cand.sources[name] = rank
    if normalize:
        scale = nominal_weights if nominal_weights is not None else weights
        best = sum(scale.get(name, 1.0) for name in lists) / (k + 1)
        if best > 0:
            for cand in by_row.values():
                cand.score /= best
    return sorted(by_row.values(), key=lambda c: (-c.score, c.row))


def zscore_fuse(
    lists: Mapping[str, Sequence[tuple[int, float]]],
    weights: Mapping[str, float],
    language: Language,
    baselines: Mapping[str, float] | None = None,
) -> list[Candidate]:
    """Fusion of scored lists by standardised scores (z within each list).

    A z-score says how far a hit stands out from the rest of its own list, which is comparable across
    languages even though e5's raw cosine favours the query's language.  A row missing from a list
    gets that list's lowest z.  ``baselines`` adds the score of "everything else" to a list's
    statistics (0 for BM25, where unmatched units score 0), so a lone BM25 hit still stands out.
    """
    zs: dict[str, dict[int, float]] = {}
    floor: dict[str, float] = {}  # the z of a row missing from the list
    for name, hits in lists.items():
        if not hits:
            continue
        scores = [s for _, s in hits]
        base = baselines.get(name) if baselines is not None else None
        if base is not None:
            scores.append(base)
        mean = sum(scores) / len(scores)
        std = (sum((s - mean) ** 2 for s in scores) / len(scores)) ** 0.5

        def z(value: float, mean: float = mean, std: float = std) -> float:
            return (value - mean) / std if std > 0 else 0.0

        zs[name] = {r: z(s) for r, s in hits}
        floor[name] = z(base) if base is not None else min(zs[name].values())
    by_row: dict[int, Candidate] = {}
    for name, hits in lists.items():
        for rank, (row, _) in enumerate(hits, start=1):
            by_row.setdefault(row, Candidate(row=row, language=language, score=0.0)).sources[name] = rank
    for cand in by_row.values():
        cand.score = sum(weights.get(name, 1.0) * z.get(cand.row, floor[name]) for name, z in zs.items())
    return sorted(by_row.values(), key=lambda c: (-c.score, c.row))


def language_evidence(
    top_dense: Mapping[Language, float], home: Language, config: FusionConfig
) -> float:
    """How much the other language's best dense match beats the usual cross-language gap, in z units.

    Positive: the other language likely holds the answer (a Chinese question about the EU AI Act);
    negative: the home language does.  0 when either language has no dense hit.
    """
    other: Language = "en" if home == "zh" else "zh"
    if config.language_evidence_weight == 0 or home not in top_dense or other not in top_dense:
        return 0.0
    usual = config.usual_gap_zh_query if home == "zh" else config.usual_gap_en_query
    gap = top_dense[other] - top_dense[home]
    return config.language_evidence_weight * (gap - usual) / config.language_evidence_scale


def shifted(candidates: Sequence[Candidate], delta: float) -> list[Candidate]:
    """The candidates with ``delta`` added to their scores (order unchanged)."""
    return [Candidate(c.row, c.language, c.score + delta, dict(c.sources)) for c in candidates]


def _by_score(
    per_language: Mapping[Language, Sequence[Candidate]], factor: Mapping[Language, float], home: Language
) -> list[Candidate]:
    merged = [c for cands in per_language.values() for c in cands]
    # ties go to the home language: a drafter reads their own language first
    merged.sort(key=lambda c: (-c.score * factor.get(c.language, 1.0), c.language != home, c.row))
    return merged


def _with_quota(merged: list[Candidate], window: int, minimum: int) -> list[Candidate]:
    """Reorder the first ``window`` ranks so that every language present gets ``minimum`` of them."""
    languages = {c.language for c in merged}
    if window <= 0 or minimum <= 0 or len(languages) < 2:
        return merged
    need = {lang: min(minimum, sum(1 for c in merged if c.language == lang)) for lang in languages}
    rest = list(merged)
    head: list[Candidate] = []
    while rest and len(head) < window:
        free = window - len(head)
        owed = {lang: n for lang, n in need.items() if n > 0}
        # once the slots left are all owed, only an owed language may take the next one
        pick = next(c for c in rest if c.language in owed) if sum(owed.values()) >= free else rest[0]
        rest.remove(pick)
        head.append(pick)
        need[pick.language] = max(0, need[pick.language] - 1)
    return head + rest


def _interleave(
    per_language: Mapping[Language, Sequence[Candidate]], home: Language, home_share: float
) -> list[Candidate]:
    queues = {lang: list(c) for lang, c in per_language.items() if c}
    share = {lang: (home_share if lang == home else 1.0 - home_share) for lang in queues}
    taken = dict.fromkeys(queues, 0)
    out: list[Candidate] = []
    while any(queues.values()):
        position = len(out) + 1
        live = [lang for lang in queues if queues[lang]]
        # the language furthest below its target share goes next; the home language wins ties
        lang = min(live, key=lambda lg: (taken[lg] - share[lg] * position, lg != home))
        out.append(queues[lang].pop(0))
        taken[lang] += 1
    return out


def merge_languages(
    per_language: Mapping[Language, Sequence[Candidate]],
    home: Language,
    config: FusionConfig,
    strategy: str | None = None,
) -> list[Candidate]:
    """One ranking from per-language rankings (each already sorted best first)."""
    strategy = strategy or config.cross_language
    if strategy == "interleave":
        return _interleave(per_language, home, config.home_share)
    if strategy == "score":
        return _by_score(per_language, {}, home)
    if strategy == "zscore":
        return _with_quota(_by_score(per_language, {}, home), config.quota_window, config.quota_min)
    # calibrated: scores are normalised RRF, comparable across languages
    factor = {home: config.home_weight}
    return _with_quota(_by_score(per_language, factor, home), config.quota_window, config.quota_min)
