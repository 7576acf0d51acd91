"""Cross-lingual alignment evidence that costs no embedding: numbers, names, values, shape and order.

A translation keeps far more than its meaning: the clause number (until something is inserted or deleted),
the values, the Latin tokens (API names, designations, acronyms), the terms of the term base and glossary,
the kinds of provision, the list items, and a length in a steady ratio to the original. Scored together
and aligned in document order (a translation keeps the order), these pair most units of an adoption; only
what they leave open, or pair weakly, is sent to the embedding model.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from assistant.compare.crosslingual import items_count, provision_types, values
from assistant.compare.units import Unit

Matrix = npt.NDArray[np.float64]

# GB/T 1.1 headings and the words standards are built from, which the AI term base does not hold
HEADINGS: tuple[tuple[str, str], ...] = (
    ("范围", "scope"), ("规范性引用文件", "normative references"), ("术语和定义", "terms and definitions"),
    ("缩略语", "abbreviated terms"), ("符号", "symbols"), ("总则", "general"), ("通则", "general"),
    ("概述", "overview"), ("要求", "requirements"), ("通用要求", "general requirements"), ("试验", "test"),
    ("测试", "test"), ("方法", "method"), ("过程", "process"), ("原则", "principles"), ("规定", "specification"),
    ("评估", "assessment"), ("评价", "evaluation"), ("改进", "improvement"), ("监视", "monitoring"),
    ("监测", "monitoring"), ("评审", "review"), ("策划", "planning"), ("计划", "plan"), ("角色", "roles"),
    ("职责", "responsibilities"), ("报告", "report"), ("结果", "results"), ("选择", "selection"),
    ("管理", "management"), ("接口", "interface"), ("设备", "device"), ("内存", "memory"), ("存储", "memory"),
    ("性能", "performance"), ("可移植性", "portability"), ("安全", "security"), ("文档", "documentation"),
    ("成文信息", "documented information"), ("应用", "application"), ("示例", "example"), ("背景", "context"),
    ("资源", "resources"), ("方针", "policy"), ("目标", "objectives"), ("组织", "organization"),
    ("风险", "risk"), ("能力", "capability"), ("数据", "data"), ("质量", "quality"), ("测度", "measure"),
    ("模型", "model"), ("训练", "training"), ("验证", "validation"), ("标签", "label"), ("数据集", "dataset"),
)
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[-_/.][A-Za-z0-9+#]+)*")
_STOP_LATIN = {"note", "example", "to", "entry", "source", "en", "zh"}
# weights of the evidence, in units of "one agreeing clause number"; set by hand and checked on the
# development pairs of evals/compare/crosslingual and on benchmarks/bench_compare.py --crosslingual
W_KEY, W_TERMS, W_LATIN, W_VALUES, W_TYPES, W_ITEMS, W_LENGTH, W_ORDER = 1.0, 1.5, 1.0, 1.2, 0.4, 0.3, 0.8, 1.5
MATCH_FLOOR = 0.8  # below this a pair is not worth taking in the order alignment
IMPOSSIBLE = -1e6


@dataclass
class Profile:
    concepts: frozenset[int]
    latin: frozenset[str]
    values: Counter[str]
    types: frozenset[str]
    items: int
    length: float


@lru_cache(maxsize=1)
def lexicon() -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """(Chinese name, concept id) and (English name, concept id), longest first so that greedy scanning
    prefers 数据质量测度 to 数据质量."""
    pairs: list[tuple[str, str]] = list(HEADINGS)
    # a broken term base must not stop a comparison: the headings still work
    with contextlib.suppress(Exception):
        pairs += _term_pairs()
    ids: dict[str, int] = {}
    zh: dict[str, int] = {}
    en: dict[str, int] = {}
    for z, e in pairs:
        z, e = z.strip(), e.strip().lower()
        if len(z) < 2 or len(e) < 3:
            continue
        concept = ids.setdefault(e, ids.get(z, len(ids)))
        ids.setdefault(z, concept)
        zh.setdefault(z, concept)
        en.setdefault(e, concept)
    by_len = lambda kv: (-len(kv[0]), kv[0])  # noqa: E731
    return tuple(sorted(zh.items(), key=by_len)), tuple(sorted(en.items(), key=by_len))


def _term_pairs() -> list[tuple[str, str]]:
    """zh-en names of the term base, the glossaries and the ingested term entries (the pairs cross-language
    search uses), read with libyaml: the pure-Python reader takes seconds over the term base."""
    import json

    import yaml

    from assistant.settings import get_settings

    settings = get_settings()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    pairs: list[tuple[str, str]] = []
    for path in sorted((settings.corpus_dir / "terms").glob("*.yaml")):
        for record in yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []:
            if not isinstance(record, dict):
                continue
            zh = [record.get("term_zh"), *(record.get("synonyms_zh") or [])]
            en = [record.get("term_en"), *(record.get("synonyms_en") or [])]
            pairs += [(str(z), str(e)) for z in zh if z for e in en if e]
    for path in sorted((settings.corpus_dir / "glossary").glob("*.yaml")):
        for item in yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []:
            if isinstance(item, list) and len(item) == 2:
                pairs.append((str(item[0]), str(item[1])))
    extra = settings.index_dir / "glossary.json"  # what assistant.corpus.index.glossary_path names
    if extra.is_file():
        pairs += [(str(z), str(e)) for z, e in json.loads(extra.read_text(encoding="utf-8"))]
    return pairs


@lru_cache(maxsize=1)
def term_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, int], dict[str, int]]:
    """One alternation per language, longest names first (compiled once per process, about a second)."""
    zh, en = lexicon()
    zmap, emap = dict(zh), dict(en)
    zp = re.compile("|".join(re.escape(k) for k, _ in zh)) if zh else None
    ep = re.compile(r"\b(?:" + "|".join(re.escape(k) for k, _ in en) + r")s?\b") if en else None
    return zp, ep, zmap, emap


def concepts(text: str, chinese: bool) -> frozenset[int]:
    zp, ep, zmap, emap = term_patterns()
    out: set[int] = set()
    if chinese and zp is not None:
        out |= {zmap[m.group(0)] for m in zp.finditer(text)}
    # English names: the whole text of an English unit; in a Chinese one, the names it keeps in Latin
    if ep is not None:
        for m in ep.finditer(text.lower()):
            word = m.group(0)
            key = word if word in emap else word[:-1]
            if key in emap:
                out.add(emap[key])
    return frozenset(out)


def _latin(text: str, chinese: bool) -> frozenset[str]:
    """Latin tokens a translation keeps verbatim: in a Chinese text every one; in an English text only
    those that look like names (capitals inside, digits, symbols), the rest being ordinary words."""
    out = set()
    for token in _LATIN.findall(text):
        low = token.lower()
        if low in _STOP_LATIN or len(token) < 2:
            continue
        if chinese or sum(c.isupper() for c in token) >= 2 or any(c.isdigit() or c in "+#/_" for c in token):
            out.add(low)
    return frozenset(out)


def _length(text: str) -> float:
    """Characters without spaces; the document's own translation ratio (Profiles.ratio) relates the sides."""
    return float(max(len(re.sub(r"\s+", "", text)), 1))


def profile(unit: Unit, chinese: bool) -> Profile:
    text = unit.profile
    return Profile(concepts=concepts(text, chinese), latin=_latin(text, chinese), values=values(unit.body),
                   types=frozenset(provision_types(unit.body)), items=items_count(unit.body),
                   length=_length(unit.text))


@dataclass
class Profiles:
    left: list[Profile]
    right: list[Profile]
    ratio: float  # the document's RIGHT/LEFT length ratio


def profiles(left: list[Unit], right: list[Unit], left_chinese: bool) -> Profiles:
    lp = [profile(u, left_chinese) for u in left]
    rp = [profile(u, not left_chinese) for u in right]
    # the translation length ratio, from the pairs the numbers suggest (most of them, in an adoption)
    by_key = {u.key: k for k, u in enumerate(right) if u.key}
    ratios = [rp[by_key[u.key]].length / lp[i].length for i, u in enumerate(left)
              if u.key in by_key and min(lp[i].length, rp[by_key[u.key]].length) >= 20]
    default = 3.0 if left_chinese else 1 / 3  # Chinese is about a third the length of its English
    return Profiles(lp, rp, float(np.median(ratios)) if ratios else default)


def content_matrix(p: Profiles, rows: list[int] | None = None, cols: list[int] | None = None) -> Matrix:
    """What two texts share whatever their numbers and places, for all ROWS x COLS at once (set overlaps as
    products of 0/1 matrices): names of the lexicon, Latin tokens, values, kinds of provision, list items and
    length against the document's translation ratio. Each overlap term is 2 x Jaccard - 0.5, so sharing a
    quarter is neutral; units with none of a signal are not scored on it."""
    lp = p.left if rows is None else [p.left[i] for i in rows]
    rp = p.right if cols is None else [p.right[j] for j in cols]
    out = np.zeros((len(lp), len(rp)))
    if not lp or not rp:
        return out
    getters: tuple[tuple[float, Callable[[Profile], Set[object]]], ...] = (
        (W_TERMS, lambda x: x.concepts), (W_LATIN, lambda x: x.latin), (W_VALUES, lambda x: _multiset(x.values)))
    for weight, get in getters:
        inter, either = _overlap([get(x) for x in lp], [get(x) for x in rp])
        score = weight * (2 * np.divide(inter, np.maximum(either, 1)) - 0.5)
        out += np.where(either > 0, score, 0.0)
    types_l = np.array([hash(x.types) for x in lp])[:, None]
    types_r = np.array([hash(x.types) for x in rp])[None, :]
    out += W_TYPES * np.where(types_l == types_r, 0.5, -0.5)
    items_l = np.array([x.items for x in lp])[:, None]
    items_r = np.array([x.items for x in rp])[None, :]
    out += np.where((items_l > 0) | (items_r > 0), W_ITEMS * np.where(items_l == items_r, 1.0, -0.5), 0.0)
    len_l = np.array([x.length for x in lp])[:, None]
    len_r = np.array([x.length for x in rp])[None, :]
    short = np.minimum(len_l, len_r / p.ratio)
    off = np.minimum(np.abs(np.log(len_r / (len_l * p.ratio))), 1.0)
    out += np.where(short >= 8, W_LENGTH * np.minimum(1.0, short / 40) * (1.0 - 2 * off), 0.0)
    return out


def _multiset(counter: Counter[str]) -> frozenset[str]:
    """{5: 2} as {"5#0", "5#1"}: the Jaccard of these sets is the multiset Jaccard of the counters."""
    return frozenset(f"{value}#{k}" for value, count in counter.items() for k in range(count))


def _overlap(a: Sequence[Set[object]], b: Sequence[Set[object]]) -> tuple[Matrix, Matrix]:
    vocab: dict[object, int] = {}
    for group in (a, b):
        for items in group:
            for item in items:
                vocab.setdefault(item, len(vocab))
    if not vocab:
        zero = np.zeros((len(a), len(b)))
        return zero, zero
    ma = np.zeros((len(a), len(vocab)), dtype=np.float32)
    mb = np.zeros((len(b), len(vocab)), dtype=np.float32)
    for row, items in enumerate(a):
        ma[row, [vocab[x] for x in items]] = 1.0
    for row, items in enumerate(b):
        mb[row, [vocab[x] for x in items]] = 1.0
    inter = (ma @ mb.T).astype(np.float64)
    union = ma.sum(axis=1)[:, None] + mb.sum(axis=1)[None, :] - inter
    return inter, union


def piece_of(p: Profiles, i: int, j: int, whole_left: bool = False) -> bool:
    """Could one unit be a piece of the other (a split or a merge)? Most of the piece's names, Latin tokens
    and values are found in the whole, and it is no longer than the whole."""
    piece, whole = (p.right[j], p.left[i]) if whole_left else (p.left[i], p.right[j])
    scale = 1 / p.ratio if whole_left else p.ratio
    if piece.length * scale > whole.length * 1.2:
        return False
    signals = [(piece.concepts, whole.concepts), (piece.latin, whole.latin)]
    kept = sum(len(x & y) for x, y in signals) + sum((piece.values & whole.values).values())
    total = sum(len(x) for x, _ in signals) + sum(piece.values.values())
    return total == 0 or kept / total >= 0.5


def evidence(left: list[Unit], right: list[Unit], p: Profiles, key_weight: float = W_KEY) -> Matrix:
    """Score of every LEFT x RIGHT pair; IMPOSSIBLE across kinds (a term never pairs with a clause)."""
    n, m = len(left), len(right)
    out = np.zeros((n, m))
    if not n or not m:
        return out
    same_key = np.array([[bool(a.key) and a.key == b.key for b in right] for a in left])
    pos_l = np.arange(n)[:, None] / max(n - 1, 1)
    pos_r = np.arange(m)[None, :] / max(m - 1, 1)
    out += key_weight * same_key - W_ORDER * np.abs(pos_l - pos_r) + content_matrix(p)
    groups_l = np.array([u.group for u in left], dtype=object)[:, None]
    groups_r = np.array([u.group for u in right], dtype=object)[None, :]
    out[groups_l != groups_r] = IMPOSSIBLE
    return out


def monotone(score: Matrix, floor: float = MATCH_FLOOR) -> dict[int, int]:
    """The order-preserving set of pairs with the largest total (score - floor): a translation keeps the
    order, so a unit out of order (a move) is left open rather than forced."""
    n, m = score.shape
    gain = score - floor
    table = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        take = np.where(gain[i - 1] > 0, table[i - 1, :-1] + gain[i - 1], -np.inf)
        row = np.maximum(table[i - 1, 1:], take)
        table[i, 1:] = np.maximum.accumulate(row)
    pairs: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        if table[i, j] == table[i, j - 1]:
            j -= 1
        elif table[i, j] == table[i - 1, j]:
            i -= 1
        else:
            pairs[i - 1] = j - 1
            i, j = i - 1, j - 1
    return pairs
