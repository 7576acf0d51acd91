"""A new draft's first text: the GB/T 1.1—2020 frame filled from the cover metadata.

The fixed wording (drafting-rules sentence, patent notice, normative-references lead-in, the terms
lead-in) comes from the drafting templates, so a new draft starts with no structure findings but the
placeholders a drafter must fill in (……).
"""

from __future__ import annotations

from assistant.document.markdown import front_matter
from assistant.document.model import DocumentMeta
from assistant.drafting.templates import NO_REFERENCES, foreword, scope


def skeleton(meta: DocumentMeta) -> str:
    english = meta.language == "en"
    if english:
        body = [
            "## Foreword", "……",
            "## 1 Scope", "This document specifies ……", "This document is applicable to ……",
            "## 2 Normative references", "There are no normative references in this document.",
            "## 3 Terms and definitions", "No terms and definitions are listed in this document.",
            "## 4 Requirements", "……",
            "## Bibliography", "……",
        ]
    else:
        body = [
            foreword(meta),
            "## 引言\n……",
            scope(meta),
            # the honest statements of an empty chapter 2 and 3; the drafter replaces them as entries come
            f"## 2　规范性引用文件\n{NO_REFERENCES}",
            "## 3　术语和定义\n本文件没有需要界定的术语和定义。",
            "## 4　要求\n……",
            "## 参考文献\n……",
        ]
    return front_matter(meta) + "\n\n" + "\n\n".join(body) + "\n"
