"""An independent reader of Word revisions: accept or reject all w:ins / w:del with lxml, then give the text.

It shares no code with assistant/export, so a test that compares its output with the plain export
checks the revisions themselves, not the writer against itself.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body_lines(path: Path, accept: bool = True) -> list[str]:
    """Non-empty paragraph texts and table rows ("a | b") of the body after accepting or rejecting all."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    body = root.find(f"{W}body")
    drop, keep = (f"{W}del", f"{W}ins") if accept else (f"{W}ins", f"{W}del")
    for tr in list(body.iter(f"{W}tr")):
        pr = tr.find(f"{W}trPr")
        if pr is not None and pr.find(drop) is not None:
            tr.getparent().remove(tr)
    for node in list(body.iter(drop)):
        if node.getparent().tag not in (f"{W}rPr", f"{W}trPr"):
            node.getparent().remove(node)
    for node in list(body.iter(keep)):
        parent = node.getparent()
        if parent.tag in (f"{W}rPr", f"{W}trPr"):
            continue
        index = parent.index(node)
        for offset, grandchild in enumerate(list(node)):
            parent.insert(index + offset, grandchild)
        parent.remove(node)
    lines: list[str] = []
    carry = ""  # text of a paragraph whose mark was removed joins the next paragraph
    for element in body:
        if element.tag == f"{W}p":
            text = carry + _text(element)
            mark = element.find(f"{W}pPr/{W}rPr/{drop}")
            if mark is not None:
                carry = text
                continue
            carry = ""
            if text.strip():
                lines.append(text)
        elif element.tag == f"{W}tbl":
            if carry.strip():
                lines.append(carry)
            carry = ""
            for tr in element.iter(f"{W}tr"):
                lines.append(" | ".join(_text(tc) for tc in tr.iter(f"{W}tc")))
    if carry.strip():
        lines.append(carry)
    return lines


def _text(element: etree._Element) -> str:
    parts = []
    for node in element.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br"):
        if node.tag in (f"{W}t", f"{W}delText"):
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == f"{W}tab" else "\n")
    return "".join(parts)


def revision_counts(path: Path) -> tuple[int, int]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return len(root.findall(f".//{W}ins")), len(root.findall(f".//{W}del"))
