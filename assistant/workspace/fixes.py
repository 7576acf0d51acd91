"""Which findings carry a fix that can be applied mechanically, and applying one.

Many rules give, as their suggestion, the offending text rewritten ("必须" → "应", "GB/T 22239:2019" →
"GB/T 22239—2019", a whole sentence with the verbal form corrected). Others give an instruction ("move
the requirement into the body"), which only a person can carry out. A suggestion is offered as a fix only
when it reads as a rewrite of the offending text: not a bilingual instruction, similar enough to the text,
and the text occurs exactly once in the clause's section, so applying it cannot touch the wrong place.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from pydantic import BaseModel

from assistant.checks.model import Finding
from assistant.workspace.errors import Conflict
from assistant.workspace.sections import find_section, replace_section, section_text

MIN_SIMILARITY = 0.5  # below this the "suggestion" is a different text, i.e. an instruction or a template
PLACEHOLDERS = ("……", "…", "XXXXX", "YYYY", "［单位］")


class Fix(BaseModel):
    clause: str
    old: str
    new: str
    needs_completion: bool = False  # the new text holds placeholders (……) the drafter must fill in


def fix_for(finding: Finding, content: str) -> Fix | None:
    old, new = finding.text.strip(), finding.suggestion.strip()
    if not old or not new or old == new or " / " in new or "\n" in old:
        return None
    if SequenceMatcher(None, old, new, autojunk=False).ratio() < MIN_SIMILARITY:
        return None
    try:
        find_section(content, finding.clause)
        body = section_text(content, finding.clause)
    except Exception:  # a finding on the whole document, or on a clause the sections do not separate
        return None
    if body.count(old) != 1:
        return None
    return Fix(clause=finding.clause, old=old, new=new,
               needs_completion=any(p in new and p not in old for p in PLACEHOLDERS))


def apply_fix(content: str, fix: Fix) -> str:
    body = section_text(content, fix.clause)
    if body.count(fix.old) != 1:
        raise Conflict(f"条款{fix.clause}已改变，无法应用该修改", f"clause {fix.clause} has changed; the fix no "
                       "longer applies", clause=fix.clause)
    return replace_section(content, fix.clause, body.replace(fix.old, fix.new, 1))
