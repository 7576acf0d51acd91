"""Change type across languages, where the words cannot be diffed: compare what translation preserves.

A faithful translation keeps the kinds of provision (shall/应, should/宜, may/可), the values and the
list items. A change in any of them is a technical deviation; anything else reads as a translation.
Counts of sentences are not compared: translators split and join sentences freely. Kinds are read per clause
of a sentence (a permission beside a requirement counts), leaving out modals that are not the document's own
(an indirect question "whether … should", a relative clause, the idiom 无须…即可); a count spelt in words on
one side ("three levels", 两种) matches its digits on the other.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from assistant.compare.measures import comparators, fold_negated_bounds, quantities, same_durations
from assistant.compare.model import Status
from assistant.document.numerals import EN_NUMBERS
from assistant.document.numerals import value as numeral_value
from assistant.document.periods import period
from assistant.document.provisions import ProvisionType, split_sentences, verbal_form
from assistant.requirements.analysis import UNITS

# numbers that are labels, not values: designations and years, clause and table references, note and
# example numbers, bibliography citations
_LABELS = re.compile(  # a one-dot number is a clause reference unless a unit follows it

    r"(?:ISO|IEC|GB|GB/T|GB/Z|ITU|IEEE|NIST|EN)\s*(?:/\s*[A-Z]+)?\s*[\d.\-:—–]+|(?<![\d.])(?:19|20)\d{2}(?!\d|\.\d)|"
    r"(?<![\d.])\d+(?:\.\d+){2,}(?!\.?\d)|[A-Z]\.\d+(?:\.\d+)*|"
    r"(?<![\d.])(?!0\.)\d+\.\d+(?!\.?\d)(?!\s*(?:(?:" + UNITS + r")(?![A-Za-z])|×|[位字节]))|"
    r"[(（](?:EU|EC|EEC)[)）]\s*(?:No\s*)?\d{2,4}/\d+|"  # Regulation (EU) 2024/1689, （EU）2024/1689号
    r"(?:Note|NOTE|EXAMPLE|Example|Tables?|Figures?|Annex|(?i:clauses?|articles?|paragraphs?|points?|sections?|chapters?)|"
    r"注|示例|表|图|附录|第)\s*\d+(?:\.\d+)*"
    r"(?:\s*(?:to entry|(?:and|to|,|、|和|至)\s*(?:第\s*)?\d+(?!\.?\d)))*|"
    r"\[\d+(?:[\]，,、–\-]\s*\[?\d+)*\]?|\(\d+\)|（\d+）",
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ITEM = re.compile(r"^\s*(?:——|—|-|•|[a-z][)）]|\d+[)）]|（[一二三四五六七八九十]+）)")
_COUNTED = (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION, ProvisionType.PERMISSION)


_EN_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n")
_INFORMATIVE = re.compile(r"^\s*(?:NOTE|Note|EXAMPLE|Example|注|示例)\s*\d*\s*(?:to entry)?\s*[:：]")
# A modal inside an embedded clause is not the document's own provision: "decide whether X should proceed"
# (an indirect question) or "the risks which should be treated" (a relative clause) state, they do not
# recommend. "if" is an indirect question only after a verb of asking or deciding ("if X, Y shall" is a
# condition). The clause runs to the next comma, semicolon or sentence end; "that" is left alone, since
# "ensure that X shall" is the document's requirement.
_EMBEDDED_EN = re.compile(
    r"\b(?:whether|(?:(?:determin|decid|assess|check|evaluat|consider|ascertain|verif|establish|ask|know|"
    r"examin|review|judg|indicat)\w*|as to)\s+if|which|who|whom|whose|that(?=\s+(?:may|might|can|could)\b))"
    r"\b[^,;:.!?]*", re.I)
# "X shall not apply to Y" states where the document applies (本文件不适用于…), which a translator renders as
# a statement: applicability is not a provision of the kind a deviation changes
_APPLIES_EN = re.compile(r"\b(?:shall|should)\s+(?:not\s+|also\s+|only\s+|continue to\s+)?"
                         r"(?:apply|cover|constitute|be (?:deemed|considered|regarded))\b",
                         re.I)  # applicability and deeming ("shall not constitute" is 不构成): statements
# "shall be entitled to" grants a right, as 有权 does: a statement, not the document's requirement
_ENTITLED = re.compile(r"\b(?:shall|should|may)\s+be\s+entitled\b", re.I)
# "which/who" followed by a verb of its own ("who are employers", "which make use of") is a subject relative
# clause that ends before the main clause's modal; followed by a modal ("which should be treated") or by the
# subject of an object relative ("which the organization should treat") it holds the modal itself
_SUBJECT_RELATIVE = re.compile(
    r"(?:which|who)\s+(?!(?:shall|should|must|may|can|could|might|will|would|not|the|a|an|this|these|those|that|"
    r"it|its|they|their|them|we|our|he|she|his|her|each|any|all|such|no|one|users?|providers?|deployers?|"
    r"organi[sz]ations?)\b)", re.I)
# ISO/IEC Directives Part 2, 7.2–7.4: the expressions allowed in place of shall, should and may
_ISO_EQUIVALENTS = [(re.compile(p, re.I), modal) for p, modal in (
    (r"\bit is not recommended that\b", "should not"), (r"\bit is recommended that\b", "should"),
    (r"\bought not to\b", "should not"), (r"\bought to\b", "should"),
    (r"\bit is not required that\b", "need not"), (r"\b(?:is|are) not required to\b", "need not"),
    (r"\bit is required that\b", "shall"), (r"(?<!that )(?<!which )(?<!what )\b(?:is|are) required to\b", "shall"),
    (r"\b(?:has|have) to\b", "shall"), (r"\b(?:is|are) (?:permitted|allowed) to\b", "may"),
)]
_MODAL = re.compile(r"\b(?:shall|should|must|may)\b", re.I)
# the same in a Chinese rendering: 是否应/是否宜 asks, it does not require
_CLAUSE_BREAK = re.compile(r"[,，;；:：]|\s+and\s+")
# "无须修改即可运行" is "runs without modification": the idiom 无须…即可 describes, it does not permit
_WITHOUT_ZH = re.compile(r"(?:无须|无需|不必|不需要)(?=[^，,。；;]{0,20}?(?:即可|就可|便可|就能|便能))")
# counts spelt out; "one" is left alone (a pronoun as often as a count), as is 一 (一致, 一般, 统一)
_EN_NUMBERS = {"both": 2} | EN_NUMBERS
_EN_COUNT = re.compile(r"\b(" + "|".join(_EN_NUMBERS) + r")\b(?!-)", re.I)
_ZH_COUNT = re.compile(r"(?<![一二三四五六七八九十两第])([二三四五六七八九两]|[二三四五六七八九]?十[一二三四五六七八九]?)"
                       r"(?=[个级次类项种名人天日年月周层位条组份步轮])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# what a cross-reference points at: a subclause after 见/see/clause, any deeper clause number, an annex
_XREF = re.compile(r"(?:参见|见|\bsee\b|\b(?:sub)?clauses?\b)\s*(?<![\d.])\d+(?:\.\d+)+(?!\d|\.\d)|"
                   r"(?<![\d.])\d+(?:\.\d+){2,}(?!\d|\.\d)|(?:附录\s*|\bAnnex\s+)[A-Z](?![A-Za-z])|"
                   r"\bArticles?\s+\d+|第\s*\d+\s*条", re.I)
_POSSIBLE_EN = re.compile(r"\b(?:can|could|might|possibly)\b", re.I)
_POSSIBLE_ZH = re.compile(r"可能|能够")
_TENTHS = re.compile(r"([一二三四五六七八九])成")  # 二成 is 20 %
_EXAMPLE = re.compile(r"\be\.\s?g\.|\bfor (?:example|instance)\b|例如|比如|譬如", re.I)
_EMBEDDED_ZH = re.compile(r"是否(?:应当|应该|应|宜|需要|需|可以|可)")
# Provisions of other texts, reported: "法律规定处理X应取得书面同意的，从其规定" is "where the law requires
# consent"; the 应 belongs to the law cited, up to the 的 that closes the condition
_REPORTED_ZH = re.compile(r"规定[^，。；,;：:的]*?(?:应当|应该|应|不得|必须|须)[^，。；,;：:]*?的")
_REPORTED_MODAL = re.compile(r"应当|应该|应|不得|必须|须")
# 允许 as an attribute describes what is allowed ("允许的最大误差", "依照允许分发的许可证"); it permits nothing
_ALLOWED_ZH = re.compile(r"(?:(?<=依照)|(?<=按照)|(?<=依据)|(?<=根据))允许|允许(?=的)")


def classify_crosslingual(left_body: str, right_body: str, informative: bool = False,
                          term: bool = False) -> tuple[Status, list[str]]:
    """INFORMATIVE units (foreword, introduction) carry no provisions: any difference there is editorial. A TERM
    entry's definition holds no provisions either (GB/T 1.1): "禁止使用" or "may result" in it describe the
    concept, so only values and list items are compared."""
    changes: list[str] = []
    lt, rt = (set(), set()) if term else (_types(left_body), _types(right_body))
    if lt != rt:
        lt, rt = _may_as_possibility(lt, left_body, rt, right_body)
    if lt != rt:
        changes.append(f"provisions / 条款类型: {_show(lt)} → {_show(rt)}")
    ln, rn = _reconciled(values(_normative(left_body)), values(_normative(right_body)), left_body, right_body)
    if ln != rn and (_thousands_reconciled(left_body, right_body)
                     or same_durations(left_body, right_body, lambda t: values(_normative(t)))):
        ln = rn  # "1,000" meant a thousand; "72小时" is "three days"
    if ln != rn:
        changes.append(f"value / 数值: {', '.join(sorted((ln - rn).elements())) or '—'} → "
                       f"{', '.join(sorted((rn - ln).elements())) or '—'}")
    gone, new = _spelt_replaced(left_body, right_body)
    if gone and ln == rn:
        changes.append(f"value / 数值: {', '.join(sorted(gone.elements()))} → {', '.join(sorted(new.elements()))}")
    lp, rp = period(_normative(left_body)), period(_normative(right_body))
    if lp is not None and rp is not None and abs(lp - rp) > 0.01:
        changes.append(f"period / 周期: {lp:g} → {rp:g} d")
    changes.extend(_units_changed(left_body, right_body))
    if not term:
        changes.extend(_polarity_flipped(left_body, right_body))
    changes.extend(_bounds_reversed(left_body, right_body))
    for name, zh, en in _MARKERS:
        lc, rc = (len((zh if _CJK.search(t) else en).findall(_normative(t))) for t in (left_body, right_body))
        if lc != rc:
            changes.append(f"{name}: {lc} → {rc}")
    li, ri = _items(left_body), _items(right_body)
    # a run-in enumeration laid out as a list (or the reverse) keeps its members: counts compare only lists
    if li != ri and li and ri:
        changes.append(f"list items / 列项: {li} → {ri}")
    if changes and not informative:
        return Status.TECHNICAL, changes
    if changes or _labels(left_body) != _labels(right_body) or _cross_references(left_body) != _cross_references(
            right_body):
        # renumbered citations and references, or national text in the foreword: editorial
        return Status.EDITORIAL, changes or ["references or citations / 引用编号"]
    if li != ri:
        return Status.EDITORIAL, [f"list layout / 列项编排: {li} → {ri}"]
    ln_, rn_ = _informative(left_body), _informative(right_body)
    if ln_ != rn_:
        # a note or example added or left out changes no provision, but a faithful translation keeps them
        return Status.EDITORIAL, [f"notes and examples / 注和示例: {ln_} → {rn_}"]
    return Status.UNCHANGED, []


# What a faithful translation keeps, counted in each language: working days (三十个工作日 is not "30 days").
# (Exceptions were tried too: 除外/以外/之外 and except/unless/other than are phrased too many ways to count.)
_MARKERS = (
    ("working days / 工作日", re.compile(r"工作日"), re.compile(r"\b(?:working|business) days?\b", re.I)),
)


def _units_changed(left: str, right: str) -> list[str]:
    """A number both texts give with a unit, in different units (1米 rendered "1 cm")."""
    lq, rq = (quantities(unicodedata.normalize("NFKC", _normative(t))) for t in (left, right))
    lu: dict[str, set[str]] = {}
    ru: dict[str, set[str]] = {}
    for quantities_, units in ((lq, lu), (rq, ru)):
        for number, unit in quantities_:
            if unit:
                units.setdefault(number, set()).add(unit)
    return [f"unit / 单位: {n} {'/'.join(sorted(lu[n]))} → {n} {'/'.join(sorted(ru[n]))}"
            for n in sorted(lu.keys() & ru.keys()) if lu[n] != ru[n]]


# negative verbal forms, by kind, as laws and standards write them ("are not to be transmitted", "may process
# without notifying" for 可不告知); a negated bound (不应低于, "shall not exceed") is folded first
_NEGATIVE = (
    # "No provider shall …" prohibits; "no later than" and "no more than" are bounds
    ("requirement", re.compile(r"不应|不得|不准许"),
     re.compile(r"\b(?:shall|must) not\b|\bno\s+(?!later\b|earlier\b|more\b|less\b|longer\b|fewer\b)[^.;,]{0,40}"
                r"\bshall\b|\b(?:is|are) not to be\b", re.I)),
    ("recommendation", re.compile(r"不宜"), re.compile(r"\bshould not\b", re.I)),
    ("permission", re.compile(r"不必|无须|无需|不需要|可不(?=[\u4e00-\u9fff])"),
     re.compile(r"\bneed not\b|\bmay\b[^.;]{0,60}\bwithout\b", re.I)),
)


def _polarity_flipped(left: str, right: str) -> list[str]:
    """A kind of provision negative on one side only, while the other states it positively: "不应使用" rendered
    "shall use". (A kind missing altogether on one side is a change of kind, found by the types.)"""
    texts = [own_clauses(fold_negated_bounds(_normative(t))) for t in (left, right)]
    out = []
    for kind, zh, en in _NEGATIVE:
        negative = [bool((zh if _CJK.search(t) else en).search(t)) for t in texts]
        if negative[0] != negative[1] and kind in _types(texts[negative.index(False)]):
            out.append(f"polarity / 肯定否定: {'not ' if negative[0] else ''}{kind} → "
                       f"{'not ' if negative[1] else ''}{kind}")
    return out


def _bounds_reversed(left: str, right: str) -> list[str]:
    """Lower bounds only on one side, upper bounds only on the other: "不低于95%" rendered "at most 95 %"."""
    sides = []
    for text in (left, right):
        classes = {c for _, c in comparators(fold_negated_bounds(_normative(text)))}
        sides.append(("lower" if classes <= {">=", ">"} else "upper" if classes <= {"<=", "<"} else "") if classes
                     else "")
    if sides[0] and sides[1] and sides[0] != sides[1]:
        return [f"bound / 界限: {sides[0]} → {sides[1]}"]
    return []


def _may_as_possibility(lt: set[str], left: str, rt: set[str], right: str) -> tuple[set[str], set[str]]:
    """A permission on one side only, where the other side states a possibility, is that possibility.

    English "may" is a permission or a possibility ("risks that may emerge"), which Chinese tells apart (可 /
    可能); Chinese 可 / 可以 often means "can" (可以直接访问, "can access"). Translators map them loosely."""
    out = {"left": lt, "right": rt}
    for side, text, other_text in (("left", left, right), ("right", right, left)):
        other = "right" if side == "left" else "left"
        if "permission" not in out[side] - out[other]:
            continue
        chinese = bool(_CJK.search(text))
        possible = len((_POSSIBLE_EN if chinese else _POSSIBLE_ZH).findall(other_text))
        # each 可能 of the Chinese side explains one English "may"; a "may" left over permits ("where data has
        # been or may be disclosed … they may also report": one 可能, two mays). Chinese 可 is too often an
        # adjective (可查询, 可验证的) to be counted: there any possibility on the English side will do.
        needed = 1 if chinese else _kinds(text)["permission"]
        if chinese != bool(_CJK.search(other_text)) and possible >= needed:
            out[side] = out[side] - {"permission"}
    return out["left"], out["right"]


def _normative(text: str) -> str:
    """The text less its notes and examples, which may hold figures but no provisions."""
    return "\n".join(line for line in text.splitlines() if not _INFORMATIVE.match(line))


def _cross_references(text: str) -> int:
    """How many cross-references ("见11.7", "Annex B"): a translation keeps them, renumbered or not."""
    return len(_XREF.findall(unicodedata.normalize("NFKC", text)))


def _informative(text: str) -> int:
    """Notes and examples: NOTE/注 paragraphs and in-text examples ("e.g.", "for example", 例如)."""
    return sum(1 for line in text.splitlines() if _INFORMATIVE.match(line)) + len(_EXAMPLE.findall(text))


def _labels(text: str) -> Counter[str]:
    folded = unicodedata.normalize("NFKC", text)
    return Counter(n for m in re.finditer(r"\[[\d,，、–\-\s\]\[]+\]", folded) for n in _NUMBER.findall(m.group(0)))


def _thousands_reconciled(left: str, right: str) -> bool:
    """Whether the values agree once "1,000" is read as a thousand, not as the ISO decimal comma."""
    return values(_normative(left), thousands=True) == values(_normative(right), thousands=True)


def values(text: str, thousands: bool = False) -> Counter[str]:
    """THOUSANDS: a comma between digits followed by three digits groups thousands ("1,000", English law);
    otherwise it is the ISO decimal comma ("0,962")."""
    text = _TENTHS.sub(lambda m: f"{numeral_value(m.group(1)) * 10}%", text)
    if thousands:
        text = re.sub(r"(?<![\d.,])(\d{1,3}),(?=\d{3}(?!\d))", r"\1", text)
    # before NFKC, which would turn the Chinese "，" into "," too
    folded = unicodedata.normalize("NFKC", re.sub(r"(\d),(\d)", r"\1.\2", text))
    folded = re.sub(r"(\d) (\d{3})(?!\d)", r"\1\2", folded)  # "1 000": a thousands space in both styles
    folded = _LABELS.sub(" ", folded)
    return Counter(_canonical(n) for n in _NUMBER.findall(folded))


def spelt_counts(text: str) -> Counter[str]:
    """Counts written in words ("three levels", 三类, "both" and 两 as 2)."""
    out: Counter[str] = Counter(str(_EN_NUMBERS[m.group(1).lower()]) for m in _EN_COUNT.finditer(text))
    out.update(str(numeral_value(m.group(1))) for m in _ZH_COUNT.finditer(text))
    return out


def _spelt_replaced(left: str, right: str) -> tuple[Counter[str], Counter[str]]:
    """Counts in words that each side has and the other lacks in any form (十四周岁 rendered "sixteen"). Only
    a replacement counts: a count in words on one side alone is as often a pronoun ("both") as a value."""
    left, right = _normative(left), _normative(right)
    ls, rs = spelt_counts(left), spelt_counts(right)
    gone, new = ls - rs - values(right), rs - ls - values(left)
    return (gone, new) if gone and new else (Counter(), Counter())


def _reconciled(left: Counter[str], right: Counter[str], left_text: str, right_text: str) -> tuple[Counter[str],
                                                                                                     Counter[str]]:
    """Values of either side less those the other side spells out: a translator may write "3级" for "three
    levels" or "two" for 两. Only removes differences, so a digit changed in both texts still shows."""
    gone, new = left - right, right - left
    gone_ok = gone & spelt_counts(right_text)
    new_ok = new & spelt_counts(left_text)
    return left - gone_ok, right - new_ok


def _canonical(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number.lstrip("0") or "0"


def _types(text: str) -> set[str]:
    """Kinds of provision in the normative sentences; notes and examples may not hold provisions."""
    return set(_kinds(text))


def _kinds(text: str) -> Counter[str]:
    """How many clauses of the normative sentences hold each kind of provision."""
    out: Counter[str] = Counter()
    for line in text.splitlines():
        if _INFORMATIVE.match(line):
            continue
        for sentence in _EN_SENTENCE.split(line) if line.isascii() else split_sentences(line):
            # every provision of the sentence, not only its strongest: "X should be used; where not possible,
            # Y may be used and the reasons shall be recorded" holds a permission a translator may put alone
            for part in _CLAUSE_BREAK.split(own_clauses(sentence)):
                kind = verbal_form(part)[1]
                if kind == ProvisionType.PERMISSION and "应允许" in part:
                    kind = ProvisionType.REQUIREMENT  # 应允许 is "shall allow", not a permission
                if kind in _COUNTED:
                    out[kind.value] += 1
    return out


def own_clauses(sentence: str) -> str:
    """The sentence without embedded clauses whose modals are not the document's own provisions."""
    if not _CJK.search(sentence):  # English, whatever dashes or quotes it holds
        for pattern, modal in _ISO_EQUIVALENTS:
            sentence = pattern.sub(modal, sentence)
        return _APPLIES_EN.sub("applies", _EMBEDDED_EN.sub(_embedded_part, _ENTITLED.sub("are entitled", sentence)))
    sentence = _REPORTED_ZH.sub(lambda m: _REPORTED_MODAL.sub("", m.group(0)), sentence)
    return _ALLOWED_ZH.sub("", _WITHOUT_ZH.sub("", _EMBEDDED_ZH.sub("是否", sentence)))


def _embedded_part(match: re.Match[str]) -> str:
    """The embedded clause gone, up to the main clause's modal: in "deployers who are employers shall inform",
    the relative clause has its own verb (are), so "shall inform" belongs to the sentence."""
    clause = match.group(0)
    if _SUBJECT_RELATIVE.match(clause):
        modal = _MODAL.search(clause)
        if modal:
            return " " + clause[modal.start():]
    return " "


def _items(text: str) -> int:
    return sum(1 for line in text.splitlines() if _ITEM.match(line))


def _show(kinds: set[str]) -> str:
    return ", ".join(sorted(kinds)) or "—"


def provision_types(text: str) -> set[str]:
    return _types(text)


def items_count(text: str) -> int:
    return _items(text)
