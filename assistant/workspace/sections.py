"""A draft's text cut into clause sections, so one clause can be edited or fixed without touching others.

A draft is kept in the project's Markdown form. A section is the lines from a clause's heading to the next
heading of any level (subclauses are sections of their own); the front matter is the section "cover".
Edits replace lines only, so everything outside the edited section stays byte for byte as it was.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.checks.context import clause_label
from assistant.document.errors import InputError
from assistant.document.model import Clause, Document
from assistant.document.parse_text import parse_text
from assistant.workspace.errors import Invalid, NotFound

COVER = "cover"


class Section(BaseModel):
    label: str  # how findings and comments name the clause: "5.1", "前言", "附录A" is "A", "cover"
    number: str
    title: str
    kind: str
    level: int
    start: int  # first line, 0-based, inclusive
    end: int  # last line, exclusive


def parse_draft(content: str, name: str = "draft.md") -> Document:
    try:
        return parse_text(content, name)
    except InputError as exc:
        raise Invalid(f"草案无法解析：{exc.problem}", f"the draft does not parse: {exc.problem}",
                      field="content") from None


def sections(content: str, document: Document | None = None) -> list[Section]:
    document = document or parse_draft(content)
    lines = content.split("\n")
    starts: list[tuple[int, int, Clause]] = []

    def visit(clauses: list[Clause], level: int) -> None:
        for clause in clauses:
            if clause.location is not None and clause.location.line is not None:
                starts.append((clause.location.line - 1, level, clause))
            visit(clause.children, level + 1)

    visit(document.clauses, 1)
    starts.sort(key=lambda item: item[0])
    out: list[Section] = []
    first = starts[0][0] if starts else len(lines)
    if first > 0:
        out.append(Section(label=COVER, number="", title="封面 / cover", kind="cover", level=0, start=0,
                           end=first))
    for i, (start, level, clause) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        out.append(Section(label=clause_label(clause), number=clause.number, title=clause.title,
                           kind=clause.kind.value, level=level, start=start, end=end))
    return out


def find_section(content: str, label: str) -> Section:
    for section in sections(content):
        if section.label == label or (section.number and section.number == label):
            return section
    raise NotFound(f"草案中没有条款“{label}”", f"no clause '{label}' in the draft", clause=label)


def section_text(content: str, label: str) -> str:
    section = find_section(content, label)
    return "\n".join(content.split("\n")[section.start:section.end]).rstrip("\n")


def replace_section(content: str, label: str, text: str) -> str:
    """The draft with one section's lines replaced; refuses text that breaks the draft's structure."""
    section = find_section(content, label)
    lines = content.split("\n")
    new = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    # keep the blank line that separates this section from the next one, or the text's final newline: a fix in
    # the last clause must not change a byte after it
    trailing = [""] if section.end < len(lines) or content.endswith("\n") else []
    result = "\n".join(lines[: section.start] + new + trailing + lines[section.end:])
    parse_draft(result)  # raises Invalid naming the problem when the edit broke the Markdown
    return result
