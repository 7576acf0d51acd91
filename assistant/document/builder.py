"""Assemble classified lines into the clause tree.

Decisions here trust GB numbering and sequence: a numbered line is a heading only if its
number is a plausible next number and its text reads like a title (or, for multi-level
numbers, like the body of an untitled clause). Otherwise it is body text, such as
"10 个工作日内…" or "5.3.2的试验…".
"""

from __future__ import annotations

import re

from assistant.document.lines import Line
from assistant.document.model import (
    Clause,
    ClauseKind,
    Example,
    Figure,
    Formula,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Reference,
    SourceLocation,
    Table,
    TermEntry,
)
from assistant.document.patterns import (
    DESIGNATION,
    REFERENCE_STARTS,
    SENTENCE_END,
    collapse_cjk_spaces,
    is_cjk,
    normalise_for_match,
    title_like,
)
from assistant.document.provisions import ProvisionType, verbal_form

TERMS_TITLES = ("术语和定义", "术语与定义", "术语", "定义", "术语、定义和缩略语", "术语、定义和缩略语")
REFS_TITLES = ("规范性引用文件", "Normative references")
_CONTINUABLE = ("text", "numbered", "nist_subcategory", "nist_category", "eu_paragraph", "eu_numbered_paren")
EU_ACRONYMS = {"ai": "AI", "eu": "EU", "smes": "SMEs", "sme": "SME", "ict": "ICT", "gpai": "GPAI"}


def _number_key(number: str) -> tuple[int, ...]:
    parts = number.split(".")
    head = parts[0]
    first = ord(head) - ord("A") + 1000 if head.isalpha() else int(head)
    return (first, *(int(p) for p in parts[1:]))


def _sentence_case(title: str) -> str:
    if not title.isupper():
        return title
    words = title.lower().split(" ")
    words = [EU_ACRONYMS.get(w, w) for w in words]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def split_term_line(line: str) -> tuple[str, str]:
    """'人工智能系统　artificial intelligence system' → (zh, en). English-only lines give ('', en)."""
    text = line.strip()
    if not is_cjk(text):
        return "", text
    parts = [p for p in re.split(r"[\u3000\t]+|\s{2,}", text) if p.strip()]
    if len(parts) >= 2 and not is_cjk(" ".join(parts[1:])):
        return parts[0].strip(), " ".join(parts[1:]).strip()
    m = re.match(r"^(.*[\u3400-\u9fff）)][^\sA-Za-z]*)\s+([A-Za-z][A-Za-z0-9\s\-'’/(),;]*)$", text)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    return text, ""


class Builder:
    def __init__(self, path: str, structure: str, wrapped: bool = True) -> None:
        self.path = path
        self.structure = structure
        self.wrapped = wrapped
        self.top: list[Clause] = []
        self.stack: list[Clause] = []
        self.current: Clause | None = None
        self.last_line_kind = "blank"
        self.last_numbered: tuple[int, ...] | None = None
        self.chapter = 0
        self.annex_letter = ""
        self.pending_title: Clause | None = None  # heading whose title may come on the next line
        self.pending_annex: Clause | None = None
        self.term_lines: dict[int, list[str]] = {}  # id(clause) -> unresolved text lines of a term entry
        self.term_seen_head: set[int] = set()
        self.in_recitals = False
        self.default_article = ""  # an extract of definitions names its article only in its title

    # --- helpers -----------------------------------------------------------------------

    def loc(self, line: Line) -> SourceLocation:
        return SourceLocation(path=self.path, line=line.lineno)

    def open_clause(self, clause: Clause, parent: Clause | None) -> None:
        self._close_term()
        if parent is None:
            self.top.append(clause)
            self.stack = [clause]
        else:
            parent.children.append(clause)
            idx = self.stack.index(parent) if parent in self.stack else len(self.stack) - 1
            self.stack = [*self.stack[: idx + 1], clause]
        self.current = clause

    def container(self, line: Line) -> Clause:
        if self.current is None:
            kind = ClauseKind.PREAMBLE
            self.current = Clause(kind=kind, title="", location=self.loc(line))
            self.top.append(self.current)
            self.stack = [self.current]
        return self.current

    def in_section(self, titles: tuple[str, ...]) -> bool:
        return bool(self.stack) and self.stack[0].kind == ClauseKind.CHAPTER and self.stack[0].title in titles

    def in_terms(self) -> bool:
        return bool(self.stack) and self.stack[0].kind == ClauseKind.CHAPTER and (
            self.stack[0].title in TERMS_TITLES or self.stack[0].title.lower().startswith("terms")
        )

    def add_block(self, line: Line, block: object) -> None:
        clause = self.container(line)
        if clause.kind == ClauseKind.TERM and isinstance(block, Paragraph):
            self._term_text(clause, block.text)
            return
        entry = clause.term_entry
        if entry is not None and isinstance(block, Note):
            entry.notes.append(block)
            return
        if entry is not None and isinstance(block, Example):
            entry.examples.append(block)
            return
        clause.blocks.append(block)  # type: ignore[arg-type]

    # --- term entries ------------------------------------------------------------------

    def _term_text(self, clause: Clause, text: str) -> None:
        entry = clause.term_entry
        assert entry is not None
        if id(clause) not in self.term_seen_head:
            self.term_seen_head.add(id(clause))
            entry.term_zh, entry.term_en = split_term_line(text)
            clause.title = entry.term
            return
        self.term_lines.setdefault(id(clause), []).append(text)

    def _close_term(self) -> None:
        clause = self.current
        if clause is None or clause.kind != ClauseKind.TERM:
            return
        entry = clause.term_entry
        lines = self.term_lines.pop(id(clause), [])
        if entry is None or not lines:
            return
        # an abbreviation or admitted term is short; a hard-wrapped definition line is a full line long
        if len(lines) >= 2 and len(lines[0]) <= 24 and "，" not in lines[0] and lines[0][-1] not in SENTENCE_END:
            entry.abbreviation = lines[0]
            lines = lines[1:]
        entry.definition = "".join(lines) if is_cjk("".join(lines)) else " ".join(lines)

    # --- numbering ---------------------------------------------------------------------

    def plausible(self, number: str) -> bool:
        key = _number_key(number)
        if len(key) > 6:
            return False
        if number[0].isalpha():
            if not self.annex_letter:
                return False
            if not (ord(self.annex_letter) <= ord(number[0]) <= ord(self.annex_letter) + 1):
                return False
        elif self.annex_letter:
            # a chapter after the annexes is out of order (a checker reports it), but still a chapter
            return len(key) == 1 and key[0] == self.chapter + 1
        elif len(key) == 1:
            return self.chapter == 0 or self.chapter <= key[0] <= self.chapter + 5
        elif self.chapter and not (self.chapter <= key[0] <= self.chapter + 1):
            return False
        return self.last_numbered is None or key >= self.last_numbered or key[0] > self.last_numbered[0]

    def parent_for(self, number: str) -> Clause | None:
        """Nearest open clause whose number is a prefix of this one (tolerates gaps)."""
        parts = number.split(".")
        for clause in reversed(self.stack):
            if clause.kind in (ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.TERM, ClauseKind.ANNEX):
                cp = clause.number.split(".")
                if len(cp) < len(parts) and parts[: len(cp)] == cp:
                    return clause
        return None

    def numbered(self, line: Line, number: str, rest: str) -> None:
        key = _number_key(number)
        self.last_numbered = key
        if len(key) == 1 and not number[0].isalpha():
            self.chapter = key[0]
            self.annex_letter = ""
            clause = Clause(number=number, title=collapse_cjk_spaces(rest) if is_cjk(rest) else rest,
                            kind=ClauseKind.CHAPTER, location=self.loc(line))
            self.open_clause(clause, None)
            if not rest:
                self.pending_title = clause
            return
        parent = self.parent_for(number)
        if parent is not None and parent.kind == ClauseKind.TERM:
            # a term number with children is a group heading ("3.1 通用术语" over 3.1.1)
            self._close_term()
            parent.kind = ClauseKind.CLAUSE
            entry = parent.term_entry
            if entry is not None and not entry.definition:
                parent.blocks = [b for b in parent.blocks if not isinstance(b, TermEntry)]
        if self.in_terms():
            clause = Clause(number=number, kind=ClauseKind.TERM, location=self.loc(line),
                            blocks=[TermEntry(number=number, location=self.loc(line))])
            self.open_clause(clause, parent)
            if rest:
                self._term_text(clause, rest)
            return
        clause = Clause(number=number, kind=ClauseKind.CLAUSE, location=self.loc(line))
        self.open_clause(clause, parent)
        # a wrapped first line of an untitled clause ("5.3.4　标签准确率应在…") can look like a title;
        # titles state a topic and never carry a provision's verbal form
        if rest and title_like(rest) and verbal_form(rest)[1] == ProvisionType.STATEMENT:
            clause.title = rest
        elif rest:
            clause.blocks.append(Paragraph(text=rest, location=self.loc(line)))
        else:
            self.pending_title = clause

    # --- the main dispatch -------------------------------------------------------------

    def feed(self, line: Line, next_line: Line | None) -> None:
        kind = line.kind
        if kind == "blank":
            self.last_line_kind = "blank"
            return
        if self._resolve_pending(line):
            self.last_line_kind = "title"
            return
        if kind in ("foreword", "introduction", "bibliography", "index"):
            titles = {"foreword": "前言", "introduction": "引言", "bibliography": "参考文献", "index": "索引"}
            title = collapse_cjk_spaces(normalise_for_match(line.text)).strip()
            title = title if not is_cjk(title) else titles[kind]
            self.open_clause(Clause(kind=ClauseKind(kind), title=title, location=self.loc(line)), None)
        elif kind == "annex":
            self._annex(line)
        elif kind == "normative_mark":
            para = Paragraph(text=line.text, location=self.loc(line))
            self.add_block(line, para)
        elif kind == "bare_number":
            self._bare_number(line, next_line)
        elif kind == "numbered":
            self._numbered_line(line)
        elif kind.startswith("law_"):
            self._law(line)
        elif kind.startswith("eu_"):
            self._eu(line)
        elif kind.startswith("nist_"):
            self._nist(line)
        elif kind == "note":
            self.add_block(line, Note(label=line.label, text=line.rest, location=self.loc(line)))
        elif kind == "example":
            self.add_block(line, Example(label=line.label, text=line.rest, location=self.loc(line)))
        elif kind == "source":
            entry = self.current.term_entry if self.current else None
            if entry is not None:
                entry.source = line.rest
            else:
                self.add_block(line, Paragraph(text=line.text, location=self.loc(line)))
        elif kind == "list_item":
            self._list_item(line)
        elif kind == "table_caption":
            self.add_block(line, Table(number=line.number, caption=line.rest, location=self.loc(line)))
        elif kind == "table_row":
            self._table_row(line)
        elif kind == "figure_caption":
            self.add_block(line, Figure(number=line.number, caption=line.rest, location=self.loc(line)))
        elif kind == "formula":
            self.add_block(line, Formula(number=line.number, text=line.rest, location=self.loc(line)))
        elif kind == "bib_entry":
            self._reference(line, line.rest, label=line.label)
        elif kind in ("toc", "page_artefact", "image", "contents"):
            pass
        elif kind == "designation_line" and (self.in_section(REFS_TITLES) or self._in_bibliography()):
            self._reference(line, line.text)
        else:
            self._text(line)
        self.last_line_kind = kind

    def _resolve_pending(self, line: Line) -> bool:
        annex = self.pending_annex
        if annex is not None:
            if line.kind == "normative_mark":
                annex.normative = line.label in ("规范性", "normative")
                if line.rest:
                    annex.title = line.rest
                    self.pending_annex = None
                return True
            self.pending_annex = None
            if not annex.title and line.kind == "text" and title_like(line.text, 60):
                annex.title = line.text
                return True
        clause = self.pending_title
        if clause is not None:
            self.pending_title = None
            if line.kind == "text" and title_like(line.text, 60) and not clause.title and (
                    self.structure == "eu_act" or verbal_form(line.text)[1] == ProvisionType.STATEMENT):
                title = line.text.strip("`").strip()
                clause.title = _sentence_case(title) if self.structure == "eu_act" else title
                return True
        return False

    def _annex(self, line: Line) -> None:
        rest = line.rest
        normative: bool | None = None
        m = re.match(r"^[（(]\s*(规范性|资料性|normative|informative)\s*(?:附录)?\s*[)）]\s*(.*)$", rest, re.I)
        if m:
            normative = m.group(1).lower() in ("规范性", "normative")
            rest = m.group(2).strip()
        self.annex_letter = line.number
        self.last_numbered = None
        clause = Clause(number=line.number, title=rest, kind=ClauseKind.ANNEX, normative=normative,
                        location=self.loc(line))
        self.open_clause(clause, None)
        if normative is None or not rest:
            self.pending_annex = clause

    def _bare_number(self, line: Line, next_line: Line | None) -> None:
        number = line.number
        is_chapter = "." not in number
        if is_chapter:
            # "5" alone: a chapter whose title is on the next line, else a page number
            if next_line is not None and next_line.kind == "text" and title_like(next_line.text) and \
                    self.plausible(number):
                self.numbered(line, number, "")
            return
        if self.plausible(number):
            self.numbered(line, number, "")

    def _numbered_line(self, line: Line) -> None:
        number, rest = line.number, line.rest
        single = "." not in number
        # "5.1.1与5.1.2规定的…" is a reference that wrapped to the start of a line; a Markdown heading or a
        # full-width space after the number marks a real heading, whose title may well begin with 与 or 的
        reference = rest.startswith(REFERENCE_STARTS) and not (line.md_level or "\u3000" in line.text[:len(number) + 2])
        if (single and not title_like(rest)) or reference or (
            rest and not is_cjk(rest) and rest[:1].islower() and not self.in_terms()
        ):
            self._text(line)
            return
        if not self.plausible(number):
            self._text(line)
            return
        self.numbered(line, number, rest)

    def _text(self, line: Line) -> None:
        text = line.text
        clause = self.current
        if clause is not None and clause.kind == ClauseKind.TERM:
            self._term_text(clause, text)
            return
        if self.wrapped and clause is not None and self.last_line_kind in _CONTINUABLE and clause.blocks:
            last = clause.blocks[-1]
            # hard-wrapped lines (PDF, OCR) continue the paragraph when it has not ended
            if isinstance(last, Paragraph) and last.text and last.text[-1] not in SENTENCE_END + "：:" and \
                    self.structure != "law":
                if last.text.endswith("-") and text[:1].islower():
                    last.text = last.text[:-1] + text
                else:
                    # wrapped Chinese joins directly; only a break between two ASCII words was a space
                    ascii_break = last.text[-1:].isascii() and text[:1].isascii()
                    last.text += " " + text if ascii_break else text
                return
        self.add_block(line, Paragraph(text=text, location=self.loc(line)))

    def _in_bibliography(self) -> bool:
        return bool(self.stack) and self.stack[0].kind == ClauseKind.BIBLIOGRAPHY

    def _reference(self, line: Line, text: str, label: str = "") -> None:
        m = DESIGNATION.search(normalise_for_match(text))
        if m is None:
            self.add_block(line, Paragraph(text=line.text, location=self.loc(line)))
            return
        designation = text[m.start() : m.end()].strip()
        title = text[m.end() :].strip(" 　\t,，")
        all_parts = "所有部分" in title or "all parts" in title
        dated = bool(re.search(r"(?:[—–:-]|--)\s*\d{4}$", normalise_for_match(designation)))
        self.add_block(line, Reference(designation=designation, title=title, dated=dated, all_parts=all_parts,
                                       normative=not self._in_bibliography(), label=label,
                                       location=self.loc(line)))

    def _list_item(self, line: Line) -> None:
        clause = self.container(line)
        style = line.extra.get("style", "dash")
        item = ListItem(marker=line.label, text=line.rest, location=self.loc(line))
        last = clause.blocks[-1] if clause.blocks else None
        if isinstance(last, ListBlock) and self.last_line_kind in ("list_item", "blank", "text"):
            nested = {"alpha": ("numeric", "dash"), "numeric": ("dash",), "cn_paren": ("numeric",)}
            if last.style != style and style in nested.get(last.style, ()) and last.items:
                last.items[-1].children.append(item)
                return
            if last.style == style or self.last_line_kind == "list_item":
                last.items.append(item)
                return
        if clause.kind == ClauseKind.TERM:
            self._term_text(clause, line.text)
            return
        clause.blocks.append(ListBlock(style=style, items=[item], location=self.loc(line)))  # type: ignore[arg-type]

    def _table_row(self, line: Line) -> None:
        cells = [c.strip() for c in line.text.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
            return
        clause = self.container(line)
        last = clause.blocks[-1] if clause.blocks else None
        if not isinstance(last, Table) or self.last_line_kind not in ("table_row", "table_caption", "blank"):
            last = Table(number="", caption="", location=self.loc(line))
            clause.blocks.append(last)
        last.rows.append(cells)

    # --- laws, EU acts, NIST ------------------------------------------------------------

    def _law(self, line: Line) -> None:
        if line.kind == "law_chapter":
            title, _, section = line.rest.partition(">")
            chapter = self.stack[0] if self.stack and self.stack[0].number == line.number else None
            if chapter is None:
                chapter = Clause(number=line.number, title=title.strip(), kind=ClauseKind.CHAPTER,
                                 location=self.loc(line))
                self.open_clause(chapter, None)
                if not chapter.title:
                    self.pending_title = chapter
            # "第二章 授权运营 > 第一节 授权": a breadcrumb heading names the section too
            if m := re.match(r"^\s*(第[零一二三四五六七八九十百]+节)\s*(.*)$", section):
                self.open_clause(Clause(number=m.group(1), title=collapse_cjk_spaces(m.group(2).strip()),
                                        kind=ClauseKind.SECTION, location=self.loc(line)), chapter)
            return
        chapter = next((c for c in self.stack if c.kind == ClauseKind.CHAPTER), None)
        if line.kind == "law_section":
            new_section = Clause(number=line.number, title=line.rest, kind=ClauseKind.SECTION,
                                 location=self.loc(line))
            self.open_clause(new_section, chapter)
            if not new_section.title:
                self.pending_title = new_section
            return
        parent = next((c for c in reversed(self.stack) if c.kind in (ClauseKind.SECTION, ClauseKind.CHAPTER)), None)
        clause = Clause(number=line.number, kind=ClauseKind.ARTICLE, location=self.loc(line))
        self.open_clause(clause, parent)
        if line.rest:
            clause.blocks.append(Paragraph(text=line.rest, location=self.loc(line)))

    def _eu(self, line: Line) -> None:
        kind = line.kind
        if kind == "eu_chapter":
            clause = Clause(number=f"Chapter {line.number}", kind=ClauseKind.CHAPTER, location=self.loc(line))
            self.open_clause(clause, None)
            self.pending_title = clause
            self.in_recitals = False
        elif kind == "eu_section":
            chapter = next((c for c in self.stack if c.kind == ClauseKind.CHAPTER), None)
            clause = Clause(number=f"Section {line.number}", kind=ClauseKind.SECTION, location=self.loc(line))
            self.open_clause(clause, chapter)
            self.pending_title = clause
        elif kind == "eu_article":
            parent = next((c for c in reversed(self.stack) if c.kind in (ClauseKind.SECTION, ClauseKind.CHAPTER)),
                          None)
            clause = Clause(number=f"Article {line.number}", kind=ClauseKind.ARTICLE, location=self.loc(line))
            self.open_clause(clause, parent)
            self.pending_title = clause
        elif kind == "eu_annex":
            clause = Clause(number=f"Annex {line.number}", kind=ClauseKind.ANNEX, location=self.loc(line))
            self.open_clause(clause, None)
            self.pending_title = clause
            self.annex_letter = ""
        elif kind == "eu_point_def" and (self.default_article or (self.current is not None and self.current.kind in (
                ClauseKind.ARTICLE, ClauseKind.POINT))):
            article = next((c for c in reversed(self.stack) if c.kind == ClauseKind.ARTICLE), None)
            if article is None:
                article = Clause(number=self.default_article, kind=ClauseKind.ARTICLE, title="Definitions",
                                 location=self.loc(line))
                self.open_clause(article, None)
            term = line.extra["term"]
            clause = Clause(number=f"{article.number}({line.number})", title=term, kind=ClauseKind.POINT,
                            location=self.loc(line))
            clause.blocks.append(TermEntry(number=clause.number, term_en=term, definition=line.rest.rstrip(";."),
                                           location=self.loc(line)))
            self.open_clause(clause, article)
        elif kind in ("eu_numbered_paren", "eu_point_def") and (self.in_recitals or self._before_articles()):
            if not self.in_recitals:
                self._text(line)
                return
            clause = Clause(number=f"Recital {line.number}", kind=ClauseKind.RECITAL, location=self.loc(line))
            self.open_clause(clause, None)
            clause.blocks.append(Paragraph(text=line.rest, location=self.loc(line)))
        elif kind == "eu_paragraph":
            self.add_block(line, Paragraph(text=f"{line.number}. {line.rest}", location=self.loc(line)))
        else:
            self.add_block(line, Paragraph(text=line.text, location=self.loc(line)))

    def _before_articles(self) -> bool:
        return not any(c.kind in (ClauseKind.CHAPTER, ClauseKind.ARTICLE) for c in self.top)

    def start_recitals(self) -> None:
        self.in_recitals = True

    def _nist(self, line: Line) -> None:
        if line.kind == "nist_function":
            self.open_clause(Clause(number=line.number, kind=ClauseKind.FUNCTION, location=self.loc(line)), None)
            return
        if line.kind == "nist_category":
            parent = next((c for c in reversed(self.stack) if c.kind in (
                ClauseKind.FUNCTION, ClauseKind.CHAPTER, ClauseKind.CLAUSE, ClauseKind.ANNEX)), None)
            function = line.number.split(" ")[0]
            if parent is None or (parent.kind == ClauseKind.FUNCTION and parent.number != function):
                parent = None
            clause = Clause(number=line.number, title=line.rest, kind=ClauseKind.CATEGORY, location=self.loc(line))
            self.open_clause(clause, parent)
            return
        parent = next((c for c in reversed(self.stack) if c.kind in (
            ClauseKind.CATEGORY, ClauseKind.FUNCTION, ClauseKind.CHAPTER, ClauseKind.CLAUSE)), None)
        clause = Clause(number=line.number, kind=ClauseKind.SUBCATEGORY, location=self.loc(line))
        self.open_clause(clause, parent)
        if line.rest:
            clause.blocks.append(Paragraph(text=line.rest, location=self.loc(line)))

    def finish(self) -> list[Clause]:
        self._close_term()
        return self.top

