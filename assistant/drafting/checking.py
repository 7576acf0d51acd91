"""Run the checks of the check issues on a drafted fragment.

A draft answer is one clause, not a whole standard: rules about the whole document (missing chapters, cover,
numbering continuity, cross-references to clauses the fragment does not contain, annex order, reference
lists) would fire on every answer and drown the findings that matter, so they are left out here.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.checks.model import Finding, RuleInfo, Severity
from assistant.checks.registry import SYS_RULE_ID, all_rules, run_checks
from assistant.document.model import Document

WHOLE_DOCUMENT_AREAS = frozenset({"structure", "cover", "numbering", "xrefs", "annexes", "references"})
# a term entry drafted alone is never "used in the text"; whether it is used is a question for the whole draft
WHOLE_DOCUMENT_RULES = frozenset({"TRM-108"})


@lru_cache(maxsize=1)
def fragment_rules() -> tuple[RuleInfo, ...]:
    # importing the packages registers the requirement (REQ) and term-conflict (TRM-1xx) rules
    import assistant.requirements.rules
    import assistant.terms.rules  # noqa: F401

    return tuple(r for r in all_rules() if r.id != SYS_RULE_ID and r.area not in WHOLE_DOCUMENT_AREAS
                 and r.id not in WHOLE_DOCUMENT_RULES)


def check_fragment(document: Document) -> list[Finding]:
    return run_checks(document, rules=fragment_rules())


def passes(findings: list[Finding]) -> bool:
    """A draft passes when no error or warning remains; info findings are advice."""
    return not any(f.severity in (Severity.ERROR, Severity.WARNING) for f in findings)
