"""Relation of a draft provision to a source sentence it restates: duplicate, stricter, looser, contradicting.

From both sides' wording alone: a negation on one side only is a contradiction (unless the source offers
options and the draft excludes one: stricter), 应 against 宜/可 (shall against should/may) is stricter or
looser, a different limit value or period under the same comparator is stricter or looser by the
comparator's direction, and a swapped method (定性/定量) is a contradiction.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from assistant.compare.measures import in_days
from assistant.document.numerals import arabic
from assistant.document.periods import period
from assistant.requirements.analysis import analyse

Relation = Literal["duplicate", "stricter", "looser", "contradicting", "none"]

_NEG_ZH = re.compile(r"不应|不得|不宜|不必|无须|无需|不需要|可不|禁止|不允许|"
                     r"不(?:通知|告知|记录|保存|保留|开展|提供|公开|披露|报告|审核|评估|标识|说明|进行|采取|履行)")
_NEG_EN = re.compile(r"\b(shall not|should not|must not|need not|may not|is not required|are not required|"
                     r"without|prohibited)\b", re.I)
_STRONG = {"应", "应当", "必须", "shall", "must"}
_MEDIUM = {"宜", "should", "鼓励", "encouraged"}  # "X is encouraged to" recommends, as 宜 does
_WEAK = {"可", "可以", "may", "can"}
_NUM = re.compile(r"\d+(?:[ ,]\d{3})*(?:\.\d+)?")
_AT_LEAST = ("不少于", "不低于", "至少", "以上", "≥", "not less than", "at least", "no fewer than",
             "not fewer than", "minimum")
_AT_MOST = ("不超过", "不大于", "不高于", "以内", "内", "≤", "not exceeding", "not more than", "no more than",
            "at most", "within", "maximum", "every")


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
    if re.match(r"\s*(?:国家)?鼓励", text) or " are encouraged to " in f" {low} " or " is encouraged to " in f" {low} ":
        return "鼓励" if re.match(r"\s*(?:国家)?鼓励", text) else "encouraged"
    try:
        return analyse(text).verbal_form
    except Exception:  # analysis is best effort
        return ""


def _negated(text: str) -> bool:
    return bool(_NEG_ZH.search(text) or _NEG_EN.search(text))


_EN_DIGITS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
              "eight": "8", "nine": "9", "ten": "10"}
_EN_COUNT = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\b(?=\s+[a-z])", re.I)
_PERIOD = re.compile(r"每\s*\d|every\s+\d", re.I)


# clause, table and annex references are not limit values ("按第5章", "Clause 5", "5.3.1", "表A.1")
_REFERENCE = re.compile(r"(?i:clause|subclause|annex|table|figure|article|paragraph|表|图|附录)\s*[A-Z]?\d+(?:\.\d+)*|"
                        r"第\s*\d+\s*[章条节]|\b\d+\.\d+(?:\.\d+)+\b|\d+\.\d+(?=中|的规定)|"
                        r"\b[A-Z]{2,}(?:/[A-Z]+)?\s*\d+(?:\.\d+)*(?::\d{4}|—\d{4})?")


def _numbers(text: str) -> list[float]:
    return list(_numbers_cached(text))


@functools.lru_cache(maxsize=65536)
def _numbers_cached(text: str) -> tuple[float, ...]:
    out = []
    text = _REFERENCE.sub(" ", text)
    text = arabic(text)
    text = _EN_COUNT.sub(lambda m: _EN_DIGITS[m.group(1).lower()], text)
    for m in _NUM.findall(text):
        try:
            out.append(float(m.replace(" ", "").replace(",", "")))
        except ValueError:
            continue
    return tuple(out)


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


def _comparator_at(low: str, value: float) -> int:
    """The direction of the comparator next to VALUE where it stands in LOW (0: none there)."""
    for m in _NUM.finditer(low):
        try:
            v = float(m.group().replace(" ", "").replace(",", ""))
        except ValueError:
            continue
        if v == value:
            near = _nearest_comparator(low, m.start(), m.end())
            if near:
                return near
    return 0


def _direction(text: str, value: float | None = None) -> int:
    low = arabic(text.lower())
    low = _EN_COUNT.sub(lambda m: _EN_DIGITS[m.group(1).lower()], low)
    if value is not None:
        # the comparator next to the changed value decides ("…及以上的风险应在2个工作日内")
        near = _comparator_at(low, value)
        if near:
            return near
    if _PERIOD.search(low):
        return -1  # "every 12 months": a shorter period demands more
    if any(w in low for w in _AT_LEAST):
        return 1
    if any(w in low for w in _AT_MOST):
        return -1
    return 0


# conformance to another provision of the document: an annex, a clause or a table that fixes the content
_CONFORM = re.compile(r"(?:按|按照|符合)\s*(?:附录\s*[A-Z]|第?\s*\d+(?:\.\d+)*\s*[章条]?|表\s*[A-Z]?\.?\d+)[^，。；,;]{0,8}?"
                      r"(?:的)?(?:规定|要求)|in accordance with (?:Annex [A-Z]|Clause \d|Table [A-Z]?\.?\d)", re.I)


# opposite choices of method or party: the same sentence with one of them swapped says the opposite
_ANTONYMS = (("定性", "定量"), ("qualitative", "quantitative"))
# a source that offers alternatives ("采取下列措施之一", "shall either … or …"): excluding one is stricter
_OPTIONS = re.compile(r"之一|或者|或|\beither\b|\bor\b", re.I)

_LIMIT = re.compile(r"\d+(?:\.\d+)?\s*(?:个)?(?:工作日|小时|分钟|日|天|周|个月|月|年)(?:内|以内)|"
                    r"(?:within|no later than)\s+\d+\s+(?:working\s+)?(?:days?|hours?|minutes?|weeks?|months?|years?)",
                    re.I)


_VAGUE_PERIOD = re.compile(r"定期|经常性|\bregularly\b|\bperiodically\b|\bperiodic\b", re.I)
_IMMEDIATE = re.compile(r"立即|立刻|即时|\bimmediately\b|without (?:undue )?delay", re.I)


def _limit(text: str) -> bool:
    """Whether the text sets a time limit ("3个工作日内", "within 72 hours"), numerals in words included."""
    return bool(_LIMIT.search(arabic(text)))


def classify(draft: str, source: str, source_unit: str = "") -> tuple[Relation, list[str]]:
    """The relation of a draft provision to a similar source sentence, seen from the draft. `source_unit`
    (the whole source clause) tells whether the source offered alternatives."""
    reasons: list[str] = []
    neg_d, neg_s = _negated(draft), _negated(source)
    if neg_d != neg_s:
        if neg_d and _OPTIONS.search(source_unit or source):
            return "stricter", ["an option of the source is excluded"]
        return "contradicting", ["negation on one side only"]
    low_d, low_s = draft.lower(), source.lower()
    for w1, w2 in _ANTONYMS:
        for x, y in ((w1, w2), (w2, w1)):
            if x in low_d and y not in low_d and y in low_s and x not in low_s:
                return "contradicting", [f"{y} → {x}"]
    fd, fs = _force(_verbal(draft)), _force(_verbal(source))
    if fd and fs and fd != fs:
        reasons.append(f"verbal form {_verbal(source)} → {_verbal(draft)}")
        return ("stricter" if fd > fs else "looser"), reasons
    # durations in days: "72小时内" and "within three days" set one limit
    draft_days, source_days = in_days(draft), in_days(source)
    nd, ns = _numbers(draft_days), _numbers(source_days)
    changed = [(a, b) for a, b in zip(nd, ns, strict=False) if a != b]
    if changed:
        a, b = changed[0]
        direction = _direction(draft_days, a) or _direction(source_days, b)
        if direction:
            reasons.append(f"value {b:g} → {a:g}")
            tighter = (a > b) if direction > 0 else (a < b)
            return ("stricter" if tighter else "looser"), reasons
    if bool(nd) != bool(ns) and not any(_limit(t) or period(t) is not None for t in (draft, source)):
        # a bound only one side sets ("留存记录不少于3年" against "留存记录"): adding one asks for more (time
        # limits and periods have their own rules below)
        value, text = (nd[0], draft_days) if nd else (ns[0], source_days)
        if _comparator_at(arabic(text.lower()), value):  # "不少于3年", "at most 5"
            reasons.append(("bound added" if nd else "bound removed") + f": {value:g}")
            return ("stricter" if nd else "looser"), reasons
    conform_d, conform_s = bool(_CONFORM.search(draft)), bool(_CONFORM.search(source))
    if conform_d != conform_s:
        # "应按附录A的规定报告" fixes what the report holds; without it the organization decides
        reasons.append("conformance to a provision " + ("added" if conform_d else "dropped"))
        return ("stricter" if conform_d else "looser"), reasons
    limit_d, limit_s = _limit(draft), _limit(source)
    if limit_d != limit_s and not (nd and ns):
        # a time limit only one side sets tightens the obligation, unless the other side says "immediately"
        # (a draft that keeps "立即" and adds a limit for another case asks for more, not for less)
        immediate = _IMMEDIATE.search(source if limit_d else draft) and not _IMMEDIATE.search(draft if limit_d else source)
        reasons.append(("limit added" if limit_d else "limit removed") + (" (against 'immediately')" if immediate else ""))
        return ("stricter" if limit_d != bool(immediate) else "looser"), reasons
    pd, ps = period(draft), period(source)
    if pd is not None and ps is not None and pd != ps:
        reasons.append("period changed")
        return ("stricter" if pd < ps else "looser"), reasons
    if (pd is None) != (ps is None) and _VAGUE_PERIOD.search(source if pd is not None else draft):
        # "每年一次" against "定期": a stated period binds where "periodically" leaves it open
        reasons.append("period stated" if pd is not None else "period left open")
        return ("stricter" if pd is not None else "looser"), reasons
    return "duplicate", reasons
