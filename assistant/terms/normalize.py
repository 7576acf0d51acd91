"""Normal forms of terms, English equivalents, designations and clause numbers.

Two spellings of one term (全角/半角, 繁体/简体, 体系/系统, "life cycle"/"lifecycle") must meet in one key, so
that lookups find them and the variant-form rule can tell a variant (same key, different spelling) from a
different term (different key). Character-level maps keep the length of the text, so a match found in the
mapped text is at the same offsets in the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A small built-in traditional → simplified map: the characters of AI and IT terminology, not a full converter
# (a full one would be a dependency for a rule that only needs to notice 資料/數據-style slips).
_TRAD_SIMP_PAIRS = (
    "統统據据數数學学習习機机訓训練练驗验證证測测試试資资庫库網网絡络處处計计實实現现語语識识別别標标記记註注"
    "險险風风評评價价應应類类務务開开發发設设備备儲储輸输個个體体權权隱隐護护產产質质問问題题與与對对為为從从"
    "義义點点圖图視视覺觉聲声態态錄录構构決决優优雲云邊边緣缘節节號号線线參参強强監监督督無无樣样鏈链責责員员"
    "軟软適适運运維维營营檢检範范認认環环傳传導导條条規规則则術术簡简稱称關关聯联們们來来時时間间預预結结際际"
    "變变換换歸归屬属檔档碼码濾滤擬拟錯错誤误準准確确讀读寫写殘残獲获給给傷伤複复雜杂續续斷断圍围層层級级將将"
    "帶带頻频種种論论審审鑒鉴嚴严盡尽總总經经濟济頭头腦脑積积遞递遷迁協协議议隊队區区塊块鐘钟執执緩缓齊齐銷销"
    "選选擇择舉举動动讓让紀纪萬万億亿兩两並并於于達达訊讯響响顯显驅驱啟启靜静織织組组範范夠够殊殊辦办紹绍"
    "觸触豐丰爾尔術术顧顾嗎吗廣广礎础礙碍戶户擴扩據据攝摄據据驟骤鑑鉴礦矿費费閾阈損损盤盘處处"
    "內内過过濾滤詞词錯错誤误說说話话譯译機机識识臉脸聲声紋纹圖图譜谱鏈链據据測测評评級级東东門门車车"
    "業业電电腦脑壓压質质護护認认證证憑凭據据嚮向導导態态環环盡尽廠厂產产術术儲储緩缓閘闸遞递齡龄"
)
_TRAD: dict[str, str] = {_TRAD_SIMP_PAIRS[i]: _TRAD_SIMP_PAIRS[i + 1] for i in range(0, len(_TRAD_SIMP_PAIRS), 2)}

# Word-level variants of one concept that drafts mix up; each pair has equal length so offsets survive.
# The first member is the variant, the second the form it normalises to.
WORD_VARIANTS: tuple[tuple[str, str], ...] = (
    ("体系", "系统"),
    ("智慧", "智能"),
    ("软体", "软件"),
    ("网路", "网络"),
    ("程式", "程序"),
    ("讯息", "信息"),
)
_DASHES = "‐‑‒–—―−－"


def _table() -> dict[int, str]:
    # one translation table (str.translate is two orders of magnitude faster than a per-character function):
    # full-width ASCII → ASCII, ideographic space → space, dashes → "-", traditional → simplified, A-Z → a-z
    table = {0xFF01 + i: chr(0x21 + i) for i in range(0x5E)}
    table[0x3000] = " "
    table.update({ord(ch): "-" for ch in _DASHES})
    table.update({ord(t): s for t, s in _TRAD.items()})
    for code, ch in list(table.items()):
        table[code] = ch.lower()
    table.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    return table


_TABLE = _table()


def fold_chars(text: str) -> str:
    """Width, traditional characters and case folded, one character for one: offsets are preserved."""
    return text.translate(_TABLE)


def word_variants(text: str) -> set[str]:
    """The forms of ``text`` with 体系/系统-style words swapped, one occurrence at a time or all at once.

    Swapping by blind replacement would break words that straddle a pair ("多智能体系统" holds 体系 too), so the
    forms are generated and compared, never used as a canonical key.
    """
    forms = {text}
    for a, b in WORD_VARIANTS:
        for src, dst in ((a, b), (b, a)):
            for form in list(forms):
                start = form.find(src)
                while start >= 0:
                    forms.add(form[:start] + dst + form[start + len(src):])
                    start = form.find(src, start + 1)
                if src in form:
                    forms.add(form.replace(src, dst))
    return forms


def fold_words(text: str) -> str:
    """``fold_chars`` plus the word-level variants (体系 → 系统 …); still length-preserving."""
    out = fold_chars(text)
    for variant, canonical in WORD_VARIANTS:
        out = out.replace(variant, canonical)
    return out


def surface(term: str) -> str:
    """How a term is written, ignoring only case and spacing (a case or spacing difference is not a variant)."""
    return re.sub(r"\s+", "", term).lower()


def term_key(term: str) -> str:
    """The key two spellings of one Chinese (or mixed) term share (width, traditional characters, case)."""
    return re.sub(r"[\s\-_·・•]+", "", fold_chars(term.strip().strip("“”\"'‘’「」《》")))


def term_keys(term: str) -> set[str]:
    """``term_key`` of the term and of its 体系/系统-style variant forms (what an index files a name under)."""
    return word_variants(term_key(term))


_BRITISH = ((r"isation", "ization"), (r"ise\b", "ize"), (r"ised\b", "ized"), (r"ising\b", "izing"),
            (r"elling\b", "eling"), (r"elled\b", "eled"), (r"our\b", "or"), (r"tre\b", "ter"))


@lru_cache(maxsize=16384)
def en_key(term: str) -> str:
    """The key of an English term: case, hyphens, spaces, British spelling and plural -s do not count."""
    text = fold_chars(term).strip().strip("“”\"'‘’")
    text = re.sub(r"^(the|a|an)\s+", "", text)
    text = re.sub(r"[\-_/]+", " ", text)
    text = re.sub(r"\bartificial intelligence\b", "ai", text)
    for pattern, repl in _BRITISH:
        text = re.sub(pattern, repl, text)
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w
             for w in re.findall(r"[a-z0-9]+", text)]
    return "".join(words)


_YEAR = re.compile(r"\s*[—–\-:：]\s*(\d{4})\s*$")
_EU = re.compile(r"2024\s*/\s*1689")


@lru_cache(maxsize=16384)
def designation_key(designation: str) -> tuple[str, str]:
    """(document key without year, year or ""): "GB/T 90001—2026" and "GB/T 90001-2026" meet."""
    text = fold_chars(designation).strip()
    if _EU.search(text) or re.search(r"eu\s*ai\s*act|欧盟人工智能法", text):
        return ("eu2024/1689", "")
    m = _YEAR.search(text)
    year = m.group(1) if m else ""
    core = text[: m.start()] if m else text
    return (re.sub(r"\s+", "", core), year)


def same_designation(a: str, b: str) -> bool:
    (ka, ya), (kb, yb) = designation_key(a), designation_key(b)
    return ka == kb and (not ya or not yb or ya == yb)


_ARTICLE = re.compile(r"^(?:article|art\.?)\s*", re.IGNORECASE)
_CN_ARTICLE = re.compile(r"第\s*(\d+)\s*条(?:\s*第?\s*[（(]?\s*(\d+)\s*[)）]?\s*[项点款])?")


def number_key(number: str) -> str:
    """Clause numbers as cited: "Article 3(1)", "3(1)", "第3条第(1)项" → "3(1)"; "3.1.2" stays."""
    text = fold_chars(number).strip().rstrip("。.;；,，")
    m = _CN_ARTICLE.search(text)
    if m:
        return f"{m.group(1)}({m.group(2)})" if m.group(2) else m.group(1)
    text = _ARTICLE.sub("", text)
    text = re.sub(r"\s*[（(]\s*(\d+)\s*[)）]", r"(\1)", text)
    return re.sub(r"\s+", "", text)


_CJK = re.compile(r"[\u4e00-\u9fff]")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
