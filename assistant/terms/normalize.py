"""Normal forms of terms, English equivalents, designations and clause numbers.

Two spellings of one term (全角/半角, 繁体/简体, 体系/系统, "life cycle"/"lifecycle") must meet in one key, so
that lookups find them and the variant-form rule can tell a variant (same key, different spelling) from a
different term (different key). Character-level maps keep the length of the text, so a match found in the
mapped text is at the same offsets in the original.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


# Traditional → simplified, one character for one, from OpenCC's character tables (the pinned
# opencc-python-reimplemented ships them): drafts from any field slip into traditional forms (醫療器械 as well
# as 數據), so a hand-picked list of AI words is not enough. Characters that simplified text uses too (著 in
# 著作: OpenCC lists them as simplified characters as well) are left out, so folding never merges two
# simplified words.
def _trad_table() -> dict[str, str]:
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"

    def pairs(name: str) -> dict[str, str]:
        rows = (line.split("\t") for line in (folder / name).read_text(encoding="utf-8").splitlines() if "\t" in line)
        return {key: value.split()[0] for key, value in rows}

    simplified_too = pairs("STCharacters.txt").keys()
    return {t: s for t, s in pairs("TSCharacters.txt").items()
            if len(t) == 1 and len(s) == 1 and t != s and t not in simplified_too}


_TRAD: dict[str, str] = _trad_table()

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
