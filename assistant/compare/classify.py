"""Is the change between two aligned units editorial or technical?

Technical, in the sense of GB/T 1.1 and the adoption rules of GB/T 1.2: a provision's verbal form, a value,
unit or comparator, a condition or the scope changed, or a requirement sentence was added or removed.
Everything else that changes the text (punctuation, width, whitespace, numbering, synonyms, word order)
is editorial. Rules here read sentences the way the requirement analyser does, so the two agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from assistant.compare.diff import tokens
from assistant.compare.measures import comparators, fold_negated_bounds, quantities, same_durations, unit_of
from assistant.compare.model import Status
from assistant.compare.similarity import jaccard, shingles
from assistant.compare.units import normalise
from assistant.document.numerals import arabic
from assistant.document.periods import period
from assistant.document.provisions import split_sentences, verbal_form
from assistant.requirements.analysis import analyse

# clause references, and document designations (GB/T 1.1—2020, ISO/IEC 33001:2015, STDRAFT-REF 1—2026)
_REF = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?:[/\-][A-Z]+)*\s*\d+(?:\.\d+)*(?:\s*[—–:\-]\s*\d{4})?|"
                  r"(?<![\d.])\d+(?:\.\d+)+(?![\d.])|[A-Z]\.\d+(?:\.\d+)*")
# wording pairs that drafters treat as interchangeable; the diff of such a pair is editorial
SYNONYMS = [
    {"采用", "使用", "运用"}, {"进行", "开展", "实施"}, {"根据", "依据", "按照", "依照", "遵照"},
    {"包括", "包含"}, {"各类", "各种"}, {"以及", "及", "和", "与"}, {"如果", "若", "如"}, {"确保", "保证"},
    {"所有", "全部"}, {"提供", "给出"}, {"规定", "规范"}, {"相应", "对应"}, {"形成文件", "成文"},
    {"不少于", "不低于", "至少"},
]
_SYN = {w: k for k, group in enumerate(SYNONYMS) for w in group}
_SCOPE = re.compile(r"仅|只|限于|除外|不包括|不适用|\bonly\b|\bexcept\b|\bexclud", re.I)
_ALTERNATIVE = re.compile(r"或者|(?<![其或])或(?![者其许是多])|\bor\b", re.I)  # not 或其他, 或许, 或多或少
_CONDITION = re.compile(r"^(?:当|在|对于|对|若|如果|如|除|除非|when|where|if|under|for|unless)", re.I)
_WHITESPACE = re.compile(r"\s+")
_INFORMATIVE = re.compile(r"^\s*(?:注|示例|NOTE|Note|EXAMPLE|Example)\s*\d*\s*(?:to entry)?\s*[:：]")
_NUMBERS = r"\d+(?:\.\d+)*(?:\s*[、,，和及]\s*\d+(?:\.\d+)*)*"  # 6.2、6.3
_CROSS_REF = re.compile(r"[（(]?(?:参见|见)\s*(?:第\s*\d+\s*[章条节]|" + _NUMBERS + r"|附录\s*[A-Z]|参考文献\s*\[\d+\]|"
                        r"[A-Z]{2,}(?:[/\-][A-Z]+)*\s*\d+(?:\.\d+)*(?:\s*[—–:\-]\s*\d{4})?(?:的\s*" + _NUMBERS + r")?)"
                        r"[）)]?")
# "按9.4规定的方法测试" and "测试方法见9.4" both point a requirement at its test method (GB/T 1.1): the
# reference, not a condition or a new step. Both read as the same token, so rewording between them is editorial.
_TEST_METHOD = re.compile(r"(?:按|按照|依据|采用)\s*(" + _NUMBERS + r"|附录\s*[A-Z])\s*(?:规定|给出|描述)?的?\s*"
                          r"(?:测试|试验|检验)?方法(?:进行)?(?:测试|试验|检验)?|"
                          r"(?:测试|试验|检验)方法(?:见|按)\s*(" + _NUMBERS + r"|附录\s*[A-Z])")
_STATISTIC_CLASS = {
    "最大值": "max", "最大": "max", "maximum": "max", "max": "max", "最小值": "min", "最小": "min",
    "minimum": "min", "min": "min", "中位数": "median", "中值": "median", "median": "median",
    "平均值": "mean", "均值": "mean", "平均": "mean", "算术平均": "arithmetic mean", "arithmetic mean": "arithmetic mean",
    "mean": "mean", "average": "mean", "调和平均": "harmonic mean", "harmonic mean": "harmonic mean",
    "几何平均": "geometric mean", "geometric mean": "geometric mean", "百分位数": "percentile", "percentile": "percentile",
    "众数": "mode", "方差": "variance", "variance": "variance", "标准差": "standard deviation",
    "standard deviation": "standard deviation",
}
_STATISTIC = re.compile("|".join(re.escape(k) for k in sorted(_STATISTIC_CLASS, key=len, reverse=True)), re.I)
_MINUTES = re.compile(r"(?<=\d)\s*min\b")
_CITATION = re.compile(r"\[\d+(?:\s*[,，、–\-]\s*\d+)*\]")
_FILLER = {"的", "地", "了", "之", "所", "予以", "加以"}  # particles, and light verbs that carry no meaning of their own
# how much of a set a provision covers: 多数 → 全部 widens it, as a value would
_QUANTIFIER_CLASS = {"全部": "all", "所有": "all", "一切": "all", "任何": "all", "任意": "all", "全体": "all",
                     "绝大多数": "most", "大多数": "most", "多数": "most", "大部分": "most", "少数": "few", "个别": "few",
                     "少量": "few"}
_QUANTIFIER = re.compile("|".join(sorted(_QUANTIFIER_CLASS, key=len, reverse=True)))
RESIDUAL_LIMIT = 8  # changed characters beyond synonyms and particles before a rewording counts as technical
CONDITION_LIMIT = 4  # characters of changed wording inside a condition before the condition counts as changed
INSERTION_MIN = 2  # characters of content words only added or only removed before it counts as technical
SENTENCE_MATCH = 0.5
REWORDED_MATCH = 0.2  # a sentence left unmatched on each side, at the same place, this alike is reworded


def classify(left_text: str, right_text: str, left_body: str, right_body: str,
             term: bool = False) -> tuple[Status, list[str]]:
    """TERM: the units are term entries, whose definition is the concept: a content word changed in it
    (标称峰值 → 实测峰值) changes what the term means, where in a clause it may be a rewording."""
    if _WHITESPACE.sub("", left_text) == _WHITESPACE.sub("", right_text):
        return Status.UNCHANGED, []  # re-flowed lines and spacing are layout, not a change of the text
    if normalise(left_text) == normalise(right_text):
        return Status.EDITORIAL, ["punctuation, width or spacing / 标点、全半角或空格"]
    changes = technical_changes(left_body, right_body)
    if not changes and term:
        gone, new = _content_diff(*(_CROSS_REF.sub("", _normative(_fold(t))) for t in (left_body, right_body)))
        if gone and new:
            changes = [f"definition / 定义: {'、'.join(gone.elements())} → {'、'.join(new.elements())}"]
    if changes:
        return Status.TECHNICAL, changes
    return Status.EDITORIAL, ["wording / 措辞"]


def technical_changes(left: str, right: str) -> list[str]:
    # notes, examples and cross-references are informative: no provision changes with them
    left, right = (_CROSS_REF.sub("", _TEST_METHOD.sub(_test_method, _normative(_fold(t)))) for t in (left, right))
    changes: list[str] = []
    ls, rs = split_sentences(left), split_sentences(right)
    lsh, rsh = [shingles(s) for s in ls], [shingles(s) for s in rs]
    matched: list[tuple[str, str]] = []
    gone: list[int] = []
    for i, sh in enumerate(lsh):
        best = max(range(len(rs)), key=lambda k: jaccard(sh, rsh[k]), default=None)
        if best is None or jaccard(sh, rsh[best]) < SENTENCE_MATCH:
            gone.append(i)
        else:
            matched.append((ls[i], rs[best]))
    new = [j for j, sh in enumerate(rsh) if all(jaccard(sh, o) < SENTENCE_MATCH for o in lsh)]
    # as many sentences left on each side, in the same order and still alike, are one sentence reworded:
    # in a short sentence a few changed characters ("不少于" → "至少") take most of its shingles
    if len(gone) == len(new) and all(jaccard(lsh[i], rsh[j]) >= REWORDED_MATCH for i, j in zip(gone, new, strict=True)):
        matched.extend((ls[i], rs[j]) for i, j in zip(gone, new, strict=True))
        gone, new = [], []
    changes.extend(f"removed / 删除: {ls[i][:60]}" for i in gone)
    changes.extend(f"added / 增加: {rs[j][:60]}" for j in new)
    for a, b in matched:
        if a == b:
            continue
        changes.extend(_sentence_changes(a, b))
    lnum, rnum = _numbers(left), _numbers(right)
    if lnum != rnum and not same_durations(left, right, _numbers) and not any(c.startswith("value") for c in changes):
        before = ", ".join(sorted((lnum - rnum).elements()))
        after = ", ".join(sorted((rnum - lnum).elements()))
        changes.append(f"value / 数值: {before or '—'} → {after or '—'}")
    if not changes and _residual(left, right) > RESIDUAL_LIMIT:
        changes.append("wording changed substantially / 内容实质改写")
    if not changes:
        removed, added = _content_diff(left, right)
        # words only added (or only removed) qualify what was there: "每个数据集" → "用于训练的每个数据集"
        # narrows the scope. A rewording replaces words and stays editorial below RESIDUAL_LIMIT.
        # a conjunction in place of a list comma (A、B → A和B) is punctuation, not a qualifier
        conjunction = _canon("和")  # the synonym group of 以及/及/和/与
        removed, added = _qualified(Counter({t: n for t, n in removed.items() if t != conjunction}), Counter(
            {t: n for t, n in added.items() if t != conjunction}))
        if bool(removed) != bool(added) and sum(len(t) * n for t, n in (removed + added).items()) >= INSERTION_MIN:
            words = "、".join((removed + added).elements())
            changes.append(f"scope / 范围: {'removed / 删除' if removed else 'added / 增加'} {words}")
    return list(dict.fromkeys(changes))


def _qualified(removed: Counter[str], added: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """A word replaced by a longer word that holds it (报告 → 书面报告) is that word with a qualifier added:
    only the qualifier (书面) counts as added; likewise the other way round."""
    for gone, new in ((removed, added), (added, removed)):
        for word in list(gone):
            # the rest must be a word of its own: 排行 → 排行榜 or 每年 → 每 are one word written two ways
            longer = next((w for w in new if word in w and len(w) - len(word) >= 2 and not w.startswith("§")), None)
            if longer and gone[word] > 0 and new[longer] > 0 and not word.startswith("§"):
                gone[word] -= 1
                new[longer] -= 1
                new[longer.replace(word, "", 1)] += 1
    return +removed, +added


def _test_method(match: re.Match[str]) -> str:
    target = re.sub(r"\s+", "", match.group(1) or match.group(2))
    return f"测试方法{target}"


# GB/T 1.1—2020 Annex C: each verbal form and the expressions it allows in its place (应当, 应该 and 必须 for
# 应; 不得 for 不应; 可以 for 可 …) state one provision; only a change of kind or of polarity is technical
_FORM_CANON = {
    "应当": "应", "应该": "应", "只准许": "应", "必须": "应", "shall": "应", "must": "应",
    "不得": "不应", "不准许": "不应", "严禁": "不应", "禁止": "不应", "不可": "不应", "shall not": "不应",
    "must not": "不应", "推荐": "宜", "建议": "宜", "should": "宜", "should not": "不宜", "可以": "可", "允许": "可",
    "may": "可", "无须": "不必", "无需": "不必", "不需要": "不必", "need not": "不必", "能够": "能", "can": "能",
    "cannot": "不能",
}


def _form(sentence: str) -> str:
    word = verbal_form(sentence)[0]
    return _FORM_CANON.get(word, word)


def _sentence_changes(a: str, b: str) -> list[str]:
    out: list[str] = []
    fa, fb = _form(a), _form(b)
    if fa != fb:
        out.append(f"verbal form / 助动词: {fa or '—'} → {fb or '—'}")
    ra, rb = analyse(a), analyse(b)
    ca, cb = comparators(a), comparators(b)
    if [c for _, c in ca] != [c for _, c in cb]:
        out.append(f"comparator / 比较关系: {'、'.join(w for w, _ in ca) or '—'} → {'、'.join(w for w, _ in cb) or '—'}")
    if unit_of(ra.unit) != unit_of(rb.unit) and ra.value and rb.value and not same_durations(a, b, _numbers):
        out.append(f"unit / 单位: {ra.unit or '—'} → {rb.unit or '—'}")
    if _condition_changed(ra.condition, rb.condition, a, b) or _condition_changed(_lead_condition(a),
                                                                                   _lead_condition(b), a, b):
        out.append(f"condition / 条件: {ra.condition or _lead_condition(a) or '—'} → "
                   f"{rb.condition or _lead_condition(b) or '—'}")
    if len(_SCOPE.findall(a)) != len(_SCOPE.findall(b)):
        out.append("scope / 范围限定")
    if len(_ALTERNATIVE.findall(a)) != len(_ALTERNATIVE.findall(b)):
        # "提供选项，或者提供拒绝方式" → "…，并提供…": one of two becomes both
        out.append("alternatives / 选择关系: 或 ↔ 和/并")
    qa, qb = ([_QUANTIFIER_CLASS[m] for m in _QUANTIFIER.findall(s)] for s in (a, b))
    if qa != qb:
        out.append(f"quantifier / 数量范围: {'、'.join(qa) or '—'} → {'、'.join(qb) or '—'}")
    pa, pb = period(a), period(b)
    if pa != pb:  # 定期 → 每季度: how often is now fixed (or changed, or dropped)
        out.append(f"period / 周期: {f'{pa:g} d' if pa else '—'} → {f'{pb:g} d' if pb else '—'}")
    sa, sb = Counter(_statistics(a)), Counter(_statistics(b))
    if sa != sb:
        out.append(f"statistic / 统计量: {'、'.join(sa - sb) or '—'} → {'、'.join(sb - sa) or '—'}")
    return out


def _statistics(sentence: str) -> list[str]:
    """Which statistic a method takes (最大值, 中位数, 调和平均 …), folded to one name per statistic."""
    sentence = _MINUTES.sub("", sentence)  # "5 min" is five minutes, not a minimum
    return [_STATISTIC_CLASS.get(m.group(0).lower(), m.group(0).lower()) for m in _STATISTIC.finditer(sentence)]


_CONDITION_MARKS = re.compile(r"^(?:当|在|若|如果|如|对于|对)|(?:时|的情况下|情况下)$")


def _condition_changed(a: str, b: str, sentence_a: str, sentence_b: str) -> bool:
    """A condition added, removed or changed in more than a few characters of wording (采用 → 为 is editorial).
    A condition moved inside its sentence ("当温度超过40 ℃时，系统应告警" → "系统应在温度超过40 ℃时告警") is
    still there: the side that reads none holds the other's wording."""
    if not a or not b:
        if bool(a) == bool(b):
            return False
        kept, other = (a, sentence_b) if a else (b, sentence_a)
        return _wording(_CONDITION_MARKS.sub("", kept)) not in _wording(other)
    return _wording(a) != _wording(b) and _residual(a, b) > CONDITION_LIMIT


def _lead_condition(sentence: str) -> str:
    """The clause before the first comma when it reads as a condition (当…时，在…中，对于…，若…，)."""
    head = re.split(r"[，,]", sentence, maxsplit=1)
    if len(head) == 2 and _CONDITION.match(head[0].strip()) and len(head[0]) <= 40:
        return normalise(head[0])
    return ""


def _numbers(text: str) -> Counter[str]:
    """Values with their units of measure (5 s and 5秒 are one value, 5 s and 5毫秒 two). Bibliography
    citations ("参见参考文献[6]") are labels; counts in words ("三位小数") are values."""
    return Counter(n + unit for n, unit in quantities(_CITATION.sub(" ", _REF.sub(" ", arabic(text)))))


def _normative(text: str) -> str:
    """The text less its notes and examples (informative: adding or dropping one changes no provision)."""
    return "\n".join(line for line in text.splitlines() if not _INFORMATIVE.match(line))


def _fold(text: str) -> str:
    return fold_negated_bounds(unicodedata.normalize("NFKC", text))


def _content_diff(left: str, right: str) -> tuple[Counter[str], Counter[str]]:
    """Content words only on the left and only on the right, synonyms, particles, punctuation and
    cross-references ("（见8.4）", informative) discounted."""
    # 十四周岁 and 14周岁 are one value in two numeral forms (an editorial change), not two words
    a = Counter(_canon(t) for t in tokens(arabic(_CROSS_REF.sub("", left))) if normalise(t) and t not in _FILLER)
    b = Counter(_canon(t) for t in tokens(arabic(_CROSS_REF.sub("", right))) if normalise(t) and t not in _FILLER)
    return a - b, b - a


def _residual(left: str, right: str) -> int:
    """Characters changed once synonyms, particles, punctuation and word order are discounted."""
    gone, new = _content_diff(left, right)
    return sum(len(t) * n for t, n in (gone + new).items())


def _wording(text: str) -> str:
    """The words that carry meaning, with synonyms and particles folded: 在…的系统上 = 在…系统上."""
    return "".join(_canon(t) for t in tokens(text) if normalise(t) and t not in _FILLER) if text else ""


def _canon(token: str) -> str:
    key = _SYN.get(token)
    return f"§{key}" if key is not None else normalise(token)
