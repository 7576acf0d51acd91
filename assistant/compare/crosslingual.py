"""Change type across languages, where the words cannot be diffed: compare what translation preserves.

A faithful translation keeps the kinds of provision (shall/应, should/宜, may/可), the values and the
list items. A change in any of them is a technical deviation; anything else reads as a translation.
Counts of sentences are not compared: translators split and join sentences freely.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from assistant.compare.model import Status
from assistant.document.provisions import ProvisionType, split_sentences, verbal_form
from assistant.requirements.analysis import UNITS

# numbers that are labels, not values: designations and years, clause and table references, note and
# example numbers, bibliography citations
_LABELS = re.compile(  # a one-dot number is a clause reference unless a unit follows it

    r"(?:ISO|IEC|GB|GB/T|GB/Z|ITU|IEEE|NIST|EN)\s*(?:/\s*[A-Z]+)?\s*[\d.\-:—–]+|\b(?:19|20)\d{2}\b|"
    r"(?<![\d.])\d+(?:\.\d+){2,}(?!\.?\d)|[A-Z]\.\d+(?:\.\d+)*|"
    r"(?<![\d.])(?!0\.)\d+\.\d+(?!\.?\d)(?!\s*(?:(?:" + UNITS + r")(?![A-Za-z])|×|[位字节]))|"
    r"(?:Note|NOTE|EXAMPLE|Example|Tables?|Figures?|Annex|Clauses?|注|示例|表|图|附录|第)\s*\d+"
    r"(?:\s*(?:to entry|(?:and|to|,|、|和|至)\s*(?:第\s*)?\d+(?!\.?\d)))*|"
    r"\[\d+(?:[\]，,、–\-]\s*\[?\d+)*\]?|\(\d+\)|（\d+）",
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ITEM = re.compile(r"^\s*(?:——|—|-|•|[a-z][)）]|\d+[)）]|（[一二三四五六七八九十]+）)")
_COUNTED = (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION, ProvisionType.PERMISSION)


_EN_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n")
_INFORMATIVE = re.compile(r"^\s*(?:NOTE|Note|EXAMPLE|Example|注|示例)\s*\d*\s*(?:to entry)?\s*[:：]")


def classify_crosslingual(left_body: str, right_body: str, informative: bool = False) -> tuple[Status, list[str]]:
    """INFORMATIVE units (foreword, introduction) carry no provisions: any difference there is editorial."""
    changes: list[str] = []
    lt, rt = _types(left_body), _types(right_body)
    if lt != rt:
        changes.append(f"provisions / 条款类型: {_show(lt)} → {_show(rt)}")
    ln, rn = values(left_body), values(right_body)
    if ln != rn:
        changes.append(f"value / 数值: {', '.join(sorted((ln - rn).elements())) or '—'} → "
                       f"{', '.join(sorted((rn - ln).elements())) or '—'}")
    li, ri = _items(left_body), _items(right_body)
    if li != ri:
        changes.append(f"list items / 列项: {li} → {ri}")
    if changes and not informative:
        return Status.TECHNICAL, changes
    if changes or _labels(left_body) != _labels(right_body):
        # renumbered citations and references, or national text in the foreword: editorial
        return Status.EDITORIAL, changes or ["references or citations / 引用编号"]
    return Status.UNCHANGED, []


def _labels(text: str) -> Counter[str]:
    folded = unicodedata.normalize("NFKC", text)
    return Counter(n for m in re.finditer(r"\[[\d,，、–\-\s\]\[]+\]", folded) for n in _NUMBER.findall(m.group(0)))


def values(text: str) -> Counter[str]:
    # "0,962": the ISO decimal comma; before NFKC, which would turn the Chinese "，" into "," too
    folded = unicodedata.normalize("NFKC", re.sub(r"(\d),(\d)", r"\1.\2", text))
    folded = re.sub(r"(\d) (\d{3})(?!\d)", r"\1\2", folded)  # "1 000": a thousands space in both styles
    folded = _LABELS.sub(" ", folded)
    return Counter(_canonical(n) for n in _NUMBER.findall(folded))


def _canonical(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number.lstrip("0") or "0"


def _types(text: str) -> set[str]:
    """Kinds of provision in the normative sentences; notes and examples may not hold provisions."""
    out: set[str] = set()
    for line in text.splitlines():
        if _INFORMATIVE.match(line):
            continue
        for sentence in _EN_SENTENCE.split(line) if line.isascii() else split_sentences(line):
            kind = verbal_form(sentence)[1]
            if kind == ProvisionType.PERMISSION and "应允许" in sentence:
                kind = ProvisionType.REQUIREMENT  # 应允许 is "shall allow", not a permission
            if kind in _COUNTED:
                out.add(kind.value)
    return out


def _items(text: str) -> int:
    return sum(1 for line in text.splitlines() if _ITEM.match(line))


def _show(kinds: set[str]) -> str:
    return ", ".join(sorted(kinds)) or "—"


def provision_types(text: str) -> set[str]:
    return _types(text)


def items_count(text: str) -> int:
    return _items(text)
