"""Text patterns of GB/T, ISO/IEC, law, EU and NIST documents, and width normalisation."""

from __future__ import annotations

import re

# Full-width ASCII variants (Ａ-Ｚ, ０-９, ．…) map to ASCII for matching; U+3000 stays, it separates number
# and title. Content keeps its own width: classifiers slice the original text with the match's spans.
_FULLWIDTH_FOR_MATCH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SPACE = r"[ \t\u3000\u00a0]"

# "GB/T 41867—2022", "GB/T 18487.1", "ISO/IEC 22989:2022", "GB/Z XXXXX—XXXX", "YD/T 1234-2020"
DESIGNATION = re.compile(
    r"(?<![A-Za-z])(?:GB(?:/[TZ])?|ISO/IEC(?:\s+(?:TR|TS|Guide))?|ISO(?:/(?:TR|TS))?|IEC(?:/(?:TR|TS))?"
    r"|[A-Z]{2}/[TZ]|T/[A-Z]{2,10}|STDRAFT-REF)"
    r"\s*(?:\d+|X{3,6}|x{3,6})(?:\.\d+)*(?:-\d+)?"
    r"(?:\s*(?:[—–]|--|-(?=\d{4})|:)\s*(?:\d{4}|X{4}|x{4}))?"
)
PLACEHOLDER_DESIGNATION = re.compile(r"(?:GB(?:/[TZ])?)\s*[Xx]{3,6}\s*[—–\-:]\s*[Xx]{4}")

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = r"[零〇一二两三四五六七八九十百千]+"


def normalise_for_match(text: str) -> str:
    """A line as the classifier sees it: ASCII digits, letters and brackets; tabs and NBSP as spaces."""
    return text.translate(_FULLWIDTH_FOR_MATCH).replace("\t", " ").replace("\u00a0", " ")


def cn_to_int(numeral: str) -> int:
    """Chinese numeral (一百一十七) to int."""
    total, section, current = 0, 0, 0
    for ch in numeral:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            section += (current or 1) * 10
            current = 0
        elif ch == "百":
            section += (current or 1) * 100
            current = 0
        elif ch == "千":
            section += (current or 1) * 1000
            current = 0
    total += section + current
    return total


def strip_markdown(line: str) -> tuple[str, int]:
    """Remove heading marks, emphasis and quote marks; return the text and the heading level (0: none)."""
    level = 0
    m = re.match(r"^(#{1,6})\s*", line)
    if m:
        level = len(m.group(1))
        line = line[m.end() :]
    line = re.sub(r"^>\s?", "", line)
    line = line.replace("**", "").replace("__", "")
    return line.strip(), level


def collapse_cjk_spaces(text: str) -> str:
    """'总 则' → '总则', '前　言' → '前言': spacing used for typography between CJK characters."""
    return re.sub(rf"(?<=[{CJK}]){SPACE}+(?=[{CJK}])", "", text)


def is_cjk(text: str) -> bool:
    return re.search(rf"[{CJK}]", text) is not None


SENTENCE_END = "。；！？.;!?"
CLAUSE_END = SENTENCE_END + "：:，,"

# Characters that start "10 个工作日内…", "2 种以上…": a number followed by a measure word is body text.
MEASURE_WORDS = set("个种项次名天倍%％℃家台套位只张份")
# nouns that begin with a measure word: "个人信息", "张量", "位置" are titles, not "10 个工作日"
_MEASURE_WORD_NOUNS = ("个人", "个体", "个性", "个别", "种类", "项目", "名称", "名词", "天线", "台账", "套件", "位置",
                       "位姿", "位宽", "只读", "张量", "份额", "倍数", "次数", "家庭", "家居")
# "4.2 和 4.3 适用于…": a clause reference at the start of a sentence, not a heading (English sentences
# continue in lower case, which the builder checks)
REFERENCE_STARTS = ("和", "与", "及", "或", "至", "到", "～", "~", "、", "中的", "中规定", "中所", "的", "规定", "所列", "所述", "给出")


def title_like(text: str, max_len: int = 40) -> bool:
    """A heading title: short, no sentence-final punctuation, no comma."""
    t = text.strip()
    if not t or len(t) > (max_len if is_cjk(t) else max_len * 3):
        return False
    if t[-1] in CLAUSE_END or "，" in t or "。" in t or "；" in t:
        return False
    if not is_cjk(t) and (". " in t or len(t) > 100):
        return False
    return t[0] not in MEASURE_WORDS or t.startswith(_MEASURE_WORD_NOUNS)
